/**
 * SMTP through n8n's own Send Email node. A community node may not open a socket (n8n's verification
 * scan forbids the `net`/`tls` imports an SMTP client needs), so this adapter sends nothing itself:
 * it prepares the message, ready for the Send Email node the workflow puts after the Channel Sender,
 * and hands it off (`handOff: 'sendEmail'`). The engine claims the send in its ledger as for every
 * provider but does not confirm it: only the workflow knows whether the Send Email node took it.
 * The connection (host, port, SSL/TLS, STARTTLS, login) is n8n's SMTP credential on that node.
 */
import { emailContent, requireFrom } from '../content';
import { str } from '../http';
import type { MessageAttachment, OutgoingMessage, ProviderAdapter, Recipient, SendContext } from '../types';

/** One attachment as a binary property of the item: the Send Email node attaches binary properties by name. */
export interface PreparedAttachment {
	/** Binary property name; for an inline image its Content-ID (Send Email uses the name as the cid). */
	property: string;
	filename: string;
	contentType: string;
	contentBase64: string;
	inline: boolean;
}

/** The message as the Send Email node reads it (`delivery.email`). */
export interface PreparedEmail {
	/** `From` as the Send Email node takes it: `"Name" <address>` or the address. */
	from: string;
	to: string;
	subject: string;
	html: string;
	text: string;
	replyTo?: string;
	/**
	 * The Message-ID and headers our own SMTP sent. n8n's Send Email node (2.41) sets neither, so they
	 * stay on the item for the record; the workflow logs the Message-ID the node's SMTP answer gives.
	 */
	messageId: string;
	headers: Record<string, string>;
	/** Binary property names for Send Email's "Attachments (Inline)" and "Attachments (File)", comma-separated. */
	inlineAttachments: string;
	fileAttachments: string;
	attachments: PreparedAttachment[];
}

function domainOf(address: string): string {
	const match = /@([^>\s]+)>?\s*$/.exec(address);
	return match ? match[1] : 'localhost';
}

/** A display name fit for a quoted `From`: no quotes, backslashes or line breaks (they would end the header). */
function quotedName(name: string): string {
	return `"${name.replace(/["\\\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim()}"`;
}

/** File attachments get their own names, never one an inline image (or another binary of the item) may use. */
function attachmentsOf(list: MessageAttachment[]): PreparedAttachment[] {
	let files = 0;
	return list.map(({ filename, contentType, contentBase64, cid }) =>
		cid ? { property: cid, filename, contentType, contentBase64, inline: true } : { property: `scAttachment${++files}`, filename, contentType, contentBase64, inline: false },
	);
}

/** The ready message for the Send Email node; throws `SendValidationError` (field named) when it cannot be sent. */
export function prepareEmail(message: OutgoingMessage, recipient: Recipient, context: SendContext): PreparedEmail {
	const email = emailContent(message, recipient);
	const address = requireFrom(str(context.options.from) ?? str(context.credentials.from), 'sender e-mail address');
	const name = str(context.options.fromName) ?? str(context.credentials.fromName);
	const attachments = attachmentsOf(email.attachments);
	const names = (inline: boolean) =>
		attachments
			.filter((attachment) => attachment.inline === inline)
			.map((attachment) => attachment.property)
			.join(',');
	return {
		from: name ? `${quotedName(name)} <${address}>` : address,
		to: email.to,
		subject: email.subject,
		html: email.html ?? '',
		text: email.text ?? '',
		...(str(context.options.replyTo) ? { replyTo: str(context.options.replyTo) } : {}),
		// Derived from the idempotency key, as before, so the key and the message can be matched in the log.
		messageId: `<${context.idempotencyKey}@${domainOf(address)}>`,
		headers: { 'X-Idempotency-Key': context.idempotencyKey, 'Auto-Submitted': 'auto-generated' },
		inlineAttachments: names(true),
		fileAttachments: names(false),
		attachments,
	};
}

/** What is wrong with the SMTP credential's sender defaults (its credential test), or undefined. */
export function senderDefaultsProblem(credential: Record<string, unknown>): string | undefined {
	const from = str(credential.from);
	if (from !== undefined && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(from)) return 'Default Sender Address is not an e-mail address (name@example.nl)';
	const name = str(credential.fromName);
	if (name !== undefined && /[\r\n]/.test(name)) return 'Default Sender Name must be one line';
	return undefined;
}

export const smtpAdapter: ProviderAdapter = {
	id: 'smtp',
	displayName: "SMTP (n8n's Send Email node)",
	channels: ['email'],
	credentialType: 'socialCollectionsSmtpApi',
	idempotency: 'reference',
	// Preparing is local; the SMTP server's pace is the Send Email node's.
	defaultRatePerSecond: 0,
	buildRequest(message, recipient, context) {
		const email = prepareEmail(message, recipient, context);
		return { method: 'POST', url: 'n8n-send-email:', headers: email.headers, body: { ...email }, authenticate: false };
	},
	parseResponse() {
		// Never called: `send` makes no request.
		return { kind: 'accepted', status: 'queued', handOff: 'sendEmail' };
	},
	async send(message, recipient, context) {
		const email = prepareEmail(message, recipient, context);
		return { kind: 'accepted', status: 'queued', providerStatus: 'prepared for the Send Email node', handOff: 'sendEmail', details: { email } };
	},
};
