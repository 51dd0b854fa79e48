/**
 * The custom-template interpreter against Handlebars' own compiler (the way custom templates were
 * rendered before, here only as the reference): the same templates and views give the same text,
 * and the same error message when a value is missing. Then what the interpreter refuses.
 */
import Handlebars from 'handlebars';
import mjml2html from 'mjml';

import { GENERATED_LIBRARY } from '../../../nodes/ToneTemplate/generated/library';
import { STAGES } from '../../../nodes/shared/debtor/model';
import { SAFE_RUNTIME_OPTIONS, compileCustomTemplate, describeRenderError, renderCustom } from '../../../nodes/shared/messages';
import { interpretTemplate } from '../../../nodes/shared/messages/templateInterpreter';
import { buildView, type ViewInput } from '../../../nodes/shared/messages/view';
import mjmlOptions from '../../../nodes/shared/messages/mjmlOptions.json';
import { sampleDebtor, sampleItem, sampleOptions } from '../../../build/gallery/samples';
import { COMPONENTS_MJML, REMINDER_MJML, THANKS_MJML } from '../../fixtures/customTemplates';

jest.setTimeout(60_000);

/** How custom templates were compiled before the interpreter (custom.ts, up to issue 24). */
const reference = Handlebars.create();
function before(source: string, escape: boolean): (view: object) => string {
	const render = reference.compile(source, { strict: true, knownHelpersOnly: true, preventIndent: true, noEscape: !escape });
	return (view) => render(view, SAFE_RUNTIME_OPTIONS);
}

/** The output, or the message a user would see for the error. */
function outcome(render: (view: object) => string, view: object): string {
	try {
		return render(view);
	} catch (error) {
		return `ERROR ${describeRenderError('t', error).message}`;
	}
}

function expectSame(source: string, views: object[], escape: boolean): void {
	const old = before(source, escape);
	const interpreted = interpretTemplate(source, escape);
	for (const view of views) {
		let expected = outcome(old, view);
		// One deliberate difference: Handlebars reading a placeholder from a text (a string in #each)
		// failed with a JavaScript error quoting the text, which may be personal data; the interpreter
		// says which placeholder has no value.
		const quoting = /^ERROR Template t: Cannot use 'in' operator to search for '([^']+)' in /.exec(expected);
		if (quoting) expected = expect.stringMatching(new RegExp(`^ERROR Template t: no value for placeholder \\{\\{${quoting[1]}\\}\\}`)) as unknown as string;
		expect({ source, escape, out: outcome(interpreted, view) }).toEqual({ source, escape, out: expected });
	}
}

/** The real view of every stage (the gallery's sample debtor), in Dutch and English, for e-mail and SMS. */
function stageViews(): Array<Record<string, unknown>> {
	const views: Array<Record<string, unknown>> = [];
	for (const stage of STAGES) {
		const meta = GENERATED_LIBRARY.stages[stage];
		if (!meta) continue;
		for (const language of ['nl', 'en'] as const) {
			for (const channel of ['email', 'sms'] as const) {
				const input = { stage, channel, tone: 'neutral', register: 'u', language, meta, ...sampleItem(stage) } as ViewInput;
				views.push(buildView(input, sampleOptions()).view as Record<string, unknown>);
			}
		}
	}
	return views;
}

const views = stageViews();
const HOSTILE = { ...views[0], salutationName: `<script>alert("x")</script> & 'Jan' \`=`, footerLines: ['<b>a</b>', '"b"'], amount: 0, nested: { a: { b: 'diep' }, empty: [] }, map: { een: 1, twee: '<2>' } };

const TEMPLATES = [
	'Beste {{salutationName}}, betaal {{amount}} uiterlijk {{dueDate}} ({{dueDateShort}}). Kenmerk {{reference}}.',
	'{{{salutationName}}} / {{&salutationName}} / {{salutationName}}',
	'{{#if hasPayUrl}}Betaal via {{payUrl}}{{else if hasPhone}}Bel {{phone}}{{else}}Schrijf ons{{/if}}.',
	'{{#unless isDirectDebit}}Maak {{amount}} over naar {{iban}}.{{/unless}}{{#unless hasLogo}} (geen logo){{else}} logo{{/unless}}',
	'{{#each footerLines}}{{@index}}:{{this}}{{#if @first}}!{{/if}}{{#if @last}}.{{else}}, {{/if}}{{/each}}',
	'{{#each addressLines}}{{.}}{{else}}geen adres{{/each}}',
	'{{#each senderAddressLines as |line i|}}{{i}}={{line}} van {{../senderName}} ({{@root.reference}}); {{/each}}',
	'{{#with senderAddressLines}}{{this.[0]}} {{[1]}}{{/with}}{{#with addressLines}}x{{else}}leeg{{/with}}',
	'{{#with nested as |n|}}{{n.a.b}} {{a.b}}{{/with}}',
	'{{lookup senderAddressLines 1}}|{{lookup this "amount"}}|{{lookup (lookup this "nested") "a"}}',
	'{{#hasPhone}}Bel {{phone}}{{/hasPhone}}{{^hasLogo}}Geen logo{{/hasLogo}}{{#footerLines}}[{{.}}]{{/footerLines}}',
	'{{#each map}}{{@key}}={{this}}{{#unless @last}},{{/unless}}{{/each}}',
	'{{#if amount includeZero=true}}bedrag {{amount}}{{/if}}{{#if amount}}niet nul{{else}}nul of leeg{{/if}}',
	'Beste {{salutationName}},\n{{#if hasPayUrl}}\nBetaal: {{payUrl}}\n{{/if}}\n  {{#each footerLines}}\n  - {{this}}\n  {{/each}}\nGroet,\n{{senderName}}',
	'{{~salutationName~}} ,  {{! a comment }}{{!-- {{not}} rendered --}}  {{~amount}}',
	'{{#each footerLines}}{{#each ../senderAddressLines}}{{@../index}}.{{@index}} {{/each}}{{/each}}',
	// Missing values: the same error, naming the placeholder and its place.
	'Beste {{salutationName}},\nbetaal {{bedrag}} nu.',
	'x {{#evil}}a{{/evil}} y',
	'{{@index}}',
	'{{nested.missing}} {{nested.a.c}}',
	'{{#each footerLines}}{{bedrag}}{{/each}}',
	'{{#with nested}}{{../amount}} {{../bedrag}}{{/with}}',
];

describe('custom templates render as Handlebars rendered them', () => {
	test(`${TEMPLATES.length} templates over the view of every stage and language, as text and as HTML`, () => {
		for (const source of TEMPLATES) {
			for (const escape of [false, true]) expectSame(source, [...views, HOSTILE], escape);
		}
	});

	test('the library view holds no field the interpreter reads differently: every field as a placeholder', () => {
		const fields = [...new Set(views.flatMap((view) => Object.keys(view)))];
		const source = fields.map((field) => `${field}={{${field}}}`).join('\n');
		expectSame(source, views, true);
		expectSame(source, views, false);
	});

	test('the MJML custom templates of the tests and e2e cases: the same HTML, subject and text', async () => {
		for (const mjml of [REMINDER_MJML, THANKS_MJML, COMPONENTS_MJML]) {
			const { html } = await mjml2html(mjml, mjmlOptions as never);
			expectSame(html, [...views, HOSTILE], true);
			const template = await compileCustomTemplate({ stage: 'reminder-1', channel: 'email', subject: 'Herinnering {{salutationName}}', body: mjml });
			const view = { ...sampleItemView(), paidAmount: 'EUR 10,00' };
			const rendered = renderCustom(template, { ...view });
			expect(rendered.html).toBe(before(html, true)({ ...view, subject: rendered.subject }));
			expect(rendered.subject).toBe(before('Herinnering {{salutationName}}', false)(view));
		}
	});
});

function sampleItemView(): Record<string, unknown> {
	const input = { stage: 'reminder-1', channel: 'email', tone: 'neutral', register: 'u', language: 'nl', meta: GENERATED_LIBRARY.stages['reminder-1'], record: sampleDebtor(), referenceDay: sampleItem('reminder-1').referenceDay } as ViewInput;
	return buildView(input, sampleOptions()).view as Record<string, unknown>;
}

describe('what the interpreter refuses', () => {
	test.each([
		['{{> footer}}', /partials/],
		['{{#> layout}}x{{/layout}}', /partials/],
		['{{* decorate}}', /decorators/],
		['{{#* inline "x"}}y{{/inline}}', /decorators/],
		['x {{evil "rm -rf"}} y', /unknown helper evil - 1:2/],
		['{{#evil amount}}a{{/evil}}', /unknown helper evil/],
		['{{log "x"}}', /unknown helper log/],
		['{{helperMissing amount}}', /unknown helper helperMissing/],
		['{{blockHelperMissing amount}}', /unknown helper blockHelperMissing/],
		['{{lookup (evil amount) "x"}}', /unknown helper evil/],
		['{{amount foo=1}}', /unknown helper amount/],
		['{{#each footerLines foo=1}}x{{/each}}', /does not take foo=/],
		['{{#if}}x{{/if}}', /requires exactly one argument/],
		['{{#if a b}}x{{/if}}', /requires exactly one argument/],
		['{{if amount}}', /is a block/],
		['{{#lookup this "x"}}y{{/lookup}}', /not a block helper/],
		['{{lookup this}}', /takes exactly 2 arguments/],
		['{{"constructor"}}', /must name a field/],
		['Betaal {{amount', /Parse error on line 1/],
	])('%s', (source, message) => {
		expect(() => interpretTemplate(source, true)).toThrow(message);
	});

	test('prototype properties, constructors and functions in the data are never reached or called', () => {
		const view = { name: 'Jan', list: ['a'], nested: { a: 1 }, fn: () => 'called' };
		const run = (source: string) => outcome(interpretTemplate(source, false), view);
		for (const source of ['{{constructor}}', '{{__proto__}}', '{{name.constructor.name}}', '{{nested.constructor}}', '{{this.constructor.constructor}}', '{{list.constructor}}', '{{toString}}', '{{hasOwnProperty}}']) {
			expect({ source, out: run(source) }).toEqual({ source, out: expect.stringMatching(/^ERROR .*no value for placeholder/) });
		}
		for (const source of ['{{lookup this "constructor"}}', '{{lookup (lookup this "constructor") "constructor"}}', '{{lookup name "constructor"}}', '{{lookup list "map"}}', '{{#if constructor}}x{{/if}}', '{{#with __proto__}}x{{/with}}']) {
			expect({ source, out: run(source) }).toEqual({ source, out: '' });
		}
		expect(run('{{fn}}')).toMatch(/^ERROR .*"fn" is not a value/);
		expect(run('{{#fn}}x{{/fn}}')).toMatch(/^ERROR .*"fn" is not a value/);
		expect(run('{{#if fn}}x{{/if}}')).toMatch(/^ERROR .*not a value/);
		// Own properties still work, including an array's length.
		expect(run('{{name}} {{list.length}} {{nested.a}}')).toBe('Jan 1 1');
	});

	test('a refused template names the custom template, the part and the line', async () => {
		await expect(compileCustomTemplate({ stage: 'reminder-2', channel: 'sms', body: 'Hallo\n{{> footer}}' })).rejects.toMatchObject({
			line: 2,
			message: 'Custom template reminder-2/sms/any, body (line 2): partials ({{> name}}) are not allowed in custom templates - 2:0',
		});
	});
});
