import { DateTime } from 'luxon';
import {
	amsterdamLocalDay,
	amsterdamLocalMsOfDay,
	amsterdamLocalToEpochMs,
	amsterdamOffsetMinutes,
	dayNumber,
	epochMsToAmsterdamLocal,
} from '../../../nodes/shared/calendar';

const HOUR = 3600000;
const luxonOffset = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Amsterdam' }).offset;

describe('amsterdamOffsetMinutes', () => {
	it('switches at 01:00 UTC on the last Sundays of March and October', () => {
		// 2026: last Sunday of March is the 29th, of October the 25th.
		expect(amsterdamOffsetMinutes(Date.UTC(2026, 2, 29, 1) - 1)).toBe(60);
		expect(amsterdamOffsetMinutes(Date.UTC(2026, 2, 29, 1))).toBe(120);
		expect(amsterdamOffsetMinutes(Date.UTC(2026, 9, 25, 1) - 1)).toBe(120);
		expect(amsterdamOffsetMinutes(Date.UTC(2026, 9, 25, 1))).toBe(60);
		// 2025: 30 March and 26 October.
		expect(amsterdamOffsetMinutes(Date.UTC(2025, 2, 30, 1))).toBe(120);
		expect(amsterdamOffsetMinutes(Date.UTC(2025, 2, 30, 0, 59))).toBe(60);
		expect(amsterdamOffsetMinutes(Date.UTC(2025, 9, 26, 0, 59))).toBe(120);
		expect(amsterdamOffsetMinutes(Date.UTC(2025, 9, 26, 1))).toBe(60);
		expect(amsterdamOffsetMinutes(Date.UTC(2026, 0, 1))).toBe(60);
		expect(amsterdamOffsetMinutes(Date.UTC(2026, 6, 1))).toBe(120);
	});

	it('matches luxon for every hour of 2020, 2026, 2037, 2064 and 2100', () => {
		for (const year of [2020, 2026, 2037, 2064, 2100]) {
			for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += HOUR) {
				if (amsterdamOffsetMinutes(ms) !== luxonOffset(ms)) throw new Error(`offset mismatch at ${new Date(ms).toISOString()}`);
			}
		}
	});

	it('matches luxon once per day (at varying times) 2020-2100 and 1 ms around every transition', () => {
		let checked = 0;
		for (let ms = Date.UTC(2020, 0, 1, 0, 17); ms < Date.UTC(2101, 0, 1); ms += 24 * HOUR + 7 * 60000) {
			if (amsterdamOffsetMinutes(ms) !== luxonOffset(ms)) throw new Error(`offset mismatch at ${new Date(ms).toISOString()}`);
			checked++;
		}
		expect(checked).toBeGreaterThan(29000);
		for (let year = 2020; year <= 2100; year++) {
			for (const month of [2, 9]) {
				// Last Sunday of the month, found with the Date object.
				let date = 31;
				while (new Date(Date.UTC(year, month, date)).getUTCDay() !== 0) date--;
				const switchAt = Date.UTC(year, month, date, 1);
				for (const ms of [switchAt - 1, switchAt, switchAt - HOUR, switchAt + HOUR]) {
					if (amsterdamOffsetMinutes(ms) !== luxonOffset(ms)) throw new Error(`mismatch at ${new Date(ms).toISOString()}`);
				}
			}
		}
	});

	it('rejects non-finite instants', () => {
		expect(() => amsterdamOffsetMinutes(Number.NaN)).toThrow(RangeError);
	});
});

describe('amsterdamLocalToEpochMs', () => {
	const spring = dayNumber('2026-03-29');
	const autumn = dayNumber('2026-10-25');

	it('maps ordinary wall-clock times with +01:00 in winter and +02:00 in summer', () => {
		expect(amsterdamLocalToEpochMs(dayNumber('2026-01-13'), 7 * 60)).toBe(Date.UTC(2026, 0, 13, 6));
		expect(amsterdamLocalToEpochMs(dayNumber('2026-05-12'), 7 * 60)).toBe(Date.UTC(2026, 4, 12, 5));
		expect(amsterdamLocalToEpochMs(dayNumber('2026-01-01'), 0)).toBe(Date.UTC(2025, 11, 31, 23));
		expect(amsterdamLocalToEpochMs(dayNumber('2026-12-31'), 1439)).toBe(Date.UTC(2026, 11, 31, 22, 59));
	});

	it('spring forward: 02:00-02:59 does not exist and becomes 03:00 CEST (01:00 UTC)', () => {
		expect(amsterdamLocalToEpochMs(spring, 1 * 60 + 59)).toBe(Date.UTC(2026, 2, 29, 0, 59));
		expect(amsterdamLocalToEpochMs(spring, 2 * 60)).toBe(Date.UTC(2026, 2, 29, 1));
		expect(amsterdamLocalToEpochMs(spring, 2 * 60 + 30)).toBe(Date.UTC(2026, 2, 29, 1));
		expect(amsterdamLocalToEpochMs(spring, 2 * 60 + 59)).toBe(Date.UTC(2026, 2, 29, 1));
		expect(amsterdamLocalToEpochMs(spring, 3 * 60)).toBe(Date.UTC(2026, 2, 29, 1));
		expect(amsterdamLocalToEpochMs(spring, 7 * 60)).toBe(Date.UTC(2026, 2, 29, 5));
	});

	it('fall back: 02:00-02:59 happens twice and the earlier (CEST) moment is returned', () => {
		expect(amsterdamLocalToEpochMs(autumn, 1 * 60 + 59)).toBe(Date.UTC(2026, 9, 24, 23, 59));
		expect(amsterdamLocalToEpochMs(autumn, 2 * 60)).toBe(Date.UTC(2026, 9, 25, 0));
		expect(amsterdamLocalToEpochMs(autumn, 2 * 60 + 30)).toBe(Date.UTC(2026, 9, 25, 0, 30));
		expect(amsterdamLocalToEpochMs(autumn, 3 * 60)).toBe(Date.UTC(2026, 9, 25, 2));
		expect(amsterdamLocalToEpochMs(autumn, 7 * 60)).toBe(Date.UTC(2026, 9, 25, 6));
	});

	it('matches luxon for every unambiguous existing quarter hour of 2026 and 2031', () => {
		for (const year of [2026, 2031]) {
			for (let day = dayNumber(`${year}-01-01`); day <= dayNumber(`${year}-12-31`); day++) {
				const date = new Date(day * 86400000);
				for (let minute = 0; minute < 1440; minute += 15) {
					const local = DateTime.fromObject(
						{ year, month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(minute / 60), minute: minute % 60 },
						{ zone: 'Europe/Amsterdam' },
					);
					const isSwitchDay = date.getUTCMonth() + 1 === (date.getUTCMonth() < 6 ? 3 : 10) && date.getUTCDay() === 0 && date.getUTCDate() > 24;
					if (isSwitchDay && minute >= 120 && minute < 180) continue; // gap / ambiguous hour, tested above
					if (amsterdamLocalToEpochMs(day, minute) !== local.toMillis()) throw new Error(`mismatch ${local.toISO()}`);
				}
			}
		}
	});

	it('round-trips with epochMsToAmsterdamLocal', () => {
		const ms = amsterdamLocalToEpochMs(dayNumber('2026-07-14'), 13 * 60 + 45);
		expect(epochMsToAmsterdamLocal(ms)).toEqual({ day: dayNumber('2026-07-14'), minuteOfDay: 13 * 60 + 45 });
		expect(epochMsToAmsterdamLocal(Date.UTC(2026, 11, 31, 23, 30, 59))).toEqual({ day: dayNumber('2027-01-01'), minuteOfDay: 30 });
		expect(amsterdamLocalDay(Date.UTC(2026, 5, 30, 22))).toBe(dayNumber('2026-07-01'));
		expect(amsterdamLocalMsOfDay(Date.UTC(2026, 5, 30, 22, 0, 1))).toBe(1000);
		// Both readings of the repeated hour map back to 02:30 local.
		expect(epochMsToAmsterdamLocal(Date.UTC(2026, 9, 25, 0, 30)).minuteOfDay).toBe(150);
		expect(epochMsToAmsterdamLocal(Date.UTC(2026, 9, 25, 1, 30)).minuteOfDay).toBe(150);
	});

	it('rejects bad minutes', () => {
		expect(() => amsterdamLocalToEpochMs(dayNumber('2026-05-12'), 1440)).toThrow(RangeError);
		expect(() => amsterdamLocalToEpochMs(dayNumber('2026-05-12'), -1)).toThrow(RangeError);
		expect(() => amsterdamLocalToEpochMs(1.5, 0)).toThrow(RangeError);
	});
});
