/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * Debtor Segmenter throughput: debtors per second through the node's execute() for 10k and 100k
 * generated debtors with 24 months of history, the ratio to the copy floor, and memory.
 * Targets (issue 3): >= 100,000 debtors/s on one core, ratio to the floor <= 5, heap growth no more
 * than the output itself. Figures only; nothing is asserted.
 *
 * It measures the built bundle in dist/ (what n8n loads), so build first:
 *   npm run build && node --expose-gc --import tsx test/bench/debtor-segmenter.ts [count ...]
 */
import { builtNode, copyFloor, fmt, measure, peakRssMb, portfolioItems, runNodeOnce, shallowFloor } from './lib';

const parameters = { routing: 'persona', invalidRecords: 'route', referenceDate: '2026-06-30', language: 'en' };

async function main(): Promise<void> {
	const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
	const node = builtNode('DebtorSegmenter');
	console.log('Debtor Segmenter benchmark (one process, one core; best of 3 after a warm-up)');
	for (const count of counts.length ? counts : [10_000, 100_000]) {
		const items = portfolioItems(count);
		const segmenter = await measure(count, () => runNodeOnce(node, items, parameters));
		const floor = await measure(count, () => copyFloor(items));
		const shallow = await measure(count, () => shallowFloor(items));
		const out = await runNodeOnce(node, items, parameters);
		const routed = out.reduce((sum, output) => sum + output.length, 0);
		console.log(
			[
				`${fmt(count)} debtors:`,
				`  segmenter      ${fmt(segmenter.perSecond)} debtors/s (${segmenter.seconds.toFixed(3)} s), heap growth ${segmenter.heapGrowthMb.toFixed(1)} MB`,
				`  copy floor     ${fmt(floor.perSecond)} items/s (${floor.seconds.toFixed(3)} s), heap growth ${floor.heapGrowthMb.toFixed(1)} MB  [structuredClone of each item]`,
				`  shallow copy   ${fmt(shallow.perSecond)} items/s (${shallow.seconds.toFixed(3)} s)  [for context only]`,
				`  ratio to floor ${(segmenter.seconds / floor.seconds).toFixed(2)} (target <= 5); items out ${fmt(routed)} of ${fmt(count)}`,
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
