import { parseFieldPath, readFieldPath, valueAtPath } from '../../../nodes/shared/fieldPath';

describe('field paths', () => {
	const json = { arrangement: { plan: { terms: 3 } }, claims: [{ sector: 'rent' }], zero: 0 };

	test('dots, indexes and empty parts', () => {
		expect(parseFieldPath('claims[0].sector')).toEqual(['claims', '0', 'sector']);
		expect(parseFieldPath('.arrangement..plan.')).toEqual(['arrangement', 'plan']);
		expect(valueAtPath(json, 'arrangement.plan.terms')).toBe(3);
		expect(valueAtPath(json, 'claims[0].sector')).toBe('rent');
		expect(valueAtPath(json, 'claims.0.sector')).toBe('rent');
		expect(valueAtPath(json, '')).toBe(json);
	});

	test('a missing step or a step into a non-object gives undefined', () => {
		expect(valueAtPath(json, 'arrangement.missing.terms')).toBeUndefined();
		expect(valueAtPath(json, 'zero.x')).toBeUndefined();
		expect(readFieldPath(null, ['a'])).toBeUndefined();
	});
});
