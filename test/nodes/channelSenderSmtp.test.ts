/* eslint-disable @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * The Channel Sender with "SMTP via n8n's Send Email node": the item leaves on Sent with the message
 * ready under `delivery.email` (From, To, subject, both parts, Message-ID and headers from the
 * idempotency key) and its attachments as binary properties named as the Send Email node reads them;
 * the send is claimed in the ledger and never confirmed, so a rerun holds it instead of preparing it
 * twice; the SMTP credential (sender defaults) is optional.
 */
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { ChannelSender } from '../../nodes/ChannelSender/ChannelSender.node';
import { senderContext } from '../fixtures/providers/nodeContext';
import { MESSAGE_WITH_QR, QR_PNG_BASE64 } from '../fixtures/providers/harness';

const NOON = Date.parse('2026-06-30T10:00:00Z'); // Tuesday 12:00 Amsterdam

function debtor(id: string, message: Record<string, unknown> = {}): INodeExecutionData {
	return {
		json: {
			debtorId: id,
			firstName: 'Jan',
			lastName: 'de Vries',
			contact: { email: `${id.toLowerCase()}@example.nl` },
			claims: [{ claimId: 'C-1', principalCents: 4500, openCents: 4500, invoiceDate: '2026-05-01', dueDate: '2026-05-15' }],
			journey: { stepId: 'reminder-1#1', stage: 'reminder-1' },
			message: { channel: 'email', stage: 'reminder-1', subject: 'Herinnering', text: 'Beste Jan, uw factuur staat nog open.', html: '<p>Beste Jan, uw factuur staat nog open.</p>', ...message },
		},
	};
}

const parameters = (options: Record<string, unknown> = {}) => ({ emailProvider: 'smtp', channelSource: 'fixed', channel: 'email', options });

function context(items: INodeExecutionData[], options: Parameters<typeof senderContext>[0]['credentials'] = undefined, ledger?: Parameters<typeof senderContext>[0]['ledger'], extra: Record<string, unknown> = {}) {
	const made = senderContext({ items, parameters: parameters(extra), credentials: options, ledger, typeVersion: 2 });
	made.ctx.helpers.prepareBinaryData.mockImplementation((async (data: Buffer, fileName?: string, mimeType?: string) => ({ data: data.toString('base64'), fileName, mimeType }) as IBinaryData) as never);
	return made;
}

const run = (ctx: ReturnType<typeof senderContext>['ctx']) => new ChannelSender().execute.call(ctx);

describe('Channel Sender: SMTP via n8n\'s Send Email node', () => {
	beforeEach(() => {
		const realNow = Date.now.bind(Date);
		const start = realNow();
		jest.spyOn(Date, 'now').mockImplementation(() => NOON + (realNow() - start));
	});
	afterEach(() => jest.restoreAllMocks());

	test('the item leaves on Sent with the prepared message; the Message-ID and header carry the idempotency key', async () => {
		const { ctx } = context([debtor('D-1')], { socialCollectionsSmtpApi: { from: 'incasso@example.nl', fromName: 'Incasso NL' } });
		const [sent, notSent, invalid] = await run(ctx);
		expect(notSent).toHaveLength(0);
		expect(invalid).toHaveLength(0);
		expect(sent).toHaveLength(1);
		const delivery = sent[0].json.delivery as Record<string, any>;
		expect(delivery).toMatchObject({ status: 'queued', provider: 'smtp', channel: 'email', handOff: 'sendEmail', providerStatus: 'prepared for the Send Email node' });
		expect(delivery.idempotencyKey).toMatch(/^sc1-[0-9a-f]{32}$/);
		expect(delivery.email).toEqual({
			from: '"Incasso NL" <incasso@example.nl>',
			to: 'd-1@example.nl',
			subject: 'Herinnering',
			html: '<p>Beste Jan, uw factuur staat nog open.</p>',
			text: 'Beste Jan, uw factuur staat nog open.',
			messageId: `<${delivery.idempotencyKey}@example.nl>`,
			headers: { 'X-Idempotency-Key': delivery.idempotencyKey, 'Auto-Submitted': 'auto-generated' },
			inlineAttachments: '',
			fileAttachments: '',
			attachments: [],
		});
		// The message is not carried twice.
		expect(delivery.details).toBeUndefined();
		expect(sent[0].pairedItem).toEqual({ item: 0 });
		expect(sent[0].binary).toBeUndefined();
	});

	test('the inline QR code becomes the binary property the Send Email node embeds as cid:epc-qr; the item\'s own binaries stay', async () => {
		const item = debtor('D-2', { html: MESSAGE_WITH_QR.html, attachments: MESSAGE_WITH_QR.attachments });
		item.binary = { letter: { data: 'JVBERi0=', mimeType: 'application/pdf', fileName: 'brief.pdf' } };
		const { ctx } = context([item], undefined, undefined, { emailFrom: 'incasso@example.nl' });
		const [sent] = await run(ctx);
		const delivery = sent[0].json.delivery as Record<string, any>;
		expect(delivery.email.inlineAttachments).toBe('epc-qr');
		expect(delivery.email.fileAttachments).toBe('');
		expect(delivery.email.attachments).toEqual([{ property: 'epc-qr', filename: 'betalen-qr.png', contentType: 'image/png', inline: true }]);
		expect(sent[0].binary!['epc-qr']).toEqual({ data: QR_PNG_BASE64, fileName: 'betalen-qr.png', mimeType: 'image/png' });
		expect(sent[0].binary!.letter.fileName).toBe('brief.pdf');
	});

	test('claimed, never confirmed: the rerun holds the contact for a person instead of preparing it again', async () => {
		const first = context([debtor('D-3')], undefined, undefined, { emailFrom: 'incasso@example.nl' });
		const [sent] = await run(first.ctx);
		expect(sent).toHaveLength(1);
		const key = (sent[0].json.delivery as Record<string, any>).contactKey as string;
		expect([...first.ledger.values]).toEqual([`r:${key}`]);
		const again = context([debtor('D-3')], undefined, first.ledger, { emailFrom: 'incasso@example.nl' });
		const [sentAgain, held] = await run(again.ctx);
		expect(sentAgain).toHaveLength(0);
		expect(held[0].json.delivery).toMatchObject({ status: 'skipped', reason: 'earlier-attempt-unconfirmed', unconfirmed: true, provider: 'smtp' });
		expect((held[0].json.delivery as Record<string, unknown>).email).toBeUndefined();
	});

	test('without a sender anywhere the item is Not Sent, the field named', async () => {
		const { ctx } = context([debtor('D-4')]);
		const [sent, notSent] = await run(ctx);
		expect(sent).toHaveLength(0);
		expect(notSent[0].json.delivery).toMatchObject({ status: 'skipped', reason: 'configuration' });
		expect(JSON.stringify(notSent[0].json.delivery)).toContain('sender e-mail address');
	});

	test('the SMTP credential is optional; its test checks the sender defaults, without a connection', async () => {
		const node = new ChannelSender();
		const smtp = node.description.credentials!.find((credential) => credential.name === 'socialCollectionsSmtpApi')!;
		expect(smtp.required).toBe(false);
		expect(smtp.testedBy).toBe('smtpSenderCheck');
		const check = (data: Record<string, unknown>) => node.methods.credentialTest.smtpSenderCheck.call({} as never, { id: 'x', name: 'x', type: 'socialCollectionsSmtpApi', data } as never);
		await expect(check({ from: 'incasso@example.nl', fromName: 'Incasso NL' })).resolves.toMatchObject({ status: 'OK' });
		await expect(check({})).resolves.toMatchObject({ status: 'OK' });
		await expect(check({ from: 'incasso' })).resolves.toEqual({ status: 'Error', message: 'Default Sender Address is not an e-mail address (name@example.nl)' });
		await expect(check({ fromName: 'Incasso\r\nBcc: x@example.nl' })).resolves.toMatchObject({ status: 'Error', message: 'Default Sender Name must be one line' });
	});
});
