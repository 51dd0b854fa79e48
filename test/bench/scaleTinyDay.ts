/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * A tiny daily run for the Postgres store, standing in for the Postgres edition's in the tests of
 * `bench:scale` and as an example of what `--workflows` takes: a dispatcher (Manual Trigger) counts
 * the due debtors and calls a batch webhook once per batch, all at once; each batch execution claims
 * its debtors (UPDATE ... FOR UPDATE SKIP LOCKED, a lease), plans them with the Journey Planner (the
 * Postgres edition's look-ahead) and stores the next review date (tomorrow for a step due today: it
 * sends nothing, so that step would stay due) and the planned version in one statement.
 *
 *   npx tsx test/bench/scaleTinyDay.ts <folder>     writes the two workflows as JSON files, then
 *   npm run bench:scale -- 20000 --workflows <folder> --set batchUrl={baseUrl}/webhook/sc-bench-batch
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { POSTGRES_CREDENTIAL } from '../../scripts/scale/stack';
import { LOOK_AHEAD_DAYS } from '../../workflows/src/01-daily-collection-journey';
import { ourNode, workflow } from '../e2e/harness/workflow';

/** Debtors per batch execution. */
export const BATCH = 50;
/** The batch webhook's path. */
export const PATH = 'sc-bench-batch';
const postgres = (name: string, query: string, replacement: string) => ({
	name,
	type: 'n8n-nodes-base.postgres',
	typeVersion: 2.6,
	credentials: { postgres: POSTGRES_CREDENTIAL },
	parameters: { operation: 'executeQuery', query, options: { queryReplacement: replacement } },
});

export const dispatcher = workflow(
	'Bench: dispatch the due debtors',
	[
		{ name: 'Run now (manual)', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1 },
		{
			name: 'Settings',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				assignments: {
					assignments: [
						{ id: 'a1', name: 'referenceDate', type: 'string', value: '2026-01-01' },
						{ id: 'a2', name: 'batchSize', type: 'number', value: BATCH },
						{ id: 'a3', name: 'batchUrl', type: 'string', value: 'http://set-by-the-bench' },
					],
				},
				options: {},
			},
		},
		postgres(
			'One item per batch',
			"SELECT b AS batch, $1::text AS day, $2::int AS size FROM generate_series(1, (SELECT ceil(count(*)::numeric / $2)::int FROM sc_debtors WHERE status = 'open' AND next_step_date <= $1::date)) AS b",
			'={{ [$json.referenceDate, $json.batchSize] }}',
		),
		{
			name: 'Run the batches',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			// All requests at once: queue mode hands each batch execution to a free worker.
			parameters: {
				method: 'POST',
				url: "={{ $('Settings').first().json.batchUrl }}",
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ day: $json.day, size: $json.size }) }}',
				options: { timeout: 600000 },
			},
		},
	],
	[
		['Run now (manual)', 'Settings'],
		['Settings', 'One item per batch'],
		['One item per batch', 'Run the batches'],
	],
	'scBenchDispatch1',
);

export const batch = workflow(
	'Bench: plan one batch',
	[
		{
			name: 'Batch arrives',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: '0f3b4a52-8d7e-4c1a-9b6e-2d5f7a8c9e10',
			parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', options: {} },
		},
		postgres(
			'Claim the batch',
			"UPDATE sc_debtors SET lease_owner = $1, leased_until = now() + interval '15 minutes' WHERE debtor_id IN (SELECT debtor_id FROM sc_debtors WHERE status = 'open' AND next_step_date <= $2::date AND (leased_until IS NULL OR leased_until < now()) ORDER BY next_step_date, debtor_id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING record",
			'={{ [$execution.id, $json.body.day, $json.body.size] }}',
		),
		{ name: 'Debtor record', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: '={{ JSON.stringify($json.record) }}', options: {} } },
		// The planner segments each debtor itself and looks ahead as the Postgres edition does (its next review date).
		ourNode('Plan', 'journeyPlanner', { routing: 'single', referenceDate: "={{ $('Batch arrives').first().json.body.day }}", language: 'en', ladders: '{}', debtHelpPauseDays: 30, options: { lookAheadDays: LOOK_AHEAD_DAYS } }),
		{
			name: 'Plan row',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: "={{ JSON.stringify({ id: $json.debtorId, next: !$json.journey ? null : $json.journey.action === 'step' ? $json.journey.referenceDate : ($json.journey.nextReviewDate ?? null) }) }}", options: {} },
		},
		{ name: 'All rows', type: 'n8n-nodes-base.aggregate', typeVersion: 1, parameters: { aggregate: 'aggregateAllItemData', destinationFieldName: 'rows', options: {} } },
		postgres(
			'Save the plans',
			'WITH saved AS (UPDATE sc_debtors d SET next_step_date = CASE WHEN x.next IS NULL THEN NULL ELSE greatest(x.next::date, $2::date + 1) END, planned_version = d.version, lease_owner = NULL, leased_until = NULL FROM jsonb_to_recordset($1::jsonb) AS x(id text, next text) WHERE d.debtor_id = x.id RETURNING 1) SELECT count(*) AS saved FROM saved',
			"={{ [JSON.stringify($json.rows), $('Batch arrives').first().json.body.day] }}",
		),
	],
	[
		['Batch arrives', 'Claim the batch'],
		['Claim the batch', 'Debtor record'],
		['Debtor record', 'Plan'],
		['Plan', 'Plan row'],
		['Plan row', 'All rows'],
		['All rows', 'Save the plans'],
	],
	'scBenchBatch0001',
);

if (require.main === module) {
	const folder = process.argv[2];
	if (!folder) throw new Error('usage: npx tsx test/bench/scaleTinyDay.ts <folder>');
	fs.mkdirSync(folder, { recursive: true });
	fs.writeFileSync(path.join(folder, 'dispatch.json'), JSON.stringify(dispatcher, null, 2));
	fs.writeFileSync(path.join(folder, 'batch.json'), JSON.stringify(batch, null, 2));
	console.log(`wrote ${path.join(folder, 'dispatch.json')} and batch.json; run with --set batchUrl={baseUrl}/webhook/${PATH}`);
}
