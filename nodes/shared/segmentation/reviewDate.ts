/**
 * When a segmentation must be made again for a record that does not change. The segmenter reads the
 * reference day (days past due, the windows of recent contacts and payments, terms in arrears), so
 * the same record can segment differently a few days later: a forgetful payer becomes a temporary
 * shortfall once the claim is longer overdue. A store that looks at a debtor only on the days
 * something can change (the Postgres daily journey) needs that day. It is found by segmenting the
 * following days one at a time: one rule for every day-dependent threshold, now and for any added
 * later, instead of a date worked out per threshold.
 */
import type { CheckedDates } from '../calendar/checkedDates';
import type { DayNumber } from '../calendar/days';
import type { DebtorRecord } from '../debtor/model';
import { segmentDebtor, type SegmentOptions, type Segmentation } from './segment';

/** The most days a look-ahead may cover (a year). */
export const MAX_LOOK_AHEAD_DAYS = 366;

/** What the Journey Planner reads of a segmentation: a change here can change the plan. */
function plannerView(s: Segmentation): string {
	return JSON.stringify([s.persona, s.tone, s.channels, s.signals, s.personalContact, s.arm?.group ?? null]);
}

/**
 * The first day after `options.referenceDay` on which segmenting the same record gives another
 * persona, tone, channels, signals, personal contact or experiment group than `current` (the
 * segmentation on the reference day); the day after the look-ahead when none of the
 * `lookAheadDays` following days does (the record is looked at again then, at the latest).
 * `dates` are the record's checked dates, as for segmentDebtor.
 */
export function segmentationReviewDay(
	record: DebtorRecord,
	options: SegmentOptions,
	current: Segmentation,
	lookAheadDays: number,
	dates?: CheckedDates,
): DayNumber {
	const today = options.referenceDay;
	const last = today + Math.min(Math.max(Math.floor(lookAheadDays), 1), MAX_LOOK_AHEAD_DAYS);
	const now = plannerView(current);
	for (let day = today + 1; day <= last; day++) {
		if (plannerView(segmentDebtor(record, { ...options, referenceDay: day }, dates)) !== now) return day;
	}
	return last + 1;
}
