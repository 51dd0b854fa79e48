/**
 * Calendar dates for the cost and interest calculations, as whole days since 1970-01-01 (UTC).
 * Interest counts calendar days, never hours, so time zones and daylight saving must not enter.
 */

import { dateOf, daysFromCivil, isLeapYear, monthOf, parseIsoDate, yearOf } from '../calendar/days';
import { formatDate } from '../calendar/format';

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
	return daysFromCivil(year, 1, 1);
}

/**
 * The same month and day `years` later. A 29 February start has no twin in a common year; we use
 * 1 March, so the year that began on a leap day keeps its 366 days and compounding comes no earlier.
 */
export function addYears(dayNumber: number, years: number): number {
	const year = yearOf(dayNumber) + years;
	const month = monthOf(dayNumber);
	const day = dateOf(dayNumber);
	if (month === 2 && day === 29 && !isLeapYear(year)) return daysFromCivil(year, 3, 1);
	return daysFromCivil(year, month, day);
}

/** "1 januari 2024" (nl) or "1 January 2024" (en), the way a letter writes a date (formatDate's medium style). */
export function formatLongDate(isoDate: string, language = 'nl'): string {
	return formatDate(toDayNumber(isoDate), language, 'medium');
}
