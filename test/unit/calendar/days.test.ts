import {
	CALENDAR_FIRST_DAY,
	CALENDAR_LAST_DAY,
	dateOf,
	dayNumber,
	daysFromCivil,
	isIsoDate,
	isoDate,
	monthOf,
	weekday,
	yearOf,
	ymd,
} from '../../../nodes/shared/calendar';

const MS_PER_DAY = 86400000;
// Independent reference: the JavaScript Date object in UTC.
const refDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const refIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

describe('day numbers', () => {
	it('counts days since 1970-01-01', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('1970-01-02')).toBe(1);
		expect(dayNumber('1969-12-31')).toBe(-1);
		expect(dayNumber('2000-03-01')).toBe(11017);
		expect(dayNumber('2020-01-01')).toBe(18262);
		expect(CALENDAR_FIRST_DAY).toBe(18262);
		expect(isoDate(CALENDAR_LAST_DAY)).toBe('2100-12-31');
	});

	it('matches the Date object for every day 1900-2200, both directions', () => {
		for (let day = refDay(1900, 1, 1); day <= refDay(2200, 12, 31); day++) {
			const iso = refIso(day);
			if (isoDate(day) !== iso || dayNumber(iso) !== day) throw new Error(`mismatch at ${iso}`);
			const utc = new Date(day * MS_PER_DAY);
			if (weekday(day) !== (utc.getUTCDay() || 7)) throw new Error(`weekday mismatch at ${iso}`);
			if (yearOf(day) !== utc.getUTCFullYear() || monthOf(day) !== utc.getUTCMonth() + 1 || dateOf(day) !== utc.getUTCDate()) {
				throw new Error(`field mismatch at ${iso}`);
			}
		}
	});

	it('gives ISO weekdays (1 = Monday .. 7 = Sunday)', () => {
		expect(weekday(dayNumber('1970-01-01'))).toBe(4); // a Thursday
		expect(weekday(dayNumber('2026-04-27'))).toBe(1); // King's Day 2026, a Monday
		expect(weekday(dayNumber('2025-04-27'))).toBe(7); // a Sunday
		expect(weekday(dayNumber('1969-12-28'))).toBe(7);
	});

	it('splits into year, month and day', () => {
		expect(ymd(dayNumber('2028-02-29'))).toEqual({ year: 2028, month: 2, day: 29 });
		expect(ymd(dayNumber('1999-12-31'))).toEqual({ year: 1999, month: 12, day: 31 });
		expect(daysFromCivil(2026, 5, 12)).toBe(refDay(2026, 5, 12));
	});

	it.each([
		'2026-02-29', // 2026 is no leap year
		'2100-02-29', // 2100 is no leap year
		'2026-13-01',
		'2026-00-10',
		'2026-04-31',
		'2026-4-5',
		'26-04-05',
		'2026/04/05',
		'2026-04-05T10:00',
		' 2026-04-05',
		'',
		'abcd-ef-gh',
	])('rejects %j with a RangeError naming it', (bad) => {
		expect(() => dayNumber(bad)).toThrow(RangeError);
		expect(() => dayNumber(bad)).toThrow(JSON.stringify(bad));
		expect(isIsoDate(bad)).toBe(false);
	});

	it('accepts real leap days', () => {
		expect(isoDate(dayNumber('2000-02-29'))).toBe('2000-02-29');
		expect(isoDate(dayNumber('2096-02-29'))).toBe('2096-02-29');
		expect(isIsoDate('2024-02-29')).toBe(true);
	});

	it('rejects non-integer day numbers', () => {
		expect(() => isoDate(1.5)).toThrow(RangeError);
		expect(() => isoDate(Number.NaN)).toThrow(RangeError);
	});
});
