/**
 * The CCD2 forbearance gate: for a consumer's open claim from a credit agreement, no final notice and
 * no handover before a forbearance offer (a payment arrangement or a deferral) is recorded on or before
 * the decision day; without one the planner plans the arrangement offer instead. Other claims, closed
 * credit claims and business debtors are not gated.
 *
 * The ladder is "can pay, won't pay" (reminder 1, reminder 2, 14-day letter, final notice +3). Its
 * history: due Wed 1 Apr 2026, reminders 2 and 9 Apr, the letter Fri 24 Apr, so costs (and the final
 * notice) from Wed 13 May (domain brief example; see gates.test.ts).
 */
import { dayNumber } from '../../../nodes/shared/calendar';
import type { Claim, Contact, DebtorRecord, ForbearanceOffer } from '../../../nodes/shared/debtor/model';
import { validateDebtor } from '../../../nodes/shared/debtor/validate';
import { CREDIT_AGREEMENT, forbearanceGate, needsForbearanceOffer } from '../../../nodes/shared/journey';
import { claim, debtor, plan, seg, sentContact, summary, walk } from './helpers';

const CAN_PAY = seg('can-pay-wont-pay');
const FINAL_NOTICE_DAY = '2026-05-13';

const credit = (claimId = 'C-1', dueDate = '2026-04-01', openCents = 50000, extra: Partial<Claim> = {}) =>
	claim(claimId, dueDate, openCents, { sector: CREDIT_AGREEMENT, ...extra });

function history(claimId: string): Contact[] {
	return [sentContact('2026-04-02', 'reminder-1', claimId), sentContact('2026-04-09', 'reminder-2', claimId), sentContact('2026-04-24', 'fourteen-day-letter', claimId, 'letter')];
}

/** A consumer with one credit claim at the final notice, and the offers given. */
function atFinalNotice(offers?: ForbearanceOffer[], contacts: Contact[] = [], claims: Claim[] = [credit()]): DebtorRecord {
	return debtor(claims, { contacts: [...claims.flatMap((c) => history(c.claimId)), ...contacts], ...(offers ? { forbearanceOffers: offers } : {}) });
}

describe('a credit-agreement claim without a forbearance offer', () => {
	it('gets no final notice: the arrangement offer is planned instead, with the reason', () => {
		const decision = plan(atFinalNotice(), CAN_PAY, FINAL_NOTICE_DAY);
		expect([decision.action, decision.stage, decision.claimIds, decision.tone, decision.afterPayday]).toEqual(['step', 'arrangement-offer', ['C-1'], 'supportive', true]);
		// On the final notice's own channels (a letter), and not a step of the ladder.
		expect([decision.channel, decision.stepNumber]).toEqual(['letter', null]);
		expect(decision.reasonCodes).toEqual(['ladder', 'step.next', 'gate.costs-term', 'gate.forbearance', 'step.due']);
		expect(decision.reasons).toContain(
			'Claim C-1 comes from a credit agreement: the final notice before handover may only follow an offer of a payment arrangement or a deferral to the consumer (EU Consumer Credit Directive 2023/2225). No offer is recorded on or before 13 May 2026, so first the arrangement offer.',
		);
		// Costs are a separate rule (the 14-day letter term) and unchanged.
		expect(decision.costsAllowed).toBe(true);
	});

	it('announces the offer, not the final notice, while waiting for the letter term', () => {
		const decision = plan(atFinalNotice(), CAN_PAY, '2026-05-12');
		expect([decision.action, decision.reason, decision.stage, decision.earliestDate]).toEqual(['none', 'waiting', 'arrangement-offer', FINAL_NOTICE_DAY]);
		expect(decision.reasonCodes).toContain('gate.forbearance');
	});

	it('words the reason in Dutch', () => {
		const decision = plan(atFinalNotice(), CAN_PAY, FINAL_NOTICE_DAY, { language: 'nl' });
		expect(decision.reasons).toContain(
			'Vordering C-1 komt uit een kredietovereenkomst: de laatste aanmaning voor overdracht mag pas als de consument eerst een betalingsregeling of uitstel van betaling is aangeboden (Europese richtlijn consumentenkrediet 2023/2225). Op of vóór 13 mei 2026 is geen aanbod vastgelegd, dus eerst het aanbod voor een betalingsregeling.',
		);
	});
});

describe('what counts as offered: on or before the decision day', () => {
	it('an offer recorded the same day lets the final notice go', () => {
		const decision = plan(atFinalNotice([{ kind: 'deferral', date: FINAL_NOTICE_DAY, claimId: 'C-1' }]), CAN_PAY, FINAL_NOTICE_DAY);
		expect([decision.action, decision.stage, decision.stepNumber]).toEqual(['step', 'final-notice', 4]);
		expect(decision.reasons).toContain('Claim C-1 comes from a credit agreement: a deferral was offered on 13 May 2026, so the final notice before handover may follow.');
		expect(decision.reasonCodes).not.toContain('gate.forbearance');
	});

	it('an offer recorded the day before lets it go', () => {
		const decision = plan(atFinalNotice([{ kind: 'arrangement', date: '2026-05-12', claimId: 'C-1' }]), CAN_PAY, FINAL_NOTICE_DAY);
		expect([decision.action, decision.stage]).toEqual(['step', 'final-notice']);
		expect(decision.reasonCodes).toContain('gate.forbearance-offered');
	});

	it('an offer dated after the decision day does not count (yet)', () => {
		const record = atFinalNotice([{ kind: 'arrangement', date: '2026-05-14', claimId: 'C-1' }]);
		expect(plan(record, CAN_PAY, FINAL_NOTICE_DAY).stage).toBe('arrangement-offer');
		// From its own day on it does.
		expect(plan(record, CAN_PAY, '2026-05-14').stage).toBe('final-notice');
	});

	it('an offer for another claim does not count', () => {
		expect(plan(atFinalNotice([{ kind: 'deferral', date: '2026-05-01', claimId: 'C-2' }]), CAN_PAY, FINAL_NOTICE_DAY).stage).toBe('arrangement-offer');
	});

	it('an offer without a claim id covers the claims that were in default that day, not later ones', () => {
		const record = (date: string) => atFinalNotice([{ kind: 'other', date }]);
		// C-1 is in default from 2 April.
		expect(plan(record('2026-04-02'), CAN_PAY, FINAL_NOTICE_DAY).stage).toBe('final-notice');
		expect(plan(record('2026-04-01'), CAN_PAY, FINAL_NOTICE_DAY).stage).toBe('arrangement-offer');
		expect(plan(record('2026-04-02'), CAN_PAY, FINAL_NOTICE_DAY).reasons).toContain(
			'Claim C-1 comes from a credit agreement: another forbearance measure was offered on 2 April 2026, so the final notice before handover may follow.',
		);
	});

	it('an arrangement offer in the contact history counts once it reached the debtor', () => {
		const offer = (outcome: Contact['outcome'], channel: Contact['channel'] = 'email'): Contact => ({ ...sentContact('2026-05-11', 'arrangement-offer', 'C-1', channel), outcome });
		for (const outcome of ['sent', 'delivered', 'read', undefined] as const) {
			expect([outcome, plan(atFinalNotice(undefined, [offer(outcome)]), CAN_PAY, '2026-05-14').stage]).toEqual([outcome, 'final-notice']);
		}
		expect(plan(atFinalNotice(undefined, [offer('answered', 'phone')]), CAN_PAY, '2026-05-14').stage).toBe('final-notice');
		// Not when it failed, bounced or the call was not answered: then the offer is planned again.
		for (const [outcome, channel] of [['failed', 'email'], ['bounced', 'email'], ['no-answer', 'phone']] as const) {
			expect([outcome, plan(atFinalNotice(undefined, [offer(outcome, channel)]), CAN_PAY, '2026-05-14').stage]).toEqual([outcome, 'arrangement-offer']);
		}
		// Not known to have gone out (unconfirmed): no offer; the planner holds the debtor until a person records it.
		const unknown = atFinalNotice(undefined, [offer('unconfirmed')]);
		expect(forbearanceGate(unknown, unknown.claims![0], dayNumber('2026-05-14')).offer).toBeNull();
		expect(plan(unknown, CAN_PAY, '2026-05-14').reason).toBe('paused');
		// An agreed arrangement (its confirmation) was offered too; an inbound contact is no offer.
		expect(plan(atFinalNotice(undefined, [sentContact('2026-05-11', 'arrangement-confirmation', 'C-1')]), CAN_PAY, '2026-05-14').stage).toBe('final-notice');
		const inbound: Contact = { ...sentContact('2026-05-11', 'arrangement-offer', 'C-1'), direction: 'inbound' };
		expect(plan(atFinalNotice(undefined, [inbound]), CAN_PAY, '2026-05-14').stage).toBe('arrangement-offer');
	});

	it('the gate itself, at its edges', () => {
		const record = atFinalNotice([{ kind: 'deferral', date: '2026-05-12', claimId: 'C-1' }]);
		const c1 = record.claims![0];
		expect(forbearanceGate(record, c1, dayNumber('2026-05-11'))).toEqual({ applies: true, offer: null, allowed: false });
		expect(forbearanceGate(record, c1, dayNumber('2026-05-12'))).toEqual({ applies: true, offer: { date: '2026-05-12', kind: 'deferral', source: 'forbearanceOffers' }, allowed: true });
		// The latest offer on or before the day is the one reported.
		const twice = { ...record, contacts: [...record.contacts!, sentContact('2026-05-20', 'arrangement-offer', 'C-1')] };
		expect(forbearanceGate(twice, c1, dayNumber('2026-05-19')).offer).toEqual({ date: '2026-05-12', kind: 'deferral', source: 'forbearanceOffers' });
		expect(forbearanceGate(twice, c1, dayNumber('2026-05-20')).offer).toEqual({ date: '2026-05-20', kind: 'arrangement', source: 'contacts' });
	});
});

describe('the gate leaves other claims alone', () => {
	it('non-credit claims: the final notice goes as before', () => {
		for (const sector of ['retail', 'telecom', 'rent', undefined] as const) {
			const record = atFinalNotice(undefined, [], [claim('C-1', '2026-04-01', 50000, { sector })]);
			const decision = plan(record, CAN_PAY, FINAL_NOTICE_DAY);
			expect([sector, decision.stage, decision.reasonCodes.filter((code) => code.startsWith('gate.forbearance'))]).toEqual([sector, 'final-notice', []]);
		}
	});

	it('a closed credit claim (nothing open) is not gated', () => {
		expect(needsForbearanceOffer(credit('C-1', '2026-04-01', 0), 'consumer')).toBe(false);
		const record = atFinalNotice(undefined, [], [credit('C-1', '2026-04-01', 0), claim('R-1', '2026-04-01')]);
		expect(forbearanceGate(record, record.claims![0], dayNumber(FINAL_NOTICE_DAY))).toEqual({ applies: false, offer: null, allowed: true });
		const decision = plan(record, CAN_PAY, FINAL_NOTICE_DAY);
		expect([decision.stage, decision.claimIds]).toEqual(['final-notice', ['R-1']]);
		expect(decision.reasonCodes).not.toContain('gate.forbearance');
	});

	it('a business debtor is not gated (the directive protects consumers)', () => {
		expect(needsForbearanceOffer(credit(), 'business')).toBe(false);
		expect(needsForbearanceOffer(credit(), undefined)).toBe(true);
		const business = { ...atFinalNotice(), debtorType: 'business' as const, companyName: 'Bakkerij BV' };
		expect(plan(business, CAN_PAY, FINAL_NOTICE_DAY).stage).toBe('final-notice');
	});

	it('mixed claims: the retail claim gets its final notice, the credit claim its offer first', () => {
		// R-1 is a day older, so on the shared day its final notice goes first (oldest claim first).
		const record = atFinalNotice(undefined, [], [claim('R-1', '2026-03-31'), credit('C-1', '2026-04-01')]);
		const today = plan(record, CAN_PAY, FINAL_NOTICE_DAY);
		expect([today.stage, today.claimIds]).toEqual(['final-notice', ['R-1']]);
		const { steps } = walk(record, CAN_PAY, FINAL_NOTICE_DAY, '2026-06-30');
		// Wed 13 May: R-1's final notice. C-1's arrangement offer instead of its final notice goes by letter
		// on the next working day, Mon 18 May (Thu 14 May is Ascension Day, Fri 15 May a designated day);
		// its final notice follows three days after the offer, Thu 21 May.
		expect(steps.map((s) => [s.date, s.stage, s.claimIds])).toEqual([
			['2026-05-13', 'final-notice', ['R-1']],
			['2026-05-18', 'arrangement-offer', ['C-1']],
			['2026-05-21', 'final-notice', ['C-1']],
		]);
	});
});

describe('walked day by day', () => {
	it('offer, then the final notice, then the handover', () => {
		const { steps, last } = walk(atFinalNotice(), CAN_PAY, '2026-05-01', '2026-06-01');
		expect(summary(steps)).toEqual([
			['2026-05-13', 'arrangement-offer', 'letter'],
			// Three days after the offer: Sat 16 May, a letter goes on Mon 18 May.
			['2026-05-18', 'final-notice', 'letter'],
		]);
		// Handover 14 days after the final notice, with the offer that allows it in the reasons.
		expect([last.referenceDate, last.handover]).toEqual(['2026-06-01', true]);
		expect(last.reasons).toContain('Claim C-1 comes from a credit agreement: a payment arrangement was offered on 13 May 2026, so the handover may follow.');
	});
});

describe('the handover', () => {
	// A final notice that went out before the claim was gated (or from another system), never an offer.
	const noticed = (offers?: ForbearanceOffer[]) => atFinalNotice(offers, [sentContact('2026-05-13', 'final-notice', 'C-1', 'letter')]);

	it('waits for an offer: the offer is planned instead', () => {
		const decision = plan(noticed(), CAN_PAY, '2026-05-27');
		expect([decision.handover, decision.action, decision.stage, decision.claimIds]).toEqual([false, 'step', 'arrangement-offer', ['C-1']]);
		expect(decision.reasons).toContain(
			'Claim C-1 comes from a credit agreement: the handover may only follow an offer of a payment arrangement or a deferral to the consumer (EU Consumer Credit Directive 2023/2225). No offer is recorded on or before 27 May 2026, so first the arrangement offer.',
		);
		expect(plan(noticed(), CAN_PAY, '2026-05-27', { language: 'nl' }).reasons).toContain(
			'Vordering C-1 komt uit een kredietovereenkomst: de overdracht mag pas als de consument eerst een betalingsregeling of uitstel van betaling is aangeboden (Europese richtlijn consumentenkrediet 2023/2225). Op of vóór 27 mei 2026 is geen aanbod vastgelegd, dus eerst het aanbod voor een betalingsregeling.',
		);
	});

	it('goes with an offer on or before the day, not with a later one', () => {
		const sameDay = plan(noticed([{ kind: 'deferral', date: '2026-05-27', claimId: 'C-1' }]), CAN_PAY, '2026-05-27');
		expect([sameDay.handover, sameDay.reason]).toEqual([true, 'finished']);
		expect(sameDay.reasonCodes).toEqual(expect.arrayContaining(['handover', 'gate.forbearance-offered']));
		expect(plan(noticed([{ kind: 'deferral', date: '2026-05-26', claimId: 'C-1' }]), CAN_PAY, '2026-05-27').handover).toBe(true);
		expect(plan(noticed([{ kind: 'deferral', date: '2026-05-28', claimId: 'C-1' }]), CAN_PAY, '2026-05-27').handover).toBe(false);
	});

	it('mixed claims: the retail claim is handed over, the credit claim gets its offer', () => {
		const record = debtor([claim('R-1', '2026-04-01'), credit('C-1', '2026-04-01')], {
			contacts: [...history('R-1'), ...history('C-1'), sentContact('2026-05-13', 'final-notice', 'R-1', 'letter'), sentContact('2026-05-13', 'final-notice', 'C-1', 'letter')],
		});
		const decision = plan(record, CAN_PAY, '2026-05-27');
		expect([decision.handover, decision.stage, decision.claimIds]).toEqual([true, 'arrangement-offer', ['C-1']]);
		expect(decision.reasons).toContain('Handover: the final notice for claim R-1 went out on 13 May 2026 without payment; hand over to a collection agency or bailiff.');
	});
});

describe('the record', () => {
	it('takes credit-agreement claims and forbearance offers; records without them stay valid', () => {
		expect(validateDebtor(atFinalNotice([{ kind: 'deferral', date: '2026-05-12', claimId: 'C-1' }, { kind: 'arrangement', date: '2026-05-01' }]))).toEqual([]);
		expect(validateDebtor(debtor([claim('C-1', '2026-04-01')]))).toEqual([]);
	});

	it('names the field of a wrong offer', () => {
		const bad = (offer: unknown) => validateDebtor({ ...atFinalNotice(), forbearanceOffers: [offer] });
		expect(bad({ kind: 'payment-holiday', date: '2026-05-12' })).toEqual([{ field: 'forbearanceOffers[0].kind', message: 'must be one of: arrangement, deferral, other' }]);
		expect(bad({ kind: 'deferral', date: '2026-02-30' })).toEqual([{ field: 'forbearanceOffers[0].date', message: 'is not a valid calendar date (YYYY-MM-DD)' }]);
		expect(bad({ kind: 'deferral' })).toEqual([{ field: 'forbearanceOffers[0].date', message: 'is required but missing' }]);
	});
});
