/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * SMTP via n8n's Send Email node: the adapter prepares the message (sender, recipient, both parts,
 * the Message-ID and headers from the idempotency key, attachments as named binary properties) and
 * sends nothing; the engine claims the send in its ledger and leaves the claim unconfirmed, so a
 * rerun holds the contact for a person instead of preparing it twice. The real SMTP send through
 * the Send Email node is test/e2e/smtpSendEmail.test.ts.
 */
import { MemoryLedgerStore, SendEngine, SendLedger, DEFAULT_RETRY, type SendContext, type SendPlan } from '../../../nodes/shared/providers';
import { prepareEmail, smtpAdapter, type PreparedEmail } from '../../../nodes/shared/providers/adapters/smtp';
import { DEBTOR, IDEM, MESSAGE, MESSAGE_WITH_QR, QR_PNG_BASE64, send } from '../../fixtures/providers/harness';

const context = (options: SendContext['options'] = {}, credentials: Record<string, unknown> = { from: 'incasso@example.nl', fromName: 'Incasso NL' }): SendContext => ({
	channel: 'email',
	idempotencyKey: IDEM,
	credentials,
	options,
	timeoutMs: 1000,
	cache: new Map(),
	now: () => 0,
});

describe('SMTP: the message prepared for the Send Email node', () => {
	test('sender, recipient, subject, both parts, Message-ID and headers from the idempotency key', () => {
		const email = prepareEmail(MESSAGE, DEBTOR, context());
		expect(email).toEqual({
			from: '"Incasso NL" <incasso@example.nl>',
			to: 'jan.devries@example.nl',
			subject: MESSAGE.subject,
			html: MESSAGE.html,
			text: MESSAGE.text,
			messageId: `<${IDEM}@example.nl>`,
			headers: { 'X-Idempotency-Key': IDEM, 'Auto-Submitted': 'auto-generated' },
			inlineAttachments: '',
			fileAttachments: '',
			attachments: [],
		});
	});

	test('node options win over the credential; a name cannot break out of the quoted From', () => {
		const email = prepareEmail(MESSAGE, DEBTOR, context({ from: 'noreply@woon.example', fromName: 'Woon "Stichting"\r\nBcc: x@evil.example', replyTo: 'antwoord@woon.example' }));
		expect(email.from).toBe('"Woon Stichting Bcc: x@evil.example" <noreply@woon.example>');
		expect(email.replyTo).toBe('antwoord@woon.example');
		expect(email.messageId).toBe(`<${IDEM}@woon.example>`);
		expect(prepareEmail(MESSAGE, DEBTOR, context({}, { from: 'incasso@example.nl' })).from).toBe('incasso@example.nl');
	});

	test('the inline QR code is a binary property named by its Content-ID; other files get their own names', () => {
		const message = { ...MESSAGE_WITH_QR, attachments: [...MESSAGE_WITH_QR.attachments!, { filename: 'factuur.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjQK' }] };
		const email = prepareEmail(message, DEBTOR, context());
		expect(email.inlineAttachments).toBe('epc-qr');
		expect(email.fileAttachments).toBe('scAttachment1');
		expect(email.attachments).toEqual([
			{ property: 'epc-qr', filename: 'betalen-qr.png', contentType: 'image/png', contentBase64: QR_PNG_BASE64, inline: true },
			{ property: 'scAttachment1', filename: 'factuur.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjQK', inline: false },
		]);
	});

	test('what cannot be sent is refused with the field named, as for every provider', () => {
		expect(() => prepareEmail(MESSAGE, { debtorId: 'D-1' }, context())).toThrow(expect.objectContaining({ field: 'contact.email', code: 'no-contact-data' }));
		expect(() => prepareEmail({ ...MESSAGE, subject: ' ' }, DEBTOR, context())).toThrow(expect.objectContaining({ field: 'message.subject' }));
		expect(() => prepareEmail(MESSAGE, DEBTOR, context({}, {}))).toThrow(expect.objectContaining({ field: 'options.from', code: 'configuration' }));
		expect(() => prepareEmail({ ...MESSAGE, html: '<img src="cid:epc-qr">' }, DEBTOR, context())).toThrow(expect.objectContaining({ field: 'message.attachments' }));
	});

	test('a send is a hand-off: accepted as queued, the message in details, nothing opened', async () => {
		const { result } = await send({ adapter: smtpAdapter, channel: 'email', credentials: { from: 'incasso@example.nl' } });
		expect(result.attempts).toBe(1);
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'queued', handOff: 'sendEmail', details: { email: { to: DEBTOR.email, messageId: `<${IDEM}@example.nl>` } } });
	});

	test('the dry-run request shows the prepared message', () => {
		const request = smtpAdapter.buildRequest(MESSAGE, DEBTOR, context());
		expect(request.url).toBe('n8n-send-email:');
		expect(request.body).toMatchObject({ to: DEBTOR.email, subject: MESSAGE.subject, messageId: `<${IDEM}@example.nl>` });
	});
});

describe('SMTP: the send ledger keeps a hand-off unconfirmed', () => {
	const plan = (): SendPlan => ({ itemIndex: 0, record: { debtorId: DEBTOR.debtorId, contact: { email: DEBTOR.email } }, recipient: DEBTOR, message: MESSAGE, channels: ['email'], claimId: 'F-1', stage: 'reminder-1', day: '2026-06-30', step: 'reminder-1#1', alreadySent: new Set() });
	const engine = (store: MemoryLedgerStore) =>
		new SendEngine(
			{ providers: { email: { adapter: smtpAdapter, credentials: { from: 'incasso@example.nl' }, options: {}, ratePerSecond: 0, http: async () => ({ statusCode: 0, headers: {}, body: {} }) } }, retry: DEFAULT_RETRY, timeoutMs: 1000, dryRun: false, secretValues: [] },
			{ sleep: async () => undefined, now: () => Date.parse('2026-06-30T10:00:00Z'), random: () => 0.5, ledger: new SendLedger(store) },
		);

	test('prepared once; the rerun holds the contact for a person (the Send Email node may have sent it)', async () => {
		const store = new MemoryLedgerStore();
		const [first] = await engine(store).run([plan()], 1);
		expect(first).toMatchObject({ status: 'queued', provider: 'smtp', handOff: 'sendEmail', attempts: 1 });
		expect((first.details?.email as PreparedEmail).messageId).toBe(`<${first.idempotencyKey}@example.nl>`);
		// Reserved, never confirmed nor released.
		expect([...store.values]).toEqual([`r:${first.contactKey}`]);
		const [again] = await engine(store).run([plan()], 1);
		expect(again).toMatchObject({ status: 'skipped', reason: 'earlier-attempt-unconfirmed', unconfirmed: true, idempotencyKey: first.idempotencyKey });
		expect(again.handOff).toBeUndefined();
	});
});
