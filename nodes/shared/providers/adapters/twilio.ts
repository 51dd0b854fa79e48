/**
 * Twilio Programmable Messaging, for SMS and WhatsApp (same Messages resource; WhatsApp numbers are
 * prefixed `whatsapp:` and business-initiated messages use a Content template, ContentSid HX...).
 * Twilio has no idempotency key on sends: the key travels in the StatusCallback URL (`?sc_key=`)
 * and comes back with every delivery report.
 */
import { formEncode, httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import { mobileOf, requireFrom, smsText, whatsAppTemplate } from '../content';
import { twilioBodyHash, twilioFormParams, verifyTwilio, verifyTwilioWithBody } from '../signatures';
import { SendValidationError, type CallbackRequest, type DeliveryEvent, type EventStatus, type ProviderAdapter, type ProviderRequest, type ProviderResponse, type SendChannel, type SendContext, type SendOutcome } from '../types';

const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';
const CALLBACK_KEY_PARAM = 'sc_key';

/** Error codes after which the same request can never succeed for this debtor (docs: twilio.com/docs/api/errors). */
const OPTED_OUT = new Set([21610]);
const INVALID_CONTACT = new Set([21211, 21614, 21612, 21408, 21606, 30005, 30006, 63003]);
const TRANSIENT = new Set([20429, 21611, 30001, 30003, 30008, 63018, 20500, 20503]);

function withKey(url: string | undefined, key: string): string | undefined {
	if (!url) return undefined;
	return `${url}${url.includes('?') ? '&' : '?'}${CALLBACK_KEY_PARAM}=${encodeURIComponent(key)}`;
}

function messagesUrl(context: SendContext): string {
	const sid = str(context.credentials.accountSid);
	if (!sid) throw new SendValidationError('the Twilio credential has no Account SID', 'credentials.accountSid', 'configuration');
	return joinUrl(str(context.credentials.baseUrl) ?? TWILIO_DEFAULT_BASE_URL, `/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`);
}

function senderFields(context: SendContext, prefix: string): Array<[string, string | undefined]> {
	const service = str(context.options.messagingServiceSid) ?? str(context.credentials.messagingServiceSid);
	if (service && !prefix) return [['MessagingServiceSid', service]];
	const from = requireFrom(str(context.options.from) ?? str(context.credentials.from), prefix ? 'WhatsApp sender number' : 'sender (From number, alphanumeric sender ID or Messaging Service SID)');
	return [['From', prefix && !from.startsWith(prefix) ? `${prefix}${from}` : from]];
}

function parseTwilioResponse(response: ProviderResponse): SendOutcome {
	const body = jsonBody(response);
	if (isSuccess(response.statusCode)) {
		const status = str(body.status) ?? 'queued';
		return {
			kind: 'accepted',
			status: status === 'sent' || status === 'delivered' ? 'sent' : 'queued',
			providerMessageId: str(body.sid),
			providerStatus: status,
			details: body.num_segments !== undefined ? { segments: Number(body.num_segments) } : undefined,
		};
	}
	const code = Number(body.code);
	const message = str(body.message) ?? `Twilio answered HTTP ${response.statusCode}`;
	const outcome = httpFailure(response, Number.isFinite(code) && code > 0 ? String(code) : `http-${response.statusCode}`, message);
	if (outcome.kind !== 'failed') return outcome;
	if (OPTED_OUT.has(code)) return { ...outcome, permanence: 'permanent', reason: 'opted-out' };
	if (INVALID_CONTACT.has(code)) return { ...outcome, permanence: 'permanent', reason: 'invalid-contact' };
	if (TRANSIENT.has(code)) return { ...outcome, permanence: 'transient', reason: code === 20429 ? 'rate-limit' : 'server' };
	return outcome;
}

const STATUS_MAP: Record<string, EventStatus> = {
	accepted: 'queued',
	scheduled: 'queued',
	queued: 'queued',
	sending: 'sent',
	sent: 'sent',
	delivered: 'delivered',
	read: 'read',
	undelivered: 'failed',
	failed: 'failed',
	canceled: 'failed',
	received: 'replied',
	receiving: 'replied',
};

const STOP_WORDS = /^\s*(stop|stopall|unsubscribe|cancel|end|quit|stoppen|afmelden)\s*$/i;

function parseTwilioCallback(channel: SendChannel, request: CallbackRequest): DeliveryEvent[] {
	const fields = request.body as Record<string, string>;
	const providerStatus = str(fields.MessageStatus) ?? str(fields.SmsStatus) ?? (fields.Body !== undefined ? 'received' : 'unknown');
	let status: EventStatus = STATUS_MAP[providerStatus] ?? 'unknown';
	const errorCode = str(fields.ErrorCode);
	const inbound = status === 'replied';
	if (inbound && (str(fields.OptOutType)?.toUpperCase() === 'STOP' || STOP_WORDS.test(fields.Body ?? ''))) status = 'opted-out';
	if (!inbound && errorCode && OPTED_OUT.has(Number(errorCode))) status = 'opted-out';
	const strip = (value: string | undefined) => value?.replace(/^whatsapp:/, '');
	return [
		{
			provider: channel === 'whatsapp' ? 'twilioWhatsApp' : 'twilio',
			channel: str(fields.From)?.startsWith('whatsapp:') || str(fields.To)?.startsWith('whatsapp:') ? 'whatsapp' : channel,
			messageId: str(fields.MessageSid) ?? str(fields.SmsSid),
			idempotencyKey: str(request.query[CALLBACK_KEY_PARAM]),
			status,
			providerStatus,
			time: new Date(request.now ?? Date.now()).toISOString(),
			recipient: strip(inbound ? str(fields.To) : str(fields.To)),
			from: strip(str(fields.From)),
			replyText: inbound ? fields.Body : undefined,
			errorCode,
			permanent: errorCode ? !TRANSIENT.has(Number(errorCode)) : undefined,
		},
	];
}

function twilioSignatureCheck(request: CallbackRequest, secrets: Record<string, string | undefined>) {
	if (!secrets.authToken) return { ok: false as const, reason: 'no auth token in the credential' };
	const signature = request.headers['x-twilio-signature'];
	if (!signature) return { ok: false as const, reason: 'missing X-Twilio-Signature header' };
	// A URL with bodySHA256 signs the body through that hash, whatever the content type claims.
	if (twilioBodyHash(request.url) !== undefined) return verifyTwilioWithBody(secrets.authToken, request.url, request.rawBody, signature);
	const isForm = (request.headers['content-type'] ?? '').toLowerCase().includes('application/x-www-form-urlencoded');
	// Any other body is only covered by a bodySHA256 hash; without one it is not signed at all.
	if (!isForm && request.rawBody.length > 0) return { ok: false as const, reason: 'a report with a non-form body needs bodySHA256 in its signed URL' };
	// Form callbacks: every POST field is signed, each value of a repeated field included.
	const params = request.rawBody ? twilioFormParams(request.rawBody) : (request.body as Record<string, string>);
	return verifyTwilio(secrets.authToken, request.url, params, signature);
}

export const twilioSmsAdapter: ProviderAdapter = {
	id: 'twilio',
	displayName: 'Twilio',
	channels: ['sms'],
	credentialType: 'socialCollectionsTwilioApi',
	idempotency: 'reference',
	// Alphanumeric senders default to 10 messages per second.
	defaultRatePerSecond: 10,
	buildRequest(message, recipient, context): ProviderRequest {
		const body = formEncode([
			['To', mobileOf(recipient)],
			...senderFields(context, ''),
			['Body', smsText(message)],
			['StatusCallback', withKey(str(context.options.statusCallbackUrl), context.idempotencyKey)],
			['ValidityPeriod', context.options.validityPeriodSeconds as number | undefined],
		]);
		return { method: 'POST', url: messagesUrl(context), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body };
	},
	parseResponse: parseTwilioResponse,
	parseStatusCallback: (request) => parseTwilioCallback('sms', request),
	signatureSecrets: ['authToken'],
	verifySignature: twilioSignatureCheck,
};

/** Content SID for a template: given directly (HX...), or looked up in the node's template map. */
function contentSid(templateName: string, context: SendContext): string {
	if (/^HX[0-9a-f]{32}$/i.test(templateName)) return templateName;
	const map = context.options.contentSids;
	const sid = map && typeof map === 'object' ? str((map as Record<string, unknown>)[templateName]) : undefined;
	if (!sid) throw new SendValidationError(`no Twilio Content SID for WhatsApp template "${templateName}" (add it under "Twilio Content SIDs")`, 'message.whatsapp.templateName', 'configuration');
	return sid;
}

export const twilioWhatsAppAdapter: ProviderAdapter = {
	id: 'twilioWhatsApp',
	displayName: 'Twilio WhatsApp',
	channels: ['whatsapp'],
	credentialType: 'socialCollectionsTwilioApi',
	idempotency: 'reference',
	defaultRatePerSecond: 10,
	buildRequest(message, recipient, context): ProviderRequest {
		const template = whatsAppTemplate(message);
		const variables: Record<string, string> = template.named ?? Object.fromEntries((template.positional ?? []).map((value, index) => [String(index + 1), value]));
		const body = formEncode([
			['To', `whatsapp:${mobileOf(recipient)}`],
			...senderFields(context, 'whatsapp:'),
			['ContentSid', contentSid(template.name, context)],
			['ContentVariables', Object.keys(variables).length ? JSON.stringify(variables) : undefined],
			['StatusCallback', withKey(str(context.options.statusCallbackUrl), context.idempotencyKey)],
		]);
		return { method: 'POST', url: messagesUrl(context), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body };
	},
	parseResponse: parseTwilioResponse,
	parseStatusCallback: (request) => parseTwilioCallback('whatsapp', request),
	signatureSecrets: ['authToken'],
	verifySignature: twilioSignatureCheck,
};
