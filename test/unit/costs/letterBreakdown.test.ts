import { calculateLetterBreakdown, CollectionCostsInputError } from '../../../nodes/shared/costs';
import type { DebtorRecord } from '../../../nodes/shared/debtor/model';

describe('14-day letter breakdown', () => {
	const consumerInput = {
		debtorType: 'consumer' as const,
		creditorCanDeductVat: false,
		claims: [
			{ claimId: 'C-1', openCents: 30000, dueDate: '2024-01-10' },
			{ claimId: 'C-2', openCents: 70000, dueDate: '2024-02-10' },
			{ claimId: 'C-3', openCents: 50000, dueDate: '2024-01-10', disputed: true },
		],
		interest: { until: '2024-06-30' },
	};

	it('adds principal, costs with VAT and interest per claim into a grand total', () => {
		// principal: 300 + 700 = 1,000.00 (C-3 is disputed) -> costs 150.00 + 21% VAT 31.50 = 181.50
		// C-1: from 2024-01-11 to 2024-06-30 = 21 + 29 + 31 + 30 + 31 + 30 = 172 days:
		//      30000 x 0.07 x 172/366 = 986.89 -> 987
		// C-2: from 2024-02-11 to 2024-06-30 = 19 + 31 + 30 + 31 + 30 = 141 days:
		//      70000 x 0.07 x 141/366 = 1887.70 -> 1888
		// interest 987 + 1888 = 2875; grand total 100000 + 18150 + 2875 = 121025
		const letter = calculateLetterBreakdown(consumerInput);
		expect(letter.principalTotalCents).toBe(100000);
		expect([letter.costsExclVatCents, letter.vatCents, letter.costsInclVatCents]).toEqual([15000, 3150, 18150]);
		expect(letter.interest?.kind).toBe('consumer');
		expect(letter.interest?.perClaim.map((c) => [c.claimId, c.startDate, c.result.days, c.result.totalInterestCents])).toEqual([
			['C-1', '2024-01-11', 172, 987],
			['C-2', '2024-02-11', 141, 1888],
		]);
		expect(letter.interestTotalCents).toBe(2875);
		expect(letter.grandTotalCents).toBe(121025);
		expect(letter.sentenceKeys).toContain('costs.vatNotDeductible');
		expect(letter.warnings).toEqual([]);
	});

	it('gives lines a letter can quote word for word', () => {
		const letter = calculateLetterBreakdown(consumerInput);
		expect(letter.explanation.nl).toEqual([
			'Openstaande hoofdsom: EUR 1.000,00 (2 vorderingen)',
			'15% over de eerste EUR 1.000,00: EUR 150,00',
			'Incassokosten exclusief btw: EUR 150,00',
			'Wij kunnen de btw niet verrekenen; daarom komt er 21% btw bij: EUR 31,50',
			'Incassokosten inclusief btw: EUR 181,50',
			'Wettelijke rente vordering C-1: 7% over EUR 300,00 van 11 januari 2024 t/m 30 juni 2024 (172 dagen): EUR 9,87',
			'Wettelijke rente vordering C-2: 7% over EUR 700,00 van 11 februari 2024 t/m 30 juni 2024 (141 dagen): EUR 18,88',
			'Wettelijke rente totaal: EUR 28,75',
			'Totaal te betalen: EUR 1.210,25',
		]);
		expect(letter.explanation.en.slice(-3)).toEqual([
			'Statutory interest claim C-2: 7% on EUR 700.00 from 11 February 2024 to 30 June 2024 inclusive (141 days): EUR 18.88',
			'Statutory interest in total: EUR 28.75',
			'Total to pay: EUR 1,210.25',
		]);
	});

	it('without explanation (explain: false) gives the same figures and no lines', () => {
		const full = calculateLetterBreakdown(consumerInput);
		const figures = calculateLetterBreakdown(consumerInput, { explain: false });
		expect(figures.explanation).toEqual({ nl: [], en: [] });
		expect(figures.costs.explanation).toEqual({ nl: [], en: [] });
		const withoutLines = (letter: typeof full) => ({ ...letter, explanation: undefined, costs: { ...letter.costs, explanation: undefined } });
		expect(withoutLines(figures)).toEqual(withoutLines(full));
	});

	it('quotes a compounding step', () => {
		// 1,000.00 at a flat 10% from 2023-01-01 to 2024-01-31: 2023 -> 100.00; base 1,100.00;
		// Jan 2024: 110000 x 0.1 x 31/366 = 931.69 -> 932
		const letter = calculateLetterBreakdown({
			claims: [{ claimId: 'R', openCents: 100000, defaultDate: '2023-01-01' }],
			interest: { until: '2024-01-31', rates: [{ from: '2020-01-01', ratePercent: 10 }] },
		});
		expect(letter.interestTotalCents).toBe(10932);
		expect(letter.explanation.nl).toContain(
			'Op 1 januari 2024 is de rente van het afgelopen jaar (EUR 100,00) bij het bedrag opgeteld; de rente loopt daarna over EUR 1.100,00',
		);
		expect(letter.explanation.nl).toContain(
			'Wettelijke rente vordering R: 10% over EUR 1.100,00 van 1 januari 2024 t/m 31 januari 2024 (31 dagen): EUR 9,32',
		);
	});

	it('uses the commercial rate and the flat fee for a business debtor', () => {
		// costs: 1 claim x 40.00; interest 10,000.00 June + July 2024: 10246 + 10376 = 20622 (see interest tests)
		// grand total 1000000 + 4000 + 20622 = 1024622
		const letter = calculateLetterBreakdown({
			debtorType: 'business',
			claims: [{ claimId: 'B-1', openCents: 1000000, dueDate: '2024-05-31' }],
			interest: { until: '2024-07-31' },
		});
		expect(letter.interest?.kind).toBe('commercial');
		expect(letter.costsInclVatCents).toBe(4000);
		expect(letter.interestTotalCents).toBe(20622);
		expect(letter.grandTotalCents).toBe(1024622);
	});

	it('works without interest', () => {
		const letter = calculateLetterBreakdown({ claims: [{ openCents: 50000 }] });
		expect(letter.interest).toBeNull();
		// 500.00 + 75.00
		expect(letter.grandTotalCents).toBe(57500);
		expect(letter.explanation.nl[letter.explanation.nl.length - 1]).toBe('Totaal te betalen: EUR 575,00');
	});

	it('needs a default or due date for interest', () => {
		expect(() => calculateLetterBreakdown({ claims: [{ claimId: 'X', openCents: 50000 }], interest: { until: '2024-06-30' } })).toThrow(
			CollectionCostsInputError,
		);
		expect(() =>
			calculateLetterBreakdown({ claims: [{ openCents: 50000, dueDate: '2024-01-01' }], interest: { until: '30-06-2024' } }),
		).toThrow(/interest\.until/);
	});
});

describe('debtor model compatibility', () => {
	it('takes the claims of a debtor record as they are', () => {
		const debtor: DebtorRecord = {
			debtorId: 'D-1',
			debtorType: 'consumer',
			claims: [{ claimId: 'C-1', principalCents: 80000, openCents: 50000, invoiceDate: '2024-01-01', dueDate: '2024-01-31' }],
		};
		// the open 500.00 counts, not the 800.00 invoiced: 15% = 75.00
		const letter = calculateLetterBreakdown({ debtorType: debtor.debtorType, claims: debtor.claims ?? [] });
		expect(letter.costsInclVatCents).toBe(7500);
	});
});
