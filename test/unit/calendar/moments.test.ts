import { parseMoment } from '../../../nodes/shared/calendar';

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
