/**
 * Signature schemes of the providers' callbacks, and the one the package itself uses for the
 * generic webhook: HMAC-SHA256 over `<timestamp>.<raw body>`, hex, in `X-Signature`, with the
 * timestamp in `X-Signature-Timestamp` so a captured request cannot be replayed later.
 */
import { createHash, createHmac, timingSafeEqual, verify as verifySignatureWithKey } from 'crypto';

import { base64ToBytes } from '../base64';
import type { SignatureCheck } from './types';

const encoder = new TextEncoder();

/** Constant-time comparison of two strings (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
	const left = encoder.encode(a);
	const right = encoder.encode(b);
	if (left.length !== right.length) return false;
	return timingSafeEqual(left, right);
}

function hmacHex(algorithm: 'sha1' | 'sha256', secret: string, data: string): string {
	return createHmac(algorithm, secret).update(data, 'utf8').digest('hex');
}

function hmacBase64(algorithm: 'sha1' | 'sha256', secret: string, data: string): string {
	return createHmac(algorithm, secret).update(data, 'utf8').digest('base64');
}

export const SIGNATURE_HEADER = 'x-signature';
export const SIGNATURE_TIMESTAMP_HEADER = 'x-signature-timestamp';

/** Headers the package adds to its own webhook calls (Channel Sender generic webhook). */
export function signPackageWebhook(secret: string, rawBody: string, timestampSeconds: number): Record<string, string> {
	const signature = hmacHex('sha256', secret, `${timestampSeconds}.${rawBody}`);
	return { 'X-Signature': `sha256=${signature}`, 'X-Signature-Timestamp': String(timestampSeconds) };
}

/** Checks a package-style signature, allowing `toleranceSeconds` of clock difference. */
export function verifyPackageWebhook(
	secret: string,
	rawBody: string,
	signatureHeader: string | undefined,
	timestampHeader: string | undefined,
	nowMs: number,
	toleranceSeconds = 300,
): SignatureCheck {
	if (!signatureHeader) return { ok: false, reason: 'missing X-Signature header' };
	if (!timestampHeader || !/^\d+$/.test(timestampHeader)) return { ok: false, reason: 'missing or malformed X-Signature-Timestamp header' };
	if (Math.abs(nowMs / 1000 - Number(timestampHeader)) > toleranceSeconds) return { ok: false, reason: 'timestamp outside the allowed window' };
	const expected = `sha256=${hmacHex('sha256', secret, `${timestampHeader}.${rawBody}`)}`;
	return safeEqual(expected, signatureHeader.trim()) ? { ok: true } : { ok: false, reason: 'signature does not match' };
}

/** POST parameters as Twilio signs them: a repeated name carries all its values. */
export type TwilioParams = Record<string, string | readonly string[]>;

/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1 (auth token) over the full URL followed by every
 * POST parameter name and value, sorted by name; a repeated name adds each of its distinct values,
 * sorted (twilio-node `getExpectedTwilioSignature`). For JSON bodies the URL carries `bodySHA256`.
 */
function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
	const data = Object.keys(params)
		.sort()
		.reduce((acc, key) => {
			const value = params[key];
			if (typeof value === 'string') return acc + key + value;
			return acc + [...new Set(value)].sort().map((item) => key + item).join('');
		}, url);
	return hmacBase64('sha1', authToken, data);
}

/** Form fields of a Twilio callback with every value of a repeated name kept (the signature covers them all). */
export function twilioFormParams(rawBody: string): TwilioParams {
	const params: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(rawBody)) {
		const known = params[key];
		params[key] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
	}
	return params;
}

/** The URL as Twilio's SDK rebuilds it with the default port spelled out (credentials kept). */
function withDefaultPort(parsed: URL): string {
	if (parsed.port) return parsed.toString();
	const port = parsed.protocol === 'https:' ? ':443' : ':80';
	const credentials = parsed.username || parsed.password ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
	return `${parsed.protocol}//${credentials}${parsed.host}${port}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

function withoutPort(parsed: URL): string {
	const copy = new URL(parsed.toString());
	copy.port = '';
	return copy.toString();
}

const escapeQueryPart = (value: string) => encodeURIComponent(value);
const unescapeQueryPart = (value: string) => {
	const spaced = value.replace(/\+/g, ' ');
	try {
		return decodeURIComponent(spaced);
	} catch {
		return spaced;
	}
};

/**
 * The query string as Node's legacy `querystring` writes it after parsing (what older Twilio
 * back ends signed): values decoded, then re-encoded with only `A-Z a-z 0-9 - _ . ! ~ * ' ( )`
 * left as they are, repeated names grouped in order of first appearance.
 */
function withLegacyQuery(url: string): string {
	const parsed = new URL(url);
	if (!parsed.search) return url;
	const groups = new Map<string, string[]>();
	for (const part of parsed.search.slice(1).split('&')) {
		if (!part) continue;
		const at = part.indexOf('=');
		const key = unescapeQueryPart(at < 0 ? part : part.slice(0, at));
		const value = at < 0 ? '' : unescapeQueryPart(part.slice(at + 1));
		const values = groups.get(key) ?? [];
		values.push(value);
		groups.set(key, values);
	}
	// querystring.parse builds a plain object: integer-like names come first, in ascending order.
	const isIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
	const keys = [...groups.keys()];
	const ordered = [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isIndex(key))];
	parsed.search = '';
	const query = ordered.flatMap((key) => groups.get(key)!.map((value) => `${escapeQueryPart(key)}=${escapeQueryPart(value)}`)).join('&');
	return `${parsed.toString()}?${query}`;
}

/**
 * The URLs Twilio's SDK accepts a signature for: without and with the default port, each also with
 * the legacy query encoding (Twilio's back ends sign inconsistently), plus the URL exactly as given.
 */
function twilioUrlVariants(url: string): string[] {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return [url];
	}
	const variants = [url, withoutPort(parsed), withDefaultPort(parsed)];
	for (const variant of variants.slice(1)) {
		try {
			variants.push(withLegacyQuery(variant));
		} catch {
			// a value that cannot be re-encoded (a lone surrogate): that variant is skipped
		}
	}
	return [...new Set(variants)];
}

/**
 * Verifies a Twilio signature over the URL and the form parameters. Twilio signs the URL as it
 * called it; behind a proxy the port can differ, so every variant Twilio's SDK tries is tried.
 */
export function verifyTwilio(authToken: string, url: string, params: TwilioParams, signature: string | undefined): SignatureCheck {
	if (!signature) return { ok: false, reason: 'missing X-Twilio-Signature header' };
	for (const candidate of twilioUrlVariants(url)) {
		if (safeEqual(twilioSignature(authToken, candidate, params), signature)) return { ok: true };
	}
	return { ok: false, reason: 'X-Twilio-Signature does not match' };
}

/** The `bodySHA256` query parameter of a Twilio callback URL, if it has one. */
export function twilioBodyHash(url: string): string | undefined {
	try {
		return new URL(url).searchParams.get('bodySHA256') ?? undefined;
	} catch {
		return undefined;
	}
}

/**
 * A Twilio callback with a JSON (or other non-form) body: the signature covers only the URL, and
 * the URL's `bodySHA256` must be the hex SHA-256 of the raw body, or a captured URL and signature
 * could carry any body (twilio-node `validateRequestWithBody`).
 */
export function verifyTwilioWithBody(authToken: string, url: string, rawBody: string, signature: string | undefined): SignatureCheck {
	const urlCheck = verifyTwilio(authToken, url, {}, signature);
	if (!urlCheck.ok) return urlCheck;
	const expected = twilioBodyHash(url);
	if (!expected) return { ok: false, reason: 'the signed URL has no bodySHA256, so the body is not covered' };
	const actual = createHash('sha256').update(rawBody, 'utf8').digest('hex');
	return safeEqual(actual, expected) ? { ok: true } : { ok: false, reason: 'the body does not match bodySHA256 of the signed URL' };
}

/** Bird's URL variants: as given, and with or without the default port. */
function urlVariants(url: string): string[] {
	const variants = [url];
	try {
		const parsed = new URL(url);
		const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
		if (parsed.port) {
			const without = new URL(url);
			without.port = '';
			variants.push(without.toString());
		} else {
			variants.push(url.replace(`${parsed.protocol}//${parsed.host}`, `${parsed.protocol}//${parsed.hostname}:${defaultPort}`));
		}
	} catch {
		// not a URL: only the literal form
	}
	return variants;
}

/** Meta (WhatsApp Cloud API): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. */
export function verifyMeta(appSecret: string, rawBody: string, signature: string | undefined): SignatureCheck {
	if (!signature) return { ok: false, reason: 'missing X-Hub-Signature-256 header' };
	const expected = `sha256=${hmacHex('sha256', appSecret, rawBody)}`;
	return safeEqual(expected, signature.trim()) ? { ok: true } : { ok: false, reason: 'X-Hub-Signature-256 does not match' };
}

/** Mailgun: hex HMAC-SHA256(webhook signing key, timestamp + token) in the body's `signature` object. */
export function verifyMailgun(signingKey: string, timestamp: string | undefined, token: string | undefined, signature: string | undefined, nowMs: number, toleranceSeconds = 900): SignatureCheck {
	if (!timestamp || !token || !signature) return { ok: false, reason: 'missing Mailgun signature fields' };
	if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'Mailgun timestamp outside the allowed window' };
	return safeEqual(hmacHex('sha256', signingKey, `${timestamp}${token}`), signature) ? { ok: true } : { ok: false, reason: 'Mailgun signature does not match' };
}

/**
 * Bird (Notifications API webhook subscriptions created with a signing key): `messagebird-signature`
 * is the base64 HMAC-SHA256 (signing key) of `<messagebird-request-timestamp>\n<URL as called>\n`
 * followed by the raw SHA-256 bytes of the body (docs.bird.com, "Verifying a webhook subscription").
 */
function birdSignature(signingKey: string, timestamp: string, url: string, rawBody: string): string {
	const bodyHash = createHash('sha256').update(rawBody, 'utf8').digest();
	return createHmac('sha256', signingKey).update(`${timestamp}\n${url}\n`, 'utf8').update(bodyHash).digest('base64');
}

/**
 * Verifies a Bird signature. Bird signs the URL it called; like Twilio's, it is tried as given and
 * with/without the default port. Bird documents no timestamp window, so none is enforced: a replayed
 * delivery report only repeats an event the workflow already handles idempotently.
 */
export function verifyBird(signingKey: string, url: string, rawBody: string, signature: string | undefined, timestamp: string | undefined): SignatureCheck {
	if (!signature) return { ok: false, reason: 'missing messagebird-signature header' };
	if (!timestamp) return { ok: false, reason: 'missing messagebird-request-timestamp header' };
	for (const candidate of urlVariants(url)) {
		if (safeEqual(birdSignature(signingKey, timestamp, candidate, rawBody), signature.trim())) return { ok: true };
	}
	return { ok: false, reason: 'messagebird-signature does not match' };
}

const SINCH_ALGORITHMS = { HmacSHA256: 'sha256', HmacSHA512: 'sha512' } as const;

/**
 * Sinch SMS callbacks with HMAC configured on the service plan: `x-sinch-webhook-signature` is the
 * base64 HMAC (callback secret, UTF-8) of `<raw body>.<nonce>.<timestamp>`, nonce and timestamp in
 * their own headers (the `SmsWebhooks.validate_authentication_header` of Sinch's Python SDK).
 */
function sinchSignature(secret: string, rawBody: string, nonce: string, timestamp: string, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
	return createHmac(algorithm, secret).update(`${rawBody}.${nonce}.${timestamp}`, 'utf8').digest('base64');
}

export function verifySinch(secret: string, rawBody: string, headers: Record<string, string | undefined>): SignatureCheck {
	const signature = headers['x-sinch-webhook-signature'];
	const nonce = headers['x-sinch-webhook-signature-nonce'];
	const timestamp = headers['x-sinch-webhook-signature-timestamp'];
	if (!signature) return { ok: false, reason: 'missing x-sinch-webhook-signature header' };
	if (!nonce || !timestamp) return { ok: false, reason: 'missing x-sinch-webhook-signature-nonce or -timestamp header' };
	const named = headers['x-sinch-webhook-signature-algorithm'] ?? 'HmacSHA256';
	const algorithm = SINCH_ALGORITHMS[named as keyof typeof SINCH_ALGORITHMS];
	if (!algorithm) return { ok: false, reason: `unsupported x-sinch-webhook-signature-algorithm "${named.slice(0, 20)}"` };
	return safeEqual(sinchSignature(secret, rawBody, nonce, timestamp, algorithm), signature.trim()) ? { ok: true } : { ok: false, reason: 'x-sinch-webhook-signature does not match' };
}

/** A hex HMAC-SHA256 of the raw body (Pingen), optionally with a `sha256=` prefix. */
export function verifyHexBodyHmac(secret: string, rawBody: string, signature: string | undefined, headerName: string): SignatureCheck {
	if (!signature) return { ok: false, reason: `missing ${headerName} header` };
	const expected = hmacHex('sha256', secret, rawBody);
	const given = signature.trim().replace(/^sha256=/, '');
	return safeEqual(expected, given) ? { ok: true } : { ok: false, reason: `${headerName} does not match` };
}

/**
 * SendGrid's signed Event Webhook: ECDSA (P-256, SHA-256) over timestamp + raw body, base64 DER
 * signature in X-Twilio-Email-Event-Webhook-Signature, verified with the public key from SendGrid.
 */
export function verifySendGrid(publicKey: string, rawBody: string, signature: string | undefined, timestamp: string | undefined): SignatureCheck {
	if (!signature || !timestamp) return { ok: false, reason: 'missing SendGrid signature headers' };
	const pem = publicKey.includes('BEGIN PUBLIC KEY') ? publicKey : `-----BEGIN PUBLIC KEY-----\n${publicKey.trim()}\n-----END PUBLIC KEY-----\n`;
	try {
		const signatureBytes = base64ToBytes(signature);
		const ok = verifySignatureWithKey('sha256', encoder.encode(timestamp + rawBody), pem, signatureBytes);
		return ok ? { ok: true } : { ok: false, reason: 'SendGrid signature does not match' };
	} catch {
		return { ok: false, reason: 'SendGrid signature or public key unreadable' };
	}
}
