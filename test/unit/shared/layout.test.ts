/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tests run in plain Node, not inside n8n; git lists the tracked files */
/**
 * The layers of docs/architecture.md, held to the code: what ships is never authored under test/,
 * the domain has no n8n imports, n8n glue lives only in the node folders and nodes/shared/n8n/, and
 * file names keep one style.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
	.split('\n')
	.filter((file) => file && fs.existsSync(path.join(root, file)));
const code = tracked.filter((file) => /\.(ts|js|mjs)$/.test(file));

/** Every module specifier a file imports or requires. */
function importsOf(file: string): string[] {
	const text = fs.readFileSync(path.join(root, file), 'utf8');
	const found: string[] = [];
	for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) found.push(match[1]);
	return found;
}

/** The repository path a relative specifier points at (without extension). */
const target = (file: string, specifier: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));

test('nothing outside test/ imports from test/', () => {
	const offenders = code
		.filter((file) => !file.startsWith('test/'))
		.flatMap((file) => importsOf(file).filter((s) => s.startsWith('.') && target(file, s).startsWith('test/')).map((s) => `${file} -> ${s}`));
	expect(offenders).toEqual([]);
});

test('the domain (nodes/shared/<area>) has no n8n imports; n8n glue is only in node folders and nodes/shared/n8n', () => {
	const domain = code.filter((file) => file.startsWith('nodes/shared/') && !file.startsWith('nodes/shared/n8n/'));
	expect(domain.length).toBeGreaterThan(50);
	const offenders = domain.flatMap((file) => importsOf(file).filter((s) => s === 'n8n-workflow' || s.startsWith('n8n-core')).map((s) => `${file} -> ${s}`));
	expect(offenders).toEqual([]);
	// And the domain never reaches up into a node or the n8n layer.
	const upward = domain.flatMap((file) =>
		importsOf(file)
			.filter((s) => s.startsWith('.') && (/^nodes\/[A-Z]/.test(target(file, s)) || target(file, s).startsWith('nodes/shared/n8n/')))
			.map((s) => `${file} -> ${s}`),
	);
	expect(upward).toEqual([]);
});

test('the workflow source, the generators and the scripts are type-checked', () => {
	const config = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.test.json'), 'utf8')) as { include: string[] };
	for (const folder of ['nodes', 'credentials', 'workflows/src', 'build', 'scripts', 'test']) {
		expect(config.include.some((pattern) => pattern.startsWith(`${folder}/`))).toBe(true);
	}
	const shipped = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as { include: string[] };
	expect(shipped.include).toContain('workflows/src/**/*');
});

test('one file-naming style: code files are camelCase (PascalCase for n8n node and credential files)', () => {
	// Files named after the shipped workflow JSON they describe keep that file's name.
	const exempt = (file: string) => /^workflows\/src\/\d\d-[a-z-]+\.ts$/.test(file);
	const offenders = code.filter((file) => !exempt(file) && /-/.test(path.basename(file).replace(/\.(test\.)?(ts|js|mjs)$/, '')));
	expect(offenders).toEqual([]);
});
