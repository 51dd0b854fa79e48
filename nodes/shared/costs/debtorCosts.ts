/**
 * The collection costs of one debtor record (what the Collection Costs node adds): which claims may
 * carry collection costs today, and the breakdown a 14-day letter quotes. No n8n imports.
 *
 * Two purposes:
 * - announce: the amount a 14-day letter must state ("these costs will be charged if you do not pay
 *   within the term"): every open, undisputed claim in default counts. No letter gate, of course.
 * - charge: costs that may be added now. Consumers owe them only after a correct 14-day letter whose
 *   term has passed unpaid (art. 6:96 lid 6 BW); claims without a letter, or whose term still runs,
 *   are left out with the reason, and when none is left the node refuses with a clear reason.
 *   Business debtors owe the flat EUR 40 once the payment term has passed, without a letter.
 * - auto (default): announce when the Journey Planner plans the 14-day letter for this item, charge
 *   otherwise.
 */
import type { DutchCalendar } from '../calendar/calendar';
import { isoDate, type DayNumber } from '../calendar/days';
import { formatDate } from '../calendar/format';
import type { Claim, DebtorRecord, Language } from '../debtor/model';
import { termDates, type LetterTermDates } from '../calendar/letterTerm';
import { claimLetters, defaultDayOf, type LetterDate } from '../journey/history';
import type { Cents } from '../money';
import type { CollectionCostsResult } from './collectionCosts';
import type { DayCount, StatutoryInterestResult } from './interest';
import { calculateLetterBreakdown, type LetterBreakdown } from './letterBreakdown';
import type { InterestKind, InterestRateEntry } from './rates';

export type CostsPurpose = 'auto' | 'announce' | 'charge';

export interface DebtorCostsOptions {
	today: DayNumber;
	calendar: DutchCalendar;
	purpose: CostsPurpose;
	/** The item's `journey` result, if any: decides `auto` and which claims a planned letter covers. */
	journey?: unknown;
	/** Letter dates from the item's schedule/journey data or a parameter (besides the contact history). */
	letterDates?: LetterDate[];
	extendPastNonWorkingDay?: boolean;
	creditorCanDeductVat?: boolean;
	vatRatePercent?: number;
	businessMethod?: 'flat-per-claim' | 'bik-scale';
	instalmentCents?: Cents;
	smallClaimCostsAlreadyChargedCents?: Cents;
	smallClaimCapVat?: 'included' | 'excluded';
	/** False: no statutory interest. */
	interest?:
		| false
		| {
				/** Last day of interest (default: the reference day). */
				until?: string;
				kind?: InterestKind | 'auto';
				/** Own tables per kind; a kind left out uses the built-in table. */
				rates?: Partial<Record<InterestKind, InterestRateEntry[]>>;
				ratesVerifiedUntil?: string;
				dayCount?: DayCount;
		  };
}

export type ClaimCostStatus = 'included' | 'paid' | 'disputed' | 'not-in-default' | 'no-letter' | 'letter-term-running' | 'not-in-letter';

export interface ClaimCosts {
	claimId: string;
	openCents: Cents;
	status: ClaimCostStatus;
	defaultDate: string;
	/** The claim's first 14-day letter, when one went out. */
	letter: (LetterTermDates & { source: string }) | null;
}

export interface Refusal {
	code: 'nothing-open' | 'nothing-in-default' | 'no-letter' | 'letter-term-running' | 'small-claim-cap-reached';
	nl: string;
	en: string;
}

export interface DebtorCosts {
	purpose: 'announce' | 'charge';
	/** Whether collection costs may be charged (charge) or announced (announce) for at least one claim. */
	allowed: boolean;
	referenceDate: string;
	debtorType: 'consumer' | 'business';
	method: CollectionCostsResult['method'] | null;
	claims: ClaimCosts[];
	includedClaimIds: string[];
	principalTotalCents: Cents;
	costsExclVatCents: Cents;
	vatAdded: boolean;
	vatRatePercent: number | null;
	vatCents: Cents;
	costsInclVatCents: Cents;
	totalCostsCents: Cents;
	minimumApplied: boolean;
	maximumApplied: boolean;
	brackets: Array<{ fromCents: Cents; toCents: Cents | null; ratePercent: number; portionCents: Cents; amountCents: Cents }>;
	businessFlat: CollectionCostsResult['businessFlat'];
	smallClaimCap: CollectionCostsResult['smallClaimCap'] | null;
	interest: {
		kind: InterestKind;
		until: string;
		totalCents: Cents;
		perClaim: Array<{ claimId?: string; startDate: string; days: number; interestCents: Cents; periods: StatutoryInterestResult['periods']; compoundings: StatutoryInterestResult['compoundings'] }>;
	} | null;
	interestTotalCents: Cents;
	/** Principal + costs + interest of the included claims. */
	grandTotalCents: Cents;
	/** The breakdown lines, word for word as the 14-day letter prints them. */
	lines: { nl: string[]; en: string[] };
	sentenceKeys: string[];
	/** Why claims were left out, and the refusal when nothing may be charged. */
	reasons: { nl: string[]; en: string[] };
	refusal: Refusal | null;
	warnings: string[];
}

/** The purpose `auto` resolves to, and the claims a planned 14-day letter covers. */
function resolvePurpose(purpose: CostsPurpose, journey: unknown): { purpose: 'announce' | 'charge'; letterClaimIds?: string[] } {
	const planned = journey && typeof journey === 'object' ? (journey as { stage?: unknown; claimIds?: unknown }) : undefined;
	const plansLetter = planned?.stage === 'fourteen-day-letter';
	const claimIds = plansLetter && Array.isArray(planned?.claimIds) ? (planned.claimIds as unknown[]).filter((id): id is string => typeof id === 'string') : undefined;
	if (purpose === 'auto') return plansLetter ? { purpose: 'announce', letterClaimIds: claimIds } : { purpose: 'charge' };
	return { purpose, letterClaimIds: purpose === 'announce' ? claimIds : undefined };
}

const DATE = (day: DayNumber, language: Language) => formatDate(day, language, 'medium');

function excludedLine(claim: ClaimCosts, today: DayNumber, letterDay: DayNumber | undefined, costsFrom: DayNumber | undefined): { nl: string; en: string } | undefined {
	const id = claim.claimId;
	switch (claim.status) {
		case 'no-letter':
			return {
				nl: `Vordering ${id}: geen incassokosten, want er is nog geen veertiendagenbrief verstuurd.`,
				en: `Claim ${id}: no collection costs, because no 14-day letter has been sent.`,
			};
		case 'letter-term-running':
			return {
				nl: `Vordering ${id}: geen incassokosten, want de termijn van de veertiendagenbrief van ${DATE(letterDay!, 'nl')} loopt nog; incassokosten mogen vanaf ${DATE(costsFrom!, 'nl')}.`,
				en: `Claim ${id}: no collection costs, because the term of the 14-day letter of ${DATE(letterDay!, 'en')} has not ended; costs may be charged from ${DATE(costsFrom!, 'en')}.`,
			};
		case 'not-in-default':
			return {
				nl: `Vordering ${id}: nog niet in verzuim op ${DATE(today, 'nl')}.`,
				en: `Claim ${id}: not yet in default on ${DATE(today, 'en')}.`,
			};
		case 'disputed':
			return { nl: `Vordering ${id}: betwist, geen kosten.`, en: `Claim ${id}: disputed, no costs.` };
		case 'not-in-letter':
			return { nl: `Vordering ${id}: valt niet onder deze brief.`, en: `Claim ${id}: not covered by this letter.` };
		default:
			return undefined;
	}
}

function refusalFor(claims: ClaimCosts[], letters: Map<string, { sentDay: DayNumber; costsFromDay: DayNumber }>): Refusal {
	const open = claims.filter((claim) => claim.status !== 'paid');
	if (open.length === 0) {
		return {
			code: 'nothing-open',
			nl: 'Geen incassokosten: er staat niets meer open.',
			en: 'No collection costs: nothing is open any more.',
		};
	}
	const running = open.filter((claim) => claim.status === 'letter-term-running');
	if (running.length > 0) {
		// Name the claim whose term ends first: that is when costs can first be charged.
		const first = running.reduce((a, b) => (letters.get(a.claimId)!.costsFromDay <= letters.get(b.claimId)!.costsFromDay ? a : b));
		const letter = letters.get(first.claimId)!;
		return {
			code: 'letter-term-running',
			nl: `Geen incassokosten: de termijn van de veertiendagenbrief voor vordering ${first.claimId} (verstuurd op ${DATE(letter.sentDay, 'nl')}) is nog niet voorbij. Incassokosten mogen pas vanaf ${DATE(letter.costsFromDay, 'nl')}, als er dan nog niet betaald is.`,
			en: `No collection costs: the term of the 14-day letter for claim ${first.claimId} (sent on ${DATE(letter.sentDay, 'en')}) has not ended. Costs may be charged from ${DATE(letter.costsFromDay, 'en')} if it is still unpaid then.`,
		};
	}
	if (open.some((claim) => claim.status === 'no-letter')) {
		const ids = open.filter((claim) => claim.status === 'no-letter').map((claim) => claim.claimId);
		return {
			code: 'no-letter',
			nl: `Geen incassokosten: voor ${ids.length === 1 ? `vordering ${ids[0]}` : `de vorderingen ${ids.join(', ')}`} is geen veertiendagenbrief verstuurd. Een consument betaalt incassokosten pas na een juiste veertiendagenbrief waarvan de termijn ongebruikt is verstreken.`,
			en: `No collection costs: no 14-day letter was sent for ${ids.length === 1 ? `claim ${ids[0]}` : `claims ${ids.join(', ')}`}. A consumer owes collection costs only after a correct 14-day letter whose term has passed without payment.`,
		};
	}
	return {
		code: 'nothing-in-default',
		nl: 'Geen incassokosten: geen openstaande vordering is in verzuim.',
		en: 'No collection costs: no open claim is in default.',
	};
}

/** Collection costs, interest and the quotable breakdown for one debtor, with the letter gate. */
export function debtorCosts(record: DebtorRecord, options: DebtorCostsOptions): DebtorCosts {
	const { today, calendar } = options;
	const debtorType = record.debtorType ?? 'consumer';
	const { purpose, letterClaimIds } = resolvePurpose(options.purpose, options.journey);
	const letters = claimLetters(record, calendar, { extra: options.letterDates, extendPastNonWorkingDay: options.extendPastNonWorkingDay });
	const warnings: string[] = [];
	const reasons = { nl: [] as string[], en: [] as string[] };

	const claims: ClaimCosts[] = [];
	const included: Claim[] = [];
	const termInfo = new Map<string, { sentDay: DayNumber; costsFromDay: DayNumber }>();
	for (const claim of record.claims ?? []) {
		const letter = letters.get(claim.claimId);
		const defaultDay = defaultDayOf(claim);
		let status: ClaimCostStatus = 'included';
		if (claim.openCents === 0) status = 'paid';
		else if (claim.disputed === true) status = 'disputed';
		else if (defaultDay > today) status = 'not-in-default';
		else if (letterClaimIds !== undefined && !letterClaimIds.includes(claim.claimId)) status = 'not-in-letter';
		else if (purpose === 'charge' && debtorType === 'consumer') {
			if (!letter) status = 'no-letter';
			else if (today < letter.term.costsFromDay) status = 'letter-term-running';
		}
		if (letter) termInfo.set(claim.claimId, { sentDay: letter.sentDay, costsFromDay: letter.term.costsFromDay });
		const row: ClaimCosts = {
			claimId: claim.claimId,
			openCents: claim.openCents,
			status,
			defaultDate: isoDate(defaultDay),
			letter: letter ? { ...termDates(letter.term), source: letter.source } : null,
		};
		claims.push(row);
		if (status === 'included') {
			included.push(claim);
			if (purpose === 'announce' && letter && debtorType === 'consumer') {
				warnings.push(
					`Claim ${claim.claimId} already had a 14-day letter on ${isoDate(letter.sentDay)}; a second letter does not start a new term.`,
				);
			}
		} else {
			const line = excludedLine(row, today, letter?.sentDay, letter?.term.costsFromDay);
			if (line) {
				reasons.nl.push(line.nl);
				reasons.en.push(line.en);
			}
		}
	}

	const referenceDate = isoDate(today);
	const empty: DebtorCosts = {
		purpose,
		allowed: false,
		referenceDate,
		debtorType,
		method: null,
		claims,
		includedClaimIds: [],
		principalTotalCents: 0,
		costsExclVatCents: 0,
		vatAdded: false,
		vatRatePercent: null,
		vatCents: 0,
		costsInclVatCents: 0,
		totalCostsCents: 0,
		minimumApplied: false,
		maximumApplied: false,
		brackets: [],
		businessFlat: null,
		smallClaimCap: null,
		interest: null,
		interestTotalCents: 0,
		grandTotalCents: 0,
		lines: { nl: [], en: [] },
		sentenceKeys: [],
		reasons,
		refusal: null,
		warnings,
	};
	if (included.length === 0) {
		const refusal = refusalFor(claims, termInfo);
		reasons.nl.unshift(refusal.nl);
		reasons.en.unshift(refusal.en);
		return { ...empty, refusal };
	}

	const interestOption = options.interest === undefined ? {} : options.interest;
	let interest: Parameters<typeof calculateLetterBreakdown>[0]['interest'];
	if (interestOption !== false) {
		const kind: InterestKind =
			interestOption.kind === undefined || interestOption.kind === 'auto' ? (debtorType === 'business' ? 'commercial' : 'consumer') : interestOption.kind;
		interest = {
			until: interestOption.until ?? referenceDate,
			kind,
			rates: interestOption.rates?.[kind],
			ratesVerifiedUntil: interestOption.ratesVerifiedUntil,
			dayCount: interestOption.dayCount,
		};
	}
	const breakdown: LetterBreakdown = calculateLetterBreakdown({
		debtorType,
		claims: included.map((claim) => ({
			claimId: claim.claimId,
			openCents: claim.openCents,
			dueDate: claim.dueDate,
			...(claim.defaultDate !== undefined ? { defaultDate: claim.defaultDate } : {}),
		})),
		calculationDate: referenceDate,
		creditorCanDeductVat: options.creditorCanDeductVat,
		vatRatePercent: options.vatRatePercent,
		businessMethod: options.businessMethod,
		instalmentCents: options.instalmentCents,
		smallClaimCostsAlreadyChargedCents: options.smallClaimCostsAlreadyChargedCents,
		smallClaimCapVat: options.smallClaimCapVat,
		interest,
	});
	const costs = breakdown.costs;
	for (const warning of breakdown.warnings) if (!warnings.includes(warning)) warnings.push(warning);
	const includedClaimIds = costs.includedClaims.map((row) => included[row.index].claimId);
	let refusal: Refusal | null = null;
	if (costs.totalCostsCents === 0 && costs.smallClaimCap.applies) {
		refusal = {
			code: 'small-claim-cap-reached',
			nl: `Geen incassokosten meer: bij een vordering of termijn onder EUR 266,67 zijn de incassokosten samen ten hoogste EUR 140,00, en dat bedrag is al in rekening gebracht.`,
			en: `No further collection costs: for a claim or instalment below EUR 266.67 the costs are at most EUR 140.00 in total, and that amount has already been charged.`,
		};
		reasons.nl.unshift(refusal.nl);
		reasons.en.unshift(refusal.en);
	}
	return {
		...empty,
		allowed: costs.totalCostsCents > 0,
		method: costs.method,
		includedClaimIds,
		principalTotalCents: breakdown.principalTotalCents,
		costsExclVatCents: breakdown.costsExclVatCents,
		vatAdded: costs.vatAdded,
		vatRatePercent: costs.vatRatePercent,
		vatCents: breakdown.vatCents,
		costsInclVatCents: breakdown.costsInclVatCents,
		totalCostsCents: breakdown.totalCostsCents,
		minimumApplied: costs.minimumApplied,
		maximumApplied: costs.maximumApplied,
		brackets: costs.scale ? costs.scale.brackets.map((bracket) => ({ ...bracket })) : [],
		businessFlat: costs.businessFlat,
		smallClaimCap: costs.smallClaimCap,
		interest: breakdown.interest
			? {
					kind: breakdown.interest.kind,
					until: breakdown.interest.until,
					totalCents: breakdown.interestTotalCents,
					perClaim: breakdown.interest.perClaim.map((claim) => ({
						...(claim.claimId !== undefined ? { claimId: claim.claimId } : {}),
						startDate: claim.startDate,
						days: claim.result.days,
						interestCents: claim.result.totalInterestCents,
						periods: claim.result.periods,
						compoundings: claim.result.compoundings,
					})),
				}
			: null,
		interestTotalCents: breakdown.interestTotalCents,
		grandTotalCents: breakdown.grandTotalCents,
		lines: { nl: [...breakdown.explanation.nl], en: [...breakdown.explanation.en] },
		sentenceKeys: breakdown.sentenceKeys,
		refusal,
	};
}
