/* eslint-disable @n8n/community-nodes/no-dangerous-functions, no-console -- tests run in plain Node, not inside n8n */
/**
 * WCAG 2.1 AA of what debtors see (issue 24, section 2): axe-core in headless Chromium on a sample of
 * the e-mails and letters that holds every layout × language × register × tone at least once (the
 * stage rotates, so every stage is in it too), and on the demo's outbox report built by the shipped
 * Code node source (workflows/src/demoCode.ts) from real rendered messages. The forms' pages are
 * n8n's own and need a real n8n: test/e2e/formsAccessibility.test.ts.
 *
 * Needs `apt-get install -y chromium`; without /usr/bin/chromium the test is skipped with a message.
 */
import type { Browser, Page } from 'playwright-core';

import { STAGES, type Language } from '../../../nodes/shared/debtor/model';
import { REGISTERS, TONES, TemplateLibrary, resolveBrand, type RenderedMessage } from '../../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../../nodes/ToneTemplate/generated/library';
import { DEMO_REPORT } from '../../../workflows/src/demoCode';
import { galleryOptions, renderSample, SAMPLE_LOGO } from '../../../build/gallery/gallery';
import { SAMPLE_BANK, SAMPLE_BRAND, sampleOptions } from '../../../build/gallery/samples';
import { axeViolations, describeViolations } from '../../../scripts/axe';
import { blockExternal, chromiumAvailable, launchChromium } from '../../../scripts/chromium';

const maybe = chromiumAvailable('accessibility (axe-core) test') ? describe : describe.skip;

jest.setTimeout(300_000);

const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);

interface SamplePage {
	name: string;
	html: string;
}

/** Every layout × language × register × tone once; the stage rotates over the combinations. */
function templateSample(): SamplePage[] {
	const pages: SamplePage[] = [];
	let k = 0;
	for (const channel of ['email', 'letter'] as const) {
		for (const language of GENERATED_LIBRARY.languages) {
			for (const register of REGISTERS) {
				for (const tone of TONES) {
					const stage = STAGES[k++ % STAGES.length];
					const message = renderSample(library, stage, channel, tone, register, language);
					pages.push({ name: `${channel}/${stage}.${tone}.${register}.${language}`, html: message.html! });
				}
			}
		}
	}
	return pages;
}

/** The items the demo's report node receives, with messages rendered by the real library. */
function outboxItems(): object[] {
	const person = (debtorId: string, firstName: string, lastName: string, language: Language = 'nl') => ({ debtorId, firstName, lastName, language });
	const sent = (message: RenderedMessage, channel: string, persona: string, date: string) => ({
		segmentation: { persona },
		journey: { stage: message.stage, reason: 'due', reasons: ['Due today'] },
		message,
		delivery: { channel, status: 'sent', simulated: true },
		schedule: { date, time: '09:30', paydayAligned: true },
	});
	return [
		{ ...person('DEMO-01', 'Jan', 'Jansen'), ...sent(renderSample(library, 'reminder-1', 'email', 'neutral', 'u', 'nl'), 'email', 'forgetful', '2026-04-27') },
		{ ...person('DEMO-03', 'Anne-Marie "Annie"', 'de Wit <b>& Zn</b>'), ...sent(renderSample(library, 'fourteen-day-letter', 'letter', 'neutral', 'u', 'nl'), 'letter', 'overwhelmed', '2026-04-27') },
		{ ...person('DEMO-04', 'Peter', 'Smith', 'en'), ...sent(renderSample(library, 'reminder-2', 'sms', 'firm', 'u', 'en'), 'sms', 'can-pay-wont-pay', '2026-04-28') },
		{ ...person('DEMO-09', 'Gerrit', 'Visser'), segmentation: { persona: 'deceased' }, journey: { reason: 'stopped: deceased', reasons: ['Debtor deceased'] } },
		{ debtorId: 'DEMO-13', error: { message: 'claims[0].dueDate: is not a date' } },
	];
}

/** The outbox report as the demo workflow's Code node writes it (its `html`), run outside n8n. */
function outboxReport(): string {
	const items = outboxItems().map((json) => ({ json }));
	const $input = { all: () => items };
	const $ = (node: string) => ({ first: () => ({ json: node === 'Settings' ? { referenceDate: '2026-04-24' } : {} }) });
	const run = new Function('$input', '$', DEMO_REPORT) as (input: typeof $input, node: typeof $) => Array<{ json: { html: string } }>;
	return run($input, $)[0].json.html;
}

maybe('accessibility (WCAG 2.1 AA, axe-core) of what debtors see', () => {
	let browser: Browser;
	let page: Page;
	let external: string[];

	beforeAll(async () => {
		browser = await launchChromium();
		page = await browser.newPage();
		external = await blockExternal(page);
	});

	afterAll(async () => {
		await browser?.close();
	});

	test('the sample holds every layout, language, register, tone and stage', () => {
		const names = templateSample().map((p) => p.name);
		for (const channel of ['email', 'letter']) {
			for (const language of GENERATED_LIBRARY.languages) {
				for (const register of REGISTERS) {
					for (const tone of TONES) expect(names.filter((n) => n.startsWith(`${channel}/`) && n.endsWith(`.${tone}.${register}.${language}`))).toHaveLength(1);
				}
			}
		}
		for (const stage of STAGES) expect(names.some((n) => n.includes(`/${stage}.`))).toBe(true);
	});

	test('axe-core finds no violations in the e-mails and letters of the sample, nor in the outbox report', async () => {
		const pages = [...templateSample(), { name: 'demo outbox report', html: outboxReport() }];
		const problems: string[] = [];
		for (const sample of pages) {
			await page.setContent(sample.html, { waitUntil: 'load' });
			problems.push(...describeViolations(sample.name, await axeViolations(page)));
		}
		console.log(`axe-core (WCAG 2.1 AA): ${pages.length} pages checked, ${problems.length} violations`);
		expect(problems).toEqual([]);
		expect(external).toEqual([]);
	});

	test('axe-core notices a brand colour with too little contrast: the check can fail', async () => {
		const options = sampleOptions({ brand: resolveBrand({ ...SAMPLE_BRAND, logoUrl: SAMPLE_LOGO, primaryColour: '#7fb3d5' }, SAMPLE_BANK) });
		const message = renderSample(library, 'reminder-1', 'email', 'neutral', 'u', 'nl', options);
		await page.setContent(message.html!, { waitUntil: 'load' });
		expect((await axeViolations(page)).map((v) => v.id)).toContain('color-contrast');
		// The same e-mail in the sample brand passes.
		await page.setContent(renderSample(library, 'reminder-1', 'email', 'neutral', 'u', 'nl', galleryOptions()).html!, { waitUntil: 'load' });
		expect(await axeViolations(page)).toEqual([]);
	});
});
