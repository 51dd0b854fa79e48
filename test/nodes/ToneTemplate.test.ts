/**
 * The Tone Template node's execute() with a mocked n8n context: parameters, reading stage, tone,
 * language and channel from the item, fallbacks, errors per item and per node, custom templates.
 */
import { NodeOperationError, type IDataObject, type NodeExecutionHint } from 'n8n-workflow';

import { toneTemplateProperties } from '../../nodes/ToneTemplate/description';
import { ToneTemplate } from '../../nodes/ToneTemplate/ToneTemplate.node';
import { STAGES } from '../../nodes/shared/debtor/model';
import { contrastWithWhite } from '../../nodes/shared/messages';
import { SAMPLE_ARRANGEMENT, SAMPLE_BANK, SAMPLE_BRAND, sampleDebtor } from '../../build/gallery/samples';
import { pairedIndexes, runNode } from './harness';

jest.setTimeout(30_000);

const node = new ToneTemplate();
const base = { referenceDate: '2026-04-24', brand: SAMPLE_BRAND, bank: SAMPLE_BANK };
const debtor = (extra: Record<string, unknown> = {}) => ({ ...sampleDebtor(), ...extra }) as unknown as IDataObject;
type Message = Record<string, unknown> & { fallbacks: unknown[]; sms?: Record<string, unknown>; whatsapp?: Record<string, unknown> };

describe('Tone Template node', () => {
	test('description: every stage is offered, options are sorted by name, the node is usable as a tool', () => {
		expect(node.description.name).toBe('toneTemplate');
		expect(node.description.usableAsTool).toBe(true);
		const stage = toneTemplateProperties.find((p) => p.name === 'stage')!;
		const values = (stage.options as Array<{ name: string; value: string }>).map((o) => o.value);
		expect(values.filter((v) => v !== 'item').sort()).toEqual([...STAGES].sort());
		for (const property of toneTemplateProperties) {
			if (property.type !== 'options') continue;
			const names = (property.options as Array<{ name: string }>).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	test('adds the message under "message", keeps the item, pairs every output item', async () => {
		const items = [debtor(), debtor({ debtorId: 'D-2', language: 'en', register: 'je' })];
		const outputs = await runNode(node, items, { parameters: { ...base, stage: 'reminder-1', channel: 'email' } });
		expect(outputs).toHaveLength(1);
		expect(pairedIndexes(outputs)).toEqual([[0, 1]]);
		const [first, second] = outputs[0].map((item) => item.json);
		const { message, ...rest } = first as { message: Message };
		expect(rest).toEqual(items[0]);
		expect(message).toMatchObject({
			channel: 'email',
			stage: 'reminder-1',
			tone: 'neutral',
			register: 'u',
			languageUsed: 'nl',
			templateId: 'reminder-1/email/neutral/u/nl',
			subject: 'Herinnering: betaling voor 2 facturen nog niet ontvangen',
			amountCents: 123450,
			dueDate: '2026-05-01',
			claimId: 'F-2026-0398,F-2026-0477',
			paymentUrl: 'https://betaal.woonstad.example/p/D-2026-0042',
			epcQr: { payload: 'BCD\n002\n1\nSCT\nABNANL2A\nWoonstad Rotterdam\nNL91ABNA0417164300\nEUR1234.50\n\n\nD-2026-0042' },
		});
		expect(message.templateVersion).toMatch(/^1\.[0-9a-f]{8}$/);
		expect(message.fallbacks).toEqual([{ field: 'tone', requested: null, used: 'neutral', reason: 'the item has no segmentation.tone; used the default tone' }]);
		expect((second as { message: Message }).message).toMatchObject({ languageUsed: 'en', register: 'je', subject: 'Reminder: payment for 2 invoices not received yet' });
	});

	test('stage, tone and channel from the item (journey, segmentation, preferred channel)', async () => {
		const items = [
			debtor({ journey: { stage: 'reminder-2', channel: 'sms' }, segmentation: { tone: 'firm' } }),
			debtor({ preferredChannel: 'whatsapp', segmentation: { tone: 'supportive' }, messageData: { stage: 'arrangement-offer' }, arrangement: SAMPLE_ARRANGEMENT }),
			debtor({ preferredChannel: 'phone', journey: { stage: 'payment-received' } }),
		];
		const outputs = await runNode(node, items, { parameters: base });
		const [sms, whatsapp, phone] = outputs[0].map((item) => (item.json as { message: Message }).message);
		expect(sms).toMatchObject({ stage: 'reminder-2', channel: 'sms', tone: 'firm', templateId: 'reminder-2/sms/firm/u/nl' });
		expect(sms.sms).toMatchObject({ encoding: 'GSM-7', segments: 2 });
		expect(whatsapp).toMatchObject({ stage: 'arrangement-offer', channel: 'whatsapp', tone: 'supportive' });
		expect(whatsapp.whatsapp).toMatchObject({ templateName: 'sc_arrangement_offer_v1', language: 'nl', parameterNames: ['salutationName', 'amount', 'senderName', 'dueDate'] });
		expect(phone).toMatchObject({ stage: 'payment-received', channel: 'email' });
		expect(phone.fallbacks).toContainEqual({ field: 'channel', requested: 'phone', used: 'email', reason: 'a phone call is a task for a person, not a message; rendered the default channel as well' });
	});

	test('parameters given as expressions are read per item', async () => {
		const outputs = await runNode(node, [debtor(), debtor()], {
			parameters: { ...base, stage: '={{ $json.x }}', channel: 'sms' },
			perItem: { stage: (i) => (i === 0 ? 'pre-due-notice' : 'final-notice') },
		});
		expect(outputs[0].map((item) => (item.json as { message: Message }).message.stage)).toEqual(['pre-due-notice', 'final-notice']);
	});

	test('a language without templates falls back to the default language, reported in the output', async () => {
		const outputs = await runNode(node, [debtor({ language: 'tr' })], { parameters: { ...base, stage: 'reminder-1', channel: 'sms', options: { defaultLanguage: 'en' } } });
		const message = (outputs[0][0].json as { message: Message }).message;
		expect(message.languageUsed).toBe('en');
		expect(message.fallbacks).toContainEqual({ field: 'language', requested: 'tr', used: 'en', reason: 'no templates in "tr"; used the default language' });
	});

	test('an item the stage cannot be written for fails naming item, debtor and field', async () => {
		const run = runNode(node, [debtor(), debtor({ debtorId: 'D-NOPLAN' })], { parameters: { ...base, stage: 'arrangement-confirmation', channel: 'email' } });
		await expect(run).rejects.toThrow(NodeOperationError);
		await expect(run).rejects.toThrow('Item 0 (debtor D-2026-0042): field "arrangement.instalments" the item has no agreed arrangement (arrangement.instalments)');
	});

	test('with continue-on-fail the failed item carries its error and the others their message', async () => {
		const outputs = await runNode(node, [debtor({ flags: { deceased: true } }), debtor()], { parameters: { ...base, stage: 'reminder-1', channel: 'sms' }, continueOnFail: true });
		const [dead, alive] = outputs[0].map((item) => item.json as Record<string, unknown>);
		expect(dead.error).toBe('Item 0 (debtor D-2026-0042): field "flags.deceased" the debtor is marked deceased: no collection message is rendered (use a bereavement process)');
		expect(dead.message).toBeUndefined();
		expect((alive.message as Message).channel).toBe('sms');
	});

	test('a record that breaks the debtor schema is reported with its field', async () => {
		const run = runNode(node, [{ debtorId: 'BAD', claims: [{ claimId: 'X', principalCents: 1, openCents: -1, invoiceDate: '2026-01-01', dueDate: '2026-01-15' }] }], { parameters: { ...base, stage: 'reminder-1' } });
		await expect(run).rejects.toThrow(/claims\[0\]\.openCents/);
	});

	test('brand settings are checked once, before any item: a clear error naming the setting', async () => {
		await expect(runNode(node, [debtor()], { parameters: { referenceDate: '2026-04-24', stage: 'reminder-1' } })).rejects.toThrow('brand.senderName: is required');
		await expect(runNode(node, [debtor()], { parameters: { ...base, brand: { ...SAMPLE_BRAND, paymentLinkBase: 'http://pay.example/{reference}' } } })).rejects.toThrow('brand.paymentLinkBase: must be an https:// link (got http)');
		await expect(runNode(node, [debtor()], { parameters: { ...base, bank: { iban: 'NL00ABNA0417164300' } } })).rejects.toThrow('bank.iban: is not a valid IBAN');
	});

	test('custom templates: compiled before the items, used for their stage, errors name the template and line', async () => {
		const customTemplates = { template: [{ stage: 'reminder-1', channel: 'sms', language: 'any', body: 'Hoi {{salutationName}}, {{amount}} graag voor {{dueDateShort}}.' }] };
		const outputs = await runNode(node, [debtor({ register: 'je' })], { parameters: { ...base, stage: 'reminder-1', channel: 'sms', customTemplates } });
		expect((outputs[0][0].json as { message: Message }).message.sms).toMatchObject({ text: 'Hoi Jan, EUR 1.234,50 graag voor 01-05-2026.', segments: 1 });
		const broken = { template: [{ stage: 'reminder-1', channel: 'sms', body: 'Hoi {{#if x}}' }] };
		await expect(runNode(node, [debtor()], { parameters: { ...base, customTemplates: broken } })).rejects.toThrow(/Custom template reminder-1\/sms\/any, body \(line 1\)/);
	});

	test('QR image as an attachment: the HTML refers to cid:epc-qr and the PNG travels under message.attachments', async () => {
		const outputs = await runNode(node, [debtor()], { parameters: { ...base, stage: 'reminder-1', channel: 'email', options: { qrImage: 'attachment' } } });
		const message = (outputs[0][0].json as { message: Message & { html: string; attachments: Array<Record<string, string>> } }).message;
		expect(message.html).toContain('src="cid:epc-qr"');
		expect(message.html).not.toContain('data:image/png');
		expect(message.attachments).toEqual([{ filename: 'betalen-qr.png', contentType: 'image/png', cid: 'epc-qr', contentBase64: expect.stringMatching(/^iVBORw0KGgo/) }]);
	});
});

describe('Tone Template node: designated days in a year without a decree', () => {
	// Sent Friday 4 May 2029 with 7 days to pay: Friday 11 May, the day after Ascension. 2029 has no
	// built-in decree: with the careful default that Friday is designated, so the pay-by date is the
	// next working day, Monday 14 May.
	const params = { ...base, referenceDate: '2029-05-04', stage: 'reminder-1', channel: 'email' };
	const dueDateOf = (outputs: Awaited<ReturnType<typeof runNode>>) => (outputs[0][0].json as { message: Message }).message.dueDate;

	test('offers Assume Usual Designated Days, on by default', () => {
		const options = toneTemplateProperties.find((p) => p.name === 'options')!.options as Array<{ name: string; default: unknown }>;
		expect(options.find((o) => o.name === 'assumeUsualDesignatedDays')?.default).toBe(true);
	});

	test('moves the pay-by date past the assumed Friday; off, it stays on it', async () => {
		expect(dueDateOf(await runNode(node, [debtor()], { parameters: params }))).toBe('2029-05-14');
		expect(dueDateOf(await runNode(node, [debtor()], { parameters: { ...params, options: { assumeUsualDesignatedDays: false } } }))).toBe('2029-05-11');
	});
});

describe('Tone Template node: contrast of the brand colour (WCAG 2.1 AA)', () => {
	const params = (primaryColour: string) => ({ ...base, brand: { ...SAMPLE_BRAND, primaryColour }, stage: 'reminder-1', channel: 'email' });

	test('a run warns in the output pane about a colour that fails, names its ratio and a darker colour that passes, and still writes the messages', async () => {
		const hints: NodeExecutionHint[] = [];
		const outputs = await runNode(node, [debtor(), debtor()], { parameters: params('#7fb3d5'), hints });
		expect(outputs[0]).toHaveLength(2);
		expect(hints).toHaveLength(1);
		expect(hints[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
		expect(hints[0].message).toMatch(/^Primary Colour #7fb3d5 has a contrast of 2\.\d\d:1 with white; WCAG 2\.1 AA asks at least 4\.5:1\./);
		const suggested = /such as (#[0-9a-f]{6}) passes/.exec(hints[0].message)![1];
		expect(contrastWithWhite(suggested)).toBeGreaterThanOrEqual(4.5);
	});

	test('no warning for a colour that passes (the sample brand and the default)', async () => {
		for (const colour of ['#00567d', '#1f5f8b']) {
			const hints: NodeExecutionHint[] = [];
			await runNode(node, [debtor()], { parameters: params(colour), hints });
			expect({ colour, hints }).toEqual({ colour, hints: [] });
		}
	});

	test('the editor hint shows while a failing colour is set, not for a passing one or none', () => {
		const hint = node.description.hints!.find((h) => h.displayCondition?.includes('primaryColour'))!;
		expect(hint).toMatchObject({ type: 'warning', location: 'ndv' });
		const expression = hint.displayCondition!;
		expect(expression.startsWith('={{') && expression.endsWith('}}')).toBe(true);
		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the description's own expression, evaluated as the editor does
		const shown = new Function('$parameter', `return ${expression.slice(3, -2)};`) as (parameters: object) => boolean;
		expect(shown({ brand: { primaryColour: '#7fb3d5' } })).toBe(true);
		expect(shown({ brand: { primaryColour: '#ff0' } })).toBe(true);
		expect(shown({ brand: { primaryColour: '#00567d' } })).toBe(false);
		expect(shown({ brand: {} })).toBe(false);
		expect(shown({})).toBe(false);
	});
});
