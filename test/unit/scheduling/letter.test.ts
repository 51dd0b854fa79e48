import { dayNumber } from '../../../nodes/shared/calendar';
import { LETTER_TERM_CLAUSES, createScheduler, fourteenDayLetterFor, letterTerm, type SchedulingSettings } from '../../../nodes/shared/scheduling';

// Presumed receipt (Hoge Raad 2016): the second day after sending, where Sundays, Mondays, general
// holidays and designated days count neither as in-between nor as delivery day. The term is 14 days
// from the day after receipt (last = receipt + 14); a last day on Saturday, Sunday or a holiday moves
// to the next working day. Letters are posted Monday-Saturday, not on holidays. Dates by hand.

function term(start: string, settings: Partial<SchedulingSettings> = {}, language: 'nl' | 'en' = 'en', register: 'u' | 'je' = 'u') {
	return letterTerm(dayNumber(start), createScheduler({ settings, language }), register);
}

function dates(start: string) {
	const t = term(start);
	return [t.sentDate, t.presumedReceiptDate, t.lastDayToPay, t.costsFromDate, t.extended];
}

describe('14-day letter: the example in the brief', () => {
	it('sent Friday 24 April 2026: received Tuesday 28 April, last day Tuesday 12 May, costs from 13 May', () => {
		const t = term('2026-04-24', {}, 'nl');
		expect(t).toMatchObject({
			sentDate: '2026-04-24',
			presumedReceiptDate: '2026-04-28',
			termStartDate: '2026-04-29',
			lastDayToPay: '2026-05-12',
			costsFromDate: '2026-05-13',
			extended: false,
			wording: 'fourteen-days-from-day-after',
		});
		expect(t.phrases.nl).toEqual({
			termClause: 'binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd',
			paySentence: 'Betaal het bedrag binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd.',
			lastDaySentence: 'Wij gaan ervan uit dat deze brief op dinsdag 28 april 2026 bij u is bezorgd. Uw laatste betaaldag is dan dinsdag 12 mei 2026.',
			costsSentence: 'Heeft u dan nog niet betaald, dan brengen wij vanaf woensdag 13 mei 2026 incassokosten in rekening.',
			sentDate: 'vrijdag 24 april 2026',
			presumedReceiptDate: 'dinsdag 28 april 2026',
			lastDayToPay: 'dinsdag 12 mei 2026',
			costsFromDate: 'woensdag 13 mei 2026',
		});
		expect(t.phrases.en.termClause).toBe('within fourteen days from the day after this letter has been delivered to you');
		expect(t.phrases.en.lastDaySentence).toBe('We assume this letter is delivered to you on Tuesday 28 April 2026. Your last day to pay is then Tuesday 12 May 2026.');
		expect(t.reasons).toEqual([
			'Vermoedelijke ontvangst dinsdag 28 april 2026: de tweede dag na verzending, zon- en maandagen en feestdagen niet meegeteld (Hoge Raad 2016).',
			'Veertien dagen vanaf de dag na ontvangst: laatste betaaldag dinsdag 12 mei 2026; incassokosten vanaf woensdag 13 mei 2026.',
		]);
	});

	it('never the invalid "within 14 days of the letter date"', () => {
		for (const clauses of Object.values(LETTER_TERM_CLAUSES)) {
			expect(clauses.nl).toMatch(/nadat deze brief bij u is bezorgd$/);
			expect(clauses.nl).not.toMatch(/dagtekening|briefdatum/);
		}
	});

	it('the fifteen-day wording prints one day more (receipt + 15)', () => {
		const t = term('2026-04-24', { letterWording: 'fifteen-days-after' }, 'nl');
		expect([t.presumedReceiptDate, t.lastDayToPay, t.costsFromDate, t.extended]).toEqual(['2026-04-28', '2026-05-13', '2026-05-14', false]);
		expect(t.phrases.nl.termClause).toBe('binnen vijftien dagen nadat deze brief bij u is bezorgd');
		// Sent Wed 1 April 2026: receipt Sat 4 April, + 15 = Sun 19 April -> Mon 20 April.
		const easter = term('2026-04-01', { letterWording: 'fifteen-days-after' });
		expect([easter.lastDayToPay, easter.extended]).toEqual(['2026-04-20', true]);
	});

	it('informal register', () => {
		const t = term('2026-04-24', {}, 'nl', 'je');
		expect(t.phrases.nl.paySentence).toBe('Betaal het bedrag binnen veertien dagen vanaf de dag nadat deze brief bij je is bezorgd.');
		expect(t.phrases.nl.lastDaySentence).toBe('We gaan ervan uit dat deze brief op dinsdag 28 april 2026 bij je is bezorgd. Je laatste betaaldag is dan dinsdag 12 mei 2026.');
	});
});

describe('letters sent on each weekday of holiday weeks', () => {
	it.each([
		// Christmas week 2026: Christmas Fri 25, Boxing Day Sat 26 December; New Year Fri 1 January 2027.
		// [start, sent, received, last day, costs from, extended]
		['2026-12-21', '2026-12-21', '2026-12-23', '2027-01-06', '2027-01-07', false], // Mon: Tue 22 (1), Wed 23 (2)
		['2026-12-22', '2026-12-22', '2026-12-24', '2027-01-07', '2027-01-08', false], // Tue: Wed (1), Thu 24 (2)
		['2026-12-23', '2026-12-23', '2026-12-29', '2027-01-12', '2027-01-13', false], // Wed: Thu 24 (1), Fri-Mon skipped, Tue 29 (2)
		['2026-12-24', '2026-12-24', '2026-12-30', '2027-01-13', '2027-01-14', false], // Thu: Tue 29 (1), Wed 30 (2)
		['2026-12-25', '2026-12-28', '2026-12-30', '2027-01-13', '2027-01-14', false], // Christmas: no post, sent Mon 28
		['2026-12-26', '2026-12-28', '2026-12-30', '2027-01-13', '2027-01-14', false], // Boxing Day: sent Mon 28
		['2026-12-27', '2026-12-28', '2026-12-30', '2027-01-13', '2027-01-14', false], // Sunday: sent Mon 28
		['2026-12-29', '2026-12-29', '2026-12-31', '2027-01-14', '2027-01-15', false], // Tue: Wed 30 (1), Thu 31 (2)
		['2026-12-30', '2026-12-30', '2027-01-02', '2027-01-18', '2027-01-19', true], // Wed: Thu 31 (1), Sat 2 Jan (2); Sat 16 -> Mon 18
		['2026-12-31', '2026-12-31', '2027-01-05', '2027-01-19', '2027-01-20', false], // Thu: Sat 2 (1), Tue 5 (2)
		// Ascension week 2026: Ascension Thu 14 May, designated Fri 15 May.
		['2026-05-11', '2026-05-11', '2026-05-13', '2026-05-27', '2026-05-28', false], // Mon: Tue (1), Wed 13 (2)
		['2026-05-12', '2026-05-12', '2026-05-16', '2026-06-01', '2026-06-02', true], // Tue: Wed (1), Sat 16 (2); Sat 30 -> Mon 1 June
		['2026-05-13', '2026-05-13', '2026-05-19', '2026-06-02', '2026-06-03', false], // Wed: Sat 16 (1), Tue 19 (2)
		['2026-05-14', '2026-05-16', '2026-05-20', '2026-06-03', '2026-06-04', false], // Ascension: no post, sent Sat 16
		['2026-05-15', '2026-05-16', '2026-05-20', '2026-06-03', '2026-06-04', false], // designated day: sent Sat 16
		['2026-05-16', '2026-05-16', '2026-05-20', '2026-06-03', '2026-06-04', false], // Sat: Tue 19 (1), Wed 20 (2)
		// Whit week 2026: Whit Monday 25 May.
		['2026-05-22', '2026-05-22', '2026-05-26', '2026-06-09', '2026-06-10', false], // Fri: Sat 23 (1), Tue 26 (2)
		['2026-05-23', '2026-05-23', '2026-05-27', '2026-06-10', '2026-06-11', false], // Sat: Tue 26 (1), Wed 27 (2)
		['2026-05-25', '2026-05-26', '2026-05-28', '2026-06-11', '2026-06-12', false], // Whit Monday: sent Tue 26
	])('start %s: sent %s, received %s, last day %s, costs from %s', (start, sent, received, last, costs, extended) => {
		expect(dates(start)).toEqual([sent, received, last, costs, extended]);
	});

	it('explains a moved sending day and an extended term', () => {
		const t = term('2026-05-14');
		expect(t.reasonCodes).toEqual(['letter-post-day', 'presumed-receipt']);
		expect(t.reasons[0]).toBe('No post on Thursday 14 May 2026: sent on Saturday 16 May 2026.');
		expect(term('2026-05-12').reasonCodes).toEqual(['presumed-receipt', 'term-extended']);
	});

	it('without Saturdays the letter waits for Monday-Friday post', () => {
		expect(term('2026-05-14', { saturdays: false }).sentDate).toBe('2026-05-18');
	});

	it('without the extension a Saturday stays the last day', () => {
		expect(term('2026-05-12', { extendLetterTerm: false })).toMatchObject({ lastDayToPay: '2026-05-30', costsFromDate: '2026-05-31', extended: false });
	});
});

describe('fourteenDayLetterFor a debtor', () => {
	const scheduler = createScheduler({ language: 'en' });

	it('uses the debtor register and refuses deceased debtors', () => {
		const informal = fourteenDayLetterFor({ debtorId: 'J', register: 'je' }, dayNumber('2026-04-24'), scheduler);
		expect(informal.status === 'scheduled' && informal.phrases.nl.termClause).toBe('binnen veertien dagen vanaf de dag nadat deze brief bij je is bezorgd');
		expect(fourteenDayLetterFor({ debtorId: 'D', flags: { deceased: true } }, dayNumber('2026-04-24'), scheduler)).toMatchObject({
			status: 'not-schedulable',
			reasonCode: 'deceased',
		});
		expect(
			fourteenDayLetterFor({ debtorId: 'M', reversals: [{ amountCents: 1, date: '2026-04-01', reasonCode: 'MD07' }] }, dayNumber('2026-04-24'), scheduler),
		).toMatchObject({ reasonCode: 'deceased' });
	});
});

describe('the same letter term for many debtors', () => {
	test('each call gets its own result objects, so changing one result never changes the next', () => {
		const scheduler = createScheduler({ language: 'nl' });
		const first = letterTerm(dayNumber('2026-07-06'), scheduler, 'u');
		first.reasons.push('changed');
		first.reasonCodes.length = 0;
		first.phrases.nl.paySentence = 'changed';
		(first as { lastDayToPay: string }).lastDayToPay = 'changed';
		const second = letterTerm(dayNumber('2026-07-06'), scheduler, 'u');
		expect(second).not.toBe(first);
		expect(second.lastDayToPay).toBe('2026-07-22');
		expect(second.reasons).not.toContain('changed');
		expect(second.reasonCodes).toContain('presumed-receipt');
		expect(second.phrases.nl.paySentence).toMatch(/^Betaal het bedrag binnen veertien dagen/);
		// Another register, day or scheduler is worked out afresh.
		expect(letterTerm(dayNumber('2026-07-06'), scheduler, 'je').phrases.nl.lastDaySentence).toMatch(/bij je is bezorgd/);
		expect(letterTerm(dayNumber('2026-07-07'), scheduler, 'u').sentDate).toBe('2026-07-07');
		expect(letterTerm(dayNumber('2026-07-06'), createScheduler({ language: 'nl', settings: { letterWording: 'fifteen-days-after' } }), 'u').wording).toBe('fifteen-days-after');
	});
});
