import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Bird (formerly MessageBird) Channels API: access key, workspace and the SMS channel. */
export class SocialCollectionsBirdApi implements ICredentialType {
	name = 'socialCollectionsBirdApi';

	displayName = 'Social Collections: Bird API';

	icon = { light: 'file:icons/bird.svg', dark: 'file:icons/bird.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/sms.md';

	properties: INodeProperties[] = [
		{ displayName: 'Access Key', name: 'accessKey', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'Its access policy must allow sending on the channel' },
		{ displayName: 'Workspace ID', name: 'workspaceId', type: 'string', default: '', required: true },
		{ displayName: 'SMS Channel ID', name: 'smsChannelId', type: 'string', default: '', required: true },
		{
			displayName: 'Webhook Signing Key',
			name: 'webhookSigningKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The signingKey of the webhook subscription (Notifications API); the Delivery Status Trigger verifies the messagebird-signature header with it',
		},
		{
			displayName: 'Report URL Token',
			name: 'reportToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only used when the Webhook Signing Key is empty. A long random secret (e.g. 32 characters). The Delivery Status Trigger accepts Bird reports only with it as the "token" query parameter: give Bird the trigger URL with ?token=<this token> appended',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://api.bird.com', description: 'Change only to point at a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=AccessKey {{$credentials.accessKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '=/workspaces/{{$credentials.workspaceId}}/channels/{{$credentials.smsChannelId}}', method: 'GET' },
	};
}
