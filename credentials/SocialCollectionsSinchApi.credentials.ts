import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Sinch SMS REST: service plan, API token and region. */
export class SocialCollectionsSinchApi implements ICredentialType {
	name = 'socialCollectionsSinchApi';

	displayName = 'Social Collections: Sinch API';

	icon = { light: 'file:icons/sinch.svg', dark: 'file:icons/sinch.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/sms.md';

	properties: INodeProperties[] = [
		{ displayName: 'Service Plan ID', name: 'servicePlanId', type: 'string', default: '', required: true },
		{ displayName: 'API Token', name: 'apiToken', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'eu',
			options: [
				{ name: 'EU (eu.sms.api.sinch.com)', value: 'eu' },
				{ name: 'US (us.sms.api.sinch.com)', value: 'us' },
			],
		},
		{ displayName: 'Default Sender', name: 'from', type: 'string', default: '' },
		{
			displayName: 'Callback HMAC Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The HMAC secret Sinch configured for callbacks of this service plan (ask your account manager); the Delivery Status Trigger verifies the x-sinch-webhook-signature header with it',
		},
		{
			displayName: 'Report URL Token',
			name: 'reportToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only used when the Callback HMAC Secret is empty. A long random secret (e.g. 32 characters). The Delivery Status Trigger accepts Sinch reports only with it as the "token" query parameter: give Sinch the trigger URL with ?token=<this token> appended',
		},
		{ displayName: 'Base URL Override', name: 'baseUrl', type: 'string', default: '', description: 'Leave empty to use the region; set only to point at a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || ($credentials.region === "us" ? "https://us.sms.api.sinch.com" : "https://eu.sms.api.sinch.com")}}',
			url: '=/xms/v1/{{$credentials.servicePlanId}}/batches?page_size=1',
			method: 'GET',
		},
	};
}
