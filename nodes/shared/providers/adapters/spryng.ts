/**
 * Spryng (NL): POST rest.spryngsms.com/v1/messages with a Bearer API key; the idempotency key as
 * `reference`. Simple API limit 1,200 requests a minute. Delivery reports: the REST v1 webhook
 * format is not documented [verify with Spryng]; the legacy form (REFERENCE, STATUS as GET query or
 * POST form) and a JSON body with reference/status are both read.
 */
import { mobileOf, requireFrom, smsText } from '../content';
import { httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import type { CallbackRequest, DeliveryEvent, EventStatus, ProviderAdapter } from '../types';

const SPRYNG_DEFAULT_BASE_URL = 'https://rest.spryngsms.com';

export const spryngAdapter: ProviderAdapter = {
	id: 'spryng',
	displayName: 'Spryng',
	channels: ['sms'],
	credentialType: 'socialCollectionsSpryngApi',
	idempotency: 'reference',
	defaultRatePerSecond: 20,
	buildRequest(message, recipient, context) {
		return {
			method: 'POST',
			url: joinUrl(str(context.credentials.baseUrl) ?? SPRYNG_DEFAULT_BASE_URL, '/v1/messages'),
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: {
				encoding: 'auto',
				body: smsText(message),
				route: str(context.credentials.route) ?? 'business',
				originator: requireFrom(str(context.options.from) ?? str(context.credentials.from), 'originator (sender ID)'),
				recipients: [mobileOf(recipient).replace(/^\+/, '')],
				reference: context.idempotencyKey,
			},
		};
	},
	parseResponse(response) {
		const body = jsonBody(response);
		if (isSuccess(response.statusCode)) return { kind: 'accepted', status: 'queued', providerMessageId: str(body.id), details: body.credits !== undefined ? { credits: Number(body.credits) } : undefined };
		const errors = body.errors && typeof body.errors === 'object' ? Object.values(body.errors as Record<string, unknown>).flat() : [];
		return httpFailure(response, `http-${response.statusCode}`, [str(body.message), ...errors.map(String)].filter(Boolean).join(' ') || `Spryng answered HTTP ${response.statusCode}`);
	},
	// Spryng signs nothing: the credential's token.
	reportAuth: ['token'],
	// The documented legacy report (GET REFERENCE, STATUS, RECIPIENT, REASONCODE). Spryng documents no
	// REST v1 report format: the lower-case JSON names are a guess (docs/channels/sms.md says so).
	parseStatusCallback(request: CallbackRequest): DeliveryEvent[] {
		const fields = { ...request.query, ...(request.body as Record<string, unknown>) } as Record<string, unknown>;
		const status = (str(fields.STATUS) ?? str(fields.status) ?? 'unknown').toLowerCase();
		const map: Record<string, EventStatus> = { delivered: 'delivered', 'not delivered': 'failed', failed: 'failed', buffered: 'queued', queued: 'queued', sent: 'sent' };
		const reference = str(fields.REFERENCE) ?? str(fields.reference);
		return [
			{
				provider: 'spryng',
				channel: 'sms',
				messageId: str(fields.id) ?? str(fields.ID) ?? reference,
				idempotencyKey: reference,
				status: map[status] ?? 'unknown',
				providerStatus: status,
				time: str(fields.updated_at) ?? new Date(request.now ?? Date.now()).toISOString(),
				recipient: str(fields.RECIPIENT) ?? str(fields.recipient),
				errorCode: str(fields.REASONCODE) ?? str(fields.reason_code),
			},
		];
	},
};
