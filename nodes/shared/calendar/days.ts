/**
 * Calendar dates as plain integers: a "day number" is the number of days since 1970-01-01 in the
 * proleptic Gregorian calendar. Integers compare, subtract and index typed arrays without any
 * allocation, which the schedulers need (they evaluate very many candidate dates per second).
 * All conversions are pure integer arithmetic (Howard Hinnant's civil-date algorithms), no Date.
 */

/** Days since 1970-01-01 (UTC calendar arithmetic, no time zone). */
export type DayNumber = number;

/** Milliseconds in a calendar day (UTC arithmetic; Amsterdam offsets are handled in amsterdam.ts). */
export const MS_PER_DAY = 86400000;
export const MS_PER_MINUTE = 60000;
export const MS_PER_HOUR = 3600000;

/** First and last year the compiled calendars cover. */
export const FIRST_CALENDAR_YEAR = 2020;
export const LAST_CALENDAR_YEAR = 2100;

/** Days since 1970-01-01 for a proleptic Gregorian year, month (1-12) and day of month. */
export function daysFromCivil(year: number, month: number, dayOfMonth: number): DayNumber {
	// Record dates (birth dates included) fall in the table's years: one lookup instead of divisions.
	const i = (year - MONTH_TABLE_FIRST_YEAR) * 12 + month - 1;
	if (i >= 0 && i < MONTH_START.length && month >= 1 && month <= 12) return MONTH_START[i] + dayOfMonth - 1;
	return civilDays(year, month, dayOfMonth);
}

function civilDays(year: number, month: number, dayOfMonth: number): DayNumber {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const shiftedMonth = month > 2 ? month - 3 : month + 9; // March = 0, so leap day is last
	const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + dayOfMonth - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

// Day number of the first day of every month of 1900-2199, and the month's length.
const MONTH_TABLE_FIRST_YEAR = 1900;
const MONTH_TABLE_YEARS = 300;
const MONTH_START = new Int32Array(MONTH_TABLE_YEARS * 12);
const MONTH_LENGTH = new Uint8Array(MONTH_TABLE_YEARS * 12);
for (let i = 0; i < MONTH_START.length; i++) {
	const year = MONTH_TABLE_FIRST_YEAR + Math.floor(i / 12);
	const month = (i % 12) + 1;
	MONTH_START[i] = civilDays(year, month, 1);
	MONTH_LENGTH[i] = daysInMonth(year, month);
}

/** First calendar day covered by the compiled calendars: 2020-01-01. */
export const CALENDAR_FIRST_DAY: DayNumber = daysFromCivil(FIRST_CALENDAR_YEAR, 1, 1);
/** Last calendar day covered by the compiled calendars: 2100-12-31. */
export const CALENDAR_LAST_DAY: DayNumber = daysFromCivil(LAST_CALENDAR_YEAR, 12, 31);
/** Number of days in the compiled range. */
export const CALENDAR_LENGTH = CALENDAR_LAST_DAY - CALENDAR_FIRST_DAY + 1;

// Year / month / day-of-month lookup tables for the compiled range, so formatting and the DST rule
// need no division-heavy arithmetic in the hot path.
const YEAR_OF = new Uint16Array(CALENDAR_LENGTH);
const MONTH_OF = new Uint8Array(CALENDAR_LENGTH);
const DATE_OF = new Uint8Array(CALENDAR_LENGTH);
{
	let i = 0;
	for (let year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year++) {
		for (let month = 1; month <= 12; month++) {
			const length = daysInMonth(year, month);
			for (let date = 1; date <= length; date++) {
				YEAR_OF[i] = year;
				MONTH_OF[i] = month;
				DATE_OF[i] = date;
				i++;
			}
		}
	}
}

/** True for Gregorian leap years (2000 yes, 2100 no). */
export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Shared by the three accessors below; returns the proleptic Gregorian fields of any day number.
function civilPart(day: DayNumber, part: 0 | 1 | 2): number {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
	);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
	const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	if (part === 1) return month;
	if (part === 2) return dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
	return yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

/** Calendar year of a day number (allocation-free). */
export function yearOf(day: DayNumber): number {
	const i = day - CALENDAR_FIRST_DAY;
	return i >= 0 && i < CALENDAR_LENGTH ? YEAR_OF[i] : civilPart(day, 0);
}

/** Month (1-12) of a day number (allocation-free). */
export function monthOf(day: DayNumber): number {
	const i = day - CALENDAR_FIRST_DAY;
	return i >= 0 && i < CALENDAR_LENGTH ? MONTH_OF[i] : civilPart(day, 1);
}

/** Day of the month (1-31) of a day number (allocation-free). */
export function dateOf(day: DayNumber): number {
	const i = day - CALENDAR_FIRST_DAY;
	return i >= 0 && i < CALENDAR_LENGTH ? DATE_OF[i] : civilPart(day, 2);
}

/** Year, month (1-12) and day of month of a day number. */
export function ymd(day: DayNumber): { year: number; month: number; day: number } {
	assertWholeDay(day);
	return { year: yearOf(day), month: monthOf(day), day: dateOf(day) };
}

/** ISO weekday of a day number: 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: DayNumber): number {
	let r = (day + 3) % 7;
	if (r < 0) r += 7;
	return r + 1;
}

function describe(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Day number of an ISO date "YYYY-MM-DD", or NaN when it is not a real date (never throws). */
export function parseIsoDate(text: unknown): DayNumber {
	if (typeof text === 'string' && text.length === 10) return isoDateAt(text, 0);
	return Number.NaN;
}

/**
 * Day number of the real calendar date "YYYY-MM-DD" written at `start` of `text` (which must have
 * the ten characters), or NaN. Plain character codes and a table lookup: the segmenter reads some
 * 80 dates per debtor, so this is where date handling has to be cheap.
 */
export function isoDateAt(text: string, start: number): DayNumber {
	if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return Number.NaN;
	const y0 = text.charCodeAt(start) - 48;
	const y1 = text.charCodeAt(start + 1) - 48;
	const y2 = text.charCodeAt(start + 2) - 48;
	const y3 = text.charCodeAt(start + 3) - 48;
	const m0 = text.charCodeAt(start + 5) - 48;
	const m1 = text.charCodeAt(start + 6) - 48;
	const d0 = text.charCodeAt(start + 8) - 48;
	const d1 = text.charCodeAt(start + 9) - 48;
	// Unsigned compare: a non-digit gives a value outside 0-9 either way.
	if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) {
		return Number.NaN;
	}
	const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
	const month = m0 * 10 + m1;
	const date = d0 * 10 + d1;
	if (month < 1 || month > 12 || date < 1) return Number.NaN;
	const i = (year - MONTH_TABLE_FIRST_YEAR) * 12 + month - 1;
	if (i >= 0 && i < MONTH_START.length) return date <= MONTH_LENGTH[i] ? MONTH_START[i] + date - 1 : Number.NaN;
	return date <= daysInMonth(year, month) ? civilDays(year, month, date) : Number.NaN;
}

// Two ASCII digits at `start`, or -1 when either is not a digit.
export function twoDigitsAt(text: string, start: number): number {
	const high = text.charCodeAt(start) - 48;
	const low = text.charCodeAt(start + 1) - 48;
	return (high >>> 0) > 9 || (low >>> 0) > 9 ? -1 : high * 10 + low;
}

/** The largest UTC offset, in hours, the moment reader (parseMoment) accepts. */
export const MOMENT_MAX_OFFSET_HOURS = 18;

/**
 * Where readIsoDateTime leaves the moment it read, so the number reaches its reader without being
 * boxed (a double returned from a call that is not inlined becomes a heap object). Invariant: valid
 * only right after a readIsoDateTime that returned true, until the next call; read it at once.
 */
export const MOMENT_READ = new Float64Array(1);

/**
 * Reads an ISO 8601 date-time in the two shapes records and n8n write, "YYYY-MM-DDTHH:MM:SSZ" and
 * "YYYY-MM-DDTHH:MM:SS+HH:MM" (or -HH:MM), on character codes, and leaves its epoch milliseconds in
 * MOMENT_READ. False for any other text (fractions, no offset, ...) and for offsets beyond
 * `maxOffsetHours`:59. The schema check (RFC 3339 allows 23) and the moment reader (18) share this
 * one reading of the common shape.
 */
export function readIsoDateTime(text: string, maxOffsetHours: number): boolean {
	const length = text.length;
	if ((length !== 25 && length !== 20) || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
		return false;
	}
	const hour = twoDigitsAt(text, 11);
	const minute = twoDigitsAt(text, 14);
	const second = twoDigitsAt(text, 17);
	if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
	const day = isoDateAt(text, 0);
	if (day !== day) return false; // not a real date
	let offsetMinutes = 0;
	if (length === 20) {
		if (text.charCodeAt(19) !== 90) return false;
	} else {
		const sign = text.charCodeAt(19);
		if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58) return false;
		const offsetHours = twoDigitsAt(text, 20);
		const offsetRest = twoDigitsAt(text, 23);
		if (offsetHours < 0 || offsetHours > maxOffsetHours || offsetRest < 0 || offsetRest > 59) return false;
		offsetMinutes = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetRest);
	}
	MOMENT_READ[0] = (day * 1440 + hour * 60 + minute - offsetMinutes) * MS_PER_MINUTE + second * 1000;
	return true;
}

/**
 * Epoch milliseconds of an ISO 8601 date-time in the two shapes records and n8n write (see
 * readIsoDateTime); NaN for any other text and for offsets beyond `maxOffsetHours`:59.
 */
export function isoDateTimeMs(text: string, maxOffsetHours: number): number {
	return readIsoDateTime(text, maxOffsetHours) ? MOMENT_READ[0] : Number.NaN;
}

/** Day number of an ISO date "YYYY-MM-DD"; throws a RangeError naming the input if it is not a real date. */
export function dayNumber(isoDate: string): DayNumber {
	const day = parseIsoDate(isoDate);
	if (day === day) return day; // not NaN
	throw new RangeError(`${describe(isoDate)} is not a real calendar date in the form YYYY-MM-DD`);
}

/** True when `text` is a real calendar date written as "YYYY-MM-DD". */
export function isIsoDate(text: unknown): text is string {
	return !Number.isNaN(parseIsoDate(text));
}

function assertWholeDay(day: DayNumber): void {
	if (!Number.isSafeInteger(day)) throw new RangeError(`${describe(day)} is not a whole day number`);
}

/** A whole number 0-99 as two digits ("07"), as dates and times are written. */
export function pad2(value: number): string {
	return value < 10 ? '0' + value : String(value);
}

/** ISO date "YYYY-MM-DD" of a day number (years 0000-9999). */
export function isoDate(day: DayNumber): string {
	// Days of the compiled range are written once and the same string is handed out each time (a run
	// writes the same few dates into every result). Invariant: ISO_DATES[i] is only ever the text of
	// day CALENDAR_FIRST_DAY + i; strings are immutable, so sharing them is safe.
	const i = day - CALENDAR_FIRST_DAY;
	if (i >= 0 && i < CALENDAR_LENGTH && Number.isInteger(day)) return (ISO_DATES[i] ??= writeIsoDate(day));
	return writeIsoDate(day);
}

const ISO_DATES: Array<string | undefined> = new Array(CALENDAR_LENGTH);

function writeIsoDate(day: DayNumber): string {
	assertWholeDay(day);
	const year = yearOf(day);
	if (year < 0 || year > 9999) throw new RangeError(`Day ${day} lies outside the years 0000-9999`);
	return `${String(year).padStart(4, '0')}-${pad2(monthOf(day))}-${pad2(dateOf(day))}`;
}

/** Day number of the UTC calendar date of an epoch-milliseconds instant. */
export function utcDayOf(epochMs: number): DayNumber {
	return Math.floor(epochMs / MS_PER_DAY);
}
