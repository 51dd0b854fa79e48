import {
	MAX_STATABLE_CENTS,
	assertStatableCents,
	centsToDecimalString,
	eurosToCents,
	formatCents,
	isStatableCents,
	optionalEurosToCents,
} from '../../../nodes/shared/money';
import { buildEpcPayload } from '../../../nodes/shared/messages/epcQr';
import { formatMoney } from '../../../nodes/shared/messages/format';
import { buildPaymentLink } from '../../../nodes/shared/messages/paymentLink';

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

describe('the largest amount a message can state', () => {
	const unstatable = [MAX_STATABLE_CENTS + 1, -MAX_STATABLE_CENTS - 1, 1e12, 1e300, Number.MAX_SAFE_INTEGER, 1.5, Number.NaN, Infinity, -Infinity];

	test('is EUR 999,999,999.99, the EPC QR code limit, written in full at the top', () => {
		expect(MAX_STATABLE_CENTS).toBe(99_999_999_999);
		expect(formatCents(MAX_STATABLE_CENTS, 'nl')).toBe('EUR 999.999.999,99');
		expect(formatMoney(MAX_STATABLE_CENTS, 'en')).toBe('EUR 999,999,999.99');
		expect(formatCents(-MAX_STATABLE_CENTS, 'en')).toBe('-EUR 999,999,999.99');
		expect(centsToDecimalString(MAX_STATABLE_CENTS)).toBe('999999999.99');
		expect(buildEpcPayload({ name: 'Voorbeeld', iban: 'NL91ABNA0417164300', amountCents: MAX_STATABLE_CENTS })).toContain('\nEUR999999999.99');
		for (const value of [0, 1, -1, 12550, MAX_STATABLE_CENTS, -MAX_STATABLE_CENTS]) expect([value, isStatableCents(value)]).toEqual([value, true]);
	});

	test('anything beyond it, or not whole cents, is refused with the reason and never written in exponent notation', () => {
		for (const value of unstatable) {
			expect([value, isStatableCents(value)]).toEqual([value, false]);
			expect(() => assertStatableCents(value)).toThrow(RangeError);
			expect(() => formatCents(value, 'nl')).toThrow(RangeError);
			expect(() => formatMoney(value, 'nl')).toThrow(RangeError);
			expect(() => centsToDecimalString(value)).toThrow(RangeError);
		}
		expect(() => formatMoney(1e300, 'nl')).toThrow('is not a whole number of cents');
		expect(() => formatMoney(MAX_STATABLE_CENTS + 1, 'nl')).toThrow('is more than EUR 999,999,999.99, the most a message, QR code or payment link can state');
		expect(() => formatCents(1e21, 'en')).toThrow(RangeError);
	});

	test('the EPC QR code and the payment link refuse it too', () => {
		expect(() => buildEpcPayload({ name: 'Voorbeeld', iban: 'NL91ABNA0417164300', amountCents: MAX_STATABLE_CENTS + 1 })).toThrow(/amountCents must be whole cents/);
		const link = 'https://pay.example/{reference}?amount={amount}';
		expect(buildPaymentLink(link, { reference: 'R1', debtorId: 'D1', amountCents: 12550 })).toBe('https://pay.example/R1?amount=125.50');
		expect(() => buildPaymentLink(link, { reference: 'R1', debtorId: 'D1', amountCents: 1e300 })).toThrow(RangeError);
	});
});
