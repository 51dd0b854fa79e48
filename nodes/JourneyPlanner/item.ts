/**
 * One item through the Journey Planner: reads the segmentation (or segments the debtor when the item
 * has none), the agreed arrangement when one is active, and plans. Kept out of the .node.ts file,
 * whose execute() may only throw n8n's own errors; runPerItem turns an ItemError into one.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Language } from '../shared/debtor/model';
import { parsePlan, PlanError, type ArrangementPlan } from '../shared/arrangement/check';
import { isoDate, parseIsoDate, type DutchCalendar } from '../shared/calendar';
import { assertDebtor } from '../shared/debtor/validate';
import { valueAtPath } from '../shared/fieldPath';
import { nextReviewDay } from '../shared/journey/nextReview';
import { isPersona, planJourney, type JourneyDecision, type JourneyOptions, type JourneySegmentation } from '../shared/journey/plan';
import type { Ladders } from '../shared/journey/ladders';
import { ItemError } from '../shared/n8n/items';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor, segmentationReviewDay, type SegmentOptions } from '../shared/segmentation';

export interface PlannerOptions {
	arrangementField?: string;
	assumeUsualDesignatedDays?: boolean;
	extendTerm?: boolean;
	extraDesignatedDays?: string;
	handoverAfterDays?: number;
	instalmentGraceDays?: number;
	instalmentReminderDays?: number;
	lookAheadDays?: number;
	municipalitySignal?: boolean;
	municipalitySignalAfterDays?: number;
	municipalitySignalledOn?: string;
	reversalNoticeDays?: number;
	thankYouWithinDays?: number;
}

export interface PlannerSettings {
	/** The reference day of the item (throws ItemError for a bad date). */
	dayOf: (i: number) => number;
	/** The calendar with the designated-day settings of the item's options (throws ItemError). */
	calendarOf: (extraDesignatedDays: string | undefined, assumeUsualDesignatedDays?: boolean) => DutchCalendar;
	language: Language;
	ladders: (i: number) => Ladders;
	pauseDaysOf: (i: number) => number;
	optionsOf: (i: number) => PlannerOptions;
}

const TONES = new Set(['supportive', 'neutral', 'firm']);

/** The segmentation on the item, checked; undefined when the item has none. */
function segmentationOf(json: IDataObject): JourneySegmentation | undefined {
	const value = json.segmentation as Record<string, unknown> | undefined;
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object') throw new ItemError('must be the Debtor Segmenter result (an object)', 'segmentation');
	if (!isPersona(value.persona)) throw new ItemError('must be one of the personas of the Debtor Segmenter', 'segmentation.persona');
	if (value.tone !== undefined && !TONES.has(value.tone as string)) throw new ItemError('must be supportive, neutral or firm', 'segmentation.tone');
	if (value.channels !== undefined && !Array.isArray(value.channels)) throw new ItemError('must be a list of channels', 'segmentation.channels');
	return value as unknown as JourneySegmentation;
}

/** The agreed plan at `field` (the plan itself, or a result with `plan`), a PlanError, or undefined when there is none. */
function arrangementPlanOf(json: IDataObject, field: string): ArrangementPlan | PlanError | undefined {
	const value = valueAtPath(json, field);
	if (value === undefined || value === null) return undefined;
	const candidate = typeof value === 'object' && (value as { plan?: unknown }).plan !== undefined ? (value as { plan: unknown }).plan : value;
	const prefix = candidate === value ? field : `${field}.plan`;
	if (typeof candidate === 'object' && candidate !== null && !Array.isArray((candidate as { instalments?: unknown }).instalments)) {
		// A proposal result (several plans) is not an agreed plan.
		return undefined;
	}
	try {
		return parsePlan(candidate, prefix);
	} catch (error) {
		return error instanceof PlanError ? error : undefined;
	}
}

/** Plans one item; throws ItemError (field named) for a bad record or setting. */
export function journeyOfItem(json: IDataObject, i: number, s: PlannerSettings): JourneyDecision {
	const record = assertDebtor(json, i);
	const today = s.dayOf(i);
	const options = s.optionsOf(i);
	const lookAheadDays = options.lookAheadDays ?? 0;
	let segmentation = segmentationOf(json);
	const computed = segmentation === undefined;
	// The day the segmentation may change: the segmenter's own (its look-ahead), else unknown, unless
	// the planner segments itself.
	let segmentationReview: number | undefined;
	if (segmentation) {
		if (lookAheadDays > 0 && segmentation.reviewDate !== undefined) {
			segmentationReview = parseIsoDate(String(segmentation.reviewDate));
			if (segmentationReview !== segmentationReview) throw new ItemError('must be a date written as YYYY-MM-DD', 'segmentation.reviewDate');
		}
	} else {
		const segmentOptions: SegmentOptions = { referenceDay: today, settings: DEFAULT_SEGMENTATION_SETTINGS, language: s.language };
		const own = segmentDebtor(record, segmentOptions);
		if (lookAheadDays > 0) segmentationReview = segmentationReviewDay(record, segmentOptions, own, lookAheadDays);
		segmentation = own;
	}
	let signalledOn: number | undefined;
	if (options.municipalitySignalledOn) {
		signalledOn = parseIsoDate(options.municipalitySignalledOn.trim());
		if (signalledOn !== signalledOn) throw new ItemError('must be a date written as YYYY-MM-DD', 'options.municipalitySignalledOn');
	}
	const field = options.arrangementField?.trim() || 'arrangement';
	let plan: ArrangementPlan | undefined;
	if (record.flags?.arrangementActive === true) {
		const found = arrangementPlanOf(json, field);
		if (found instanceof PlanError) throw new ItemError(found.message, found.field);
		plan = found;
	}
	const planOptions: JourneyOptions = {
		today,
		calendar: s.calendarOf(options.extraDesignatedDays, options.assumeUsualDesignatedDays),
		ladders: s.ladders(i),
		language: s.language,
		debtHelpPauseDays: s.pauseDaysOf(i),
		thankYouWithinDays: options.thankYouWithinDays,
		handoverAfterDays: options.handoverAfterDays,
		reversalNoticeWithinDays: options.reversalNoticeDays,
		extendPastNonWorkingDay: options.extendTerm !== false,
		arrangement: { plan, field, reminderDays: options.instalmentReminderDays, graceDays: options.instalmentGraceDays },
		municipality:
			options.municipalitySignal === false
				? false
				: { signalAfterDays: options.municipalitySignalAfterDays, ...(signalledOn !== undefined ? { signalledOn } : {}) },
		segmentationComputed: computed,
	};
	const decision = planJourney(record, segmentation, planOptions);
	if (lookAheadDays > 0) {
		const day = nextReviewDay(record, segmentation, planOptions, decision, segmentationReview, lookAheadDays);
		decision.nextReviewDate = day === null ? null : isoDate(day);
	}
	return decision;
}
