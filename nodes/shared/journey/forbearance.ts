/**
 * The forbearance gate for claims from credit agreements (EU Consumer Credit Directive 2023/2225,
 * "CCD2", art. 35; applies in the Netherlands from 20 November 2026): before enforcement the creditor
 * must offer a consumer reasonable forbearance, such as a payment arrangement or a deferral. The
 * journey's steps towards enforcement are the final notice before handover and the handover itself:
 * for an open credit-agreement claim of a consumer they wait until an offer is recorded.
 *
 * What counts as offered: an offer recorded on or before the decision day (the planner's reference
 * day). The directive sets no term between the offer and enforcement, so none is imposed here; the
 * ladder's own days (a final notice `from: previous` counts from the offer when it went out as a
 * contact) give the debtor time to answer. An offer is either
 *   - an outbound `arrangement-offer` or `arrangement-confirmation` contact that reached the debtor
 *     (not `failed`, `bounced` or `no-answer`), or
 *   - an entry of the record's `forbearanceOffers` (a deferral, or an offer made outside the contacts).
 * One with a claimId covers that claim; one without covers each claim that was in default that day,
 * the same reading the planner gives a contact without a claimId.
 *
 * CCD2 protects consumers: a business debtor's claims are not gated. The record carries no date of
 * the agreement, so the gate does not distinguish agreements made before 20 November 2026; offering
 * forbearance first is the socially responsible course for those too.
 */
import { isoDate, parseIsoDate, type DayNumber } from '../calendar/days';
import type { Claim, ContactOutcome, CreditorSector, DebtorRecord, ForbearanceKind, Stage } from '../debtor/model';
import { contactDay, defaultDayOf } from './history';

/** The claim type (sector) the gate applies to. */
export const CREDIT_AGREEMENT: CreditorSector = 'credit-agreement';

/** Ladder stages that lead to enforcement: planned only after a forbearance offer (the handover is gated too). */
export const FORBEARANCE_GATED_STAGES: ReadonlySet<Stage> = new Set<Stage>(['final-notice']);

/** The stage the planner plans instead of a gated step: the offer itself (a template in every language). */
export const FORBEARANCE_OFFER_STAGE: Stage = 'arrangement-offer';

/** Contact stages that carry an offer: the offer, and the confirmation of an agreed arrangement. */
const OFFER_STAGES: ReadonlySet<Stage> = new Set<Stage>(['arrangement-offer', 'arrangement-confirmation']);

/** Outcomes of a contact that show the offer did not reach the debtor. */
// An unconfirmed contact may never have reached the debtor: it is no offer until a person records it as sent.
const NOT_OFFERED: ReadonlySet<ContactOutcome> = new Set<ContactOutcome>(['failed', 'bounced', 'no-answer', 'unconfirmed']);

/** A recorded forbearance offer that covers a claim. */
export interface ForbearanceOfferFound {
	/** ISO day of the offer. */
	date: string;
	kind: ForbearanceKind;
	source: 'contacts' | 'forbearanceOffers';
}

export interface ForbearanceCheck {
	/** The claim needs an offer before a final notice or handover: an open credit-agreement claim of a consumer. */
	applies: boolean;
	/** The latest offer on or before the decision day that covers the claim; null when there is none (or the gate does not apply). */
	offer: ForbearanceOfferFound | null;
	/** Whether a final notice or handover may go for this claim on the decision day. */
	allowed: boolean;
}

const NOT_GATED: ForbearanceCheck = Object.freeze({ applies: false, offer: null, allowed: true });

/** Whether a claim needs a forbearance offer before enforcement: open, from a credit agreement, owed by a consumer. */
export function needsForbearanceOffer(claim: Pick<Claim, 'sector' | 'openCents'>, debtorType: DebtorRecord['debtorType']): boolean {
	return claim.sector === CREDIT_AGREEMENT && claim.openCents > 0 && (debtorType ?? 'consumer') === 'consumer';
}

/** Whether an offer of `day` (with or without a claimId) is about the claim: same rule as the planner's contacts. */
function covers(claimId: string | undefined, day: DayNumber, claim: Claim): boolean {
	return claimId === undefined ? day >= defaultDayOf(claim) : claimId === claim.claimId;
}

/**
 * The gate for one claim on the decision day `today`: whether it applies, the offer that lets a final
 * notice or handover go, and so whether they may.
 */
export function forbearanceGate(record: DebtorRecord, claim: Claim, today: DayNumber): ForbearanceCheck {
	if (!needsForbearanceOffer(claim, record.debtorType)) return NOT_GATED;
	let best: { day: DayNumber; kind: ForbearanceKind; source: ForbearanceOfferFound['source'] } | undefined;
	for (const offer of record.forbearanceOffers ?? []) {
		const day = parseIsoDate(offer.date);
		if (day !== day || day > today || !covers(offer.claimId, day, claim)) continue;
		if (!best || day >= best.day) best = { day, kind: offer.kind, source: 'forbearanceOffers' };
	}
	for (const contact of record.contacts ?? []) {
		if (contact.direction !== 'outbound' || contact.stage === undefined || !OFFER_STAGES.has(contact.stage)) continue;
		if (contact.outcome !== undefined && NOT_OFFERED.has(contact.outcome)) continue;
		const day = contactDay(contact.at);
		if (day !== day || day > today || !covers(contact.claimId, day, claim)) continue;
		if (!best || day > best.day) best = { day, kind: 'arrangement', source: 'contacts' };
	}
	if (!best) return { applies: true, offer: null, allowed: false };
	return { applies: true, offer: { date: isoDate(best.day), kind: best.kind, source: best.source }, allowed: true };
}
