/* eslint-disable @typescript-eslint/no-explicit-any -- node outputs are loose JSON, read field by field in the assertions */
/**
 * The Payment Arrangement node: "Propose Plans" and "Check Arrangement", parameters in euros, the
 * amount from the claims (optionally with the costs from the Collection Costs node), and errors that
 * name the field. The proposal and check rules have their own unit tests (test/unit/arrangement).
 */
import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { PaymentArrangement } from '../../nodes/PaymentArrangement/PaymentArrangement.node';
import { paymentArrangementProperties } from '../../nodes/PaymentArrangement/description';

type Json = Record<string, any>;
type Out = Array<Array<{ json: Json; pairedItem?: unknown }>>;

async function run(items: Json[], parameters: Json = {}, options: { continueOnFail?: boolean; expressions?: Record<string, (json: Json) => unknown> } = {}): Promise<Out> {
	const ctx = mock<IExecuteFunctions>();
	const input = items.map((json) => ({ json }));
	const raw: Json = { ...parameters };
	for (const name of Object.keys(options.expressions ?? {})) raw[name] = '={{ $json.expression }}';
	ctx.getInputData.mockReturnValue(input);
	ctx.getNode.mockReturnValue({ id: '1', name: 'Arrange', type: 'paymentArrangement', typeVersion: 1, position: [0, 0], parameters: raw } as INode);
	ctx.getTimezone.mockReturnValue('Europe/Amsterdam');
	ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	(ctx.getNodeParameter as jest.Mock).mockImplementation((name: string, itemIndex: number, fallback: unknown) => {
		const expression = options.expressions?.[name];
		if (expression) return expression(input[itemIndex].json);
		return name in parameters ? parameters[name] : fallback;
	});
	return (await new PaymentArrangement().execute.call(ctx)) as unknown as Out;
}

function debtor(extra: Json = {}): Json {
	return {
		debtorId: 'D-1',
		household: { composition: 'single' },
		// EUR 1,464.47 net: EUR 200.00 above the approximate 2025 floor for a single person (EUR 1,264.47).
		income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 146447 },
		claims: [
			{ claimId: 'C-1', principalCents: 40000, openCents: 40000, invoiceDate: '2026-04-01', dueDate: '2026-05-01' },
			{ claimId: 'C-2', principalCents: 20000, openCents: 20000, invoiceDate: '2026-05-01', dueDate: '2026-06-01' },
			{ claimId: 'LATER', principalCents: 9900, openCents: 9900, invoiceDate: '2026-06-15', dueDate: '2026-07-15' },
			{ claimId: 'PAID', principalCents: 5000, openCents: 0, invoiceDate: '2026-03-01', dueDate: '2026-04-01' },
		],
		...extra,
	};
}

const PROPOSE = { operation: 'propose', referenceDate: '2026-06-30' };

describe('Payment Arrangement node: propose', () => {
	it('spreads the open claims in default over plans within the room above the floor', async () => {
		const [[out]] = await run([debtor({ note: 'kept' })], PROPOSE);
		const a = out.json.arrangement;
		expect(out.json.note).toBe('kept');
		expect(out.pairedItem).toEqual({ item: 0 });
		// 400 + 200 = 600.00 (LATER is not due yet, PAID is paid); at most 200.00 a month: 3, 6 or 12 terms... the
		// most allowed by the EUR 25 minimum is 24, capped at 12.
		expect(a).toMatchObject({ operation: 'propose', status: 'proposed', amountSource: 'open', amountCents: 60000, referenceDate: '2026-06-30', recommended: 0 });
		expect(a.capacity).toMatchObject({ monthlyCents: 20000, source: 'income', incomeCents: 146447, roomCents: 20000 });
		expect(a.proposals.map((p: Json) => [p.terms, p.instalmentCents])).toEqual([
			[3, 20000],
			[6, 10000],
			[12, 5000],
		]);
		expect(a.proposals[0].claimIds).toEqual(['C-1', 'C-2']);
		// Salary on Sat 25 Jul comes Fri 24 Jul; the instalment a working day later, Mon 27 Jul.
		expect(a.proposals[0].instalments[0]).toEqual({ number: 1, dueDate: '2026-07-27', amountCents: 20000, incomeDate: '2026-07-24', incomeAssumed: false });
		expect(a.reasons.en.at(-1)).toBe('Proposal: 3 instalments of EUR 200.00, the first on 27 July 2026, each 1 working day after the income.');
	});

	it('adds the collection costs and interest when asked', async () => {
		const item = debtor({ costs: { allowed: true, totalCostsCents: 9000, interestTotalCents: 1234 } });
		const [[out]] = await run([item], { ...PROPOSE, amountSource: 'open-plus-costs' });
		expect(out.json.arrangement.amountCents).toBe(60000 + 9000 + 1234);
		expect(out.json.arrangement.proposals.every((p: Json) => p.instalments.reduce((s: number, i: Json) => s + i.amountCents, 0) === 70234)).toBe(true);
	});

	it('takes a custom amount and a stated capacity in euros, per item from expressions', async () => {
		const [[a, b]] = await run([debtor({ ask: 150 }), debtor({ ask: 50 })], { ...PROPOSE, amountSource: 'custom', amountEuros: 300 }, {
			expressions: { capacityEuros: (json) => json.ask },
		});
		expect([a.json.arrangement.capacity.monthlyCents, a.json.arrangement.proposals[0].terms]).toEqual([15000, 2]);
		expect([b.json.arrangement.capacity.monthlyCents, b.json.arrangement.proposals[0].terms]).toEqual([5000, 6]);
	});

	it('respects the minimum instalment and maximum terms from the parameters', async () => {
		const [[out]] = await run([debtor()], { ...PROPOSE, minimumInstalmentEuros: 100, maximumTerms: 5 });
		// 600.00 with at least 100.00 a term: at most 6 terms, capped at 5; at most 200.00 a month: at least 3.
		expect(out.json.arrangement.proposals.map((p: Json) => p.terms)).toEqual([3, 5]);
	});

	it('proposes nothing for an income at the floor, and says why', async () => {
		const [[out]] = await run([debtor({ income: { type: 'bijstand', netMonthlyCents: 126447 } })], PROPOSE);
		expect(out.json.arrangement.status).toBe('no-capacity');
		expect(out.json.arrangement.proposals).toEqual([]);
	});

	it('uses a floor table from the parameter, and stops on a broken one', async () => {
		const floorNorms = JSON.stringify([{ from: '2026-01-01', amounts: { single: 136447, 'single-parent': 136447, couple: 190000, 'couple-with-children': 190000, other: 190000 } }]);
		const [[out]] = await run([debtor()], { ...PROPOSE, proposeOptions: { floorNorms } });
		expect(out.json.arrangement.capacity.monthlyCents).toBe(10000);
		await expect(run([debtor()], { ...PROPOSE, proposeOptions: { floorNorms: '[{"from": "2026-01-01"}]' } })).rejects.toThrow(
			/Protected floor norms: floorNorms\[0\]\.amounts\.single must be a whole number of cents/,
		);
	});

	it('names an impossible option with the item and debtor', async () => {
		await expect(run([debtor()], { ...PROPOSE, maximumTerms: 2.5 })).rejects.toThrow('Item 0 (debtor D-1): field "maximumTerms" must be a whole number from 1 to 120');
	});

	it('refuses a euro amount that is given but is not one, naming the field (never silently "not set")', async () => {
		await expect(run([debtor({ ask: 'two hundred' })], PROPOSE, { expressions: { capacityEuros: (json) => json.ask } })).rejects.toThrow(
			'Item 0 (debtor D-1): field "capacityEuros" "two hundred" is not an amount in euros',
		);
		await expect(run([debtor({ ask: '12.345' })], PROPOSE, { expressions: { minimumInstalmentEuros: (json) => json.ask } })).rejects.toThrow(
			/field "minimumInstalmentEuros" "12\.345" is ambiguous/,
		);
		// Written the Dutch way, read exactly: EUR 150,00 a month over EUR 300,00 is two terms.
		const [[out]] = await run([debtor({ ask: '150,00' })], { ...PROPOSE, amountSource: 'custom', amountEuros: '300' }, { expressions: { capacityEuros: (json) => json.ask } });
		expect([out.json.arrangement.capacity.monthlyCents, out.json.arrangement.proposals[0].terms]).toEqual([15000, 2]);
	});
});

describe('Payment Arrangement node: a stated income', () => {
	it('replaces the record\'s income for the floor, read by the one euros rule; empty keeps the record\'s', async () => {
		// EUR 1.364,47 stated (Dutch notation): EUR 100.00 above the single floor, so at most 100.00 a month.
		const [[stated]] = await run([debtor()], { ...PROPOSE, proposeOptions: { incomeEuros: '1.364,47' } });
		expect(stated.json.arrangement.capacity).toMatchObject({ source: 'income', incomeCents: 136447, monthlyCents: 10000 });
		expect(stated.json.income.netMonthlyCents).toBe(146447);
		const [[empty]] = await run([debtor()], { ...PROPOSE, proposeOptions: { incomeEuros: '' } });
		expect(empty.json.arrangement.capacity.incomeCents).toBe(146447);
		const [[without]] = await run([debtor({ income: { type: 'salary-monthly', dayOfMonth: 25 } })], { ...PROPOSE, proposeOptions: { incomeEuros: '1264.47' } });
		expect([without.json.arrangement.status, without.json.arrangement.capacity.incomeCents]).toEqual(['no-capacity', 126447]);
	});

	it('refuses an income that is not an amount, or below zero, naming the option', async () => {
		await expect(run([debtor()], { ...PROPOSE, proposeOptions: { incomeEuros: '0.001' } })).rejects.toThrow(/field "proposeOptions\.incomeEuros" "0\.001" is/);
		await expect(run([debtor()], { ...PROPOSE, proposeOptions: { incomeEuros: '-5' } })).rejects.toThrow(
			'Item 0 (debtor D-1): field "proposeOptions.incomeEuros" must be an amount in euros of at least 0',
		);
		const [[out]] = await run([debtor()], { ...PROPOSE, proposeOptions: { incomeEuros: '1e3' } }, { continueOnFail: true });
		expect(out.json.errorDetails).toMatchObject({ field: 'proposeOptions.incomeEuros', debtorId: 'D-1' });
		expect(out.json.arrangement).toBeUndefined();
	});
});

describe('Payment Arrangement node: check', () => {
	const plan = {
		agreedOn: '2026-03-10',
		totalCents: 30000,
		instalments: [
			{ number: 1, dueDate: '2026-03-26', amountCents: 10000 },
			{ number: 2, dueDate: '2026-04-27', amountCents: 10000 },
			{ number: 3, dueDate: '2026-05-26', amountCents: 10000 },
		],
	};
	const CHECK = { operation: 'check', referenceDate: '2026-04-30' };

	it('reports the state and keeps the plan under "arrangement"', async () => {
		const item = debtor({ arrangement: { plan }, payments: [{ amountCents: 10000, date: '2026-03-26' }] });
		const [[out]] = await run([item], CHECK);
		expect(out.json.arrangement).toMatchObject({
			operation: 'check',
			plan,
			state: 'missed',
			missed: { number: 2, dueDate: '2026-04-27', openCents: 10000, days: 3 },
			paidCents: 10000,
			expectedCents: 20000,
			arrearsCents: 10000,
		});
	});

	it('reads the plan from another field and applies reminder and grace days', async () => {
		const item = debtor({ crm: { plan }, payments: [{ amountCents: 10000, date: '2026-03-26' }] });
		const [[out]] = await run([item], { ...CHECK, planField: 'crm.plan', graceDays: 5 });
		expect(out.json.arrangement.state).toBe('due-soon');
		const [[early]] = await run([item], { ...CHECK, referenceDate: '2026-04-20', planField: 'crm.plan', reminderDays: 7 });
		expect(early.json.arrangement.state).toBe('due-soon');
	});

	it('says clearly when the item has no plan, or a broken one', async () => {
		await expect(run([debtor()], CHECK)).rejects.toThrow('Item 0 (debtor D-1): field "arrangement.plan" holds no arrangement plan; store the agreed plan there (see the docs)');
		const broken = debtor({ arrangement: { plan: { instalments: [{ dueDate: '26-03-2026', amountCents: 100 }] } } });
		await expect(run([broken], CHECK)).rejects.toThrow('field "arrangement.plan.instalments[0].dueDate" must be a date written as YYYY-MM-DD');
		const [[failed]] = await run([broken], CHECK, { continueOnFail: true });
		expect(failed.json.errorDetails).toMatchObject({ field: 'arrangement.plan.instalments[0].dueDate', debtorId: 'D-1' });
	});
});

describe('Payment Arrangement node: description', () => {
	it('keeps the parameter defaults equal to the domain defaults', () => {
		const defaults = Object.fromEntries(paymentArrangementProperties.map((p) => [p.name, p.default]));
		expect(defaults).toMatchObject({ minimumInstalmentEuros: 25, maximumTerms: 12, maximumTermsWithDebtHelp: 24, reminderDays: 3, graceDays: 0, planField: 'arrangement.plan' });
		const options = paymentArrangementProperties.find((p) => p.name === 'proposeOptions')!.options as Array<{ name: string; default: unknown }>;
		expect(Object.fromEntries(options.map((o) => [o.name, o.default]))).toMatchObject({ firstInstalmentAfterDays: 7, alternatives: 3, paymentDelayWorkingDays: 1 });
	});
});
