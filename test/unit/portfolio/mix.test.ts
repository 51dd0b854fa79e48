import { DEFAULT_MIX, PERSONAS, generatePortfolio, type Persona } from '../../fixtures/portfolio';

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
});
