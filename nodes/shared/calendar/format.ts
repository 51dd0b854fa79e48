import type { Language } from '../debtor/model';
import { dateOf, monthOf, pad2, weekday, yearOf, type DayNumber } from './days';

/**
 * Dates for letters and messages. Own name tables instead of Intl, so the output is identical on
 * every server whatever ICU data Node was built with.
 */
export type DateStyle = 'long' | 'medium' | 'short' | 'iso';

const WEEKDAYS: Readonly<Record<Language, readonly string[]>> = {
	nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
	en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Formats a day number: long "dinsdag 12 mei 2026" / "Tuesday 12 May 2026", medium "12 mei 2026" /
 * "12 May 2026", short "12-05-2026" (nl) / "12/05/2026" (en), iso "2026-05-12". Unknown languages
 * fall back to English.
 */
export function formatDate(day: DayNumber, language: Language | string = 'nl', style: DateStyle = 'long'): string {
	if (!Number.isSafeInteger(day)) throw new RangeError(`${String(day)} is not a whole day number`);
	const lang: Language = language === 'nl' ? 'nl' : 'en';
	const year = yearOf(day);
	if (year < 0 || year > 9999) throw new RangeError(`Day ${day} lies outside the years 0000-9999`);
	const yyyy = String(year).padStart(4, '0');
	const date = dateOf(day);
	const month = monthOf(day);
	switch (style) {
		case 'short':
			return `${pad2(date)}${lang === 'nl' ? '-' : '/'}${pad2(month)}${lang === 'nl' ? '-' : '/'}${yyyy}`;
		case 'iso':
			return `${yyyy}-${pad2(month)}-${pad2(date)}`;
		case 'medium':
			return `${date} ${MONTHS[lang][month - 1]} ${yyyy}`;
		case 'long':
			return `${WEEKDAYS[lang][weekday(day) - 1]} ${date} ${MONTHS[lang][month - 1]} ${yyyy}`;
		default:
			throw new RangeError(`Unknown date style ${JSON.stringify(style)}: use long, medium, short or iso`);
	}
}
