/**
 * n8n's Send Email node after a Channel Sender, for the SMTP provider ("SMTP via n8n's Send Email
 * node"): a community node may not open a socket, so the Channel Sender prepares the message
 * (`delivery.email`, attachments as binary properties) and this node sends it with n8n's SMTP
 * credential. Items of every other provider pass by. Afterwards each item carries the delivery the
 * rest of the workflow knows: `sent` with the Message-ID the SMTP server took, or, when the Send Email
 * node failed, `unconfirmed` (the send stays claimed: a person checks before it goes again).
 */
import { isTrue, type Canvas, type Json } from './canvas';

export type Output = [string, number];

/** n8n's Send Email node version the workflows use (2.1: attribution switched off below). */
const SEND_EMAIL_VERSION = 2.1;

export interface SendEmailOutputs {
	/** Sent: the Channel Sender's own, and what the Send Email node sent (one Merge, so later nodes run once). */
	sent: Output;
	/** Not sent: the Channel Sender's own, and what the Send Email node could not send. */
	notSent: Output;
	/** The two Set nodes after the Send Email node, for a store that settles its claims (Postgres). */
	settled: string[];
}

/** The delivery of the item before the Send Email node, changed by `change` (a JavaScript object literal). */
const deliveryAfter = (handed: string, change: string): Json => ({
	mode: 'raw',
	jsonOutput: [
		`={{ Object.assign({}, $('${handed}').item.json, { delivery: Object.assign({}, $('${handed}').item.json.delivery, ${change}, { handOff: undefined, email: undefined }) }) }}`,
	].join('\n'),
	options: {},
});

/** Puts the Send Email step after the Channel Sender `sender`; `prefix` keeps node names unique per workflow. */
export function sendEmailAfter(c: Canvas, sender: string, position: [number, number], prefix = ''): SendEmailOutputs {
	const [x, y] = position;
	const handed = c.add(`${prefix}Send by e-mail (SMTP)?`, 'n8n-nodes-base.if', 2.2, [x, y], isTrue("={{ $json.delivery.handOff === 'sendEmail' }}"));
	const mail = c.add(
		`${prefix}Send Email (SMTP)`,
		'n8n-nodes-base.emailSend',
		SEND_EMAIL_VERSION,
		[x + 220, y - 120],
		{
			resource: 'email',
			operation: 'send',
			fromEmail: '={{ $json.delivery.email.from }}',
			toEmail: '={{ $json.delivery.email.to }}',
			subject: '={{ $json.delivery.email.subject }}',
			emailFormat: 'both',
			text: '={{ $json.delivery.email.text }}',
			html: '={{ $json.delivery.email.html }}',
			options: {
				appendAttribution: false,
				attachments: '={{ $json.delivery.email.inlineAttachments }}',
				fileAttachments: '={{ $json.delivery.email.fileAttachments }}',
				replyTo: "={{ $json.delivery.email.replyTo ?? '' }}",
			},
		},
		// One failed message must not stop the others: it leaves on the error output.
		{ onError: 'continueErrorOutput' },
	);
	const sent = c.add(
		`${prefix}Sent by Send Email`,
		'n8n-nodes-base.set',
		3.4,
		[x + 440, y - 200],
		deliveryAfter(handed, "{ status: 'sent', providerMessageId: $json.messageId ?? '', providerStatus: String($json.response ?? '').slice(0, 80) }"),
	);
	// The SMTP error text may name the address: it stays in n8n's execution, not in the log or the task.
	const failed = c.add(
		`${prefix}Send Email failed`,
		'n8n-nodes-base.set',
		3.4,
		[x + 440, y - 40],
		deliveryAfter(
			handed,
			"{ status: 'failed-transient', unconfirmed: true, outcomeUnknown: true, errorCode: 'send-email-failed', errorMessage: 'the Send Email node reported an error (see its execution); check the SMTP server for Message-ID ' + $('" +
				handed +
				"').item.json.delivery.email.messageId + ' and key ' + $('" +
				handed +
				"').item.json.delivery.idempotencyKey + ' before sending it again' }",
		),
	);
	const allSent = c.add(`${prefix}Sent (Send Email included)`, 'n8n-nodes-base.merge', 3.2, [x + 660, y - 120], {});
	const allNotSent = c.add(`${prefix}Not sent (Send Email included)`, 'n8n-nodes-base.merge', 3.2, [x + 660, y + 80], {});
	c.link(sender, handed, 0);
	c.link(handed, mail, 0);
	c.link(handed, allSent, 1, 0);
	c.link(mail, sent, 0);
	c.link(mail, failed, 1);
	c.link(sent, allSent, 0, 1);
	c.link(sender, allNotSent, 1, 0);
	c.link(failed, allNotSent, 0, 1);
	return { sent: [allSent, 0], notSent: [allNotSent, 0], settled: [sent, failed] };
}
