/**
 * Pingen (print and mail, v2 API, staging at api-staging.pingen.com): asks for a signed upload URL,
 * PUTs the letter PDF there (no credential: the URL is pre-signed), then creates the letter with
 * `auto_send` and the delivery product (`registered` for registered mail). Shapes follow Pingen's
 * own SDK (pingencom/pingen2-sdk-js). Pingen reads the address from the PDF's window zone; the
 * address is also sent as meta data so Pingen can check it.
 */
import { httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import { addressOf, letterPdf } from '../content';
import { verifyHexBodyHmac } from '../signatures';
import { SendValidationError, type CallbackRequest, type DeliveryEvent, type EventStatus, type OutgoingMessage, type ProviderAdapter, type ProviderRequest, type ProviderResponse, type Recipient, type SendContext, type SendOutcome } from '../types';

const PINGEN_DEFAULT_BASE_URL = 'https://api.pingen.com';
const JSON_API = 'application/vnd.api+json';

function baseUrl(context: SendContext): string {
	return str(context.credentials.baseUrl) ?? PINGEN_DEFAULT_BASE_URL;
}

function organisation(context: SendContext): string {
	const id = str(context.credentials.organisationId);
	if (!id) throw new SendValidationError('the Pingen credential has no organisation ID', 'credentials.organisationId', 'configuration');
	return id;
}

function letterRequest(message: OutgoingMessage, recipient: Recipient, context: SendContext, upload: { url: string; signature: string }): ProviderRequest {
	const { fileName } = letterPdf(message);
	const address = addressOf(recipient);
	const registered = context.options.registered === true || message.letter?.registered === true;
	return {
		method: 'POST',
		url: joinUrl(baseUrl(context), `/organisations/${encodeURIComponent(organisation(context))}/deliveries/letters`),
		headers: { 'Content-Type': JSON_API, Accept: JSON_API, 'Idempotency-Key': context.idempotencyKey },
		body: {
			data: {
				type: 'letters',
				attributes: {
					file_original_name: fileName,
					file_url: upload.url,
					file_url_signature: upload.signature,
					address_position: str(context.options.addressPosition) ?? 'left',
					auto_send: true,
					delivery_product: registered ? 'registered' : (str(context.options.deliveryProduct) ?? 'cheap'),
					print_mode: str(context.options.printMode) ?? 'simplex',
					print_spectrum: str(context.options.printSpectrum) ?? 'grayscale',
					meta_data: {
						recipient: {
							name: recipient.name ?? '',
							street: address.street,
							number: address.houseNumber,
							zip: address.postalCode,
							city: address.city,
							country: address.country,
						},
					},
				},
			},
		},
	};
}

function pingenFailure(response: ProviderResponse, step: string): SendOutcome {
	const body = jsonBody(response);
	const first = Array.isArray(body.errors) ? (body.errors[0] as Record<string, unknown>) : {};
	return httpFailure(response, str(first?.code) ?? `http-${response.statusCode}`, `${step}: ${str(first?.detail) ?? str(first?.title) ?? `Pingen answered HTTP ${response.statusCode}`}`);
}

export const pingenAdapter: ProviderAdapter = {
	id: 'pingen',
	displayName: 'Pingen',
	channels: ['letter'],
	credentialType: 'socialCollectionsPingenApi',
	// Pingen honours Idempotency-Key on creation, but a retry after a lost upload carries a new
	// file URL, so the key is treated as a reference only.
	idempotency: 'reference',
	defaultRatePerSecond: 5,
	buildRequest(message, recipient, context) {
		// For dry runs: the upload URL is only known after the first call.
		return letterRequest(message, recipient, context, { url: '<signed upload URL from GET /file-upload>', signature: '<url_signature>' });
	},
	parseResponse(response) {
		if (!isSuccess(response.statusCode)) return pingenFailure(response, 'create letter');
		const data = (jsonBody(response).data ?? {}) as Record<string, unknown>;
		const attributes = (data.attributes ?? {}) as Record<string, unknown>;
		return { kind: 'accepted', status: 'queued', providerMessageId: str(data.id), providerStatus: str(attributes.status), details: { deliveryProduct: str(attributes.delivery_product) } };
	},
	async send(message, recipient, context, io) {
		const { pdf } = letterPdf(message);
		// Validate everything before the first call, so a bad letter costs no upload.
		letterRequest(message, recipient, context, { url: '', signature: '' });
		const uploadResponse = await io.http({ method: 'GET', url: joinUrl(baseUrl(context), '/file-upload'), headers: { Accept: JSON_API } });
		if ('transportError' in uploadResponse) return { kind: 'failed', permanence: 'transient', errorCode: uploadResponse.code, errorMessage: `request upload URL: ${uploadResponse.message}`, reason: 'network' };
		if (!isSuccess(uploadResponse.statusCode)) return pingenFailure(uploadResponse, 'request upload URL');
		const attributes = (((jsonBody(uploadResponse).data ?? {}) as Record<string, unknown>).attributes ?? {}) as Record<string, unknown>;
		const url = str(attributes.url);
		const signature = str(attributes.url_signature);
		if (!url || !signature) return { kind: 'failed', permanence: 'transient', errorCode: 'upload-url-missing', errorMessage: 'Pingen returned no upload URL', reason: 'server' };
		const put = await io.http({ method: 'PUT', url, headers: { 'Content-Type': 'application/pdf' }, body: pdf, authenticate: false });
		if ('transportError' in put) return { kind: 'failed', permanence: 'transient', errorCode: put.code, errorMessage: `upload PDF: ${put.message}`, reason: 'network' };
		if (!isSuccess(put.statusCode)) return httpFailure(put, `http-${put.statusCode}`, `upload PDF: storage answered HTTP ${put.statusCode}`);
		const created = await io.http(letterRequest(message, recipient, context, { url, signature }));
		if ('transportError' in created) return { kind: 'failed', permanence: 'transient', errorCode: created.code, errorMessage: `create letter: ${created.message}`, outcomeUnknown: created.code === 'timeout', reason: 'network' };
		return this.parseResponse(created, context);
	},
	signatureSecrets: ['webhookSecret'],
	verifySignature(request, secrets) {
		if (!secrets.webhookSecret) return { ok: false, reason: 'no webhook signing secret in the credential' };
		return verifyHexBodyHmac(secrets.webhookSecret, request.rawBody, request.headers.signature, 'Signature');
	},
	parseStatusCallback: parsePingenCallback,
};

const EVENT_MAP: Record<string, EventStatus> = {
	webhook_sent: 'sent',
	webhook_delivered: 'delivered',
	webhook_undeliverable: 'bounced',
	webhook_issues: 'failed',
};

function parsePingenCallback(request: CallbackRequest): DeliveryEvent[] {
	const data = (request.body.data ?? {}) as Record<string, unknown>;
	const attributes = (data.attributes ?? {}) as Record<string, unknown>;
	const relationships = (data.relationships ?? {}) as Record<string, Record<string, unknown>>;
	const letter = (relationships.letter?.data ?? {}) as Record<string, unknown>;
	const type = str(data.type) ?? 'unknown';
	return [
		{
			provider: 'pingen',
			channel: 'letter',
			messageId: str(letter.id),
			status: EVENT_MAP[type] ?? 'unknown',
			providerStatus: type,
			time: str(attributes.created_at) ?? new Date(request.now ?? Date.now()).toISOString(),
			errorMessage: str(attributes.reason),
			permanent: type === 'webhook_undeliverable' ? true : undefined,
		},
	];
}
