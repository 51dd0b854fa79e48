/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * Payday Scheduler throughput: schedules per second for 100k generated debtors (with their contact
 * history, income types and personas), through the domain function and through the node's execute()
 * from the built bundle, against the copy floor (structuredClone of every item) measured in the same
 * run; the shallow-copy figure is printed for context. Targets (issue): >= 100,000 schedules/s and
 * a ratio to the copy floor <= 5. Figures only; nothing is asserted.
 *
 *   npm run build && node --expose-gc --import tsx test/bench/paydayScheduler.ts [count ...]
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import * as os from 'node:os';

import type { Channel, DebtorRecord } from '../../nodes/shared/debtor/model';
import { generatePortfolio } from '../fixtures/portfolio';
import { builtNode, bundledModule, copyFloor, fmt, measure, peakRssMb, rate, runNodeOnce, shallowFloor } from './lib';

function bundledDomain(): typeof import('../../nodes/shared/scheduling') {
	return bundledModule('nodes/shared/scheduling/index.ts');
}

// Monday 6 July 2026 09:00 Amsterdam, a week after the portfolio's reference date.
const NOW = '2026-07-06T09:00:00+02:00';
const NOW_MS = Date.parse(NOW);
const CHANNELS: Channel[] = ['email', 'sms', 'whatsapp', 'letter', 'phone'];

interface Case {
	record: DebtorRecord;
	persona: string;
	channel: Channel;
}

/** Generated debtors as items, with the segmentation the Debtor Segmenter would add (persona, channels). */
function portfolio(count: number): { cases: Case[]; items: INodeExecutionData[] } {
	const cases: Case[] = [];
	const items: INodeExecutionData[] = [];
	let i = 0;
	for (const { record, truth } of generatePortfolio({ seed: 2026, count, referenceDate: '2026-06-30' })) {
		const channel = record.preferredChannel ?? CHANNELS[i++ % CHANNELS.length];
		cases.push({ record, persona: truth.persona, channel });
		items.push({ json: { ...record, segmentation: { persona: truth.persona, channels: [channel] } } as unknown as IDataObject });
	}
	return { cases, items };
}

async function main(): Promise<void> {
	const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
	const node = builtNode('PaydayScheduler');
	const { createScheduler, directDebitCollectionDate, letterTerm, localDayOf, nextContactMoment } = bundledDomain();
	const scheduler = createScheduler({ language: 'nl' });
	const today = localDayOf(NOW_MS);
	console.log(
		`Payday Scheduler benchmark on Node ${process.version} (one process: JavaScript on one thread, V8's garbage collector also on helper threads; best of 3 after a warm-up)`,
	);
	for (const count of counts.length ? counts : [100_000]) {
		const { cases, items } = portfolio(count);
		const histories = cases.reduce((sum, c) => sum + (c.record.contacts?.length ?? 0), 0);
		const aligned = cases.filter((c) => c.persona === 'temporary-shortfall' || c.persona === 'structural-shortfall').length;

		const domain = await measure(count, () => {
			const out = new Array(count);
			for (let k = 0; k < count; k++) {
				const c = cases[k];
				out[k] = nextContactMoment(c.record, { startMs: NOW_MS, nowMs: NOW_MS, channel: c.channel, persona: c.persona }, scheduler);
			}
			return out;
		});
		const debit = await measure(count, () => cases.map((c) => directDebitCollectionDate(c.record, today, scheduler)));
		const letter = await measure(count, () => cases.map(() => letterTerm(today, scheduler)));
		const parameters = { operation: 'nextContactMoment', language: 'nl', options: { now: NOW } };
		const viaNode = await measure(count, () => runNodeOnce(node, items, parameters));
		const debitNode = await measure(count, () => runNodeOnce(node, items, { ...parameters, operation: 'directDebitCollectionDate' }));
		const letterNode = await measure(count, () => runNodeOnce(node, items, { ...parameters, operation: 'fourteenDayLetterTerm' }));
		const floor = await measure(count, () => copyFloor(items));
		const shallow = await measure(count, () => shallowFloor(items));
		const out = await runNodeOnce(node, items, parameters);
		const scheduled = out[0].length;
		const notSchedulable = out[1]?.length ?? 0;

		console.log(
			[
				`${fmt(count)} debtors (${fmt(histories)} contacts in their histories, ${fmt(aligned)} payday-aligned personas), load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores:`,
				`  next contact moment, domain  ${rate(domain, 'schedules')}, ratio to floor ${(domain.seconds / floor.seconds).toFixed(2)}`,
				`  next contact moment, node    ${rate(viaNode, 'schedules')}, ratio to floor ${(viaNode.seconds / floor.seconds).toFixed(2)} wall, ${(viaNode.cpuSeconds / floor.cpuSeconds).toFixed(2)} CPU (target <= 5)`,
				`    [node = schema check of the fields the operation reads + schedule + output item; ${fmt(scheduled)} scheduled, ${fmt(notSchedulable)} not schedulable]`,
				`  direct-debit date, domain    ${rate(debit, 'schedules')}`,
				`  direct-debit date, node      ${rate(debitNode, 'schedules')}, ratio to floor ${(debitNode.seconds / floor.seconds).toFixed(2)} wall`,
				`  14-day letter term, domain   ${rate(letter, 'terms')}`,
				`  14-day letter term, node     ${rate(letterNode, 'terms')}, ratio to floor ${(letterNode.seconds / floor.seconds).toFixed(2)} wall`,
				`  copy floor                   ${rate(floor, 'items')}  [structuredClone of each item]`,
				`  shallow copy                 ${rate(shallow, 'items')}  [for context only]`,
			].join('\n'),
		);
	}
	console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
