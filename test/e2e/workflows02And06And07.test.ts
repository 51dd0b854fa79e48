/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any, no-console -- tests run in plain Node, not inside n8n; run data is loose JSON; the secrets are test-only, shared with this test's own n8n */
/**
 * Workflows 2 (ERP intake), 6 (delivery status) and 7 (direct-debit reversal handling), shipped JSON
 * imported into one real `n8n start` (one instance for the three: the machine is shared), driven over
 * HTTP the way an ERP, a provider and an operator drive them, and judged by the answers, the Data
 * Table rows and the messages the sandbox recorded. Only credentials are added to the shipped files.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type WorkflowJson } from '../../scripts/n8nInstance';
import { erpCredential, useErpCredential } from './harness/erpIntake';
import { hmacSha256Hex } from './harness/signing';
import { N8nRest, ownerEnv, type Row } from './harness/rest';
import { DELIVERY_STATUS_WEBHOOK_ID, REPORTS } from '../../workflows/src/06-delivery-status';

jest.setTimeout(900_000);

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
const nodeNamed = (wf: WorkflowJson, name: string): any => {
	const node = wf.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`no node "${name}" in ${wf.name}`);
	return node;
};

const ERP_SECRET = 'erp-intake-test-secret-3f9a';
const ERP_CRED = { id: 'scErpSignCred001', name: 'ERP intake signing secret' };
const STATUS_SECRET = 'creditor-status-secret-77c1';
const WEBHOOK_CRED = { id: 'scStatusHookCred1', name: 'Creditor system' };
const MAILGUN_SIGNING_KEY = 'mailgun-webhook-signing-key-e2e-6b2d';
const MAILGUN_CRED = { id: 'scMailgunCred0601', name: 'Mailgun' };
/** The webhook id of the Mailgun trigger the test adds to workflow 6, as an admin copies the trigger. */
const MAILGUN_HOOK = '6a000001-0000-4000-8000-00000000a11e';

/**
 * Workflow 6 with one more provider, the way its note says: a copy of *Delivery status* with its own
 * name, webhook id (n8n gives a pasted trigger its own), provider and credential, connected to *Reports*.
 */
function addTrigger(wf: WorkflowJson, name: string, webhookId: string, provider: string, credentials: Record<string, unknown>): void {
	const original = nodeNamed(wf, 'Delivery status');
	const copy = { ...JSON.parse(JSON.stringify(original)), id: webhookId, name, webhookId, credentials, position: [original.position[0], original.position[1] + 200] };
	copy.parameters.provider = provider;
	wf.nodes.push(copy);
	(wf.connections as any)[name] = { main: [[{ node: REPORTS, type: 'main', index: 0 }]] };
}

/** The Amsterdam calendar day `offsetDays` from today (YYYY-MM-DD). */
const amsterdamDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });

/** Signs a body as the ERP does: X-Signature = sha256=HMAC-SHA256(secret, "<timestamp>.<body>"). */
function signed(body: string, secret = ERP_SECRET, timestamp = Math.floor(Date.now() / 1000)) {
	const signature = hmacSha256Hex(secret, `${timestamp}.${body}`);
	return { headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` } };
}

describe('workflows 2, 6 and 7 in real n8n', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ env: ownerEnv() });
		await n8n.importCredentials([
			erpCredential(ERP_CRED.id, ERP_CRED.name, ERP_SECRET),
			{ ...WEBHOOK_CRED, type: 'socialCollectionsWebhookApi', data: { url: 'http://127.0.0.1:9/unused', signingSecret: STATUS_SECRET } },
			{ ...MAILGUN_CRED, type: 'socialCollectionsMailgunApi', data: { apiKey: 'unused-in-this-test', domain: 'mg.example.nl', region: 'eu', webhookSigningKey: MAILGUN_SIGNING_KEY } },
		]);
		await n8n.importWorkflow(load('00-setup-data-tables.json'));
		const intake = load('02-erp-intake.json');
		useErpCredential(intake, ERP_CRED);
		await n8n.importWorkflow(intake);
		await n8n.publishWorkflow(intake.id as string);
		const status = load('06-delivery-status.json');
		nodeNamed(status, 'Delivery status').credentials = { socialCollectionsWebhookApi: WEBHOOK_CRED };
		addTrigger(status, 'Delivery status (Mailgun)', MAILGUN_HOOK, 'mailgun', { socialCollectionsMailgunApi: MAILGUN_CRED });
		// The tests run at any hour: the legal contact window is the Channel Sender's own tested rule.
		nodeNamed(status, 'Send on the next channel').parameters.options = { contactWindow: false };
		await n8n.importWorkflow(status);
		await n8n.publishWorkflow(status.id as string);
		const reversals = load('07-reversal-handling.json');
		nodeNamed(reversals, 'Send the message').parameters.options.contactWindow = false;
		await n8n.importWorkflow(reversals);
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
		// Bytes as signed: axios would re-encode a string that is not JSON as a JSON string.
		const post = (body: string, config: any) => n8n.webhook('sc-erp-intake', body, { ...config, transformRequest: [(data: string) => data] });
		const record = (rows: Row[], debtorId: string) => JSON.parse(String(rows.find((row) => row.debtorId === debtorId)?.record));

		const batch = {
			events: [
				{ eventId: 'ERP-1', type: 'invoice', debtorId: 'D-100', claim: { claimId: 'INV-1', principalCents: 12000, invoiceDate: '2026-10-01', dueDate: '2026-10-15', sector: 'energy' } },
				{ eventId: 'ERP-2', type: 'invoice', debtorId: 'D-100', claim: { claimId: 'INV-2', principalCents: 8000, invoiceDate: '2026-11-01', dueDate: '2026-11-15' } },
				{ eventId: 'ERP-3', type: 'payment', debtorId: 'D-100', payment: { amountCents: 15000, date: '2026-11-10', method: 'direct-debit' } },
				// Recent, so workflow 7 below answers it: the intake and the reversal handling work together.
				{ eventId: 'ERP-4', type: 'reversal', debtorId: 'D-100', reversal: { amountCents: 5000, date: amsterdamDay(-10), reasonCode: 'AM04', claimId: 'INV-2' } },
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
			for (const body of ['{"events": "no"}', '{"events": []}', '{"no-events": 1}']) {
				const response = await post(body, signed(body));
				expect([body, response.status]).toEqual([body, 400]);
				expect(response.data.error).toBe('the body must be {"events": [ ... ]} with at least one event');
			}
			// Not JSON at all: n8n itself refuses to parse it (422) before the workflow starts.
			const garbage = await post('not json', signed('not json'));
			expect([400, 422]).toContain(garbage.status);
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
			// A payment or reversal without an id of its own is known by its eventId (applied once, whatever comes later).
			expect(d.payments).toEqual([{ amountCents: 15000, date: '2026-11-10', method: 'direct-debit', paymentId: 'ERP-3' }]);
			expect(d.reversals).toEqual([{ amountCents: 5000, date: amsterdamDay(-10), reasonCode: 'AM04', claimId: 'INV-2', reversalId: 'ERP-4' }]);
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

	describe('2. ERP intake under concurrency: no change is lost', () => {
		// Straight to the webhook (registered: the tests above used it), without a registration probe per
		// call, and with time for 20 runs that write the same record.
		const post = (body: string) => axios.post(`${n8n.baseUrl}/webhook/sc-erp-intake`, body, { ...signed(body), validateStatus: () => true, timeout: 180_000, transformRequest: [(data: string) => data] });
		const rowsOf = async (debtorId: string) => (await rest.rows('sc_debtors')).filter((row) => row.debtorId === debtorId);
		const recordOf = async (debtorId: string) => {
			const rows = await rowsOf(debtorId);
			expect(rows).toHaveLength(1);
			return JSON.parse(String(rows[0].record));
		};

		test('20 invoices for a new debtor at once: one row, all 20 claims', async () => {
			const bodies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ events: [
				{ eventId: `NEW-INV-${i}`, type: 'invoice', debtorId: 'D-300', claim: { claimId: `C-${i}`, principalCents: 1000 + i, invoiceDate: '2026-10-01', dueDate: '2026-10-15' } },
			] }));
			const answers = await Promise.all(bodies.map(post));
			expect(answers.map((a) => [a.status, a.data.results?.[0]?.result])).toEqual(bodies.map(() => [200, 'accepted']));
			const d = await recordOf('D-300');
			expect(d.claims.map((claim: any) => claim.claimId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `C-${i}`).sort());
		});

		test('20 payments for one debtor at once: all 20 are in the record, the claims lowered by all of them', async () => {
			const bodies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ events: [
				{ eventId: `PAY-${i}`, type: 'payment', debtorId: 'D-300', payment: { amountCents: 100, date: '2026-11-20', paymentId: `BANK-${i}`, claimId: `C-${i}` } },
			] }));
			const answers = await Promise.all(bodies.map(post));
			expect(answers.map((a) => a.data.results?.[0]?.result)).toEqual(bodies.map(() => 'accepted'));
			const d = await recordOf('D-300');
			expect(d.payments.map((p: any) => p.paymentId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `BANK-${i}`).sort());
			expect(d.claims.map((claim: any) => claim.principalCents - claim.openCents)).toEqual(d.claims.map(() => 100));
			const logged = (await rest.rows('sc_intake')).filter((row) => String(row.eventId).startsWith('PAY-'));
			expect(logged.map((row) => row.result)).toEqual(bodies.map(() => 'accepted'));
		});

		test('the same payment under a new eventId is a duplicate: applied once', async () => {
			const body = JSON.stringify({ events: [
				{ eventId: 'PAY-AGAIN-1', type: 'payment', debtorId: 'D-300', payment: { amountCents: 100, date: '2026-11-20', paymentId: 'BANK-3', claimId: 'C-3' } },
				{ eventId: 'INV-AGAIN-1', type: 'invoice', debtorId: 'D-300', claim: { claimId: 'C-4', principalCents: 1004, invoiceDate: '2026-10-01', dueDate: '2026-10-15' } },
			] });
			const answer = await post(body);
			expect(answer.data.results).toEqual([
				{ eventId: 'PAY-AGAIN-1', result: 'duplicate', reason: 'payment BANK-3 is already in the record' },
				{ eventId: 'INV-AGAIN-1', result: 'duplicate', reason: 'invoice C-4 is already in the record' },
			]);
			const d = await recordOf('D-300');
			expect(d.payments).toHaveLength(20);
			expect(d.claims.find((claim: any) => claim.claimId === 'C-3').openCents).toBe(1003 - 100);
		});

		test('an update that would break the schema anywhere in the record is refused, and nothing is written', async () => {
			const before = await recordOf('D-300');
			const body = JSON.stringify({ events: [{ eventId: 'UPD-LONG', type: 'debtor-update', debtorId: 'D-300', debtor: { firstName: 'A'.repeat(300) } }] });
			const answer = await post(body);
			expect(answer.data.results[0].result).toBe('rejected');
			expect(answer.data.results[0].reason).toMatch(/debtor schema: firstName/);
			expect(await recordOf('D-300')).toEqual(before);
		});
	});

	/** Waits until the workflow has `count` finished executions (webhook runs happen after the answer). */
	async function finishedRuns(workflowId: string, count: number): Promise<Array<{ id: string; status: string }>> {
		for (let i = 0; i < 240; i++) {
			const runs = await rest.executions(workflowId);
			if (runs.length >= count && runs.every((run) => !['running', 'new', 'waiting'].includes(run.status))) return runs;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`workflow ${workflowId} did not finish ${count} runs`);
	}

	describe('6. delivery status', () => {
		const WF = 'scDeliveryStatus06';
		const HOOK = DELIVERY_STATUS_WEBHOOK_ID;
		let runs = 0;
		const debtor = (debtorId: string, extra: Record<string, unknown> = {}) => ({
			debtorId,
			status: 'open',
			record: JSON.stringify({
				debtorId,
				firstName: 'Sam',
				lastName: 'Jansen',
				contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678', address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' } },
				preferredChannel: 'email',
				claims: [{ claimId: `C-${debtorId}`, principalCents: 5000, openCents: 5000, invoiceDate: '2026-10-01', dueDate: '2026-10-15' }],
				...extra,
			}),
		});
		const sentRow = (debtorId: string, channel: string, idempotencyKey: string) => ({
			loggedAt: '2026-11-20T08:01:00.000+01:00', day: '2026-11-20', debtorId, decision: 'sent', stage: 'reminder-1', channel, claimIds: `C-${debtorId}`,
			status: 'sent', reason: 'sandbox', moment: '2026-11-20T08:00:00+01:00', templateId: `reminder-1/${channel}/neutral/u/nl`, idempotencyKey, messageId: '',
		});
		/** Posts signed events to the trigger and waits for the run they start (none when `runs` is false). */
		async function report(events: unknown[], { secret = STATUS_SECRET, starts = true } = {}) {
			const body = JSON.stringify({ events });
			const timestamp = Math.floor(Date.now() / 1000);
			const signature = hmacSha256Hex(secret, `${timestamp}.${body}`);
			const response = await n8n.webhook(`${HOOK}/delivery-status`, body, { headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` } });
			if (starts) {
				runs++;
				const list = await finishedRuns(WF, runs);
				expect(list.map((run) => run.status)).toEqual(list.map(() => 'success'));
			}
			return response;
		}
		const logOf = async (key: string) => (await rest.rows('sc_contact_log')).filter((row) => row.idempotencyKey === key).map((row) => [row.decision, row.channel, row.status, row.reason]);
		const time = '2026-11-20T09:00:00.000Z';

		beforeAll(async () => {
			await rest.insertRows('sc_debtors', [debtor('D-600'), debtor('D-601', { preferredChannel: 'letter' }), debtor('D-602', { consents: { whatsappOptIn: true, whatsappOptInAt: '2026-01-01T10:00:00+01:00' } })]);
			await rest.insertRows('sc_contact_log', [sentRow('D-600', 'email', 'sc1-e2e-aaa'), sentRow('D-601', 'letter', 'sc1-e2e-bbb'), sentRow('D-602', 'whatsapp', 'sc1-e2e-ccc')]);
		});

		test('a report with a wrong signature gets 401 and starts nothing', async () => {
			const response = await report([{ idempotencyKey: 'sc1-e2e-aaa', messageId: 'm-1', status: 'bounced', channel: 'email', time }], { secret: 'wrong', starts: false });
			expect(response.status).toBe(401);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(await rest.executions(WF)).toEqual([]);
		});

		test('each report is logged once, and a status never moves backwards', async () => {
			const delivered = { idempotencyKey: 'sc1-e2e-aaa', messageId: 'm-1', status: 'delivered', channel: 'email', time };
			expect((await report([delivered, delivered])).status).toBe(200);
			await report([delivered, { ...delivered, status: 'sent' }]);
			expect(await logOf('sc1-e2e-aaa')).toEqual([
				['sent', 'email', 'sent', 'sandbox'],
				['delivery-status', 'email', 'delivered', ''],
				['status-ignored', 'email', 'sent', 'would move the message back from delivered to sent'],
			]);
		});

		test('a permanent failure sends the same step on the next channel, once', async () => {
			const bounced = { idempotencyKey: 'sc1-e2e-aaa', messageId: 'm-1', status: 'bounced', channel: 'email', time, errorCode: '550' };
			await report([bounced]);
			const rows = await rest.rows('sc_contact_log');
			const fallback = rows.filter((row) => row.debtorId === 'D-600' && row.decision === 'sent' && row.channel === 'sms');
			expect(fallback.map((row) => [row.stage, row.status, row.reason])).toEqual([['reminder-1', 'sent', 'fallback after bounced on email (sandbox)']]);
			expect(String(fallback[0].idempotencyKey)).toMatch(/^sc1-/);
			expect(await logOf('sc1-e2e-aaa')).toContainEqual(['delivery-status', 'email', 'bounced', 'permanent failure (550): next channel']);
			// The sandbox recorded the SMS it would send, to the debtor's mobile.
			const run = await rest.execution((await rest.executions(WF))[0].id);
			const sent = run.items('Send on the next channel', 0) as any[];
			expect(sent).toHaveLength(1);
			expect(sent[0].delivery).toMatchObject({ channel: 'sms', provider: 'sandbox', simulated: true });
			expect(sent[0].delivery.details.wouldSend.to).toBe('+31612345678');
			expect(sent[0].message.stage).toBe('reminder-1');
			const record = JSON.parse(String((await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-600')!.record));
			expect(record.contacts).toEqual([expect.objectContaining({ channel: 'sms', direction: 'outbound', stage: 'reminder-1', outcome: 'sent', claimId: 'C-D-600' })]);
			expect(record.messageData).toBeUndefined();

			// The same bounce again: logged once, no second fallback.
			await report([bounced]);
			const again = await rest.rows('sc_contact_log');
			expect(again.length).toBe(rows.length);
		});

		test('a letter that fails for good becomes a task for a person', async () => {
			await report([{ idempotencyKey: 'sc1-e2e-bbb', messageId: 'p-1', status: 'failed', channel: 'letter', time }]);
			const tasks = (await rest.rows('sc_tasks')).filter((row) => row.debtorId === 'D-601');
			expect(tasks.map((row) => [row.stage, row.claimIds, row.why, row.done])).toEqual([['reminder-1', 'C-D-601', 'letter message failed and no channel is left: find new contact details or call', 'false']]);
			expect(await logOf('sc1-e2e-bbb')).toEqual([
				['sent', 'letter', 'sent', 'sandbox'],
				['delivery-status', 'letter', 'failed', 'permanent failure: next channel'],
			]);
			expect((await rest.rows('sc_contact_log')).filter((row) => row.debtorId === 'D-601' && row.decision === 'task')).toHaveLength(1);
		});

		test("a reply makes its channel the debtor's preferred channel", async () => {
			await report([{ idempotencyKey: 'sc1-e2e-ccc', messageId: 'wamid.in-1', status: 'replied', channel: 'whatsapp', time, replyText: 'Ik betaal vrijdag' }]);
			const record = JSON.parse(String((await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-602')!.record));
			expect(record.preferredChannel).toBe('whatsapp');
			expect(record.contacts).toEqual([{ at: '2026-11-20T10:00:00+01:00', channel: 'whatsapp', direction: 'inbound', outcome: 'replied', stage: 'reminder-1', claimId: 'C-D-602' }]);
			expect(JSON.stringify(record)).not.toContain('Ik betaal vrijdag');
			expect(await logOf('sc1-e2e-ccc')).toContainEqual(['delivery-status', 'whatsapp', 'replied', 'reply on whatsapp']);

			// The provider delivers the reply again: nothing is added twice.
			const logBefore = (await rest.rows('sc_contact_log')).length;
			await report([{ idempotencyKey: 'sc1-e2e-ccc', messageId: 'wamid.in-1', status: 'replied', channel: 'whatsapp', time, replyText: 'Ik betaal vrijdag' }]);
			expect(JSON.parse(String((await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-602')!.record)).contacts).toHaveLength(1);
			expect((await rest.rows('sc_contact_log')).length).toBe(logBefore);
		});

		test('an opt-out closes the channel and it is no longer preferred', async () => {
			await report([{ idempotencyKey: 'sc1-e2e-ccc', messageId: 'wamid.in-2', status: 'opted-out', channel: 'whatsapp', time }]);
			const record = JSON.parse(String((await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-602')!.record));
			expect(record.consents.whatsappOptIn).toBe(false);
			expect(record.preferredChannel).toBeUndefined();
			expect(await logOf('sc1-e2e-ccc')).toContainEqual(['delivery-status', 'whatsapp', 'opted-out', 'opted out of whatsapp']);
		});

		test('20 replies for one debtor reported at the same moment: all 20 are in the record', async () => {
			await rest.insertRows('sc_contact_log', [sentRow('D-600', 'sms', 'sc1-e2e-ddd')]);
			const replies = Array.from({ length: 20 }, (_, i) => ({ idempotencyKey: 'sc1-e2e-ddd', messageId: `sms-in-${i}`, status: 'replied', channel: 'sms', time: `2026-11-20T11:${String(i).padStart(2, '0')}:00.000Z` }));
			const answers = await Promise.all(replies.map(async (event) => {
				const body = JSON.stringify({ events: [event] });
				const timestamp = Math.floor(Date.now() / 1000);
				const signature = hmacSha256Hex(STATUS_SECRET, `${timestamp}.${body}`);
				// Straight to the webhook the earlier tests used (no registration probe per call: 20 probes at
				// once time out on a loaded machine), with time for 20 runs that write the same record.
				return axios.post(`${n8n.baseUrl}/webhook/${HOOK}/delivery-status`, body, { headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` }, validateStatus: () => true, timeout: 180_000, transformRequest: [(data: string) => data] });
			}));
			expect(answers.map((answer) => answer.status)).toEqual(replies.map(() => 200));
			runs += replies.length;
			const list = await finishedRuns(WF, runs);
			expect(list.map((run) => run.status)).toEqual(list.map(() => 'success'));
			const record = JSON.parse(String((await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-600')!.record));
			const inbound = record.contacts.filter((c: any) => c.direction === 'inbound' && c.channel === 'sms');
			expect(inbound.map((c: any) => c.at).sort()).toEqual(replies.map((r) => DateTime.fromISO(r.time).setZone('Europe/Amsterdam').toISO({ suppressMilliseconds: true })).sort());
			expect(record.preferredChannel).toBe('sms');
			// The sent fallback contact of the earlier test is still there: nothing was overwritten.
			expect(record.contacts.some((c: any) => c.direction === 'outbound' && c.channel === 'sms' && c.stage === 'reminder-1')).toBe(true);
		});

		test('a reply for a record that breaks the schema elsewhere is not saved: logged not-saved with the field, and a task', async () => {
			// A record stored before the checks (a 300-character first name): the reply must not be saved
			// onto it unchecked, and must not vanish either.
			await rest.insertRows('sc_debtors', [debtor('D-603', { firstName: 'A'.repeat(300) })]);
			await rest.insertRows('sc_contact_log', [sentRow('D-603', 'sms', 'sc1-e2e-eee')]);
			const before = (await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-603')!.record;
			const tasksBefore = (await rest.rows('sc_tasks')).filter((row) => row.debtorId === 'D-603').length;
			await report([{ idempotencyKey: 'sc1-e2e-eee', messageId: 'sms-in-bad', status: 'replied', channel: 'sms', time }]);
			expect((await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-603')!.record).toBe(before);
			const notSaved = (await rest.rows('sc_contact_log')).filter((row) => row.debtorId === 'D-603' && row.decision === 'not-saved');
			expect(notSaved).toHaveLength(1);
			expect(notSaved[0].reason).toBe('the reply or opt-out was not saved on the record: the changed record breaks the debtor schema: field firstName must be at most 200 characters');
			const tasks = (await rest.rows('sc_tasks')).filter((row) => row.debtorId === 'D-603');
			expect(tasks).toHaveLength(tasksBefore + 1);
			expect(String(tasks.at(-1)!.why)).toMatch(/^Correct the debtor record, then add the reply or opt-out to it by hand: .*field firstName/);
			expect(String(tasks.at(-1)!.why)).not.toContain('A'.repeat(20));
		});

		test('two providers at once (two triggers): a Mailgun report and a creditor-system reply, both in the contact log and the record', async () => {
			await rest.insertRows('sc_debtors', [debtor('D-610'), debtor('D-611')]);
			await rest.insertRows('sc_contact_log', [sentRow('D-610', 'email', 'sc1-e2e-mg1'), sentRow('D-611', 'sms', 'sc1-e2e-wh1')]);
			// Mailgun signs in the body: HMAC-SHA256 of timestamp + token with the webhook signing key.
			const timestamp = String(Math.floor(Date.now() / 1000));
			const token = randomBytes(25).toString('hex');
			const mailgun = JSON.stringify({
				signature: { timestamp, token, signature: hmacSha256Hex(MAILGUN_SIGNING_KEY, `${timestamp}${token}`) },
				'event-data': { event: 'delivered', timestamp: Date.parse(time) / 1000, recipient: 'd-610@example.nl', 'user-variables': { sc_key: 'sc1-e2e-mg1' }, message: { headers: { 'message-id': 'mg-610@mg.example.nl' } } },
			});
			const creditor = JSON.stringify({ events: [{ idempotencyKey: 'sc1-e2e-wh1', messageId: 'sms-in-611', status: 'replied', channel: 'sms', time }] });
			const creditorTimestamp = Math.floor(Date.now() / 1000);
			const creditorSignature = hmacSha256Hex(STATUS_SECRET, `${creditorTimestamp}.${creditor}`);
			await n8n.waitForWebhook(`${MAILGUN_HOOK}/delivery-status`);
			const post = (hook: string, body: string, headers: Record<string, string>) =>
				axios.post(`${n8n.baseUrl}/webhook/${hook}/delivery-status`, body, { headers: { 'content-type': 'application/json', ...headers }, validateStatus: () => true, timeout: 120_000, transformRequest: [(data: string) => data] });
			const answers = await Promise.all([
				post(MAILGUN_HOOK, mailgun, {}),
				post(HOOK, creditor, { 'x-signature-timestamp': String(creditorTimestamp), 'x-signature': `sha256=${creditorSignature}` }),
			]);
			// Answered when the run is done, with nothing from the run in the answer.
			expect(answers.map((answer) => [answer.status, answer.data])).toEqual([[200, ''], [200, '']]);
			runs += 2;
			const list = await finishedRuns(WF, runs);
			expect(list.map((run) => run.status)).toEqual(list.map(() => 'success'));
			expect(await logOf('sc1-e2e-mg1')).toEqual([
				['sent', 'email', 'sent', 'sandbox'],
				['delivery-status', 'email', 'delivered', ''],
			]);
			expect(await logOf('sc1-e2e-wh1')).toEqual([
				['sent', 'sms', 'sent', 'sandbox'],
				['delivery-status', 'sms', 'replied', 'reply on sms'],
			]);
			expect((await rest.rows('sc_contact_log')).find((row) => row.idempotencyKey === 'sc1-e2e-mg1' && row.decision === 'delivery-status')!.messageId).toBe('mg-610@mg.example.nl');
			const record = JSON.parse(String((await rest.rows('sc_debtors')).find((row) => row.debtorId === 'D-611')!.record));
			expect(record.preferredChannel).toBe('sms');
			expect(record.contacts).toEqual([expect.objectContaining({ channel: 'sms', direction: 'inbound', outcome: 'replied' })]);
		});

		test('a report for an unknown message is logged as unmatched and changes nothing else', async () => {
			const before = await rest.rows('sc_debtors');
			await report([{ idempotencyKey: 'sc1-e2e-zzz', messageId: 'x-1', status: 'bounced', channel: 'email', time }]);
			expect(await logOf('sc1-e2e-zzz')).toEqual([['unmatched', 'email', 'bounced', 'no sent message with this idempotencyKey in the contact log']]);
			expect((await rest.rows('sc_debtors')).map((row) => row.record)).toEqual(before.map((row) => row.record));
		});
	});

	describe('7. direct-debit reversal handling', () => {
		const WF = 'scReversalHandling07';
		const reversalDay = amsterdamDay(-3);
		const reversed = (debtorId: string, reasonCode: string, date = reversalDay) => ({
			debtorId,
			status: 'open',
			record: JSON.stringify({
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
			}),
		});
		let run: any;

		beforeAll(async () => {
			await rest.insertRows('sc_debtors', [
				reversed('R-AM04', 'AM04'),
				reversed('R-MD07', 'MD07'),
				reversed('R-MD06', 'MD06'),
				reversed('R-MS02', 'MS02'),
				reversed('R-AC06', 'AC06'),
				reversed('R-OLD', 'AM04', amsterdamDay(-60)),
			]);
			run = await rest.runManually(WF, 'Run now (manual)');
		});

		const rowsOf = async (table: string) => (await rest.rows(table)).filter((row) => String(row.debtorId).startsWith('R-'));

		test('the run succeeds and considers only new reversals, including the one the ERP intake recorded', () => {
			expect(run.raw.status).toBe('success');
			expect((run.items('New reversals') as any[]).map((item) => item.debtorId).sort()).toEqual(['D-100', 'R-AC06', 'R-AM04', 'R-MD06', 'R-MD07', 'R-MS02']);
			const fromIntake = (run.items('Send the message', 0) as any[]).find((i) => i.debtorId === 'D-100');
			expect(fromIntake.schedule).toMatchObject({ status: 'scheduled', representation: true, reversal: { reasonCode: 'AM04', date: amsterdamDay(-10) } });
			expect(fromIntake.delivery.details.wouldSend.to).toBe('anna@example.nl');
		});

		test('AM04: a gentle notice with the new collection date after payday', () => {
			const item = (run.items('Send the message', 0) as any[]).find((i) => i.debtorId === 'R-AM04');
			expect(item.schedule).toMatchObject({ status: 'scheduled', representation: true, reversal: { reasonCode: 'AM04', date: reversalDay } });
			expect(item.schedule.collectionDate > reversalDay).toBe(true);
			expect(item.schedule.expectedIncome.date < item.schedule.collectionDate).toBe(true);
			expect(item.message).toMatchObject({ stage: 'reversal-notice', tone: 'supportive', dueDate: item.schedule.collectionDate });
			expect(item.delivery).toMatchObject({ provider: 'sandbox', simulated: true, channel: 'email' });
		});

		test('MD06 and MS02: a question, no re-presentation', () => {
			const sent = (run.items('Send the message', 0) as any[]).filter((i) => ['R-MD06', 'R-MS02'].includes(i.debtorId));
			expect(sent.map((i) => [i.debtorId, i.schedule.reasonCode, i.message.stage, i.message.tone])).toEqual([
				['R-MD06', 'refund-or-refusal', 'reversal-notice', 'neutral'],
				['R-MS02', 'refund-or-refusal', 'reversal-notice', 'neutral'],
			]);
			for (const i of sent) expect(i.schedule.collectionDate).toBeUndefined();
		});

		test('every decision is in the contact log; MD07 stops everything and AC06 goes to a person', async () => {
			const log = await rowsOf('sc_contact_log');
			expect(log.map((row) => [row.debtorId, row.decision, row.status]).sort()).toEqual([
				['R-AC06', 'reversal-AC06', 'task'],
				['R-AM04', 'reversal-AM04', 'sent'],
				['R-MD06', 'reversal-MD06', 'sent'],
				['R-MD07', 'reversal-MD07', 'stopped'],
				['R-MS02', 'reversal-MS02', 'sent'],
			]);
			expect(String(log.find((row) => row.debtorId === 'R-AM04')!.reason)).toMatch(/^AM04: re-presented on \d{4}-\d{2}-\d{2} \(after payday\) \(sandbox\)$/);
			const tasks = await rowsOf('sc_tasks');
			expect(tasks.map((row) => row.debtorId).sort()).toEqual(['R-AC06', 'R-MD07']);
			const debtors = await rowsOf('sc_debtors');
			const rec = (id: string) => JSON.parse(String(debtors.find((row) => row.debtorId === id)!.record));
			expect(debtors.find((row) => row.debtorId === 'R-MD07')!.status).toBe('closed');
			expect(rec('R-MD07').flags.deceased).toBe(true);
			for (const id of ['R-AM04', 'R-MD07', 'R-MD06', 'R-MS02', 'R-AC06']) expect([id, rec(id).reversalsAnswered.length]).toEqual([id, 1]);
			expect(rec('R-AM04').contacts).toEqual([expect.objectContaining({ channel: 'email', direction: 'outbound', stage: 'reversal-notice', outcome: 'sent' })]);
			expect(rec('R-OLD').reversalsAnswered).toBeUndefined();
			expect(rec('R-AM04').schedule).toBeUndefined();
		});

		test('a second run answers nothing twice', async () => {
			const logBefore = (await rowsOf('sc_contact_log')).length;
			const again = await rest.runManually(WF, 'Run now (manual)');
			expect(again.raw.status).toBe('success');
			expect(again.items('New reversals')).toEqual([]);
			expect(again.nodeNames()).not.toContain('Send the message');
			expect((await rowsOf('sc_contact_log')).length).toBe(logBefore);
			expect((await rowsOf('sc_tasks')).length).toBe(2);
		});
	});
});
