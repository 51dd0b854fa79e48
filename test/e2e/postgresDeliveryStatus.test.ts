/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON; the secrets are test-only, given to this test's own n8n */
/**
 * The Postgres edition of workflow 6, delivery status (workflows/postgres/06-delivery-status.json),
 * in one real `n8n start` with a local PostgreSQL holding the package's schema (sql/), driven over
 * HTTP the way a provider drives it (signed reports) and judged by the rows in sc_contact_log,
 * sc_debtors and sc_tasks.
 *
 * Asserted: a report updates sc_contact_log (its own key, refused a second time) and makes the
 * debtor due again (its version rises); a status never moves back; a permanent failure sends the
 * step on the next channel once and adds it to the record; a reply sets the preferred channel;
 * concurrent reports for one debtor lose nothing (20 replies at once, each its own request: all 20
 * in the record) and ten bounces of one message at once send one fallback.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DateTime } from 'luxon';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, freePort, type WorkflowJson } from '../../scripts/n8nInstance';
import { applyMigrations } from '../../scripts/scale/migrate';
import { LocalPostgres, psql } from '../../scripts/scale/postgres';
import { DELIVERY_STATUS_PG_WEBHOOK_ID } from '../../workflows/src/06-delivery-status';
import { POSTGRES_CREDENTIAL } from '../../workflows/src/postgres';
import { hmacSha256Hex } from './harness/signing';
import { N8nRest, ownerEnv } from './harness/rest';

jest.setTimeout(900_000);

const STATUS_SECRET = 'creditor-status-secret-pg-4e1a';
const WEBHOOK_CRED = { id: 'scStatusHookCredPg', name: 'Creditor system' };
const ROLE_LOGIN = 'delivery_status_login_1';
const WF = 'scPgDeliveryStatus06';
const HOOK = `${DELIVERY_STATUS_PG_WEBHOOK_ID}/delivery-status`;
const time = '2026-11-20T09:00:00.000Z';

let dir: string;
let pg: LocalPostgres;
let url: string;
let n8n: N8nInstance;
let rest: N8nRest;
let runs = 0;
/** Runs that failed on purpose (the test of the 500 answer). */
let failedRuns = 0;

const rows = (query: string): string[][] =>
	psql(url, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));
const recordOf = (debtorId: string): any => JSON.parse(rows(`SELECT record FROM sc_debtors WHERE debtor_id = '${debtorId}'`)[0][0]);
const versionOf = (debtorId: string): number => Number(rows(`SELECT version FROM sc_debtors WHERE debtor_id = '${debtorId}'`)[0][0]);
/** The log rows of a message: its sent row and the rows of its reports (their keys start with the message's). */
const logOf = (key: string): string[][] =>
	rows(`SELECT decision, channel, status, coalesce(reason, ''), idempotency_key FROM sc_contact_log WHERE idempotency_key = '${key}' OR left(idempotency_key, ${key.length + 1}) = '${key}:' ORDER BY id`);

function debtor(debtorId: string, extra: Record<string, unknown> = {}): void {
	const record = {
		debtorId,
		firstName: 'Sam',
		lastName: 'Jansen',
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678', address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' } },
		preferredChannel: 'email',
		claims: [{ claimId: `C-${debtorId}`, principalCents: 5000, openCents: 5000, invoiceDate: '2026-10-01', dueDate: '2026-10-15' }],
		...extra,
	};
	// Planned by yesterday's journey, nothing due before 2099: a report must make it due again.
	psql(url, `INSERT INTO sc_debtors (debtor_id, record, next_step_date, planned_version, planned_on) VALUES ('${debtorId}', '${JSON.stringify(record)}', '2099-01-01', 1, '2026-11-19')`);
}

/** The journey's log row of a sent message. */
function sent(debtorId: string, channel: string, key: string): void {
	psql(url, `INSERT INTO sc_contact_log (logged_at, day, debtor_id, decision, stage, channel, claim_ids, status, reason, moment, template_id, idempotency_key)
		VALUES ('2026-11-20T08:01:00+01:00', '2026-11-20', '${debtorId}', 'sent', 'reminder-1', '${channel}', '{C-${debtorId}}', 'sent', 'sandbox', '2026-11-20T08:00:00+01:00', 'reminder-1/${channel}/neutral/u/nl', '${key}')`);
}

/** Posts signed events to the trigger (the creditor system's HMAC), without waiting for the run. */
function post(events: unknown[], secret = STATUS_SECRET) {
	const body = JSON.stringify({ events });
	const timestamp = Math.floor(Date.now() / 1000);
	const signature = hmacSha256Hex(secret, `${timestamp}.${body}`);
	return axios.post(`${n8n.baseUrl}/webhook/${HOOK}`, body, {
		headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` },
		validateStatus: () => true,
		timeout: 300_000,
		transformRequest: [(data: string) => data],
	});
}

async function finishedRuns(count: number): Promise<Array<{ id: string; status: string }>> {
	for (let i = 0; i < 480; i++) {
		const list = await rest.executions(WF);
		if (list.length >= count && list.every((run) => !['running', 'new', 'waiting'].includes(run.status))) return list;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`workflow ${WF} did not finish ${count} runs`);
}

/** Posts reports, one request each, all at once; every answer 200 after its run, every run a success. */
async function report(...requests: unknown[][]): Promise<void> {
	const answers = await Promise.all(requests.map((events) => post(events)));
	expect(answers.map((answer) => answer.status)).toEqual(requests.map(() => 200));
	runs += requests.length;
	const list = await finishedRuns(runs);
	expect(list.filter((run) => run.status !== 'success')).toHaveLength(failedRuns);
}

beforeAll(async () => {
	const started = Date.now();
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-status-pg-'));
	fs.chmodSync(dir, 0o711);
	pg = await LocalPostgres.start({ dataDir: path.join(dir, 'data'), port: await freePort(), logFile: path.join(dir, 'postgres.log'), ephemeral: true });
	pg.ensureDatabase('social_collections', 'social_collections', ROLE_LOGIN);
	url = pg.url('social_collections', 'social_collections', ROLE_LOGIN);
	applyMigrations(url);

	n8n = await N8nInstance.create({ env: ownerEnv() });
	await n8n.importCredentials([
		{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host: '127.0.0.1', port: pg.port, database: 'social_collections', user: 'social_collections', password: ROLE_LOGIN, ssl: 'disable', maxConnections: 10 } },
		{ ...WEBHOOK_CRED, type: 'socialCollectionsWebhookApi', data: { url: 'http://127.0.0.1:9/unused', signingSecret: STATUS_SECRET } },
	]);
	const status: WorkflowJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'postgres', '06-delivery-status.json'), 'utf8'));
	(status.nodes.find((n) => n.name === 'Delivery status') as any).credentials = { socialCollectionsWebhookApi: WEBHOOK_CRED };
	// The tests run at any hour: the legal contact window is the Channel Sender's own tested rule.
	(status.nodes.find((n) => n.name === 'Send on the next channel') as any).parameters.options = { contactWindow: false };
	await n8n.importWorkflow(status);
	await n8n.publishWorkflow(status.id as string);
	await n8n.start(300_000);
	rest = await N8nRest.signIn(n8n);
	await n8n.waitForWebhook(HOOK, 120_000);
	debtor('D-700');
	debtor('D-701');
	debtor('D-702', { preferredChannel: 'letter' });
	sent('D-700', 'email', 'sc1-pg-aaa');
	sent('D-701', 'sms', 'sc1-pg-bbb');
	sent('D-702', 'email', 'sc1-pg-ccc');
	console.log(`n8n with Postgres ready in ${Math.round((Date.now() - started) / 1000)} s`);
});

afterAll(async () => {
	if (process.env.DEBUG_WORKFLOWS) console.log(n8n?.log.slice(-5000));
	await n8n?.dispose();
	await pg?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a wrong signature gets 401 and starts nothing', async () => {
	const answer = await post([{ idempotencyKey: 'sc1-pg-aaa', messageId: 'm-1', status: 'bounced', channel: 'email', time }], 'wrong');
	expect(answer.status).toBe(401);
	await new Promise((resolve) => setTimeout(resolve, 1000));
	expect(await rest.executions(WF)).toEqual([]);
	expect(logOf('sc1-pg-aaa')).toHaveLength(1);
});

test('a report updates sc_contact_log once and makes the debtor due again; a status never moves back', async () => {
	const before = versionOf('D-700');
	const delivered = { idempotencyKey: 'sc1-pg-aaa', messageId: 'm-1', status: 'delivered', channel: 'email', time };
	await report([delivered, delivered]);
	await report([delivered, { ...delivered, status: 'sent' }]);
	expect(logOf('sc1-pg-aaa')).toEqual([
		['sent', 'email', 'sent', 'sandbox', 'sc1-pg-aaa'],
		['delivery-status', 'email', 'delivered', '', 'sc1-pg-aaa:delivered:m-1'],
		['status-ignored', 'email', 'sent', 'would move the message back from delivered to sent', 'sc1-pg-aaa:sent:m-1'],
	]);
	expect(rows("SELECT debtor_id, stage, array_to_string(claim_ids, ','), message_id, moment = '2026-11-20T09:00:00Z'::timestamptz FROM sc_contact_log WHERE idempotency_key = 'sc1-pg-aaa:delivered:m-1'")).toEqual([['D-700', 'reminder-1', 'C-D-700', 'm-1', 't']]);
	// The record is unchanged, but its version rose: the daily journey's claim finds the debtor again.
	expect(versionOf('D-700')).toBe(before + 1);
	expect(rows("SELECT debtor_id FROM sc_debtors WHERE debtor_id = 'D-700' AND status = 'open' AND (planned_version IS NULL OR version > planned_version)")).toEqual([['D-700']]);
});

test('a permanent failure sends the same step on the next channel, once, and adds it to the record', async () => {
	const bounced = { idempotencyKey: 'sc1-pg-aaa', messageId: 'm-1', status: 'bounced', channel: 'email', time, errorCode: '550' };
	await report([bounced]);
	expect(logOf('sc1-pg-aaa')).toContainEqual(['delivery-status', 'email', 'bounced', 'permanent failure (550): next channel', 'sc1-pg-aaa:bounced:m-1']);
	const fallback = rows("SELECT stage, channel, status, reason, idempotency_key FROM sc_contact_log WHERE debtor_id = 'D-700' AND decision = 'sent' AND channel = 'sms'");
	expect(fallback.map((row) => row.slice(0, 4))).toEqual([['reminder-1', 'sms', 'sent', 'fallback after bounced on email (sandbox)']]);
	expect(fallback[0][4]).toMatch(/^sc1-/);
	expect(recordOf('D-700').contacts).toEqual([expect.objectContaining({ channel: 'sms', direction: 'outbound', stage: 'reminder-1', outcome: 'sent', claimId: 'C-D-700' })]);
	// The same bounce again, and a failure under another message id: logged, no second fallback.
	await report([bounced], [{ ...bounced, messageId: 'm-1b', status: 'failed' }]);
	expect(rows("SELECT count(*) FROM sc_contact_log WHERE debtor_id = 'D-700' AND decision = 'sent' AND channel = 'sms'")).toEqual([['1']]);
	expect(logOf('sc1-pg-aaa').filter((row) => row[2] === 'bounced')).toHaveLength(1);
	expect(logOf('sc1-pg-aaa')).toContainEqual(['delivery-status', 'email', 'failed', 'failure already handled', 'sc1-pg-aaa:failed:m-1b']);
});

test("a reply makes its channel the debtor's preferred channel; a report for an unknown message is unmatched", async () => {
	await report([{ idempotencyKey: 'sc1-pg-bbb', messageId: 'sms-in-1', status: 'replied', channel: 'sms', time }], [{ idempotencyKey: 'sc1-pg-zzz', messageId: 'x-1', status: 'bounced', channel: 'email', time }]);
	const record = recordOf('D-701');
	expect(record.preferredChannel).toBe('sms');
	expect(record.contacts).toEqual([{ at: '2026-11-20T10:00:00+01:00', channel: 'sms', direction: 'inbound', outcome: 'replied', stage: 'reminder-1', claimId: 'C-D-701' }]);
	expect(logOf('sc1-pg-zzz')).toEqual([['unmatched', 'email', 'bounced', 'no sent message with this idempotencyKey in the contact log', 'sc1-pg-zzz:bounced:x-1']]);
});

test('a report whose run fails is answered 500, not 200; sent again, it is processed', async () => {
	const reply = [{ idempotencyKey: 'sc1-pg-bbb', messageId: 'sms-in-retry', status: 'replied', channel: 'sms', time: '2026-11-20T12:30:00.000Z' }];
	// The contact log cannot be reached: the run fails at its first query.
	psql(url, 'ALTER TABLE sc_contact_log RENAME TO sc_contact_log_away');
	let failed;
	try {
		failed = await post(reply);
	} finally {
		psql(url, 'ALTER TABLE sc_contact_log_away RENAME TO sc_contact_log');
	}
	expect(failed.status).toBe(500);
	expect(JSON.stringify(failed.data)).not.toMatch(/sc1-pg|D-701|sc_contact_log/);
	runs += 1;
	failedRuns += 1;
	expect((await finishedRuns(runs)).filter((run) => run.status === 'error')).toHaveLength(1);
	expect(logOf('sc1-pg-bbb').filter((row) => row[4].endsWith(':sms-in-retry'))).toEqual([]);
	// The provider sends it again: processed this time.
	const answer = await post(reply);
	expect(answer.status).toBe(200);
	runs += 1;
	await finishedRuns(runs);
	expect(logOf('sc1-pg-bbb').filter((row) => row[4].endsWith(':sms-in-retry'))).toEqual([['delivery-status', 'sms', 'replied', 'reply on sms', 'sc1-pg-bbb:replied:sms-in-retry']]);
	expect(recordOf('D-701').contacts.some((c: any) => c.at === '2026-11-20T13:30:00+01:00' && c.direction === 'inbound')).toBe(true);
});

test('concurrent reports for one debtor lose nothing: 20 replies at once are all in the record; 10 bounces of one message at once send one fallback', async () => {
	const replies = Array.from({ length: 20 }, (_, i) => [{ idempotencyKey: 'sc1-pg-bbb', messageId: `sms-in-c${i}`, status: 'replied', channel: 'sms', time: `2026-11-20T11:${String(i).padStart(2, '0')}:00.000Z` }]);
	const bounces = Array.from({ length: 10 }, (_, i) => [{ idempotencyKey: 'sc1-pg-ccc', messageId: `m-c${i}`, status: 'bounced', channel: 'email', time, errorCode: '550' }]);
	const versionBefore = versionOf('D-701');
	await report(...replies, ...bounces);
	const inbound = recordOf('D-701').contacts.filter((c: any) => c.direction === 'inbound');
	expect(inbound.map((c: any) => c.at).sort()).toEqual(
		['2026-11-20T10:00:00+01:00', '2026-11-20T13:30:00+01:00', ...replies.map(([r]: any[]) => DateTime.fromISO(r.time).setZone('Europe/Amsterdam').toISO({ suppressMilliseconds: true }))].sort(),
	);
	// Each reply raised the version at least once (its log row) and once more with its contact.
	expect(versionOf('D-701')).toBeGreaterThanOrEqual(versionBefore + 40);
	expect(logOf('sc1-pg-bbb').filter((row) => row[2] === 'replied')).toHaveLength(22);
	expect(logOf('sc1-pg-ccc').filter((row) => row[2] === 'bounced')).toHaveLength(10);
	expect(logOf('sc1-pg-ccc').filter((row) => row[3] === 'permanent failure (550): next channel')).toHaveLength(1);
	expect(rows("SELECT count(*) FROM sc_contact_log WHERE debtor_id = 'D-702' AND decision = 'sent' AND channel = 'sms'")).toEqual([['1']]);
	expect(recordOf('D-702').contacts.filter((c: any) => c.direction === 'outbound')).toHaveLength(1);
	// Nothing was left for a person: every change was saved.
	expect(rows("SELECT count(*) FROM sc_contact_log WHERE decision = 'not-saved'")).toEqual([['0']]);
	expect(rows('SELECT count(*) FROM sc_tasks')).toEqual([['0']]);
});
