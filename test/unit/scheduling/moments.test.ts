import {
	DEFAULT_SCHEDULING_SETTINGS,
	SettingError,
	compileSettings,
	formatAmsterdamIso,
	parseClock,
} from '../../../nodes/shared/scheduling';

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
