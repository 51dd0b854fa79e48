/**
 * The IBAN's one home (debtor/iban.ts): the mod-97 rule against a BigInt reference, the electronic
 * form the check takes.
 */
import fc from 'fast-check';

import { formatIban, hasMod97CheckDigits, isValidIban, normaliseIban } from '../../../nodes/shared/debtor/iban';

/** ISO 7064 MOD 97-10 the slow, obvious way. */
function referenceMod97(value: string): bigint {
	const rearranged = value.slice(4) + value.slice(0, 4);
	return BigInt(rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55))) % 97n;
}

describe('IBAN', () => {
	test('the check digits agree with a BigInt computation', () => {
		const character = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
		const value = fc.tuple(fc.constantFrom('NL', 'DE', 'BE', 'FR'), fc.integer({ min: 0, max: 99 }), fc.array(character, { minLength: 11, maxLength: 30 }));
		fc.assert(
			fc.property(value, ([country, check, rest]) => {
				const iban = `${country}${String(check).padStart(2, '0')}${rest.join('')}`;
				expect(hasMod97CheckDigits(iban)).toBe(referenceMod97(iban) === 1n);
				expect(isValidIban(iban)).toBe(referenceMod97(iban) === 1n);
			}),
			{ numRuns: 2000 },
		);
	});

	test('only the electronic form is checked; people\'s text is normalised first', () => {
		expect(isValidIban('NL91ABNA0417164300')).toBe(true);
		expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(false);
		expect(isValidIban('nl91abna0417164300')).toBe(false);
		expect(normaliseIban(' nl91 abna\t0417 1643 00 ')).toBe('NL91ABNA0417164300');
		expect(isValidIban(normaliseIban('nl91 abna 0417 1643 00'))).toBe(true);
		expect(formatIban('nl91abna0417164300')).toBe('NL91 ABNA 0417 1643 00');
	});

	test('length: 15 to 34 characters, whatever the country (the country\'s own length is not checked)', () => {
		expect(isValidIban('NO9386011117947')).toBe(true);
		// A Dutch IBAN has 18 characters, but only the 15-34 of ISO 13616 is checked: this one passes.
		expect(isValidIban('NL13ABNA0417164')).toBe(true);
		expect(isValidIban('NL91ABNA041716430012345678901234567')).toBe(false);
	});
});
