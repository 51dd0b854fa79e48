/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * Debtor Segmenter throughput: debtors per second through the node's execute() for 10k and 100k
 * generated debtors with 24 months of history, the ratio to the copy floor, and memory.
 * Targets (issue 3): >= 100,000 debtors/s on one core, ratio to the floor <= 5, heap growth no more
 * than the output itself. Figures only; nothing is asserted.
 *
 * It measures the built bundle in dist/ (what n8n loads), so build first:
 *   npm run build && node --expose-gc --max-old-space-size=8000 --import tsx test/bench/debtorSegmenter.ts [count ...]
 * or `npm run bench -- debtorSegmenter`. Rates are given per wall-clock second and per CPU-second of
 * the process (the machine may be shared; CPU time is what the node itself costs).
 */
import * as os from 'node:os';

import type { DebtorRecord } from '../../nodes/shared/debtor/model';
import { builtNode, bundledModule, copyFloor, fmt, measure, peakRssMb, portfolioItems, rate, runNodeOnce, shallowFloor } from './lib';

const parameters = { routing: 'persona', invalidRecords: 'route', referenceDate: '2026-06-30', language: 'en' };

interface Domain {
	validateDebtor: typeof import('../../nodes/shared/debtor/validate').validateDebtor;
	segmentDebtor: typeof import('../../nodes/shared/segmentation').segmentDebtor;
	segmenterFieldSelection: typeof import('../../nodes/shared/segmentation').segmenterFieldSelection;
	DEFAULT_SEGMENTATION_SETTINGS: typeof import('../../nodes/shared/segmentation').DEFAULT_SEGMENTATION_SETTINGS;
	dayNumber: typeof import('../../nodes/shared/calendar/days').dayNumber;
	CheckedDates: typeof import('../../nodes/shared/calendar/checkedDates').CheckedDates;
}

/**
 * The node's per-debtor work without n8n around it (check the fields it reads, segment; results dropped),
 * `passes` times over `records`. Over 200 records (about 3 MB) the records stay in the processor's
 * caches, so that figure is what the code itself costs; over all records each one is fetched from
 * memory, about 15 KB of scattered heap objects per debtor.
 */
function domainPass(domain: Domain, records: DebtorRecord[], passes: number): () => number {
	const options = { referenceDay: domain.dayNumber('2026-06-30'), settings: domain.DEFAULT_SEGMENTATION_SETTINGS, language: 'en' as const };
	const fields = domain.segmenterFieldSelection([]);
	const dates = new domain.CheckedDates();
	return () => {
		let valid = 0;
		for (let pass = 0; pass < passes; pass++) {
			for (let k = 0; k < records.length; k++) {
				if (domain.validateDebtor(records[k], fields, dates).length === 0 && domain.segmentDebtor(records[k], options, dates).persona) valid++;
			}
		}
		return valid;
	};
}

async function main(): Promise<void> {
	const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
	const node = builtNode('DebtorSegmenter');
	const domain = bundledModule<Domain>('test/bench/entries/segmenter.ts');
	console.log(`Debtor Segmenter benchmark on Node ${process.version} (one process: JavaScript on one thread, V8's garbage collector also on helper threads, so the per CPU-second rate is what one core does; best of 3 after a warm-up)`);
	for (const count of counts.length ? counts : [10_000, 100_000]) {
		const items = portfolioItems(count);
		const segmenter = await measure(count, () => runNodeOnce(node, items, parameters));
		const floor = await measure(count, () => copyFloor(items));
		const shallow = await measure(count, () => shallowFloor(items));
		const records = items.map((item) => item.json as unknown as DebtorRecord);
		const fromMemory = await measure(count, domainPass(domain, records, 1));
		// Whole passes over the 200, so the rate counts exactly the debtors segmented.
		const passes = Math.max(1, Math.round(count / 200));
		const inCache = await measure(passes * 200, domainPass(domain, records.slice(0, 200), passes));
		const out = await runNodeOnce(node, items, parameters);
		const routed = out.reduce((sum, output) => sum + output.length, 0);
		console.log(
			[
				`${fmt(count)} debtors (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores):`,
				`  segmenter      ${rate(segmenter, 'debtors')}, heap growth ${segmenter.heapGrowthMb.toFixed(1)} MB`,
				`  copy floor     ${rate(floor, 'items')}, heap growth ${floor.heapGrowthMb.toFixed(1)} MB  [structuredClone of each item]`,
				`  shallow copy   ${rate(shallow, 'items')}  [for context only]`,
				`  ratio to floor ${(segmenter.seconds / floor.seconds).toFixed(2)} wall, ${(segmenter.cpuSeconds / floor.cpuSeconds).toFixed(2)} CPU (target <= 5); items out ${fmt(routed)} of ${fmt(count)}`,
				`  check + segment without n8n, each record from memory   ${rate(fromMemory, 'debtors')}`,
				`  check + segment without n8n, 200 records kept in cache ${rate(inCache, 'debtors')}  [what the code itself costs]`,
				`  heap growth per debtor: segmenter ${((segmenter.heapGrowthMb * 1048576) / count).toFixed(0)} B, full copy ${((floor.heapGrowthMb * 1048576) / count).toFixed(0)} B`,
			].join('\n'),
		);
	}
	console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
