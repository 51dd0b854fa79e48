import {
	dayNumber,
	getDutchCalendar,
	isWithinLegalContactWindow,
	nextLegalContactMoment,
} from '../../../nodes/shared/calendar';

const cal = getDutchCalendar();
const inWindow = (ms: number) => isWithinLegalContactWindow(ms, cal);
// Instants are written in UTC; the comment gives the Amsterdam wall-clock time.

describe('legal contact window (07:00 <= t < 20:00 Amsterdam, Mon-Sat, no holidays)', () => {
	it('edges on a summer weekday (Tue 12 May 2026, +02:00)', () => {
		expect(inWindow(Date.UTC(2026, 4, 12, 18, 0, 0))).toBe(false); // 20:00:00 exactly: outside
		expect(inWindow(Date.UTC(2026, 4, 12, 17, 59, 59))).toBe(true); // 19:59:59
		expect(inWindow(Date.UTC(2026, 4, 12, 17, 59, 59, 999))).toBe(true); // 19:59:59.999
		expect(inWindow(Date.UTC(2026, 4, 12, 4, 59))).toBe(false); // 06:59
		expect(inWindow(Date.UTC(2026, 4, 12, 5, 0))).toBe(true); // 07:00
		expect(inWindow(Date.UTC(2026, 4, 12, 22, 30))).toBe(false); // 00:30 Wednesday
	});

	it('edges on a winter weekday (Tue 13 Jan 2026, +01:00)', () => {
		expect(inWindow(Date.UTC(2026, 0, 13, 6, 0))).toBe(true); // 07:00
		expect(inWindow(Date.UTC(2026, 0, 13, 5, 59, 59, 999))).toBe(false); // 06:59:59.999
		expect(inWindow(Date.UTC(2026, 0, 13, 18, 59, 59))).toBe(true); // 19:59:59
		expect(inWindow(Date.UTC(2026, 0, 13, 19, 0))).toBe(false); // 20:00
		// 19:30 UTC is 20:30 local: outside, even though 19:30 would be inside in UTC.
		expect(inWindow(Date.UTC(2026, 0, 13, 19, 30))).toBe(false);
	});

	it('Sundays, holidays and designated days are closed all day', () => {
		expect(inWindow(Date.UTC(2026, 4, 10, 10))).toBe(false); // Sunday 10 May, 12:00
		expect(inWindow(Date.UTC(2026, 3, 3, 10))).toBe(false); // Good Friday 3 Apr, 12:00
		expect(inWindow(Date.UTC(2026, 3, 6, 10))).toBe(false); // Easter Monday
		expect(inWindow(Date.UTC(2026, 3, 27, 10))).toBe(false); // King's Day
		expect(inWindow(Date.UTC(2026, 4, 5, 10))).toBe(false); // Liberation Day 2026 (no lustrum)
		expect(inWindow(Date.UTC(2026, 4, 15, 10))).toBe(false); // designated Friday 15 May 2026
		expect(isWithinLegalContactWindow(Date.UTC(2026, 4, 15, 10), getDutchCalendar({ designatedDays: [] }))).toBe(true);
		expect(inWindow(Date.UTC(2025, 3, 26, 10))).toBe(false); // King's Day 2025 on Saturday 26 April
	});

	it('the Saturday before Easter and 1 May are open', () => {
		expect(inWindow(Date.UTC(2026, 3, 4, 10))).toBe(true); // Sat 4 Apr 2026, 12:00
		expect(inWindow(Date.UTC(2026, 4, 1, 10))).toBe(true); // Fri 1 May 2026
	});

	it('around the March switch (Sunday 29 March 2026)', () => {
		// Saturday 28 March is still winter time: 07:00 local = 06:00 UTC.
		expect(inWindow(Date.UTC(2026, 2, 28, 6, 0))).toBe(true);
		expect(inWindow(Date.UTC(2026, 2, 28, 5, 59, 59))).toBe(false);
		expect(inWindow(Date.UTC(2026, 2, 28, 18, 59))).toBe(true); // 19:59
		expect(inWindow(Date.UTC(2026, 2, 28, 19, 0))).toBe(false); // 20:00
		expect(inWindow(Date.UTC(2026, 2, 29, 10))).toBe(false); // the Sunday itself
		// Monday 30 March is summer time: 07:00 local = 05:00 UTC.
		expect(inWindow(Date.UTC(2026, 2, 30, 5, 0))).toBe(true);
		expect(inWindow(Date.UTC(2026, 2, 30, 4, 59, 59))).toBe(false);
		expect(inWindow(Date.UTC(2026, 2, 30, 17, 59, 59))).toBe(true); // 19:59:59
		expect(inWindow(Date.UTC(2026, 2, 30, 18, 0))).toBe(false); // 20:00
	});

	it('around the October switch (Sunday 25 October 2026)', () => {
		// Saturday 24 October is summer time: 07:00 local = 05:00 UTC.
		expect(inWindow(Date.UTC(2026, 9, 24, 5, 0))).toBe(true);
		expect(inWindow(Date.UTC(2026, 9, 24, 4, 59))).toBe(false);
		expect(inWindow(Date.UTC(2026, 9, 24, 18, 0))).toBe(false); // 20:00
		expect(inWindow(Date.UTC(2026, 9, 25, 10))).toBe(false); // the Sunday
		// Monday 26 October is winter time: 07:00 local = 06:00 UTC; 05:30 UTC is 06:30 local.
		expect(inWindow(Date.UTC(2026, 9, 26, 6, 0))).toBe(true);
		expect(inWindow(Date.UTC(2026, 9, 26, 5, 30))).toBe(false);
		expect(inWindow(Date.UTC(2026, 9, 26, 18, 59))).toBe(true); // 19:59
		expect(inWindow(Date.UTC(2026, 9, 26, 19, 0))).toBe(false); // 20:00
	});

	it('throws outside the supported range', () => {
		expect(() => inWindow(Date.UTC(2019, 5, 1, 10))).toThrow(/2020-01-01 to 2100-12-31/);
	});
});

describe('nextLegalContactMoment', () => {
	it('keeps a moment inside the window', () => {
		const ms = Date.UTC(2026, 4, 12, 10, 15);
		expect(nextLegalContactMoment(ms, cal)).toBe(ms);
	});

	it('moves early mornings to 07:00 the same day', () => {
		expect(nextLegalContactMoment(Date.UTC(2026, 4, 12, 3), cal)).toBe(Date.UTC(2026, 4, 12, 5));
	});

	it('moves evenings and closed days to 07:00 on the next contact day', () => {
		// Thu 2 Apr 2026 20:00 -> (Good Friday) -> Sat 4 Apr 07:00 (+02:00).
		expect(nextLegalContactMoment(Date.UTC(2026, 3, 2, 18), cal)).toBe(Date.UTC(2026, 3, 4, 5));
		// Sat 4 Apr 20:00 -> (Easter Sunday, Easter Monday) -> Tue 7 Apr 07:00.
		expect(nextLegalContactMoment(Date.UTC(2026, 3, 4, 18), cal)).toBe(Date.UTC(2026, 3, 7, 5));
		// Sat 28 Mar 2026 21:00 (+01:00) -> Mon 30 Mar 07:00 (+02:00) = 05:00 UTC.
		expect(nextLegalContactMoment(Date.UTC(2026, 2, 28, 20), cal)).toBe(Date.UTC(2026, 2, 30, 5));
		// Wed 13 May 2026 20:00 -> (Ascension, designated Friday) -> Sat 16 May 07:00.
		expect(nextLegalContactMoment(Date.UTC(2026, 4, 13, 18), cal)).toBe(Date.UTC(2026, 4, 16, 5));
		expect(dayNumber('2026-05-16')).toBe(Date.UTC(2026, 4, 16) / 86400000);
	});
});
