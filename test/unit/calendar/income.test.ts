import {
	DEFAULT_INCOME_CALENDAR_OPTIONS,
	IncomeOptionError,
	dayNumber,
	getDutchCalendar,
	incomeDaysBetween,
	isoDate,
	nextIncomeDay,
	type IncomeCalendarOptions,
} from '../../../nodes/shared/calendar';
import type { Income } from '../../../nodes/shared/debtor/model';

// Expected dates below are worked out by hand from the 2026-2027 calendars: weekdays from a wall
// calendar, TARGET2 closing days 1 Jan, Good Friday 3 Apr 2026, Easter Monday 6 Apr 2026, 1 May,
// 25 and 26 Dec (weekends closed too). King's Day, Ascension, Whit Monday and 5 May are bank days.

const cal = getDutchCalendar();
const d = dayNumber;

function next(income: Income | undefined, from: string, options?: IncomeCalendarOptions) {
	const r = nextIncomeDay(income, d(from), cal, options);
	return { day: isoDate(r.day), source: r.source, assumed: r.assumed };
}

function between(income: Income | undefined, from: string, to: string, options?: IncomeCalendarOptions): string[] {
	return incomeDaysBetween(income, d(from), d(to), cal, options).map(isoDate);
}

describe('income calendar defaults', () => {
	it('match the brief and the research notes', () => {
		expect(DEFAULT_INCOME_CALENDAR_OPTIONS).toEqual({
			salaryDayOfMonth: 25,
			aowDayOfMonth: 23,
			uwvBenefitDayOfMonth: 22,
			wwBusinessDayOfMonth: 8,
			bijstandDayOfMonth: 31,
			bijstandDayByMunicipality: {},
			unknownDayOfMonth: 25,
			nonBusinessDay: 'previous',
		});
	});
});

describe('salary-monthly', () => {
	const salary25: Income = { type: 'salary-monthly', dayOfMonth: 25 };

	it('a whole year of paydays on the 25th, weekends and bank holidays to the bank business day before', () => {
		expect(between(salary25, '2026-01-01', '2026-12-31')).toEqual([
			'2026-01-23', // Sun 25 -> Fri 23
			'2026-02-25',
			'2026-03-25',
			'2026-04-24', // Sat 25 -> Fri 24
			'2026-05-25', // Whit Monday: a Dutch holiday but a TARGET2 business day, so money arrives
			'2026-06-25',
			'2026-07-24', // Sat 25 -> Fri 24
			'2026-08-25',
			'2026-09-25',
			'2026-10-23', // Sun 25 -> Fri 23
			'2026-11-25',
			'2026-12-24', // Christmas Day (TARGET2 closed) -> Thu 24
		]);
	});

	it('is the record day, not an assumption', () => {
		expect(next(salary25, '2026-06-26')).toEqual({ day: '2026-07-24', source: 'salary-monthly/record-day', assumed: false });
		expect(next(salary25, '2026-06-25').day).toBe('2026-06-25');
	});

	it('without a day: the configured default (25), marked assumed', () => {
		expect(next({ type: 'salary-monthly' }, '2026-03-01')).toEqual({ day: '2026-03-25', source: 'salary-monthly/default-day', assumed: true });
		expect(next({ type: 'salary-monthly' }, '2026-03-01', { salaryDayOfMonth: 28 }).day).toBe('2026-03-27'); // Sat 28 -> Fri 27
	});

	it('a day past the month end is the last day of the month', () => {
		const salary31: Income = { type: 'salary-monthly', dayOfMonth: 31 };
		expect(between(salary31, '2026-01-01', '2026-06-30')).toEqual([
			'2026-01-30', // Sat 31 -> Fri 30
			'2026-02-27', // 28 Feb is a Saturday -> Fri 27
			'2026-03-31',
			'2026-04-30',
			'2026-05-29', // Sun 31 -> Fri 29
			'2026-06-30',
		]);
		expect(next({ type: 'salary-monthly', dayOfMonth: 30 }, '2028-02-01').day).toBe('2028-02-29'); // leap year, Tue 29
	});

	it('the "next" option moves forward instead', () => {
		expect(next(salary25, '2026-04-01', { nonBusinessDay: 'next' }).day).toBe('2026-04-27'); // Sat 25 -> Mon 27 (King's Day, bank open)
		expect(next(salary25, '2026-12-01', { nonBusinessDay: 'next' }).day).toBe('2026-12-28'); // Fri 25, Sat 26 (closed) -> Mon 28
	});
});

describe('chosen-day and moves across a month boundary', () => {
	it('day 1 on New Year 2027 (Fri, closed) moves back into December', () => {
		const first: Income = { type: 'chosen-day', dayOfMonth: 1 };
		expect(next(first, '2026-12-02')).toEqual({ day: '2026-12-31', source: 'chosen-day/record-day', assumed: false });
		expect(next(first, '2026-12-31').day).toBe('2026-12-31');
		expect(next(first, '2027-01-01').day).toBe('2027-02-01');
	});

	it('day 1 of May 2026 (Labour Day, TARGET2 closed) -> Thu 30 April', () => {
		expect(next({ type: 'chosen-day', dayOfMonth: 1 }, '2026-04-15').day).toBe('2026-04-30');
	});

	it('the Easter weekend: the 6th (Easter Monday) -> Thu 2 April, or Tue 7 April with "next"', () => {
		expect(next({ type: 'chosen-day', dayOfMonth: 6 }, '2026-03-20').day).toBe('2026-04-02');
		expect(next({ type: 'chosen-day', dayOfMonth: 6 }, '2026-03-20', { nonBusinessDay: 'next' }).day).toBe('2026-04-07');
		// "next" can push the 31st into the next month: Sat 31 Jan 2026 -> Mon 2 Feb.
		expect(next({ type: 'chosen-day', dayOfMonth: 31 }, '2026-02-01', { nonBusinessDay: 'next' }).day).toBe('2026-02-02');
	});

	it('without a day: the fallback day, assumed', () => {
		expect(next({ type: 'chosen-day' }, '2026-03-01')).toEqual({ day: '2026-03-25', source: 'chosen-day/fallback-day', assumed: true });
	});
});

describe('salary-four-weekly', () => {
	it('every 28 days from the anchor (Thursdays)', () => {
		expect(between({ type: 'salary-four-weekly', anchorDate: '2026-01-08' }, '2026-01-01', '2026-06-30')).toEqual([
			'2026-01-08',
			'2026-02-05',
			'2026-03-05',
			'2026-04-02',
			'2026-04-30',
			'2026-05-28',
			'2026-06-25',
		]);
	});

	it('works backwards from a later anchor too', () => {
		expect(next({ type: 'salary-four-weekly', anchorDate: '2026-06-25' }, '2026-01-01').day).toBe('2026-01-08');
	});

	it('an anchor on Good Friday: that payday and the one on 1 May move to the bank day before', () => {
		const income: Income = { type: 'salary-four-weekly', anchorDate: '2026-04-03' };
		expect(between(income, '2026-03-01', '2026-06-30')).toEqual([
			'2026-03-06',
			'2026-04-02', // Good Friday -> Thu 2 Apr
			'2026-04-30', // Fri 1 May (TARGET2 closed) -> Thu 30 Apr
			'2026-05-29',
			'2026-06-26',
		]);
		expect(next(income, '2026-04-03')).toEqual({ day: '2026-04-30', source: 'salary-four-weekly/anchor', assumed: false });
	});

	it('without an anchor: the fallback day, assumed', () => {
		expect(next({ type: 'salary-four-weekly' }, '2026-03-01')).toEqual({ day: '2026-03-25', source: 'salary-four-weekly/fallback-day', assumed: true });
	});
});

describe('AOW and UWV benefits', () => {
	it('AOW on the 23rd (default), weekend to the Friday before', () => {
		expect(between({ type: 'aow' }, '2026-01-01', '2026-08-31')).toEqual([
			'2026-01-23',
			'2026-02-23',
			'2026-03-23',
			'2026-04-23',
			'2026-05-22', // Sat 23 -> Fri 22
			'2026-06-23',
			'2026-07-23',
			'2026-08-21', // Sun 23 -> Fri 21
		]);
		expect(next({ type: 'aow' }, '2026-01-01')).toEqual({ day: '2026-01-23', source: 'aow/default-day', assumed: false });
	});

	it('UWV benefit on the 22nd (default), configurable', () => {
		expect(next({ type: 'uwv-benefit' }, '2026-03-01').day).toBe('2026-03-20'); // Sun 22 -> Fri 20
		expect(next({ type: 'uwv-benefit' }, '2026-08-01').day).toBe('2026-08-21'); // Sat 22 -> Fri 21
		expect(next({ type: 'uwv-benefit' }, '2026-03-01', { uwvBenefitDayOfMonth: 21 }).day).toBe('2026-03-20'); // Sat 21 -> Fri 20
		expect(next({ type: 'aow' }, '2026-03-01', { aowDayOfMonth: 24 }).day).toBe('2026-03-24');
	});

	it('a day in the record beats the default', () => {
		expect(next({ type: 'aow', dayOfMonth: 21 }, '2026-04-01')).toEqual({ day: '2026-04-21', source: 'aow/record-day', assumed: false });
	});
});

describe('WW (paid in arrears)', () => {
	it('the 8th TARGET2 business day of each month', () => {
		expect(between({ type: 'ww' }, '2026-01-01', '2026-05-31')).toEqual([
			// Jan: 1 closed; 2 (designated Dutch day, bank open), 5, 6, 7, 8, 9, 12, 13.
			'2026-01-13',
			// Feb: 2, 3, 4, 5, 6, 9, 10, 11.
			'2026-02-11',
			// Mar: 2, 3, 4, 5, 6, 9, 10, 11.
			'2026-03-11',
			// Apr: 1, 2, (3 Good Friday, 6 Easter Monday closed) 7, 8, 9, 10, 13, 14.
			'2026-04-14',
			// May: (1 closed) 4, 5 (Liberation Day, bank open), 6, 7, 8, 11, 12, 13.
			'2026-05-13',
		]);
		expect(next({ type: 'ww' }, '2026-01-14')).toEqual({ day: '2026-02-11', source: 'ww/business-day', assumed: false });
	});

	it('configurable business day', () => {
		expect(next({ type: 'ww' }, '2026-04-01', { wwBusinessDayOfMonth: 3 }).day).toBe('2026-04-07');
		expect(next({ type: 'ww' }, '2026-04-01', { wwBusinessDayOfMonth: 1 }).day).toBe('2026-04-01');
	});
});

describe('bijstand', () => {
	it('default: the last bank business day of the month', () => {
		expect(between({ type: 'bijstand' }, '2026-01-01', '2026-03-31')).toEqual(['2026-01-30', '2026-02-27', '2026-03-31']);
		expect(next({ type: 'bijstand' }, '2026-12-01')).toEqual({ day: '2026-12-31', source: 'bijstand/default-day', assumed: false });
	});

	it('per municipality (names without case or spaces), the record day first', () => {
		const options: IncomeCalendarOptions = { bijstandDayByMunicipality: { Tilburg: 27, ' Heerenveen ': 30 } };
		expect(next({ type: 'bijstand', municipality: 'tilburg' }, '2026-06-01', options)).toEqual({
			day: '2026-06-26', // Sat 27 -> Fri 26
			source: 'bijstand/municipality',
			assumed: false,
		});
		expect(next({ type: 'bijstand', municipality: 'HEERENVEEN' }, '2026-06-01', options).day).toBe('2026-06-30');
		expect(next({ type: 'bijstand', municipality: 'Utrecht' }, '2026-06-01', options).source).toBe('bijstand/default-day');
		expect(next({ type: 'bijstand', municipality: 'Tilburg', dayOfMonth: 29 }, '2026-06-01', options)).toEqual({
			day: '2026-06-29',
			source: 'bijstand/record-day',
			assumed: false,
		});
		expect(next({ type: 'bijstand' }, '2026-06-01', { bijstandDayOfMonth: 28 }).day).toBe('2026-06-26'); // Sun 28 -> Fri 26
	});
});

describe('unknown income', () => {
	it('no income record and type unknown: the fallback day, assumed', () => {
		expect(next(undefined, '2026-03-01')).toEqual({ day: '2026-03-25', source: 'unknown/fallback-day', assumed: true });
		expect(next({ type: 'unknown' }, '2026-03-26', { unknownDayOfMonth: 1 })).toEqual({ day: '2026-04-01', source: 'unknown/fallback-day', assumed: true });
	});
});

describe('ranges', () => {
	it('an empty range gives no days', () => {
		expect(between({ type: 'aow' }, '2026-01-24', '2026-02-22')).toEqual([]);
	});
});

describe('option errors name the option', () => {
	it.each([
		[{ salaryDayOfMonth: 0 }, 'salaryDayOfMonth'],
		[{ aowDayOfMonth: 32 }, 'aowDayOfMonth'],
		[{ wwBusinessDayOfMonth: 16 }, 'wwBusinessDayOfMonth'],
		[{ bijstandDayByMunicipality: { Tilburg: 2.5 } }, 'bijstandDayByMunicipality.Tilburg'],
		[{ nonBusinessDay: 'later' as 'next' }, 'nonBusinessDay'],
	])('%j', (options, option) => {
		expect(() => nextIncomeDay({ type: 'aow' }, d('2026-01-01'), cal, options)).toThrow(IncomeOptionError);
		expect(() => nextIncomeDay({ type: 'aow' }, d('2026-01-01'), cal, options)).toThrow(`"${option}"`);
	});
});
