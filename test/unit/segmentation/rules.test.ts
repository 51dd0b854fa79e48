/**
 * Each built-in rule at its threshold: just below, at, and just above. Records arrive pre-aggregated
 * (features supplied), so every test sets exactly the facts the rule reads.
 */
import { dayNumber } from '../../../nodes/shared/calendar/days';
import type { DebtorRecord } from '../../../nodes/shared/debtor/model';
import {
	DEFAULT_SEGMENTATION_SETTINGS,
	REASON_CODES,
	compileRules,
	segmentDebtor,
	stableBucket,
	wordReason,
	type CustomRule,
	type SegmentOptions,
	type SegmentationSettings,
} from '../../../nodes/shared/segmentation';

const REFERENCE = '2026-06-30';

function segment(features: Record<string, unknown>, extra: Partial<DebtorRecord> = {}, options: Partial<SegmentOptions> = {}, settings: Partial<SegmentationSettings> = {}) {
	return segmentDebtor(
		{ debtorId: 'D-1', features, ...extra },
		{ referenceDay: dayNumber(REFERENCE), settings: { ...DEFAULT_SEGMENTATION_SETTINGS, ...settings }, language: 'en', ...options },
	);
}

const inArrears = (terms: number, extra: Record<string, unknown> = {}) => ({
	termsInArrears: terms,
	daysPastDue: 40,
	lastPaymentDate: '2026-06-01',
	claimsDueInWindow: 12,
	onTimeRatio: 0.5,
	monthsWithArrears: 4,
	...extra,
});

describe('behaviour classes', () => {
	test.each([
		[89, 'late'],
		[90, 'non-payer'],
		[91, 'non-payer'],
	])('no payment for %i days with arrears (threshold 90) -> %s', (days, expected) => {
		const lastPayment = dayNumber(REFERENCE) - days;
		const result = segment(inArrears(1, { lastPaymentDate: new Date(lastPayment * 86400000).toISOString().slice(0, 10) }));
		expect(result.features.daysSinceLastPayment).toBe(days);
		expect(result.behaviour).toBe(expected);
	});

	test('arrears and no payment at all is a non-payer', () => {
		const result = segment({ termsInArrears: 2, daysPastDue: 20 });
		expect(result.behaviour).toBe('non-payer');
		expect(result.reasonCodes).toContain('behaviour.non-payer-never');
	});

	test.each([
		[0.89, 'late'],
		[0.9, 'on-time'],
		[0.91, 'on-time'],
	])('on-time share %f (threshold 0.9) -> %s', (ratio, expected) => {
		expect(segment({ claimsDueInWindow: 12, onTimeRatio: ratio }).behaviour).toBe(expected);
	});

	test('direct-debit payers on time are direct-debit, late ones are late', () => {
		expect(segment({ claimsDueInWindow: 12, onTimeRatio: 1 }, { paymentMethod: 'direct-debit' }).behaviour).toBe('direct-debit');
		expect(segment({ claimsDueInWindow: 12, onTimeRatio: 0.5, termsInArrears: 1, lastPaymentDate: '2026-06-20' }, { paymentMethod: 'direct-debit' }).behaviour).toBe('late');
	});

	test('no history and nothing overdue counts as on time', () => {
		const result = segment({});
		expect(result.behaviour).toBe('on-time');
		expect(result.persona).toBe('current');
	});
});

describe('protective overrides always win', () => {
	const ignoringReminders = inArrears(3, { unansweredContacts: 5, seenButUnanswered: 5 });

	test.each([
		[{ flags: { deceased: true } }, 'deceased', 'stop'],
		[{ reversals: [{ amountCents: 100, date: '2026-06-01', reasonCode: 'MD07' }] }, 'deceased', 'stop'],
		[{ flags: { dispute: true } }, 'dispute', 'pause'],
		[{ flags: { debtHelp: true, debtHelpSince: '2026-05-01' } }, 'debt-help', 'pause'],
		[{ flags: { vulnerable: true } }, 'vulnerable', 'pause'],
	] as Array<[Partial<DebtorRecord>, string, string]>)('%j -> %s', (extra, persona, action) => {
		const rule: CustomRule = { field: 'features.termsInArrears', operator: 'greaterOrEqual', value: '1', result: 'persona', persona: 'can-pay-wont-pay' };
		const rules = compileRules([rule]) as ReturnType<typeof compileRules> & object[];
		const result = segment(ignoringReminders, { ...extra, income: { type: 'salary-monthly', netMonthlyCents: 900000 } }, { rules: rules as never });
		expect(result.persona).toBe(persona);
		expect(result.action).toBe(action);
	});

	test('deceased beats dispute', () => {
		expect(segment({}, { flags: { deceased: true, dispute: true } }).persona).toBe('deceased');
	});

	test('a disputed open claim is a dispute, a disputed paid claim is not', () => {
		const claim = { claimId: 'C', principalCents: 100, invoiceDate: '2026-01-01', dueDate: '2026-01-15', disputed: true };
		const open = segmentDebtor(
			{ debtorId: 'D', claims: [{ ...claim, openCents: 100 }] },
			{ referenceDay: dayNumber(REFERENCE), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' },
		);
		expect(open.persona).toBe('dispute');
		const paid = segmentDebtor(
			{ debtorId: 'D', claims: [{ ...claim, openCents: 0 }] },
			{ referenceDay: dayNumber(REFERENCE), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' },
		);
		expect(paid.persona).toBe('current');
	});
});

describe('built-in personas at their thresholds', () => {
	test.each([
		[29, 'forgetful'],
		[30, 'forgetful'],
		[31, 'temporary-shortfall'],
	])('one term %i days past due after a clean history (max 30) -> %s', (days, expected) => {
		const result = segment({
			termsInArrears: 1,
			daysPastDue: days,
			lastPaymentDate: '2026-06-01',
			claimsDueInWindow: 12,
			onTimeRatio: 11 / 12,
			consecutiveLatePeriods: 1,
			onTimePeriodsBeforeLateRun: 11,
			monthsWithArrears: 1,
		});
		expect(result.persona).toBe(expected);
	});

	test.each([
		[0.89, 'temporary-shortfall'],
		[0.9, 'forgetful'],
		[0.91, 'forgetful'],
	])('forgetful needs 90%% of the window on time: %f -> %s', (ratio, expected) => {
		const result = segment({
			termsInArrears: 1,
			daysPastDue: 10,
			lastPaymentDate: '2026-06-01',
			claimsDueInWindow: 100,
			onTimeRatio: ratio,
			consecutiveLatePeriods: 1,
			onTimePeriodsBeforeLateRun: 3,
			monthsWithArrears: 2,
		});
		expect(result.persona).toBe(expected);
	});

	test('a second late period in a row is not forgetful, even with one term open', () => {
		const result = segment({ termsInArrears: 1, daysPastDue: 10, lastPaymentDate: '2026-06-20', claimsDueInWindow: 12, onTimeRatio: 10 / 12, consecutiveLatePeriods: 2, onTimePeriodsBeforeLateRun: 10, monthsWithArrears: 2 });
		expect(result.persona).toBe('temporary-shortfall');
	});

	test('a reversal in the window rules out forgetful', () => {
		const result = segment({ termsInArrears: 1, daysPastDue: 10, lastPaymentDate: '2026-06-01', claimsDueInWindow: 12, onTimeRatio: 11 / 12, consecutiveLatePeriods: 1, onTimePeriodsBeforeLateRun: 11, monthsWithArrears: 1, reversalsByCode: { MD06: 1 } });
		expect(result.persona).not.toBe('forgetful');
	});

	test.each([
		[5, 'temporary-shortfall'],
		[6, 'structural-shortfall'],
		[7, 'structural-shortfall'],
	])('arrears in %i of 12 months (threshold 6) -> %s', (months, expected) => {
		const result = segment(inArrears(1, { monthsWithArrears: months, daysPastDue: 40, onTimePeriodsBeforeLateRun: 0 }));
		expect(result.persona).toBe(expected);
	});

	test.each([
		[2, 'structural-shortfall'],
		[3, 'overwhelmed'],
		[4, 'overwhelmed'],
	])('%i unanswered contacts with two terms in arrears (threshold 3) -> %s', (count, expected) => {
		const result = segment(inArrears(2, { unansweredContacts: count, monthsWithArrears: 6 }));
		expect(result.persona).toBe(expected);
	});

	test.each([
		[0.09, 'overwhelmed'],
		[0.1, 'overwhelmed'],
		[0.11, 'structural-shortfall'],
	])('reactions to %f of contacts (at most 0.1) -> %s', (rate, expected) => {
		expect(segment(inArrears(2, { unansweredContacts: 3, responseRate: rate, monthsWithArrears: 6 })).persona).toBe(expected);
	});

	test('contacts that were seen (opened e-mail, delivered SMS) are not "nothing gets through"', () => {
		expect(segment(inArrears(2, { unansweredContacts: 3, seenButUnanswered: 1, monthsWithArrears: 6 })).persona).toBe('structural-shortfall');
	});

	test('unanswered contacts with a single term in arrears is not overwhelmed', () => {
		expect(segment(inArrears(1, { unansweredContacts: 5, monthsWithArrears: 6 })).persona).toBe('structural-shortfall');
	});

	test.each([
		[299999, 'structural-shortfall'],
		[300000, 'can-pay-wont-pay'],
		[300001, 'can-pay-wont-pay'],
	])('net income %i cents (threshold 300000) with seen but ignored reminders -> %s', (income, expected) => {
		const result = segment(inArrears(2, { unansweredContacts: 3, seenButUnanswered: 2 }), {
			income: { type: 'salary-monthly', netMonthlyCents: income },
		});
		expect(result.persona).toBe(expected);
	});

	test('can pay but a recent AM04 reversal means a shortfall, not unwillingness', () => {
		const result = segment(inArrears(2, { unansweredContacts: 2, seenButUnanswered: 2, recentReversalCodes: ['AM04'], monthsWithArrears: 2 }), {
			income: { type: 'salary-monthly', netMonthlyCents: 500000 },
		});
		expect(result.persona).toBe('temporary-shortfall');
		expect(result.signals).toContain('insufficient-funds-reversal');
	});

	test('new arrears within the recent days after a clean history are a temporary shortfall', () => {
		const result = segment(inArrears(2, { daysPastDue: 45, monthsWithArrears: 2, onTimePeriodsBeforeLateRun: 10, consecutiveLatePeriods: 2 }));
		expect(result.persona).toBe('temporary-shortfall');
		expect(result.reasonCodes).toContain('persona.temporary-new-arrears');
	});

	test('every persona carries its tone', () => {
		expect(segment(inArrears(2, { unansweredContacts: 3, seenButUnanswered: 2 }), { income: { type: 'salary-monthly', netMonthlyCents: 400000 } }).tone).toBe('firm');
		expect(segment(inArrears(2, { monthsWithArrears: 8 })).tone).toBe('supportive');
		expect(segment({}).tone).toBe('neutral');
	});
});

describe('early-warning signals at their thresholds', () => {
	test.each([
		[5, false],
		[6, true],
		[7, true],
	])('late twice after %i clean periods (threshold 6) -> signal %s', (clean, expected) => {
		const result = segment(inArrears(2, { consecutiveLatePeriods: 2, onTimePeriodsBeforeLateRun: clean }));
		expect(result.signals.includes('second-consecutive-late')).toBe(expected);
	});

	test('a third late period is no longer the "second" signal', () => {
		expect(segment(inArrears(3, { consecutiveLatePeriods: 3, onTimePeriodsBeforeLateRun: 10 })).signals).not.toContain('second-consecutive-late');
	});

	test.each([
		[2, false],
		[3, true],
		[4, true],
	])('%i contacts without response (threshold 3) -> signal %s', (count, expected) => {
		expect(segment(inArrears(1, { unansweredContacts: count })).signals.includes('no-response')).toBe(expected);
	});

	test('AC06 in the recent days signals a blocked account', () => {
		expect(segment(inArrears(1, { recentReversalCodes: ['AC06'] })).signals).toContain('blocked-account');
	});

	test.each([
		[1, 1, false],
		[1, 2, true],
		[2, 2, false],
		[0, 1, false],
	])('terms in arrears %i -> %i in 30 days: growing %s', (before, now, expected) => {
		const result = segment(inArrears(now, { termsInArrears30DaysAgo: before }));
		expect(result.signals.includes('growing-arrears')).toBe(expected);
	});

	const rentClaims = (open: number) =>
		Array.from({ length: 3 }, (_, i) => ({
			claimId: `R${i}`,
			principalCents: 80000,
			openCents: i < open ? 80000 : 0,
			invoiceDate: `2026-0${3 + i}-01`,
			dueDate: `2026-0${3 + i}-02`,
			sector: 'rent' as const,
		}));

	test.each([
		[0, false],
		[1, true],
		[2, true],
	])('rent with %i terms in arrears (threshold 1) -> legal early warning %s', (open, expected) => {
		const result = segmentDebtor(
			{ debtorId: 'D', claims: rentClaims(open) },
			{ referenceDay: dayNumber(REFERENCE), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' },
		);
		expect(result.features.termsInArrears).toBe(open);
		expect(result.signals.includes('legal-early-warning')).toBe(expected);
	});

	test.each([
		[1, false],
		[2, true],
	])('health insurance with %i terms in arrears (threshold 2) -> %s', (open, expected) => {
		const claims = rentClaims(open).map((claim) => ({ ...claim, sector: 'health-insurance' as const }));
		const result = segmentDebtor({ debtorId: 'D', claims }, { referenceDay: dayNumber(REFERENCE), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' });
		expect(result.signals.includes('legal-early-warning')).toBe(expected);
	});

	test('telecom is not an early-warning sector', () => {
		const claims = rentClaims(2).map((claim) => ({ ...claim, sector: 'telecom' as const }));
		const result = segmentDebtor({ debtorId: 'D', claims }, { referenceDay: dayNumber(REFERENCE), settings: DEFAULT_SEGMENTATION_SETTINGS, language: 'en' });
		expect(result.signals).not.toContain('legal-early-warning');
	});
});

describe('custom rules', () => {
	const compile = (rules: CustomRule[]) => {
		const compiled = compileRules(rules);
		if (compiled instanceof Error) throw compiled;
		return compiled;
	};

	test('a persona rule runs before the built-in rules; the first match decides', () => {
		const rules = compile([
			{ field: 'features.daysPastDue', operator: 'greaterOrEqual', value: '40', result: 'persona', persona: 'overwhelmed' },
			{ field: 'features.daysPastDue', operator: 'greaterOrEqual', value: '1', result: 'persona', persona: 'forgetful' },
		]);
		const result = segment(inArrears(1), {}, { rules });
		expect(result.persona).toBe('overwhelmed');
		expect(result.reasons).toContain('Your rule 1 matched (features.daysPastDue ≥ 40): overwhelmed.');
	});

	test.each([
		['greaterThan', '40', false],
		['greaterOrEqual', '40', true],
		['lessThan', '41', true],
		['lessOrEqual', '39', false],
		['equals', '40', true],
		['notEquals', '40', false],
	] as const)('operator %s %s on daysPastDue 40 -> %s', (operator, value, expected) => {
		const rules = compile([{ field: 'features.daysPastDue', operator, value, result: 'label', label: 'hit' }]);
		expect(segment(inArrears(1), {}, { rules }).labels.includes('hit')).toBe(expected);
	});

	test('text, exists, contains and record fields', () => {
		const rules = compile([
			{ field: 'income.type', operator: 'equals', value: 'bijstand', result: 'label', label: 'benefit' },
			{ field: 'contact.email', operator: 'exists', result: 'label', label: 'has e-mail' },
			{ field: 'contact.mobile', operator: 'notExists', result: 'label', label: 'no mobile' },
			{ field: 'features.reachableChannels', operator: 'contains', value: 'email', result: 'label', label: 'e-mail reachable' },
		]);
		const result = segment({}, { income: { type: 'bijstand' }, contact: { email: 'a@example.nl' } }, { rules });
		expect(result.labels).toEqual(['benefit', 'has e-mail', 'no mobile', 'e-mail reachable']);
	});

	test('wrong rules are reported naming the rule', () => {
		expect(compileRules([{ field: ' ', operator: 'equals', result: 'label', label: 'x' }])).toEqual(
			expect.objectContaining({ message: expect.stringContaining('Rule 1: the field is empty') }),
		);
		expect(compileRules([{ field: 'a', operator: 'equals', result: 'label', label: 'x' }, { field: 'a', operator: 'equals', result: 'persona', persona: 'nope' as never }])).toEqual(
			expect.objectContaining({ message: 'Rule 2: choose the persona the rule assigns.' }),
		);
	});
});

describe('experiments', () => {
	test('the arm is deterministic per debtor and experiment name', () => {
		const experiment = { name: 'whatsapp-first', variantPercent: 30 };
		const a = segment({}, { debtorId: 'D-42' }, { experiment });
		const b = segment({}, { debtorId: 'D-42' }, { experiment });
		expect(a.arm).toEqual(b.arm);
		expect(a.arm!.bucket).toBe(stableBucket('whatsapp-first:D-42'));
		expect(a.arm!.group).toBe(a.arm!.bucket < 30 ? 'variant' : 'control');
	});

	test('the variant share is respected over many debtors, and a new name reshuffles', () => {
		let variant = 0;
		let same = 0;
		for (let i = 0; i < 10000; i++) {
			const id = `D-${i}`;
			if (stableBucket(`exp-a:${id}`) < 20) variant++;
			if (stableBucket(`exp-a:${id}`) === stableBucket(`exp-b:${id}`)) same++;
		}
		expect(variant / 10000).toBeGreaterThan(0.18);
		expect(variant / 10000).toBeLessThan(0.22);
		expect(same / 10000).toBeLessThan(0.05);
	});

	test('0% and 100% put everyone in one group', () => {
		expect(segment({}, {}, { experiment: { name: 'x', variantPercent: 0 } }).arm!.group).toBe('control');
		expect(segment({}, {}, { experiment: { name: 'x', variantPercent: 100 } }).arm!.group).toBe('variant');
	});
});

describe('reasons', () => {
	test('every reason has Dutch and English wording without gaps', () => {
		const params = { rate: 0.05, maxRate: 0.1, terms: 2, days: 10, threshold: 3, ratio: 0.5, months: 12, average: 4, count: 2, since: '2026-01-01', rule: 1, condition: 'x = 1', result: 'forgetful', date: '2026-06-30', income: 300000, unanswered: 3, seen: 1, window: 12, max: 30, recent: 90, clean: 6, before: 1, now: 2, sector: 'rent', label: 'l', name: 'e', arm: 'variant', bucket: 3, percent: 10 };
		for (const code of REASON_CODES) {
			for (const language of ['nl', 'en'] as const) {
				const text = wordReason({ code, params }, language);
				expect(text).not.toMatch(/undefined|NaN|\{|\}/);
				expect(text.length).toBeGreaterThan(20);
			}
		}
	});

	test('reasons follow the language setting and name the facts', () => {
		const features = inArrears(2, { monthsWithArrears: 7 });
		expect(segment(features, {}, { language: 'nl' }).reasons).toContain('Structureel tekort: achterstand in 7 van de laatste 12 maanden (grens 6).');
		expect(segment(features, {}, { language: 'en' }).reasons).toContain('Structural shortfall: arrears in 7 of the last 12 months (threshold 6).');
	});

	test('wrong supplied features name the field', () => {
		expect(() => segment({ termsInArrears: -1 })).toThrow(expect.objectContaining({ field: 'features.termsInArrears' }));
		expect(() => segment({ onTimeRatio: 2 })).toThrow(expect.objectContaining({ field: 'features.onTimeRatio' }));
		expect(() => segment({ lastPaymentDate: '2026-02-30' })).toThrow(expect.objectContaining({ field: 'features.lastPaymentDate' }));
	});
});
