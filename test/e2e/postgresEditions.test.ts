/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON; the secret is test-only, given to this test's own n8n */
/**
 * The Postgres editions of the set-up (00), early warning (03) and reversal handling (07), shipped
 * JSON from workflows/postgres/ in one real n8n (`n8n start`) with a PostgreSQL of its own; only the
 * credentials are filled in, the dispatchers of 03 and 07 get a fixed day, their batch webhook's URL
 * and a batch size of 2, and the Channel Sender's legal-window guard (it reads the real clock; tested
 * in channelSender.test.ts) is off so the suite passes at night. A run of 03 or 07 is its dispatcher's
 * execution and the batch executions it started (one per range of debtor_id), read together.
 *
 * Asserted: the set-up applies every shipped migration to an empty database and reports it, a second
 * run changes nothing, and the migration runner (npm run db:migrate) then finds nothing to apply; 03
 * and 07 decide what their Data Table editions decide (the assertions of workflows03And05... and
 * workflows02And06And07..., on a fixed day), changed debtors become due for the daily journey, a run repeated after a
 * stop sends nothing twice and logs the send once (sc_sends, the UNIQUE idempotency key); 03, 07 and 12
 * ERP payments (the Postgres intake) for one debtor all at once lose nothing; a run is cut into several
 * batch executions (n8n's execution records) that each load at most the batch size and together every
 * debtor once.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, freePort, type RunResult, type WorkflowJson } from '../../scripts/n8nInstance';
import { applyMigrations, listMigrations } from '../../scripts/scale/migrate';
import { LocalPostgres, psql } from '../../scripts/scale/postgres';
import { ERP_INTAKE_PATH } from '../../workflows/src/02-erp-intake';
import { BATCH_CREDENTIAL, EARLY_WARNING_BATCHES, POSTGRES_CREDENTIAL, REVERSAL_BATCHES } from '../../workflows/src/postgres';
import { erpCredential, erpHeaders, useErpCredential } from './harness/erpIntake';
import { N8nRest, ownerEnv } from './harness/rest';

jest.setTimeout(900_000);

const DAY = '2026-11-24'; // a Tuesday
const NOW = '2026-11-24T10:00:00.000+01:00';
const ROLE_LOGIN = 'editions_test_login_1';
const ERP_SECRET = 'erp-intake-editions-secret-8c2d';
const ERP_CRED = { id: 'scErpSignCredEd1', name: 'ERP intake signing secret' };
const PAYMENTS = 12;
/** Debtors per batch execution of 03 and 07: small, so that each run has several batches. */
const BATCH_SIZE = 2;

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'postgres', file), 'utf8'));

/** A shipped workflow with fixed Settings values and the real-clock window guard off (see above). */
function forTest(file: string, settings: Record<string, string> = {}): WorkflowJson {
	const wf = load(file);
	for (const node of wf.nodes as any[]) {
		if (node.name === 'Settings') for (const assignment of node.parameters.assignments.assignments) if (assignment.name in settings) assignment.value = settings[assignment.name];
		if (node.type === 'n8n-nodes-social-collections.channelSender') node.parameters.options = { ...node.parameters.options, contactWindow: false };
	}
	return wf;
}

/** The day `days` before DAY (YYYY-MM-DD). */
const daysBefore = (days: number) => new Date(Date.parse(`${DAY}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

const ADDRESS = { street: 'Dorpsstraat', houseNumber: '12', postalCode: '3511 AB', city: 'Utrecht' };

/** Monthly rent of EUR 650 due on the 1st, May to November 2026; `open` months unpaid (as in the Data Table test). */
function rentDebtor(debtorId: string, open: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
	const months = ['05', '06', '07', '08', '09', '10', '11'];
	const claims = months.map((m, i) => ({
		claimId: `${debtorId}-2026-${m}`,
		principalCents: 65000,
		openCents: i >= months.length - open ? 65000 : 0,
		invoiceDate: `2026-${String(Number(m) - 1).padStart(2, '0')}-15`,
		dueDate: `2026-${m}-01`,
		sector: 'rent',
	}));
	const payments = claims.filter((c) => c.openCents === 0).map((c) => ({ claimId: c.claimId, amountCents: 65000, date: c.dueDate }));
	return {
		debtorId,
		firstName: 'Anna',
		lastName: `de Vries ${debtorId}`,
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678', address: ADDRESS },
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		claims,
		payments,
		contacts: [],
		...extra,
	};
}

const PRECONDITIONS = [
	{ at: '2026-10-08T10:00:00+02:00', channel: 'phone', direction: 'outbound', stage: 'early-warning-care', outcome: 'no-answer' },
	{ at: '2026-10-09T09:00:00+02:00', channel: 'email', direction: 'outbound', stage: 'early-warning-care', outcome: 'sent' },
];

/** A debtor paying by direct debit whose last collection came back with `reasonCode` on `date` (as in the Data Table test). */
function reversed(debtorId: string, reasonCode: string, date = daysBefore(3)): Record<string, unknown> {
	return {
		debtorId,
		firstName: 'Kim',
		lastName: 'de Boer',
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31687654321' },
		preferredChannel: 'email',
		paymentMethod: 'direct-debit',
		iban: 'NL91ABNA0417164300',
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		claims: [{ claimId: `C-${debtorId}`, principalCents: 4500, openCents: 4500, invoiceDate: '2026-09-01', dueDate: '2026-09-30' }],
		payments: [],
		reversals: [{ amountCents: 4500, date, reasonCode, claimId: `C-${debtorId}` }],
	};
}

let dir: string;
let pg: LocalPostgres;
let url: string;
let n8n: N8nInstance;
let rest: N8nRest;
const setup = load('00-setup-postgres.json');
// The dispatchers (their Settings get the batch webhook URL once n8n has its port) and the batch workflows.
const earlyWarning = forTest('03-early-warning.json', { referenceDate: DAY, now: NOW, batchSize: String(BATCH_SIZE) });
const earlyWarningBatch = forTest('03-early-warning-batch.json');
const reversals = forTest('07-reversal-handling.json', { referenceDate: DAY, now: NOW, batchSize: String(BATCH_SIZE) });
const reversalsBatch = forTest('07-reversal-handling-batch.json');
/** The batch workflow of each dispatcher. */
const BATCH_OF = new Map([
	[earlyWarning.id as string, { batch: earlyWarningBatch.id as string, path: EARLY_WARNING_BATCHES.path }],
	[reversals.id as string, { batch: reversalsBatch.id as string, path: REVERSAL_BATCHES.path }],
]);

const rows = (query: string): string[][] =>
	psql(url, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));
const recordOf = (debtorId: string): any => JSON.parse(rows(`SELECT record FROM sc_debtors WHERE debtor_id = '${debtorId}'`)[0][0]);
const itemsOf = (run: RunResult, node: string, output = 0): any[] => (run.nodeNames().includes(node) ? run.items(node, output) : []);

/** A run of 03 or 07: the dispatcher's execution and those of the batches it started, in the order they started. */
interface DispatchedRun extends RunResult {
	dispatcher: RunResult;
	batches: Array<RunResult & { id: string; mode: string }>;
}

/**
 * Clicks "Execute workflow" on the dispatcher's manual trigger and reads its batch executions with it:
 * the items of a node are those of every batch, in the order the batches were started. A read first: n8n
 * may have closed the client's idle keep-alive connection meanwhile, and a read (which the harness
 * repeats on ECONNRESET) finds that out instead of the start, which is not repeated.
 */
async function runNow(workflowId: string): Promise<DispatchedRun> {
	const { batch } = BATCH_OF.get(workflowId)!;
	const before = new Set((await rest.executions(batch)).map((e) => String(e.id)));
	await rest.executions(workflowId);
	const dispatcher = await rest.runManually(workflowId, 'Run now (manual)');
	// Each call was answered when its batch ended; the execution record may be saved a moment later.
	const started = (await rest.executions(batch)).filter((e) => !before.has(String(e.id))).sort((a, b) => Number(a.id) - Number(b.id));
	const batches = await Promise.all(started.map(async (e) => ({ ...(await rest.execution(String(e.id))), id: String(e.id), mode: e.mode })));
	const ran = (node: string) => batches.filter((b) => b.nodeNames().includes(node));
	const statuses = [dispatcher.raw.status, ...batches.map((b) => b.raw.status)];
	const run: DispatchedRun = {
		dispatcher,
		batches,
		raw: { ...dispatcher.raw, status: statuses.every((status) => status === 'success') ? 'success' : statuses.find((status) => status !== 'success') },
		outputs: (node) => ran(node).reduce<Array<Array<Record<string, unknown>>>>((all, b) => b.outputs(node).map((items, output) => [...(all[output] ?? []), ...items]), []),
		items: (node, output = 0) => run.outputs(node)[output] ?? [],
		nodeNames: () => [...new Set(batches.flatMap((b) => b.nodeNames()))],
	};
	return run;
}

/**
 * Seeds debtors as the daily journey left them yesterday: planned from their current version, nothing
 * due before 2099, so only a change of the record makes them due again.
 */
function seed(records: Array<Record<string, unknown>>): void {
	const values = records.map((record) => `('${record.debtorId}', '${JSON.stringify(record).replace(/'/g, "''")}', '2099-01-01', 1, '${daysBefore(1)}')`);
	psql(url, `INSERT INTO sc_debtors (debtor_id, record, next_step_date, planned_version, planned_on) VALUES ${values.join(',\n')};`);
}
const changedSincePlanned = (ids: string[]) =>
	rows(`SELECT debtor_id FROM sc_debtors WHERE debtor_id IN (${ids.map((id) => `'${id}'`).join(', ')}) AND version > planned_version ORDER BY debtor_id`).map(([id]) => id);

/** Posts one ERP event as the ERP does: signed "<timestamp>.<raw body>". */
async function postEvent(event: unknown): Promise<{ status: number; data: any }> {
	const body = JSON.stringify({ events: [event] });
	const response = await axios.post(`${n8n.baseUrl}/webhook/${ERP_INTAKE_PATH}`, body, {
		headers: erpHeaders(body, ERP_SECRET),
		validateStatus: () => true,
		timeout: 300_000,
		transformRequest: [(data: string) => data],
	});
	return { status: response.status, data: response.data };
}

beforeAll(async () => {
	const started = Date.now();
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-editions-'));
	fs.chmodSync(dir, 0o711);
	pg = await LocalPostgres.start({ dataDir: path.join(dir, 'data'), port: await freePort(), logFile: path.join(dir, 'postgres.log'), ephemeral: true });
	// An empty database: the set-up workflow makes the schema.
	pg.ensureDatabase('social_collections', 'social_collections', ROLE_LOGIN);
	url = pg.url('social_collections', 'social_collections', ROLE_LOGIN);

	n8n = await N8nInstance.create({ env: ownerEnv() });
	await n8n.importCredentials([
		{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host: '127.0.0.1', port: pg.port, database: 'social_collections', user: 'social_collections', password: ROLE_LOGIN, ssl: 'disable', maxConnections: 10 } },
		erpCredential(ERP_CRED.id, ERP_CRED.name, ERP_SECRET),
		{ ...BATCH_CREDENTIAL, type: 'jwtAuth', data: { keyType: 'passphrase', secret: `${ROLE_LOGIN}-batch`, algorithm: 'HS256' } },
	]);
	const intake = load('02-erp-intake.json');
	useErpCredential(intake, ERP_CRED);
	await n8n.importWorkflows([setup, earlyWarning, earlyWarningBatch, reversals, reversalsBatch, intake]);
	for (const wf of [intake, earlyWarningBatch, reversalsBatch]) await n8n.publishWorkflow(wf.id as string);
	await n8n.start(300_000);
	rest = await N8nRest.signIn(n8n);
	// The dispatchers call the batch webhooks of this n8n (its port is known now).
	for (const [dispatcher, { path: webhook }] of BATCH_OF) {
		await rest.updateWorkflow(dispatcher, (wf) => {
			const settings = wf.nodes.find((n: any) => n.name === 'Settings').parameters.assignments.assignments;
			settings.find((a: any) => a.name === 'batchWebhookUrl').value = `${n8n.baseUrl}/webhook/${webhook}`;
		});
		await n8n.waitForWebhook(webhook);
	}
	console.log(`n8n and PostgreSQL ready in ${Math.round((Date.now() - started) / 1000)} s`);
});

afterAll(async () => {
	if (process.env.DEBUG_WORKFLOWS) console.log(n8n?.log.slice(-5000));
	await n8n?.dispose();
	await pg?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('00. set-up (Postgres)', () => {
	const schema = () => ({
		migrations: rows('SELECT version, name, applied_at FROM sc_schema_migrations ORDER BY version'),
		columns: rows("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"),
		indexes: rows("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"),
	});
	let first: ReturnType<typeof schema>;

	test('applies every shipped migration to an empty database and says so', async () => {
		const shipped = listMigrations();
		await rest.executions(setup.id as string);
		const run = await rest.runManually(setup.id as string, 'Run once');
		expect(run.raw.status).toBe('success');
		const [report] = run.items('Report');
		expect(report).toMatchObject({ applied: shipped.map((m) => m.version), alreadyApplied: [], current: shipped.length, shipped: shipped.length });
		expect(report.summary).toBe(`applied migration(s) ${shipped.map((m) => m.version).join(', ')}; the schema is at version ${shipped.length}`);
		first = schema();
		expect(first.migrations.map(([version, name]) => [Number(version), name])).toEqual(shipped.map((m) => [m.version, m.name]));
		const tables = new Set(first.columns.map(([table]) => table));
		for (const table of ['sc_debtors', 'sc_contact_log', 'sc_tasks', 'sc_intake', 'sc_municipality_signals', 'sc_sends', 'sc_schema_migrations']) expect(tables).toContain(table);
		// The helper function lived in the session's own schema: nothing of it is left in the database's.
		expect(rows("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.proname = 'sc_apply_migration' AND n.nspname NOT LIKE 'pg_temp%'")).toEqual([['0']]);
	});

	test('a second run changes nothing, and the migration runner finds nothing to apply', async () => {
		await rest.executions(setup.id as string);
		const run = await rest.runManually(setup.id as string, 'Run once');
		expect(run.raw.status).toBe('success');
		const [report] = run.items('Report');
		expect(report).toMatchObject({ applied: [], current: listMigrations().length });
		expect(report.alreadyApplied).toHaveLength(listMigrations().length);
		expect(report.summary).toBe(`nothing to apply; the schema is at version ${listMigrations().length}`);
		expect(schema()).toEqual(first);
		expect(applyMigrations(url)).toEqual({ applied: [], current: listMigrations().length });
	});
});

describe('03. early warning (Postgres)', () => {
	const ids = ['EW-NEW', 'EW-READY', 'EW-SIGNALLED', 'EW-OBJECTED', 'EW-DISPUTE', 'OK-PAID'];
	let first: DispatchedRun;
	let second: DispatchedRun;
	let tasks: string[][];
	let log: string[][];

	beforeAll(async () => {
		seed([
			rentDebtor('EW-NEW', 2),
			rentDebtor('EW-READY', 2, { contacts: PRECONDITIONS }),
			rentDebtor('EW-SIGNALLED', 2, { contacts: PRECONDITIONS, municipalitySignalledOn: '2026-11-10' }),
			rentDebtor('EW-OBJECTED', 2, { contacts: PRECONDITIONS, consents: { municipalityObjection: true } }),
			rentDebtor('EW-DISPUTE', 2, { flags: { dispute: true } }),
			rentDebtor('OK-PAID', 0),
		]);
		first = await runNow(earlyWarning.id as string);
		tasks = rows("SELECT debtor_id, stage, done, why FROM sc_tasks WHERE debtor_id LIKE 'EW-%' OR debtor_id LIKE 'OK-%' ORDER BY id");
		log = rows("SELECT debtor_id, decision, stage, reason, idempotency_key FROM sc_contact_log WHERE debtor_id LIKE 'EW-%' OR debtor_id LIKE 'OK-%' ORDER BY id");
		second = await runNow(earlyWarning.id as string);
	});

	test(`the run was cut into batch executions of at most ${BATCH_SIZE} debtors, which together loaded every open debtor once`, () => {
		const open = rows("SELECT debtor_id FROM sc_debtors WHERE status = 'open' ORDER BY debtor_id").map(([id]) => id);
		expect(open).toEqual([...ids].sort());
		// One execution per range, started through the production webhook (queue mode hands each to any worker).
		expect(first.batches).toHaveLength(Math.ceil(open.length / BATCH_SIZE));
		expect(first.batches.length).toBeGreaterThan(1);
		for (const batch of first.batches) {
			expect([batch.id, batch.mode, batch.raw.status]).toEqual([batch.id, 'webhook', 'success']);
			const loaded = batch.items('Load debtors');
			expect(loaded.length).toBeGreaterThan(0);
			expect(loaded.length).toBeLessThanOrEqual(BATCH_SIZE);
		}
		// Each debtor in exactly one batch (the batches run side by side: their executions start in any order).
		expect(first.items('Load debtors').map((row) => String(row.debtor_id)).sort()).toEqual(open);
		expect(first.dispatcher.items('All batches done')).toEqual([{ day: DAY, batches: first.batches.length, debtors: open.length }]);
		// Each call was answered when its batch had ended (so at most *Batches at once* run at a time): the
		// dispatcher went on only after the last node of every batch had finished.
		const finished = (run: RunResult) => Math.max(...Object.values<any[]>(run.raw.data.resultData.runData).flat().map((task) => Number(task.startTime) + Number(task.executionTime)));
		const done = Number((first.dispatcher.raw.data.resultData.runData['All batches done'][0] as any).startTime);
		for (const batch of first.batches) expect(finished(batch)).toBeLessThanOrEqual(done);
	});

	test('the batch webhook refuses a call without a valid token and starts nothing', async () => {
		const before = (await rest.executions(earlyWarningBatch.id as string)).length;
		const url = `${n8n.baseUrl}/webhook/${EARLY_WARNING_BATCHES.path}`;
		const body = { day: DAY, now: NOW, first: 'EW-DISPUTE', last: 'OK-PAID' };
		for (const headers of [{}, { Authorization: 'Bearer not-a-token' }]) {
			const response = await axios.post(url, body, { headers, validateStatus: () => true, timeout: 60_000 });
			expect([401, 403]).toContain(response.status);
		}
		expect(await rest.executions(earlyWarningBatch.id as string)).toHaveLength(before);
	});

	test('only debtors with signals go on; the paid-up debtor gets nothing', () => {
		expect(first.raw.status).toBe('success');
		const withSignals = itemsOf(first, 'Early-warning signals?', 0).map((item) => item.debtorId);
		expect(withSignals).toEqual(expect.arrayContaining(['EW-NEW', 'EW-READY', 'EW-SIGNALLED', 'EW-OBJECTED']));
		expect(withSignals).not.toContain('OK-PAID');
		expect(itemsOf(first, 'Early-warning signals?', 1).map((item) => item.debtorId)).toContain('OK-PAID');
		expect(log.filter(([id]) => id === 'OK-PAID')).toEqual([]);
	});

	test('a new case gets one written care message (claimed in sc_sends) and a call task; the contact is on the record', () => {
		const sent = itemsOf(first, 'Send care message', 0);
		expect(sent.map((item) => item.debtorId)).toEqual(['EW-NEW']);
		expect(sent[0].message).toMatchObject({ stage: 'early-warning-care', channel: 'email', tone: 'supportive' });
		expect(sent[0].message.text).toMatch(/gemeente/i);
		expect(sent[0].delivery).toMatchObject({ simulated: true, channel: 'email' });
		expect(rows("SELECT debtor_id, status FROM sc_sends WHERE debtor_id LIKE 'EW-%'")).toEqual([['EW-NEW', 'sent']]);
		expect(tasks.map(([id, stage, done]) => [id, stage, done])).toEqual([['EW-NEW', 'early-warning-care', 'f']]);
		expect(tasks[0][3]).toMatch(/legal-early-warning/);
		expect(recordOf('EW-NEW').contacts).toEqual([expect.objectContaining({ channel: 'email', direction: 'outbound', stage: 'early-warning-care', outcome: 'sent' })]);
		expect(log.filter(([id]) => id === 'EW-NEW').map(([, decision, stage]) => [decision, stage])).toEqual([['sent', 'early-warning-care']]);
	});

	test('the municipality signal is prepared (not sent) in sc_municipality_signals, with only the allowed data', () => {
		const signals = rows('SELECT debtor_id, prepared_on, name, street, postal_code, city, email, phone, arrears_cents, personal_contact_on, debt_help_pointer_on, reminder_with_offer_on, status, submitted_on FROM sc_municipality_signals');
		expect(signals).toEqual([['EW-READY', DAY, 'Anna de Vries EW-READY', 'Dorpsstraat 12', '3511 AB', 'Utrecht', 'ew-ready@example.nl', '+31612345678', '130000', '2026-10-08', '2026-10-08', '2026-10-09', 'prepared', '']]);
		expect(recordOf('EW-READY').municipalitySignalledOn).toBe(DAY);
		expect(log.find(([id]) => id === 'EW-READY')!.slice(1, 3)).toEqual(['signal-prepared', 'municipality-signal']);
	});

	test('already signalled, objected and disputed debtors get no message, task or signal; the log says why', () => {
		const decision = new Map(log.map(([id, d, stage, reason]) => [id, { d, stage, reason }]));
		expect(decision.get('EW-SIGNALLED')!.d).toBe('signal-already-signalled');
		expect(decision.get('EW-OBJECTED')!.d).toBe('signal-objected');
		expect(decision.get('EW-DISPUTE')).toMatchObject({ d: 'no-care', stage: 'early-warning-care' });
		expect(decision.get('EW-DISPUTE')!.reason).toMatch(/persona dispute \(pause\)/);
		for (const id of ['EW-SIGNALLED', 'EW-OBJECTED', 'EW-DISPUTE']) expect(tasks.filter(([task]) => task === id)).toEqual([]);
	});

	test('the changed debtors are due again for the daily journey; the others are not', () => {
		// Planned yesterday from version 1; the care contact and the signal date raised the version.
		expect(changedSincePlanned(ids)).toEqual(['EW-NEW', 'EW-READY']);
	});

	test('a second run the same day sends nothing, opens no task and prepares no signal again', () => {
		expect(second.raw.status).toBe('success');
		expect(itemsOf(second, 'Send care message', 0)).toEqual([]);
		expect(itemsOf(second, 'Municipality signal ready?', 0)).toEqual([]);
		expect(rows("SELECT count(*) FROM sc_tasks WHERE debtor_id LIKE 'EW-%'")).toEqual([[String(tasks.length)]]);
		expect(rows('SELECT count(*) FROM sc_municipality_signals')).toEqual([['1']]);
	});

	test('a run repeated after one that stopped between the send and the record: nothing sent twice, the send logged once, the contact recorded', async () => {
		// As if the first run had stopped after the provider took the message, before the contact was written.
		psql(url, "UPDATE sc_debtors SET record = jsonb_set(record, '{contacts}', '[]') WHERE debtor_id = 'EW-NEW';");
		const again = await runNow(earlyWarning.id as string);
		expect(again.raw.status).toBe('success');
		expect(itemsOf(again, 'Send care message', 0)).toEqual([]);
		expect(itemsOf(again, 'Recorded as sent', 0).map((item) => [item.debtorId, item.delivery.alreadySent])).toEqual([['EW-NEW', true]]);
		// The run logged the send again with the same key; the UNIQUE idempotency key refused the second row.
		const [logged] = itemsOf(again, 'Log: care message', 0);
		expect([logged.debtorId, logged.decision]).toEqual(['EW-NEW', 'sent']);
		expect(rows(`SELECT count(*) FROM sc_contact_log WHERE idempotency_key = '${logged.idempotencyKey}'`)).toEqual([['1']]);
		expect(rows("SELECT count(*) FROM sc_contact_log WHERE debtor_id = 'EW-NEW' AND decision = 'sent'")).toEqual([['1']]);
		expect(recordOf('EW-NEW').contacts).toEqual([expect.objectContaining({ stage: 'early-warning-care', outcome: 'sent' })]);
	});
});

describe('07. reversal handling (Postgres)', () => {
	let run: DispatchedRun;
	const logOf = () => rows("SELECT debtor_id, decision, status, reason FROM sc_contact_log WHERE debtor_id LIKE 'R-%' ORDER BY debtor_id");

	beforeAll(async () => {
		seed([
			reversed('R-AM04', 'AM04'),
			reversed('R-MD07', 'MD07'),
			reversed('R-MD06', 'MD06'),
			reversed('R-MS02', 'MS02'),
			reversed('R-AC06', 'AC06'),
			reversed('R-OLD', 'AM04', daysBefore(60)),
			{ ...reversed('R-NONE', 'AM04'), reversals: [] },
		]);
		run = await runNow(reversals.id as string);
	});

	test('the run succeeds, loads only debtors with a reversal and considers only new ones', () => {
		expect(run.raw.status).toBe('success');
		const loaded = run.items('Debtor record from row').map((item) => item.debtorId);
		expect(loaded).toEqual(expect.arrayContaining(['R-AM04', 'R-OLD']));
		expect(loaded).not.toContain('R-NONE');
		expect(loaded).not.toContain('EW-NEW');
		expect(run.items('New reversals').map((item) => item.debtorId).sort()).toEqual(['R-AC06', 'R-AM04', 'R-MD06', 'R-MD07', 'R-MS02']);
		// In batches of at most BATCH_SIZE, each a webhook execution of its own, every debtor with a reversal once.
		// (Open when the run started: R-MD07 is closed by it. R-NONE's list of reversals is empty.)
		const withReversals = ['R-AC06', 'R-AM04', 'R-MD06', 'R-MD07', 'R-MS02', 'R-OLD'];
		expect(run.batches).toHaveLength(Math.ceil(withReversals.length / BATCH_SIZE));
		expect(run.batches.length).toBeGreaterThan(1);
		for (const batch of run.batches) expect([batch.mode, batch.items('Load debtors').length <= BATCH_SIZE]).toEqual(['webhook', true]);
		expect(run.items('Load debtors').map((row) => String(row.debtor_id)).sort()).toEqual(withReversals);
	});

	test('AM04: a gentle notice with the new collection date after payday; MD06 and MS02: a question', () => {
		const sent = itemsOf(run, 'Send the message', 0);
		const am04 = sent.find((item) => item.debtorId === 'R-AM04');
		expect(am04.schedule).toMatchObject({ status: 'scheduled', representation: true, reversal: { reasonCode: 'AM04' } });
		expect(am04.message).toMatchObject({ stage: 'reversal-notice', tone: 'supportive', dueDate: am04.schedule.collectionDate });
		expect(am04.delivery).toMatchObject({ provider: 'sandbox', simulated: true, channel: 'email' });
		expect(sent.filter((i) => ['R-MD06', 'R-MS02'].includes(i.debtorId)).map((i) => [i.debtorId, i.schedule.reasonCode, i.message.tone]).sort()).toEqual([
			['R-MD06', 'refund-or-refusal', 'neutral'],
			['R-MS02', 'refund-or-refusal', 'neutral'],
		]);
	});

	test('every decision is in the contact log; MD07 stops everything and AC06 goes to a person; the answers are on the records', () => {
		expect(logOf().map(([id, decision, status]) => [id, decision, status])).toEqual([
			['R-AC06', 'reversal-AC06', 'task'],
			['R-AM04', 'reversal-AM04', 'sent'],
			['R-MD06', 'reversal-MD06', 'sent'],
			['R-MD07', 'reversal-MD07', 'stopped'],
			['R-MS02', 'reversal-MS02', 'sent'],
		]);
		expect(logOf().find(([id]) => id === 'R-AM04')![3]).toMatch(/^AM04: re-presented on \d{4}-\d{2}-\d{2} \(after payday\) \(sandbox\)$/);
		expect(rows("SELECT debtor_id FROM sc_tasks WHERE debtor_id LIKE 'R-%' ORDER BY debtor_id")).toEqual([['R-AC06'], ['R-MD07']]);
		expect(rows("SELECT status FROM sc_debtors WHERE debtor_id = 'R-MD07'")).toEqual([['closed']]);
		expect(recordOf('R-MD07').flags.deceased).toBe(true);
		for (const id of ['R-AM04', 'R-MD07', 'R-MD06', 'R-MS02', 'R-AC06']) expect([id, recordOf(id).reversalsAnswered.length]).toEqual([id, 1]);
		expect(recordOf('R-AM04').contacts).toEqual([expect.objectContaining({ channel: 'email', direction: 'outbound', stage: 'reversal-notice', outcome: 'sent' })]);
		expect(recordOf('R-OLD').reversalsAnswered).toBeUndefined();
		expect(recordOf('R-AM04').schedule).toBeUndefined();
		// Every answered debtor changed, so the daily journey looks at it again; the old reversal changed nothing.
		expect(changedSincePlanned(['R-AM04', 'R-MD07', 'R-MD06', 'R-MS02', 'R-AC06', 'R-OLD'])).toEqual(['R-AC06', 'R-AM04', 'R-MD06', 'R-MD07', 'R-MS02']);
	});

	test('a second run answers nothing twice', async () => {
		const before = logOf().length;
		const again = await runNow(reversals.id as string);
		expect(again.raw.status).toBe('success');
		expect(again.items('New reversals')).toEqual([]);
		expect(logOf()).toHaveLength(before);
		expect(rows("SELECT count(*) FROM sc_tasks WHERE debtor_id LIKE 'R-%'")).toEqual([['2']]);
	});
});

describe('one debtor, many changes at once (Postgres)', () => {
	test(`03, 07 and ${PAYMENTS} ERP payments for one debtor at the same moment: every change is in the record`, async () => {
		// Rent in arrears (the legal early warning: a care message is due) and a new AM04 reversal.
		const debtor = {
			...rentDebtor('X-1', 3),
			preferredChannel: 'email',
			paymentMethod: 'direct-debit',
			iban: 'NL91ABNA0417164300',
			reversals: [{ reversalId: 'REV-X-1', amountCents: 65000, date: daysBefore(3), reasonCode: 'AM04', claimId: 'X-1-2026-11' }],
		};
		seed([debtor]);
		const payment = (n: number) => ({ eventId: `PAY-X-${n}`, type: 'payment', debtorId: 'X-1', payment: { paymentId: `PX-${n}`, amountCents: 100, date: DAY, claimId: 'X-1-2026-09' } });
		const started = Date.now();
		const [[care, answer], answers] = await Promise.all([
			Promise.all([runNow(earlyWarning.id as string), runNow(reversals.id as string)]),
			Promise.all(Array.from({ length: PAYMENTS }, (_, i) => postEvent(payment(i + 1)))),
		]);
		console.log(`03, 07 and ${PAYMENTS} payments for one debtor done in ${Math.round((Date.now() - started) / 1000)} s`);
		expect([care.raw.status, answer.raw.status]).toEqual(['success', 'success']);
		expect(answers.map((a) => [a.status, a.data.results?.[0]?.result])).toEqual(Array.from({ length: PAYMENTS }, () => [200, 'accepted']));
		const record = recordOf('X-1');
		expect(record.payments.filter((p: any) => String(p.paymentId).startsWith('PX-')).map((p: any) => p.paymentId).sort()).toEqual(Array.from({ length: PAYMENTS }, (_, i) => `PX-${i + 1}`).sort());
		expect(record.claims.find((c: any) => c.claimId === 'X-1-2026-09').openCents).toBe(65000 - PAYMENTS * 100);
		expect(record.contacts.filter((c: any) => c.stage === 'early-warning-care')).toHaveLength(1);
		expect(record.contacts.filter((c: any) => c.stage === 'reversal-notice')).toHaveLength(1);
		expect(record.reversalsAnswered.map((a: any) => a.reversal)).toEqual(['REV-X-1']);
		// One write per change (the version was 1): the payments, the care contact, the answered reversal.
		expect(rows("SELECT version FROM sc_debtors WHERE debtor_id = 'X-1'")).toEqual([[String(1 + PAYMENTS + 2)]]);
		expect(itemsOf(care, 'Care contact: Not saved?', 0)).toEqual([]);
		expect(itemsOf(answer, 'Not saved?', 0)).toEqual([]);
	});
});
