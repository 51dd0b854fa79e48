/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- tooling runs in plain Node, not inside n8n */
/**
 * The run registry of one e2e run: every n8n instance the tests start (its database and log), every
 * secret and token the tests configure (credentials imported through the harness) and every signature
 * they compute from one. The last e2e suite (test/e2e/zzSecretSearch.test.ts) searches the databases
 * and logs for all of them, then removes the registry.
 *
 * Active when SC_E2E_REGISTRY names a folder (the e2e global setup sets it, one folder per jest run
 * under the OS temp dir); without it every function here does nothing, so `npm start`, benches and a
 * single test file run as before.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REGISTRY_ENV = 'SC_E2E_REGISTRY';

/** Secrets shorter than this are not searched: they would match by chance. */
export const MIN_SECRET_LENGTH = 8;

export function registryDir(): string | undefined {
	const dir = process.env[REGISTRY_ENV];
	return dir && fs.existsSync(dir) ? dir : undefined;
}

function append(file: string, line: unknown): void {
	const dir = registryDir();
	if (!dir) return;
	fs.mkdirSync(path.join(dir, 'records'), { recursive: true });
	fs.appendFileSync(path.join(dir, 'records', `${file}-${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}

/** A secret or token a test configured (searched raw, base64, base64url and hex). */
export function recordSecret(value: string, label: string): void {
	if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) append('secrets', { kind: 'secret', value, label });
}

/** A value a test computed from a secret (a signature it sent); searched as given. */
export function recordDerived(value: string, label: string): void {
	if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) append('secrets', { kind: 'derived', value, label });
}

/** Names of credential fields that hold secrets, per credential type outside this package. */
const SECRET_FIELDS: Record<string, string[]> = {
	crypto: ['hmacSecret', 'signPrivateKey'],
	postgres: ['password'],
	redis: ['password'],
	httpHeaderAuth: ['value'],
	httpBasicAuth: ['password'],
	jwtAuth: ['secret', 'privateKey'],
};

/** Secret fields of a credential: the package's password fields, or the known ones, or by name. */
export function secretFieldsOf(type: string, data: Record<string, unknown>, packageSecretFields: Record<string, string[]>): string[] {
	const known = packageSecretFields[type] ?? SECRET_FIELDS[type];
	if (known) return known.filter((field) => typeof data[field] === 'string');
	return Object.keys(data).filter((field) => typeof data[field] === 'string' && /secret|token|password|privatekey|apikey/i.test(field));
}

/** Records an n8n process's files to search: its SQLite database, its PostgreSQL dump or its log. */
export function recordInstance(entry: { label: string; database?: string; log?: string; dump?: string }): void {
	append('instances', entry);
}

/** A file inside the registry for an instance's kept log or database copy. */
export function keptFile(name: string): string | undefined {
	const dir = registryDir();
	if (!dir) return undefined;
	fs.mkdirSync(path.join(dir, 'kept'), { recursive: true });
	return path.join(dir, 'kept', `${randomUUID()}-${name}`);
}

export interface RegistryContent {
	secrets: Array<{ kind: 'secret' | 'derived'; value: string; label: string }>;
	instances: Array<{ label: string; database?: string; log?: string; dump?: string }>;
}

export function readRegistry(dir: string): RegistryContent {
	const records = path.join(dir, 'records');
	const read = (prefix: string) =>
		(fs.existsSync(records) ? fs.readdirSync(records) : [])
			.filter((file) => file.startsWith(`${prefix}-`))
			.flatMap((file) => fs.readFileSync(path.join(records, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
	return { secrets: read('secrets'), instances: read('instances') };
}
