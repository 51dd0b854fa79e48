import type { IAuthenticateGeneric, ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IDataObject, IHttpRequestHelper, INodeProperties } from 'n8n-workflow';

/**
 * Pingen v2 (print and mail): OAuth client credentials exchanged for an access token at Pingen's
 * identity host (identity.pingen.com; staging identity-staging.pingen.com), as Pingen's PHP SDK and
 * Pingen's own n8n node do, before the first call and again when it expires. The API itself is at
 * api.pingen.com (staging api-staging.pingen.com).
 */

const IDENTITY_PRODUCTION = 'https://identity.pingen.com';
const IDENTITY_STAGING = 'https://identity-staging.pingen.com';
/** The scopes a letter send and the credential Test need (Pingen's n8n node asks these and more). */
const SCOPE = 'letter organisation_read';

/** The identity host: as configured, else the one that belongs to the API host (staging or production). */
function identityUrl(credentials: ICredentialDataDecryptedObject): string {
	const configured = String(credentials.identityUrl ?? '').trim();
	if (configured) return configured.replace(/\/+$/, '');
	return /^https:\/\/api-staging\.pingen\.com\/?$/i.test(String(credentials.baseUrl ?? '').trim()) ? IDENTITY_STAGING : IDENTITY_PRODUCTION;
}
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
		{
			displayName: 'Identity URL',
			name: 'identityUrl',
			type: 'string',
			default: '',
			placeholder: 'https://identity.pingen.com',
			description: 'Where the access token is requested. Leave empty: https://identity.pingen.com, or https://identity-staging.pingen.com when the Base URL is staging. Set it only for a test server.',
		},
		{ displayName: 'Webhook Signing Secret', name: 'webhookSecret', type: 'string', typeOptions: { password: true }, default: '', description: 'Verifies the Signature header of Pingen webhooks (Delivery Status Trigger)' },
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: String(credentials.clientId ?? ''), client_secret: String(credentials.clientSecret ?? ''), scope: SCOPE });
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${identityUrl(credentials)}/auth/access-tokens`,
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
