/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The whole-suite secret search can fail: a planted secret is found in every form it may be stored in,
 * a planted signature as it is, and a finding names the label and form but never the value. The
 * registry records only secret fields, and nothing at all outside an e2e run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { readRegistry, recordDerived, recordSecret, REGISTRY_ENV, secretFieldsOf } from '../../../scripts/e2eRegistry';
import { needlesOf, searchText } from '../../e2e/harness/secretSearch';

// Its base64 has a '+' (base64url: '-'), so the two forms differ.
const SECRET = 'planted-secret-3f9a>>';
const SIGNATURE = 'a'.repeat(20) + '0123456789abcdef';

describe('secret search', () => {
	const needles = needlesOf([
		{ kind: 'secret', value: SECRET, label: 'crypto.hmacSecret' },
		{ kind: 'derived', value: SIGNATURE, label: 'ERP request signature' },
	]);

	test.each([
		['as is', `{"hmacSecret":"${SECRET}"}`],
		['base64', `token=${Buffer.from(SECRET).toString('base64').replace(/=+$/, '')}`],
		['base64url', `x${Buffer.from(SECRET).toString('base64url')}y`],
		['hex', `"${Buffer.from(SECRET).toString('hex')}"`],
	])('finds a planted secret stored %s', (form, stored) => {
		const findings = searchText(`execution_data\t${stored}\n`, needles, 'database of test');
		expect(findings).toContainEqual({ label: 'crypto.hmacSecret', form, where: 'database of test' });
		expect(JSON.stringify(findings)).not.toContain(SECRET);
	});

	test('finds a planted signature, and nothing in clean text', () => {
		expect(searchText(`"x-signature":"sha256=${SIGNATURE}"`, needles, 'log')).toEqual([{ label: 'ERP request signature', form: 'as is', where: 'log' }]);
		expect(searchText('{"events":[{"eventId":"E-1"}],"error":"signature check failed"}', needles, 'log')).toEqual([]);
	});

	test('only secret fields of a credential are searched: password fields, the known ones, or by name', () => {
		expect(secretFieldsOf('socialCollectionsWebhookApi', { url: 'https://erp.example.nl', signingSecret: SECRET }, { socialCollectionsWebhookApi: ['signingSecret'] })).toEqual(['signingSecret']);
		expect(secretFieldsOf('crypto', { hmacSecret: SECRET }, {})).toEqual(['hmacSecret']);
		expect(secretFieldsOf('someApi', { host: 'db.example.nl', apiToken: SECRET }, {})).toEqual(['apiToken']);
	});

	test('the registry records under an e2e run only, one file per process', () => {
		const saved = process.env[REGISTRY_ENV];
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-registry-unit-'));
		try {
			delete process.env[REGISTRY_ENV];
			recordSecret(SECRET, 'outside a run');
			process.env[REGISTRY_ENV] = dir;
			recordSecret(SECRET, 'crypto.hmacSecret');
			recordSecret('short', 'too short to search');
			recordDerived(SIGNATURE, 'ERP request signature');
			expect(readRegistry(dir).secrets).toEqual([
				{ kind: 'secret', value: SECRET, label: 'crypto.hmacSecret' },
				{ kind: 'derived', value: SIGNATURE, label: 'ERP request signature' },
			]);
		} finally {
			if (saved === undefined) delete process.env[REGISTRY_ENV];
			else process.env[REGISTRY_ENV] = saved;
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
