/**
 * The string formats of the debtor schema, checked on character codes for the common shapes and
 * otherwise by the rules of the full formats of ajv-formats 3.0.1 (MIT): RFC 3339 dates and date-times with
 * leap seconds, its e-mail pattern. Written out here so nothing that ships needs ajv; the unit tests
 * hold every answer to ajv-formats' own.
 */
import type { CheckedDates } from '../calendar/checkedDates';
import { daysInMonth, isoDateAt, readIsoDateTime } from '../calendar/days';

const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;

/** RFC 3339 full-date: YYYY-MM-DD of a day that exists. */
function rfcDate(s: string): boolean {
	const matches = DATE.exec(s);
	if (!matches) return false;
	const year = +matches[1];
	const month = +matches[2];
	const day = +matches[3];
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** RFC 3339 full-time with a required offset; second 60 only where it is 23:59:60 in UTC. */
function rfcTime(s: string): boolean {
	const matches = TIME.exec(s);
	if (!matches) return false;
	const hour = +matches[1];
	const minute = +matches[2];
	const second = +matches[3];
	const sign = matches[5] === '-' ? -1 : 1;
	const offsetHours = +(matches[6] || 0);
	const offsetMinutes = +(matches[7] || 0);
	if (offsetHours > 23 || offsetMinutes > 59 || !matches[4]) return false;
	if (hour <= 23 && minute <= 59 && second < 60) return true;
	const utcMinute = minute - offsetMinutes * sign;
	const utcHour = hour - offsetHours * sign - (utcMinute < 0 ? 1 : 0);
	return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

/** RFC 3339 date-time: a date and a time, split at one `T`, `t` or white space. */
function rfcDateTime(s: string): boolean {
	const parts = s.split(DATE_TIME_SEPARATOR);
	return parts.length === 2 && rfcDate(parts[0]) && rfcTime(parts[1]);
}

export function isEmail(s: string): boolean {
	return EMAIL.test(s);
}

/** "YYYY-MM-DD" on character codes (remembered in `dates` when given); anything else by RFC 3339. */
export function isDate(s: string, dates: CheckedDates | undefined): boolean {
	if (s.length === 10) {
		const day = isoDateAt(s, 0);
		if (day === day) {
			if (dates !== undefined) dates.rememberDay(s, day);
			return true;
		}
	}
	return rfcDate(s);
}

/**
 * "YYYY-MM-DDTHH:MM:SS+HH:MM" or "...Z" on character codes (remembered in `dates` when given);
 * anything else (fractions, leap seconds) by RFC 3339, which allows offsets up to 23 hours.
 */
export function isDateTime(s: string, dates: CheckedDates | undefined): boolean {
	if (dates !== undefined) return dates.checkDateTime(s, 23) || rfcDateTime(s);
	return readIsoDateTime(s, 23) || rfcDateTime(s);
}

/** Unicode code points, as JSON Schema counts string length. */
export function codePoints(s: string): number {
	let count = 0;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
			const next = s.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
		}
		count++;
	}
	return count;
}
