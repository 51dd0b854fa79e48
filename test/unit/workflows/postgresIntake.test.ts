/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; workflow JSON is loose */
/**
 * The Postgres edition of the ERP intake (workflows/postgres/02-erp-intake.json): the same
 * description as the Data Table edition with the POSTGRES store. Checked here: the Data Table edition
 * is unchanged by the store, the Postgres edition keeps the signature check and the event checks, has
 * no room check and no Data Table node, and its record loop reads record and version and writes with
 * the version read; the loop's code (run here on stand-in rows) applies the events to the current
 * record, makes a new debtor's row only when an event may, and tells a written item from a lost one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { POSTGRES_WORKFLOWS, WORKFLOWS } from '../../../workflows/src';
import { erpIntake } from '../../../workflows/src/02-erp-intake';
import { SQL } from '../../../workflows/src/postgres';
import { MAX_ATTEMPTS } from '../../../workflows/src/recordChange';
import { DATA_TABLES, POSTGRES } from '../../../workflows/src/store';

const pg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../workflows/postgres/02-erp-intake.json'), 'utf8'));
const dt: any = WORKFLOWS['02-erp-intake.json']();
const node = (wf: any, name: string): any => {
	const found = wf.nodes.find((n: any) => n.name === name);
	if (!found) throw new Error(`no node ${name}`);
	return found;
};
const targets = (wf: any, from: string, output = 0): string[] => (wf.connections[from]?.main[output] ?? []).map((link: any) => link.node);

/** Runs a Code node's JavaScript (mode: once for all items) with its input and the items of named nodes. */
function runCode(wf: any, name: string, input: any[], nodes: Record<string, any[]>): any[] {
	const wrap = (list: any[]) => ({ all: () => list.map((json) => ({ json })) });
	const $ = (other: string) => {
		if (!(other in nodes)) throw new Error(`no items of ${other}`);
		return wrap(nodes[other]);
	};
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the workflow's own code, run as n8n's Code node runs it
	return (new Function('$input', '$', node(wf, name).parameters.jsCode) as any)(wrap(input), $).map((item: any) => item.json);
}

const record = {
	debtorId: 'D-1',
	claims: [{ claimId: 'INV-1', principalCents: 10000, openCents: 10000, invoiceDate: '2026-10-01', dueDate: '2026-10-15' }],
};
const payment = (eventId: string, amountCents: number, paymentId?: string) => ({
	index: 0, eventId, type: 'payment', debtorId: 'D-1',
	event: { eventId, type: 'payment', debtorId: 'D-1', payment: { amountCents, date: '2026-11-01', ...(paymentId ? { paymentId } : {}) } },
});

describe('ERP intake, Postgres edition', () => {
	test('one description: the Data Table edition is the default store, the Postgres edition is written by the builder', () => {
		expect(JSON.stringify(dt)).toBe(JSON.stringify(erpIntake(DATA_TABLES)));
		expect(JSON.stringify(pg)).toBe(JSON.stringify(POSTGRES_WORKFLOWS['02-erp-intake.json']()));
		expect(JSON.stringify(pg)).toBe(JSON.stringify(erpIntake(POSTGRES)));
		expect(dt.nodes.some((n: any) => n.type === 'n8n-nodes-base.postgres')).toBe(false);
		expect(pg.nodes.some((n: any) => n.type === 'n8n-nodes-base.dataTable')).toBe(false);
		expect([pg.id, pg.name]).toEqual(['scPgErpIntake02', 'Social Collections (Postgres): ERP intake']);
	});

	test('the signature check and the event checks are the Data Table edition\'s own', () => {
		for (const name of ['Signed ERP request', 'Split and check events', 'Events per debtor', 'Result per event']) {
			// The same node but for its id (and the webhook's id): ids are apart between the editions.
			const same = (n: any) => ({ ...n, id: undefined, webhookId: undefined });
			expect([name, same(node(pg, name))]).toEqual([name, same(node(dt, name))]);
		}
		// The trigger answers refused requests itself: no Code node, no If, no Answer 401 before it.
		expect(targets(pg, 'Signed ERP request', 0)).toEqual(['Split and check events']);
		expect(pg.nodes.map((n: any) => n.name)).not.toContain('Answer 401');
		// No room check (the Data Table cap does not apply): a readable request goes straight on.
		expect(targets(pg, 'Readable request?', 0)).toEqual(['Earlier deliveries of these events']);
		expect(pg.nodes.map((n: any) => n.name)).not.toContain('Answer 503');
	});

	test('the record loop reads record and version and writes only while the version is the one read; a new debtor is inserted once', () => {
		expect(node(pg, 'Read the current row').parameters.query).toBe(SQL.readRecord);
		const write = node(pg, 'Write if unchanged');
		expect(write.parameters.query).toBe(SQL.writeRecord);
		expect(write.parameters.options.queryBatching).toBe('independently');
		expect(SQL.writeRecord).toMatch(/WHERE i\.version > 0 AND d\.debtor_id = i\.debtor_id AND d\.version = i\.version/);
		expect(SQL.writeRecord).toMatch(/WHERE version = 0\s+ON CONFLICT \(debtor_id\) DO NOTHING/);
		expect(node(pg, 'Check the whole record').parameters).toMatchObject({ check: 'whole' });
		expect(targets(pg, 'Anything to write?', 0)).toEqual(['Check the whole record']);
		expect(targets(pg, 'Write if unchanged')).toEqual(['Written?']);
		expect(targets(pg, 'Was it written?', 1)).toEqual(['Try again?']);
		expect(node(pg, 'Try again?').parameters.conditions.conditions[0].leftValue).toContain(`< ${MAX_ATTEMPTS}`);
		expect(targets(pg, 'The change, once more')).toEqual(['Changes to write']);
		expect(targets(pg, 'Every change settled')).toEqual(['Outcomes']);
		// No row is made before the read, so none is left empty: the write makes it.
		for (const name of ['Make sure a new debtor has a row', 'Rows made for nothing', 'Older duplicate rows']) expect(pg.nodes.map((n: any) => n.name)).not.toContain(name);
	});

	test('an event is logged and answered as logged: accepted once per eventId, else duplicate', () => {
		const log = node(pg, 'Log each event');
		expect([log.parameters.query, log.parameters.options.queryBatching]).toEqual([SQL.logIntake, 'independently']);
		expect(targets(pg, 'Result per event')).toEqual(['Log each event']);
		expect(targets(pg, 'Log each event')).toEqual(['Answer per event']);
		expect(node(pg, 'Answer per event').parameters.responseBody).toContain("$('Log each event').all()");
		expect(node(dt, 'Answer per event').parameters.responseBody).toContain("$('Result per event').all()");
		expect(SQL.logIntake).toMatch(/ON CONFLICT \(event_id\) WHERE result = 'accepted' DO NOTHING/);
		expect(node(pg, 'Earlier deliveries of these events').parameters.query).toBe(SQL.acceptedBefore);
	});

	describe('the loop\'s code', () => {
		const apply = (rows: any[], changes: any[]) => runCode(pg, 'Apply the change', rows, { 'Changes to write': changes });

		test('applies the events to the current record and writes it with the version read', () => {
			const [out] = apply([{ debtorId: 'D-1', version: 7, record }], [{ debtorId: 'D-1', mayCreate: false, events: [payment('E-1', 2500), payment('E-2', 500, 'P-2')] }]);
			expect(out.recordChange).toMatchObject({ write: true, version: 7, attempt: 1, status: 'open' });
			const written = JSON.parse(out.recordChange.text);
			expect(written.payments.map((p: any) => [p.paymentId, p.amountCents])).toEqual([['E-1', 2500], ['P-2', 500]]);
			expect(written.claims[0].openCents).toBe(7000);
			expect(out.recordChange.outcome.results.map((r: any) => r.result)).toEqual(['accepted', 'accepted']);
			// The record read is not changed in place (a retry applies the change again to a new read).
			expect(record.claims[0].openCents).toBe(10000);
		});

		test('a payment the record holds is a duplicate and writes nothing; a retry counts its attempt', () => {
			const held = { ...record, payments: [{ paymentId: 'P-2', amountCents: 500, date: '2026-11-01', method: 'bank-transfer' }] };
			const [out] = apply([{ debtorId: 'D-1', version: 3, record: held }], [{ debtorId: 'D-1', mayCreate: false, recordAttempt: 4, events: [payment('E-9', 500, 'P-2')] }]);
			expect(out.recordChange).toMatchObject({ write: false, attempt: 5 });
			expect(out.recordChange.outcome.results).toEqual([expect.objectContaining({ eventId: 'E-9', result: 'duplicate' })]);
		});

		test('a debtor without a row: inserted (version 0) when an event may create it, else the events are refused', () => {
			const invoice = { index: 0, eventId: 'E-1', type: 'invoice', debtorId: 'D-NEW', event: { eventId: 'E-1', type: 'invoice', debtorId: 'D-NEW', claim: { claimId: 'INV-9', principalCents: 1200, invoiceDate: '2026-10-01', dueDate: '2026-10-15' } } };
			// The read gave no row (the node's empty output is one empty item).
			const [made, unknown] = apply([{}], [
				{ debtorId: 'D-NEW', mayCreate: true, events: [invoice] },
				{ debtorId: 'D-2', mayCreate: false, events: [{ ...payment('E-5', 100), debtorId: 'D-2' }] },
			]);
			expect(made.recordChange).toMatchObject({ write: true, version: 0 });
			expect(JSON.parse(made.recordChange.text)).toEqual({ debtorId: 'D-NEW', claims: [{ ...invoice.event.claim, openCents: 1200 }] });
			expect(unknown.recordChange).toMatchObject({ write: false });
			expect(unknown.recordChange.outcome.results).toEqual([expect.objectContaining({ result: 'rejected', reason: expect.stringMatching(/unknown debtor/) })]);
		});

		test('"Written?" tells the items the write returned from the ones that lost to a concurrent writer', () => {
			const checked = [{ debtorId: 'D-1', segmentation: {}, recordChange: { version: 7 } }, { debtorId: 'D-2', segmentation: {}, recordChange: { version: 2 } }];
			const out = runCode(pg, 'Written?', [{ debtorId: 'D-2', version: 3, item: 1 }], { 'Check the whole record': checked, 'Row to write': [] });
			expect(out.map((o) => [o.debtorId, o.recordChange.written, o.segmentation])).toEqual([['D-1', false, undefined], ['D-2', true, undefined]]);
			// Nothing written at all: the node's empty output.
			expect(runCode(pg, 'Written?', [{ success: true }], { 'Check the whole record': checked }).map((o) => o.recordChange.written)).toEqual([false, false]);
		});

		test('the row to write carries the item\'s number, which the write returns', () => {
			expect(node(pg, 'Row to write').parameters.jsonOutput).toMatch(/item: \$itemIndex/);
			expect(node(pg, 'Write if unchanged').parameters.options.queryReplacement).toBe('={{ [$json.debtorId, $json.version, $json.status, $json.record, $json.item] }}');
			expect(SQL.writeRecord).toMatch(/CAST\(\$5 AS integer\) AS item/);
		});
	});
});
