/**
 * Meta WhatsApp Cloud API: business-initiated messages as approved templates (language and body
 * parameters, positional or named). The idempotency key goes in `biz_opaque_callback_data`, which
 * Meta returns in every status webhook. Only debtors with a recorded opt-in are ever sent to (the
 * node checks `consents.whatsappOptIn` before any adapter is called).
 */
import { httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import { mobileOf, whatsAppTemplate } from '../content';
import { verifyMeta } from '../signatures';
import { SendValidationError, type CallbackRequest, type DeliveryEvent, type EventStatus, type ProviderAdapter } from '../types';

const META_DEFAULT_BASE_URL = 'https://graph.facebook.com';
const META_DEFAULT_API_VERSION = 'v24.0';

// docs: developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes
const OPTED_OUT = new Set([131050]);
const INVALID_CONTACT = new Set([131026, 131045]);
const TRANSIENT = new Set([4, 80007, 130429, 131056, 131000, 131016, 133004, 1, 2]);

export const metaWhatsAppAdapter: ProviderAdapter = {
	id: 'metaWhatsApp',
	displayName: 'Meta WhatsApp Cloud API',
	channels: ['whatsapp'],
	credentialType: 'socialCollectionsMetaWhatsAppApi',
	idempotency: 'reference',
	// 80 messages per second per business number by default.
	defaultRatePerSecond: 80,
	buildRequest(message, recipient, context) {
		const phoneNumberId = str(context.credentials.phoneNumberId);
		if (!phoneNumberId) throw new SendValidationError('the WhatsApp credential has no Phone Number ID', 'credentials.phoneNumberId', 'configuration');
		const template = whatsAppTemplate(message);
		const parameters = template.named
			? Object.entries(template.named).map(([name, text]) => ({ type: 'text', parameter_name: name, text }))
			: (template.positional ?? []).map((text) => ({ type: 'text', text }));
		const version = str(context.credentials.apiVersion) ?? META_DEFAULT_API_VERSION;
		return {
			method: 'POST',
			url: joinUrl(str(context.credentials.baseUrl) ?? META_DEFAULT_BASE_URL, `/${version}/${encodeURIComponent(phoneNumberId)}/messages`),
			headers: { 'Content-Type': 'application/json' },
			body: {
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: mobileOf(recipient).replace(/^\+/, ''),
				type: 'template',
				template: {
					name: template.name,
					language: { policy: 'deterministic', code: template.language },
					...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
				},
				biz_opaque_callback_data: context.idempotencyKey,
			},
		};
	},
	parseResponse(response) {
		const body = jsonBody(response);
		if (isSuccess(response.statusCode)) {
			const first = Array.isArray(body.messages) ? (body.messages[0] as Record<string, unknown>) : {};
			return { kind: 'accepted', status: 'queued', providerMessageId: str(first?.id), providerStatus: str(first?.message_status) ?? 'accepted' };
		}
		const error = (body.error ?? {}) as Record<string, unknown>;
		const code = Number(error.code);
		const details = str((error.error_data as Record<string, unknown> | undefined)?.details);
		const outcome = httpFailure(response, Number.isFinite(code) ? String(code) : `http-${response.statusCode}`, details ?? str(error.message) ?? `Meta answered HTTP ${response.statusCode}`);
		if (outcome.kind !== 'failed') return outcome;
		if (OPTED_OUT.has(code)) return { ...outcome, permanence: 'permanent', reason: 'opted-out' };
		if (INVALID_CONTACT.has(code)) return { ...outcome, permanence: 'permanent', reason: 'invalid-contact' };
		if (TRANSIENT.has(code)) return { ...outcome, permanence: 'transient', reason: code === 131000 ? 'server' : 'rate-limit' };
		if (code === 190) return { ...outcome, permanence: 'permanent', reason: 'auth' };
		return outcome;
	},
	signatureSecrets: ['appSecret'],
	verifySignature(request, secrets) {
		if (!secrets.appSecret) return { ok: false, reason: 'no app secret in the credential' };
		return verifyMeta(secrets.appSecret, request.rawBody, request.headers['x-hub-signature-256']);
	},
	parseStatusCallback: parseMetaCallback,
};

const STATUS_MAP: Record<string, EventStatus> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed', deleted: 'failed' };
const STOP_WORDS = /^\s*(stop|stoppen|afmelden|unsubscribe)\s*$/i;

const isoFromSeconds = (value: unknown, fallback: number) => new Date(Number.isFinite(Number(value)) && value !== undefined ? Number(value) * 1000 : fallback).toISOString();

function parseMetaCallback(request: CallbackRequest): DeliveryEvent[] {
	const events: DeliveryEvent[] = [];
	const now = request.now ?? Date.now();
	for (const entry of (request.body.entry as Array<Record<string, unknown>>) ?? []) {
		for (const change of (entry.changes as Array<Record<string, unknown>>) ?? []) {
			const value = (change.value ?? {}) as Record<string, unknown>;
			for (const status of (value.statuses as Array<Record<string, unknown>>) ?? []) {
				const error = Array.isArray(status.errors) ? (status.errors[0] as Record<string, unknown>) : undefined;
				const code = error ? Number(error.code) : undefined;
				events.push({
					provider: 'metaWhatsApp',
					channel: 'whatsapp',
					messageId: str(status.id),
					idempotencyKey: str(status.biz_opaque_callback_data),
					status: code !== undefined && OPTED_OUT.has(code) ? 'opted-out' : (STATUS_MAP[str(status.status) ?? ''] ?? 'unknown'),
					providerStatus: str(status.status),
					time: isoFromSeconds(status.timestamp, now),
					recipient: str(status.recipient_id),
					errorCode: code !== undefined ? String(code) : undefined,
					errorMessage: error ? str((error.error_data as Record<string, unknown> | undefined)?.details) ?? str(error.title) : undefined,
					permanent: code !== undefined ? !TRANSIENT.has(code) : undefined,
				});
			}
			for (const message of (value.messages as Array<Record<string, unknown>>) ?? []) {
				const text =
					str((message.text as Record<string, unknown> | undefined)?.body) ??
					str((message.button as Record<string, unknown> | undefined)?.text) ??
					str(((message.interactive as Record<string, unknown> | undefined)?.button_reply as Record<string, unknown> | undefined)?.title);
				events.push({
					provider: 'metaWhatsApp',
					channel: 'whatsapp',
					messageId: str(message.id),
					// A reply names the message it answers in `context.id`.
					status: text && STOP_WORDS.test(text) ? 'opted-out' : 'replied',
					providerStatus: str(message.type),
					time: isoFromSeconds(message.timestamp, now),
					from: str(message.from),
					replyText: text,
				});
			}
		}
	}
	return events;
}
