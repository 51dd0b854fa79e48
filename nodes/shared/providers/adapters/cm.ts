/**
 * CM.com Business Messaging (gw.messaging.cm.com/v1.0/message), for SMS and WhatsApp: product
 * token in X-CM-PRODUCTTOKEN, numbers with the 00 prefix, the idempotency key as `reference`
 * (CM reports per reference). WhatsApp goes as a template in richContent with
 * allowedChannels ["WhatsApp"]. Status reports are unsigned: the trigger accepts them only with the credential's Report URL Token.
 */
import { mobileOf, requireFrom, smsText, whatsAppTemplate } from '../content';
import { httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import type { CallbackRequest, DeliveryEvent, EventStatus, OutgoingMessage, ProviderAdapter, ProviderResponse, Recipient, SendContext, SendOutcome } from '../types';

const CM_DEFAULT_BASE_URL = 'https://gw.messaging.cm.com';

// Request-level and per-message error codes (CM's text SDK): 101/103 auth, 102 balance,
// 302/303 invalid number, 401 spam, 402 blacklisted, 500/999 server side.
const AUTH = new Set([101, 103]);
const INVALID_CONTACT = new Set([302, 303]);
const OPTED_OUT = new Set([402]);
const TRANSIENT = new Set([500, 999]);

/** E.164 (+31...) to CM's 00-prefixed form. */
const cmNumber = (mobile: string) => `00${mobile.replace(/^\+/, '')}`;

function cmRequest(message: OutgoingMessage, recipient: Recipient, context: SendContext, whatsapp: boolean) {
	const from = requireFrom(str(context.options.from) ?? str(context.credentials.from), 'sender (alphanumeric sender ID or number)');
	const base: Record<string, unknown> = {
		from,
		to: [{ number: cmNumber(mobileOf(recipient)) }],
		reference: context.idempotencyKey,
	};
	if (!whatsapp) {
		Object.assign(base, { body: { type: 'auto', content: smsText(message) }, allowedChannels: ['SMS'], minimumNumberOfMessageParts: 1, maximumNumberOfMessageParts: 8 });
	} else {
		const template = whatsAppTemplate(message);
		const parameters = (template.positional ?? Object.values(template.named ?? {})).map((text) => ({ type: 'text', text }));
		Object.assign(base, {
			body: { type: 'auto', content: '' },
			allowedChannels: ['WhatsApp'],
			richContent: {
				conversation: [
					{
						template: {
							whatsapp: {
								namespace: str(context.credentials.whatsappNamespace) ?? '',
								element_name: template.name,
								language: { policy: 'deterministic', code: template.language },
								...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
							},
						},
					},
				],
			},
		});
	}
	return {
		method: 'POST' as const,
		url: joinUrl(str(context.credentials.baseUrl) ?? CM_DEFAULT_BASE_URL, '/v1.0/message'),
		headers: { 'Content-Type': 'application/json' },
		body: { messages: { msg: [base] } },
	};
}

function parseCmResponse(response: ProviderResponse, context: SendContext): SendOutcome {
	const body = jsonBody(response);
	const first = Array.isArray(body.messages) ? (body.messages[0] as Record<string, unknown>) : {};
	const requestCode = Number(body.errorCode ?? 0);
	const messageCode = Number(first?.messageErrorCode ?? 0);
	if (isSuccess(response.statusCode) && requestCode === 0 && messageCode === 0) {
		return { kind: 'accepted', status: 'queued', providerMessageId: str(first?.reference) ?? context.idempotencyKey, providerStatus: str(first?.status) ?? 'Accepted', details: first?.parts !== undefined ? { parts: Number(first.parts) } : undefined };
	}
	const code = messageCode || requestCode;
	const outcome = httpFailure(response.statusCode >= 400 ? response : { ...response, statusCode: 400 }, String(code || `http-${response.statusCode}`), str(first?.messageDetails) ?? str(body.details) ?? `CM.com answered HTTP ${response.statusCode}`);
	if (outcome.kind !== 'failed') return outcome;
	if (response.statusCode === 429 || response.statusCode >= 500 || TRANSIENT.has(code)) return { ...outcome, permanence: 'transient', reason: response.statusCode === 429 ? 'rate-limit' : 'server' };
	if (AUTH.has(code)) return { ...outcome, permanence: 'permanent', reason: 'auth' };
	if (INVALID_CONTACT.has(code)) return { ...outcome, permanence: 'permanent', reason: 'invalid-contact' };
	if (OPTED_OUT.has(code)) return { ...outcome, permanence: 'permanent', reason: 'opted-out' };
	return { ...outcome, permanence: 'permanent' };
}

/**
 * `status.code` of CM's JSON status report ("Incoming Status Reports": `messages.msg{received, to,
 * reference, status{code, errorCode, errorDescription}, operator}`). CM's page names the field but
 * the numeric values are not in any source found: 0 accepted, 1 rejected, 2 delivered, 3 failed,
 * 4 read is unconfirmed, and any other code stays `unknown` with the code kept as providerStatus.
 */
const STATUS_CODES: Record<string, EventStatus> = { '0': 'queued', '1': 'failed', '2': 'delivered', '3': 'failed', '4': 'read' };

function parseCmReport(channel: 'sms' | 'whatsapp', request: CallbackRequest): DeliveryEvent[] {
	const container = ((request.body.messages ?? {}) as Record<string, unknown>).msg ?? request.body.msg;
	const list = Array.isArray(container) ? container : container ? [container] : [];
	return (list as Array<Record<string, unknown>>).map((msg) => {
		const status = (msg.status ?? {}) as Record<string, unknown>;
		const code = str(status.code);
		const errorCode = str(status.errorCode);
		return {
			provider: channel === 'whatsapp' ? 'cmWhatsApp' : 'cm',
			channel: str(msg.channel)?.toLowerCase() === 'whatsapp' ? 'whatsapp' : channel,
			messageId: str(msg.reference),
			idempotencyKey: str(msg.reference),
			status: (code !== undefined ? STATUS_CODES[code] : undefined) ?? 'unknown',
			providerStatus: code,
			time: str(msg.received) ?? new Date(request.now ?? Date.now()).toISOString(),
			recipient: str(msg.to),
			errorCode: errorCode && errorCode !== '0' ? errorCode : undefined,
			errorMessage: str(status.errorDescription),
		};
	});
}

export const cmSmsAdapter: ProviderAdapter = {
	id: 'cm',
	displayName: 'CM.com',
	channels: ['sms'],
	credentialType: 'socialCollectionsCmApi',
	idempotency: 'reference',
	defaultRatePerSecond: 50,
	buildRequest: (message, recipient, context) => cmRequest(message, recipient, context, false),
	parseResponse: parseCmResponse,
	parseStatusCallback: (request) => parseCmReport('sms', request),
	reportAuth: ['token'],
};

export const cmWhatsAppAdapter: ProviderAdapter = {
	id: 'cmWhatsApp',
	displayName: 'CM.com WhatsApp',
	channels: ['whatsapp'],
	credentialType: 'socialCollectionsCmApi',
	idempotency: 'reference',
	defaultRatePerSecond: 50,
	buildRequest: (message, recipient, context) => cmRequest(message, recipient, context, true),
	parseResponse: parseCmResponse,
	parseStatusCallback: (request) => parseCmReport('whatsapp', request),
	reportAuth: ['token'],
};
