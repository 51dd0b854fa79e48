/**
 * The rows of a generated portfolio for the Postgres store (`sc_debtors`), as PostgreSQL's COPY
 * text format: each debtor of test/fixtures/portfolio with its status and the day its next journey
 * step is due, planned the way the daily journey plans (Debtor Segmenter's domain, then the Journey
 * Planner's, on the benchmark day). Pure (no I/O), one row at a time: scaleSeed.ts streams them
 * into PostgreSQL. `calibrateArrearsShare` finds the generator's arrearsShare that gives a wanted
 * share of debtors due on the day.
 */
import { dayNumber, getDutchCalendar, isoDate } from '../../nodes/shared/calendar';
import type { DebtorRecord } from '../../nodes/shared/debtor/model';
import { nextReviewDay, parseLadders, planJourney, type JourneyOptions } from '../../nodes/shared/journey';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor, segmentationReviewDay, type SegmentOptions } from '../../nodes/shared/segmentation';
import { LOOK_AHEAD_DAYS } from '../../workflows/src/01-daily-collection-journey';
import { DEFAULT_REFERENCE_DATE, debtorIdFor, generateDebtor, generatePortfolio } from '../fixtures/portfolio';

/** Seed of the benchmark portfolio unless another is given (as in workflowDailyJourney.ts). */
export const DEFAULT_SEED = 2026;
/** The benchmark day: the first working day after the portfolio's default export day. */
export const DEFAULT_BENCH_DAY = '2026-07-01';

export interface SeedRowOptions {
	count: number;
	seed?: number;
	/** Index of the first debtor (default 0). */
	startIndex?: number;
	/** The day the portfolio is exported (the generator's reference date). */
	referenceDate?: string;
	/** The benchmark day: each debtor is planned on it, before its run. */
	day?: string;
	/** The generator's share of debtors of the personas other than current (unset: the default mix). */
	arrearsShare?: number;
	/** Also fill `planned_on` (a column a later migration may add) with the day before `day`. */
	plannedOn?: boolean;
}

export interface SeedRow {
	index: number;
	debtorId: string;
	/** One line of COPY text for SEED_COLUMNS (plus planned_on when asked), ending in a newline. */
	line: string;
	open: boolean;
	nextStepDate: string | null;
	/** A step is due on the benchmark day or before: the daily run of that day must take it. */
	due: boolean;
}

/** The columns every seeded row fills, in COPY order; the others keep their defaults (version 1). */
export const SEED_COLUMNS = ['debtor_id', 'status', 'record', 'next_step_date', 'planned_version'] as const;

/**
 * A value in COPY's text format: backslash, newline, carriage return and tab escaped (JSON.stringify
 * never writes a raw control character, but a backslash in a name or a reason is possible).
 */
export function copyText(value: string): string {
	return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')) : value;
}

/** The index of a debtor id of the generator (`S<seed>-D<index>`), or undefined for another id. */
export function indexOfDebtorId(debtorId: string, seed: number): number | undefined {
	const match = /^S(\d+)-D(\d+)$/.exec(debtorId);
	return match && Number(match[1]) === seed ? Number(match[2]) : undefined;
}

/**
 * Plans one record on `today` the way the daily journey does (segment, then plan, both with the
 * Postgres edition's look-ahead) and returns the day it must be looked at: `today` when a step is due,
 * else its next review date.
 */
export function plannedNextStep(record: DebtorRecord, today: number): string | null {
	const segmentOptions: SegmentOptions = { referenceDay: today, settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' };
	const segmentation = segmentDebtor(record, segmentOptions);
	const planOptions: JourneyOptions = { today, calendar: CALENDAR, ladders: LADDERS, language: 'en' };
	const decision = planJourney(record, segmentation, planOptions);
	if (decision.action === 'step') return isoDate(today);
	const next = nextReviewDay(record, segmentation, planOptions, decision, segmentationReviewDay(record, segmentOptions, segmentation, LOOK_AHEAD_DAYS), LOOK_AHEAD_DAYS);
	return next === null ? null : isoDate(next);
}

const CALENDAR = getDutchCalendar();
const LADDERS = parseLadders(undefined);

/** The store's status of a record: open while a claim has something open (as workflows/src/recordChange.ts decides). */
export function statusOf(record: DebtorRecord): 'open' | 'closed' {
	return (record.claims ?? []).some((claim) => claim.openCents > 0) ? 'open' : 'closed';
}

function rowOf(index: number, record: DebtorRecord, today: number, dayIso: string, plannedOnText: string | undefined): SeedRow {
	const open = statusOf(record) === 'open';
	// A closed debtor is never loaded by the daily run: it has no next step until a change reopens it.
	const next = open ? plannedNextStep(record, today) : null;
	const fields = [record.debtorId, open ? 'open' : 'closed', copyText(JSON.stringify(record)), next ?? '\\N', '1'];
	if (plannedOnText !== undefined) fields.push(plannedOnText);
	return { index, debtorId: record.debtorId, line: `${fields.join('\t')}\n`, open, nextStepDate: next, due: next !== null && next <= dayIso };
}

/** The rows of debtors startIndex .. startIndex + count - 1, one at a time (constant memory). */
export function* seedRows(options: SeedRowOptions): Generator<SeedRow, void, undefined> {
	const seed = options.seed ?? DEFAULT_SEED;
	const dayIso = options.day ?? DEFAULT_BENCH_DAY;
	const today = dayNumber(dayIso);
	const plannedOnText = options.plannedOn ? isoDate(today - 1) : undefined;
	let index = options.startIndex ?? 0;
	for (const { record } of generatePortfolio({ seed, count: options.count, startIndex: index, referenceDate: options.referenceDate, arrearsShare: options.arrearsShare })) {
		yield rowOf(index++, record, today, dayIso, plannedOnText);
	}
}

/** The rows of the given debtor indexes (any order), regenerated exactly as seedRows made them. */
export function* seedRowsAt(indexes: Iterable<number>, options: Omit<SeedRowOptions, 'count' | 'startIndex'>): Generator<SeedRow, void, undefined> {
	const seed = options.seed ?? DEFAULT_SEED;
	const dayIso = options.day ?? DEFAULT_BENCH_DAY;
	const today = dayNumber(dayIso);
	const plannedOnText = options.plannedOn ? isoDate(today - 1) : undefined;
	for (const index of indexes) {
		const { record } = generateDebtor(seed, index, { referenceDate: options.referenceDate, arrearsShare: options.arrearsShare });
		yield rowOf(index, record, today, dayIso, plannedOnText);
	}
}

export interface Calibration {
	/** The generator setting that gives about the wanted due share. */
	arrearsShare: number;
	/** Share due on the day among debtors of the other personas (arrearsShare 1), and among `current` ones (arrearsShare 0). */
	dueAmongArrears: number;
	dueAmongCurrent: number;
	/** The due share this setting gives, expected from the sample. */
	expectedDueShare: number;
}

/**
 * The arrearsShare that gives about `dueShare` of debtors due on the day. The due share is linear
 * in arrearsShare (current debtors are due with one probability, the others with another), so two
 * samples (every debtor in arrears, none in arrears) fix the line. The samples use other indexes
 * than the portfolio (from 10^9 on) so they do not favour its first records.
 */
export function calibrateArrearsShare(dueShare: number, options: Omit<SeedRowOptions, 'count' | 'startIndex' | 'arrearsShare'> & { sample?: number } = {}): Calibration {
	if (!Number.isFinite(dueShare) || dueShare < 0 || dueShare > 1) throw new RangeError('the due share must be a number from 0 to 1');
	const sample = options.sample ?? 2000;
	const share = (arrearsShare: number) => {
		let due = 0;
		for (const row of seedRows({ ...options, count: sample, startIndex: 1_000_000_000, arrearsShare })) if (row.due) due++;
		return due / sample;
	};
	const dueAmongArrears = share(1);
	const dueAmongCurrent = share(0);
	const span = dueAmongArrears - dueAmongCurrent;
	const arrearsShare = span > 0 ? Math.min(1, Math.max(0, (dueShare - dueAmongCurrent) / span)) : dueShare > dueAmongCurrent ? 1 : 0;
	return { arrearsShare, dueAmongArrears, dueAmongCurrent, expectedDueShare: dueAmongCurrent + arrearsShare * span };
}

/** The generator's debtor id of an index (re-exported for the bench and its tests). */
export { debtorIdFor, DEFAULT_REFERENCE_DATE };
