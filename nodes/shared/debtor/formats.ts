/**
 * The string formats of the debtor schema, checked on character codes for the common shapes and
 * by ajv-formats' own functions for anything unusual, so the answer is always the same as ajv's.
 */
import { fullFormats } from 'ajv-formats/dist/formats';

import { isoDateAt } from '../calendar/days';

const ajvDate = (fullFormats.date as { validate: (s: string) => boolean }).validate ?? (fullFormats.date as unknown as (s: string) => boolean);
const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;
const emailPattern = fullFormats.email as RegExp;

export function isEmail(s: string): boolean {
	return emailPattern.test(s);
}

// Two digits at `start`, or -1 when either is not a digit.
function twoDigits(s: string, start: number): number {
	const high = s.charCodeAt(start) - 48;
	const low = s.charCodeAt(start + 1) - 48;
	return (high >>> 0) > 9 || (low >>> 0) > 9 ? -1 : high * 10 + low;
}

export function isDate(s: string): boolean {
	if (s.length === 10 && !Number.isNaN(isoDateAt(s, 0))) return true;
	return ajvDate(s);
}

/** "YYYY-MM-DDTHH:MM:SS+HH:MM" or "...Z" on character codes; anything else (fractions, leap seconds) via ajv-formats. */
export function isDateTime(s: string): boolean {
	const length = s.length;
	if ((length === 25 || length === 20) && s.charCodeAt(10) === 84 && s.charCodeAt(13) === 58 && s.charCodeAt(16) === 58) {
		const hour = twoDigits(s, 11);
		const minute = twoDigits(s, 14);
		const second = twoDigits(s, 17);
		if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && !Number.isNaN(isoDateAt(s, 0))) {
			if (length === 20 && s.charCodeAt(19) === 90) return true;
			const sign = s.charCodeAt(19);
			if (length === 25 && (sign === 43 || sign === 45) && s.charCodeAt(22) === 58) {
				const offsetHours = twoDigits(s, 20);
				const offsetMinutes = twoDigits(s, 23);
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
