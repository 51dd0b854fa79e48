/**
 * The generic HTTPS webhook: POSTs the rendered message as JSON to the creditor's own system (which
 * may print, call or send it itself). The credential signs every call (HMAC-SHA256 over
 * `<timestamp>.<body>`, see signatures.ts) and the receiver must drop a second call with the same
 * Idempotency-Key, which makes repeating an attempt of unknown outcome safe. The same signature
 * scheme is accepted back by the Delivery Status Trigger for the creditor's delivery events.
 */
import { bytesToBase64 } from '../../base64';
import { header, httpFailure, isSuccess, jsonBody, str } from '../http';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, verifyPackageWebhook } from '../signatures';
import { EVENT_STATUSES, SEND_CHANNELS, SendValidationError, type DeliveryEvent, type EventStatus, type ProviderAdapter, type SendChannel } from '../types';

export const webhookAdapter: ProviderAdapter = {
	id: 'webhook',
	displayName: 'HTTPS Webhook (Creditor System)',
	channels: ['email', 'sms', 'whatsapp', 'letter', 'phone'],
	credentialType: 'socialCollectionsWebhookApi',
	idempotency: 'native',
	defaultRatePerSecond: 50,
	buildRequest(message, recipient, context) {
		const url = str(context.credentials.url);
		if (!url) throw new SendValidationError('the webhook credential has no URL', 'credentials.url', 'configuration');
		const { letter, ...rest } = message;
		const payload = {
			event: 'message',
			idempotencyKey: context.idempotencyKey,
			channel: context.channel,
			debtorId: recipient.debtorId,
			recipient: {
				name: recipient.name,
				email: recipient.email,
				mobile: recipient.mobile,
				phone: recipient.phone,
				address: recipient.address,
				language: recipient.language,
			},
			message: {
				...rest,
				...(letter?.pdf ? { letterPdfBase64: bytesToBase64(letter.pdf), letterFileName: letter.fileName } : {}),
				...(context.channel === 'letter' ? { registered: context.options.registered === true } : {}),
			},
			statusCallbackUrl: context.options.statusCallbackUrl,
			createdAt: new Date(context.now()).toISOString(),
		};
		return {
			method: 'POST',
			url,
			headers: {
				'Content-Type': 'application/json',
				'Idempotency-Key': context.idempotencyKey,
				'X-Signature-Timestamp': String(Math.floor(context.now() / 1000)),
			},
			// A string, so the signature covers exactly the bytes sent.
			body: JSON.stringify(payload),
		};
	},
	parseResponse(response, context) {
		// 409: the receiver already has this idempotency key, i.e. an earlier attempt arrived.
		if (isSuccess(response.statusCode) || response.statusCode === 409) {
			const body = jsonBody(response);
			return {
				kind: 'accepted',
				status: response.statusCode === 202 ? 'queued' : 'sent',
				providerMessageId: str(body.messageId) ?? str(body.id) ?? header(response, 'x-message-id') ?? context.idempotencyKey,
				details: response.statusCode === 409 ? { duplicate: true } : undefined,
			};
		}
		const body = jsonBody(response);
		return httpFailure(response, str(body.code) ?? `http-${response.statusCode}`, str(body.message) ?? str(body.error) ?? `the creditor system answered HTTP ${response.statusCode}`);
	},
	signatureSecrets: ['signingSecret'],
	verifySignature(request, secrets) {
		if (!secrets.signingSecret) return { ok: false, reason: 'no signing secret in the credential' };
		return verifyPackageWebhook(secrets.signingSecret, request.rawBody, request.headers[SIGNATURE_HEADER], request.headers[SIGNATURE_TIMESTAMP_HEADER], request.now ?? Date.now());
	},
	parseStatusCallback(request) {
		const raw = request.body.events ?? request.body;
		const list = Array.isArray(raw) ? raw : [raw];
		return list.map((entry): DeliveryEvent => {
			const event = (entry ?? {}) as Record<string, unknown>;
			const status = str(event.status) ?? 'unknown';
			const channel = str(event.channel) ?? 'email';
			return {
				provider: 'webhook',
				channel: (SEND_CHANNELS as readonly string[]).includes(channel) ? (channel as SendChannel) : 'email',
				messageId: str(event.messageId),
				idempotencyKey: str(event.idempotencyKey),
				status: (EVENT_STATUSES as readonly string[]).includes(status) ? (status as EventStatus) : 'unknown',
				providerStatus: status,
				time: str(event.time) ?? new Date(request.now ?? Date.now()).toISOString(),
				recipient: str(event.recipient),
				replyText: str(event.replyText),
				errorCode: str(event.errorCode),
				errorMessage: str(event.errorMessage),
			};
		});
	},
};
