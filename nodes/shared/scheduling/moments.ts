/**
 * Moments (instants) of the scheduler's results as epoch milliseconds, written without luxon in the
 * hot path. The legal contact window is always evaluated in Europe/Amsterdam, so output moments
 * carry the Amsterdam offset (+01:00 or +02:00). Moments are read with the calendar's parseMoment.
 */
import {
	MS_PER_DAY,
	MS_PER_MINUTE,
	amsterdamOffsetMinutes,
	formatDate,
	isoDate,
	pad2,
	type DayNumber,
} from '../calendar';
import { flatString } from '../text';

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
 * The texts of a moment, shared with the previous call for the same moment (in a run most debtors get
 * one of a few moments). Invariant: the returned object is shared between results, so it and its
 * fields must never be changed by a caller (hence readonly); callers copy the fields they keep.
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
