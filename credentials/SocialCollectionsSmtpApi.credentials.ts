import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Sender defaults for e-mail sent through n8n's Send Email node (the Channel Sender's SMTP provider
 * prepares the message, the Send Email node sends it with n8n's own SMTP credential). The connection
 * fields of earlier versions (host, port, TLS, login) moved to that credential: a community node may
 * not open a socket itself. Optional on the node: its options can set the sender instead.
 */
export class SocialCollectionsSmtpApi implements ICredentialType {
	name = 'socialCollectionsSmtpApi';

	displayName = 'Social Collections: SMTP API';

	icon = { light: 'file:icons/smtp.svg', dark: 'file:icons/smtp.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/email.md';

	properties: INodeProperties[] = [
		{
			displayName: "The SMTP connection is n8n's own SMTP credential, on the Send Email node after the Channel Sender. This credential only holds the sender defaults.",
			name: 'connectionNotice',
			type: 'notice',
			default: '',
		},
		{ displayName: 'Default Sender Address', name: 'from', type: 'string', default: '', placeholder: 'incasso@example.nl' },
		{ displayName: 'Default Sender Name', name: 'fromName', type: 'string', default: '' },
	];
}
