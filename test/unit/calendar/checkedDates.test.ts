/**
 * The memo of dates a record's check has just read (days.ts): the segmenter's facts must be the same
 * whether or not the check ran first, in whatever order the fields were checked, and a stale memo
 * must never hand out a date for another string.
 */
import {
	dayNumber,
	dayNumberOfChecked,
	recallCheckedMoment,
	rememberCheckedDay,
	rereadCheckedDates,
	startCheckedDates,
} from '../../../nodes/shared/calendar/days';
import type { DebtorRecord } from '../../../nodes/shared/debtor/model';
import { isDate, isDateTime } from '../../../nodes/shared/debtor/formats';
import { debtorFieldSelection, validateDebtor } from '../../../nodes/shared/debtor/validate';
import { parseMoment } from '../../../nodes/shared/calendar/moments';
import { DEFAULT_SEGMENTATION_SETTINGS, computeFeatures, segmenterFieldSelection } from '../../../nodes/shared/segmentation';
import { generatePortfolio } from '../../fixtures/portfolio';

const REF = dayNumber('2026-06-30');
const facts = (record: DebtorRecord) => computeFeatures(record, REF, DEFAULT_SEGMENTATION_SETTINGS);

// Computed first, before any check in this file has filled the memo: the facts parsed from scratch.
const records: DebtorRecord[] = [];
for (const { record } of generatePortfolio({ seed: 77, count: 300, referenceDate: '2026-06-30' })) records.push(record);
const parsed = records.map((record) => JSON.stringify(facts(record)));

describe('the segmenter reads the dates its check has just read', () => {
	test('the facts after the check equal the facts parsed from scratch (300 generated debtors)', () => {
		const fields = segmenterFieldSelection([]);
		records.forEach((record, k) => {
			expect(validateDebtor(record, fields)).toEqual([]);
			expect(JSON.stringify(facts(record))).toBe(parsed[k]);
		});
	});

	test('checked in another order or with more fields (all fields, invoice dates in between), the facts stay the same', () => {
		const selections = [undefined, debtorFieldSelection(['claims', 'payments.date', 'contacts'])];
		for (const fields of selections) {
			records.forEach((record, k) => {
				expect(validateDebtor(record, fields)).toEqual([]);
				expect(JSON.stringify(facts(record))).toBe(parsed[k]);
			});
		}
	});

	test('facts of a record that was not checked ignore the previous record\'s dates', () => {
		for (let k = 1; k < 60; k++) {
			validateDebtor(records[k - 1]);
			expect(JSON.stringify(facts(records[k]))).toBe(parsed[k]);
		}
	});

	test('a record with claims out of date order and more dates than the memo holds', () => {
		const base = records.find((record) => (record.claims?.length ?? 0) > 3)!;
		const claims = [...(base.claims ?? [])].reverse();
		const payments = Array.from({ length: 1500 }, (_, p) => ({
			paymentId: `P${p}`,
			claimId: claims[p % claims.length].claimId,
			amountCents: 1,
			date: `2025-${String((p % 12) + 1).padStart(2, '0')}-${String((p % 28) + 1).padStart(2, '0')}`,
		}));
		const record: DebtorRecord = { ...base, claims, payments };
		const expected = JSON.stringify(facts(record));
		startCheckedDates(); // a check of nothing: the memo holds no date of this record
		rereadCheckedDates();
		expect(JSON.stringify(facts(record))).toBe(expected);
		expect(validateDebtor(record)).toEqual([]);
		expect(JSON.stringify(facts(record))).toBe(expected);
	});
});

describe('the memo itself', () => {
	test('a date is handed out only for an equal string; anything else is parsed', () => {
		startCheckedDates();
		expect(isDate('2026-03-01')).toBe(true);
		expect(isDate('2026-03-02')).toBe(true);
		rereadCheckedDates();
		expect(dayNumberOfChecked('2026-03-05')).toBe(dayNumber('2026-03-05'));
		expect(dayNumberOfChecked('2026-03-02')).toBe(dayNumber('2026-03-02'));
		expect(dayNumberOfChecked('2026-03-01')).toBe(dayNumber('2026-03-01'));
	});

	test('what the check remembered is what the reader gets (the memo is used, not parsed past)', () => {
		startCheckedDates();
		rememberCheckedDay('2026-03-01', 12345);
		rereadCheckedDates();
		expect(dayNumberOfChecked('2026-03-01')).toBe(12345);
	});

	test('a wrong date is never remembered, and the reader still refuses it', () => {
		startCheckedDates();
		expect(isDate('2026-02-30')).toBe(false);
		rereadCheckedDates();
		expect(() => dayNumberOfChecked('2026-02-30')).toThrow(RangeError);
	});

	test('moments: kept when parseMoment reads them the same way, never confused with dates', () => {
		const moments = ['2026-03-01T10:00:00+01:00', '2026-03-01T09:00:00Z', '2026-03-01T10:00:00+20:00'];
		startCheckedDates();
		for (const moment of moments) expect(isDateTime(moment)).toBe(true);
		expect(isDate('2026-03-01')).toBe(true);
		rereadCheckedDates();
		expect(recallCheckedMoment(moments[0])).toBe(parseMoment(moments[0]));
		expect(recallCheckedMoment(moments[1])).toBe(parseMoment(moments[1]));
		// JSON Schema allows offsets up to 23 hours, parseMoment's quick path 18: not kept.
		expect(recallCheckedMoment(moments[2])).toBeNaN();
		// The date was kept as a day, not as a moment.
		expect(recallCheckedMoment('2026-03-01')).toBeNaN();
		expect(dayNumberOfChecked('2026-03-01')).toBe(dayNumber('2026-03-01'));
	});
});
