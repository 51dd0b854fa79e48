/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * Writes the shipped workflows (workflows/*.json) from their TypeScript description in
 * workflows/src/, so node names, positions, connections and sticky notes stay consistent. Part of
 * `npm run build` (gulp task `workflows`); alone: `npx gulp workflows`. Unchanged files are not touched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { listMigrations } from '../scripts/scale/migrate';
import { POSTGRES_SETUP, POSTGRES_WORKFLOWS, WORKFLOWS } from '../workflows/src';
import type { SqlMigration } from '../workflows/src/00-setup-postgres';

export const WORKFLOWS_DIR = path.resolve(__dirname, '..', 'workflows');

/** The shipped migrations (sql/NNNN_name.sql, listed by the migration runner's own rules) with their text. */
export function shippedMigrations(): SqlMigration[] {
	return listMigrations().map(({ version, name, file }) => ({ version, name, sql: fs.readFileSync(file, 'utf8') }));
}

/**
 * The JSON text of every shipped workflow, by file name, exactly as it is written to workflows/ (the
 * Data Table edition; `postgres/<file>` the Postgres edition).
 */
export function workflowFiles(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const [file, build] of Object.entries(WORKFLOWS)) files[file] = JSON.stringify(build(), null, '\t') + '\n';
	for (const [file, build] of Object.entries(POSTGRES_WORKFLOWS)) files[`postgres/${file}`] = JSON.stringify(build(), null, '\t') + '\n';
	const migrations = shippedMigrations();
	for (const [file, build] of Object.entries(POSTGRES_SETUP)) files[`postgres/${file}`] = JSON.stringify(build(migrations), null, '\t') + '\n';
	return files;
}

export function writeWorkflows(): { written: string[]; unchanged: string[] } {
	fs.mkdirSync(WORKFLOWS_DIR, { recursive: true });
	const written: string[] = [];
	const unchanged: string[] = [];
	for (const [file, text] of Object.entries(workflowFiles())) {
		const target = path.join(WORKFLOWS_DIR, file);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) {
			unchanged.push(file);
		} else {
			fs.writeFileSync(target, text);
			written.push(file);
		}
	}
	return { written, unchanged };
}

if (require.main === module) {
	const { written, unchanged } = writeWorkflows();
	console.log(`workflows: ${written.length} written, ${unchanged.length} unchanged`);
}
