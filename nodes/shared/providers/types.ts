/**
 * The contract between the Channel Sender / Delivery Status Trigger and the providers they talk to.
 * Adapters are plain TypeScript with no n8n imports: the node hands them a function that performs
 * an authenticated HTTP request (n8n's `httpRequestWithAuthentication`) and a sleep function, so the
 * same adapters run under unit tests against loopback servers and inside n8n.
 */

/** Channels the sender delivers on; `phone` only goes to the creditor's own system (webhook). */
export const SEND_CHANNELS = ['email', 'sms', 'whatsapp', 'letter', 'phone'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

/** Final status of one item in the sender's output. */
export const DELIVERY_STATUSES = ['sent', 'queued', 'skipped', 'failed-permanent', 'failed-transient'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The rendered message, as the Tone Template node leaves it under `message`. */
export interface OutgoingMessage {
	channel?: string;
	subject?: string;
	html?: string;
	text?: string;
	sms?: { text?: string; encoding?: string; segments?: number };
	whatsapp?: {
		templateName?: string;
		language?: string;
		/** Positional (`['Jan', '€ 12,30']`) or named (`{ voornaam: 'Jan' }`) body parameters. */
		parameters?: unknown;
	};
	templateId?: string;
	stage?: string;
	claimId?: string;
	/** Files sent with an e-mail; the Tone Template puts the EPC QR here as an inline image (`cid`). */
	attachments?: MessageAttachment[];
	/** Letter specifics: the PDF (from the item's binary data) and whether to send it registered. */
	letter?: { pdf?: Uint8Array; fileName?: string; registered?: boolean };
	[key: string]: unknown;
}

/** An e-mail attachment as the Tone Template writes it; with a `cid` it is an inline image the HTML shows as `cid:<cid>`. */
export interface MessageAttachment {
	filename: string;
	contentType: string;
	cid?: string;
	contentBase64: string;
}

export interface PostalAddress {
	street: string;
	houseNumber: string;
	postalCode: string;
	city: string;
	country: string;
}

/** Who the message goes to, taken from the debtor record (or overridden by the user). */
export interface Recipient {
	debtorId: string;
	name?: string;
	email?: string;
	/** E.164, e.g. +31612345678. */
	mobile?: string;
	phone?: string;
	address?: PostalAddress;
	language?: string;
}

/** Everything an adapter needs besides the message: key, credential fields and node options. */
export interface SendContext {
	channel: SendChannel;
	idempotencyKey: string;
	/**
	 * Non-secret credential fields (base URL, account SID, region, sender, ...). Secrets are added
	 * by n8n's authentication; an adapter that talked to its server without it would get them under
	 * `secrets` (none does since SMTP went to n8n's Send Email node).
	 */
	credentials: Record<string, unknown>;
	secrets?: Record<string, unknown>;
	/** Node options for this provider: sender ID, status callback URL, message stream, ... */
	options: ProviderOptions;
	timeoutMs: number;
	/** A place for adapters to keep per-run state (an access token, say). */
	cache: Map<string, unknown>;
	/** Clock in ms (injected in tests). */
	now: () => number;
}

export interface ProviderOptions {
	/** Sender: e-mail address, alphanumeric sender ID or phone number. */
	from?: string;
	fromName?: string;
	replyTo?: string;
	/** URL the provider calls with delivery reports (the Delivery Status Trigger's URL). */
	statusCallbackUrl?: string;
	/** Registered mail for letters. */
	registered?: boolean;
	/** Provider-specific extras, e.g. Postmark's message stream or Pingen's print options. */
	[key: string]: unknown;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP request as the provider will receive it (authentication headers are added by n8n). */
export interface ProviderRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	/** A JSON object, an already-encoded string (form or raw), or binary data. */
	body?: Record<string, unknown> | unknown[] | string | Uint8Array;
	/** Whether n8n must add the credential's authentication (false for pre-signed upload URLs). */
	authenticate?: boolean;
}

export interface ProviderResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** A transport failure: no HTTP response came back. */
export interface TransportError {
	transportError: true;
	/** `timeout` means the provider may have received the request: the outcome is unknown. */
	code: 'timeout' | 'network';
	message: string;
}

export type HttpResult = ProviderResponse | TransportError;

/** What the node provides: performs one request, authenticated with the provider's credential. */
export type HttpFunction = (request: ProviderRequest) => Promise<HttpResult>;
export type SleepFunction = (ms: number) => Promise<void>;

export interface ProviderIo {
	http: HttpFunction;
	sleep: SleepFunction;
}

/** The normalised outcome of one attempt. */
export type SendOutcome =
	| {
			kind: 'accepted';
			/** `sent` when the provider handed it on, `queued` when it only accepted it. */
			status: 'sent' | 'queued';
			providerMessageId?: string;
			providerStatus?: string;
			/** Extra facts worth keeping (segments, price, letter id, ...). */
			details?: Record<string, unknown>;
			/**
			 * Prepared, not sent: a node after the Channel Sender sends it (SMTP: n8n's Send Email node,
			 * the message in `details.email`). The ledger keeps the claim unconfirmed (see engine.ts).
			 */
			handOff?: 'sendEmail';
	  }
	| {
			kind: 'failed';
			permanence: 'permanent' | 'transient';
			errorCode: string;
			errorMessage: string;
			httpStatus?: number;
			/** Provider asked us to wait this long (Retry-After). */
			retryAfterMs?: number;
			/** True when the provider may have received the message (timeouts). */
			outcomeUnknown?: boolean;
			/** The debtor opted out / the address bounced: record it, never retry. */
			reason?: 'opted-out' | 'invalid-contact' | 'bounced' | 'auth' | 'validation' | 'rate-limit' | 'server' | 'network';
	  };

/** Normalised status of a delivery report or inbound message. */
export const EVENT_STATUSES = ['queued', 'sent', 'delivered', 'read', 'bounced', 'failed', 'replied', 'opted-out', 'clicked', 'opened', 'unknown'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export interface DeliveryEvent {
	provider: string;
	channel: SendChannel;
	messageId?: string;
	idempotencyKey?: string;
	status: EventStatus;
	/** The provider's own word for the status, kept for audits. */
	providerStatus?: string;
	/** ISO 8601 moment of the event (the provider's time where it gives one). */
	time: string;
	recipient?: string;
	from?: string;
	replyText?: string;
	errorCode?: string;
	errorMessage?: string;
	/** Permanent or temporary failure, where the provider says so. */
	permanent?: boolean;
}

/** A provider's HTTP call to the trigger, with the raw body needed for signatures. */
export interface CallbackRequest {
	method: string;
	/** The full URL the provider called (scheme, host, path and query), for Twilio's signature. */
	url: string;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	rawBody: string;
	query: Record<string, string>;
	/** Parsed body: JSON object or form fields. */
	body: Record<string, unknown>;
	/** Current time in ms, for timestamp windows (injected in tests). */
	now?: number;
}

/** Secrets a provider's callbacks are verified with (auth token, signing key, app secret, ...). */
export type CallbackSecrets = Record<string, string | undefined>;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export interface ProviderAdapter {
	id: string;
	displayName: string;
	channels: readonly SendChannel[];
	/** n8n credential type name, when the provider needs one. */
	credentialType?: string;
	/**
	 * `native`: the provider itself drops a second request with the same idempotency key, so an
	 * attempt whose outcome is unknown may safely be repeated. `reference`: the key is passed as a
	 * reference only (returned in delivery reports). `none`: not passed.
	 */
	idempotency: 'native' | 'reference' | 'none';
	/** Default sends per second, from the provider's documented limits. */
	defaultRatePerSecond: number;
	/** Builds the exact request; throws `SendValidationError` when the message or recipient cannot be sent. */
	buildRequest(message: OutgoingMessage, recipient: Recipient, context: SendContext): ProviderRequest;
	parseResponse(response: ProviderResponse, context: SendContext): SendOutcome;
	/** Providers that need more than one request (upload, then create) or none (SMTP: prepared for n8n's Send Email node). */
	send?(message: OutgoingMessage, recipient: Recipient, context: SendContext, io: ProviderIo): Promise<SendOutcome>;
	/** Closes what `send` kept open in `context.cache`. */
	dispose?(cache: Map<string, unknown>): Promise<void>;
	/** Turns a delivery report / inbound message into normalised events. */
	parseStatusCallback?(request: CallbackRequest): DeliveryEvent[];
	/** Checks the provider's signature scheme; absent when the provider signs nothing. */
	verifySignature?(request: CallbackRequest, secrets: CallbackSecrets): SignatureCheck;
	/** Names of the secrets `verifySignature` needs, for the trigger's error messages. */
	signatureSecrets?: readonly string[];
	/**
	 * Ways besides a signature the trigger accepts this provider's reports with, from its credential:
	 * `token` ("Report URL Token", `?token=` in the URL), `basicAuth` ("Report Basic Auth User" and
	 * "Password", in the URL's user info). For providers that sign nothing or only when set up.
	 */
	reportAuth?: readonly ('token' | 'basicAuth')[];
	/** A value the provider never repeats for another report (Mailgun's signature token), to refuse a signature carried by another body. */
	replayKey?(request: CallbackRequest): string | undefined;
}

/** A message or recipient that cannot be sent as is: never retried, reported with its field. */
export class SendValidationError extends Error {
	readonly field: string;
	readonly code: string;

	constructor(message: string, field: string, code = 'invalid-message') {
		super(message);
		this.name = 'SendValidationError';
		this.field = field;
		this.code = code;
	}
}
