/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * Channel Sender throughput: 10,000 SMS through the built node (dist/, what n8n loads) to a loopback
 * Twilio, with concurrency, the send ledger and idempotency keys on, against the floor of the same
 * 10,000 raw HTTP calls (same client, same auth, same concurrency) to the same server.
 * Prints sends per second, the ratio node / raw (target <= 1.3) and peak memory. Never asserts.
 *
 *   npx tsx test/bench/channel-sender.ts [count] [concurrency]
 */
import type { IExecuteFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { SocialCollectionsTwilioApi } from '../../credentials/SocialCollectionsTwilioApi.credentials';
import { MemoryLedgerStore } from '../../nodes/shared/providers';
import { authenticateRequest, n8nHttpRequest } from '../fixtures/providers/n8n-http';
import { LoopbackServer } from '../fixtures/providers/server';
import { TWILIO, twilioHandler } from '../fixtures/providers/twilio';
import { builtNode } from './lib';

const COUNT = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

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

	// Warm-up: connections, JIT.
	await raw(url, 500);
	await node.execute!.call(context(items(500), credentials, new MemoryLedgerStore()));
	server.reset();

	const cpuSeconds = (start: NodeJS.CpuUsage) => {
		const used = process.cpuUsage(start);
		return (used.user + used.system) / 1e6;
	};
	const results: Array<{ raw: number; node: number; rawCpu: number; nodeCpu: number }> = [];
	for (let round = 0; round < ROUNDS; round++) {
		const startRaw = performance.now();
		const rawCpuStart = process.cpuUsage();
		await raw(url, COUNT);
		const rawSeconds = (performance.now() - startRaw) / 1000;
		const rawCpu = cpuSeconds(rawCpuStart);
		server.reset();

		const input = items(COUNT);
		const startNode = performance.now();
		const nodeCpuStart = process.cpuUsage();
		const [sent, notSent] = (await node.execute!.call(context(input, credentials, new MemoryLedgerStore()))) as INodeExecutionData[][];
		const nodeSeconds = (performance.now() - startNode) / 1000;
		const nodeCpu = cpuSeconds(nodeCpuStart);
		if (sent.length !== COUNT || notSent.length !== 0 || server.requests.length !== COUNT) {
			throw new Error(`expected ${COUNT} sends, got sent=${sent.length} notSent=${notSent.length} requests=${server.requests.length}`);
		}
		server.reset();
		results.push({ raw: rawSeconds, node: nodeSeconds, rawCpu, nodeCpu });
	}
	clearInterval(sampler);
	await server.close();

	const best = (key: 'raw' | 'node' | 'rawCpu' | 'nodeCpu') => Math.min(...results.map((r) => r[key]));
	console.log(`Channel Sender: ${COUNT} SMS to a loopback Twilio, concurrency ${CONCURRENCY} (best of ${ROUNDS}, runs alternated)`);
	console.log(`  raw HTTP floor : ${(COUNT / best('raw')).toFixed(0)} requests/s (${best('raw').toFixed(2)} s)`);
	console.log(`  Channel Sender : ${(COUNT / best('node')).toFixed(0)} sends/s (${best('node').toFixed(2)} s), ledger + idempotency keys + retries armed`);
	console.log(`  ratio node/raw : ${(best('node') / best('raw')).toFixed(2)} wall time (target <= 1.3)`);
	// CPU time of this process (client and loopback server together) is steadier than wall time on a busy machine.
	console.log(`  ratio node/raw : ${(best('nodeCpu') / best('rawCpu')).toFixed(2)} CPU time (${best('nodeCpu').toFixed(2)} s vs ${best('rawCpu').toFixed(2)} s)`);
	console.log(`  peak RSS       : ${(peak / 1024 / 1024).toFixed(0)} MiB`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
