import {
	CALENDAR_FIRST_DAY,
	CALENDAR_LAST_DAY,
	dateOf,
	dayNumber,
	daysFromCivil,
	isIsoDate,
	isoDate,
	isoDateAt,
	isoDateTimeMs,
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

	it('reads dates outside the month table (1900-2199) by arithmetic, with the same answers', () => {
		for (const [y, m, d] of [[1, 1, 1], [1600, 2, 29], [1899, 12, 31], [2200, 1, 1], [2400, 2, 29], [9999, 12, 31]]) {
			const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
			const reference = new Date(0); // setUTCFullYear, unlike Date.UTC, takes years below 100 as they are
			reference.setUTCFullYear(y, m - 1, d);
			expect(daysFromCivil(y, m, d)).toBe(Math.round(reference.getTime() / MS_PER_DAY));
			expect(dayNumber(iso)).toBe(daysFromCivil(y, m, d));
			expect(isoDate(daysFromCivil(y, m, d))).toBe(iso);
		}
		expect(isIsoDate('2300-02-29')).toBe(false);
	});

	it('reads a date inside a longer text and rejects any non-digit where a digit belongs', () => {
		expect(isoDateAt('2026-03-02T09:15:00+01:00', 0)).toBe(dayNumber('2026-03-02'));
		expect(isoDateAt('at 2026-03-02', 3)).toBe(dayNumber('2026-03-02'));
		for (const bad of ['2026-0a-01', '2026-04-3:', '2026-04-/1', '20 6-04-01', '2026-04-00', '0000-00-01']) {
			expect(isoDateAt(bad, 0)).toBeNaN();
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

describe('isoDateTimeMs: the common ISO date-time shapes on character codes', () => {
	it.each(['2026-03-29T01:59:59+01:00', '2026-10-25T02:30:00+02:00', '2024-02-29T23:59:59Z', '1999-12-31T00:00:00-11:30', '2026-07-01T08:00:00+14:00'])(
		'reads %s as Date.parse does',
		(text) => {
			expect(isoDateTimeMs(text, 23)).toBe(Date.parse(text));
		},
	);

	it('refuses offsets beyond the bound it is given', () => {
		expect(isoDateTimeMs('2026-07-01T08:00:00+19:00', 23)).toBe(Date.parse('2026-07-01T08:00:00+19:00'));
		expect(isoDateTimeMs('2026-07-01T08:00:00+19:00', 18)).toBeNaN();
		expect(isoDateTimeMs('2026-07-01T08:00:00-18:59', 18)).toBe(Date.parse('2026-07-01T08:00:00-18:59'));
		expect(isoDateTimeMs('2026-07-01T08:00:00+24:00', 23)).toBeNaN();
	});

	it.each([
		'2026-07-01T08:00:00',
		'2026-07-01T08:00:00.000Z',
		'2026-07-01 08:00:00+02:00',
		'2026-07-01T08:00:00z',
		'2026-02-30T08:00:00Z',
		'2026-07-01T24:00:00Z',
		'2026-07-01T08:60:00Z',
		'2026-07-01T08:00:60Z',
		'2026-07-01T08:00:00+0200',
		'2026-07-01T08:00:00+02:60',
		'2026-07-01T08:00:00*02:00',
		'2026-07-01T0a:00:00Z',
	])('gives NaN for %j (the full readers decide those)', (text) => {
		expect(isoDateTimeMs(text, 23)).toBeNaN();
	});
});
