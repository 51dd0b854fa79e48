/* eslint-disable @typescript-eslint/no-explicit-any -- some tests pass deliberately malformed input */
import {
	calculateCollectionCosts,
	CollectionCostsInputError,
	type CollectionCostsResult,
	type CostClaim,
} from '../../../nodes/shared/costs';

const one = (openCents: number): CostClaim[] => [{ claimId: 'C-1', openCents }];
const many = (count: number, openCents: number): CostClaim[] =>
	Array.from({ length: count }, (_, i) => ({ claimId: `C-${i + 1}`, openCents }));

describe('VAT when the creditor cannot deduct it (Besluit art. 2 lid 3)', () => {
	// [principal, costs excl. VAT, VAT at 21%, incl. VAT], VAT = 21% of the costs, rounded once.
	const TABLE: Array<[number, number, number, number]> = [
		[10000, 4000, 840, 4840], // minimum: 40.00 x 0.21 = 8.40 -> 48.40
		[26667, 4000, 840, 4840], // 40.00 (see bik-scale) -> 48.40
		[50000, 7500, 1575, 9075], // 75.00 x 0.21 = 15.75
		[100000, 15000, 3150, 18150], // 150.00 x 0.21 = 31.50
		[250000, 37500, 7875, 45375], // 375.00 x 0.21 = 78.75
		[500000, 62500, 13125, 75625], // 625.00 x 0.21 = 131.25
		[1000000, 87500, 18375, 105875], // 875.00 x 0.21 = 183.75
		[20000000, 277500, 58275, 335775], // 2,775.00 x 0.21 = 582.75
		[100000000, 677500, 142275, 819775], // 6,775.00 x 0.21 = 1,422.75 -> 8,197.75
		[500000000, 677500, 142275, 819775], // above the cap: still 8,197.75
		[27000, 4050, 851, 4901], // 270.00 -> 40.50; 40.50 x 0.21 = 8.505 -> half away -> 8.51
	];
	it.each(TABLE)('principal %i cents', (principal, excl, vat, incl) => {
		const result = calculateCollectionCosts({ claims: one(principal), creditorCanDeductVat: false });
		expect(result.costsExclVatCents).toBe(excl);
		expect(result.vatCents).toBe(vat);
		expect(result.costsInclVatCents).toBe(incl);
		expect(result.vatAdded).toBe(true);
		expect(result.vatRatePercent).toBe(21);
		expect(result.sentenceKeys).toContain('costs.vatNotDeductible');
	});

	it('uses the VAT rate parameter', () => {
		// 1,000.00 -> 150.00; 9% = 13.50 -> 163.50. Minimum: 40.00 + 3.60 = 43.60.
		expect(calculateCollectionCosts({ claims: one(100000), creditorCanDeductVat: false, vatRatePercent: 9 }).costsInclVatCents).toBe(16350);
		expect(calculateCollectionCosts({ claims: one(10000), creditorCanDeductVat: false, vatRatePercent: 9 }).costsInclVatCents).toBe(4360);
	});

	it('adds no VAT and no letter sentence when the creditor can deduct VAT (the default)', () => {
		const result = calculateCollectionCosts({ claims: one(100000) });
		expect(result.vatAdded).toBe(false);
		expect(result.vatRatePercent).toBeNull();
		expect(result.sentenceKeys).not.toContain('costs.vatNotDeductible');
	});

	it('explains VAT in both languages', () => {
		const result = calculateCollectionCosts({ claims: one(100000), creditorCanDeductVat: false });
		expect(result.explanation.nl).toEqual([
			'Openstaande hoofdsom: EUR 1.000,00 (1 vordering)',
			'15% over de eerste EUR 1.000,00: EUR 150,00',
			'Incassokosten exclusief btw: EUR 150,00',
			'Wij kunnen de btw niet verrekenen; daarom komt er 21% btw bij: EUR 31,50',
			'Incassokosten inclusief btw: EUR 181,50',
		]);
		expect(result.explanation.en).toEqual([
			'Outstanding principal: EUR 1,000.00 (1 claim)',
			'15% of the first EUR 1,000.00: EUR 150.00',
			'Collection costs excluding VAT: EUR 150.00',
			'We cannot deduct VAT, so 21% VAT is added: EUR 31.50',
			'Collection costs including VAT: EUR 181.50',
		]);
	});
});

describe('consumer scale over the summed principal of open claims', () => {
	it('adds the open principal of all claims before applying the scale', () => {
		// 300 + 700 = 1,000.00 -> 150.00 (not 45 + 105 computed apart, and not 40 + 105 with a minimum each)
		const result = calculateCollectionCosts({
			claims: [
				{ claimId: 'A', openCents: 30000 },
				{ claimId: 'B', openCents: 70000 },
			],
		});
		expect(result.principalTotalCents).toBe(100000);
		expect(result.costsExclVatCents).toBe(15000);
	});

	it('leaves out paid, disputed and not-yet-due claims and says why', () => {
		const result = calculateCollectionCosts({
			calculationDate: '2026-05-13',
			claims: [
				{ claimId: 'open', openCents: 300000, dueDate: '2026-04-01' },
				{ claimId: 'paid', openCents: 0, dueDate: '2026-04-01' },
				{ claimId: 'disputed', openCents: 50000, dueDate: '2026-04-01', disputed: true },
				{ claimId: 'due-today', openCents: 50000, dueDate: '2026-05-13' },
			],
		});
		// Only 3,000.00 counts: 375 + 10% x 500 = 425.00
		expect(result.principalTotalCents).toBe(300000);
		expect(result.costsExclVatCents).toBe(42500);
		expect(result.excludedClaims.map((c) => [c.claimId, c.reason])).toEqual([
			['paid', 'paid'],
			['disputed', 'disputed'],
			['due-today', 'not-yet-due'],
		]);
	});

	it('writes the bracket lines for a letter', () => {
		// 12,000.00: 375 + 250 + 250 + 20 = 895.00
		const result = calculateCollectionCosts({ claims: one(1200000) });
		expect(result.explanation.nl).toEqual([
			'Openstaande hoofdsom: EUR 12.000,00 (1 vordering)',
			'15% over de eerste EUR 2.500,00: EUR 375,00',
			'10% over de volgende EUR 2.500,00: EUR 250,00',
			'5% over de volgende EUR 5.000,00: EUR 250,00',
			'1% over de volgende EUR 2.000,00: EUR 20,00',
			'Incassokosten volgens de wettelijke staffel: EUR 895,00',
			'Incassokosten: EUR 895,00',
		]);
		// 250,000.00: 2,775 + 0.5% x 50,000 = 3,025.00
		const big = calculateCollectionCosts({ claims: one(25000000) });
		expect(big.explanation.nl).toContain('0,5% over het meerdere (EUR 50.000,00): EUR 250,00');
		expect(big.explanation.en).toContain('0.5% of the remainder (EUR 50,000.00): EUR 250.00');
		expect(big.costsExclVatCents).toBe(302500);
	});

	it('says when the minimum or maximum applied', () => {
		const small = calculateCollectionCosts({ claims: one(10000), calculationDate: '2024-09-01' });
		expect(small.minimumApplied).toBe(true);
		expect(small.sentenceKeys).toContain('costs.minimum');
		expect(small.explanation.nl).toContain('Het wettelijke minimum van EUR 40,00 is van toepassing');
		const large = calculateCollectionCosts({ claims: one(200000000) });
		expect(large.maximumApplied).toBe(true);
		expect(large.explanation.en).toContain('The statutory maximum of EUR 6,775.00 applies');
	});
});

describe('small claims and instalments: accumulated costs at most EUR 140 (from 1 October 2024)', () => {
	it('caps small recurring claims that are each below 266.67', () => {
		// 10 x 200.00 = 2,000.00 -> 15% = 300.00; every claim < 266.67 -> at most 140.00
		const result = calculateCollectionCosts({ claims: many(10, 20000) });
		expect(result.smallClaimCap).toMatchObject({
			applies: true,
			reason: 'all-claims-below-threshold',
			applied: true,
			reducedByCents: 16000,
		});
		expect(result.costsExclVatCents).toBe(14000);
		expect(result.sentenceKeys).toContain('costs.smallClaimCap');
		expect(result.explanation.nl).toContain(
			'Omdat de vordering of het termijnbedrag lager is dan EUR 266,67, zijn de incassokosten samen ten hoogste EUR 140,00',
		);
	});

	it('applies but does not bite when the costs are below 140', () => {
		// 100.00 -> minimum 40.00 <= 140
		const result = calculateCollectionCosts({ claims: one(10000) });
		expect(result.smallClaimCap).toMatchObject({ applies: true, reason: 'claim-below-threshold', applied: false, reducedByCents: 0 });
		expect(result.costsExclVatCents).toBe(4000);
	});

	it('counts costs already charged, and the cap beats the 40 minimum', () => {
		// 140 - 120 already charged = 20.00 left
		expect(calculateCollectionCosts({ claims: one(10000), smallClaimCostsAlreadyChargedCents: 12000 }).costsExclVatCents).toBe(2000);
		// 150 already charged: nothing left
		expect(calculateCollectionCosts({ claims: one(10000), smallClaimCostsAlreadyChargedCents: 15000 }).costsExclVatCents).toBe(0);
		const result = calculateCollectionCosts({ claims: many(3, 20000), smallClaimCostsAlreadyChargedCents: 8000 });
		// 600.00 -> 90.00, but only 140 - 80 = 60.00 left
		expect(result.costsExclVatCents).toBe(6000);
		expect(result.explanation.nl).toContain('Eerder in rekening gebrachte incassokosten: EUR 80,00');
	});

	it('caps when the instalment is small even if the claim is not', () => {
		// 3,000.00 -> 425.00; instalment 100.00 < 266.67 -> 140.00
		const result = calculateCollectionCosts({ claims: one(300000), instalmentCents: 10000 });
		expect(result.smallClaimCap.reason).toBe('instalment-below-threshold');
		expect(result.costsExclVatCents).toBe(14000);
		// instalment exactly 266.67 is not "below"
		expect(calculateCollectionCosts({ claims: one(300000), instalmentCents: 26667 }).costsExclVatCents).toBe(42500);
	});

	it('uses 266.67 as the exact threshold for every claim', () => {
		// 4 x 266.66 = 1,066.64 -> 159.996 -> 160.00; all below -> 140.00
		expect(calculateCollectionCosts({ claims: many(4, 26666) }).costsExclVatCents).toBe(14000);
		// 3 x 266.66 + 266.67 = 1,066.65 -> 159.9975 -> 160.00; one claim not below -> no cap
		const mixed = calculateCollectionCosts({ claims: [...many(3, 26666), { claimId: 'D', openCents: 26667 }] });
		expect(mixed.smallClaimCap.applies).toBe(false);
		expect(mixed.costsExclVatCents).toBe(16000);
	});

	it('does not cap a large claim that happens to sit next to a small one', () => {
		// 5,000 + 100 = 5,100.00 -> 625 + 5% x 100 = 630.00
		const result = calculateCollectionCosts({
			claims: [
				{ claimId: 'big', openCents: 500000 },
				{ claimId: 'small', openCents: 10000 },
			],
		});
		expect(result.smallClaimCap.applies).toBe(false);
		expect(result.costsExclVatCents).toBe(63000);
	});

	it('includes VAT in the 140 by default', () => {
		// 10 x 200 -> 300.00 + VAT 63.00 = 363.00 > 140. Largest e with e + round(0.21 e) <= 140.00:
		// 140 / 1.21 = 115.702 -> 115.70; VAT 24.297 -> 24.30; total 140.00. (115.71 -> 24.2991 -> 24.30 -> 140.01, too much)
		const result = calculateCollectionCosts({ claims: many(10, 20000), creditorCanDeductVat: false });
		expect(result.costsExclVatCents).toBe(11570);
		expect(result.vatCents).toBe(2430);
		expect(result.costsInclVatCents).toBe(14000);
		expect(result.explanation.nl).toContain(
			'Omdat de vordering of het termijnbedrag lager is dan EUR 266,67, zijn de incassokosten samen ten hoogste EUR 140,00 inclusief btw',
		);
	});

	it('fills what is left of the cap to the cent, VAT included', () => {
		// 120.00 already charged -> 20.00 left incl. VAT; 100.00 claim -> 40.00 + 8.40 = 48.40 is too much.
		// 20 / 1.21 = 16.528 -> 16.52 would give 16.52 + 3.47 (3.4692) = 19.99, but
		// 16.53 + 3.47 (3.4713) = 20.00 fits, and 16.54 + 3.47 (3.4734) = 20.01 does not.
		const result = calculateCollectionCosts({ claims: one(10000), creditorCanDeductVat: false, smallClaimCostsAlreadyChargedCents: 12000 });
		expect([result.costsExclVatCents, result.vatCents, result.costsInclVatCents]).toEqual([1653, 347, 2000]);
	});

	it('adds no VAT line when the cap leaves nothing to charge', () => {
		const result = calculateCollectionCosts({ claims: one(10000), creditorCanDeductVat: false, smallClaimCostsAlreadyChargedCents: 14000 });
		expect([result.costsExclVatCents, result.vatCents, result.costsInclVatCents]).toEqual([0, 0, 0]);
		expect(result.vatAdded).toBe(false);
		expect(result.explanation.nl).toContain('Incassokosten: EUR 0,00');
	});

	it('can treat 140 as the amount before VAT', () => {
		// 140.00 + 21% = 29.40 -> 169.40
		const result = calculateCollectionCosts({ claims: many(10, 20000), creditorCanDeductVat: false, smallClaimCapVat: 'excluded' });
		expect(result.costsExclVatCents).toBe(14000);
		expect(result.costsInclVatCents).toBe(16940);
	});

	it('is not in force before 1 October 2024', () => {
		expect(calculateCollectionCosts({ claims: many(10, 20000), calculationDate: '2024-09-30' }).costsExclVatCents).toBe(30000);
		expect(calculateCollectionCosts({ claims: many(10, 20000), calculationDate: '2024-10-01' }).costsExclVatCents).toBe(14000);
	});
});

describe('no extra costs for consumers', () => {
	it('refuses administration costs with a reason and keeps them out of totals and letter lines', () => {
		const result = calculateCollectionCosts({
			claims: one(100000),
			extraCosts: [{ label: 'Administratiekosten', amountCents: 1500 }],
		});
		expect(result.totalCostsCents).toBe(15000);
		expect(result.extraCosts).toEqual([]);
		expect(result.refusedExtraCosts).toHaveLength(1);
		expect(result.refusedExtraCosts[0]).toMatchObject({ label: 'Administratiekosten', amountCents: 1500 });
		expect(result.refusedExtraCosts[0].reason).toMatch(/consumers.*not allowed/);
		expect(result.sentenceKeys).toContain('costs.extraCostsRefused');
		expect(result.warnings.join(' ')).toMatch(/refused/);
		expect([...result.explanation.nl, ...result.explanation.en].join(' ')).not.toMatch(/Administratiekosten/);
	});

	it('treats a debtor without a type as a consumer', () => {
		const result = calculateCollectionCosts({ claims: one(100000), extraCosts: [{ label: 'Dossierkosten', amountCents: 500 }] });
		expect(result.debtorType).toBe('consumer');
		expect(result.totalCostsCents).toBe(15000);
	});
});

describe('business debtors', () => {
	const claims: CostClaim[] = [
		{ claimId: 'F-1', openCents: 120000, dueDate: '2026-03-01' },
		{ claimId: 'F-2', openCents: 5000, dueDate: '2026-03-15' },
		{ claimId: 'F-3', openCents: 900000, dueDate: '2026-04-01' },
	];

	it('charges a flat EUR 40 per overdue claim, without a letter', () => {
		// 3 claims x 40.00 = 120.00, whatever their size
		const result = calculateCollectionCosts({ debtorType: 'business', claims, calculationDate: '2026-04-02' });
		expect(result.method).toBe('business-flat');
		expect(result.businessFlat).toEqual({ perClaimCents: 4000, claimCount: 3, totalCents: 12000 });
		expect(result.costsExclVatCents).toBe(12000);
		expect(result.scale).toBeNull();
		expect(result.sentenceKeys).toContain('costs.businessFlatFee');
		expect(result.explanation.nl).toContain('Vaste vergoeding van EUR 40,00 per vordering (art. 6:96 lid 4 BW), 3 × EUR 40,00: EUR 120,00');
	});

	it('counts a claim only after its payment term has passed', () => {
		// on 2026-04-01 F-3 is due that day: 2 x 40.00 = 80.00
		const result = calculateCollectionCosts({ debtorType: 'business', claims, calculationDate: '2026-04-01' });
		expect(result.costsExclVatCents).toBe(8000);
		expect(calculateCollectionCosts({ debtorType: 'business', claims: one(500) }).costsExclVatCents).toBe(4000);
	});

	it('does not increase the flat fee by VAT and warns', () => {
		const result = calculateCollectionCosts({ debtorType: 'business', claims, creditorCanDeductVat: false });
		expect(result.costsInclVatCents).toBe(12000);
		expect(result.vatAdded).toBe(false);
		expect(result.warnings.join(' ')).toMatch(/No VAT added/);
	});

	it('can use the BIK scale by agreement, with VAT, without the consumer small-claim cap', () => {
		// 1,200 + 50 + 9,000 = 10,250.00 -> 875 + 1% x 250 = 877.50
		expect(calculateCollectionCosts({ debtorType: 'business', businessMethod: 'bik-scale', claims }).costsExclVatCents).toBe(87750);
		// 1,000.00 -> 150.00 + 31.50 VAT
		expect(
			calculateCollectionCosts({ debtorType: 'business', businessMethod: 'bik-scale', claims: one(100000), creditorCanDeductVat: false })
				.costsInclVatCents,
		).toBe(18150);
		// 10 x 200 -> 300.00, not capped at 140 for a business
		const result = calculateCollectionCosts({ debtorType: 'business', businessMethod: 'bik-scale', claims: many(10, 20000) });
		expect(result.smallClaimCap.applies).toBe(false);
		expect(result.costsExclVatCents).toBe(30000);
	});

	it('adds agreed extra costs for businesses', () => {
		const result = calculateCollectionCosts({
			debtorType: 'business',
			claims: one(100000),
			extraCosts: [{ label: 'contractual costs', amountCents: 2500 }],
		});
		// 40.00 + 25.00
		expect(result.totalCostsCents).toBe(6500);
		expect(result.refusedExtraCosts).toEqual([]);
		expect(result.explanation.en).toContain('Agreed extra costs (contractual costs): EUR 25.00');
	});
});

describe('input validation', () => {
	const problemsOf = (input: any): string[] => {
		try {
			calculateCollectionCosts(input);
		} catch (error) {
			expect(error).toBeInstanceOf(CollectionCostsInputError);
			return (error as CollectionCostsInputError).problems.map((p) => p.field);
		}
		return [];
	};

	it('names every bad field', () => {
		expect(
			problemsOf({
				debtorType: 'company',
				claims: [{ openCents: 12.5 }, { openCents: -1, dueDate: '2026-02-30' }],
				vatRatePercent: -21,
				instalmentCents: 'ten',
				extraCosts: [{ label: '', amountCents: 100 }],
			}),
		).toEqual([
			'debtorType',
			'claims[0].openCents',
			'claims[1].openCents',
			'claims[1].dueDate',
			'vatRatePercent',
			'instalmentCents',
			'extraCosts[0].label',
		]);
		expect(problemsOf({ claims: 'none' })).toEqual(['claims']);
	});

	it('never echoes amounts in the error message', () => {
		let message = '';
		try {
			calculateCollectionCosts({ claims: [{ openCents: 12345.67 }] });
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message).toMatch(/claims\[0\]\.openCents/);
		expect(message).not.toMatch(/12345/);
	});

	it('computes zero costs when nothing is open', () => {
		const result: CollectionCostsResult = calculateCollectionCosts({ claims: [] });
		expect(result.totalCostsCents).toBe(0);
		expect(result.minimumApplied).toBe(false);
	});
});
