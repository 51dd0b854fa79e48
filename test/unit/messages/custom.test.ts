/**
 * Custom templates: MJML e-mails compiled once per distinct source and kept in memory, Handlebars
 * subjects and SMS texts, errors with line numbers and placeholder names, and their use in place of
 * the library's template.
 */
import {
	TemplateLibrary,
	TemplateRenderError,
	compileCustomTemplate,
	composeMessage,
	customTemplateCacheSizes,
	prepareCustomTemplates,
	renderCustom,
	resolveSelection,
} from '../../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../../nodes/ToneTemplate/generated/library';
import { sampleItem, sampleOptions } from '../../../build/gallery/samples';
import { REMINDER_MJML as MJML } from '../../fixtures/customTemplates';

jest.setTimeout(30_000);

const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);


test('an MJML e-mail compiles once per distinct source and renders with the view', async () => {
	const before = customTemplateCacheSizes().mjml;
	const first = await compileCustomTemplate({ stage: 'reminder-1', channel: 'email', subject: 'Herinnering {{amount}}', body: MJML });
	const second = await compileCustomTemplate({ stage: 'reminder-1', channel: 'email', language: 'nl', subject: 'Herinnering {{amount}}', body: MJML });
	expect(customTemplateCacheSizes().mjml).toBe(before + 1);
	// The Handlebars function of the compiled HTML is shared too.
	expect(second.html).toBe(first.html);
	expect(first.version).toMatch(/^[0-9a-f]{16}$/);
	const rendered = renderCustom(first, { salutationName: '<b>Jan</b>', amount: 'EUR 10,00', dueDate: '1 mei', hasPayUrl: true, payUrl: 'https://p.example/x' });
	expect(rendered.subject).toBe('Herinnering EUR 10,00');
	expect(rendered.html).toContain('Beste &lt;b&gt;Jan&lt;/b&gt;, betaal EUR 10,00 uiterlijk 1 mei.');
	expect(rendered.html).toContain('href="https://p.example/x"');
	expect(rendered.text).toBe('Beste <b>Jan</b>, betaal EUR 10,00 uiterlijk 1 mei.\n\nBetalen (https://p.example/x)');
});

test('MJML errors carry the line number', async () => {
	const broken = MJML.replace('<mj-button href="{{payUrl}}">', '<mj-button href="{{payUrl}}" colour="red">');
	await expect(compileCustomTemplate({ stage: 'reminder-2', channel: 'email', subject: 'x', body: broken })).rejects.toMatchObject({
		line: 7,
		message: expect.stringMatching(/^Custom template reminder-2\/email\/any, body \(line 7\): line 7: Attribute colour is illegal/),
	});
	await expect(compileCustomTemplate({ stage: 'reminder-2', channel: 'email', subject: 'x', body: '<p>not mjml</p>' })).rejects.toThrow('must be an MJML document starting with <mjml>');
	await expect(compileCustomTemplate({ stage: 'reminder-2', channel: 'email', subject: '', body: MJML })).rejects.toThrow('subject: is empty');
});

test('Handlebars syntax errors carry the line number', async () => {
	await expect(compileCustomTemplate({ stage: 'reminder-2', channel: 'sms', body: 'Regel een\nBetaal {{amount' })).rejects.toMatchObject({
		line: 2,
		field: 'customTemplates.reminder-2/sms/any.body',
		message: expect.stringContaining('Custom template reminder-2/sms/any, body (line 2): Parse error on line 2'),
	});
});

test('a placeholder without a value is an error naming it and its position', async () => {
	const template = await compileCustomTemplate({ stage: 'reminder-2', channel: 'sms', body: 'Beste {{salutationName}},\nbetaal {{bedrag}} nu.' });
	let error: unknown;
	try {
		renderCustom(template, { salutationName: 'Jan' });
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(TemplateRenderError);
	expect(error).toMatchObject({ placeholder: 'bedrag', line: 2, column: 10, message: 'Template custom/reminder-2/sms/any (text): no value for placeholder {{bedrag}} (line 2, column 10)' });
});

test('a custom template replaces the library one for its stage, channel and language', async () => {
	const set = await prepareCustomTemplates([
		{ stage: 'reminder-1', channel: 'sms', language: 'any', body: '{{senderName}}: betaal {{amount}} voor {{dueDateShort}}.' },
		{ stage: 'reminder-1', channel: 'sms', language: 'en', body: '{{senderName}}: please pay {{amount}} by {{dueDateShort}}.' },
		{ stage: 'reminder-1', channel: 'email', subject: 'Betaal {{amount}}', body: MJML, text: 'Betaal {{amount}} uiterlijk {{dueDate}}. Dit is een hele lange zin met heel erg veel woorden die niemand in een keer kan lezen omdat hij maar door blijft gaan en gaan.' },
	]);
	const render = (language: 'nl' | 'en', channel: 'sms' | 'email' | 'letter') => {
		const item = sampleItem('reminder-1');
		const selection = resolveSelection({ stage: 'reminder-1', channel, tone: 'neutral', register: 'u', language, defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' }, item);
		return composeMessage(library, selection, item, sampleOptions({ custom: set }));
	};
	expect(render('nl', 'sms').sms!.text).toBe('Woonstad Rotterdam: betaal EUR 1.234,50 voor 01-05-2026.');
	expect(render('en', 'sms').sms!.text).toBe('Woonstad Rotterdam: please pay EUR 1,234.50 by 01/05/2026.');
	expect(render('en', 'sms').templateId).toBe('custom/reminder-1/sms/en');
	const email = render('nl', 'email');
	expect(email.templateId).toBe('custom/reminder-1/email/any');
	expect(email.subject).toBe('Betaal EUR 1.234,50');
	expect(email.warnings).toEqual([expect.stringMatching(/^custom template: a sentence has 26 words/)]);
	// Letters have no custom template here: the library's is used.
	expect(render('nl', 'letter').templateId).toBe('reminder-1/letter/neutral/u/nl');
	await expect(prepareCustomTemplates([
		{ stage: 'reminder-1', channel: 'sms', body: 'a' },
		{ stage: 'reminder-1', channel: 'sms', body: 'b' },
	])).rejects.toThrow('is defined twice');
	await expect(prepareCustomTemplates([{ stage: 'reminder-1', channel: 'whatsapp', body: 'a' }])).rejects.toThrow(/registered with Meta/);
});
