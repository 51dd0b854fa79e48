/**
 * One item through the Payment Arrangement node: propose plans or check an agreed one. Kept out of
 * the .node.ts file, whose execute() may only throw n8n's own errors; runPerItem turns an ItemError
 * (or a domain error carrying `field`) into one that names the item, the debtor and the field.
 */
import type { IDataObject } from 'n8n-workflow';

import { checkArrangement, parsePlan, type ArrangementCheck, type ArrangementPlan } from '../shared/arrangement/check';
import { DEFAULT_FLOOR_NORMS, FloorNormError, parseFloorNorms, type FloorNorm } from '../shared/arrangement/floor';
import { proposeArrangement, type ArrangementProposal } from '../shared/arrangement/propose';
import type { DutchCalendar } from '../shared/calendar';
import type { DebtorRecord } from '../shared/debtor/model';
import { defaultDayOf } from '../shared/journey/history';
import { valueAtPath } from '../shared/fieldPath';
import { ItemError } from '../shared/n8n/items';
import { eurosParameter, jsonParameter } from '../shared/n8n/parameters';
import { assertDebtor } from '../shared/debtor/validate';

export interface ProposeParameters {
	amountSource: 'open' | 'open-plus-costs' | 'custom';
	amountEuros: number;
	capacityEuros: number;
	minimumInstalmentEuros: number;
	maximumTerms: number;
	maximumTermsWithDebtHelp: number;
	options: {
		extraDesignatedDays?: string;
		firstInstalmentAfterDays?: number;
		incomeEuros?: unknown;
		alternatives?: number;
		paymentDelayWorkingDays?: number;
		floorNorms?: unknown;
	};
}

export interface ArrangementSettings {
	operation: 'propose' | 'check';
	/** The reference day of the item (throws ItemError for a bad date). */
	dayOf: (i: number) => number;
	/** The calendar with the extra designated days of the item's options (throws ItemError). */
	calendarOf: (extraDesignatedDays: string | undefined) => DutchCalendar;
	proposeOf: (i: number) => ProposeParameters;
	checkOf: (i: number) => { planField: string; reminderDays: number; graceDays: number };
}

/** The floor table from the parameter ("[]" or empty: the built-in one); a FloorNormError or a syntax error otherwise. */
export function floorNormsFrom(value: unknown): readonly FloorNorm[] | Error {
	const parsed = jsonParameter(value, 'Protected Floor Norms');
	if (parsed instanceof Error) return parsed;
	if (parsed === undefined || (Array.isArray(parsed) && parsed.length === 0)) return DEFAULT_FLOOR_NORMS;
	try {
		return parseFloorNorms(parsed);
	} catch (error) {
		return error instanceof FloorNormError ? error : new Error(String(error));
	}
}

/** Open principal of the undisputed claims in default on `today`. */
function openInDefault(record: DebtorRecord, today: number): { cents: number; claimIds: string[] } {
	let cents = 0;
	const claimIds: string[] = [];
	for (const claim of record.claims ?? []) {
		if (claim.openCents === 0 || claim.disputed || defaultDayOf(claim) > today) continue;
		cents += claim.openCents;
		claimIds.push(claim.claimId);
	}
	return { cents, claimIds };
}

function amountOf(json: IDataObject, record: DebtorRecord, today: number, p: ProposeParameters): { cents: number; claimIds?: string[] } {
	if (p.amountSource === 'custom') {
		const cents = eurosParameter(p.amountEuros, 'amountEuros');
		if (cents === undefined || cents < 0) throw new ItemError('must be an amount in euros of at least 0', 'amountEuros');
		return { cents };
	}
	const open = openInDefault(record, today);
	if (p.amountSource === 'open-plus-costs') {
		const costs = json.costs as { totalCostsCents?: unknown; interestTotalCents?: unknown } | undefined;
		const add = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0);
		return { cents: open.cents + add(costs?.totalCostsCents) + add(costs?.interestTotalCents), claimIds: open.claimIds };
	}
	return open;
}

export type ArrangementResult = ({ operation: 'propose'; amountSource: string } & ArrangementProposal) | ({ operation: 'check'; plan: ArrangementPlan } & ArrangementCheck);

/** Proposes or checks for one item; throws ItemError (field named) for bad input. */
export function arrangementOfItem(json: IDataObject, i: number, s: ArrangementSettings, fixedNorms: readonly FloorNorm[] | Error | undefined): ArrangementResult {
	const record = assertDebtor(json, i);
	const today = s.dayOf(i);
	if (s.operation === 'check') {
		const c = s.checkOf(i);
		const field = c.planField?.trim() || 'arrangement.plan';
		const value = valueAtPath(json, field);
		if (value === undefined || value === null) throw new ItemError('holds no arrangement plan; store the agreed plan there (see the docs)', field);
		const plan = parsePlan(value, field);
		return { operation: 'check', plan, ...checkArrangement(plan, record.payments, today, { reminderDays: c.reminderDays, graceDays: c.graceDays, reversals: record.reversals }) };
	}
	const p = s.proposeOf(i);
	const norms = fixedNorms ?? floorNormsFrom(p.options.floorNorms);
	if (norms instanceof Error) throw new ItemError(norms.message, 'proposeOptions.floorNorms');
	const income = eurosParameter(p.options.incomeEuros, 'proposeOptions.incomeEuros');
	if (income !== undefined && income < 0) throw new ItemError('must be an amount in euros of at least 0', 'proposeOptions.incomeEuros');
	// A stated income replaces the record's for the protected floor; the record itself is not changed.
	const planned = income === undefined ? record : { ...record, income: { ...(record.income ?? { type: 'unknown' as const }), netMonthlyCents: income } };
	const amount = amountOf(json, record, today, p);
	const capacity = eurosParameter(p.capacityEuros, 'capacityEuros');
	const minimum = eurosParameter(p.minimumInstalmentEuros, 'minimumInstalmentEuros');
	const proposal = proposeArrangement(planned, {
		today,
		calendar: s.calendarOf(p.options.extraDesignatedDays),
		amountCents: amount.cents,
		statedCapacityCents: capacity ? capacity : undefined,
		minimumInstalmentCents: minimum,
		maximumTerms: p.maximumTerms,
		maximumTermsWithDebtHelp: p.maximumTermsWithDebtHelp,
		paymentDelayWorkingDays: p.options.paymentDelayWorkingDays,
		firstInstalmentAfterDays: p.options.firstInstalmentAfterDays,
		alternatives: p.options.alternatives,
		floorNorms: norms,
		claimIds: amount.claimIds,
	});
	return { operation: 'propose', amountSource: p.amountSource, ...proposal };
}
