import { dayNumber, formatDate } from '../../../nodes/shared/calendar';

const d = dayNumber;

describe('formatDate', () => {
	it('long style names the weekday', () => {
		expect(formatDate(d('2026-05-12'), 'nl', 'long')).toBe('dinsdag 12 mei 2026');
		expect(formatDate(d('2026-05-12'), 'en', 'long')).toBe('Tuesday 12 May 2026');
		expect(formatDate(d('2026-04-27'), 'nl', 'long')).toBe('maandag 27 april 2026');
		expect(formatDate(d('2026-03-01'), 'nl', 'long')).toBe('zondag 1 maart 2026');
		expect(formatDate(d('2026-03-01'), 'en', 'long')).toBe('Sunday 1 March 2026');
		expect(formatDate(d('2027-01-02'), 'nl')).toBe('zaterdag 2 januari 2027'); // long and Dutch by default
	});

	it('all Dutch and English months and weekdays', () => {
		// The 1st of each month of 2026: Thu, Sun, Sun, Wed, Fri, Mon, Wed, Sat, Tue, Thu, Sun, Tue.
		const nl = ['donderdag 1 januari', 'zondag 1 februari', 'zondag 1 maart', 'woensdag 1 april', 'vrijdag 1 mei', 'maandag 1 juni',
			'woensdag 1 juli', 'zaterdag 1 augustus', 'dinsdag 1 september', 'donderdag 1 oktober', 'zondag 1 november', 'dinsdag 1 december'];
		const en = ['Thursday 1 January', 'Sunday 1 February', 'Sunday 1 March', 'Wednesday 1 April', 'Friday 1 May', 'Monday 1 June',
			'Wednesday 1 July', 'Saturday 1 August', 'Tuesday 1 September', 'Thursday 1 October', 'Sunday 1 November', 'Tuesday 1 December'];
		for (let m = 1; m <= 12; m++) {
			const day = d(`2026-${String(m).padStart(2, '0')}-01`);
			expect(formatDate(day, 'nl', 'long')).toBe(`${nl[m - 1]} 2026`);
			expect(formatDate(day, 'en', 'long')).toBe(`${en[m - 1]} 2026`);
		}
	});

	it('medium, short and iso styles', () => {
		expect(formatDate(d('2026-05-12'), 'nl', 'medium')).toBe('12 mei 2026');
		expect(formatDate(d('2026-05-12'), 'en', 'medium')).toBe('12 May 2026');
		expect(formatDate(d('2026-05-12'), 'nl', 'short')).toBe('12-05-2026');
		expect(formatDate(d('2026-05-12'), 'en', 'short')).toBe('12/05/2026');
		expect(formatDate(d('2026-01-05'), 'nl', 'short')).toBe('05-01-2026');
		expect(formatDate(d('2026-05-12'), 'en', 'iso')).toBe('2026-05-12');
	});

	it('falls back to English for other languages and rejects unknown styles', () => {
		expect(formatDate(d('2026-05-12'), 'de', 'long')).toBe('Tuesday 12 May 2026');
		expect(() => formatDate(d('2026-05-12'), 'nl', 'full' as 'long')).toThrow(RangeError);
		expect(() => formatDate(1.5, 'nl')).toThrow(RangeError);
	});
});
