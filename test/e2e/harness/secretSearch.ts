/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the harness runs in plain Node, not inside n8n */
/**
 * Searching what n8n stored for secrets: every secret in the forms it could be written in (as is,
 * base64, base64url, hex) and every value computed from one (signatures), in n8n's SQLite databases
 * (every table: execution data, workflow history, workflows, ...), PostgreSQL dumps and logs. A
 * finding names the secret's label, the form and where, never the value itself.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureRuntime } from '../../../scripts/runtime';

export interface Secret {
	kind: 'secret' | 'derived';
	value: string;
	label: string;
}

export interface Needle {
	text: string;
	label: string;
	form: string;
}

export interface Finding {
	label: string;
	form: string;
	where: string;
}

/** The forms a secret may take once stored: a derived value only as it is. */
export function needlesOf(secrets: Secret[]): Needle[] {
	const needles: Needle[] = [];
	for (const { kind, value, label } of secrets) {
		needles.push({ text: value, label, form: 'as is' });
		if (kind === 'derived') continue;
		const bytes = Buffer.from(value, 'utf8');
		needles.push({ text: bytes.toString('base64').replace(/=+$/, ''), label, form: 'base64' });
		needles.push({ text: bytes.toString('base64url'), label, form: 'base64url' });
		needles.push({ text: bytes.toString('hex'), label, form: 'hex' });
	}
	// One needle per text (the first form): the same secret configured twice is searched once.
	const seen = new Set<string>();
	return needles.filter((needle) => !seen.has(needle.text) && Boolean(seen.add(needle.text)));
}

/** Every needle found in `text`, once per needle. */
export function searchText(text: string, needles: Needle[], where: string): Finding[] {
	return needles.filter((needle) => text.includes(needle.text)).map(({ label, form }) => ({ label, form, where }));
}

/**
 * Every value of every row of every table of an n8n SQLite database, one per line. Read with the
 * sqlite3 module of the pinned n8n runtime (built for its Node 24), in a child process.
 */
export function sqliteText(database: string): string {
	const runtime = ensureRuntime();
	const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-secret-search-')), 'dump.txt');
	const script = `
const [sqlitePath, database, outFile] = process.argv.slice(1);
const sqlite3 = require(sqlitePath);
const fs = require('fs');
const fd = fs.openSync(outFile, 'w');
const db = new sqlite3.Database(database);
db.all("SELECT name FROM sqlite_master WHERE type = 'table'", async (error, tables) => {
  if (error) { console.error(error.message); process.exit(2); }
  for (const { name } of tables) {
    await new Promise((resolve, reject) => db.each('SELECT * FROM "' + name.replace(/"/g, '""') + '"', (rowError, row) => {
      if (rowError) return reject(rowError);
      for (const value of Object.values(row)) if (value !== null) fs.writeSync(fd, name + '\\t' + (Buffer.isBuffer(value) ? value.toString('utf8') : String(value)) + '\\n');
    }, (doneError) => (doneError ? reject(doneError) : resolve())));
  }
  fs.closeSync(fd);
  db.close();
});`;
	const result = spawnSync(runtime.nodeBin, ['-e', script, path.join(runtime.n8nDir, 'node_modules', 'sqlite3'), database, out], { encoding: 'utf8' });
	try {
		if (result.status !== 0) throw new Error(`reading ${database} failed: ${result.stderr}`);
		return fs.readFileSync(out, 'utf8');
	} finally {
		fs.rmSync(path.dirname(out), { recursive: true, force: true });
	}
}
