/* eslint-disable @typescript-eslint/no-explicit-any -- node outputs are loose JSON, read field by field in the assertions */
/**
 * The Journey Planner node: parameters in, `journey` out, on one output or split into "Step Due" and
 * "No Step". The planning rules have their own unit tests (test/unit/journey); here: reading the
 * segmentation from the item (or segmenting when it is missing), the arrangement plan, the ladders
 * parameter, errors and routing.
 */
import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { journeyPlannerOutputs, JourneyPlanner } from '../../nodes/JourneyPlanner/JourneyPlanner.node';
import { journeyPlannerProperties } from '../../nodes/JourneyPlanner/description';

type Json = Record<string, any>;
type Out = Array<Array<{ json: Json; pairedItem?: unknown }>>;

async function run(items: Json[], parameters: Json = {}, options: { continueOnFail?: boolean; expressions?: Record<string, (json: Json) => unknown> } = {}): Promise<Out> {
	const ctx = mock<IExecuteFunctions>();
	const input = items.map((json) => ({ json }));
	const raw: Json = { ...parameters };
	for (const name of Object.keys(options.expressions ?? {})) raw[name] = '={{ $json.expression }}';
	ctx.getInputData.mockReturnValue(input);
	ctx.getNode.mockReturnValue({ id: '1', name: 'Plan', type: 'journeyPlanner', typeVersion: 1, position: [0, 0], parameters: raw } as INode);
	ctx.getTimezone.mockReturnValue('Europe/Amsterdam');
	ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	(ctx.getNodeParameter as jest.Mock).mockImplementation((name: string, itemIndex: number, fallback: unknown) => {
		const expression = options.expressions?.[name];
		if (expression) return expression(input[itemIndex].json);
		return name in parameters ? parameters[name] : fallback;
	});
	return (await new JourneyPlanner().execute.call(ctx)) as unknown as Out;
}

const address = { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' };

function debtor(debtorId: string, extra: Json = {}): Json {
	return {
		debtorId,
		debtorType: 'consumer',
		firstName: 'Sanne',
		lastName: 'de Vries',
		contact: { email: 'sanne@example.nl', mobile: '+31612345678', address },
		claims: [{ claimId: `${debtorId}-1`, principalCents: 50000, openCents: 50000, invoiceDate: '2026-02-01', dueDate: '2026-03-02' }],
		...extra,
	};
}

const forgetfulSegmentation = { persona: 'forgetful', tone: 'neutral', action: 'collect', channels: ['email', 'sms', 'letter'], signals: [] };
const PARAMS = { referenceDate: '2026-03-05', language: 'en' };

describe('Journey Planner node', () => {
	it('adds the decision under "journey" and leaves the rest of the item untouched', async () => {
		const [[out]] = await run([{ ...debtor('D-1'), segmentation: forgetfulSegmentation, custom: 'kept' }], PARAMS);
		expect(out.json.custom).toBe('kept');
		expect(out.json.segmentation).toEqual(forgetfulSegmentation);
		expect(out.pairedItem).toEqual({ item: 0 });
		expect(out.json.journey).toMatchObject({
			referenceDate: '2026-03-05',
			action: 'step',
			reason: null,
			stage: 'reminder-1',
			channel: 'email',
			tone: 'neutral',
			earliestDate: '2026-03-05',
			dueNow: true,
			personalContact: false,
			claimIds: ['D-1-1'],
			amountCents: 50000,
			persona: 'forgetful',
			ladder: 'forgetful',
			stepNumber: 1,
			occurrence: 1,
			stepId: 'reminder-1#1',
			stepCount: 3,
		});
		expect(out.json.journey.reasons).toEqual([
			'Journey for persona forgetful: 3 steps.',
			'Next step for claim D-1-1: first reminder (step 1 of 3), 3 days after the due date 2 March 2026.',
			'The step is due today (5 March 2026).',
		]);
		expect(out.json.journey.reasonCodes).toEqual(['ladder', 'step.next', 'step.due']);
	});

	it('names the step by stage and occurrence, the same on a later day while the contact is not recorded; an unconfirmed contact holds the journey', async () => {
		const item = { ...debtor('D-1'), segmentation: forgetfulSegmentation };
		const [[today]] = await run([item], PARAMS);
		const [[nextWeek]] = await run([item], { ...PARAMS, referenceDate: '2026-03-12' });
		expect([today.json.journey.stepId, nextWeek.json.journey.stepId]).toEqual(['reminder-1#1', 'reminder-1#1']);
		const contact = { at: '2026-03-05T10:00:00+01:00', channel: 'email', direction: 'outbound', stage: 'reminder-1', claimId: 'D-1-1' };
		const [[recorded]] = await run([{ ...item, contacts: [{ ...contact, outcome: 'sent' }] }], { ...PARAMS, referenceDate: '2026-03-12' });
		expect(recorded.json.journey).toMatchObject({ stage: 'reminder-2', occurrence: 1, stepId: 'reminder-2#1' });
		const [[held]] = await run([{ ...item, contacts: [{ ...contact, outcome: 'unconfirmed' }] }], { ...PARAMS, referenceDate: '2026-03-12' });
		expect(held.json.journey).toMatchObject({ action: 'none', reason: 'paused', stepId: null });
		expect(held.json.journey.reasonCodes).toContain('pause.unconfirmed-contact');
	});

	it('words the reasons in Dutch', async () => {
		const [[out]] = await run([{ ...debtor('D-1'), segmentation: forgetfulSegmentation }], { ...PARAMS, language: 'nl' });
		expect(out.json.journey.reasons[1]).toBe('Volgende stap voor vordering D-1-1: eerste herinnering (stap 1 van 3), 3 dagen na de vervaldatum 2 maart 2026.');
	});

	it('segments the debtor itself when the item has no segmentation, and says so', async () => {
		// Eleven months paid on the due date, then one claim three days late: a forgetful payer.
		const months = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
		const history = debtor('D-1');
		history.claims = [
			...months.map((m) => ({ claimId: `H-${m}`, principalCents: 50000, openCents: 0, invoiceDate: `${m}-01`, dueDate: `${m}-02` })),
			...history.claims,
		];
		history.payments = months.map((m) => ({ claimId: `H-${m}`, amountCents: 50000, date: `${m}-02` }));
		const [[out]] = await run([history], PARAMS);
		expect(out.json.journey.reasonCodes[0]).toBe('segmentation.computed');
		expect(out.json.segmentation).toBeUndefined(); // only "journey" is added
		expect(out.json.journey.persona).toBe('forgetful');
	});

	it('follows the persona the item carries: firm for "can pay, won\'t pay"', async () => {
		const segmentation = { ...forgetfulSegmentation, persona: 'can-pay-wont-pay', tone: 'firm' };
		const [[out]] = await run([{ ...debtor('D-1'), segmentation }], { ...PARAMS, referenceDate: '2026-03-03' });
		expect([out.json.journey.stage, out.json.journey.tone]).toEqual(['reminder-1', 'firm']);
	});

	it('offers forbearance before the final notice of a credit-agreement claim (CCD2), with the reason in the chosen language', async () => {
		// Reminders and the 14-day letter went out; the letter's term ends 12 May, the final notice is due 13 May.
		const segmentation = { ...forgetfulSegmentation, persona: 'can-pay-wont-pay', tone: 'firm' };
		const sent = (date: string, stage: string, channel = 'email') => ({ at: `${date}T10:00:00+02:00`, channel, direction: 'outbound', stage, outcome: 'sent', claimId: 'L-1' });
		const loan = debtor('D-L', {
			claims: [{ claimId: 'L-1', principalCents: 50000, openCents: 50000, invoiceDate: '2026-03-01', dueDate: '2026-04-01', sector: 'credit-agreement' }],
			contacts: [sent('2026-04-02', 'reminder-1'), sent('2026-04-09', 'reminder-2'), sent('2026-04-24', 'fourteen-day-letter', 'letter')],
		});
		const offered = { ...loan, debtorId: 'D-O', forbearanceOffers: [{ kind: 'deferral', date: '2026-05-12', claimId: 'L-1' }] };
		const [out] = await run([{ ...loan, segmentation }, { ...offered, segmentation }], { referenceDate: '2026-05-13', language: 'en' });
		expect(out.map((o) => [o.json.debtorId, o.json.journey.action, o.json.journey.stage, o.json.journey.tone])).toEqual([
			['D-L', 'step', 'arrangement-offer', 'supportive'],
			['D-O', 'step', 'final-notice', 'firm'],
		]);
		expect(out[0].json.journey.reasonCodes).toContain('gate.forbearance');
		expect(out[0].json.journey.reasons).toContain(
			'Claim L-1 comes from a credit agreement: the final notice before handover may only follow an offer of a payment arrangement or a deferral to the consumer (EU Consumer Credit Directive 2023/2225). No offer is recorded on or before 13 May 2026, so first the arrangement offer.',
		);
		const [[dutch]] = await run([{ ...loan, segmentation }], { referenceDate: '2026-05-13', language: 'nl' });
		expect(dutch.json.journey.reasons).toContain(
			'Vordering L-1 komt uit een kredietovereenkomst: de laatste aanmaning voor overdracht mag pas als de consument eerst een betalingsregeling of uitstel van betaling is aangeboden (Europese richtlijn consumentenkrediet 2023/2225). Op of vóór 13 mei 2026 is geen aanbod vastgelegd, dus eerst het aanbod voor een betalingsregeling.',
		);
		expect(out[1].json.journey.reasons).toContain('Claim L-1 comes from a credit agreement: a deferral was offered on 12 May 2026, so the final notice before handover may follow.');
	});

	it('splits into "Step Due" and "No Step" when asked', async () => {
		const paid = debtor('D-PAID', { claims: [{ claimId: 'P-1', principalCents: 100, openCents: 0, invoiceDate: '2026-02-01', dueDate: '2026-03-02' }] });
		const later = { ...debtor('D-LATER'), segmentation: forgetfulSegmentation };
		const due = { ...debtor('D-DUE'), segmentation: forgetfulSegmentation };
		const [stepDue, noStep] = await run([paid, due, later], { ...PARAMS, routing: 'split', referenceDate: '2026-03-05' }, {
			expressions: { referenceDate: (json) => (json.debtorId === 'D-LATER' ? '2026-03-04' : '2026-03-05') },
		});
		expect(stepDue.map((o) => o.json.debtorId)).toEqual(['D-DUE']);
		expect(noStep.map((o) => [o.json.debtorId, o.json.journey.reason])).toEqual([
			['D-PAID', 'paid'],
			['D-LATER', 'waiting'],
		]);
		expect(noStep.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(journeyPlannerOutputs({ routing: 'split' }).map((o) => o.displayName)).toEqual(['Step Due', 'No Step']);
		expect(journeyPlannerOutputs({}).map((o) => o.displayName)).toEqual(['Journey']);
	});

	it('uses ladders from the parameter', async () => {
		const ladders = JSON.stringify({ forgetful: [{ stage: 'reminder-1', days: 1, channels: ['sms'] }] });
		const [[out]] = await run([{ ...debtor('D-1'), segmentation: forgetfulSegmentation }], { ...PARAMS, referenceDate: '2026-03-03', ladders });
		expect([out.json.journey.stage, out.json.journey.channel, out.json.journey.stepCount]).toEqual(['reminder-1', 'sms', 1]);
	});

	it('stops the node on a broken ladder with the place of the mistake', async () => {
		await expect(run([debtor('D-1')], { ...PARAMS, ladders: '{"forgetful": [{"stage": "reminder-3", "days": 1}]}' })).rejects.toThrow(
			/Ladders: forgetful\[0\]\.stage must be one of/,
		);
	});

	it('checks the active arrangement from the item: an instalment reminder', async () => {
		const plan = {
			agreedOn: '2026-03-01',
			totalCents: 50000,
			instalments: [
				{ number: 1, dueDate: '2026-03-26', amountCents: 25000 },
				{ number: 2, dueDate: '2026-04-27', amountCents: 25000 },
			],
		};
		const item = { ...debtor('D-A', { flags: { arrangementActive: true } }), segmentation: forgetfulSegmentation, arrangement: { operation: 'check', plan } };
		const [[out]] = await run([item], { ...PARAMS, referenceDate: '2026-03-23' });
		expect([out.json.journey.stage, out.json.journey.action, out.json.journey.amountCents]).toEqual(['instalment-reminder', 'step', 25000]);
		expect(out.json.journey.arrangement.state).toBe('due-soon');
		// The plan can sit elsewhere; the option names the path.
		const elsewhere = { ...debtor('D-B', { flags: { arrangementActive: true } }), segmentation: forgetfulSegmentation, crm: { regeling: plan } };
		const [[b]] = await run([elsewhere], { ...PARAMS, referenceDate: '2026-03-23', options: { arrangementField: 'crm.regeling' } });
		expect(b.json.journey.stage).toBe('instalment-reminder');
	});

	it('names the field of a broken arrangement plan', async () => {
		const plan = { totalCents: 100, instalments: [{ number: 1, dueDate: '2026-13-01', amountCents: 100 }] };
		const item = { ...debtor('D-A', { flags: { arrangementActive: true } }), segmentation: forgetfulSegmentation, arrangement: { plan } };
		await expect(run([item], PARAMS)).rejects.toThrow('Item 0 (debtor D-A): field "arrangement.plan.instalments[0].dueDate" must be a date written as YYYY-MM-DD');
	});

	it('names a wrong segmentation and passes the item on with continueOnFail', async () => {
		const bad = { ...debtor('D-X'), segmentation: { persona: 'grumpy' } };
		await expect(run([bad], PARAMS)).rejects.toThrow('Item 0 (debtor D-X): field "segmentation.persona" must be one of the personas of the Debtor Segmenter');
		const [[good, failed]] = await run([debtor('D-1'), bad], PARAMS, { continueOnFail: true });
		expect(good.json.journey).toBeDefined();
		expect(failed.json.errorDetails).toMatchObject({ field: 'segmentation.persona', itemIndex: 1, debtorId: 'D-X' });
	});

	it('names an invalid record', async () => {
		await expect(run([{ debtorId: 'D-BAD', claims: [{ claimId: 'C', principalCents: 1, openCents: 1, invoiceDate: '2026-02-30', dueDate: '2026-03-01' }] }], PARAMS)).rejects.toThrow(
			/Item 0 \(debtor D-BAD\): field "claims\[0\]\.invoiceDate"/,
		);
	});

	it('names a reference date it cannot read', async () => {
		await expect(run([debtor('D-1')], { ...PARAMS, referenceDate: 'next Tuesday' })).rejects.toThrow(
			/^Item 0 \(debtor D-1\): field "referenceDate" "next Tuesday" is not a date; use YYYY-MM-DD or an ISO date-time/,
		);
	});

	it('checks the municipality signal date option', async () => {
		await expect(run([debtor('D-1')], { ...PARAMS, options: { municipalitySignalledOn: 'yesterday' } })).rejects.toThrow(
			'field "options.municipalitySignalledOn" must be a date written as YYYY-MM-DD',
		);
		const [[off]] = await run([debtor('D-1')], { ...PARAMS, options: { municipalitySignal: false } });
		expect(off.json.journey.municipalitySignal).toBeNull();
	});

	it('keeps the parameter defaults equal to the planner defaults', () => {
		const byName = (name: string) => journeyPlannerProperties.find((p) => p.name === name)!;
		expect(byName('debtHelpPauseDays').default).toBe(30);
		const options = (byName('options').options as Array<{ name: string; default: unknown }>).reduce<Record<string, unknown>>(
			(all, option) => ({ ...all, [option.name]: option.default }),
			{},
		);
		expect(options).toMatchObject({
			handoverAfterDays: 14,
			instalmentReminderDays: 3,
			instalmentGraceDays: 0,
			municipalitySignalAfterDays: 30,
			reversalNoticeDays: 7,
			thankYouWithinDays: 14,
			extendTerm: true,
			arrangementField: 'arrangement',
		});
	});
});

describe('Journey Planner node: designated days in a year without a decree', () => {
	// A claim in default with its 14-day letter sent Wednesday 11 December 2030: received Friday 13
	// December, 14 days end on Friday 27 December, the Friday after Boxing Day on a Thursday. 2030 has
	// no built-in decree: with the careful default that Friday is designated and the term runs to
	// Monday 30 December, so no step that charges costs before Tuesday 31 December.
	const sent = (at: string, stage: string, channel = 'email') => ({ at: `${at}T10:00:00+01:00`, channel, direction: 'outbound', stage, outcome: 'sent', claimId: 'D-1-1' });
	const item = {
		...debtor('D-1', {
			claims: [{ claimId: 'D-1-1', principalCents: 50000, openCents: 50000, invoiceDate: '2030-10-01', dueDate: '2030-11-01' }],
			contacts: [sent('2030-11-04', 'reminder-1'), sent('2030-11-11', 'reminder-2'), sent('2030-12-11', 'fourteen-day-letter', 'letter')],
		}),
		segmentation: { ...forgetfulSegmentation, persona: 'can-pay-wont-pay', tone: 'firm' },
	};
	const params = { referenceDate: '2030-12-30', language: 'en' };

	it('offers Assume Usual Designated Days, on by default', () => {
		const options = journeyPlannerProperties.find((p) => p.name === 'options')!.options as Array<{ name: string; default: unknown }>;
		expect(options.find((o) => o.name === 'assumeUsualDesignatedDays')?.default).toBe(true);
	});

	it('extends the letter term past the assumed Friday; off, the term ends on it', async () => {
		const [[on]] = await run([item], params);
		expect(on.json.journey.letters[0]).toMatchObject({ claimId: 'D-1-1', lastDayToPay: '2030-12-30', costsFromDate: '2030-12-31', termPassed: false });
		const [[off]] = await run([item], { ...params, options: { assumeUsualDesignatedDays: false } });
		expect(off.json.journey.letters[0]).toMatchObject({ lastDayToPay: '2030-12-27', costsFromDate: '2030-12-28', termPassed: true });
	});

	it('with a look-ahead, adds the next review date: never later than the segmentation review date', async () => {
		// D-1's claim fell due on 2026-03-02: on 2026-03-03 reminder-1 waits for its day.
		const waiting = { ...debtor('D-1'), segmentation: forgetfulSegmentation };
		const params = { ...PARAMS, referenceDate: '2026-03-03' };
		const [[off]] = await run([waiting], params);
		expect(off.json.journey.action).toBe('none');
		expect(off.json.journey).not.toHaveProperty('nextReviewDate');
		const [[own]] = await run([{ ...waiting, segmentation: { ...forgetfulSegmentation, reviewDate: '2026-04-30' } }], { ...params, options: { lookAheadDays: 31 } });
		expect(own.json.journey.nextReviewDate).toBe(off.json.journey.earliestDate);
		const [[sooner]] = await run([{ ...waiting, segmentation: { ...forgetfulSegmentation, reviewDate: '2026-03-04' } }], { ...params, options: { lookAheadDays: 31 } });
		expect(sooner.json.journey.nextReviewDate).toBe('2026-03-04');
		// Without a review date on the segmentation the planner cannot know: tomorrow.
		const [[unknown]] = await run([waiting], { ...params, options: { lookAheadDays: 31 } });
		expect(unknown.json.journey.nextReviewDate).toBe('2026-03-04');
		// Segmenting itself, the planner looks ahead for the segmentation too.
		const [[segmented]] = await run([debtor('D-1')], { ...params, options: { lookAheadDays: 31 } });
		expect(segmented.json.journey.nextReviewDate > '2026-03-03').toBe(true);
		// Paid: only a change of the record brings new work.
		const paid = debtor('D-2', { claims: [{ claimId: 'D-2-1', principalCents: 50000, openCents: 0, invoiceDate: '2026-02-01', dueDate: '2026-03-02' }] });
		const [[none]] = await run([{ ...paid, segmentation: { ...forgetfulSegmentation, reviewDate: '2026-03-10' } }], { ...params, options: { lookAheadDays: 31 } });
		expect(none.json.journey.nextReviewDate).toBeNull();
	});

	it('names the item and the field for a segmentation review date that is not a date', async () => {
		await expect(run([{ ...debtor('D-1'), segmentation: { ...forgetfulSegmentation, reviewDate: '2026-13-01' } }], { ...PARAMS, options: { lookAheadDays: 31 } })).rejects.toThrow(/segmentation\.reviewDate/);
	});
});
