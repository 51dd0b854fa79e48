/**
 * One item through the Payment Arrangement node: propose plans or check an agreed one. Kept out of
 * the .node.ts file, whose execute() may only throw n8n's own errors; runPerItem turns an ItemError
 * (or a domain error carrying `field`) into one that names the item, the debtor and the field.
 */
import type { IDataObject } from 'n8n-workflow';

import { checkArrangement, parsePlan, type ArrangementCheck, type ArrangementPlan } from '../shared/arrangement/check';
import { DEFAULT_FLOOR_NORMS, FloorNormError, parseFloorNorms, type FloorNorm } from '../shared/arrangement/floor';
import { proposeArrangement, type ArrangementProposal } from '../shared/arrangement/propose';
import { getDutchCalendar, type DutchCalendar } from '../shared/calendar';
import type { DebtorRecord } from '../shared/debtor/model';
import { defaultDayOf } from '../shared/journey/history';
import { eurosParameterToCents, jsonParameter, valueAtPath } from '../shared/journey/node-parameters';
import { ItemError } from '../shared/n8n/items';
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
		alternatives?: number;
		paymentDelayWorkingDays?: number;
		floorNorms?: unknown;
	};
}

export interface ArrangementSettings {
	operation: 'propose' | 'check';
	/** Reads the reference day once per distinct text in a run (see referenceDayReader). */
	dayOf: (text: string) => number | Error;
	referenceOf: (i: number) => string;
	proposeOf: (i: number) => ProposeParameters;
	checkOf: (i: number) => { planField: string; reminderDays: number; graceDays: number };
}

const calendars = new Map<string, DutchCalendar>();

function calendarOf(extra: string | undefined): DutchCalendar {
	const key = extra?.trim() ?? '';
	let calendar = calendars.get(key);
	if (calendar) return calendar;
	let problem: string | undefined;
	try {
		calendar = getDutchCalendar(key ? { extraDesignatedDays: key } : {});
	} catch (error) {
		problem = error instanceof Error ? error.message : String(error);
	}
	if (!calendar) throw new ItemError(problem ?? 'is not a list of dates', 'proposeOptions.extraDesignatedDays');
	calendars.set(key, calendar);
	return calendar;
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
		const cents = eurosParameterToCents(p.amountEuros);
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
	const today = s.dayOf(s.referenceOf(i));
	if (today instanceof Error) throw new ItemError(today.message, 'referenceDate');
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
	const amount = amountOf(json, record, today, p);
	const capacity = eurosParameterToCents(p.capacityEuros);
	const minimum = eurosParameterToCents(p.minimumInstalmentEuros);
	const proposal = proposeArrangement(record, {
		today,
		calendar: calendarOf(p.options.extraDesignatedDays),
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
