import { getDutchCalendar } from '../../../nodes/shared/calendar';
import { ms, plan, planAny } from './helpers';

// Legal window (Bki art. 4.2): Monday-Saturday 07:00 up to (not including) 20:00 Europe/Amsterdam,
// never on Sundays, general holidays of the Algemene termijnenwet (+ Good Friday) or designated days.
// Expected moments are written by hand from the 2025-2027 calendars.

describe('legal contact window: times of day', () => {
	it.each([
		// [start, expected moment]
		['2026-07-06T19:59:00+02:00', '2026-07-06T19:59:00+02:00'], // Monday, last minute inside
		['2026-07-06T20:00:00+02:00', '2026-07-07T07:00:00+02:00'], // 20:00 exactly is outside
		['2026-07-06T19:59:30+02:00', '2026-07-06T19:59:30+02:00'], // half a minute before 20:00 is inside
		['2026-07-06T06:59:00+02:00', '2026-07-06T07:00:00+02:00'], // 06:59 -> 07:00 the same day
		['2026-07-06T06:59:59+02:00', '2026-07-06T07:00:00+02:00'],
		['2026-07-06T07:00:00+02:00', '2026-07-06T07:00:00+02:00'], // 07:00 exactly is inside
		['2026-07-06T00:00:00+02:00', '2026-07-06T07:00:00+02:00'],
		['2026-07-06T23:59:00+02:00', '2026-07-07T07:00:00+02:00'],
		['2026-07-06T18:00:00Z', '2026-07-07T07:00:00+02:00'], // 20:00 in Amsterdam written in UTC
		['2026-07-06T17:59:00Z', '2026-07-06T19:59:00+02:00'],
		['2026-01-12T06:00:00Z', '2026-01-12T07:00:00+01:00'], // winter: 07:00 CET = 06:00 UTC
	])('%s -> %s', (start, expected) => {
		expect(plan(start).moment).toBe(expected);
	});
});

describe('legal contact window: days', () => {
	it.each([
		['Sunday -> Monday 07:00', '2026-07-05T10:00:00+02:00', '2026-07-06T07:00:00+02:00'],
		['Saturday is a contact day', '2026-07-04T10:00:00+02:00', '2026-07-04T10:00:00+02:00'],
		['Saturday 20:00 -> Monday 07:00', '2026-07-04T20:00:00+02:00', '2026-07-06T07:00:00+02:00'],
		['Good Friday 2026 -> Saturday', '2026-04-03T09:00:00+02:00', '2026-04-04T07:00:00+02:00'],
		['the Saturday before Easter is a contact day', '2026-04-04T10:00:00+02:00', '2026-04-04T10:00:00+02:00'],
		['the Saturday before Easter at 20:00 -> Tuesday (Easter Sunday and Monday)', '2026-04-04T20:00:00+02:00', '2026-04-07T07:00:00+02:00'],
		['Easter Monday -> Tuesday', '2026-04-06T12:00:00+02:00', '2026-04-07T07:00:00+02:00'],
		["King's Day 2026 (Monday 27 April)", '2026-04-27T09:00:00+02:00', '2026-04-28T07:00:00+02:00'],
		["King's Day on a Sunday: 27 April 2025 -> celebrated Saturday 26 April", '2025-04-26T10:00:00+02:00', '2025-04-28T07:00:00+02:00'],
		["Friday before King's Saturday 2025 at 20:00 -> Monday", '2025-04-25T20:00:00+02:00', '2025-04-28T07:00:00+02:00'],
		['Liberation Day 2026 (Tuesday, every year)', '2026-05-05T09:00:00+02:00', '2026-05-06T07:00:00+02:00'],
		['Ascension 2026 and the designated Friday 15 May -> Saturday 16 May', '2026-05-13T20:00:00+02:00', '2026-05-16T07:00:00+02:00'],
		['a designated day (Friday 15 May 2026)', '2026-05-15T12:00:00+02:00', '2026-05-16T07:00:00+02:00'],
		['designated Friday 7 May 2027 after Ascension', '2027-05-06T08:00:00+02:00', '2027-05-08T07:00:00+02:00'],
		['Whit Monday 2026', '2026-05-25T10:00:00+02:00', '2026-05-26T07:00:00+02:00'],
		['Christmas 2026 (Fri) and Boxing Day (Sat) -> Monday 28', '2026-12-24T20:00:00+01:00', '2026-12-28T07:00:00+01:00'],
		["New Year's Day and designated Friday 2 January 2026 -> Saturday 3", '2025-12-31T20:00:00+01:00', '2026-01-03T07:00:00+01:00'],
	])('%s', (_label, start, expected) => {
		expect(plan(start).moment).toBe(expected);
	});

	it('a designated day added by the user (Extra Designated Days)', () => {
		// The careful default off, so only the listed days count: 2029 has no built-in decree.
		const listedOnly = getDutchCalendar({ assumeUsualDesignatedDays: false });
		const calendar = getDutchCalendar({ extraDesignatedDays: '2029-05-11', assumeUsualDesignatedDays: false });
		expect(plan('2029-05-11T09:00:00+02:00', { calendar: listedOnly }).moment).toBe('2029-05-11T09:00:00+02:00');
		expect(plan('2029-05-11T09:00:00+02:00', { calendar }).moment).toBe('2029-05-12T07:00:00+02:00');
		expect(plan('2029-05-11T09:00:00+02:00', { calendar }).reasonCodes).toEqual(['designated-day']);
		expect(plan('2029-05-11T09:00:00+02:00', { calendar }).reasons[0]).toContain(
			'no contact on a day the government designated equal to a public holiday',
		);
	});

	it('the careful default: Friday 11 May 2029 after Ascension, with no decree for 2029 yet', () => {
		const result = plan('2029-05-11T09:00:00+02:00');
		expect(result.moment).toBe('2029-05-12T07:00:00+02:00');
		expect(result.reasonCodes).toEqual(['designated-day']);
		expect(result.reasons[0]).toContain('usually designates equal to a public holiday (no decree for this year yet)');
		expect(plan('2029-05-11T09:00:00+02:00', { language: 'nl' }).reasons[0]).toContain('(voor dit jaar nog geen besluit)');
	});
});

describe('DST nights (last Sundays of March and October)', () => {
	it('spring forward 29 March 2026: Saturday evening -> Monday 07:00 in summer time', () => {
		const result = plan('2026-03-28T20:00:00+01:00');
		expect(result.moment).toBe('2026-03-30T07:00:00+02:00');
		// 20:00 CET Saturday to 07:00 CEST Monday is 34 hours of real time, not 35.
		expect(result.waitSeconds).toBe(34 * 3600);
		expect(plan('2026-03-28T19:59:00+01:00').moment).toBe('2026-03-28T19:59:00+01:00');
	});

	it('an instant in the skipped hour (02:30 that never existed is 01:30 UTC = 03:30 CEST)', () => {
		expect(plan('2026-03-29T01:30:00Z').moment).toBe('2026-03-30T07:00:00+02:00');
	});

	it('fall back 25 October 2026: Saturday evening -> Monday 07:00 in winter time', () => {
		const result = plan('2026-10-24T20:00:00+02:00');
		expect(result.moment).toBe('2026-10-26T07:00:00+01:00');
		expect(result.waitSeconds).toBe(36 * 3600);
		expect(plan('2026-10-24T19:59:00+02:00').moment).toBe('2026-10-24T19:59:00+02:00');
	});

	it('both 02:30s of the repeated hour -> Monday 07:00 CET', () => {
		expect(plan('2026-10-25T00:30:00Z').moment).toBe('2026-10-26T07:00:00+01:00');
		expect(plan('2026-10-25T01:30:00Z').moment).toBe('2026-10-26T07:00:00+01:00');
	});

	it('a Monday evening after the change uses the new offset for 20:00', () => {
		// 19:30 UTC on Monday 26 October is 20:30 CET: outside.
		expect(plan('2026-10-26T19:30:00Z').moment).toBe('2026-10-27T07:00:00+01:00');
		// 18:30 UTC on Monday 30 March is 20:30 CEST: outside.
		expect(plan('2026-03-30T18:30:00Z').moment).toBe('2026-03-31T07:00:00+02:00');
		expect(plan('2026-03-30T17:30:00Z').moment).toBe('2026-03-30T19:30:00+02:00');
	});
});

describe('reasons for a move', () => {
	it('"moved from Sunday to Monday 07:00", in English and Dutch', () => {
		const en = plan('2026-07-05T10:00:00+02:00');
		expect(en.reasonCodes).toEqual(['sunday']);
		expect(en.reasons).toEqual(['Moved from Sunday 5 July 2026 10:00 to Monday 6 July 2026 07:00: no contact on Sundays.']);
		const nl = plan('2026-07-05T10:00:00+02:00', { language: 'nl' });
		expect(nl.reasons).toEqual(['Verschoven van zondag 5 juli 2026 10:00 naar maandag 6 juli 2026 07:00: geen contact op zondag.']);
	});

	it('names the holidays skipped on the way', () => {
		const result = plan('2026-04-04T20:30:00+02:00');
		expect(result.reasons).toEqual([
			'Moved from Saturday 4 April 2026 20:30 to Tuesday 7 April 2026 07:00: no contact from 20:00; no contact on Sunday 5 April 2026 (Easter Sunday) and Monday 6 April 2026 (Easter Monday) either.',
		]);
	});

	it('a start inside the window says so', () => {
		const result = plan('2026-07-06T10:00:00+02:00');
		expect(result.reasonCodes).toEqual(['in-window']);
		expect(result.reasons).toEqual(['The start moment Monday 6 July 2026 10:00 lies inside the contact window.']);
	});
});

describe('output: ISO moment, dueNow, dueToday, waitSeconds', () => {
	it('due now when the moment is the start and the start is now', () => {
		const result = plan('2026-07-06T10:00:00+02:00');
		expect(result).toMatchObject({ moment: '2026-07-06T10:00:00+02:00', date: '2026-07-06', time: '10:00', dueNow: true, dueToday: true, waitSeconds: 0 });
	});

	it('later today: not due now but due today', () => {
		const result = plan('2026-07-06T06:00:00+02:00');
		expect(result).toMatchObject({ moment: '2026-07-06T07:00:00+02:00', dueNow: false, dueToday: true, waitSeconds: 3600 });
	});

	it('a start in the past is due now', () => {
		const result = plan('2026-07-04T21:00:00+02:00', { now: '2026-07-08T09:00:00+02:00' });
		expect(result).toMatchObject({ moment: '2026-07-06T07:00:00+02:00', dueNow: true, dueToday: true, waitSeconds: 0 });
	});

	it('tomorrow: not due today', () => {
		expect(plan('2026-07-06T20:00:00+02:00')).toMatchObject({ dueNow: false, dueToday: false, waitSeconds: 11 * 3600 });
	});
});

describe('creditor settings narrow the window', () => {
	it('no Saturdays', () => {
		const result = plan('2026-07-04T10:00:00+02:00', { settings: { saturdays: false } });
		expect(result.moment).toBe('2026-07-06T07:00:00+02:00');
		expect(result.reasonCodes).toEqual(['saturday-off']);
		expect(plan('2026-07-03T20:00:00+02:00', { settings: { saturdays: false } }).moment).toBe('2026-07-06T07:00:00+02:00');
	});

	it('hours per weekday and channel', () => {
		const settings = { hours: [{ channels: ['email' as const], days: [1, 2, 3, 4, 5], from: '09:00', until: '17:00' }] };
		expect(plan('2026-07-06T08:00:00+02:00', { settings }).moment).toBe('2026-07-06T09:00:00+02:00');
		expect(plan('2026-07-06T08:00:00+02:00', { settings }).reasons[0]).toBe(
			"Moved from Monday 6 July 2026 08:00 to Monday 6 July 2026 09:00: outside the creditor's hours for e-mail (09:00-17:00).",
		);
		expect(plan('2026-07-06T17:00:00+02:00', { settings }).moment).toBe('2026-07-07T09:00:00+02:00');
		expect(plan('2026-07-06T16:59:00+02:00', { settings }).moment).toBe('2026-07-06T16:59:00+02:00');
		// Saturday is not in the rule: the legal window applies.
		expect(plan('2026-07-03T17:30:00+02:00', { settings }).moment).toBe('2026-07-04T07:00:00+02:00');
		// Other channels are not in the rule.
		expect(plan('2026-07-06T08:00:00+02:00', { settings, channel: 'sms' }).moment).toBe('2026-07-06T08:00:00+02:00');
	});

	it('several rules only narrow: latest start and earliest end win', () => {
		const settings = {
			hours: [
				{ from: '08:00', until: '19:00' },
				{ channels: ['phone' as const], days: [6], from: '10:00', until: '14:00' },
			],
		};
		expect(plan('2026-07-04T09:00:00+02:00', { settings, channel: 'phone' }).moment).toBe('2026-07-04T10:00:00+02:00');
		expect(plan('2026-07-04T14:00:00+02:00', { settings, channel: 'phone' }).moment).toBe('2026-07-06T08:00:00+02:00');
		expect(plan('2026-07-04T14:00:00+02:00', { settings, channel: 'sms' }).moment).toBe('2026-07-04T14:00:00+02:00');
	});

	it('can never widen the legal window', () => {
		const settings = { hours: [{ from: '06:00', until: '22:00' }] };
		expect(plan('2026-07-06T06:30:00+02:00', { settings }).moment).toBe('2026-07-06T07:00:00+02:00');
		expect(plan('2026-07-06T21:00:00+02:00', { settings }).moment).toBe('2026-07-07T07:00:00+02:00');
		expect(plan('2026-07-05T10:00:00+02:00', { settings: { hours: [{ days: [7], from: '09:00', until: '17:00' }] } }).moment).toBe(
			'2026-07-06T07:00:00+02:00',
		);
	});

	it('a channel closed on every day cannot be scheduled', () => {
		const result = planAny('2026-07-06T10:00:00+02:00', { channel: 'sms', settings: { hours: [{ channels: ['sms'], from: '00:00', until: '00:00' }] } });
		expect(result).toMatchObject({ status: 'not-schedulable', reasonCode: 'channel-closed' });
	});
});

describe('letters: no hour window, post days Monday to Saturday without holidays', () => {
	it.each([
		['any hour on a post day', '2026-07-06T22:30:00+02:00', '2026-07-06T22:30:00+02:00'],
		['early morning', '2026-07-06T05:00:00+02:00', '2026-07-06T05:00:00+02:00'],
		['Saturday', '2026-07-04T21:00:00+02:00', '2026-07-04T21:00:00+02:00'],
		['Sunday -> Monday 00:00', '2026-07-05T10:00:00+02:00', '2026-07-06T00:00:00+02:00'],
		['Easter Monday -> Tuesday 00:00', '2026-04-06T10:00:00+02:00', '2026-04-07T00:00:00+02:00'],
		['Christmas -> Monday 28 December', '2026-12-25T10:00:00+01:00', '2026-12-28T00:00:00+01:00'],
	])('%s', (_label, start, expected) => {
		const result = plan(start, { channel: 'letter' });
		expect(result.moment).toBe(expected);
	});

	it('no Saturdays applies to letters as well; reasons speak of post days', () => {
		const result = plan('2026-07-04T10:00:00+02:00', { channel: 'letter', settings: { saturdays: false } });
		expect(result.moment).toBe('2026-07-06T00:00:00+02:00');
		expect(result.reasons[0]).toBe(
			'Moved from Saturday 4 July 2026 10:00 to Monday 6 July 2026 00:00: letters are posted Monday to Saturday, not on Sundays or public holidays.',
		);
	});

	it('hour rules without channels leave letters alone; naming letters limits their days', () => {
		expect(plan('2026-07-06T22:00:00+02:00', { channel: 'letter', settings: { hours: [{ from: '09:00', until: '17:00' }] } }).moment).toBe(
			'2026-07-06T22:00:00+02:00',
		);
		expect(
			plan('2026-07-04T10:00:00+02:00', { channel: 'letter', settings: { hours: [{ channels: ['letter'], days: [6], from: '00:00', until: '00:00' }] } })
				.moment,
		).toBe('2026-07-06T00:00:00+02:00');
	});
});

describe('not schedulable', () => {
	it('deceased (flag, MD07 reversal or persona) and stop personas', () => {
		expect(planAny('2026-07-06T10:00:00+02:00', { record: { flags: { deceased: true } } })).toMatchObject({
			status: 'not-schedulable',
			reasonCode: 'deceased',
			action: 'stop-all',
		});
		expect(
			planAny('2026-07-06T10:00:00+02:00', { record: { reversals: [{ amountCents: 100, date: '2026-06-01', reasonCode: 'MD07' }] } }),
		).toMatchObject({ reasonCode: 'deceased' });
		expect(planAny('2026-07-06T10:00:00+02:00', { persona: 'deceased' })).toMatchObject({ reasonCode: 'deceased' });
		expect(planAny('2026-07-06T10:00:00+02:00', { persona: 'dispute', settings: { stopPersonas: ['deceased', 'dispute'] } })).toMatchObject({
			reasonCode: 'stop-persona',
		});
		expect(planAny('2026-07-06T10:00:00+02:00', { persona: 'dispute' }).status).toBe('scheduled');
	});

	it('no moment within the horizon', () => {
		// Caps that keep forbidding: one contact per 7 days with a contact every day of the horizon.
		const contacts = Array.from({ length: 10 }, (_, i) => ({ at: `2026-07-${String(i + 1).padStart(2, '0')}T10:00:00+02:00`, channel: 'email' as const, direction: 'outbound' as const }));
		const result = planAny('2026-07-01T10:00:00+02:00', { contacts, settings: { maxContactsPer7Days: 1, horizonDays: 7 } });
		expect(result).toMatchObject({ status: 'not-schedulable', reasonCode: 'no-moment' });
	});
});

describe('start moments are read exactly', () => {
	it('keeps seconds of an allowed start', () => {
		expect(plan('2026-07-06T10:00:42+02:00').moment).toBe('2026-07-06T10:00:42+02:00');
		expect(ms(plan('2026-07-06T10:00:42+02:00').moment)).toBe(ms('2026-07-06T10:00:42+02:00'));
	});
});
