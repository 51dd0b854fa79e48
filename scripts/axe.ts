/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the harness runs in plain Node, not inside n8n */
/**
 * axe-core (pinned devDependency) in a page of headless Chromium (scripts/chromium.ts): its source is
 * injected into the page, so nothing is fetched, and it checks the WCAG 2.0 and 2.1 A and AA rules,
 * the level the European Accessibility Act asks for (EN 301 549).
 */
import * as fs from 'node:fs';

import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets of WCAG 2.1 level AA. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Best-practice rules of axe that the accessibility brief names (heading order, empty headings and
 * table headers), added to the WCAG sets. The landmark rules are left out: mail clients remove
 * landmarks from e-mails, and a letter is printed.
 */
export const EXTRA_RULES = ['heading-order', 'empty-heading', 'empty-table-header'];

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	/** CSS selectors of the failing elements, and axe's summary of what to fix (the first few). */
	nodes: Array<{ target: string; summary: string }>;
}

/**
 * Runs axe on what `page` shows now and returns the violations of WCAG 2.1 AA. Sandboxed frames
 * (the outbox report's messages) cannot run script: check their documents on their own.
 */
export async function axeViolations(page: Page | Frame): Promise<AxeViolation[]> {
	await page.evaluate(AXE_SOURCE);
	// A string, so the DOM code is not type-checked against Node's globals.
	return page.evaluate<AxeViolation[]>(`(async () => {
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA_TAGS)} }, rules: ${JSON.stringify(Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }])))}, iframes: false, resultTypes: ['violations'] });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact ?? null,
			help: v.help,
			nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').replace(/\\s+/g, ' ').slice(0, 300) })),
		}));
	})()`);
}

/** One line per violation and failing element, for a test's failure message. */
export function describeViolations(page: string, violations: AxeViolation[]): string[] {
	return violations.flatMap((v) => v.nodes.map((n) => `${page}: ${v.id} (${v.impact}) ${v.help} at ${n.target}: ${n.summary}`));
}
