/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The shape rules of the shipped SQL migrations, read from the files (a real PostgreSQL applies them
 * in test/e2e/postgresSchema.test.ts): numbered without gaps, each records its own version, each may
 * run again, none opens its own transaction, and the package ships them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { listMigrations, migrationScript, SQL_DIR } from '../../../scripts/scale/migrate';

const migrations = listMigrations();
const statements = (file: string) =>
	fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => !line.trim().startsWith('--'))
		.join('\n');

test('the migrations are numbered 1, 2, 3, ... and the package ships them', () => {
	expect(migrations.length).toBeGreaterThanOrEqual(1);
	expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
	const manifest = JSON.parse(fs.readFileSync(path.join(SQL_DIR, '..', 'package.json'), 'utf8'));
	expect(manifest.files).toContain('sql');
});

test.each(migrations.map((m) => [path.basename(m.file), m] as const))('%s records its own version on its last line', (_, migration) => {
	const lines = statements(migration.file).trim().split('\n');
	expect(lines[lines.length - 1]).toBe(`INSERT INTO sc_schema_migrations (version, name) VALUES (${migration.version}, '${migration.name}') ON CONFLICT (version) DO NOTHING;`);
});

test.each(migrations.map((m) => [path.basename(m.file), m] as const))('%s may run again and leaves the transaction to its runner', (_, migration) => {
	const sql = statements(migration.file);
	const creates = sql.match(/\bCREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)\b[^;(]*/gi) ?? [];
	// A number reserved for another branch's migration (sql/0004_reserved.sql) changes nothing.
	expect(creates.length > 0 || migration.name === 'reserved').toBe(true);
	for (const create of creates) expect(create).toMatch(/IF NOT EXISTS/);
	for (const fn of sql.match(/\bCREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\b/gi) ?? []) expect(fn).toMatch(/OR REPLACE/);
	for (const [, name, table] of sql.matchAll(/\bCREATE\s+TRIGGER\s+(\w+)\s+\w+\s+\w+\s+ON\s+(\w+)/gi)) {
		expect(sql).toContain(`DROP TRIGGER IF EXISTS ${name} ON ${table};`);
	}
	expect(sql).not.toMatch(/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)\s*;/im);
	expect(sql).not.toMatch(/^\s*ALTER\s+TABLE\s+\w+\s+ADD\s+COLUMN\s+(?!IF NOT EXISTS)/im);
});

test('a gap, a double or a badly named file is refused before anything runs', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-migrations-'));
	try {
		fs.writeFileSync(path.join(dir, '0001_first.sql'), '');
		fs.writeFileSync(path.join(dir, '0003_third.sql'), '');
		expect(() => listMigrations(dir)).toThrow(/expected migration 2 here/);
		fs.renameSync(path.join(dir, '0003_third.sql'), path.join(dir, '0001_again.sql'));
		expect(() => listMigrations(dir)).toThrow(/expected migration 2 here/);
		fs.renameSync(path.join(dir, '0001_again.sql'), path.join(dir, '2_Second.sql'));
		expect(() => listMigrations(dir)).toThrow(/NNNN_name\.sql/);
		fs.rmSync(path.join(dir, '2_Second.sql'));
		fs.writeFileSync(path.join(dir, '0002_second.sql'), '');
		expect(listMigrations(dir).map((m) => [m.version, m.name])).toEqual([
			[1, 'first'],
			[2, 'second'],
		]);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('the runner script applies each migration in its own locked transaction, only when missing', () => {
	const script = migrationScript(migrations);
	for (const { version, file } of migrations) {
		const block = script.slice(script.indexOf(`version = ${version}) AS sc_pending`), script.indexOf(`\\echo sc-applied ${version}`));
		expect(block).toContain(`\\i '${file}'`);
	}
	expect(script.match(/^BEGIN;$/gm)).toHaveLength(migrations.length);
	expect(script.match(/^SELECT pg_advisory_xact_lock/gm)).toHaveLength(migrations.length);
	expect(script.match(/^COMMIT;$/gm)).toHaveLength(migrations.length);
});
