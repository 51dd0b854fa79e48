import { createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

/**
 * The creditor's own system as a channel: the Channel Sender POSTs each message as JSON, signed
 * with HMAC-SHA256 over "<timestamp>.<body>" (headers X-Signature, X-Signature-Timestamp). The same
 * secret verifies the delivery events that system posts back to the Delivery Status Trigger.
 */
export class SocialCollectionsWebhookApi implements ICredentialType {
	name = 'socialCollectionsWebhookApi';

	displayName = 'Social Collections: HTTPS Webhook API';

	icon = { light: 'file:icons/webhook.svg', dark: 'file:icons/webhook.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/webhook.md';

	properties: INodeProperties[] = [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://collections.example.nl/api/messages',
			description: 'HTTPS endpoint of the creditor system that receives the messages',
			required: true,
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Shared secret for the HMAC-SHA256 signature of every call (and of the delivery events sent back)',
			required: true,
		},
	];

	/** Signs the exact bytes that are sent: the body is serialised here when it is still an object. */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const body = typeof requestOptions.body === 'string' ? requestOptions.body : JSON.stringify(requestOptions.body ?? {});
		const headers = { ...(requestOptions.headers ?? {}) } as Record<string, string>;
		const timestampKey = Object.keys(headers).find((key) => key.toLowerCase() === 'x-signature-timestamp');
		const timestamp = timestampKey ? String(headers[timestampKey]) : String(Math.floor(Date.now() / 1000));
		const signature = createHmac('sha256', String(credentials.signingSecret ?? '')).update(`${timestamp}.${body}`, 'utf8').digest('hex');
		return {
			...requestOptions,
			body,
			headers: { 'Content-Type': 'application/json', ...headers, 'X-Signature-Timestamp': timestamp, 'X-Signature': `sha256=${signature}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.url}}',
			body: { event: 'credential-test' },
		},
	};
}
