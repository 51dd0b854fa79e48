/**
 * Pauses and stops: deceased (stop), dispute (no collection steps), debt help (a pause of 30 days,
 * configurable), an active arrangement (only instalment steps), payment after the last step (thanks,
 * then stop). Plus the reversal notice and idempotent planning.
 */
import type { DebtorRecord, Payment } from '../../../nodes/shared/debtor/model';
import type { ArrangementPlan } from '../../../nodes/shared/arrangement/check';
import { claim, debtor, plan, seg, sentContact, summary, walk } from './helpers';

const ARRANGEMENT: ArrangementPlan = {
	agreedOn: '2026-03-10',
	totalCents: 30000,
	instalments: [
		{ number: 1, dueDate: '2026-03-26', amountCents: 10000 },
		{ number: 2, dueDate: '2026-04-27', amountCents: 10000 },
		{ number: 3, dueDate: '2026-05-26', amountCents: 10000 },
	],
};

function pay(date: string, amountCents: number, claimId = 'C-1'): Payment {
	return { claimId, amountCents, date };
}

describe('stops', () => {
	it('stops for a deceased debtor: no step, not even a thank-you, and the reason says so', () => {
		const record = debtor([claim('C-1', '2026-03-02')], { flags: { deceased: true } });
		const decision = plan(record, seg('forgetful'), '2026-03-10');
		expect([decision.action, decision.reason, decision.stage]).toEqual(['none', 'stopped', null]);
		expect(decision.reasons).toEqual(['Stopped: the debtor has died (recorded as deceased). No further messages.']);
		expect(decision.municipalitySignal?.status).toBe('not-applicable');
		expect(walk(record, seg('deceased'), '2026-03-01', '2026-06-30').steps).toEqual([]);
	});

	it('stops on a direct debit returned with MD07, whatever the persona says', () => {
		const record = debtor([claim('C-1', '2026-03-02')], {
			reversals: [{ claimId: 'C-1', amountCents: 50000, date: '2026-03-04', reasonCode: 'MD07' }],
		});
		expect(plan(record, seg('can-pay-wont-pay'), '2026-03-03').stage).toBe('reminder-1'); // before the reversal
		const after = plan(record, seg('can-pay-wont-pay'), '2026-03-05');
		expect([after.reason, after.reasonCodes]).toEqual(['stopped', ['stop.deceased']]);
		expect(after.reasons[0]).toMatch(/MD07/);
	});

	it('a paid-up debtor with no steps is "paid"', () => {
		const record = debtor([claim('C-1', '2026-03-02', 0)], { payments: [pay('2026-02-20', 50000)] });
		const decision = plan(record, seg('current'), '2026-03-10');
		expect([decision.action, decision.reason, decision.reasons]).toEqual(['none', 'paid', ['Nothing open: every claim has been paid.']]);
	});
});

describe('pauses', () => {
	it('pauses on a dispute flag: no collection step at all', () => {
		const record = debtor([claim('C-1', '2026-03-02'), claim('C-2', '2026-04-02')], { flags: { dispute: true } });
		expect(walk(record, seg('forgetful'), '2026-03-01', '2026-06-30').steps).toEqual([]);
		const decision = plan(record, seg('forgetful'), '2026-03-10');
		expect(decision.reason).toBe('paused');
		expect(decision.reasons).toEqual(['Paused: the debtor disputes the claim. No collection steps until the dispute is resolved.']);
		expect(decision.costsAllowed).toBe(false);
	});

	it('pauses when the segmenter says dispute (a disputed claim)', () => {
		const record = debtor([claim('C-1', '2026-03-02', 50000, { disputed: true }), claim('C-2', '2026-03-02')]);
		const decision = plan(record, seg('dispute'), '2026-03-10');
		expect([decision.reason, decision.reasons[0]]).toEqual(['paused', 'Paused: 1 claim is disputed. No collection steps until the dispute is resolved.']);
	});

	it('leaves a disputed claim out when another persona is planned', () => {
		const record = debtor([claim('C-1', '2026-03-02', 50000, { disputed: true }), claim('C-2', '2026-03-02')]);
		const decision = plan(record, seg('forgetful'), '2026-03-05');
		expect([decision.stage, decision.claimIds]).toEqual(['reminder-1', ['C-2']]);
	});

	it('pauses 30 days after debt help was accepted, then offers an arrangement with a person', () => {
		// Accepted Tue 10 Mar: the pause covers 10 Mar .. 8 Apr; from Thu 9 Apr the debt-help ladder runs.
		const record = debtor([claim('C-1', '2026-03-02')], { flags: { debtHelp: true, debtHelpSince: '2026-03-10' } });
		const during = plan(record, seg('debt-help'), '2026-04-08');
		expect([during.reason, during.resumeDate]).toEqual(['paused', '2026-04-09']);
		expect(during.reasons).toEqual(['Paused: debt help was accepted on 10 March 2026; collection rests until 8 April 2026 inclusive (30 days).']);
		const { steps } = walk(record, seg('debt-help'), '2026-03-10', '2026-06-30');
		expect(summary(steps)).toEqual([['2026-04-09', 'arrangement-offer', 'letter']]);
		expect(steps[0].person).toBe(true);
	});

	it('takes the pause length from the options', () => {
		const record = debtor([claim('C-1', '2026-03-02')], { flags: { debtHelp: true, debtHelpSince: '2026-03-10' } });
		const { steps } = walk(record, seg('debt-help'), '2026-03-10', '2026-06-30', { debtHelpPauseDays: 14 });
		// 10 Mar + 14 days = 24 Mar (Tue), a working day.
		expect(steps[0].date).toBe('2026-03-24');
	});

	it('keeps pausing when debt help has no start date, and says what to record', () => {
		const record = debtor([claim('C-1', '2026-03-02')], { flags: { debtHelp: true } });
		const decision = plan(record, seg('debt-help'), '2026-09-01');
		expect([decision.reason, decision.reasonCodes]).toEqual(['paused', ['pause.debt-help-undated']]);
	});
});

describe('an active arrangement: only instalment steps', () => {
	const running = (payments: Payment[] = [], contacts: DebtorRecord['contacts'] = []) =>
		debtor([claim('C-1', '2026-02-02', 30000)], { flags: { arrangementActive: true }, payments, contacts });
	const options = { arrangement: { plan: ARRANGEMENT, field: 'arrangement' } };

	it('reminds shortly before each instalment, and only once', () => {
		// Instalments 26 Mar, 27 Apr, 26 May; reminders 3 days before: 23 Mar, 24 Apr, 23 May (a Saturday: fine for SMS/e-mail).
		const payOnTime = (date: string, _d: unknown, record: DebtorRecord) =>
			['2026-03-26', '2026-04-27', '2026-05-26'].includes(date) ? { ...record, payments: [...(record.payments ?? []), pay(date, 10000)] } : record;
		const { steps, last } = walk(running(), seg('temporary-shortfall'), '2026-03-10', '2026-06-15', options, payOnTime);
		expect(summary(steps)).toEqual([
			['2026-03-23', 'instalment-reminder', 'sms'],
			['2026-04-24', 'instalment-reminder', 'sms'],
			['2026-05-23', 'instalment-reminder', 'sms'],
			// The walk plans each morning and the payment lands during the day: thanks the next morning.
			['2026-05-27', 'payment-received', 'sms'],
		]);
		expect(steps.every((s) => s.tone === 'supportive')).toBe(true);
		expect([last.reason, last.arrangement?.state]).toEqual(['paid', 'completed']);
	});

	it('never plans a ladder step while the arrangement runs, even far past the due date', () => {
		const { steps } = walk(running(), seg('can-pay-wont-pay'), '2026-03-10', '2026-03-22', options);
		expect(steps).toEqual([]);
		const decision = plan(running(), seg('can-pay-wont-pay'), '2026-03-15', options);
		expect([decision.reason, decision.stage, decision.earliestDate, decision.arrangement?.state]).toEqual(['paused', 'instalment-reminder', '2026-03-23', 'on-track']);
	});

	it('reacts gently to a missed instalment, once, then leaves it to a person', () => {
		const record = running([], [sentContact('2026-03-23', 'instalment-reminder', 'C-1', 'sms')]);
		const missed = plan(record, seg('temporary-shortfall'), '2026-03-27', options);
		expect([missed.action, missed.stage, missed.tone, missed.amountCents]).toEqual(['step', 'missed-instalment', 'supportive', 10000]);
		expect(missed.arrangement?.missed).toEqual({ number: 1, dueDate: '2026-03-26', openCents: 10000, days: 1 });
		const told = { ...record, contacts: [...record.contacts!, sentContact('2026-03-27', 'missed-instalment', 'C-1', 'sms')] };
		const later = plan(told, seg('temporary-shortfall'), '2026-04-02', options);
		expect([later.action, later.reason, later.personalContact]).toEqual(['none', 'waiting', true]);
		expect(later.reasonCodes).toContain('arrangement.missed-sent');
	});

	it('pauses and says why when no plan is on the item', () => {
		const decision = plan(running(), seg('forgetful'), '2026-03-15', { arrangement: { plan: undefined, field: 'arrangement.plan' } });
		expect([decision.reason, decision.reasons[1]]).toEqual([
			'paused',
			'Paused: an arrangement is active, but the item has no plan under "arrangement.plan" to check the instalments against.',
		]);
	});
});

describe('payment received after the last step: thanks, then stop', () => {
	it('thanks once after a payment that follows a reminder, then says "paid"', () => {
		const record = debtor([claim('C-1', '2026-03-02')]);
		const payOn8March = (date: string, _d: unknown, r: DebtorRecord) =>
			date === '2026-03-08' ? { ...r, claims: [{ ...r.claims![0], openCents: 0 }], payments: [pay('2026-03-08', 50000)] } : r;
		const { steps, last } = walk(record, seg('forgetful'), '2026-03-01', '2026-04-30', {}, payOn8March);
		// Reminder Thu 5 Mar; paid Sun 8 Mar; the thank-you goes on Mon 9 Mar (no contact on Sunday).
		expect(summary(steps)).toEqual([
			['2026-03-05', 'reminder-1', 'email'],
			['2026-03-09', 'payment-received', 'email'],
		]);
		expect([last.action, last.reason]).toEqual(['none', 'paid']);
	});

	it('does not thank for a payment made before any step, or long ago', () => {
		const early = debtor([claim('C-1', '2026-03-02', 0)], { payments: [pay('2026-03-01', 50000)] });
		expect(plan(early, seg('current'), '2026-03-05').reason).toBe('paid');
		const old = debtor([claim('C-1', '2026-03-02', 0)], { payments: [pay('2026-03-08', 50000)], contacts: [sentContact('2026-03-05', 'reminder-1', 'C-1')] });
		expect(plan(old, seg('forgetful'), '2026-03-10').stage).toBe('payment-received');
		expect(plan(old, seg('forgetful'), '2026-04-10').reason).toBe('paid'); // more than 14 days later
	});
});

describe('reversal notices and idempotence', () => {
	it('sends one reversal notice after a returned direct debit, before the ladder', () => {
		const record = debtor([claim('C-1', '2026-03-02')], {
			paymentMethod: 'direct-debit',
			reversals: [{ claimId: 'C-1', amountCents: 50000, date: '2026-03-04', reasonCode: 'AM04' }],
		});
		const { steps } = walk(record, seg('temporary-shortfall'), '2026-03-01', '2026-03-20');
		expect(summary(steps).slice(0, 2)).toEqual([
			['2026-03-05', 'reversal-notice', 'sms'], // the persona's first reachable channel
			['2026-03-07', 'reminder-1', 'sms'],
		]);
		expect(steps.filter((s) => s.stage === 'reversal-notice')).toHaveLength(1);
		expect(steps[0].tone).toBe('supportive');
	});

	it('gives the same answer when planned twice on the same day with the same history (in any order)', () => {
		const record = debtor([claim('C-1', '2026-03-02'), claim('C-2', '2026-04-01')], {
			contacts: [
				sentContact('2026-03-05', 'reminder-1', 'C-1'),
				sentContact('2026-03-12', 'reminder-2', 'C-1', 'sms'),
				sentContact('2026-04-04', 'reminder-1', 'C-2'),
			],
		});
		const first = plan(record, seg('forgetful'), '2026-04-10');
		const again = plan(JSON.parse(JSON.stringify(record)), seg('forgetful'), '2026-04-10');
		const shuffled = plan({ ...record, contacts: [...record.contacts!].reverse() }, seg('forgetful'), '2026-04-10');
		expect(again).toEqual(first);
		expect(shuffled).toEqual(first);
		expect(first.action).toBe('step');
	});

	it('groups claims at the same step into one message', () => {
		const record = debtor([claim('C-1', '2026-03-02'), claim('C-2', '2026-03-02', 20000)]);
		const decision = plan(record, seg('forgetful'), '2026-03-05');
		expect([decision.stage, decision.claimIds, decision.amountCents]).toEqual(['reminder-1', ['C-1', 'C-2'], 70000]);
		expect(decision.reasons).toContain('The same step applies to 2 claims: one message.');
	});

	it('moves a step off a Sunday or holiday, and letters and calls to working days', () => {
		// Easter Monday 6 Apr 2026: an e-mail due then waits for Tue 7 Apr.
		const record = debtor([claim('C-1', '2026-04-03')]);
		const decision = plan(record, seg('forgetful'), '2026-04-06');
		expect([decision.action, decision.earliestDate]).toEqual(['none', '2026-04-07']);
		expect(decision.reasons).toContain('Moved to 7 April 2026: no contact on Sundays or holidays.');
		// Saturday 4 April is a contact day for e-mail.
		expect(plan(debtor([claim('C-1', '2026-04-01')]), seg('forgetful'), '2026-04-04').action).toBe('step');
	});

	it('falls back to a reachable channel and says so; says when nothing reaches the debtor', () => {
		const noEmail = debtor([claim('C-1', '2026-03-02')], { contact: { mobile: '+31612345678' } });
		const decision = plan(noEmail, seg('forgetful', { channels: ['sms', 'phone'] }), '2026-03-05');
		expect(decision.channel).toBe('sms');
		const nothing = plan(noEmail, seg('forgetful', { channels: [] }), '2026-03-05');
		expect([nothing.channel, nothing.reasonCodes]).toEqual([null, expect.arrayContaining(['channel.none'])]);
		const letter = plan(debtor([claim('C-1', '2026-03-02')], { contact: { mobile: '+31612345678' } }), seg('can-pay-wont-pay', { channels: ['sms'] }), '2026-03-17', {
			ladders: { 'can-pay-wont-pay': [{ stage: 'fourteen-day-letter', days: 10, from: 'due', channels: ['letter'] }] },
		});
		expect([letter.stage, letter.channel]).toEqual(['fourteen-day-letter', 'sms']);
		expect(letter.reasons).toContain("None of the step's channels (letter) reaches the debtor; using sms.");
	});
});
