import { dayNumber, easterSunday, isoDate } from '../../../nodes/shared/calendar';

// Published Western Easter dates (Gregorian).
const KNOWN_EASTER: Record<number, string> = {
	2020: '2020-04-12',
	2021: '2021-04-04',
	2022: '2022-04-17',
	2023: '2023-04-09',
	2024: '2024-03-31',
	2025: '2025-04-20',
	2026: '2026-04-05',
	2027: '2027-03-28',
	2028: '2028-04-16',
	2029: '2029-04-01',
	2030: '2030-04-21',
	2031: '2031-04-13',
	2032: '2032-03-28',
	2033: '2033-04-17',
	2034: '2034-04-09',
	2035: '2035-03-25',
	2036: '2036-04-13',
	2037: '2037-04-05',
	2038: '2038-04-25', // latest possible date
	2039: '2039-04-10',
	2040: '2040-04-01',
	2041: '2041-04-21',
	2042: '2042-04-06',
	2043: '2043-03-29',
	2044: '2044-04-17',
	2045: '2045-04-09',
	2046: '2046-03-25',
	2047: '2047-04-14',
	2048: '2048-04-05',
	2049: '2049-04-18',
	2050: '2050-04-10',
	2057: '2057-04-22',
	2095: '2095-04-24',
	2100: '2100-03-28',
};

/**
 * Independent reference: Knuth's epact-based Gregorian computus (The Art of Computer Programming,
 * vol. 1, 1.3.2 exercise 14), a different algorithm from the Meeus one under test, with dates
 * converted through the Date object.
 */
function knuthEaster(year: number): number {
	const golden = (year % 19) + 1;
	const century = Math.floor(year / 100) + 1;
	const skippedLeapYears = Math.floor((3 * century) / 4) - 12;
	const moonCorrection = Math.floor((8 * century + 5) / 25) - 5;
	const sundayOffset = Math.floor((5 * year) / 4) - skippedLeapYears - 10;
	let epact = (11 * golden + 20 + moonCorrection - skippedLeapYears) % 30;
	if ((epact === 25 && golden > 11) || epact === 24) epact++;
	let n = 44 - epact;
	if (n < 21) n += 30;
	n = n + 7 - ((sundayOffset + n) % 7);
	const [month, date] = n > 31 ? [4, n - 31] : [3, n];
	return Date.UTC(year, month - 1, date) / 86400000;
}

describe('Easter Sunday (Gregorian computus)', () => {
	it.each(Object.entries(KNOWN_EASTER))('%s: %s', (year, date) => {
		expect(isoDate(easterSunday(Number(year)))).toBe(date);
	});

	it('agrees with an independent algorithm for every year 2020-2100 (and far beyond)', () => {
		for (let year = 1583; year <= 4099; year++) {
			if (easterSunday(year) !== knuthEaster(year)) throw new Error(`Easter mismatch in ${year}`);
		}
		// Sanity of the reference itself against the table.
		for (const [year, date] of Object.entries(KNOWN_EASTER)) expect(knuthEaster(Number(year))).toBe(dayNumber(date));
	});

	it('is always a Sunday between 22 March and 25 April', () => {
		for (let year = 2020; year <= 2100; year++) {
			const easter = new Date(easterSunday(year) * 86400000);
			expect(easter.getUTCDay()).toBe(0);
			const monthDay = (easter.getUTCMonth() + 1) * 100 + easter.getUTCDate();
			expect(monthDay).toBeGreaterThanOrEqual(322);
			expect(monthDay).toBeLessThanOrEqual(425);
		}
	});

	it('rejects non-Gregorian or non-integer years', () => {
		expect(() => easterSunday(1500)).toThrow(RangeError);
		expect(() => easterSunday(2026.5)).toThrow(RangeError);
	});
});
