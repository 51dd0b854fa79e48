/**
 * Statutory interest (wettelijke rente), art. 6:119 BW (consumers) and 6:119a BW (commercial).
 *
 * Conventions, chosen so a letter can quote every row and the rows add up to the total:
 * - Period: `startDate` is the first day interest runs (normally the first day of default), `endDate`
 *   the last day, both INCLUSIVE ("rente van 1 januari t/m 31 maart"). An end before the start
 *   means zero days and zero interest, not an error (the claim is not in default yet).
 * - Day count, default `actual/actual`: each day earns rate / (days of its calendar year), so a full
 *   calendar year earns exactly the yearly rate, leap year or not. `actual/365` is available for
 *   creditors whose terms say so (a leap year then earns 366/365 of the rate).
 * - Compounding (art. 6:119 lid 2, 6:119a lid 3): after each full year counted from `startDate`,
 *   that year's interest is added to the base. A start on 29 February has its anniversary on 1 March.
 * - Rows are split at rate changes, at anniversaries and (actual/actual) at 1 January. Each row's
 *   interest is computed exactly (base x rate x days / year length) and rounded ONCE to whole cents,
 *   half away from zero; the total is the sum of the rounded rows and compounding adds the rounded
 *   rows of that year. No other rounding happens.
 */
import { isoDate, yearOf } from '../calendar/days';
import type { Cents } from '../money';
import { addYears, daysInYear, firstOfYear, toDayNumber } from './dates';
import {
	DEFAULT_INTEREST_RATES,
	DEFAULT_INTEREST_RATES_VERIFIED_UNTIL,
	InterestRateTableError,
	normaliseInterestRates,
	rateToUnits,
	type InterestKind,
	type InterestRateEntry,
} from './rates';

export type DayCount = 'actual/actual' | 'actual/365';

export interface StatutoryInterestInput {
	/** Amount the interest runs on (the open principal), in cents. */
	principalCents: Cents;
	/** First day of interest (the default date), `YYYY-MM-DD`, inclusive. */
	startDate: string;
	/** Last day of interest, `YYYY-MM-DD`, inclusive. */
	endDate: string;
	/** 6:119 (consumer, default) or 6:119a (commercial). Picks the default table. */
	kind?: InterestKind;
	/** Your own rate table; replaces the default table for `kind` completely. */
	rates?: InterestRateEntry[];
	/**
	 * Last day your table is known to be right. With the default table this is
	 * DEFAULT_INTEREST_RATES_VERIFIED_UNTIL; a period running past it gets a warning.
	 */
	ratesVerifiedUntil?: string;
	dayCount?: DayCount;
	/** Yearly compounding as the law prescribes; switch off only for a contract that says otherwise. */
	compound?: boolean;
}

export interface InterestPeriod {
	/** First day of the row, inclusive. */
	from: string;
	/** Last day of the row, inclusive. */
	to: string;
	days: number;
	ratePercent: number;
	/** 365 or 366: what one day is divided by. */
	yearDays: number;
	baseCents: Cents;
	interestCents: Cents;
}

export interface InterestCompounding {
	/** First day on which the larger base counts. */
	date: string;
	addedCents: Cents;
	newBaseCents: Cents;
}

export interface StatutoryInterestResult {
	kind: InterestKind;
	principalCents: Cents;
	startDate: string;
	endDate: string;
	days: number;
	dayCount: DayCount;
	periods: InterestPeriod[];
	compoundings: InterestCompounding[];
	totalInterestCents: Cents;
	/** Principal plus interest (compounded interest is counted once). */
	totalCents: Cents;
	warnings: string[];
}

/** Rounds numerator / denominator (both non-negative) to the nearest integer, half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
	return (numerator * BigInt(2) + denominator) / (denominator * BigInt(2));
}

/** Interest in whole cents for one row: base x rate x days / yearDays, rounded once. */
function periodInterestCents(baseCents: Cents, ratePercent: number, days: number, yearDays: number): Cents {
	const units = rateToUnits(ratePercent);
	if (units === undefined) throw new RangeError('ratePercent may have at most four decimals');
	// ratePercent = units / 10000 and percent = 1/100, so the divisor is 10^6 x yearDays.
	const numerator = BigInt(baseCents) * BigInt(units) * BigInt(days);
	return Number(divideRounded(numerator, BigInt(1000000) * BigInt(yearDays)));
}

/** Computes statutory interest with yearly compounding, split into quotable periods. */
export function calculateStatutoryInterest(input: StatutoryInterestInput): StatutoryInterestResult {
	const kind: InterestKind = input.kind ?? 'consumer';
	if (kind !== 'consumer' && kind !== 'commercial') throw new RangeError('kind must be "consumer" or "commercial"');
	const dayCount: DayCount = input.dayCount ?? 'actual/actual';
	if (dayCount !== 'actual/actual' && dayCount !== 'actual/365') {
		throw new RangeError('dayCount must be "actual/actual" or "actual/365"');
	}
	if (!Number.isSafeInteger(input.principalCents) || input.principalCents < 0) {
		throw new RangeError('principalCents must be a whole, non-negative number of cents');
	}
	const start = toDayNumber(input.startDate, 'startDate');
	const end = toDayNumber(input.endDate, 'endDate');
	const usesDefaults = input.rates === undefined;
	const table = normaliseInterestRates(usesDefaults ? [...DEFAULT_INTEREST_RATES[kind]] : input.rates);
	const verifiedUntil = input.ratesVerifiedUntil ?? (usesDefaults ? DEFAULT_INTEREST_RATES_VERIFIED_UNTIL : undefined);
	const compound = input.compound ?? true;

	const result: StatutoryInterestResult = {
		kind,
		principalCents: input.principalCents,
		startDate: input.startDate,
		endDate: input.endDate,
		days: Math.max(0, end - start + 1),
		dayCount,
		periods: [],
		compoundings: [],
		totalInterestCents: 0,
		totalCents: input.principalCents,
		warnings: [],
	};
	if (end < start) return result;

	const firstRateDay = toDayNumber(table[0].from);
	if (start < firstRateDay) {
		throw new InterestRateTableError([
			{
				entry: 'rates',
				message: `start on ${table[0].from}, but interest runs from ${input.startDate}; add the rate(s) for the earlier period`,
			},
		]);
	}
	if (verifiedUntil !== undefined && end > toDayNumber(verifiedUntil, 'ratesVerifiedUntil')) {
		result.warnings.push(
			`The interest rate table is only known to be current until ${verifiedUntil}; check the rates after that date and pass an updated table.`,
		);
	}

	// Every day on which a new row must start, after the start day and up to the end day.
	const anniversaries = new Set<number>();
	const breaks = new Set<number>();
	// A row in the table that repeats the previous rate (a half-yearly reset without change) splits nothing.
	table.forEach((entry, i) => {
		if (i === 0 || entry.ratePercent !== table[i - 1].ratePercent) breaks.add(toDayNumber(entry.from));
	});
	if (compound) {
		for (let n = 1; addYears(start, n) <= end; n++) {
			anniversaries.add(addYears(start, n));
			breaks.add(addYears(start, n));
		}
	}
	if (dayCount === 'actual/actual') {
		for (let year = yearOf(start) + 1; year <= yearOf(end); year++) breaks.add(firstOfYear(year));
	}
	const rowStarts = [start, ...[...breaks].filter((day) => day > start && day <= end).sort((a, b) => a - b)];

	let base = input.principalCents;
	let accruedThisYear = 0;
	rowStarts.forEach((rowStart, i) => {
		if (anniversaries.has(rowStart)) {
			base += accruedThisYear;
			result.compoundings.push({ date: isoDate(rowStart), addedCents: accruedThisYear, newBaseCents: base });
			accruedThisYear = 0;
		}
		const rowEnd = i + 1 < rowStarts.length ? rowStarts[i + 1] - 1 : end;
		const rowStartIso = isoDate(rowStart);
		let rate = table[0];
		for (const entry of table) if (entry.from <= rowStartIso) rate = entry;
		const days = rowEnd - rowStart + 1;
		const yearDays = dayCount === 'actual/365' ? 365 : daysInYear(yearOf(rowStart));
		const interestCents = periodInterestCents(base, rate.ratePercent, days, yearDays);
		accruedThisYear += interestCents;
		result.totalInterestCents += interestCents;
		result.periods.push({
			from: rowStartIso,
			to: isoDate(rowEnd),
			days,
			ratePercent: rate.ratePercent,
			yearDays,
			baseCents: base,
			interestCents,
		});
	});
	result.totalCents = input.principalCents + result.totalInterestCents;
	return result;
}
