import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** SendGrid v3 (US api.sendgrid.com or EU api.eu.sendgrid.com), with the Event Webhook's public key for signed events. */
export class SocialCollectionsSendGridApi implements ICredentialType {
	name = 'socialCollectionsSendGridApi';

	displayName = 'Social Collections: SendGrid API';

	icon = { light: 'file:icons/sendGrid.svg', dark: 'file:icons/sendGrid.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/email.md';

	properties: INodeProperties[] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'Key with Mail Send permission' },
		{ displayName: 'Default Sender Address', name: 'from', type: 'string', default: '', placeholder: 'incasso@example.nl' },
		{ displayName: 'Default Sender Name', name: 'fromName', type: 'string', default: '' },
		{ displayName: 'Sandbox Mode', name: 'sandboxMode', type: 'boolean', default: false, description: 'Whether SendGrid only validates the mail and never delivers it (mail_settings.sandbox_mode)' },
		{ displayName: 'Event Webhook Verification Key', name: 'webhookPublicKey', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Public key from Mail Settings > Signed Event Webhook (for the Delivery Status Trigger)' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://api.sendgrid.com', description: 'Use https://api.eu.sendgrid.com for EU regional subusers' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/v3/scopes', method: 'GET' },
	};
}
