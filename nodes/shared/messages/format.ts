/**
 * Formatting for messages: money, dates, counts and single-line values, in Dutch and English.
 * Everything a template prints is a ready string, so templates need no helpers and no logic.
 */
import { formatDate, type DateStyle, type DayNumber } from '../calendar';
import type { Language } from '../debtor/model';
import { formatCents, MAX_STATABLE_CENTS, type Cents } from '../money';

/**
 * "EUR 1.234,50" (nl) or "EUR 1,234.50" (en). The ISO code keeps SMS texts in GSM-7. Same text as
 * `formatCents` (a test compares them), without its regular expression: every message formats
 * several amounts. What formatCents refuses (not whole cents, more than a message can state) it
 * refuses too, by handing it over.
 */
export function formatMoney(amount: Cents, language: Language): string {
	if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_STATABLE_CENTS) return formatCents(amount, language);
	const whole = Math.floor(amount / 100);
	const cents = amount % 100;
	const thousands = language === 'nl' ? '.' : ',';
	let digits = String(whole);
	if (whole >= 1000) {
		let grouped = '';
		let end = digits.length;
		while (end > 3) {
			grouped = thousands + digits.slice(end - 3, end) + grouped;
			end -= 3;
		}
		digits = digits.slice(0, end) + grouped;
	}
	return `EUR ${digits}${language === 'nl' ? ',' : '.'}${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * A plain-text e-mail as it should be read aloud: every amount formatMoney wrote ("EUR 1.234,50")
 * with the euro sign as the language writes it, "€ 1.234,50" (nl) or "€1,234.50" (en), which screen
 * readers say as "euro"; letters of a currency code are spelled out instead. HTML, letters and SMS
 * keep the code (SMS: the euro sign costs two GSM-7 septets; HTML: the page's lang is read).
 */
export function spokenAmounts(text: string, language: Language): string {
	return text.replace(/\bEUR (?=\d)/g, language === 'nl' ? '€ ' : '€');
}

/** A day as text: long "dinsdag 12 mei 2026", medium "12 mei 2026", short "12-05-2026" / "12/05/2026". */
export function formatDay(day: DayNumber, language: Language, style: DateStyle = 'long'): string {
	// The texts of the days printed so far, under day * 8 + language * 4 + style (see dayCache).
	const styleIndex = STYLE_INDEX[style];
	if (!Number.isSafeInteger(day) || styleIndex === undefined) return formatDate(day, language, style);
	const key = day * 8 + (language === 'nl' ? 0 : 4) + styleIndex;
	let text = dayCache.get(key);
	if (text === undefined) {
		text = formatDate(day, language, style);
		if (dayCache.size >= 4096) dayCache.clear();
		dayCache.set(key, text);
	}
	return text;
}

const STYLE_INDEX: Readonly<Record<string, number>> = { long: 0, medium: 1, short: 2, iso: 3 };
// formatDate's texts by day, language and style, used by formatDay only. Invariants: an entry is exactly
// what formatDate gives for its key; the key packs two languages and at most four styles into the
// low three bits (a third language or a fifth style needs a wider key); bounded: cleared at 4096.
const dayCache = new Map<number, string>();

const NOUNS = {
	invoice: { nl: ['factuur', 'facturen'], en: ['invoice', 'invoices'] },
	instalment: { nl: ['termijn', 'termijnen'], en: ['instalment', 'instalments'] },
	day: { nl: ['dag', 'dagen'], en: ['day', 'days'] },
} as const;
export type CountableNoun = keyof typeof NOUNS;

/** The noun in singular or plural for a count: plural('invoice', 1, 'nl') -> "factuur". */
export function plural(noun: CountableNoun, count: number, language: Language): string {
	const [one, many] = NOUNS[noun][language];
	return count === 1 ? one : many;
}

/** "3 termijnen" / "1 instalment". */
export function countOf(noun: CountableNoun, count: number, language: Language): string {
	return `${count} ${plural(noun, count, language)}`;
}

/**
 * One line of user data for a template: control characters (line breaks, tabs, NUL) become spaces
 * and runs of spaces collapse. Keeps names from breaking subjects, SMS texts and mail headers.
 */
// Anything singleLine would change: control characters, line separators, runs of whitespace, or
// whitespace at either end. Most values have none, and skip the replacements.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\s\s|^\s|\s$|[^\S ]/;

export function singleLine(value: unknown, maxLength = 200): string {
	if (typeof value === 'string' && value.length <= maxLength && !NEEDS_CLEANING.test(value)) return value;
	const text = String(value ?? '')
		// eslint-disable-next-line no-control-regex -- removing control characters is the point
		.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Lines of a multi-line setting (footer, address), each cleaned; empty lines dropped. */
export function linesOf(value: unknown, maxLines = 8): string[] {
	return String(value ?? '')
		.split(/\r\n|\r|\n|\\n/)
		.map((line) => singleLine(line))
		.filter((line) => line !== '')
		.slice(0, maxLines);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A phone number for a tel: link: digits and a leading +. */
export function phoneHref(phone: string): string {
	const digits = phone.replace(/[^\d+]/g, '');
	return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
}
