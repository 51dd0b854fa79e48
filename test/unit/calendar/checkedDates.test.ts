/**
 * The dates a record's check has read, handed to the segmenter's facts (calendar/checkedDates.ts):
 * the facts must be the same whether or not the check ran first, in whatever order the fields were
 * checked, and a stale or foreign entry must never hand out a date for another string.
 */
import { CheckedDates } from '../../../nodes/shared/calendar/checkedDates';
import { dayNumber } from '../../../nodes/shared/calendar/days';
import type { DebtorRecord } from '../../../nodes/shared/debtor/model';
import { isDate, isDateTime } from '../../../nodes/shared/debtor/formats';
import { debtorFieldSelection, validateDebtor } from '../../../nodes/shared/debtor/validate';
import { parseMoment } from '../../../nodes/shared/calendar/moments';
import { DEFAULT_SEGMENTATION_SETTINGS, computeFeatures, segmenterFieldSelection } from '../../../nodes/shared/segmentation';
import { generatePortfolio } from '../../fixtures/portfolio';

const REF = dayNumber('2026-06-30');
const dates = new CheckedDates();
const facts = (record: DebtorRecord, checked: CheckedDates | undefined = dates) => computeFeatures(record, REF, DEFAULT_SEGMENTATION_SETTINGS, checked);

// The facts parsed from scratch: no check handed anything over.
const records: DebtorRecord[] = [];
for (const { record } of generatePortfolio({ seed: 77, count: 300, referenceDate: '2026-06-30' })) records.push(record);
const parsed = records.map((record) => JSON.stringify(facts(record, undefined)));

describe('the segmenter reads the dates its check has just read', () => {
	test('the facts after the check equal the facts parsed from scratch (300 generated debtors)', () => {
		const fields = segmenterFieldSelection([]);
		records.forEach((record, k) => {
			expect(validateDebtor(record, fields, dates)).toEqual([]);
			expect(JSON.stringify(facts(record))).toBe(parsed[k]);
		});
	});

	test('the check really hands its dates over (the facts take them, not a parse)', () => {
		const record = records.find((r) => (r.claims?.length ?? 0) > 0)!;
		const spy = jest.spyOn(CheckedDates.prototype, 'dayOf');
		const parse = jest.spyOn(dates as unknown as { recall: (text: string, kind: number) => number }, 'recall');
		try {
			expect(validateDebtor(record, segmenterFieldSelection([]), dates)).toEqual([]);
			facts(record);
			expect(spy).toHaveBeenCalled();
			const hits = parse.mock.results.filter((result) => !Number.isNaN(result.value as number)).length;
			expect(hits).toBe(parse.mock.calls.length);
		} finally {
			spy.mockRestore();
			parse.mockRestore();
		}
	});

	test('checked in another order or with more fields (all fields, invoice dates in between), the facts stay the same', () => {
		const selections = [undefined, debtorFieldSelection(['claims', 'payments.date', 'contacts'])];
		for (const fields of selections) {
			records.forEach((record, k) => {
				expect(validateDebtor(record, fields, dates)).toEqual([]);
				expect(JSON.stringify(facts(record))).toBe(parsed[k]);
			});
		}
	});

	test('facts of a record that was not checked ignore the previous record\'s dates', () => {
		for (let k = 1; k < 60; k++) {
			validateDebtor(records[k - 1], undefined, dates);
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
		dates.startRecord(); // a check of nothing: no date of this record is held
		expect(JSON.stringify(facts(record))).toBe(expected);
		expect(validateDebtor(record, undefined, dates)).toEqual([]);
		expect(JSON.stringify(facts(record))).toBe(expected);
	});
});

describe('CheckedDates itself', () => {
	test('a date is handed out only for an equal string; anything else is parsed', () => {
		dates.startRecord();
		expect(isDate('2026-03-01', dates)).toBe(true);
		expect(isDate('2026-03-02', dates)).toBe(true);
		dates.startReading();
		expect(dates.dayOf('2026-03-05')).toBe(dayNumber('2026-03-05'));
		expect(dates.dayOf('2026-03-02')).toBe(dayNumber('2026-03-02'));
		expect(dates.dayOf('2026-03-01')).toBe(dayNumber('2026-03-01'));
	});

	test('what the check remembered is what the reader gets (the memo is used, not parsed past)', () => {
		dates.startRecord();
		dates.rememberDay('2026-03-01', 12345);
		dates.startReading();
		expect(dates.dayOf('2026-03-01')).toBe(12345);
	});

	test('a wrong date is never remembered, and the reader still refuses it', () => {
		dates.startRecord();
		expect(isDate('2026-02-30', dates)).toBe(false);
		dates.startReading();
		expect(() => dates.dayOf('2026-02-30')).toThrow(RangeError);
	});

	test('moments: kept when parseMoment reads them the same way, never confused with dates', () => {
		const moments = ['2026-03-01T10:00:00+01:00', '2026-03-01T09:00:00Z', '2026-03-01T10:00:00+20:00'];
		dates.startRecord();
		for (const moment of moments) expect(isDateTime(moment, dates)).toBe(true);
		expect(isDate('2026-03-01', dates)).toBe(true);
		dates.startReading();
		expect(dates.momentOf(moments[0])).toBe(parseMoment(moments[0]));
		expect(dates.momentOf(moments[1])).toBe(parseMoment(moments[1]));
		// JSON Schema allows offsets up to 23 hours, parseMoment's quick path 18: not kept.
		expect(dates.momentOf(moments[2])).toBeNaN();
		// The date was kept as a day, not as a moment.
		expect(dates.momentOf('2026-03-01')).toBeNaN();
		expect(dates.dayOf('2026-03-01')).toBe(dayNumber('2026-03-01'));
	});

	test('without a CheckedDates the formats answer the same and remember nothing', () => {
		expect(isDate('2026-03-01', undefined)).toBe(true);
		expect(isDate('2026-02-30', undefined)).toBe(false);
		expect(isDateTime('2026-03-01T10:00:00+01:00', undefined)).toBe(true);
		expect(isDateTime('2026-03-01T10:00:00+24:00', undefined)).toBe(false);
		const fresh = new CheckedDates();
		expect(validateDebtor(records[0])).toEqual([]);
		fresh.startReading();
		expect(fresh.momentOf('2026-03-01T10:00:00+01:00')).toBeNaN();
	});
});
