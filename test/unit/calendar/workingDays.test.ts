import { CALENDAR_FIRST_DAY, CALENDAR_LAST_DAY, dayNumber, getDutchCalendar, isoDate } from '../../../nodes/shared/calendar';

const cal = getDutchCalendar();
const noDesignated = getDutchCalendar({ designatedDays: [] });
const d = dayNumber;

describe('working days (Dutch calendar)', () => {
	it('classifies days', () => {
		expect(cal.isWorkingDay(d('2026-04-28'))).toBe(true); // ordinary Tuesday
		expect(cal.isWorkingDay(d('2026-04-25'))).toBe(false); // Saturday
		expect(cal.isContactDay(d('2026-04-25'))).toBe(true); // Saturday is a contact day
		expect(cal.isContactDay(d('2026-04-26'))).toBe(false); // Sunday
		expect(cal.isWorkingDay(d('2026-04-27'))).toBe(false); // King's Day
		expect(cal.isWorkingDay(d('2026-05-05'))).toBe(false); // Liberation Day, every year
		expect(cal.isWorkingDay(d('2026-05-01'))).toBe(true); // 1 May is an ordinary Dutch working day
		expect(cal.isContactDay(d('2026-04-04'))).toBe(true); // Saturday before Easter
	});

	it('next and previous working day skip holidays and weekends', () => {
		// Thu 2 Apr 2026 -> Fri 3 Good Friday, Sat, Sun Easter, Mon 6 Easter Monday -> Tue 7 Apr.
		expect(isoDate(cal.nextWorkingDay(d('2026-04-02')))).toBe('2026-04-07');
		expect(isoDate(cal.previousWorkingDay(d('2026-04-07')))).toBe('2026-04-02');
		// Fri 24 Apr 2026 -> Mon 27 King's Day -> Tue 28.
		expect(isoDate(cal.nextWorkingDay(d('2026-04-24')))).toBe('2026-04-28');
		// From a Sunday: the Monday.
		expect(isoDate(cal.nextWorkingDay(d('2026-05-10')))).toBe('2026-05-11');
		// Wed 31 Dec 2025 <- Thu 1 Jan (New Year), Fri 2 Jan (designated).
		expect(isoDate(cal.previousWorkingDay(d('2026-01-05')))).toBe('2025-12-31');
		expect(isoDate(noDesignated.previousWorkingDay(d('2026-01-05')))).toBe('2026-01-02');
	});

	it('addWorkingDays skips holidays and designated days', () => {
		// Wed 13 May 2026 + 1: Thu 14 Ascension, Fri 15 designated, weekend -> Mon 18 May.
		expect(isoDate(cal.addWorkingDays(d('2026-05-13'), 1))).toBe('2026-05-18');
		expect(isoDate(noDesignated.addWorkingDays(d('2026-05-13'), 1))).toBe('2026-05-15');
		// Mon 21 Dec 2026 + 5: Tue 22, Wed 23, Thu 24, (Fri 25 Christmas, Sat 26, Sun 27) Mon 28, Tue 29.
		expect(isoDate(cal.addWorkingDays(d('2026-12-21'), 5))).toBe('2026-12-29');
		// Tue 7 Apr 2026 - 3: Thu 2 Apr, Wed 1 Apr, Tue 31 Mar.
		expect(isoDate(cal.addWorkingDays(d('2026-04-07'), -3))).toBe('2026-03-31');
		// From a Saturday, 1 working day is the Monday; -1 is the Friday.
		expect(isoDate(cal.addWorkingDays(d('2026-05-30'), 1))).toBe('2026-06-01');
		expect(isoDate(cal.addWorkingDays(d('2026-05-30'), -1))).toBe('2026-05-29');
		// Ten working days over Whit Monday 25 May 2026: Tue 19 .. Mon 1 Jun minus the 25th.
		expect(isoDate(cal.addWorkingDays(d('2026-05-18'), 10))).toBe('2026-06-02');
	});

	it('n = 0 keeps a working day and rolls a non-working day forward', () => {
		expect(isoDate(cal.addWorkingDays(d('2026-04-28'), 0))).toBe('2026-04-28');
		expect(isoDate(cal.addWorkingDays(d('2026-04-26'), 0))).toBe('2026-04-28'); // Sun -> (Mon King's Day) -> Tue
		expect(isoDate(cal.addWorkingDays(d('2026-04-03'), 0))).toBe('2026-04-07'); // Good Friday -> Tue after Easter
	});

	it('the O(1) index agrees with a naive day-by-day walk', () => {
		const walk = (start: number, n: number) => {
			let day = start;
			if (n === 0) {
				while (!cal.isWorkingDay(day)) day++;
				return day;
			}
			const step = n > 0 ? 1 : -1;
			for (let left = Math.abs(n); left > 0; ) {
				day += step;
				if (cal.isWorkingDay(day)) left--;
			}
			return day;
		};
		for (let day = CALENDAR_FIRST_DAY + 100; day < CALENDAR_LAST_DAY - 100; day += 37) {
			for (const n of [-40, -7, -2, -1, 0, 1, 2, 3, 5, 10, 21, 40]) {
				if (cal.addWorkingDays(day, n) !== walk(day, n)) throw new Error(`mismatch ${isoDate(day)} ${n}`);
			}
		}
	});

	it('throws when leaving the supported range, or for a fractional n', () => {
		expect(() => cal.nextWorkingDay(d('2100-12-31'))).toThrow(/2020-01-01 to 2100-12-31/);
		expect(() => cal.previousWorkingDay(d('2020-01-02'))).toThrow(RangeError); // 1 Jan is New Year
		expect(() => cal.addWorkingDays(d('2026-01-05'), 1.5)).toThrow(RangeError);
		expect(() => cal.addWorkingDays(d('2019-12-31'), 1)).toThrow(/2020-01-01 to 2100-12-31/);
	});
});

describe('TARGET2 / SEPA bank business days', () => {
	it.each([
		['2026-04-27', "King's Day"],
		['2026-05-14', 'Ascension Day'],
		['2026-05-25', 'Whit Monday'],
		['2026-05-05', 'Liberation Day'],
		['2025-05-05', 'Liberation Day in a lustrum year'],
		['2026-05-15', 'a designated day'],
		['2026-01-02', 'a designated day'],
		['2026-12-24', 'Christmas Eve'],
		['2026-12-31', "New Year's Eve"],
	])('open on %s (%s)', (iso) => {
		expect(cal.isBankBusinessDay(d(iso))).toBe(true);
	});

	it.each([
		['2026-01-01', "New Year's Day"],
		['2026-04-03', 'Good Friday'],
		['2026-04-06', 'Easter Monday'],
		['2026-05-01', 'Labour Day'],
		['2026-12-25', 'Christmas Day'],
		['2026-12-26', 'Boxing Day (Saturday)'],
		['2024-12-26', 'Boxing Day (Thursday)'],
		['2024-03-29', 'Good Friday 2024'],
		['2024-04-01', 'Easter Monday 2024'],
		['2026-05-02', 'Saturday'],
		['2026-05-03', 'Sunday'],
	])('closed on %s (%s)', (iso) => {
		expect(cal.isBankBusinessDay(d(iso))).toBe(false);
	});

	it('moves over bank holidays only', () => {
		// Fri 24 Apr 2026 -> Mon 27 (King's Day, banks open).
		expect(isoDate(cal.nextBankBusinessDay(d('2026-04-24')))).toBe('2026-04-27');
		// Thu 30 Apr 2026 -> Fri 1 May closed -> Mon 4 May.
		expect(isoDate(cal.addBankBusinessDays(d('2026-04-30'), 1))).toBe('2026-05-04');
		// Mon 4 May -> Tue 5 May (open).
		expect(isoDate(cal.addBankBusinessDays(d('2026-05-04'), 1))).toBe('2026-05-05');
		// Thu 2 Apr 2026 -> Good Friday, weekend, Easter Monday closed -> Tue 7 Apr.
		expect(isoDate(cal.addBankBusinessDays(d('2026-04-02'), 1))).toBe('2026-04-07');
		// Wed 13 May -> Thu 14 Ascension (open).
		expect(isoDate(cal.addBankBusinessDays(d('2026-05-13'), 1))).toBe('2026-05-14');
		// Thu 24 Dec 2026 + 2: (Fri 25, Sat 26, Sun 27 closed) Mon 28, Tue 29.
		expect(isoDate(cal.addBankBusinessDays(d('2026-12-24'), 2))).toBe('2026-12-29');
		// Mon 4 Jan 2027 back to Thu 31 Dec 2026 (Fri 1 Jan closed).
		expect(isoDate(cal.previousBankBusinessDay(d('2027-01-04')))).toBe('2026-12-31');
		expect(isoDate(cal.addBankBusinessDays(d('2026-05-01'), 0))).toBe('2026-05-04');
		expect(isoDate(cal.addBankBusinessDays(d('2026-04-30'), 0))).toBe('2026-04-30');
	});

	it('does not depend on designated days', () => {
		expect(noDesignated.isBankBusinessDay(d('2026-05-15'))).toBe(true);
		expect(isoDate(noDesignated.addBankBusinessDays(d('2026-05-14'), 1))).toBe('2026-05-15');
		expect(isoDate(cal.addBankBusinessDays(d('2026-05-14'), 1))).toBe('2026-05-15');
	});
});
