/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The generated fast check must answer exactly as ajv does on the JSON Schema, and the committed
 * generated file must be what the generator makes of the current schema.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';

import {
	ALL_DEBTOR_FIELDS,
	DEBTOR_FIELDS,
	REQUIRED_DEBTOR_FIELDS,
	checkDebtorFields,
	checkDebtorSchema,
} from '../../../nodes/shared/debtor/debtor-check.generated';
import schema from '../../../nodes/shared/debtor/debtor.schema.json';
import { GENERATED, generatedSource, generateDebtorCheck } from '../../../scripts/generate-debtor-check';
import { generatePortfolio, recordRng, type Rng } from '../../fixtures/portfolio';

const ajv = new Ajv({ strict: false });
addFormats(ajv, ['date', 'date-time', 'email']);
const reference = ajv.compile(schema);

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

test('with a field mask the fast check agrees with ajv on just the selected top-level fields (and the required id)', () => {
	const rng = recordRng(20261124, 0);
	let checked = 0;
	let refusedOnlyWhole = 0;
	for (const { record } of generatePortfolio({ seed: 7, count: 150 })) {
		for (let m = 0; m < 20; m++) {
			const copy = JSON.parse(JSON.stringify(record));
			mutate(copy, rng);
			let mask = 0;
			for (let bit = 0; bit < DEBTOR_FIELDS.length; bit++) if (rng.next() < 0.3) mask |= 2 ** bit;
			// What the mask means: the record with only the selected fields (plus the required ones) must pass the schema.
			const selected: Record<string, unknown> = {};
			for (const [bit, field] of DEBTOR_FIELDS.entries()) {
				if (((mask | REQUIRED_DEBTOR_FIELDS) & (2 ** bit)) !== 0 && field in copy) selected[field] = copy[field];
			}
			const expected = reference(selected);
			expect(checkDebtorFields(copy, mask)).toBe(expected);
			if (expected && !reference(copy)) refusedOnlyWhole++;
			checked++;
		}
	}
	// Mutations outside the mask must occur, or the mask would be untested.
	expect(refusedOnlyWhole).toBeGreaterThan(checked * 0.1);
	expect(checkDebtorFields({ debtorId: '' }, 0)).toBe(false);
	expect(checkDebtorFields({ debtorId: 'D', claims: 'nope' }, 0)).toBe(true);
	expect(checkDebtorFields({ debtorId: 'D', claims: 'nope' }, ALL_DEBTOR_FIELDS)).toBe(false);
	expect(checkDebtorFields([], 0)).toBe(false);
});
