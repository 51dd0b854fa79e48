/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- benchmarks run in plain Node, not inside n8n */
/**
 * Seeds a generated portfolio into the Postgres store (`sc_debtors` of sql/) with COPY, streaming:
 * rows are generated and planned one at a time (scaleSeedRows.ts) and written to psql's standard
 * input, waiting for it to drain, so a million debtors never sit in memory.
 *
 * Why psql's `\copy ... from pstdin` and not the `pg` + `pg-copy-streams` packages: psql is already
 * what the scale stack and its tests talk to PostgreSQL with (scripts/scale/postgres.ts, installed
 * with the server), it speaks COPY natively, and it runs in a process of its own, so parsing and
 * sending overlap with generating and planning on the other core. No new dependency.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';

import { psql, psqlProgram } from '../../scripts/scale/postgres';
import { debtorIdFor, DEFAULT_SEED, indexOfDebtorId, SEED_COLUMNS, seedRows, seedRowsAt, type SeedRow, type SeedRowOptions } from './scaleSeedRows';

export interface SeedResult {
	rows: number;
	open: number;
	/** Debtors whose next step is due on the benchmark day or before. */
	due: number;
	/** Their indexes, in order (what a daily run of the day will touch). */
	dueIndexes: number[];
	seconds: number;
}

/** Rows of psql's unaligned output, columns split on `|`. */
export function queryRows(url: string, query: string): string[][] {
	return psql(url, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));
}

/** Whether sc_debtors has a `planned_on` column (a later migration may add it; it is filled when it exists). */
export function hasPlannedOn(url: string): boolean {
	return queryRows(url, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'sc_debtors' AND column_name = 'planned_on'")[0][0] === '1';
}

/** Writes rows into sc_debtors through one `\copy` (one transaction: all rows or none). */
async function copyRows(url: string, rows: Iterable<SeedRow>, plannedOn: boolean, onRow?: (row: SeedRow) => void): Promise<void> {
	const columns = [...SEED_COLUMNS, ...(plannedOn ? ['planned_on'] : [])].join(', ');
	const child = spawn(psqlProgram(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', `\\copy sc_debtors (${columns}) FROM pstdin`], {
		cwd: os.tmpdir(),
		stdio: ['pipe', 'ignore', 'pipe'],
		env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	const closed = new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	// A psql that stops early (a refused row) closes its input: the error is in its exit, not here.
	child.stdin.on('error', () => {});
	let chunk = '';
	for (const row of rows) {
		chunk += row.line;
		onRow?.(row);
		if (chunk.length >= 1 << 18) {
			const flushed = child.stdin.write(chunk);
			chunk = '';
			if (!flushed) await Promise.race([once(child.stdin, 'drain'), closed]);
			if (child.exitCode !== null) break;
		}
	}
	if (chunk && child.exitCode === null) child.stdin.write(chunk);
	child.stdin.end();
	const code = await closed;
	if (code !== 0) throw new Error(`COPY into sc_debtors failed (psql exit ${code}): ${stderr.trim()}`);
}

/**
 * Generates `count` debtors and inserts them into sc_debtors (which must not hold them yet), each
 * with its status, its next step date as planned on the benchmark day, planned_version 1 (planned
 * from the seeded record) and, when the column exists, planned_on the day before.
 */
export async function seedPostgres(url: string, options: SeedRowOptions & { onProgress?: (rows: number) => void }): Promise<SeedResult> {
	const started = performance.now();
	const result: SeedResult = { rows: 0, open: 0, due: 0, dueIndexes: [], seconds: 0 };
	const plannedOn = hasPlannedOn(url);
	await copyRows(url, seedRows({ ...options, plannedOn }), plannedOn, (row) => {
		result.rows++;
		if (row.open) result.open++;
		if (row.due) {
			result.due++;
			result.dueIndexes.push(row.index);
		}
		if (result.rows % 10_000 === 0) options.onProgress?.(result.rows);
	});
	result.seconds = (performance.now() - started) / 1000;
	return result;
}

/**
 * Puts the given debtors back as seeded (their rows deleted and inserted again, regenerated from
 * seed and index: version 1, no lease), so a benchmark can run the same day again. Returns how many.
 */
export async function reseedDebtors(url: string, indexes: number[], options: Omit<SeedRowOptions, 'count' | 'startIndex'>): Promise<number> {
	const seed = options.seed ?? DEFAULT_SEED;
	const unique = [...new Set(indexes)].sort((a, b) => a - b);
	if (unique.length === 0) return 0;
	const ids = unique.map((index) => debtorIdFor(seed, index));
	// Ids are the generator's own (letters, digits, a dash): safe inside a quoted literal.
	for (let from = 0; from < ids.length; from += 10_000) {
		psql(url, `DELETE FROM sc_debtors WHERE debtor_id = ANY ('{${ids.slice(from, from + 10_000).join(',')}}'::text[]);`);
	}
	const plannedOn = hasPlannedOn(url);
	await copyRows(url, seedRowsAt(unique, { ...options, plannedOn }), plannedOn);
	return unique.length;
}

/** Indexes of the generated debtors a run changed: a new version, a lease, or a plan made after the seed. */
export function changedIndexes(url: string, seed: number, day: string): number[] {
	const plannedOn = hasPlannedOn(url);
	const rows = queryRows(
		url,
		`SELECT debtor_id FROM sc_debtors WHERE version > 1 OR planned_version IS DISTINCT FROM 1 OR lease_owner IS NOT NULL OR leased_until IS NOT NULL` +
			(plannedOn ? ` OR planned_on >= '${day}'` : ''),
	);
	return rows.map(([id]) => indexOfDebtorId(id, seed)).filter((index): index is number => index !== undefined);
}

export interface DatabaseSize {
	databaseBytes: number;
	/** Per sc_ table: its total size (table, TOAST and indexes) and its rows (estimated by the statistics). */
	tables: Array<{ table: string; bytes: number; rows: number }>;
}

/** pg_database_size and pg_total_relation_size of every sc_ table (after ANALYZE, for the row estimates). */
export function databaseSize(url: string): DatabaseSize {
	psql(url, 'ANALYZE;');
	const databaseBytes = Number(queryRows(url, 'SELECT pg_database_size(current_database())')[0][0]);
	const tables = queryRows(
		url,
		"SELECT c.relname, pg_total_relation_size(c.oid), greatest(c.reltuples, 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND c.relname LIKE 'sc\\_%' AND n.nspname = current_schema() ORDER BY 2 DESC",
	).map(([table, bytes, rows]) => ({ table, bytes: Number(bytes), rows: Number(rows) }));
	return { databaseBytes, tables };
}
