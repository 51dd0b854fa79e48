/**
 * Reads a debtor's contact history the way the journey and the cost gate need it: which stage went
 * out for which claim on which (Amsterdam) day, and when each claim's 14-day letter was sent. Pure
 * functions of the record, so planning twice on the same day with the same history gives the same
 * answer.
 */
import type { DutchCalendar } from '../calendar/calendar';
import { amsterdamLocalDay } from '../calendar/amsterdam';
import { parseIsoDate, type DayNumber } from '../calendar/days';
import { fourteenDayLetterTerm, type FourteenDayLetterTerm } from '../calendar/letterTerm';
import type { Claim, Contact, DebtorRecord, Stage } from '../debtor/model';

/** Calendar day (Europe/Amsterdam) of an ISO date-time or date; NaN when it cannot be read. */
export function contactDay(at: unknown): DayNumber {
	if (typeof at !== 'string') return Number.NaN;
	if (at.length === 10) return parseIsoDate(at);
	const ms = Date.parse(at);
	return Number.isFinite(ms) ? amsterdamLocalDay(ms) : Number.NaN;
}

/**
 * Whether an outbound contact went out as far as the journey is concerned: not `failed`, and not
 * `unconfirmed` (started, outcome unknown). An unconfirmed contact neither counts as a step taken nor
 * starts a 14-day letter's term; the planner holds the journey until a person records the outcome.
 */
export function wentOut(contact: Pick<Contact, 'direction' | 'outcome'>): boolean {
	return contact.direction === 'outbound' && contact.outcome !== 'failed' && contact.outcome !== 'unconfirmed';
}

/**
 * Which time `stage` goes out about `claimIds`: 1 + the most outbound contacts of that stage one of
 * the claims already has up to `today` (a contact without claimId counts for every claim; no claims:
 * every contact of the stage), whatever their outcome. Until the contact is recorded, every later
 * day gives the same number, so debtor, claims, stage and occurrence name one contact across days
 * (the Channel Sender's key after a crash); a recorded attempt, even a failed one, moves it on, so a
 * retry is a new contact.
 */
export function stageOccurrence(contacts: readonly Contact[] | undefined, stage: Stage, claimIds: readonly string[], today: DayNumber): number {
	let everyClaim = 0;
	const perClaim = new Map<string, number>();
	for (const contact of contacts ?? []) {
		if (contact.direction !== 'outbound' || contact.stage !== stage) continue;
		const day = contactDay(contact.at);
		if (day !== day || day > today) continue;
		if (contact.claimId === undefined || claimIds.length === 0) everyClaim++;
		else if (claimIds.includes(contact.claimId)) perClaim.set(contact.claimId, (perClaim.get(contact.claimId) ?? 0) + 1);
	}
	let most = 0;
	for (const count of perClaim.values()) most = Math.max(most, count);
	return everyClaim + most + 1;
}

/** First day a claim is in default (verzuim): its default date, or the day after its due date. */
export function defaultDayOf(claim: Pick<Claim, 'dueDate' | 'defaultDate'>): DayNumber {
	if (claim.defaultDate !== undefined) {
		const day = parseIsoDate(claim.defaultDate);
		if (day === day) return day;
	}
	return parseIsoDate(claim.dueDate) + 1;
}

/** Where we learnt that a claim's 14-day letter went out. */
export type LetterSource = 'contacts' | 'journey' | 'schedule' | 'parameter';

/** The first 14-day letter of a claim and its legal term. */
export interface ClaimLetter {
	claimId: string;
	sentDay: DayNumber;
	source: LetterSource;
	term: FourteenDayLetterTerm;
}

/** A letter date from somewhere else than the contact history, for some claims or for all in default then. */
export interface LetterDate {
	sentDay: DayNumber;
	claimIds?: string[];
	source: LetterSource;
}

export interface LetterOptions {
	/** Move a last day on a Saturday, Sunday or holiday to the next working day (default true). */
	extendPastNonWorkingDay?: boolean;
	/** Letter dates from the item's journey/schedule data or a parameter. */
	extra?: LetterDate[];
}

/**
 * The first 14-day letter per claim. A letter contact with a claimId covers that claim; one without
 * a claimId (or an extra date without claimIds) covers every claim that was in default on the send
 * day. Later letters for the same claim are ignored: only the first one can start the term.
 */
export function claimLetters(record: DebtorRecord, calendar: DutchCalendar, options: LetterOptions = {}): Map<string, ClaimLetter> {
	const dates: LetterDate[] = [];
	for (const contact of record.contacts ?? []) {
		if (!wentOut(contact) || contact.stage !== 'fourteen-day-letter') continue;
		const day = contactDay(contact.at);
		if (day !== day) continue;
		dates.push({ sentDay: day, claimIds: contact.claimId === undefined ? undefined : [contact.claimId], source: 'contacts' });
	}
	for (const extra of options.extra ?? []) dates.push(extra);
	dates.sort((a, b) => a.sentDay - b.sentDay);
	const letters = new Map<string, ClaimLetter>();
	if (dates.length === 0) return letters;
	const claims = record.claims ?? [];
	const termOptions = { extendPastNonWorkingDay: options.extendPastNonWorkingDay !== false };
	for (const date of dates) {
		const covered = date.claimIds ?? claims.filter((claim) => defaultDayOf(claim) <= date.sentDay).map((claim) => claim.claimId);
		for (const claimId of covered) {
			if (letters.has(claimId)) continue;
			letters.set(claimId, { claimId, sentDay: date.sentDay, source: date.source, term: fourteenDayLetterTerm(date.sentDay, calendar, termOptions) });
		}
	}
	return letters;
}

// The letter term as ISO dates has its home beside the term; node files import it from here.

/**
 * Letter dates carried by an item's other results: `journey.letters[]` ({ claimId, sentDate }), and a
 * `sentDate`/`sendDate` in `schedule`, `schedule.fourteenDayLetter` or `schedule.letterTerm` (with
 * optional `claimIds`). Dates after `today` are plans, not letters that went out, so they are left out.
 */
export function letterDatesFromItem(item: Record<string, unknown>, today: DayNumber): LetterDate[] {
	const dates: LetterDate[] = [];
	const journey = item.journey as { letters?: unknown } | undefined;
	if (journey && Array.isArray(journey.letters)) {
		for (const letter of journey.letters as Array<Record<string, unknown>>) {
			const day = parseIsoDate(letter?.sentDate);
			if (day === day && day <= today && typeof letter.claimId === 'string') dates.push({ sentDay: day, claimIds: [letter.claimId], source: 'journey' });
		}
	}
	const schedule = item.schedule as Record<string, unknown> | undefined;
	if (schedule && typeof schedule === 'object') {
		for (const candidate of [schedule, schedule.fourteenDayLetter, schedule.letterTerm]) {
			if (!candidate || typeof candidate !== 'object') continue;
			const value = candidate as Record<string, unknown>;
			const day = parseIsoDate(value.sentDate ?? value.sendDate);
			if (day !== day || day > today) continue;
			const claimIds = Array.isArray(value.claimIds) ? (value.claimIds as unknown[]).filter((id): id is string => typeof id === 'string') : undefined;
			dates.push({ sentDay: day, claimIds, source: 'schedule' });
			break;
		}
	}
	return dates;
}
