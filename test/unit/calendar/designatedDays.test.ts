import {
	DEFAULT_DESIGNATED_DAYS,
	DESIGNATION_DECREES,
	dayNumber,
	fourteenDayLetterTerm,
	getDutchCalendar,
	isoDate,
	nextLegalContactMoment,
	weekday,
} from '../../../nodes/shared/calendar';

const d = dayNumber;
const cal = getDutchCalendar();
const noDesignated = getDutchCalendar({ designatedDays: [] });

describe('the built-in decrees (Besluit gelijkstelling)', () => {
	it('ship every day of the 2023-2025 and 2026-2028 decrees, each a weekday that is no holiday', () => {
		expect(DESIGNATION_DECREES.map((decree) => decree.years)).toEqual([
			[2023, 2024, 2025],
			[2026, 2027, 2028],
		]);
		for (const decree of DESIGNATION_DECREES) {
			// The title names every day it equates: "... 28 april 2023, 19 mei 2023, ...".
			expect(decree.days).toHaveLength(5);
			for (const iso of decree.days) {
				expect(decree.years).toContain(Number(iso.slice(0, 4)));
				expect(weekday(d(iso))).toBeLessThanOrEqual(5);
				expect(cal.isDutchHoliday(d(iso))).toBe(false);
				expect(cal.isDesignatedDay(d(iso))).toBe(true);
				expect(DEFAULT_DESIGNATED_DAYS).toContain(iso);
			}
		}
		expect(DEFAULT_DESIGNATED_DAYS).toHaveLength(10);
	});

	describe('Friday 30 May 2025, the day after Ascension (was missing)', () => {
		const day = d('2025-05-30');

		it('is a designated day: no contact, not a working day, named as designated', () => {
			expect(weekday(day)).toBe(5);
			expect(cal.isDesignatedDay(day)).toBe(true);
			expect(cal.isContactDay(day)).toBe(false);
			expect(cal.isWorkingDay(day)).toBe(false);
			expect(cal.holidayName(day, 'en')).toBe('day designated equal to a public holiday');
			// Banks are open: designated days are no TARGET2 holidays.
			expect(cal.isBankBusinessDay(day)).toBe(true);
		});

		it('moves contact from Ascension Day (Thu 29 May) to Saturday 31 May 07:00', () => {
			const ascensionMorning = Date.parse('2025-05-29T10:00:00+02:00');
			expect(new Date(nextLegalContactMoment(ascensionMorning, cal)).toISOString()).toBe('2025-05-31T05:00:00.000Z');
			expect(new Date(nextLegalContactMoment(ascensionMorning, noDesignated)).toISOString()).toBe('2025-05-30T05:00:00.000Z');
		});

		it('is skipped by working days and extends a letter term that would end on it', () => {
			expect(isoDate(cal.nextWorkingDay(d('2025-05-28')))).toBe('2025-06-02');
			expect(isoDate(cal.addWorkingDays(d('2025-05-27'), 2))).toBe('2025-06-02');
			// Sent Wed 14 May: Thu 15 (1), Fri 16 (2) received; 14 days from Sat 17 end on Fri 30 May.
			const term = fourteenDayLetterTerm(d('2025-05-14'), cal);
			expect(isoDate(term.presumedReceiptDay)).toBe('2025-05-16');
			expect(isoDate(term.lastDayToPay)).toBe('2025-06-02');
			expect(isoDate(term.costsFromDay)).toBe('2025-06-03');
			expect(term.extended).toBe(true);
			expect(isoDate(fourteenDayLetterTerm(d('2025-05-14'), noDesignated).lastDayToPay)).toBe('2025-05-30');
		});

		it('is a rest day for presumed receipt of a letter sent on Ascension Day', () => {
			// Sent Thu 29 May: Fri 30 (designated) skipped, Sat 31 (1), Sun and Mon skipped, Tue 3 June (2).
			expect(isoDate(fourteenDayLetterTerm(d('2025-05-29'), cal).presumedReceiptDay)).toBe('2025-06-03');
			expect(isoDate(fourteenDayLetterTerm(d('2025-05-29'), noDesignated).presumedReceiptDay)).toBe('2025-05-31');
		});
	});

	it("ship the 2023 days too: King's Day bridge (Fri 28 April) and the Friday after Ascension (19 May)", () => {
		for (const iso of ['2023-04-28', '2023-05-19']) {
			expect(cal.isDesignatedDay(d(iso))).toBe(true);
			expect(cal.isContactDay(d(iso))).toBe(false);
			expect(cal.isWorkingDay(d(iso))).toBe(false);
		}
		expect(isoDate(cal.nextWorkingDay(d('2023-04-26')))).toBe('2023-05-01');
	});
});
