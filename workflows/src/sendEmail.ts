/**
 * SMTP after a Channel Sender ("SMTP via n8n's Send Email node"): a community node may not open a
 * socket, so the Channel Sender prepares the message (`delivery.email`, attachments as binary
 * properties) and n8n's Send Email node sends it with n8n's SMTP credential.
 *
 * The Send Email node lives in a workflow of its own (10-send-email-smtp.json, `sendEmailSteps`),
 * called with Execute Workflow only for the items handed to it: n8n will not publish a workflow whose
 * connected Send Email node has no SMTP credential, and a creditor who does not use SMTP must be able
 * to publish every sending workflow without making one. Items of every other provider pass by.
 * Afterwards each item carries the delivery the rest of the workflow knows: `sent` with the
 * Message-ID the SMTP server took, or `unconfirmed` (the send stays claimed: a person checks before
 * it goes again) when the Send Email node or its workflow failed.
 */
import { isTrue, type Canvas } from './canvas';

export type Output = [string, number];

/** The fixed id of the shipped Send Email workflow (re-importing updates it in place). */
export const SEND_EMAIL_WORKFLOW_ID = 'scSendEmailSmtp10';
export const SEND_EMAIL_WORKFLOW_NAME = 'Social Collections: send e-mail (SMTP)';

/** n8n's Send Email node version the Send Email workflow uses (2.1: attribution switched off below). */
const SEND_EMAIL_VERSION = 2.1;

export interface SendEmailOutputs {
	/** Sent: the Channel Sender's own, and what the Send Email workflow sent (one Merge, so later nodes run once). */
	sent: Output;
	/** Not sent: the Channel Sender's own, and what the Send Email workflow could not send. */
	notSent: Output;
	/** The nodes whose items have been through the Send Email workflow, for a store that settles its claims (Postgres). */
	settled: Output[];
}

/** A delivery after the Send Email step: `change` (a JavaScript object literal) on `item`'s delivery, the hand-off removed. */
const deliveryAfter = (item: string, change: string): string =>
	`Object.assign({}, ${item}, { delivery: Object.assign({}, ${item}.delivery, ${change}, { handOff: undefined, email: undefined }) })`;

/** Held for a person: the message may or may not have gone out; `why` (a JavaScript expression) says what failed. */
const unconfirmed = (item: string, errorCode: string, why: string): string =>
	deliveryAfter(
		item,
		`{ status: 'failed-transient', unconfirmed: true, outcomeUnknown: true, errorCode: '${errorCode}', errorMessage: ${why} + '; check the SMTP server for Message-ID ' + ${item}.delivery.email.messageId + ' and key ' + ${item}.delivery.idempotencyKey + ' before sending it again' }`,
	);

/** Puts the Send Email step after the Channel Sender `sender`; `prefix` keeps node names unique per workflow. */
export function sendEmailAfter(c: Canvas, sender: string, position: [number, number], prefix = ''): SendEmailOutputs {
	const [x, y] = position;
	const handed = c.add(`${prefix}Send by e-mail (SMTP)?`, 'n8n-nodes-base.if', 2.2, [x, y], isTrue("={{ $json.delivery.handOff === 'sendEmail' }}"));
	const call = c.add(
		`${prefix}Send Email (SMTP workflow)`,
		'n8n-nodes-base.executeWorkflow',
		1.2,
		[x + 220, y - 120],
		{
			source: 'database',
			// An expression: n8n publishes a workflow only when the sub-workflows it names are published,
			// and workflow 10 can be published only with an SMTP credential. A creditor without SMTP never
			// calls it; one with SMTP who has not published it gets every SMTP message held with the reason.
			workflowId: { __rl: true, mode: 'id', value: `={{ '${SEND_EMAIL_WORKFLOW_ID}' }}` },
			mode: 'once',
			options: { waitForSubWorkflow: true },
		},
		// Not published, or stopped part-way: every item it was given is held for a person.
		{
			onError: 'continueErrorOutput',
			notes: `Calls workflow 10, "${SEND_EMAIL_WORKFLOW_NAME}" (id ${SEND_EMAIL_WORKFLOW_ID}), for the e-mails handed to SMTP. The id is an expression so that this workflow can be published while workflow 10 is not (no SMTP used). Imported under another id: put that id here.`,
		},
	);
	const wentOut = c.add(`${prefix}Sent by Send Email?`, 'n8n-nodes-base.if', 2.2, [x + 440, y - 200], isTrue("={{ $json.delivery.status === 'sent' }}"));
	// The error output is one item for all of them: take them again from the If before the call.
	const failed = c.add(`${prefix}Send Email workflow failed`, 'n8n-nodes-base.set', 3.4, [x + 440, y - 40], {
		mode: 'raw',
		jsonOutput: `={{ { held: $('${handed}').all(0).map((item) => ${unconfirmed('item.json', 'send-email-workflow-failed', "'the workflow \"" + SEND_EMAIL_WORKFLOW_NAME + "\" could not send (is it published, with an SMTP credential?): ' + String($json.error ?? '').slice(0, 200)")}) } }}`,
		options: {},
	});
	const held = c.add(`${prefix}Held after Send Email workflow`, 'n8n-nodes-base.splitOut', 1, [x + 660, y - 40], { fieldToSplitOut: 'held', include: 'noOtherFields', options: {} });
	const allSent = c.add(`${prefix}Sent (Send Email included)`, 'n8n-nodes-base.merge', 3.2, [x + 880, y - 120], { mode: 'append' });
	const allNotSent = c.add(`${prefix}Not sent (Send Email included)`, 'n8n-nodes-base.merge', 3.2, [x + 880, y + 80], { mode: 'append', numberInputs: 3 });
	c.link(sender, handed, 0);
	c.link(handed, call, 0);
	c.link(handed, allSent, 1, 0);
	c.link(call, wentOut, 0);
	c.link(call, failed, 1);
	c.link(failed, held);
	c.link(wentOut, allSent, 0, 1);
	c.link(sender, allNotSent, 1, 0);
	c.link(wentOut, allNotSent, 1, 1);
	c.link(held, allNotSent, 0, 2);
	return { sent: [allSent, 0], notSent: [allNotSent, 0], settled: [[wentOut, 0], [wentOut, 1], [held, 0]] };
}

/**
 * The Send Email workflow (10-send-email-smtp.json): called by the sending workflows with the items
 * the Channel Sender handed to SMTP; returns each of them with its delivery `sent` or held. One
 * failed message does not stop the others (the Send Email node continues with the error as item).
 */
export function sendEmailSteps(c: Canvas): void {
	const given = c.add('Message to send', 'n8n-nodes-base.executeWorkflowTrigger', 1.1, [0, 0], { inputSource: 'passthrough' });
	const mail = c.add(
		'Send Email (SMTP)',
		'n8n-nodes-base.emailSend',
		SEND_EMAIL_VERSION,
		[220, 0],
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
		{ onError: 'continueRegularOutput' },
	);
	// The SMTP error text may name the address: it stays in n8n's execution, not in the log or the task.
	const given$ = `$('${given}').item.json`;
	const after = c.add('Delivery after sending', 'n8n-nodes-base.set', 3.4, [440, 0], {
		mode: 'raw',
		jsonOutput: `={{ $json.error === undefined ? ${deliveryAfter(given$, "{ status: 'sent', providerMessageId: $json.messageId ?? '', providerStatus: String($json.response ?? '').slice(0, 80) }")} : ${unconfirmed(given$, 'send-email-failed', "'the Send Email node reported an error (see its execution)'")} }}`,
		options: {},
	});
	c.link(given, mail);
	c.link(mail, after);
}
