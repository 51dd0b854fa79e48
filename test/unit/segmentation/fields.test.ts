/**
 * The Debtor Segmenter validates only the fields of the debtor record it reads (SEGMENTER_FIELDS, plus
 * the fields of the user's rules). These tests hold the list to the code: every field the segmenter
 * touches, down to the fields of each claim, payment, reversal and contact, for generated debtors and
 * edge cases, must be on the list, so no field it acts on goes unchecked; and every listed field must
 * be read for some debtor, so the list is not padded.
 */
import type { DebtorRecord } from '../../../nodes/shared/debtor/model';
import { validateDebtor } from '../../../nodes/shared/debtor/validate';
import {
	DEFAULT_SEGMENTATION_SETTINGS,
	SEGMENTER_FIELDS,
	compileRules,
	ruleFields,
	segmentDebtor,
	segmenterFieldSelection,
	type CompiledRule,
	type CustomRule,
} from '../../../nodes/shared/segmentation';
import { dayNumber } from '../../../nodes/shared/calendar/days';
import { generatePortfolio } from '../../fixtures/portfolio';

/**
 * The value behind a proxy that notes each field read, by path: `claims` for the list (its length, an
 * item), `claims.dueDate` for a field of any claim, `contact.address` for the address itself.
 */
function watched<T>(value: T, path: string, read: Set<string>): T {
	if (value === null || typeof value !== 'object') return value;
	const isList = Array.isArray(value);
	return new Proxy(value as object, {
		get(target, key, receiver) {
			const result = Reflect.get(target, key, receiver);
			if (typeof key !== 'string') return result;
			if (isList) {
				// An item is named by its list; methods and length are reads of the list itself.
				if (/^\d+$/.test(key)) return watched(result, path, read);
				return typeof result === 'function' ? result.bind(receiver) : result;
			}
			const field = path ? `${path}.${key}` : key;
			read.add(field);
			return watched(result, field, read);
		},
		has(target, key) {
			if (typeof key === 'string' && !isList) read.add(path ? `${path}.${key}` : key);
			return Reflect.has(target, key);
		},
	}) as T;
}

function records(): DebtorRecord[] {
	const list: DebtorRecord[] = [];
	for (const { record } of generatePortfolio({ seed: 505, count: 600, referenceDate: '2026-06-30' })) list.push(record);
	const claim = { claimId: 'C1', principalCents: 5000, openCents: 5000, invoiceDate: '2026-04-01', dueDate: '2026-04-15', sector: 'rent' as const };
	const base: DebtorRecord = { debtorId: 'EDGE', claims: [claim], contact: { email: 'a@b.nl', mobile: '+31612345678', phone: '+31201234567' } };
	list.push(
		{ ...base, flags: { deceased: true } },
		{ ...base, flags: { dispute: true } },
		{ ...base, flags: { debtHelp: true, debtHelpSince: '2026-05-01' } },
		{ ...base, flags: { vulnerable: true } },
		{ ...base, claims: [{ ...claim, disputed: true }] },
		{ ...base, reversals: [{ amountCents: 5000, date: '2026-06-20', reasonCode: 'MD07' }] },
		{ ...base, consents: { emailOptOut: true, smsOptOut: true, whatsappOptIn: true }, preferredChannel: 'whatsapp' },
		{ ...base, payments: [{ amountCents: 2000, date: '2026-05-01', claimId: 'C1' }, { amountCents: 1000, date: '2026-05-02' }] },
		{ debtorId: 'PRE', features: { daysPastDue: 40, termsInArrears: 2, onTimeRatio: 0.5 }, paymentMethod: 'direct-debit', income: { type: 'bijstand', netMonthlyCents: 120000 } },
		{ debtorId: 'BARE' },
	);
	return list;
}

const referenceDay = dayNumber('2026-06-30');

function run(rules: CompiledRule[], experiment = false): Set<string> {
	const read = new Set<string>();
	for (const record of records()) {
		segmentDebtor(watched(record, '', read), {
			referenceDay,
			settings: DEFAULT_SEGMENTATION_SETTINGS,
			language: 'en',
			rules,
			experiment: experiment ? { name: 'letters-2026', variantPercent: 50 } : undefined,
		});
	}
	return read;
}

/**
 * A read field is covered when it is listed, when an object or list it lies in is listed (with all it
 * holds), or when it is an object or list some of whose fields are listed (reading `claims` to reach
 * `claims.dueDate`; selecting a field selects the way to it).
 */
const covered = (field: string, listed: readonly string[]) =>
	listed.some((entry) => field === entry || field.startsWith(`${entry}.`) || entry.startsWith(`${field}.`));

describe('the fields the segmenter reads', () => {
	test('every field it reads is on SEGMENTER_FIELDS, and every listed field is read for some debtor', () => {
		const read = run([], true);
		expect([...read].filter((field) => !covered(field, SEGMENTER_FIELDS))).toEqual([]);
		expect(SEGMENTER_FIELDS.filter((field) => ![...read].some((r) => r === field || r.startsWith(`${field}.`)))).toEqual([]);
	});

	test("the user's rules add the record fields they read", () => {
		const custom: CustomRule[] = [
			{ field: 'household.children', operator: 'greaterThan', value: '2', result: 'label', label: 'family' },
			{ field: 'claims[0].description', operator: 'contains', value: 'huur', result: 'label', label: 'rent' },
			{ field: 'features.daysPastDue', operator: 'greaterThan', value: '60', result: 'label', label: 'late' },
			{ field: 'segmentation.persona', operator: 'exists', result: 'label', label: 'again' },
		];
		const rules = compileRules(custom) as CompiledRule[];
		expect(ruleFields(rules)).toEqual(['household.children', 'claims.description']);
		const read = run(rules);
		const listed = [...SEGMENTER_FIELDS, ...ruleFields(rules)];
		// `segmentation` is no field of the debtor record: a rule on it reads what an earlier node added.
		expect([...read].filter((field) => !covered(field, listed) && !field.startsWith('segmentation'))).toEqual([]);
		expect(read.has('household.children')).toBe(true);
	});

	test('a record broken only in fields the segmenter does not read passes its selection, and is segmented', () => {
		const selection = segmenterFieldSelection([]);
		const record: DebtorRecord = {
			debtorId: 'D-1',
			firstName: 7 as unknown as string,
			iban: 'NL00BROKEN',
			household: { adults: -1 },
			claims: [{ claimId: 'C1', description: 'x'.repeat(900), principalCents: 5000, openCents: 5000, invoiceDate: 'soon', dueDate: '2026-04-15' }],
			payments: [{ paymentId: 12 as unknown as string, amountCents: 100, date: '2026-05-01' }],
			contacts: [{ at: '2026-05-01T10:00:00+02:00', channel: 'email', direction: 'outbound', stage: 'reminder-9' as never }],
		};
		expect(validateDebtor(record).length).toBeGreaterThan(4);
		expect(validateDebtor(record, selection)).toEqual([]);
		record.claims![0].dueDate = '2026-04-31';
		expect(validateDebtor(record, selection).map((problem) => problem.field)).toEqual(['claims[0].dueDate']);
		// A rule on the household makes the household count.
		const rules = compileRules([{ field: 'household.adults', operator: 'lessThan', value: '1', result: 'label', label: 'x' }]) as CompiledRule[];
		record.claims![0].dueDate = '2026-04-30';
		expect(validateDebtor(record, segmenterFieldSelection(rules)).map((problem) => problem.field)).toEqual(['household.adults']);
	});
});
