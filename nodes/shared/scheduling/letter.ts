/**
 * The 14-day letter (art. 6:96 lid 6 BW) for a letter template: the dates from the shared calendar's
 * `fourteenDayLetterTerm` plus the wording accepted since the Hoge Raad ruling of 2016, in Dutch and
 * English. The letter goes on the first post day at or after the start (Monday to Saturday, no
 * holidays; no Saturdays if the creditor makes no contact then).
 */
import { formatDate, fourteenDayLetterTerm, termDates, weekday, type DayNumber, type LetterTermDates } from '../calendar';
import type { DebtorRecord, Language } from '../debtor/model';
import type { DebtorField } from '../debtor/validate';
import { isDeceased, notSchedulable, type NotSchedulable, type Scheduler } from './contact';
import type { LetterWording } from './settings';

/** The accepted term clauses (never "within 14 days of the letter date": that is invalid). */
export const LETTER_TERM_CLAUSES: Readonly<Record<LetterWording, Readonly<Record<Language, string>>>> = {
	'fourteen-days-from-day-after': {
		nl: 'binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd',
		en: 'within fourteen days from the day after this letter has been delivered to you',
	},
	'fifteen-days-after': {
		nl: 'binnen vijftien dagen nadat deze brief bij u is bezorgd',
		en: 'within fifteen days after this letter has been delivered to you',
	},
};

/** Ready-made text for the letter in one language. */
export interface LetterPhrases {
	/** The legal term clause, e.g. "binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd". */
	termClause: string;
	/** "Betaal het bedrag binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd." */
	paySentence: string;
	/** The computed dates as a service: presumed delivery and the last day to pay. */
	lastDaySentence: string;
	/** From when costs may be charged (the amount itself comes from the Collection Costs node). */
	costsSentence: string;
	/** Long dates for templates. */
	sentDate: string;
	presumedReceiptDate: string;
	lastDayToPay: string;
	costsFromDate: string;
}

export interface LetterTermSchedule extends LetterTermDates {
	operation: 'fourteenDayLetterTerm';
	status: 'scheduled';
	wording: LetterWording;
	phrases: { nl: LetterPhrases; en: LetterPhrases };
	reasonCodes: string[];
	reasons: string[];
}

function phrases(language: Language, wording: LetterWording, register: 'u' | 'je', days: { sent: DayNumber; receipt: DayNumber; last: DayNumber; costs: DayNumber }): LetterPhrases {
	const clause = LETTER_TERM_CLAUSES[wording][language];
	const date = (day: DayNumber) => formatDate(day, language, 'long');
	if (language === 'en') {
		return {
			termClause: clause,
			paySentence: `Please pay the amount ${clause}.`,
			lastDaySentence: `We assume this letter is delivered to you on ${date(days.receipt)}. Your last day to pay is then ${date(days.last)}.`,
			costsSentence: `If you have not paid by then, we will charge collection costs from ${date(days.costs)}.`,
			sentDate: date(days.sent),
			presumedReceiptDate: date(days.receipt),
			lastDayToPay: date(days.last),
			costsFromDate: date(days.costs),
		};
	}
	const informal = register === 'je';
	const nlClause = informal ? clause.replace('bij u is bezorgd', 'bij je is bezorgd') : clause;
	return {
		termClause: nlClause,
		paySentence: `Betaal het bedrag ${nlClause}.`,
		lastDaySentence: informal
			? `We gaan ervan uit dat deze brief op ${date(days.receipt)} bij je is bezorgd. Je laatste betaaldag is dan ${date(days.last)}.`
			: `Wij gaan ervan uit dat deze brief op ${date(days.receipt)} bij u is bezorgd. Uw laatste betaaldag is dan ${date(days.last)}.`,
		costsSentence: informal
			? `Heb je dan nog niet betaald, dan rekenen we vanaf ${date(days.costs)} incassokosten.`
			: `Heeft u dan nog niet betaald, dan brengen wij vanaf ${date(days.costs)} incassokosten in rekening.`,
		sentDate: date(days.sent),
		presumedReceiptDate: date(days.receipt),
		lastDayToPay: date(days.last),
		costsFromDate: date(days.costs),
	};
}

/** The first post day at or after `day`: Monday-Saturday, not a holiday or designated day (Saturday only if allowed). */
function nextPostDay(day: DayNumber, scheduler: Scheduler): DayNumber {
	const { calendar } = scheduler;
	const saturdays = scheduler.compiled.settings.saturdays;
	let d = day;
	while (!calendar.isContactDay(d) || (!saturdays && weekday(d) === 6)) d++;
	return d;
}

// The last answer per register (debtors of one run mix "u" and "je"), used by letterTerm only.
// Invariants: the answer depends on nothing but the scheduler, the start day and the register (the
// key), and a Scheduler does not change after it is made (it is compared by identity); the stored
// answer is never handed out itself, only copies (see letterTerm).
const lastTerms: Record<'u' | 'je', { scheduler: Scheduler; startDay: DayNumber; term: LetterTermSchedule } | undefined> = { u: undefined, je: undefined };

/**
 * Dates and wording of the 14-day letter sent on (the first post day at or after) `startDay`. The
 * answer for the same start day, register and scheduler is worked out once (see lastTerms) and handed
 * out as a fresh copy: new objects and lists, so a later node may change one item's result; the
 * strings inside are shared, they cannot change. Invariant: a field of LetterTermSchedule that holds
 * an object or a list must be copied here too.
 */
export function letterTerm(startDay: DayNumber, scheduler: Scheduler, register: 'u' | 'je' = 'u'): LetterTermSchedule {
	let last = lastTerms[register];
	if (last === undefined || last.scheduler !== scheduler || last.startDay !== startDay) {
		last = lastTerms[register] = { scheduler, startDay, term: workOutLetterTerm(startDay, scheduler, register) };
	}
	const term = last.term;
	return {
		...term,
		phrases: { nl: { ...term.phrases.nl }, en: { ...term.phrases.en } },
		reasonCodes: term.reasonCodes.slice(),
		reasons: term.reasons.slice(),
	};
}

function workOutLetterTerm(startDay: DayNumber, scheduler: Scheduler, register: 'u' | 'je'): LetterTermSchedule {
	const { calendar, language } = scheduler;
	const s = scheduler.compiled.settings;
	const sent = nextPostDay(startDay, scheduler);
	const term = fourteenDayLetterTerm(sent, calendar, { extendPastNonWorkingDay: s.extendLetterTerm });
	if (s.letterWording === 'fifteen-days-after') {
		// "Binnen vijftien dagen nadat ... bezorgd" reads as up to receipt + 15: print that (one day
		// more for the debtor, never less), extended past a non-working day in the same way.
		const plain = fourteenDayLetterTerm(sent, calendar, { extendPastNonWorkingDay: false }).lastDayToPay + 1;
		let last = plain;
		if (s.extendLetterTerm) while (!calendar.isWorkingDay(last)) last++;
		term.lastDayToPay = last;
		term.costsFromDay = last + 1;
		term.extended = last !== plain;
	}
	const days = { sent, receipt: term.presumedReceiptDay, last: term.lastDayToPay, costs: term.costsFromDay };
	const nl = language === 'nl';
	const reasons: string[] = [];
	const codes: string[] = [];
	if (sent !== startDay) {
		codes.push('letter-post-day');
		reasons.push(
			nl
				? `Op ${formatDate(startDay, 'nl', 'long')} gaat er geen post: verstuurd op ${formatDate(sent, 'nl', 'long')}.`
				: `No post on ${formatDate(startDay, 'en', 'long')}: sent on ${formatDate(sent, 'en', 'long')}.`,
		);
	}
	codes.push('presumed-receipt');
	reasons.push(
		nl
			? `Vermoedelijke ontvangst ${formatDate(days.receipt, 'nl', 'long')}: de tweede dag na verzending, zon- en maandagen en feestdagen niet meegeteld (Hoge Raad 2016).`
			: `Presumed receipt ${formatDate(days.receipt, 'en', 'long')}: the second day after sending, Sundays, Mondays and public holidays not counted (Hoge Raad 2016).`,
	);
	reasons.push(
		nl
			? `${s.letterWording === 'fifteen-days-after' ? 'Vijftien dagen na ontvangst' : 'Veertien dagen vanaf de dag na ontvangst'}: laatste betaaldag ${formatDate(days.last, 'nl', 'long')}; incassokosten vanaf ${formatDate(days.costs, 'nl', 'long')}.`
			: `${s.letterWording === 'fifteen-days-after' ? 'Fifteen days after receipt' : 'Fourteen days from the day after receipt'}: last day to pay ${formatDate(days.last, 'en', 'long')}; collection costs from ${formatDate(days.costs, 'en', 'long')}.`,
	);
	if (term.extended) {
		codes.push('term-extended');
		reasons.push(
			nl
				? 'De termijn eindigde op een zaterdag, zondag of feestdag en loopt door tot de eerstvolgende werkdag (Algemene termijnenwet).'
				: 'The term ended on a Saturday, Sunday or public holiday and runs on to the next working day (Algemene termijnenwet).',
		);
	}
	return {
		operation: 'fourteenDayLetterTerm',
		status: 'scheduled',
		...termDates(term),
		wording: s.letterWording,
		phrases: { nl: phrases('nl', s.letterWording, register, days), en: phrases('en', s.letterWording, register, days) },
		reasonCodes: codes,
		reasons,
	};
}

/** The fields of the debtor record fourteenDayLetterFor reads (a test holds it to that); the debtor id is checked always. */
export const LETTER_TERM_FIELDS: readonly DebtorField[] = ['flags', 'reversals', 'register'];

/** The 14-day letter for a debtor: in the debtor's register, and never for a deceased debtor (bereavement flow instead). */
export function fourteenDayLetterFor(record: DebtorRecord, startDay: DayNumber, scheduler: Scheduler): LetterTermSchedule | NotSchedulable {
	if (isDeceased(record)) {
		return notSchedulable('fourteenDayLetterTerm', 'deceased', 'stop-all', {
			nl: 'De schuldenaar is overleden (vlag of storno MD07): geen veertiendagenbrief, alle incassostappen stoppen.',
			en: 'The debtor has died (flag or reversal MD07): no 14-day letter, every collection step stops.',
		}, scheduler.language);
	}
	return letterTerm(startDay, scheduler, record.register === 'je' ? 'je' : 'u');
}
