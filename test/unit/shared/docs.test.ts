/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/** The docs show the real contract: the schema in docs/debtor-model.md is the shipped one, examples validate. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { validateDebtor } from '../../../nodes/shared/debtor/validate';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

test('docs/debtor-model.md shows the debtor JSON Schema exactly as shipped', () => {
	const doc = read('docs/debtor-model.md');
	const block = doc.match(/<summary>debtor\.schema\.json<\/summary>\s*```json\n([\s\S]*?)\n```/);
	expect(block).not.toBeNull();
	expect(JSON.parse(block![1])).toEqual(JSON.parse(read('nodes/shared/debtor/debtor.schema.json')));
});

test('the example record in docs/debtor-model.md is valid', () => {
	const doc = read('docs/debtor-model.md');
	const example = doc.split('## Example')[1].match(/```json\n([\s\S]*?)\n```/)![1];
	expect(validateDebtor(JSON.parse(example))).toEqual([]);
});

test('the README quick start has exactly the two commands', () => {
	const quickStart = read('README.md').split('## Quick start')[1].split('\n## ')[0];
	const commands = quickStart.match(/```bash\n([\s\S]*?)\n```/)![1].split('\n').map((line) => line.replace(/\s+#.*$/, '').trim());
	expect(commands).toEqual(['npm install && npm start', 'npm test']);
	const manifest = JSON.parse(read('package.json'));
	expect(manifest.scripts.test).toBeDefined();
	expect(fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
});
