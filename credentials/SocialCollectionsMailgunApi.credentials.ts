import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Mailgun: API key, sending domain and its region (EU domains keep data in the EU). */
export class SocialCollectionsMailgunApi implements ICredentialType {
	name = 'socialCollectionsMailgunApi';

	displayName = 'Social Collections: Mailgun API';

	icon = { light: 'file:icons/mailgun.svg', dark: 'file:icons/mailgun.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/email.md';

	properties: INodeProperties[] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'Account API key or a domain sending key' },
		{ displayName: 'Sending Domain', name: 'domain', type: 'string', default: '', placeholder: 'mg.example.nl', required: true },
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'eu',
			options: [
				{ name: 'EU (api.eu.mailgun.net)', value: 'eu' },
				{ name: 'US (api.mailgun.net)', value: 'us' },
			],
			description: 'The region the sending domain was created in',
		},
		{ displayName: 'Default Sender Address', name: 'from', type: 'string', default: '', placeholder: 'incasso@mg.example.nl' },
		{ displayName: 'Default Sender Name', name: 'fromName', type: 'string', default: '' },
		{ displayName: 'Test Mode', name: 'testMode', type: 'boolean', default: false, description: 'Whether Mailgun accepts the messages without delivering them (o:testmode)' },
		{ displayName: 'Webhook Signing Key', name: 'webhookSigningKey', type: 'string', typeOptions: { password: true }, default: '', description: 'Verifies the signature of Mailgun webhooks (Delivery Status Trigger)' },
		{ displayName: 'Base URL Override', name: 'baseUrl', type: 'string', default: '', description: 'Leave empty to use the region; set only to point at a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: 'api', password: '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || ($credentials.region === "us" ? "https://api.mailgun.net" : "https://api.eu.mailgun.net")}}',
			url: '=/v3/domains/{{$credentials.domain}}',
			method: 'GET',
		},
	};
}
