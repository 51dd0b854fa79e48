/**
 * A word-list language check: a sentence counts as English when it has at least two words that occur
 * only in English and more of those than Dutch-only words, and the other way round. Function words
 * are chosen so that none of them is a word in the other language ("we", "is", "in", "of" are left out).
 */
export const ENGLISH_ONLY = new Set(
	'the you your we\'ll will please pay paid have has not and to on by for with this that are can if do does it at an be been there then our us from than what which would could should yet any all more after before about'.split(
		' ',
	),
);

export const DUTCH_ONLY = new Set(
	'de het een en van u je uw jou niet wij ons dan op voor met dat dit kunt kun wilt wil heeft hebt heb zijn geen niets nog ook naar bij maar als wat wordt bent ben staat betaal betaalt betalen bedrag deze moet mag graag uiterlijk alvast hoeft neem'.split(
		' ',
	),
);

function wordsOf(sentence: string): string[] {
	return sentence
		.toLowerCase()
		.split(/[^\p{L}']+/u)
		.filter(Boolean);
}

export function languageOf(sentence: string): 'en' | 'nl' | 'unknown' {
	const words = wordsOf(sentence);
	const en = words.filter((word) => ENGLISH_ONLY.has(word)).length;
	const nl = words.filter((word) => DUTCH_ONLY.has(word)).length;
	if (en >= 2 && en > nl) return 'en';
	if (nl >= 2 && nl > en) return 'nl';
	return 'unknown';
}

/** Sentences of a text in the wrong language (for a Dutch text: the English ones, and vice versa). */
export function foreignSentences(text: string, language: 'nl' | 'en'): string[] {
	const other = language === 'nl' ? 'en' : 'nl';
	return text
		.split(/\n+|(?<=[.!?])\s+/)
		.map((sentence) => sentence.trim())
		.filter((sentence) => sentence !== '' && languageOf(sentence) === other);
}
