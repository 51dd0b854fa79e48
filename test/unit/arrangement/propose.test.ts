/**
 * Arrangement proposals: at the protected floor, at the minimum instalment, the maximum term, the
 * cent-exact split, and instalment dates after the income day across months of 28 to 31 days and
 * holidays. Weekdays of 2026/2027/2028 are worked out in the comments (1 Jan 2026 Thursday,
 * 1 Jan 2027 Friday, 1 Jan 2028 Saturday).
 */
import fc from 'fast-check';

import { DEFAULT_FLOOR_NORMS, instalmentDayAfterIncome, parseFloorNorms, proposeArrangement, splitAmount, type ProposeOptions } from '../../../nodes/shared/arrangement';
import { dayNumber, getDutchCalendar, isoDate } from '../../../nodes/shared/calendar';
import type { DebtorRecord, Income } from '../../../nodes/shared/debtor/model';

const calendar = getDutchCalendar();

// The default table, written out again from the brief and research notes (not read from the code):
// 95% of the bijstandsnorm; single / single parent and couple / other (the higher, protective amount).
const FLOOR_2025 = { single: 126447, 'single-parent': 126447, couple: 180637, 'couple-with-children': 180637, other: 180637 };
const FLOOR_2021 = { single: 96790, couple: 138271 };

function debtor(income?: Partial<Income> & { netMonthlyCents?: number }, extra: Partial<DebtorRecord> = {}): DebtorRecord {
	return {
		debtorId: 'D-1',
		...(income ? { income: { type: 'salary-monthly', dayOfMonth: 25, ...income } as Income } : {}),
		household: { composition: 'single' },
		...extra,
	};
}

function propose(record: DebtorRecord, amountCents: number, options: Partial<ProposeOptions> = {}) {
	return proposeArrangement(record, { today: dayNumber('2026-06-30'), calendar, amountCents, ...options });
}

describe('the protected floor', () => {
	it('proposes nothing when the income is exactly at the floor', () => {
		const result = propose(debtor({ netMonthlyCents: FLOOR_2025.single }), 100000);
		expect(result.status).toBe('no-capacity');
		expect(result.proposals).toEqual([]);
		expect(result.capacity).toMatchObject({ incomeCents: 126447, roomCents: 0, monthlyCents: 0, source: 'income' });
		expect(result.reasons.en).toContain('No arrangement proposed: any instalment would push the income below the protected floor. Refer to debt help.');
	});

	it('proposes nothing below the floor', () => {
		expect(propose(debtor({ netMonthlyCents: 90000 }), 100000).status).toBe('no-capacity');
	});

	it('keeps every instalment within the income above the floor: room of exactly one minimum instalment', () => {
		// Income = floor + 25.00: each instalment at most 25.00, the minimum: 100.00 in 4 terms of 25.00.
		const result = propose(debtor({ netMonthlyCents: FLOOR_2025.single + 2500 }), 10000);
		expect(result.status).toBe('proposed');
		expect(result.capacity.monthlyCents).toBe(2500);
		expect(result.proposals.map((p) => [p.terms, p.instalmentCents])).toEqual([[4, 2500]]);
	});

	it('refuses when the room is one cent below the minimum instalment', () => {
		const result = propose(debtor({ netMonthlyCents: FLOOR_2025.single + 2499 }), 10000);
		expect(result.status).toBe('below-minimum-instalment');
		expect(result.reasons.en.at(-1)).toBe('No arrangement proposed: the affordable instalment (EUR 24.99) is below the minimum instalment of EUR 25.00. Refer to debt help or lower the minimum.');
	});

	it('lowers a stated capacity to the room above the floor, and says so', () => {
		const result = propose(debtor({ netMonthlyCents: FLOOR_2025.single + 5000 }), 60000, { statedCapacityCents: 20000 });
		expect(result.capacity).toMatchObject({ monthlyCents: 5000, source: 'stated-and-income', statedCents: 20000 });
		expect(Math.max(...result.proposals.flatMap((p) => p.instalments.map((i) => i.amountCents)))).toBeLessThanOrEqual(5000);
		expect(result.reasons.en).toContain('The stated EUR 200.00 a month is more than the room above the floor; an instalment is at most EUR 50.00.');
	});

	it('uses the couple amount for an unknown household (the higher floor protects)', () => {
		const unknown = propose(debtor({ netMonthlyCents: FLOOR_2025.couple + 10000 }, { household: undefined }), 50000);
		expect(unknown.capacity.floor).toMatchObject({ composition: 'other', compositionAssumed: true, monthlyCents: FLOOR_2025.other });
		expect(unknown.capacity.monthlyCents).toBe(10000);
		const single = propose(debtor({ netMonthlyCents: FLOOR_2025.couple + 10000 }, { household: { adults: 1 } }), 50000);
		expect(single.capacity.floor).toMatchObject({ composition: 'single', monthlyCents: FLOOR_2025.single });
		const parent = propose(debtor({ netMonthlyCents: 200000 }, { household: { adults: 1, children: 2 } }), 50000);
		expect(parent.capacity.floor?.composition).toBe('single-parent');
		const couple = propose(debtor({ netMonthlyCents: 200000 }, { household: { adults: 2, children: 1 } }), 50000);
		expect(couple.capacity.floor).toMatchObject({ composition: 'couple-with-children', monthlyCents: FLOOR_2025['couple-with-children'] });
	});

	it('takes the row of the table in force on the day, and warns when the table is old', () => {
		const early = proposeArrangement(debtor({ netMonthlyCents: 150000 }), { today: dayNumber('2021-06-01'), calendar, amountCents: 10000 });
		expect(early.capacity.floor).toMatchObject({ normFrom: '2021-01-01', monthlyCents: FLOOR_2021.single });
		expect(early.warnings.join(' ')).not.toMatch(/Update the table/);
		const late = propose(debtor({ netMonthlyCents: 150000 }), 10000);
		expect(late.warnings).toContain(
			'The protected floor amounts date from 2025-01-01; norms change every 1 January and 1 July. Update the table (Protected Floor Norms) from the official rekenhulp.',
		);
		expect(DEFAULT_FLOOR_NORMS.every((row) => row.approximate)).toBe(true);
	});

	it('uses the user\'s own table', () => {
		const norms = parseFloorNorms([{ from: '2026-01-01', amounts: { single: 130000, 'single-parent': 130000, couple: 186000, 'couple-with-children': 186000, other: 186000 } }]);
		const result = propose(debtor({ netMonthlyCents: 140000 }), 50000, { floorNorms: norms });
		expect(result.capacity.monthlyCents).toBe(10000);
		expect(() => parseFloorNorms([{ from: '2026-02-30', amounts: {} }])).toThrow(/floorNorms\[0\]\.from must be a date.*floorNorms\[0\]\.amounts\.single must be a whole number of cents/);
		expect(() => parseFloorNorms({})).toThrow(/must be a non-empty list/);
	});

	it('never proposes an instalment that pushes a known income below the floor (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 50000, max: 400000 }),
				fc.constantFrom('single', 'single-parent', 'couple', 'couple-with-children', 'other'),
				fc.integer({ min: 1, max: 2000000 }),
				fc.option(fc.integer({ min: 1, max: 300000 }), { nil: undefined }),
				fc.integer({ min: 100, max: 10000 }),
				fc.integer({ min: 1, max: 36 }),
				(income, composition, amount, stated, minimum, maximumTerms) => {
					const result = propose(debtor({ netMonthlyCents: income }, { household: { composition } }), amount, {
						statedCapacityCents: stated,
						minimumInstalmentCents: minimum,
						maximumTerms,
					});
					const room = income - FLOOR_2025[composition];
					for (const plan of result.proposals) {
						expect(plan.instalments.reduce((sum, i) => sum + i.amountCents, 0)).toBe(amount);
						expect(plan.terms).toBeLessThanOrEqual(maximumTerms);
						for (const instalment of plan.instalments) {
							expect(instalment.amountCents).toBeLessThanOrEqual(room);
							if (stated !== undefined) expect(instalment.amountCents).toBeLessThanOrEqual(stated);
							if (plan.terms > 1) expect(instalment.amountCents).toBeGreaterThanOrEqual(minimum);
						}
					}
					if (room <= 0) expect(result.status).toBe('no-capacity');
				},
			),
			{ numRuns: 400 },
		);
	});
});

describe('terms: minimum instalment and maximum term', () => {
	it('offers the fewest affordable terms, the most allowed, and one between', () => {
		// 1,200.00 at most 150.00 a month: at least 8 terms; the minimum 25.00 allows 48, the maximum 12.
		const result = propose(debtor(), 120000, { statedCapacityCents: 15000 });
		expect(result.proposals.map((p) => [p.terms, p.instalmentCents])).toEqual([
			[8, 15000],
			[12, 10000],
		]);
		expect(result.recommended).toBe(0);
	});

	it('stops at the minimum instalment: 100.00 in at most 4 terms of 25.00', () => {
		const result = propose(debtor(), 10000);
		expect(result.proposals.map((p) => [p.terms, p.instalments.map((i) => i.amountCents)])).toEqual([
			[1, [10000]],
			[3, [3334, 3333, 3333]],
			[4, [2500, 2500, 2500, 2500]],
		]);
		// Without capacity information the middle plan is recommended, with a warning in the reasons.
		expect(result.recommended).toBe(1);
		expect(result.reasons.en[0]).toMatch(/^No income or capacity known/);
	});

	it('allows a single payment below the minimum instalment for a small amount', () => {
		expect(propose(debtor(), 1999).proposals.map((p) => [p.terms, p.instalmentCents])).toEqual([[1, 1999]]);
	});

	it('refuses a plan longer than the maximum term, and allows longer with debt help', () => {
		const plain = propose(debtor(), 300000, { statedCapacityCents: 10000 });
		expect(plain.status).toBe('exceeds-maximum-term');
		expect(plain.reasons.en.at(-1)).toBe(
			'No arrangement proposed: at EUR 100.00 a month it takes 30 terms, more than the maximum of 12. Refer to debt help; with debt help the term can be longer.',
		);
		const helped = propose(debtor(undefined, { flags: { debtHelp: true } }), 300000, { statedCapacityCents: 10000, maximumTermsWithDebtHelp: 36 });
		expect(helped.status).toBe('proposed');
		expect(helped.maximumTerms).toBe(36);
		expect(helped.proposals[0].terms).toBe(30);
	});

	it('splits to the cent: the first terms carry the remainder', () => {
		expect(splitAmount(100000, 3)).toEqual([33334, 33333, 33333]);
		expect(splitAmount(100001, 3)).toEqual([33334, 33334, 33333]);
		expect(splitAmount(500, 5)).toEqual([100, 100, 100, 100, 100]);
	});

	it('says there is nothing to arrange for zero', () => {
		expect(propose(debtor(), 0).status).toBe('nothing-to-arrange');
	});

	it('rejects impossible options, naming them', () => {
		expect(() => propose(debtor(), 100, { maximumTerms: 0 })).toThrow('must be a whole number from 1 to 120');
		try {
			propose(debtor(), 100, { minimumInstalmentCents: 0 });
		} catch (error) {
			expect((error as { field: string }).field).toBe('minimumInstalment');
		}
	});
});

describe('instalment dates after the income day', () => {
	const dates = (income: Partial<Income>, today: string, terms: number, delay = 1) =>
		proposeArrangement(debtor(income), { today: dayNumber(today), calendar, amountCents: terms * 10000, statedCapacityCents: 10000, minimumInstalmentCents: 10000, maximumTerms: terms, paymentDelayWorkingDays: delay, firstInstalmentAfterDays: 0 })
			.proposals[0].instalments.map((i) => [i.incomeDate, i.dueDate]);

	it('follows months of 28, 30 and 31 days for income on the 31st (bijstand at month end), 2027', () => {
		// 31 Jan 2027 is a Sunday: income Fri 29 Jan, instalment Mon 1 Feb. 28 Feb (Sunday): income Fri 26
		// Feb, instalment Mon 1 Mar. 31 Mar (Wednesday) -> Thu 1 Apr. 30 Apr (Friday) -> Mon 3 May.
		// 31 May (Monday) -> Tue 1 Jun. 30 Jun (Wednesday) -> Thu 1 Jul.
		expect(dates({ type: 'bijstand', dayOfMonth: 31 }, '2027-01-04', 6)).toEqual([
			['2027-01-29', '2027-02-01'],
			['2027-02-26', '2027-03-01'],
			['2027-03-31', '2027-04-01'],
			['2027-04-30', '2027-05-03'],
			['2027-05-31', '2027-06-01'],
			['2027-06-30', '2027-07-01'],
		]);
	});

	it('uses 29 February in a leap year', () => {
		// 29 Feb 2028 is a Tuesday: instalment Wed 1 Mar. 31 Jan 2028 is a Monday: instalment Tue 1 Feb.
		expect(dates({ type: 'bijstand', dayOfMonth: 31 }, '2028-01-03', 2)).toEqual([
			['2028-01-31', '2028-02-01'],
			['2028-02-29', '2028-03-01'],
		]);
	});

	it('moves past holidays on and after the income day', () => {
		// Salary on the 25th. 25 Dec 2026 (Friday) is Christmas: no bank day, so the salary comes on Thu
		// 24 Dec; one working day later is Fri 25 Dec (holiday), then the weekend: Mon 28 Dec (26 Dec is
		// a Saturday). Jan 2027: 25 Jan is a Monday -> Tue 26 Jan.
		expect(dates({ dayOfMonth: 25 }, '2026-12-01', 2)).toEqual([
			['2026-12-24', '2026-12-28'],
			['2027-01-25', '2027-01-26'],
		]);
		// Income on King's Day (Mon 27 Apr 2026): banks are open, so the money comes that day; the
		// instalment goes on Tue 28 Apr (King's Day is no working day, but the day after is).
		expect(dates({ dayOfMonth: 27 }, '2026-04-01', 1)).toEqual([['2026-04-27', '2026-04-28']]);
		// Income on Mon 4 May 2026: the next working day, Tue 5 May, is Liberation Day: Wed 6 May.
		expect(dates({ dayOfMonth: 4 }, '2026-05-01', 1)).toEqual([['2026-05-04', '2026-05-06']]);
		// Income on Thu 30 Apr 2026: Fri 1 May is a working day but banks are closed (no direct debit): Mon 4 May.
		expect(dates({ dayOfMonth: 30 }, '2026-04-01', 1)).toEqual([['2026-04-30', '2026-05-04']]);
		// Income on Good Friday 3 Apr 2026: banks closed, so Thu 2 Apr; then Good Friday and Easter Monday
		// are no working days: Tue 7 Apr.
		expect(dates({ dayOfMonth: 3 }, '2026-03-20', 1)).toEqual([['2026-04-02', '2026-04-07']]);
	});

	it('follows a four-weekly salary from its anchor, one term per pay period', () => {
		// Anchor Fri 3 Jul 2026, then every 28 days: 31 Jul, 28 Aug (Fridays); instalments the Monday after.
		expect(dates({ type: 'salary-four-weekly', anchorDate: '2026-07-03', dayOfMonth: undefined }, '2026-07-01', 3)).toEqual([
			['2026-07-03', '2026-07-06'],
			['2026-07-31', '2026-08-03'],
			['2026-08-28', '2026-08-31'],
		]);
	});

	it('waits the agreed days before the first instalment and applies the payment delay', () => {
		// Today Tue 30 Jun 2026, first not before 7 Jul: income 25 Jul (Saturday) -> Fri 24 Jul; 3 working days later: Wed 29 Jul.
		const result = proposeArrangement(debtor({ dayOfMonth: 25 }), { today: dayNumber('2026-06-30'), calendar, amountCents: 10000, paymentDelayWorkingDays: 3 });
		expect(result.proposals[0].instalments[0]).toMatchObject({ incomeDate: '2026-07-24', dueDate: '2026-07-29' });
		expect(result.proposals[0].agreedOn).toBe('2026-06-30');
	});

	it('assumes the 25th for an unknown income, and says so', () => {
		const result = proposeArrangement(debtor(undefined), { today: dayNumber('2026-06-30'), calendar, amountCents: 10000 });
		expect(result.proposals[0].instalments[0]).toMatchObject({ incomeDate: '2026-07-24', incomeAssumed: true });
		expect(result.warnings).toContain('The income day is not known: instalment dates assume income on the fallback day of the income calendar (default the 25th).');
	});

	it('puts every instalment on a working day that is a bank business day (property over 2026-2030)', () => {
		fc.assert(
			fc.property(fc.integer({ min: dayNumber('2026-01-01'), max: dayNumber('2030-12-31') }), fc.integer({ min: 0, max: 3 }), (income, delay) => {
				const day = instalmentDayAfterIncome(income, delay, calendar);
				expect(calendar.isWorkingDay(day) && calendar.isBankBusinessDay(day)).toBe(true);
				// At least `delay` working days after the income day, and not later than needed.
				let count = 0;
				for (let d = income + 1; d <= day; d++) if (calendar.isWorkingDay(d)) count++;
				expect(count).toBeGreaterThanOrEqual(delay);
				for (let d = income; d < day; d++) {
					let before = 0;
					for (let e = income + 1; e <= d; e++) if (calendar.isWorkingDay(e)) before++;
					if (d > income || delay === 0) expect(before >= delay && calendar.isWorkingDay(d) && calendar.isBankBusinessDay(d)).toBe(false);
				}
				return isoDate(day) > isoDate(income - 1);
			}),
			{ numRuns: 300 },
		);
	});
});
