/* eslint-disable @typescript-eslint/no-explicit-any -- run data is loose JSON, read field by field */
/**
 * The chain in a real n8n: Debtor Segmenter -> Journey Planner -> Collection Costs -> Payment
 * Arrangement on a few debtors, and a second branch where the planner and the "Check Arrangement"
 * operation see a running arrangement. Expected values are worked out by hand in the comments
 * (reference date Wednesday 13 May 2026).
 */
import { N8nInstance, freePort } from '../../scripts/n8nInstance';
import { emitItems, manualTrigger, ourNode, workflow } from './harness/workflow';

jest.setTimeout(300_000);

const TODAY = '2026-05-13';
const address = { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' };

function month(from: string, i: number): string {
	const [y, m] = from.split('-').map(Number);
	const total = y * 12 + (m - 1) + i;
	return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Monthly claims of `cents` due on `day`, paid on the due date except the months listed as open. */
function history(id: string, first: string, count: number, day: string, cents: number, open: string[]) {
	const claims = [];
	const payments = [];
	for (let i = 0; i < count; i++) {
		const m = month(first, i);
		const due = `${m}-${day}`;
		const claimId = `${id}-${m}`;
		const isOpen = open.includes(m);
		claims.push({ claimId, principalCents: cents, openCents: isOpen ? cents : 0, invoiceDate: `${month(first, i - 1)}-${day}`, dueDate: due, sector: 'energy' });
		if (!isOpen) payments.push({ claimId, amountCents: cents, date: due, method: 'bank-transfer' });
	}
	return { claims, payments };
}

const contact = (date: string, stage: string, claimId: string, channel = 'email', outcome = 'opened') => ({
	at: `${date}T10:00:00+02:00`,
	channel,
	direction: 'outbound',
	stage,
	outcome,
	claimId,
});

const person = (debtorId: string) => ({
	debtorId,
	debtorType: 'consumer',
	firstName: 'Sanne',
	lastName: 'de Vries',
	language: 'nl',
	contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678', address },
});

// Can pay (EUR 3,500 a month), ignores reminders it opened, two terms open: "can pay, won't pay".
const remindedTwice = (id: string) => [
	contact('2026-03-02', 'reminder-1', `${id}-2026-03`),
	contact('2026-03-09', 'reminder-2', `${id}-2026-03`),
	contact('2026-04-02', 'reminder-1', `${id}-2026-04`),
	contact('2026-04-09', 'reminder-2', `${id}-2026-04`),
];
const DEBTORS = [
	{
		// The March claim's 14-day letter went out Fri 24 Apr 2026: received Tue 28 Apr, last day Tue
		// 12 May, costs from Wed 13 May (domain brief example) = today.
		...person('D-COSTS'),
		income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 350000 },
		household: { composition: 'couple' },
		...history('D-COSTS', '2025-05', 12, '01', 50000, ['2026-03', '2026-04']),
		contacts: [...remindedTwice('D-COSTS'), contact('2026-04-24', 'fourteen-day-letter', 'D-COSTS-2026-03', 'letter', 'sent')],
	},
	{
		...person('D-LETTER'),
		income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 350000 },
		household: { composition: 'couple' },
		...history('D-LETTER', '2025-05', 12, '01', 50000, ['2026-03', '2026-04']),
		contacts: remindedTwice('D-LETTER'),
	},
	{
		// Eleven months on time, May's 45.00 (due Fri 8 May) open: forgetful.
		...person('D-FORGOT'),
		income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 240000 },
		household: { composition: 'single' },
		...history('D-FORGOT', '2025-06', 12, '08', 4500, ['2026-05']),
	},
	{ ...person('D-DECEASED'), flags: { deceased: true }, ...history('D-DECEASED', '2025-06', 12, '08', 4500, ['2026-04', '2026-05']) },
	{
		debtorId: 'D-BIZ',
		debtorType: 'business',
		companyName: 'Bakkerij de Vries BV',
		contact: { email: 'admin@bakkerij.example', address },
		claims: [{ claimId: 'D-BIZ-1', principalCents: 120000, openCents: 120000, invoiceDate: '2026-03-16', dueDate: '2026-04-15', sector: 'retail' }],
	},
];

const ARRANGED = {
	...person('D-ARR'),
	flags: { arrangementActive: true },
	claims: [{ claimId: 'D-ARR-1', principalCents: 30000, openCents: 20000, invoiceDate: '2026-02-01', dueDate: '2026-03-01' }],
	payments: [{ claimId: 'D-ARR-1', amountCents: 10000, date: '2026-04-27' }],
	arrangement: {
		plan: {
			agreedOn: '2026-04-01',
			totalCents: 30000,
			claimIds: ['D-ARR-1'],
			instalments: [
				{ number: 1, dueDate: '2026-04-27', amountCents: 10000 },
				{ number: 2, dueDate: '2026-05-15', amountCents: 10000 },
				{ number: 3, dueDate: '2026-06-15', amountCents: 10000 },
			],
		},
	},
};

describe('Segmenter -> Journey Planner -> Collection Costs -> Payment Arrangement in real n8n', () => {
	let n8n: N8nInstance;
	let byNode: (node: string) => Map<string, Record<string, any>>;

	beforeAll(async () => {
		// Its own task-broker port, so it can run beside other n8n instances on this machine.
		n8n = await N8nInstance.create({ env: { N8N_RUNNERS_BROKER_PORT: String(await freePort()) } });
		const id = await n8n.importWorkflow(
			workflow(
				'Journey, costs and arrangement',
				[
					manualTrigger(),
					emitItems('Debtors', DEBTORS),
					ourNode('Segment', 'debtorSegmenter', { routing: 'single', referenceDate: TODAY, language: 'en' }),
					ourNode('Plan', 'journeyPlanner', { referenceDate: TODAY, language: 'en' }),
					ourNode('Costs', 'collectionCosts', { referenceDate: TODAY }),
					ourNode('Arrange', 'paymentArrangement', { operation: 'propose', referenceDate: TODAY, amountSource: 'open-plus-costs' }),
					emitItems('Arranged', [ARRANGED]),
					ourNode('Plan Arranged', 'journeyPlanner', { referenceDate: TODAY, language: 'en' }),
					ourNode('Check', 'paymentArrangement', { operation: 'check', referenceDate: TODAY }),
				],
				[
					['Start', 'Debtors'],
					['Debtors', 'Segment'],
					['Segment', 'Plan'],
					['Plan', 'Costs'],
					['Costs', 'Arrange'],
					['Start', 'Arranged'],
					['Arranged', 'Plan Arranged'],
					['Plan Arranged', 'Check'],
				],
			),
		);
		const run = await n8n.execute(id);
		byNode = (node) => new Map(run.items(node).map((item) => [item.debtorId as string, item as Record<string, any>]));
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	it('passes every debtor through every node, keeping the earlier results', () => {
		const arranged = byNode('Arrange');
		expect([...arranged.keys()]).toEqual(['D-COSTS', 'D-LETTER', 'D-FORGOT', 'D-DECEASED', 'D-BIZ']);
		for (const item of arranged.values()) {
			expect(Object.keys(item)).toEqual(expect.arrayContaining(['segmentation', 'journey', 'costs', 'arrangement', 'claims']));
		}
	});

	it('plans the final notice once the letter term has passed, and charges the costs for that claim only', () => {
		const item = byNode('Arrange').get('D-COSTS')!;
		expect(item.segmentation.persona).toBe('can-pay-wont-pay');
		// Both claims have a step today: the older claim's final notice wins (its term ended yesterday).
		expect(item.journey).toMatchObject({ action: 'step', stage: 'final-notice', claimIds: ['D-COSTS-2026-03'], channel: 'letter', tone: 'firm', costsAllowed: true });
		expect(item.journey.letters).toEqual([
			expect.objectContaining({ claimId: 'D-COSTS-2026-03', lastDayToPay: '2026-05-12', costsFromDate: '2026-05-13', termPassed: true }),
		]);
		// Costs: charge (auto, the step is not the letter). Only the March claim: BIK 15% of 500.00 = 75.00.
		// Interest 7% from 2 Mar to 13 May 2026 (30 + 30 + 13 = 73 days): 500.00 x 0.07 x 73/365 = 7.00.
		expect(item.costs).toMatchObject({
			purpose: 'charge',
			allowed: true,
			includedClaimIds: ['D-COSTS-2026-03'],
			principalTotalCents: 50000,
			totalCostsCents: 7500,
			interestTotalCents: 700,
			grandTotalCents: 58200,
		});
		expect(item.costs.claims.find((c: any) => c.claimId === 'D-COSTS-2026-04').status).toBe('no-letter');
		// Arrangement: open 1,000.00 + costs 75.00 + interest 7.00 = 1,082.00. Room above the couple floor
		// (3,500.00 - 1,806.37) covers it at once: 1, 6 or 12 terms. First income on or after 20 May is
		// Mon 25 May (Whit Monday, banks open); one working day later: Tue 26 May.
		expect(item.arrangement).toMatchObject({ operation: 'propose', status: 'proposed', amountCents: 108200, recommended: 0 });
		expect(item.arrangement.proposals.map((p: any) => p.terms)).toEqual([1, 6, 12]);
		expect(item.arrangement.proposals[1].instalments[0]).toEqual({ number: 1, dueDate: '2026-05-26', amountCents: 18034, incomeDate: '2026-05-25', incomeAssumed: false });
	});

	it('plans the 14-day letter for both claims and announces its costs in the letter lines', () => {
		const item = byNode('Arrange').get('D-LETTER')!;
		expect(item.journey).toMatchObject({ action: 'step', stage: 'fourteen-day-letter', claimIds: ['D-LETTER-2026-03', 'D-LETTER-2026-04'], channel: 'letter' });
		// Sent Wed 13 May: delivery days Thu 14 (Ascension: a holiday, skipped), Fri 15 (designated day,
		// skipped), Sat 16 (1), Mon 18 (no post), Tue 19 (2): received Tue 19 May; 14 days from Wed 20 May
		// end Tue 2 Jun; costs from Wed 3 Jun.
		expect(item.journey.fourteenDayLetter).toEqual({
			sentDate: '2026-05-13',
			presumedReceiptDate: '2026-05-19',
			termStartDate: '2026-05-20',
			lastDayToPay: '2026-06-02',
			costsFromDate: '2026-06-03',
			extended: false,
		});
		// Announce over 1,000.00: 150.00. Interest: March claim 7.00 (73 days), April claim from 2 Apr:
		// 42 days, 500.00 x 0.07 x 42/365 = 4.03. Total 1,000 + 150 + 11.03 = 1,161.03.
		expect(item.costs).toMatchObject({ purpose: 'announce', allowed: true, totalCostsCents: 15000, interestTotalCents: 1103, grandTotalCents: 116103 });
		expect(item.costs.lines.nl).toEqual(
			expect.arrayContaining(['Openstaande hoofdsom: EUR 1.000,00 (2 vorderingen)', '15% over de eerste EUR 1.000,00: EUR 150,00', 'Totaal te betalen: EUR 1.161,03']),
		);
		expect(item.arrangement.amountCents).toBe(116103);
	});

	it('reminds the forgetful debtor by e-mail and refuses costs without a letter', () => {
		const item = byNode('Arrange').get('D-FORGOT')!;
		expect(item.segmentation.persona).toBe('forgetful');
		// Due Fri 8 May; reminder 1 three days later (Mon 11 May) is overdue, so it goes today.
		expect(item.journey).toMatchObject({ action: 'step', stage: 'reminder-1', channel: 'email', tone: 'neutral', earliestDate: TODAY });
		expect(item.costs).toMatchObject({ purpose: 'charge', allowed: false, totalCostsCents: 0, refusal: { code: 'no-letter' } });
		expect(item.costs.refusal.en).toBe(
			'No collection costs: no 14-day letter was sent for claim D-FORGOT-2026-05. A consumer owes collection costs only after a correct 14-day letter whose term has passed without payment.',
		);
		// 45.00 is less than two minimum instalments of 25.00: one payment.
		expect(item.arrangement.proposals.map((p: any) => [p.terms, p.instalmentCents])).toEqual([[1, 4500]]);
	});

	it('stops for the deceased debtor', () => {
		const item = byNode('Arrange').get('D-DECEASED')!;
		expect(item.journey).toMatchObject({ action: 'none', reason: 'stopped', stage: null, costsAllowed: false });
		expect(item.journey.reasons).toEqual(['Stopped: the debtor has died (recorded as deceased). No further messages.']);
	});

	it('charges the business debtor the flat fee and commercial interest without a letter', () => {
		const item = byNode('Arrange').get('D-BIZ')!;
		expect(item.journey.stage).not.toBe('fourteen-day-letter');
		// Flat 40.00; commercial interest 12.25% from 16 Apr to 13 May (28 days): 1,200 x 0.1225 x 28/365 = 11.28.
		expect(item.costs).toMatchObject({ allowed: true, method: 'business-flat', totalCostsCents: 4000, interestTotalCents: 1128 });
		expect(item.costs.interest.kind).toBe('commercial');
	});

	it('plans only the instalment reminder for a running arrangement, and the check agrees', () => {
		const [item] = [...byNode('Check').values()];
		// Instalment 2 (100.00) is due Fri 15 May: within 3 days, so a reminder today.
		expect(item.journey).toMatchObject({ action: 'step', stage: 'instalment-reminder', amountCents: 10000, tone: 'supportive' });
		expect(item.arrangement).toMatchObject({
			operation: 'check',
			state: 'due-soon',
			paidCents: 10000,
			nextInstalment: { number: 2, dueDate: '2026-05-15', openCents: 10000, daysUntil: 2 },
		});
		expect(item.arrangement.plan.instalments).toHaveLength(3);
	});
});
