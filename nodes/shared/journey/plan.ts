/**
 * The journey planner: from a debtor's segmentation and history, the next step of the collection
 * journey, or "none" with the reason (paid, paused, stopped, finished, waiting). Pure: the same record,
 * segmentation and day always give the same answer, so re-running a workflow plans nothing twice.
 *
 * Order of decisions (the first that applies wins):
 *   1. deceased: stop, no further messages (flag, persona, or a direct debit returned with MD07);
 *   2. dispute: pause, no collection steps;
 *      a contact with outcome `unconfirmed` (a send started, outcome unknown): pause until a person
 *      records whether it went out, so it is neither sent twice nor taken for sent;
 *   3. active arrangement: only instalment reminders, missed-instalment messages and the final thanks;
 *   4. nothing open: thank the debtor once when a payment came after the last step, then stop;
 *   5. debt help accepted: pause for the configured days (30), then supportive steps only;
 *   6. the persona's ladder for every open claim, with the legal gates:
 *      - the 14-day letter only for consumer claims in default, once per claim, with its term dates;
 *      - steps that charge costs (final notice) only after that term has passed unpaid;
 *      - for a consumer's open credit-agreement claim, the final notice and the handover only after a
 *        recorded forbearance offer (CCD2, forbearance.ts); without one the offer is planned instead;
 *      and a reversal notice after a returned direct debit.
 * Independently, the legal early-warning signal to the municipality is checked (municipality.ts).
 */
import type { DutchCalendar } from '../calendar/calendar';
import { isoDate, parseIsoDate, type DayNumber } from '../calendar/days';
import { fourteenDayLetterTerm, termDates, type LetterTermDates } from '../calendar/letterTerm';
import type { Channel, Claim, DebtorRecord, Language, Stage } from '../debtor/model';
import type { Cents } from '../money';
import type { Tone } from '../messages/types';
import { PERSONAS, type Persona } from '../segmentation/personas';
import { checkArrangement, type ArrangementCheck, type ArrangementPlan } from '../arrangement/check';
import { FORBEARANCE_GATED_STAGES, FORBEARANCE_OFFER_STAGE, forbearanceGate, type ForbearanceCheck } from './forbearance';
import { contactDay, defaultDayOf, stageOccurrence, wentOut, type ClaimLetter } from './history';
import { COST_STAGES, type Ladder, type LadderStep, type Ladders } from './ladders';
import { municipalityNotApplicable, municipalitySignal, type MunicipalityOptions, type MunicipalitySignal } from './municipality';
import { wordJourneyReason, type JourneyReason } from './reasons';

/** What the planner reads of the Debtor Segmenter's result. */
export interface JourneySegmentation {
	persona: Persona;
	tone: Tone;
	channels: Channel[];
	signals?: string[];
	personalContact?: boolean;
	arm?: { experiment: string; group: 'control' | 'variant' };
	/** The day the segmentation may change (the Debtor Segmenter's look-ahead), YYYY-MM-DD. */
	reviewDate?: string;
}

export interface JourneyOptions {
	today: DayNumber;
	calendar: DutchCalendar;
	ladders: Ladders;
	language: Language;
	/** Days collection rests after debt help was accepted (default 30). */
	debtHelpPauseDays?: number;
	/** Thank a debtor for a payment at most this many days after it (default 14). */
	thankYouWithinDays?: number;
	/** Days after an unanswered final notice before handover (default 14). */
	handoverAfterDays?: number;
	/** A returned direct debit gets a reversal notice within this many days (default 7); 0 switches it off. */
	reversalNoticeWithinDays?: number;
	/** Extend a 14-day term ending on a weekend or holiday to the next working day (default true). */
	extendPastNonWorkingDay?: boolean;
	/** The agreed arrangement, when `flags.arrangementActive` is set (from the item). */
	arrangement?: { plan: ArrangementPlan | undefined; field: string; reminderDays?: number; graceDays?: number };
	/** False switches the municipality check off. */
	municipality?: MunicipalityOptions | false;
	/** Note in the reasons that the segmentation was computed by the planner. */
	segmentationComputed?: boolean;
}

export type JourneyStatus = 'paid' | 'paused' | 'stopped' | 'finished' | 'waiting';

export interface JourneyDecision {
	referenceDate: string;
	/** "step": a step is due today. "none": nothing to send today; `reason` says why. */
	action: 'step' | 'none';
	reason: JourneyStatus | null;
	/** The next (or upcoming, when waiting) step. */
	stage: Stage | null;
	channel: Channel | null;
	/** Fallback order: the step's channel first, then the other reachable ones. */
	channels: Channel[];
	tone: Tone | null;
	earliestDate: string | null;
	dueNow: boolean;
	/** A person must act: a call task. */
	personalContact: boolean;
	afterPayday: boolean;
	/** Claims the step is about (one message covers them all). */
	claimIds: string[];
	amountCents: Cents;
	persona: Persona;
	/** Ladder used: the persona, or "<persona>/variant" for an experiment's variant group. */
	ladder: string;
	/** 1-based position of the step in the ladder, when it comes from the ladder. */
	stepNumber: number | null;
	/**
	 * Which time this stage goes out about these claims (1 = the first), counted from the recorded
	 * contacts (history.ts `stageOccurrence`); null without a stage.
	 */
	occurrence: number | null;
	/**
	 * `<stage>#<occurrence>`: with debtor and claims it names this contact on every day until it is
	 * recorded. The Channel Sender keys the send on it instead of the day, so a run that stopped
	 * mid-send and a rerun on a later day find the same key.
	 */
	stepId: string | null;
	stepCount: number;
	/** End of a pause, when known. */
	resumeDate: string | null;
	/** Term dates of the 14-day letter this step sends (stage fourteen-day-letter only). */
	fourteenDayLetter: LetterTermDates | null;
	/** 14-day letters that went out for open claims, with their terms. */
	letters: Array<LetterTermDates & { claimId: string; termPassed: boolean }>;
	/** Whether collection costs may be charged today for at least one open claim. */
	costsAllowed: boolean;
	handover: boolean;
	arrangement: Pick<ArrangementCheck, 'state' | 'nextInstalment' | 'missed' | 'paidCents' | 'remainingCents'> | null;
	municipalitySignal: MunicipalitySignal | null;
	reasons: string[];
	reasonCodes: string[];
	/**
	 * Only with the planner's look-ahead (nextReview.ts): the first later day on which the plan may
	 * differ while the record stays the same; null when only a change of the record can bring new work.
	 */
	nextReviewDate?: string | null;
}

interface Sent {
	stage: Stage;
	day: DayNumber;
	claimId: string | undefined;
}

interface Candidate {
	claim: Claim;
	claimIndex: number;
	stage: Stage;
	step: LadderStep | undefined;
	stepIndex: number;
	/** 0 before 1 when both are due on the same day (a reversal notice before a ladder step). */
	priority: number;
	day: DayNumber;
	tone: Tone | undefined;
	channels: Channel[] | undefined;
	person: boolean;
	afterPayday: boolean;
	reasons: JourneyReason[];
}

const COLLECTION_STAGES_FOR_THANKS: ReadonlySet<Stage> = new Set<Stage>([
	'reminder-1',
	'reminder-2',
	'fourteen-day-letter',
	'final-notice',
	'arrangement-offer',
	'early-warning-care',
	'missed-instalment',
	'instalment-reminder',
	'reversal-notice',
]);

/** Plans the next journey step for one validated debtor record. */
export function planJourney(record: DebtorRecord, segmentation: JourneySegmentation, options: JourneyOptions): JourneyDecision {
	const { today, calendar, language } = options;
	const reasons: JourneyReason[] = [];
	if (options.segmentationComputed) reasons.push({ code: 'segmentation.computed', params: {} });
	const persona = segmentation.persona;
	const variantKey = `${persona}/variant`;
	const ladderKey = segmentation.arm?.group === 'variant' && options.ladders[variantKey] ? variantKey : persona;
	const ladder: Ladder = options.ladders[ladderKey] ?? [];
	const claims = record.claims ?? [];
	const flags = record.flags ?? {};

	// History up to today, parsed once; contacts dated after the reference day have not happened yet.
	const sent: Sent[] = [];
	let unconfirmed: { stage: Stage | undefined; day: DayNumber } | undefined;
	for (const contact of record.contacts ?? []) {
		if (contact.direction === 'outbound' && contact.outcome === 'unconfirmed') {
			const day = contactDay(contact.at);
			if (day <= today && (unconfirmed === undefined || day < unconfirmed.day)) unconfirmed = { stage: contact.stage, day };
		}
		if (!wentOut(contact) || contact.stage === undefined) continue;
		const day = contactDay(contact.at);
		if (day !== day || day > today) continue;
		sent.push({ stage: contact.stage, day, claimId: contact.claimId });
	}
	sent.sort((a, b) => a.day - b.day);
	const defaultDays = claims.map(defaultDayOf);
	const letters = lettersOf(claims, defaultDays, sent, calendar, options.extendPastNonWorkingDay !== false);

	const decision: JourneyDecision = {
		referenceDate: isoDate(today),
		action: 'none',
		reason: null,
		stage: null,
		channel: null,
		channels: [],
		tone: null,
		earliestDate: null,
		dueNow: false,
		personalContact: false,
		afterPayday: false,
		claimIds: [],
		amountCents: 0,
		persona,
		ladder: ladderKey,
		stepNumber: null,
		occurrence: null,
		stepId: null,
		stepCount: ladder.length,
		resumeDate: null,
		fourteenDayLetter: null,
		letters: [],
		costsAllowed: false,
		handover: false,
		arrangement: null,
		municipalitySignal: null,
		reasons: [],
		reasonCodes: [],
	};
	const debtorType = record.debtorType ?? 'consumer';
	claims.forEach((claim, i) => {
		if (claim.openCents === 0) return;
		const letter = letters.get(claim.claimId);
		if (letter) decision.letters.push({ claimId: claim.claimId, ...termDates(letter.term), termPassed: today >= letter.term.costsFromDay });
		if (claim.disputed || defaultDays[i] > today) return;
		if (debtorType === 'business' || (letter && today >= letter.term.costsFromDay)) decision.costsAllowed = true;
	});
	const finish = (status: JourneyStatus | null): JourneyDecision => {
		if (decision.stage !== null) {
			decision.occurrence = stageOccurrence(record.contacts, decision.stage, decision.claimIds, today);
			decision.stepId = `${decision.stage}#${decision.occurrence}`;
		}
		decision.reason = status;
		decision.reasons = reasons.map((reason) => wordJourneyReason(reason, language));
		decision.reasonCodes = reasons.map((reason) => reason.code);
		return decision;
	};
	const notApplicable = (nl: string, en: string) => {
		if (options.municipality !== false) decision.municipalitySignal = municipalityNotApplicable(nl, en);
	};

	// 1. Deceased: stop everything.
	const md07 = (record.reversals ?? []).some((reversal) => reversal.reasonCode === 'MD07' && parseIsoDate(reversal.date) <= today);
	if (persona === 'deceased' || flags.deceased === true || md07) {
		reasons.push({ code: 'stop.deceased', params: { source: flags.deceased === true || persona === 'deceased' ? 'flag' : 'md07' } });
		notApplicable('Geen signaal aan de gemeente: de debiteur is overleden.', 'No municipality signal: the debtor has died.');
		decision.costsAllowed = false;
		return finish('stopped');
	}

	// 2. Dispute: no collection steps at all while it is investigated.
	const disputedOpen = claims.filter((claim) => claim.disputed === true && claim.openCents > 0).length;
	if (flags.dispute === true || persona === 'dispute') {
		reasons.push({ code: 'pause.dispute', params: { source: flags.dispute === true ? 'flag' : 'claims', count: disputedOpen } });
		notApplicable('Geen signaal aan de gemeente: er loopt een geschil.', 'No municipality signal: a dispute is open.');
		decision.costsAllowed = false;
		return finish('paused');
	}

	const checkMunicipality = () => {
		if (options.municipality === false || decision.municipalitySignal) return;
		decision.municipalitySignal = (segmentation.signals ?? []).includes('legal-early-warning')
			? municipalitySignal(record, today, options.municipality ?? {})
			: municipalityNotApplicable(
					'Geen signaal aan de gemeente: de wettelijke vroegsignaleringsgrens is niet bereikt.',
					'No municipality signal: the legal early-warning threshold is not reached.',
				);
	};

	// A send whose outcome is unknown: sending the step again could reach the debtor twice, and taking
	// it for sent could charge costs on a letter that never went out. A person checks the provider and
	// sets the contact's outcome to sent or failed; until then nothing goes out.
	if (unconfirmed) {
		reasons.push({ code: 'pause.unconfirmed-contact', params: { stage: unconfirmed.stage ?? '', date: isoDate(unconfirmed.day) } });
		checkMunicipality();
		return finish('paused');
	}

	const channelsReachable = segmentation.channels ?? [];

	// 3. Active arrangement: only instalment steps.
	if (flags.arrangementActive === true) {
		reasons.push({ code: 'arrangement.only-instalments', params: {} });
		notApplicable('Geen signaal aan de gemeente: er loopt een betalingsregeling.', 'No municipality signal: an arrangement is running.');
		const plan = options.arrangement?.plan;
		if (!plan) {
			reasons.push({ code: 'arrangement.no-plan', params: { field: options.arrangement?.field ?? 'arrangement' } });
			return finish('paused');
		}
		return finish(arrangementStep(plan, record, sent, decision, reasons, options, channelsReachable));
	}

	const overdueOpen = claims.some((claim, i) => claim.openCents > 0 && !claim.disputed && defaultDays[i] <= today);

	// 4. Paid after the last step: thank once, then stop.
	if (!overdueOpen) {
		const thanks = thankYou(record, claims, sent, today, options.thankYouWithinDays ?? 14);
		if (thanks) {
			reasons.push({ code: 'thanks', params: { date: isoDate(thanks.paidDay) } });
			setStep(decision, reasons, {
				stage: 'payment-received',
				day: today,
				claimIds: thanks.claimIds,
				amountCents: 0,
				tone: 'supportive',
				channels: undefined,
				person: false,
				afterPayday: false,
				reachable: channelsReachable,
				calendar,
				today,
			});
			notApplicable('Geen signaal aan de gemeente: er is niets achterstallig.', 'No municipality signal: nothing is overdue.');
			return finish(decision.action === 'step' ? null : 'waiting');
		}
		if (!claims.some((claim) => claim.openCents > 0)) {
			reasons.push({ code: 'paid.nothing-open', params: {} });
			notApplicable('Geen signaal aan de gemeente: er is niets achterstallig.', 'No municipality signal: nothing is overdue.');
			return finish('paid');
		}
	}

	// 5. Debt help accepted: rest for the configured days, then supportive steps only.
	let notBefore = today;
	if (flags.debtHelp === true || persona === 'debt-help') {
		notApplicable('Geen signaal aan de gemeente: er is al schuldhulp.', 'No municipality signal: debt help is already involved.');
		const since = parseIsoDate(flags.debtHelpSince);
		if (since !== since) {
			reasons.push({ code: 'pause.debt-help-undated', params: {} });
			return finish('paused');
		}
		const pauseDays = options.debtHelpPauseDays ?? 30;
		const until = since + pauseDays - 1;
		if (today <= until) {
			reasons.push({ code: 'pause.debt-help', params: { since: isoDate(since), until: isoDate(until), days: pauseDays } });
			decision.resumeDate = isoDate(until + 1);
			return finish('paused');
		}
		reasons.push({ code: 'pause.debt-help-ended', params: { until: isoDate(until) } });
		notBefore = Math.max(notBefore, until + 1);
	}

	// 6. The ladder for every open claim, plus reversal notices.
	reasons.push({ code: 'ladder', params: { persona, variant: ladderKey === variantKey ? 1 : 0, steps: ladder.length } });
	const candidates: Candidate[] = [];
	let finishedOpenCents = 0;
	let handover: { claimId: string; day: DayNumber } | undefined;
	let handoverOffer: ForbearanceCheck['offer'] = null;
	const handoverAfter = options.handoverAfterDays ?? 14;
	const gate = (claim: Claim) => forbearanceGate(record, claim, today);
	claims.forEach((claim, claimIndex) => {
		if (claim.openCents === 0 || claim.disputed === true) return;
		const candidate = nextLadderStep(claim, claimIndex, defaultDays[claimIndex], ladder, sent, letters.get(claim.claimId), debtorType, notBefore, gate, today);
		if (candidate) candidates.push(candidate);
		else if (defaultDays[claimIndex] <= today) {
			finishedOpenCents += claim.openCents;
			const finalNotice = lastSentDay(sent, claim, defaultDays[claimIndex], 'final-notice');
			if (finalNotice === undefined || today < finalNotice + handoverAfter) return;
			// CCD2: no handover of a credit-agreement claim before a forbearance offer; offer it instead.
			const check = gate(claim);
			if (!check.allowed) {
				candidates.push(forbearanceOffer(claim, claimIndex, today, undefined, false, { step: 'handover', claimId: claim.claimId, date: isoDate(today) }));
			} else if (!handover || finalNotice < handover.day) {
				handover = { claimId: claim.claimId, day: finalNotice };
				handoverOffer = check.offer;
			}
		}
	});
	reversalNotices(record, claims, sent, today, options.reversalNoticeWithinDays ?? 7, candidates);

	checkMunicipality();

	if (handover) {
		decision.handover = true;
		reasons.push({ code: 'handover', params: { claimId: handover.claimId, date: isoDate(handover.day) } });
		if (handoverOffer) reasons.push(offeredReason(handover.claimId, 'handover', handoverOffer));
	}
	if (candidates.length === 0) {
		if (finishedOpenCents > 0) {
			reasons.push({ code: 'finished', params: { persona, openCents: finishedOpenCents } });
			return finish('finished');
		}
		reasons.push({ code: 'paid.nothing-overdue', params: {} });
		return finish('waiting');
	}

	// Align each candidate to a day it may happen, then take the earliest (oldest claim first on a tie).
	for (const candidate of candidates) candidate.day = Math.max(candidate.day, notBefore);
	let chosen = candidates[0];
	for (const candidate of candidates) {
		if (
			candidate.day < chosen.day ||
			(candidate.day === chosen.day && (candidate.priority < chosen.priority || (candidate.priority === chosen.priority && defaultDays[candidate.claimIndex] < defaultDays[chosen.claimIndex])))
		) {
			chosen = candidate;
		}
	}
	reasons.push(...chosen.reasons);
	const grouped = candidates.filter((candidate) => candidate.stage === chosen.stage && candidate.day <= chosen.day);
	if (grouped.length > 1) reasons.push({ code: 'step.grouped', params: { count: grouped.length } });
	setStep(decision, reasons, {
		stage: chosen.stage,
		day: chosen.day,
		claimIds: grouped.map((candidate) => candidate.claim.claimId),
		amountCents: grouped.reduce((sum, candidate) => sum + candidate.claim.openCents, 0),
		tone: chosen.tone ?? segmentation.tone,
		channels: chosen.channels,
		person: chosen.person,
		afterPayday: chosen.afterPayday,
		reachable: channelsReachable,
		calendar,
		today,
	});
	decision.stepNumber = chosen.step ? chosen.stepIndex + 1 : null;
	if (chosen.stage === 'fourteen-day-letter' && decision.earliestDate) {
		const term = fourteenDayLetterTerm(parseIsoDate(decision.earliestDate), calendar, { extendPastNonWorkingDay: options.extendPastNonWorkingDay !== false });
		decision.fourteenDayLetter = termDates(term);
		reasons.push({
			code: 'gate.letter-term',
			params: { receipt: isoDate(term.presumedReceiptDay), last: isoDate(term.lastDayToPay), costs: isoDate(term.costsFromDay) },
		});
	}
	return finish(decision.action === 'step' ? null : 'waiting');
}

/** First 14-day letter per claim, from the history (claim contacts, or debtor contacts covering claims in default). */
function lettersOf(claims: Claim[], defaultDays: DayNumber[], sent: Sent[], calendar: DutchCalendar, extend: boolean): Map<string, ClaimLetter> {
	const letters = new Map<string, ClaimLetter>();
	for (const entry of sent) {
		if (entry.stage !== 'fourteen-day-letter') continue;
		claims.forEach((claim, i) => {
			if (letters.has(claim.claimId)) return;
			if (entry.claimId === undefined ? defaultDays[i] <= entry.day : entry.claimId === claim.claimId) {
				letters.set(claim.claimId, {
					claimId: claim.claimId,
					sentDay: entry.day,
					source: 'contacts',
					term: fourteenDayLetterTerm(entry.day, calendar, { extendPastNonWorkingDay: extend }),
				});
			}
		});
	}
	return letters;
}

/** Whether a sent step is about this claim: its own contacts, or debtor-wide ones while it was in default. */
function about(entry: Sent, claim: Claim, defaultDay: DayNumber): boolean {
	return entry.claimId === undefined ? entry.day >= defaultDay : entry.claimId === claim.claimId;
}

function lastSentDay(sent: Sent[], claim: Claim, defaultDay: DayNumber, stage: Stage): DayNumber | undefined {
	let last: DayNumber | undefined;
	for (const entry of sent) if (entry.stage === stage && about(entry, claim, defaultDay)) last = entry.day;
	return last;
}

/** The claim's next ladder step: the first one after the furthest step already taken, past the legal gates. */
function nextLadderStep(
	claim: Claim,
	claimIndex: number,
	defaultDay: DayNumber,
	ladder: Ladder,
	sent: Sent[],
	letter: ClaimLetter | undefined,
	debtorType: 'consumer' | 'business',
	notBefore: DayNumber,
	gate: (claim: Claim) => ForbearanceCheck,
	today: DayNumber,
): Candidate | undefined {
	if (ladder.length === 0) return undefined;
	const due = parseIsoDate(claim.dueDate);
	// How often each stage went out for this claim, and when the last step about it went out.
	const counts = new Map<Stage, number>();
	let lastDay: DayNumber | undefined;
	for (const entry of sent) {
		if (!about(entry, claim, defaultDay)) continue;
		counts.set(entry.stage, (counts.get(entry.stage) ?? 0) + 1);
		lastDay = entry.day;
	}
	// Position: the furthest step done (the n-th occurrence of a stage in the ladder is done when the
	// stage went out n times). Steps before it that never went out are passed, not sent late.
	let position = -1;
	const seen = new Map<Stage, number>();
	ladder.forEach((step, i) => {
		const rank = (seen.get(step.stage) ?? 0) + 1;
		seen.set(step.stage, rank);
		const done = (counts.get(step.stage) ?? 0) >= rank || (step.stage === 'fourteen-day-letter' && letter !== undefined);
		if (done) position = i;
	});
	const reasons: JourneyReason[] = [];
	for (let i = position + 1; i < ladder.length; i++) {
		const step = ladder[i];
		if (step.stage === 'fourteen-day-letter') {
			if (debtorType === 'business') {
				reasons.push({ code: 'gate.letter-business', params: { claimId: claim.claimId } });
				continue;
			}
			if (letter) {
				reasons.push({ code: 'gate.letter-once', params: { claimId: claim.claimId, date: isoDate(letter.sentDay) } });
				continue;
			}
		}
		const base = step.from === 'previous' && lastDay !== undefined ? lastDay : due;
		let day = base + step.days;
		const from = step.from === 'previous' && lastDay !== undefined ? 'previous' : 'due';
		reasons.push({ code: 'step.next', params: { claimId: claim.claimId, stage: step.stage, index: i + 1, total: ladder.length, days: step.days, from, base: isoDate(base) } });
		if (step.stage === 'fourteen-day-letter' && day < defaultDay) {
			day = defaultDay;
			reasons.push({ code: 'gate.letter-default', params: { claimId: claim.claimId, date: isoDate(defaultDay) } });
		}
		if (COST_STAGES.has(step.stage)) {
			if (debtorType === 'business') {
				if (day < defaultDay) day = defaultDay;
				reasons.push({ code: 'gate.costs-business', params: { claimId: claim.claimId, date: isoDate(defaultDay) } });
			} else if (!letter) {
				reasons.pop();
				reasons.push({ code: 'gate.costs-no-letter', params: { claimId: claim.claimId, stage: step.stage } });
				continue;
			} else {
				if (day < letter.term.costsFromDay) day = letter.term.costsFromDay;
				reasons.push({ code: 'gate.costs-term', params: { claimId: claim.claimId, stage: step.stage, date: isoDate(letter.term.costsFromDay) } });
			}
		}
		if (FORBEARANCE_GATED_STAGES.has(step.stage)) {
			const check = gate(claim);
			if (!check.allowed) {
				const offer = forbearanceOffer(claim, claimIndex, Math.max(day, notBefore), step.channels, step.person === true, { step: step.stage, claimId: claim.claimId, date: isoDate(today) });
				offer.reasons.unshift(...reasons);
				return offer;
			}
			if (check.offer) reasons.push(offeredReason(claim.claimId, step.stage, check.offer));
		}
		return {
			claim,
			claimIndex,
			stage: step.stage,
			step,
			stepIndex: i,
			priority: 1,
			day: Math.max(day, notBefore),
			tone: step.tone,
			channels: step.channels,
			person: step.person === true,
			afterPayday: step.afterPayday === true,
			reasons,
		};
	}
	return undefined;
}

/**
 * The forbearance offer planned instead of a final notice or handover the CCD2 gate holds back: the
 * arrangement offer (supportive, after payday), on the held-back step's day and channels. Not a ladder
 * step; once it went out (logged as a contact), the gate lets the held-back step follow.
 */
function forbearanceOffer(
	claim: Claim,
	claimIndex: number,
	day: DayNumber,
	channels: Channel[] | undefined,
	person: boolean,
	params: { step: string; claimId: string; date: string },
): Candidate {
	return {
		claim,
		claimIndex,
		stage: FORBEARANCE_OFFER_STAGE,
		step: undefined,
		stepIndex: -1,
		priority: 1,
		day,
		tone: 'supportive',
		channels,
		person,
		afterPayday: true,
		reasons: [{ code: 'gate.forbearance', params }],
	};
}

function offeredReason(claimId: string, step: string, offer: NonNullable<ForbearanceCheck['offer']>): JourneyReason {
	return { code: 'gate.forbearance-offered', params: { claimId, step, date: offer.date, kind: offer.kind } };
}

/** A returned direct debit (not MD07) gets one reversal notice, within a few days. */
function reversalNotices(record: DebtorRecord, claims: Claim[], sent: Sent[], today: DayNumber, withinDays: number, candidates: Candidate[]): void {
	if (withinDays <= 0) return;
	for (const reversal of record.reversals ?? []) {
		if (reversal.reasonCode === 'MD07') continue;
		const day = parseIsoDate(reversal.date);
		if (day !== day || day > today || day < today - withinDays) continue;
		const claimIndex = reversal.claimId === undefined ? -1 : claims.findIndex((claim) => claim.claimId === reversal.claimId);
		const claim = claimIndex >= 0 ? claims[claimIndex] : undefined;
		if (!claim || claim.openCents === 0 || claim.disputed) continue;
		if (sent.some((entry) => entry.stage === 'reversal-notice' && entry.day >= day && (entry.claimId === undefined || entry.claimId === claim.claimId))) continue;
		candidates.push({
			claim,
			claimIndex,
			stage: 'reversal-notice',
			step: undefined,
			stepIndex: -1,
			priority: 0,
			day: day + 1,
			tone: reversal.reasonCode === 'AM04' || reversal.reasonCode === 'AC06' ? 'supportive' : 'neutral',
			channels: undefined,
			person: false,
			afterPayday: reversal.reasonCode === 'AM04',
			reasons: [{ code: 'reversal', params: { date: reversal.date, code: reversal.reasonCode } }],
		});
	}
}

/** Claims settled by a payment after their last step, not yet thanked for. */
function thankYou(record: DebtorRecord, claims: Claim[], sent: Sent[], today: DayNumber, withinDays: number): { claimIds: string[]; paidDay: DayNumber } | undefined {
	// Most debtors never had a step: nothing to thank for, and no need to read their payments.
	if (withinDays <= 0 || !sent.some((entry) => entry.claimId !== undefined && COLLECTION_STAGES_FOR_THANKS.has(entry.stage))) return undefined;
	let lastPayment: DayNumber | undefined;
	const lastPaymentOf = new Map<string, DayNumber>();
	for (const payment of record.payments ?? []) {
		const day = parseIsoDate(payment.date);
		if (day !== day || day > today) continue;
		if (lastPayment === undefined || day > lastPayment) lastPayment = day;
		if (payment.claimId !== undefined && day > (lastPaymentOf.get(payment.claimId) ?? -Infinity)) lastPaymentOf.set(payment.claimId, day);
	}
	if (lastPayment === undefined || lastPayment < today - withinDays) return undefined;
	const claimIds: string[] = [];
	let paidDay = -Infinity;
	for (const claim of claims) {
		if (claim.openCents !== 0) continue;
		const paid = lastPaymentOf.get(claim.claimId) ?? lastPayment;
		if (paid < today - withinDays) continue;
		let lastStep: DayNumber | undefined;
		for (const entry of sent) if (entry.claimId === claim.claimId && COLLECTION_STAGES_FOR_THANKS.has(entry.stage)) lastStep = entry.day;
		if (lastStep === undefined || paid < lastStep) continue;
		claimIds.push(claim.claimId);
		paidDay = Math.max(paidDay, paid);
	}
	if (claimIds.length === 0) return undefined;
	// One thank-you per payment: not when one went out on or after the payment.
	if (sent.some((entry) => entry.stage === 'payment-received' && entry.day >= paidDay && (entry.claimId === undefined || claimIds.includes(entry.claimId)))) {
		return undefined;
	}
	return { claimIds, paidDay };
}

interface StepSpec {
	stage: Stage;
	day: DayNumber;
	claimIds: string[];
	amountCents: Cents;
	tone: Tone;
	channels: Channel[] | undefined;
	person: boolean;
	afterPayday: boolean;
	reachable: Channel[];
	calendar: DutchCalendar;
	today: DayNumber;
}

/** Fills the decision with a step: channel, a lawful day, due now or waiting. */
function setStep(decision: JourneyDecision, reasons: JourneyReason[], spec: StepSpec): void {
	const { calendar } = spec;
	// Channel: the step's first reachable channel; otherwise the debtor's best reachable one.
	let channel: Channel | null = null;
	if (spec.channels) channel = spec.channels.find((candidate) => spec.reachable.includes(candidate)) ?? null;
	if (!channel && spec.reachable.length > 0) {
		channel = spec.reachable[0];
		if (spec.channels) reasons.push({ code: 'channel.fallback', params: { wanted: spec.channels.join(', '), used: channel } });
	}
	if (!channel) reasons.push({ code: 'channel.none', params: {} });
	const person = spec.person || channel === 'phone';
	// Letters go out and people work on working days; messages on any contact day (not Sunday/holiday).
	let day = spec.day;
	const needsWorkingDay = channel === 'letter' || person;
	if (needsWorkingDay ? !calendar.isWorkingDay(day) : !calendar.isContactDay(day)) {
		day = needsWorkingDay ? calendar.nextWorkingDay(day) : calendar.nextContactDay(day);
		reasons.push({ code: 'step.moved-day', params: { to: isoDate(day), why: needsWorkingDay ? 'working' : 'contact' } });
	}
	decision.stage = spec.stage;
	decision.channel = channel;
	decision.channels = channel ? [channel, ...spec.reachable.filter((other) => other !== channel)] : [...spec.reachable];
	decision.tone = spec.tone;
	decision.earliestDate = isoDate(day);
	decision.dueNow = day === spec.today;
	decision.action = decision.dueNow ? 'step' : 'none';
	decision.personalContact = person;
	decision.afterPayday = spec.afterPayday;
	decision.claimIds = spec.claimIds;
	decision.amountCents = spec.amountCents;
	if (person) reasons.push({ code: 'step.person', params: {} });
	reasons.push(decision.dueNow ? { code: 'step.due', params: { date: isoDate(day) } } : { code: 'step.waiting', params: { date: isoDate(day) } });
}

/** The arrangement branch: instalment reminder, missed instalment, thanks at completion, or pause. */
function arrangementStep(
	plan: ArrangementPlan,
	record: DebtorRecord,
	sent: Sent[],
	decision: JourneyDecision,
	reasons: JourneyReason[],
	options: JourneyOptions,
	reachable: Channel[],
): JourneyStatus | null {
	const { today, calendar, language } = options;
	const reminderDays = options.arrangement?.reminderDays ?? 3;
	const check = checkArrangement(plan, record.payments, today, { reminderDays, graceDays: options.arrangement?.graceDays, reversals: record.reversals });
	decision.arrangement = {
		state: check.state,
		nextInstalment: check.nextInstalment,
		missed: check.missed,
		paidCents: check.paidCents,
		remainingCents: check.remainingCents,
	};
	for (const line of check.reasons[language]) reasons.push({ code: 'arrangement.check', params: { text: line } });
	const claimIds = plan.claimIds ?? (record.claims ?? []).filter((claim) => claim.openCents > 0).map((claim) => claim.claimId);
	const step = (stage: Stage, day: DayNumber, amountCents: Cents) =>
		setStep(decision, reasons, { stage, day, claimIds, amountCents, tone: 'supportive', channels: undefined, person: false, afterPayday: false, reachable, calendar, today });
	const sentSince = (stage: Stage, day: DayNumber) => {
		let found: DayNumber | undefined;
		for (const entry of sent) if (entry.stage === stage && entry.day >= day) found = entry.day;
		return found;
	};
	if (check.state === 'completed') {
		const completedOn = check.completedOn === null ? Number.NaN : parseIsoDate(check.completedOn);
		const completedDay = completedOn === completedOn ? completedOn : today;
		const thanked = sentSince('payment-received', completedDay);
		if (thanked !== undefined) {
			reasons.push({ code: 'thanks.sent', params: { date: isoDate(thanked) } });
			return 'paid';
		}
		if (completedDay < today - (options.thankYouWithinDays ?? 14)) return 'paid';
		reasons.push({ code: 'thanks', params: { date: isoDate(completedDay) } });
		step('payment-received', today, 0);
		return decision.action === 'step' ? null : 'waiting';
	}
	if (check.state === 'missed' && check.missed) {
		const dueDay = parseIsoDate(check.missed.dueDate);
		const told = sentSince('missed-instalment', dueDay + 1);
		if (told !== undefined) {
			reasons.push({ code: 'arrangement.missed-sent', params: { number: check.missed.number, date: isoDate(told) } });
			decision.personalContact = true;
			return 'waiting';
		}
		step('missed-instalment', today, check.missed.openCents);
		return decision.action === 'step' ? null : 'waiting';
	}
	const next = check.nextInstalment!;
	const dueDay = parseIsoDate(next.dueDate);
	const reminderDay = dueDay - reminderDays;
	const reminded = sentSince('instalment-reminder', reminderDay - 1);
	if (reminded !== undefined) {
		reasons.push({ code: 'arrangement.reminder-sent', params: { number: next.number, date: isoDate(reminded) } });
		decision.resumeDate = next.dueDate;
		return 'paused';
	}
	if (check.state === 'due-soon') {
		step('instalment-reminder', today, next.openCents);
		return decision.action === 'step' ? null : 'waiting';
	}
	// On track: nothing today; say when the next reminder goes out.
	step('instalment-reminder', reminderDay, next.openCents);
	decision.action = 'none';
	decision.dueNow = false;
	reasons.pop();
	reasons.push({ code: 'arrangement.next-reminder', params: { date: decision.earliestDate ?? isoDate(reminderDay) } });
	decision.resumeDate = decision.earliestDate;
	return 'paused';
}

/** Whether a value is a persona name. */
export function isPersona(value: unknown): value is Persona {
	return typeof value === 'string' && (PERSONAS as readonly string[]).includes(value);
}
