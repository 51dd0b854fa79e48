/**
 * Dated tables of the statutory interest rate (wettelijke rente). The rate changes by royal decree,
 * at most twice a year (1 January / 1 July), so it is data, never a constant in the calculation.
 * Users pass their own table to keep it current; the defaults below only hold values we have a
 * source for.
 */
import { isIsoDate } from '../calendar/days';

/** One row of a rate table: `ratePercent` applies from `from` (inclusive) until the next row's date. */
export interface InterestRateEntry {
	/** First day the rate applies, `YYYY-MM-DD`. */
	from: string;
	/** Yearly rate in percent, e.g. 7 or 12.25 (at most four decimals). */
	ratePercent: number;
	/** Where the value comes from; shown nowhere, kept for whoever maintains the table. */
	source?: string;
}

/** Which statutory rate: art. 6:119 BW (consumers and other non-commercial debts) or 6:119a (commercial). */
export type InterestKind = 'consumer' | 'commercial';

/**
 * Default tables. KEEP THEM CURRENT: these are the values our research notes could source
 * (collections-market-and-law.md sections 0 and 4.1, plus the decrees and news items named per row).
 * Values after 1 July 2024 were not found there. A calculation that runs past
 * `DEFAULT_INTEREST_RATES_VERIFIED_UNTIL` with these defaults carries a warning; pass your own
 * table (e.g. from the rijksoverheid.nl list) to calculate later periods correctly.
 */
export const DEFAULT_INTEREST_RATES: Readonly<Record<InterestKind, readonly InterestRateEntry[]>> = Object.freeze({
	consumer: Object.freeze([
		// Stb. 2014, 491 lowered the rate "van 3 naar 2 procent" and names 1 July 2012 as the previous change.
		{ from: '2012-07-01', ratePercent: 3, source: 'Stb. 2014, 491 (nota van toelichting)' },
		{ from: '2015-01-01', ratePercent: 2, source: 'Stb. 2014, 491' },
		{ from: '2023-01-01', ratePercent: 4, source: 'KB 15 December 2022 (2% -> 4%)' },
		{ from: '2023-07-01', ratePercent: 6, source: 'news of the 1 July 2023 increase (4% -> 6%)' },
		{ from: '2024-01-01', ratePercent: 7, source: 'domain brief section 6; research notes section 0' },
		{ from: '2024-07-01', ratePercent: 7, source: 'research notes: still 7% on 1 July 2024' },
	]),
	commercial: Object.freeze([
		// Only from 2022: the earlier half-year changes (8.05% in 2015, ...) have no start date in our sources.
		{ from: '2022-01-01', ratePercent: 8, source: 'news: "op 1 januari 2022 was deze nog 8%"' },
		{ from: '2023-01-01', ratePercent: 10.5, source: 'news of the 1 January 2023 increase (8% -> 10.5%)' },
		{ from: '2023-07-01', ratePercent: 12, source: 'news of the 1 July 2023 increase (10.5% -> 12%)' },
		{ from: '2024-01-01', ratePercent: 12.5, source: 'research notes section 0 / 4.1' },
		{ from: '2024-07-01', ratePercent: 12.25, source: 'research notes section 0 / 4.1' },
	]),
}) as Readonly<Record<InterestKind, readonly InterestRateEntry[]>>;

/**
 * Last day the default tables are known to be right: the 1 July 2024 values hold at least until the
 * next possible change on 1 January 2025.
 */
export const DEFAULT_INTEREST_RATES_VERIFIED_UNTIL = '2024-12-31';

export interface RateTableProblem {
	/** Position in the table as given, e.g. `rates[2]`. */
	entry: string;
	message: string;
}

/** Thrown when a rate table cannot be used; `problems` names every bad entry. */
export class InterestRateTableError extends Error {
	constructor(readonly problems: RateTableProblem[]) {
		super(`Invalid interest rate table: ${problems.map((p) => `${p.entry} ${p.message}`).join('; ')}`);
		this.name = 'InterestRateTableError';
	}
}

/** The rate in ten-thousandths of a percent (12.25 -> 122500); undefined when it has more than four decimals. */
export function rateToUnits(ratePercent: number): number | undefined {
	const units = Math.round(ratePercent * 10000);
	return Math.abs(units - ratePercent * 10000) < 1e-6 ? units : undefined;
}

/** Lists every problem of a rate table (empty list = usable). Accepts any value, so user input can go in as-is. */
export function validateInterestRates(entries: unknown): RateTableProblem[] {
	if (!Array.isArray(entries)) return [{ entry: 'rates', message: 'must be a list of { from, ratePercent } entries' }];
	if (entries.length === 0) return [{ entry: 'rates', message: 'must contain at least one entry' }];
	const problems: RateTableProblem[] = [];
	const seen = new Map<string, number>();
	entries.forEach((raw: unknown, index) => {
		const entry = `rates[${index}]`;
		if (typeof raw !== 'object' || raw === null) {
			problems.push({ entry, message: 'must be an object { from, ratePercent }' });
			return;
		}
		const { from, ratePercent } = raw as Record<string, unknown>;
		const label = typeof from === 'string' ? `${entry} (from "${from}")` : entry;
		if (!isIsoDate(from)) {
			problems.push({ entry: label, message: 'from must be a calendar date written as YYYY-MM-DD' });
		} else if (seen.has(from)) {
			problems.push({ entry: label, message: `has the same date as rates[${seen.get(from)}]; keep one rate per date` });
		} else {
			seen.set(from, index);
		}
		if (typeof ratePercent !== 'number' || !Number.isFinite(ratePercent)) {
			problems.push({ entry: label, message: 'ratePercent must be a number, e.g. 7 for 7%' });
		} else if (ratePercent < 0) {
			problems.push({ entry: label, message: 'ratePercent must not be negative' });
		} else if (ratePercent > 100) {
			problems.push({ entry: label, message: 'ratePercent must be a yearly percentage of at most 100' });
		} else if (rateToUnits(ratePercent) === undefined) {
			problems.push({ entry: label, message: 'ratePercent may have at most four decimals' });
		}
	});
	return problems;
}

/** A validated copy of the table, sorted by date; throws InterestRateTableError otherwise. */
export function normaliseInterestRates(entries: unknown): InterestRateEntry[] {
	const problems = validateInterestRates(entries);
	if (problems.length > 0) throw new InterestRateTableError(problems);
	return (entries as InterestRateEntry[]).map((entry) => ({ ...entry })).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
