import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** CM.com Business Messaging (SMS and WhatsApp): the product token. */
export class SocialCollectionsCmApi implements ICredentialType {
	name = 'socialCollectionsCmApi';

	displayName = 'Social Collections: CM.com API';

	icon = { light: 'file:icons/cm.svg', dark: 'file:icons/cm.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/sms.md';

	properties: INodeProperties[] = [
		{ displayName: 'Product Token', name: 'productToken', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Default Sender', name: 'from', type: 'string', default: '', placeholder: 'IncassoNL', description: 'Alphanumeric sender ID (max 11) or number; for WhatsApp the WhatsApp business number' },
		{ displayName: 'WhatsApp Template Namespace', name: 'whatsappNamespace', type: 'string', default: '', description: 'Namespace of your approved WhatsApp templates' },
		{
			displayName: 'Report URL Token',
			name: 'reportToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'CM.com does not sign its status reports. A long random secret (e.g. 32 characters). The Delivery Status Trigger accepts CM.com reports only with it as the "token" query parameter: give CM.com the trigger URL with ?token=<this token> appended',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://gw.messaging.cm.com', description: 'https://gw.cmtelecom.com avoids the Cloudflare front end; change only for a test server' },
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			placeholder: '2f1e7331-991b-497d-9a32-dd3c2d79c56d',
			description: 'The GUID of your CM account (in the URL of the CM app, or on its Authentication page). Only the credential Test uses it: it reads the account balance with the product token.',
		},
		{ displayName: 'Account API Base URL', name: 'accountApiUrl', type: 'string', default: 'https://api.cmtelecom.com', description: 'Host of the Account Balance API the credential Test calls; change only for a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-CM-PRODUCTTOKEN': '={{$credentials.productToken}}' } },
	};

	// The message gateway answers every request that sends nothing with 400, even for a valid token.
	// CM's Account Balance API takes the same X-CM-PRODUCTTOKEN and answers a valid one with 200.
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.accountApiUrl}}', url: '=/accountbalance/v1.0/accountbalance/{{$credentials.accountId}}', method: 'GET' },
	};
}
