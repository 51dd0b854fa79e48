/**
 * Plain-language (B1) checks on a message text: sentence length and the share of long words.
 * Linting, not gating: the tests hold the library to these limits, and the node reports custom
 * templates that go over them as warnings.
 *
 * Counting rules: a sentence ends at . ! ? or a line break (headings, table rows and list items are
 * sentences of their own); a word is a token with at least one letter, leaving out links, e-mail
 * addresses and codes (IBANs, references: tokens mixing upper-case letters and digits); a long word has
 * four or more syllables, a syllable being a group of vowels ("betalingsregeling" has six).
 */
import type { Language } from '../debtor/model';

export interface ReadabilityStats {
	sentences: number;
	words: number;
	averageSentenceWords: number;
	longestSentenceWords: number;
	longestSentence: string;
	longWords: number;
	longWordShare: number;
	longWordList: string[];
}

/** Limits the library holds itself to (see docs/nodes/tone-template.md). */
export const READABILITY_LIMITS = {
	averageSentenceWords: 15,
	longestSentenceWords: 25,
	/** Share of words with four or more syllables. */
	longWordShare: { nl: 0.12, en: 0.1 } as Record<Language, number>,
} as const;

const VOWELS = { nl: /[aeiouyáéíóúàèëïöüâêîôû]+/gi, en: /[aeiouy]+/gi } as const;

/** Syllables of a word, approximated by vowel groups (English: a final silent "e" is not counted). */
export function syllables(word: string, language: Language): number {
	const lower = word.toLowerCase();
	let groups = (lower.match(VOWELS[language]) ?? []).length;
	if (language === 'en' && /[^aeiouy]e$/.test(lower) && groups > 1) groups--;
	if (language === 'en' && /[^aeiouy]le$/.test(lower)) groups++;
	return Math.max(1, groups);
}

function isWord(token: string): boolean {
	if (!/\p{L}/u.test(token)) return false;
	if (/^(https?:|mailto:|tel:|www\.)/i.test(token) || token.includes('@')) return false;
	// Codes such as IBANs, references and invoice numbers are read, not "words".
	if (/\d/.test(token) && /[A-Z]/.test(token)) return false;
	return true;
}

/** Splits a text into sentences as the checks count them. */
function sentencesOf(text: string): string[] {
	return text
		.split(/\n+/)
		.flatMap((line) => line.split(/(?<=[.!?])\s+(?=\S)/))
		.map((sentence) => sentence.trim())
		.filter((sentence) => sentence.split(/\s+/).some(isWord));
}

/** Words of a sentence (punctuation stripped). */
function wordsOf(sentence: string): string[] {
	return sentence
		.split(/\s+/)
		.map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((token) => token !== '' && isWord(token));
}

/** Sentence and word statistics of a plain text. */
export function readability(text: string, language: Language): ReadabilityStats {
	const sentences = sentencesOf(text);
	let words = 0;
	let longest = 0;
	let longestSentence = '';
	const longWordList: string[] = [];
	for (const sentence of sentences) {
		const list = wordsOf(sentence);
		words += list.length;
		if (list.length > longest) {
			longest = list.length;
			longestSentence = sentence;
		}
		for (const word of list) if (syllables(word, language) >= 4) longWordList.push(word);
	}
	return {
		sentences: sentences.length,
		words,
		averageSentenceWords: sentences.length === 0 ? 0 : words / sentences.length,
		longestSentenceWords: longest,
		longestSentence,
		longWords: longWordList.length,
		longWordShare: words === 0 ? 0 : longWordList.length / words,
		longWordList,
	};
}

/** Warnings for a text that goes over the limits (empty when it reads at B1 level by these counts). */
export function readabilityWarnings(text: string, language: Language): string[] {
	const stats = readability(text, language);
	const warnings: string[] = [];
	if (stats.averageSentenceWords > READABILITY_LIMITS.averageSentenceWords) {
		warnings.push(`sentences average ${stats.averageSentenceWords.toFixed(1)} words; plain language (B1) aims at ${READABILITY_LIMITS.averageSentenceWords} or fewer`);
	}
	if (stats.longestSentenceWords > READABILITY_LIMITS.longestSentenceWords) {
		warnings.push(`a sentence has ${stats.longestSentenceWords} words ("${stats.longestSentence.slice(0, 60)}..."); keep sentences under ${READABILITY_LIMITS.longestSentenceWords} words`);
	}
	if (stats.longWordShare > READABILITY_LIMITS.longWordShare[language]) {
		warnings.push(`${Math.round(stats.longWordShare * 100)}% of the words are long (4+ syllables); aim for at most ${Math.round(READABILITY_LIMITS.longWordShare[language] * 100)}%`);
	}
	return warnings;
}
