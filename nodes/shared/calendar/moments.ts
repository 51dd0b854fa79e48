/**
 * Reading a moment (an instant) as epoch milliseconds, without luxon in the hot path: the common ISO
 * shapes on character codes, other shapes from their parts. Luxon is used only to read a local
 * date-time written without an offset in a time zone other than Europe/Amsterdam (user input, once
 * per run).
 */
import { DateTime } from 'luxon';

import { AMSTERDAM, amsterdamLocalToEpochMs } from './amsterdam';
import { MOMENT_MAX_OFFSET_HOURS, MS_PER_MINUTE, daysFromCivil, daysInMonth, isoDateTimeMs, type DayNumber } from './days';

// Reads `length` ASCII digits at `start`; -1 when any is not a digit.
function digits(text: string, start: number, length: number): number {
	let value = 0;
	for (let i = start; i < start + length; i++) {
		const code = text.charCodeAt(i) - 48;
		if (code < 0 || code > 9) return -1;
		value = value * 10 + code;
	}
	return value;
}

/** Fields of an ISO 8601 date-time; `offsetMinutes` is undefined when the text has no offset. */
interface MomentParts {
	day: DayNumber;
	minuteOfDay: number;
	ms: number;
	offsetMinutes: number | undefined;
}

// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM", with ":SS", ".fff" (any number of digits), and "Z", "+HH:MM",
// "+HHMM" or "+HH". A space may stand for the "T". Null when the text is not of that form.
function parseParts(text: string): MomentParts | null {
	const n = text.length;
	if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
	const year = digits(text, 0, 4);
	const month = digits(text, 5, 2);
	const date = digits(text, 8, 2);
	if (year < 0 || month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null;
	const day = daysFromCivil(year, month, date);
	if (n === 10) return { day, minuteOfDay: 0, ms: 0, offsetMinutes: undefined };
	const sep = text.charCodeAt(10);
	if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || text.charCodeAt(13) !== 58) return null;
	const hour = digits(text, 11, 2);
	const minute = digits(text, 14, 2);
	if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
	let i = 16;
	let ms = 0;
	if (i < n && text.charCodeAt(i) === 58) {
		const second = digits(text, i + 1, 2);
		if (second < 0 || second > 59) return null;
		ms = second * 1000;
		i += 3;
		if (i < n && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44)) {
			i++;
			let scale = 100;
			const begin = i;
			while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
				ms += (text.charCodeAt(i) - 48) * scale;
				scale /= 10;
				i++;
			}
			if (i === begin) return null;
			ms = Math.floor(ms);
		}
	}
	let offsetMinutes: number | undefined;
	if (i < n) {
		const c = text.charCodeAt(i);
		if ((c === 90 || c === 122) && i + 1 === n) offsetMinutes = 0;
		else if (c === 43 || c === 45) {
			const sign = c === 43 ? 1 : -1;
			const rest = n - i - 1;
			const oh = digits(text, i + 1, 2);
			let om = 0;
			if (rest === 5 && text.charCodeAt(i + 3) === 58) om = digits(text, i + 4, 2);
			else if (rest === 4) om = digits(text, i + 3, 2);
			else if (rest !== 2) return null;
			if (oh < 0 || oh > MOMENT_MAX_OFFSET_HOURS || om < 0 || om > 59) return null;
			offsetMinutes = sign * (oh * 60 + om);
		} else return null;
	}
	return { day, minuteOfDay: hour * 60 + minute, ms, offsetMinutes };
}

/**
 * Reads a moment: an ISO 8601 date-time (with offset, "Z", or none), a date "YYYY-MM-DD" (midnight),
 * a Date, or epoch milliseconds. Text without an offset is wall-clock time in `zone` (default
 * Europe/Amsterdam). Returns NaN when the value is not a moment (never throws).
 */
export function parseMoment(value: unknown, zone: string = AMSTERDAM): number {
	if (typeof value === 'string') {
		// The common shapes without building parts (contact histories hold thousands per run).
		const fast = isoDateTimeMs(value, MOMENT_MAX_OFFSET_HOURS);
		if (fast === fast) return fast; // not NaN
	}
	if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
	if (value instanceof Date) return value.getTime();
	if (typeof value !== 'string') return Number.NaN;
	const text = value.trim();
	const parts = parseParts(text);
	if (parts === null) return Number.NaN;
	if (parts.offsetMinutes !== undefined) {
		return (parts.day * 1440 + parts.minuteOfDay - parts.offsetMinutes) * MS_PER_MINUTE + parts.ms;
	}
	if (zone === AMSTERDAM) {
		try {
			return amsterdamLocalToEpochMs(parts.day, parts.minuteOfDay) + parts.ms;
		} catch {
			return Number.NaN;
		}
	}
	const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone });
	return parsed.isValid ? parsed.toMillis() : Number.NaN;
}
