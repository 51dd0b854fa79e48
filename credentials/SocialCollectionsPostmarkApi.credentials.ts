import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Postmark server token (use POSTMARK_API_TEST to validate without delivering). */
export class SocialCollectionsPostmarkApi implements ICredentialType {
	name = 'socialCollectionsPostmarkApi';

	displayName = 'Social Collections: Postmark API';

	icon = { light: 'file:icons/postmark.svg', dark: 'file:icons/postmark.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/email.md';

	properties: INodeProperties[] = [
		{ displayName: 'Server Token', name: 'serverToken', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Default Sender Address', name: 'from', type: 'string', default: '', placeholder: 'incasso@example.nl', description: 'Must be a confirmed sender signature or on a verified domain' },
		{ displayName: 'Default Sender Name', name: 'fromName', type: 'string', default: '' },
		{ displayName: 'Message Stream', name: 'messageStream', type: 'string', default: 'outbound', description: 'Keep collection mail on a transactional stream' },
		{
			displayName: 'Report URL Token',
			name: 'reportToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Postmark does not sign its webhooks: set this token, or the basic auth user and password below. A long random secret (e.g. 32 characters). The Delivery Status Trigger accepts Postmark reports only with it as the "token" query parameter: give Postmark the trigger URL with ?token=<this token> appended',
		},
		{ displayName: 'Report Basic Auth User', name: 'reportUser', type: 'string', default: '', description: 'With the password below: the Delivery Status Trigger accepts Postmark webhooks that carry this basic auth. In Postmark, enter the webhook URL as https://<user>:<password>@<host>/webhook/...' },
		{ displayName: 'Report Basic Auth Password', name: 'reportPassword', type: 'string', typeOptions: { password: true }, default: '', description: 'A long random secret; see Report Basic Auth User' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://api.postmarkapp.com', description: 'Change only to point at a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Postmark-Server-Token': '={{$credentials.serverToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/server', method: 'GET', headers: { Accept: 'application/json' } },
	};
}
