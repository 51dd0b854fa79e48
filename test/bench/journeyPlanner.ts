/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * Journey Planner throughput: plans per second through the node's execute() for generated debtors
 * with 24 months of history that already carry the Debtor Segmenter's result (as in a workflow), the
 * ratio to the copy floor, and memory. Target (issue 7): ratio to the floor <= 5. Also the planner
 * alone (domain function, records already validated) for context. Figures only; nothing is asserted.
 *
 * It measures the built bundle in dist/ (what n8n loads), so build first:
 *   npm run build && node --expose-gc --import tsx test/bench/journeyPlanner.ts [count ...]
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { dayNumber, getDutchCalendar } from '../../nodes/shared/calendar';
import type { DebtorRecord } from '../../nodes/shared/debtor/model';
import { parseLadders, planJourney } from '../../nodes/shared/journey';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor } from '../../nodes/shared/segmentation';
import { builtNode, copyFloor, fmt, measure, peakRssMb, portfolioItems, runNodeOnce, shallowFloor } from './lib';

const REFERENCE = '2026-06-30';
const parameters = { routing: 'single', referenceDate: REFERENCE, language: 'en', ladders: '{}', debtHelpPauseDays: 30, options: {} };

/** Generated debtors with their segmentation attached, as the planner receives them after the Segmenter. */
function segmentedItems(count: number): INodeExecutionData[] {
	const items = portfolioItems(count);
	const day = dayNumber(REFERENCE);
	for (const item of items) {
		const segmentation = segmentDebtor(item.json as unknown as DebtorRecord, { referenceDay: day, settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' });
		item.json.segmentation = segmentation as unknown as IDataObject;
	}
	return items;
}

async function main(): Promise<void> {
	const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
	const node = builtNode('JourneyPlanner');
	const calendar = getDutchCalendar();
	const ladders = parseLadders(undefined);
	const today = dayNumber(REFERENCE);
	console.log(`Journey Planner benchmark on Node ${process.version} (one process: JavaScript on one thread, V8's garbage collector also on helper threads, so the per CPU-second rate is what one core does; best of 3 after a warm-up)`);
	for (const count of counts.length ? counts : [10_000, 100_000]) {
		const items = segmentedItems(count);
		const planner = await measure(count, () => runNodeOnce(node, items, parameters));
		const domain = await measure(count, () => {
			const out = new Array(items.length);
			for (let i = 0; i < items.length; i++) {
				const json = items[i].json as unknown as DebtorRecord & { segmentation: Parameters<typeof planJourney>[1] };
				out[i] = planJourney(json, json.segmentation, { today, calendar, ladders, language: 'en' });
			}
			return out;
		});
		const floor = await measure(count, () => copyFloor(items));
		const shallow = await measure(count, () => shallowFloor(items));
		const [out] = await runNodeOnce(node, items, parameters);
		const steps = out.filter((item) => (item.json.journey as { action?: string }).action === 'step').length;
		console.log(
			[
				`${fmt(count)} debtors (${fmt(steps)} with a step due today):`,
				`  planner node   ${fmt(planner.perSecond)} plans/s (${planner.seconds.toFixed(3)} s), heap growth ${planner.heapGrowthMb.toFixed(1)} MB  [validation + planning + output items]`,
				`  planner alone  ${fmt(domain.perSecond)} plans/s (${domain.seconds.toFixed(3)} s)  [planJourney on validated records]`,
				`  copy floor     ${fmt(floor.perSecond)} items/s (${floor.seconds.toFixed(3)} s), heap growth ${floor.heapGrowthMb.toFixed(1)} MB  [structuredClone of each item]`,
				`  shallow copy   ${fmt(shallow.perSecond)} items/s (${shallow.seconds.toFixed(3)} s)  [for context only]`,
				`  ratio to floor ${(planner.seconds / floor.seconds).toFixed(2)} (target <= 5); planner alone ${(domain.seconds / floor.seconds).toFixed(2)}`,
				`  heap growth per debtor: planner ${((planner.heapGrowthMb * 1048576) / count).toFixed(0)} B, full copy ${((floor.heapGrowthMb * 1048576) / count).toFixed(0)} B`,
			].join('\n'),
		);
	}
	console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
