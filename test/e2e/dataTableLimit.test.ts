/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON; the signing secret is test-only, shared with a loopback n8n */
/**
 * The Data Table edition at n8n's Data Table limit, in a real n8n whose limit is lowered to 6 MiB
 * (N8N_DATA_TABLES_MAX_SIZE_BYTES): the daily journey (workflow 1) and the ERP intake (workflow 2)
 * stop before their first write with a message that names the limit, the setting that raises it and
 * the Postgres edition, and nothing of the stopped run is saved or sent: no contact-log row, no task,
 * no changed record, no intake row, no reserve left in sc_room, the Channel Sender never reached.
 * Both when the Data Tables are nearly full (n8n itself would still take a write, but not the run's
 * writes) and when they are full (n8n refuses every write).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type RunResult, type WorkflowJson } from '../../scripts/n8nInstance';
import { erpCredential, useErpCredential } from './harness/erpIntake';
import { hmacSha256Hex } from './harness/signing';
import { N8nRest, ownerEnv, type Row } from './harness/rest';
import { generatePortfolio } from '../fixtures/portfolio';

jest.setTimeout(900_000);

const LIMIT = 6 * 1024 * 1024;
const DEBTORS = 150;
const ERP_SECRET = 'erp-limit-secret-5b1e';
const ERP_CRED = { id: 'scLimitErpCred01', name: 'ERP signing secret' };

const load = (file: string): any => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
const nodeNamed = (wf: any, name: string): any => {
	const node = wf.nodes.find((n: { name: string }) => n.name === name);
	if (!node) throw new Error(`no node "${name}" in ${wf.name}`);
	return node;
};

/** The journey for `day`, contact window off (the run is a replay, not at the planned moment). */
function configure(wf: any, day: string): void {
	for (const assignment of nodeNamed(wf, 'Settings').parameters.assignments.assignments) {
		if (assignment.name === 'referenceDate') assignment.value = day;
		if (assignment.name === 'now') assignment.value = `${day}T08:00:00+02:00`;
	}
	nodeNamed(wf, 'Send due messages').parameters.options.contactWindow = false;
}

function signed(body: string) {
	const timestamp = Math.floor(Date.now() / 1000);
	const signature = hmacSha256Hex(ERP_SECRET, `${timestamp}.${body}`);
	return { headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` } };
}

/** What a stopped run must say: the limit, the setting that raises it, the Postgres edition. */
const FULL = /Data Tables are full[\s\S]*N8N_DATA_TABLES_MAX_SIZE_BYTES[\s\S]*Postgres edition[\s\S]*docs\/scale\.md/;

describe('Data Table edition at a lowered limit (6 MiB): a clear stop, nothing half-saved', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;
	let journey: WorkflowJson;
	let filler = 0;

	/** The size n8n counts against its limit. */
	const size = async () => (await rest.call<{ totalBytes: number }>('get', '/data-tables-global/limits')).totalBytes;
	/** Closed debtors of no interest to any run, each `bytes` large, until the Data Tables hold `target` bytes. */
	const fillTo = async (target: number) => {
		for (let current = await size(); current < target; current = await size()) {
			const bytes = Math.min(64 * 1024, Math.max(4096, target - current));
			await rest.insertRows('sc_debtors', [{ debtorId: `FILL-${++filler}`, status: 'closed', record: 'x'.repeat(bytes) }]);
		}
	};
	/** Everything a run could have written. */
	const state = async () => ({
		log: (await rest.rows('sc_contact_log')).length,
		tasks: (await rest.rows('sc_tasks')).length,
		intake: (await rest.rows('sc_intake')).length,
		room: (await rest.rows('sc_room')).length,
		records: (await rest.rows('sc_debtors')).filter((row) => row.status !== 'closed').map((row: Row) => `${row.id}:${row.record}`).sort(),
	});
	const runDay = async (day: string): Promise<RunResult> => {
		await rest.updateWorkflow(journey.id as string, (wf) => configure(wf, day));
		return rest.runManually(journey.id as string, 'Run now (manual)');
	};
	const expectCleanStop = (run: RunResult) => {
		expect(run.raw.status).toBe('error');
		expect((run.raw.data.resultData.error as { message?: string } | undefined)?.message).toMatch(FULL);
		expect(run.raw.data.resultData.lastNodeExecuted).toBe('Stop: Data Tables full');
		// Stopped before deciding, so before sending: the Channel Sender never ran.
		expect(run.nodeNames()).not.toContain('Segment debtors');
		expect(run.nodeNames()).not.toContain('Send due messages');
	};
	const intakeEvent = (n: number) => JSON.stringify({
		events: [{ eventId: `LIMIT-${n}`, type: 'invoice', debtorId: `D-LIMIT-${n}`, claim: { claimId: `INV-L${n}`, principalCents: 12000, invoiceDate: '2026-06-01', dueDate: '2026-06-15', sector: 'energy' } }],
	});
	const postIntake = (body: string) => n8n.webhook('sc-erp-intake', body, { ...signed(body), transformRequest: [(data: string) => data] });

	beforeAll(async () => {
		n8n = await N8nInstance.create({ env: { ...ownerEnv(), N8N_DATA_TABLES_MAX_SIZE_BYTES: String(LIMIT) } });
		await n8n.importCredentials([erpCredential(ERP_CRED.id, ERP_CRED.name, ERP_SECRET)]);
		await n8n.importWorkflow(load('00-setup-data-tables.json'));
		journey = load('01-daily-collection-journey.json');
		configure(journey, '2026-07-01');
		await n8n.importWorkflow(journey);
		const intake = load('02-erp-intake.json');
		useErpCredential(intake, ERP_CRED);
		await n8n.importWorkflow(intake);
		await n8n.publishWorkflow(intake.id as string);
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		expect((await rest.runManually('scSetupTables01', 'Run once')).raw.status).toBe('success');
		const debtors = [...generatePortfolio({ seed: 21, count: DEBTORS, referenceDate: '2026-06-30' })].map((d) => d.record);
		await rest.insertRows('sc_debtors', debtors.map((record) => ({ debtorId: record.debtorId, status: 'open', record: JSON.stringify(record) })));
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('with room, the journey runs as before and leaves no reserve behind', async () => {
		const run = await runDay('2026-07-01');
		expect(run.raw.status).toBe('success');
		expect(run.items('Room: reserve it')[0]).toMatchObject({ success: true });
		const after = await state();
		expect(after.log).toBeGreaterThanOrEqual(DEBTORS);
		expect(after.room).toBe(0);
		// And the intake still accepts.
		const response = await postIntake(intakeEvent(1));
		expect([response.status, response.data.results?.[0]?.result]).toEqual([200, 'accepted']);
	});

	test('nearly full (n8n would take one more write, not a whole run): the journey and the intake stop before writing', async () => {
		// Less room left than the run's reserve (1 MiB at least), but below n8n's own limit.
		await fillTo(LIMIT - 512 * 1024);
		expect(await size()).toBeLessThan(LIMIT);
		const before = await state();
		const run = await runDay('2026-07-02');
		expectCleanStop(run);
		// n8n still took the reserve: it would have let the run begin and fail half-way.
		expect(run.items('Room: reserve it')[0]).toMatchObject({ success: true });
		expect(await state()).toEqual(before);

		const response = await postIntake(intakeEvent(2));
		expect(response.status).toBe(503);
		expect(response.data.error).toMatch(FULL);
		expect(await state()).toEqual(before);
		expect((await rest.rows('sc_debtors')).some((row) => row.debtorId === 'D-LIMIT-2')).toBe(false);
	});

	test('full (n8n refuses every write): the same clear stop, nothing saved', async () => {
		let refused = '';
		while (!refused) {
			await rest.insertRows('sc_debtors', [{ debtorId: `FILL-${++filler}`, status: 'closed', record: 'x'.repeat(64 * 1024) }]).catch((error: Error) => {
				refused = error.message;
			});
		}
		expect(refused).toMatch(/Data table size limit exceeded/);
		const before = await state();
		const run = await runDay('2026-07-02');
		expectCleanStop(run);
		expect(run.items('Room: reserve it')[0]?.success).toBeUndefined();
		expect(await state()).toEqual(before);

		const response = await postIntake(intakeEvent(3));
		expect(response.status).toBe(503);
		expect(response.data.error).toMatch(FULL);
		expect(await state()).toEqual(before);
	});
});
