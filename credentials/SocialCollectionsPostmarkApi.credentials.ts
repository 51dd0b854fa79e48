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
