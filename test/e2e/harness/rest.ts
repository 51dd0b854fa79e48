/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tooling runs in plain Node, not inside n8n; REST answers are loose JSON */
/**
 * A running n8n (`n8n start`) driven the way a person in the editor drives it: signed in as the
 * owner, "Execute workflow" on a Manual Trigger (POST /rest/workflows/:id/run), the execution read
 * back (GET /rest/executions/:id), and the rows of n8n Data Tables read and written.
 *
 * Why not `n8n execute`: in n8n 2.41.1 the CLI does not load n8n's modules, so Data Table nodes fail
 * there ("module is disabled"). Under `n8n start` they are real, so workflows that keep their state
 * in Data Tables are tested here with their Data Table nodes untouched.
 *
 * Usage:
 *   const n8n = await N8nInstance.create({ env: ownerEnv() });
 *   await n8n.importWorkflow(wf); await n8n.start();
 *   const rest = await N8nRest.signIn(n8n);
 *   const run = await rest.runManually(wf.id, 'Run now (manual)');
 *   const rows = await rest.rows('sc_contact_log');
 */
import axios, { type AxiosInstance } from 'axios';
import * as path from 'node:path';

import { DEFAULT_OWNER, ensureRuntime } from '../../../scripts/runtime';
import { toRunResult, type N8nInstance, type RunResult } from '../../../scripts/n8nInstance';

export { ownerEnv } from '../../../scripts/runtime';

export type Row = Record<string, unknown> & { id: number };

export class N8nRest {
	private projectIdCache?: string;
	private readonly tableIds = new Map<string, string>();

	private constructor(
		readonly n8n: N8nInstance,
		private readonly http: AxiosInstance,
	) {}

	/** Signs in as the preset owner (the instance must have been created with `env: ownerEnv()`). */
	static async signIn(n8n: N8nInstance, owner = DEFAULT_OWNER): Promise<N8nRest> {
		// The auth cookie is bound to the browser id it was issued for: send the same one every time.
		const headers = { 'browser-id': `e2e-${path.basename(n8n.userFolder)}` };
		const response = await axios.post(`${n8n.baseUrl}/rest/login`, { emailOrLdapLoginId: owner.email, password: owner.password }, { headers, validateStatus: () => true });
		if (response.status !== 200) throw new Error(`sign-in as ${owner.email} failed (${response.status}): ${JSON.stringify(response.data)}`);
		const cookie = (response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
		const http = axios.create({ baseURL: `${n8n.baseUrl}/rest`, headers: { ...headers, cookie }, validateStatus: () => true, timeout: 120_000 });
		return new N8nRest(n8n, http);
	}

	/** GET/POST/PATCH/DELETE on /rest; returns `data` of n8n's `{ data }` envelope, throws on non-2xx. */
	async call<T = any>(method: 'get' | 'post' | 'patch' | 'delete', url: string, body?: unknown): Promise<T> {
		const request = () =>
			this.http.request({ method, url, data: body }).catch((error: { code?: string }) => {
				// Node keeps connections alive; when n8n closes an idle one just as it is reused (likely while
				// a long run blocks its event loop) the request fails with ECONNRESET. A read is safe to repeat.
				if (method === 'get' && error.code === 'ECONNRESET') return this.http.request({ method, url });
				throw error;
			});
		let response = await request();
		// n8n answers 503 "Database is not ready!" while its database health check is failing (seen on a
		// machine under heavy load, for seconds). It refuses the request before any handler runs, so any
		// request is safe to repeat: for up to two minutes.
		const notReady = () => response.status === 503 && /Database is not ready/.test(JSON.stringify(response.data));
		for (const until = Date.now() + 120_000; notReady() && Date.now() < until; ) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			response = await request();
		}
		if (response.status < 200 || response.status >= 300) {
			throw new Error(`${method.toUpperCase()} /rest${url} answered ${response.status}: ${JSON.stringify(response.data).slice(0, 1000)}`);
		}
		return (response.data && typeof response.data === 'object' && 'data' in response.data ? response.data.data : response.data) as T;
	}

	async projectId(): Promise<string> {
		this.projectIdCache ??= (await this.call<{ id: string }>('get', '/projects/personal')).id;
		return this.projectIdCache;
	}

	/**
	 * Clicks "Execute workflow" on `trigger` (a Manual Trigger) and waits for the execution to finish.
	 * Throws when it does not finish in time; a failed run is returned (check `raw.status`).
	 */
	async runManually(workflowId: string, trigger: string, timeoutMs = 600_000): Promise<RunResult & { executionId: string }> {
		const started = await this.call<{ executionId?: string; waitingForWebhook?: boolean }>('post', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } });
		if (!started.executionId) throw new Error(`n8n did not start workflow ${workflowId} from "${trigger}": ${JSON.stringify(started)}`);
		return { ...(await this.execution(started.executionId, timeoutMs)), executionId: started.executionId };
	}

	/** The run data of a finished execution (waits while it runs). */
	async execution(executionId: string, timeoutMs = 600_000): Promise<RunResult> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.call<any>('get', `/executions/${executionId}`);
			if (execution?.finished || ['success', 'error', 'crashed', 'canceled'].includes(execution?.status)) {
				const data = typeof execution.data === 'string' ? parseFlatted(execution.data) : execution.data;
				return toRunResult({ data, status: execution.status });
			}
			if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish in ${timeoutMs} ms (status ${execution?.status})`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** The newest executions of a workflow (any mode: webhook, trigger, manual), newest first. */
	async executions(workflowId: string): Promise<Array<{ id: string; status: string; mode: string }>> {
		const list = await this.call<{ results: Array<{ id: string; status: string; mode: string }> }>('get', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
		return list.results;
	}

	/** The id of the Data Table called `name` (created by a workflow or by `createTable`). */
	async tableId(name: string): Promise<string> {
		const known = this.tableIds.get(name);
		if (known) return known;
		const project = await this.projectId();
		const list = await this.call<{ data: Array<{ id: string; name: string }> }>('get', `/projects/${project}/data-tables?take=250`);
		const table = (list.data ?? (list as any)).find((t: { name: string }) => t.name === name);
		if (!table) throw new Error(`no data table "${name}"; there are: ${(list.data ?? []).map((t) => t.name).join(', ') || 'none'}`);
		this.tableIds.set(name, table.id);
		return table.id;
	}

	/** Every row of a Data Table, in insertion order. */
	async rows(name: string): Promise<Row[]> {
		const project = await this.projectId();
		const id = await this.tableId(name);
		const rows: Row[] = [];
		for (let skip = 0; ; skip += 250) {
			const page = await this.call<{ count: number; data: Row[] }>('get', `/projects/${project}/data-tables/${id}/rows?take=250&skip=${skip}&sortBy=id:asc`);
			rows.push(...page.data);
			if (page.data.length < 250 || rows.length >= page.count) return rows;
		}
	}

	/** The number of rows in a Data Table (without reading them). */
	async rowCount(name: string): Promise<number> {
		const project = await this.projectId();
		const id = await this.tableId(name);
		return (await this.call<{ count: number }>('get', `/projects/${project}/data-tables/${id}/rows?take=1&skip=0`)).count;
	}

	/** Deletes a Data Table with its rows (a workflow that creates it when missing makes it anew). */
	async dropTable(name: string): Promise<void> {
		const project = await this.projectId();
		await this.call('delete', `/projects/${project}/data-tables/${await this.tableId(name)}`);
		this.tableIds.delete(name);
	}

	/** Inserts rows into a Data Table (in chunks, as the editor's import does). */
	async insertRows(name: string, rows: Array<Record<string, unknown>>): Promise<void> {
		const project = await this.projectId();
		const id = await this.tableId(name);
		for (let start = 0; start < rows.length; start += 500) {
			await this.call('post', `/projects/${project}/data-tables/${id}/insert`, { data: rows.slice(start, start + 500), returnType: 'count' });
		}
	}

	/** Sets `data` on the rows whose `column` equals `value` (what an Update Row does). */
	async updateRows(name: string, column: string, value: unknown, data: Record<string, unknown>): Promise<void> {
		const project = await this.projectId();
		const id = await this.tableId(name);
		await this.call('patch', `/projects/${project}/data-tables/${id}/rows`, { filter: { type: 'and', filters: [{ columnName: column, condition: 'eq', value }] }, data });
	}

	/**
	 * Asks n8n to publish the saved version of a workflow, as the editor's Publish button does (n8n
	 * checks credentials, parameters and named sub-workflows, and refuses with 400). Does not wait for
	 * n8n to carry it out: see `publish`.
	 */
	async activate(workflowId: string): Promise<void> {
		const stored = await this.call<{ versionId: string }>('get', `/workflows/${workflowId}`);
		await this.call('post', `/workflows/${workflowId}/activate`, { versionId: stored.versionId });
	}

	/**
	 * Publishes (or unpublishes) a workflow as the editor does, and waits until n8n has carried it out:
	 * n8n 2.41 publishes through an outbox it polls (N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS,
	 * 15 s by default); until then a sub-workflow call still finds the old state.
	 */
	async publish(workflowId: string, publish = true, timeoutMs = 120_000): Promise<void> {
		if (publish) await this.activate(workflowId);
		else await this.call('post', `/workflows/${workflowId}/deactivate`);
		for (const deadline = Date.now() + timeoutMs; ; ) {
			const status = await this.call<{ pendingVersionId: string | null; status: string }>('get', `/workflows/${workflowId}/publication-status`);
			if (status.pendingVersionId === null) return;
			if (Date.now() > deadline) throw new Error(`n8n did not finish ${publish ? 'publishing' : 'unpublishing'} workflow ${workflowId} in ${timeoutMs} ms (${JSON.stringify(status)})`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** Edits a saved workflow as the editor does (load, change, save with its version id). */
	async updateWorkflow(workflowId: string, change: (workflow: any) => void): Promise<void> {
		const workflow = await this.call<any>('get', `/workflows/${workflowId}`);
		change(workflow);
		const { nodes, connections, settings, name, versionId } = workflow;
		await this.call('patch', `/workflows/${workflowId}`, { nodes, connections, settings, name, versionId });
	}

	/** Deletes every row of a Data Table. */
	async clearRows(name: string): Promise<void> {
		const project = await this.projectId();
		const id = await this.tableId(name);
		const ids = (await this.rows(name)).map((row) => row.id);
		for (let start = 0; start < ids.length; start += 250) {
			await this.call('delete', `/projects/${project}/data-tables/${id}/rows?filter=${encodeURIComponent(JSON.stringify({ type: 'or', filters: ids.slice(start, start + 250).map((value) => ({ columnName: 'id', condition: 'eq', value })) }))}`);
		}
	}
}

/** n8n stores execution data with `flatted` (shared references); parse it with n8n's own copy. */
function parseFlatted(text: string): any {
	const n8nPackage = path.dirname(path.dirname(ensureRuntime().n8nEntry));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve('flatted', { paths: [n8nPackage] })).parse(text);
}
