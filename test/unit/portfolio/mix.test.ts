import { DEFAULT_MIX, PERSONAS, generateDebtor, generatePortfolio, mixWithArrearsShare, normalizeMix, type Persona } from '../../fixtures/portfolio';

function shares(seed: number, count: number, mix?: Partial<Record<Persona, number>>): Map<Persona, number> {
	const counts = new Map<Persona, number>();
	for (const { truth } of generatePortfolio({ seed, count, mix })) counts.set(truth.persona, (counts.get(truth.persona) ?? 0) + 1);
	return new Map([...counts].map(([persona, n]) => [persona, n / count]));
}

/** Four standard deviations of a binomial share: fails about once in 15,000 honest runs. */
const tolerance = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('persona mix', () => {
	it('follows the default weights within tolerance over 10,000 records', () => {
		const n = 10000;
		const observed = shares(123, n);
		const total = Object.values(DEFAULT_MIX).reduce((a, b) => a + b, 0);
		for (const persona of PERSONAS) {
			const expected = DEFAULT_MIX[persona] / total;
			const got = observed.get(persona) ?? 0;
			expect({ persona, off: Math.abs(got - expected) <= tolerance(expected, n) }).toEqual({ persona, off: true });
		}
		// Mostly current payers; a few percent of overrides.
		expect(observed.get('current')).toBeGreaterThan(0.5);
		const overrides = (['dispute', 'deceased', 'vulnerable', 'debt-help'] as const).reduce((sum, p) => sum + (observed.get(p) ?? 0), 0);
		expect(overrides).toBeGreaterThan(0.05);
		expect(overrides).toBeLessThan(0.11);
	});

	it('follows a custom mix and leaves out personas it does not name', () => {
		const n = 4000;
		const observed = shares(5, n, { forgetful: 1, overwhelmed: 3 });
		expect([...observed.keys()].sort()).toEqual(['forgetful', 'overwhelmed']);
		expect(Math.abs((observed.get('overwhelmed') ?? 0) - 0.75)).toBeLessThanOrEqual(tolerance(0.75, n));
	});

	it('can produce a portfolio of a single persona', () => {
		const observed = shares(5, 300, { deceased: 2 });
		expect([...observed.entries()]).toEqual([['deceased', 1]]);
	});

	it('puts arrearsShare of the debtors on the personas other than current, in the mix\'s proportions', () => {
		const n = 4000;
		const counts = new Map<Persona, number>();
		for (const { truth } of generatePortfolio({ seed: 11, count: n, arrearsShare: 0.1 })) counts.set(truth.persona, (counts.get(truth.persona) ?? 0) + 1);
		expect(Math.abs((counts.get('current') ?? 0) / n - 0.9)).toBeLessThanOrEqual(tolerance(0.9, n));
		const scaled = mixWithArrearsShare(normalizeMix(), 0.1);
		expect(scaled.current).toBeCloseTo(0.9, 12);
		// forgetful keeps its weight relative to the others: 10 of the 45 non-current.
		expect(scaled.forgetful).toBeCloseTo((0.1 * 10) / 45, 12);
		expect(Object.values(scaled).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		expect(mixWithArrearsShare(normalizeMix({ forgetful: 1, current: 1 }), 0).forgetful).toBe(0);
	});

	it('leaves the output unchanged without arrearsShare and refuses shares outside 0 to 1', () => {
		expect(JSON.stringify(generateDebtor(4, 17, { arrearsShare: undefined }))).toBe(JSON.stringify(generateDebtor(4, 17)));
		expect(() => generatePortfolio({ seed: 1, count: 1, arrearsShare: 1.5 }).next()).toThrow(RangeError);
		expect(() => generatePortfolio({ seed: 1, count: 1, arrearsShare: 0.5, mix: { current: 1 } }).next()).toThrow(/needs a mix/);
	});
});
