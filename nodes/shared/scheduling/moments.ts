/**
 * Moments (instants) for the scheduler as epoch milliseconds, read and written without luxon in the
 * hot path. The legal contact window is always evaluated in Europe/Amsterdam, so output moments
 * carry the Amsterdam offset (+01:00 or +02:00). Luxon is used only to read a local date-time
 * written without an offset in a time zone other than Europe/Amsterdam (user input, once per run).
 */
import { DateTime } from 'luxon';

import {
	MS_PER_DAY,
	MS_PER_MINUTE,
	MOMENT_MAX_OFFSET_HOURS,
	amsterdamLocalToEpochMs,
	amsterdamOffsetMinutes,
	daysFromCivil,
	daysInMonth,
	formatDate,
	isoDate,
	isoDateTimeMs,
	type DayNumber,
} from '../calendar';
import { flatString } from '../text';

export { MS_PER_MINUTE };
export const MS_PER_HOUR = 3600000;

export const AMSTERDAM = 'Europe/Amsterdam';

/** The first whole minute at or after an instant (schedules are whole minutes). */
export function ceilMinute(epochMs: number): number {
	return Math.ceil(epochMs / MS_PER_MINUTE) * MS_PER_MINUTE;
}

/** Amsterdam local day and minute of the day of an instant (allocation-free pieces). */
export function localDayOf(epochMs: number): DayNumber {
	return Math.floor((epochMs + amsterdamOffsetMinutes(epochMs) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** Amsterdam local minute of the day (0-1439, fractions for instants between minutes). */
export function localMinuteOf(epochMs: number): number {
	const local = epochMs + amsterdamOffsetMinutes(epochMs) * MS_PER_MINUTE;
	return (local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE;
}

function pad2(value: number): string {
	return value < 10 ? '0' + value : String(value);
}

/** "HH:MM" of a minute of the day. */
export function formatMinute(minuteOfDay: number): string {
	const whole = Math.floor(minuteOfDay);
	return `${pad2(Math.floor(whole / 60))}:${pad2(whole % 60)}`;
}

/** ISO 8601 with the Amsterdam offset, e.g. "2026-04-07T07:00:00+02:00" (seconds kept, milliseconds dropped). */
export function formatAmsterdamIso(epochMs: number): string {
	const offset = amsterdamOffsetMinutes(epochMs);
	const local = epochMs + offset * MS_PER_MINUTE;
	const day = Math.floor(local / MS_PER_DAY);
	const msOfDay = local - day * MS_PER_DAY;
	const seconds = Math.floor(msOfDay / 1000);
	return flatString(`${isoDate(day)}T${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}+${pad2(offset / 60)}:00`);
}

/** The texts of one moment in a schedule (Amsterdam): ISO with offset, date, time, local day number. */
export interface MomentTexts {
	readonly epochMs: number;
	readonly iso: string;
	readonly date: string;
	readonly time: string;
	readonly day: DayNumber;
}

let lastMomentTexts: MomentTexts | undefined;

/**
 * The texts of a moment, shared with the previous call for the same moment: in a run most debtors
 * get one of a few moments, and strings that are not built again are strings the garbage collector
 * need not copy (strings are immutable, so sharing them between items is safe).
 */
export function momentTexts(epochMs: number): MomentTexts {
	if (lastMomentTexts !== undefined && lastMomentTexts.epochMs === epochMs) return lastMomentTexts;
	const offset = amsterdamOffsetMinutes(epochMs) * MS_PER_MINUTE;
	const day = Math.floor((epochMs + offset) / MS_PER_DAY);
	lastMomentTexts = {
		epochMs,
		iso: formatAmsterdamIso(epochMs),
		date: isoDate(day),
		time: formatMinute((epochMs + offset - day * MS_PER_DAY) / MS_PER_MINUTE),
		day,
	};
	return lastMomentTexts;
}

/** A moment for people: "dinsdag 7 april 2026 07:00" / "Tuesday 7 April 2026 07:00" (Amsterdam time). */
export function describeMoment(epochMs: number, language: string): string {
	return `${formatDate(localDayOf(epochMs), language, 'long')} ${formatMinute(localMinuteOf(epochMs))}`;
}

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
