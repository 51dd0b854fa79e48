/**
 * The day the journey next has something to do for a debtor, read from a plan: what the Postgres
 * store keeps as `sc_debtors.next_step_date`, so the daily run only loads debtors whose day has come
 * (plus those whose record changed since they were planned).
 */
import type { JourneyDecision } from './plan';

/**
 * The step's day (today when a step is due, a later day when waiting), else the end of a pause
 * (debt help, an arrangement on track); null when only a change of the record can bring new work:
 * nothing open (paid), stopped (deceased), a dispute or a contact of unknown outcome waiting for a
 * person, a finished ladder.
 */
export function nextStepDate(decision: Pick<JourneyDecision, 'earliestDate' | 'resumeDate'>): string | null {
	return decision.earliestDate ?? decision.resumeDate ?? null;
}
