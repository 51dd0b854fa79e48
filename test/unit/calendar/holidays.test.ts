import {
	CALENDAR_FIRST_DAY,
	CALENDAR_LAST_DAY,
	DEFAULT_DESIGNATED_DAYS,
	dayNumber,
	getDutchCalendar,
	isoDate,
	parseDesignatedDays,
} from '../../../nodes/shared/calendar';

const cal = getDutchCalendar();
const d = dayNumber;
const names = (iso: string) => [cal.holidayName(d(iso), 'nl'), cal.holidayName(d(iso), 'en')];

describe('Dutch general holidays', () => {
	it('2026: every holiday, with Dutch and English names', () => {
		// Easter 2026 is 5 April; King's Day 27 April is a Monday, so it stays on the 27th.
		const expected: Array<[string, string, string]> = [
			['2026-01-01', 'Nieuwjaarsdag', "New Year's Day"],
			['2026-04-03', 'Goede Vrijdag', 'Good Friday'],
			['2026-04-05', 'Eerste Paasdag', 'Easter Sunday'],
			['2026-04-06', 'Tweede Paasdag', 'Easter Monday'],
			['2026-04-27', 'Koningsdag', "King's Day"],
			['2026-05-05', 'Bevrijdingsdag', 'Liberation Day'], // 2026 is not a lustrum year: still a holiday
			['2026-05-14', 'Hemelvaartsdag', 'Ascension Day'], // Easter + 39
			['2026-05-24', 'Eerste Pinksterdag', 'Whit Sunday'],
			['2026-05-25', 'Tweede Pinksterdag', 'Whit Monday'], // Easter + 50
			['2026-12-25', 'Eerste Kerstdag', 'Christmas Day'],
			['2026-12-26', 'Tweede Kerstdag', 'Boxing Day'],
		];
		for (const [iso, nl, en] of expected) {
			expect(cal.isDutchHoliday(d(iso))).toBe(true);
			expect(names(iso)).toEqual([nl, en]);
		}
		// Exactly these eleven holidays plus the two designated days of 2026.
		expect(cal.holidaysOfYear(2026).map((h) => h.date)).toEqual(
			[...expected.map((e) => e[0]), '2026-01-02', '2026-05-15'].sort(),
		);
	});

	it('2024: Easter on 31 March moves Good Friday into March and Easter Monday into April', () => {
		for (const iso of ['2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20', '2024-12-25', '2024-12-26']) {
			expect(cal.isDutchHoliday(d(iso))).toBe(true);
		}
		expect(cal.holidayName(d('2024-05-09'), 'en')).toBe('Ascension Day');
		expect(cal.holidayName(d('2024-05-20'), 'en')).toBe('Whit Monday');
		expect(cal.isDutchHoliday(d('2024-05-01'))).toBe(false); // 1 May is no Dutch holiday
	});

	it.each([
		// 27 April is a Sunday in these years, so King's Day is Saturday 26 April.
		['2025', '2025-04-26'],
		['2031', '2031-04-26'],
		['2036', '2036-04-26'],
		['2042', '2042-04-26'],
	])('King\'s Day %s moves to Saturday 26 April', (_year, saturday) => {
		const sunday = d(saturday) + 1;
		expect(cal.holidayName(d(saturday), 'en')).toBe("King's Day");
		expect(cal.weekday(d(saturday))).toBe(6);
		expect(cal.weekday(sunday)).toBe(7);
		expect(cal.isDutchHoliday(sunday)).toBe(false);
		expect(cal.isContactDay(d(saturday))).toBe(false);
	});

	it('2025 and 2100 holidays', () => {
		// Easter 2025 is 20 April: Good Friday 18 April, Easter Monday 21, Ascension 29 May, Whit Monday 9 June.
		for (const iso of ['2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09', '2025-05-05']) expect(cal.isDutchHoliday(d(iso))).toBe(true);
		// Easter 2100 is 28 March: Good Friday 26 March, Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May.
		for (const iso of ['2100-01-01', '2100-03-26', '2100-03-29', '2100-04-27', '2100-05-05', '2100-05-06', '2100-05-17', '2100-12-25', '2100-12-26']) {
			expect(cal.isDutchHoliday(d(iso))).toBe(true);
		}
	});

	it('gives holiday ids', () => {
		expect(cal.holidayId(d('2026-05-14'))).toBe('ascensionDay');
		expect(cal.holidayId(d('2025-04-26'))).toBe('kingsDay');
		expect(cal.holidayId(d('2026-05-15'))).toBe('designatedDay');
		expect(cal.holidayId(d('2026-05-13'))).toBeUndefined();
	});

	it('ordinary days are not holidays and have no name', () => {
		for (const iso of ['2026-04-28', '2026-05-01', '2026-12-24', '2026-12-31', '2026-04-04']) {
			expect(cal.isDutchHoliday(d(iso))).toBe(false);
			expect(cal.holidayName(d(iso), 'nl')).toBeUndefined();
		}
	});

	it('agrees with an independently written rule set on every day 2020-2100', () => {
		// Reference built with the Date object and Easter by a third algorithm, the US Naval
		// Observatory's (Oudin 1940), written separately here.
		const easter = (y: number) => {
			const c = Math.floor(y / 100);
			const n = y - 19 * Math.floor(y / 19);
			const k = Math.floor((c - 17) / 25);
			let i = c - Math.floor(c / 4) - Math.floor((c - k) / 3) + 19 * n + 15;
			i = i - 30 * Math.floor(i / 30);
			i = i - Math.floor(i / 28) * (1 - Math.floor(i / 28) * Math.floor(29 / (i + 1)) * Math.floor((21 - n) / 11));
			let j = y + Math.floor(y / 4) + i + 2 - c + Math.floor(c / 4);
			j = j - 7 * Math.floor(j / 7);
			const l = i - j;
			const m = 3 + Math.floor((l + 40) / 44);
			const day = l + 28 - 31 * Math.floor(m / 4);
			return Date.UTC(y, m - 1, day) / 86400000;
		};
		const holidays = new Set<number>();
		for (let y = 2020; y <= 2100; y++) {
			const e = easter(y);
			const kd = Date.UTC(y, 3, 27);
			for (const day of [e - 2, e, e + 1, e + 39, e + 49, e + 50]) holidays.add(day);
			holidays.add(new Date(kd).getUTCDay() === 0 ? kd / 86400000 - 1 : kd / 86400000);
			for (const [m, dd] of [[1, 1], [5, 5], [12, 25], [12, 26]]) holidays.add(Date.UTC(y, m - 1, dd) / 86400000);
		}
		let count = 0;
		for (let day = CALENDAR_FIRST_DAY; day <= CALENDAR_LAST_DAY; day++) {
			if (cal.isDutchHoliday(day) !== holidays.has(day)) throw new Error(`holiday mismatch on ${isoDate(day)}`);
			if (holidays.has(day)) count++;
		}
		expect(count).toBe(81 * 11); // no two holidays share a day in 2020-2100
	});
});

describe('designated days (gelijkgestelde dagen)', () => {
	it('ships the known designations', () => {
		expect(DEFAULT_DESIGNATED_DAYS).toEqual([
			'2023-04-28',
			'2023-05-19',
			'2024-05-10',
			'2024-12-27',
			'2025-05-30',
			'2026-01-02',
			'2026-05-15',
			'2027-05-07',
			'2028-04-28',
			'2028-05-26',
		]);
		for (const iso of DEFAULT_DESIGNATED_DAYS) {
			expect(cal.isDesignatedDay(d(iso))).toBe(true);
			expect(cal.isDutchHoliday(d(iso))).toBe(false);
			expect(cal.isWorkingDay(d(iso))).toBe(false);
			expect(cal.isContactDay(d(iso))).toBe(false);
			expect(cal.holidayName(d(iso), 'nl')).toBe('door de overheid gelijkgestelde dag');
			expect(cal.holidayName(d(iso), 'en')).toBe('day designated equal to a public holiday');
		}
	});

	it('can be switched off', () => {
		const none = getDutchCalendar({ designatedDays: [] });
		expect(none.isDesignatedDay(d('2026-05-15'))).toBe(false);
		expect(none.isWorkingDay(d('2026-05-15'))).toBe(true); // a Friday
		expect(none.isContactDay(d('2026-05-15'))).toBe(true);
		expect(none.holidayName(d('2026-05-15'), 'en')).toBeUndefined();
		expect(none.designatedDays).toEqual([]);
	});

	it('takes user-added days on top of the defaults', () => {
		// 2029-06-01 is a Friday no rule designates (a day a new decree might add, say).
		const extra = getDutchCalendar({ extraDesignatedDays: '2029-05-11, 2029-06-01\n2029-12-31' });
		for (const iso of ['2029-05-11', '2029-06-01', '2029-12-31', '2026-05-15']) {
			expect(extra.isDesignatedDay(d(iso))).toBe(true);
			expect(extra.isWorkingDay(d(iso))).toBe(false);
		}
		expect(cal.isDesignatedDay(d('2029-06-01'))).toBe(false); // the default calendar is untouched
		expect(extra.designatedDays).toHaveLength(DEFAULT_DESIGNATED_DAYS.length + 3);
	});

	it('caches one compiled calendar per distinct list (order and duplicates do not matter)', () => {
		const a = getDutchCalendar({ extraDesignatedDays: ['2030-05-31', '2030-12-27'] });
		const b = getDutchCalendar({ extraDesignatedDays: ['2030-12-27', '2030-05-31', '2030-12-27'] });
		expect(a).toBe(b);
		expect(getDutchCalendar({ extraDesignatedDays: [] })).toBe(cal);
		expect(getDutchCalendar({ designatedDays: [...DEFAULT_DESIGNATED_DAYS].reverse() })).toBe(cal);
	});

	it.each([
		['2026-02-30'],
		['15-05-2026'],
		['2026-5-15'],
		['tomorrow'],
	])('rejects the bad entry %j, naming it', (bad) => {
		expect(() => getDutchCalendar({ extraDesignatedDays: ['2029-05-11', bad] })).toThrow(RangeError);
		expect(() => getDutchCalendar({ extraDesignatedDays: ['2029-05-11', bad] })).toThrow(`"${bad}"`);
	});

	it('rejects designated days outside 2020-2100', () => {
		expect(() => getDutchCalendar({ extraDesignatedDays: ['2019-12-27'] })).toThrow(/2019-12-27.*2020-01-01 to 2100-12-31/);
	});

	it('parses comma, semicolon and line separated lists', () => {
		expect(parseDesignatedDays(' 2029-05-11;2029-12-24 ,\n 2030-05-31 ')).toEqual(['2029-05-11', '2029-12-24', '2030-05-31']);
		expect(parseDesignatedDays('')).toEqual([]);
		expect(parseDesignatedDays(undefined)).toEqual([]);
	});
});

describe('supported range', () => {
	it('throws a RangeError naming the range outside 2020-2100', () => {
		expect(() => cal.isDutchHoliday(d('2019-12-31'))).toThrow(/2020-01-01 to 2100-12-31/);
		expect(() => cal.isWorkingDay(d('2101-01-01'))).toThrow(RangeError);
		expect(() => cal.holidayName(d('2101-01-01'), 'nl')).toThrow(/2101-01-01/);
		expect(() => cal.isContactDay(1.5 + CALENDAR_FIRST_DAY)).toThrow(RangeError);
		expect(cal.isDutchHoliday(d('2020-01-01'))).toBe(true);
		expect(cal.isDutchHoliday(d('2100-12-31'))).toBe(false);
	});
});
