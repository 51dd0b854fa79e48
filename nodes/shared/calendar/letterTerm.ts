import type { DutchCalendar } from './calendar';
import { isoDate, weekday, type DayNumber } from './days';

/** Outcome of the 14-day letter computation (all values are day numbers). */
export interface FourteenDayLetterTerm {
	/** Day the letter was sent (posted). */
	sentDay: DayNumber;
	/** Presumed day of receipt (the second postal delivery day after sending). */
	presumedReceiptDay: DayNumber;
	/** First day of the 14-day term: the day after receipt. */
	termStartDay: DayNumber;
	/** Last day the debtor may pay without collection costs. */
	lastDayToPay: DayNumber;
	/** First day extrajudicial collection costs may be charged (the day after the last day). */
	costsFromDay: DayNumber;
	/** True when the last day was moved past a Saturday, Sunday, holiday or designated day. */
	extended: boolean;
}

/** Options for `fourteenDayLetterTerm`. */
export interface FourteenDayLetterOptions {
	/**
	 * Move a last day that falls on a Saturday, Sunday, general holiday or designated day to the next
	 * day that is none of these (Algemene termijnenwet art. 1). Default true: the careful choice.
	 */
	extendPastNonWorkingDay?: boolean;
}

// A day that counts for presumed postal delivery: not a Sunday, not a Monday (no regular letter
// post), not a general holiday or designated day (Good Friday included: the later receipt date is
// the safe side for the debtor). Saturdays do count.
function isDeliveryDay(day: DayNumber, calendar: DutchCalendar): boolean {
	return calendar.isContactDay(day) && weekday(day) !== 1;
}

/**
 * Term of the 14-day letter (art. 6:96 lid 6 BW). Receipt is presumed on the second day after
 * sending, where Sundays, Mondays and general holidays or designated days count neither as
 * in-between day nor as delivery day (Hoge Raad 2016); the term is 14 days starting the day after
 * receipt. Example: sent Friday 2026-04-24, received Tuesday 2026-04-28, last day Tuesday 2026-05-12.
 */
export function fourteenDayLetterTerm(
	sendDay: DayNumber,
	calendar: DutchCalendar,
	options: FourteenDayLetterOptions = {},
): FourteenDayLetterTerm {
	calendar.weekday(sendDay); // range check with the calendar's message
	let receipt = sendDay;
	for (let counted = 0; counted < 2; ) {
		receipt++;
		if (isDeliveryDay(receipt, calendar)) counted++;
	}
	const termStartDay = receipt + 1;
	const plainLastDay = termStartDay + 13;
	let lastDayToPay = plainLastDay;
	if (options.extendPastNonWorkingDay !== false) {
		while (!calendar.isWorkingDay(lastDayToPay)) lastDayToPay++;
	}
	return {
		sentDay: sendDay,
		presumedReceiptDay: receipt,
		termStartDay,
		lastDayToPay,
		costsFromDay: lastDayToPay + 1,
		extended: lastDayToPay !== plainLastDay,
	};
}

/** A letter term as ISO dates, for outputs. */
export interface LetterTermDates {
	sentDate: string;
	presumedReceiptDate: string;
	termStartDate: string;
	lastDayToPay: string;
	costsFromDate: string;
	extended: boolean;
}

/** ISO dates of a 14-day letter term. */
export function termDates(term: FourteenDayLetterTerm): LetterTermDates {
	return {
		sentDate: isoDate(term.sentDay),
		presumedReceiptDate: isoDate(term.presumedReceiptDay),
		termStartDate: isoDate(term.termStartDay),
		lastDayToPay: isoDate(term.lastDayToPay),
		costsFromDate: isoDate(term.costsFromDay),
		extended: term.extended,
	};
}
