/**
 * SendGrid v3 Mail Send (api.sendgrid.com, or api.eu.sendgrid.com for EU regional subusers):
 * Bearer API key, 202 with the message id in X-Message-Id. The idempotency key goes in
 * `custom_args` (returned with every event; it is a hash, no personal data). Events come from the
 * signed Event Webhook (ECDSA, verified with the public key from SendGrid's settings).
 */
import { emailContent, requireFrom } from '../content';
import { header, httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import { verifySendGrid } from '../signatures';
import type { CallbackRequest, DeliveryEvent, EventStatus, ProviderAdapter } from '../types';

const SENDGRID_DEFAULT_BASE_URL = 'https://api.sendgrid.com';
const SENDGRID_KEY_ARG = 'sc_key';

export const sendGridAdapter: ProviderAdapter = {
	id: 'sendgrid',
	displayName: 'SendGrid',
	channels: ['email'],
	credentialType: 'socialCollectionsSendGridApi',
	idempotency: 'reference',
	defaultRatePerSecond: 50,
	buildRequest(message, recipient, context) {
		const email = emailContent(message, recipient);
		const from = requireFrom(str(context.options.from) ?? str(context.credentials.from), 'sender e-mail address');
		const fromName = str(context.options.fromName) ?? str(context.credentials.fromName);
		const content = [
			...(email.text ? [{ type: 'text/plain', value: email.text }] : []),
			...(email.html ? [{ type: 'text/html', value: email.html }] : []),
		];
		return {
			method: 'POST',
			url: joinUrl(str(context.credentials.baseUrl) ?? SENDGRID_DEFAULT_BASE_URL, '/v3/mail/send'),
			headers: { 'Content-Type': 'application/json' },
			body: {
				personalizations: [{ to: [{ email: email.to, ...(recipient.name ? { name: recipient.name } : {}) }], custom_args: { [SENDGRID_KEY_ARG]: context.idempotencyKey } }],
				from: { email: from, ...(fromName ? { name: fromName } : {}) },
				...(str(context.options.replyTo) ? { reply_to: { email: str(context.options.replyTo) } } : {}),
				subject: email.subject,
				content,
				// v3 Mail Send: base64 content; inline parts need their content_id (the HTML's cid:).
				...(email.attachments.length
					? {
							attachments: email.attachments.map(({ filename, contentType, cid, contentBase64 }) => ({
								content: contentBase64,
								type: contentType,
								filename,
								disposition: cid ? 'inline' : 'attachment',
								...(cid ? { content_id: cid } : {}),
							})),
						}
					: {}),
				headers: { 'X-Idempotency-Key': context.idempotencyKey },
				...(context.credentials.sandboxMode === true ? { mail_settings: { sandbox_mode: { enable: true } } } : {}),
			},
		};
	},
	parseResponse(response) {
		if (isSuccess(response.statusCode)) return { kind: 'accepted', status: 'queued', providerMessageId: header(response, 'x-message-id'), providerStatus: `http-${response.statusCode}` };
		const errors = jsonBody(response).errors;
		const first = Array.isArray(errors) ? (errors[0] as Record<string, unknown>) : {};
		return httpFailure(response, `http-${response.statusCode}`, [str(first?.field), str(first?.message) ?? `SendGrid answered HTTP ${response.statusCode}`].filter(Boolean).join(': '));
	},
	signatureSecrets: ['webhookPublicKey'],
	verifySignature(request, secrets) {
		if (!secrets.webhookPublicKey) return { ok: false, reason: 'no Event Webhook public key in the credential' };
		return verifySendGrid(secrets.webhookPublicKey, request.rawBody, request.headers['x-twilio-email-event-webhook-signature'], request.headers['x-twilio-email-event-webhook-timestamp']);
	},
	parseStatusCallback: parseSendGridEvents,
};

const EVENT_MAP: Record<string, EventStatus> = {
	processed: 'queued',
	deferred: 'queued',
	delivered: 'delivered',
	bounce: 'bounced',
	dropped: 'failed',
	open: 'opened',
	click: 'clicked',
	spamreport: 'opted-out',
	unsubscribe: 'opted-out',
	group_unsubscribe: 'opted-out',
};

function parseSendGridEvents(request: CallbackRequest): DeliveryEvent[] {
	const raw = Array.isArray(request.body) ? request.body : JSON.parse(request.rawBody || '[]');
	return (raw as Array<Record<string, unknown>>).map((event) => ({
		provider: 'sendgrid',
		channel: 'email',
		// sg_message_id is "<X-Message-Id>.<filter suffix>".
		messageId: str(event.sg_message_id)?.split('.')[0],
		idempotencyKey: str(event[SENDGRID_KEY_ARG]),
		status: EVENT_MAP[str(event.event) ?? ''] ?? 'unknown',
		providerStatus: str(event.event),
		time: new Date(Number(event.timestamp) * 1000 || request.now || Date.now()).toISOString(),
		recipient: str(event.email),
		errorCode: str(event.status),
		errorMessage: str(event.reason),
		permanent: event.event === 'bounce' ? str(event.type) !== 'blocked' : event.event === 'dropped' ? true : undefined,
	}));
}
