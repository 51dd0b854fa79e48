/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- the harness runs in plain Node, not inside n8n */
/**
 * Headless Chromium for tests and scripts: Debian's /usr/bin/chromium driven by playwright-core (no
 * browser download), and a guard that blocks every request leaving the machine.
 */
import * as fs from 'node:fs';

import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed; when not, says which test is skipped and how to install it. */
export function chromiumAvailable(what: string): boolean {
	const available = fs.existsSync(CHROMIUM);
	if (!available) console.warn(`SKIPPED ${what}: ${CHROMIUM} is missing. Install it with "apt-get install -y chromium" (CI must do so).`);
	return available;
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}

/**
 * Aborts every request of the page that `allowed` does not accept and records its URL in the
 * returned list (file: and data: URLs are always allowed).
 */
export async function blockExternal(page: Page, allowed: (url: URL) => boolean = () => false): Promise<string[]> {
	const external: string[] = [];
	await page.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith('file:') || url.startsWith('data:') || allowed(new URL(url))) return route.continue();
		external.push(url);
		return route.abort();
	});
	return external;
}
