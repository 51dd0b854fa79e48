/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-require-imports -- tests run in plain Node, not inside n8n; the build script is CommonJS */
/**
 * The template library as a whole: the committed generated module is up to date, every stage x tone x
 * register x language x channel renders with typical data, SMS texts fit in two segments, every text
 * is in one language and reads at B1 level, and the content rules of the domain brief hold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { dayNumber } from '../../../nodes/shared/calendar';
import { STAGES, type Language, type Stage } from '../../../nodes/shared/debtor/model';
import {
	MESSAGE_CHANNELS,
	READABILITY_LIMITS,
	REGISTERS,
	TONES,
	TemplateLibrary,
	buildView,
	SAFE_RUNTIME_OPTIONS,
	composeMessage,
	escapeHtml,
	htmlToText,
	readability,
	resolveBrand,
	resolveSelection,
	type MessageChannel,
	type RenderedMessage,
} from '../../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../../nodes/ToneTemplate/generated/library';
import { renderSample } from '../../../build/gallery/gallery';
import { SAMPLE_BANK, sampleDebtor, sampleItem, sampleOptions } from '../../../build/gallery/samples';
import { foreignSentences, languageOf } from './languageWords';

const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);
const LANGUAGES: Language[] = ['nl', 'en'];

interface Rendered {
	stage: Stage;
	channel: MessageChannel;
	tone: string;
	register: string;
	language: Language;
	message: RenderedMessage;
}

const all: Rendered[] = [];
for (const stage of STAGES)
	for (const language of LANGUAGES)
		for (const tone of TONES)
			for (const register of REGISTERS)
				for (const channel of MESSAGE_CHANNELS) all.push({ stage, channel, tone, register, language, message: renderSample(library, stage, channel, tone, register, language) });

const label = (r: Rendered) => `${r.stage}/${r.channel}/${r.tone}/${r.register}/${r.language}`;

describe('generated module', () => {
	jest.setTimeout(60_000);

	test('the committed nodes/ToneTemplate/generated/library.ts equals a fresh build of templates/ (run `npx gulp templates` when this fails)', async () => {
		const { generateLibrary, OUTPUT } = require('../../../build/templateLibrary/library.js');
		const { source } = await generateLibrary();
		const committed = fs.readFileSync(OUTPUT, 'utf8');
		// Compare the hash line first for a readable failure, then everything.
		expect(committed.length).toBe(source.length);
		expect(committed === source).toBe(true);
	});

	test('covers every stage x tone x register x language for e-mail, letter and SMS, and every stage x language for WhatsApp', () => {
		for (const stage of STAGES)
			for (const language of LANGUAGES) {
				expect(library.whatsapp(stage, language)).toBeDefined();
				for (const tone of TONES)
					for (const register of REGISTERS) {
						expect(library.document(stage, 'email', tone, register, language)).toBeDefined();
						expect(library.document(stage, 'letter', tone, register, language)).toBeDefined();
						expect(library.sms(stage, tone, register, language)).toBeDefined();
					}
			}
		expect(Object.keys(GENERATED_LIBRARY.combos)).toHaveLength(STAGES.length * 2 * 3 * 2 * 3);
		expect(Object.keys(GENERATED_LIBRARY.whatsapp)).toHaveLength(STAGES.length * 2);
	});

	test('the view of every stage holds every variable declared for it in templates/variables.json', () => {
		const { variables } = GENERATED_LIBRARY;
		for (const stage of STAGES) {
			const item = sampleItem(stage);
			const view = buildView({ ...item, stage, channel: 'email', tone: 'neutral', register: 'u', language: 'nl', meta: GENERATED_LIBRARY.stages[stage] }, sampleOptions()).view;
			const declared = [...Object.keys(variables.common), ...Object.keys(variables.layout), ...Object.keys(variables.stages[stage])];
			expect({ stage, missing: declared.filter((name) => !(name in view)) }).toEqual({ stage, missing: [] });
			for (const name of declared) expect(['string', 'boolean', 'object']).toContain(typeof view[name]);
		}
	});

	test('the docs page (docs/nodes/tone-template.md) names every stage and every variable of templates/variables.json', () => {
		const docs = fs.readFileSync(path.resolve(__dirname, '../../../docs/nodes/tone-template.md'), 'utf8');
		const { variables } = GENERATED_LIBRARY;
		const names = new Set([...Object.keys(variables.common), ...Object.keys(variables.layout), ...STAGES.flatMap((stage) => Object.keys(variables.stages[stage]))]);
		expect(names.size).toBeGreaterThan(80);
		expect([...STAGES, ...names].filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
	});

	test('template ids name the combination and versions carry the stage version and a content hash', () => {
		const entry = library.document('reminder-1', 'email', 'firm', 'je', 'en')!;
		expect(entry.id).toBe('reminder-1/email/firm/je/en');
		expect(entry.version).toMatch(/^1\.[0-9a-f]{8}$/);
		expect(library.whatsapp('reminder-1', 'nl')!.name).toBe('sc_reminder_1_v1');
	});
});

describe('document rendering', () => {
	const viewOf = (stage: Stage, tone: (typeof TONES)[number], register: (typeof REGISTERS)[number], language: Language) =>
		buildView({ ...sampleItem(stage), stage, channel: 'email', tone, register, language, meta: GENERATED_LIBRARY.stages[stage] }, sampleOptions()).view;

	test('the preview line of every e-mail is the first sentence of its plain-text lead', () => {
		for (const stage of STAGES)
			for (const language of LANGUAGES)
				for (const tone of TONES)
					for (const register of REGISTERS) {
						const entry = library.document(stage, 'email', tone, register, language)!;
						const view = viewOf(stage, tone, register, language);
						const lead = library.template(entry.text.lead)(view, SAFE_RUNTIME_OPTIONS).trim();
						const firstLine = lead.split('\n')[0].slice(0, 150);
						const expected = /^.*?[.!?](?= |$)/.exec(firstLine)?.[0] ?? firstLine;
						const { html } = library.renderDocument(entry, view);
						expect({ id: entry.id, preview: view.preview }).toEqual({ id: entry.id, preview: expected });
						expect(html).toContain(escapeHtml(expected));
					}
	});

	test('a value missing from the view fails naming the placeholder and the part it is in', () => {
		const entry = library.document('reminder-1', 'email', 'neutral', 'u', 'nl')!;
		const withoutAmount = viewOf('reminder-1', 'neutral', 'u', 'nl');
		delete withoutAmount.amount;
		expect(() => library.renderDocument(entry, withoutAmount)).toThrow(expect.objectContaining({ name: 'TemplateRenderError', placeholder: 'amount', message: expect.stringContaining('reminder-1/email/neutral/u/nl (lead): no value for placeholder {{amount}}') }));
		const withoutSender = viewOf('reminder-1', 'neutral', 'u', 'nl');
		delete withoutSender.senderName;
		expect(() => library.renderDocument(entry, withoutSender)).toThrow(/\(text\): no value for placeholder \{\{senderName\}\}/);
	});
});

describe('every combination renders', () => {
	test(`${all.length} messages render with typical data and no missing values`, () => {
		expect(all).toHaveLength(STAGES.length * 2 * 3 * 2 * 4);
		for (const r of all) {
			const { message } = r;
			const texts = [message.subject ?? '', message.html ?? '', message.text, message.sms?.text ?? '', message.whatsapp?.text ?? ''];
			for (const text of texts) {
				expect({ id: label(r), hasUndefined: /undefined|\[object Object\]|NaN|\{\{|\}\}/.test(text) }).toEqual({ id: label(r), hasUndefined: false });
			}
			expect(message.text.length).toBeGreaterThan(20);
			expect(message.templateId).not.toBe('');
			expect(message.languageUsed).toBe(r.language);
			if (r.channel === 'email' || r.channel === 'letter') {
				expect(message.subject!.length).toBeGreaterThan(5);
				expect(message.html).toContain('<html');
				expect(message.html).toContain(`lang="${r.language}"`);
			}
		}
	});

	test('library texts come out clean: no trailing spaces, no runs of blank lines, nothing to trim', () => {
		for (const r of all.filter((x) => x.channel === 'email' || x.channel === 'letter')) {
			const text = r.message.text;
			expect({ id: label(r), trailing: /[ \t]\n/.test(text), blankRuns: text.includes('\n\n\n'), trim: text !== text.trim() }).toEqual({ id: label(r), trailing: false, blankRuns: false, trim: false });
		}
	});

	test('also with a minimal brand (name and e-mail only) and without bank details or payment link', () => {
		const options = sampleOptions({ brand: resolveBrand({ senderName: 'Gemeente Voorbeeld', contactEmail: 'info@voorbeeld.example' }) });
		for (const stage of STAGES)
			for (const language of LANGUAGES)
				for (const tone of TONES)
					for (const register of REGISTERS)
						for (const channel of ['email', 'letter', 'sms'] as const) {
							const item = sampleItem(stage, sampleDebtor({ language, register, firstName: undefined, lastName: undefined }));
							const selection = resolveSelection(
								{ stage, channel, tone, register, language, defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' },
								item,
							);
							const message = composeMessage(library, selection, item, options);
							expect(message.text).not.toMatch(/undefined|\{\{/);
							expect(message.text).not.toMatch(/[ \t]\n|\n\n\n|^\s|\s$/);
							// How to reach a person, in every message but the thank-you SMS.
							if (!(stage === 'payment-received' && channel === 'sms')) expect(message.text).toContain('info@voorbeeld.example');
							expect(message.paymentUrl).toBeNull();
							if (channel !== 'sms') expect(message.html).not.toContain('data:image/png');
							// No name on the record: "klant" / "customer" in the greeting.
							if (channel !== 'sms') expect(message.text).toMatch(language === 'nl' ? /(Beste|Hoi) klant,/ : /(Dear|Hi) customer,/);
						}
	});
});

describe('SMS', () => {
	test('every SMS text fits in at most 2 segments of GSM-7 with typical data', () => {
		const sms = all.filter((r) => r.channel === 'sms');
		expect(sms.length).toBe(STAGES.length * 2 * 3 * 2);
		const over = sms.filter((r) => r.message.sms!.segments > 2 || r.message.sms!.encoding !== 'GSM-7').map((r) => `${label(r)}: ${r.message.sms!.segments} (${r.message.sms!.characters})`);
		expect(over).toEqual([]);
		const longest = Math.max(...sms.map((r) => r.message.sms!.characters));
		console.log(`longest SMS with typical data: ${longest} characters`);
	});

	test('WhatsApp messages carry an SMS fallback and ordered parameters', () => {
		const whatsapp = all.filter((r) => r.channel === 'whatsapp');
		for (const r of whatsapp) {
			expect(r.message.sms!.segments).toBeLessThanOrEqual(2);
			const { parameters, parameterNames } = r.message.whatsapp!;
			expect(parameters).toHaveLength(parameterNames.length);
			// The registered body with {{n}} replaced in order gives exactly the preview text.
			const body = library.whatsapp(r.stage, r.language)!.body;
			expect(body.replace(/\{\{(\d+)\}\}/g, (_, n) => parameters[Number(n) - 1])).toBe(r.message.whatsapp!.text);
		}
	});
});

describe('one language per text', () => {
	test('the word-list check itself tells the languages apart', () => {
		expect(languageOf('Please pay the amount by Friday.')).toBe('en');
		expect(languageOf('Betaal het bedrag uiterlijk vrijdag.')).toBe('nl');
		expect(languageOf('EUR 1.234,50')).toBe('unknown');
		expect(foreignSentences('Beste Jan, betaal het bedrag. Thank you for your payment.', 'nl')).toEqual(['Thank you for your payment.']);
		expect(foreignSentences('Dear Jan, please pay. Dan hoeft u niets te doen.', 'en')).toEqual(['Dan hoeft u niets te doen.']);
	});

	test('no Dutch template contains an English sentence and no English template a Dutch one', () => {
		// The HTML too: its text, and the alt and title attributes screen readers read out.
		const htmlTexts = (html: string | undefined) => (html === undefined ? [] : [htmlToText(html), ...[...html.matchAll(/\b(?:alt|title)="([^"]*)"/g)].map((match) => match[1])]);
		const mixed = all.flatMap((r) =>
			[r.message.subject ?? '', r.message.text, r.message.sms?.text ?? '', ...htmlTexts(r.message.html)].flatMap((text) => foreignSentences(text, r.language).map((s) => `${label(r)}: ${s}`)),
		);
		expect(all.filter((r) => r.message.html !== undefined)).toHaveLength(STAGES.length * 2 * 3 * 2 * 2);
		expect(mixed).toEqual([]);
	});
});

describe('plain language (B1)', () => {
	test('readability counts match hand counts', () => {
		const stats = readability('Betaal EUR 1.234,50 uiterlijk vrijdag 1 mei 2026. Vraag een betalingsregeling aan.', 'nl');
		// Words (EUR and numbers without letters are not words): "Betaal EUR uiterlijk vrijdag mei" = 5, "Vraag een betalingsregeling aan" = 4.
		expect(stats.sentences).toBe(2);
		expect(stats.words).toBe(9);
		expect(stats.averageSentenceWords).toBe(4.5);
		expect(stats.longWordList).toEqual(['betalingsregeling']);
	});

	test(`every text averages at most ${READABILITY_LIMITS.averageSentenceWords} words per sentence, no sentence over ${READABILITY_LIMITS.longestSentenceWords}, and few long words`, () => {
		const problems: string[] = [];
		for (const r of all) {
			const stats = readability(r.message.text, r.language);
			if (stats.averageSentenceWords > READABILITY_LIMITS.averageSentenceWords) problems.push(`${label(r)}: average ${stats.averageSentenceWords.toFixed(1)}`);
			if (stats.longestSentenceWords > READABILITY_LIMITS.longestSentenceWords) problems.push(`${label(r)}: ${stats.longestSentenceWords} words in "${stats.longestSentence}"`);
			if (stats.longWordShare > READABILITY_LIMITS.longWordShare[r.language]) problems.push(`${label(r)}: ${(stats.longWordShare * 100).toFixed(1)}% long words`);
		}
		expect(problems).toEqual([]);
	});
});

describe('content', () => {
	const email = (stage: Stage, language: Language = 'nl', tone = 'neutral', register = 'u') =>
		all.find((r) => r.stage === stage && r.channel === 'email' && r.language === language && r.tone === tone && r.register === register)!.message;

	test('the amount, the date and one action come first (in the lead, right after the greeting)', () => {
		for (const r of all.filter((x) => x.channel === 'email')) {
			const lead = r.message.text.split('\n\n')[1];
			expect({ id: label(r), amount: lead.includes(r.message.amount.split(' ')[1]) }).toEqual({ id: label(r), amount: true });
		}
		const reminder = email('reminder-1');
		expect(reminder.text.split('\n\n').slice(0, 3)).toEqual(['Beste Jan de Vries,', 'Betaal € 1.234,50 uiterlijk vrijdag 1 mei 2026.', 'Nu betalen\nhttps://betaal.woonstad.example/p/D-2026-0042']);
		expect(reminder.dueDate).toBe('2026-05-01'); // Friday 24 April + 7 days, a working day
	});

	test('how to pay: payment link, bank details and the EPC QR code; how to get help and reach a person', () => {
		for (const language of LANGUAGES) {
			const m = email('reminder-2', language);
			expect(m.html).toContain('href="https://betaal.woonstad.example/p/D-2026-0042"');
			expect(m.html).toContain('NL91 ABNA 0417 1643 00');
			expect(m.html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
			expect(m.text).toContain('010 123 45 67');
			expect(m.text).toContain('incasso@woonstad.example');
			expect(m.text).toMatch(language === 'nl' ? /betalingsregeling/ : /payment plan/);
		}
		expect(email('payment-received').html).not.toContain('data:image/png');
	});

	test('what a direct debit collects has no pay button and no transfer details', () => {
		const render = (stage: Stage, record = sampleDebtor({ paymentMethod: 'direct-debit' }), extra: Record<string, unknown> = {}) => {
			const item = { ...sampleItem(stage, record), ...extra };
			const selection = resolveSelection({ stage, channel: 'email', tone: 'neutral', register: 'u', language: 'nl', defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' }, item);
			return composeMessage(library, selection, item, sampleOptions());
		};
		const preDue = render('pre-due-notice');
		expect(preDue.text.split('\n\n')[1]).toBe('Op vrijdag 1 mei 2026 schrijven wij € 617,25 af van uw rekening.');
		expect(preDue.text).not.toContain('Nu betalen');
		expect(preDue.text).not.toContain('Zo betaalt u');
		expect(preDue.epcQr).toBeUndefined();
		const again = render('reversal-notice', undefined, { messageData: { nextCollectionDate: '2026-05-27' } });
		expect(again.text.split('\n\n')[1]).toBe('Op woensdag 27 mei 2026 schrijven wij € 617,25 opnieuw af.');
		expect(again.text).not.toContain('Zo betaalt u');
		// A bank-transfer payer does get the button and the details.
		expect(render('pre-due-notice', sampleDebtor()).text).toContain('Zo betaalt u');
	});

	test('no threatening words in any text', () => {
		const threats = /deurwaarder|beslag|rechter|rechtbank|laatste waarschuwing|politie|bailiff|seiz|court|last warning|police|final warning/i;
		expect(all.filter((r) => threats.test(r.message.text)).map(label)).toEqual([]);
	});

	test('the early-warning message offers to share contact details with the municipality, unless the debtor objected', () => {
		const offer = email('early-warning-care');
		expect(offer.text).toContain('De gemeente Rotterdam helpt mensen met geldzorgen.');
		expect(offer.text).toContain('Wij willen uw naam, adres, telefoonnummer en e-mailadres doorgeven aan de gemeente.');
		expect(offer.text).toContain('Laat het ons dan weten voor vrijdag 8 mei 2026.'); // 24 April + 14 days
		const item = sampleItem('early-warning-care', sampleDebtor({ consents: { municipalityObjection: true } }));
		const selection = resolveSelection({ stage: 'early-warning-care', channel: 'email', tone: 'neutral', register: 'u', language: 'nl', defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' }, item);
		expect(composeMessage(library, selection, item, sampleOptions()).text).not.toContain('gemeente');
	});

	test('a stage reads its facts from the item: arrangement, reversal, payment', () => {
		expect(email('arrangement-confirmation').text).toContain('U betaalt 6 termijnen van € 205,75. De eerste termijn is op maandag 27 april 2026.');
		expect(email('instalment-reminder', 'en').text).toContain('Please pay instalment 1 of €205.75 by Monday 27 April 2026.');
		expect(email('missed-instalment').text).toContain('De betaaldatum was vrijdag 17 april 2026.');
		expect(email('reversal-notice').text).toContain('Op dinsdag 17 maart 2026 konden wij € 617,25 niet van uw rekening afschrijven.');
		expect(email('reversal-notice').text).toContain('Er stond toen niet genoeg geld op uw rekening.');
		expect(email('payment-received').text).toContain('Wij hebben € 617,25 ontvangen op dinsdag 21 april 2026. Dank u wel!');
	});

	test('register: u and je differ in Dutch; in English only the greeting differs', () => {
		expect(email('reminder-1', 'nl', 'neutral', 'je').text).toContain('Heb je net betaald? Dan hoef je niets te doen.');
		const u = email('reminder-1', 'en', 'neutral', 'u').text;
		const je = email('reminder-1', 'en', 'neutral', 'je').text;
		expect(u.replace('Dear Jan de Vries,', 'X')).toBe(je.replace('Hi Jan,', 'X'));
	});

	test('a missing language falls back to the default and is reported', () => {
		const item = sampleItem('reminder-1', sampleDebtor({ language: 'de' }));
		const selection = resolveSelection({ stage: 'reminder-1', channel: 'email', tone: 'item', register: 'item', language: 'item', defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'en', defaultChannel: 'email' }, item);
		expect(selection.language).toBe('en');
		expect(selection.fallbacks).toEqual([
			{ field: 'tone', requested: null, used: 'neutral', reason: 'the item has no segmentation.tone; used the default tone' },
			{ field: 'language', requested: 'de', used: 'en', reason: 'no templates in "de"; used the default language' },
		]);
		const message = composeMessage(library, selection, item, sampleOptions());
		expect(message.languageUsed).toBe('en');
		expect(message.fallbacks).toHaveLength(2);
		expect(dayNumber(message.sendDate)).toBe(item.referenceDay);
		expect(SAMPLE_BANK.iban).toBe('NL91ABNA0417164300');
	});
});
