/**
 * One item through the Collection Costs node: reads the per-item settings, checks them (an ItemError
 * names the field) and hands the record to the domain (shared/costs/debtorCosts.ts). Kept out of the .node.ts file,
 * whose execute() may only throw n8n's own errors; runPerItem turns an ItemError into one.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseIsoDate, type DutchCalendar } from '../shared/calendar';
import {
	debtorCosts,
	validateInterestRates,
	type CostsPurpose,
	type DayCount,
	type DebtorCosts,
	type DebtorCostsOptions,
	type InterestKind,
	type InterestRateEntry,
} from '../shared/costs';
import { assertDebtor } from '../shared/debtor/validate';
import { letterDatesFromItem, type LetterDate } from '../shared/journey/history';
import { ItemError } from '../shared/n8n/items';
import { eurosParameter, jsonParameter } from '../shared/n8n/parameters';

export interface CostOptions {
	assumeUsualDesignatedDays?: boolean;
	businessMethod?: 'flat-per-claim' | 'bik-scale';
	smallClaimCostsAlreadyChargedEuros?: number;
	extendTerm?: boolean;
	extraDesignatedDays?: string;
	instalmentEuros?: number;
	letterSentOn?: string;
	smallClaimCapVat?: 'included' | 'excluded';
}

export interface InterestOptions {
	dayCount?: DayCount;
	kind?: InterestKind | 'auto';
	until?: string;
	rates?: unknown;
	ratesVerifiedUntil?: string;
}

/** Checks the rate-table parameter; returns the tables per kind or an error naming the bad entry. */
export function parseRateTables(value: unknown): Partial<Record<InterestKind, InterestRateEntry[]>> | Error {
	const parsed = jsonParameter(value, 'Rate Table');
	if (parsed instanceof Error) return parsed;
	if (parsed === undefined || parsed === null) return {};
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		return new Error('Rate Table must be an object like {"consumer": [{"from": "2024-01-01", "ratePercent": 7}]}');
	}
	const tables: Partial<Record<InterestKind, InterestRateEntry[]>> = {};
	for (const [kind, entries] of Object.entries(parsed as Record<string, unknown>)) {
		if (kind !== 'consumer' && kind !== 'commercial') {
			return new Error(`Rate Table: "${kind}" is not a kind of interest; use "consumer" and/or "commercial"`);
		}
		const problems = validateInterestRates(entries);
		if (problems.length > 0) return new Error(`Rate Table, ${kind}: ${problems.map((p) => `${p.entry} ${p.message}`).join('; ')}`);
		tables[kind] = entries as InterestRateEntry[];
	}
	return tables;
}

export interface Settings {
	purpose: CostsPurpose;
	/** The reference day of the item (throws ItemError for a bad date). */
	dayOf: (i: number) => number;
	/** The calendar with the designated-day settings of the item's options (throws ItemError). */
	calendarOf: (extraDesignatedDays: string | undefined, assumeUsualDesignatedDays?: boolean) => DutchCalendar;
	deductOf: (i: number) => boolean;
	vatOf: (i: number) => number;
	withInterestOf: (i: number) => boolean;
	optionsOf: (i: number) => CostOptions;
	interestOf: (i: number) => InterestOptions;
	ratesOf: (i: number) => Partial<Record<InterestKind, InterestRateEntry[]>> | Error;
}

/** The costs of one item (throws ItemError naming the field for a bad per-item setting). */
export function costsOfItem(json: IDataObject, i: number, s: Settings): DebtorCosts {
	const record = assertDebtor(json, i);
	const today = s.dayOf(i);
	const options = s.optionsOf(i);
	const interestOptions = s.interestOf(i);
	const rates = s.ratesOf(i);
	if (rates instanceof Error) throw new ItemError(rates.message, 'interestOptions.rates');
	const letterDates: LetterDate[] = letterDatesFromItem(json as Record<string, unknown>, today);
	if (options.letterSentOn) {
		const day = parseIsoDate(options.letterSentOn.trim());
		if (day !== day) throw new ItemError('must be a date written as YYYY-MM-DD', 'options.letterSentOn');
		if (day <= today) letterDates.push({ sentDay: day, source: 'parameter' });
	}
	for (const [field, value] of [
		['interestOptions.until', interestOptions.until],
		['interestOptions.ratesVerifiedUntil', interestOptions.ratesVerifiedUntil],
	] as const) {
		if (value && Number.isNaN(parseIsoDate(value.trim()))) throw new ItemError('must be a date written as YYYY-MM-DD', field);
	}
	const instalmentCents = eurosParameter(options.instalmentEuros, 'options.instalmentEuros');
	const withInterest = s.withInterestOf(i);
	const settings: DebtorCostsOptions = {
		today,
		calendar: s.calendarOf(options.extraDesignatedDays, options.assumeUsualDesignatedDays),
		purpose: s.purpose,
		journey: json.journey,
		letterDates,
		extendPastNonWorkingDay: options.extendTerm !== false,
		creditorCanDeductVat: s.deductOf(i),
		vatRatePercent: s.vatOf(i),
		businessMethod: options.businessMethod,
		instalmentCents: instalmentCents ? instalmentCents : undefined,
		smallClaimCostsAlreadyChargedCents: eurosParameter(options.smallClaimCostsAlreadyChargedEuros, 'options.smallClaimCostsAlreadyChargedEuros'),
		smallClaimCapVat: options.smallClaimCapVat,
		interest: withInterest
			? {
					until: interestOptions.until?.trim() || undefined,
					kind: interestOptions.kind,
					rates,
					ratesVerifiedUntil: interestOptions.ratesVerifiedUntil?.trim() || undefined,
					dayCount: interestOptions.dayCount,
				}
			: false,
	};
	return debtorCosts(record, settings);
}

