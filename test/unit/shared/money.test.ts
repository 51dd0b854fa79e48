import { eurosToCents, optionalEurosToCents } from '../../../nodes/shared/money';

describe('euros to cents', () => {
	test('numbers and the ways people write amounts', () => {
		expect(eurosToCents(0.1 + 0.2)).toBe(30);
		expect(eurosToCents(75)).toBe(7500);
		expect(eurosToCents('1.234,50')).toBe(123450);
		expect(eurosToCents('EUR 12,00')).toBe(1200);
		expect(eurosToCents('1234.5')).toBe(123450);
		expect(() => eurosToCents('twelve')).toThrow(RangeError);
	});

	test('a node field: empty or not an amount is undefined', () => {
		expect(optionalEurosToCents(25)).toBe(2500);
		expect(optionalEurosToCents('25')).toBe(2500);
		expect(optionalEurosToCents(0)).toBe(0);
		for (const value of [undefined, null, '', 'abc', Number.NaN, Infinity, {}]) expect(optionalEurosToCents(value)).toBeUndefined();
	});
});
