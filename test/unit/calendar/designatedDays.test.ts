import {
	CALENDAR_FIRST_DAY,
	CALENDAR_LAST_DAY,
	DECREED_YEARS,
	DEFAULT_DESIGNATED_DAYS,
	DESIGNATION_DECREES,
	dayNumber,
	fourteenDayLetterTerm,
	getDutchCalendar,
	isoDate,
	nextLegalContactMoment,
	usualDesignatedDaysOfYear,
	weekday,
	yearOf,
} from '../../../nodes/shared/calendar';

const d = dayNumber;
const cal = getDutchCalendar();
const noDesignated = getDutchCalendar({ designatedDays: [], assumeUsualDesignatedDays: false });
const listedOnly = getDutchCalendar({ assumeUsualDesignatedDays: false });
const usual = (year: number) => usualDesignatedDaysOfYear(year).map(isoDate);

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

describe('the careful default: the usual designated days in years without a decree', () => {
	it('is on by default, and only for years no built-in decree covers', () => {
		expect(DECREED_YEARS).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
		expect(cal.assumesUsualDesignatedDays).toBe(true);
		expect(getDutchCalendar({ assumeUsualDesignatedDays: true })).toBe(cal);
		for (const iso of cal.assumedDesignatedDays) expect(DECREED_YEARS).not.toContain(yearOf(d(iso)));
		expect(cal.assumedDesignatedDays).toContain('2029-05-11');
		expect(cal.assumedDesignatedDays).toContain('2022-05-27');
	});

	describe('the Friday after Ascension Day', () => {
		it('Friday 11 May 2029 (Ascension Thursday 10 May): designated, no contact, no working day', () => {
			const day = d('2029-05-11');
			expect(cal.isDesignatedDay(day)).toBe(true);
			expect(cal.isAssumedDesignatedDay(day)).toBe(true);
			expect(cal.isContactDay(day)).toBe(false);
			expect(cal.isWorkingDay(day)).toBe(false);
			expect(cal.isDutchHoliday(day)).toBe(false);
			expect(cal.holidayName(day, 'nl')).toBe('naar verwachting gelijkgestelde dag (nog geen besluit)');
			expect(cal.holidayName(day, 'en')).toBe('expected designated day (no decree yet)');
			expect(cal.holidayId(day)).toBe('designatedDay');
			expect(cal.isBankBusinessDay(day)).toBe(true);
			// Its neighbours: Wednesday before Ascension and the Saturday after stay ordinary days.
			expect(cal.isDesignatedDay(d('2029-05-09'))).toBe(false);
			expect(cal.isDesignatedDay(d('2029-05-12'))).toBe(false);
			expect(cal.isContactDay(d('2029-05-12'))).toBe(true);
			expect(isoDate(cal.nextWorkingDay(d('2029-05-09')))).toBe('2029-05-14');
		});

		it('in 2020-2022, whose decree is not built in, matches what bailiffs listed: 14 May 2021, 27 May 2022', () => {
			for (const iso of ['2020-05-22', '2021-05-14', '2022-05-27']) {
				expect(cal.isAssumedDesignatedDay(d(iso))).toBe(true);
				expect(cal.isWorkingDay(d(iso))).toBe(false);
			}
		});

		it('is not added when it is a general holiday itself (Ascension on 4 May 2062: Friday 5 May is Liberation Day)', () => {
			expect(isoDate(d('2062-05-04'))).toBe('2062-05-04');
			expect(cal.holidayName(d('2062-05-04'), 'en')).toBe('Ascension Day');
			expect(usual(2062)).not.toContain('2062-05-05');
			expect(cal.isAssumedDesignatedDay(d('2062-05-05'))).toBe(false);
			expect(cal.holidayName(d('2062-05-05'), 'en')).toBe('Liberation Day');
		});
	});

	describe('the Monday before a holiday on a Tuesday', () => {
		it.each([
			["New Year's Day", '2030-01-01', '2029-12-31'],
			["King's Day", '2032-04-27', '2032-04-26'],
			['Liberation Day', '2037-05-05', '2037-05-04'],
			['Christmas Day', '2029-12-25', '2029-12-24'],
		])('%s on Tuesday %s gives Monday %s', (_name, holiday, monday) => {
			expect(weekday(d(holiday))).toBe(2);
			expect(cal.isDutchHoliday(d(holiday))).toBe(true);
			expect(cal.isAssumedDesignatedDay(d(monday))).toBe(true);
			expect(cal.isContactDay(d(monday))).toBe(false);
			expect(cal.isWorkingDay(d(monday))).toBe(false);
			// Only the Monday: not the Wednesday after, not the Friday before.
			expect(cal.isDesignatedDay(d(holiday) + 1)).toBe(false);
			expect(cal.isDesignatedDay(d(monday) - 3)).toBe(false);
			expect(listedOnly.isDesignatedDay(d(monday))).toBe(false);
		});

		it('counts 31 December in its own year: the Monday before New Year 2030 belongs to 2029', () => {
			expect(usual(2029)).toEqual(['2029-05-11', '2029-12-24', '2029-12-31']);
			expect(usual(2030)).not.toContain('2029-12-31');
		});

		it('leaves a Monday that is a holiday alone (King\'s Day Tuesday 27 April 2038, the Monday is Easter Monday)', () => {
			expect(cal.holidayName(d('2038-04-26'), 'en')).toBe('Easter Monday');
			expect(cal.isAssumedDesignatedDay(d('2038-04-26'))).toBe(false);
			expect(usual(2038)).toEqual(['2038-06-04']);
		});
	});

	describe('the Friday after a holiday on a Thursday', () => {
		it.each([
			["New Year's Day", '2032-01-01', '2032-01-02'],
			["King's Day", '2034-04-27', '2034-04-28'],
			['Liberation Day', '2033-05-05', '2033-05-06'],
			['Boxing Day', '2030-12-26', '2030-12-27'],
		])('%s on Thursday %s gives Friday %s', (_name, holiday, friday) => {
			expect(weekday(d(holiday))).toBe(4);
			expect(cal.isDutchHoliday(d(holiday))).toBe(true);
			expect(cal.isAssumedDesignatedDay(d(friday))).toBe(true);
			expect(cal.isContactDay(d(friday))).toBe(false);
			expect(cal.isWorkingDay(d(friday))).toBe(false);
			// Only the Friday: not the Monday or Wednesday before.
			expect(cal.isDesignatedDay(d(holiday) - 3)).toBe(false);
			expect(cal.isDesignatedDay(d(holiday) - 1)).toBe(false);
			expect(listedOnly.isDesignatedDay(d(friday))).toBe(false);
		});

		it('Christmas Day on a Thursday gives nothing (its Friday is Boxing Day): 2031', () => {
			expect(weekday(d('2031-12-25'))).toBe(4);
			expect(cal.isAssumedDesignatedDay(d('2031-12-26'))).toBe(false);
		});
	});

	it('gives only the Ascension Friday in a year with no holiday on a Tuesday or Thursday (2031)', () => {
		// 2031: New Year Wednesday, King's Day Sunday (kept on Saturday 26 April), Liberation Day Monday,
		// Christmas Thursday and Boxing Day Friday, New Year 2032 Thursday.
		expect(usual(2031)).toEqual(['2031-05-23']);
		expect(cal.assumedDesignatedDays.filter((iso) => iso.startsWith('2031-'))).toEqual(['2031-05-23']);
		for (const iso of ['2031-04-25', '2031-04-28', '2031-05-02', '2031-05-06', '2031-12-24', '2031-12-29']) {
			expect(cal.isDesignatedDay(d(iso))).toBe(false);
		}
	});

	it('off: no day is designated beyond the listed ones, in any year', () => {
		expect(listedOnly.assumesUsualDesignatedDays).toBe(false);
		expect(listedOnly.assumedDesignatedDays).toEqual([]);
		expect(listedOnly).not.toBe(cal);
		expect(getDutchCalendar({ assumeUsualDesignatedDays: false })).toBe(listedOnly);
		for (const iso of ['2029-05-11', '2029-12-24', '2029-12-31', '2032-01-02', '2021-05-14']) {
			expect(listedOnly.isDesignatedDay(d(iso))).toBe(false);
			expect(listedOnly.isWorkingDay(d(iso))).toBe(true);
			expect(listedOnly.holidayName(d(iso), 'en')).toBeUndefined();
		}
		let designated = 0;
		for (let day = CALENDAR_FIRST_DAY; day <= CALENDAR_LAST_DAY; day++) if (listedOnly.isDesignatedDay(day)) designated++;
		expect(designated).toBe(DEFAULT_DESIGNATED_DAYS.length);
	});

	describe('decreed years keep their decree exactly', () => {
		it('every decreed year has exactly its decree\'s days, with the careful default on', () => {
			for (const decree of DESIGNATION_DECREES) {
				for (const year of decree.years) {
					const designated: string[] = [];
					for (let day = d(`${year}-01-01`); day <= d(`${year}-12-31`); day++) if (cal.isDesignatedDay(day)) designated.push(isoDate(day));
					expect(designated).toEqual(decree.days.filter((iso) => iso.startsWith(`${year}-`)));
				}
			}
		});

		it('the days the rule would add but the 2026-2028 decree left out stay working days', () => {
			// Liberation Day Tuesday 5 May 2026 and King's Day Tuesday 27 April 2027: the rule gives their
			// Mondays, the decree does not.
			expect(usual(2026)).toContain('2026-05-04');
			expect(usual(2027)).toContain('2027-04-26');
			for (const iso of ['2026-05-04', '2027-04-26']) {
				expect(cal.isDesignatedDay(d(iso))).toBe(false);
				expect(cal.isWorkingDay(d(iso))).toBe(true);
				expect(cal.isContactDay(d(iso))).toBe(true);
			}
		});
	});

	describe('with the user\'s Extra Designated Days', () => {
		it('adds them on top; the careful default keeps its days (it never removes one)', () => {
			const extra = getDutchCalendar({ extraDesignatedDays: '2029-06-01, 2029-05-11' });
			expect(extra.isDesignatedDay(d('2029-06-01'))).toBe(true); // a day no rule gives
			expect(extra.isAssumedDesignatedDay(d('2029-06-01'))).toBe(false);
			// Listed by the user: a designated day by name, no longer an assumed one.
			expect(extra.isAssumedDesignatedDay(d('2029-05-11'))).toBe(false);
			expect(extra.holidayName(d('2029-05-11'), 'en')).toBe('day designated equal to a public holiday');
			expect(extra.assumedDesignatedDays).not.toContain('2029-05-11');
			expect(extra.isAssumedDesignatedDay(d('2029-12-24'))).toBe(true);
			expect(extra.designatedDays).toEqual([...DEFAULT_DESIGNATED_DAYS, '2029-05-11', '2029-06-01']);
		});

		it('in a decreed year a user-added day counts, and the rule still adds nothing there', () => {
			const extra = getDutchCalendar({ extraDesignatedDays: '2026-12-24' });
			expect(extra.isDesignatedDay(d('2026-12-24'))).toBe(true);
			expect(extra.isDesignatedDay(d('2026-05-04'))).toBe(false);
		});

		it('replacing the built-in list does not switch the careful default off; both off gives no designated day', () => {
			const replaced = getDutchCalendar({ designatedDays: [] });
			expect(replaced.isDesignatedDay(d('2026-05-15'))).toBe(false);
			expect(replaced.isDesignatedDay(d('2029-05-11'))).toBe(true);
			expect(noDesignated.isDesignatedDay(d('2029-05-11'))).toBe(false);
		});

		it('is part of the cache key: on and off are two calendars, each shared', () => {
			const on = getDutchCalendar({ extraDesignatedDays: '2030-06-07' });
			const off = getDutchCalendar({ extraDesignatedDays: '2030-06-07', assumeUsualDesignatedDays: false });
			expect(on).not.toBe(off);
			expect(on.key).not.toBe(off.key);
			expect(getDutchCalendar({ extraDesignatedDays: ['2030-06-07'], assumeUsualDesignatedDays: true })).toBe(on);
			expect(getDutchCalendar({ extraDesignatedDays: '2030-06-07', assumeUsualDesignatedDays: false })).toBe(off);
			expect(on.isDesignatedDay(d('2030-05-31'))).toBe(true);
			expect(off.isDesignatedDay(d('2030-05-31'))).toBe(false);
		});
	});

	it('extends a letter term that would end on an assumed day and names it in the year overview', () => {
		// Sent Wed 11 Dec 2030: Thu 12 (1), Fri 13 (2) received; 14 days end on Friday 27 December, the
		// Friday after Boxing Day on a Thursday, so the term runs to Monday 30 December.
		const term = fourteenDayLetterTerm(d('2030-12-11'), cal);
		expect(isoDate(term.lastDayToPay)).toBe('2030-12-30');
		expect(term.extended).toBe(true);
		expect(isoDate(fourteenDayLetterTerm(d('2030-12-11'), listedOnly).lastDayToPay)).toBe('2030-12-27');
		expect(cal.holidaysOfYear(2030).filter((h) => h.en.startsWith('expected')).map((h) => h.date)).toEqual(['2030-05-31', '2030-12-27']);
	});
});
