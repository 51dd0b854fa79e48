import { bikScale, calculateCollectionCosts, BIK_MAXIMUM_CENTS, BIK_MINIMUM_CENTS } from '../../../nodes/shared/costs';

/**
 * Expected fees worked out by hand from the Besluit (Stb. 2012, 141) art. 2:
 * 15% of the first 2,500; 10% of the next 2,500; 5% of the next 5,000; 1% of the next 190,000;
 * 0.5% of the rest; minimum 40, maximum 6,775. Whole fee exact, rounded once, half away from zero.
 * Full brackets are worth 375.00 / 250.00 / 250.00 / 1,900.00, so the running bases are
 * 375 at 2,500; 625 at 5,000; 875 at 10,000; 2,775 at 200,000; 6,775 at 1,000,000.
 */
const EDGES: Array<[string, number, number, { min?: boolean; max?: boolean }]> = [
	// [description, principal cents, expected fee cents, flags]
	['0.00: nothing open, no minimum', 0, 0, {}],
	['0.01: 15% = 0.0015 -> minimum', 1, 4000, { min: true }],
	['100.00: 15% = 15.00 -> minimum', 10000, 4000, { min: true }],
	['266.65: 15% = 39.9975 -> minimum', 26665, 4000, { min: true }],
	['266.66: 15% = 39.999 -> minimum (exact amount below 40)', 26666, 4000, { min: true }],
	['266.67: 15% = 40.0005 -> 40.00, minimum not needed', 26667, 4000, {}],
	['500.00: 15% = 75.00 (brief example)', 50000, 7500, {}],
	['1,000.00: 15% = 150.00 (brief example)', 100000, 15000, {}],
	['2,499.99: 15% = 374.9985 -> 375.00', 249999, 37500, {}],
	['2,500.00: 15% x 2,500 = 375.00', 250000, 37500, {}],
	['2,500.01: 375 + 10% x 0.01 = 375.001 -> 375.00', 250001, 37500, {}],
	['2,500.04: 375 + 0.004 = 375.004 -> 375.00', 250004, 37500, {}],
	['2,500.05: 375 + 0.005 = 375.005 -> half away -> 375.01', 250005, 37501, {}],
	['3,000.00: 375 + 10% x 500 = 425.00', 300000, 42500, {}],
	['4,999.99: 375 + 10% x 2,499.99 = 624.999 -> 625.00', 499999, 62500, {}],
	['5,000.00: 375 + 250 = 625.00', 500000, 62500, {}],
	['5,000.01: 625 + 5% x 0.01 = 625.0005 -> 625.00', 500001, 62500, {}],
	['5,000.10: 625 + 0.005 = 625.005 -> 625.01', 500010, 62501, {}],
	['7,500.00: 625 + 5% x 2,500 = 750.00', 750000, 75000, {}],
	['9,999.99: 625 + 5% x 4,999.99 = 874.9995 -> 875.00', 999999, 87500, {}],
	['10,000.00: 625 + 250 = 875.00', 1000000, 87500, {}],
	['10,000.01: 875 + 1% x 0.01 = 875.0001 -> 875.00', 1000001, 87500, {}],
	['10,000.50: 875 + 0.005 = 875.005 -> 875.01', 1000050, 87501, {}],
	['50,000.00: 875 + 1% x 40,000 = 1,275.00', 5000000, 127500, {}],
	['199,999.99: 875 + 1% x 189,999.99 = 2,774.9999 -> 2,775.00', 19999999, 277500, {}],
	['200,000.00: 875 + 1,900 = 2,775.00', 20000000, 277500, {}],
	['200,000.01: 2,775 + 0.5% x 0.01 = 2,775.00005 -> 2,775.00', 20000001, 277500, {}],
	['200,001.00: 2,775 + 0.5% x 1 = 2,775.005 -> 2,775.01', 20000100, 277501, {}],
	['500,000.00: 2,775 + 0.5% x 300,000 = 4,275.00', 50000000, 427500, {}],
	['999,999.99: 2,775 + 0.5% x 799,999.99 = 6,774.99995 -> 6,775.00, below the cap', 99999999, 677500, {}],
	['1,000,000.00: 2,775 + 4,000 = 6,775.00 exactly, cap not exceeded', 100000000, 677500, {}],
	['1,000,000.01: 6,775.00005 -> maximum', 100000001, 677500, { max: true }],
	['2,000,000.00: 2,775 + 9,000 = 11,775 -> maximum 6,775.00', 200000000, 677500, { max: true }],
];

describe('BIK scale (Besluit art. 2) at every bracket edge', () => {
	it.each(EDGES)('%s', (_label, principal, expected, flags) => {
		const scale = bikScale(principal);
		expect(scale.feeCents).toBe(expected);
		expect(scale.minimumApplied).toBe(flags.min === true);
		expect(scale.maximumApplied).toBe(flags.max === true);
	});

	it.each(EDGES)('consumer costs without VAT equal the scale: %s', (_label, principal, expected) => {
		const result = calculateCollectionCosts({ claims: [{ claimId: 'C', openCents: principal }] });
		expect(result.costsExclVatCents).toBe(expected);
		expect(result.vatCents).toBe(0);
		expect(result.costsInclVatCents).toBe(expected);
	});

	it('lists the bracket contributions; they add up to the rounded scale amount', () => {
		// 12,000.00: 375 + 250 + 250 + 1% x 2,000 = 20  -> 895.00
		const scale = bikScale(1200000);
		expect(scale.brackets.map((b) => [b.ratePercent, b.portionCents, b.amountCents])).toEqual([
			[15, 250000, 37500],
			[10, 250000, 25000],
			[5, 500000, 25000],
			[1, 200000, 2000],
		]);
		expect(scale.scaleCents).toBe(89500);
		for (const principal of [26666, 250005, 500010, 1000050, 20000100, 99999999, 123456789]) {
			const s = bikScale(principal);
			expect(s.brackets.reduce((sum, b) => sum + b.amountCents, 0)).toBe(s.scaleCents);
			expect(s.brackets.reduce((sum, b) => sum + b.portionCents, 0)).toBe(principal);
		}
	});

	it('the rest bracket at 0.5% is open-ended', () => {
		// 250,000.00: 2,775 + 0.5% x 50,000 = 250 -> 3,025.00
		const scale = bikScale(25000000);
		expect(scale.brackets).toHaveLength(5);
		expect(scale.brackets[4]).toEqual({ fromCents: 20000000, toCents: null, ratePercent: 0.5, portionCents: 5000000, amountCents: 25000 });
		expect(scale.feeCents).toBe(302500);
	});

	it('agrees with an independent piecewise formula on many principals', () => {
		// Reference written straight from the brief, in thousandths of a cent, as cumulative formulas.
		const reference = (p: number): number => {
			let t: number;
			if (p <= 250000) t = 150 * p;
			else if (p <= 500000) t = 150 * 250000 + 100 * (p - 250000);
			else if (p <= 1000000) t = 62500000 + 50 * (p - 500000);
			else if (p <= 20000000) t = 87500000 + 10 * (p - 1000000);
			else t = 277500000 + 5 * (p - 20000000);
			const rounded = Math.floor((t + 500) / 1000);
			if (p === 0) return 0;
			return Math.min(Math.max(rounded, 4000), 677500);
		};
		let seed = 12345;
		const next = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed;
		};
		for (let i = 0; i < 5000; i++) {
			// Spread over all brackets: magnitudes from cents to 3 million euros.
			const principal = next() % [1000, 30000, 300000, 1200000, 25000000, 300000000][i % 6];
			expect(bikScale(principal).feeCents).toBe(reference(principal));
		}
	});

	it('exports the legal minimum and maximum', () => {
		expect(BIK_MINIMUM_CENTS).toBe(4000);
		expect(BIK_MAXIMUM_CENTS).toBe(677500);
	});

	it('rejects amounts that are not whole non-negative cents', () => {
		expect(() => bikScale(-1)).toThrow(RangeError);
		expect(() => bikScale(10.5)).toThrow(RangeError);
	});
});
