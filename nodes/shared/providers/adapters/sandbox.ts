/**
 * The sandbox: validates the message exactly as a real send would and records what would have been
 * sent, without sending anything. It is the default provider of every channel, so a workflow that
 * is imported or copied can never reach a debtor by accident.
 */
import { addressOf, emailContent, mobileOf, smsText, whatsAppTemplate } from '../content';
import type { OutgoingMessage, ProviderAdapter, Recipient, SendContext } from '../types';

function wouldSend(message: OutgoingMessage, recipient: Recipient, context: SendContext): Record<string, unknown> {
	switch (context.channel) {
		case 'email': {
			const email = emailContent(message, recipient);
			return {
				to: email.to,
				subject: email.subject,
				text: email.text,
				htmlLength: email.html?.length ?? 0,
				...(email.attachments.length ? { attachments: email.attachments.map(({ filename, contentType, cid, contentBase64 }) => ({ filename, contentType, ...(cid ? { cid } : {}), base64Length: contentBase64.length })) } : {}),
			};
		}
		case 'sms':
			return { to: mobileOf(recipient), text: smsText(message), segments: message.sms?.segments };
		case 'whatsapp': {
			const template = whatsAppTemplate(message);
			return { to: mobileOf(recipient), template: template.name, language: template.language, parameters: template.positional ?? template.named };
		}
		case 'letter': {
			const address = addressOf(recipient);
			return { to: recipient.name, address, registered: context.options.registered === true, pdfBytes: message.letter?.pdf?.length ?? 0 };
		}
		case 'phone':
			return { to: recipient.phone ?? recipient.mobile, text: message.text };
	}
}

export const sandboxAdapter: ProviderAdapter = {
	id: 'sandbox',
	displayName: 'Sandbox (Send Nothing)',
	channels: ['email', 'sms', 'whatsapp', 'letter', 'phone'],
	idempotency: 'native',
	defaultRatePerSecond: 0,
	buildRequest(message, recipient, context) {
		return { method: 'POST', url: `sandbox://${context.channel}`, headers: {}, body: wouldSend(message, recipient, context), authenticate: false };
	},
	parseResponse() {
		return { kind: 'accepted', status: 'sent' };
	},
	async send(message, recipient, context) {
		const body = wouldSend(message, recipient, context);
		return { kind: 'accepted', status: 'sent', providerMessageId: `sandbox-${context.idempotencyKey}`, details: { simulated: true, wouldSend: body } };
	},
};
