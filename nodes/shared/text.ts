/**
 * Strings that results keep. A run keeps 100,000 results alive until its end, and the garbage
 * collector copies every live string of them; these helpers keep that to what is needed.
 */

/**
 * The same text as one flat string. Strings built with `+` or templates are trees of pieces until
 * read; a result kept for 100,000 items would keep every piece alive (and the garbage collector
 * copies each one). Reading one character makes V8 flatten it in place; other engines ignore it.
 */
export function flatString(text: string): string {
	text.charCodeAt(0);
	return text;
}

/** Texts handed out by sharedText, up to SHARED_TEXT_LIMIT of them (then it starts afresh). */
const sharedTexts = new Map<string, string>();
const SHARED_TEXT_LIMIT = 20_000;

/**
 * One copy of a text that many results carry (a scheduling reason such as "Moved from Sunday to Monday 07:00"):
 * the text just built is dropped young and the results share the first copy. Strings cannot be
 * changed, so sharing them between items is safe. The table is bounded, so a run with endlessly
 * varied texts costs a lookup and nothing more.
 */
export function sharedText(text: string): string {
	const known = sharedTexts.get(text);
	if (known !== undefined) return known;
	if (sharedTexts.size >= SHARED_TEXT_LIMIT) sharedTexts.clear();
	const flat = flatString(text);
	sharedTexts.set(flat, flat);
	return flat;
}
