/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any, no-console -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * Workflows 2 (ERP intake), 6 (delivery status) and 7 (direct-debit reversal handling), shipped JSON
 * imported into one real `n8n start` (one instance for the three: the machine is shared), driven over
 * HTTP the way an ERP, a provider and an operator drive them, and judged by the answers, the Data
 * Table rows and the messages the sandbox recorded. Only credentials are added to the shipped files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHmac } from 'node:crypto';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type WorkflowJson } from './harness/n8n';
import { N8nRest, ownerEnv, type Row } from './harness/rest';

jest.setTimeout(900_000);

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
const nodeNamed = (wf: WorkflowJson, name: string): any => {
	const node = wf.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`no node "${name}" in ${wf.name}`);
	return node;
};

const ERP_SECRET = 'erp-intake-test-secret-3f9a';
const CRYPTO_CRED = { id: 'scErpHmacCred01', name: 'ERP intake signing secret' };

/** Signs a body as the ERP does: X-Signature = sha256=HMAC-SHA256(secret, "<timestamp>.<body>"). */
function signed(body: string, secret = ERP_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
	const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
	return { headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` } };
}

describe('workflows 2, 6 and 7 in real n8n', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ env: ownerEnv() });
		await n8n.importCredentials([{ ...CRYPTO_CRED, type: 'crypto', data: { hmacSecret: ERP_SECRET } }]);
		await n8n.importWorkflow(load('00-setup-data-tables.json'));
		const intake = load('02-erp-intake.json');
		nodeNamed(intake, 'Compute the expected signature').credentials = { crypto: CRYPTO_CRED };
		await n8n.importWorkflow(intake);
		await n8n.publishWorkflow(intake.id as string);
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		const setup = await rest.runManually('scSetupTables01', 'Run once');
		expect(setup.raw.status).toBe('success');
	});

	afterAll(async () => {
		if (process.env.DEBUG_WORKFLOWS) console.log(n8n?.log.slice(-5000));
		await n8n?.dispose();
	});

	describe('2. ERP intake', () => {
		const post = (body: unknown, config: any) => n8n.webhook('sc-erp-intake', typeof body === 'string' ? body : JSON.stringify(body), config);
		const record = (rows: Row[], debtorId: string) => JSON.parse(String(rows.find((row) => row.debtorId === debtorId)?.record));

		const batch = {
			events: [
				{ eventId: 'ERP-1', type: 'invoice', debtorId: 'D-100', claim: { claimId: 'INV-1', principalCents: 12000, invoiceDate: '2026-10-01', dueDate: '2026-10-15', sector: 'energy' } },
				{ eventId: 'ERP-2', type: 'invoice', debtorId: 'D-100', claim: { claimId: 'INV-2', principalCents: 8000, invoiceDate: '2026-11-01', dueDate: '2026-11-15' } },
				{ eventId: 'ERP-3', type: 'payment', debtorId: 'D-100', payment: { amountCents: 15000, date: '2026-11-10', method: 'direct-debit' } },
				{ eventId: 'ERP-4', type: 'reversal', debtorId: 'D-100', reversal: { amountCents: 5000, date: '2026-11-12', reasonCode: 'AM04', claimId: 'INV-2' } },
				{ eventId: 'ERP-5', type: 'debtor-update', debtorId: 'D-100', debtor: { firstName: 'Anna', contact: { email: 'anna@example.nl' }, income: { type: 'salary-monthly', dayOfMonth: 25 }, iban: 'NL91ABNA0417164300', paymentMethod: 'direct-debit' } },
				{ eventId: 'ERP-6', type: 'payment', debtorId: 'D-100', payment: { amountCents: 12.5, date: '2026-11-12' } },
				{ eventId: 'ERP-7', type: 'payment', debtorId: 'D-999', payment: { amountCents: 100, date: '2026-11-12' } },
				{ eventId: 'ERP-3', type: 'payment', debtorId: 'D-100', payment: { amountCents: 15000, date: '2026-11-10' } },
				{ eventId: 'ERP-8', type: 'debtor-update', debtorId: 'D-200', debtor: { contact: { email: 'not-an-address' } } },
				{ eventId: 'ERP-9', type: 'write-off', debtorId: 'D-100' },
				{ eventId: 'ERP-10', type: 'invoice', debtorId: 'D-100', claim: { claimId: 'INV-1', principalCents: 1, invoiceDate: '2026-10-01', dueDate: '2026-10-15' } },
			],
		};
		let first: any;

		test('a missing, wrong or stale signature gets 401 and changes nothing', async () => {
			const body = JSON.stringify(batch);
			const unsigned = await post(body, { headers: { 'content-type': 'application/json' } });
			expect(unsigned.status).toBe(401);
			expect(unsigned.data.error).toMatch(/missing X-Signature/);
			const wrong = await post(body, signed(body, 'not-the-secret'));
			expect(wrong.status).toBe(401);
			expect(wrong.data.error).toMatch(/does not match/);
			const tampered = signed(body);
			const altered = await post(body.replace('12000', '1200'), tampered);
			expect(altered.status).toBe(401);
			const stale = await post(body, signed(body, ERP_SECRET, Math.floor(Date.now() / 1000) - 3600));
			expect(stale.status).toBe(401);
			expect(stale.data.error).toMatch(/5-minute window/);
			expect(JSON.stringify(stale.data)).not.toContain(ERP_SECRET);
			expect(await rest.rows('sc_debtors')).toEqual([]);
			expect(await rest.rows('sc_intake')).toEqual([]);
		});

		test('an unreadable request gets 400', async () => {
			for (const body of ['{"events": "no"}', 'not json', '{"events": []}']) {
				const response = await post(body, signed(body));
				expect([body, response.status]).toEqual([body, 400]);
				expect(response.data.error).toMatch(/JSON|events/);
			}
			expect(await rest.rows('sc_intake')).toEqual([]);
		});

		test('a signed batch gets one answer per event: accepted, rejected with reason, duplicate', async () => {
			const body = JSON.stringify(batch);
			const response = await post(body, signed(body));
			expect(response.status).toBe(200);
			first = response.data;
			expect(first.results.map((r: any) => [r.eventId, r.result])).toEqual([
				['ERP-1', 'accepted'],
				['ERP-2', 'accepted'],
				['ERP-3', 'accepted'],
				['ERP-4', 'accepted'],
				['ERP-5', 'accepted'],
				['ERP-6', 'rejected'],
				['ERP-7', 'rejected'],
				['ERP-3', 'duplicate'],
				['ERP-8', 'rejected'],
				['ERP-9', 'rejected'],
				['ERP-10', 'rejected'],
			]);
			expect(first).toMatchObject({ received: 11, accepted: 5, rejected: 5, duplicate: 1 });
			const reason = (i: number) => first.results[i].reason;
			expect(reason(5)).toBe('events[5].payment.amountCents must be a whole number of cents above 0');
			expect(reason(6)).toMatch(/unknown debtor/);
			expect(reason(7)).toBe('same eventId earlier in this request');
			expect(reason(8)).toMatch(/debtor schema: contact\.email/);
			expect(reason(8)).not.toContain('not-an-address');
			expect(reason(9)).toMatch(/events\[9\]\.type must be one of/);
			expect(reason(10)).toBe('claim INV-1 already exists');
		});

		test('the accepted events are applied to the debtor record in sc_debtors', async () => {
			const rows = await rest.rows('sc_debtors');
			expect(rows.map((row) => [row.debtorId, row.status])).toEqual([['D-100', 'open']]);
			const d = record(rows, 'D-100');
			// 150.00 paid without a claim: INV-1 (oldest, 120.00) settled, 30.00 on INV-2. Then 50.00 reversed
			// on INV-2: 30.00 opens INV-2 up to its principal, the other 20.00 opens INV-1 again.
			expect(d.claims.map((claim: any) => [claim.claimId, claim.principalCents, claim.openCents])).toEqual([['INV-1', 12000, 2000], ['INV-2', 8000, 8000]]);
			expect(d.payments).toEqual([{ amountCents: 15000, date: '2026-11-10', method: 'direct-debit' }]);
			expect(d.reversals).toEqual([{ amountCents: 5000, date: '2026-11-12', reasonCode: 'AM04', claimId: 'INV-2' }]);
			expect(d).toMatchObject({ debtorId: 'D-100', firstName: 'Anna', contact: { email: 'anna@example.nl' }, income: { type: 'salary-monthly', dayOfMonth: 25 } });
			expect(d.segmentation).toBeUndefined();
			expect(d.intake).toBeUndefined();
		});

		test('every event is logged in sc_intake with its result and reason', async () => {
			const rows = await rest.rows('sc_intake');
			expect(rows.map((row) => [row.eventId, row.result])).toEqual(first.results.map((r: any) => [r.eventId, r.result]));
			for (const row of rows) {
				expect(row.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
				expect(row.reason === '' || row.reason === null).toBe(row.result === 'accepted');
			}
		});

		test('a replay of the same events answers duplicate and changes nothing', async () => {
			const before = await rest.rows('sc_debtors');
			const body = JSON.stringify(batch);
			const response = await post(body, signed(body));
			expect(response.status).toBe(200);
			expect(response.data.results.filter((r: any) => r.result === 'duplicate').map((r: any) => r.eventId)).toEqual(['ERP-1', 'ERP-2', 'ERP-3', 'ERP-4', 'ERP-5', 'ERP-3']);
			expect(response.data.results.filter((r: any) => r.result === 'duplicate').every((r: any) => /already accepted|earlier in this request/.test(r.reason))).toBe(true);
			expect(response.data.accepted).toBe(0);
			const after = await rest.rows('sc_debtors');
			expect(after.map((row) => [row.debtorId, row.record])).toEqual(before.map((row) => [row.debtorId, row.record]));
		});

		test('a corrected event that was rejected may be sent again with the same eventId', async () => {
			const body = JSON.stringify({ events: [{ eventId: 'ERP-6', type: 'payment', debtorId: 'D-100', payment: { amountCents: 1250, date: '2026-11-20', claimId: 'INV-2' } }] });
			const response = await post(body, signed(body));
			expect(response.data.results).toEqual([{ eventId: 'ERP-6', result: 'accepted' }]);
			const d = record(await rest.rows('sc_debtors'), 'D-100');
			expect(d.claims.find((claim: any) => claim.claimId === 'INV-2').openCents).toBe(8000 - 1250);
		});
	});
});
