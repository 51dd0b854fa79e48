import type { INodeProperties } from 'n8n-workflow';

/** Providers whose callbacks the trigger understands, with the credential holding their signing secret or report token. */
export const PROVIDERS = [
	{ name: 'Bird (MessageBird)', value: 'bird', credential: 'socialCollectionsBirdApi' },
	{ name: 'CM.com (SMS, WhatsApp)', value: 'cm', credential: 'socialCollectionsCmApi' },
	{ name: 'HTTPS Webhook (Creditor System)', value: 'webhook', credential: 'socialCollectionsWebhookApi' },
	{ name: 'Mailgun', value: 'mailgun', credential: 'socialCollectionsMailgunApi' },
	{ name: 'Meta WhatsApp Cloud API', value: 'metaWhatsApp', credential: 'socialCollectionsMetaWhatsAppApi' },
	{ name: 'Pingen (Letters)', value: 'pingen', credential: 'socialCollectionsPingenApi' },
	{ name: 'Postmark', value: 'postmark', credential: 'socialCollectionsPostmarkApi' },
	{ name: 'SendGrid', value: 'sendgrid', credential: 'socialCollectionsSendGridApi' },
	{ name: 'Sinch', value: 'sinch', credential: 'socialCollectionsSinchApi' },
	{ name: 'Spryng', value: 'spryng', credential: 'socialCollectionsSpryngApi' },
	{ name: 'Twilio (SMS and WhatsApp)', value: 'twilio', credential: 'socialCollectionsTwilioApi' },
] as const;

const STATUS_OPTIONS = [
	{ name: 'Bounced', value: 'bounced' },
	{ name: 'Clicked', value: 'clicked' },
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Opened', value: 'opened' },
	{ name: 'Opted Out', value: 'opted-out' },
	{ name: 'Queued', value: 'queued' },
	{ name: 'Read', value: 'read' },
	{ name: 'Replied', value: 'replied' },
	{ name: 'Sent', value: 'sent' },
	{ name: 'Unknown', value: 'unknown' },
];

export const deliveryStatusTriggerProperties: INodeProperties[] = [
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			noDataExpression: true,
			default: 'webhook',
			options: PROVIDERS.map(({ name, value }) => ({ name, value })),
			description: 'Whose callbacks this URL receives. Use one trigger per provider.',
		},
		{
			displayName: 'Give the production URL of this trigger to the provider (or to the Channel Sender\'s "Status Callback URL"). Every report that is not authenticated is answered with 401 and starts nothing: the provider\'s signature (its secret in the credential), or, for providers that do not sign (CM.com, Postmark, Spryng; Bird and Sinch without a signing secret), the credential\'s "Report URL Token" added to the URL as ?token=<token> (Postmark also: basic auth).',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Include Raw Payload', name: 'includeRaw', type: 'boolean', default: false, description: 'Whether to add the provider\'s original payload under "raw"' },
				{ displayName: 'Public URL (for Signatures)', name: 'publicUrl', type: 'string', default: '', description: 'The URL exactly as the provider calls it, when n8n runs behind a proxy that changes it (Twilio signs the URL)' },
				{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', options: STATUS_OPTIONS, default: [], description: 'Only emit these statuses; empty emits all' },
			],
		},
];
