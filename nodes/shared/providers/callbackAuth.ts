/**
 * Whether a provider's report may be believed. A report is accepted only when it is authenticated:
 * by the provider's signature where the provider signs and its secret is in the credential, else by
 * a token or basic auth kept in the credential (never in the workflow, whose JSON is stored in plain
 * text in n8n's history and in every execution). Nothing configured means refused, with a reason that
 * says what to configure.
 */
import { createHash } from 'crypto';

import { base64ToBytes } from '../base64';
import { safeEqual } from './signatures';
import type { CallbackRequest, CallbackSecrets, ProviderAdapter } from './types';

/** Credential fields of the ways besides a signature (`reportAuth` of an adapter). */
export const REPORT_TOKEN_FIELD = 'reportToken';
export const REPORT_USER_FIELD = 'reportUser';
export const REPORT_PASSWORD_FIELD = 'reportPassword';

export type CallbackAuth = { ok: true; by: 'signature' | 'token' | 'basic-auth' } | { ok: false; reason: string };

function basicAuth(header: string | undefined): { user: string; password: string } | undefined {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (!match) return undefined;
	let decoded: string;
	try {
		decoded = new TextDecoder().decode(base64ToBytes(match[1]));
	} catch {
		return undefined;
	}
	const colon = decoded.indexOf(':');
	return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The credential fields' names as the credential shows them, for the refusal's reason. */
const SECRET_LABELS: Record<string, string> = {
	authToken: 'Auth Token',
	appSecret: 'App Secret',
	signingSecret: 'Signing Secret',
	webhookPublicKey: 'Event Webhook Verification Key',
	webhookSigningKey: 'Webhook Signing Key',
	'pingen.webhookSecret': 'Webhook Signing Secret',
	'sinch.webhookSecret': 'Callback HMAC Secret',
};
const secretLabel = (adapter: ProviderAdapter, name: string) => `"${SECRET_LABELS[`${adapter.id}.${name}`] ?? SECRET_LABELS[name] ?? name}"`;

/** How to protect this provider's reports, for the refusal's reason (no secret in it). */
function howToConfigure(adapter: ProviderAdapter): string {
	const ways = adapter.reportAuth ?? [];
	const parts: string[] = [];
	if (adapter.verifySignature && adapter.signatureSecrets?.length) parts.push(`set ${adapter.signatureSecrets.map((name) => secretLabel(adapter, name)).join(' and ')} in the ${adapter.displayName} credential (signed reports)`);
	if (ways.includes('token')) parts.push(`set "Report URL Token" in the ${adapter.displayName} credential and add ?token=<that token> to the URL you give ${adapter.displayName}`);
	if (ways.includes('basicAuth')) parts.push(`set "Report Basic Auth User" and "Report Basic Auth Password" in the credential and give ${adapter.displayName} the URL as https://<user>:<password>@<host>/...`);
	return parts.join(', or ');
}

/**
 * Authenticates one report. A provider that signs is checked by its signature whenever its secret is
 * set; where signing is optional (Bird, Sinch) or absent (CM.com, Postmark, Spryng) the credential's
 * token or basic auth takes its place. A provider whose signature secret is missing and that has no
 * other way is refused, as is every report when nothing is configured.
 */
export function authenticateCallback(adapter: ProviderAdapter, request: CallbackRequest, secrets: CallbackSecrets): CallbackAuth {
	const ways = adapter.reportAuth ?? [];
	const signs = Boolean(adapter.verifySignature);
	const hasSigningSecrets = signs && (adapter.signatureSecrets ?? []).every((name) => Boolean(secrets[name]));
	if (hasSigningSecrets) {
		const check = adapter.verifySignature!(request, secrets);
		return check.ok ? { ok: true, by: 'signature' } : { ok: false, reason: `signature check failed: ${check.reason}` };
	}
	const token = ways.includes('token') ? secrets[REPORT_TOKEN_FIELD] : undefined;
	const user = ways.includes('basicAuth') ? secrets[REPORT_USER_FIELD] : undefined;
	const password = ways.includes('basicAuth') ? secrets[REPORT_PASSWORD_FIELD] : undefined;
	const basicConfigured = Boolean(user && password);
	if (!token && !basicConfigured) {
		if (signs && !ways.length) {
			// A provider that always signs: its check names the missing secret.
			const check = adapter.verifySignature!(request, secrets);
			if (!check.ok) return { ok: false, reason: `not authenticated: ${check.reason}; ${howToConfigure(adapter)}` };
		}
		return { ok: false, reason: `not authenticated: nothing is configured to check ${adapter.displayName} reports with; ${howToConfigure(adapter)}` };
	}
	if (token && safeEqual(String(request.query.token ?? ''), token)) return { ok: true, by: 'token' };
	if (basicConfigured) {
		const given = basicAuth(request.headers.authorization);
		// Both compared, always, so the time taken does not tell which one was wrong.
		const userOk = safeEqual(given?.user ?? '', user!);
		const passwordOk = safeEqual(given?.password ?? '', password!);
		if (given && userOk && passwordOk) return { ok: true, by: 'basic-auth' };
	}
	const tried = [token ? 'token' : '', basicConfigured ? 'basic auth' : ''].filter(Boolean).join(' or ');
	return { ok: false, reason: `not authenticated: missing or wrong ${tried}` };
}

/**
 * Remembers, for `windowMs`, the SHA-256 of the body each replay key (Mailgun's signature token) was
 * accepted with, so a captured signature cannot carry another body: Mailgun signs only its timestamp
 * and token, not the event. Bounded to `maxEntries` (oldest dropped first). In memory: it holds for
 * one n8n process, which is where a single main instance answers webhooks.
 */
export class ReplayGuard {
	private readonly seen = new Map<string, { bodyHash: string; at: number }>();

	constructor(
		private readonly windowMs = 15 * 60_000,
		private readonly maxEntries = 50_000,
	) {}

	/** `new` the first time, `same` when the key came before with this body, `other` with another body. */
	check(key: string, rawBody: string, now: number): 'new' | 'same' | 'other' {
		this.expire(now);
		const bodyHash = createHash('sha256').update(rawBody, 'utf8').digest('hex');
		const known = this.seen.get(key);
		if (!known) return 'new';
		return known.bodyHash === bodyHash ? 'same' : 'other';
	}

	remember(key: string, rawBody: string, now: number): void {
		const bodyHash = createHash('sha256').update(rawBody, 'utf8').digest('hex');
		this.seen.delete(key);
		this.seen.set(key, { bodyHash, at: now });
		while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
	}

	private expire(now: number): void {
		for (const [key, entry] of this.seen) {
			if (now - entry.at <= this.windowMs) break;
			this.seen.delete(key);
		}
	}
}
