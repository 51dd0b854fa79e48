import { dayNumber } from '../../../nodes/shared/calendar';
import type { DebtorRecord, Reversal } from '../../../nodes/shared/debtor/model';
import {
	createScheduler,
	directDebitCollectionDate,
	isoWeekIndex,
	type DirectDebitSchedule,
	type NotSchedulable,
	type SchedulingSettings,
} from '../../../nodes/shared/scheduling';

// Collection dates by hand: TARGET2 closed on weekends, 1 Jan, Good Friday, Easter Monday, 1 May,
// 25/26 Dec; pre-notification >= 14 calendar days before on a contact day (no Sunday or holiday).

const base: DebtorRecord = {
	debtorId: 'D-DD',
	paymentMethod: 'direct-debit',
	iban: 'NL91ABNA0417164300',
	income: { type: 'salary-monthly', dayOfMonth: 25 },
};

function collect(today: string, record: Partial<DebtorRecord> = {}, settings: Partial<SchedulingSettings> = {}, language: 'nl' | 'en' = 'en') {
	return directDebitCollectionDate({ ...base, ...record }, dayNumber(today), createScheduler({ settings, language }));
}

function scheduled(result: DirectDebitSchedule | NotSchedulable): DirectDebitSchedule {
	if (result.status !== 'scheduled') throw new Error(`not scheduled: ${result.reasonCode}`);
	return result;
}

function reversal(date: string, reasonCode: string): Reversal {
	return { amountCents: 4500, date, reasonCode };
}

describe('collection date after payday', () => {
	it('1 bank business day after the salary (Fri 24 July 2026) = Mon 27 July; notice by Mon 13 July', () => {
		const result = scheduled(collect('2026-06-30'));
		expect(result).toMatchObject({
			collectionDate: '2026-07-27',
			preNotificationDate: '2026-07-13',
			preNotificationDays: 14,
			basis: 'income',
			representation: false,
			reversal: null,
			expectedIncome: { date: '2026-07-24', type: 'salary-monthly', source: 'salary-monthly/record-day', assumed: false },
			signals: [],
		});
		expect(result.reasons).toEqual([
			'Collection 1 bank business day(s) after the expected income on Friday 24 July 2026: Monday 27 July 2026. (Saturday 25 July 2026 is not a bank business day: the money arrives the bank business day before.)',
			'Send the pre-notification by Monday 13 July 2026 (at least 14 calendar days before the collection).',
		]);
	});

	it("bank days, not Dutch working days: King's Day and Whit Monday are TARGET2 business days", () => {
		// Salary Fri 24 April 2026 + 1 bank day = Mon 27 April (King's Day, banks open).
		expect(scheduled(collect('2026-04-01')).collectionDate).toBe('2026-04-27');
		// Salary Fri 22 May (day 22) + 1 = Mon 25 May (Whit Monday, banks open).
		expect(scheduled(collect('2026-05-01', { income: { type: 'salary-monthly', dayOfMonth: 22 } })).collectionDate).toBe('2026-05-25');
		// Salary Thu 30 April + 1 = Mon 4 May (Fri 1 May is closed).
		expect(scheduled(collect('2026-04-01', { income: { type: 'salary-monthly', dayOfMonth: 30 } })).collectionDate).toBe('2026-05-04');
		// Salary Thu 24 Dec 2026 + 1 = Mon 28 Dec (Christmas and Boxing Day closed).
		expect(scheduled(collect('2026-12-01')).collectionDate).toBe('2026-12-28');
	});

	it('a configurable offset', () => {
		expect(scheduled(collect('2026-06-30', {}, { collectionOffsetDays: 3 })).collectionDate).toBe('2026-07-29');
		expect(scheduled(collect('2026-06-30', {}, { collectionOffsetDays: 0 })).collectionDate).toBe('2026-07-24');
	});

	it('the pre-notification would be in the past: the next cycle, not any later day', () => {
		const result = scheduled(collect('2026-07-15'));
		expect(result.collectionDate).toBe('2026-08-26'); // salary Tue 25 Aug + 1
		expect(result.preNotificationDate).toBe('2026-08-12');
		expect(result.reasonCodes).toContain('pre-notification-too-late');
		// The last day that still works for July: 13 July.
		expect(scheduled(collect('2026-07-13')).collectionDate).toBe('2026-07-27');
		expect(scheduled(collect('2026-07-14')).collectionDate).toBe('2026-08-26');
	});

	it('a shorter agreed pre-notification period', () => {
		const result = scheduled(collect('2026-07-15', {}, { preNotificationDays: 5 }));
		expect(result).toMatchObject({ collectionDate: '2026-07-27', preNotificationDate: '2026-07-22', preNotificationDays: 5 });
	});

	it('the pre-notification goes out on a contact day: not on a holiday or Sunday, Saturday only if allowed', () => {
		// Chosen day 11: Mon 11 May 2026; 14 days before is Mon 27 April, King's Day -> Sat 25 April.
		const result = scheduled(collect('2026-04-10', { preferredCollectionDay: 11 }));
		expect(result).toMatchObject({ collectionDate: '2026-05-11', preNotificationDate: '2026-04-25', basis: 'preferred-day' });
		expect(scheduled(collect('2026-04-10', { preferredCollectionDay: 11 }, { saturdays: false })).preNotificationDate).toBe('2026-04-24');
		// Chosen day 29: Fri 29 May; 14 days before is Fri 15 May (designated) -> Wed 13 May (Ascension on the 14th).
		expect(scheduled(collect('2026-05-01', { preferredCollectionDay: 29 })).preNotificationDate).toBe('2026-05-13');
		// Today is Sunday 26 April: the only days left for 11 May are Sunday and King's Day -> next month.
		const late = scheduled(collect('2026-04-26', { preferredCollectionDay: 11 }));
		expect(late).toMatchObject({ collectionDate: '2026-06-11', preNotificationDate: '2026-05-28' });
	});
});

describe('the day the debtor chose (flex-incasso)', () => {
	it.each([
		// [today, chosen day, collection, notice by]
		['2026-06-30', 28, '2026-07-28', '2026-07-14'],
		['2026-06-30', 1, '2026-08-03', '2026-07-20'], // 1 July too soon; Sat 1 Aug -> Mon 3 Aug
		['2026-08-20', 31, '2026-09-30', '2026-09-16'], // the 31st in September is the 30th
		['2026-03-20', 3, '2026-04-07', '2026-03-24'], // Good Friday 3 April -> Tue 7 April (Easter Monday closed)
		['2026-12-01', 25, '2026-12-28', '2026-12-14'], // Christmas and Boxing Day closed -> Mon 28 Dec
	])('today %s, day %d -> %s (notice by %s)', (today, day, collection, notice) => {
		const result = scheduled(collect(today, { preferredCollectionDay: day }));
		expect([result.collectionDate, result.preNotificationDate, result.basis]).toEqual([collection, notice, 'preferred-day']);
	});

	it('ignored when switched off', () => {
		expect(scheduled(collect('2026-06-30', { preferredCollectionDay: 28 }, { usePreferredCollectionDay: false })).collectionDate).toBe('2026-07-27');
	});
});

describe('reversals (stornos) by SEPA reason code', () => {
	it('AM04: re-present after the next income, never before it', () => {
		const result = scheduled(collect('2026-06-30', { reversals: [reversal('2026-06-26', 'AM04')] }));
		expect(result).toMatchObject({
			collectionDate: '2026-07-27',
			representation: true,
			reversal: { reasonCode: 'AM04', date: '2026-06-26' },
			signals: ['insufficient-funds-reversal'],
		});
		expect(result.reasons[0]).toBe(
			'Re-presenting after the AM04 reversal (insufficient funds) of Friday 26 June 2026: only after the next expected income (Friday 24 July 2026) and not in the same week as the reversal.',
		);
	});

	it('AM04 just before payday: not on the old cycle even though it is in the future', () => {
		// Reversal Mon 20 July; today 21 July with a 2-day agreed notice: 27 July is after the 24 July income.
		expect(scheduled(collect('2026-07-10', { reversals: [reversal('2026-07-20', 'AM04')] }, { preNotificationDays: 2 })).collectionDate).toBe('2026-07-27');
		// Reversal Mon 27 July (after the 24 July income): wait for Tue 25 August -> Wed 26 August.
		expect(scheduled(collect('2026-07-28', { reversals: [reversal('2026-07-27', 'AM04')] }, { preNotificationDays: 2 })).collectionDate).toBe('2026-08-26');
	});

	it('AM04: never in the same ISO week as the reversal', () => {
		// Reversal Mon 24 Aug 2026, salary Tue 25 Aug, +1 = Wed 26 Aug: same week -> Mon 31 Aug.
		const result = scheduled(collect('2026-08-24', { reversals: [reversal('2026-08-24', 'AM04')] }, { preNotificationDays: 2 }));
		expect(result.collectionDate).toBe('2026-08-31');
		expect(isoWeekIndex(dayNumber('2026-08-24'))).toBe(isoWeekIndex(dayNumber('2026-08-30'))); // Mon..Sun one week
		expect(isoWeekIndex(dayNumber('2026-08-31'))).toBe(isoWeekIndex(dayNumber('2026-08-24')) + 1);
	});

	it('AM04 with a chosen day: the chosen day after the next income', () => {
		expect(scheduled(collect('2026-07-29', { preferredCollectionDay: 28, reversals: [reversal('2026-07-28', 'AM04')] })).collectionDate).toBe(
			'2026-08-28',
		);
		// Chosen day 20 falls before the 25 August income: September, Sun 20 -> Mon 21.
		expect(scheduled(collect('2026-07-29', { preferredCollectionDay: 20, reversals: [reversal('2026-07-28', 'AM04')] })).collectionDate).toBe(
			'2026-09-21',
		);
	});

	it('MD07: debtor deceased, stop immediately', () => {
		expect(collect('2026-06-30', { reversals: [reversal('2026-06-26', 'MD07')] })).toMatchObject({
			status: 'not-schedulable',
			reasonCode: 'deceased',
			action: 'stop-all',
		});
		// Even when an older MD07 is followed by other reversals or payments.
		expect(
			collect('2026-06-30', {
				reversals: [reversal('2026-01-26', 'MD07'), reversal('2026-06-26', 'AM04')],
				payments: [{ amountCents: 4500, date: '2026-03-01', method: 'direct-debit' }],
			}),
		).toMatchObject({ reasonCode: 'deceased' });
		expect(collect('2026-06-30', { flags: { deceased: true } })).toMatchObject({ reasonCode: 'deceased' });
	});

	it('AC04: account closed, stop and ask for a new mandate', () => {
		const result = collect('2026-06-30', { reversals: [reversal('2026-06-26', 'AC04')] });
		expect(result).toMatchObject({ status: 'not-schedulable', reasonCode: 'account-closed', action: 'new-mandate', signals: [] });
		expect(result.reasons[0]).toContain('Do not re-present');
	});

	it('AC06: account blocked, pause and raise the distress signal', () => {
		expect(collect('2026-06-30', { reversals: [reversal('2026-06-26', 'AC06')] })).toMatchObject({
			status: 'not-schedulable',
			reasonCode: 'account-blocked',
			action: 'pause',
			signals: ['blocked-account'],
		});
	});

	it.each(['MD06', 'MS02'])('%s: no re-presentation, ask the debtor (possible dispute)', (code) => {
		const result = collect('2026-06-30', { reversals: [reversal('2026-06-26', code)] }, {}, 'nl');
		expect(result).toMatchObject({ status: 'not-schedulable', reasonCode: 'refund-or-refusal', action: 'ask-debtor', signals: ['possible-dispute'] });
		expect(result.reasons[0]).toContain('Niet opnieuw incasseren');
	});

	it('MS03: re-present once after the next income, the second time ask', () => {
		expect(scheduled(collect('2026-06-30', { reversals: [reversal('2026-06-26', 'MS03')] })).collectionDate).toBe('2026-07-27');
		expect(collect('2026-08-01', { reversals: [reversal('2026-06-26', 'MS03'), reversal('2026-07-27', 'MS03')] })).toMatchObject({
			reasonCode: 'repeated-reversal',
			action: 'ask-debtor',
		});
	});

	it.each(['AC01', 'AG01', 'SL01', 'XX99'])('%s: check the account and mandate first', (code) => {
		expect(collect('2026-06-30', { reversals: [reversal('2026-06-26', code)] })).toMatchObject({ reasonCode: 'check-mandate', action: 'check-data' });
	});

	it('only the latest reversal counts, and only until a later successful direct debit', () => {
		expect(collect('2026-06-30', { reversals: [reversal('2026-05-26', 'AM04'), reversal('2026-06-26', 'MD06')] })).toMatchObject({
			reasonCode: 'refund-or-refusal',
		});
		expect(scheduled(collect('2026-06-30', { reversals: [reversal('2026-05-26', 'MD06'), reversal('2026-06-26', 'AM04')] })).representation).toBe(true);
		const resolved = collect('2026-06-30', {
			reversals: [reversal('2026-03-26', 'AC04')],
			payments: [{ amountCents: 4500, date: '2026-04-27', method: 'direct-debit' }],
		});
		expect(scheduled(resolved)).toMatchObject({ collectionDate: '2026-07-27', representation: false, reversal: null });
		// A bank transfer does not show that the mandate works again.
		expect(
			collect('2026-06-30', { reversals: [reversal('2026-03-26', 'AC04')], payments: [{ amountCents: 4500, date: '2026-04-27', method: 'bank-transfer' }] }),
		).toMatchObject({ reasonCode: 'account-closed' });
	});
});

describe('no mandate', () => {
	it('bank transfer payers get no collection date; an IBAN without a payment method is enough', () => {
		expect(collect('2026-06-30', { paymentMethod: 'bank-transfer' })).toMatchObject({ reasonCode: 'no-mandate', action: 'payment-link' });
		expect(collect('2026-06-30', { paymentMethod: undefined, iban: undefined })).toMatchObject({ reasonCode: 'no-mandate' });
		expect(scheduled(collect('2026-06-30', { paymentMethod: undefined })).collectionDate).toBe('2026-07-27');
	});
});

describe('income types', () => {
	it.each([
		[{ type: 'aow' }, '2026-07-24'], // Thu 23 July + 1
		// WW: 8th bank day of July is Fri 10 July, + 1 = Mon 13 July, but notice by 29 June has passed:
		// August's 8th bank day Wed 12 Aug (3-7, 10-12) + 1 = Thu 13 Aug.
		[{ type: 'ww' }, '2026-08-13'],
		[{ type: 'bijstand' }, '2026-08-03'], // Fri 31 July + 1 = Mon 3 Aug
		[{ type: 'unknown' }, '2026-07-27'],
		[undefined, '2026-07-27'],
	])('%j -> %s', (income, collection) => {
		const result = scheduled(collect('2026-06-30', { income: income as DebtorRecord['income'] }));
		expect(result.collectionDate).toBe(collection);
	});

	it('an unknown income is marked assumed', () => {
		expect(scheduled(collect('2026-06-30', { income: undefined })).expectedIncome).toMatchObject({ assumed: true, source: 'unknown/fallback-day' });
	});
});
