/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The benchmark's seeder (test/bench/scaleSeed.ts) in a real PostgreSQL with the shipped schema:
 * 2,000 generated debtors go in through COPY, each row holds the generator's record and the next
 * step date the journey plans for it, about the asked share is due on the benchmark day, and a
 * re-seed puts changed debtors back exactly as they were. About 20 s.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { dayNumber } from '../../nodes/shared/calendar';
import { assertDebtor } from '../../nodes/shared/debtor/validate';
import { freePort } from '../../scripts/n8nInstance';
import { applyMigrations } from '../../scripts/scale/migrate';
import { LocalPostgres, psql } from '../../scripts/scale/postgres';
import { changedIndexes, databaseSize, queryRows, reseedDebtors, seedPostgres, type SeedResult } from '../bench/scaleSeed';
import { calibrateArrearsShare, plannedNextStep, statusOf } from '../bench/scaleSeedRows';
import { debtorIdFor, generateDebtor } from '../fixtures/portfolio';

jest.setTimeout(240_000);

const COUNT = 2000;
const SEED = 77;
const DAY = '2026-07-01';
const WANTED = 0.1;

let dir: string;
let pg: LocalPostgres;
let url: string;
let arrearsShare: number;
let seeded: SeedResult;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-seed-'));
	// Under root the server runs as the postgres user, which must pass through this folder.
	fs.chmodSync(dir, 0o711);
	pg = await LocalPostgres.start({ dataDir: path.join(dir, 'data'), port: await freePort(), logFile: path.join(dir, 'postgres.log'), ephemeral: true });
	pg.ensureDatabase('social_collections', 'social_collections', 'test_password_1');
	url = pg.url('social_collections', 'social_collections', 'test_password_1');
	applyMigrations(url);
	arrearsShare = calibrateArrearsShare(WANTED, { seed: SEED, day: DAY, sample: 1000 }).arrearsShare;
	seeded = await seedPostgres(url, { count: COUNT, seed: SEED, day: DAY, arrearsShare });
});

afterAll(async () => {
	await pg?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const one = (query: string) => queryRows(url, query)[0];

test('every debtor is in sc_debtors once, with its record, status and planned next step', () => {
	expect(seeded.rows).toBe(COUNT);
	expect(one("SELECT count(*), count(DISTINCT debtor_id), count(*) FILTER (WHERE record->>'debtorId' = debtor_id), min(version), max(version), min(planned_version), max(planned_version) FROM sc_debtors")).toEqual([
		String(COUNT),
		String(COUNT),
		String(COUNT),
		'1',
		'1',
		'1',
		'1',
	]);
	expect(one("SELECT count(*) FROM sc_debtors WHERE status = 'open'")).toEqual([String(seeded.open)]);
	// A sample across the portfolio, compared with the generator and the planner directly.
	for (const index of [0, 1, 2, 500, 999, 1234, 1999, ...seeded.dueIndexes.slice(0, 5)]) {
		const [recordText, status, next] = one(`SELECT record::text, status, coalesce(next_step_date::text, '-') FROM sc_debtors WHERE debtor_id = '${debtorIdFor(SEED, index)}'`);
		const { record } = generateDebtor(SEED, index, { arrearsShare });
		const stored = JSON.parse(recordText) as unknown;
		expect(stored).toEqual(JSON.parse(JSON.stringify(record)));
		expect(() => assertDebtor(stored as Record<string, unknown>, index)).not.toThrow();
		expect(status).toBe(statusOf(record));
		expect(next).toBe(status === 'open' ? (plannedNextStep(record, dayNumber(DAY)) ?? '-') : '-');
	}
});

test('about the asked share is due on the benchmark day, and the seeder counted exactly those', () => {
	const [due] = one(`SELECT count(*) FROM sc_debtors WHERE status = 'open' AND next_step_date <= '${DAY}'`);
	expect(Number(due)).toBe(seeded.due);
	expect(seeded.dueIndexes).toHaveLength(seeded.due);
	// Binomial spread over 2,000 debtors plus the calibration's own sampling error.
	expect(Math.abs(seeded.due / COUNT - WANTED)).toBeLessThan(0.03);
	// Nothing is planned before the day it is planned on: due means due today.
	expect(one(`SELECT count(*) FROM sc_debtors WHERE next_step_date < '${DAY}'`)).toEqual(['0']);
	const size = databaseSize(url);
	expect(size.databaseBytes).toBeGreaterThan(size.tables.find((t) => t.table === 'sc_debtors')!.bytes);
	expect(size.tables.find((t) => t.table === 'sc_debtors')!.rows).toBe(COUNT);
});

test('a re-seed puts the debtors a run changed back exactly as seeded', async () => {
	const fingerprint = () => one("SELECT md5(string_agg(debtor_id || status || record::text || coalesce(next_step_date::text, '') || version || planned_version, ',' ORDER BY debtor_id)) FROM sc_debtors")[0];
	const before = fingerprint();
	const [a, b, c] = seeded.dueIndexes;
	psql(url, `UPDATE sc_debtors SET record = record || '{"note": "sent"}' WHERE debtor_id = '${debtorIdFor(SEED, a)}';`);
	psql(url, `UPDATE sc_debtors SET lease_owner = 'run-1', leased_until = now() WHERE debtor_id = '${debtorIdFor(SEED, b)}';`);
	psql(url, `UPDATE sc_debtors SET planned_version = version, next_step_date = '2026-07-09' WHERE debtor_id = '${debtorIdFor(SEED, c)}';`);
	expect(fingerprint()).not.toBe(before);
	const changed = changedIndexes(url, SEED, DAY);
	expect(changed.sort((x, y) => x - y)).toEqual([a, b].sort((x, y) => x - y));
	// The day's due debtors are re-seeded whether or not their row shows the change (c's plan looks seeded).
	expect(await reseedDebtors(url, [...changed, ...seeded.dueIndexes], { seed: SEED, day: DAY, arrearsShare })).toBe(seeded.due);
	expect(fingerprint()).toBe(before);
});
