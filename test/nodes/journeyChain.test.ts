/* eslint-disable @typescript-eslint/no-explicit-any, no-console -- records and outputs are loose JSON, some deliberately malformed; the count per node is printed for the reader */
/**
 * No run fails because of one debtor: 1,000 good records of the seeded portfolio mixed with 50 bad
 * ones of every kind that ended whole runs before go through Debtor Segmenter -> Journey Planner ->
 * Tone Template -> Payday Scheduler (each node's execute, in sequence, wired as the daily journey
 * wires them). Every good debtor is planned (no step today, a task for a person, or a scheduled or
 * unschedulable contact), and every bad one leaves on exactly one node's "Invalid" output naming its
 * field; none is lost, none appears twice.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DebtorSegmenter } from '../../nodes/DebtorSegmenter/DebtorSegmenter.node';
import { JourneyPlanner } from '../../nodes/JourneyPlanner/JourneyPlanner.node';
import { PaydayScheduler } from '../../nodes/PaydayScheduler/PaydayScheduler.node';
import { ToneTemplate } from '../../nodes/ToneTemplate/ToneTemplate.node';
import { MAX_STATABLE_CENTS } from '../../nodes/shared/money';
import { SAMPLE_BANK, SAMPLE_BRAND } from '../../build/gallery/samples';
import { generatePortfolio } from '../fixtures/portfolio';
import { runNode } from './harness';

jest.setTimeout(300_000);

type Json = Record<string, any>;

const DAY = '2026-07-01'; // the working day after the portfolio's export day
const NOW = '2026-07-01T08:00:00+02:00';
const GOOD = 1000;
const BAD = 50;

/** The kinds of bad record, each made from a record of the portfolio, with the field that must be named. */
const KINDS: Array<[kind: string, mutate: (record: Json) => void, field: string]> = [
	['100 KB claim description', (r) => (r.claims[0].description = 'x'.repeat(100_000)), 'claims[0].description'],
	['201-character first name', (r) => (r.firstName = 'x'.repeat(201)), 'firstName'],
	['impossible due date', (r) => (r.claims[0].dueDate = '2026-02-30'), 'claims[0].dueDate'],
	['due date 9999-12-31', (r) => (r.claims[0].dueDate = '9999-12-31'), 'claims[0].dueDate'],
	['debt help since 9999-12-31', (r) => (r.flags = { ...(r.flags ?? {}), debtHelp: true, debtHelpSince: '9999-12-31' }), 'flags.debtHelpSince'],
	['invalid e-mail address', (r) => (r.contact = { ...(r.contact ?? {}), email: 'not an e-mail' }), 'contact.email'],
	['missing debtorId', (r) => delete r.debtorId, 'debtorId'],
	['language 123', (r) => (r.language = 123), 'language'],
	['1e300 cents open', (r) => (r.claims[0].openCents = 1e300), 'claims[0].openCents'],
	[
		'claims open for more than a message can state, added up',
		(r) => (r.claims = [0, 1].map((k) => ({ ...r.claims[0], claimId: `${r.claims[0].claimId}-${k}`, principalCents: MAX_STATABLE_CENTS, openCents: MAX_STATABLE_CENTS }))),
		'claims',
	],
	['101-character municipality', (r) => (r.income = { ...(r.income ?? { type: 'unknown' }), municipality: 'x'.repeat(101) }), 'income.municipality'],
	['contact moment in 2200', (r) => (r.contacts = [{ at: '2200-01-01T10:00:00+01:00', channel: 'email', direction: 'outbound' }, ...(r.contacts ?? [])]), 'contacts[0].at'],
	// Not in the record but on the item: only the Tone Template reads it (made from debtors with a step today).
	['amount to state beyond the bound', (r) => (r.messageData = { amountCents: MAX_STATABLE_CENTS + 1 }), 'messageData.amountCents'],
];
const ITEM_LEVEL = new Set(['amount to state beyond the bound']);

const json = (items: INodeExecutionData[]): IDataObject[] => items.map((item) => item.json);

/** The chain of the daily journey; returns what left each node on which output. */
async function journey(records: IDataObject[]) {
	const [segmented, segmenterInvalid] = await runNode(new DebtorSegmenter(), records, { parameters: { routing: 'single', referenceDate: DAY } });
	const [stepDue, noStep, plannerInvalid] = await runNode(new JourneyPlanner(), json(segmented), {
		parameters: { routing: 'split', referenceDate: DAY },
		typeVersion: 2,
	});
	// "Needs a person?": those steps become a task instead of a message.
	const tasks = stepDue.filter((item) => item.json.journey && (item.json.journey as Json).personalContact === true);
	const toWrite = stepDue.filter((item) => !tasks.includes(item));
	const [written, toneInvalid] = await runNode(new ToneTemplate(), json(toWrite), {
		parameters: { referenceDate: DAY, brand: SAMPLE_BRAND, bank: SAMPLE_BANK },
		typeVersion: 2,
	});
	const [scheduled, notSchedulable, paydayInvalid] = await runNode(new PaydayScheduler(), json(written), {
		parameters: { operation: 'nextContactMoment', startMoment: NOW, options: { now: NOW } },
		typeVersion: 2,
	});
	return {
		planned: [...json(noStep), ...json(tasks), ...json(scheduled), ...json(notSchedulable)],
		invalid: { segmenter: json(segmenterInvalid), planner: json(plannerInvalid), tone: json(toneInvalid), payday: json(paydayInvalid) },
		stepDue: json(toWrite),
	};
}

describe('Segmenter -> Planner -> Tone Template -> Payday Scheduler', () => {
	const good: Json[] = [...generatePortfolio({ seed: 2026, count: GOOD })].map((debtor) => debtor.record as unknown as Json);

	test('1,000 good records and 50 bad ones of every kind: 1,000 planned, 50 Invalid each naming its field', async () => {
		// Debtors with a message to write today are the base of the bad items only the Tone Template reads.
		const alone = await journey(good as IDataObject[]);
		expect(Object.values(alone.invalid).flat()).toEqual([]);
		expect(alone.planned).toHaveLength(GOOD);
		const withStep = alone.stepDue.map((item) => item.debtorId as string);
		expect(withStep.length).toBeGreaterThan(10);

		const spare = [...generatePortfolio({ seed: 2026, count: BAD, startIndex: GOOD })].map((debtor) => debtor.record as unknown as Json);
		const bad: Json[] = [];
		const expected = new Map<string, string>();
		for (let i = 0; i < BAD; i++) {
			const [kind, mutate, field] = KINDS[i % KINDS.length];
			const base = ITEM_LEVEL.has(kind) ? good.find((record) => record.debtorId === withStep[i % withStep.length])! : spare[i];
			const record = structuredClone(base);
			const marker = `BAD-${i}`;
			record.debtorId = marker;
			mutate(record);
			// The record's id may be what is broken: the test knows each item by a key of its own.
			record.testMarker = marker;
			expected.set(marker, field);
			bad.push(record);
		}
		// Spread through the portfolio: one bad record after every twenty good ones.
		const records: Json[] = [];
		good.forEach((record, k) => {
			records.push(record);
			if (k % 20 === 19) records.push(bad[(k - 19) / 20]);
		});
		expect(records).toHaveLength(GOOD + BAD);

		const mixed = await journey(records as IDataObject[]);

		// Every good debtor planned once, exactly as in a run without the bad ones.
		expect(mixed.planned).toHaveLength(GOOD);
		expect(mixed.planned.map((item) => item.debtorId).sort()).toEqual(good.map((record) => record.debtorId).sort());
		const plannedAlone = new Map(alone.planned.map((item) => [item.debtorId, item]));
		for (const item of mixed.planned) expect(item).toEqual(plannedAlone.get(item.debtorId));

		// Every bad one on exactly one Invalid output, naming its field, with no value in the error.
		const invalid = Object.entries(mixed.invalid).flatMap(([node, items]) => items.map((item) => ({ node, item: item as Json })));
		expect(invalid).toHaveLength(BAD);
		const seen = new Map<string, string>();
		for (const { node, item } of invalid) {
			const marker = item.testMarker as string;
			expect(seen.has(marker)).toBe(false);
			seen.set(marker, node);
			expect([marker, item.error.field]).toEqual([marker, expected.get(marker)]);
			expect(item.error.message).toContain(`field "${item.error.field}"`);
			expect(JSON.stringify(item.error)).not.toMatch(/xxxxxxxxxx|not an e-mail|9999-12-31|2026-02-30|e\+300/);
		}
		expect([...seen.keys()].sort()).toEqual([...expected.keys()].sort());
		// Each node refused what it reads: the Segmenter its fields, the Planner the rest of the record,
		// the Tone Template what only it reads.
		const count = (node: string) => [...seen.values()].filter((where) => where === node).length;
		expect(count('segmenter')).toBeGreaterThan(0);
		expect(count('planner')).toBeGreaterThan(0);
		expect(count('tone')).toBeGreaterThan(0);
		console.log(`invalid per node: ${JSON.stringify(Object.fromEntries(Object.entries(mixed.invalid).map(([node, items]) => [node, items.length])))}`);
	});
});
