/**
 * Checking a running arrangement against payments: on track, due soon, missed (with days), completed;
 * partial and early payments, returned direct debits, payments for other claims or from before the
 * agreement, and plan validation.
 */
import { checkArrangement, parsePlan, PlanError, type ArrangementPlan } from '../../../nodes/shared/arrangement';
import { dayNumber } from '../../../nodes/shared/calendar';
import type { Payment } from '../../../nodes/shared/debtor/model';

const PLAN: ArrangementPlan = {
	agreedOn: '2026-03-10',
	totalCents: 30000,
	claimIds: ['C-1'],
	instalments: [
		{ number: 1, dueDate: '2026-03-26', amountCents: 10000 },
		{ number: 2, dueDate: '2026-04-27', amountCents: 10000 },
		{ number: 3, dueDate: '2026-05-26', amountCents: 10000 },
	],
};

const pay = (date: string, amountCents: number, claimId?: string): Payment => ({ date, amountCents, ...(claimId ? { claimId } : {}) });
const check = (payments: Payment[], date: string, options = {}) => checkArrangement(PLAN, payments, dayNumber(date), options);

describe('checking an arrangement', () => {
	it('is on track before the first instalment', () => {
		const result = check([], '2026-03-15');
		expect(result).toMatchObject({ state: 'on-track', paidCents: 0, expectedCents: 0, arrearsCents: 0, remainingCents: 30000, missed: null });
		expect(result.nextInstalment).toEqual({ number: 1, dueDate: '2026-03-26', openCents: 10000, daysUntil: 11 });
		expect(result.reasons.en).toEqual(['Arrangement on track: instalment 1 of EUR 100.00 is due in 11 days (26 March 2026).']);
		expect(result.reasons.nl).toEqual(['Regeling loopt volgens plan: termijn 1 van EUR 100,00 vervalt over 11 dagen (26 maart 2026).']);
	});

	it('says "due soon" within the reminder days, including the due day itself', () => {
		expect(check([], '2026-03-22').state).toBe('on-track'); // 4 days before
		expect(check([], '2026-03-23').state).toBe('due-soon'); // 3 days before
		expect(check([], '2026-03-26').state).toBe('due-soon'); // the due day: not missed yet
		expect(check([], '2026-03-26').reasons.en).toEqual(['Instalment due soon: instalment 1 of EUR 100.00 is due today (26 March 2026).']);
		expect(check([], '2026-03-20', { reminderDays: 6 }).state).toBe('due-soon');
	});

	it('counts a missed instalment from the day after its due date, with the days overdue', () => {
		const result = check([], '2026-04-02');
		expect(result.state).toBe('missed');
		expect(result.missed).toEqual({ number: 1, dueDate: '2026-03-26', openCents: 10000, days: 7 });
		expect(result.arrearsCents).toBe(10000);
		expect(result.reasons.en).toEqual(['Instalment 1 (EUR 100.00 still open) was due on 26 March 2026 and is 7 days overdue.']);
		// With grace days the instalment is not missed yet: it is due (past the date, within the grace).
		expect(check([], '2026-04-02', { graceDays: 7 }).state).toBe('due-soon');
		expect(check([], '2026-04-02', { graceDays: 7 }).nextInstalment?.daysUntil).toBe(-7);
		expect(check([], '2026-04-02', { graceDays: 7 }).reasons.en).toEqual([
			'Instalment due soon: instalment 1 of EUR 100.00 was due 7 days ago (within the grace days) (26 March 2026).',
		]);
		expect(check([], '2026-04-03', { graceDays: 7 }).state).toBe('missed');
	});

	it('counts a partial payment and says what is still open', () => {
		const result = check([pay('2026-03-26', 6000, 'C-1')], '2026-03-30');
		expect(result.missed).toEqual({ number: 1, dueDate: '2026-03-26', openCents: 4000, days: 4 });
		expect(result.instalments.map((i) => [i.number, i.paidCents, i.state])).toEqual([
			[1, 6000, 'missed'],
			[2, 0, 'open'],
			[3, 0, 'open'],
		]);
	});

	it('lets an early payment cover the next instalment', () => {
		const result = check([pay('2026-03-25', 20000)], '2026-04-25');
		expect(result.state).toBe('on-track');
		expect(result.nextInstalment).toMatchObject({ number: 3, daysUntil: 31 });
		expect(result.instalments.map((i) => i.state)).toEqual(['paid', 'paid', 'open']);
	});

	it('is completed when everything is paid, and says when', () => {
		const payments = [pay('2026-03-26', 10000), pay('2026-04-27', 10000), pay('2026-05-25', 10000)];
		const result = check(payments, '2026-06-01');
		expect(result).toMatchObject({ state: 'completed', paidCents: 30000, remainingCents: 0, completedOn: '2026-05-25', nextInstalment: null, missed: null, missedCount: 0 });
		expect(result.reasons.en).toEqual(['Arrangement completed: all 3 instalments (EUR 300.00) have been paid.']);
	});

	it('takes a returned direct debit back', () => {
		const result = checkArrangement(PLAN, [pay('2026-03-26', 10000)], dayNumber('2026-03-30'), {
			reversals: [{ date: '2026-03-28', amountCents: 10000, reasonCode: 'AM04', claimId: 'C-1' }],
		});
		expect([result.state, result.paidCents, result.missed?.days]).toEqual(['missed', 0, 4]);
	});

	it('ignores payments from before the agreement, for other claims, and after the reference date', () => {
		const result = check([pay('2026-03-01', 10000), pay('2026-03-20', 10000, 'OTHER'), pay('2026-03-31', 10000)], '2026-03-30');
		expect([result.paidCents, result.state]).toEqual([0, 'missed']);
	});

	it('validates a plan and names the field', () => {
		expect(parsePlan({ ...PLAN, totalCents: undefined })).toMatchObject({ totalCents: 30000 });
		const cases: Array<[unknown, string, RegExp]> = [
			[null, 'plan.(plan)', /must be an arrangement plan/],
			[{ instalments: [] }, 'plan.instalments', /non-empty list/],
			[{ instalments: [{ dueDate: '2026-02-30', amountCents: 100 }] }, 'plan.instalments[0].dueDate', /YYYY-MM-DD/],
			[{ instalments: [{ dueDate: '2026-03-01', amountCents: 0 }] }, 'plan.instalments[0].amountCents', /above 0/],
			[{ instalments: [{ dueDate: '2026-03-01', amountCents: 100 }, { dueDate: '2026-02-01', amountCents: 100 }] }, 'plan.instalments[1].dueDate', /before the previous/],
			[{ totalCents: 999, instalments: [{ dueDate: '2026-03-01', amountCents: 100 }] }, 'plan.totalCents', /must equal the sum of the instalments \(100\)/],
			[{ agreedOn: 'soon', instalments: [{ dueDate: '2026-03-01', amountCents: 100 }] }, 'plan.agreedOn', /YYYY-MM-DD/],
		];
		for (const [value, field, message] of cases) {
			try {
				parsePlan(value);
				throw new Error(`accepted ${JSON.stringify(value)}`);
			} catch (error) {
				expect(error).toBeInstanceOf(PlanError);
				expect([(error as PlanError).field, (error as PlanError).message]).toEqual([field, expect.stringMatching(message)]);
			}
		}
	});
});
