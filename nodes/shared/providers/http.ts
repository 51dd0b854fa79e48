/**
 * Small helpers every adapter shares: form encoding, reading responses, mapping HTTP statuses to
 * permanent or transient failures, Retry-After, and keeping secrets and message bodies out of errors.
 */
import type { ProviderResponse, SendOutcome } from './types';

/** `application/x-www-form-urlencoded` body from fields, in the given order; undefined fields are left out. */
export function formEncode(fields: Array<[string, string | number | boolean | undefined]>): string {
	// One pass, no intermediate arrays: this runs once per send.
	let out = '';
	for (const [key, value] of fields) {
		if (value === undefined || value === '') continue;
		out += `${out ? '&' : ''}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
	}
	return out.replace(/%20/g, '+');
}

/** Parses a form body into fields (later duplicates win). */
export function formDecode(body: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(body)) fields[key] = value;
	return fields;
}

/**
 * The body of a provider's callback, read from the raw bytes by its media type. n8n itself parses
 * only `application/json` and forms, so a JSON media type such as Pingen's `application/vnd.api+json`
 * would arrive as `{}`; reading every JSON type (`…/json`, `…+json`) from the raw body, the bytes
 * the signature covers, gives one rule for all. `unreadable` marks a body that claims JSON but is not.
 */
export function readCallbackBody(contentType: string, rawBody: string, parsed: unknown): { body: Record<string, unknown>; unreadable: boolean } {
	const media = contentType.split(';')[0].trim().toLowerCase();
	if (media === 'application/x-www-form-urlencoded' && rawBody) return { body: formDecode(rawBody), unreadable: false };
	if ((media.endsWith('/json') || media.endsWith('+json')) && rawBody) {
		try {
			const value = JSON.parse(rawBody) as unknown;
			// Objects and arrays (SendGrid posts an array of events) are bodies; a bare value is not.
			if (value !== null && typeof value === 'object') return { body: value as Record<string, unknown>, unreadable: false };
		} catch {
			// falls through: unreadable
		}
		return { body: {}, unreadable: true };
	}
	return { body: parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}, unreadable: false };
}

/** A response header by case-insensitive name, first value. */
export function header(response: Pick<ProviderResponse, 'headers'>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(response.headers ?? {})) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** The response body as an object: parses JSON strings, returns {} for anything else. */
export function jsonBody(response: Pick<ProviderResponse, 'body'>): Record<string, unknown> {
	let body = response.body;
	if (body instanceof Uint8Array) body = new TextDecoder().decode(body);
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return {};
		}
	}
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Retry-After in ms: seconds or an HTTP date (RFC 9110). Undefined when absent or unreadable. */
function retryAfterMs(response: Pick<ProviderResponse, 'headers'>, now = Date.now()): number | undefined {
	const value = header(response, 'retry-after');
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value.trim()) * 1000);
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * The generic reading of an HTTP failure: 408, 425, 429 and 5xx are transient (try again later);
 * other 4xx are permanent (the same request will fail again).
 */
export function httpFailure(response: ProviderResponse, errorCode: string, errorMessage: string): SendOutcome {
	const status = response.statusCode;
	const transient = status === 408 || status === 425 || status === 429 || status >= 500;
	return {
		kind: 'failed',
		permanence: transient ? 'transient' : 'permanent',
		errorCode,
		errorMessage: limit(errorMessage),
		httpStatus: status,
		retryAfterMs: retryAfterMs(response),
		reason: status === 429 ? 'rate-limit' : status >= 500 ? 'server' : status === 401 || status === 403 ? 'auth' : 'validation',
	};
}

/** Error texts are kept short: a provider may echo a whole payload back. */
export function limit(text: string, max = 200): string {
	const clean = String(text ?? '').replace(/\s+/g, ' ').trim();
	return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Replaces every occurrence of the sensitive strings (secrets, message bodies, subjects) in `text`.
 * Long bodies are also matched by their first 40 characters, since errors often quote a prefix.
 */
export function scrub(text: string, sensitive: Array<string | undefined>): string {
	let result = text;
	const needles = new Set<string>();
	for (const value of sensitive) {
		if (typeof value !== 'string') continue;
		const trimmed = value.trim();
		if (trimmed.length < 6) continue;
		needles.add(trimmed);
		if (trimmed.length > 40) needles.add(trimmed.slice(0, 40));
	}
	for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
		result = result.split(needle).join('[redacted]');
	}
	return result;
}

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
	const left = String(base);
	// The common case (no slash to trim) without a regular expression: this runs once per send.
	const trimmedBase = left.endsWith('/') ? left.replace(/\/+$/, '') : left;
	const trimmedPath = path.startsWith('/') ? path.replace(/^\/+/, '') : path;
	return `${trimmedBase}/${trimmedPath}`;
}

/** A string field of an unknown object, or undefined. */
export function str(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A multipart/form-data body (RFC 7578): text fields, then files; undefined fields are left out. */
export function multipartBody(boundary: string, fields: Array<[string, string | undefined]>, files: Array<{ field: string; filename: string; contentType: string; bytes: Uint8Array }>): Uint8Array {
	const encoder = new TextEncoder();
	const quote = (value: string) => value.replace(/[\r\n"\\]/g, '_');
	const parts: Uint8Array[] = [];
	for (const [name, value] of fields) {
		if (value === undefined || value === '') continue;
		parts.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`));
	}
	for (const file of files) {
		parts.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
		parts.push(file.bytes, encoder.encode('\r\n'));
	}
	parts.push(encoder.encode(`--${boundary}--\r\n`));
	const body = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		body.set(part, offset);
		offset += part.length;
	}
	return body;
}
