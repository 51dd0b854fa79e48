/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is untyped JSON */
/**
 * The Tone Template node in a real n8n (the packed package, installed like a community package):
 * Debtor Segmenter -> Tone Template, stage and channel from the items, tone from the segmentation,
 * the 14-day letter with its computed dates, an SMS with its segments, a language fallback, and a
 * custom MJML e-mail compiled inside n8n from the bundled MJML.
 */
import { N8nInstance, freePort } from '../../scripts/n8nInstance';
import { emitItems, manualTrigger, ourNode, workflow } from './harness/workflow';

jest.setTimeout(300_000);

const brand = {
	senderName: 'Woonstad Rotterdam',
	primaryColour: '#00567d',
	phone: '010 123 45 67',
	contactEmail: 'incasso@woonstad.example',
	paymentLinkBase: 'https://betaal.woonstad.example/p/{reference}',
	helpUrl: 'https://www.woonstad.example/regeling',
	senderAddress: 'Postbus 2001\n3000 CA Rotterdam',
};
const bank = { iban: 'NL91ABNA0417164300', accountHolder: 'Woonstad Rotterdam' };

/** Rent claims due on the 15th, Oct 2025 .. Mar 2026, all paid on time except `open`. */
function debtor(debtorId: string, open: string[], extra: Record<string, unknown> = {}) {
	const claims = [];
	const payments = [];
	for (const month of ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']) {
		const due = `${month}-15`;
		const unpaid = open.includes(due);
		claims.push({ claimId: `${debtorId}-${month}`, principalCents: 61725, openCents: unpaid ? 61725 : 0, invoiceDate: `${month}-01`, dueDate: due, sector: 'rent' });
		if (!unpaid) payments.push({ claimId: `${debtorId}-${month}`, amountCents: 61725, date: due, method: 'bank-transfer' });
	}
	return {
		debtorId,
		firstName: 'Jan',
		lastName: 'de Vries',
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678', address: { street: 'Coolsingel', houseNumber: '40', postalCode: '3011 AD', city: 'Rotterdam' } },
		paymentMethod: 'bank-transfer',
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		claims,
		payments,
		...extra,
	};
}

const MJML = `<mjml><mj-body><mj-section><mj-column>
<mj-text>Dank u wel, {{salutationName}}! Wij ontvingen {{paidAmount}}.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

describe('Tone Template in real n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ env: { N8N_RUNNERS_BROKER_PORT: String(await freePort()) } });
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('segmented debtors get their message: e-mail, SMS, 14-day letter, custom MJML e-mail, language fallback', async () => {
		const debtors = [
			debtor('D-MAIL', ['2026-03-15'], { language: 'nl', preferredChannel: 'email', messageData: { stage: 'reminder-1' } }),
			debtor('D-SMS', ['2026-03-15'], { language: 'en', register: 'je', preferredChannel: 'sms', messageData: { stage: 'reminder-1' } }),
			debtor('D-LETTER', ['2026-02-15', '2026-03-15'], { language: 'nl', preferredChannel: 'letter', messageData: { stage: 'fourteen-day-letter' } }),
			debtor('D-THANKS', [], { language: 'nl', preferredChannel: 'email', messageData: { stage: 'payment-received' } }),
			debtor('D-DE', ['2026-03-15'], { language: 'de', preferredChannel: 'email', messageData: { stage: 'reminder-1' } }),
		];
		const id = await n8n.importWorkflow(
			workflow(
				'Tone Template e2e',
				[
					manualTrigger(),
					emitItems('Debtors', debtors),
					ourNode('Segment', 'debtorSegmenter', { routing: 'single', referenceDate: '2026-04-24', language: 'nl' }),
					ourNode('Write', 'toneTemplate', {
						referenceDate: '2026-04-24',
						brand,
						bank,
						customTemplates: { template: [{ stage: 'payment-received', channel: 'email', language: 'any', subject: 'Bedankt, {{salutationName}}', body: MJML }] },
					}),
				],
				[
					['Start', 'Debtors'],
					['Debtors', 'Segment'],
					['Segment', 'Write'],
				],
			),
		);
		const run = await n8n.execute(id);
		const items = run.items('Write') as Array<{ debtorId: string; segmentation: { tone: string }; message: Record<string, any> }>;
		expect(items.map((item) => item.debtorId)).toEqual(['D-MAIL', 'D-SMS', 'D-LETTER', 'D-THANKS', 'D-DE']);
		const [mail, sms, letter, thanks, german] = items;

		// Tone from the segmentation, stage and channel from the item.
		expect(mail.message.tone).toBe(mail.segmentation.tone);
		expect(mail.message).toMatchObject({ channel: 'email', stage: 'reminder-1', languageUsed: 'nl', amountCents: 61725, dueDate: '2026-05-01', fallbacks: [] });
		expect(mail.message.templateId).toBe(`reminder-1/email/${mail.segmentation.tone}/u/nl`);
		expect(mail.message.text.split('\n\n')[1]).toMatch(/€ 617,25 .*vrijdag 1 mei 2026/); // the text part says the euro sign
		expect(mail.message.html).toContain('href="https://betaal.woonstad.example/p/D-MAIL-2026-03"');
		expect(mail.message.html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
		expect(mail.message.epcQr.payload).toBe('BCD\n002\n1\nSCT\n\nWoonstad Rotterdam\nNL91ABNA0417164300\nEUR617.25\n\n\nD-MAIL-2026-03');

		expect(sms.message).toMatchObject({ channel: 'sms', languageUsed: 'en', register: 'je' });
		expect(sms.message.sms).toMatchObject({ encoding: 'GSM-7' });
		expect(sms.message.sms.segments).toBeLessThanOrEqual(2);
		expect(sms.message.sms.text).toContain('EUR 617.25');

		expect(letter.message).toMatchObject({
			channel: 'letter',
			stage: 'fourteen-day-letter',
			letterTerm: { sentDate: '2026-04-24', presumedReceiptDate: '2026-04-28', lastDayToPay: '2026-05-12', costsFromDate: '2026-05-13' },
			// 2 x 617.25 = 1,234.50; 15% = 185.175 -> 185.18
			letterCosts: { principalCents: 123450, costsCents: 18518, vatCents: 0, interestCents: 0, totalCents: 141968 },
		});
		expect(letter.message.text).toContain('binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd');
		expect(letter.message.text).toContain('Uw laatste betaaldag is dan dinsdag 12 mei 2026.');
		expect(letter.message.html).toContain('Coolsingel 40');

		// The custom MJML template was compiled by the bundled MJML inside n8n.
		expect(thanks.message).toMatchObject({ templateId: 'custom/payment-received/email/any', subject: 'Bedankt, Jan de Vries' });
		expect(thanks.message.html).toContain('Dank u wel, Jan de Vries! Wij ontvingen EUR 617,25.');
		expect(thanks.message.text).toBe('Dank u wel, Jan de Vries! Wij ontvingen € 617,25.');

		expect(german.message.languageUsed).toBe('nl');
		expect(german.message.fallbacks).toEqual([{ field: 'language', requested: 'de', used: 'nl', reason: 'no templates in "de"; used the default language' }]);
	});

	test('a bad brand setting stops the node with a message naming the setting', async () => {
		const id = await n8n.importWorkflow(
			workflow(
				'Tone Template bad brand',
				[manualTrigger(), emitItems('Debtors', [debtor('D-X', ['2026-03-15'])]), ourNode('Write', 'toneTemplate', { stage: 'reminder-1', channel: 'email', brand: { senderName: 'X', phone: '010 1234567', primaryColour: 'red' } })],
				[
					['Start', 'Debtors'],
					['Debtors', 'Write'],
				],
			),
		);
		const run = await n8n.execute(id).catch((error: Error) => error);
		const text = run instanceof Error ? run.message : JSON.stringify(run.raw.data.resultData.error ?? run.raw.data.resultData.runData.Write?.[0]?.error);
		expect(text).toContain('brand.primaryColour: must be a hex colour such as #1f5f8b');
	});
});
