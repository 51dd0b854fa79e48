/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the harness runs in plain Node, not inside n8n */
/**
 * An n8n form filled in over HTTP exactly as a browser does: a multipart POST of `field-0`,
 * `field-1`, ... to /form/<path> (or to the waiting page of a later page), then, as the page's
 * script does, waiting until the run waits for the browser and loading the page it shows.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { N8nInstance, type RunResult, type WorkflowJson } from '../../../scripts/n8nInstance';
import { REPO_ROOT } from '../../../scripts/runtime';
import { LIMIT_SETTINGS } from '../../../workflows/src/formStore';
import { N8nRest, ownerEnv } from './rest';

export interface FormPage {
	html: string;
	/** The page's text: tags dropped, entities decoded, white space collapsed. */
	text: string;
	waitingUrl: string;
	executionId: string;
}

/** Plain text of an n8n form page (tags dropped, the entities handlebars writes decoded). */
export function pageText(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#x3D;/g, '=').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

/** The options of the dropdowns on a form page, as shown. */
export function optionsOf(html: string): string[] {
	return [...html.matchAll(/<option[^>]*value=["']([^"']*)["']/g)].map((m) => pageText(m[1]).trim()).filter((value) => value !== '');
}

/**
 * Fills in one page of a form (values in field order) and returns the page n8n shows next. `headers`:
 * extra request headers, e.g. the X-Forwarded-For a reverse proxy adds.
 */
export async function submitForm(n8n: N8nInstance, url: string, values: Array<string | number>, headers: Record<string, string> = {}): Promise<FormPage> {
	const body = new FormData();
	values.forEach((value, index) => body.append(`field-${index}`, String(value)));
	const response = await axios.post(url, body, { headers, validateStatus: () => true, maxRedirects: 0, timeout: 60_000 });
	if (response.status !== 200) throw new Error(`form ${url} answered ${response.status}: ${String(response.data).slice(0, 300)}`);
	// The trigger answers with the page to go to; a later page's POST answers on the same URL.
	const next = String(response.data?.formWaitingUrl ?? url).replace(/^https?:\/\/[^/]+/, n8n.baseUrl);
	const executionId = /\/form-waiting\/(\d+)/.exec(next)![1];
	const status = next.replace('?', '/n8n-execution-status?');
	for (let attempt = 0; ; attempt++) {
		const state = String((await axios.get(status, { validateStatus: () => true, timeout: 10_000 })).data);
		if (state === 'form-waiting' || state === 'waiting' || state === 'success') break;
		if (state === 'error' || attempt > 240) throw new Error(`form run ${executionId} is ${state}:\n${n8n.log.slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const page = await axios.get(next, { validateStatus: () => true, timeout: 30_000 });
	if (page.status !== 200) throw new Error(`form page ${next} answered ${page.status}`);
	return { html: String(page.data), text: pageText(String(page.data)), waitingUrl: next, executionId };
}

/** What the answer page's script does when it opens: it tells the waiting run to finish. Returns the run. */
export async function finishForm(rest: N8nRest, page: FormPage): Promise<RunResult> {
	await axios.post(page.waitingUrl, new FormData(), { validateStatus: () => true, timeout: 60_000 });
	return rest.execution(page.executionId);
}

/**
 * A shipped form workflow (either edition) with the values of its *Settings* and *Limit on attempts*
 * nodes set by name from `values` (others kept) and the Channel Sender's real-clock window guard off
 * (the tests run at any hour; the window is the Channel Sender's own tested rule).
 */
export function formWithSettings(wf: WorkflowJson, values: Record<string, unknown>): WorkflowJson {
	// Loose JSON of the workflow file, read field by field.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	for (const node of wf.nodes as Array<{ name: string; type: string; parameters: any }>) {
		if (node.name === 'Settings' || node.name === LIMIT_SETTINGS) {
			for (const assignment of node.parameters.assignments.assignments) if (assignment.name in values) assignment.value = values[assignment.name];
		}
		if (node.type === 'n8n-nodes-social-collections.channelSender') node.parameters.options = { ...node.parameters.options, contactWindow: false };
	}
	return wf;
}

const FORM_ADDRESS = { street: 'Dorpsstraat', houseNumber: '12', postalCode: '3511 AB', city: 'Utrecht' };

/** A debtor of form 4 (flex collection date): direct debit, salary on the 25th, one energy claim due 2026-12-10. */
export function mandateDebtor(debtorId: string, openCents = 4500): Record<string, unknown> {
	return {
		debtorId,
		firstName: 'Bram',
		lastName: 'Jansen',
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, address: FORM_ADDRESS },
		paymentMethod: 'direct-debit',
		iban: 'NL91ABNA0417164300',
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		claims: [{ claimId: `${debtorId}-12`, principalCents: openCents, openCents, invoiceDate: '2026-11-20', dueDate: '2026-12-10', sector: 'energy' }],
	};
}

/** A debtor of form 5 (payment arrangement): salary on the 25th, a claim of 400 euros overdue since 2026-09-01, plus `moreClaims`. */
export function arrearsDebtor(debtorId: string, moreClaims: Array<Record<string, unknown>> = []): Record<string, unknown> {
	return {
		debtorId,
		firstName: 'Chris',
		lastName: 'Bakker',
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, address: FORM_ADDRESS },
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		claims: [{ claimId: `${debtorId}-A`, principalCents: 40000, openCents: 40000, invoiceDate: '2026-08-15', dueDate: '2026-09-01' }, ...moreClaims],
	};
}

/** A shipped workflow of the Data Table edition (workflows/<file>) as imported. */
export const shippedWorkflow = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));

/** A debtor as a row of the Data Table `sc_debtors`. */
export const debtorRow = (record: Record<string, unknown>) => ({ debtorId: record.debtorId as string, status: 'open', record: JSON.stringify(record) });

/**
 * A new n8n (owner signed in, `env` added) with both shipped forms (04, 05) on Data Tables: the
 * tables made by workflow 0, each form passed through `prepare` (e.g. formWithSettings) and
 * published, and the debtors as rows of `sc_debtors`.
 */
export async function formsOnDataTables(options: {
	prepare: (workflow: WorkflowJson) => WorkflowJson;
	debtors: Array<Record<string, unknown>>;
	env?: Record<string, string>;
}): Promise<{ n8n: N8nInstance; rest: N8nRest }> {
	const n8n = await N8nInstance.create({ env: { ...ownerEnv(), ...options.env } });
	await n8n.importWorkflow(shippedWorkflow('00-setup-data-tables.json'));
	for (const file of ['04-flex-collection-date.json', '05-payment-arrangement.json']) {
		const workflow = options.prepare(shippedWorkflow(file));
		await n8n.importWorkflow(workflow);
		await n8n.publishWorkflow(workflow.id as string);
	}
	await n8n.start();
	const rest = await N8nRest.signIn(n8n);
	const setUp = await rest.runManually('scSetupTables01', 'Run once');
	if (setUp.raw.status !== 'success') throw new Error(`workflow 0 did not set up the Data Tables: ${setUp.raw.status}`);
	await rest.insertRows('sc_debtors', options.debtors.map(debtorRow));
	return { n8n, rest };
}
