/* eslint-disable @typescript-eslint/no-explicit-any -- node outputs are loose JSON, read field by field in the assertions */
/* eslint-disable @n8n/community-nodes/no-dangerous-functions -- evaluates the node's output expression the way the editor does */
import { NodeOperationError } from 'n8n-workflow';

import { DebtorSegmenter, debtorSegmenterOutputs } from '../../nodes/DebtorSegmenter/DebtorSegmenter.node';
import { debtorSegmenterProperties } from '../../nodes/DebtorSegmenter/description';
import { BEHAVIOUR_LABELS, BEHAVIOURS, DEFAULT_SEGMENTATION_SETTINGS, PERSONA_LABELS, PERSONAS } from '../../nodes/shared/segmentation';
import { pairedIndexes, runNode } from './harness';

const node = new DebtorSegmenter();

/** Monthly claims due on the 15th of Jul 2025 .. Jun 2026; `open` lists the months (1-12) left unpaid. */
function debtor(debtorId: string, open: number[] = [], extra: Record<string, unknown> = {}) {
	const claims = [];
	const payments = [];
	for (let i = 0; i < 12; i++) {
		const month = ((6 + i) % 12) + 1;
		const year = month >= 7 ? 2025 : 2026;
		const due = `${year}-${String(month).padStart(2, '0')}-15`;
		const unpaid = open.includes(month);
		claims.push({ claimId: `${debtorId}-${i}`, principalCents: 5000, openCents: unpaid ? 5000 : 0, invoiceDate: due.slice(0, 8) + '01', dueDate: due });
		if (!unpaid) payments.push({ claimId: `${debtorId}-${i}`, amountCents: 5000, date: due });
	}
	return { debtorId, contact: { email: 'x@example.nl' }, claims, payments, ...extra };
}

const portfolio = [
	debtor('CUR'),
	debtor('FORGOT', [6]),
	debtor('DEAD', [5, 6], { flags: { deceased: true } }),
	{ debtorId: 'BAD', claims: [{ claimId: 'X', principalCents: 100, openCents: 100, invoiceDate: '2026-01-01', dueDate: '2026-02-30' }] },
	debtor('HELP', [6], { flags: { debtHelp: true } }),
];
const base = { referenceDate: '2026-06-30', language: 'en' };

describe('Debtor Segmenter node', () => {
	test('routes each debtor to its persona output, invalid records last, with pairedItem', async () => {
		const outputs = await runNode(node, portfolio, { parameters: base });
		expect(outputs).toHaveLength(PERSONAS.length + 1);
		expect(outputs.map((items) => items.map((item) => item.json.debtorId))).toEqual([
			['CUR'], ['FORGOT'], [], [], [], [], [], ['DEAD'], ['HELP'], [], ['BAD'],
		]);
		expect(pairedIndexes(outputs)).toEqual([[0], [1], [], [], [], [], [], [2], [4], [], [3]]);
	});

	test('leaves the rest of the item untouched and adds the result under "segmentation"', async () => {
		const [current] = (await runNode(node, [portfolio[0]], { parameters: base }))[0];
		const { segmentation, ...rest } = current.json as Record<string, unknown>;
		expect(rest).toEqual(portfolio[0]);
		expect(segmentation).toMatchObject({ persona: 'current', behaviour: 'on-time', tone: 'neutral', action: 'none', signals: [], labels: [] });
	});

	test('routes by payment behaviour or to a single output', async () => {
		const byBehaviour = await runNode(node, portfolio, { parameters: { ...base, routing: 'behaviour' } });
		expect(byBehaviour).toHaveLength(BEHAVIOURS.length + 1);
		expect(byBehaviour.map((items) => items.map((item) => item.json.debtorId))).toEqual([[], ['CUR', 'FORGOT', 'HELP'], ['DEAD'], [], ['BAD']]);
		const single = await runNode(node, portfolio, { parameters: { ...base, routing: 'single' } });
		expect(single.map((items) => items.length)).toEqual([4, 1]);
	});

	test('the invalid output carries the error: item index, debtor id, field, all problems', async () => {
		const outputs = await runNode(node, portfolio, { parameters: base });
		const error = outputs[PERSONAS.length][0].json.error as Record<string, unknown>;
		expect(error).toEqual({
			message: 'Item 3 (debtor BAD): field "claims[0].dueDate" is not a valid calendar date (YYYY-MM-DD)',
			itemIndex: 3,
			debtorId: 'BAD',
			field: 'claims[0].dueDate',
			problems: [{ field: 'claims[0].dueDate', message: 'is not a valid calendar date (YYYY-MM-DD)' }],
		});
	});

	test('"The Whole Record" checks every field, also those the segmentation does not read (before a record is saved)', async () => {
		const longName = debtor('LONG', [], { firstName: 'A'.repeat(300), language: 123 });
		const read = await runNode(node, [longName], { parameters: { ...base, routing: 'single' } });
		expect(read.map((items) => items.length)).toEqual([1, 0]);
		const whole = await runNode(node, [longName, portfolio[0]], { parameters: { ...base, routing: 'single', check: 'whole' } });
		expect(whole.map((items) => items.map((item) => item.json.debtorId))).toEqual([['CUR'], ['LONG']]);
		const error = whole[1][0].json.error as { problems: Array<{ field: string }> };
		expect(error.problems.map((problem) => problem.field).sort()).toEqual(['firstName', 'language']);
		expect(JSON.stringify(error)).not.toContain('AAAA');
	});

	test('without the invalid output, a bad record stops the node naming item, debtor and field', async () => {
		const run = runNode(node, portfolio, { parameters: { ...base, invalidRecords: 'fail' } });
		await expect(run).rejects.toThrow(NodeOperationError);
		await expect(run).rejects.toThrow('Item 3 (debtor BAD): field "claims[0].dueDate" is not a valid calendar date (YYYY-MM-DD)');
	});

	test('with continue-on-fail the bad record is passed on with its error, nothing is lost', async () => {
		const outputs = await runNode(node, portfolio, { parameters: { ...base, invalidRecords: 'fail', routing: 'single' }, continueOnFail: true });
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((item) => item.json.debtorId)).toEqual(['CUR', 'FORGOT', 'DEAD', 'BAD', 'HELP']);
		expect(outputs[0][3].json.error).toBe('Item 3 (debtor BAD): field "claims[0].dueDate" is not a valid calendar date (YYYY-MM-DD)');
		expect(pairedIndexes(outputs)).toEqual([[0, 1, 2, 3, 4]]);
	});

	test('checks the fields it reads: a fault elsewhere in the record does not stop segmentation; a rule brings its field', async () => {
		const record = debtor('ODD', [6], { firstName: 12, household: { adults: -1 }, iban: 'NL00WRONG' });
		(record.claims[0] as Record<string, unknown>).description = 'x'.repeat(800);
		delete (record.claims[1] as Record<string, unknown>).invoiceDate;
		const [segmented] = (await runNode(node, [record], { parameters: { ...base, routing: 'single' } }))[0];
		expect((segmented.json.segmentation as { persona: string }).persona).toBe('forgetful');
		const withRule = await runNode(node, [record], {
			parameters: { ...base, routing: 'single', customRules: { rule: [{ field: 'household.adults', operator: 'lessThan', value: '2', result: 'label', label: 'single adult' }] } },
		});
		expect(withRule[1][0].json.error).toMatchObject({ field: 'household.adults', debtorId: 'ODD' });
		record.claims[3].dueDate = '2025-10-32';
		const broken = await runNode(node, [record], { parameters: { ...base, routing: 'single' } });
		expect(broken[1][0].json.error).toMatchObject({ field: 'claims[3].dueDate', problems: [{ field: 'claims[3].dueDate', message: 'is not a valid calendar date (YYYY-MM-DD)' }] });
	});

	test('reasons come in the chosen language', async () => {
		const nl = (await runNode(node, [portfolio[1]], { parameters: { ...base, language: 'nl' } }))[1][0].json.segmentation as { reasons: string[] };
		const en = (await runNode(node, [portfolio[1]], { parameters: base }))[1][0].json.segmentation as { reasons: string[] };
		expect(nl.reasons[1]).toBe('Vergeten: één termijn achterstand en verder niet te laat, 15 dagen over de vervaldatum (hoogstens 30), 92% van de laatste 12 maanden op tijd betaald (grens 90%).');
		expect(en.reasons[1]).toBe('Forgetful: one term in arrears and no other late period, 15 days past due (at most 30), 92% of the last 12 months paid on time (threshold 90%).');
	});

	test('thresholds from the canvas change the decision', async () => {
		const outputs = await runNode(node, [portfolio[1]], { parameters: { ...base, thresholds: { forgetfulMaxDaysPastDue: 14 } } });
		expect(outputs[2].map((item) => item.json.debtorId)).toEqual(['FORGOT']);
	});

	test('a reference date given as an expression is read per item', async () => {
		const outputs = await runNode(node, [portfolio[1], portfolio[1]], {
			parameters: { ...base, referenceDate: '={{ $json.asOf }}', routing: 'single' },
			perItem: { referenceDate: (i) => (i === 0 ? '2026-06-20' : '2026-06-30') },
		});
		const days = outputs[0].map((item) => (item.json.segmentation as { features: { daysPastDue: number } }).features.daysPastDue);
		expect(days).toEqual([5, 15]);
	});

	test("a reference date from another node's first item is read once per run", async () => {
		const asked: number[] = [];
		const outputs = await runNode(node, [portfolio[1], portfolio[1], portfolio[1]], {
			parameters: { ...base, referenceDate: "={{ $('Settings').first().json.referenceDate }}", routing: 'single' },
			perItem: {
				referenceDate: (i) => {
					asked.push(i);
					return '2026-06-20';
				},
			},
		});
		expect(asked).toEqual([0]);
		expect(outputs[0].map((item) => (item.json.segmentation as { features: { daysPastDue: number } }).features.daysPastDue)).toEqual([5, 5, 5]);
	});

	test('a custom rule and a label', async () => {
		const outputs = await runNode(node, [portfolio[1]], {
			parameters: {
				...base,
				customRules: {
					rule: [
						{ field: 'features.daysPastDue', operator: 'greaterOrEqual', value: '10', result: 'label', label: 'two weeks' },
						{ field: 'features.daysPastDue', operator: 'greaterOrEqual', value: '10', result: 'persona', persona: 'overwhelmed' },
					],
				},
			},
		});
		const result = outputs[4][0].json.segmentation as { labels: string[]; persona: string };
		expect(result.persona).toBe('overwhelmed');
		expect(result.labels).toEqual(['two weeks']);
	});

	test('a capacity income that is not an amount in euros stops the node naming the setting', async () => {
		await expect(runNode(node, [portfolio[0]], { parameters: { ...base, thresholds: { capacityIncomeEuros: 'lots' } } })).rejects.toThrow(
			'Thresholds, Capacity Income (EUR per Month): "lots" is not an amount in euros',
		);
	});

	test('a wrong custom rule stops the node with a message naming the rule', async () => {
		await expect(
			runNode(node, [portfolio[0]], { parameters: { ...base, customRules: { rule: [{ field: '', operator: 'equals', result: 'label', label: 'x' }] } } }),
		).rejects.toThrow('Custom rules: Rule 1: the field is empty');
	});

	test('an experiment assigns every debtor a stable arm', async () => {
		const parameters = { ...base, routing: 'single', experiment: { name: 'sms-first', variantPercent: 50 } };
		const first = await runNode(node, portfolio, { parameters });
		const second = await runNode(node, portfolio, { parameters });
		expect(first[0].map((item) => item.json.segmentation)).toEqual(second[0].map((item) => item.json.segmentation));
		expect((first[0][0].json.segmentation as { arm: { experiment: string } }).arm.experiment).toBe('sms-first');
	});
});

describe('Debtor Segmenter description', () => {
	test('output names follow the routing and the persona order, evaluated as the editor does', () => {
		const expression = new DebtorSegmenter().description.outputs as string;
		expect(expression.startsWith('={{(')).toBe(true);
		const evaluate = new Function('$parameter', `return ${expression.slice(3, -2)};`) as (p: object) => Array<{ displayName: string }>;
		expect(evaluate({ routing: 'persona', invalidRecords: 'route' }).map((o) => o.displayName)).toEqual([...PERSONAS.map((p) => PERSONA_LABELS[p]), 'Invalid']);
		expect(evaluate({ routing: 'behaviour', invalidRecords: 'fail' }).map((o) => o.displayName)).toEqual(BEHAVIOURS.map((b) => BEHAVIOUR_LABELS[b]));
		expect(evaluate({}).length).toBe(PERSONAS.length + 1);
		expect(debtorSegmenterOutputs({ routing: 'single' }).map((o) => o.displayName)).toEqual(['Segmented', 'Invalid']);
	});

	test('threshold defaults shown in the canvas equal the domain defaults', () => {
		const thresholds = debtorSegmenterProperties.find((p) => p.name === 'thresholds')!.options as Array<{ name: string; default: number }>;
		const get = (name: string) => thresholds.find((t) => t.name === name)!.default;
		const d = DEFAULT_SEGMENTATION_SETTINGS;
		expect(get('capacityIncomeEuros') * 100).toBe(d.capacityIncomeCents);
		expect(get('onTimePercent') / 100).toBe(d.onTimeRatio);
		expect(get('overwhelmedMaxResponsePercent') / 100).toBe(d.overwhelmedMaxResponseRate);
		for (const key of ['cleanPeriods', 'forgetfulMaxDaysPastDue', 'graceDays', 'windowMonths', 'nonPayerDays', 'noResponseContacts', 'recentDays', 'structuralMinMonthsWithArrears'] as const) {
			expect([key, get(key)]).toEqual([key, d[key]]);
		}
		const early = debtorSegmenterProperties.find((p) => p.name === 'earlyWarning')!.options as Array<{ name: string; default: unknown }>;
		expect(early.find((o) => o.name === 'sectors')!.default).toEqual(d.earlyWarningSectors);
		expect(early.find((o) => o.name === 'healthInsuranceTerms')!.default).toBe(d.earlyWarningTerms['health-insurance']);
		expect(early.find((o) => o.name === 'termsDefault')!.default).toBe(d.earlyWarningTermsDefault);
	});

	test('with a look-ahead, adds the first later day the same record segments differently', async () => {
		const without = (await runNode(node, [portfolio[1]], { parameters: { ...base, routing: 'single' } }))[0][0];
		expect(without.json.segmentation).not.toHaveProperty('reviewDate');
		const view = (json: any) => JSON.stringify([json.segmentation.persona, json.segmentation.tone, json.segmentation.channels, json.segmentation.signals, json.segmentation.personalContact]);
		const on = async (referenceDate: string) => (await runNode(node, [portfolio[1]], { parameters: { ...base, referenceDate, routing: 'single' } }))[0][0].json;
		const [ahead] = (await runNode(node, [portfolio[1]], { parameters: { ...base, routing: 'single', lookAheadDays: 60 } }))[0];
		const reviewDate = (ahead.json.segmentation as any).reviewDate as string;
		// FORGOT's June claim grows older: after the forgetful payer's days past due it segments differently.
		expect(reviewDate > '2026-06-30' && reviewDate <= '2026-08-29').toBe(true);
		const dayBefore = new Date(Date.parse(`${reviewDate}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
		expect(view(await on(dayBefore))).toBe(view(ahead.json));
		expect(view(await on(reviewDate))).not.toBe(view(ahead.json));
		// Nothing changes within a short look-ahead: the day after it.
		const [short] = (await runNode(node, [portfolio[1]], { parameters: { ...base, routing: 'single', lookAheadDays: 2 } }))[0];
		expect((short.json.segmentation as any).reviewDate).toBe(reviewDate <= '2026-07-02' ? reviewDate : '2026-07-03');
	});
});
