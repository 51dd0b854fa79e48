/**
 * The facts the segmenter decides on, computed from a debtor's raw history relative to a reference
 * day. Pure and allocation-light: it runs for every debtor of a portfolio every day.
 *
 * A claim is "settled" when its open amount is 0; the day it was settled is the last payment that
 * went to it (payments with a claimId go to that claim, others to the oldest claims first). A claim
 * is late when it was settled after its due date plus the grace days, or is still open past it.
 */
import { dayNumber, daysFromCivil, isIsoDate, isoDate, monthOf, yearOf, type DayNumber } from '../calendar/days';
import type { Channel, CreditorSector, DebtorRecord, IncomeType, PaymentMethod } from '../debtor/model';
import type { Cents } from '../money';
import type { SegmentationSettings } from './settings';

export interface SegmentationFeatures {
	/** Where the facts came from: the raw history, or supplied pre-aggregated with the record. */
	source: 'history' | 'supplied';
	referenceDate: string;
	/** Days past due of the oldest open overdue claim (0 when nothing is overdue). */
	daysPastDue: number;
	openCents: Cents;
	overdueCents: Cents;
	/** Open claims past their due date (plus grace days). */
	termsInArrears: number;
	/** Claims that fell due in the window; the basis of the ratios below. */
	claimsDueInWindow: number;
	/** Share of those paid on time (null when none fell due). */
	onTimeRatio: number | null;
	averageDaysLate: number | null;
	/** Late periods in a row, counting back from the most recent claim that fell due. */
	consecutiveLatePeriods: number;
	/** Periods paid on time just before that late run. */
	onTimePeriodsBeforeLateRun: number;
	/** Month-ends in the window at which something was overdue. */
	monthsWithArrears: number;
	/** First day of the current run of arrears (the oldest overdue due date plus one), if any. */
	arrearsSince: string | null;
	/** Terms in arrears 30 days before the reference date, to see whether arrears grow. */
	termsInArrears30DaysAgo: number;
	lastPaymentDate: string | null;
	daysSinceLastPayment: number | null;
	/** Reversed direct debits in the window, counted per SEPA reason code. */
	reversalsByCode: Record<string, number>;
	/** Reason codes of reversals within the recent days. */
	recentReversalCodes: string[];
	paymentMethod: PaymentMethod;
	outboundContacts: number;
	inboundContacts: number;
	/** Outbound contacts since the debtor last reacted (replied, answered, wrote in). */
	unansweredContacts: number;
	/** Of those, how many the debtor demonstrably saw (opened, read, clicked). */
	seenButUnanswered: number;
	/** Share of outbound contacts in the window that got a reaction (null without contacts). */
	responseRate: number | null;
	/** Channel of the debtor's most recent reaction: where to continue the conversation. */
	respondsOn: Channel | null;
	reachableChannels: Channel[];
	incomeType: IncomeType;
	netMonthlyCents: Cents | null;
	sector: CreditorSector | null;
}

const REACTION_OUTCOMES = new Set(['replied', 'answered', 'promise-to-pay', 'objection']);
const SEEN_OUTCOMES = new Set(['opened', 'read', 'clicked']);
const SENDING_CHANNELS = new Set(['email', 'sms', 'whatsapp', 'letter', 'phone']);

interface ClaimFacts {
	due: DayNumber;
	open: Cents;
	principal: Cents;
	/** Day the claim was settled, or -1 while open. */
	settled: DayNumber;
	lastPayment: DayNumber;
}

/** The moment of an ISO date-time as epoch milliseconds (NaN when unreadable). */
function momentOf(iso: string): number {
	return Date.parse(iso);
}

/** Day number of the last day of the month before the month of `day`. */
function endOfPreviousMonth(day: DayNumber): DayNumber {
	return daysFromCivil(yearOf(day), monthOf(day), 1) - 1;
}

function claimFacts(record: DebtorRecord): ClaimFacts[] {
	const claims = record.claims ?? [];
	const facts: ClaimFacts[] = claims.map((claim) => ({
		due: dayNumber(claim.dueDate),
		open: claim.openCents,
		principal: claim.principalCents,
		settled: -1,
		lastPayment: -1,
	}));
	if (facts.length === 0) return facts;
	const byId = new Map<string, number>();
	claims.forEach((claim, index) => byId.set(claim.claimId, index));
	// Oldest first, for payments that do not say which claim they pay.
	const order = facts.map((_, index) => index).sort((a, b) => facts[a].due - facts[b].due);
	const remaining = facts.map((fact) => fact.principal);
	const unassigned: Array<{ day: DayNumber; amount: Cents }> = [];
	for (const payment of record.payments ?? []) {
		const day = dayNumber(payment.date);
		const index = payment.claimId !== undefined ? byId.get(payment.claimId) : undefined;
		if (index === undefined) {
			unassigned.push({ day, amount: payment.amountCents });
			continue;
		}
		remaining[index] -= payment.amountCents;
		if (day > facts[index].lastPayment) facts[index].lastPayment = day;
	}
	if (unassigned.length > 0) {
		unassigned.sort((a, b) => a.day - b.day);
		let cursor = 0;
		for (const payment of unassigned) {
			let amount = payment.amount;
			while (amount > 0 && cursor < order.length) {
				const index = order[cursor];
				const take = Math.min(amount, Math.max(remaining[index], 0));
				if (take > 0) {
					remaining[index] -= take;
					amount -= take;
					if (payment.day > facts[index].lastPayment) facts[index].lastPayment = payment.day;
				}
				if (remaining[index] <= 0) cursor++;
			}
		}
	}
	for (const fact of facts) {
		if (fact.open === 0) fact.settled = fact.lastPayment >= 0 ? fact.lastPayment : fact.due;
	}
	return facts;
}

/** Overdue and unsettled at the end of `day`: due (plus grace) before it and not settled by then. */
function overdueAt(fact: ClaimFacts, day: DayNumber, graceDays: number): boolean {
	return fact.due + graceDays < day && (fact.settled < 0 || fact.settled > day);
}

export function reachableChannels(record: DebtorRecord): Channel[] {
	const contact = record.contact ?? {};
	const consents = record.consents ?? {};
	const channels: Channel[] = [];
	if (contact.email && !consents.emailOptOut) channels.push('email');
	if (contact.mobile && !consents.smsOptOut) channels.push('sms');
	if (contact.mobile && consents.whatsappOptIn) channels.push('whatsapp');
	if (contact.address) channels.push('letter');
	if (contact.phone || contact.mobile) channels.push('phone');
	return channels;
}

function mostCommonSector(record: DebtorRecord): CreditorSector | null {
	const counts = new Map<CreditorSector, number>();
	let best: CreditorSector | null = null;
	let bestCount = 0;
	for (const claim of record.claims ?? []) {
		if (!claim.sector) continue;
		const count = (counts.get(claim.sector) ?? 0) + 1;
		counts.set(claim.sector, count);
		if (count > bestCount) {
			best = claim.sector;
			bestCount = count;
		}
	}
	return best;
}

/** Computes the segmentation facts of a (validated) record at the reference day. */
export function computeFeatures(record: DebtorRecord, referenceDay: DayNumber, settings: SegmentationSettings): SegmentationFeatures {
	const grace = settings.graceDays;
	const facts = claimFacts(record);
	const windowFrom = shiftMonths(referenceDay, -settings.windowMonths);

	let openCents = 0;
	let overdueCents = 0;
	let termsInArrears = 0;
	let termsInArrears30DaysAgo = 0;
	let oldestOverdue = Number.POSITIVE_INFINITY;
	let lastPayment = -1;
	for (const fact of facts) {
		openCents += fact.open;
		if (fact.open > 0 && fact.due + grace < referenceDay) {
			termsInArrears++;
			overdueCents += fact.open;
			if (fact.due < oldestOverdue) oldestOverdue = fact.due;
		}
		if (overdueAt(fact, referenceDay - 30, grace)) termsInArrears30DaysAgo++;
		if (fact.lastPayment > lastPayment && fact.lastPayment <= referenceDay) lastPayment = fact.lastPayment;
	}
	for (const payment of record.payments ?? []) {
		const day = dayNumber(payment.date);
		if (day > lastPayment && day <= referenceDay) lastPayment = day;
	}

	// Claims that fell due in the window, newest first, for the ratios and the late run.
	const dueInWindow = facts
		.filter((fact) => fact.due >= windowFrom && fact.due < referenceDay)
		.sort((a, b) => b.due - a.due);
	let onTime = 0;
	let daysLateTotal = 0;
	const lateFlags = dueInWindow.map((fact) => {
		const paidBy = fact.settled >= 0 ? fact.settled : referenceDay;
		const late = fact.settled < 0 || fact.settled > fact.due + grace;
		if (!late) onTime++;
		daysLateTotal += Math.max(0, paidBy - fact.due);
		return late;
	});
	let consecutiveLatePeriods = 0;
	while (consecutiveLatePeriods < lateFlags.length && lateFlags[consecutiveLatePeriods]) consecutiveLatePeriods++;
	let onTimePeriodsBeforeLateRun = 0;
	// Look further back than the window for the clean run, so a long clean history is seen as such.
	const allDue = facts.filter((fact) => fact.due < referenceDay).sort((a, b) => b.due - a.due);
	for (let i = consecutiveLatePeriods; i < allDue.length; i++) {
		const fact = allDue[i];
		if (fact.settled < 0 || fact.settled > fact.due + grace) break;
		onTimePeriodsBeforeLateRun++;
	}

	let monthsWithArrears = 0;
	let monthEnd = endOfPreviousMonth(referenceDay + 1);
	// The month of the reference day counts as of the reference day itself.
	const checkpoints: DayNumber[] = [referenceDay];
	for (let m = 1; m < settings.windowMonths; m++) {
		monthEnd = endOfPreviousMonth(monthEnd);
		checkpoints.push(monthEnd);
	}
	for (const checkpoint of checkpoints) {
		if (facts.some((fact) => overdueAt(fact, checkpoint, grace))) monthsWithArrears++;
	}

	const reversalsByCode: Record<string, number> = {};
	const recentReversalCodes: string[] = [];
	for (const reversal of record.reversals ?? []) {
		const day = dayNumber(reversal.date);
		if (day > referenceDay || day < windowFrom) continue;
		reversalsByCode[reversal.reasonCode] = (reversalsByCode[reversal.reasonCode] ?? 0) + 1;
		if (referenceDay - day <= settings.recentDays && !recentReversalCodes.includes(reversal.reasonCode)) {
			recentReversalCodes.push(reversal.reasonCode);
		}
	}

	// Contacts: reactions are inbound contacts and outbound ones answered (a call picked up, a reply).
	const referenceEnd = (referenceDay + 1) * 86400000;
	const windowStartMs = windowFrom * 86400000;
	let outbound = 0;
	let inbound = 0;
	let reacted = 0;
	let lastReaction = Number.NEGATIVE_INFINITY;
	let respondsOn: Channel | null = null;
	const outboundMoments: Array<{ at: number; seen: boolean }> = [];
	for (const contact of record.contacts ?? []) {
		const at = momentOf(contact.at);
		if (!(at < referenceEnd)) continue;
		const isReaction = contact.direction === 'inbound' || (contact.outcome !== undefined && REACTION_OUTCOMES.has(contact.outcome));
		if (isReaction && at > lastReaction) {
			lastReaction = at;
			respondsOn = SENDING_CHANNELS.has(contact.channel) ? (contact.channel as Channel) : respondsOn;
		}
		if (at < windowStartMs) continue;
		if (contact.direction === 'inbound') inbound++;
		else {
			outbound++;
			if (isReaction) reacted++;
			outboundMoments.push({ at, seen: contact.outcome !== undefined && SEEN_OUTCOMES.has(contact.outcome) });
		}
	}
	let unansweredContacts = 0;
	let seenButUnanswered = 0;
	for (const moment of outboundMoments) {
		if (moment.at > lastReaction) {
			unansweredContacts++;
			if (moment.seen) seenButUnanswered++;
		}
	}
	// Inbound contacts react to the outbound ones before them; count them as reactions too.
	const responseRate = outbound > 0 ? Math.min(1, (reacted + inbound) / outbound) : null;

	return {
		source: 'history',
		referenceDate: isoDate(referenceDay),
		daysPastDue: termsInArrears > 0 ? referenceDay - oldestOverdue : 0,
		openCents,
		overdueCents,
		termsInArrears,
		claimsDueInWindow: dueInWindow.length,
		onTimeRatio: dueInWindow.length > 0 ? onTime / dueInWindow.length : null,
		averageDaysLate: dueInWindow.length > 0 ? Math.round((daysLateTotal / dueInWindow.length) * 10) / 10 : null,
		consecutiveLatePeriods,
		onTimePeriodsBeforeLateRun,
		monthsWithArrears,
		arrearsSince: termsInArrears > 0 ? isoDate(oldestOverdue + grace + 1) : null,
		termsInArrears30DaysAgo,
		lastPaymentDate: lastPayment >= 0 ? isoDate(lastPayment) : null,
		daysSinceLastPayment: lastPayment >= 0 ? referenceDay - lastPayment : null,
		reversalsByCode,
		recentReversalCodes,
		paymentMethod: record.paymentMethod ?? 'bank-transfer',
		outboundContacts: outbound,
		inboundContacts: inbound,
		unansweredContacts,
		seenButUnanswered,
		responseRate: responseRate === null ? null : Math.round(responseRate * 100) / 100,
		respondsOn,
		reachableChannels: reachableChannels(record),
		incomeType: record.income?.type ?? 'unknown',
		netMonthlyCents: record.income?.netMonthlyCents ?? null,
		sector: mostCommonSector(record),
	};
}

/** The same day of month `months` months away, clamped to the month's last day. */
export function shiftMonths(day: DayNumber, months: number): DayNumber {
	const year = yearOf(day);
	const month = monthOf(day);
	const date = day - daysFromCivil(year, month, 1) + 1;
	const total = year * 12 + (month - 1) + months;
	const targetYear = Math.floor(total / 12);
	const targetMonth = (total % 12) + 1;
	const lastDay = daysFromCivil(targetMonth === 12 ? targetYear + 1 : targetYear, targetMonth === 12 ? 1 : targetMonth + 1, 1) - 1;
	return Math.min(daysFromCivil(targetYear, targetMonth, date), lastDay);
}

const NUMERIC_FEATURES: Array<keyof SegmentationFeatures> = [
	'daysPastDue',
	'openCents',
	'overdueCents',
	'termsInArrears',
	'claimsDueInWindow',
	'consecutiveLatePeriods',
	'onTimePeriodsBeforeLateRun',
	'monthsWithArrears',
	'termsInArrears30DaysAgo',
	'outboundContacts',
	'inboundContacts',
	'unansweredContacts',
	'seenButUnanswered',
];

/**
 * Facts for a record that arrives pre-aggregated (`features` set, no claims): the supplied values,
 * checked, with neutral defaults for what is missing. Throws naming the field when a value is wrong.
 */
export function suppliedFeatures(record: DebtorRecord, referenceDay: DayNumber): SegmentationFeatures {
	const supplied = (record.features ?? {}) as Record<string, unknown>;
	const base: SegmentationFeatures = {
		source: 'supplied',
		referenceDate: isoDate(referenceDay),
		daysPastDue: 0,
		openCents: 0,
		overdueCents: 0,
		termsInArrears: 0,
		claimsDueInWindow: 0,
		onTimeRatio: null,
		averageDaysLate: null,
		consecutiveLatePeriods: 0,
		onTimePeriodsBeforeLateRun: 0,
		monthsWithArrears: 0,
		arrearsSince: null,
		termsInArrears30DaysAgo: 0,
		lastPaymentDate: null,
		daysSinceLastPayment: null,
		reversalsByCode: {},
		recentReversalCodes: [],
		paymentMethod: record.paymentMethod ?? 'bank-transfer',
		outboundContacts: 0,
		inboundContacts: 0,
		unansweredContacts: 0,
		seenButUnanswered: 0,
		responseRate: null,
		respondsOn: null,
		reachableChannels: reachableChannels(record),
		incomeType: record.income?.type ?? 'unknown',
		netMonthlyCents: record.income?.netMonthlyCents ?? null,
		sector: mostCommonSector(record),
	};
	for (const key of NUMERIC_FEATURES) {
		const value = supplied[key];
		if (value === undefined) continue;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
			throw new FeatureError(`features.${key}`, 'must be a whole number, zero or more');
		}
		(base as unknown as Record<string, unknown>)[key] = value;
	}
	for (const key of ['onTimeRatio', 'responseRate'] as const) {
		const value = supplied[key];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'number' || value < 0 || value > 1) throw new FeatureError(`features.${key}`, 'must be a number from 0 to 1');
		base[key] = value;
	}
	if (supplied.averageDaysLate !== undefined && supplied.averageDaysLate !== null) {
		if (typeof supplied.averageDaysLate !== 'number' || supplied.averageDaysLate < 0) {
			throw new FeatureError('features.averageDaysLate', 'must be a number, zero or more');
		}
		base.averageDaysLate = supplied.averageDaysLate;
	}
	if (supplied.recentReversalCodes !== undefined) {
		const codes = supplied.recentReversalCodes;
		if (!Array.isArray(codes) || codes.some((code) => typeof code !== 'string' || !/^[A-Z]{2}[0-9]{2}$/.test(code))) {
			throw new FeatureError('features.recentReversalCodes', 'must be a list of SEPA reason codes such as AM04');
		}
		base.recentReversalCodes = codes as string[];
	}
	if (supplied.reversalsByCode !== undefined) {
		const counts = supplied.reversalsByCode;
		if (!counts || typeof counts !== 'object' || Object.values(counts).some((n) => typeof n !== 'number' || n < 0)) {
			throw new FeatureError('features.reversalsByCode', 'must map SEPA reason codes to counts');
		}
		base.reversalsByCode = counts as Record<string, number>;
	}
	for (const key of ['arrearsSince', 'lastPaymentDate'] as const) {
		const value = supplied[key];
		if (value === undefined || value === null) continue;
		if (!isIsoDate(value)) throw new FeatureError(`features.${key}`, 'is not a valid calendar date (YYYY-MM-DD)');
		base[key] = value as string;
	}
	if (base.lastPaymentDate) base.daysSinceLastPayment = referenceDay - dayNumber(base.lastPaymentDate);
	if (typeof supplied.respondsOn === 'string' && SENDING_CHANNELS.has(supplied.respondsOn)) {
		base.respondsOn = supplied.respondsOn as Channel;
	}
	return base;
}

/** A wrong pre-aggregated feature; names the field. */
export class FeatureError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'FeatureError';
		this.field = field;
	}
}
