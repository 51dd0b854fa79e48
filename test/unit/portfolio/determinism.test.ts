import { DEFAULT_MIX, PERSONAS, generateDebtor, generatePortfolio, normalizeMix } from '../../fixtures/portfolio';

const lines = (seed: number, count: number, startIndex = 0) =>
	[...generatePortfolio({ seed, count, startIndex })].map((item) => JSON.stringify(item));

/** The record with every identifier that contains the debtor id blanked out, to compare content only. */
const content = (record: { debtorId: string }) => JSON.stringify(record).split(record.debtorId).join('#');

describe('portfolio determinism', () => {
	it('gives byte-identical records and truth for the same seed and options', () => {
		expect(lines(7, 300)).toEqual(lines(7, 300));
		const withOptions = () =>
			JSON.stringify([...generatePortfolio({ seed: 3, count: 100, referenceDate: '2025-12-31', mix: { overwhelmed: 1, dispute: 1 } })]);
		expect(withOptions()).toBe(withOptions());
	});

	it('gives different debtors for different seeds', () => {
		const a = [...generatePortfolio({ seed: 1, count: 200 })];
		const b = [...generatePortfolio({ seed: 2, count: 200 })];
		let same = 0;
		for (let i = 0; i < a.length; i++) if (content(a[i].record) === content(b[i].record)) same++;
		expect(same).toBe(0);
		// Neighbouring records of one seed differ too (no accidental reuse of a generator state).
		const names = new Set(a.map(({ record }) => `${record.firstName} ${record.lastName} ${record.iban}`));
		expect(names.size).toBe(a.length);
	});

	it('makes record n depend only on (seed, n), not on count or start', () => {
		const short = lines(11, 40);
		const long = lines(11, 1000);
		expect(long.slice(0, 40)).toEqual(short);
		const shard = lines(11, 100, 900);
		expect(shard).toEqual(long.slice(900, 1000));
		for (const index of [0, 1, 39, 512, 999]) {
			expect(JSON.stringify(generateDebtor(11, index))).toBe(long[index]);
		}
	});

	it('never uses Math.random', () => {
		const spy = jest.spyOn(Math, 'random').mockImplementation(() => {
			throw new Error('Math.random must not be used');
		});
		try {
			expect(() => [...generatePortfolio({ seed: 5, count: 500 })]).not.toThrow();
			for (const persona of PERSONAS) expect(() => generateDebtor(5, 1, { persona })).not.toThrow();
		} finally {
			spy.mockRestore();
		}
	});

	it('forces a persona when asked, deterministically', () => {
		for (const persona of PERSONAS) {
			const one = generateDebtor(9, 42, { persona });
			expect(one.truth.persona).toBe(persona);
			expect(JSON.stringify(generateDebtor(9, 42, { persona }))).toBe(JSON.stringify(one));
		}
	});

	it('moves the whole history with the reference date', () => {
		const { record } = generateDebtor(1, 3, { referenceDate: '2025-03-15' });
		const dates = [
			...(record.claims ?? []).map((claim) => claim.invoiceDate),
			...(record.payments ?? []).map((payment) => payment.date),
			...(record.reversals ?? []).map((reversal) => reversal.date),
			...(record.contacts ?? []).map((contact) => contact.at.slice(0, 10)),
		];
		expect(dates.every((date) => date <= '2025-03-15')).toBe(true);
		expect(dates.some((date) => date >= '2025-02-01')).toBe(true);
	});

	it('rejects bad options', () => {
		expect(() => generateDebtor(-1, 0)).toThrow(RangeError);
		expect(() => generateDebtor(1.5, 0)).toThrow(RangeError);
		expect(() => generateDebtor(1, -3)).toThrow(RangeError);
		expect(() => generateDebtor(1, 0, { referenceDate: '2026-02-30' })).toThrow(RangeError);
		expect(() => normalizeMix({ current: 0 })).toThrow(RangeError);
		expect(() => normalizeMix({ current: -1, forgetful: 2 })).toThrow(RangeError);
		expect(() => normalizeMix({ nobody: 1 } as never)).toThrow(RangeError);
		expect(() => [...generatePortfolio({ seed: 1, count: -1 })]).toThrow(RangeError);
	});

	it('normalises the default mix to shares summing to 1 with 8% overrides', () => {
		const shares = normalizeMix();
		const sum = Object.values(shares).reduce((a, b) => a + b, 0);
		expect(sum).toBeCloseTo(1, 12);
		const total = Object.values(DEFAULT_MIX).reduce((a, b) => a + b, 0);
		expect(shares.current).toBeCloseTo(DEFAULT_MIX.current / total, 12);
		expect(shares.dispute + shares.deceased + shares.vulnerable + shares['debt-help']).toBeCloseTo(0.08, 12);
	});
});
