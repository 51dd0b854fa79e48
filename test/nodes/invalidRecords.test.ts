/* eslint-disable @typescript-eslint/no-explicit-any -- these tests build deliberately malformed records and read loose output JSON */
/**
 * Every node that reads a debtor record, from version 2 (the Debtor Segmenter had it from the start):
 * each kind of bad record leaves on the "Invalid" output by default with the field named and no
 * personal value, the other items of the same run are processed as if the bad ones were not there,
 * "Stop the Workflow" stops the node naming item and field, continue-on-fail still works, and a
 * workflow saved with version 1 keeps version 1's outputs and stops on the first bad record.
 *
 * The bad records are the ones that ended whole runs before: a 100 KB text, the date 9999-12-31, an
 * impossible date, an invalid e-mail address, a missing debtorId, language 123, an amount of 1e300
 * cents (and the 201-character first name of the daily journey). Each is put in a field the node
 * reads; a node that does not read a field lets such a record pass (the node that reads it names it).
 */
import { NodeOperationError, type IDataObject, type INodeExecutionData, type INodeType } from 'n8n-workflow';

import { ChannelSender } from '../../nodes/ChannelSender/ChannelSender.node';
import { CollectionCosts } from '../../nodes/CollectionCosts/CollectionCosts.node';
import { JourneyPlanner } from '../../nodes/JourneyPlanner/JourneyPlanner.node';
import { PaydayScheduler } from '../../nodes/PaydayScheduler/PaydayScheduler.node';
import { PaymentArrangement } from '../../nodes/PaymentArrangement/PaymentArrangement.node';
import { ToneTemplate } from '../../nodes/ToneTemplate/ToneTemplate.node';
import { senderContext } from '../fixtures/providers/nodeContext';
import { SAMPLE_BANK, SAMPLE_BRAND } from '../../build/gallery/samples';
import { evaluateOutputs, runNode } from './harness';

jest.setTimeout(60_000);

type Json = Record<string, any>;

const address = { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' };

/** A consumer with one overdue claim, reachable by e-mail and SMS, paid by transfer. */
function good(debtorId: string): Json {
	return {
		debtorId,
		debtorType: 'consumer',
		firstName: 'Sanne',
		lastName: 'de Vries',
		language: 'nl',
		preferredChannel: 'email',
		contact: { email: 'sanne@example.nl', mobile: '+31612345678', address },
		consents: { whatsappOptIn: false },
		household: { composition: 'single' },
		income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 246447 },
		claims: [{ claimId: `${debtorId}-1`, principalCents: 50000, openCents: 50000, invoiceDate: '2026-02-01', dueDate: '2026-03-02' }],
	};
}

/** What the Tone Template adds: the Channel Sender's input. */
const MESSAGE = { channel: 'email', stage: 'reminder-1', subject: 'Herinnering', text: 'Beste Sanne, uw factuur staat nog open.', html: '<p>Beste Sanne</p>' };

/** Values of the records above that are personal data: none may appear in an error. */
const PERSONAL = ['Sanne', 'de Vries', 'sanne@example.nl', 'Dorpsstraat', '+31612345678', 'not an e-mail', 'xxxxxxxxxx', '9999-12-31', '2026-02-30', '1e+300'];

type Kind = 'too-long text' | 'too-long name' | 'impossible date' | 'year 9999' | 'invalid e-mail' | 'missing debtorId' | 'language 123' | 'amount 1e300';

/** How each kind of bad record is made, per the fields a node reads, and the field the node must name (null: it does not read it). */
type BadRecords = Record<Kind, [mutate: (record: Json) => void, field: string | null]>;

const claim0 = (record: Json) => record.claims[0];
/** The nodes that check the whole record. */
const WHOLE_RECORD: BadRecords = {
	'too-long text': [(r) => (claim0(r).description = 'x'.repeat(100_000)), 'claims[0].description'],
	'too-long name': [(r) => (r.firstName = 'x'.repeat(201)), 'firstName'],
	'impossible date': [(r) => (claim0(r).dueDate = '2026-02-30'), 'claims[0].dueDate'],
	'year 9999': [(r) => (claim0(r).dueDate = '9999-12-31'), 'claims[0].dueDate'],
	'invalid e-mail': [(r) => (r.contact.email = 'not an e-mail'), 'contact.email'],
	'missing debtorId': [(r) => delete r.debtorId, 'debtorId'],
	'language 123': [(r) => (r.language = 123), 'language'],
	'amount 1e300': [(r) => (claim0(r).principalCents = claim0(r).openCents = 1e300), 'claims[0].principalCents'],
};

interface NodeCase {
	name: string;
	node: INodeType;
	parameters: Json;
	/** Key of the node's result on a processed item. */
	key: string;
	/** Outputs before "Invalid" (version 1 has exactly these; '' is unnamed). */
	ownOutputs: string[];
	/** Their names beside "Invalid", when they differ. */
	namedOutputs?: string[];
	bad: BadRecords;
	run?: (items: Json[], options: { typeVersion: number; parameters: Json; continueOnFail?: boolean }) => Promise<INodeExecutionData[][]>;
	/** What of a result is compared between a mixed run and a run of the good items alone. */
	comparable?: (result: Json) => unknown;
}

const runSender: NodeCase['run'] = async (items, options) => {
	const { ctx } = senderContext({ items: items.map((json) => ({ json: { ...json, message: MESSAGE } })), parameters: options.parameters, typeVersion: options.typeVersion, continueOnFail: options.continueOnFail });
	return new ChannelSender().execute.call(ctx);
};

const CASES: NodeCase[] = [
	{ name: 'Journey Planner', node: new JourneyPlanner(), parameters: { referenceDate: '2026-03-20' }, key: 'journey', ownOutputs: ['Journey'], bad: WHOLE_RECORD },
	{
		name: 'Tone Template',
		node: new ToneTemplate(),
		parameters: { referenceDate: '2026-03-20', stage: 'reminder-1', channel: 'sms', brand: SAMPLE_BRAND, bank: SAMPLE_BANK },
		key: 'message',
		ownOutputs: [''],
		namedOutputs: ['Message'],
		bad: WHOLE_RECORD,
	},
	{ name: 'Collection Costs', node: new CollectionCosts(), parameters: { referenceDate: '2026-03-20' }, key: 'costs', ownOutputs: [''], namedOutputs: ['Costs'], bad: WHOLE_RECORD },
	{ name: 'Payment Arrangement', node: new PaymentArrangement(), parameters: { referenceDate: '2026-03-20' }, key: 'arrangement', ownOutputs: [''], namedOutputs: ['Arrangement'], bad: WHOLE_RECORD },
	{
		name: 'Payday Scheduler',
		node: new PaydayScheduler(),
		parameters: { options: { now: '2026-03-20T09:00:00+01:00' } },
		key: 'schedule',
		ownOutputs: ['Scheduled', 'Not Schedulable'],
		// It checks what its operation reads: flags, reversals, income, contacts and the channel.
		bad: {
			'too-long text': [(r) => (r.income.municipality = 'x'.repeat(100_000)), 'income.municipality'],
			'too-long name': [(r) => (r.firstName = 'x'.repeat(201)), null],
			'impossible date': [(r) => (r.contacts = [{ at: '2026-02-30T10:00:00+01:00', channel: 'email', direction: 'outbound' }]), 'contacts[0].at'],
			'year 9999': [(r) => (r.flags = { debtHelp: true, debtHelpSince: '9999-12-31' }), 'flags.debtHelpSince'],
			'invalid e-mail': [(r) => (r.contact.email = 'not an e-mail'), null],
			'missing debtorId': [(r) => delete r.debtorId, 'debtorId'],
			'language 123': [(r) => (r.language = 123), null],
			'amount 1e300': [(r) => (r.reversals = [{ amountCents: 1e300, date: '2026-03-10', reasonCode: 'AM04' }]), 'reversals[0].amountCents'],
		},
	},
	{
		name: 'Channel Sender',
		node: new ChannelSender(),
		parameters: { channelSource: 'item', options: { contactWindow: false, referenceDate: '2026-03-20' } },
		key: 'delivery',
		ownOutputs: ['Sent', 'Not Sent'],
		// It checks what a send reads: the id, names, contact data, language, channel, consents, claim ids and open amounts.
		bad: {
			'too-long text': [(r) => (claim0(r).description = 'x'.repeat(100_000)), null],
			'too-long name': [(r) => (r.firstName = 'x'.repeat(201)), 'firstName'],
			'impossible date': [(r) => (r.consents.whatsappOptInAt = '2026-02-30T10:00:00+01:00'), 'consents.whatsappOptInAt'],
			'year 9999': [(r) => (r.consents.whatsappOptInAt = '9999-12-31T10:00:00+01:00'), 'consents.whatsappOptInAt'],
			'invalid e-mail': [(r) => (r.contact.email = 'not an e-mail'), 'contact.email'],
			'missing debtorId': [(r) => delete r.debtorId, 'debtorId'],
			'language 123': [(r) => (r.language = 123), 'language'],
			'amount 1e300': [(r) => (claim0(r).openCents = 1e300), 'claims[0].openCents'],
		},
		run: runSender,
		// The sandbox's timestamps and attempts differ per run; what was decided does not.
		comparable: (delivery) => ({ status: delivery.status, channel: delivery.channel, provider: delivery.provider, idempotencyKey: delivery.idempotencyKey }),
	},
];

function badRecord(kind: Kind, bad: BadRecords, index: number): Json {
	const record = good(`B-${index}`);
	bad[kind][0](record);
	return record;
}

async function run(c: NodeCase, items: Json[], options: { typeVersion: number; parameters?: Json; continueOnFail?: boolean }): Promise<INodeExecutionData[][]> {
	const parameters = { ...c.parameters, ...(options.parameters ?? {}) };
	if (c.run) return c.run(items, { typeVersion: options.typeVersion, parameters, continueOnFail: options.continueOnFail });
	return runNode(c.node, items as IDataObject[], { parameters, typeVersion: options.typeVersion, continueOnFail: options.continueOnFail });
}

/** Each item's output index by its input index; fails when an item is missing or on two outputs. */
function placement(outputs: INodeExecutionData[][], count: number): number[] {
	const where = new Array<number>(count).fill(-1);
	outputs.forEach((items, output) =>
		items.forEach((item) => {
			const index = (item.pairedItem as { item: number }).item;
			expect(where[index]).toBe(-1);
			where[index] = output;
		}),
	);
	expect(where.filter((output) => output === -1)).toEqual([]);
	return where;
}

const KINDS = Object.keys(WHOLE_RECORD) as Kind[];

describe.each(CASES)('$name', (c) => {
	const kinds = KINDS.filter((kind) => c.bad[kind][1] !== null);
	const unread = KINDS.filter((kind) => c.bad[kind][1] === null);
	// Good records around and between the bad ones: G-0, bad, G-1, bad, ...
	const items: Json[] = [];
	const goodIndexes: number[] = [];
	const badIndexes = new Map<number, Kind>();
	KINDS.forEach((kind, k) => {
		goodIndexes.push(items.length);
		items.push(good(`G-${k}`));
		badIndexes.set(items.length, kind);
		items.push(badRecord(kind, c.bad, k));
	});
	goodIndexes.push(items.length);
	items.push(good('G-last'));

	test('outputs: version 1 as before; version 2 adds "Invalid" unless set to stop', () => {
		expect(c.node.description.version).toEqual([1, 2]);
		expect(c.node.description.defaultVersion).toBe(2);
		const named = c.namedOutputs ?? c.ownOutputs;
		expect(evaluateOutputs(c.node, 1, {})).toEqual(c.ownOutputs);
		expect(evaluateOutputs(c.node, 1, { invalidRecords: 'route' })).toEqual(c.ownOutputs);
		expect(evaluateOutputs(c.node, 2, {})).toEqual([...named, 'Invalid']);
		expect(evaluateOutputs(c.node, 2, { invalidRecords: 'fail' })).toEqual(c.ownOutputs);
		const setting = c.node.description.properties.find((p) => p.name === 'invalidRecords')!;
		expect(setting.default).toBe('route');
		expect(setting.displayOptions).toEqual({ show: { '@version': [{ _cnd: { gte: 2 } }] } });
	});

	test('by default each kind of bad record leaves on "Invalid", naming its field and no personal value; the others go on as if alone', async () => {
		const outputs = await run(c, items, { typeVersion: 2 });
		expect(outputs).toHaveLength(c.ownOutputs.length + 1);
		const invalidOutput = c.ownOutputs.length;
		const where = placement(outputs, items.length);
		const byIndex = new Map(outputs.flat().map((item) => [(item.pairedItem as { item: number }).item, item.json as Json]));

		for (const [index, kind] of badIndexes) {
			const [, field] = c.bad[kind];
			const json = byIndex.get(index)!;
			if (field === null) {
				// Not a field this node reads: processed like any other record.
				expect([kind, where[index] < invalidOutput, json[c.key] !== undefined]).toEqual([kind, true, true]);
				continue;
			}
			expect([kind, where[index]]).toEqual([kind, invalidOutput]);
			const error = json.error;
			expect([kind, error.field]).toEqual([kind, field]);
			expect(error.itemIndex).toBe(index);
			expect(error.message).toContain(`Item ${index}`);
			expect(error.message).toContain(`field "${field}"`);
			if (kind === 'missing debtorId') expect(error.debtorId).toBeUndefined();
			else expect(error.debtorId).toBe(json.debtorId);
			expect(error.problems[0].field).toBe(field);
			expect(json[c.key]).toBeUndefined();
			const text = JSON.stringify(error);
			for (const value of PERSONAL) expect([kind, value, text.includes(value)]).toEqual([kind, value, false]);
		}
		expect(unread.every((kind) => c.bad[kind][1] === null)).toBe(true);
		expect(kinds.length).toBeGreaterThanOrEqual(5);

		// The good records: on the node's own outputs with the node's result, the same as in a run of their own.
		const alone = await run(c, goodIndexes.map((index) => items[index]), { typeVersion: 2 });
		expect(alone[invalidOutput]).toEqual([]);
		const aloneResults = alone.flat().sort((a, b) => (a.pairedItem as { item: number }).item - (b.pairedItem as { item: number }).item).map((item) => item.json);
		const mixedResults = goodIndexes.map((index) => byIndex.get(index)!);
		const compare = c.comparable ?? ((result: Json) => result);
		expect(mixedResults.map((json) => compare(json[c.key]))).toEqual(aloneResults.map((json) => compare((json as Json)[c.key])));
		for (const index of goodIndexes) expect(where[index]).toBeLessThan(invalidOutput);
	});

	test.each(kinds)('"Stop the Workflow": a record with %s stops the node naming item and field', async (kind) => {
		const records = [good('G-1'), badRecord(kind, c.bad, 1), good('G-2')];
		const attempt = run(c, records, { typeVersion: 2, parameters: { invalidRecords: 'fail' } });
		await expect(attempt).rejects.toThrow(NodeOperationError);
		await expect(run(c, records, { typeVersion: 2, parameters: { invalidRecords: 'fail' } })).rejects.toThrow(`field "${c.bad[kind][1]}"`);
		await expect(run(c, records, { typeVersion: 2, parameters: { invalidRecords: 'fail' } })).rejects.toThrow(/^Item 1[ :]/);
	});

	test('"Stop the Workflow" with continue on fail: the item goes on with its error, the others are processed', async () => {
		const records = [good('G-1'), badRecord('missing debtorId', c.bad, 1), good('G-2')];
		const outputs = await run(c, records, { typeVersion: 2, parameters: { invalidRecords: 'fail' }, continueOnFail: true });
		expect(outputs).toHaveLength(c.ownOutputs.length);
		const all = outputs.flat();
		expect(all).toHaveLength(3);
		const failed = all.find((item) => (item.pairedItem as { item: number }).item === 1)!.json as Json;
		expect(failed.error).toBe('Item 1: field "debtorId" is required but missing');
		expect(failed.errorDetails.field).toBe('debtorId');
		expect(all.filter((item) => (item.json as Json)[c.key] !== undefined)).toHaveLength(2);
	});

	test('version 1 keeps its outputs and stops on the first bad record', async () => {
		const goodOnly = await run(c, [good('G-1'), good('G-2')], { typeVersion: 1 });
		expect(goodOnly).toHaveLength(c.ownOutputs.length);
		const records = [good('G-1'), badRecord('missing debtorId', c.bad, 1)];
		if (c.name === 'Channel Sender') {
			// Version 1 of the sender did not check records: an item without debtorId left on "Not Sent".
			const outputs = await run(c, records, { typeVersion: 1 });
			expect(outputs).toHaveLength(2);
			expect((outputs[1][0].json as Json).delivery).toMatchObject({ status: 'failed-permanent', errorCode: 'invalid-item', field: 'debtorId' });
			return;
		}
		await expect(run(c, records, { typeVersion: 1 })).rejects.toThrow('Item 1: field "debtorId" is required but missing');
	});
});
