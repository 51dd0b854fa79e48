/** Base64's one home (nodes/shared/base64.ts) against Node's own encoder, both ways. */
import fc from 'fast-check';

import { base64ToBytes, bytesToBase64 } from '../../../nodes/shared/base64';

test('encodes and decodes as Buffer does', () => {
	fc.assert(
		fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
			const text = Buffer.from(bytes).toString('base64');
			expect(bytesToBase64(bytes)).toBe(text);
			expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
		}),
		{ numRuns: 500 },
	);
	expect(Array.from(base64ToBytes('AQID\nBA=='))).toEqual([1, 2, 3, 4]);
});
