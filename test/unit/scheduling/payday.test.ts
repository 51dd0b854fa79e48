import type { Income } from '../../../nodes/shared/debtor/model';
import { plan } from './helpers';

// Payday alignment: for the payday personas (default temporary and structural shortfall) contact
// only from 1 up to and including 3 working days after the expected income. Working days skip
// weekends, holidays and designated days; days in between (a Saturday) are part of the stretch.

const salary25: Income = { type: 'salary-monthly', dayOfMonth: 25 };
const shortfall = { persona: 'temporary-shortfall', record: { income: salary25 } };

describe('payday alignment', () => {
	it('waits until the first working day after the salary (Fri 24 July 2026, the 25th is a Saturday)', () => {
		const result = plan('2026-07-10T10:00:00+02:00', shortfall);
		expect(result.moment).toBe('2026-07-27T07:00:00+02:00');
		expect(result.paydayAligned).toBe(true);
		expect(result.expectedIncome).toEqual({ date: '2026-07-24', type: 'salary-monthly', source: 'salary-monthly/record-day', assumed: false });
		expect(result.reasonCodes).toEqual(['payday']);
		expect(result.reasons).toEqual([
			'Moved from Friday 10 July 2026 10:00 to Monday 27 July 2026 07:00: after the salary, expected on Friday 24 July 2026: contact 1 to 3 working days later, from Monday 27 July 2026 to Wednesday 29 July 2026. (Saturday 25 July 2026 is not a bank business day: the money arrives the bank business day before.)',
		]);
	});

	it('"after expected salary on the 25th" in Dutch', () => {
		const result = plan('2026-08-10T10:00:00+02:00', { ...shortfall, language: 'nl' });
		expect(result.moment).toBe('2026-08-26T07:00:00+02:00');
		expect(result.reasons).toEqual([
			'Verschoven van maandag 10 augustus 2026 10:00 naar woensdag 26 augustus 2026 07:00: na het salaris, verwacht op dinsdag 25 augustus 2026: contact 1 tot 3 werkdagen erna, van woensdag 26 augustus 2026 tot en met vrijdag 28 augustus 2026.',
		]);
	});

	it.each([
		['on payday itself: not yet', '2026-07-24T10:00:00+02:00', '2026-07-27T07:00:00+02:00'],
		['inside the stretch: now', '2026-07-28T12:00:00+02:00', '2026-07-28T12:00:00+02:00'],
		['last day of the stretch, 19:59', '2026-07-29T19:59:00+02:00', '2026-07-29T19:59:00+02:00'],
		['last day of the stretch, 20:00: next payday (Tue 25 Aug -> Wed 26 Aug)', '2026-07-29T20:00:00+02:00', '2026-08-26T07:00:00+02:00'],
		['after the stretch: next payday', '2026-07-30T09:00:00+02:00', '2026-08-26T07:00:00+02:00'],
		["King's Day is no working day: salary Fri 24 April 2026 -> Tue 28 April", '2026-04-20T09:00:00+02:00', '2026-04-28T07:00:00+02:00'],
		['Christmas 2026: salary Thu 24 Dec -> Mon 28 Dec', '2026-12-20T09:00:00+01:00', '2026-12-28T07:00:00+01:00'],
	])('%s', (_label, start, expected) => {
		expect(plan(start, shortfall).moment).toBe(expected);
	});

	it('a Saturday inside the stretch is allowed (AOW Thu 23 July 2026: Fri 24 to Tue 28)', () => {
		const options = { persona: 'structural-shortfall', record: { income: { type: 'aow' } as Income } };
		expect(plan('2026-07-25T10:00:00+02:00', options).moment).toBe('2026-07-25T10:00:00+02:00');
		expect(plan('2026-07-28T19:00:00+02:00', options).moment).toBe('2026-07-28T19:00:00+02:00');
		expect(plan('2026-07-29T07:00:00+02:00', options).moment).toBe('2026-08-24T07:00:00+02:00'); // AOW Fri 21 Aug (23rd is a Sunday) -> Mon 24
	});

	it('a Saturday before the stretch is not: income Thu 2 April 2026, Easter in between -> Tue 7 April', () => {
		const options = { persona: 'temporary-shortfall', record: { income: { type: 'chosen-day', dayOfMonth: 2 } as Income } };
		expect(plan('2026-04-02T12:00:00+02:00', options).moment).toBe('2026-04-07T07:00:00+02:00');
		expect(plan('2026-04-04T12:00:00+02:00', options).moment).toBe('2026-04-07T07:00:00+02:00');
	});

	it.each([
		// [income, start, expected moment, expected income date]
		[{ type: 'ww' }, '2026-04-01T09:00:00+02:00', '2026-04-15T07:00:00+02:00', '2026-04-14'], // 8th bank day of April 2026
		// Bijstand on the last bank day: May 2026 paid Fri 29 May, so Mon 1 June is inside that stretch.
		[{ type: 'bijstand' }, '2026-06-01T09:00:00+02:00', '2026-06-01T09:00:00+02:00', '2026-05-29'],
		[{ type: 'bijstand' }, '2026-06-05T09:00:00+02:00', '2026-07-01T07:00:00+02:00', '2026-06-30'],
		// The 27th: Sat 27 June -> Fri 26, stretch Mon 29 June - Wed 1 July; then Mon 27 July -> Tue 28.
		[{ type: 'bijstand', municipality: 'Tilburg', dayOfMonth: 27 }, '2026-07-01T09:00:00+02:00', '2026-07-01T09:00:00+02:00', '2026-06-26'],
		[{ type: 'bijstand', municipality: 'Tilburg', dayOfMonth: 27 }, '2026-07-02T09:00:00+02:00', '2026-07-28T07:00:00+02:00', '2026-07-27'],
		[{ type: 'uwv-benefit' }, '2026-03-01T09:00:00+01:00', '2026-03-23T07:00:00+01:00', '2026-03-20'], // Sun 22 -> Fri 20 -> Mon 23
		[{ type: 'salary-four-weekly', anchorDate: '2026-01-08' }, '2026-02-01T09:00:00+01:00', '2026-02-06T07:00:00+01:00', '2026-02-05'],
		[{ type: 'chosen-day', dayOfMonth: 15 }, '2026-06-01T09:00:00+02:00', '2026-06-16T07:00:00+02:00', '2026-06-15'],
	])('income %j from %s -> %s', (income, start, expected, incomeDate) => {
		const result = plan(start, { persona: 'structural-shortfall', record: { income: income as Income } });
		expect(result.moment).toBe(expected);
		expect(result.expectedIncome?.date).toBe(incomeDate);
		expect(result.expectedIncome?.assumed).toBe(false);
	});

	it('unknown income: the assumed 25th, said so in the reasons', () => {
		const result = plan('2026-06-01T09:00:00+02:00', { persona: 'temporary-shortfall' });
		expect(result.moment).toBe('2026-06-26T07:00:00+02:00'); // Thu 25 June + 1 working day
		expect(result.expectedIncome).toEqual({ date: '2026-06-25', type: 'unknown', source: 'unknown/fallback-day', assumed: true });
		expect(result.reasons[0]).toContain('The income date is not known: assumed the 25th of the month.');
	});

	it('only for the configured personas', () => {
		expect(plan('2026-07-10T10:00:00+02:00', { ...shortfall, persona: 'forgetful' }).moment).toBe('2026-07-10T10:00:00+02:00');
		expect(plan('2026-07-10T10:00:00+02:00', { ...shortfall, persona: null }).paydayAligned).toBe(false);
		const settings = { paydayPersonas: ['forgetful'] };
		expect(plan('2026-07-10T10:00:00+02:00', { ...shortfall, persona: 'forgetful', settings }).moment).toBe('2026-07-27T07:00:00+02:00');
		expect(plan('2026-07-10T10:00:00+02:00', { ...shortfall, settings }).moment).toBe('2026-07-10T10:00:00+02:00');
	});

	it('configurable stretch: 0 = payday itself, 2 to 2 = exactly the second working day', () => {
		expect(plan('2026-07-24T10:00:00+02:00', { ...shortfall, settings: { paydayMinWorkingDays: 0 } }).moment).toBe('2026-07-24T10:00:00+02:00');
		const two = { ...shortfall, settings: { paydayMinWorkingDays: 2, paydayMaxWorkingDays: 2 } };
		expect(plan('2026-07-10T10:00:00+02:00', two).moment).toBe('2026-07-28T07:00:00+02:00');
		expect(plan('2026-07-28T20:00:00+02:00', two).moment).toBe('2026-08-27T07:00:00+02:00');
	});

	it('a stretch the caps fill moves to the next payday', () => {
		const contacts = [{ at: '2026-07-26T10:00:00+02:00', channel: 'email' as const, direction: 'outbound' as const }];
		// One contact per 7 days: forbidden until Sun 2 August 10:00, after the stretch (27-29 July).
		const result = plan('2026-07-27T07:00:00+02:00', { ...shortfall, contacts, settings: { maxContactsPer7Days: 1 } });
		expect(result.moment).toBe('2026-08-26T07:00:00+02:00');
		// Forbidden until Sunday 2 August 10:00, then Monday 07:00, then the next stretch.
		expect(result.reasonCodes).toEqual(['weekly-cap', 'sunday', 'payday']);
	});
});
