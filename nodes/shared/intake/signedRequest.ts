/**
 * The first look at a request to the ERP intake (docs/erp-intake.md), before anything else of the
 * package or of a workflow sees it: bound the size, check the signature on the raw bytes, bound the
 * nesting depth, and only then parse. An unsigned body is never parsed here, and nothing computed
 * from the secret leaves this module (the answer says only whether and why a request was refused).
 *
 * Scheme: `X-Signature: sha256=<hex HMAC-SHA256 of "<X-Signature-Timestamp>.<raw body>">`, keyed with
 * the shared secret; the timestamp (Unix seconds) may be at most `toleranceSeconds` off.
 */
import { createHmac, timingSafeEqual } from 'crypto';

export interface IntakeLimits {
	/** Largest body in bytes; a larger one is answered 413 before any other work. */
	maxBodyBytes: number;
	/** Deepest nesting of objects and arrays; deeper is answered 400 before the body is parsed. */
	maxDepth: number;
	/** Largest clock difference of X-Signature-Timestamp, in seconds. */
	toleranceSeconds: number;
}

/** Generous for the documented envelope (events > event > payload > contact: depth 5). */
export const DEFAULT_INTAKE_LIMITS: IntakeLimits = { maxBodyBytes: 1024 * 1024, maxDepth: 16, toleranceSeconds: 300 };

export interface SignedRequest {
	rawBody: Uint8Array;
	/** The X-Signature header as received (may be missing). */
	signature: string | undefined;
	/** The X-Signature-Timestamp header as received (may be missing). */
	timestamp: string | undefined;
	nowMs: number;
}

export type IntakeRefusal = { ok: false; status: 400 | 401 | 413; reason: string };
export type IntakeCheck = { ok: true; body: unknown } | IntakeRefusal;

/** The cheapest refusal, before even the secret is fetched: a body over the size limit (413). */
export function sizeRefusal(byteLength: number, limits: IntakeLimits = DEFAULT_INTAKE_LIMITS): IntakeRefusal | undefined {
	return byteLength > limits.maxBodyBytes ? { ok: false, status: 413, reason: `the body is larger than ${limits.maxBodyBytes} bytes` } : undefined;
}

/** Constant time for equal lengths; a length difference is not a secret (the format is public). */
function sameBytes(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Whether the signature is right. The expected value lives only inside this function: it is compared
 * and dropped, never returned, logged or put on an item.
 */
function signatureMatches(secret: string, request: SignedRequest): boolean {
	const expected = createHmac('sha256', secret).update(`${request.timestamp}.`, 'utf8').update(request.rawBody).digest('hex');
	return sameBytes(`sha256=${expected}`, (request.signature ?? '').trim());
}

/**
 * The deepest nesting of `[`/`{` in JSON text, stopping as soon as `limit` is passed, in one pass
 * without parsing (brackets inside strings do not count). Invalid JSON is left to the parser.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > limit) return true;
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	return false;
}

/** The check, in the order of least work first; see the module comment. */
export function checkSignedRequest(secret: string, request: SignedRequest, limits: IntakeLimits = DEFAULT_INTAKE_LIMITS): IntakeCheck {
	const tooLarge = sizeRefusal(request.rawBody.length, limits);
	if (tooLarge) return tooLarge;
	if (!secret) return { ok: false, status: 401, reason: 'no signing secret is configured' };
	if (!request.signature) return { ok: false, status: 401, reason: 'missing X-Signature header' };
	if (!request.timestamp || !/^\d{1,12}$/.test(request.timestamp)) return { ok: false, status: 401, reason: 'missing or malformed X-Signature-Timestamp header' };
	if (Math.abs(request.nowMs / 1000 - Number(request.timestamp)) > limits.toleranceSeconds) {
		return { ok: false, status: 401, reason: `timestamp outside the allowed ${Math.round(limits.toleranceSeconds / 60)}-minute window` };
	}
	if (!signatureMatches(secret, request)) return { ok: false, status: 401, reason: 'signature does not match' };
	const text = Buffer.from(request.rawBody).toString('utf8');
	if (jsonDepthExceeds(text, limits.maxDepth)) return { ok: false, status: 400, reason: `the body is nested deeper than ${limits.maxDepth} levels` };
	try {
		return { ok: true, body: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
	} catch {
		return { ok: false, status: 400, reason: 'the body is not valid JSON' };
	}
}
