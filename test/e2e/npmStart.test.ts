/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- tests run in plain Node, not inside n8n */
/**
 * `npm start` beside another n8n (issue 24): while ports 5678 and 5679 are held, `npm start` picks
 * other ports, prints them, and the n8n it started answers on the printed editor port, runs a Code
 * node (its task runner reaches the broker on the printed broker port), has the package's nodes, and
 * stops cleanly on Ctrl+C (SIGINT to its process group): every process gone, both ports free again.
 *
 * The other n8n is stood in for by two plain listening sockets, on 5678 for all addresses (as n8n's
 * editor listens by default) and on 127.0.0.1:5679 (n8n's task broker); a port some other process
 * already holds on this machine stands in as it is. The build is the one `npm test` made (SKIP_BUILD).
 */
import axios from 'axios';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { portIsFree } from '../../scripts/ports';
import { DEFAULT_OWNER, REPO_ROOT } from '../../scripts/runtime';

jest.setTimeout(900_000);

const OTHER_N8N = [
	{ port: 5678, host: '::' },
	{ port: 5679, host: '127.0.0.1' },
];

/** Listens on `port` like the other n8n; `undefined` when another process holds it already. */
async function hold(port: number, host: string): Promise<net.Server | undefined> {
	const server = net.createServer((socket) => socket.destroy());
	const listen = (address: string) =>
		new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, address, resolve);
		});
	try {
		await listen(host);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') return undefined;
		// No IPv6 on this machine: all IPv4 addresses instead.
		if (code === 'EAFNOSUPPORT' || code === 'EADDRNOTAVAIL') await listen('0.0.0.0');
		else throw error;
	}
	return server;
}

function exited(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
	return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('npm start beside another n8n on 5678 and 5679', () => {
	const held: net.Server[] = [];
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-start-'));
	let child: ReturnType<typeof spawn> | undefined;
	let output = '';

	afterAll(async () => {
		// What npm start printed, for a person to read (the tests' output folder).
		fs.mkdirSync(path.join(REPO_ROOT, '.test-results'), { recursive: true });
		fs.writeFileSync(path.join(REPO_ROOT, '.test-results', 'npm-start.log'), output);
		// Only when the test failed before its clean stop: end the process group this test started.
		if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
		await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
		fs.rmSync(folder, { recursive: true, force: true });
	});

	test('starts on free ports it prints, answers there, runs a Code node and stops cleanly', async () => {
		for (const { port, host } of OTHER_N8N) {
			const server = await hold(port, host);
			if (server) held.push(server);
			expect(await portIsFree(port)).toBe(false);
		}

		const env: NodeJS.ProcessEnv = { ...process.env, SKIP_BUILD: '1', SC_LOCAL_FOLDER: folder };
		delete env.N8N_PORT;
		delete env.N8N_RUNNERS_BROKER_PORT;
		// Its own process group, as a terminal gives it: Ctrl+C reaches npm, the script and n8n.
		child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		const tail = () => output.slice(-4000);

		const ready = await Promise.race([
			new Promise<RegExpMatchArray>((resolve) => {
				const poll = setInterval(() => {
					const match = output.match(/is ready: http:\/\/localhost:(\d+)/);
					if (match) {
						clearInterval(poll);
						resolve(match);
					}
				}, 500);
				child!.once('exit', () => clearInterval(poll));
			}),
			exited(child).then(({ code, signal }) => {
				throw new Error(`npm start ended (${code ?? signal}) before n8n was ready:\n${tail()}`);
			}),
		]);

		const editor = Number(output.match(/Editor, REST API, webhooks and forms: (\d+) \(5678 is in use; set N8N_PORT to choose\)/)?.[1]);
		const broker = Number(output.match(/Task broker \(Code nodes\): (\d+) \(5679 is in use; set N8N_RUNNERS_BROKER_PORT to choose\)/)?.[1]);
		if (!editor || !broker) throw new Error(`npm start did not print both ports:\n${tail()}`);
		expect(Number(ready[1])).toBe(editor);
		expect([editor, broker]).not.toContain(5678);
		expect([editor, broker]).not.toContain(5679);
		expect(await portIsFree(broker)).toBe(false);

		const base = `http://127.0.0.1:${editor}`;
		expect((await axios.get(`${base}/healthz/readiness`, { validateStatus: () => true })).status).toBe(200);
		const headers = { 'browser-id': 'npm-start-test' };
		const login = await axios.post(`${base}/rest/login`, { emailOrLdapLoginId: DEFAULT_OWNER.email, password: DEFAULT_OWNER.password }, { headers, validateStatus: () => true });
		expect(login.status).toBe(200);
		const signedIn = { ...headers, cookie: (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ') };
		const http = axios.create({ baseURL: `${base}/rest`, headers: signedIn, validateStatus: () => true });

		const types = await axios.get(`${base}/types/nodes.json`, { headers: signedIn, responseType: 'text', validateStatus: () => true });
		expect(types.status).toBe(200);
		expect(types.data).toContain('n8n-nodes-social-collections.debtorSegmenter');

		// A Code node runs in n8n's task runner, which reaches n8n through the broker's port.
		const created = await http.post('/workflows', {
			name: 'npm start: Code node',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{ id: 'b1d0c5e8-1111-4c3a-9a10-000000000001', name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'b1d0c5e8-1111-4c3a-9a10-000000000002',
					name: 'Code',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [200, 0],
					parameters: { jsCode: 'return [{ json: { sum: 20 + 22 } }];' },
				},
			],
			connections: { Run: { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
		});
		expect(created.status).toBe(200);
		const workflowId = created.data.data.id as string;
		const started = await http.post(`/workflows/${workflowId}/run`, { triggerToStartFrom: { name: 'Run' } });
		const executionId = started.data?.data?.executionId as string;
		if (!executionId) throw new Error(`the Code node workflow did not start: ${started.status} ${JSON.stringify(started.data)}`);
		let execution: { status?: string; data?: unknown } = {};
		for (const until = Date.now() + 180_000; Date.now() < until; ) {
			execution = (await http.get(`/executions/${executionId}`)).data.data;
			if (['success', 'error', 'crashed', 'canceled'].includes(String(execution.status))) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(execution.status).toBe('success');
		// The run data comes flatted (a string) or as JSON; either way the item is written `{"sum":42}`.
		expect(typeof execution.data === 'string' ? execution.data : JSON.stringify(execution.data)).toContain('"sum":42');
		expect(output).toMatch(/Registered runner "JS Task Runner"/);

		// Ctrl+C.
		const stopped = exited(child);
		process.kill(-child.pid!, 'SIGINT');
		const timer = setTimeout(() => process.kill(-child!.pid!, 'SIGKILL'), 120_000);
		const { code, signal } = await stopped;
		clearTimeout(timer);
		// npm ends itself by the same SIGINT once its script has ended (a shell shows exit status 130).
		expect(code === 0 || signal === 'SIGINT').toBe(true);
		// Ctrl+C reaches n8n twice: directly (the process group) and as the SIGTERM start.ts sends it; whichever
		// comes first starts n8n's shutdown, the other is "Already shutting down".
		expect(output).toMatch(/Received SIG(INT|TERM)\. Shutting down/);
		expect(output).not.toMatch(/Shutdown timed out|exited with code [1-9]/);
		for (let i = 0; i < 20 && groupAlive(child.pid!); i++) await new Promise((resolve) => setTimeout(resolve, 500));
		expect(groupAlive(child.pid!)).toBe(false);
		expect(await portIsFree(editor)).toBe(true);
		expect(await portIsFree(broker)).toBe(true);
	});
});
