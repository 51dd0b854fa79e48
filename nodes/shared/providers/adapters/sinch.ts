/**
 * Sinch SMS REST (us.sms.api.sinch.com or eu.sms.api.sinch.com): POST /xms/v1/{service plan}/batches
 * with a Bearer API token, one recipient per batch, per-recipient delivery reports to the callback
 * URL, and the idempotency key as `client_reference` (returned in every report). Callbacks are
 * verified when HMAC is configured on the service plan (`x-sinch-webhook-signature`).
 */
import { mobileOf, requireFrom, smsText } from '../content';
import { httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import { verifySinch } from '../signatures';
import { SendValidationError, type CallbackRequest, type DeliveryEvent, type EventStatus, type ProviderAdapter } from '../types';

const SINCH_BASE_URLS = { us: 'https://us.sms.api.sinch.com', eu: 'https://eu.sms.api.sinch.com' } as const;

function sinchBaseUrl(credentials: Record<string, unknown>): string {
	return str(credentials.baseUrl) ?? (credentials.region === 'us' ? SINCH_BASE_URLS.us : SINCH_BASE_URLS.eu);
}

export const sinchAdapter: ProviderAdapter = {
	id: 'sinch',
	displayName: 'Sinch',
	channels: ['sms'],
	credentialType: 'socialCollectionsSinchApi',
	idempotency: 'reference',
	defaultRatePerSecond: 30,
	buildRequest(message, recipient, context) {
		const plan = str(context.credentials.servicePlanId);
		if (!plan) throw new SendValidationError('the Sinch credential has no service plan ID', 'credentials.servicePlanId', 'configuration');
		const callback = str(context.options.statusCallbackUrl);
		return {
			method: 'POST',
			url: joinUrl(sinchBaseUrl(context.credentials), `/xms/v1/${encodeURIComponent(plan)}/batches`),
			headers: { 'Content-Type': 'application/json' },
			body: {
				from: requireFrom(str(context.options.from) ?? str(context.credentials.from), 'sender'),
				to: [mobileOf(recipient)],
				body: smsText(message),
				delivery_report: callback ? 'per_recipient' : 'none',
				...(callback ? { callback_url: callback } : {}),
				client_reference: context.idempotencyKey,
			},
		};
	},
	parseResponse(response) {
		const body = jsonBody(response);
		if (isSuccess(response.statusCode)) return { kind: 'accepted', status: 'queued', providerMessageId: str(body.id), providerStatus: 'created' };
		const outcome = httpFailure(response, str(body.code) ?? `http-${response.statusCode}`, str(body.text) ?? `Sinch answered HTTP ${response.statusCode}`);
		return outcome;
	},
	parseStatusCallback(request: CallbackRequest): DeliveryEvent[] {
		const body = request.body;
		const status = str(body.status) ?? 'Unknown';
		const map: Record<string, EventStatus> = { Queued: 'queued', Dispatched: 'sent', Delivered: 'delivered', Failed: 'failed', Rejected: 'failed', Aborted: 'failed', Cancelled: 'failed', Expired: 'failed', Deleted: 'failed', Unknown: 'unknown' };
		return [
			{
				provider: 'sinch',
				channel: 'sms',
				messageId: str(body.batch_id),
				idempotencyKey: str(body.client_reference),
				status: map[status] ?? 'unknown',
				providerStatus: status,
				time: str(body.at) ?? new Date(request.now ?? Date.now()).toISOString(),
				recipient: str(body.recipient),
				errorCode: str(body.code),
				// Expired (406) and 404 are temporary by Sinch's codes; the other failures final.
				permanent: ['Failed', 'Rejected', 'Aborted', 'Deleted'].includes(status) ? true : status === 'Expired' ? false : undefined,
			},
		];
	},
	signatureSecrets: ['webhookSecret'],
	// Sinch signs only when HMAC is set up for the service plan; without it, the credential's token.
	reportAuth: ['token'],
	verifySignature(request, secrets) {
		if (!secrets.webhookSecret) return { ok: false, reason: 'no Callback HMAC Secret in the Sinch credential' };
		return verifySinch(secrets.webhookSecret, request.rawBody, request.headers);
	},
};
