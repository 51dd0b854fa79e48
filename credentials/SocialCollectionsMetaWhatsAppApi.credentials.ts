import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Meta WhatsApp Cloud API: a system-user access token, the sending number's ID, and the app secret for webhook signatures. */
export class SocialCollectionsMetaWhatsAppApi implements ICredentialType {
	name = 'socialCollectionsMetaWhatsAppApi';

	displayName = 'Social Collections: WhatsApp Cloud (Meta) API';

	icon = { light: 'file:icons/metaWhatsApp.svg', dark: 'file:icons/metaWhatsApp.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/whatsapp.md';

	properties: INodeProperties[] = [
		{ displayName: 'Access Token', name: 'accessToken', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'Permanent system-user token with whatsapp_business_messaging permission' },
		{ displayName: 'Phone Number ID', name: 'phoneNumberId', type: 'string', default: '', required: true, description: 'ID of the sending business number (not the number itself)' },
		{ displayName: 'Graph API Version', name: 'apiVersion', type: 'string', default: 'v24.0' },
		{ displayName: 'App Secret', name: 'appSecret', type: 'string', typeOptions: { password: true }, default: '', description: 'Verifies X-Hub-Signature-256 on webhooks (Delivery Status Trigger)' },
		{ displayName: 'Webhook Verify Token', name: 'verifyToken', type: 'string', typeOptions: { password: true }, default: '', description: 'The token you enter in the Meta app when subscribing the webhook' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://graph.facebook.com', description: 'Change only to point at a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '=/{{$credentials.apiVersion}}/{{$credentials.phoneNumberId}}', method: 'GET' },
	};
}
