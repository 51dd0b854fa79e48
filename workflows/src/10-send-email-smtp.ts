/**
 * Workflow 10: sends by SMTP what a Channel Sender prepared ("SMTP via n8n's Send Email node"). The
 * sending workflows of both editions call it; publish it with n8n's SMTP credential when a Channel
 * Sender uses SMTP, otherwise leave it unpublished (nothing calls it).
 */
import { Canvas, type Json } from './canvas';
import { SEND_EMAIL_WORKFLOW_ID, SEND_EMAIL_WORKFLOW_NAME, sendEmailSteps } from './sendEmail';

export function sendEmailSmtp(): Json {
	const c = new Canvas('5e0d0010');
	sendEmailSteps(c);
	c.note(
		'About',
		[0, -360],
		660,
		300,
		[
			'## Send e-mail (SMTP)',
			"Called by the sending workflows (Execute Workflow) for messages whose Channel Sender uses **SMTP via n8n's Send Email node**.",
			'',
			"1. Pick n8n's **SMTP** credential on *Send Email (SMTP)*.",
			'2. **Publish** this workflow. Published sending workflows call its published version; an unpublished one holds every SMTP message for a person (unconfirmed).',
			'',
			'Each message comes back *sent* with the Message-ID the server took, or held as *unconfirmed* when the server refused it or did not answer.',
		].join('\n'),
	);
	return c.workflow(SEND_EMAIL_WORKFLOW_ID, SEND_EMAIL_WORKFLOW_NAME);
}
