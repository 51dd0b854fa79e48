/* eslint-disable @typescript-eslint/no-explicit-any -- these tests pass deliberately malformed rate tables */
import {
	calculateStatutoryInterest,
	InterestRateTableError,
	normaliseInterestRates,
	validateInterestRates,
} from '../../../nodes/shared/costs';

describe('rate table validation', () => {
	it('accepts a good table, including a 0% rate', () => {
		expect(
			validateInterestRates([
				{ from: '2024-01-01', ratePercent: 7 },
				{ from: '2024-07-01', ratePercent: 0 },
			]),
		).toEqual([]);
	});

	it('names each bad entry and what is wrong', () => {
		const problems = validateInterestRates([
			{ from: '2024-13-01', ratePercent: 7 },
			{ from: '2023-02-29', ratePercent: 4 },
			{ from: '2024-01-01', ratePercent: -1 },
			{ from: '2024-07-01', ratePercent: '7' },
			{ from: '2025-01-01', ratePercent: Number.NaN },
			{ from: '2025-07-01', ratePercent: 7.12345 },
			{ from: '2024-01-01', ratePercent: 7 },
			{ from: 20260101, ratePercent: 7 },
			null,
			{ from: '2026-01-01', ratePercent: 150 },
		] as any);
		expect(problems).toEqual([
			{ entry: 'rates[0] (from "2024-13-01")', message: 'from must be a calendar date written as YYYY-MM-DD' },
			{ entry: 'rates[1] (from "2023-02-29")', message: 'from must be a calendar date written as YYYY-MM-DD' },
			{ entry: 'rates[2] (from "2024-01-01")', message: 'ratePercent must not be negative' },
			{ entry: 'rates[3] (from "2024-07-01")', message: 'ratePercent must be a number, e.g. 7 for 7%' },
			{ entry: 'rates[4] (from "2025-01-01")', message: 'ratePercent must be a number, e.g. 7 for 7%' },
			{ entry: 'rates[5] (from "2025-07-01")', message: 'ratePercent may have at most four decimals' },
			{ entry: 'rates[6] (from "2024-01-01")', message: 'has the same date as rates[2]; keep one rate per date' },
			{ entry: 'rates[7]', message: 'from must be a calendar date written as YYYY-MM-DD' },
			{ entry: 'rates[8]', message: 'must be an object { from, ratePercent }' },
			{ entry: 'rates[9] (from "2026-01-01")', message: 'ratePercent must be a yearly percentage of at most 100' },
		]);
	});

	it('rejects an empty table or something that is not a list', () => {
		expect(validateInterestRates([])).toEqual([{ entry: 'rates', message: 'must contain at least one entry' }]);
		expect(validateInterestRates({ from: '2024-01-01', ratePercent: 7 })).toEqual([
			{ entry: 'rates', message: 'must be a list of { from, ratePercent } entries' },
		]);
	});

	it('sorts a valid table by date without changing the input', () => {
		const input = [
			{ from: '2024-07-01', ratePercent: 12.25 },
			{ from: '2023-01-01', ratePercent: 10.5 },
			{ from: '2024-01-01', ratePercent: 12.5 },
		];
		expect(normaliseInterestRates(input).map((r) => r.from)).toEqual(['2023-01-01', '2024-01-01', '2024-07-01']);
		expect(input[0].from).toBe('2024-07-01');
	});

	it('throws one error listing every problem when the calculation gets a bad table', () => {
		let error: unknown;
		try {
			calculateStatutoryInterest({
				principalCents: 100000,
				startDate: '2024-01-01',
				endDate: '2024-12-31',
				rates: [
					{ from: '2024-01-01', ratePercent: 7 },
					{ from: '2024-06-31', ratePercent: -2 },
				],
			});
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(InterestRateTableError);
		expect((error as InterestRateTableError).problems.map((p) => p.entry)).toEqual([
			'rates[1] (from "2024-06-31")',
			'rates[1] (from "2024-06-31")',
		]);
		expect((error as Error).message).toMatch(/rates\[1\] \(from "2024-06-31"\) from must be a calendar date/);
	});
});
