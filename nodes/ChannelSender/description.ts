import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { INVALID_OUTPUT_VERSION, invalidRecordsProperty, referenceDateProperty } from '../shared/n8n/descriptions';

/** Provider choices per channel; the sandbox is the default everywhere so imported workflows send nothing. */
export const PROVIDER_PARAMETERS = {
	email: 'emailProvider',
	sms: 'smsProvider',
	whatsapp: 'whatsappProvider',
	letter: 'letterProvider',
	phone: 'phoneProvider',
} as const;

const NONE = { name: 'None (Skip This Channel)', value: 'none' };
const SANDBOX = { name: 'Sandbox (Send Nothing, Record What Would Be Sent)', value: 'sandbox' };
const WEBHOOK = { name: 'HTTPS Webhook (Creditor System)', value: 'webhook' };

const PROVIDER_OPTIONS = {
	email: [
		WEBHOOK,
		{ name: 'Mailgun', value: 'mailgun' },
		NONE,
		{ name: 'Postmark', value: 'postmark' },
		SANDBOX,
		{ name: 'SendGrid', value: 'sendgrid' },
		{ name: 'SMTP via the Send Email Node', value: 'smtp', description: "Prepares the message; n8n's Send Email node after this one sends it" },
	],
	sms: [
		{ name: 'Bird (MessageBird)', value: 'bird' },
		{ name: 'CM.com', value: 'cm' },
		WEBHOOK,
		NONE,
		SANDBOX,
		{ name: 'Sinch', value: 'sinch' },
		{ name: 'Spryng', value: 'spryng' },
		{ name: 'Twilio', value: 'twilio' },
	],
	whatsapp: [
		{ name: 'CM.com WhatsApp', value: 'cmWhatsApp' },
		WEBHOOK,
		{ name: 'Meta WhatsApp Cloud API', value: 'metaWhatsApp' },
		NONE,
		SANDBOX,
		{ name: 'Twilio WhatsApp', value: 'twilioWhatsApp' },
	],
	letter: [WEBHOOK, NONE, { name: 'Pingen', value: 'pingen' }, SANDBOX],
	phone: [{ name: 'HTTPS Webhook (Creditor System, as a Phone Task)', value: 'webhook' }, NONE, SANDBOX],
};

/** Credential type per provider id. */
export const CREDENTIAL_OF_PROVIDER: Record<string, string> = {
	webhook: 'socialCollectionsWebhookApi',
	smtp: 'socialCollectionsSmtpApi',
	sendgrid: 'socialCollectionsSendGridApi',
	postmark: 'socialCollectionsPostmarkApi',
	mailgun: 'socialCollectionsMailgunApi',
	twilio: 'socialCollectionsTwilioApi',
	twilioWhatsApp: 'socialCollectionsTwilioApi',
	cm: 'socialCollectionsCmApi',
	cmWhatsApp: 'socialCollectionsCmApi',
	bird: 'socialCollectionsBirdApi',
	spryng: 'socialCollectionsSpryngApi',
	sinch: 'socialCollectionsSinchApi',
	metaWhatsApp: 'socialCollectionsMetaWhatsAppApi',
	pingen: 'socialCollectionsPingenApi',
};

/**
 * One credential entry per (channel, provider) pair, shown only when that provider is chosen for
 * that channel. A provider serving several channels (Twilio, CM.com, the webhook) appears once per
 * channel; n8n stores one credential per type, so they share the selection.
 */
export const channelSenderCredentials: INodeCredentialDescription[] = (Object.keys(PROVIDER_PARAMETERS) as Array<keyof typeof PROVIDER_PARAMETERS>).flatMap((channel) =>
	PROVIDER_OPTIONS[channel]
		// SMTP is listed in the node itself: its credential (sender defaults only) is optional.
		.filter((option) => CREDENTIAL_OF_PROVIDER[option.value] && option.value !== 'smtp')
		.map((option) => ({
			name: CREDENTIAL_OF_PROVIDER[option.value],
			required: true,
			displayOptions: { show: { [PROVIDER_PARAMETERS[channel]]: [option.value] } },
		})),
);

const channelOptions = [
	{ name: 'E-Mail', value: 'email' },
	{ name: 'Letter', value: 'letter' },
	{ name: 'Phone Task', value: 'phone' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'WhatsApp', value: 'whatsapp' },
];

export const channelSenderProperties: INodeProperties[] = [
	{
		displayName: 'Nothing is sent while every provider is "Sandbox" (the default). Choose real providers per channel below.',
		name: 'sandboxNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Channel',
		name: 'channelSource',
		type: 'options',
		noDataExpression: true,
		default: 'item',
		options: [
			{ name: 'From the Item', value: 'item', description: 'The message\'s channel, then the segment\'s channels, then the debtor\'s preferred channel' },
			{ name: 'Fixed', value: 'fixed', description: 'Always start with the channel chosen below' },
		],
	},
	{
		displayName: 'Fixed Channel',
		name: 'channel',
		type: 'options',
		default: 'email',
		options: channelOptions,
		displayOptions: { show: { channelSource: ['fixed'] } },
	},
	{
		displayName: 'Fallback Channels',
		name: 'fallbackChannels',
		type: 'string',
		default: '',
		placeholder: 'e.g. sms, letter',
		description: 'Channels to try next, in order, when a channel cannot be used (no contact data or consent) or its send failed',
	},
	{
		displayName: 'E-Mail Provider',
		name: 'emailProvider',
		type: 'options',
		noDataExpression: true,
		default: 'sandbox',
		options: PROVIDER_OPTIONS.email,
	},
	{
		displayName: 'SMS Provider',
		name: 'smsProvider',
		type: 'options',
		noDataExpression: true,
		default: 'sandbox',
		options: PROVIDER_OPTIONS.sms,
	},
	{
		displayName: 'WhatsApp Provider',
		name: 'whatsappProvider',
		type: 'options',
		noDataExpression: true,
		default: 'sandbox',
		options: PROVIDER_OPTIONS.whatsapp,
		description: 'WhatsApp goes only to debtors with a recorded opt-in (consents.whatsappOptIn)',
	},
	{
		displayName: 'Letter Provider',
		name: 'letterProvider',
		type: 'options',
		noDataExpression: true,
		default: 'sandbox',
		options: PROVIDER_OPTIONS.letter,
	},
	{
		displayName: 'Phone Task Provider',
		name: 'phoneProvider',
		type: 'options',
		noDataExpression: true,
		default: 'sandbox',
		options: PROVIDER_OPTIONS.phone,
	},
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description: 'Whether to validate and build the exact provider requests without sending anything. Items leave on "Not Sent" with the requests under delivery.requests.',
	},
	invalidRecordsProperty(INVALID_OUTPUT_VERSION),
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		description: 'Leave empty to derive one per send from debtor, claim, stage, channel and the journey step (journey.stepId; the day for items without one). Set it (e.g. from your own system) to use your key instead.',
	},
	{
		displayName: 'Keys Already Sent',
		name: 'alreadySentKeys',
		type: 'string',
		default: '',
		placeholder: "e.g. {{ $('Sent Log').all().map(i => i.json.idempotencyKey).join(',') }}",
		description: 'Idempotency keys that were already sent (comma-separated or a JSON array), e.g. from a Data Table lookup. Matching items are skipped.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Already-Sent Field', name: 'alreadySentField', type: 'string', default: 'alreadySentKeys', description: 'Item field with keys already sent for this debtor (array or comma-separated)' },
			{ displayName: 'Concurrency', name: 'concurrency', type: 'number', typeOptions: { minValue: 1, maxValue: 50 }, default: 5, description: 'Sends in flight at the same time' },
			{ displayName: 'E-Mail Reply-To', name: 'replyTo', type: 'string', default: '' },
			{ displayName: 'E-Mail Sender Address', name: 'emailFrom', type: 'string', default: '', description: 'Overrides the sender in the credential' },
			{ displayName: 'E-Mail Sender Name', name: 'emailFromName', type: 'string', default: '' },
			{ displayName: 'Enforce Legal Contact Window', name: 'contactWindow', type: 'boolean', default: true, description: 'Whether to hold back e-mail, SMS, WhatsApp and phone tasks outside 07:00-20:00 Amsterdam time, on Sundays and on Dutch public holidays (Bki art. 4.2).' },
			{ displayName: 'Letter Delivery Product', name: 'deliveryProduct', type: 'options', default: 'cheap', options: [{ name: 'Bulk', value: 'bulk' }, { name: 'Cheap', value: 'cheap' }, { name: 'Fast', value: 'fast' }, { name: 'Premium', value: 'premium' }], description: 'Pingen delivery product when the letter is not registered' },
			{ displayName: 'Letter PDF Binary Field', name: 'letterBinaryProperty', type: 'string', default: 'letter', description: 'Binary property of the item that holds the letter PDF' },
			{ displayName: 'Letter Print in Colour', name: 'letterColour', type: 'boolean', default: false, description: 'Whether to print the letter in colour instead of grayscale' },
			{ displayName: 'Max Attempts per Channel', name: 'maxAttempts', type: 'number', typeOptions: { minValue: 1, maxValue: 10 }, default: 3 },
			{ displayName: 'Max Wait Between Attempts (Ms)', name: 'maxDelayMs', type: 'number', typeOptions: { minValue: 0 }, default: 30000, description: 'A provider asking to wait longer (Retry-After) ends the attempts; the item leaves as failed-transient with retryAfterSeconds' },
			{ displayName: 'Message Field', name: 'messageField', type: 'string', default: 'message', description: 'Item field holding the rendered message (the Tone Template node writes "message")' },
			{
				displayName: 'Now (for Replays)',
				name: 'now',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-07-06T09:00:00+02:00',
				description: 'Check the legal contact window against this moment instead of the real time (replays and tests only: a fixed moment can let a message out at night). Empty: the real time.',
			},
			{ displayName: 'Rate Limit (Sends per Second)', name: 'ratePerSecond', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Per provider; 0 uses the provider\'s documented default' },
			{ displayName: 'Recipient E-Mail Override', name: 'toEmail', type: 'string', default: '', description: 'Send to this address instead of contact.email (e.g. for a test run)' },
			{ displayName: 'Recipient Mobile Override', name: 'toMobile', type: 'string', default: '', description: 'Send to this number (E.164) instead of contact.mobile' },
			referenceDateProperty('Day used in the idempotency key of items without a journey step (YYYY-MM-DD); empty means today in the workflow time zone'),
			{ displayName: 'Registered Mail', name: 'registeredMail', type: 'boolean', default: false, description: 'Whether letters go as registered mail (proof of delivery, e.g. for the 14-day letter)' },
			{ displayName: 'Repeat Attempts After a Timeout', name: 'retryTimeouts', type: 'boolean', default: false, description: 'Whether to repeat a send that timed out on providers that do not drop repeated idempotency keys themselves. A timed-out send may have arrived, so this risks duplicates.' },
			{ displayName: 'Retry Base Delay (Ms)', name: 'baseDelayMs', type: 'number', typeOptions: { minValue: 0 }, default: 1000, description: 'First wait after a transient failure; doubles per attempt' },
			{ displayName: 'Send Ledger', name: 'ledger', type: 'options', default: 'n8n', options: [{ name: 'Database', value: 'n8n', description: 'Record every contact in n8n\'s deduplication store, so reruns and crashes never send twice; a contact an earlier run sent leaves on "Sent" with delivery.alreadySent' }, { name: 'Off', value: 'off', description: 'Rely only on "Keys Already Sent"' }] },
			{ displayName: 'Send Ledger Batch Size', name: 'ledgerBatchSize', type: 'number', typeOptions: { minValue: 1 }, default: 50, description: 'Items reserved in the ledger at a time; after a crash at most this many are held back as unconfirmed' },
			{ displayName: 'Send Ledger Size', name: 'ledgerMaxEntries', type: 'number', typeOptions: { minValue: 1000 }, default: 200000, description: 'Most recent ledger entries kept: up to three per contact (reserved, sent, the channel that took it)' },
			{ displayName: 'SMS Sender', name: 'smsFrom', type: 'string', default: '', description: 'Alphanumeric sender ID (max 11 characters) or number; overrides the credential' },
			{ displayName: 'Status Callback URL', name: 'statusCallbackUrl', type: 'string', default: '', description: 'Production URL of your Delivery Status Trigger, passed to providers that take a per-message callback (Twilio, Sinch, Bird)' },
			{ displayName: 'Timeout (Ms)', name: 'timeoutMs', type: 'number', typeOptions: { minValue: 1000 }, default: 30000 },
			{ displayName: 'Twilio Content SIDs', name: 'twilioContentSids', type: 'json', default: '{}', description: 'Map of WhatsApp template name to Twilio Content SID (HX...), e.g. {"betalingsherinnering": "HX..."}' },
			{
				displayName: 'Unconfirmed Earlier Attempts',
				name: 'unconfirmed',
				type: 'options',
				default: 'hold',
				options: [
					{ name: 'Hold Back', value: 'hold', description: 'Leave on "Not Sent" with delivery.unconfirmed for a check, unless the provider drops repeated idempotency keys itself (webhook)' },
					{ name: 'Send Again', value: 'resend', description: 'Send again with the same key; only after checking the provider\'s log' },
				],
				description: 'What to do with contacts an earlier run started sending but never confirmed (it stopped mid-send)',
			},
			{ displayName: 'WhatsApp Sender', name: 'whatsappFrom', type: 'string', default: '', description: 'Twilio: the WhatsApp-enabled number (+31...)' },
		],
	},
];
