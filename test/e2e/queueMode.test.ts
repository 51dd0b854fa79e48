/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The stack of `npm run start:scale` works: n8n main in queue mode on PostgreSQL and Redis hands
 * the executions of a production webhook to two workers, each worker runs the package's Debtor
 * Segmenter (installed once, linked into every n8n process) and writes through n8n's Postgres node,
 * with the imported credential, into the shipped schema.
 *
 * Which worker ran an execution: n8n 2.41 keeps no worker id with an execution, but each worker logs
 * "Worker started execution <id> (job <job>)" (scaling/job-processor) and main logs "Enqueued
 * execution <id>". Those lines, read from each process's log, are compared with n8n's execution
 * records in its PostgreSQL database.
 */
import axios from 'axios';
import * as fs from 'node:fs';

import { dayNumber } from '../../nodes/shared/calendar/days';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor } from '../../nodes/shared/segmentation';
import { psql } from '../../scripts/scale/postgres';
import { POSTGRES_CREDENTIAL, type ScaleStack } from '../../scripts/scale/stack';
import { PERSONAS, generateDebtor } from '../fixtures/portfolio';
import { disposeScaleStack, prepareScaleStack } from './harness/scaleStack';
import { ourNode, workflow } from './harness/workflow';

jest.setTimeout(900_000);

const REFERENCE = '2026-06-30';
const WORKFLOW_ID = 'scQueueModeE2e01';
const PATH = 'sc-queue-mode-e2e';
const CALLS = 20;

const webhookWorkflow = workflow(
	'Queue mode: segment a debtor and log it',
	[
		{
			name: 'Debtor arrives',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: '5c0e7d8e-2f4b-4d8e-9a51-3a1f0c9b7e21',
			// Answer when the last node has run: the caller learns the row the worker wrote.
			parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', options: {} },
		},
		{ name: 'Debtor record', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: '={{ JSON.stringify($json.body) }}', options: {} } },
		ourNode('Segment', 'debtorSegmenter', { routing: 'single', referenceDate: REFERENCE }),
		{
			name: 'Log the decision',
			type: 'n8n-nodes-base.postgres',
			typeVersion: 2.6,
			credentials: { postgres: POSTGRES_CREDENTIAL },
			parameters: {
				operation: 'executeQuery',
				query: 'INSERT INTO sc_contact_log (day, debtor_id, decision, reason, idempotency_key) VALUES ($1, $2, $3, $4, $5) RETURNING id, debtor_id, reason',
				options: { queryReplacement: `={{ ['${REFERENCE}', $json.debtorId, 'segmented', $json.segmentation.persona, 'queue-e2e:' + $json.debtorId] }}` },
			},
		},
	],
	[
		['Debtor arrives', 'Debtor record'],
		['Debtor record', 'Segment'],
		['Segment', 'Log the decision'],
	],
	WORKFLOW_ID,
);

/** Execution ids in the lines of a log that match `pattern` (its first group). */
const executionIds = (log: string, pattern: RegExp) => [...log.matchAll(pattern)].map((match) => match[1]).sort((a, b) => Number(a) - Number(b));

let stack: ScaleStack | undefined;

beforeAll(async () => {
	const started = Date.now();
	stack = await prepareScaleStack({ workers: 2, concurrency: 5 });
	await stack.main.importWorkflow(webhookWorkflow);
	await stack.main.publishWorkflow(WORKFLOW_ID);
	await stack.startN8n();
	await stack.main.waitForWebhook(PATH);
	console.log(`queue-mode stack ready in ${Math.round((Date.now() - started) / 1000)} s`);
});

afterAll(async () => {
	await disposeScaleStack(stack);
});

test('20 concurrent webhook calls run on both workers and write 20 rows into sc_contact_log', async () => {
	const s = stack!;
	const debtors = Array.from({ length: CALLS }, (_, i) => generateDebtor(17, i, { persona: PERSONAS[i % PERSONAS.length], referenceDate: REFERENCE }).record);
	const responses = await Promise.all(debtors.map((record) => axios.post(`${s.main.baseUrl}/webhook/${PATH}`, record, { validateStatus: () => true, timeout: 300_000 })));
	expect(responses.map((response) => response.status)).toEqual(debtors.map(() => 200));

	// What each worker wrote, as the caller was told and as the table has it.
	const expected = debtors.map((record) => [record.debtorId, segmentDebtor(record, { referenceDay: dayNumber(REFERENCE), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'nl' }).persona]).sort();
	expect(responses.map((response) => [response.data.debtor_id, response.data.reason]).sort()).toEqual(expected);
	const logged = psql(s.appDatabaseUrl, "SELECT debtor_id, reason, idempotency_key FROM sc_contact_log WHERE decision = 'segmented' ORDER BY debtor_id;")
		.trim()
		.split('\n')
		.map((line) => line.split('|'));
	expect(logged).toEqual(expected.map(([debtorId, persona]) => [debtorId, persona, `queue-e2e:${debtorId}`]));

	// n8n's own records: 20 production (webhook) executions of the workflow, all successful.
	const executions = psql(s.n8nDatabaseUrl, `SELECT id, mode, status FROM execution_entity WHERE "workflowId" = '${WORKFLOW_ID}' ORDER BY id;`)
		.trim()
		.split('\n')
		.map((line) => line.split('|'));
	expect(executions).toHaveLength(CALLS);
	for (const [id, mode, status] of executions) expect([id, mode, status]).toEqual([id, 'webhook', 'success']);
	const ids = executions.map(([id]) => id);

	// Main put every one of them on the queue; each ran on exactly one worker, and each worker ran some.
	expect(executionIds(fs.readFileSync(s.logFile('main'), 'utf8'), /Enqueued execution (\d+) \(job \d+\)/g)).toEqual(ids);
	expect(fs.readFileSync(s.logFile('main'), 'utf8')).not.toMatch(/Worker started execution/);
	const perWorker = s.workers.map((_, i) => executionIds(fs.readFileSync(s.logFile(`worker-${i + 1}`), 'utf8'), /Worker started execution (\d+) \(job \d+\)/g));
	console.log(`executions per worker: ${perWorker.map((list, i) => `worker-${i + 1}: ${list.length}`).join(', ')}`);
	for (const list of perWorker) expect(list.length).toBeGreaterThan(0);
	expect(perWorker.flat().sort((a, b) => Number(a) - Number(b))).toEqual(ids);
});
