/* eslint-disable no-console -- tests run in plain Node, not inside n8n */
/**
 * WCAG 2.1 AA of the two self-service forms (issue 24, section 2): every page a debtor sees in the
 * shipped workflows 4 (flex collection date) and 5 (payment arrangement), in a real n8n, opened in
 * headless Chromium (Debian's /usr/bin/chromium) from n8n's own address, with axe-core injected:
 * the first page, the answer pages (saved; check your input) and form 5's second page with the plans.
 * Also the keyboard: Tab reaches the fields in their order, then the button. Only loopback requests
 * go through; n8n's page template asks for Google Fonts, which is blocked, and nothing else may leave.
 *
 * Needs `apt-get install -y chromium`; without /usr/bin/chromium the test is skipped with a message.
 */
import type { Browser, Page } from 'playwright-core';

import { axeViolations, describeViolations } from '../../scripts/axe';
import { blockExternal, chromiumAvailable, launchChromium } from '../../scripts/chromium';
import type { N8nInstance } from '../../scripts/n8nInstance';
import { arrearsDebtor, formsOnDataTables, formWithSettings, mandateDebtor, optionsOf, submitForm } from './harness/forms';

const maybe = chromiumAvailable('forms accessibility test') ? describe : describe.skip;

jest.setTimeout(900_000);


maybe('the self-service forms in headless Chromium: axe-core finds no WCAG 2.1 AA violations (real n8n)', () => {
	let n8n: N8nInstance;
	let browser: Browser;
	let page: Page;
	let external: string[];
	const formUrl = (pathName: string) => `${n8n.baseUrl}/form/${pathName}`;

	beforeAll(async () => {
		({ n8n } = await formsOnDataTables({
			prepare: (workflow) => formWithSettings(workflow, { referenceDate: '2026-11-24', now: '2026-11-24T10:00:00.000+01:00' }),
			debtors: [mandateDebtor('A11Y-DD'), arrearsDebtor('A11Y-AR')],
		}));
		browser = await launchChromium();
		page = await browser.newPage();
		const local = new URL(n8n.baseUrl);
		external = await blockExternal(page, (url) => url.host === local.host);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.dispose();
	});

	/** axe on the page at `url` as a browser opens it; returns its problems. */
	async function check(name: string, url: string): Promise<string[]> {
		await page.goto(url, { waitUntil: 'load' });
		return describeViolations(name, await axeViolations(page));
	}

	test('every page of both forms: no violations; the number of pages checked is printed', async () => {
		const problems: string[] = [];
		const checked: string[] = [];
		const add = async (name: string, url: string) => {
			problems.push(...(await check(name, url)));
			checked.push(name);
		};
		await add('form 4: first page', formUrl('incassodag'));
		await add('form 4: check your input', (await submitForm(n8n, formUrl('incassodag'), ['A11Y-DD', 'A11Y-NOPE', 8])).waitingUrl);
		await add('form 4: day saved', (await submitForm(n8n, formUrl('incassodag'), ['A11Y-DD', 'A11Y-DD-12', 8])).waitingUrl);
		await add('form 5: first page', formUrl('betalingsregeling'));
		const plans = await submitForm(n8n, formUrl('betalingsregeling'), ['A11Y-AR', 'A11Y-AR-A', 100, '', '']);
		await add('form 5: choose a plan', plans.waitingUrl);
		await add('form 5: plan saved', (await submitForm(n8n, plans.waitingUrl, [optionsOf(plans.html)[0]])).waitingUrl);
		console.log(`axe-core (WCAG 2.1 AA) on the forms: ${checked.length} pages checked, ${problems.length} violations`);
		expect(problems).toEqual([]);
		// n8n's own page template links Google Fonts (blocked here; the pages fall back to sans-serif).
		// Nothing else may leave the machine.
		expect(external.filter((url) => !url.startsWith('https://fonts.googleapis.com/'))).toEqual([]);
	});

	test('the keyboard reaches the fields in their order, then the button', async () => {
		await page.goto(formUrl('incassodag'), { waitUntil: 'load' });
		const order: string[] = [];
		for (let i = 0; i < 6; i++) {
			await page.keyboard.press('Tab');
			order.push(
				await page.evaluate<string>(`(() => {
					const el = document.activeElement;
					if (!el || el === document.body) return '';
					const label = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
					return el.tagName.toLowerCase() + ':' + (label ? label.textContent.trim() : (el.textContent || '').trim());
				})()`),
			);
		}
		const fields = order.filter((entry) => /^(input|select|textarea):/.test(entry));
		expect(fields.slice(0, 2)).toEqual([expect.stringMatching(/Klantnummer/), expect.stringMatching(/Factuurnummer/)]);
		const button = order.findIndex((entry) => entry.startsWith('button:'));
		expect(button).toBeGreaterThan(order.indexOf(fields[fields.length - 1]));
	});
});
