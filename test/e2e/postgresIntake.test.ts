/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON; the secret is test-only, given to n8n as a credential */
/**
 * The Postgres edition of the ERP intake (workflows/postgres/02-erp-intake.json) on the queue-mode
 * stack: PostgreSQL, Redis, n8n main and two workers; one stack for the file.
 *
 * Asserted: 50 signed payment events for one debtor, each its own request, all at once: all answered
 * accepted, all 50 payments in the record, its claim lowered by all 50, one write each (the version
 * rose by 50); 20 invoices at once for a new debtor: one row with 20 claims; a replay answers
 * duplicate and changes nothing; the same paymentId under a new eventId (one after the other, and
 * two at once) is applied once; an unsigned request is refused; the changed debtors are due for the
 * daily journey's claim query. Most of the time is starting the stack.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import type { WorkflowJson } from '../../scripts/n8nInstance';
import { erpCredential, useErpCredential } from './harness/erpIntake';
import { hmacSha256Hex } from './harness/signing';
import { psql } from '../../scripts/scale/postgres';
import type { ScaleStack } from '../../scripts/scale/stack';
import { ERP_INTAKE_PATH } from '../../workflows/src/02-erp-intake';
import { SQL } from '../../workflows/src/postgres';
import { disposeScaleStack, prepareScaleStack } from './harness/scaleStack';

jest.setTimeout(1_500_000);

const ERP_SECRET = 'erp-intake-pg-test-secret-5d1e';
const ERP_CRED = { id: 'scErpSignCredPg1', name: 'ERP intake signing secret' };
const PAYMENTS = 50;
const INVOICES = 20;
const PRINCIPAL = 100_000;
const PAID = 1_000;

let stack: ScaleStack | undefined;

const rows = (query: string): string[][] =>
	psql(stack!.appDatabaseUrl, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));
const recordOf = (debtorId: string): any => JSON.parse(rows(`SELECT record FROM sc_debtors WHERE debtor_id = '${debtorId}'`)[0][0]);
const versionOf = (debtorId: string): number => Number(rows(`SELECT version FROM sc_debtors WHERE debtor_id = '${debtorId}'`)[0][0]);

/** Posts events as the ERP does: signed "<timestamp>.<raw body>", the bytes as signed. */
async function post(events: unknown[], secret = ERP_SECRET): Promise<{ status: number; data: any }> {
	const body = JSON.stringify({ events });
	const timestamp = Math.floor(Date.now() / 1000);
	const signature = hmacSha256Hex(secret, `${timestamp}.${body}`);
	const response = await axios.post(`${stack!.main.baseUrl}/webhook/${ERP_INTAKE_PATH}`, body, {
		headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` },
		validateStatus: () => true,
		timeout: 600_000,
		transformRequest: [(data: string) => data],
	});
	return { status: response.status, data: response.data };
}

const payment = (n: number | string, paymentId = `P-${n}`) => ({ eventId: `PAY-${n}`, type: 'payment', debtorId: 'D-PAY', payment: { paymentId, amountCents: PAID, date: '2026-11-02', claimId: 'INV-PAY' } });

beforeAll(async () => {
	const started = Date.now();
	stack = await prepareScaleStack({ workers: 2, concurrency: 5 });
	await stack.main.importCredentials([erpCredential(ERP_CRED.id, ERP_CRED.name, ERP_SECRET)]);
	const intake: WorkflowJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'postgres', '02-erp-intake.json'), 'utf8'));
	useErpCredential(intake, ERP_CRED);
	await stack.main.importWorkflow(intake);
	await stack.main.publishWorkflow(intake.id as string);
	await stack.startN8n();
	await stack.main.waitForWebhook(ERP_INTAKE_PATH, 120_000);
	// The debtor the payments are for: planned by yesterday's journey, nothing due before 2099.
	const record = { debtorId: 'D-PAY', claims: [{ claimId: 'INV-PAY', principalCents: PRINCIPAL, openCents: PRINCIPAL, invoiceDate: '2026-10-01', dueDate: '2026-10-15' }] };
	psql(stack.appDatabaseUrl, `INSERT INTO sc_debtors (debtor_id, record, next_step_date, planned_version, planned_on) VALUES ('D-PAY', '${JSON.stringify(record)}', '2099-01-01', 1, '2026-11-01')`);
	console.log(`queue-mode stack ready in ${Math.round((Date.now() - started) / 1000)} s`);
});

afterAll(async () => {
	await disposeScaleStack(stack);
});

test('an unsigned request is refused with 401 and changes nothing', async () => {
	const refused = await post([payment('X')], 'not-the-secret');
	expect(refused.status).toBe(401);
	expect(rows('SELECT count(*) FROM sc_intake')).toEqual([['0']]);
});

test(`${PAYMENTS} payment events for one debtor, each its own request, all at once: all accepted, all in the record`, async () => {
	const started = Date.now();
	const answers = await Promise.all(Array.from({ length: PAYMENTS }, (_, i) => post([payment(i + 1)])));
	console.log(`${PAYMENTS} concurrent payments answered in ${Math.round((Date.now() - started) / 1000)} s`);
	expect(answers.map((a) => [a.status, a.data.results?.[0]?.result])).toEqual(Array.from({ length: PAYMENTS }, () => [200, 'accepted']));
	const record = recordOf('D-PAY');
	expect(record.payments.map((p: any) => p.paymentId).sort()).toEqual(Array.from({ length: PAYMENTS }, (_, i) => `P-${i + 1}`).sort());
	expect(record.claims[0].openCents).toBe(PRINCIPAL - PAYMENTS * PAID);
	// One write per event: the version (1 when inserted) rose by exactly 50.
	expect(versionOf('D-PAY')).toBe(1 + PAYMENTS);
	expect(rows("SELECT count(*), count(DISTINCT event_id) FROM sc_intake WHERE result = 'accepted' AND debtor_id = 'D-PAY'")).toEqual([[String(PAYMENTS), String(PAYMENTS)]]);
});

test(`${INVOICES} invoices at once for a new debtor: one row, ${INVOICES} claims`, async () => {
	const invoice = (n: number) => ({ eventId: `INV-EV-${n}`, type: 'invoice', debtorId: 'D-NEW', claim: { claimId: `INV-${n}`, principalCents: 1200 + n, invoiceDate: '2026-10-01', dueDate: '2026-10-15' } });
	const answers = await Promise.all(Array.from({ length: INVOICES }, (_, i) => post([invoice(i + 1)])));
	expect(answers.map((a) => [a.status, a.data.results?.[0]?.result])).toEqual(Array.from({ length: INVOICES }, () => [200, 'accepted']));
	expect(rows("SELECT count(*), min(status) FROM sc_debtors WHERE debtor_id = 'D-NEW'")).toEqual([['1', 'open']]);
	const record = recordOf('D-NEW');
	expect(record.claims.map((c: any) => c.claimId).sort()).toEqual(Array.from({ length: INVOICES }, (_, i) => `INV-${i + 1}`).sort());
	expect(record.claims.every((c: any) => c.openCents === c.principalCents)).toBe(true);
});

test('a replay answers duplicate and changes nothing', async () => {
	const before = { version: versionOf('D-PAY'), record: recordOf('D-PAY') };
	const replay = await post([payment(7)]);
	expect([replay.status, replay.data.results]).toEqual([200, [{ eventId: 'PAY-7', result: 'duplicate', reason: 'already accepted earlier' }]]);
	expect({ version: versionOf('D-PAY'), record: recordOf('D-PAY') }).toEqual(before);
	expect(rows("SELECT result, count(*) FROM sc_intake WHERE event_id = 'PAY-7' GROUP BY result ORDER BY result")).toEqual([['accepted', '1'], ['duplicate', '1']]);
});

test('the same paymentId under a new eventId is applied once, also when both arrive at once', async () => {
	const before = versionOf('D-PAY');
	const again = await post([payment('7-again', 'P-7')]);
	expect(again.data.results).toEqual([{ eventId: 'PAY-7-again', result: 'duplicate', reason: 'payment P-7 is already in the record' }]);
	expect(versionOf('D-PAY')).toBe(before);
	// Two event ids, one payment, at the same moment: one is accepted, the other is a duplicate.
	const twins = await Promise.all([post([payment('T1', 'P-TWIN')]), post([payment('T2', 'P-TWIN')])]);
	expect(twins.map((t) => t.data.results[0].result).sort()).toEqual(['accepted', 'duplicate']);
	const record = recordOf('D-PAY');
	expect(record.payments.filter((p: any) => p.paymentId === 'P-TWIN')).toHaveLength(1);
	expect(record.payments).toHaveLength(PAYMENTS + 1);
	expect(record.claims[0].openCents).toBe(PRINCIPAL - (PAYMENTS + 1) * PAID);
	expect(versionOf('D-PAY')).toBe(before + 1);
});

test("the changed debtors are due for the daily journey's claim (its own query, rolled back)", () => {
	const claimed = psql(stack!.appDatabaseUrl, [
		'BEGIN;',
		`PREPARE claim (text, text, text, text) AS ${SQL.claimBatch};`,
		"EXECUTE claim ('2026-11-03', 'intake-test', '100', '15');",
		'ROLLBACK;',
	].join('\n'))
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line).debtorId)
		.sort();
	// D-PAY was planned with nothing due before 2099: only its raised version makes it due.
	expect(claimed).toEqual(['D-NEW', 'D-PAY']);
});
