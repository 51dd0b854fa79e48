import { eurosToCents, optionalEurosToCents } from '../../../nodes/shared/money';

describe('euros to cents', () => {
	test('numbers and the ways people write amounts', () => {
		expect(eurosToCents(0.1 + 0.2)).toBe(30);
		expect(eurosToCents(75)).toBe(7500);
		expect(eurosToCents('1.234,50')).toBe(123450);
		expect(eurosToCents('EUR 12,00')).toBe(1200);
		expect(eurosToCents('1234.5')).toBe(123450);
		expect(eurosToCents('1,234.50')).toBe(123450);
		expect(eurosToCents('1.234.567')).toBe(123456700);
		expect(eurosToCents('12,5')).toBe(1250);
		expect(eurosToCents(1.005)).toBe(101);
		expect(() => eurosToCents('twelve')).toThrow(RangeError);
	});

	test('text that reads as two amounts is refused, not guessed', () => {
		for (const text of ['12.345', '12,345', '-1.000', 'EUR 1.500']) expect(() => eurosToCents(text)).toThrow(/ambiguous/);
	});

	test('a node field: empty is undefined, anything else given must be an amount', () => {
		expect(optionalEurosToCents(25)).toBe(2500);
		expect(optionalEurosToCents('25')).toBe(2500);
		expect(optionalEurosToCents(0)).toBe(0);
		for (const value of [undefined, null, '', '  ']) expect(optionalEurosToCents(value)).toBeUndefined();
		for (const value of ['abc', Number.NaN, Infinity, {}, '12.345']) expect(() => optionalEurosToCents(value)).toThrow(RangeError);
	});
});
