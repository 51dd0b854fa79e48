import type { IAuthenticateGeneric, ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IDataObject, IHttpRequestHelper, INodeProperties } from 'n8n-workflow';

/**
 * Pingen v2 (print and mail): OAuth client credentials exchanged for an access token before the
 * first call (and again when it expires). Staging: https://api-staging.pingen.com.
 */
export class SocialCollectionsPingenApi implements ICredentialType {
	name = 'socialCollectionsPingenApi';

	displayName = 'Social Collections: Pingen API';

	icon = { light: 'file:icons/pingen.svg', dark: 'file:icons/pingen.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/letter.md';

	properties: INodeProperties[] = [
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'Organisation ID', name: 'organisationId', type: 'string', default: '', required: true },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://api.pingen.com', description: 'Use https://api-staging.pingen.com for the staging environment (letters are not printed)' },
		{ displayName: 'Webhook Signing Secret', name: 'webhookSecret', type: 'string', typeOptions: { password: true }, default: '', description: 'Verifies the Signature header of Pingen webhooks (Delivery Status Trigger)' },
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const base = String(credentials.baseUrl || 'https://api.pingen.com').replace(/\/+$/, '');
		const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: String(credentials.clientId ?? ''), client_secret: String(credentials.clientSecret ?? '') });
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${base}/auth/access-tokens`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
			json: true,
		})) as { access_token?: string };
		return { accessToken: response.access_token ?? '' };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '=/organisations/{{$credentials.organisationId}}', method: 'GET' },
	};
}
