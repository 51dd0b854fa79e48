/**
 * The income calendar: on which day a debtor's money is expected, per income type (domain brief
 * section 5). Used by the Payday Scheduler (contact and direct-debit dates after payday) and the
 * Payment Arrangement node (instalment dates). Typical dates are configuration, never constants:
 * `DEFAULT_INCOME_CALENDAR_OPTIONS` holds the defaults with their sources.
 *
 * Money arrives on TARGET2 bank business days: salaries and benefits are bank transfers, and SEPA
 * credit transfers are not settled on weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and
 * 26 December. So an income day is always a bank business day; a nominal day that is not one moves
 * to the bank business day before (the payer pays early, as employers and the SVB do), or after when
 * the option says so. King's Day, Ascension and Whit Monday are bank business days, so money does
 * arrive then even though they are Dutch holidays.
 */
import type { Income, IncomeType } from '../debtor/model';
import type { DutchCalendar } from './calendar';
import { daysFromCivil, daysInMonth, monthOf, parseIsoDate, yearOf, type DayNumber } from './days';

/** How the income calendar treats income types; every field has a default. */
export interface IncomeCalendarOptions {
	/** Day of month of a monthly salary when the record gives none. Default 25 (most employers pay the 23rd-25th). */
	salaryDayOfMonth?: number;
	/** Day of month AOW (SVB) arrives. Default 23 (SVB: "last week of the month", in practice the 21st-24th). */
	aowDayOfMonth?: number;
	/** Day of month fixed UWV benefits (WIA, WAO, Wajong) arrive. Default 22 (in practice the 21st-23rd). */
	uwvBenefitDayOfMonth?: number;
	/**
	 * WW is paid per month in arrears, after the income form for the month is sent in: this many bank
	 * business days into the next month. Default 8 (UWV pays 3-10 working days after the form, which
	 * opens on the 1st: roughly the 5th-15th).
	 */
	wwBusinessDayOfMonth?: number;
	/** Day of month of bijstand when neither the record nor the municipality list gives one. Default 31 = the last bank business day of the month. */
	bijstandDayOfMonth?: number;
	/** Bijstand day per municipality (names compared without case and surrounding spaces), e.g. { Tilburg: 27 }. */
	bijstandDayByMunicipality?: Readonly<Record<string, number>>;
	/** Day of month assumed when the income type is unknown or a date is missing. Default 25. */
	unknownDayOfMonth?: number;
	/** Where a nominal day that is not a bank business day goes: 'previous' (default) or 'next' bank business day. */
	nonBusinessDay?: 'previous' | 'next';
}

/** The defaults of the income calendar (dated: brief and research notes of 2026). */
export const DEFAULT_INCOME_CALENDAR_OPTIONS: Readonly<Required<IncomeCalendarOptions>> = Object.freeze({
	salaryDayOfMonth: 25,
	aowDayOfMonth: 23,
	uwvBenefitDayOfMonth: 22,
	wwBusinessDayOfMonth: 8,
	bijstandDayOfMonth: 31,
	bijstandDayByMunicipality: Object.freeze({}),
	unknownDayOfMonth: 25,
	nonBusinessDay: 'previous',
});

/** One expected income: the bank business day the money arrives, where that date came from, and whether it is a guess. */
export interface ExpectedIncome {
	/** The day the money is expected (a TARGET2 business day). */
	day: DayNumber;
	/** Where the date comes from, e.g. "salary-monthly/record-day", "bijstand/municipality", "unknown/fallback-day". */
	source: string;
	/** True when no income information backs the date (unknown type or a missing day): a fallback. */
	assumed: boolean;
	/** Income type the date was computed for ("unknown" when the record has no income). */
	type: IncomeType;
	/** The nominal day before moving to a bank business day (the 25th, anchor + 28n, ...). */
	nominalDay: DayNumber;
	/** The day of month used for monthly types, or the business-day number for WW; undefined for four-weekly. */
	dayOfMonth?: number;
}

/** Error in the income calendar options, naming the option. */
export class IncomeOptionError extends RangeError {
	readonly option: string;

	constructor(option: string, message: string) {
		super(`Income calendar option "${option}" ${message}`);
		this.name = 'IncomeOptionError';
		this.option = option;
	}
}

/** Income calendar options after checking, as the calendar uses them. */
export interface ResolvedIncomeCalendarOptions {
	salary: number;
	aow: number;
	uwv: number;
	ww: number;
	bijstand: number;
	unknown: number;
	previous: boolean;
	municipalities: Map<string, number>;
}

function checkDay(option: string, value: number, max: number): number {
	if (!Number.isInteger(value) || value < 1 || value > max) {
		throw new IncomeOptionError(option, `must be a whole number from 1 to ${max}, not ${String(value)}`);
	}
	return value;
}

// Resolved options by the options object (usually one per node run), read by
// resolveIncomeCalendarOptions only. Invariant: keyed by identity, so an options object must not be
// changed once it has been resolved (callers build a new object for other options).
const resolvedCache = new WeakMap<IncomeCalendarOptions, ResolvedIncomeCalendarOptions>();
let defaultResolved: ResolvedIncomeCalendarOptions | undefined;

/** Checks income calendar options; throws an IncomeOptionError naming the first bad option. */
export function resolveIncomeCalendarOptions(options?: IncomeCalendarOptions): ResolvedIncomeCalendarOptions {
	if (options === undefined) {
		defaultResolved ??= resolveIncomeCalendarOptions({});
		return defaultResolved;
	}
	const cached = resolvedCache.get(options);
	if (cached) return cached;
	const d = DEFAULT_INCOME_CALENDAR_OPTIONS;
	const municipalities = new Map<string, number>();
	for (const [name, day] of Object.entries(options.bijstandDayByMunicipality ?? {})) {
		const key = name.trim().toLowerCase();
		if (!key) throw new IncomeOptionError('bijstandDayByMunicipality', 'has an entry without a municipality name');
		municipalities.set(key, checkDay(`bijstandDayByMunicipality.${name}`, day, 31));
	}
	const rule = options.nonBusinessDay ?? d.nonBusinessDay;
	if (rule !== 'previous' && rule !== 'next') {
		throw new IncomeOptionError('nonBusinessDay', `must be "previous" or "next", not ${JSON.stringify(rule)}`);
	}
	const resolved: ResolvedIncomeCalendarOptions = {
		salary: checkDay('salaryDayOfMonth', options.salaryDayOfMonth ?? d.salaryDayOfMonth, 31),
		aow: checkDay('aowDayOfMonth', options.aowDayOfMonth ?? d.aowDayOfMonth, 31),
		uwv: checkDay('uwvBenefitDayOfMonth', options.uwvBenefitDayOfMonth ?? d.uwvBenefitDayOfMonth, 31),
		ww: checkDay('wwBusinessDayOfMonth', options.wwBusinessDayOfMonth ?? d.wwBusinessDayOfMonth, 15),
		bijstand: checkDay('bijstandDayOfMonth', options.bijstandDayOfMonth ?? d.bijstandDayOfMonth, 31),
		unknown: checkDay('unknownDayOfMonth', options.unknownDayOfMonth ?? d.unknownDayOfMonth, 31),
		previous: rule === 'previous',
		municipalities,
	};
	resolvedCache.set(options, resolved);
	return resolved;
}

/** How the date of an income is found: a day of the month, the n-th business day, or every 28 days. */
interface IncomeRule {
	kind: 'monthly' | 'business-day' | 'four-weekly';
	value: number;
	type: IncomeType;
	source: string;
	assumed: boolean;
}

// Which rule applies to an income record. The record's own day of month beats any default.
function ruleOf(income: Income | undefined, o: ResolvedIncomeCalendarOptions): IncomeRule {
	const type: IncomeType = income?.type ?? 'unknown';
	const recordDay = income?.dayOfMonth;
	const hasRecordDay = typeof recordDay === 'number' && Number.isInteger(recordDay) && recordDay >= 1 && recordDay <= 31;
	const monthly = (value: number, source: string, assumed: boolean): IncomeRule => ({ kind: 'monthly', value, type, source, assumed });
	switch (type) {
		case 'salary-monthly':
			return hasRecordDay ? monthly(recordDay, 'salary-monthly/record-day', false) : monthly(o.salary, 'salary-monthly/default-day', true);
		case 'salary-four-weekly': {
			const anchor = parseIsoDate(income?.anchorDate);
			if (anchor === anchor) return { kind: 'four-weekly', value: anchor, type, source: 'salary-four-weekly/anchor', assumed: false };
			return monthly(o.unknown, 'salary-four-weekly/fallback-day', true);
		}
		case 'aow':
			return hasRecordDay ? monthly(recordDay, 'aow/record-day', false) : monthly(o.aow, 'aow/default-day', false);
		case 'uwv-benefit':
			return hasRecordDay ? monthly(recordDay, 'uwv-benefit/record-day', false) : monthly(o.uwv, 'uwv-benefit/default-day', false);
		case 'ww':
			return hasRecordDay
				? monthly(recordDay, 'ww/record-day', false)
				: { kind: 'business-day', value: o.ww, type, source: 'ww/business-day', assumed: false };
		case 'bijstand': {
			if (hasRecordDay) return monthly(recordDay, 'bijstand/record-day', false);
			const municipal = income?.municipality ? o.municipalities.get(income.municipality.trim().toLowerCase()) : undefined;
			if (municipal !== undefined) return monthly(municipal, 'bijstand/municipality', false);
			return monthly(o.bijstand, 'bijstand/default-day', false);
		}
		case 'chosen-day':
			return hasRecordDay ? monthly(recordDay, 'chosen-day/record-day', false) : monthly(o.unknown, 'chosen-day/fallback-day', true);
		default:
			return hasRecordDay ? monthly(recordDay, 'unknown/record-day', true) : monthly(o.unknown, 'unknown/fallback-day', true);
	}
}

// The nominal day of a monthly rule in a month: a day past the month's end is its last day.
function monthlyNominal(year: number, month: number, dayOfMonth: number): DayNumber {
	const length = daysInMonth(year, month);
	return daysFromCivil(year, month, dayOfMonth > length ? length : dayOfMonth);
}

function toBusinessDay(day: DayNumber, calendar: DutchCalendar, previous: boolean): DayNumber {
	if (calendar.isBankBusinessDay(day)) return day;
	return previous ? calendar.previousBankBusinessDay(day) : calendar.nextBankBusinessDay(day);
}

// Nominal income day of a monthly or business-day rule in a month.
function occurrence(rule: IncomeRule, year: number, month: number, calendar: DutchCalendar): DayNumber {
	if (rule.kind === 'monthly') return monthlyNominal(year, month, rule.value);
	// The n-th bank business day of the month: step n business days from the last day of the month before.
	return calendar.addBankBusinessDays(daysFromCivil(year, month, 1) - 1, rule.value);
}

function result(rule: IncomeRule, nominal: DayNumber, day: DayNumber): ExpectedIncome {
	return {
		day,
		source: rule.source,
		assumed: rule.assumed,
		type: rule.type,
		nominalDay: nominal,
		dayOfMonth: rule.kind === 'four-weekly' ? undefined : rule.value,
	};
}

/**
 * The first expected income day on or after `onOrAfter`, for an income record (undefined = unknown
 * income: the fallback day, `assumed: true`). Allocation-light and O(1): a few table lookups.
 */
export function nextIncomeDay(
	income: Income | undefined,
	onOrAfter: DayNumber,
	calendar: DutchCalendar,
	options?: IncomeCalendarOptions,
): ExpectedIncome {
	const o = resolveIncomeCalendarOptions(options);
	const rule = ruleOf(income, o);
	if (rule.kind === 'four-weekly') {
		// Moving to a business day shifts a payday by at most four days (Good Friday to Easter
		// Monday), far less than 28, so the occurrences stay in order: the first one at or after wins.
		const anchor = rule.value;
		let n = Math.floor((onOrAfter - anchor) / 28) - 1;
		for (;; n++) {
			const nominal = anchor + 28 * n;
			const day = toBusinessDay(nominal, calendar, o.previous);
			if (day >= onOrAfter) return result(rule, nominal, day);
		}
	}
	// Start one month early: a payday early in the month can move back into the month before.
	let year = yearOf(onOrAfter);
	let month = monthOf(onOrAfter) - 1;
	if (month === 0) {
		month = 12;
		year--;
	}
	for (;;) {
		const nominal = occurrence(rule, year, month, calendar);
		const day = rule.kind === 'monthly' ? toBusinessDay(nominal, calendar, o.previous) : nominal;
		if (day >= onOrAfter) return result(rule, nominal, day);
		if (++month === 13) {
			month = 1;
			year++;
		}
	}
}

/** Every expected income day from `fromDay` to `toDay`, both included, in order. */
export function incomeDaysBetween(
	income: Income | undefined,
	fromDay: DayNumber,
	toDay: DayNumber,
	calendar: DutchCalendar,
	options?: IncomeCalendarOptions,
): DayNumber[] {
	const days: DayNumber[] = [];
	let day = fromDay;
	while (day <= toDay) {
		const next = nextIncomeDay(income, day, calendar, options);
		if (next.day > toDay) break;
		days.push(next.day);
		day = next.day + 1;
	}
	return days;
}
