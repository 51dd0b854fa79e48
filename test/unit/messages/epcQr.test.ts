/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The EPC QR code (EPC069-12, version 002): payload lines, field limits, amount format, IBAN / BIC /
 * RF checks, and the PNG image decoded back with pngjs + jsQR.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import {
	EPC_MAX_PAYLOAD_BYTES,
	EpcQrError,
	buildEpcPayload,
	isValidBic,
	isValidCreditorReference,
	isValidIban,
	normaliseIban,
	qrPng,
	qrPngBase64,
} from '../../../nodes/shared/messages';
import { bytesToBase64 } from '../../../nodes/shared/base64';

function decode(png: Uint8Array): { data: string; width: number; binary: number[] } {
	const image = PNG.sync.read(Buffer.from(png));
	const result = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
	if (!result) throw new Error('no QR code found in the PNG');
	return { data: result.data, width: image.width, binary: result.binaryData };
}

function problemsOf(run: () => unknown): Array<{ field: string; message: string }> {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(EpcQrError);
	return (caught as EpcQrError).problems;
}

describe('payload', () => {
	test('the example of the research notes, line by line (structured RF reference, no BIC)', () => {
		const payload = buildEpcPayload({ name: 'Stichting Voorbeeld Incasso', iban: 'NL91 ABNA 0417 1643 00', amountCents: 12345, reference: 'RF18539007547034' });
		expect(payload).toBe(['BCD', '002', '1', 'SCT', '', 'Stichting Voorbeeld Incasso', 'NL91ABNA0417164300', 'EUR123.45', '', 'RF18539007547034'].join('\n'));
	});

	test('all fields: BIC, purpose, unstructured text and a note; trailing empty lines are left out', () => {
		expect(
			buildEpcPayload({ bic: 'abnanl2a', name: 'Woonstad Rotterdam', iban: 'NL91ABNA0417164300', amountCents: 123450, purpose: 'gdds', text: 'D-2026-0042', note: 'Dank u wel' }),
		).toBe('BCD\n002\n1\nSCT\nABNANL2A\nWoonstad Rotterdam\nNL91ABNA0417164300\nEUR1234.50\nGDDS\n\nD-2026-0042\nDank u wel');
		expect(buildEpcPayload({ name: 'X', iban: 'NL91ABNA0417164300' })).toBe('BCD\n002\n1\nSCT\n\nX\nNL91ABNA0417164300');
	});

	test('a reference that is not a valid RF reference goes into the free text', () => {
		expect(buildEpcPayload({ name: 'X', iban: 'NL91ABNA0417164300', amountCents: 100, reference: 'RF19539007547034' }).split('\n').slice(9)).toEqual(['', 'RF19539007547034']);
		expect(buildEpcPayload({ name: 'X', iban: 'NL91ABNA0417164300', amountCents: 100, reference: 'F-2026-0398' }).split('\n').slice(9)).toEqual(['', 'F-2026-0398']);
	});

	test('amounts: dot decimal, two decimals, no thousands separator, EUR 0.01 to EUR 999999999.99', () => {
		const amountLine = (amountCents: number) => buildEpcPayload({ name: 'X', iban: 'NL91ABNA0417164300', amountCents }).split('\n')[7];
		expect(amountLine(1)).toBe('EUR0.01');
		expect(amountLine(10)).toBe('EUR0.10');
		expect(amountLine(100)).toBe('EUR1.00');
		expect(amountLine(123450)).toBe('EUR1234.50');
		expect(amountLine(99999999999)).toBe('EUR999999999.99');
		for (const bad of [0, -1, 100000000000, 1.5]) {
			expect(problemsOf(() => amountLine(bad))).toEqual([{ field: 'amountCents', message: 'must be whole cents between 1 (EUR 0.01) and 99999999999 (EUR 999999999.99)' }]);
		}
	});

	test('length limits: name 70, free text 140, note 70 characters; the payload at most 331 bytes', () => {
		const base = { iban: 'NL91ABNA0417164300', amountCents: 100 };
		expect(() => buildEpcPayload({ ...base, name: 'n'.repeat(70) })).not.toThrow();
		expect(problemsOf(() => buildEpcPayload({ ...base, name: 'n'.repeat(71) }))).toEqual([{ field: 'name', message: 'is longer than 70 characters' }]);
		expect(() => buildEpcPayload({ ...base, name: 'X', text: 't'.repeat(140) })).not.toThrow();
		expect(problemsOf(() => buildEpcPayload({ ...base, name: 'X', text: 't'.repeat(141) }))).toEqual([{ field: 'text', message: 'is longer than 140 characters' }]);
		expect(problemsOf(() => buildEpcPayload({ ...base, name: 'X', note: 'n'.repeat(71) }))).toEqual([{ field: 'note', message: 'is longer than 70 characters' }]);
		// Characters, not bytes, for the field limits; bytes for the whole payload: 70 + 140 + 70 two-byte
		// characters stay within the field limits but make the payload too large.
		const heavy = buildEpcPayloadBytes({ ...base, name: 'é'.repeat(70), text: 'é'.repeat(140), note: 'é'.repeat(70) });
		expect(heavy).toEqual([{ field: 'payload', message: `is ${heavy[0].message.match(/\d+/)![0]} bytes; the EPC maximum is ${EPC_MAX_PAYLOAD_BYTES}` }]);
		expect(Number(heavy[0].message.match(/\d+/)![0])).toBe(3 + 1 + 3 + 1 + 1 + 1 + 3 + 1 + 1 + 140 + 1 + 18 + 1 + 7 + 1 + 1 + 1 + 280 + 1 + 140);
	});

	test('every bad field is named at once', () => {
		expect(problemsOf(() => buildEpcPayload({ name: '', iban: 'NL00ABNA0417164300', bic: 'ABN', purpose: 'GOODS' }))).toEqual([
			{ field: 'name', message: 'is required' },
			{ field: 'iban', message: 'is not a valid IBAN' },
			{ field: 'bic', message: 'is not a valid BIC (8 or 11 characters)' },
			{ field: 'purpose', message: 'must be a four-letter ISO 20022 purpose code' },
		]);
	});

	test('line breaks in a name cannot add payload lines', () => {
		expect(buildEpcPayload({ name: 'A\nB', iban: 'NL91ABNA0417164300' }).split('\n')[5]).toBe('A B');
	});
});

function buildEpcPayloadBytes(input: Parameters<typeof buildEpcPayload>[0]) {
	return problemsOf(() => buildEpcPayload(input));
}

describe('checks', () => {
	test('IBAN check digits (mod 97)', () => {
		expect(isValidIban('NL91ABNA0417164300')).toBe(true);
		// The check takes the electronic form; text as people type it is normalised first (as
		// buildEpcPayload and the brand settings do). Before one home it normalised by itself.
		expect(isValidIban(normaliseIban('nl91 abna 0417 1643 00'))).toBe(true);
		expect(isValidIban('nl91 abna 0417 1643 00')).toBe(false);
		expect(isValidIban('DE89370400440532013000')).toBe(true);
		expect(isValidIban('BE68539007547034')).toBe(true);
		expect(isValidIban('NL92ABNA0417164300')).toBe(false);
		expect(isValidIban('NL91ABNA041716430')).toBe(false);
	});

	test('BIC: 8 or 11 characters', () => {
		expect(isValidBic('ABNANL2A')).toBe(true);
		expect(isValidBic('DEUTDEFF500')).toBe(true);
		expect(isValidBic('ABNANL2')).toBe(false);
		expect(isValidBic('ABNANL2AX')).toBe(false);
	});

	test('ISO 11649 creditor reference', () => {
		expect(isValidCreditorReference('RF18539007547034')).toBe(true);
		expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true);
		expect(isValidCreditorReference('RF18539007547035')).toBe(false);
		expect(isValidCreditorReference('RF1')).toBe(false);
	});
});

describe('PNG image', () => {
	test('decodes back to the exact payload (pngjs + jsQR)', () => {
		const payload = buildEpcPayload({ bic: 'ABNANL2A', name: 'Woonstad Rotterdam', iban: 'NL91ABNA0417164300', amountCents: 123450, text: 'D-2026-0042' });
		const png = qrPng(payload);
		const decoded = decode(png);
		expect(decoded.data).toBe(payload);
		// QR version 5 (37 modules) for this payload at ECC M, plus a 4-module quiet zone, 4 px each.
		expect(decoded.width).toBe((37 + 8) * 4);
	});

	test('UTF-8 names and the largest payload (331 bytes, QR version 13) decode too', () => {
		const utf8 = buildEpcPayload({ name: 'Zoë Ünal-Şahin', iban: 'NL91ABNA0417164300', amountCents: 99999999999, text: 'Früh 🙂' });
		expect(Buffer.from(decode(qrPng(utf8)).binary).toString('utf8')).toBe(utf8);
		const max = buildEpcPayload({ bic: 'DEUTDEFF500', name: 'N'.repeat(70), iban: 'NL91ABNA0417164300', amountCents: 99999999999, purpose: 'GDDS', text: 'T'.repeat(140), note: 'M'.repeat(52) });
		expect(Buffer.byteLength(max)).toBe(EPC_MAX_PAYLOAD_BYTES);
		expect(decode(qrPng(max)).data).toBe(max);
	});

	test('a large image spans several stored deflate blocks and still decodes', () => {
		const payload = buildEpcPayload({ name: 'X', iban: 'NL91ABNA0417164300', amountCents: 100 });
		const png = qrPng(payload, 24); // (25 + 8) * 24 = 792 px: 792 rows of 1 + 99 bytes = 79,200 > 65,535
		expect(decode(png).data).toBe(payload);
	});

	test('base64 and the data URI match Node\'s own encoder', () => {
		const payload = buildEpcPayload({ name: 'X', iban: 'NL91ABNA0417164300' });
		const { base64: encoded, dataUri, bytes } = qrPngBase64(payload);
		const png = qrPng(payload);
		expect(encoded).toBe(Buffer.from(png).toString('base64'));
		expect(dataUri).toBe(`data:image/png;base64,${encoded}`);
		expect(bytes).toBe(png.length);
		for (const sample of [[], [1], [1, 2], [1, 2, 3], [255, 254, 253, 0]]) expect(bytesToBase64(new Uint8Array(sample))).toBe(Buffer.from(sample).toString('base64'));
	});
});
