import {
	calculateStatutoryInterest,
	DEFAULT_INTEREST_RATES,
	DEFAULT_INTEREST_RATES_VERIFIED_UNTIL,
	InterestRateTableError,
	type InterestRateEntry,
} from '../../../nodes/shared/costs';

/** All expected amounts: base x rate x days / year length, each row rounded half away from zero. */

const rows = (result: ReturnType<typeof calculateStatutoryInterest>) =>
	result.periods.map((p) => [p.from, p.to, p.days, p.ratePercent, p.yearDays, p.baseCents, p.interestCents]);

const flat = (ratePercent: number): InterestRateEntry[] => [{ from: '2000-01-01', ratePercent }];

describe('statutory interest, art. 6:119 BW (consumers)', () => {
	it('splits at a rate change (4% -> 6% on 1 July 2023)', () => {
		// 1,000.00 from 1 June to 31 July 2023:
		// June: 100000 x 4% x 30/365 = 120000/365 = 328.77 -> 329 cents
		// July: 100000 x 6% x 31/365 = 186000/365 = 509.59 -> 510 cents
		const result = calculateStatutoryInterest({ principalCents: 100000, startDate: '2023-06-01', endDate: '2023-07-31' });
		expect(rows(result)).toEqual([
			['2023-06-01', '2023-06-30', 30, 4, 365, 100000, 329],
			['2023-07-01', '2023-07-31', 31, 6, 365, 100000, 510],
		]);
		expect(result.totalInterestCents).toBe(839);
		expect(result.totalCents).toBe(100839);
		expect(result.days).toBe(61);
		expect(result.warnings).toEqual([]);
	});

	it('adds a full year of interest to the base (compounding) across a year boundary', () => {
		// 1,000.00 from 1 March 2023 to 30 June 2024:
		// 2023-03-01..06-30: 122 d x 4%: 100000 x 0.04 x 122/365 = 1336.99 -> 1337
		// 2023-07-01..12-31: 184 d x 6%: 100000 x 0.06 x 184/365 = 3024.66 -> 3025
		// 2024-01-01..02-29:  60 d x 7% (leap year /366): 100000 x 0.07 x 60/366 = 1147.54 -> 1148
		// 1 March 2024: one full year -> base 100000 + 1337 + 3025 + 1148 = 105510
		// 2024-03-01..06-30: 122 d x 7%: 105510 x 0.07 x 122/366 = 2461.90 -> 2462
		const result = calculateStatutoryInterest({ principalCents: 100000, startDate: '2023-03-01', endDate: '2024-06-30' });
		expect(rows(result)).toEqual([
			['2023-03-01', '2023-06-30', 122, 4, 365, 100000, 1337],
			['2023-07-01', '2023-12-31', 184, 6, 365, 100000, 3025],
			['2024-01-01', '2024-02-29', 60, 7, 366, 100000, 1148],
			['2024-03-01', '2024-06-30', 122, 7, 366, 105510, 2462],
		]);
		expect(result.compoundings).toEqual([{ date: '2024-03-01', addedCents: 5510, newBaseCents: 105510 }]);
		// 1337 + 3025 + 1148 + 2462
		expect(result.totalInterestCents).toBe(7972);
	});

	it('compounds every year: 10% for three years is 100 + 110 + 121', () => {
		// 1,000.00 at 10%: 2023 -> 100.00; base 1,100.00: 2024 (366/366) -> 110.00; base 1,210.00: 2025 -> 121.00
		const result = calculateStatutoryInterest({ principalCents: 100000, startDate: '2023-01-01', endDate: '2025-12-31', rates: flat(10) });
		expect(result.periods.map((p) => p.interestCents)).toEqual([10000, 11000, 12100]);
		expect(result.compoundings).toEqual([
			{ date: '2024-01-01', addedCents: 10000, newBaseCents: 110000 },
			{ date: '2025-01-01', addedCents: 11000, newBaseCents: 121000 },
		]);
		expect(result.totalInterestCents).toBe(33100);
		// without compounding (a contract may say so): 3 x 100.00
		expect(
			calculateStatutoryInterest({
				principalCents: 100000,
				startDate: '2023-01-01',
				endDate: '2025-12-31',
				rates: flat(10),
				compound: false,
			}).totalInterestCents,
		).toBe(30000);
	});

	describe('leap years', () => {
		it('actual/actual: a full leap year earns exactly the yearly rate', () => {
			// 2024 has 366 days: 100000 x 7% x 366/366 = 7000
			const result = calculateStatutoryInterest({ principalCents: 100000, startDate: '2024-01-01', endDate: '2024-12-31' });
			expect(rows(result)).toEqual([['2024-01-01', '2024-12-31', 366, 7, 366, 100000, 7000]]);
			// the 1 July 2024 row repeats 7% and splits nothing; 2024-12-31 is within the verified range
			expect(result.warnings).toEqual([]);
		});

		it('actual/365: a leap year earns 366/365 of the rate', () => {
			// 100000 x 7% x 366/365 = 7019.18 -> 7019
			const result = calculateStatutoryInterest({
				principalCents: 100000,
				startDate: '2024-01-01',
				endDate: '2024-12-31',
				dayCount: 'actual/365',
			});
			expect(result.totalInterestCents).toBe(7019);
		});

		it('a period over a year end uses each year its own length', () => {
			// 1,000.00 at 10%, 2023-12-01..2024-01-31:
			// 31 d /365: 100000 x 0.1 x 31/365 = 849.32 -> 849; 31 d /366: 100000 x 0.1 x 31/366 = 846.99 -> 847
			const result = calculateStatutoryInterest({
				principalCents: 100000,
				startDate: '2023-12-01',
				endDate: '2024-01-31',
				rates: flat(10),
			});
			expect(rows(result)).toEqual([
				['2023-12-01', '2023-12-31', 31, 10, 365, 100000, 849],
				['2024-01-01', '2024-01-31', 31, 10, 366, 100000, 847],
			]);
		});

		it('a year that starts on 29 February ends on 28 February; compounding on 1 March', () => {
			// actual/365, 10%: 2024-02-29..2025-02-28 = 366 days: 100000 x 0.1 x 366/365 = 10027.40 -> 10027
			// base 110027 from 2025-03-01; March: 110027 x 0.1 x 31/365 = 934.47 -> 934
			const result = calculateStatutoryInterest({
				principalCents: 100000,
				startDate: '2024-02-29',
				endDate: '2025-03-31',
				rates: flat(10),
				dayCount: 'actual/365',
			});
			expect(rows(result)).toEqual([
				['2024-02-29', '2025-02-28', 366, 10, 365, 100000, 10027],
				['2025-03-01', '2025-03-31', 31, 10, 365, 110027, 934],
			]);
			expect(result.totalInterestCents).toBe(10961);
		});
	});

	it('zero days: an end before the start gives no interest', () => {
		const result = calculateStatutoryInterest({ principalCents: 100000, startDate: '2024-05-01', endDate: '2024-04-30' });
		expect(result.days).toBe(0);
		expect(result.periods).toEqual([]);
		expect(result.totalInterestCents).toBe(0);
		expect(result.totalCents).toBe(100000);
	});

	it('one day: start and end inclusive', () => {
		// 3,650.00 x 7% x 1/366 = 25550/366 = 69.81 -> 70 cents
		const result = calculateStatutoryInterest({ principalCents: 365000, startDate: '2024-05-01', endDate: '2024-05-01' });
		expect(result.days).toBe(1);
		expect(result.totalInterestCents).toBe(70);
	});

	it('rounds each row once, half away from zero', () => {
		// actual/365, 1%, one day: 18250 x 0.01 / 365 = 0.5 -> 1 cent; 18249 -> 0.49997 -> 0
		const input = { startDate: '2023-05-01', endDate: '2023-05-01', rates: flat(1), dayCount: 'actual/365' as const };
		expect(calculateStatutoryInterest({ ...input, principalCents: 18250 }).totalInterestCents).toBe(1);
		expect(calculateStatutoryInterest({ ...input, principalCents: 18249 }).totalInterestCents).toBe(0);
	});

	it('warns when the default table is used past the date it is known to be right', () => {
		// 2025 at the last known 7%: 100000 x 0.07 x 365/365 = 7000, with a warning
		const result = calculateStatutoryInterest({ principalCents: 100000, startDate: '2025-01-01', endDate: '2025-12-31' });
		expect(result.totalInterestCents).toBe(7000);
		expect(result.warnings).toHaveLength(1);
		expect(result.warnings[0]).toContain(DEFAULT_INTEREST_RATES_VERIFIED_UNTIL);
		// a user table carries no warning unless it says how far it is verified
		expect(
			calculateStatutoryInterest({ principalCents: 1, startDate: '2025-01-01', endDate: '2025-12-31', rates: flat(7) }).warnings,
		).toEqual([]);
		expect(
			calculateStatutoryInterest({
				principalCents: 1,
				startDate: '2025-01-01',
				endDate: '2025-12-31',
				rates: flat(7),
				ratesVerifiedUntil: '2025-06-30',
			}).warnings,
		).toHaveLength(1);
	});

	it('lets the user replace and extend the table (any order)', () => {
		// a (hypothetical) table: 7% from 2024, 6% from 2025; 1,000.00 over Dec 2024 + Jan 2025
		// Dec: 100000 x 0.07 x 31/366 = 592.90 -> 593; Jan: 100000 x 0.06 x 31/365 = 509.59 -> 510
		const rates = [
			{ from: '2025-01-01', ratePercent: 6 },
			{ from: '2024-01-01', ratePercent: 7 },
		];
		const result = calculateStatutoryInterest({ principalCents: 100000, startDate: '2024-12-01', endDate: '2025-01-31', rates });
		expect(result.periods.map((p) => [p.ratePercent, p.interestCents])).toEqual([
			[7, 593],
			[6, 510],
		]);
	});

	it('refuses a period the table does not cover, naming the dates', () => {
		expect(() => calculateStatutoryInterest({ principalCents: 100000, startDate: '2011-01-01', endDate: '2011-12-31' })).toThrow(
			InterestRateTableError,
		);
		expect(() => calculateStatutoryInterest({ principalCents: 100000, startDate: '2011-01-01', endDate: '2011-12-31' })).toThrow(
			/2012-07-01.*2011-01-01/,
		);
	});

	it('rejects bad dates and amounts', () => {
		expect(() => calculateStatutoryInterest({ principalCents: 100, startDate: '2024-02-30', endDate: '2024-03-01' })).toThrow(/startDate/);
		expect(() => calculateStatutoryInterest({ principalCents: 100, startDate: '2024-02-01', endDate: '1 March' })).toThrow(/endDate/);
		expect(() => calculateStatutoryInterest({ principalCents: -5, startDate: '2024-02-01', endDate: '2024-03-01' })).toThrow(
			/principalCents/,
		);
	});
});

describe('statutory interest, art. 6:119a BW (commercial)', () => {
	it('uses the commercial table: 12.5% then 12.25% from 1 July 2024', () => {
		// 10,000.00: June 2024: 1000000 x 0.125 x 30/366 = 10245.90 -> 10246
		//            July 2024: 1000000 x 0.1225 x 31/366 = 10375.68 -> 10376
		const result = calculateStatutoryInterest({
			principalCents: 1000000,
			startDate: '2024-06-01',
			endDate: '2024-07-31',
			kind: 'commercial',
		});
		expect(rows(result)).toEqual([
			['2024-06-01', '2024-06-30', 30, 12.5, 366, 1000000, 10246],
			['2024-07-01', '2024-07-31', 31, 12.25, 366, 1000000, 10376],
		]);
		expect(result.totalInterestCents).toBe(20622);
	});
});

describe('default tables', () => {
	it('hold the rates the brief and research notes give', () => {
		const at = (kind: 'consumer' | 'commercial', from: string) => DEFAULT_INTEREST_RATES[kind].find((r) => r.from === from)?.ratePercent;
		expect(at('consumer', '2024-01-01')).toBe(7);
		expect(at('consumer', '2024-07-01')).toBe(7);
		expect(at('commercial', '2024-01-01')).toBe(12.5);
		expect(at('commercial', '2024-07-01')).toBe(12.25);
	});

	it('are sorted and cannot be changed by accident', () => {
		for (const table of Object.values(DEFAULT_INTEREST_RATES)) {
			expect([...table].sort((a, b) => a.from.localeCompare(b.from))).toEqual(table);
			expect(Object.isFrozen(table)).toBe(true);
		}
	});
});
