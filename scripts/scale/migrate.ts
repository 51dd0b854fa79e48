/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * Applies the package's Postgres schema (sql/NNNN_name.sql, shipped in the package) to a database,
 * each migration once and in order, with psql:
 *
 *   npm run db:migrate -- postgresql://user:password@host:5432/database
 *
 * Each migration runs in its own transaction under an advisory lock (two runners at once apply it
 * once), is skipped when `sc_schema_migrations` lists its version, and records its version itself on
 * its last line, so a migration applied by hand with `psql --single-transaction -f` counts too.
 * Adding a change to the schema means adding the next file, never editing one that shipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../runtime';
import { psql } from './postgres';

export const SQL_DIR = path.join(REPO_ROOT, 'sql');

export interface Migration {
	version: number;
	name: string;
	file: string;
}

/** The migrations in `dir`, in order; refuses names out of pattern, gaps and doubles. */
export function listMigrations(dir = SQL_DIR): Migration[] {
	const migrations = fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.sql'))
		.map((file) => {
			const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
			if (!match) throw new Error(`${path.join(dir, file)}: a migration is named NNNN_name.sql (four digits, lower-case name)`);
			return { version: Number(match[1]), name: match[2], file: path.join(dir, file) };
		})
		.sort((a, b) => a.version - b.version);
	migrations.forEach((migration, index) => {
		if (migration.version !== index + 1) throw new Error(`${migration.file}: expected migration ${index + 1} here; versions run 1, 2, 3, ... without gaps or doubles`);
	});
	return migrations;
}

export interface MigrationResult {
	/** Versions applied by this run. */
	applied: number[];
	/** The highest version the database has now. */
	current: number;
}

/**
 * The psql script that applies every pending migration. Meta-commands decide per migration (\gset,
 * \if) inside its transaction, after taking the lock, so the check and the change are one step.
 */
export function migrationScript(migrations: Migration[]): string {
	const lines = ['SET client_min_messages = warning;'];
	for (const { version, file } of migrations) {
		if (file.includes("'")) throw new Error(`${file}: a migration path may not contain a quote`);
		lines.push(
			'BEGIN;',
			"SELECT pg_advisory_xact_lock(hashtext('sc_schema_migrations'));",
			"SELECT to_regclass('sc_schema_migrations') IS NULL AS sc_fresh \\gset",
			'\\if :sc_fresh',
			'\\set sc_pending true',
			'\\else',
			`SELECT NOT EXISTS (SELECT FROM sc_schema_migrations WHERE version = ${version}) AS sc_pending \\gset`,
			'\\endif',
			'\\if :sc_pending',
			`\\i '${file}'`,
			`DO $$ BEGIN IF NOT EXISTS (SELECT FROM sc_schema_migrations WHERE version = ${version}) THEN RAISE EXCEPTION 'migration ${version} did not record itself in sc_schema_migrations'; END IF; END $$;`,
			`\\echo sc-applied ${version}`,
			'\\endif',
			'COMMIT;',
		);
	}
	lines.push("SELECT 'sc-current ' || coalesce(max(version), 0) FROM sc_schema_migrations;");
	return `${lines.join('\n')}\n`;
}

/** Applies the pending migrations of `dir` to the database at `url` (a libpq URL). */
export function applyMigrations(url: string, dir = SQL_DIR): MigrationResult {
	const output = psql(url, migrationScript(listMigrations(dir)));
	const applied = [...output.matchAll(/^sc-applied (\d+)$/gm)].map((match) => Number(match[1]));
	const current = /^sc-current (\d+)$/m.exec(output);
	if (!current) throw new Error(`psql printed no schema version:\n${output.slice(-2000)}`);
	return { applied, current: Number(current[1]) };
}

if (require.main === module) {
	const url = process.argv[2] ?? process.env.DATABASE_URL;
	if (!url) {
		console.error('usage: npm run db:migrate -- postgresql://user:password@host:5432/database   (or set DATABASE_URL)');
		process.exit(2);
	}
	const latest = listMigrations().length;
	const { applied, current } = applyMigrations(url);
	console.log(applied.length > 0 ? `applied migration(s) ${applied.join(', ')}; the schema is at version ${current}` : `nothing to apply; the schema is at version ${current}`);
	if (current > latest) console.log(`note: the database is at version ${current}, newer than this package's ${latest}`);
}
