import { dayNumber, fourteenDayLetterTerm, getDutchCalendar, isoDate } from '../../../nodes/shared/calendar';

const cal = getDutchCalendar();
const noDesignated = getDutchCalendar({ designatedDays: [] });

function term(sent: string, extend = true, calendar = cal) {
	const t = fourteenDayLetterTerm(dayNumber(sent), calendar, { extendPastNonWorkingDay: extend });
	return {
		received: isoDate(t.presumedReceiptDay),
		start: isoDate(t.termStartDay),
		last: isoDate(t.lastDayToPay),
		costs: isoDate(t.costsFromDay),
		extended: t.extended,
	};
}

// Rule: receipt is the 2nd day after sending that is not a Sunday, Monday, general holiday or
// designated day. The term runs 14 days from the day after receipt, so last = receipt + 14.
// With the extension on, a last day on Sat/Sun/holiday/designated moves to the next working day.

describe('14-day letter (art. 6:96 lid 6 BW)', () => {
	it('worked example: sent Fri 24 Apr 2026', () => {
		// Sat 25 counts (1); Sun 26 and Mon 27 (Monday and King's Day) skipped; Tue 28 (2).
		expect(term('2026-04-24')).toEqual({ received: '2026-04-28', start: '2026-04-29', last: '2026-05-12', costs: '2026-05-13', extended: false });
		expect(term('2026-04-24', false).last).toBe('2026-05-12');
	});

	describe('Easter week 2026 (Good Friday 3 Apr, Easter Monday 6 Apr)', () => {
		it.each([
			// Mon 30 Mar: Tue 31 (1), Wed 1 Apr (2). Last 1 Apr + 14 = Wed 15 Apr.
			['2026-03-30', '2026-04-01', '2026-04-15', '2026-04-16'],
			// Tue 31 Mar: Wed 1 (1), Thu 2 (2). Last Thu 16 Apr.
			['2026-03-31', '2026-04-02', '2026-04-16', '2026-04-17'],
			// Wed 1 Apr: Thu 2 (1), Good Friday skipped, Sat 4 (2). Last would be Sat 18 Apr -> Mon 20 Apr.
			['2026-04-01', '2026-04-04', '2026-04-20', '2026-04-21'],
			// Thu 2 Apr: Fri 3 skipped, Sat 4 (1), Sun 5 and Mon 6 skipped, Tue 7 (2). Last Tue 21 Apr.
			['2026-04-02', '2026-04-07', '2026-04-21', '2026-04-22'],
			// Fri 3 Apr (Good Friday): Sat 4 (1), Tue 7 (2).
			['2026-04-03', '2026-04-07', '2026-04-21', '2026-04-22'],
			// Sat 4 Apr: Sun, Mon skipped, Tue 7 (1), Wed 8 (2). Last Wed 22 Apr.
			['2026-04-04', '2026-04-08', '2026-04-22', '2026-04-23'],
			// Sun 5 Apr (Easter): Mon 6 skipped, Tue 7 (1), Wed 8 (2).
			['2026-04-05', '2026-04-08', '2026-04-22', '2026-04-23'],
		])('sent %s -> received %s, last day %s, costs from %s', (sent, received, last, costs) => {
			const t = term(sent);
			expect([t.received, t.last, t.costs]).toEqual([received, last, costs]);
		});

		it('without the extension the Saturday stays the last day', () => {
			expect(term('2026-04-01', false)).toEqual({ received: '2026-04-04', start: '2026-04-05', last: '2026-04-18', costs: '2026-04-19', extended: false });
			expect(term('2026-04-01', true).extended).toBe(true);
		});
	});

	describe("King's Day week 2026 (Mon 27 Apr) into Liberation Day (Tue 5 May) and Ascension (Thu 14 May)", () => {
		it.each([
			// Sat 25 Apr: Sun 26, Mon 27 skipped, Tue 28 (1), Wed 29 (2). Last Wed 13 May.
			['2026-04-25', '2026-04-29', '2026-05-13', '2026-05-14'],
			// Mon 27 Apr (King's Day): Tue 28 (1), Wed 29 (2).
			['2026-04-27', '2026-04-29', '2026-05-13', '2026-05-14'],
			// Tue 28 Apr: Wed 29 (1), Thu 30 (2). Last Thu 14 May = Ascension, Fri 15 designated,
			// weekend -> Mon 18 May.
			['2026-04-28', '2026-04-30', '2026-05-18', '2026-05-19'],
			// Wed 29 Apr: Thu 30 (1), Fri 1 May (2; 1 May is no Dutch holiday). Last Fri 15 May designated -> Mon 18.
			['2026-04-29', '2026-05-01', '2026-05-18', '2026-05-19'],
			// Thu 30 Apr: Fri 1 May (1), Sat 2 (2). Last Sat 16 May -> Mon 18.
			['2026-04-30', '2026-05-02', '2026-05-18', '2026-05-19'],
			// Fri 1 May: Sat 2 (1), Sun 3, Mon 4, Tue 5 (Liberation Day) skipped, Wed 6 (2). Last Wed 20 May.
			['2026-05-01', '2026-05-06', '2026-05-20', '2026-05-21'],
			// Mon 4 May: Tue 5 skipped, Wed 6 (1), Thu 7 (2). Last Thu 21 May.
			['2026-05-04', '2026-05-07', '2026-05-21', '2026-05-22'],
		])('sent %s -> received %s, last day %s, costs from %s', (sent, received, last, costs) => {
			const t = term(sent);
			expect([t.received, t.last, t.costs]).toEqual([received, last, costs]);
		});

		it('extension off, and designated days off', () => {
			// Tue 28 Apr: last day Thu 14 May (Ascension) kept when the option is off.
			expect(term('2026-04-28', false)).toMatchObject({ last: '2026-05-14', costs: '2026-05-15', extended: false });
			// Without designated days the extension stops at Fri 15 May.
			expect(term('2026-04-28', true, noDesignated)).toMatchObject({ last: '2026-05-15', costs: '2026-05-16', extended: true });
		});
	});

	describe('Ascension week 2026 (Thu 14 May, designated Fri 15 May)', () => {
		it.each([
			// Mon 11 May: Tue 12 (1), Wed 13 (2). Last Wed 27 May.
			['2026-05-11', '2026-05-13', '2026-05-27', '2026-05-28'],
			// Tue 12 May: Wed 13 (1), Thu 14 and Fri 15 skipped, Sat 16 (2). Last Sat 30 May -> Mon 1 Jun.
			['2026-05-12', '2026-05-16', '2026-06-01', '2026-06-02'],
			// Wed 13 May: Thu, Fri skipped, Sat 16 (1), Sun 17, Mon 18 skipped, Tue 19 (2). Last Tue 2 Jun.
			['2026-05-13', '2026-05-19', '2026-06-02', '2026-06-03'],
			// Thu 14 May: Sat 16 (1), Tue 19 (2).
			['2026-05-14', '2026-05-19', '2026-06-02', '2026-06-03'],
			// Fri 15 May: Sat 16 (1), Tue 19 (2).
			['2026-05-15', '2026-05-19', '2026-06-02', '2026-06-03'],
			// Sat 16 May: Tue 19 (1), Wed 20 (2). Last Wed 3 Jun.
			['2026-05-16', '2026-05-20', '2026-06-03', '2026-06-04'],
			// Fri 22 May: Sat 23 (1), Sun 24, Mon 25 (Whit Monday) skipped, Tue 26 (2). Last Tue 9 Jun.
			['2026-05-22', '2026-05-26', '2026-06-09', '2026-06-10'],
		])('sent %s -> received %s, last day %s, costs from %s', (sent, received, last, costs) => {
			const t = term(sent);
			expect([t.received, t.last, t.costs]).toEqual([received, last, costs]);
		});

		it('the designated day changes receipt', () => {
			// Tue 12 May without designated days: Wed 13 (1), Fri 15 (2). Last Fri 29 May.
			expect(term('2026-05-12', true, noDesignated)).toMatchObject({ received: '2026-05-15', last: '2026-05-29', costs: '2026-05-30' });
			expect(term('2026-05-12', false)).toMatchObject({ received: '2026-05-16', last: '2026-05-30', costs: '2026-05-31' });
		});
	});

	describe('Christmas and New Year 2026/2027 (Fri 25, Sat 26 Dec, Fri 1 Jan)', () => {
		it.each([
			// Mon 21 Dec: Tue 22 (1), Wed 23 (2). Last 23 Dec + 14 = Wed 6 Jan.
			['2026-12-21', '2026-12-23', '2027-01-06', '2027-01-07'],
			// Tue 22 Dec: Wed 23 (1), Thu 24 (2). Last Thu 7 Jan.
			['2026-12-22', '2026-12-24', '2027-01-07', '2027-01-08'],
			// Wed 23 Dec: Thu 24 (1), Fri 25, Sat 26, Sun 27, Mon 28 skipped, Tue 29 (2). Last Tue 12 Jan.
			['2026-12-23', '2026-12-29', '2027-01-12', '2027-01-13'],
			// Thu 24 Dec: Fri-Mon skipped, Tue 29 (1), Wed 30 (2). Last Wed 13 Jan.
			['2026-12-24', '2026-12-30', '2027-01-13', '2027-01-14'],
			// Fri 25 Dec: Tue 29 (1), Wed 30 (2).
			['2026-12-25', '2026-12-30', '2027-01-13', '2027-01-14'],
			// Mon 28 Dec: Tue 29 (1), Wed 30 (2).
			['2026-12-28', '2026-12-30', '2027-01-13', '2027-01-14'],
			// Tue 29 Dec: Wed 30 (1), Thu 31 (2). Last Thu 14 Jan.
			['2026-12-29', '2026-12-31', '2027-01-14', '2027-01-15'],
			// Wed 30 Dec: Thu 31 (1), Fri 1 Jan skipped, Sat 2 Jan (2). Last Sat 16 Jan -> Mon 18 Jan.
			['2026-12-30', '2027-01-02', '2027-01-18', '2027-01-19'],
			// Thu 31 Dec: Fri 1 skipped, Sat 2 (1), Sun 3, Mon 4 skipped, Tue 5 (2). Last Tue 19 Jan.
			['2026-12-31', '2027-01-05', '2027-01-19', '2027-01-20'],
		])('sent %s -> received %s, last day %s, costs from %s', (sent, received, last, costs) => {
			const t = term(sent);
			expect([t.received, t.last, t.costs]).toEqual([received, last, costs]);
		});

		it('New Year 2025/2026 with the designated Friday 2 January', () => {
			// Tue 30 Dec 2025: Wed 31 (1), Thu 1 Jan and Fri 2 Jan (designated) skipped, Sat 3 (2).
			// Last Sat 17 Jan -> Mon 19 Jan.
			expect(term('2025-12-30')).toMatchObject({ received: '2026-01-03', last: '2026-01-19', costs: '2026-01-20', extended: true });
			// Without designated days: Wed 31 (1), Fri 2 Jan (2); last Fri 16 Jan.
			expect(term('2025-12-30', true, noDesignated)).toMatchObject({ received: '2026-01-02', last: '2026-01-16', costs: '2026-01-17', extended: false });
		});
	});

	it('defaults to extending', () => {
		const t = fourteenDayLetterTerm(dayNumber('2026-04-01'), cal);
		expect(isoDate(t.lastDayToPay)).toBe('2026-04-20');
	});

	it('throws outside the supported range', () => {
		expect(() => fourteenDayLetterTerm(dayNumber('2019-12-20'), cal)).toThrow(/2020-01-01 to 2100-12-31/);
		expect(() => fourteenDayLetterTerm(dayNumber('2100-12-28'), cal)).toThrow(RangeError);
	});
});
