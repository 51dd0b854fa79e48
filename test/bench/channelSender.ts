/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * Channel Sender throughput: 10,000 SMS through the built node (dist/, what n8n loads) to a loopback
 * Twilio, with concurrency, the send ledger and idempotency keys on, against the floor of the same
 * 10,000 raw HTTP calls (same client, same auth, same concurrency) to the same server.
 * Prints sends per second, the ratio node / raw (target <= 1.3; best of each side and the median of
 * back-to-back pairs), CPU time, the load average and peak memory. Never asserts.
 *
 *   npx tsx test/bench/channelSender.ts [count] [concurrency]
 */
import type { IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import * as os from 'node:os';

import { SocialCollectionsTwilioApi } from '../../credentials/SocialCollectionsTwilioApi.credentials';
import { MemoryLedgerStore } from '../../nodes/shared/providers';
import { authenticateRequest, n8nHttpRequest } from '../fixtures/providers/n8nHttp';
import { LoopbackServer } from '../fixtures/providers/server';
import { TWILIO, twilioHandler } from '../fixtures/providers/twilio';
import { builtNode } from './lib';

const COUNT = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 6);

function items(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, i) => ({
		json: {
			debtorId: `D-${i}`,
			contact: { mobile: `+316${String(10_000_000 + i)}` },
			claims: [{ claimId: `C-${i}`, principalCents: 4500, openCents: 4500, invoiceDate: '2026-05-01', dueDate: '2026-05-15' }],
			message: { channel: 'sms', stage: 'reminder-1', sms: { text: `Uw factuur van EUR 45,00 staat nog open (${i}).` } },
		},
	}));
}

function context(input: INodeExecutionData[], credentials: Record<string, unknown>, ledger: MemoryLedgerStore): IExecuteFunctions {
	const parameters = { smsProvider: 'twilio', options: { concurrency: CONCURRENCY, contactWindow: false, ratePerSecond: 1_000_000, ledgerBatchSize: Number(process.env.BATCH ?? 50), ledger: process.env.LEDGER ?? 'n8n' } };
	const type = new SocialCollectionsTwilioApi();
	return {
		getInputData: () => input,
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => (name in parameters ? parameters[name as keyof typeof parameters] : fallback),
		getNode: () => ({ id: 'bench', name: 'Channel Sender', type: 'channelSender', typeVersion: 1, position: [0, 0], parameters }),
		getTimezone: () => 'Europe/Amsterdam',
		continueOnFail: () => false,
		getCredentials: async () => ({ ...credentials }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => n8nHttpRequest(await authenticateRequest(type, { ...credentials }, options)),
			httpRequest: n8nHttpRequest,
			checkProcessedAndRecord: async (values: string[]) => ledger.checkAndRecord(values),
			removeProcessed: async (values: string[]) => ledger.remove(values),
		},
	} as unknown as IExecuteFunctions;
}

/** The floor: the same requests, already built and authenticated, sent with the same client and concurrency. */
async function raw(url: string, count: number): Promise<void> {
	const auth = { username: TWILIO.accountSid, password: TWILIO.authToken };
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const body = new URLSearchParams({ To: `+316${String(10_000_000 + i)}`, From: TWILIO.from, Body: `Uw factuur van EUR 45,00 staat nog open (${i}).` }).toString();
			await n8nHttpRequest({ method: 'POST', url, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, auth, returnFullResponse: true, ignoreHttpStatusErrors: true, timeout: 30_000 });
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function main() {
	const server = await LoopbackServer.start(twilioHandler());
	const credentials = { accountSid: TWILIO.accountSid, authToken: TWILIO.authToken, from: TWILIO.from, baseUrl: server.url };
	const url = `${server.url}/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`;
	const node = builtNode('ChannelSender');
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

	// The input of every round exists before timing starts, as in n8n, where the previous node made
	// the items: building them inside the node's timing would charge their allocation (and their
	// promotion to the old generation) to the node.
	const inputs = Array.from({ length: ROUNDS }, () => items(COUNT));

	// Warm-up: connections, JIT.
	await raw(url, 500);
	await node.execute!.call(context(items(500), credentials, new MemoryLedgerStore()));
	server.reset();

	const cpuSeconds = (start: NodeJS.CpuUsage) => {
		const used = process.cpuUsage(start);
		return (used.user + used.system) / 1e6;
	};
	const timeRaw = async () => {
		const start = performance.now();
		const cpuStart = process.cpuUsage();
		await raw(url, COUNT);
		const result = { seconds: (performance.now() - start) / 1000, cpu: cpuSeconds(cpuStart) };
		if (server.requests.length !== COUNT) throw new Error(`raw: expected ${COUNT} requests, got ${server.requests.length}`);
		server.reset();
		return result;
	};
	const timeNode = async (round: number) => {
		const input = inputs[round];
		const start = performance.now();
		const cpuStart = process.cpuUsage();
		const [sent, notSent] = (await node.execute!.call(context(input, credentials, new MemoryLedgerStore()))) as INodeExecutionData[][];
		const result = { seconds: (performance.now() - start) / 1000, cpu: cpuSeconds(cpuStart) };
		if (sent.length !== COUNT || notSent.length !== 0 || server.requests.length !== COUNT) {
			throw new Error(`expected ${COUNT} sends, got sent=${sent.length} notSent=${notSent.length} requests=${server.requests.length}`);
		}
		server.reset();
		return result;
	};
	const loadBefore = os.loadavg();
	const results: Array<{ raw: number; node: number; rawCpu: number; nodeCpu: number }> = [];
	for (let round = 0; round < ROUNDS; round++) {
		// Pairs run back to back, in alternating order, so both sides of a pair see the same machine load.
		const first = round % 2 === 0 ? await timeRaw() : await timeNode(round);
		const second = round % 2 === 0 ? await timeNode(round) : await timeRaw();
		const [rawRun, nodeRun] = round % 2 === 0 ? [first, second] : [second, first];
		results.push({ raw: rawRun.seconds, node: nodeRun.seconds, rawCpu: rawRun.cpu, nodeCpu: nodeRun.cpu });
	}
	const loadAfter = os.loadavg();
	clearInterval(sampler);
	await server.close();

	const best = (key: 'raw' | 'node' | 'rawCpu' | 'nodeCpu') => Math.min(...results.map((r) => r[key]));
	const median = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		const middle = Math.floor(sorted.length / 2);
		return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	};
	const pairWall = results.map((r) => r.node / r.raw);
	const pairCpu = results.map((r) => r.nodeCpu / r.rawCpu);
	const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
	console.log(`Channel Sender: ${COUNT} SMS to a loopback Twilio, concurrency ${CONCURRENCY}, ${ROUNDS} pairs of runs (${os.cpus().length} CPUs, load average ${load(loadBefore)} before, ${load(loadAfter)} after)`);
	console.log(`  raw HTTP floor : ${(COUNT / best('raw')).toFixed(0)} requests/s (best ${best('raw').toFixed(2)} s, CPU ${best('rawCpu').toFixed(2)} s)`);
	console.log(`  Channel Sender : ${(COUNT / best('node')).toFixed(0)} sends/s (best ${best('node').toFixed(2)} s, CPU ${best('nodeCpu').toFixed(2)} s), ledger + idempotency keys + retries armed`);
	console.log(`  ratio node/raw : ${(best('node') / best('raw')).toFixed(2)} wall (best vs best), ${median(pairWall).toFixed(2)} wall (median of pairs) (target <= 1.3)`);
	// CPU time of this process (client and loopback server together) is steadier than wall time on a busy machine.
	console.log(`  ratio node/raw : ${(best('nodeCpu') / best('rawCpu')).toFixed(2)} CPU (best vs best), ${median(pairCpu).toFixed(2)} CPU (median of pairs)`);
	console.log(`  pairs (wall)   : ${pairWall.map((ratio) => ratio.toFixed(2)).join(' ')}`);
	console.log(`  peak RSS       : ${(peak / 1024 / 1024).toFixed(0)} MiB`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
