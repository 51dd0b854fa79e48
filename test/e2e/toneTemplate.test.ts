/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is untyped JSON */
/**
 * The Tone Template node in a real n8n (the packed package, installed like a community package):
 * Debtor Segmenter -> Tone Template, stage and channel from the items, tone from the segmentation,
 * the 14-day letter with its computed dates, an SMS with its segments, a language fallback, and a
 * custom MJML e-mail compiled inside n8n from the bundled MJML. Custom templates in n8n give the same
 * message as before they were interpreted: the reference is the node from source with custom
 * Handlebars compiled by Handlebars itself and MJML from node_modules, as up to issue 24.
 */
import Handlebars from 'handlebars';
import type { IDataObject } from 'n8n-workflow';

import { N8nInstance, freePort } from '../../scripts/n8nInstance';
import { ToneTemplate } from '../../nodes/ToneTemplate/ToneTemplate.node';
import { SAFE_RUNTIME_OPTIONS } from '../../nodes/shared/messages/render';
import { runNodeOnce } from '../bench/lib';
import { emitItems, manualTrigger, ourNode, workflow } from './harness/workflow';
import { COMPONENTS_MJML, REMINDER_MJML, THANKS_MJML as MJML } from '../fixtures/customTemplates';

// The reference node renders custom Handlebars the way it was rendered before the interpreter.
const mockReferenceSources: string[] = [];
jest.mock('../../nodes/shared/messages/templateInterpreter', () => ({
	interpretTemplate: (source: string, escape: boolean) => {
		mockReferenceSources.push(source);
		const render = Handlebars.create().compile(source, { strict: true, knownHelpersOnly: true, preventIndent: true, noEscape: !escape });
		return (view: object) => render(view, SAFE_RUNTIME_OPTIONS);
	},
}));

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

	test('custom Handlebars and MJML templates give in n8n the message they gave before', async () => {
		const debtors = [
			debtor('C-MAIL', ['2026-03-15'], { language: 'nl', preferredChannel: 'email', messageData: { stage: 'reminder-1' } }),
			debtor('C-SMS', ['2026-03-15'], { language: 'en', preferredChannel: 'sms', messageData: { stage: 'reminder-1' } }),
			debtor('C-THANKS', [], { language: 'nl', preferredChannel: 'email', messageData: { stage: 'payment-received' } }),
			debtor('C-REMIND', ['2026-02-15', '2026-03-15'], { language: 'nl', preferredChannel: 'email', messageData: { stage: 'reminder-2' } }),
		];
		const sms = '{{senderName}}: {{#if hasPayUrl}}pay {{amount}} at {{payUrl}}{{else}}transfer {{amount}}{{/if}}{{#each senderAddressLines}} | {{@index}} {{this}}{{/each}}{{#with senderAddressLines}} ({{lookup this 0}}){{/with}}';
		const parameters = {
			referenceDate: '2026-04-24',
			brand,
			bank,
			customTemplates: {
				template: [
					{ stage: 'reminder-1', channel: 'email', language: 'any', subject: 'Herinnering {{salutationName}}', body: COMPONENTS_MJML },
					{ stage: 'reminder-1', channel: 'sms', language: 'en', body: sms },
					{ stage: 'payment-received', channel: 'email', language: 'nl', subject: 'Bedankt, {{salutationName}}', body: MJML, text: 'Dank {{salutationName}}.{{#unless isDirectDebit}} IBAN {{iban}}.{{/unless}}{{#hasPhone}} Bel {{phone}}.{{/hasPhone}}{{^hasLogo}} Zonder logo.{{/hasLogo}}' },
					{ stage: 'reminder-2', channel: 'email', language: 'any', subject: '{{#if hasPayUrl}}Betaal {{amount}}{{else}}Maak {{amount}} over{{/if}}', body: REMINDER_MJML },
				],
			},
		};
		const id = await n8n.importWorkflow(
			workflow(
				'Tone Template custom templates',
				[manualTrigger(), emitItems('Debtors', debtors), ourNode('Segment', 'debtorSegmenter', { routing: 'single', referenceDate: '2026-04-24', language: 'nl' }), ourNode('Write', 'toneTemplate', parameters)],
				[
					['Start', 'Debtors'],
					['Debtors', 'Segment'],
					['Segment', 'Write'],
				],
			),
		);
		const run = await n8n.execute(id);
		const inN8n = run.items('Write') as Array<{ debtorId: string; message: Record<string, any> }>;
		const [before] = await runNodeOnce(new ToneTemplate(), run.items('Segment').map((json) => ({ json: json as IDataObject })), parameters);
		// The reference did compile with Handlebars (the subject, SMS and text sources among others).
		expect(mockReferenceSources).toEqual(expect.arrayContaining([sms, 'Herinnering {{salutationName}}']));
		expect(inN8n.map((item) => item.message.templateId)).toEqual(['custom/reminder-1/email/any', 'custom/reminder-1/sms/en', 'custom/payment-received/email/nl', 'custom/reminder-2/email/any']);
		expect(inN8n[1].message.sms.text).toBe('Woonstad Rotterdam: pay EUR 617.25 at https://betaal.woonstad.example/p/C-SMS-2026-03 | 0 Postbus 2001 | 1 3000 CA Rotterdam (Postbus 2001)');
		expect(inN8n.map((item) => item.message)).toEqual(before.map((item) => item.json.message));
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
