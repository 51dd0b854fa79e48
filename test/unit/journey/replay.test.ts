/* eslint-disable no-console -- prints what the replay covered */
/**
 * Replay of generated 24-month histories, day by day: on every day the debtor is segmented and the
 * planner asked for the next step; a step due that day is "sent" (logged as a contact per claim, as
 * the daily workflow does). A checker written here, from the law and the brief and independent of the
 * planner's code, asserts that no forbidden step is ever planned:
 *   - nothing at all for a deceased debtor, in a dispute, or during the debt-help pause;
 *   - steps only on a lawful contact day (letters and calls on working days), never on a later or earlier day;
 *   - the 14-day letter only for consumer claims in default, still open, and once per claim;
 *   - the final notice (costs) only after that claim's letter term has passed, the claim still open;
 *   - no letter or final notice for those who cannot pay or need support;
 *   - no collection step about a paid claim; thanks only when nothing is overdue;
 *   - no stage more often per claim than a ladder allows;
 *   - planning twice on the same day gives the same answer.
 * Claims, payments, reversals and flags appear on the day they happened in the generated history.
 */
import { dayNumber, fourteenDayLetterTerm, getDutchCalendar, isoDate } from '../../../nodes/shared/calendar';
import type { Claim, Contact, DebtorRecord, Stage } from '../../../nodes/shared/debtor/model';
import { parseLadders, planJourney, type JourneyDecision } from '../../../nodes/shared/journey';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor, type Segmentation } from '../../../nodes/shared/segmentation';
import { generatePortfolio, type PlantedTruth } from '../../fixtures/portfolio';

jest.setTimeout(120_000);

const R = '2026-06-30';
const calendar = getDutchCalendar();
const ladders = parseLadders(undefined);
const COLLECTION: ReadonlySet<string> = new Set(['reminder-1', 'reminder-2', 'fourteen-day-letter', 'final-notice', 'arrangement-offer', 'early-warning-care', 'pre-due-notice']);
const NO_COSTS_PERSONAS = new Set(['structural-shortfall', 'vulnerable', 'debt-help']);
// How often a stage may go out per claim: the most a default ladder holds it.
const MAX_PER_CLAIM: Record<string, number> = { 'early-warning-care': 2 };

interface Timed<T> {
	day: number;
	value: T;
}

/** The generated record cut at `day`: what the creditor knew that evening, plus our own contacts. */
class History {
	readonly claims: Array<Timed<Claim>>;
	readonly payments: Array<Timed<NonNullable<DebtorRecord['payments']>[number]>>;
	readonly reversals: Array<Timed<NonNullable<DebtorRecord['reversals']>[number]>>;
	readonly inbound: Array<Timed<Contact>>;
	readonly ours: Contact[] = [];
	readonly died: number | undefined;
	readonly disputeFrom: number | undefined;
	readonly debtHelpSince: number | undefined;
	/** How this debtor's channels reported the generator's own messages (opened, read, no answer...). */
	readonly outcomes = new Map<string, Contact['outcome']>();

	constructor(
		readonly record: DebtorRecord,
		truth: PlantedTruth,
		readonly business: boolean,
	) {
		this.claims = (record.claims ?? []).map((claim) => ({ day: dayNumber(claim.invoiceDate), value: claim }));
		this.payments = (record.payments ?? []).map((p) => ({ day: dayNumber(p.date), value: p }));
		this.reversals = (record.reversals ?? []).map((r) => ({ day: dayNumber(r.date), value: r }));
		this.inbound = (record.contacts ?? []).filter((c) => c.direction === 'inbound').map((c) => ({ day: dayNumber(c.at.slice(0, 10)), value: c }));
		const died = /died (\d{4}-\d{2}-\d{2})/.exec(truth.notes ?? '');
		this.died = died && record.flags?.deceased ? dayNumber(died[1]) + 5 : undefined;
		const disputed = /disputes (\S+)/.exec(truth.notes ?? '');
		const target = disputed ? (record.claims ?? []).find((claim) => claim.claimId === disputed[1]) : undefined;
		this.disputeFrom = target ? dayNumber(target.dueDate) + 1 : undefined;
		this.debtHelpSince = record.flags?.debtHelpSince ? dayNumber(record.flags.debtHelpSince) : undefined;
		for (const contact of record.contacts ?? []) {
			if (contact.direction === 'outbound' && contact.outcome && !this.outcomes.has(contact.channel)) this.outcomes.set(contact.channel, contact.outcome);
		}
	}

	at(day: number): DebtorRecord {
		const paid = new Map<string, number>();
		for (const p of this.payments) if (p.day <= day && p.value.claimId) paid.set(p.value.claimId, (paid.get(p.value.claimId) ?? 0) + p.value.amountCents);
		for (const r of this.reversals) if (r.day <= day && r.value.claimId) paid.set(r.value.claimId, (paid.get(r.value.claimId) ?? 0) - r.value.amountCents);
		const claims = this.claims
			.filter((c) => c.day <= day)
			.map(({ value }) => {
				const open = Math.min(value.principalCents, Math.max(0, value.principalCents - (paid.get(value.claimId) ?? 0)));
				const disputed = value.disputed === true && day > dayNumber(value.dueDate);
				const copy: Claim = { ...value, openCents: open };
				if (disputed) copy.disputed = true;
				else delete copy.disputed;
				return copy;
			});
		const flags: NonNullable<DebtorRecord['flags']> = {};
		const original = this.record.flags ?? {};
		if (original.vulnerable) flags.vulnerable = true;
		if (this.died !== undefined && day >= this.died) flags.deceased = true;
		if (original.dispute && this.disputeFrom !== undefined && day >= this.disputeFrom) flags.dispute = true;
		if (this.debtHelpSince !== undefined && day >= this.debtHelpSince) {
			flags.debtHelp = true;
			flags.debtHelpSince = isoDate(this.debtHelpSince);
		}
		// The record as known that evening: the generated identity, with history and flags cut at `day`.
		const snapshot: DebtorRecord = {
			...this.record,
			debtorType: this.business ? 'business' : 'consumer',
			claims,
			payments: this.payments.filter((p) => p.day <= day).map((p) => p.value),
			reversals: this.reversals.filter((r) => r.day <= day).map((r) => r.value),
			contacts: [...this.inbound.filter((c) => c.day <= day).map((c) => c.value), ...this.ours],
		};
		if (Object.keys(flags).length > 0) snapshot.flags = flags;
		else delete snapshot.flags;
		return snapshot;
	}
}

interface Violation {
	debtorId: string;
	date: string;
	rule: string;
	detail: string;
}

/** The independent checker: returns the rules a planned step breaks. */
function forbidden(decision: JourneyDecision, record: DebtorRecord, segmentation: Segmentation, day: number, history: History): string[] {
	const broken: string[] = [];
	if (decision.action !== 'step') return broken;
	const stage = decision.stage as Stage;
	const flags = record.flags ?? {};
	const claims = new Map((record.claims ?? []).map((claim) => [claim.claimId, claim]));
	const deceased = flags.deceased === true || (record.reversals ?? []).some((r) => r.reasonCode === 'MD07');
	if (deceased) broken.push('step for a deceased debtor');
	if (flags.dispute === true || segmentation.persona === 'dispute') broken.push('step during a dispute');
	if (history.debtHelpSince !== undefined && day >= history.debtHelpSince && day < history.debtHelpSince + 30) broken.push('step during the debt-help pause');
	if (decision.earliestDate !== isoDate(day)) broken.push(`due-now step dated ${decision.earliestDate}`);
	if (!calendar.isContactDay(day)) broken.push('step on a Sunday or holiday');
	if ((decision.channel === 'letter' || decision.personalContact) && !calendar.isWorkingDay(day)) broken.push('letter or call outside working days');
	if (decision.claimIds.length === 0) broken.push('step without a claim');
	const overdueOpen = [...claims.values()].some((c) => c.openCents > 0 && !c.disputed && dayNumber(c.dueDate) < day);
	if (stage === 'payment-received' && overdueOpen) broken.push('thank-you while something is overdue');
	const sentBefore = (claimId: string, s: Stage) =>
		history.ours.filter((c) => c.stage === s && (c.claimId === claimId || (c.claimId === undefined && dayNumber(claims.get(claimId)!.dueDate) < dayNumber(c.at.slice(0, 10))))).length;
	for (const claimId of decision.claimIds) {
		const claim = claims.get(claimId);
		if (!claim) {
			broken.push(`unknown claim ${claimId}`);
			continue;
		}
		if (COLLECTION.has(stage) && claim.openCents === 0) broken.push(`${stage} about paid claim ${claimId}`);
		if (COLLECTION.has(stage) && claim.disputed) broken.push(`${stage} about disputed claim ${claimId}`);
		if (stage === 'fourteen-day-letter') {
			if (record.debtorType === 'business') broken.push('14-day letter to a business debtor');
			if (!(dayNumber(claim.dueDate) < day)) broken.push(`14-day letter before default of ${claimId}`);
			if (sentBefore(claimId, 'fourteen-day-letter') > 0) broken.push(`second 14-day letter for ${claimId}`);
		}
		if (stage === 'final-notice' && record.debtorType !== 'business') {
			const letter = history.ours.find((c) => c.stage === 'fourteen-day-letter' && c.claimId === claimId);
			if (!letter) broken.push(`final notice without a 14-day letter for ${claimId}`);
			else if (day < fourteenDayLetterTerm(dayNumber(letter.at.slice(0, 10)), calendar).costsFromDay) broken.push(`final notice before the term of ${claimId} ended`);
		}
		if ((stage === 'fourteen-day-letter' || stage === 'final-notice') && NO_COSTS_PERSONAS.has(segmentation.persona)) {
			broken.push(`${stage} for persona ${segmentation.persona}`);
		}
		if (COLLECTION.has(stage) && sentBefore(claimId, stage) >= (MAX_PER_CLAIM[stage] ?? 1)) broken.push(`${stage} repeated for ${claimId}`);
	}
	return broken;
}

describe('replay of generated 24-month histories, day by day', () => {
	const COUNT = 120;
	const stats = { debtors: 0, days: 0, steps: 0, byStage: {} as Record<string, number>, byReason: {} as Record<string, number> };
	const violations: Violation[] = [];
	let idempotenceChecks = 0;

	beforeAll(() => {
		const mix = {
			current: 1,
			forgetful: 2,
			'temporary-shortfall': 2,
			'structural-shortfall': 2,
			overwhelmed: 2,
			'can-pay-wont-pay': 3,
			dispute: 1,
			deceased: 1,
			vulnerable: 1,
			'debt-help': 1,
		};
		let index = 0;
		for (const { record, truth } of generatePortfolio({ seed: 24, count: COUNT, referenceDate: R, mix })) {
			const history = new History(record, truth, index++ % 10 === 9);
			const first = Math.min(...history.claims.map((c) => dayNumber(c.value.dueDate)));
			stats.debtors++;
			for (let day = first; day <= dayNumber(R); day++) {
				const snapshot = history.at(day);
				const segmentation = segmentDebtor(snapshot, { referenceDay: day, settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' });
				const options = { today: day, calendar, ladders, language: 'en' as const };
				const decision = planJourney(snapshot, segmentation, options);
				stats.days++;
				stats.byReason[decision.reason ?? 'step'] = (stats.byReason[decision.reason ?? 'step'] ?? 0) + 1;
				if (day % 5 === 0) {
					idempotenceChecks++;
					const again = planJourney(history.at(day), segmentDebtor(history.at(day), { referenceDay: day, settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' }), options);
					if (JSON.stringify(again) !== JSON.stringify(decision)) {
						violations.push({ debtorId: record.debtorId, date: isoDate(day), rule: 'not idempotent', detail: '' });
					}
				}
				for (const rule of forbidden(decision, snapshot, segmentation, day, history)) {
					violations.push({ debtorId: record.debtorId, date: isoDate(day), rule, detail: `${decision.stage} ${decision.claimIds.join(',')} (${segmentation.persona})` });
				}
				if (decision.action === 'step') {
					stats.steps++;
					stats.byStage[decision.stage!] = (stats.byStage[decision.stage!] ?? 0) + 1;
					for (const claimId of decision.claimIds) {
						const channel = decision.channel ?? 'email';
						const outcome = history.outcomes.get(channel) ?? 'sent';
						history.ours.push({ at: `${isoDate(day)}T10:00:00+02:00`, channel, direction: 'outbound', stage: decision.stage!, outcome, claimId });
					}
				}
			}
		}
	});

	it('never plans a forbidden step', () => {
		if (violations.length > 0) console.log(violations.slice(0, 20));
		expect(violations).toEqual([]);
	});

	it('covered a real journey: every kind of step and every kind of "none" occurred', () => {
		console.log(`replayed ${stats.debtors} debtors over ${stats.days} debtor-days: ${stats.steps} steps`, stats.byStage, stats.byReason);
		expect(stats.debtors).toBe(COUNT);
		expect(stats.days).toBeGreaterThan(COUNT * 650);
		for (const stage of ['reminder-1', 'reminder-2', 'fourteen-day-letter', 'final-notice', 'arrangement-offer', 'early-warning-care', 'reversal-notice', 'payment-received']) {
			expect([stage, stats.byStage[stage] ?? 0]).toEqual([stage, expect.any(Number)]);
			expect(stats.byStage[stage] ?? 0).toBeGreaterThan(0);
		}
		for (const reason of ['paid', 'paused', 'stopped', 'finished', 'waiting', 'step']) expect(stats.byReason[reason] ?? 0).toBeGreaterThan(0);
		expect(idempotenceChecks).toBeGreaterThan(10000);
	});
});
