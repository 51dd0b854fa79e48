/* eslint-disable @typescript-eslint/no-explicit-any -- run data is loose JSON, read field by field */
/**
 * The Payday Scheduler in a real n8n (the packed package, the n8n CLI): the three operations side
 * by side on the same debtors, the "Not Schedulable" output, and the chain Debtor Segmenter ->
 * Payday Scheduler reading segmentation.persona and segmentation.channels[0].
 */
import { N8nInstance } from '../../scripts/n8nInstance';
import { emitItems, manualTrigger, ourNode, workflow } from './harness/workflow';

jest.setTimeout(300_000);

// "Now" is fixed so the run is reproducible: Saturday 4 April 2026 20:30 in Amsterdam (Easter weekend).
const NOW = '2026-04-04T20:30:00+02:00';

const debtors = [
	{
		debtorId: 'E-PLAIN',
		preferredChannel: 'email',
		contact: { email: 'plain@example.nl' },
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		paymentMethod: 'direct-debit',
		iban: 'NL91ABNA0417164300',
	},
	{
		debtorId: 'E-SHORT',
		segmentation: { persona: 'temporary-shortfall', channels: ['sms', 'email'] },
		contact: { mobile: '+31612345678' },
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		paymentMethod: 'direct-debit',
		reversals: [{ amountCents: 4500, date: '2026-03-26', reasonCode: 'AM04' }],
	},
	{
		debtorId: 'E-DEAD',
		preferredChannel: 'letter',
		flags: { deceased: true },
		paymentMethod: 'direct-debit',
	},
];

describe('Payday Scheduler in real n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create();
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('next contact moment, direct-debit date and 14-day letter term on the same debtors', async () => {
		const common = { language: 'en', options: { now: NOW } };
		const id = await n8n.importWorkflow(
			workflow(
				'Payday Scheduler e2e',
				[
					manualTrigger(),
					emitItems('Debtors', debtors),
					ourNode('Contact', 'paydayScheduler', { ...common, operation: 'nextContactMoment' }),
					ourNode('Debit', 'paydayScheduler', { ...common, operation: 'directDebitCollectionDate' }),
					ourNode('Letter', 'paydayScheduler', { ...common, operation: 'fourteenDayLetterTerm', startMoment: '2026-04-24' }),
				],
				[
					['Start', 'Debtors'],
					['Debtors', 'Contact'],
					['Debtors', 'Debit'],
					['Debtors', 'Letter'],
				],
			),
		);
		const run = await n8n.execute(id);

		const contact = run.outputs('Contact') as any[][];
		expect(contact).toHaveLength(2);
		expect(contact.map((items) => items.map((item) => item.debtorId))).toEqual([['E-PLAIN', 'E-SHORT'], ['E-DEAD']]);
		const [plain, short] = contact[0].map((item) => item.schedule);
		expect(plain).toMatchObject({
			operation: 'nextContactMoment',
			status: 'scheduled',
			channel: 'email',
			persona: null,
			moment: '2026-04-07T07:00:00+02:00',
			date: '2026-04-07',
			time: '07:00',
			dueNow: false,
			dueToday: false,
			waitSeconds: 210600,
			paydayAligned: false,
			jitterMinutes: 0,
			reasonCodes: ['after-closing'],
		});
		expect(plain.reasons).toEqual([
			'Moved from Saturday 4 April 2026 20:30 to Tuesday 7 April 2026 07:00: no contact from 20:00; no contact on Sunday 5 April 2026 (Easter Sunday) and Monday 6 April 2026 (Easter Monday) either.',
		]);
		// Salary Fri 24 April (25th is a Saturday); Mon 27 April is King's Day -> Tue 28 April.
		expect(short).toMatchObject({
			channel: 'sms',
			persona: 'temporary-shortfall',
			paydayAligned: true,
			moment: '2026-04-28T07:00:00+02:00',
			expectedIncome: { date: '2026-04-24', type: 'salary-monthly', source: 'salary-monthly/record-day', assumed: false },
		});
		const dead = contact[1][0].schedule;
		expect(dead).toMatchObject({ status: 'not-schedulable', reasonCode: 'deceased', action: 'stop-all' });
		// The rest of the item is passed on untouched.
		expect(contact[0][0].iban).toBe('NL91ABNA0417164300');

		const debit = run.outputs('Debit') as any[][];
		expect(debit.map((items) => items.map((item) => item.debtorId))).toEqual([['E-PLAIN', 'E-SHORT'], ['E-DEAD']]);
		// Today Sat 4 April: salary Fri 24 April + 1 bank day = Mon 27 April (banks open on King's Day);
		// notice by Mon 13 April (at least 14 days before; Sat 11 - Mon 13 are contact days: Mon 13).
		expect(debit[0][0].schedule).toMatchObject({ collectionDate: '2026-04-27', preNotificationDate: '2026-04-13', basis: 'income', representation: false });
		// AM04 on 26 March: only after the next income (24 April) -> 27 April as well, marked as re-presentation.
		expect(debit[0][1].schedule).toMatchObject({
			collectionDate: '2026-04-27',
			representation: true,
			reversal: { reasonCode: 'AM04', date: '2026-03-26' },
			signals: ['insufficient-funds-reversal'],
		});
		expect(debit[1][0].schedule).toMatchObject({ status: 'not-schedulable', reasonCode: 'deceased' });

		const letter = run.outputs('Letter') as any[][];
		expect(letter.map((items) => items.map((item) => item.debtorId))).toEqual([['E-PLAIN', 'E-SHORT'], ['E-DEAD']]);
		const term = letter[0][0].schedule;
		expect(term).toMatchObject({
			operation: 'fourteenDayLetterTerm',
			sentDate: '2026-04-24',
			presumedReceiptDate: '2026-04-28',
			termStartDate: '2026-04-29',
			lastDayToPay: '2026-05-12',
			costsFromDate: '2026-05-13',
			extended: false,
		});
		expect(term.phrases.nl.termClause).toBe('binnen veertien dagen vanaf de dag nadat deze brief bij u is bezorgd');
		expect(term.phrases.nl.lastDaySentence).toBe(
			'Wij gaan ervan uit dat deze brief op dinsdag 28 april 2026 bij u is bezorgd. Uw laatste betaaldag is dan dinsdag 12 mei 2026.',
		);
		expect(letter[1][0].schedule).toMatchObject({ status: 'not-schedulable', reasonCode: 'deceased', action: 'stop-all' });
	});

	test('Debtor Segmenter -> Payday Scheduler: persona and channel come from segmentation', async () => {
		const claims = [
			{ claimId: 'C1', principalCents: 4500, openCents: 4500, invoiceDate: '2026-02-01', dueDate: '2026-02-15' },
			{ claimId: 'C2', principalCents: 4500, openCents: 4500, invoiceDate: '2026-03-01', dueDate: '2026-03-15' },
		];
		const id = await n8n.importWorkflow(
			workflow(
				'Segment then schedule',
				[
					manualTrigger(),
					emitItems('Debtors', [
						{
							debtorId: 'S-1',
							contact: { email: 's1@example.nl', mobile: '+31612345678' },
							income: { type: 'aow' },
							claims,
							reversals: [{ amountCents: 4500, date: '2026-03-20', reasonCode: 'AM04' }],
						},
					]),
					ourNode('Segment', 'debtorSegmenter', { routing: 'single', referenceDate: '2026-04-04', language: 'en' }),
					ourNode('Schedule', 'paydayScheduler', { language: 'en', options: { now: NOW }, notSchedulableOutput: false }),
				],
				[
					['Start', 'Debtors'],
					['Debtors', 'Segment'],
					['Segment', 'Schedule'],
				],
			),
		);
		const run = await n8n.execute(id);
		const [item] = run.items('Schedule') as any[];
		expect(item.debtorId).toBe('S-1');
		expect(item.segmentation).toBeDefined();
		expect(item.schedule.status).toBe('scheduled');
		expect(item.schedule.persona).toBe(item.segmentation.persona);
		expect(item.schedule.channel).toBe(item.segmentation.channels[0]);
		expect(item.schedule.paydayAligned).toBe(['temporary-shortfall', 'structural-shortfall'].includes(item.segmentation.persona));
		expect(Date.parse(item.schedule.moment)).toBeGreaterThanOrEqual(Date.parse('2026-04-07T07:00:00+02:00'));
	});
});
