/**
 * The old-space limit every n8n process of the scale stack starts with (scripts/scale/stack.ts): added
 * to whatever NODE_OPTIONS the environment already has, replacing an older limit, and refused when it
 * is not a sensible number of MB.
 */
import { DEFAULT_HEAP_MB, heapLimitedNodeOptions } from '../../../scripts/scale/stack';

describe('heapLimitedNodeOptions', () => {
	it('sets the default limit when the environment has no NODE_OPTIONS', () => {
		expect(heapLimitedNodeOptions(DEFAULT_HEAP_MB, '')).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
	});

	it('keeps other options and replaces an inherited limit', () => {
		expect(heapLimitedNodeOptions(1024, '--enable-source-maps  --max-old-space-size=4096 --no-warnings')).toBe('--enable-source-maps --no-warnings --max-old-space-size=1024');
	});

	it.each([0, 100, 512.5, Number.NaN])('refuses %p MB', (mb) => {
		expect(() => heapLimitedNodeOptions(mb, '')).toThrow(/at least 256/);
	});
});
