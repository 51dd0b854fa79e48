import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * An SMTP relay. Tested by the Channel Sender node (it connects, says EHLO and authenticates), as
 * SMTP is not HTTP. TLS: implicit (port 465, "SSL/TLS") or STARTTLS; a private CA or self-signed
 * certificate can be trusted by pasting its PEM, rather than switching certificate checks off.
 */
export class SocialCollectionsSmtpApi implements ICredentialType {
	name = 'socialCollectionsSmtpApi';

	displayName = 'Social Collections: SMTP API';

	icon = { light: 'file:icons/smtp.svg', dark: 'file:icons/smtp.dark.svg' } as const;

	documentationUrl = 'https://github.com/social-collections/n8n-nodes-social-collections/blob/main/docs/channels/email.md';

	properties: INodeProperties[] = [
		{ displayName: 'Host', name: 'host', type: 'string', default: '', placeholder: 'smtp.example.nl', required: true },
		{ displayName: 'Port', name: 'port', type: 'number', default: 587 },
		{ displayName: 'SSL/TLS', name: 'secure', type: 'boolean', default: false, description: 'Whether to use implicit TLS from the first byte (usually port 465). Off means plain connection upgraded with STARTTLS.' },
		{
			displayName: 'STARTTLS',
			name: 'startTls',
			type: 'options',
			default: 'require',
			options: [
				{ name: 'Ignore', value: 'ignore', description: 'Never upgrade (only for a relay on the same host)' },
				{ name: 'Opportunistic', value: 'opportunistic', description: 'Upgrade when the server offers it' },
				{ name: 'Require', value: 'require', description: 'Refuse to send unless the connection is upgraded to TLS' },
			],
		},
		{ displayName: 'User', name: 'user', type: 'string', default: '' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Trusted CA Certificate (PEM)', name: 'trustedCaPem', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'PEM of a private CA or self-signed server certificate to trust' },
		{ displayName: 'Allow Unauthorized Certificates', name: 'allowUnverifiedTls', type: 'boolean', default: false, description: 'Whether to skip certificate validation (not recommended: prefer the trusted CA field)' },
		{ displayName: 'Default Sender Address', name: 'from', type: 'string', default: '', placeholder: 'incasso@example.nl' },
		{ displayName: 'Default Sender Name', name: 'fromName', type: 'string', default: '' },
		{ displayName: 'HELO Name', name: 'heloName', type: 'string', default: '', description: 'Host name to announce; empty uses the machine name' },
	];
}
