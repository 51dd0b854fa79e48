/**
 * Reasons in plain Dutch and English: every shift of a moment or date says why ("moved from Sunday
 * to Monday 07:00", "after the expected salary on the 25th"), so collectors can explain it.
 */
import type { Channel, IncomeType, Language } from '../debtor/model';
import { formatDate, weekday, type DayNumber, type DutchCalendar, type ExpectedIncome } from '../calendar';
import { describeMoment, formatMinute, localDayOf } from './moments';

/** @deprecated use Language (debtor/model.ts) */

const CHANNEL_NAMES: Readonly<Record<Channel, Readonly<Record<Language, string>>>> = {
	email: { nl: 'e-mail', en: 'e-mail' },
	sms: { nl: 'sms', en: 'text message' },
	whatsapp: { nl: 'WhatsApp-bericht', en: 'WhatsApp message' },
	letter: { nl: 'brief', en: 'letter' },
	phone: { nl: 'telefoongesprek', en: 'phone call' },
};

/** Name of a channel (or a history channel such as portal) in a language. */
export function channelName(channel: string, language: Language): string {
	const names = (CHANNEL_NAMES as Record<string, Record<Language, string>>)[channel];
	return names ? names[language] : channel;
}

const INCOME_NAMES: Readonly<Record<IncomeType, Readonly<Record<Language, string>>>> = {
	'salary-monthly': { nl: 'het salaris', en: 'the salary' },
	'salary-four-weekly': { nl: 'het vierwekelijkse salaris', en: 'the four-weekly salary' },
	aow: { nl: 'de AOW', en: 'the AOW pension' },
	'uwv-benefit': { nl: 'de UWV-uitkering', en: 'the UWV benefit' },
	ww: { nl: 'de WW-uitkering', en: 'the WW benefit' },
	bijstand: { nl: 'de bijstandsuitkering', en: 'the social assistance (bijstand)' },
	'chosen-day': { nl: 'het inkomen op de gekozen dag', en: 'the income on the chosen day' },
	unknown: { nl: 'het inkomen', en: 'the income' },
};

/** Why a moment was not allowed where it started. */
export type WindowCause =
	| 'before-opening'
	| 'after-closing'
	| 'sunday'
	| 'holiday'
	| 'designated-day'
	| 'saturday-off'
	| 'creditor-closed'
	| 'creditor-before-opening'
	| 'creditor-after-closing';

/** One step of the search, kept to explain the result. */
export type ScheduleEvent =
	| { kind: 'window'; from: number; to: number; cause: WindowCause; letter: boolean; channel: Channel }
	| { kind: 'payday'; from: number; to: number; window: IncomeWindow }
	| { kind: 'weekly-cap'; from: number; to: number }
	| { kind: 'min-gap'; from: number; to: number; contactAt: number }
	| { kind: 'channel-gap'; from: number; to: number; contactAt: number };

/** Reason codes of the events, in order, without repeats. */
export function reasonCodes(events: readonly ScheduleEvent[]): string[] {
	const codes: string[] = [];
	for (const event of events) {
		const code = event.kind === 'window' ? event.cause : event.kind;
		if (!codes.includes(code)) codes.push(code);
	}
	return codes;
}

function dayLabel(day: DayNumber, calendar: DutchCalendar, language: Language): string {
	const name = calendar.holidayName(day, language);
	const text = formatDate(day, language, 'long');
	return name ? `${text} (${name})` : text;
}

/** Why a whole day is not a contact day, e.g. "Sunday", "Easter Monday (public holiday)". */
function restDays(fromDay: DayNumber, toDay: DayNumber, calendar: DutchCalendar, saturdays: boolean, language: Language): string[] {
	const days: string[] = [];
	for (let day = fromDay + 1; day < toDay && days.length < 10; day++) {
		if (calendar.isContactDay(day) && (saturdays || weekday(day) !== 6)) continue;
		days.push(dayLabel(day, calendar, language));
	}
	return days;
}

function joinList(parts: string[], language: Language): string {
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} ${language === 'nl' ? 'en' : 'and'} ${parts[parts.length - 1]}`;
}

interface WindowFacts {
	start: number;
	end: number;
}

function causeText(cause: WindowCause, at: number, facts: WindowFacts, calendar: DutchCalendar, channel: Channel, language: Language): string {
	const nl = language === 'nl';
	const day = localDayOf(at);
	switch (cause) {
		case 'before-opening':
			return nl ? 'geen contact voor 07:00' : 'no contact before 07:00';
		case 'after-closing':
			return nl ? 'geen contact vanaf 20:00' : 'no contact from 20:00';
		case 'sunday':
			return nl ? 'geen contact op zondag' : 'no contact on Sundays';
		case 'holiday':
			return nl
				? `geen contact op een algemeen erkende feestdag (${calendar.holidayName(day, 'nl')})`
				: `no contact on a public holiday (${calendar.holidayName(day, 'en')})`;
		case 'designated-day':
			if (calendar.isAssumedDesignatedDay(day)) {
				return nl
					? 'geen contact op een dag die de overheid gewoonlijk met een feestdag gelijkstelt (voor dit jaar nog geen besluit)'
					: 'no contact on a day the government usually designates equal to a public holiday (no decree for this year yet)';
			}
			return nl
				? 'geen contact op een door de overheid met een feestdag gelijkgestelde dag'
				: 'no contact on a day the government designated equal to a public holiday';
		case 'saturday-off':
			return nl ? 'de schuldeiser neemt op zaterdag geen contact op' : 'the creditor does not make contact on Saturdays';
		case 'creditor-closed':
			return nl
				? `de schuldeiser stuurt op deze weekdag geen ${channelName(channel, 'nl')}`
				: `the creditor sends no ${channelName(channel, 'en')} on this weekday`;
		case 'creditor-before-opening':
		case 'creditor-after-closing':
			return nl
				? `buiten de tijden van de schuldeiser voor ${channelName(channel, 'nl')} (${formatMinute(facts.start)}-${formatMinute(facts.end)})`
				: `outside the creditor's hours for ${channelName(channel, 'en')} (${formatMinute(facts.start)}-${formatMinute(facts.end)})`;
	}
}

function moved(event: { from: number; to: number }, language: Language): string {
	return language === 'nl'
		? `Verschoven van ${describeMoment(event.from, 'nl')} naar ${describeMoment(event.to, 'nl')}`
		: `Moved from ${describeMoment(event.from, 'en')} to ${describeMoment(event.to, 'en')}`;
}

/** Context the wording needs besides the events. */
export interface WordingContext {
	calendar: DutchCalendar;
	saturdays: boolean;
	language: Language;
	/** Window of the channel per weekday, for "outside the creditor's hours (09:00-17:00)". */
	windowOf: (channel: Channel, isoWeekday: number) => WindowFacts;
	minHoursBetweenContacts: number;
	minHoursSameChannel: number;
	maxContactsPer7Days: number;
	paydayMinWorkingDays: number;
	paydayMaxWorkingDays: number;
}

/** Words one search event. */
export function wordEvent(event: ScheduleEvent, ctx: WordingContext): string {
	const { language } = ctx;
	const nl = language === 'nl';
	switch (event.kind) {
		case 'window': {
			const facts = ctx.windowOf(event.channel, weekday(localDayOf(event.from)));
			let text = `${moved(event, language)}: `;
			if (event.letter) {
				text += nl
					? 'brieven gaan op de post van maandag tot en met zaterdag, niet op zon- en feestdagen'
					: 'letters are posted Monday to Saturday, not on Sundays or public holidays';
				return `${text}.`;
			}
			text += causeText(event.cause, event.from, facts, ctx.calendar, event.channel, language);
			const skipped = restDays(localDayOf(event.from), localDayOf(event.to), ctx.calendar, ctx.saturdays, language);
			if (skipped.length > 0) text += nl ? `; ook geen contact op ${joinList(skipped, language)}` : `; no contact on ${joinList(skipped, language)} either`;
			return `${text}.`;
		}
		case 'payday':
			return `${moved(event, language)}: ${wordIncomeWindow(event.window, ctx, false)}`;
		case 'weekly-cap':
			return nl
				? `${moved(event, language)}: hoogstens ${ctx.maxContactsPer7Days} contacten per 7 dagen.`
				: `${moved(event, language)}: at most ${ctx.maxContactsPer7Days} contacts in any 7 days.`;
		case 'min-gap':
			return nl
				? `${moved(event, language)}: minstens ${ctx.minHoursBetweenContacts} uur tussen twee contacten (contact op ${describeMoment(event.contactAt, 'nl')}).`
				: `${moved(event, language)}: at least ${ctx.minHoursBetweenContacts} hours between contacts (contact on ${describeMoment(event.contactAt, 'en')}).`;
		case 'channel-gap':
			return nl
				? `${moved(event, language)}: hoogstens één contact per kanaal per ${ctx.minHoursSameChannel} uur (vorige op ${describeMoment(event.contactAt, 'nl')}).`
				: `${moved(event, language)}: at most one contact per channel per ${ctx.minHoursSameChannel} hours (previous one on ${describeMoment(event.contactAt, 'en')}).`;
	}
}

/** The expected income and the days after it on which contact is aligned. */
export interface IncomeWindow {
	income: ExpectedIncome;
	fromDay: DayNumber;
	toDay: DayNumber;
}

/** "After the expected salary on Friday 25 September 2026: ..." with the aligned days. */
export function wordIncomeWindow(window: IncomeWindow, ctx: WordingContext, sentenceStart = true): string {
	const { language } = ctx;
	const nl = language === 'nl';
	const { income } = window;
	const name = INCOME_NAMES[income.type][language];
	const day = formatDate(income.day, language, 'long');
	const range =
		ctx.paydayMinWorkingDays === ctx.paydayMaxWorkingDays
			? nl
				? `${ctx.paydayMinWorkingDays} werkdag(en) erna`
				: `${ctx.paydayMinWorkingDays} working day(s) later`
			: nl
				? `${ctx.paydayMinWorkingDays} tot ${ctx.paydayMaxWorkingDays} werkdagen erna`
				: `${ctx.paydayMinWorkingDays} to ${ctx.paydayMaxWorkingDays} working days later`;
	let text = nl
		? `na ${name}, verwacht op ${day}: contact ${range}, van ${formatDate(window.fromDay, 'nl', 'long')} tot en met ${formatDate(window.toDay, 'nl', 'long')}.`
		: `after ${name}, expected on ${day}: contact ${range}, from ${formatDate(window.fromDay, 'en', 'long')} to ${formatDate(window.toDay, 'en', 'long')}.`;
	if (sentenceStart) text = text.charAt(0).toUpperCase() + text.slice(1);
	return text + incomeNote(income, language);
}

function ordinal(n: number, language: Language): string {
	if (language === 'nl') return `${n}e`;
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	return `${n}${n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
}

/** Extra sentences on how the income date was found (moved off a weekend, assumed, WW business day). */
export function incomeNote(income: ExpectedIncome, language: Language): string {
	const nl = language === 'nl';
	let note = '';
	if (income.source === 'ww/business-day' && income.dayOfMonth !== undefined) {
		note += nl
			? ` WW wordt achteraf betaald: verwacht op de ${ordinal(income.dayOfMonth, 'nl')} bankwerkdag van de maand.`
			: ` WW is paid in arrears: expected on the ${ordinal(income.dayOfMonth, 'en')} bank business day of the month.`;
	} else if (income.nominalDay !== income.day) {
		const nominal = formatDate(income.nominalDay, language, 'long');
		note += nl
			? ` (${nominal} is geen bankwerkdag: het geld komt op de bankwerkdag ${income.day < income.nominalDay ? 'ervoor' : 'erna'}.)`
			: ` (${nominal} is not a bank business day: the money arrives the bank business day ${income.day < income.nominalDay ? 'before' : 'after'}.)`;
	}
	if (income.assumed) {
		note += nl
			? ` De inkomstendatum is niet bekend: aangenomen ${income.dayOfMonth !== undefined ? `de ${ordinal(income.dayOfMonth, 'nl')} van de maand` : 'een standaarddag'}.`
			: ` The income date is not known: assumed the ${income.dayOfMonth !== undefined ? `${ordinal(income.dayOfMonth, 'en')} of the month` : 'default day'}.`;
	}
	return note;
}
