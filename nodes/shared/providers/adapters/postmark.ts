/**
 * Postmark (api.postmarkapp.com/email, X-Postmark-Server-Token; the token POSTMARK_API_TEST
 * validates without delivering). Debt letters stay on the transactional stream "outbound".
 * ErrorCode 406 is an inactive (bounced or complained) recipient: never retried.
 * Postmark webhooks are unsigned: the trigger accepts them only with the credential's Report URL
 * Token or Report Basic Auth.
 */
import { emailContent, requireFrom } from '../content';
import { httpFailure, isSuccess, joinUrl, jsonBody, str } from '../http';
import type { CallbackRequest, DeliveryEvent, EventStatus, ProviderAdapter } from '../types';

const POSTMARK_DEFAULT_BASE_URL = 'https://api.postmarkapp.com';

export const postmarkAdapter: ProviderAdapter = {
	id: 'postmark',
	displayName: 'Postmark',
	channels: ['email'],
	credentialType: 'socialCollectionsPostmarkApi',
	idempotency: 'reference',
	defaultRatePerSecond: 50,
	buildRequest(message, recipient, context) {
		const email = emailContent(message, recipient);
		const from = requireFrom(str(context.options.from) ?? str(context.credentials.from), 'sender e-mail address (a confirmed Postmark sender signature)');
		const fromName = str(context.options.fromName) ?? str(context.credentials.fromName);
		return {
			method: 'POST',
			url: joinUrl(str(context.credentials.baseUrl) ?? POSTMARK_DEFAULT_BASE_URL, '/email'),
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: {
				From: fromName ? `${fromName} <${from}>` : from,
				To: email.to,
				Subject: email.subject,
				...(email.html ? { HtmlBody: email.html } : {}),
				...(email.text ? { TextBody: email.text } : {}),
				...(str(context.options.replyTo) ? { ReplyTo: str(context.options.replyTo) } : {}),
				MessageStream: str(context.credentials.messageStream) ?? 'outbound',
				// Postmark: base64 Content; an inline image carries ContentID "cid:<id>" as the HTML refers to it.
				...(email.attachments.length
					? { Attachments: email.attachments.map(({ filename, contentType, cid, contentBase64 }) => ({ Name: filename, Content: contentBase64, ContentType: contentType, ...(cid ? { ContentID: `cid:${cid}` } : {}) })) }
					: {}),
				Headers: [{ Name: 'X-Idempotency-Key', Value: context.idempotencyKey }],
				Metadata: { sc_key: context.idempotencyKey },
			},
		};
	},
	parseResponse(response) {
		const body = jsonBody(response);
		const code = Number(body.ErrorCode ?? -1);
		if (isSuccess(response.statusCode) && code === 0) return { kind: 'accepted', status: 'queued', providerMessageId: str(body.MessageID), providerStatus: str(body.Message) };
		const outcome = httpFailure(response, code >= 0 ? String(code) : `http-${response.statusCode}`, str(body.Message) ?? `Postmark answered HTTP ${response.statusCode}`);
		if (outcome.kind !== 'failed') return outcome;
		if (code === 406) return { ...outcome, permanence: 'permanent', reason: 'bounced' };
		if (code === 10) return { ...outcome, permanence: 'permanent', reason: 'auth' };
		return outcome;
	},
	parseStatusCallback: parsePostmarkWebhook,
	// Postmark signs nothing; its webhook URLs may carry basic auth (https://user:password@host/...).
	reportAuth: ['token', 'basicAuth'],
};

const RECORD_MAP: Record<string, EventStatus> = { Delivery: 'delivered', Bounce: 'bounced', SpamComplaint: 'opted-out', Open: 'opened', Click: 'clicked', SubscriptionChange: 'opted-out' };
const SOFT_BOUNCES = new Set(['Transient', 'SoftBounce', 'DnsError', 'AutoResponder', 'Unknown']);

function parsePostmarkWebhook(request: CallbackRequest): DeliveryEvent[] {
	const body = request.body;
	const type = str(body.RecordType) ?? 'unknown';
	const metadata = (body.Metadata ?? {}) as Record<string, unknown>;
	const bounceType = str(body.Type);
	const soft = type === 'Bounce' && bounceType !== undefined && SOFT_BOUNCES.has(bounceType);
	return [
		{
			provider: 'postmark',
			channel: 'email',
			messageId: str(body.MessageID),
			idempotencyKey: str(metadata.sc_key),
			status: soft ? 'failed' : (RECORD_MAP[type] ?? 'unknown'),
			providerStatus: bounceType ? `${type}:${bounceType}` : type,
			time: str(body.DeliveredAt) ?? str(body.BouncedAt) ?? str(body.ReceivedAt) ?? str(body.ChangedAt) ?? new Date(request.now ?? Date.now()).toISOString(),
			recipient: str(body.Recipient) ?? str(body.Email),
			errorCode: str(body.TypeCode),
			errorMessage: str(body.Description),
			permanent: type === 'Bounce' ? !soft : undefined,
		},
	];
}
