/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm run screenshots [-- <file-stem> ...]`: the canvas of every shipped workflow as the README shows
 * it. Starts the pinned real n8n with the freshly built package and the preset owner, imports every
 * workflows/*.json, signs in through the editor's own sign-in page in a headless Chromium
 * (/usr/bin/chromium, playwright-core), opens each workflow in the editor, fits it to the view and
 * writes docs/images/workflow-<file-stem>.png (1600 x 900, re-encoded with maximum compression).
 *
 * Every file in workflows/ gets a screenshot, so a new workflow only needs a rerun. Name file stems
 * (e.g. `02-erp-intake`) to shoot only those. Nothing leaves the machine: requests to anything but
 * the local n8n are blocked.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

import { blockExternal, CHROMIUM, launchChromium } from './chromium';
import { N8nInstance, type WorkflowJson } from './n8nInstance';
import { DEFAULT_OWNER, ownerEnv, packPackage, REPO_ROOT } from './runtime';

const WORKFLOWS = path.join(REPO_ROOT, 'workflows');
export const IMAGES = path.join(REPO_ROOT, 'docs', 'images');
const VIEWPORT = { width: 1600, height: 900 };

export function imageFor(file: string): string {
	return path.join(IMAGES, `workflow-${path.basename(file, '.json')}.png`);
}

async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
	await page.locator('input[type="email"]').fill(DEFAULT_OWNER.email);
	await page.locator('input[type="password"]').fill(DEFAULT_OWNER.password);
	await page.locator('input[type="password"]').press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}

/** Opens a workflow in the editor, waits until every node is drawn, fits the canvas and shoots it. */
async function shoot(page: Page, baseUrl: string, workflow: WorkflowJson, target: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${workflow.id}`, { waitUntil: 'domcontentloaded' });
	const nodes = page.locator('.vue-flow__node');
	// A string, so the DOM code is not type-checked against Node's globals.
	await page.waitForFunction(`document.querySelectorAll('.vue-flow__node').length >= ${workflow.nodes.length}`, undefined, { timeout: 120_000 });
	if ((await nodes.count()) < workflow.nodes.length) throw new Error(`${workflow.name}: the canvas shows fewer nodes than the workflow has`);
	// Close whatever greets a first visit (notifications, tours), then zoom to fit.
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="canvas-wrapper"], [data-test-id="canvas"]').first().click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
	const fit = page.locator('[data-test-id="zoom-to-fit"]');
	if (await fit.count()) await fit.first().click();
	else await page.keyboard.press('1');
	// The zoom animates; fonts and the markdown of sticky notes settle with it.
	await page.waitForTimeout(1500);
	const raw = await page.screenshot({ type: 'png' });
	fs.writeFileSync(target, compress(raw));
}

/** Re-encodes a PNG with the strongest deflate level (Chromium favours speed over size). */
function compress(png: Buffer): Buffer {
	const image = PNG.sync.read(png);
	const smaller = PNG.sync.write(image, { deflateLevel: 9, deflateStrategy: 1, filterType: 4, colorType: 2, inputHasAlpha: true });
	return smaller.length < png.length ? smaller : png;
}

async function main(): Promise<void> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium"`);
	const wanted = process.argv.slice(2);
	const files = fs
		.readdirSync(WORKFLOWS)
		.filter((file) => file.endsWith('.json'))
		.filter((file) => wanted.length === 0 || wanted.includes(path.basename(file, '.json')))
		.sort();
	if (files.length === 0) throw new Error(`no workflows to shoot in ${WORKFLOWS}${wanted.length ? ` matching ${wanted.join(', ')}` : ''}`);

	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pack-')));
	const n8n = await N8nInstance.create({ env: ownerEnv(), tarball });
	const browser = await launchChromium();
	try {
		const workflows = files.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8')) as WorkflowJson }));
		await n8n.importWorkflows(workflows.map(({ workflow }) => workflow));
		await n8n.start();
		const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
		const local = new URL(n8n.baseUrl).host;
		await blockExternal(page, (url) => url.host === local || url.protocol === 'blob:');
		await signIn(page, n8n.baseUrl);
		fs.mkdirSync(IMAGES, { recursive: true });
		for (const { file, workflow } of workflows) {
			const target = imageFor(file);
			await shoot(page, n8n.baseUrl, workflow, target);
			console.log(`${path.relative(REPO_ROOT, target)} (${Math.round(fs.statSync(target).size / 1024)} kB)`);
		}
	} finally {
		await browser.close();
		await n8n.dispose();
	}
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`screenshots failed: ${error.message}`);
		process.exit(1);
	});
}
