/**
 * Small formatting helpers for the explanation lines a letter quotes word for word.
 * Amounts always go through `formatCents` so letters, SMS and the breakdown agree to the cent.
 */
import type { Language } from '../debtor/model';
import { formatCents, type Cents } from '../money';


/** Explanation lines in Dutch and English, in the order a letter would print them. */
export interface Explanation {
	nl: string[];
	en: string[];
}

/** "0,5%" (nl) or "0.5%" (en); no trailing zeros, no thousands grouping (rates stay below 100). */
export function formatPercent(percent: number, language: Language): string {
	const text = String(Number(percent.toFixed(4)));
	return `${language === 'nl' ? text.replace('.', ',') : text}%`;
}

/** "EUR 1.234,50" (nl) or "EUR 1,234.50" (en). */
export function money(amount: Cents, language: Language): string {
	return formatCents(amount, language);
}

/** A fresh, empty pair of line lists. */
export function emptyExplanation(): Explanation {
	return { nl: [], en: [] };
}

/** Adds one line in both languages. */
export function say(explanation: Explanation, line: (language: Language) => string): void {
	explanation.nl.push(line('nl'));
	explanation.en.push(line('en'));
}
