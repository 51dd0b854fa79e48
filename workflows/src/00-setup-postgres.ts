/**
 * Workflow 0, Postgres edition: applies the package's shipped, versioned schema (sql/NNNN_name.sql)
 * through n8n's Postgres node and credential, for an admin who runs it once after the import (and
 * again after an update of the package: it applies only what is new). The migrations are written
 * into the workflow when it is built (build/workflows.ts reads sql/, the one home of the schema), and
 * each is applied as `npm run db:migrate` (scripts/scale/migrate.ts) applies it: in its own
 * transaction, under the same advisory lock, skipped when sc_schema_migrations lists its version,
 * recording itself on its last line. Running it again changes nothing.
 */
import { Canvas, type Json } from './canvas';
import { POSTGRES_CREDENTIAL, postgresNode, SQL } from './postgres';

/** One shipped migration: sql/<version as 4 digits>_<name>.sql and its text. */
export interface SqlMigration {
	version: number;
	name: string;
	sql: string;
}

/**
 * The text of a migration as the Postgres node sends it: it travels as a query parameter, so any
 * text is safe there; but n8n resolves `{{ }}` in a node's parameters, and the migration is written
 * into a Code node. Refuses what would not arrive as written.
 */
function checked(migration: SqlMigration): SqlMigration {
	if (!Number.isInteger(migration.version) || migration.version < 1 || !/^[a-z0-9_]+$/.test(migration.name)) {
		throw new Error(`migration ${migration.version} ${migration.name}: versions are whole numbers from 1, names lower-case letters, digits and _`);
	}
	if (migration.sql.includes('{{')) throw new Error(`migration ${migration.version} (${migration.name}): "{{" would be read by n8n as an expression`);
	return migration;
}

/** The set-up workflow of the Postgres edition, with `migrations` (every file of sql/, in order) written into it. */
export function setupPostgres(migrations: SqlMigration[]): Json {
	const shipped = migrations.map(checked);
	shipped.forEach((migration, index) => {
		if (migration.version !== index + 1) throw new Error(`migration ${migration.version}: expected ${index + 1}; versions run 1, 2, 3, ... without gaps`);
	});
	const latest = shipped.length;
	const c = new Canvas('0b000001');
	c.note('Note: about', [-60, -420], 760, 380, [
		'## Set up the schema (Postgres edition, run once)',
		`Applies the package's PostgreSQL schema (migrations 1 to ${latest}, the files \`sql/NNNN_name.sql\` of the package) to the database of the credential *${POSTGRES_CREDENTIAL.name}*: the tables \`sc_debtors\`, \`sc_contact_log\`, \`sc_tasks\`, \`sc_intake\`, \`sc_municipality_signals\`, \`sc_sends\` and \`sc_schema_migrations\`.`,
		'',
		'Each migration is applied once, in its own transaction, and records itself in `sc_schema_migrations` (the same way `npm run db:migrate` does, so either may be used, also both). Running this again changes nothing; after an update of the package it applies only the new migrations.',
		'',
		'**Before the first run:** fill in the credential (a role that may create tables in the database). *Report* says what was applied and the version the schema is at now.',
	].join('\n'), 4);
	const start = c.add('Run once', 'n8n-nodes-base.manualTrigger', 1, [0, 0]);
	const list = c.add('The shipped migrations', 'n8n-nodes-base.code', 2, [220, 0], {
		mode: 'runOnceForAllItems',
		jsCode: [
			`// Written by the build from sql/*.sql (do not edit here: a new schema change is a new file there).`,
			`const migrations = ${JSON.stringify(shipped, null, 1)};`,
			'return migrations.map((json) => ({ json }));',
		].join('\n'),
	});
	// One statement per migration, one after the other: a failing migration stops the run, and the ones before it stay applied.
	const apply = postgresNode(c, 'Apply each migration once', [440, 0], SQL.applyMigration, '={{ [$json.version, $json.name, $json.sql] }}', {}, 'independently');
	const version = postgresNode(c, 'Schema version now', [660, 0], SQL.schemaVersion, '={{ [] }}', { executeOnce: true });
	const report = c.add('Report', 'n8n-nodes-base.code', 2, [880, 0], {
		mode: 'runOnceForAllItems',
		jsCode: [
			"const results = $('Apply each migration once').all().map((item) => item.json);",
			"const applied = results.filter((r) => r.result === 'applied').map((r) => Number(r.version));",
			"const alreadyApplied = results.filter((r) => r.result === 'already applied').map((r) => Number(r.version));",
			'const current = Number($input.first().json.current);',
			`const shipped = ${latest};`,
			"const summary = (applied.length > 0 ? 'applied migration(s) ' + applied.join(', ') : 'nothing to apply') + '; the schema is at version ' + current",
			"  + (current > shipped ? ' (newer than this workflow\\'s ' + shipped + ': import the workflows of the newer package)' : '');",
			'return [{ json: { applied, alreadyApplied, current, shipped, summary } }];',
		].join('\n'),
	});
	c.link(start, list);
	c.link(list, apply);
	c.link(apply, version);
	c.link(version, report);
	return c.workflow('scPgSetupSchema00', 'Social Collections (Postgres): set up the schema');
}
