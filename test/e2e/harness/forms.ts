/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the harness runs in plain Node, not inside n8n */
/**
 * An n8n form filled in over HTTP exactly as a browser does: a multipart POST of `field-0`,
 * `field-1`, ... to /form/<path> (or to the waiting page of a later page), then, as the page's
 * script does, waiting until the run waits for the browser and loading the page it shows.
 */
import axios from 'axios';

import type { N8nInstance, RunResult } from '../../../scripts/n8nInstance';
import type { N8nRest } from './rest';

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
