/**
 * The facts computed from raw history, each checked against a small hand-made record whose answer
 * is worked out in the comment next to it.
 */
import { dayNumber } from '../../../nodes/shared/calendar/days';
import type { Claim, Contact, DebtorRecord, Payment } from '../../../nodes/shared/debtor/model';
import { DEFAULT_SEGMENTATION_SETTINGS, computeFeatures, reachableChannels, shiftMonths } from '../../../nodes/shared/segmentation';

const REF = dayNumber('2026-06-30');
const claim = (id: string, due: string, open = 0, principal = 10000): Claim => ({
	claimId: id,
	principalCents: principal,
	openCents: open,
	invoiceDate: due.slice(0, 8) + '01',
	dueDate: due,
});
const features = (record: Partial<DebtorRecord>, settings = DEFAULT_SEGMENTATION_SETTINGS) =>
	computeFeatures({ debtorId: 'D', ...record }, REF, settings);

describe('claims and payments', () => {
	test('days past due count from the oldest open overdue claim; future claims are not overdue', () => {
		// Open: due 2026-05-15 (46 days before 30 June) and 2026-06-15; 2026-07-15 is not yet due.
		const f = features({ claims: [claim('A', '2026-05-15', 10000), claim('B', '2026-06-15', 10000), claim('C', '2026-07-15', 10000)] });
		expect(f.daysPastDue).toBe(46);
		expect(f.termsInArrears).toBe(2);
		expect(f.overdueCents).toBe(20000);
		expect(f.openCents).toBe(30000);
		expect(f.arrearsSince).toBe('2026-05-16');
	});

	test('a claim due on the reference day itself is not yet overdue; grace days shift it', () => {
		expect(features({ claims: [claim('A', '2026-06-30', 500)] }).termsInArrears).toBe(0);
		expect(features({ claims: [claim('A', '2026-06-29', 500)] }).termsInArrears).toBe(1);
		expect(features({ claims: [claim('A', '2026-06-29', 500)] }, { ...DEFAULT_SEGMENTATION_SETTINGS, graceDays: 1 }).termsInArrears).toBe(0);
	});

	test('payments without a claim id settle the oldest claims first (FIFO)', () => {
		// Three paid claims due Jan, Feb, Mar 15; one payment of 300.00 on 2026-03-20 settles all three:
		// Jan and Feb late (settled 20 Mar), Mar 15 late too (5 days). Payment of Apr paid on time.
		const claims = [claim('J', '2026-01-15'), claim('F', '2026-02-15'), claim('M', '2026-03-15'), claim('A', '2026-04-15')];
		const payments: Payment[] = [
			{ amountCents: 30000, date: '2026-03-20' },
			{ amountCents: 10000, date: '2026-04-15' },
		];
		const f = features({ claims, payments });
		expect(f.claimsDueInWindow).toBe(4);
		expect(f.onTimeRatio).toBe(0.25);
		// Days late: Jan 64, Feb 33, Mar 5, Apr 0 -> average 25.5
		expect(f.averageDaysLate).toBe(25.5);
		expect(f.consecutiveLatePeriods).toBe(0);
		expect(f.lastPaymentDate).toBe('2026-04-15');
		expect(f.daysSinceLastPayment).toBe(76);
	});

	test('payments with a claim id go to that claim, not FIFO', () => {
		const claims = [claim('J', '2026-05-15', 10000), claim('F', '2026-06-15')];
		const f = features({ claims, payments: [{ claimId: 'F', amountCents: 10000, date: '2026-06-14' }] });
		// June paid early and on time; May open and late.
		expect(f.onTimeRatio).toBe(0.5);
		expect(f.consecutiveLatePeriods).toBe(0);
		expect(f.termsInArrears).toBe(1);
	});

	test('consecutive late periods and the clean run before them', () => {
		// Due the 15th of Jan..Jun 2026: Jan-Apr paid on the due date, May and June still open.
		const claims = ['01', '02', '03', '04', '05', '06'].map((m) => claim(m, `2026-${m}-15`, m === '05' || m === '06' ? 10000 : 0));
		const payments = ['01', '02', '03', '04'].map((m) => ({ claimId: m, amountCents: 10000, date: `2026-${m}-15` }));
		const f = features({ claims, payments });
		expect(f.consecutiveLatePeriods).toBe(2);
		expect(f.onTimePeriodsBeforeLateRun).toBe(4);
		// Month-ends with something overdue: 31 May (May open), 30 June (reference day): 2.
		expect(f.monthsWithArrears).toBe(2);
		// 30 days before the reference (31 May): only May was overdue; now May and June.
		expect(f.termsInArrears30DaysAgo).toBe(1);
	});

	test('months with arrears look at each month-end of the window', () => {
		// A claim due 2025-08-10 paid on 2026-01-05: overdue at the ends of Aug, Sep, Oct, Nov, Dec 2025.
		const f = features({ claims: [claim('X', '2025-08-10')], payments: [{ claimId: 'X', amountCents: 10000, date: '2026-01-05' }] });
		expect(f.monthsWithArrears).toBe(5);
		expect(f.averageDaysLate).toBe(148);
	});

	test('claims before the window do not count in the ratios', () => {
		const f = features({ claims: [claim('OLD', '2025-06-15', 0), claim('NEW', '2026-06-15', 0)], payments: [{ claimId: 'OLD', amountCents: 10000, date: '2025-09-01' }, { claimId: 'NEW', amountCents: 10000, date: '2026-06-15' }] });
		expect(f.claimsDueInWindow).toBe(1);
		expect(f.onTimeRatio).toBe(1);
	});
});

describe('reversals', () => {
	test('counted per reason code in the window; recent ones listed', () => {
		const f = features({
			reversals: [
				{ amountCents: 100, date: '2026-06-01', reasonCode: 'AM04' },
				{ amountCents: 100, date: '2026-01-10', reasonCode: 'AM04' },
				{ amountCents: 100, date: '2026-04-01', reasonCode: 'AC06' },
				{ amountCents: 100, date: '2025-01-01', reasonCode: 'MD06' },
			],
		});
		expect(f.reversalsByCode).toEqual({ AM04: 2, AC06: 1 });
		// Recent = within 90 days of 30 June: 1 June (29 days) and 1 April (90 days exactly).
		expect(f.recentReversalCodes.sort()).toEqual(['AC06', 'AM04']);
	});
});

describe('contacts and responsiveness', () => {
	const out = (at: string, outcome?: Contact['outcome'], channel: Contact['channel'] = 'email'): Contact => ({ at, channel, direction: 'outbound', stage: 'reminder-1', outcome });
	const inbound = (at: string, channel: Contact['channel'] = 'whatsapp'): Contact => ({ at, channel, direction: 'inbound' });

	test('unanswered contacts are the outbound ones after the last reaction', () => {
		const f = features({
			contacts: [
				out('2026-03-01T09:00:00+01:00', 'delivered'),
				inbound('2026-03-02T10:00:00+01:00'),
				out('2026-04-01T09:00:00+02:00', 'opened'),
				out('2026-05-01T09:00:00+02:00', 'sent'),
				out('2026-06-01T09:00:00+02:00', 'read', 'whatsapp'),
			],
		});
		expect(f.outboundContacts).toBe(4);
		expect(f.inboundContacts).toBe(1);
		expect(f.unansweredContacts).toBe(3);
		expect(f.seenButUnanswered).toBe(2);
		expect(f.respondsOn).toBe('whatsapp');
		// Reactions: 1 inbound for 4 outbound.
		expect(f.responseRate).toBe(0.25);
	});

	test('an answered call is a reaction on the phone', () => {
		const f = features({ contacts: [out('2026-05-01T09:00:00+02:00', 'sent'), out('2026-06-01T11:00:00+02:00', 'answered', 'phone')] });
		expect(f.unansweredContacts).toBe(0);
		expect(f.respondsOn).toBe('phone');
	});

	test('contacts after the reference day are ignored', () => {
		const f = features({ contacts: [out('2026-07-01T09:00:00+02:00', 'sent')] });
		expect(f.outboundContacts).toBe(0);
		expect(f.responseRate).toBeNull();
	});

	test('the last moment of the reference day still counts, in any offset', () => {
		const f = features({ contacts: [out('2026-06-30T23:30:00Z', 'sent'), out('2026-07-01T00:30:00+02:00', 'sent')] });
		// 23:30Z on 30 June is before the end of the reference day (UTC); 00:30+02:00 on 1 July is 22:30Z on 30 June.
		expect(f.outboundContacts).toBe(2);
	});
});

describe('reachable channels', () => {
	test('contact data and consents decide', () => {
		expect(reachableChannels({ debtorId: 'D' })).toEqual([]);
		expect(reachableChannels({ debtorId: 'D', contact: { email: 'a@example.nl', mobile: '+31612345678' } })).toEqual(['email', 'sms', 'phone']);
		expect(
			reachableChannels({
				debtorId: 'D',
				contact: { email: 'a@example.nl', mobile: '+31612345678', address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Urk' } },
				consents: { whatsappOptIn: true, emailOptOut: true },
			}),
		).toEqual(['sms', 'whatsapp', 'letter', 'phone']);
	});
});

test('shiftMonths clamps to the end of shorter months', () => {
	expect(shiftMonths(dayNumber('2026-03-31'), -1)).toBe(dayNumber('2026-02-28'));
	expect(shiftMonths(dayNumber('2026-06-30'), -12)).toBe(dayNumber('2025-06-30'));
	expect(shiftMonths(dayNumber('2024-02-29'), 12)).toBe(dayNumber('2025-02-28'));
	expect(shiftMonths(dayNumber('2026-01-15'), -13)).toBe(dayNumber('2024-12-15'));
});
