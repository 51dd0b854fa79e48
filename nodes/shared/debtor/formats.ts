/**
 * The string formats of the debtor schema, checked on character codes for the common shapes and
 * by ajv-formats' own functions for anything unusual, so the answer is always the same as ajv's.
 */
import { fullFormats } from 'ajv-formats/dist/formats';

import type { CheckedDates } from '../calendar/checkedDates';
import { isoDateAt, readIsoDateTime } from '../calendar/days';

const ajvDate = (fullFormats.date as { validate: (s: string) => boolean }).validate ?? (fullFormats.date as unknown as (s: string) => boolean);
const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;
const emailPattern = fullFormats.email as RegExp;

export function isEmail(s: string): boolean {
	return emailPattern.test(s);
}

/** "YYYY-MM-DD" on character codes (remembered in `dates` when given); anything else via ajv-formats. */
export function isDate(s: string, dates: CheckedDates | undefined): boolean {
	if (s.length === 10) {
		const day = isoDateAt(s, 0);
		if (day === day) {
			if (dates !== undefined) dates.rememberDay(s, day);
			return true;
		}
	}
	return ajvDate(s);
}

/**
 * "YYYY-MM-DDTHH:MM:SS+HH:MM" or "...Z" on character codes (remembered in `dates` when given);
 * anything else (fractions, leap seconds) via ajv-formats. RFC 3339 allows offsets up to 23 hours.
 */
export function isDateTime(s: string, dates: CheckedDates | undefined): boolean {
	if (dates !== undefined) return dates.checkDateTime(s, 23) || ajvDateTime(s);
	return readIsoDateTime(s, 23) || ajvDateTime(s);
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
