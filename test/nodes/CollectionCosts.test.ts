/* eslint-disable @typescript-eslint/no-explicit-any -- node outputs are loose JSON, read field by field in the assertions */
/**
 * The Collection Costs node: parameters in, `costs` out. The BIK scale, VAT, cap and interest maths
 * have deep tests in test/unit/costs; here we check that the node applies them to a debtor's claims
 * (summing the open principal, leaving out what must be left out), gates consumer costs behind the
 * 14-day letter term, and shapes the result. Expected amounts are worked out by hand in comments.
 */
import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { CollectionCosts } from '../../nodes/CollectionCosts/CollectionCosts.node';
import { collectionCostsProperties } from '../../nodes/CollectionCosts/description';
import { DEFAULT_VAT_RATE_PERCENT } from '../../nodes/shared/costs';

type Json = Record<string, any>;

/** Runs the node's execute() on items; `expressions` resolve per item like n8n expressions would. */
async function run(
	items: Json[],
	parameters: Json = {},
	options: { expressions?: Record<string, (json: Json) => unknown>; continueOnFail?: boolean } = {},
): Promise<Array<Array<{ json: Json; pairedItem?: unknown }>>> {
	const ctx = mock<IExecuteFunctions>();
	const input = items.map((json) => ({ json }));
	const raw: Json = { ...parameters };
	for (const name of Object.keys(options.expressions ?? {})) raw[name] = '={{ $json.expression }}';
	ctx.getInputData.mockReturnValue(input);
	ctx.getNode.mockReturnValue({ id: '1', name: 'Costs', type: 'collectionCosts', typeVersion: 1, position: [0, 0], parameters: raw } as INode);
	ctx.getTimezone.mockReturnValue('Europe/Amsterdam');
	ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	(ctx.getNodeParameter as jest.Mock).mockImplementation((name: string, itemIndex: number, fallback: unknown) => {
		const expression = options.expressions?.[name];
		if (expression) return expression(input[itemIndex].json);
		return name in parameters ? parameters[name] : fallback;
	});
	return (await new CollectionCosts().execute.call(ctx)) as unknown as Array<Array<{ json: Json; pairedItem?: unknown }>>;
}

function consumer(debtorId: string, claims: Json[], extra: Json = {}): Json {
	return { debtorId, debtorType: 'consumer', claims, ...extra };
}

function claim(claimId: string, openCents: number, dueDate: string, extra: Json = {}): Json {
	return { claimId, principalCents: Math.max(openCents, extra.principalCents ?? 0), openCents, invoiceDate: '2026-01-01', dueDate, ...extra };
}

/** A 14-day letter contact sent at 10:00 Amsterdam time (CEST in spring). */
function letterContact(date: string, claimId?: string): Json {
	return { at: `${date}T10:00:00+02:00`, channel: 'letter', direction: 'outbound', stage: 'fourteen-day-letter', outcome: 'sent', ...(claimId ? { claimId } : {}) };
}

const ANNOUNCE = { purpose: 'announce', referenceDate: '2026-06-30', includeInterest: false };

async function costsFor(principalCents: number, parameters: Json = {}): Promise<Json> {
	const [[out]] = await run([consumer('D-1', [claim('C-1', principalCents, '2026-03-01')])], { ...ANNOUNCE, ...parameters });
	return out.json.costs;
}

describe('Collection Costs node: the BIK scale over the summed principal', () => {
	it.each([
		// principal, costs; worked from the scale 15% / 10% / 5% / 1% / 0.5%, min 40, max 6,775
		[50000, 7500], // domain brief: 500 -> 75.00
		[100000, 15000], // domain brief: 1,000 -> 150.00
		[26667, 4000], // 15% of 266.67 = 40.0005 -> 40.00 (just above the minimum, no small-claim cap)
		[26666, 4000], // 15% of 266.66 = 39.999 -> minimum 40.00
		[250000, 37500], // first bracket full: 375.00
		[250001, 37500], // + 10% of 0.01 = 0.001 -> 375.00
		[250010, 37501], // + 10% of 0.10 = 0.01 -> 375.01
		[500000, 62500], // 375 + 250
		[1000000, 87500], // 375 + 250 + 250
		[20000000, 277500], // 875 + 1% of 190,000 = 2,775.00
		[100000000, 677500], // 2,775 + 0.5% of 800,000 = 6,775.00, exactly the maximum
		[100000100, 677500], // above: the maximum
	])('principal %i cents -> costs %i cents', async (principal, expected) => {
		const costs = await costsFor(principal);
		expect(costs.allowed).toBe(true);
		expect(costs.principalTotalCents).toBe(principal);
		expect(costs.costsExclVatCents).toBe(expected);
		expect(costs.totalCostsCents).toBe(expected);
		expect(costs.vatCents).toBe(0);
	});

	it('sums the open principal of all open claims, leaving out paid, disputed and not-yet-due ones', async () => {
		const item = consumer('D-2', [
			claim('A', 30000, '2026-04-01'),
			claim('B', 70000, '2026-05-01'),
			claim('PAID', 0, '2026-05-01', { principalCents: 50000 }),
			claim('DISPUTED', 40000, '2026-05-01', { disputed: true }),
			claim('FUTURE', 40000, '2026-07-15'),
		]);
		const [[out]] = await run([item], ANNOUNCE);
		const costs = out.json.costs;
		// 300 + 700 = 1,000 -> 150.00, not 15% of 300 + 15% of 700 claim by claim (which is the same here)
		// nor the sum of the minima (40 + 105): one scale over the sum.
		expect(costs.principalTotalCents).toBe(100000);
		expect(costs.totalCostsCents).toBe(15000);
		expect(costs.includedClaimIds).toEqual(['A', 'B']);
		expect(costs.claims.map((c: Json) => [c.claimId, c.status])).toEqual([
			['A', 'included'],
			['B', 'included'],
			['PAID', 'paid'],
			['DISPUTED', 'disputed'],
			['FUTURE', 'not-in-default'],
		]);
		// The rest of the item is untouched.
		expect(out.json.debtorId).toBe('D-2');
		expect(out.json.claims).toHaveLength(5);
		expect(out.pairedItem).toEqual({ item: 0 });
	});

	it('sums claims so the brackets apply once: 2 x 200 = 400 -> 60.00, not 2 x 40 minimum', async () => {
		const [[out]] = await run([consumer('D-3', [claim('A', 20000, '2026-04-01'), claim('B', 20000, '2026-05-01')])], {
			...ANNOUNCE,
		});
		// Both claims are below 266.67, so the small-claim cap applies, but 60.00 is under 140.
		expect(out.json.costs.totalCostsCents).toBe(6000);
		expect(out.json.costs.smallClaimCap.applies).toBe(true);
		expect(out.json.costs.smallClaimCap.applied).toBe(false);
	});

	it('gives the letter lines word for word in Dutch and English', async () => {
		const costs = await costsFor(300000);
		// 15% of 2,500 = 375.00; 10% of 500 = 50.00; total 425.00
		expect(costs.lines.nl).toEqual([
			'Openstaande hoofdsom: EUR 3.000,00 (1 vordering)',
			'15% over de eerste EUR 2.500,00: EUR 375,00',
			'10% over de volgende EUR 500,00: EUR 50,00',
			'Incassokosten volgens de wettelijke staffel: EUR 425,00',
			'Incassokosten: EUR 425,00',
			'Totaal te betalen: EUR 3.425,00',
		]);
		expect(costs.lines.en[costs.lines.en.length - 1]).toBe('Total to pay: EUR 3,425.00');
		expect(costs.brackets.map((b: Json) => [b.ratePercent, b.portionCents, b.amountCents])).toEqual([
			[15, 250000, 37500],
			[10, 50000, 5000],
		]);
	});
});

describe('Collection Costs node: VAT, small-claim cap, business flat fee', () => {
	it('adds 21% VAT when the creditor cannot deduct it, and says so', async () => {
		const costs = await costsFor(50000, { creditorCanDeductVat: false });
		// 75.00 + 21% = 75.00 + 15.75 = 90.75
		expect([costs.costsExclVatCents, costs.vatCents, costs.costsInclVatCents]).toEqual([7500, 1575, 9075]);
		expect(costs.vatAdded).toBe(true);
		expect(costs.vatRatePercent).toBe(21);
		expect(costs.sentenceKeys).toContain('costs.vatNotDeductible');
		expect(costs.lines.nl).toContain('Wij kunnen de btw niet verrekenen; daarom komt er 21% btw bij: EUR 15,75');
	});

	it('adds VAT to the minimum: 40.00 -> 48.40', async () => {
		const costs = await costsFor(10000, { creditorCanDeductVat: false });
		expect(costs.costsInclVatCents).toBe(4840);
	});

	it('uses another VAT rate from the parameter', async () => {
		const costs = await costsFor(100000, { creditorCanDeductVat: false, vatRatePercent: 9 });
		// 150.00 + 9% = 13.50
		expect(costs.vatCents).toBe(1350);
		expect(costs.totalCostsCents).toBe(16350);
	});

	it('ignores the VAT rate while the creditor can deduct VAT (the default)', async () => {
		const costs = await costsFor(100000, { vatRatePercent: 9 });
		expect(costs.vatCents).toBe(0);
		expect(costs.totalCostsCents).toBe(15000);
	});

	it('caps costs at 140.00 for an instalment below 266.67', async () => {
		// 3,000 -> 425.00 by the scale; the instalment of 100.00 triggers the cap of 140.00.
		const costs = await costsFor(300000, { options: { instalmentEuros: 100 } });
		expect(costs.totalCostsCents).toBe(14000);
		expect(costs.smallClaimCap.reason).toBe('instalment-below-threshold');
		expect(costs.smallClaimCap.reducedByCents).toBe(42500 - 14000);
		expect(costs.sentenceKeys).toContain('costs.smallClaimCap');
	});

	it('counts costs already charged against the cap, and refuses clearly when it is used up', async () => {
		const partly = await costsFor(300000, { options: { instalmentEuros: 100, smallClaimCostsAlreadyChargedEuros: 100 } });
		expect(partly.totalCostsCents).toBe(4000);
		const used = await costsFor(300000, { options: { instalmentEuros: 100, smallClaimCostsAlreadyChargedEuros: 140 } });
		expect(used.totalCostsCents).toBe(0);
		expect(used.allowed).toBe(false);
		expect(used.refusal.code).toBe('small-claim-cap-reached');
		expect(used.reasons.en[0]).toMatch(/at most EUR 140.00 in total/);
	});

	it('caps at 140.00 including VAT: 115.70 + 24.30 VAT', async () => {
		const costs = await costsFor(300000, { creditorCanDeductVat: false, options: { instalmentEuros: 100 } });
		// Largest amount x with x + round(21% of x) <= 140.00: 115.70 + 24.30 (24.297) = 140.00
		expect([costs.costsExclVatCents, costs.vatCents, costs.totalCostsCents]).toEqual([11570, 2430, 14000]);
		const excluded = await costsFor(300000, { creditorCanDeductVat: false, options: { instalmentEuros: 100, smallClaimCapVat: 'excluded' } });
		expect([excluded.costsExclVatCents, excluded.vatCents]).toEqual([14000, 2940]);
	});

	it('charges a business debtor a flat 40.00 per claim after the payment term, without a letter and without VAT', async () => {
		const business = { debtorId: 'B-1', debtorType: 'business', companyName: 'Bakkerij BV', claims: [claim('X', 120000, '2026-05-01'), claim('Y', 5000, '2026-06-01')] };
		const [[out]] = await run([business], { purpose: 'charge', referenceDate: '2026-06-30', includeInterest: false, creditorCanDeductVat: false });
		const costs = out.json.costs;
		expect(costs.allowed).toBe(true);
		expect(costs.method).toBe('business-flat');
		expect(costs.businessFlat).toEqual({ perClaimCents: 4000, claimCount: 2, totalCents: 8000 });
		expect(costs.vatCents).toBe(0);
		expect(costs.totalCostsCents).toBe(8000);
		expect(costs.sentenceKeys).toContain('costs.businessFlatFee');
	});

	it('applies the BIK scale to a business debtor when agreed', async () => {
		const business = { debtorId: 'B-2', debtorType: 'business', claims: [claim('X', 100000, '2026-05-01')] };
		const [[out]] = await run([business], { purpose: 'charge', referenceDate: '2026-06-30', includeInterest: false, options: { businessMethod: 'bik-scale' } });
		expect(out.json.costs.totalCostsCents).toBe(15000);
	});
});

describe('Collection Costs node: statutory interest', () => {
	it('splits at a rate change and a year boundary, and compounds after a full year', async () => {
		// 1,000.00 due 2023-06-30, in default from 2023-07-01, interest until 2024-12-31 (built-in table):
		//  2023-07-01..2023-12-31: 184 days at 6% on 1,000.00, /365: 100000 x 0.06 x 184 / 365 = 3024.66 -> 3025
		//  2024-01-01..2024-06-30: 182 days at 7%, /366:          100000 x 0.07 x 182 / 366 = 3480.87 -> 3481
		//  2024-07-01: one full year: 3025 + 3481 = 6506 added, base 106,506 cents
		//  2024-07-01..2024-12-31: 184 days at 7%, /366:          106506 x 0.07 x 184 / 366 = 3748.07 -> 3748
		const item = consumer('D-I', [claim('C-1', 100000, '2023-06-30', { invoiceDate: '2023-06-01' })]);
		const [[out]] = await run([item], { purpose: 'announce', referenceDate: '2024-12-31' });
		const interest = out.json.costs.interest;
		expect(interest.kind).toBe('consumer');
		expect(interest.until).toBe('2024-12-31');
		expect(interest.perClaim[0].startDate).toBe('2023-07-01');
		expect(interest.perClaim[0].periods.map((p: Json) => [p.from, p.to, p.ratePercent, p.baseCents, p.interestCents])).toEqual([
			['2023-07-01', '2023-12-31', 6, 100000, 3025],
			['2024-01-01', '2024-06-30', 7, 100000, 3481],
			['2024-07-01', '2024-12-31', 7, 106506, 3748],
		]);
		expect(interest.perClaim[0].compoundings).toEqual([{ date: '2024-07-01', addedCents: 6506, newBaseCents: 106506 }]);
		expect(interest.totalCents).toBe(10254);
		// principal 1,000 + costs 150 + interest 102.54
		expect(out.json.costs.grandTotalCents).toBe(100000 + 15000 + 10254);
		expect(out.json.costs.lines.en).toContain(
			'On 1 July 2024 the past year\'s interest (EUR 65.06) was added to the amount; interest then runs on EUR 1,065.06',
		);
	});

	it('uses the rate table from the parameter, per kind', async () => {
		// 10,000.00 from 2024-01-01 to 2024-12-31 at 8% (own table) over 366/366 days = 800.00
		const item = consumer('D-R', [claim('C-1', 1000000, '2023-12-31', { invoiceDate: '2023-12-01' })]);
		const rates = JSON.stringify({ consumer: [{ from: '2023-01-01', ratePercent: 8 }] });
		const [[out]] = await run([item], { purpose: 'announce', referenceDate: '2024-12-31', interestOptions: { rates } });
		expect(out.json.costs.interest.totalCents).toBe(80000);
		expect(out.json.costs.warnings).toEqual([]);
	});

	it('uses the commercial table for business debtors', async () => {
		// 1,000.00 from 2024-01-01 to 2024-06-30 at 12.5% (built-in commercial): 100000 x 0.125 x 182/366 = 6215.85 -> 6216
		const business = { debtorId: 'B-3', debtorType: 'business', claims: [claim('X', 100000, '2023-12-31', { invoiceDate: '2023-12-01' })] };
		const [[out]] = await run([business], { purpose: 'charge', referenceDate: '2024-06-30' });
		expect(out.json.costs.interest.kind).toBe('commercial');
		expect(out.json.costs.interest.totalCents).toBe(6216);
	});

	it('warns when the interest runs past the date the table is known to be right', async () => {
		const [[out]] = await run([consumer('D-W', [claim('C-1', 100000, '2026-03-01')])], { purpose: 'announce', referenceDate: '2026-06-30' });
		expect(out.json.costs.warnings.join(' ')).toMatch(/only known to be current until 2024-12-31/);
	});

	it('stops the node on a broken rate table, naming the entry', async () => {
		const rates = JSON.stringify({ consumer: [{ from: '2024-13-01', ratePercent: 7 }] });
		await expect(run([consumer('D-1', [claim('C-1', 100, '2026-03-01')])], { interestOptions: { rates } })).rejects.toThrow(
			/Rate Table, consumer: rates\[0\] \(from "2024-13-01"\) from must be a calendar date/,
		);
		await expect(run([consumer('D-1', [claim('C-1', 100, '2026-03-01')])], { interestOptions: { rates: '{"consumer": [' } })).rejects.toThrow(
			/Rate Table is not valid JSON/,
		);
		await expect(run([consumer('D-1', [claim('C-1', 100, '2026-03-01')])], { interestOptions: { rates: '{"civil": []}' } })).rejects.toThrow(
			/"civil" is not a kind of interest/,
		);
	});
});

describe('Collection Costs node: the 14-day letter gate', () => {
	// Domain brief: a letter sent on Friday 24 April 2026 is presumed received on Tuesday 28 April;
	// the last day to pay is Tuesday 12 May 2026; costs may be charged from 13 May.
	const withLetter = consumer('D-L', [claim('C-1', 50000, '2026-03-31')], { contacts: [letterContact('2026-04-24', 'C-1')] });

	it('refuses costs while the term runs, naming the claim and the first day costs are allowed', async () => {
		const [[out]] = await run([withLetter], { purpose: 'charge', referenceDate: '2026-05-12', includeInterest: false });
		const costs = out.json.costs;
		expect(costs.allowed).toBe(false);
		expect(costs.totalCostsCents).toBe(0);
		expect(costs.refusal.code).toBe('letter-term-running');
		expect(costs.refusal.en).toBe(
			'No collection costs: the term of the 14-day letter for claim C-1 (sent on 24 April 2026) has not ended. Costs may be charged from 13 May 2026 if it is still unpaid then.',
		);
		expect(costs.refusal.nl).toMatch(/Incassokosten mogen pas vanaf 13 mei 2026/);
		expect(costs.claims[0].letter).toEqual({
			sentDate: '2026-04-24',
			presumedReceiptDate: '2026-04-28',
			termStartDate: '2026-04-29',
			lastDayToPay: '2026-05-12',
			costsFromDate: '2026-05-13',
			extended: false,
			source: 'contacts',
		});
	});

	it('allows costs from the day after the last day to pay', async () => {
		const [[out]] = await run([withLetter], { purpose: 'charge', referenceDate: '2026-05-13', includeInterest: false });
		expect(out.json.costs.allowed).toBe(true);
		expect(out.json.costs.totalCostsCents).toBe(7500);
		expect(out.json.costs.refusal).toBeNull();
	});

	it('refuses costs when no 14-day letter was sent', async () => {
		const [[out]] = await run([consumer('D-N', [claim('C-1', 50000, '2026-03-31')])], { purpose: 'charge', referenceDate: '2026-06-30' });
		expect(out.json.costs.allowed).toBe(false);
		expect(out.json.costs.refusal.code).toBe('no-letter');
		expect(out.json.costs.refusal.en).toMatch(/^No collection costs: no 14-day letter was sent for claim C-1\./);
		expect(out.json.costs.interest).toBeNull();
	});

	it('charges only the claims whose term has passed and explains the others', async () => {
		const item = consumer('D-M', [claim('OLD', 50000, '2026-03-31'), claim('NEW', 50000, '2026-05-31')], {
			contacts: [letterContact('2026-04-24', 'OLD'), letterContact('2026-06-26', 'NEW')],
		});
		const [[out]] = await run([item], { purpose: 'charge', referenceDate: '2026-06-30', includeInterest: false });
		const costs = out.json.costs;
		expect(costs.includedClaimIds).toEqual(['OLD']);
		expect(costs.totalCostsCents).toBe(7500);
		expect(costs.claims[1].status).toBe('letter-term-running');
		expect(costs.reasons.en).toEqual([
			'Claim NEW: no collection costs, because the term of the 14-day letter of 26 June 2026 has not ended; costs may be charged from 15 July 2026.',
		]);
	});

	it('reads the letter date from schedule, journey.letters and the Letter Sent On option', async () => {
		const base = consumer('D-S', [claim('C-1', 50000, '2026-03-31')]);
		const viaSchedule = { ...base, schedule: { fourteenDayLetter: { sendDate: '2026-04-24' } } };
		const viaJourney = { ...base, journey: { letters: [{ claimId: 'C-1', sentDate: '2026-04-24' }] } };
		const [[a, b]] = await run([viaSchedule, viaJourney], { purpose: 'charge', referenceDate: '2026-05-13', includeInterest: false });
		expect([a.json.costs.allowed, a.json.costs.claims[0].letter.source]).toEqual([true, 'schedule']);
		expect([b.json.costs.allowed, b.json.costs.claims[0].letter.source]).toEqual([true, 'journey']);
		const [[c]] = await run([base], { purpose: 'charge', referenceDate: '2026-05-13', includeInterest: false }, {
			expressions: { options: () => ({ letterSentOn: '2026-04-24' }) },
		});
		expect([c.json.costs.allowed, c.json.costs.claims[0].letter.source]).toEqual([true, 'parameter']);
	});

	it('does not count a planned letter date after the reference date as sent', async () => {
		const planned = { ...consumer('D-P', [claim('C-1', 50000, '2026-03-31')]), schedule: { sendDate: '2026-07-10' } };
		const [[out]] = await run([planned], { purpose: 'charge', referenceDate: '2026-06-30', includeInterest: false });
		expect(out.json.costs.refusal.code).toBe('no-letter');
	});

	it('does not count a letter whose send failed', async () => {
		const failed = consumer('D-F', [claim('C-1', 50000, '2026-03-31')], {
			contacts: [{ ...letterContact('2026-04-24', 'C-1'), outcome: 'failed' }],
		});
		const [[out]] = await run([failed], { purpose: 'charge', referenceDate: '2026-06-30', includeInterest: false });
		expect(out.json.costs.refusal.code).toBe('no-letter');
	});

	it('announces the costs for the claims the journey puts in its 14-day letter (purpose auto)', async () => {
		const item = {
			...consumer('D-A', [claim('A', 50000, '2026-04-30'), claim('B', 50000, '2026-05-31')]),
			journey: { action: 'step', stage: 'fourteen-day-letter', claimIds: ['A'] },
		};
		const [[out]] = await run([item], { referenceDate: '2026-06-30', includeInterest: false });
		expect(out.json.costs.purpose).toBe('announce');
		expect(out.json.costs.includedClaimIds).toEqual(['A']);
		expect(out.json.costs.totalCostsCents).toBe(7500);
		expect(out.json.costs.claims[1].status).toBe('not-in-letter');
		// Without a planned letter, auto means charge: no letter, no costs.
		const [[plain]] = await run([{ ...item, journey: { action: 'step', stage: 'reminder-2' } }], { referenceDate: '2026-06-30' });
		expect(plain.json.costs.purpose).toBe('charge');
		expect(plain.json.costs.allowed).toBe(false);
	});

	it('extends a term that ends on a holiday unless switched off', async () => {
		// Sent Monday 2026-04-13 (a Monday is no delivery day): received Wednesday 15 April, 14 days from
		// 16 April end Wednesday 29 April: an ordinary working day, so no extension. Sent Thursday
		// 2026-04-09: received Saturday 11 April, term from 12 April ends Saturday 25 April; extended
		// past Sunday 26 and King's Day Monday 27 April to Tuesday 28 April.
		const item = consumer('D-K', [claim('C-1', 50000, '2026-03-31')], { contacts: [letterContact('2026-04-09', 'C-1')] });
		const [[extended]] = await run([item], { purpose: 'charge', referenceDate: '2026-04-28', includeInterest: false });
		expect(extended.json.costs.claims[0].letter.lastDayToPay).toBe('2026-04-28');
		expect(extended.json.costs.allowed).toBe(false);
		const [[plain]] = await run([item], { purpose: 'charge', referenceDate: '2026-04-28', includeInterest: false, options: { extendTerm: false } });
		expect(plain.json.costs.claims[0].letter.lastDayToPay).toBe('2026-04-25');
		expect(plain.json.costs.allowed).toBe(true);
	});
});

describe('Collection Costs node: designated days in a year without a decree', () => {
	// Sent Wednesday 11 December 2030: received Friday 13 December, 14 days end on Friday 27
	// December, the Friday after Boxing Day on a Thursday. No decree covers 2030 yet: with the careful
	// default that Friday is designated, so the term runs to Monday 30 December.
	const item = consumer('D-X', [claim('C-1', 50000, '2030-10-01')], { contacts: [letterContact('2030-12-11', 'C-1')] });
	const charge = { purpose: 'charge', referenceDate: '2030-12-30', includeInterest: false };

	it('offers Assume Usual Designated Days, on by default', () => {
		const options = collectionCostsProperties.find((p) => p.name === 'options')!.options as Array<{ name: string; default: unknown }>;
		expect(options.find((o) => o.name === 'assumeUsualDesignatedDays')?.default).toBe(true);
	});

	it('extends the term past the assumed day; off, the term ends on it', async () => {
		const [[on]] = await run([item], charge);
		expect(on.json.costs.claims[0].letter).toMatchObject({ lastDayToPay: '2030-12-30', costsFromDate: '2030-12-31', extended: true });
		expect(on.json.costs.allowed).toBe(false);
		const [[off]] = await run([item], { ...charge, options: { assumeUsualDesignatedDays: false } });
		expect(off.json.costs.claims[0].letter).toMatchObject({ lastDayToPay: '2030-12-27', costsFromDate: '2030-12-28', extended: false });
		expect(off.json.costs.allowed).toBe(true);
	});

	it('reads the option per item (one calendar per setting)', async () => {
		const [[a, b, c]] = await run([item, { ...item, debtorId: 'D-Y' }, { ...item, debtorId: 'D-Z' }], charge, {
			expressions: { options: (json) => (json.debtorId === 'D-Y' ? { assumeUsualDesignatedDays: false } : {}) },
		});
		expect([a, b, c].map((out) => out.json.costs.claims[0].letter.lastDayToPay)).toEqual(['2030-12-30', '2030-12-27', '2030-12-30']);
	});
});

describe('Collection Costs node: items and errors', () => {
	it('names the item, debtor and field of an invalid record', async () => {
		const bad = consumer('D-BAD', [claim('C-1', -5, '2026-03-01')]);
		await expect(run([bad], ANNOUNCE)).rejects.toThrow('Item 0 (debtor D-BAD): field "claims[0].openCents" must not be negative');
	});

	it('passes a failing item on with its error under continueOnFail', async () => {
		const [[good, bad]] = await run([consumer('D-1', [claim('C-1', 100, '2026-03-01')]), consumer('D-2', [claim('C-1', -5, '2026-03-01')])], ANNOUNCE, {
			continueOnFail: true,
		});
		expect(good.json.costs).toBeDefined();
		expect(bad.json.error).toMatch(/^Item 1 \(debtor D-2\): field "claims\[0\].openCents" must not be negative/);
		expect(bad.pairedItem).toEqual({ item: 1 });
	});

	it('reads a reference date per item from an expression', async () => {
		const [[a, b]] = await run([withDate('2026-05-12'), withDate('2026-05-13')], { purpose: 'charge', includeInterest: false }, {
			expressions: { referenceDate: (json) => json.asOf },
		});
		expect([a.json.costs.allowed, b.json.costs.allowed]).toEqual([false, true]);
		function withDate(asOf: string): Json {
			return { ...consumer('D-E', [claim('C-1', 50000, '2026-03-31')], { contacts: [letterContact('2026-04-24', 'C-1')] }), asOf };
		}
	});

	it('keeps the VAT default in the description equal to the domain default', () => {
		expect(collectionCostsProperties.find((p) => p.name === 'vatRatePercent')!.default).toBe(DEFAULT_VAT_RATE_PERCENT);
	});
});
