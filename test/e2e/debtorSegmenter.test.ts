/* eslint-disable no-console -- tests run in plain Node, not inside n8n */
/**
 * The Debtor Segmenter in a real n8n routes a generated portfolio: every debtor leaves on the output
 * of the persona the in-process domain code gives it, nothing is lost, and the planted personas are
 * recovered.
 */
import { dayNumber } from '../../nodes/shared/calendar/days';
import { DEFAULT_SEGMENTATION_SETTINGS, PERSONAS, segmentDebtor } from '../../nodes/shared/segmentation';
import { PERSONAS as PLANTED, generateDebtor } from '../fixtures/portfolio';
import { N8nInstance } from '../../scripts/n8nInstance';
import { emitItems, manualTrigger, ourNode, workflow } from './harness/workflow';

jest.setTimeout(300_000);

const REFERENCE = '2026-06-30';

test('a generated portfolio is routed to the persona outputs in real n8n', async () => {
	const portfolio = Array.from({ length: 200 }, (_, i) => generateDebtor(31, i, { persona: PLANTED[i % PLANTED.length], referenceDate: REFERENCE }));
	const n8n = await N8nInstance.create();
	try {
		const id = await n8n.importWorkflow(
			workflow(
				'Segment a portfolio',
				[manualTrigger(), emitItems('Portfolio', portfolio.map((p) => p.record)), ourNode('Segment', 'debtorSegmenter', { referenceDate: REFERENCE })],
				[
					['Start', 'Portfolio'],
					['Portfolio', 'Segment'],
				],
			),
		);
		const outputs = (await n8n.execute(id)).outputs('Segment');
		expect(outputs).toHaveLength(PERSONAS.length + 1);
		const routed = new Map<string, number>();
		outputs.forEach((items, output) => items.forEach((item) => routed.set(item.debtorId as string, output)));
		expect(routed.size).toBe(portfolio.length);
		expect(outputs[PERSONAS.length]).toHaveLength(0);

		let planted = 0;
		for (const { record, truth } of portfolio) {
			const expected = segmentDebtor(record, { referenceDay: dayNumber(REFERENCE), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'nl' });
			expect([record.debtorId, routed.get(record.debtorId)]).toEqual([record.debtorId, PERSONAS.indexOf(expected.persona)]);
			if (expected.persona === truth.persona) planted++;
		}
		const counts = outputs.map((items, i) => `${i < PERSONAS.length ? PERSONAS[i] : 'invalid'}=${items.length}`).join(' ');
		console.log(`real n8n routed ${portfolio.length} debtors: ${counts}; planted persona recovered for ${planted}`);
		expect(planted / portfolio.length).toBeGreaterThanOrEqual(0.95);
	} finally {
		await n8n.dispose();
	}
});
