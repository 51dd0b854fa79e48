/**
 * The journey step's id (`journey.stepId`, `<stage>#<occurrence>`) and contacts of unknown outcome.
 * The id names one contact of the journey on every day until it is recorded, so the Channel Sender's
 * key survives a crash followed by a run on a later day; a recorded attempt (sent, failed or
 * unconfirmed) moves it on. A contact recorded as `unconfirmed` holds the journey until a person sets
 * its outcome, and never counts as a 14-day letter.
 */
import type { Contact, Stage } from '../../../nodes/shared/debtor/model';
import { claimLetters, stageOccurrence } from '../../../nodes/shared/journey';
import { dayNumber } from '../../../nodes/shared/calendar';
import { calendar, claim, debtor, plan, seg, sentContact, walk } from './helpers';

const outcome = (contact: Contact, value: Contact['outcome']): Contact => ({ ...contact, outcome: value });

describe('step id and occurrence', () => {
	const record = debtor([claim('C-1', '2026-03-02')]);

	test('the first reminder is occurrence 1, on the day it is due and on every later day until it is recorded', () => {
		const due = plan(record, seg('forgetful'), '2026-03-05');
		expect([due.action, due.stage, due.occurrence, due.stepId]).toEqual(['step', 'reminder-1', 1, 'reminder-1#1']);
		// The run crashed before writing the contact: the next days plan the same step with the same id.
		for (const date of ['2026-03-06', '2026-03-07', '2026-03-09', '2026-03-20']) {
			const again = plan(record, seg('forgetful'), date);
			expect([date, again.stage, again.stepId]).toEqual([date, 'reminder-1', 'reminder-1#1']);
		}
	});

	test('a recorded contact moves the step on; every step of a walk has its own id', () => {
		const { steps, record: after } = walk(record, seg('forgetful'), '2026-03-01', '2026-05-31');
		expect(steps.length).toBeGreaterThan(1);
		const ids: string[] = [];
		let current = record;
		for (const step of steps) {
			const decision = plan(current, seg('forgetful'), step.date);
			ids.push(decision.stepId!);
			current = { ...current, contacts: [...(current.contacts ?? []), ...step.claimIds.map((id) => sentContact(step.date, step.stage, id, (step.channel ?? 'email') as Contact['channel']))] };
		}
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids[0]).toBe('reminder-1#1');
		expect(current.contacts).toEqual(after.contacts);
	});

	test('a failed attempt counts too: the retry of the same stage is the next occurrence (a new contact)', () => {
		const failed = { ...record, contacts: [outcome(sentContact('2026-03-05', 'reminder-1', 'C-1'), 'failed')] };
		const retry = plan(failed, seg('forgetful'), '2026-03-06');
		expect([retry.stage, retry.stepId]).toEqual(['reminder-1', 'reminder-1#2']);
	});

	test('counting: per claim of the step, contacts without a claim count for every claim, later contacts and other stages do not', () => {
		const contacts: Contact[] = [
			sentContact('2026-03-05', 'reminder-1', 'C-1'),
			sentContact('2026-03-06', 'reminder-1', 'C-1'),
			sentContact('2026-03-07', 'reminder-1', 'C-2'),
			sentContact('2026-03-08', 'reminder-1'),
			sentContact('2026-03-09', 'reminder-2', 'C-1'),
			sentContact('2026-04-01', 'reminder-1', 'C-1'),
			{ ...sentContact('2026-03-10', 'reminder-1', 'C-1'), direction: 'inbound' },
		];
		const today = dayNumber('2026-03-31');
		const of = (stage: Stage, claimIds: string[]) => stageOccurrence(contacts, stage, claimIds, today);
		expect(of('reminder-1', ['C-1'])).toBe(4);
		expect(of('reminder-1', ['C-2'])).toBe(3);
		expect(of('reminder-1', ['C-1', 'C-2'])).toBe(4);
		expect(of('reminder-1', ['C-3'])).toBe(2);
		expect(of('reminder-1', [])).toBe(5);
		expect(of('reminder-2', ['C-1'])).toBe(2);
		expect(of('final-notice', ['C-1'])).toBe(1);
		expect(stageOccurrence(undefined, 'reminder-1', ['C-1'], today)).toBe(1);
	});

	test('no stage, no id: a debtor without a step has none', () => {
		const paid = plan(debtor([claim('C-1', '2026-03-02', 0)]), seg('forgetful'), '2026-03-05');
		expect([paid.reason, paid.stage, paid.occurrence, paid.stepId]).toEqual(['paid', null, null, null]);
	});
});

describe('a contact of unknown outcome (unconfirmed)', () => {
	const record = debtor([claim('C-1', '2026-03-02')]);
	const unconfirmed = outcome(sentContact('2026-03-05', 'reminder-1', 'C-1'), 'unconfirmed');

	test('holds the journey, with the reason; nothing is planned again', () => {
		for (const date of ['2026-03-06', '2026-03-20', '2026-06-01']) {
			const held = plan({ ...record, contacts: [unconfirmed] }, seg('forgetful'), date);
			expect([date, held.action, held.reason, held.stage, held.stepId]).toEqual([date, 'none', 'paused', null, null]);
			expect(held.reasonCodes).toContain('pause.unconfirmed-contact');
		}
		const held = plan({ ...record, contacts: [unconfirmed] }, seg('forgetful'), '2026-03-06');
		expect(held.reasons).toContain('Paused: it is not known whether the first reminder of 5 March 2026 went out (a run stopped while sending, or the provider did not answer). Check with the provider and set that contact\'s outcome to "sent" or "failed"; until then nothing goes out.');
	});

	test('an unconfirmed contact dated after the planned day does not hold it (a replay of an earlier day)', () => {
		const before = plan({ ...record, contacts: [unconfirmed] }, seg('forgetful'), '2026-03-04');
		expect(before.reasonCodes).not.toContain('pause.unconfirmed-contact');
	});

	test('a person records the outcome: sent moves on to the next step, failed plans the step again as a new contact', () => {
		const sent = plan({ ...record, contacts: [outcome(unconfirmed, 'sent')] }, seg('forgetful'), '2026-03-20');
		expect(sent.stage).toBe('reminder-2');
		const failed = plan({ ...record, contacts: [outcome(unconfirmed, 'failed')] }, seg('forgetful'), '2026-03-06');
		expect([failed.action, failed.stage, failed.stepId]).toEqual(['step', 'reminder-1', 'reminder-1#2']);
	});

	test('deceased and dispute still come first', () => {
		const deceased = plan({ ...record, contacts: [unconfirmed], flags: { deceased: true } }, seg('forgetful'), '2026-03-06');
		expect(deceased.reason).toBe('stopped');
		expect(deceased.reasonCodes).not.toContain('pause.unconfirmed-contact');
	});

	test('an unconfirmed 14-day letter does not start the term: no costs on a letter that may never have gone out', () => {
		const letter = outcome({ ...sentContact('2026-03-10', 'fourteen-day-letter', 'C-1', 'letter') }, 'unconfirmed');
		expect(claimLetters({ ...record, contacts: [letter] }, calendar).size).toBe(0);
		expect(claimLetters({ ...record, contacts: [outcome(letter, 'sent')] }, calendar).get('C-1')?.sentDay).toBe(dayNumber('2026-03-10'));
		const held = plan({ ...record, contacts: [letter] }, seg('can-pay-wont-pay'), '2026-04-30');
		expect([held.reason, held.costsAllowed, held.letters]).toEqual(['paused', false, []]);
	});
});
