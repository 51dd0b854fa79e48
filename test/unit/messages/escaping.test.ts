/**
 * Hostile data: markup, template syntax, very long strings, right-to-left text and line breaks in
 * names and references. Everything a template prints from the item is escaped (HTML) or kept on one
 * line (subjects, SMS), and template syntax in data is printed, never evaluated.
 */
import { STAGES } from '../../../nodes/shared/debtor/model';
import {
	TemplateLibrary,
	compileCustomTemplate,
	composeMessage,
	renderCustom,
	resolveSelection,
	smsInfo,
	type MessageChannel,
	type RenderedMessage,
} from '../../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../../nodes/ToneTemplate/generated/library';
import { sampleDebtor, sampleItem, sampleOptions } from '../../../build/gallery/samples';

const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);

function render(record: ReturnType<typeof sampleDebtor>, channel: MessageChannel, stage: (typeof STAGES)[number] = 'reminder-1', messageData?: Record<string, unknown>): RenderedMessage {
	const item = { ...sampleItem(stage, record), messageData };
	const selection = resolveSelection(
		{ stage, channel, tone: 'neutral', register: 'item', language: 'item', defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' },
		item,
	);
	return composeMessage(library, selection, item, sampleOptions());
}

const SCRIPT = '<script>alert("x")</script>';

describe('hostile names', () => {
	test('markup in a name is escaped in the HTML and printed as text in the plain version', () => {
		const message = render(sampleDebtor({ firstName: SCRIPT, lastName: '<img src=x onerror=alert(1)>' }), 'email');
		expect(message.html).not.toContain('<script>');
		expect(message.html).not.toContain('<img src=x');
		expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(message.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
		expect(message.text.split('\n')[0]).toBe(`Beste ${SCRIPT} <img src=x onerror=alert(1)>,`);
	});

	test('template syntax in data is printed, not evaluated', () => {
		const name = '{{payUrl}} {{#each claims}}x{{/each}} {{constructor.constructor}}';
		for (const channel of ['email', 'letter', 'sms', 'whatsapp'] as const) {
			const message = render(sampleDebtor({ firstName: name, lastName: 'Bakker', register: 'je' }), channel, 'reminder-1', { reference: '{{iban}}' });
			expect(message.text).not.toContain('https://betaal.woonstad.example/p/%7B%7Biban%7D%7D {{');
			if (channel !== 'sms') {
				const printed = channel === 'whatsapp' ? message.whatsapp!.parameters[0] : message.text.split('\n').find((line) => line.includes('{{payUrl}}'))!;
				expect(printed).toContain('{{payUrl}} {{#each claims}}x{{/each}} {{constructor.constructor}}');
			}
			expect(message.reference).toBe('{{iban}}');
		}
		// In HTML the braces come out as they are (they are not HTML), inside escaped text.
		const html = render(sampleDebtor({ firstName: name, register: 'je' }), 'email').html!;
		expect(html).toContain('{{payUrl}} {{#each claims}}x{{/each}} {{constructor.constructor}}');
		expect(html).not.toMatch(/Hoi https:/);
	});

	test('a very long name is cut to 200 characters and long unbroken values may wrap', () => {
		const long = 'A'.repeat(5000);
		const message = render(sampleDebtor({ firstName: long, lastName: 'B'.repeat(5000) }), 'email');
		const greeting = message.text.split('\n')[0];
		expect(Array.from(greeting).length).toBeLessThanOrEqual('Beste ,'.length + 200);
		expect(greeting).toMatch(/^Beste A+…,$/);
		expect(message.html).toContain('word-break:break-word');
		const sms = render(sampleDebtor({ firstName: long }), 'sms');
		expect(sms.sms!.segments).toBeLessThanOrEqual(2); // the SMS does not print the name
	});

	test('right-to-left names stay intact; an SMS with them switches to UCS-2 and is counted as such', async () => {
		const arabic = 'محمد العلي';
		const hebrew = 'דוד כהן';
		const override = 'evil\u202Etxt.exe';
		const email = render(sampleDebtor({ firstName: arabic, lastName: hebrew }), 'email');
		expect(email.html).toContain(`${arabic} ${hebrew}`);
		expect(email.html).toContain('dir="auto"');
		const whatsapp = render(sampleDebtor({ firstName: arabic, lastName: override }), 'whatsapp');
		expect(whatsapp.whatsapp!.parameters[0]).toBe(`${arabic} ${override}`);
		expect(whatsapp.sms!.encoding).toBe('GSM-7'); // the SMS fallback does not print the name
		const template = await compileCustomTemplate({ stage: 'reminder-1', channel: 'sms', body: 'Hallo {{salutationName}}, betaal {{amount}}.' });
		const info = smsInfo(renderCustom(template, { salutationName: arabic, amount: 'EUR 1,00' }).text);
		expect(info).toMatchObject({ encoding: 'UCS-2', segments: 1, characters: 'Hallo , betaal EUR 1,00.'.length + arabic.length });
	});

	test('line breaks in names and references cannot break subjects, SMS texts or mail headers', () => {
		const message = render(sampleDebtor({ firstName: 'Jan\r\nBcc: victim@example.com', lastName: 'X' }), 'email', 'reminder-1', { reference: 'R1\r\nX-Evil: 1' });
		expect(message.subject).not.toMatch(/[\r\n]/);
		expect(message.reference).toBe('R1 X-Evil: 1');
		expect(message.text.split('\n')[0]).toBe('Beste Jan Bcc: victim@example.com X,');
		const sms = render(sampleDebtor(), 'sms', 'reminder-1', { reference: 'A\nB' });
		expect(sms.sms!.text).not.toMatch(/[\r\n]/);
	});

	test('every stage escapes a hostile name in HTML', () => {
		for (const stage of STAGES) {
			for (const channel of ['email', 'letter'] as const) {
				const message = render(sampleDebtor({ firstName: SCRIPT, lastName: '&amp;' }), channel, stage);
				expect({ stage, channel, raw: message.html!.includes('<script>') }).toEqual({ stage, channel, raw: false });
				expect(message.html).toContain('&amp;amp;');
			}
		}
	});
});

describe('templates cannot read outside their data', () => {
	test('prototype properties and constructors are not reachable from a custom template', async () => {
		for (const source of ['{{constructor.name}}', '{{__proto__.constructor}}', '{{salutationName.constructor.name}}', '{{lookup this "constructor"}}']) {
			const template = await compileCustomTemplate({ stage: 'reminder-2', channel: 'sms', body: `x ${source} y` });
			let result: string | Error;
			try {
				result = renderCustom(template, { salutationName: 'Jan' }).text;
			} catch (error) {
				result = error as Error;
			}
			// Either strict mode refuses, or the lookup comes back empty: never "Object" or "String".
			if (typeof result === 'string') expect(result).not.toMatch(/Object|String|function/);
			else expect(result.message).toMatch(/no value for placeholder|not defined/);
		}
	});

	test('unknown helpers are refused when the template is compiled', async () => {
		await expect(compileCustomTemplate({ stage: 'reminder-2', channel: 'sms', body: 'x {{evil "rm -rf"}} y' })).rejects.toThrow(/Custom template reminder-2\/sms\/any, body.*evil/);
		// A block without a helper is a section over the data: strict mode wants the value to exist.
		const section = await compileCustomTemplate({ stage: 'reminder-2', channel: 'sms', body: 'x {{#evil}}a{{/evil}} y' });
		expect(() => renderCustom(section, { salutationName: 'Jan' })).toThrow('Template custom/reminder-2/sms/any (text): no value for placeholder {{evil}} (line 1, column 6)');
	});
});
