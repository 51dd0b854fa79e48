/**
 * Calendar dates for the cost and interest calculations, as whole days since 1970-01-01 (UTC).
 * Interest counts calendar days, never hours, so time zones and daylight saving must not enter.
 */

import { parseIsoDate } from '../calendar/days';

const DAY_MS = 86400000;

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

/** ISO date of a day number. */
export function fromDayNumber(dayNumber: number): string {
	return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar year of a day number. */
export function yearOf(dayNumber: number): number {
	return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 366 in a leap year, else 365. */
export function daysInYear(year: number): number {
	return isLeapYear(year) ? 366 : 365;
}

/** Day number of 1 January of `year`. */
export function firstOfYear(year: number): number {
	return Date.UTC(year, 0, 1) / DAY_MS;
}

/**
 * The same month and day `years` later. A 29 February start has no twin in a common year; we use
 * 1 March, so the year that began on a leap day keeps its 366 days and compounding comes no earlier.
 */
export function addYears(dayNumber: number, years: number): number {
	const date = new Date(dayNumber * DAY_MS);
	const year = date.getUTCFullYear() + years;
	const month = date.getUTCMonth();
	const day = date.getUTCDate();
	if (month === 1 && day === 29 && !isLeapYear(year)) return Date.UTC(year, 2, 1) / DAY_MS;
	return Date.UTC(year, month, day) / DAY_MS;
}

const MONTHS: Record<string, string[]> = {
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "1 januari 2024" (nl) or "1 January 2024" (en), the way a letter writes a date. */
export function formatLongDate(isoDate: string, language = 'nl'): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	const months = MONTHS[language] ?? MONTHS.en;
	return `${day} ${months[month - 1]} ${year}`;
}
