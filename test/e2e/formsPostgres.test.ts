/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * The Postgres editions of the self-service forms (workflows/postgres/04-*.json, 05-*.json) in one
 * real n8n with a local PostgreSQL holding the package's schema (sql/), filled in over HTTP as a
 * browser does, behind a simulated proxy (N8N_PROXY_HOPS=1, X-Forwarded-For per request).
 *
 * Asserted: a valid choice updates the record, raises its version (the debtor is due again) and logs
 * the confirmation with its key; simultaneous submissions for one debtor, while other writers change
 * the same record, lose nothing (every write applied on top of the newest record); simultaneous
 * guesses for one customer number let exactly the limit through; after the limit a known customer with
 * the right number and an unknown one get the same page; the arrangement form saves its plan.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, freePort, type WorkflowJson } from '../../scripts/n8nInstance';
import { applyMigrations } from '../../scripts/scale/migrate';
import { LocalPostgres, psql } from '../../scripts/scale/postgres';
import { POSTGRES_CREDENTIAL } from '../../workflows/src/postgres';
import { arrearsDebtor, formWithSettings, mandateDebtor, optionsOf, submitForm } from './harness/forms';
import { ownerEnv } from './harness/rest';

jest.setTimeout(1_500_000);

const DAY = '2026-11-24';
const NOW = '2026-11-24T10:00:00.000+01:00';
const PER_CUSTOMER = 3;
const ROLE_LOGIN = 'forms_test_login_1';
const TOO_MANY = 'Te veel pogingen';
const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', 'postgres', file), 'utf8'));

/** The Postgres edition of a form with a fixed day, the real-clock window guard off, a small limit behind one proxy. */
const forTest = (file: string): WorkflowJson =>
	formWithSettings(load(file), { referenceDate: DAY, now: NOW, attemptsPerCustomerNumber: PER_CUSTOMER, attemptsPerClient: 50, windowMinutes: 15, proxyHops: 1 });
const mandate = (debtorId: string) => mandateDebtor(debtorId, 45000);
const arrears = (debtorId: string) => arrearsDebtor(debtorId);

let dir: string;
let pg: LocalPostgres;
let url: string;
let n8n: N8nInstance;

const rows = (query: string) => psql(url, query).split('\n').filter((line) => line !== '').map((line) => line.split('|'));
const recordOf = (debtorId: string): any => JSON.parse(rows(`SELECT record FROM sc_debtors WHERE debtor_id = '${debtorId}'`)[0][0]);
const versionOf = (debtorId: string): number => Number(rows(`SELECT version FROM sc_debtors WHERE debtor_id = '${debtorId}'`)[0][0]);
const formUrl = (pathName: string) => `${n8n.baseUrl}/form/${pathName}`;
const from = (address: string) => ({ 'x-forwarded-for': address });
const flex = (values: Array<string | number>, address: string) => submitForm(n8n, formUrl('incassodag'), values, from(address));

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-forms-pg-'));
	fs.chmodSync(dir, 0o711);
	pg = await LocalPostgres.start({ dataDir: path.join(dir, 'data'), port: await freePort(), logFile: path.join(dir, 'postgres.log'), ephemeral: true });
	pg.ensureDatabase('social_collections', 'social_collections', ROLE_LOGIN);
	url = pg.url('social_collections', 'social_collections', ROLE_LOGIN);
	applyMigrations(url);
	// Planned yesterday with nothing due before 2099: only a raised version makes a debtor due.
	for (const record of [mandate('PG-DD'), mandate('PG-DD2'), arrears('PG-AR')]) {
		psql(url, `INSERT INTO sc_debtors (debtor_id, record, next_step_date, planned_version, planned_on) VALUES ('${record.debtorId}', '${JSON.stringify(record)}', '2099-01-01', 1, '2026-11-23')`);
	}

	n8n = await N8nInstance.create({ env: { ...ownerEnv(), N8N_PROXY_HOPS: '1' } });
	await n8n.importCredentials([
		{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host: '127.0.0.1', port: pg.port, database: 'social_collections', user: 'social_collections', password: ROLE_LOGIN, ssl: 'disable', maxConnections: 10 } },
	]);
	// One import for both (each CLI run boots n8n: slow on a shared machine).
	const forms = ['04-flex-collection-date.json', '05-payment-arrangement.json'].map(forTest);
	await n8n.importWorkflows(forms);
	for (const wf of forms) await n8n.publishWorkflow(wf.id as string);
	await n8n.start(600_000);
	// The forms answer once n8n has registered them, a little after it reports ready.
	for (const form of ['incassodag', 'betalingsregeling']) {
		for (let attempt = 0; (await axios.get(formUrl(form), { validateStatus: () => true })).status !== 200; attempt++) {
			if (attempt > 240) throw new Error(`form ${form} never answered`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
});

afterAll(async () => {
	await n8n?.dispose();
	await pg?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a valid choice updates the record, makes the debtor due again and logs the confirmation with its key', async () => {
	const page = await flex(['PG-DD', 'PG-DD-12', 27], '203.0.113.1');
	expect(page.text).toContain('Uw incassodag is opgeslagen');
	expect(page.text).toContain('rond de 27e');
	const record = recordOf('PG-DD');
	expect(record.preferredCollectionDay).toBe(27);
	expect(record.collectionDayNotice).toMatchObject({ day: 27, status: 'sent', channel: 'email' });
	expect(record).not.toHaveProperty('request');
	expect(versionOf('PG-DD')).toBe(2);
	expect(rows("SELECT count(*) FROM sc_debtors WHERE debtor_id = 'PG-DD' AND version > planned_version")).toEqual([['1']]);
	expect(rows("SELECT decision, status, idempotency_key = $$" + record.collectionDayNotice.idempotencyKey + "$$ FROM sc_contact_log WHERE debtor_id = 'PG-DD'")).toEqual([['collection-day-chosen', 'sent', 't']]);
});

test('simultaneous choices for one debtor, while another writer changes the record, lose nothing', async () => {
	const before = versionOf('PG-DD2');
	const days = [5, 10, 15];
	const pages = Promise.all(days.map((day, i) => flex(['PG-DD2', 'PG-DD2-12', day], `203.0.113.${20 + i}`)));
	// Meanwhile another writer adds payments to the same record, each in one statement.
	const PAYMENTS = 4;
	for (let i = 0; i < PAYMENTS; i++) {
		await new Promise((resolve) => setTimeout(resolve, 400));
		psql(url, `UPDATE sc_debtors SET record = jsonb_set(record, '{payments}', coalesce(record -> 'payments', '[]') || '[{"paymentId": "PG-PAY-${i}", "amountCents": 100, "date": "${DAY}"}]') WHERE debtor_id = 'PG-DD2'`);
	}
	for (const page of await pages) expect(page.text).toContain('Uw incassodag is opgeslagen');
	const record = recordOf('PG-DD2');
	// Every payment is still there, every choice was written on top of the newest record.
	expect(record.payments.map((p: any) => p.paymentId).sort()).toEqual(Array.from({ length: PAYMENTS }, (_, i) => `PG-PAY-${i}`));
	expect(versionOf('PG-DD2')).toBe(before + PAYMENTS + days.length);
	expect(days).toContain(record.preferredCollectionDay);
	expect(record.collectionDayNotice.day).toBe(record.preferredCollectionDay);
});

// Each attempt is counted after its own row was committed, so an attempt may also count rows of
// simultaneous ones written after it: at most the limit pass (fewer when they overlap), never more.
test(`simultaneous guesses for one customer number: at most ${PER_CUSTOMER} get an answer, every other one the limit's page`, async () => {
	const pages = await Promise.all(Array.from({ length: 2 * PER_CUSTOMER }, (_, i) => flex(['PG-RACE', `X-${i}`, 5], `198.51.100.${i + 1}`)));
	const answered = pages.filter((page) => page.text.includes('niet samen vinden')).length;
	const limited = pages.filter((page) => page.text.includes(TOO_MANY)).length;
	expect(answered).toBeLessThanOrEqual(PER_CUSTOMER);
	expect(answered + limited).toBe(2 * PER_CUSTOMER);
	expect(rows('SELECT count(*) FROM sc_form_attempts')).not.toEqual([['0']]);
});

test('after the limit a known customer with the right number and an unknown one get the same page, and nothing changes', async () => {
	// PG-DD was served once (the first test); two more attempts reach the limit.
	for (let i = 0; i < PER_CUSTOMER - 1; i++) expect((await flex(['PG-DD', 'PG-DD-99', 5], `192.0.2.${i + 1}`)).text).toContain('niet samen vinden');
	const known = await flex(['PG-DD', 'PG-DD-12', 8], '192.0.2.10');
	const unknown = await flex(['PG-RACE', 'X-0', 8], '192.0.2.11');
	expect(known.text).toContain(TOO_MANY);
	expect(unknown.text.trim()).toBe(known.text.trim());
	expect(recordOf('PG-DD').preferredCollectionDay).toBe(27);
});

test('the arrangement form saves the chosen plan on Postgres and pauses the journey', async () => {
	const plans = await submitForm(n8n, formUrl('betalingsregeling'), ['PG-AR', 'PG-AR-A', 200, '', ''], from('203.0.113.50'));
	const choices = optionsOf(plans.html);
	const done = await submitForm(n8n, plans.waitingUrl, [choices[0]]);
	expect(done.text).toContain('Uw betalingsregeling staat vast');
	const record = recordOf('PG-AR');
	expect(record.flags.arrangementActive).toBe(true);
	expect(record.arrangement).toMatchObject({ agreedOn: DAY, terms: 2, instalmentCents: 20000 });
	expect(versionOf('PG-AR')).toBe(2);
	expect(rows("SELECT decision FROM sc_contact_log WHERE debtor_id = 'PG-AR'")).toEqual([['arrangement-agreed']]);
});
