/**
 * The string formats of the debtor schema, checked on character codes for the common shapes and
 * by ajv-formats' own functions for anything unusual, so the answer is always the same as ajv's.
 */
import { fullFormats } from 'ajv-formats/dist/formats';

const ajvDate = (fullFormats.date as { validate: (s: string) => boolean }).validate ?? (fullFormats.date as unknown as (s: string) => boolean);
const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;
const emailPattern = fullFormats.email as RegExp;

export function isEmail(s: string): boolean {
	return emailPattern.test(s);
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, start: number, length: number): number {
	let value = 0;
	for (let i = start; i < start + length; i++) {
		const d = s.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		value = value * 10 + d;
	}
	return value;
}

function validDateAt(s: string, start: number): boolean {
	if (s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 7) !== 45) return false;
	const year = digits(s, start, 4);
	const month = digits(s, start + 5, 2);
	const day = digits(s, start + 8, 2);
	if (year < 0 || month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]);
}

export function isDate(s: string): boolean {
	if (s.length === 10 && validDateAt(s, 0)) return true;
	return ajvDate(s);
}

/** "YYYY-MM-DDTHH:MM:SS+HH:MM" or "...Z" on character codes; anything else (fractions, leap seconds) via ajv-formats. */
export function isDateTime(s: string): boolean {
	const length = s.length;
	if ((length === 25 || length === 20) && s.charCodeAt(10) === 84 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58 && validDateAt(s, 0)) {
		const hour = digits(s, 11, 2);
		const minute = digits(s, 14, 2);
		const second = digits(s, 17, 2);
		if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
			if (length === 20 && s.charCodeAt(19) === 90) return true;
			const sign = s.charCodeAt(19);
			if (length === 25 && (sign === 43 || sign === 45) && s.charCodeAt(22) === 58) {
				const offsetHours = digits(s, 20, 2);
				const offsetMinutes = digits(s, 23, 2);
				if (offsetHours >= 0 && offsetHours <= 23 && offsetMinutes >= 0 && offsetMinutes <= 59) return true;
			}
		}
	}
	return ajvDateTime(s);
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
