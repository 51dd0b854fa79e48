import { DateTime } from 'luxon';

import { generatePortfolio } from '../../fixtures/portfolio';
import { amsterdamOffsetHours, dayFromIso, dutchHolidays, easterSunday, isoFromDay, isContactDay } from '../../fixtures/portfolio/calendar';

/** General holidays and designated days 2023-2026, written out by hand from the domain brief. */
const HOLIDAYS = new Set([
	'2023-01-01', '2023-04-07', '2023-04-10', '2023-04-27', '2023-05-05', '2023-05-18', '2023-05-29', '2023-12-25', '2023-12-26',
	'2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-10', '2024-05-20', '2024-12-25',
	'2024-12-26', '2024-12-27',
	'2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09', '2025-12-25', '2025-12-26',
	'2026-01-01', '2026-01-02', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-15', '2026-05-25',
	'2026-12-25', '2026-12-26',
]);

function checkContacts(referenceDate: string, count: number): number {
	let checked = 0;
	for (const { record } of generatePortfolio({ seed: 31, count, referenceDate })) {
		for (const contact of record.contacts ?? []) {
			const written = DateTime.fromISO(contact.at, { setZone: true });
			const local = written.setZone('Europe/Amsterdam');
			const where = `${record.debtorId} ${contact.at}`;
			if (!written.isValid) throw new Error(`${where}: not a valid moment`);
			// The written offset must be Amsterdam's offset at that instant, and the local clock the written one.
			if (written.offset !== local.offset) throw new Error(`${where}: offset should be ${local.offset} minutes`);
			if (local.toFormat("yyyy-MM-dd'T'HH:mm") !== contact.at.slice(0, 16)) throw new Error(`${where}: local time differs`);
			if (local.weekday === 7) throw new Error(`${where}: Sunday`);
			if (local.hour < 7 || local.hour >= 20) throw new Error(`${where}: outside 07:00-20:00`);
			if (HOLIDAYS.has(local.toISODate() as string)) throw new Error(`${where}: general holiday`);
			if ((local.toISODate() as string) > referenceDate) throw new Error(`${where}: after the reference date`);
			checked++;
		}
	}
	return checked;
}

describe('contact moments', () => {
	it('lie within Mon-Sat 07:00-20:00 Amsterdam, never on a holiday, with the right offset', () => {
		const checked = checkContacts('2026-06-30', 3000);
		expect(checked).toBeGreaterThan(5000);
	});

	it('hold for a reference date whose history spans other holidays and DST changes', () => {
		expect(checkContacts('2025-03-31', 1500)).toBeGreaterThan(2000);
	});

	it('include both winter (+01:00) and summer (+02:00) offsets', () => {
		const offsets = new Set<string>();
		for (const { record } of generatePortfolio({ seed: 31, count: 500 })) for (const contact of record.contacts ?? []) offsets.add(contact.at.slice(-6));
		expect([...offsets].sort()).toEqual(['+01:00', '+02:00']);
	});
});

describe('generator calendar helpers', () => {
	it('knows Amsterdam summer time for every day of 2023-2027 (checked at noon with luxon)', () => {
		for (let day = dayFromIso('2023-01-01'); day <= dayFromIso('2027-12-31'); day++) {
			const noon = DateTime.fromISO(`${isoFromDay(day)}T12:00:00`, { zone: 'Europe/Amsterdam' });
			expect(amsterdamOffsetHours(day) * 60).toBe(noon.offset);
		}
	});

	it('finds Easter and the holidays of the brief', () => {
		expect(isoFromDay(easterSunday(2024))).toBe('2024-03-31');
		expect(isoFromDay(easterSunday(2025))).toBe('2025-04-20');
		expect(isoFromDay(easterSunday(2026))).toBe('2026-04-05');
		expect(isoFromDay(easterSunday(2027))).toBe('2027-03-28');
		for (const year of [2023, 2024, 2025, 2026]) {
			const weekdays = [...dutchHolidays(year)].map(isoFromDay).filter((iso) => DateTime.fromISO(iso).weekday !== 7);
			const expected = [...HOLIDAYS].filter((iso) => iso.startsWith(`${year}-`) && DateTime.fromISO(iso).weekday !== 7);
			expect(weekdays.sort()).toEqual(expected.sort());
		}
		expect(isContactDay(dayFromIso('2026-04-27'))).toBe(false);
		expect(isContactDay(dayFromIso('2026-04-25'))).toBe(true);
		expect(isContactDay(dayFromIso('2026-04-26'))).toBe(false);
	});
});
