/**
 * The legal gates of the journey: the 14-day letter only for consumer claims in default and once per
 * claim; steps that charge costs only after its term has passed unpaid; the municipality signal only
 * with its four preconditions recorded, and then with the minimal data set only.
 */
import { dayNumber } from '../../../nodes/shared/calendar';
import type { Contact } from '../../../nodes/shared/debtor/model';
import type { Ladders } from '../../../nodes/shared/journey';
import { claim, debtor, ladders as defaults, plan, seg, sentContact, summary, walk } from './helpers';

const CAN_PAY = seg('can-pay-wont-pay');

describe('the 14-day letter', () => {
	it('is never planned a second time for the same claim (persona changes, history from elsewhere)', () => {
		// The claim got its letter in the forgetful ladder; now the debtor is "can pay, won't pay", whose
		// ladder has the letter too. The letter is done: the next step is the final notice after the term.
		const record = debtor([claim('C-1', '2026-03-02')], {
			contacts: [sentContact('2026-03-05', 'reminder-1', 'C-1'), sentContact('2026-03-19', 'fourteen-day-letter', 'C-1', 'letter')],
		});
		const { steps } = walk(record, CAN_PAY, '2026-03-20', '2026-06-30');
		expect(steps.filter((s) => s.stage === 'fourteen-day-letter')).toEqual([]);
		// Term of the letter of 19 Mar: costs from Wed 8 Apr (see ladders.test.ts).
		expect(summary(steps)).toEqual([['2026-04-08', 'final-notice', 'letter']]);
	});

	it('counts a letter sent without a claim id for every claim that was in default then', () => {
		const record = debtor([claim('C-1', '2026-03-02'), claim('C-2', '2026-04-01')], {
			contacts: [sentContact('2026-03-19', 'fourteen-day-letter', undefined, 'letter')],
		});
		const { steps } = walk(record, CAN_PAY, '2026-03-20', '2026-06-30');
		// C-1 was in default on 19 Mar: covered. C-2 (due 1 Apr) was not: it gets its own letter, once.
		const letters = steps.filter((s) => s.stage === 'fourteen-day-letter');
		expect(letters.map((s) => s.claimIds)).toEqual([['C-2']]);
	});

	it('a ladder cannot send it twice and a walk never sends it twice', () => {
		const { steps } = walk(debtor([claim('C-1', '2026-03-02')]), CAN_PAY, '2026-03-01', '2026-12-31');
		expect(steps.filter((s) => s.stage === 'fourteen-day-letter')).toHaveLength(1);
	});

	it('waits until the claim is in default', () => {
		// A user ladder that would send the letter on the due date itself: moved to the day after.
		const ladders: Ladders = { ...defaults, 'can-pay-wont-pay': [{ stage: 'fourteen-day-letter', days: 0, from: 'due', channels: ['letter'] }] };
		const decision = plan(debtor([claim('C-1', '2026-03-02')]), CAN_PAY, '2026-03-01', { ladders });
		expect([decision.stage, decision.earliestDate]).toEqual(['fourteen-day-letter', '2026-03-03']);
		expect(decision.reasons).toContain('The 14-day letter for claim C-1 can only go once it is in default: from 3 March 2026.');
		// A claim with an explicit default date later than the due date waits for that.
		const later = plan(debtor([claim('C-1', '2026-03-02', 50000, { defaultDate: '2026-03-16' })]), CAN_PAY, '2026-03-01', { ladders });
		expect(later.earliestDate).toBe('2026-03-16');
	});

	it('is never sent to a business debtor; the flat fee needs no letter', () => {
		const business = debtor([claim('C-1', '2026-04-01')], { debtorType: 'business', companyName: 'Bakkerij BV' });
		const { steps } = walk(business, CAN_PAY, '2026-03-31', '2026-06-30');
		expect(summary(steps)).toEqual([
			['2026-04-02', 'reminder-1', 'email'],
			['2026-04-09', 'reminder-2', 'email'],
			// letter skipped; final notice +3 after reminder 2 = Sun 12 Apr -> a letter goes on Mon 13 Apr
			['2026-04-13', 'final-notice', 'letter'],
		]);
		const { record: reminded } = walk(business, CAN_PAY, '2026-03-31', '2026-04-10');
		const decision = plan(reminded, CAN_PAY, '2026-04-12');
		expect([decision.stage, decision.earliestDate]).toEqual(['final-notice', '2026-04-13']);
		expect(decision.reasonCodes).toEqual(expect.arrayContaining(['gate.letter-business', 'gate.costs-business']));
	});
});

describe('collection costs only after the 14-day letter term has passed unpaid', () => {
	// Domain brief example: letter sent Fri 24 Apr 2026, received Tue 28 Apr, last day Tue 12 May,
	// costs from Wed 13 May.
	const record = debtor([claim('C-1', '2026-04-01')], {
		contacts: [
			sentContact('2026-04-02', 'reminder-1', 'C-1'),
			sentContact('2026-04-09', 'reminder-2', 'C-1'),
			sentContact('2026-04-24', 'fourteen-day-letter', 'C-1', 'letter'),
		],
	});

	it('does not plan the final notice before the term ends', () => {
		for (const date of ['2026-04-27', '2026-05-01', '2026-05-12']) {
			const decision = plan(record, CAN_PAY, date);
			expect([date, decision.action, decision.stage, decision.earliestDate, decision.costsAllowed]).toEqual([date, 'none', 'final-notice', '2026-05-13', false]);
		}
		const decision = plan(record, CAN_PAY, '2026-05-12');
		expect(decision.reasons).toContain('The final notice before handover charges collection costs: only after the 14-day letter term for claim C-1, from 13 May 2026.');
	});

	it('plans it from the first day costs are allowed', () => {
		const decision = plan(record, CAN_PAY, '2026-05-13');
		expect([decision.action, decision.stage, decision.costsAllowed]).toEqual(['step', 'final-notice', true]);
		expect(decision.letters[0]).toMatchObject({ claimId: 'C-1', lastDayToPay: '2026-05-12', costsFromDate: '2026-05-13', termPassed: true });
	});

	it('never plans it when the claim was paid within the term', () => {
		const paid = { ...record, claims: [{ ...record.claims![0], openCents: 0 }], payments: [{ claimId: 'C-1', amountCents: 50000, date: '2026-05-10' }] };
		const decision = plan(paid, CAN_PAY, '2026-05-13');
		expect(decision.stage).toBe('payment-received');
		expect(walk(paid, CAN_PAY, '2026-05-13', '2026-08-31').steps.map((s) => s.stage)).toEqual(['payment-received']);
	});

	it('skips a cost step when no 14-day letter was ever sent (a ladder from history)', () => {
		// History shows the letter stage "done" by position only (reminder-2 after a final notice came from
		// another system) but no letter: the planner never invents costs.
		const odd = debtor([claim('C-1', '2026-04-01')], { contacts: [sentContact('2026-04-02', 'reminder-1', 'C-1')] });
		const ladders: Ladders = {
			...defaults,
			'can-pay-wont-pay': [
				{ stage: 'reminder-1', days: 1, from: 'due' },
				{ stage: 'fourteen-day-letter', days: 7, from: 'previous' },
				{ stage: 'final-notice', days: 3, from: 'previous' },
			],
		};
		const business = plan({ ...odd, debtorType: 'business' }, CAN_PAY, '2026-04-10', { ladders });
		expect(business.stage).toBe('final-notice');
		const consumer = plan(odd, CAN_PAY, '2026-04-10', { ladders });
		expect(consumer.stage).toBe('fourteen-day-letter');
	});
});

describe('the municipality signal (vroegsignalering)', () => {
	const rent = (extra: Partial<Parameters<typeof debtor>[1]> = {}, contacts: Contact[] = []) =>
		debtor([claim('R-1', '2026-03-01', 85000, { sector: 'rent' })], { contacts, ...extra });
	const warned = seg('structural-shortfall', { signals: ['legal-early-warning'] });
	const call = { at: '2026-03-05T10:00:00+01:00', channel: 'phone', direction: 'outbound', stage: 'early-warning-care', outcome: 'no-answer' } as Contact;
	const letterWithOffer = sentContact('2026-03-24', 'early-warning-care', 'R-1', 'letter');

	it('is blocked without its preconditions and names what is missing', () => {
		const decision = plan(rent(), warned, '2026-06-01');
		expect(decision.municipalitySignal).toMatchObject({
			status: 'blocked',
			arrearsSince: '2026-03-02',
			missing: ['personal-contact-attempt', 'debt-help-pointer', 'written-reminder-with-sharing-offer'],
			data: null,
		});
		expect(decision.municipalitySignal!.reasons.en).toEqual([
			'No municipality signal yet; first needed: an attempt at personal contact; a pointer to debt help; a written reminder offering to share the contact details with the municipality.',
		]);
	});

	it('is blocked with only the call: the written reminder with the sharing offer is missing', () => {
		const decision = plan(rent({}, [call]), warned, '2026-06-01');
		expect(decision.municipalitySignal!.missing).toEqual(['written-reminder-with-sharing-offer']);
		expect(decision.municipalitySignal!.preconditions).toEqual({
			personalContactAttempt: '2026-03-05',
			debtHelpPointer: '2026-03-05',
			writtenReminderWithSharingOffer: null,
			noObjection: true,
		});
	});

	it('a reminder from before the arrears began does not count', () => {
		const old = sentContact('2026-02-10', 'early-warning-care', undefined, 'letter');
		expect(plan(rent({}, [call, old]), warned, '2026-06-01').municipalitySignal!.missing).toEqual(['written-reminder-with-sharing-offer']);
	});

	it('never goes when the debtor objected', () => {
		const decision = plan(rent({ consents: { municipalityObjection: true } }, [call, letterWithOffer]), warned, '2026-06-01');
		expect(decision.municipalitySignal).toMatchObject({ status: 'objected', missing: ['no-objection'], data: null });
	});

	it('waits 30 days after the reminder with the offer, then carries only contact details and arrears', () => {
		const record = rent({}, [call, letterWithOffer]);
		const waiting = plan(record, warned, '2026-04-22');
		expect(waiting.municipalitySignal).toMatchObject({ status: 'waiting', earliestDate: '2026-04-23', data: null });
		const ready = plan(record, warned, '2026-04-23');
		expect(ready.municipalitySignal!.status).toBe('ready');
		expect(ready.municipalitySignal!.data).toEqual({
			debtorId: 'D-1',
			name: 'Sanne de Vries',
			address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' },
			email: 'sanne@example.nl',
			phone: '+31612345678',
			arrearsCents: 85000,
		});
	});

	it('counts only arrears in the legal sectors, and is not applicable without the segmenter signal', () => {
		const mixed = debtor([claim('R-1', '2026-03-01', 85000, { sector: 'rent' }), claim('T-1', '2026-03-01', 4000, { sector: 'telecom' })], {
			contacts: [call, letterWithOffer],
		});
		expect(plan(mixed, warned, '2026-05-01').municipalitySignal!.data!.arrearsCents).toBe(85000);
		expect(plan(mixed, seg('structural-shortfall'), '2026-05-01').municipalitySignal!.status).toBe('not-applicable');
	});

	it('is not repeated once signalled, and can be switched off', () => {
		const record = rent({}, [call, letterWithOffer]);
		const decision = plan(record, warned, '2026-05-01', { municipality: { signalledOn: dayNumber('2026-04-30') } });
		expect(decision.municipalitySignal!.status).toBe('already-signalled');
		// A signal for earlier arrears (before these began on 2 March) does not count.
		expect(plan(record, warned, '2026-05-01', { municipality: { signalledOn: dayNumber('2026-01-15') } }).municipalitySignal!.status).toBe('ready');
		expect(plan(record, warned, '2026-05-01', { municipality: false }).municipalitySignal).toBeNull();
	});

	it('is not applicable for a deceased debtor, in a dispute, with debt help or an arrangement', () => {
		const record = rent({}, [call, letterWithOffer]);
		for (const flags of [{ deceased: true }, { dispute: true }, { debtHelp: true, debtHelpSince: '2026-03-10' }, { arrangementActive: true }]) {
			const decision = plan({ ...record, flags }, warned, '2026-05-01');
			expect([flags, decision.municipalitySignal!.status]).toEqual([flags, 'not-applicable']);
		}
	});
});
