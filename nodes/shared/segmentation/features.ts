/**
 * The facts the segmenter decides on, computed from a debtor's raw history relative to a reference
 * day. Pure and allocation-light: it runs for every debtor of a portfolio every day.
 *
 * A claim is "settled" when its open amount is 0; the day it was settled is the last payment that
 * went to it (payments with a claimId go to that claim, others to the oldest claims first). A claim
 * is late when it was settled after its due date plus the grace days, or is still open past it.
 */
import { CheckedDates } from '../calendar/checkedDates';
import { MS_PER_DAY, dayNumber, daysFromCivil, isIsoDate, isoDate, monthOf, yearOf, type DayNumber } from '../calendar/days';
import type { Channel, Claim, Contact, CreditorSector, DebtorRecord, IncomeType, PaymentMethod } from '../debtor/model';
import { parseMoment } from '../calendar/moments';
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
	/** Of those, how many the debtor demonstrably saw (e-mail opened, SMS delivered, WhatsApp read). */
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
/**
 * Outcomes that show a message was seen, per channel: an e-mail only when opened or clicked (delivered
 * e-mail may sit unread), an SMS once delivered (there are no read receipts and nearly all are read),
 * a WhatsApp message when read. Letters and calls give no such sign (a picked-up call is a reaction).
 */
const SEEN_OUTCOMES: Readonly<Record<string, ReadonlySet<string>>> = {
	email: new Set(['opened', 'read', 'clicked']),
	sms: new Set(['delivered', 'opened', 'read', 'clicked']),
	whatsapp: new Set(['read', 'opened', 'clicked']),
	portal: new Set(['opened', 'read', 'clicked']),
};
const SENDING_CHANNELS = new Set(['email', 'sms', 'whatsapp', 'letter', 'phone']);

/**
 * Per-claim facts of the debtor being segmented, in parallel arrays reused between debtors (one
 * module-wide table, filled by fillClaimTable). Invariant: it describes only the record of the
 * current computeFeatures call; read it there and keep nothing of it (copy what a result keeps), and
 * never call computeFeatures again while one is running.
 */
class ClaimTable {
	size = 0;
	due = new Int32Array(64);
	/** Day the claim was settled, or -1 while open. */
	settled = new Int32Array(64);
	lastPayment = new Int32Array(64);
	remaining = new Float64Array(64);
	/** Claim indexes oldest due date first. */
	order = new Int32Array(64);
	/** Indexes of the claims that were overdue at some moment (the only ones a month-end can catch). */
	late = new Int32Array(64);
	/** Latest payment at or before the reference day, -1 when none. */
	latestPayment = -1;

	reset(size: number): void {
		if (size > this.due.length) {
			const capacity = Math.max(size, this.due.length * 2);
			this.due = new Int32Array(capacity);
			this.settled = new Int32Array(capacity);
			this.lastPayment = new Int32Array(capacity);
			this.remaining = new Float64Array(capacity);
			this.order = new Int32Array(capacity);
			this.late = new Int32Array(capacity);
		}
		this.size = size;
	}
}

const table = new ClaimTable();

/** Index of the claim with this id: first where the previous payment pointed (payments follow claims), else a search. */
function claimIndex(claims: Claim[], claimId: string, guess: number): number {
	if (guess < claims.length && claims[guess].claimId === claimId) return guess;
	for (let i = 0; i < claims.length; i++) if (claims[i].claimId === claimId) return i;
	return -1;
}

function fillClaimTable(record: DebtorRecord, referenceDay: DayNumber, dates: CheckedDates): ClaimTable {
	const claims = record.claims ?? [];
	const n = claims.length;
	table.reset(n);
	const { due, settled, lastPayment, remaining, order } = table;
	let sorted = true;
	for (let i = 0; i < n; i++) {
		const claim = claims[i];
		due[i] = dates.dayOf(claim.dueDate);
		remaining[i] = claim.principalCents;
		settled[i] = -1;
		lastPayment[i] = -1;
		order[i] = i;
		if (i > 0 && due[i] < due[i - 1]) sorted = false;
	}
	if (!sorted) {
		const indexes = Array.from(order.subarray(0, n)).sort((a, b) => due[a] - due[b]);
		for (let i = 0; i < n; i++) order[i] = indexes[i];
	}
	const payments = record.payments ?? [];
	let unassigned: Array<{ day: DayNumber; amount: Cents }> | undefined;
	let guess = 0;
	table.latestPayment = -1;
	for (let p = 0; p < payments.length; p++) {
		const payment = payments[p];
		const day = dates.dayOf(payment.date);
		if (day > table.latestPayment && day <= referenceDay) table.latestPayment = day;
		const index = payment.claimId !== undefined ? claimIndex(claims, payment.claimId, guess) : -1;
		if (index < 0) {
			(unassigned ??= []).push({ day, amount: payment.amountCents });
			continue;
		}
		guess = index + 1;
		remaining[index] -= payment.amountCents;
		if (day > lastPayment[index]) lastPayment[index] = day;
	}
	if (unassigned) {
		// Payments that do not say which claim they pay settle the oldest claims first.
		unassigned.sort((a, b) => a.day - b.day);
		let cursor = 0;
		for (const payment of unassigned) {
			let amount = payment.amount;
			while (amount > 0 && cursor < n) {
				const index = order[cursor];
				const take = Math.min(amount, Math.max(remaining[index], 0));
				if (take > 0) {
					remaining[index] -= take;
					amount -= take;
					if (payment.day > lastPayment[index]) lastPayment[index] = payment.day;
				}
				if (remaining[index] <= 0) cursor++;
			}
		}
	}
	for (let i = 0; i < n; i++) {
		if (claims[i].openCents === 0) settled[i] = lastPayment[i] >= 0 ? lastPayment[i] : due[i];
	}
	return table;
}

/** The last day of the month before the month of `day`. */
function endOfPreviousMonth(day: DayNumber): DayNumber {
	return daysFromCivil(yearOf(day), monthOf(day), 1) - 1;
}

/** Overdue and unsettled at the end of `day`: due (plus grace) before it and not settled by then. */
function overdueAt(t: ClaimTable, i: number, day: DayNumber, graceDays: number): boolean {
	return t.due[i] + graceDays < day && (t.settled[i] < 0 || t.settled[i] > day);
}

/**
 * Scratch space for reachableChannels. Invariant: written from index 0 on each call and handed out
 * only as `slice(0, n)`, a copy of exactly its length (results are kept for the whole run, and a
 * pushed list keeps spare room); never return or keep the buffer itself.
 */
const channelBuffer: Channel[] = ['email', 'sms', 'whatsapp', 'letter', 'phone'];

export function reachableChannels(record: DebtorRecord): Channel[] {
	const contact = record.contact ?? {};
	const consents = record.consents ?? {};
	const channels = channelBuffer;
	let n = 0;
	if (contact.email && !consents.emailOptOut) channels[n++] = 'email';
	if (contact.mobile && !consents.smsOptOut) channels[n++] = 'sms';
	if (contact.mobile && consents.whatsappOptIn) channels[n++] = 'whatsapp';
	if (contact.address) channels[n++] = 'letter';
	if (contact.phone || contact.mobile) channels[n++] = 'phone';
	return channels.slice(0, n);
}

// Scratch space for one record's recent reversal codes; same invariant as channelBuffer.
const recentCodeBuffer: string[] = [];

/**
 * Adds `value` to the first `n` entries of `buffer` unless it is there; the new count. For the short
 * lists written in reused buffers (a few codes or channels: a scan beats a Set).
 */
export function addOnce<T>(buffer: T[], n: number, value: T): number {
	for (let k = 0; k < n; k++) if (buffer[k] === value) return n;
	buffer[n] = value;
	return n + 1;
}

// Scratch space of mostCommonSector: only the first n entries of one call are meaningful, and nothing
// of them leaves the function but the winning sector.
const sectorSeen: CreditorSector[] = [];
let sectorCounts = new Int32Array(16);

/** The sector most claims are in; on a tie the one that reached the count first. */
function mostCommonSector(record: DebtorRecord): CreditorSector | null {
	const claims = record.claims ?? [];
	let best: CreditorSector | null = null;
	let bestCount = 0;
	let seen = 0;
	for (let c = 0; c < claims.length; c++) {
		const sector = claims[c].sector;
		if (!sector) continue;
		let k = 0;
		while (k < seen && sectorSeen[k] !== sector) k++;
		if (k === seen) {
			if (seen === sectorCounts.length) {
				const grown = new Int32Array(seen * 2);
				grown.set(sectorCounts);
				sectorCounts = grown;
			}
			sectorSeen[seen++] = sector;
			sectorCounts[k] = 0;
		}
		const count = ++sectorCounts[k];
		if (count > bestCount) {
			best = sector;
			bestCount = count;
		}
	}
	return best;
}

/** For callers that did not check the record with a CheckedDates: every date is parsed. Never written to. */
const NO_CHECKED_DATES = new CheckedDates();

/**
 * Computes the segmentation facts of a (validated) record at the reference day. `dates`: the dates and
 * moments the record's check just read (validateDebtor's `dates`), taken instead of parsing them again.
 */
export function computeFeatures(record: DebtorRecord, referenceDay: DayNumber, settings: SegmentationSettings, dates: CheckedDates = NO_CHECKED_DATES): SegmentationFeatures {
	const grace = settings.graceDays;
	dates.startReading();
	const t = fillClaimTable(record, referenceDay, dates);
	const n = t.size;
	const { due, settled, order } = t;
	const windowFrom = shiftMonths(referenceDay, -settings.windowMonths);

	let openCents = 0;
	let overdueCents = 0;
	let termsInArrears = 0;
	let termsInArrears30DaysAgo = 0;
	let oldestOverdue = 0x7fffffff; // a small integer, not Infinity: the days computed from it stay unboxed
	const lastPayment = t.latestPayment;
	// The open amounts read from the claims themselves: whole numbers there, so the sums stay small
	// integers (a sum of Float64Array values would be kept as a boxed number in every result).
	const claims = record.claims ?? [];
	for (let i = 0; i < n; i++) {
		const cents = claims[i].openCents;
		openCents += cents;
		if (cents > 0 && due[i] + grace < referenceDay) {
			termsInArrears++;
			overdueCents += cents;
			if (due[i] < oldestOverdue) oldestOverdue = due[i];
		}
		if (overdueAt(t, i, referenceDay - 30, grace)) termsInArrears30DaysAgo++;
	}

	// Claims that fell due, newest first: the ratios use those in the window, the late run and the
	// clean run before it look at all of them (a long clean history counts as such).
	let claimsDueInWindow = 0;
	let onTime = 0;
	let daysLateTotal = 0;
	let consecutiveLatePeriods = 0;
	let onTimePeriodsBeforeLateRun = 0;
	let inLateRun = true;
	let inCleanRun = true;
	for (let k = n - 1; k >= 0; k--) {
		const i = order[k];
		if (due[i] >= referenceDay) continue;
		const late = settled[i] < 0 || settled[i] > due[i] + grace;
		if (inLateRun) {
			if (late) consecutiveLatePeriods++;
			else inLateRun = false;
		}
		if (!inLateRun && inCleanRun) {
			if (late) inCleanRun = false;
			else onTimePeriodsBeforeLateRun++;
		}
		if (due[i] >= windowFrom) {
			claimsDueInWindow++;
			if (!late) onTime++;
			daysLateTotal += Math.max(0, (settled[i] >= 0 ? settled[i] : referenceDay) - due[i]);
		}
	}
	// The late run counts only periods in the window, as before it did through the window's claims.
	if (consecutiveLatePeriods > claimsDueInWindow) consecutiveLatePeriods = claimsDueInWindow;

	// Month-ends of the window (the reference day standing in for the current month). Only claims
	// settled more than a day after their due date (or still open) were ever overdue at a day's end.
	const late = t.late;
	let lateCount = 0;
	for (let i = 0; i < n; i++) if (settled[i] < 0 || settled[i] > due[i] + grace + 1) late[lateCount++] = i;
	let monthsWithArrears = 0;
	let checkpoint = referenceDay;
	for (let m = 0; m < settings.windowMonths && lateCount > 0; m++) {
		if (m > 0) checkpoint = endOfPreviousMonth(checkpoint);
		for (let k = 0; k < lateCount; k++) {
			if (overdueAt(t, late[k], checkpoint, grace)) {
				monthsWithArrears++;
				break;
			}
		}
	}

	const reversalsByCode: Record<string, number> = {};
	let recentCodes = 0;
	const reversals = record.reversals ?? [];
	for (let r = 0; r < reversals.length; r++) {
		const reversal = reversals[r];
		const day = dates.dayOf(reversal.date);
		if (day > referenceDay || day < windowFrom) continue;
		reversalsByCode[reversal.reasonCode] = (reversalsByCode[reversal.reasonCode] ?? 0) + 1;
		if (referenceDay - day <= settings.recentDays) recentCodes = addOnce(recentCodeBuffer, recentCodes, reversal.reasonCode);
	}
	const recentReversalCodes = recentCodeBuffer.slice(0, recentCodes);

	// Contacts: reactions are inbound contacts and outbound ones answered (a call picked up, a reply).
	const contacts = record.contacts ?? [];
	const referenceEnd = (referenceDay + 1) * MS_PER_DAY;
	const windowStartMs = windowFrom * MS_PER_DAY;
	let outbound = 0;
	let inbound = 0;
	let reacted = 0;
	let lastReaction = Number.NEGATIVE_INFINITY;
	let respondsOn: Channel | null = null;
	const moments = contactMoments(contacts, dates);
	for (let c = 0; c < contacts.length; c++) {
		const contact = contacts[c];
		const at = moments[c];
		if (!(at < referenceEnd)) continue;
		const isReaction = contact.direction === 'inbound' || (contact.outcome !== undefined && REACTION_OUTCOMES.has(contact.outcome));
		if (isReaction && at > lastReaction) {
			lastReaction = at;
			if (SENDING_CHANNELS.has(contact.channel)) respondsOn = contact.channel as Channel;
		}
		if (at < windowStartMs) continue;
		if (contact.direction === 'inbound') inbound++;
		else {
			outbound++;
			if (isReaction) reacted++;
		}
	}
	let unansweredContacts = 0;
	let seenButUnanswered = 0;
	for (let c = 0; c < contacts.length; c++) {
		const contact = contacts[c];
		const at = moments[c];
		if (contact.direction !== 'outbound' || !(at < referenceEnd) || at < windowStartMs || !(at > lastReaction)) continue;
		unansweredContacts++;
		if (contact.outcome !== undefined && SEEN_OUTCOMES[contact.channel]?.has(contact.outcome)) seenButUnanswered++;
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
		claimsDueInWindow,
		onTimeRatio: claimsDueInWindow > 0 ? onTime / claimsDueInWindow : null,
		averageDaysLate: claimsDueInWindow > 0 ? Math.round((daysLateTotal / claimsDueInWindow) * 10) / 10 : null,
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

let momentBuffer = new Float64Array(64);

/**
 * Epoch milliseconds of each contact (NaN when unreadable). Invariant: the returned buffer is shared
 * by every call and valid only until the next one; the caller reads its first `contacts.length`
 * entries at once and keeps none of them in the buffer.
 */
function contactMoments(contacts: Contact[], dates: CheckedDates): Float64Array {
	if (contacts.length > momentBuffer.length) momentBuffer = new Float64Array(contacts.length * 2);
	for (let c = 0; c < contacts.length; c++) {
		const at = contacts[c].at;
		const checked = dates.momentOf(at);
		momentBuffer[c] = checked === checked ? checked : parseMoment(at);
	}
	return momentBuffer;
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
