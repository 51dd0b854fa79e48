/**
 * Calendar dates for the cost and interest calculations, as whole days since 1970-01-01 (UTC).
 * Interest counts calendar days, never hours, so time zones and daylight saving must not enter.
 */

import { MS_PER_DAY, isLeapYear, parseIsoDate } from '../calendar/days';
import { formatDate } from '../calendar/format';

/**
 * True for a real calendar date written as `YYYY-MM-DD` (so 2023-02-29 is false). Read by the Dutch
 * calendar's parser (one home for dates; no regular expression or Date object per claim). The same
 * day numbers: days since 1970-01-01.
 */
export function isIsoDate(value: unknown): value is string {
	return typeof value === 'string' && !Number.isNaN(parseIsoDate(value));
}

/** Day number of an ISO date; throws a RangeError naming `field` when the date is not valid. */
export function toDayNumber(value: string, field = 'date'): number {
	const day = parseIsoDate(value);
	if (Number.isNaN(day)) throw new RangeError(`${field} must be a calendar date written as YYYY-MM-DD`);
	return day;
}

/** 366 in a leap year, else 365. */
export function daysInYear(year: number): number {
	return isLeapYear(year) ? 366 : 365;
}

/** Day number of 1 January of `year`. */
export function firstOfYear(year: number): number {
	return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/**
 * The same month and day `years` later. A 29 February start has no twin in a common year; we use
 * 1 March, so the year that began on a leap day keeps its 366 days and compounding comes no earlier.
 */
export function addYears(dayNumber: number, years: number): number {
	const date = new Date(dayNumber * MS_PER_DAY);
	const year = date.getUTCFullYear() + years;
	const month = date.getUTCMonth();
	const day = date.getUTCDate();
	if (month === 1 && day === 29 && !isLeapYear(year)) return Date.UTC(year, 2, 1) / MS_PER_DAY;
	return Date.UTC(year, month, day) / MS_PER_DAY;
}

/** "1 januari 2024" (nl) or "1 January 2024" (en), the way a letter writes a date (formatDate's medium style). */
export function formatLongDate(isoDate: string, language = 'nl'): string {
	return formatDate(toDayNumber(isoDate), language, 'medium');
}
