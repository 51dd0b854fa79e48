import { dayNumber, isoDate } from '../../../nodes/shared/calendar';
import { nextStepDate } from '../../../nodes/shared/journey';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor } from '../../../nodes/shared/segmentation';
import { generatePortfolio } from '../../fixtures/portfolio';
import { claim, debtor, plan, seg } from './helpers';

describe('nextStepDate', () => {
	it('is the step day, else the end of a pause, else null', () => {
		const due = plan(debtor([claim('C-1', '2026-03-02')]), seg('forgetful'), '2026-04-01');
		expect([due.action, nextStepDate(due)]).toEqual(['step', '2026-04-01']);
		const waiting = plan(debtor([claim('C-1', '2026-06-25')]), seg('forgetful'), '2026-06-26');
		expect(waiting.action).toBe('none');
		expect(nextStepDate(waiting)).toBe(waiting.earliestDate);
		expect(nextStepDate(waiting)! > '2026-06-26').toBe(true);
		const helped = plan(debtor([claim('C-1', '2026-03-02')], { flags: { debtHelp: true, debtHelpSince: '2026-03-10' } }), seg('debt-help'), '2026-03-20');
		expect([helped.reason, nextStepDate(helped)]).toEqual(['paused', '2026-04-09']);
		const paid = plan(debtor([claim('C-1', '2026-03-02', 0)]), seg('current'), '2026-04-01');
		expect([paid.reason, nextStepDate(paid)]).toEqual(['paid', null]);
	});

	// The promise the Postgres store relies on: a debtor whose record does not change has no step on
	// any day before its next step date (so the daily run may leave it unloaded until then).
	it('no generated debtor has a step due before its next step date while its record stays the same', () => {
		const from = dayNumber('2026-07-01');
		let checked = 0;
		for (const { record } of generatePortfolio({ seed: 31, count: 120, arrearsShare: 0.8 })) {
			const segmentation = (day: number) => segmentDebtor(record, { referenceDay: day, settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' });
			const first = plan(record, segmentation(from), isoDate(from));
			const next = nextStepDate(first);
			const until = next === null ? from + 45 : Math.min(dayNumber(next) - 1, from + 45);
			for (let day = from + 1; day <= until; day++) {
				const later = plan(record, segmentation(day), isoDate(day));
				expect({ debtorId: record.debtorId, day: isoDate(day), next, action: later.action }).toEqual({ debtorId: record.debtorId, day: isoDate(day), next, action: 'none' });
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(500);
	});
});
