/**
 * Bird (formerly MessageBird) Channels API: POST /workspaces/{workspace}/channels/{channel}/messages
 * with `Authorization: AccessKey <key>`, the idempotency key as `reference` (request shape: Bird's
 * "send an SMS message" quick-start). The response's `id`/`status` and the event payload fields
 * follow Bird's documentation of message lifecycle events (`sms.outbound`, `sms.inbound`); the exact
 * response body is not confirmed against a live account. A failure is read from `failure.code`,
 * `failure.source` and the message's `reason` / `details`. Webhook subscriptions created with a
 * signing key are verified (`messagebird-signature`).
 */
import { mobileOf, smsText } from '../content';
import { httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import { verifyBird } from '../signatures';
import { SendValidationError, type CallbackRequest, type DeliveryEvent, type EventStatus, type ProviderAdapter } from '../types';

const BIRD_DEFAULT_BASE_URL = 'https://api.bird.com';

export const birdAdapter: ProviderAdapter = {
	id: 'bird',
	displayName: 'Bird (MessageBird)',
	channels: ['sms'],
	credentialType: 'socialCollectionsBirdApi',
	idempotency: 'reference',
	// 500 POST requests per second per workspace; stay well below.
	defaultRatePerSecond: 100,
	buildRequest(message, recipient, context) {
		const workspace = str(context.credentials.workspaceId);
		const channel = str(context.credentials.smsChannelId);
		if (!workspace || !channel) throw new SendValidationError('the Bird credential needs a workspace ID and an SMS channel ID', 'credentials.smsChannelId', 'configuration');
		return {
			method: 'POST',
			url: joinUrl(str(context.credentials.baseUrl) ?? BIRD_DEFAULT_BASE_URL, `/workspaces/${encodeURIComponent(workspace)}/channels/${encodeURIComponent(channel)}/messages`),
			headers: { 'Content-Type': 'application/json' },
			body: {
				receiver: { contacts: [{ identifierValue: mobileOf(recipient) }] },
				body: { type: 'text', text: { text: smsText(message) } },
				reference: context.idempotencyKey,
			},
		};
	},
	parseResponse(response) {
		const body = jsonBody(response);
		if (isSuccess(response.statusCode)) return { kind: 'accepted', status: 'queued', providerMessageId: str(body.id), providerStatus: str(body.status) ?? 'accepted' };
		return httpFailure(response, str(body.code) ?? `http-${response.statusCode}`, str(body.message) ?? `Bird answered HTTP ${response.statusCode}`);
	},
	parseStatusCallback: parseBirdEvent,
	signatureSecrets: ['webhookSigningKey'],
	// Bird signs only subscriptions created with a signing key; without one, the credential's token.
	reportAuth: ['token'],
	verifySignature(request, secrets) {
		if (!secrets.webhookSigningKey) return { ok: false, reason: 'no Webhook Signing Key in the Bird credential' };
		return verifyBird(secrets.webhookSigningKey, request.url, request.rawBody, request.headers['messagebird-signature'], request.headers['messagebird-request-timestamp']);
	},
};

const STATUS_MAP: Record<string, EventStatus> = { accepted: 'queued', processing: 'queued', scheduled: 'queued', sent: 'sent', sending_failed: 'failed', delivered: 'delivered', delivery_failed: 'failed', failed: 'failed', read: 'read' };

function parseBirdEvent(request: CallbackRequest): DeliveryEvent[] {
	const payload = (request.body.payload ?? request.body) as Record<string, unknown>;
	const contacts = ((payload.receiver as Record<string, unknown> | undefined)?.contacts ?? []) as Array<Record<string, unknown>>;
	// A failed message: `failure{code, source{name, code}}` plus `reason` and `details` on the message
	// (Bird, "Message failure codes" and "Message failure sources").
	const failure = (payload.failure ?? {}) as Record<string, unknown>;
	const source = (failure.source ?? {}) as Record<string, unknown>;
	const sourceText = str(source.name) ? `source ${str(source.name)}${str(source.code) ? ` ${str(source.code)}` : ''}` : undefined;
	const failureText = [str(payload.reason) ?? str(payload.details), sourceText].filter(Boolean).join('; ') || undefined;
	const status = str(payload.status) ?? 'unknown';
	const inbound = str(request.body.event)?.endsWith('.inbound') === true;
	const text = str(((payload.body as Record<string, unknown> | undefined)?.text as Record<string, unknown> | undefined)?.text);
	return [
		{
			provider: 'bird',
			channel: 'sms',
			messageId: str(payload.id),
			idempotencyKey: str(payload.reference),
			status: inbound ? 'replied' : (STATUS_MAP[status] ?? 'unknown'),
			providerStatus: status,
			time: str(payload.updatedAt) ?? str(payload.createdAt) ?? new Date(request.now ?? Date.now()).toISOString(),
			recipient: str(contacts[0]?.identifierValue),
			replyText: inbound ? text : undefined,
			errorCode: str(failure.code),
			errorMessage: failureText,
		},
	];
}
