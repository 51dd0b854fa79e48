import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Spryng (NL) SMS REST API v1: a Bearer API key. */
export class SocialCollectionsSpryngApi implements ICredentialType {
	name = 'socialCollectionsSpryngApi';

	displayName = 'Social Collections: Spryng API';

	icon = { light: 'file:icons/spryng.svg', dark: 'file:icons/spryng.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/sms.md';

	properties: INodeProperties[] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Default Originator', name: 'from', type: 'string', default: '', placeholder: 'IncassoNL' },
		{ displayName: 'Route', name: 'route', type: 'string', default: 'business', description: 'Spryng route: "business" or the ID of a dedicated route' },
		{
			displayName: 'Report URL Token',
			name: 'reportToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Spryng does not sign its delivery reports. A long random secret (e.g. 32 characters). The Delivery Status Trigger accepts Spryng reports only with it as the "token" query parameter: give Spryng the trigger URL with ?token=<this token> appended',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://rest.spryngsms.com', description: 'Change only to point at a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/v1/balance', method: 'GET', headers: { Accept: 'application/json' } },
	};
}
