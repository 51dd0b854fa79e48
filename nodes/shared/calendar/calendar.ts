import type { Language } from '../debtor/model';
import {
	CALENDAR_FIRST_DAY,
	CALENDAR_LAST_DAY,
	CALENDAR_LENGTH,
	FIRST_CALENDAR_YEAR,
	LAST_CALENDAR_YEAR,
	dayNumber,
	daysFromCivil,
	isoDate,
	weekday,
	yearOf,
	type DayNumber,
} from './days';
import {
	ASSUMED_DESIGNATED_DAY_NAME,
	DECREED_YEARS,
	DEFAULT_DESIGNATED_DAYS,
	HOLIDAY_IDS,
	HOLIDAY_NAMES,
	bankClosingDaysOfYear,
	dutchHolidaysOfYear,
	normaliseDesignatedDays,
	parseDesignatedDays,
	usualDesignatedDaysOfYear,
	type DutchHolidayId,
} from './holidays';

// Per-day bit flags. Bits 0-2 hold the ISO weekday (1-7); the rest are precomputed answers so each
// query is one typed-array read and a mask.
const WEEKDAY_MASK = 7;
const HOLIDAY = 8;
const DESIGNATED = 16;
const BANK_CLOSED = 32;
const WORKING = 64;
const CONTACT = 128;

const RANGE_TEXT = `${isoDate(CALENDAR_FIRST_DAY)} to ${isoDate(CALENDAR_LAST_DAY)}`;

function outOfRange(day: DayNumber): RangeError {
	if (!Number.isSafeInteger(day)) return new RangeError(`${String(day)} is not a whole day number`);
	const year = day < CALENDAR_FIRST_DAY ? `before ${FIRST_CALENDAR_YEAR}` : `after ${LAST_CALENDAR_YEAR}`;
	return new RangeError(`Date ${isoDate(day)} (${year}) is outside the supported calendar range ${RANGE_TEXT}`);
}

// Offset of `day` into the tables; throws for days outside 2020-2100 or non-integers.
function offsetOf(day: DayNumber): number {
	const i = day - CALENDAR_FIRST_DAY;
	if (i >= 0 && i < CALENDAR_LENGTH && (i | 0) === i) return i;
	throw outOfRange(day);
}

/** Counting index over the days that have a flag set: O(1) "n-th such day after x" lookups. */
interface DayIndex {
	// Number of flagged days at offsets 0..i inclusive.
	countUpTo: Uint16Array;
	// Offsets of the flagged days, ascending.
	offsets: Uint16Array;
}

function buildIndex(flags: Uint8Array, mask: number, want: boolean): DayIndex {
	const countUpTo = new Uint16Array(CALENDAR_LENGTH);
	let count = 0;
	for (let i = 0; i < CALENDAR_LENGTH; i++) {
		if (((flags[i] & mask) !== 0) === want) count++;
		countUpTo[i] = count;
	}
	const offsets = new Uint16Array(count);
	let k = 0;
	for (let i = 0; i < CALENDAR_LENGTH; i++) if (((flags[i] & mask) !== 0) === want) offsets[k++] = i;
	return { countUpTo, offsets };
}

// The n-th flagged day counted from `day` (n > 0 forward, n < 0 backward, 0 = day itself or the
// next flagged day). Skips unflagged days by index arithmetic, no loop.
function stepDays(index: DayIndex, flags: Uint8Array, mask: number, want: boolean, day: DayNumber, n: number, what: string): DayNumber {
	const i = offsetOf(day);
	if (!Number.isSafeInteger(n)) throw new RangeError(`The number of ${what} must be a whole number, not ${String(n)}`);
	const isFlagged = ((flags[i] & mask) !== 0) === want;
	const upTo = index.countUpTo[i];
	let k: number;
	if (n > 0) k = upTo + n - 1;
	else if (n < 0) k = upTo - (isFlagged ? 1 : 0) + n;
	else {
		if (isFlagged) return day;
		k = upTo;
	}
	if (k < 0 || k >= index.offsets.length) {
		throw new RangeError(`Moving ${n} ${what} from ${isoDate(day)} leaves the supported calendar range ${RANGE_TEXT}`);
	}
	return CALENDAR_FIRST_DAY + index.offsets[k];
}

// Flags without the designation- or holiday-dependent bits: weekday and bank closure, built once.
const BASE_FLAGS = new Uint8Array(CALENDAR_LENGTH);
for (let i = 0; i < CALENDAR_LENGTH; i++) {
	const wd = weekday(CALENDAR_FIRST_DAY + i);
	BASE_FLAGS[i] = wd | (wd >= 6 ? BANK_CLOSED : 0);
}
for (let year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year++) {
	for (const day of bankClosingDaysOfYear(year)) BASE_FLAGS[day - CALENDAR_FIRST_DAY] |= BANK_CLOSED;
}
// The bank calendar does not depend on designated days, so every calendar shares this index.
const BANK_INDEX = buildIndex(BASE_FLAGS, BANK_CLOSED, false);

const DESIGNATED_CODE = HOLIDAY_IDS.indexOf('designatedDay') + 1;

// The careful default's days for every year 2020-2100 that no built-in decree covers, ascending;
// computed once, on the first calendar that assumes them (the same for every such calendar).
let assumedDays: readonly DayNumber[] | undefined;
function usualDesignatedDaysWithoutDecree(): readonly DayNumber[] {
	if (assumedDays === undefined) {
		const decreed = new Set(DECREED_YEARS);
		const days: DayNumber[] = [];
		for (let year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year++) {
			if (!decreed.has(year)) days.push(...usualDesignatedDaysOfYear(year));
		}
		assumedDays = Object.freeze(days);
	}
	return assumedDays;
}

/** The cache key of a calendar: whether it assumes the usual days, then its listed days. */
function calendarKey(designatedDays: readonly string[], assumeUsualDesignatedDays: boolean): string {
	return `${assumeUsualDesignatedDays ? 'usual' : 'listed'}:${designatedDays.join(',')}`;
}

/**
 * A Dutch calendar compiled into lookup tables for 2020-01-01 .. 2100-12-31, for one list of
 * designated days and the careful default on or off. Obtain it with `getDutchCalendar` (cached);
 * every query is O(1) and allocation-free. Days outside the range throw a RangeError naming the
 * supported range.
 */
export class DutchCalendar {
	/** Sorted ISO dates of the listed designated days (built-in decrees and user-added ones). */
	readonly designatedDays: readonly string[];
	/** Whether the careful default is on: the usual days count as designated in years without a decree. */
	readonly assumesUsualDesignatedDays: boolean;
	/**
	 * Sorted ISO dates of the days the careful default added (in years no built-in decree covers, not
	 * listed and no general holiday); empty when it is off. They count as designated days everywhere.
	 */
	readonly assumedDesignatedDays: readonly string[];
	/** Cache key: the careful default on or off and the listed days (the assumed ones follow from both). */
	readonly key: string;
	private readonly flags: Uint8Array;
	// 0 = no name, otherwise 1 + index into `names`.
	private readonly nameCodes: Uint8Array;
	private readonly names: ReadonlyArray<Readonly<Record<Language, string>>>;
	private readonly working: DayIndex;
	// The name code of the assumed days, or -1 when the careful default is off.
	private readonly assumedCode: number;

	/**
	 * Compiles a calendar; prefer `getDutchCalendar`, which validates input and caches.
	 * `assumeUsualDesignatedDays` (default on): see `DutchCalendarOptions`.
	 */
	constructor(designatedDays: readonly string[], assumeUsualDesignatedDays = true) {
		this.designatedDays = Object.freeze(normaliseDesignatedDays(designatedDays));
		this.assumesUsualDesignatedDays = assumeUsualDesignatedDays;
		this.key = calendarKey(this.designatedDays, assumeUsualDesignatedDays);
		const flags = BASE_FLAGS.slice();
		const nameCodes = new Uint8Array(CALENDAR_LENGTH);
		const names: Array<Readonly<Record<Language, string>>> = HOLIDAY_IDS.map((id) => HOLIDAY_NAMES[id]);
		const combined = new Map<string, number>();
		for (let year = FIRST_CALENDAR_YEAR; year <= LAST_CALENDAR_YEAR; year++) {
			for (const { day, id } of dutchHolidaysOfYear(year)) {
				const i = day - CALENDAR_FIRST_DAY;
				flags[i] |= HOLIDAY;
				const code = HOLIDAY_IDS.indexOf(id) + 1;
				if (nameCodes[i] === 0) {
					nameCodes[i] = code;
					continue;
				}
				// Two holidays on one day (Ascension on 5 May): name both, e.g. "Hemelvaartsdag en Bevrijdingsdag".
				const first = names[nameCodes[i] - 1];
				const second = HOLIDAY_NAMES[id];
				const label = `${first.en}+${second.en}`;
				let both = combined.get(label);
				if (both === undefined) {
					names.push({ nl: `${first.nl} en ${second.nl}`, en: `${first.en} and ${second.en}` });
					both = names.length;
					combined.set(label, both);
				}
				nameCodes[i] = both;
			}
		}
		for (const iso of this.designatedDays) {
			const i = dayNumber(iso) - CALENDAR_FIRST_DAY; // validated by normaliseDesignatedDays
			flags[i] |= DESIGNATED;
			if (nameCodes[i] === 0) nameCodes[i] = DESIGNATED_CODE;
		}
		const assumed: string[] = [];
		this.assumedCode = -1;
		if (assumeUsualDesignatedDays) {
			// Only days with no name yet: a listed day keeps its own name, and the usual days are never
			// general holidays, so every day with this code is one the careful default added.
			names.push(ASSUMED_DESIGNATED_DAY_NAME);
			this.assumedCode = names.length;
			for (const day of usualDesignatedDaysWithoutDecree()) {
				const i = day - CALENDAR_FIRST_DAY;
				if (nameCodes[i] !== 0) continue;
				flags[i] |= DESIGNATED;
				nameCodes[i] = this.assumedCode;
				assumed.push(isoDate(day));
			}
		}
		this.assumedDesignatedDays = Object.freeze(assumed);
		for (let i = 0; i < CALENDAR_LENGTH; i++) {
			const wd = flags[i] & WEEKDAY_MASK;
			const rest = (flags[i] & (HOLIDAY | DESIGNATED)) !== 0;
			if (!rest && wd <= 6) flags[i] |= CONTACT;
			if (!rest && wd <= 5) flags[i] |= WORKING;
		}
		this.flags = flags;
		this.nameCodes = nameCodes;
		this.names = names;
		this.working = buildIndex(flags, WORKING, true);
	}

	/** ISO weekday (1 = Monday .. 7 = Sunday), read from the table (validates the range). */
	weekday(day: DayNumber): number {
		return this.flags[offsetOf(day)] & WEEKDAY_MASK;
	}

	/** True on a Dutch general holiday, Good Friday and the two Sundays included; designated days: see `isDesignatedDay`. */
	isDutchHoliday(day: DayNumber): boolean {
		return (this.flags[offsetOf(day)] & HOLIDAY) !== 0;
	}

	/**
	 * True on a day the government designated as equal to a general holiday (in this calendar's list),
	 * or one the careful default treats as such in a year without a decree (`isAssumedDesignatedDay`).
	 */
	isDesignatedDay(day: DayNumber): boolean {
		return (this.flags[offsetOf(day)] & DESIGNATED) !== 0;
	}

	/** True on a day that is designated only by the careful default (no decree covers its year yet). */
	isAssumedDesignatedDay(day: DayNumber): boolean {
		return this.nameCodes[offsetOf(day)] === this.assumedCode;
	}

	/** Name of the holiday or designated day, or undefined on an ordinary day. */
	holidayName(day: DayNumber, language: Language = 'nl'): string | undefined {
		const code = this.nameCodes[offsetOf(day)];
		if (code === 0) return undefined;
		const names = this.names[code - 1];
		return language === 'en' ? names.en : names.nl;
	}

	/** Holiday id of the day (the first one if two coincide), or undefined. */
	holidayId(day: DayNumber): DutchHolidayId | undefined {
		const i = offsetOf(day);
		if ((this.flags[i] & HOLIDAY) !== 0) {
			for (const { day: d, id } of dutchHolidaysOfYear(yearOf(day))) if (d === day) return id;
		}
		return (this.flags[i] & DESIGNATED) !== 0 ? 'designatedDay' : undefined;
	}

	/** Monday to Saturday, and not a general holiday or designated day: contact is allowed (07:00-20:00). */
	isContactDay(day: DayNumber): boolean {
		return (this.flags[offsetOf(day)] & CONTACT) !== 0;
	}

	/** Monday to Friday, and not a general holiday or designated day. */
	isWorkingDay(day: DayNumber): boolean {
		return (this.flags[offsetOf(day)] & WORKING) !== 0;
	}

	/** TARGET2/SEPA business day: not a weekend, 1 January, Good Friday, Easter Monday, 1 May, 25 or 26 December. */
	isBankBusinessDay(day: DayNumber): boolean {
		return (this.flags[offsetOf(day)] & BANK_CLOSED) === 0;
	}

	/** First working day strictly after `day`. */
	nextWorkingDay(day: DayNumber): DayNumber {
		return stepDays(this.working, this.flags, WORKING, true, day, 1, 'working days');
	}

	/** Last working day strictly before `day`. */
	previousWorkingDay(day: DayNumber): DayNumber {
		return stepDays(this.working, this.flags, WORKING, true, day, -1, 'working days');
	}

	/**
	 * Moves `n` working days (negative: backwards), skipping weekends, holidays and designated days.
	 * n = 0 returns `day` when it is a working day, otherwise the next working day.
	 */
	addWorkingDays(day: DayNumber, n: number): DayNumber {
		return stepDays(this.working, this.flags, WORKING, true, day, n, 'working days');
	}

	/** First TARGET2 business day strictly after `day`. */
	nextBankBusinessDay(day: DayNumber): DayNumber {
		return stepDays(BANK_INDEX, this.flags, BANK_CLOSED, false, day, 1, 'bank business days');
	}

	/** Last TARGET2 business day strictly before `day`. */
	previousBankBusinessDay(day: DayNumber): DayNumber {
		return stepDays(BANK_INDEX, this.flags, BANK_CLOSED, false, day, -1, 'bank business days');
	}

	/** Moves `n` TARGET2 business days; n = 0 returns `day` if it is one, otherwise the next one. */
	addBankBusinessDays(day: DayNumber, n: number): DayNumber {
		return stepDays(BANK_INDEX, this.flags, BANK_CLOSED, false, day, n, 'bank business days');
	}

	/** First contact day strictly after `day` (at most a few steps: rest days never run long). */
	nextContactDay(day: DayNumber): DayNumber {
		let i = offsetOf(day) + 1;
		while (i < CALENDAR_LENGTH && (this.flags[i] & CONTACT) === 0) i++;
		if (i >= CALENDAR_LENGTH) throw outOfRange(CALENDAR_LAST_DAY + 1);
		return CALENDAR_FIRST_DAY + i;
	}

	/** The general holidays and designated days of a year, in date order, with names (for display). */
	holidaysOfYear(year: number): Array<{ day: DayNumber; date: string; nl: string; en: string }> {
		if (!Number.isInteger(year)) throw new RangeError(`${String(year)} is not a year`);
		const from = offsetOf(daysFromCivil(year, 1, 1));
		const to = offsetOf(daysFromCivil(year, 12, 31));
		const result: Array<{ day: DayNumber; date: string; nl: string; en: string }> = [];
		for (let i = from; i <= to; i++) {
			const code = this.nameCodes[i];
			if (code === 0) continue;
			const day = CALENDAR_FIRST_DAY + i;
			result.push({ day, date: isoDate(day), nl: this.names[code - 1].nl, en: this.names[code - 1].en });
		}
		return result;
	}
}

/** Options for `getDutchCalendar`. */
export interface DutchCalendarOptions {
	/** Replaces the built-in designated days (pass [] to switch them off). Default: DEFAULT_DESIGNATED_DAYS. */
	designatedDays?: string | readonly string[];
	/** Designated days added on top (e.g. from a node parameter: "2029-05-11, 2029-12-24"). */
	extraDesignatedDays?: string | readonly string[];
	/**
	 * The careful default, on unless false: in each year no built-in decree covers (DECREED_YEARS),
	 * also treat as designated the days the decrees usually equate (`usualDesignatedDaysOfYear`: the
	 * Friday after Ascension, the bridge days next to a holiday on a Tuesday or Thursday). In decreed
	 * years the decree's list stands as it is. Listed and extra days always count on top: the careful
	 * default only adds days, it never removes one. Independent of `designatedDays`.
	 */
	assumeUsualDesignatedDays?: boolean;
}

// Compiled calendars by key (careful default on or off + the normalised list), read by
// getDutchCalendar only. Invariants: a DutchCalendar never changes after construction and is a pure
// function of its key (every caller with the same list and setting shares it); at most CACHE_LIMIT
// are kept, the oldest dropped first, so nothing may depend on identity between two
// getDutchCalendar calls other than for the default calendar.
const CACHE_LIMIT = 32;
const cache = new Map<string, DutchCalendar>();
let defaultCalendar: DutchCalendar | undefined;

/**
 * The compiled Dutch calendar for a list of designated days and the careful default on or off,
 * built once per distinct pair and cached. Throws a RangeError naming a bad designated-day entry.
 */
export function getDutchCalendar(options: DutchCalendarOptions = {}): DutchCalendar {
	const assumeUsual = options.assumeUsualDesignatedDays !== false;
	if (options.designatedDays === undefined && options.extraDesignatedDays === undefined && assumeUsual) {
		if (defaultCalendar === undefined) defaultCalendar = new DutchCalendar(DEFAULT_DESIGNATED_DAYS, true);
		return defaultCalendar;
	}
	const base = options.designatedDays === undefined ? DEFAULT_DESIGNATED_DAYS : parseDesignatedDays(options.designatedDays);
	const list = normaliseDesignatedDays([...base, ...parseDesignatedDays(options.extraDesignatedDays)]);
	const key = calendarKey(list, assumeUsual);
	if (defaultCalendar !== undefined && key === defaultCalendar.key) return defaultCalendar;
	const cached = cache.get(key);
	if (cached !== undefined) return cached;
	const calendar = new DutchCalendar(list, assumeUsual);
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
	cache.set(key, calendar);
	return calendar;
}
