/**
 * The scan report's counts come from the scanner's stylish text (analyzePackage returns nothing else):
 * every problem line counts once for its file and rule, whatever its message says.
 */
import { countViolations } from '../../../scripts/scanPackage';

test('counts the problems of a stylish report per file and rule', () => {
	const report = [
		'',
		'/tmp/x/package/dist/nodes/A/A.node.js',
		'    1:120  error  Use of `Function` is not allowed  @n8n/community-nodes/no-dangerous-functions',
		'    1:900  error  Unexpected console statement. Only these console methods are allowed: warn, error  no-console',
		'    2:5    error  Unexpected console statement  no-console',
		'',
		'\u001b[4m/tmp/x/package/dist/nodes/B/B.node.js\u001b[24m',
		'  3:1  error  Parsing error: Unexpected token',
		'',
		'\u2716 4 problems (4 errors, 0 warnings)',
		'',
	].join('\n');
	expect(countViolations(report, '/tmp/x/package')).toEqual([
		{ file: 'dist/nodes/A/A.node.js', rule: '@n8n/community-nodes/no-dangerous-functions', count: 1 },
		{ file: 'dist/nodes/A/A.node.js', rule: 'no-console', count: 2 },
		{ file: 'dist/nodes/B/B.node.js', rule: '(parse error)', count: 1 },
	]);
});
