/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The generated fast check must answer exactly as ajv does on the JSON Schema, the generated report
 * must list exactly ajv's errors (paths, keywords, parameters, order), and the committed generated
 * file must be what the generator makes of the current schema. ajv is only a devDependency: the
 * reference these tests hold the generated code to; nothing that ships uses it.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import * as fs from 'node:fs';

import { isDate, isDateTime, isEmail } from '../../../nodes/shared/debtor/formats';

import {
	ALL_DEBTOR_FIELDS,
	DEBTOR_FIELDS,
	DEBTOR_OBJECTS,
	REQUIRED_DEBTOR_FIELDS,
	checkDebtorFields,
	checkDebtorSchema,
	reportDebtorSchema,
} from '../../../nodes/shared/debtor/debtorCheck.generated';
import schema from '../../../nodes/shared/debtor/debtor.schema.json';
import { GENERATED, generatedSource, generateDebtorCheck } from '../../../build/debtorCheck';
import { generatePortfolio, recordRng, type Rng } from '../../fixtures/portfolio';

const ajv = new Ajv({ strict: false });
addFormats(ajv, ['date', 'date-time', 'email']);
const reference = ajv.compile(schema);
const referenceAllErrors = new Ajv({ strict: false, allErrors: true });
addFormats(referenceAllErrors, ['date', 'date-time', 'email']);
const referenceReport = referenceAllErrors.compile({ ...schema, $id: undefined });

/** ajv's errors of a record as the generated report gives them. */
function ajvErrors(record: unknown): Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> {
	referenceReport(record);
	return (referenceReport.errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
}

test('the committed generated check is up to date with the schema', () => {
	expect(fs.readFileSync(GENERATED, 'utf8')).toBe(generatedSource());
});

test('the generator refuses keywords it does not implement', () => {
	expect(() => generateDebtorCheck({ type: 'object', additionalProperties: false })).toThrow(/unsupported keyword "additionalProperties"/);
	expect(() => generateDebtorCheck({ type: 'string', format: 'uri' })).toThrow(/unsupported format "uri"/);
});

/** Replaces one leaf somewhere in the record with a hostile or borderline value. */
function mutate(record: Record<string, unknown>, rng: Rng): void {
	const values: unknown[] = [
		-1, 0, 1.5, '1', '', 'x'.repeat(501), null, true, [], {}, 'NaN', Number.NaN, 2 ** 60,
		'2026-02-29', '2024-02-29', '2026-13-01', '2026-1-01', '20260101', '2026-01-01T10:00:00', '2026-01-01T10:00:00Z',
		'2026-01-01T24:00:00+01:00', '2026-01-01T23:59:60Z', '2026-01-01T10:00:00.123+01:00', '2026-01-01 10:00:00+01:00',
		'2026-01-01t10:00:00z', '2026-01-01T10:00:00+0100', 'nl', 'NL', 'dutch', '+31612345678', '0612345678', 'AM04', 'am04',
		'NL91ABNA0417164300', 'a@b.co', 'not an email', '😀'.repeat(60), 'ú', 'email', 'pigeon', 'inbound',
		'9999-12-31', '1899-12-31', '1900-01-01', '2199-12-31', '2200-01-01T10:00:00Z', '0001-01-01T00:00:00+01:00',
		99999999999, 100000000000, 1e300, 'x'.repeat(201),
	];
	let target: unknown = record;
	for (let depth = 0; depth < 4; depth++) {
		const container = target as Record<string, unknown>;
		const keys = Object.keys(container);
		if (keys.length === 0) break;
		const key = keys[rng.int(0, keys.length - 1)];
		const next = container[key];
		if (next !== null && typeof next === 'object' && rng.next() < 0.7) {
			target = next;
			continue;
		}
		if (rng.next() < 0.1) delete container[key];
		else container[key] = values[rng.int(0, values.length - 1)];
		return;
	}
}

test('the fast check agrees with ajv on generated records and thousands of mutations', () => {
	const rng = recordRng(20261123, 0);
	let invalid = 0;
	let checked = 0;
	for (const { record } of generatePortfolio({ seed: 99, count: 300 })) {
		expect(checkDebtorSchema(record)).toBe(true);
		for (let m = 0; m < 20; m++) {
			const copy = JSON.parse(JSON.stringify(record));
			mutate(copy, rng);
			const expected = reference(copy);
			if (checkDebtorSchema(copy) !== expected) {
				throw new Error(`disagreement (ajv says ${expected}): ${JSON.stringify(reference.errors)}`);
			}
			if (!expected) invalid++;
			checked++;
		}
	}
	// The mutations must exercise both answers, or the test proves nothing.
	expect(invalid).toBeGreaterThan(checked * 0.3);
	expect(invalid).toBeLessThan(checked);
});

test('the generated report lists exactly the errors ajv reports with allErrors, in its order', () => {
	const rng = recordRng(20261207, 0);
	let reported = 0;
	let several = 0;
	const records = Array.from(generatePortfolio({ seed: 11, count: 300 }), ({ record }) => record);
	for (const record of records) {
		expect(reportDebtorSchema(record)).toEqual([]);
		for (let m = 0; m < 20; m++) {
			const copy = JSON.parse(JSON.stringify(record));
			// One to three mutations: records with several problems test the order too.
			for (let k = rng.int(1, 3); k > 0; k--) mutate(copy, rng);
			const report = reportDebtorSchema(copy);
			expect(report).toEqual(ajvErrors(copy));
			expect(report.length === 0).toBe(checkDebtorSchema(copy));
			if (report.length > 0) reported++;
			if (report.length > 1) several++;
		}
	}
	expect(reported).toBeGreaterThan(records.length * 5);
	expect(several).toBeGreaterThan(records.length);
	// Records that are not objects at all, and objects of the wrong shape at every level.
	for (const odd of [null, 7, 'x', [], [{}], {}, { debtorId: 1, claims: {}, contact: [], income: 'x', contacts: [null, 3, { at: 5 }] }]) {
		expect(reportDebtorSchema(odd)).toEqual(ajvErrors(odd));
	}
});

test('the formats answer as ajv-formats does (dates, date-times with leap seconds and offsets, e-mail)', () => {
	const ajvDate = (fullFormats.date as { validate: (s: string) => boolean }).validate;
	const ajvDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;
	const ajvEmail = fullFormats.email as RegExp;
	const dates = ['2026-02-28', '2026-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-12-00', '2026-1-01', '20260101', ' 2026-01-01', '٢٠٢٦-01-01', '0000-01-01', '9999-12-31'];
	const times = ['10:00:00', '10:00:00Z', '10:00:00z', '10:00:00+01:00', '10:00:00+0100', '10:00:00+01', '10:00:00.5-02:30', '23:59:60Z', '23:59:60+00:00', '00:59:60+01:00', '22:59:60-01:00', '23:59:60+01:00', '24:00:00Z', '10:60:00Z', '10:00:00+24:00', '10:00:00+01:60', '1:00:00Z'];
	let checked = 0;
	for (const date of dates) {
		expect([date, isDate(date, undefined)]).toEqual([date, ajvDate(date)]);
		for (const separator of ['T', 't', ' ', '\t', 'TT', '']) {
			for (const time of times) {
				const value = `${date}${separator}${time}`;
				expect([value, isDateTime(value, undefined)]).toEqual([value, ajvDateTime(value)]);
				checked++;
			}
		}
	}
	expect(checked).toBeGreaterThan(1000);
	for (const email of ['a@b.co', 'a.b+c@d-e.example.nl', 'a..b@c.nl', '.a@b.nl', 'a@b', 'a@-b.nl', 'a@b-.nl', 'A@B.NL', 'a b@c.nl', 'ú@b.nl', 'a@b.c', "o'brien@x.ie", '']) {
		expect([email, isEmail(email)]).toEqual([email, ajvEmail.test(email)]);
	}
});

type Node = { type?: string; properties?: Record<string, Node>; items?: Node; required?: string[]; [key: string]: unknown };
const SLOTS = new Map(DEBTOR_OBJECTS.map((object, slot) => [object.path, slot]));

/**
 * What a selection means, written out: the schema and the record cut down to the selected fields of
 * every object (the record's required fields always stay). A value of the wrong shape is kept whole.
 */
function cutDown(node: Node, value: unknown, path: string, selection: Int32Array): { node: Node; value: unknown } {
	if (node.items) {
		const items = cutDown(node.items, {}, path, selection).node;
		return { node: { ...node, items }, value: Array.isArray(value) ? value.map((item) => cutDown(node.items!, item, path, selection).value) : value };
	}
	const slot = SLOTS.get(path);
	if (!node.properties || slot === undefined) return { node, value };
	const keys = DEBTOR_OBJECTS[slot].fields;
	const mask = slot === 0 ? selection[0] | REQUIRED_DEBTOR_FIELDS : selection[slot];
	const keep = keys.filter((_, bit) => (mask & (2 ** bit)) !== 0);
	const properties: Record<string, Node> = {};
	const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
	const out: Record<string, unknown> = {};
	for (const key of keep) {
		const child = cutDown(node.properties[key], isObject ? (value as Record<string, unknown>)[key] : undefined, path ? `${path}.${key}` : key, selection);
		properties[key] = child.node;
		if (isObject && key in (value as object)) out[key] = child.value;
	}
	return { node: { ...node, properties, required: (node.required ?? []).filter((key) => keep.includes(key)) }, value: isObject ? out : value };
}

test('with a field selection the fast check agrees with ajv on just the selected fields (and the required id)', () => {
	const rng = recordRng(20261124, 0);
	let checked = 0;
	let refusedOnlyWhole = 0;
	const records = Array.from(generatePortfolio({ seed: 7, count: 150 }), ({ record }) => record);
	// Forty random selections (each compiles its own cut-down schema), every record mutated under each.
	for (let round = 0; round < 40; round++) {
		const selection = new Int32Array(DEBTOR_OBJECTS.length);
		for (const [slot, object] of DEBTOR_OBJECTS.entries()) {
			for (let bit = 0; bit < object.fields.length; bit++) if (rng.next() < (slot === 0 ? 0.4 : 0.6)) selection[slot] |= 2 ** bit;
		}
		// Without its $id: ajv keeps one schema per id.
		const cutSchema = { ...cutDown(schema as Node, {}, '', selection).node, $id: undefined };
		const expectedOf = ajv.compile(cutSchema);
		for (let r = round % 3; r < records.length; r += 3) {
			const copy = JSON.parse(JSON.stringify(records[r]));
			mutate(copy, rng);
			const expected = expectedOf(cutDown(schema as Node, copy, '', selection).value);
			if (checkDebtorFields(copy, selection) !== expected) {
				throw new Error(`disagreement (ajv says ${expected}) with selection ${Array.from(selection)}: ${JSON.stringify(expectedOf.errors)}`);
			}
			if (expected && !reference(copy)) refusedOnlyWhole++;
			checked++;
		}
	}
	// Mutations outside the selection must occur, or the selection would be untested.
	expect(refusedOnlyWhole).toBeGreaterThan(checked * 0.1);
	const none = new Int32Array(DEBTOR_OBJECTS.length);
	expect(checkDebtorFields({ debtorId: '' }, none)).toBe(false);
	expect(checkDebtorFields({ debtorId: 'D', claims: 'nope' }, none)).toBe(true);
	expect(checkDebtorFields({ debtorId: 'D', claims: 'nope' }, ALL_DEBTOR_FIELDS)).toBe(false);
	expect(checkDebtorFields([], none)).toBe(false);
	// A claim field outside the selection is not read: not even its presence, though the schema requires it.
	const claimsDueDate = none.slice();
	claimsDueDate[0] = 2 ** DEBTOR_FIELDS.indexOf('claims');
	claimsDueDate[SLOTS.get('claims')!] = 2 ** DEBTOR_OBJECTS[SLOTS.get('claims')!].fields.indexOf('dueDate');
	expect(checkDebtorFields({ debtorId: 'D', claims: [{ dueDate: '2026-01-31' }] }, claimsDueDate)).toBe(true);
	expect(checkDebtorFields({ debtorId: 'D', claims: [{ dueDate: '2026-02-31' }] }, claimsDueDate)).toBe(false);
	expect(checkDebtorFields({ debtorId: 'D', claims: [7] }, claimsDueDate)).toBe(false);
});
