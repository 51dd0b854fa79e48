/* eslint-disable @typescript-eslint/no-explicit-any -- these tests build deliberately malformed records */
import { isValidIban } from '../../../nodes/shared/debtor/iban';
import { DebtorValidationError, RECORD_YEARS_PATTERN, assertDebtor, debtorFieldSelection, validateDebtor } from '../../../nodes/shared/debtor/validate';
import { MAX_STATABLE_CENTS } from '../../../nodes/shared/money';
import {
	CHANNELS,
	CONTACT_CHANNELS,
	CONTACT_OUTCOMES,
	CREDITOR_SECTORS,
	INCOME_TYPES,
	PAYMENT_METHODS,
	STAGES,
} from '../../../nodes/shared/debtor/model';
import schema from '../../../nodes/shared/debtor/debtor.schema.json';

const valid = () => ({
	debtorId: 'D-0001',
	firstName: 'Anna',
	lastName: 'de Vries',
	language: 'nl',
	register: 'u',
	iban: 'NL91ABNA0417164300',
	contact: { email: 'anna@example.nl', mobile: '+31612345678' },
	income: { type: 'salary-monthly', dayOfMonth: 25 },
	claims: [
		{ claimId: 'C-1', principalCents: 12550, openCents: 12550, invoiceDate: '2026-01-01', dueDate: '2026-01-15' },
	],
	payments: [{ amountCents: 5000, date: '2025-12-20' }],
	reversals: [{ amountCents: 5000, date: '2025-12-22', reasonCode: 'AM04' }],
	contacts: [{ at: '2026-01-20T09:00:00+01:00', channel: 'email', direction: 'outbound', stage: 'reminder-1' }],
});

describe('debtor validation', () => {
	test('a complete record is valid', () => {
		expect(validateDebtor(valid())).toEqual([]);
	});

	test('extra keys added by nodes are kept and allowed', () => {
		expect(validateDebtor({ ...valid(), segmentation: { persona: 'forgetful' } })).toEqual([]);
	});

	test.each([
		['negative amount', (r: any) => (r.claims[0].openCents = -1), 'claims[0].openCents', 'must not be negative'],
		['euros instead of cents', (r: any) => (r.claims[0].principalCents = 125.5), 'claims[0].principalCents', 'whole number of euro cents'],
		['impossible date', (r: any) => (r.claims[0].dueDate = '2026-02-30'), 'claims[0].dueDate', 'not a valid calendar date'],
		['missing claim id', (r: any) => delete r.claims[0].claimId, 'claims[0].claimId', 'required'],
		['date-time without offset', (r: any) => (r.contacts[0].at = '2026-01-20T09:00:00'), 'contacts[0].at', 'offset'],
		['unknown channel', (r: any) => (r.contacts[0].channel = 'pigeon'), 'contacts[0].channel', 'must be one of'],
		['bad reason code', (r: any) => (r.reversals[0].reasonCode = 'insufficient'), 'reversals[0].reasonCode', 'SEPA reason code'],
		['bad IBAN check digits', (r: any) => (r.iban = 'NL92ABNA0417164300'), 'iban', 'check digits'],
		['open above principal', (r: any) => (r.claims[0].openCents = 99999), 'claims[0].openCents', 'more than the principal'],
		['due before invoice', (r: any) => (r.claims[0].dueDate = '2025-12-01'), 'claims[0].dueDate', 'before the invoice date'],
		['missing debtor id', (r: any) => delete r.debtorId, 'debtorId', 'required'],
	])('%s is reported with its field', (_label, mutate, field, message) => {
		const record = valid();
		mutate(record);
		const problems = validateDebtor(record);
		expect(problems.length).toBeGreaterThanOrEqual(1);
		expect(problems[0].field).toBe(field);
		expect(problems[0].message).toContain(message);
	});

	test('wrong container types are reported, never thrown', () => {
		expect(validateDebtor({ debtorId: 'D', claims: 'x' })).toEqual([{ field: 'claims', message: 'must be a list' }]);
		expect(validateDebtor({ debtorId: 'D', claims: [null, 5] }).map((p) => p.field)).toEqual(['claims[0]', 'claims[1]']);
		expect(validateDebtor({ debtorId: 'D', iban: 12 })).toEqual([{ field: 'iban', message: 'must be a string' }]);
	});

	test('not an object at all', () => {
		expect(validateDebtor('hello')[0]).toEqual({ field: '(record)', message: 'must be an object' });
	});

	test('the error names item index, debtor id and field, and never the value', () => {
		const record = valid();
		record.contact.email = 'not-an-address@@secret';
		expect(() => assertDebtor(record, 7)).toThrow(DebtorValidationError);
		try {
			assertDebtor(record, 7);
		} catch (error) {
			const e = error as DebtorValidationError;
			expect(e.message).toBe('Item 7 (debtor D-0001): field "contact.email" is not a valid e-mail address');
			expect(e.itemIndex).toBe(7);
			expect(e.debtorId).toBe('D-0001');
			expect(e.field).toBe('contact.email');
			expect(e.message).not.toContain('secret');
		}
	});

	test('several problems are all listed and counted in the message', () => {
		const record: any = valid();
		record.claims[0].openCents = -5;
		record.language = 'Dutch';
		const problems = validateDebtor(record);
		expect(problems.map((p) => p.field).sort()).toEqual(['claims[0].openCents', 'language']);
		expect(() => assertDebtor(record, 0)).toThrow(/and 1 more problem\)/);
	});

	test('dates lie in the years 1900-2199; an impossible date is told as such once', () => {
		const record: any = valid();
		record.claims[0].dueDate = '9999-12-31';
		record.flags = { debtHelpSince: '1899-12-31' };
		record.contacts[0].at = '2200-01-01T09:00:00+01:00';
		record.birthDate = '2026-02-30';
		expect(validateDebtor(record)).toEqual([
			{ field: 'birthDate', message: 'is not a valid calendar date (YYYY-MM-DD)' },
			{ field: 'claims[0].dueDate', message: 'must be a date in the years 1900-2199' },
			{ field: 'contacts[0].at', message: 'must be a date in the years 1900-2199' },
			{ field: 'flags.debtHelpSince', message: 'must be a date in the years 1900-2199' },
		]);
		record.claims[0].dueDate = '2199-12-31';
		record.claims[0].invoiceDate = '1900-01-01';
		expect(validateDebtor(record).map((p) => p.field)).toEqual(['birthDate', 'contacts[0].at', 'flags.debtHelpSince']);
	});

	test('every date and moment of the schema carries the years pattern, every amount the most a message can state', () => {
		const dates: string[] = [];
		const amounts: string[] = [];
		const walk = (node: any, path: string) => {
			if (node.format === 'date' || node.format === 'date-time') dates.push(`${path} ${node.pattern}`);
			if (/Cents$/.test(path)) amounts.push(`${path} ${node.maximum}`);
			for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, path ? `${path}.${key}` : key);
			if (node.items) walk(node.items, path);
		};
		walk(schema, '');
		expect(dates).toHaveLength(11);
		for (const entry of dates) expect([entry, entry.endsWith(` ${RECORD_YEARS_PATTERN}`)]).toEqual([entry, true]);
		expect(amounts).toHaveLength(5);
		for (const entry of amounts) expect([entry, entry.endsWith(` ${MAX_STATABLE_CENTS}`)]).toEqual([entry, true]);
	});

	test('amounts are bounded by what a message can state, one by one and open together', () => {
		const record: any = valid();
		record.claims[0].openCents = 1e300;
		record.claims[0].principalCents = 1e300;
		record.payments[0].amountCents = MAX_STATABLE_CENTS + 1;
		expect(validateDebtor(record)).toEqual([
			{ field: 'claims[0].principalCents', message: 'must be at most 99999999999 cents (EUR 999,999,999.99, the most a message, QR code or payment link can state)' },
			{ field: 'claims[0].openCents', message: 'must be at most 99999999999 cents (EUR 999,999,999.99, the most a message, QR code or payment link can state)' },
			{ field: 'payments[0].amountCents', message: 'must be at most 99999999999 cents (EUR 999,999,999.99, the most a message, QR code or payment link can state)' },
		]);
		const two: any = valid();
		two.claims[0].openCents = two.claims[0].principalCents = MAX_STATABLE_CENTS;
		two.claims.push({ ...two.claims[0], claimId: 'C-2', openCents: 1 });
		expect(validateDebtor(two)).toEqual([{ field: 'claims', message: 'are open for more than EUR 999,999,999.99, the most a message, QR code or payment link can state, added up' }]);
		expect(validateDebtor(two, debtorFieldSelection(['claims.openCents'])).map((p) => p.field)).toEqual(['claims']);
		expect(validateDebtor(two, debtorFieldSelection(['claims.dueDate']))).toEqual([]);
		two.claims[1].openCents = 0;
		expect(validateDebtor(two)).toEqual([]);
	});

	test('texts that are printed on letters have a length', () => {
		const record: any = valid();
		record.contact.address = { street: 'x'.repeat(201), houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' };
		record.income.municipality = 'y'.repeat(101);
		expect(validateDebtor(record)).toEqual([
			{ field: 'contact.address.street', message: 'must be at most 200 characters' },
			{ field: 'income.municipality', message: 'must be at most 100 characters' },
		]);
	});

	test('a field selection checks only the fields a node reads, the debtor id always', () => {
		const contactsOnly = debtorFieldSelection(['contacts', 'income']);
		const record: any = valid();
		record.claims[0].dueDate = '2026-02-30';
		record.iban = 'NL91ABNA0417164301';
		record.contacts[0].at = 'yesterday';
		// The whole record: the claim, the IBAN check digits and the contact.
		expect(validateDebtor(record).map((p) => p.field)).toEqual(['claims[0].dueDate', 'contacts[0].at', 'iban']);
		// A node that reads contacts and income names the contact only.
		expect(validateDebtor(record, contactsOnly)).toEqual([
			{ field: 'contacts[0].at', message: 'is not a valid ISO 8601 date-time with time zone offset, e.g. 2026-03-02T09:15:00+01:00' },
		]);
		record.contacts[0].at = '2026-01-20T09:00:00+01:00';
		expect(validateDebtor(record, contactsOnly)).toEqual([]);
		expect(assertDebtor(record, 0, contactsOnly)).toBe(record);
		expect(validateDebtor(record, debtorFieldSelection(['iban'])).map((p) => p.field)).toEqual(['iban']);
		expect(validateDebtor(record, debtorFieldSelection(['claims'])).map((p) => p.field)).toEqual(['claims[0].dueDate']);
		record.claims[0].dueDate = '2025-12-01';
		expect(validateDebtor(record, debtorFieldSelection(['claims'])).map((p) => p.field)).toEqual(['claims[0].dueDate']);
		expect(validateDebtor(record, debtorFieldSelection(['claims']))[0].message).toBe('lies before the invoice date');
		// The required id is checked whatever the selection.
		expect(validateDebtor({ ...valid(), debtorId: 7 }, contactsOnly).map((p) => p.field)).toEqual(['debtorId']);
		expect(validateDebtor('not a record', contactsOnly).map((p) => p.field)).toEqual(['(record)']);
		expect(() => debtorFieldSelection(['claim' as any])).toThrow('"claim" is not a field of the debtor record');
	});

	test('a selection can name fields inside objects and list items; an object or list brings all it holds', () => {
		const dueDates = debtorFieldSelection(['claims.dueDate', 'claims.openCents']);
		const record: any = valid();
		record.claims[0].description = 'x'.repeat(600);
		delete record.claims[0].claimId;
		record.claims[0].invoiceDate = '2026-02-01';
		// Unread claim fields do not count: a long description, a missing id, an invoice after the due date.
		expect(validateDebtor(record, dueDates)).toEqual([]);
		expect(validateDebtor(record).map((p) => p.field).sort()).toEqual(['claims[0].claimId', 'claims[0].description']);
		record.claims[0].dueDate = '2026-02-30';
		expect(validateDebtor(record, dueDates).map((p) => p.field)).toEqual(['claims[0].dueDate']);
		record.claims[0].dueDate = '2026-01-15';
		record.claims[0].openCents = 99999;
		// Open above principal needs the principal too: with it selected the rule applies.
		expect(validateDebtor(record, dueDates)).toEqual([]);
		expect(validateDebtor(record, debtorFieldSelection(['claims.openCents', 'claims.principalCents'])).map((p) => p.field)).toEqual([
			'claims[0].openCents',
		]);
		expect(validateDebtor(record, debtorFieldSelection(['claims.dueDate', 'claims.invoiceDate']))[0].message).toBe('lies before the invoice date');
		// `contact` brings the address with it; `contact.email` does not.
		const withAddress: any = { ...valid(), contact: { email: 'anna@example.nl', address: { street: 'Dorpsstraat', houseNumber: '1', city: 'Ede' } } };
		expect(validateDebtor(withAddress, debtorFieldSelection(['contact'])).map((p) => p.field)).toEqual(['contact.address.postalCode']);
		expect(validateDebtor(withAddress, debtorFieldSelection(['contact.email']))).toEqual([]);
		expect(() => debtorFieldSelection(['claims.amount' as any])).toThrow('"claims.amount" is not a field of the debtor record');
		expect(() => debtorFieldSelection(['debtorId.length' as any])).toThrow('is not a field of the debtor record');
	});

	test('IBAN check digits', () => {
		expect(isValidIban('NL91ABNA0417164300')).toBe(true);
		expect(isValidIban('DE89370400440532013000')).toBe(true);
		expect(isValidIban('NL91ABNA0417164301')).toBe(false);
		expect(isValidIban('nl91abna0417164300')).toBe(false);
	});

	test('the TypeScript constants list exactly the values the JSON Schema allows', () => {
		const p = schema.properties;
		expect(p.preferredChannel.enum).toEqual([...CHANNELS]);
		expect(p.contacts.items.properties.channel.enum).toEqual([...CONTACT_CHANNELS]);
		expect(p.contacts.items.properties.stage.enum).toEqual([...STAGES]);
		expect(p.contacts.items.properties.outcome.enum).toEqual([...CONTACT_OUTCOMES]);
		expect(p.income.properties.type.enum).toEqual([...INCOME_TYPES]);
		expect(p.paymentMethod.enum).toEqual([...PAYMENT_METHODS]);
		expect(p.claims.items.properties.sector.enum).toEqual([...CREDITOR_SECTORS]);
	});
});
