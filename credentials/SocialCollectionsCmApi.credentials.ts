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
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://gw.messaging.cm.com', description: 'https://gw.cmtelecom.com avoids the Cloudflare front end; change only for a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-CM-PRODUCTTOKEN': '={{$credentials.productToken}}' } },
	};

	// An empty batch: CM answers with its error code for the token before looking at messages.
	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/v1.0/message', method: 'POST', body: { messages: { msg: [] } } },
	};
}
