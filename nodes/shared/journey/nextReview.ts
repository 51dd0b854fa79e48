/**
 * The next review date: the first day after the reference day on which the journey may decide
 * something else for a debtor whose record does not change. The Postgres store keeps it as
 * `sc_debtors.next_step_date`, so its daily run loads only the debtors whose day has come (and those
 * whose record changed since they were planned) and still decides, every day, what a run that looked
 * at every debtor would decide.
 *
 * A plan can change on a day no single date of the plan names: another claim's step falls due, a
 * letter's term ends, a pause ends, or the segmentation changes (the segmenter reads the day too; its
 * own review day comes with the segmentation, see segmentation/reviewDate.ts). So the rule plans the
 * following days one at a time, up to the first of those dates it knows, and takes the first day the
 * plan differs: one rule for every day-dependent gate of the planner, now and for any added later.
 */
import type { DayNumber } from '../calendar/days';
import { parseIsoDate } from '../calendar/days';
import type { DebtorRecord } from '../debtor/model';
import { planJourney, type JourneyDecision, type JourneyOptions, type JourneySegmentation } from './plan';

/** Whether two plans of the same record on different days decide the same (what the journey acts on). */
function sameDecision(a: JourneyDecision, b: JourneyDecision): boolean {
	return (
		a.action === b.action &&
		a.reason === b.reason &&
		a.stage === b.stage &&
		a.channel === b.channel &&
		a.tone === b.tone &&
		a.personalContact === b.personalContact &&
		a.afterPayday === b.afterPayday &&
		a.claimIds.join(',') === b.claimIds.join(',')
	);
}

/**
 * The next review day for `decision` (the plan of `record` on `options.today`), or null when only a
 * change of the record can bring new work: nothing open (paid) or stopped (deceased).
 *
 * The first later day on which planning the same record decides otherwise (another action, reason,
 * stage, channel, tone or claims), looking no further than `segmentationReviewDay` (the day the
 * segmentation may change; undefined: unknown, so tomorrow), the look-ahead and, while waiting, the
 * waiting step's own day and the end of a pause; the first of these when no earlier day differs.
 * For a step due today that is the day it would stop being the step (a reversal notice's days run
 * out, another claim's step comes first): a step that waits for its moment (payday) is looked at
 * again then, if that comes before the moment.
 */
export function nextReviewDay(
	record: DebtorRecord,
	segmentation: JourneySegmentation,
	options: JourneyOptions,
	decision: JourneyDecision,
	segmentationReviewDay: DayNumber | undefined,
	lookAheadDays: number,
): DayNumber | null {
	const today = options.today;
	if (decision.reason === 'paid' || decision.reason === 'stopped') return null;
	let bound = today + Math.max(Math.floor(lookAheadDays), 1) + 1;
	if (decision.action !== 'step') {
		for (const date of [decision.earliestDate, decision.resumeDate]) {
			const day = date === null ? Number.NaN : parseIsoDate(date);
			if (day === day && day < bound) bound = day;
		}
	}
	bound = Math.max(Math.min(bound, segmentationReviewDay ?? today + 1), today + 1);
	for (let day = today + 1; day < bound; day++) {
		if (!sameDecision(planJourney(record, segmentation, { ...options, today: day }), decision)) return day;
	}
	return bound;
}
