import {
	DEFAULT_SCHEDULING_SETTINGS,
	SettingError,
	compileSettings,
	formatAmsterdamIso,
	parseClock,
	parseMoment,
} from '../../../nodes/shared/scheduling';

describe('parseMoment', () => {
	it.each([
		['2026-07-06T10:00:00+02:00', Date.UTC(2026, 6, 6, 8, 0)],
		['2026-07-06T10:00:00.250+02:00', Date.UTC(2026, 6, 6, 8, 0, 0, 250)],
		['2026-07-06T10:00Z', Date.UTC(2026, 6, 6, 10, 0)],
		['2026-07-06 10:00:00+0200', Date.UTC(2026, 6, 6, 8, 0)],
		['2026-07-06T10:00:00-05', Date.UTC(2026, 6, 6, 15, 0)],
		// Without offset: Amsterdam wall-clock time (summer +02:00, winter +01:00).
		['2026-07-06T10:00:00', Date.UTC(2026, 6, 6, 8, 0)],
		['2026-01-06T10:00', Date.UTC(2026, 0, 6, 9, 0)],
		['2026-07-06', Date.UTC(2026, 6, 5, 22, 0)],
		// The skipped hour in spring: the first moment after the gap.
		['2026-03-29T02:30:00', Date.UTC(2026, 2, 29, 1, 0)],
	])('%s', (text, expected) => {
		expect(parseMoment(text)).toBe(expected);
		expect(parseMoment(text)).toBe(Date.parse(new Date(expected).toISOString()));
	});

	it('uses luxon for a local time in another zone', () => {
		expect(parseMoment('2026-07-06T10:00:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 6, 14, 0));
		expect(parseMoment('2026-07-06T10:00:00+02:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 6, 8, 0));
	});

	it.each(['', 'tomorrow', '2026-02-30T10:00:00Z', '2026-07-06T24:00:00Z', '2026-07-06T10:00:00+25:00', '2026-07-06T10:00:00Zx', null, {}, Number.NaN])(
		'%p is not a moment',
		(value) => {
			expect(parseMoment(value)).toBeNaN();
		},
	);

	it('accepts epoch milliseconds and Dates', () => {
		expect(parseMoment(1_750_000_000_000)).toBe(1_750_000_000_000);
		expect(parseMoment(new Date(1_750_000_000_000))).toBe(1_750_000_000_000);
	});
});

describe('formatAmsterdamIso', () => {
	it.each([
		[Date.UTC(2026, 6, 6, 5, 0), '2026-07-06T07:00:00+02:00'],
		[Date.UTC(2026, 0, 6, 6, 0), '2026-01-06T07:00:00+01:00'],
		[Date.UTC(2026, 2, 29, 0, 59, 59), '2026-03-29T01:59:59+01:00'],
		[Date.UTC(2026, 2, 29, 1, 0), '2026-03-29T03:00:00+02:00'],
		[Date.UTC(2026, 9, 25, 0, 30), '2026-10-25T02:30:00+02:00'],
		[Date.UTC(2026, 9, 25, 1, 30), '2026-10-25T02:30:00+01:00'],
		[Date.UTC(2026, 11, 31, 23, 0), '2027-01-01T00:00:00+01:00'],
	])('%d -> %s', (epochMs, expected) => {
		expect(formatAmsterdamIso(epochMs)).toBe(expected);
		expect(Date.parse(expected)).toBe(epochMs);
	});
});

describe('settings', () => {
	it('defaults as in the brief', () => {
		expect(DEFAULT_SCHEDULING_SETTINGS).toMatchObject({
			saturdays: true,
			paydayPersonas: ['temporary-shortfall', 'structural-shortfall'],
			paydayMinWorkingDays: 1,
			paydayMaxWorkingDays: 3,
			maxContactsPer7Days: 3,
			minHoursBetweenContacts: 24,
			minHoursSameChannel: 48,
			jitterMinutes: 0,
			preNotificationDays: 14,
			letterWording: 'fourteen-days-from-day-after',
			extendLetterTerm: true,
		});
	});

	it('clock times', () => {
		expect([parseClock('07:00'), parseClock('7.30'), parseClock('24:00'), parseClock(90)]).toEqual([420, 450, 1440, 90]);
		expect([parseClock('25:00'), parseClock('12:60'), parseClock('noon')].every(Number.isNaN)).toBe(true);
	});

	it.each([
		[{ paydayMinWorkingDays: 3, paydayMaxWorkingDays: 1 }, 'paydayMaxWorkingDays'],
		[{ maxContactsPer7Days: 0 }, 'maxContactsPer7Days'],
		[{ minHoursBetweenContacts: -1 }, 'minHoursBetweenContacts'],
		[{ jitterMinutes: 1.5 }, 'jitterMinutes'],
		[{ preNotificationDays: 61 }, 'preNotificationDays'],
		[{ hours: [{ from: '9 uur', until: '17:00' }] }, 'hours[0].from'],
		[{ hours: [{ from: '09:00', until: '17:00', days: [8] }] }, 'hours[0].days'],
		[{ income: { aowDayOfMonth: 40 } }, 'income'],
	])('%j is refused, naming the setting', (settings, name) => {
		expect(() => compileSettings(settings)).toThrow(SettingError);
		expect(() => compileSettings(settings)).toThrow(`"${name}"`);
	});
});
