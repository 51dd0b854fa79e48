import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Twilio Programmable Messaging (SMS and WhatsApp). The auth token also verifies X-Twilio-Signature on callbacks. */
export class SocialCollectionsTwilioApi implements ICredentialType {
	name = 'socialCollectionsTwilioApi';

	displayName = 'Social Collections: Twilio API';

	icon = { light: 'file:icons/twilio.svg', dark: 'file:icons/twilio.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/sms.md';

	properties: INodeProperties[] = [
		{ displayName: 'Account SID', name: 'accountSid', type: 'string', default: '', placeholder: 'AC...', required: true },
		{ displayName: 'Auth Token', name: 'authToken', type: 'string', typeOptions: { password: true }, default: '', required: true, description: 'Use the test credentials from the Twilio console to validate without sending' },
		{ displayName: 'Default Sender', name: 'from', type: 'string', default: '', placeholder: '+3197010000000 or MyCompany', description: 'Phone number or alphanumeric sender ID used when the node sets none' },
		{ displayName: 'Messaging Service SID', name: 'messagingServiceSid', type: 'string', default: '', placeholder: 'MG...', description: 'Send SMS through a Messaging Service instead of a fixed sender' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: 'https://api.twilio.com', description: 'Change only to point at a test server' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.accountSid}}', password: '={{$credentials.authToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '=/2010-04-01/Accounts/{{$credentials.accountSid}}.json', method: 'GET' },
	};
}
