/**
 * Idempotency keys. One key per send: debtor, claim, stage, channel and the occasion, so a retry, a
 * restart or a rerun finds the same key and can see the message already went out. The occasion is
 * the journey step (`journey.stepId`: stage and occurrence) when the item has one, so a run that
 * stopped mid-send on one day and the rerun on the next find the same key; without a journey it is
 * the day. The key is a hash, not the parts themselves: it is passed to providers (references,
 * custom arguments, callback URLs) and must carry no personal data.
 */
import * as crypto from 'crypto';

/**
 * SHA-256 hex of UTF-8 text. The one-shot `crypto.hash` (Node 20.12+, n8n's Node 24) is twice as fast
 * as a Hash object for short texts, and every send derives two keys; older Node falls back.
 */
const sha256Hex: (text: string) => string =
	typeof (crypto as { hash?: unknown }).hash === 'function'
		? (text) => (crypto as unknown as { hash(algorithm: string, data: string): string }).hash('sha256', text)
		: (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export interface KeyParts {
	debtorId: string;
	claimId: string;
	stage: string;
	/** A channel, or `*` for the contact key that spans the channels of one fallback chain. */
	channel: string;
	/** Calendar day of the send in the workflow time zone, YYYY-MM-DD; the occasion without `step`. */
	day: string;
	/** The journey step (`journey.stepId`, e.g. `reminder-1#1`); when given it is the occasion instead of the day. */
	step?: string;
}

/** `sc1-` + the first 32 hex digits of SHA-256 over the parts joined by newlines. */
export function deriveIdempotencyKey(parts: KeyParts): string {
	const [head, tail] = keyTextAround(parts);
	return keyOfText(head + parts.channel + tail);
}

/** The hashed text split around the channel, so the keys of one item (contact, channels) share it. */
export function keyTextAround(parts: Omit<KeyParts, 'channel'>): [head: string, tail: string] {
	// A step is written `step:<id>`: it can never read as a day, so the two kinds of key never meet.
	return [`${parts.debtorId}\n${parts.claimId}\n${parts.stage}\n`, `\n${parts.step !== undefined ? `step:${parts.step}` : parts.day}`];
}

/** The key of the already joined parts (the engine keeps the text around the channel, per item). */
export function keyOfText(text: string): string {
	return `sc1-${sha256Hex(text).slice(0, 32)}`;
}

/** The key of the contact as a whole (any channel): the ledger counts contacts, not attempts per channel. */
export function deriveContactKey(parts: Omit<KeyParts, 'channel'>): string {
	return deriveIdempotencyKey({ ...parts, channel: '*' });
}

/**
 * Keys already sent, from a list parameter or an item field: an array, a JSON array, or text
 * separated by commas, semicolons or whitespace.
 */
export function parseKeyList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value.flatMap((entry) => (entry && typeof entry === 'object' ? parseKeyList((entry as Record<string, unknown>).idempotencyKey ?? (entry as Record<string, unknown>).key) : parseKeyList(entry)));
	const text = String(value).trim();
	if (text.startsWith('[')) {
		try {
			return parseKeyList(JSON.parse(text));
		} catch {
			// not JSON: read as a separated list
		}
	}
	return text.split(/[\s,;]+/).filter(Boolean);
}
