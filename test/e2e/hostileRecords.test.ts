/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * Hostile records (issue 21, "Must show"): the shipped daily journey (workflow 1) in a real n8n with
 * its Data Tables, over 1,000 good debtors of the seeded portfolio mixed with 50 rows that are
 * invalid in every way that once ended a whole run: a 300-character first name, amounts of 1e300
 * cents, the date 2026-02-30, the year 9999, `language: 123`, a 100 KB description, 9999-12-31, an
 * invalid e-mail address, a missing (or numeric) debtorId, amounts beyond what an EPC QR code can
 * state (within the schema's bound per claim, beyond it added up; on the item, where only the Tone
 * Template reads it), and a row whose record is not a JSON object at all.
 *
 * What must hold, on each of two working days:
 *   - the run succeeds;
 *   - each of the 50 gets exactly one contact-log row, decision `invalid`, whose reason names the
 *     node and the field at fault (and no value of the record), and exactly one open task; its row
 *     is not written and nothing is sent to it;
 *   - each of the 1,000 gets exactly one decision of its own (sent, waiting, no step, a task, ...),
 *     never `invalid`, and what the log says was sent is what the Channel Sender (Sandbox) sent.
 *
 * Where a kind is refused follows from what each node reads: the Debtor Segmenter checks the whole
 * record (the journey loads with *Check*: *The Whole Record*, so nothing is sent for a record that
 * could not be saved), the Journey Planner and the Tone Template what only they read besides the
 * record (`arrangement`, `messageData` on the item). The Payday Scheduler and the Channel Sender read
 * fields the Segmenter has checked before them: no stored record reaches their Invalid outputs in
 * this workflow (the test checks that too: those outputs stay empty).
 *
 * Runtime: each day's run takes about 2 minutes on a busy 2-core machine; the file about 5 to 8.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type RunResult, type WorkflowJson } from '../../scripts/n8nInstance';
import { MAX_STATABLE_CENTS } from '../../nodes/shared/money';
import { N8nRest, ownerEnv, type Row } from './harness/rest';
import { generatePortfolio } from '../fixtures/portfolio';

jest.setTimeout(900_000);

const GOOD = 1000;
const BAD = 50;
// Working days after the portfolio's export day (Tue 30 June 2026).
const DAYS = ['2026-07-01', '2026-07-02'];

type Json = Record<string, any>;

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
const itemsOf = (run: RunResult, node: string, output = 0): any[] => (run.nodeNames().includes(node) ? run.items(node, output) : []);

const SEGMENTER = 'Segment debtors';
const PLANNER = 'Plan next step';
const TONE = 'Write the message';
const LOADER = 'Debtor record from row';
/** Each package node of the journey and its Invalid output. */
const INVALID_OUTPUTS: Array<[node: string, output: number]> = [[SEGMENTER, 1], [PLANNER, 2], [TONE, 1], ['When may we contact?', 2], ['Send due messages', 2]];

const address = { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' };

/** A consumer with one claim a month overdue and no contact yet: today's step is a message to write. */
function withStepToday(debtorId: string): Json {
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
		claims: [{ claimId: `${debtorId}-1`, principalCents: 50000, openCents: 50000, invoiceDate: '2026-05-01', dueDate: '2026-06-01' }],
	};
}

interface Kind {
	name: string;
	/** The stored `record` text, from a record of the portfolio (or one with a step today, `stepToday`). */
	make: (record: Json) => string;
	/** The node that refuses it and the field it names. */
	node: string;
	field: string;
	stepToday?: boolean;
}

const changed = (change: (record: Json) => void) => (record: Json) => {
	change(record);
	return JSON.stringify(record);
};
const claim0 = (record: Json) => record.claims[0];

const KINDS: Kind[] = [
	{ name: '300-character first name', make: changed((r) => (r.firstName = 'x'.repeat(300))), node: SEGMENTER, field: 'firstName' },
	{ name: '1e300 cents open', make: changed((r) => (claim0(r).principalCents = claim0(r).openCents = 1e300)), node: SEGMENTER, field: 'claims[0].principalCents' },
	{ name: '1e300 cents paid', make: changed((r) => (r.payments = [{ amountCents: 1e300, date: '2026-06-01' }])), node: SEGMENTER, field: 'payments[0].amountCents' },
	{ name: 'due date 2026-02-30', make: changed((r) => (claim0(r).dueDate = '2026-02-30')), node: SEGMENTER, field: 'claims[0].dueDate' },
	{ name: 'birth date in the year 9999', make: changed((r) => (r.birthDate = '9999-01-01')), node: SEGMENTER, field: 'birthDate' },
	{ name: 'language 123', make: changed((r) => (r.language = 123)), node: SEGMENTER, field: 'language' },
	{ name: '100 KB claim description', make: changed((r) => (claim0(r).description = 'x'.repeat(100_000))), node: SEGMENTER, field: 'claims[0].description' },
	{ name: 'due date 9999-12-31', make: changed((r) => (claim0(r).dueDate = '9999-12-31')), node: SEGMENTER, field: 'claims[0].dueDate' },
	{ name: 'debt help since 9999-12-31', make: changed((r) => (r.flags = { ...(r.flags ?? {}), debtHelp: true, debtHelpSince: '9999-12-31' })), node: SEGMENTER, field: 'flags.debtHelpSince' },
	{ name: 'invalid e-mail address', make: changed((r) => (r.contact = { ...(r.contact ?? {}), email: 'not an e-mail' })), node: SEGMENTER, field: 'contact.email' },
	{ name: 'missing debtorId', make: changed((r) => delete r.debtorId), node: SEGMENTER, field: 'debtorId' },
	{ name: 'numeric debtorId', make: changed((r) => (r.debtorId = 4711)), node: SEGMENTER, field: 'debtorId' },
	{
		name: 'claims open beyond the EPC QR limit, added up (each within the schema)',
		make: changed((r) => (r.claims = [0, 1].map((k) => ({ ...claim0(r), claimId: `${claim0(r).claimId}-${k}`, principalCents: MAX_STATABLE_CENTS, openCents: MAX_STATABLE_CENTS })))),
		node: SEGMENTER,
		field: 'claims',
	},
	{ name: 'amount to state beyond the EPC QR limit', make: changed((r) => (r.messageData = { amountCents: MAX_STATABLE_CENTS + 1 })), node: TONE, field: 'messageData.amountCents', stepToday: true },
	{ name: '1e300 cents to state', make: changed((r) => (r.messageData = { amountCents: 1e300 })), node: TONE, field: 'messageData.amountCents', stepToday: true },
	{ name: 'WhatsApp opt-in at 2026-02-30', make: changed((r) => (r.consents = { ...(r.consents ?? {}), whatsappOptInAt: '2026-02-30T10:00:00+01:00' })), node: SEGMENTER, field: 'consents.whatsappOptInAt' },
	{ name: 'contact moment in the year 2200', make: changed((r) => (r.contacts = [{ at: '2200-01-01T10:00:00+01:00', channel: 'email', direction: 'outbound' }, ...(r.contacts ?? [])])), node: SEGMENTER, field: 'contacts[0].at' },
	{ name: '101-character municipality', make: changed((r) => (r.income = { ...(r.income ?? { type: 'unknown' }), municipality: 'x'.repeat(101) })), node: SEGMENTER, field: 'income.municipality' },
	{
		name: 'active arrangement with an impossible instalment date',
		make: changed((r) => {
			r.flags = { ...(r.flags ?? {}), arrangementActive: true };
			r.arrangement = { instalments: [{ number: 1, amountCents: 5000, dueDate: '2026-02-30' }] };
		}),
		node: PLANNER,
		field: 'arrangement.instalments[0].dueDate',
		stepToday: true,
	},
	{ name: 'record not JSON', make: () => '{"debtorId": "half a record', node: LOADER, field: 'record' },
	{ name: 'record JSON null', make: () => 'null', node: LOADER, field: 'record' },
	{ name: 'record a JSON list', make: (r) => JSON.stringify([r]), node: LOADER, field: 'record' },
];

/** Values of the bad records that must never appear in a log row or task (personal data, or the fault itself). */
const LEAKS = /xxxxxxxxxx|not an e-mail|9999-|2026-02-30|e\+300|half a record|2200-01-01/;

describe('daily journey over 1,000 good and 50 hostile records, in real n8n', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;
	const runs: Array<{ day: string; run: RunResult; seconds: number }> = [];
	let log: Row[] = [];
	let tasks: Row[] = [];
	let rowsAfter: Row[] = [];
	const good: Json[] = [];
	/** The 50, by the debtorId of their row: the kind and the stored text. */
	const bad = new Map<string, { kind: Kind; text: string }>();

	beforeAll(async () => {
		good.push(...[...generatePortfolio({ seed: 21, count: GOOD, referenceDate: '2026-06-30' })].map((d: any) => d.record));
		const spare = [...generatePortfolio({ seed: 21, count: BAD, startIndex: GOOD, referenceDate: '2026-06-30' })].map((d: any) => d.record);
		const badRows: Array<Record<string, unknown>> = [];
		for (let i = 0; i < BAD; i++) {
			const kind = KINDS[i % KINDS.length];
			const debtorId = `BAD-${String(i).padStart(2, '0')}`;
			const base = kind.stepToday ? withStepToday(debtorId) : { ...spare[i], debtorId };
			const text = kind.make(structuredClone(base));
			bad.set(debtorId, { kind, text });
			badRows.push({ debtorId, status: 'open', record: text });
		}
		// One bad row after every twenty good ones.
		const rows: Array<Record<string, unknown>> = [];
		good.forEach((record, k) => {
			rows.push({ debtorId: record.debtorId, status: 'open', record: JSON.stringify(record) });
			if (k % 20 === 19) rows.push(badRows[(k - 19) / 20]);
		});
		expect(rows).toHaveLength(GOOD + BAD);

		n8n = await N8nInstance.create({ env: ownerEnv() });
		const setup = load('00-setup-data-tables.json');
		const journey = load('01-daily-collection-journey.json');
		await n8n.importWorkflow(setup);
		await n8n.importWorkflow(journey);
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		expect((await rest.runManually(setup.id as string, 'Run once')).raw.status).toBe('success');
		await rest.insertRows('sc_debtors', rows);

		for (const day of DAYS) {
			// Replaying a past day, as the Settings note tells ops staff; the legal window is not what is tested here.
			await rest.updateWorkflow(journey.id as string, (wf) => {
				const settings = wf.nodes.find((node: any) => node.name === 'Settings');
				for (const assignment of settings.parameters.assignments.assignments) {
					if (assignment.name === 'referenceDate') assignment.value = day;
					if (assignment.name === 'now') assignment.value = `${day}T08:00:00+02:00`;
				}
				const sender = wf.nodes.find((node: any) => node.name === 'Send due messages');
				sender.parameters.options = { ...sender.parameters.options, contactWindow: false };
			});
			const started = Date.now();
			const run = await rest.runManually(journey.id as string, 'Run now (manual)');
			runs.push({ day, run, seconds: Math.round((Date.now() - started) / 1000) });
		}
		log = await rest.rows('sc_contact_log');
		tasks = await rest.rows('sc_tasks');
		rowsAfter = await rest.rows('sc_debtors');
		const summary = runs.map(({ day, run, seconds }) => {
			const invalid = INVALID_OUTPUTS.map(([node, output]) => `${node} ${itemsOf(run, node, output).length}`).join(', ');
			return `${day}: ${run.raw.status} in ${seconds} s, ${itemsOf(run, 'Send due messages', 0).length} sent; invalid: ${invalid}, ${LOADER} ${itemsOf(run, LOADER, 1).length}`;
		});
		console.log(`hostile records: ${summary.join('; ')}`);
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	const logOn = (day: string) => log.filter((row) => row.day === day);

	test('every run succeeds', () => {
		const errors = (run: RunResult) =>
			Object.entries(run.raw.data.resultData.runData).flatMap(([node, list]) => list.filter((entry) => entry.error).map((entry) => `${node}: ${entry.error!.message}`));
		expect(runs.map(({ day, run }) => [day, run.raw.status, errors(run)])).toEqual(DAYS.map((day) => [day, 'success', []]));
	});

	test.each(DAYS)('%s: each of the 50 has one "invalid" decision naming its node and field, and one open task', (day) => {
		for (const [debtorId, { kind }] of bad) {
			const rows = logOn(day).filter((row) => row.debtorId === debtorId);
			expect([kind.name, rows.map((row) => row.decision)]).toEqual([kind.name, ['invalid']]);
			expect([kind.name, rows[0].reason]).toEqual([kind.name, expect.stringMatching(new RegExp(`^${kind.node}: field ${kind.field.replace(/[[\].]/g, '\\$&')} \\S`))]);
			expect([kind.name, rows[0].status]).toEqual([kind.name, 'invalid']);
			const open = tasks.filter((task) => task.debtorId === debtorId && task.day === day);
			expect([kind.name, open.length]).toEqual([kind.name, 1]);
			expect(open[0].done).toBe('false');
			expect(open[0].why).toBe(`Correct the debtor record. ${rows[0].reason}. Until it is corrected, ${kind.node} leaves this debtor out.`);
			for (const text of [JSON.stringify(rows[0]), JSON.stringify(open[0])]) expect([kind.name, LEAKS.test(text)]).toEqual([kind.name, false]);
		}
		// Every kind was among them, and every node that can refuse a stored record did.
		expect(new Set([...bad.values()].map(({ kind }) => kind.name)).size).toBe(KINDS.length);
		expect(logOn(day).filter((row) => row.decision === 'invalid')).toHaveLength(BAD);
	});

	test.each(DAYS)('%s: the refused items left on the Invalid output of the node that names them; the Scheduler\'s and Sender\'s stayed empty', (day) => {
		const { run } = runs.find((entry) => entry.day === day)!;
		const perNode = new Map<string, number>();
		for (const { kind } of bad.values()) perNode.set(kind.node, (perNode.get(kind.node) ?? 0) + 1);
		expect(itemsOf(run, LOADER, 1)).toHaveLength(perNode.get(LOADER)!);
		for (const [node, output] of INVALID_OUTPUTS) expect([node, itemsOf(run, node, output).length]).toEqual([node, perNode.get(node) ?? 0]);
	});

	test.each(DAYS)('%s: each of the 1,000 has exactly one decision of its own, never "invalid"', (day) => {
		const rows = logOn(day).filter((row) => !bad.has(row.debtorId as string));
		// A failed send is logged "not-sent" with the task behind it: one decision.
		const decisions = rows.filter((row) => row.decision !== 'task' || !rows.some((other) => other.debtorId === row.debtorId && other.decision === 'not-sent'));
		const ids = decisions.map((row) => row.debtorId);
		expect(new Set(ids).size).toBe(ids.length);
		const open = new Set(rowsAfter.filter((row) => row.status === 'open').map((row) => row.debtorId));
		// Everyone loaded that day (a debtor thanked for paying in full is closed and no longer loaded).
		const loaded = itemsOf(runs.find((entry) => entry.day === day)!.run, 'Newest row per debtor').map((item) => item.debtorId).filter((id) => !bad.has(id));
		expect(ids.slice().sort()).toEqual(loaded.slice().sort());
		expect(ids.length).toBeGreaterThanOrEqual(GOOD - 20);
		if (day === DAYS[0]) expect(ids).toHaveLength(GOOD);
		for (const row of decisions) expect([row.debtorId, row.decision]).toEqual([row.debtorId, expect.stringMatching(/^(sent|not-sent|unconfirmed|task|waiting|not-schedulable|no-step)$/)]);
		const decided = new Set(ids);
		for (const id of open) if (!bad.has(id as string)) expect([id, decided.has(id)]).toEqual([id, true]);
	});

	test.each(DAYS)('%s: what the log says was sent is what the Sandbox sent, and nothing went to the 50', (day) => {
		const { run } = runs.find((entry) => entry.day === day)!;
		const sent = itemsOf(run, 'Send due messages', 0);
		expect(sent.length).toBeGreaterThan(day === DAYS[0] ? 50 : 0);
		for (const item of sent) expect(item.delivery).toMatchObject({ provider: 'sandbox', simulated: true, status: 'sent' });
		const loggedSent = logOn(day).filter((row) => row.decision === 'sent').map((row) => row.debtorId).sort();
		expect(loggedSent).toEqual(sent.map((item) => item.debtorId).sort());
		const reached = [...itemsOf(run, 'Send due messages', 0), ...itemsOf(run, 'Send due messages', 1)].map((item) => item.debtorId);
		for (const id of reached) expect(bad.has(id)).toBe(false);
	});

	test('the rows of the 50 are left as they were; the good ones have their sent contacts', () => {
		for (const [debtorId, { text }] of bad) {
			const rows = rowsAfter.filter((row) => row.debtorId === debtorId);
			expect([debtorId, rows.map((row) => row.record)]).toEqual([debtorId, [text]]);
		}
		const records = new Map(rowsAfter.map((row) => [row.debtorId, row]));
		for (const { run } of runs) {
			for (const item of itemsOf(run, 'Send due messages', 0)) {
				const record = JSON.parse(records.get(item.debtorId)!.record as string);
				const added = record.contacts.filter((c: any) => c.at === item.schedule.moment && c.stage === item.journey.stage && c.outcome === 'sent');
				expect([item.debtorId, added.length]).toEqual([item.debtorId, Math.max(1, item.journey.claimIds.length)]);
			}
		}
		expect(rowsAfter).toHaveLength(GOOD + BAD);
	});
});
