import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, daysFromCivil, weekday, yearOf, type DayNumber } from './days';

/**
 * Europe/Amsterdam offsets without luxon or Intl, for the hot scheduling paths. Uses the EU summer
 * time rule (since 1996): CEST (+02:00) from the last Sunday of March 01:00 UTC until the last
 * Sunday of October 01:00 UTC, CET (+01:00) otherwise. The rule is applied to every year, so
 * results before 1996 (other Dutch rules) are not historical; the collection code only needs 2020+.
 */

/** The time zone of the legal contact window and of every moment the scheduler writes. */
export const AMSTERDAM = 'Europe/Amsterdam';

// Summer-time start and end instants per year for 1970-2200, precomputed.
const TABLE_FIRST_YEAR = 1970;
const TABLE_LAST_YEAR = 2200;
const SUMMER_START = new Float64Array(TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1);
const SUMMER_END = new Float64Array(TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1);

function lastSundayAt0100Utc(year: number, month: number): number {
	const last = daysFromCivil(year, month, 31); // March and October both have 31 days
	return (last - (weekday(last) % 7)) * MS_PER_DAY + MS_PER_HOUR;
}

for (let year = TABLE_FIRST_YEAR; year <= TABLE_LAST_YEAR; year++) {
	SUMMER_START[year - TABLE_FIRST_YEAR] = lastSundayAt0100Utc(year, 3);
	SUMMER_END[year - TABLE_FIRST_YEAR] = lastSundayAt0100Utc(year, 10);
}

function summerStart(year: number): number {
	const i = year - TABLE_FIRST_YEAR;
	return i >= 0 && i < SUMMER_START.length ? SUMMER_START[i] : lastSundayAt0100Utc(year, 3);
}

function summerEnd(year: number): number {
	const i = year - TABLE_FIRST_YEAR;
	return i >= 0 && i < SUMMER_END.length ? SUMMER_END[i] : lastSundayAt0100Utc(year, 10);
}

function assertInstant(epochMs: number): void {
	if (!Number.isFinite(epochMs)) throw new RangeError(`${String(epochMs)} is not a valid instant (epoch milliseconds)`);
}

/** UTC offset of Europe/Amsterdam in minutes at an instant: 60 (CET) or 120 (CEST). */
export function amsterdamOffsetMinutes(epochMs: number): number {
	assertInstant(epochMs);
	// The UTC year is the right one to look up: both transitions are far from New Year.
	const year = yearOf(Math.floor(epochMs / MS_PER_DAY));
	return epochMs >= summerStart(year) && epochMs < summerEnd(year) ? 120 : 60;
}

/**
 * The instant of an Amsterdam wall-clock time (`minuteOfDay` 0 <= m < 1440, fractions allowed) on a
 * local calendar day. Times that do not exist (02:00-02:59 on the last Sunday of March) give the
 * first valid moment after the gap, 03:00 CEST; times that occur twice (02:00-02:59 on the last
 * Sunday of October) give the earlier one, still in CEST (+02:00).
 */
export function amsterdamLocalToEpochMs(day: DayNumber, minuteOfDay: number): number {
	if (!Number.isSafeInteger(day)) throw new RangeError(`${String(day)} is not a whole day number`);
	if (!(minuteOfDay >= 0 && minuteOfDay < 1440)) {
		throw new RangeError(`Minute of day must be between 0 and 1439, not ${String(minuteOfDay)}`);
	}
	const local = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
	const year = yearOf(day);
	const start = summerStart(year);
	const end = summerEnd(year);
	const asSummer = local - 2 * MS_PER_HOUR;
	if (asSummer >= start && asSummer < end) return asSummer; // also the earlier reading when ambiguous
	const asWinter = local - MS_PER_HOUR;
	if (asWinter < start || asWinter >= end) return asWinter;
	return start; // inside the spring-forward gap: 03:00 CEST
}

/** Amsterdam local calendar day of an instant (allocation-free). */
export function amsterdamLocalDay(epochMs: number): DayNumber {
	return Math.floor((epochMs + amsterdamOffsetMinutes(epochMs) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** Amsterdam local milliseconds since local midnight of an instant (allocation-free). */
export function amsterdamLocalMsOfDay(epochMs: number): number {
	const local = epochMs + amsterdamOffsetMinutes(epochMs) * MS_PER_MINUTE;
	return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** Amsterdam local day and whole minute of the day (seconds dropped) of an instant. */
export function epochMsToAmsterdamLocal(epochMs: number): { day: DayNumber; minuteOfDay: number } {
	const local = epochMs + amsterdamOffsetMinutes(epochMs) * MS_PER_MINUTE;
	const day = Math.floor(local / MS_PER_DAY);
	return { day, minuteOfDay: Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE) };
}
