/**
 * Strings that results keep alive until the end of a run: flat (flatString) and, where many results
 * carry the same text, one copy for all (sharedText).
 */

/**
 * The same text as one flat string: a string built with `+` or a template is a tree of pieces until
 * read, and reading one character makes V8 flatten it in place (other engines ignore the read).
 * Invariant: returns `text` itself, unchanged; the read looks unused but is the point, keep it.
 */
export function flatString(text: string): string {
	text.charCodeAt(0);
	return text;
}

/** Texts handed out by sharedText, up to SHARED_TEXT_LIMIT of them (then it starts afresh). */
const sharedTexts = new Map<string, string>();
const SHARED_TEXT_LIMIT = 20_000;

/**
 * One copy of a text that many results carry (a scheduling reason such as "Moved from Sunday to
 * Monday 07:00"): returns an equal string, possibly the one an earlier result holds.
 * Invariants: callers may rely on the value only, never on which copy they get (strings cannot
 * change, so sharing between items is safe); the table holds at most SHARED_TEXT_LIMIT texts and
 * starts afresh when full, so sharing is best effort and nothing may depend on a text being found.
 */
export function sharedText(text: string): string {
	const known = sharedTexts.get(text);
	if (known !== undefined) return known;
	if (sharedTexts.size >= SHARED_TEXT_LIMIT) sharedTexts.clear();
	const flat = flatString(text);
	sharedTexts.set(flat, flat);
	return flat;
}
