/**
 * Mailgun (US api.mailgun.net or EU api.eu.mailgun.net; the region is fixed per sending domain):
 * Basic auth api:<key>, form-encoded messages, `{ id, message }` back. The idempotency key is a
 * custom variable (v:sc_key) returned in every event; events are signed in the body
 * (HMAC-SHA256 of timestamp + token with the webhook signing key).
 */
import { emailContent, requireFrom } from '../content';
import { base64ToBytes } from '../../base64';
import { formEncode, httpFailure, isSuccess, joinUrl, jsonBody, multipartBody, str } from '../http';
import { verifyMailgun } from '../signatures';
import { SendValidationError, type CallbackRequest, type DeliveryEvent, type EventStatus, type ProviderAdapter, type SendContext } from '../types';

const MAILGUN_BASE_URLS = { us: 'https://api.mailgun.net', eu: 'https://api.eu.mailgun.net' } as const;

/** Base URL: an explicit one (tests), else by region. */
export function mailgunBaseUrl(credentials: Record<string, unknown>): string {
	return str(credentials.baseUrl) ?? (credentials.region === 'eu' ? MAILGUN_BASE_URLS.eu : MAILGUN_BASE_URLS.us);
}

function domainOf(context: SendContext): string {
	const domain = str(context.credentials.domain);
	if (!domain) throw new SendValidationError('the Mailgun credential has no sending domain', 'credentials.domain', 'configuration');
	return domain;
}

export const mailgunAdapter: ProviderAdapter = {
	id: 'mailgun',
	displayName: 'Mailgun',
	channels: ['email'],
	credentialType: 'socialCollectionsMailgunApi',
	idempotency: 'reference',
	defaultRatePerSecond: 50,
	buildRequest(message, recipient, context) {
		const email = emailContent(message, recipient);
		const from = requireFrom(str(context.options.from) ?? str(context.credentials.from), 'sender e-mail address');
		const fromName = str(context.options.fromName) ?? str(context.credentials.fromName);
		const url = joinUrl(mailgunBaseUrl(context.credentials), `/v3/${encodeURIComponent(domainOf(context))}/messages`);
		const fields: Array<[string, string | undefined]> = [
			['from', fromName ? `${fromName} <${from}>` : from],
			['to', email.to],
			['subject', email.subject],
			['text', email.text],
			['html', email.html],
			['h:Reply-To', str(context.options.replyTo)],
			['h:X-Idempotency-Key', context.idempotencyKey],
			['v:sc_key', context.idempotencyKey],
			['o:testmode', context.credentials.testMode === true ? 'yes' : undefined],
		];
		if (email.attachments.length === 0) return { method: 'POST', url, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: formEncode(fields) };
		// Files need multipart/form-data. Mailgun takes an inline image as an `inline` part and uses
		// its file name as the Content-ID, so that part is named after the cid the HTML shows.
		const files = email.attachments.map(({ filename, contentType, cid, contentBase64 }) => ({ field: cid ? 'inline' : 'attachment', filename: cid ?? filename, contentType, bytes: base64ToBytes(contentBase64) }));
		const boundary = `sc-${context.idempotencyKey}`;
		return { method: 'POST', url, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body: multipartBody(boundary, fields, files) };
	},
	parseResponse(response) {
		const body = jsonBody(response);
		if (isSuccess(response.statusCode)) return { kind: 'accepted', status: 'queued', providerMessageId: str(body.id)?.replace(/^<|>$/g, ''), providerStatus: str(body.message) };
		const text = str(body.message) ?? (typeof response.body === 'string' ? response.body : undefined);
		return httpFailure(response, `http-${response.statusCode}`, text ?? `Mailgun answered HTTP ${response.statusCode}`);
	},
	signatureSecrets: ['webhookSigningKey'],
	verifySignature(request, secrets) {
		if (!secrets.webhookSigningKey) return { ok: false, reason: 'no webhook signing key in the credential' };
		const signature = (request.body.signature ?? {}) as Record<string, unknown>;
		const now = request.now ?? Date.now();
		const own = verifyMailgun(secrets.webhookSigningKey, str(signature.timestamp), str(signature.token), str(signature.signature), now);
		// An event of a subaccount's domain also carries `parent-signature`, the same HMAC with the
		// primary account's key, so one key verifies every subaccount (Mailgun, "Securing Webhooks").
		const parentSignature = str(signature['parent-signature']);
		if (own.ok || !parentSignature) return own;
		return verifyMailgun(secrets.webhookSigningKey, str(signature.timestamp), str(signature.token), parentSignature, now);
	},
	parseStatusCallback: parseMailgunEvent,
	// The signature covers timestamp and token, not the event: a token accepted once may not carry another body.
	replayKey: (request) => str(((request.body.signature ?? {}) as Record<string, unknown>).token),
};

const EVENT_MAP: Record<string, EventStatus> = { accepted: 'queued', delivered: 'delivered', opened: 'opened', clicked: 'clicked', unsubscribed: 'opted-out', complained: 'opted-out' };

function parseMailgunEvent(request: CallbackRequest): DeliveryEvent[] {
	const data = (request.body['event-data'] ?? {}) as Record<string, unknown>;
	const event = str(data.event) ?? 'unknown';
	const severity = str(data.severity);
	const status = (data['delivery-status'] ?? {}) as Record<string, unknown>;
	const headers = ((data.message ?? {}) as Record<string, unknown>).headers as Record<string, unknown> | undefined;
	const variables = (data['user-variables'] ?? {}) as Record<string, unknown>;
	return [
		{
			provider: 'mailgun',
			channel: 'email',
			messageId: str(headers?.['message-id']),
			idempotencyKey: str(variables.sc_key),
			status: event === 'failed' ? (severity === 'permanent' ? 'bounced' : 'failed') : (EVENT_MAP[event] ?? 'unknown'),
			providerStatus: severity ? `${event}:${severity}` : event,
			time: new Date(Number(data.timestamp) * 1000 || request.now || Date.now()).toISOString(),
			recipient: str(data.recipient),
			errorCode: str(status.code),
			errorMessage: str(status.description) ?? str(status.message),
			permanent: event === 'failed' ? severity === 'permanent' : undefined,
		},
	];
}
