/**
 * Every default ladder, walked day by day for one claim: which stage goes out on which day through
 * which channel. Expected dates are worked out by hand from the ladder offsets and the 2026 calendar
 * (2 March 2026 is a Monday; Easter Monday 6 April; King's Day Monday 27 April; Liberation Day 5 May).
 * Plus the validation of ladders users edit in the canvas.
 */
import { COST_STAGES, DEFAULT_LADDERS, LadderError, parseLadders } from '../../../nodes/shared/journey';
import { PERSONAS } from '../../../nodes/shared/segmentation';
import { claim, debtor, plan, seg, summary, walk } from './helpers';

describe('default ladders, walked day by day for one claim', () => {
	it('forgetful: a friendly e-mail, then an SMS, then the 14-day letter (with its dates)', () => {
		// due Mon 2 Mar; reminder 1 three days later (Thu 5 Mar, e-mail); reminder 2 seven days after
		// that (Thu 12 Mar, SMS); the letter seven days later (Thu 19 Mar, by post).
		const { steps, last } = walk(debtor([claim('C-1', '2026-03-02')]), seg('forgetful'), '2026-03-01', '2026-04-30');
		expect(summary(steps)).toEqual([
			['2026-03-05', 'reminder-1', 'email'],
			['2026-03-12', 'reminder-2', 'sms'],
			['2026-03-19', 'fourteen-day-letter', 'letter'],
		]);
		expect(steps.every((s) => s.tone === 'neutral')).toBe(true);
		// After the last step the journey is finished (the claim is still open).
		expect([last.action, last.reason]).toEqual(['none', 'finished']);
		// Letter of Thu 19 Mar: delivery days Fri 20 and Sat 21 -> received Sat 21 Mar; term from Sun 22
		// Mar, 14 days end Sat 4 Apr; Sun 5 (Easter) and Mon 6 Apr (Easter Monday) are no working days,
		// so the last day to pay is Tue 7 Apr and costs may be charged from Wed 8 Apr.
		expect(last.letters).toEqual([
			{
				claimId: 'C-1',
				sentDate: '2026-03-19',
				presumedReceiptDate: '2026-03-21',
				termStartDate: '2026-03-22',
				lastDayToPay: '2026-04-07',
				costsFromDate: '2026-04-08',
				extended: true,
				termPassed: true,
			},
		]);
	});

	it('the planned 14-day letter carries its term dates on the day it is due', () => {
		const record = debtor([claim('C-1', '2026-03-02')], {
			contacts: [
				{ at: '2026-03-05T10:00:00+01:00', channel: 'email', direction: 'outbound', stage: 'reminder-1', claimId: 'C-1' },
				{ at: '2026-03-12T10:00:00+01:00', channel: 'sms', direction: 'outbound', stage: 'reminder-2', claimId: 'C-1' },
			],
		});
		const due = plan(record, seg('forgetful'), '2026-03-19');
		expect([due.action, due.stage, due.channel, due.claimIds]).toEqual(['step', 'fourteen-day-letter', 'letter', ['C-1']]);
		expect(due.fourteenDayLetter).toEqual({
			sentDate: '2026-03-19',
			presumedReceiptDate: '2026-03-21',
			termStartDate: '2026-03-22',
			lastDayToPay: '2026-04-07',
			costsFromDate: '2026-04-08',
			extended: true,
		});
		expect(due.reasons).toContain('14-day letter: presumed received on 21 March 2026, payable until 7 April 2026 inclusive, collection costs only from 8 April 2026.');
		// A day earlier it is announced, not due.
		const before = plan(record, seg('forgetful'), '2026-03-18');
		expect([before.action, before.reason, before.stage, before.earliestDate]).toEqual(['none', 'waiting', 'fourteen-day-letter', '2026-03-19']);
	});

	it('temporary shortfall: supportive, after payday, an arrangement early, the letter late', () => {
		// due Mon 2 Mar: reminder 1 +5 = Sat 7 Mar (no WhatsApp opt-in: SMS; Saturday is a contact day),
		// arrangement offer +7 = Sat 14 Mar (e-mail), reminder 2 +14 = Sat 28 Mar (e-mail), the letter
		// +14 = Sat 11 Apr, moved to the next working day Mon 13 Apr because letters go on working days.
		const { steps } = walk(debtor([claim('C-1', '2026-03-02')]), seg('temporary-shortfall'), '2026-03-01', '2026-05-31');
		expect(summary(steps)).toEqual([
			['2026-03-07', 'reminder-1', 'sms'],
			['2026-03-14', 'arrangement-offer', 'email'],
			['2026-03-28', 'reminder-2', 'email'],
			['2026-04-13', 'fourteen-day-letter', 'letter'],
		]);
		expect(steps.every((s) => s.tone === 'supportive')).toBe(true);
	});

	it('structural shortfall: early personal contact, an arrangement after payday, a written referral, never costs', () => {
		// due Mon 2 Mar: a call task +3 = Thu 5 Mar; arrangement offer +5 = Tue 10 Mar (e-mail); the written
		// care message with the debt-help referral +14 = Tue 24 Mar (letter). No 14-day letter, no final notice.
		const { steps, last } = walk(debtor([claim('C-1', '2026-03-02')]), seg('structural-shortfall'), '2026-03-01', '2026-08-31');
		expect(summary(steps)).toEqual([
			['2026-03-05', 'early-warning-care', 'phone'],
			['2026-03-10', 'arrangement-offer', 'email'],
			['2026-03-24', 'early-warning-care', 'letter'],
		]);
		expect(steps.map((s) => s.person)).toEqual([true, false, false]);
		expect(steps.some((s) => s.stage === 'fourteen-day-letter' || COST_STAGES.has(s.stage))).toBe(false);
		expect(last.reason).toBe('finished');
		expect(last.costsAllowed).toBe(false);
	});

	it('overwhelmed: a person calls first, then one clear written step at a time', () => {
		// due Mon 2 Mar: call +5 = Sat 7 Mar -> a task for a person waits for Mon 9 Mar; reminder 1 by
		// letter +5 = Sat 14 Mar -> Mon 16 Mar; the arrangement by phone +10 = Thu 26 Mar; the letter +14
		// = Thu 9 Apr.
		const { steps } = walk(debtor([claim('C-1', '2026-03-02')]), seg('overwhelmed'), '2026-03-01', '2026-05-31');
		expect(summary(steps)).toEqual([
			['2026-03-09', 'early-warning-care', 'phone'],
			['2026-03-16', 'reminder-1', 'letter'],
			['2026-03-26', 'arrangement-offer', 'phone'],
			['2026-04-09', 'fourteen-day-letter', 'letter'],
		]);
		expect(steps.map((s) => s.person)).toEqual([true, false, true, false]);
	});

	it("can pay, won't pay: firm reminders, the letter on schedule, the final notice only after its term, then handover", () => {
		// due Wed 1 Apr: reminder 1 +1 = Thu 2 Apr, reminder 2 +7 = Thu 9 Apr, letter +7 = Thu 16 Apr.
		// Letter term: received Sat 18 Apr, term from Sun 19 Apr to Sat 2 May -> Mon 4 May; costs from
		// Tue 5 May (Liberation Day), so the final notice (a letter) goes on the next working day, Wed 6 May.
		const { steps, last } = walk(debtor([claim('C-1', '2026-04-01')]), seg('can-pay-wont-pay'), '2026-03-31', '2026-05-20');
		expect(summary(steps)).toEqual([
			['2026-04-02', 'reminder-1', 'email'],
			['2026-04-09', 'reminder-2', 'email'],
			['2026-04-16', 'fourteen-day-letter', 'letter'],
			['2026-05-06', 'final-notice', 'letter'],
		]);
		expect(steps.every((s) => s.tone === 'firm')).toBe(true);
		// 14 days after the final notice (6 May) the claim is handed over: on 20 May.
		expect([last.reason, last.handover, last.costsAllowed]).toEqual(['finished', true, true]);
		const { last: before } = walk(debtor([claim('C-1', '2026-04-01')]), seg('can-pay-wont-pay'), '2026-03-31', '2026-05-19');
		expect(before.handover).toBe(false);
	});

	it('vulnerable: support, not collection: a call, then an arrangement offer', () => {
		const { steps } = walk(debtor([claim('C-1', '2026-03-02')]), seg('vulnerable'), '2026-03-01', '2026-06-30');
		expect(summary(steps)).toEqual([
			['2026-03-05', 'early-warning-care', 'phone'],
			['2026-03-12', 'arrangement-offer', 'letter'],
		]);
	});

	it('current: a friendly first reminder when a claim slips (the segmenter then calls the debtor forgetful)', () => {
		const { steps, last } = walk(debtor([claim('C-1', '2026-03-02')]), seg('current'), '2026-03-01', '2026-03-31');
		expect(summary(steps)).toEqual([['2026-03-05', 'reminder-1', 'email']]);
		expect(last.reason).toBe('finished');
	});

	it('dispute and deceased have no steps at all', () => {
		for (const persona of ['dispute', 'deceased'] as const) {
			const { steps } = walk(debtor([claim('C-1', '2026-03-02')]), seg(persona), '2026-03-01', '2026-06-30');
			expect(steps).toEqual([]);
			expect(DEFAULT_LADDERS[persona]).toEqual([]);
		}
	});

	it('ships a ladder for every persona; no ladder charges costs without the letter first', () => {
		for (const persona of PERSONAS) {
			const ladder = DEFAULT_LADDERS[persona];
			expect(Array.isArray(ladder)).toBe(true);
			const letter = ladder.findIndex((s) => s.stage === 'fourteen-day-letter');
			ladder.forEach((s, i) => {
				if (COST_STAGES.has(s.stage)) expect(letter).toBeGreaterThanOrEqual(0);
				if (COST_STAGES.has(s.stage)) expect(i).toBeGreaterThan(letter);
			});
			expect(ladder.filter((s) => s.stage === 'fourteen-day-letter').length).toBeLessThanOrEqual(1);
		}
		// No cost escalation for those who cannot pay or need support.
		for (const persona of ['structural-shortfall', 'vulnerable', 'debt-help'] as const) {
			expect(DEFAULT_LADDERS[persona].some((s) => s.stage === 'fourteen-day-letter' || COST_STAGES.has(s.stage))).toBe(false);
		}
	});
});

describe('ladders edited in the canvas', () => {
	it('replaces only the personas given; the rest keep their default', () => {
		const ladders = parseLadders('{"forgetful": [{"stage": "reminder-1", "days": 10, "channels": ["sms"]}]}');
		expect(ladders.forgetful).toEqual([{ stage: 'reminder-1', days: 10, from: 'due', channels: ['sms'] }]);
		expect(ladders['can-pay-wont-pay']).toBe(DEFAULT_LADDERS['can-pay-wont-pay']);
		const { steps } = walk(debtor([claim('C-1', '2026-03-02')]), seg('forgetful'), '2026-03-01', '2026-03-31', { ladders });
		expect(summary(steps)).toEqual([['2026-03-12', 'reminder-1', 'sms']]);
	});

	it('accepts an object and "<persona>/variant" ladders; steps default to "previous" after the first', () => {
		const ladders = parseLadders({ 'forgetful/variant': [{ stage: 'reminder-1', days: 1 }, { stage: 'reminder-2', days: 2 }] });
		expect(ladders['forgetful/variant'].map((s) => s.from)).toEqual(['due', 'previous']);
		const variant = seg('forgetful', { arm: { experiment: 'x', group: 'variant' } });
		const { steps } = walk(debtor([claim('C-1', '2026-03-02')]), variant, '2026-03-01', '2026-03-31', { ladders });
		expect(summary(steps)).toEqual([
			['2026-03-03', 'reminder-1', 'email'],
			['2026-03-05', 'reminder-2', 'email'], // no channels in the step: the debtor's best channel
		]);
		// The control group keeps the normal ladder.
		const control = seg('forgetful', { arm: { experiment: 'x', group: 'control' } });
		expect(walk(debtor([claim('C-1', '2026-03-02')]), control, '2026-03-01', '2026-03-31', { ladders }).steps[0].date).toBe('2026-03-05');
	});

	it.each([
		['{"forgetful": [', /^Ladders: \(json\) is not valid JSON/],
		['[]', /must be an object with a list of steps per persona/],
		['{"forgotful": []}', /forgotful is not a persona; use one of current, forgetful/],
		['{"forgetful": {}}', /forgetful must be a list of steps/],
		['{"forgetful": [{"stage": "remindr-1", "days": 3}]}', /forgetful\[0\]\.stage must be one of pre-due-notice, reminder-1/],
		['{"forgetful": [{"stage": "reminder-1", "days": 2.5}]}', /forgetful\[0\]\.days must be a whole number of days/],
		['{"forgetful": [{"stage": "reminder-1", "days": 3, "from": "start"}]}', /forgetful\[0\]\.from must be "due"/],
		['{"forgetful": [{"stage": "reminder-1", "days": 3, "channels": ["fax"]}]}', /forgetful\[0\]\.channels\[0\] must be one of email, sms/],
		['{"forgetful": [{"stage": "reminder-1", "days": 3, "tone": "angry"}]}', /forgetful\[0\]\.tone must be one of supportive, neutral, firm/],
		['{"forgetful": [{"stage": "reminder-1", "days": 3, "person": "yes"}]}', /forgetful\[0\]\.person must be true or false/],
		['{"forgetful": [{"stage": "reminder-1", "day": 3}]}', /forgetful\[0\]\.day is not a step setting/],
		['{"forgetful": [{"stage": "reminder-1", "days": 3, "from": "previous"}]}', /forgetful\[0\]\.from the first step has no previous step/],
		['{"forgetful": [{"stage": "instalment-reminder", "days": 3}]}', /planned by the planner itself/],
	])('rejects %s with a clear message', (json, message) => {
		expect(() => parseLadders(json)).toThrow(LadderError);
		expect(() => parseLadders(json)).toThrow(message);
	});

	it('refuses a second 14-day letter in a ladder', () => {
		const json = JSON.stringify({
			'can-pay-wont-pay': [
				{ stage: 'fourteen-day-letter', days: 5 },
				{ stage: 'reminder-2', days: 5 },
				{ stage: 'fourteen-day-letter', days: 5 },
			],
		});
		expect(() => parseLadders(json)).toThrow('can-pay-wont-pay[2].stage repeats the 14-day letter of can-pay-wont-pay[0]; a claim gets it only once');
	});

	it('refuses a final notice without a 14-day letter before it', () => {
		const json = JSON.stringify({ forgetful: [{ stage: 'reminder-1', days: 5 }, { stage: 'final-notice', days: 5 }] });
		expect(() => parseLadders(json)).toThrow(/forgetful\[1\]\.stage "final-notice" charges collection costs, so the ladder needs a "fourteen-day-letter" step before it/);
	});

	it('lists every problem at once', () => {
		try {
			parseLadders('{"forgetful": [{"stage": "x", "days": "y"}], "nobody": []}');
			throw new Error('no error');
		} catch (error) {
			expect((error as LadderError).problems.map((p) => p.path)).toEqual(['forgetful[0].stage', 'forgetful[0].days', 'nobody']);
		}
	});
});
