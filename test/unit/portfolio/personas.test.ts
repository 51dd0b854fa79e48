import type { DebtorRecord } from '../../../nodes/shared/debtor/model';
import {
	BASE_PERSONAS,
	OVERRIDE_PERSONAS,
	contactsInOrder,
	daysBetween,
	generateDebtor,
	generatePortfolio,
	paidOnTime,
	recordFacts,
	type BasePersona,
	type GeneratedDebtor,
	type Persona,
	type RecordFacts,
} from '../../fixtures/portfolio';

const R = '2026-06-30';
const PER_PERSONA = 400;
const SILENT_OUTCOMES = ['sent', 'no-answer', 'bounced'];
const BENEFITS = ['bijstand', 'ww', 'uwv-benefit', 'aow'];

const byPersona = new Map<Persona, GeneratedDebtor[]>();
for (const persona of [...BASE_PERSONAS, ...OVERRIDE_PERSONAS]) {
	byPersona.set(
		persona,
		Array.from({ length: PER_PERSONA }, (_, index) => generateDebtor(77, index, { persona })),
	);
}
const portfolio = [...generatePortfolio({ seed: 4242, count: 5000 })];

/** Checks `fact` for every debtor of a persona and fails with the first one that breaks it. */
function holdsFor(persona: Persona, fact: (record: DebtorRecord, facts: RecordFacts) => string | undefined): void {
	for (const { record } of byPersona.get(persona) ?? []) {
		const problem = fact(record, recordFacts(record, R));
		if (problem !== undefined) throw new Error(`${persona} ${record.debtorId}: ${problem}`);
	}
}

const outbound = (record: DebtorRecord) => contactsInOrder(record).filter((contact) => contact.direction === 'outbound');
const hasFlags = (record: DebtorRecord) => record.flags !== undefined && Object.keys(record.flags).length > 0;

describe('planted persona facts hold in the records', () => {
	it('current: nothing overdue, the last 12 terms on time, no reversals in the last year, no flags', () => {
		holdsFor('current', (record, facts) => {
			if (facts.overdue.length !== 0) return `${facts.overdue.length} overdue`;
			if (facts.onTimeLast12 !== 12) return `${facts.onTimeLast12}/12 on time`;
			if (facts.reversalCodesLast365.length > 0) return 'reversal in the last year';
			if (hasFlags(record)) return 'flags';
			return undefined;
		});
	});

	it('forgetful: exactly one overdue claim 3-30 days past due, >= 11/12 on time, no reversals, responsive', () => {
		holdsFor('forgetful', (record, facts) => {
			if (facts.overdue.length !== 1) return `${facts.overdue.length} overdue`;
			const dpd = facts.oldestOverdueDaysPastDue ?? -1;
			if (dpd < 3 || dpd > 30) return `${dpd} days past due`;
			if (facts.onTimeLast12 < 11) return `${facts.onTimeLast12}/12 on time`;
			if (facts.reversalCodesLast365.length > 0) return 'reversal';
			if (facts.unansweredStreak > 2 || facts.signals.includes('no-response')) return 'unresponsive';
			if (record.paymentMethod === 'direct-debit') return 'direct debit';
			if (hasFlags(record)) return 'flags';
			return undefined;
		});
		// Responsiveness shows wherever a first reminder went out in time to be answered.
		let reminded = 0;
		for (const { record } of byPersona.get('forgetful') ?? []) {
			const contacts = contactsInOrder(record);
			const reminder = contacts.find((contact) => contact.stage === 'reminder-1' && daysBetween(contact.at.slice(0, 10), R) >= 5);
			if (!reminder) continue;
			reminded++;
			expect(contacts.some((contact) => contact.direction === 'inbound' && Date.parse(contact.at) > Date.parse(reminder.at))).toBe(true);
		}
		expect(reminded).toBeGreaterThan(PER_PERSONA / 4);
	});

	it('temporary-shortfall: clean until 1-3 terms ago, 1-2 terms open and/or a recent AM04, income, answers', () => {
		holdsFor('temporary-shortfall', (record, facts) => {
			const older = facts.terms.slice(0, -3);
			if (!older.every((claim) => paidOnTime(record, claim))) return 'lateness before the last three terms';
			if (facts.overdue.length < 1 || facts.overdue.length > 2) return `${facts.overdue.length} overdue`;
			const lateRecent = facts.terms.slice(-3).filter((claim) => !paidOnTime(record, claim)).length;
			if (lateRecent < 2 && !facts.reversalCodesLast90.includes('AM04')) return 'neither two late terms nor an AM04';
			if (!record.income || record.income.type === 'unknown' || !(record.income.netMonthlyCents ?? 0)) return 'no income';
			if (facts.arrearsMonthsLast12 > 4) return `${facts.arrearsMonthsLast12} months with arrears`;
			const firstLate = facts.terms.find((claim) => !paidOnTime(record, claim));
			const contacted = outbound(record).some(
				(contact) => firstLate && contact.at.slice(0, 10) >= firstLate.dueDate && daysBetween(contact.at.slice(0, 10), R) >= 7,
			);
			if (contacted && facts.inboundCount === 0) return 'never answered';
			if (hasFlags(record)) return 'flags';
			return undefined;
		});
	});

	it('structural-shortfall: arrears in >= 6 of 12 months, >= 2 terms open, low or benefit income, partial payments', () => {
		holdsFor('structural-shortfall', (record, facts) => {
			if (facts.arrearsMonthsLast12 < 6) return `${facts.arrearsMonthsLast12} months with arrears`;
			if (facts.overdue.length < 2) return `${facts.overdue.length} overdue`;
			const income = record.income;
			if (!income || !(BENEFITS.includes(income.type) || (income.netMonthlyCents ?? Infinity) < 200000)) return 'income not low';
			const principal = new Map((record.claims ?? []).map((claim) => [claim.claimId, claim.principalCents]));
			const partial = (record.payments ?? []).some((payment) => payment.amountCents < (principal.get(payment.claimId ?? '') ?? 0));
			if (!partial) return 'no partial payment';
			if (!outbound(record).some((contact) => !SILENT_OUTCOMES.includes(contact.outcome ?? ''))) return 'reads nothing';
			if (hasFlags(record)) return 'flags';
			return undefined;
		});
		const answering = (byPersona.get('structural-shortfall') ?? []).filter(({ record }) => recordFacts(record, R).inboundCount > 0).length;
		expect(answering / PER_PERSONA).toBeGreaterThan(0.2);
		expect(answering / PER_PERSONA).toBeLessThan(0.8);
	});

	it('overwhelmed: >= 2 terms open, never answers, the last >= 3 outbound contacts unanswered and unopened', () => {
		holdsFor('overwhelmed', (record, facts) => {
			if (facts.overdue.length < 2) return `${facts.overdue.length} overdue`;
			if (facts.inboundCount !== 0) return 'inbound contact';
			const out = outbound(record);
			if (facts.unansweredStreak < 3 || out.length < 3) return `streak ${facts.unansweredStreak}`;
			const bad = out.find((contact) => !SILENT_OUTCOMES.includes(contact.outcome ?? ''));
			if (bad) return `outcome ${bad.outcome} on ${bad.channel}`;
			if (hasFlags(record)) return 'flags';
			return undefined;
		});
	});

	it('can-pay-wont-pay: net income >= EUR 3,000, >= 2 terms open for long, reads but never answers, no AM04', () => {
		holdsFor('can-pay-wont-pay', (record, facts) => {
			if ((record.income?.netMonthlyCents ?? 0) < 300000) return 'income';
			if (facts.overdue.length < 2) return `${facts.overdue.length} overdue`;
			if ((facts.oldestOverdueDaysPastDue ?? 0) < 60) return `${facts.oldestOverdueDaysPastDue} days past due`;
			if (facts.allReversalCodes.includes('AM04')) return 'AM04';
			if (facts.inboundCount !== 0) return 'answered';
			if (facts.unansweredStreak < 3) return `streak ${facts.unansweredStreak}`;
			if (!outbound(record).some((contact) => ['opened', 'read', 'clicked'].includes(contact.outcome ?? ''))) return 'never read';
			// Nothing paid on any claim since the stop: refused debits net out to zero.
			const partly = facts.overdue.find((claim) => claim.openCents !== claim.principalCents);
			if (partly) return `paid part of ${partly.claimId}`;
			if (hasFlags(record)) return 'flags';
			return undefined;
		});
		const refusing = (byPersona.get('can-pay-wont-pay') ?? []).filter(({ record }) =>
			(record.reversals ?? []).some((reversal) => reversal.reasonCode === 'MS02'),
		).length;
		expect(refusing).toBeGreaterThan(0);
	});

	it('dispute: flags.dispute and/or a disputed claim, on top of a base pattern', () => {
		holdsFor('dispute', (record) =>
			record.flags?.dispute === true || (record.claims ?? []).some((claim) => claim.disputed === true) ? undefined : 'no dispute',
		);
		const kinds = new Set(
			(byPersona.get('dispute') ?? []).map(({ record }) => `${record.flags?.dispute === true}/${(record.claims ?? []).some((claim) => claim.disputed)}`),
		);
		expect([...kinds].sort()).toEqual(['false/true', 'true/false', 'true/true']);
		holdsFor('dispute', (record) => {
			const disputed = (record.claims ?? []).find((claim) => claim.disputed);
			return disputed && disputed.openCents === 0 ? 'disputed claim is paid' : undefined;
		});
	});

	it('deceased: flags.deceased and/or an MD07 reversal, and no payment by transfer after an MD07', () => {
		holdsFor('deceased', (record) => {
			const md07 = (record.reversals ?? []).filter((reversal) => reversal.reasonCode === 'MD07');
			if (record.flags?.deceased !== true && md07.length === 0) return 'not marked deceased';
			const firstReturn = md07.map((reversal) => reversal.date).sort()[0];
			if (firstReturn && (record.payments ?? []).some((payment) => payment.method !== 'direct-debit' && payment.date > firstReturn)) {
				return 'paid after death';
			}
			return undefined;
		});
		const kinds = new Set(
			(byPersona.get('deceased') ?? []).map(
				({ record }) => `${record.flags?.deceased === true}/${(record.reversals ?? []).some((reversal) => reversal.reasonCode === 'MD07')}`,
			),
		);
		expect(kinds.size).toBe(3);
	});

	it('vulnerable and debt-help carry their flags', () => {
		holdsFor('vulnerable', (record) => (record.flags?.vulnerable === true ? undefined : 'no vulnerable flag'));
		holdsFor('debt-help', (record) => {
			const since = record.flags?.debtHelpSince;
			if (record.flags?.debtHelp !== true || !since) return 'no debt-help flag';
			if (since > R || daysBetween(since, R) > 270) return `debt help since ${since}`;
			// Collection pauses: no outbound contact from a week after the start of debt help.
			const late = outbound(record).find((contact) => daysBetween(since, contact.at.slice(0, 10)) >= 7);
			return late ? `contact on ${late.at} during debt help` : undefined;
		});
	});

	it('overrides name their underlying pattern; base personas have none', () => {
		for (const persona of OVERRIDE_PERSONAS) {
			for (const { truth } of byPersona.get(persona) ?? []) expect(BASE_PERSONAS).toContain(truth.underlying);
		}
		for (const persona of BASE_PERSONAS) {
			for (const { truth } of byPersona.get(persona) ?? []) expect(truth.underlying).toBeUndefined();
		}
	});
});

describe('truth.behaviour and truth.signals match the facts in the record', () => {
	it('agree with an independent computation from the record for 5,000 debtors', () => {
		for (const { record, truth } of portfolio) {
			const facts = recordFacts(record, R);
			if (facts.behaviour !== truth.behaviour || facts.signals.join() !== truth.signals.join()) {
				throw new Error(`${record.debtorId}: truth ${truth.behaviour} [${truth.signals}] but record says ${facts.behaviour} [${facts.signals}]`);
			}
		}
	});

	it('plants each behaviour and each signal somewhere', () => {
		const behaviours = new Set(portfolio.map(({ truth }) => truth.behaviour));
		expect([...behaviours].sort()).toEqual(['direct-debit', 'late', 'non-payer', 'on-time']);
		const signals = new Set(portfolio.flatMap(({ truth }) => truth.signals));
		expect([...signals].sort()).toEqual([
			'blocked-account',
			'growing-arrears',
			'insufficient-funds-reversal',
			'legal-early-warning',
			'no-response',
			'second-consecutive-late',
		]);
	});

	it('fits the behaviour classes to the personas', () => {
		const behaviourOf = (persona: Persona) => new Set((byPersona.get(persona) ?? []).map(({ truth }) => truth.behaviour));
		expect([...behaviourOf('current')].sort()).toEqual(['direct-debit', 'on-time']);
		expect([...behaviourOf('forgetful')]).toEqual(['on-time']);
		const cpwp = (byPersona.get('can-pay-wont-pay') ?? []).filter(({ truth }) => truth.behaviour === 'non-payer').length;
		expect(cpwp / PER_PERSONA).toBeGreaterThan(0.9);
		for (const persona of ['structural-shortfall', 'overwhelmed'] as const) {
			expect(behaviourOf(persona).has('direct-debit')).toBe(false);
			expect(behaviourOf(persona).has('on-time')).toBe(false);
		}
	});

	it('plants the typical signals of each persona', () => {
		const share = (persona: Persona, signal: string) =>
			(byPersona.get(persona) ?? []).filter(({ truth }) => truth.signals.includes(signal as never)).length / PER_PERSONA;
		expect(share('forgetful', 'second-consecutive-late')).toBe(0);
		expect(share('current', 'no-response')).toBe(0);
		expect(share('temporary-shortfall', 'second-consecutive-late')).toBeGreaterThan(0.5);
		expect(share('overwhelmed', 'no-response')).toBe(1);
		expect(share('can-pay-wont-pay', 'no-response')).toBe(1);
		expect(share('can-pay-wont-pay', 'insufficient-funds-reversal')).toBe(0);
	});
});

/**
 * A rule-based reading of the README table. If the personas are planted as documented, these
 * rules recover every base persona from the record alone.
 */
function personaFromFacts(record: DebtorRecord, facts: RecordFacts): BasePersona {
	if (facts.overdue.length === 0) return 'current';
	if (facts.overdue.length === 1 && facts.onTimeLast12 >= 11 && facts.reversalCodesLast365.length === 0) return 'forgetful';
	const out = outbound(record);
	if (facts.inboundCount === 0 && facts.unansweredStreak >= 3 && out.every((contact) => SILENT_OUTCOMES.includes(contact.outcome ?? ''))) {
		return 'overwhelmed';
	}
	if ((record.income?.netMonthlyCents ?? 0) >= 300000 && facts.inboundCount === 0 && facts.unansweredStreak >= 3 && !facts.allReversalCodes.includes('AM04')) {
		return 'can-pay-wont-pay';
	}
	if (facts.arrearsMonthsLast12 >= 6) return 'structural-shortfall';
	return 'temporary-shortfall';
}

describe('the base personas are distinguishable by the facts', () => {
	it('recovers the persona of every base-persona debtor from the record alone', () => {
		let checked = 0;
		for (const { record, truth } of portfolio) {
			if (truth.underlying) continue;
			const guess = personaFromFacts(record, recordFacts(record, R));
			if (guess !== truth.persona) throw new Error(`${record.debtorId}: planted ${truth.persona}, facts say ${guess}`);
			checked++;
		}
		expect(checked).toBeGreaterThan(4000);
	});
});
