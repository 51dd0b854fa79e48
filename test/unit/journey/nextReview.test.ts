import { dayNumber, isoDate } from '../../../nodes/shared/calendar';
import type { DebtorRecord } from '../../../nodes/shared/debtor/model';
import { nextReviewDay, type JourneyOptions } from '../../../nodes/shared/journey';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor, segmentationReviewDay, type SegmentOptions } from '../../../nodes/shared/segmentation';
import { generatePortfolio } from '../../fixtures/portfolio';
import { calendar, claim, debtor, ladders, plan, seg } from './helpers';

const options = (date: string): JourneyOptions => ({ today: dayNumber(date), calendar, ladders, language: 'en' });
const review = (record: DebtorRecord, segmentationReview: string | undefined, date: string, lookAhead = 31) => {
	const decision = plan(record, seg('forgetful'), date);
	const day = nextReviewDay(record, seg('forgetful'), options(date), decision, segmentationReview === undefined ? undefined : dayNumber(segmentationReview), lookAhead);
	return day === null ? null : isoDate(day);
};

describe('nextReviewDay', () => {
	it('is the step day while waiting, null when paid', () => {
		const waiting = plan(debtor([claim('C-1', '2026-06-25')]), seg('forgetful'), '2026-06-26');
		expect(waiting.action).toBe('none');
		expect(review(debtor([claim('C-1', '2026-06-25')]), '2026-08-01', '2026-06-26')).toBe(waiting.earliestDate);
		expect(review(debtor([claim('C-1', '2026-03-02', 0)]), '2026-05-01', '2026-04-01')).toBeNull();
	});

	it('for a step due today (which may wait for its moment): the day it stops being the step', () => {
		// A reversal notice is due within 7 days of the returned debit (2026-03-04); were it waiting for
		// payday, on 2026-03-12 the plan turns to the ladder's step instead.
		const reversed = debtor([claim('C-1', '2026-03-02')], { paymentMethod: 'direct-debit', reversals: [{ claimId: 'C-1', amountCents: 50000, date: '2026-03-04', reasonCode: 'AM04' }] });
		const reviewOf = (date: string) => {
			const decision = plan(reversed, seg('temporary-shortfall'), date);
			expect([decision.action, decision.stage]).toEqual(['step', 'reversal-notice']);
			return isoDate(nextReviewDay(reversed, seg('temporary-shortfall'), options(date), decision, dayNumber('2026-05-01'), 31)!);
		};
		// Thursday: on Sunday no step is due (no contact on a Sunday), a change of its own.
		expect(reviewOf('2026-03-05')).toBe('2026-03-08');
		expect(plan(reversed, seg('temporary-shortfall'), '2026-03-08').action).toBe('none');
		// Monday: the notice stays the step until its days run out; on Thursday the first reminder.
		expect(reviewOf('2026-03-09')).toBe('2026-03-12');
		expect(plan(reversed, seg('temporary-shortfall'), '2026-03-12').stage).toBe('reminder-1');
		// A step that stays the step: the look-ahead, or the segmentation's review day when sooner.
		const due = debtor([claim('C-1', '2026-03-02')]);
		expect(plan(due, seg('forgetful'), '2026-04-01').action).toBe('step');
		expect(review(due, '2026-04-03', '2026-04-01')).toBe('2026-04-03');
	});

	it('is never later than the segmentation review day, and tomorrow when that day is unknown', () => {
		const record = debtor([claim('C-1', '2026-06-25')]);
		expect(review(record, '2026-06-28', '2026-06-26')).toBe('2026-06-28');
		expect(review(record, undefined, '2026-06-26')).toBe('2026-06-27');
	});

	it('is the end of a debt-help pause, and never later than the look-ahead', () => {
		const helped = debtor([claim('C-1', '2026-03-02')], { flags: { debtHelp: true, debtHelpSince: '2026-03-10' } });
		const decision = plan(helped, seg('debt-help'), '2026-03-20');
		expect([decision.reason, isoDate(nextReviewDay(helped, seg('debt-help'), options('2026-03-20'), decision, dayNumber('2026-06-01'), 31)!)]).toEqual(['paused', '2026-04-09']);
		expect(isoDate(nextReviewDay(helped, seg('debt-help'), options('2026-03-20'), decision, dayNumber('2026-06-01'), 5)!)).toBe('2026-03-26');
	});

	// The promise the Postgres store relies on. Each generated debtor is walked twice over two months:
	// looked at every day (as the Data Table edition does), and only on its next review date (as the
	// Postgres edition does); each step is "sent" (logged as a contact). Both walks send the same steps
	// on the same days, also where the segmentation changes with the day (a forgetful payer turning
	// into a temporary shortfall) or another claim falls due.
	it.each([17, 31])('a debtor looked at only on its next review date gets the same steps on the same days (seed %i)', (seed) => {
		const from = dayNumber('2026-07-01');
		const to = dayNumber('2026-08-31');
		const LOOK_AHEAD = 31;
		const planned = (record: DebtorRecord, day: number) => {
			const segmentOptions: SegmentOptions = { referenceDay: day, settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' };
			const segmentation = segmentDebtor(record, segmentOptions);
			const decision = plan(record, segmentation, isoDate(day));
			const next = () => nextReviewDay(record, segmentation, options(isoDate(day)), decision, segmentationReviewDay(record, segmentOptions, segmentation, LOOK_AHEAD), LOOK_AHEAD);
			return { decision, next };
		};
		const walk = (record: DebtorRecord, onlyOnReview: boolean) => {
			let current = record;
			let next: number | null = from;
			let looks = 0;
			const steps: string[] = [];
			for (let day = from; day <= to; day++) {
				if (onlyOnReview && (next === null || day < next)) continue;
				looks++;
				const { decision, next: review } = planned(current, day);
				if (decision.action === 'step') {
					steps.push(`${isoDate(day)} ${decision.stage} ${decision.claimIds.join(',')}`);
					const at = `${isoDate(day)}T10:00:00+02:00`;
					current = { ...current, contacts: [...(current.contacts ?? []), ...decision.claimIds.map((claimId) => ({ at, channel: decision.channel ?? 'email', direction: 'outbound' as const, stage: decision.stage!, outcome: 'sent' as const, claimId }))] };
				}
				// After a step the record changed (its contact): the next day, as the workflow plans it.
				if (onlyOnReview) {
					next = decision.action === 'step' ? day + 1 : review();
					if (next !== null && next <= day) throw new Error(`${record.debtorId} ${isoDate(day)}: next review ${isoDate(next)} is not later`);
				}
			}
			return { steps, looks };
		};
		let daily = 0;
		let reviewed = 0;
		let stepCount = 0;
		for (const { record } of generatePortfolio({ seed, count: 600, referenceDate: '2026-06-30' })) {
			const everyDay = walk(record, false);
			const onReview = walk(record, true);
			expect({ debtorId: record.debtorId, steps: onReview.steps }).toEqual({ debtorId: record.debtorId, steps: everyDay.steps });
			daily += everyDay.looks;
			reviewed += onReview.looks;
			stepCount += everyDay.steps.length;
		}
		expect(stepCount).toBeGreaterThan(300);
		// The point of the date: most days most debtors are not looked at.
		expect(reviewed).toBeLessThan(daily / 3);
	});
});
