/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The template gallery in a headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
 * every e-mail and letter of a sample, at mobile (375 px) and desktop (1280 px) width, without
 * horizontal overflow, with every image loaded, the amount and the date on the page, and no request
 * leaving the machine. Screenshots go to .test-results/gallery/screenshots/.
 *
 * Needs `apt-get install -y chromium`; without /usr/bin/chromium the test is skipped with a message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { TemplateLibrary, composeMessage, resolveSelection } from '../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../nodes/ToneTemplate/generated/library';
import { axeViolations, describeViolations } from '../../scripts/axe';
import { blockExternal, chromiumAvailable, launchChromium } from '../../scripts/chromium';
import { GALLERY_DIR, galleryOptions, writeGallery, type GalleryEntry } from '../../build/gallery/gallery';
import { sampleDebtor, sampleItem } from '../../build/gallery/samples';

const maybe = chromiumAvailable('template gallery test') ? describe : describe.skip;

jest.setTimeout(300_000);

const WIDTHS = { mobile: 375, desktop: 1280 } as const;

interface PageCheck {
	scrollWidth: number;
	innerWidth: number;
	images: Array<{ src: string; complete: boolean; naturalWidth: number }>;
	text: string;
}

async function check(page: Page, file: string, width: number): Promise<PageCheck> {
	await page.setViewportSize({ width, height: 900 });
	await page.goto(`file://${file}`, { waitUntil: 'load' });
	// A string, so the DOM code is not type-checked against Node's globals.
	return page.evaluate<PageCheck>(`(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth,
		images: Array.from(document.images).map((img) => ({ src: img.src.slice(0, 40), complete: img.complete, naturalWidth: img.naturalWidth })),
		text: document.body.innerText,
	}))()`);
}

maybe('template gallery in headless Chromium', () => {
	let browser: Browser;
	let page: Page;
	let entries: GalleryEntry[];
	let external: string[];
	const shots = path.join(GALLERY_DIR, 'screenshots');

	beforeAll(async () => {
		entries = writeGallery();
		fs.mkdirSync(shots, { recursive: true });
		browser = await launchChromium();
		page = await browser.newPage();
		// Nothing may leave the machine: e-mails must not load fonts, trackers or remote images.
		external = await blockExternal(page);
	});

	afterAll(async () => {
		await browser?.close();
	});

	test('the gallery holds every e-mail and letter, and an index', () => {
		expect(entries.filter((e) => e.file).length).toBe(13 * 2 * 3 * 2 * 2);
		expect(fs.existsSync(path.join(GALLERY_DIR, 'index.html'))).toBe(true);
		expect(fs.existsSync(path.join(GALLERY_DIR, 'texts.html'))).toBe(true);
	});

	test('a sample of every stage renders at mobile and desktop width: no horizontal overflow, images loaded, amount and date shown', async () => {
		// Every stage in e-mail (rotating tone, register and language) and the letters the brief names.
		const sample = entries.filter(
			(e, i) =>
				e.file &&
				((e.channel === 'email' && ((i >> 1) + e.stage.length) % 7 === 0) ||
					(e.channel === 'letter' && ['reminder-2', 'fourteen-day-letter', 'final-notice'].includes(e.stage) && e.tone === 'neutral' && e.register === 'u')),
		);
		for (const stage of new Set(entries.map((e) => e.stage))) {
			if (!sample.some((e) => e.stage === stage && e.channel === 'email')) sample.push(entries.find((e) => e.stage === stage && e.channel === 'email')!);
		}
		const problems: string[] = [];
		for (const entry of sample) {
			for (const [label, width] of Object.entries(WIDTHS)) {
				const result = await check(page, path.join(GALLERY_DIR, entry.file!), width);
				const name = `${entry.file} @${label}`;
				if (result.scrollWidth > result.innerWidth) problems.push(`${name}: ${result.scrollWidth}px wide in a ${result.innerWidth}px viewport`);
				for (const image of result.images) if (!image.complete || image.naturalWidth === 0) problems.push(`${name}: image ${image.src} did not load`);
				if (!result.text.includes(entry.message.amount.replace('EUR ', ''))) problems.push(`${name}: amount ${entry.message.amount} not on the page`);
				if (entry.message.dueDate && !/\d{4}/.test(result.text)) problems.push(`${name}: no date on the page`);
				if (entry.stage === 'fourteen-day-letter' && entry.language === 'nl' && !result.text.includes('binnen veertien dagen vanaf de dag nadat')) {
					problems.push(`${name}: the legal term wording is missing`);
				}
			}
			const expected = entry.message.epcQr ? 2 : 1; // the logo, and the QR code where the message shows how to pay
			const images = (await check(page, path.join(GALLERY_DIR, entry.file!), 1280)).images.length;
			if (images < expected) problems.push(`${entry.file}: ${images} images, expected ${expected}`);
		}
		expect(problems).toEqual([]);
		expect(external).toEqual([]);
		console.log(`checked ${sample.length} pages at ${Object.keys(WIDTHS).join(' and ')} width`);
	});

	test('axe-core: the gallery index and the SMS and WhatsApp texts page have no WCAG 2.1 AA violations', async () => {
		const problems: string[] = [];
		for (const file of ['index.html', 'texts.html']) {
			await page.goto(`file://${path.join(GALLERY_DIR, file)}`, { waitUntil: 'load' });
			problems.push(...describeViolations(`gallery ${file}`, await axeViolations(page)));
		}
		console.log(`axe-core (WCAG 2.1 AA) on the gallery: 2 pages checked, ${problems.length} violations`);
		expect(problems).toEqual([]);
	});

	test('screenshots of a sample at both widths', async () => {
		for (const file of ['email/reminder-1.neutral.u.nl.html', 'email/fourteen-day-letter.supportive.je.nl.html', 'letter/fourteen-day-letter.neutral.u.nl.html', 'email/early-warning-care.supportive.u.en.html']) {
			for (const [label, width] of Object.entries(WIDTHS)) {
				await check(page, path.join(GALLERY_DIR, file), width);
				const target = path.join(shots, `${file.replace(/[/.]/g, '_').replace(/_html$/, '')}.${label}.png`);
				await page.screenshot({ path: target, fullPage: true });
				expect(fs.statSync(target).size).toBeGreaterThan(10_000);
			}
		}
	});

	test('hostile data (very long unbroken name and reference, RTL text, markup) does not break the layout', async () => {
		const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);
		const record = sampleDebtor({ firstName: 'W'.repeat(150), lastName: 'محمد العلي <b>bold</b>', contact: { address: { street: 'S'.repeat(120), houseNumber: '1', postalCode: '1234 AB', city: 'C'.repeat(80) } } });
		for (const channel of ['email', 'letter'] as const) {
			const item = { ...sampleItem('reminder-1', record), messageData: { reference: 'R'.repeat(35) } };
			const selection = resolveSelection({ stage: 'reminder-1', channel, tone: 'neutral', register: 'u', language: 'nl', defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' }, item);
			const message = composeMessage(library, selection, item, galleryOptions());
			const file = path.join(GALLERY_DIR, `hostile-${channel}.html`);
			fs.writeFileSync(file, message.html!);
			for (const [label, width] of Object.entries(WIDTHS)) {
				const result = await check(page, file, width);
				expect({ channel, label, overflow: result.scrollWidth - result.innerWidth }).toEqual({ channel, label, overflow: 0 });
				expect(result.text).toContain('<b>bold</b>'); // shown as text, not as markup
				await page.screenshot({ path: path.join(shots, `hostile-${channel}.${label}.png`), fullPage: true });
			}
		}
	});
});
