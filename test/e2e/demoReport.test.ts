/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * `npm run demo` end to end: the same runDemo() the script calls runs workflows/08-demo.json in the
 * pinned real n8n and writes the outbox report; the written file is then opened in a headless
 * Chromium (Debian's /usr/bin/chromium, driven by playwright-core) at desktop and mobile width, with
 * every request that would leave the machine blocked. Screenshots go to .test-results/demo/
 * (outbox.desktop.png, outbox.mobile.png), and every e-mail and letter must be painted in them.
 *
 * Needs `apt-get install -y chromium`; without /usr/bin/chromium the test is skipped with a message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';

import { DEFAULT_REPORT, runDemo, type DemoResult } from '../../scripts/demo';
import { axeViolations, describeViolations } from '../../scripts/axe';
import { blockExternal, chromiumAvailable, launchChromium } from '../../scripts/chromium';
import { packageTarball } from '../../scripts/runtime';

const maybe = chromiumAvailable('demo report test') ? describe : describe.skip;

jest.setTimeout(600_000);

const DAY = '2026-11-24'; // a Tuesday: a fixed day keeps the sample's messages the same on every run
const WIDTHS = { desktop: 1280, mobile: 375 } as const;
const SHOTS = path.dirname(DEFAULT_REPORT);

interface Seen {
	title: string;
	/** Bars of the segment chart with their visible labels and counts. */
	bars: Array<{ persona: string; count: string; width: number }>;
	calendarDays: string[];
	calendarEntries: number;
	/** Visible messages: channel, debtor and the text the debtor reads (iframe body or SMS text). */
	messages: Array<{ channel: string; debtor: string; visible: boolean; text: string }>;
	scrollWidth: number;
	innerWidth: number;
}

/** What a reader sees on the page (a string, so the DOM code is not type-checked against Node's globals). */
async function look(page: Page): Promise<Seen> {
	const seen = await page.evaluate<Seen>(`(() => {
		const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
		const chart = document.querySelector('svg[aria-label="Debtors per segment"]');
		const bars = chart && visible(chart) ? Array.from(chart.querySelectorAll('g')).map((g) => ({
			persona: g.querySelector('text').textContent,
			count: g.querySelector('text[data-segment]').textContent,
			width: g.querySelector('rect').getBoundingClientRect().width,
		})) : [];
		const calendar = document.querySelector('table.calendar');
		return {
			title: document.title,
			bars,
			calendarDays: calendar && visible(calendar) ? Array.from(calendar.querySelectorAll('th')).map((th) => th.textContent) : [],
			calendarEntries: calendar ? calendar.querySelectorAll('li').length : 0,
			messages: Array.from(document.querySelectorAll('article.message')).map((a) => {
				const frame = a.querySelector('iframe');
				const sms = a.querySelector('pre');
				return { channel: a.dataset.channel, debtor: a.dataset.debtor, visible: visible(a) && (!frame || visible(frame)), text: sms ? sms.innerText.trim() : '' };
			}),
			scrollWidth: document.documentElement.scrollWidth,
			innerWidth: window.innerWidth,
		};
	})()`);
	// E-mails and letters sit in sandboxed frames (no script, opaque origin): read them through Playwright.
	const articles = page.locator('article.message');
	for (let i = 0; i < seen.messages.length; i++) {
		const iframe = articles.nth(i).locator('iframe');
		if ((await iframe.count()) === 0) continue;
		const frame = await (await iframe.elementHandle())?.contentFrame();
		seen.messages[i].text = frame ? (await frame.locator('body').innerText()).trim() : '';
	}
	return seen;
}

/**
 * A screenshot of the whole page with a viewport as tall as the page: Chromium does not paint
 * off-screen cross-origin frames (the sandboxed messages), so a `fullPage` shot leaves them blank.
 * After the resize the frames paint in their own processes, later on a busy machine: the shot is
 * taken again (for at most 10 s) until `painted` says it shows them, and the last one is returned.
 */
async function screenshotWhole(page: Page, width: number, target: string, painted: (shot: PNG) => boolean): Promise<PNG> {
	const height = await page.evaluate<number>('document.documentElement.scrollHeight');
	await page.setViewportSize({ width, height });
	const deadline = Date.now() + 10_000;
	let shot: PNG;
	do {
		await page.waitForTimeout(300);
		await page.screenshot({ path: target });
		shot = PNG.sync.read(fs.readFileSync(target));
	} while (!painted(shot) && Date.now() < deadline);
	await page.setViewportSize({ width, height: 900 });
	return shot;
}

/** The share of dark (text) pixels in a box of a screenshot. */
function darkShare(png: PNG, box: { x: number; y: number; width: number; height: number }): number {
	let dark = 0;
	let total = 0;
	for (let y = Math.ceil(box.y) + 2; y < Math.min(png.height, box.y + box.height - 2); y++) {
		for (let x = Math.ceil(box.x) + 2; x < Math.min(png.width, box.x + box.width - 2); x++) {
			const i = (y * png.width + x) * 4;
			total++;
			if (0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2] < 110) dark++;
		}
	}
	return total === 0 ? 0 : dark / total;
}

maybe('npm run demo: the outbox report in headless Chromium', () => {
	let demo: DemoResult;
	let browser: Browser;
	let page: Page;
	let external: string[];

	beforeAll(async () => {
		demo = await runDemo({ referenceDate: DAY, tarball: packageTarball() });
		browser = await launchChromium();
		page = await browser.newPage();
		// Nothing may leave the machine: the report and the messages in it are self-contained.
		external = await blockExternal(page);
	});

	afterAll(async () => {
		await browser?.close();
	});

	test('the script wrote the binary report of "Outbox report" to the file', () => {
		expect(demo.file).toBe(DEFAULT_REPORT);
		const written = fs.readFileSync(demo.file, 'utf8');
		expect(written).toBe(demo.html);
		// The file is the node's binary, which holds the same page as its JSON.
		expect(written).toBe(demo.report.html);
		expect(written).toMatch(/^<!doctype html>/);
		expect(demo.report.referenceDate).toBe(DAY);
	});

	for (const [label, width] of Object.entries(WIDTHS)) {
		test(`${label} (${width} px): segment chart, calendar and a message per channel are visible; screenshot`, async () => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`file://${demo.file}`, { waitUntil: 'load' });
			const seen = await look(page);
			expect(seen.title).toBe(`Outbox ${DAY}`);

			// The chart: one bar per segment of the portfolio, labelled with the count the workflow counted.
			const segments = demo.report.segments as Record<string, number>;
			expect(Object.fromEntries(seen.bars.map((b) => [b.persona, Number(b.count)]))).toEqual(segments);
			for (const bar of seen.bars) expect([bar.persona, bar.width > 0]).toEqual([bar.persona, true]);

			// The calendar: every day a message is scheduled on, every sent message an entry.
			expect(seen.calendarDays.length).toBeGreaterThan(0);
			expect(seen.calendarDays).toContain(DAY);
			expect(seen.calendarEntries).toBe(demo.report.sent);

			// Messages: each channel the sandbox recorded is on the page, visible, with the text the debtor reads.
			const byChannel = demo.report.messagesByChannel as Record<string, number>;
			// On this day the sample reaches debtors by e-mail, SMS and letter.
			expect(Object.keys(byChannel).sort()).toEqual(['email', 'letter', 'sms']);
			for (const [channel, count] of Object.entries(byChannel)) {
				const shown = seen.messages.filter((m) => m.channel === channel && m.visible && m.text.length > 40);
				expect([channel, shown.length]).toEqual([channel, count]);
			}
			// An escaped name reads as text, never as markup.
			expect(await page.getByText('de Wit <b>& Zn</b>').count()).toBeGreaterThan(0);

			// Nothing sticks out sideways on a phone.
			expect({ label, overflow: seen.scrollWidth - seen.innerWidth }).toEqual({ label, overflow: 0 });

			const target = path.join(SHOTS, `outbox.${label}.png`);
			// Every message is painted in the screenshot: dark text pixels inside each e-mail/letter frame.
			// The frames' places are read at the tall viewport the shot is taken at.
			const height = await page.evaluate<number>('document.documentElement.scrollHeight');
			await page.setViewportSize({ width, height });
			const boxes = await page.evaluate<Array<{ debtor: string; x: number; y: number; width: number; height: number }>>(`Array.from(document.querySelectorAll('article.message iframe')).map((f) => {
				const r = f.getBoundingClientRect();
				return { debtor: f.closest('article').dataset.debtor, x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
			})`);
			expect(boxes.length).toBeGreaterThan(0);
			const shot = await screenshotWhole(page, width, target, (png) => boxes.every((box) => darkShare(png, box) > 0.005));
			for (const box of boxes) expect([box.debtor, darkShare(shot, box) > 0.005]).toEqual([box.debtor, true]);
			console.log(`demo report @${label}: ${seen.bars.length} segments, ${seen.calendarEntries} calendar entries, messages ${JSON.stringify(byChannel)}; screenshot ${target}`);
		});
	}

	test('axe-core finds no WCAG 2.1 AA violations on the report (its messages: test/unit/messages/accessibility.test.ts)', async () => {
		await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
		await page.goto(`file://${demo.file}`, { waitUntil: 'load' });
		const problems = describeViolations('demo outbox report', await axeViolations(page));
		console.log(`axe-core (WCAG 2.1 AA) on the demo outbox report: 1 page checked, ${problems.length} violations`);
		expect(problems).toEqual([]);
	});

	test('no request left the machine', () => {
		expect(external).toEqual([]);
	});
});
