import { jitterFor } from '../../../nodes/shared/scheduling';
import { contact, plan } from './helpers';

// Contact pressure from the history (outbound contacts by default): at most N (3) contacts in any
// 7 x 24 hours, the new one included; at least H (24) hours between contacts; at least 48 hours
// between contacts on one channel.

describe('minimum gap between contacts', () => {
	it('24 hours after a contact on another channel, 48 hours on the same channel', () => {
		const contacts = [contact('2026-07-06T10:00:00+02:00', 'email')];
		const sms = plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'sms' });
		expect(sms.moment).toBe('2026-07-07T10:00:00+02:00');
		expect(sms.reasonCodes).toEqual(['min-gap']);
		expect(sms.reasons).toEqual([
			'Moved from Monday 6 July 2026 12:00 to Tuesday 7 July 2026 10:00: at least 24 hours between contacts (contact on Monday 6 July 2026 10:00).',
		]);
		const email = plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'email' });
		expect(email.moment).toBe('2026-07-08T10:00:00+02:00');
		expect(email.reasonCodes).toEqual(['channel-gap']);
		expect(email.reasons[0]).toContain('at most one contact per channel per 48 hours');
	});

	it('exactly H hours later is allowed', () => {
		expect(plan('2026-07-07T10:00:00+02:00', { contacts: [contact('2026-07-06T10:00:00+02:00', 'email')], channel: 'sms' }).moment).toBe(
			'2026-07-07T10:00:00+02:00',
		);
	});

	it('a gap ending at night or on Sunday continues at the next window opening', () => {
		// E-mail Friday 19:00: 48 hours -> Sunday 19:00 -> Monday 07:00.
		const result = plan('2026-07-03T19:30:00+02:00', { contacts: [contact('2026-07-03T19:00:00+02:00', 'email')], channel: 'email' });
		expect(result.moment).toBe('2026-07-06T07:00:00+02:00');
		expect(result.reasonCodes).toEqual(['channel-gap', 'sunday']);
		// Phone call Monday 19:59: 24 hours -> Tuesday 19:59, still inside.
		expect(plan('2026-07-06T20:00:00+02:00', { contacts: [contact('2026-07-06T19:59:00+02:00', 'phone')], channel: 'sms' }).moment).toBe(
			'2026-07-07T19:59:00+02:00',
		);
	});

	it('a gap ending between minutes moves to the next whole minute', () => {
		expect(plan('2026-07-07T09:00:00+02:00', { contacts: [contact('2026-07-06T10:00:30+02:00', 'phone')], channel: 'sms' }).moment).toBe(
			'2026-07-07T10:01:00+02:00',
		);
	});

	it('contacts after the start (a replay) keep their distance on both sides', () => {
		const result = plan('2026-07-07T12:00:00+02:00', { contacts: [contact('2026-07-08T10:00:00+02:00', 'phone')], channel: 'sms' });
		expect(result.moment).toBe('2026-07-09T10:00:00+02:00');
		expect(plan('2026-07-07T09:00:00+02:00', { contacts: [contact('2026-07-08T10:00:00+02:00', 'phone')], channel: 'sms' }).moment).toBe(
			'2026-07-07T09:00:00+02:00',
		);
	});

	it('configurable: 0 hours switches a gap off', () => {
		const contacts = [contact('2026-07-06T10:00:00+02:00', 'email')];
		const settings = { minHoursBetweenContacts: 0, minHoursSameChannel: 0 };
		expect(plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'email', settings }).moment).toBe('2026-07-06T12:00:00+02:00');
		expect(plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'sms', settings: { minHoursBetweenContacts: 4 } }).moment).toBe(
			'2026-07-06T14:00:00+02:00',
		);
	});
});

describe('at most N contacts per rolling 7 days', () => {
	const three = [contact('2026-07-01T10:00:00+02:00', 'email'), contact('2026-07-03T10:00:00+02:00', 'sms'), contact('2026-07-06T10:00:00+02:00', 'phone')];

	it('three contacts in the last 7 days: the next one when the oldest is 7 x 24 hours old', () => {
		const result = plan('2026-07-07T12:00:00+02:00', { contacts: three, channel: 'whatsapp' });
		expect(result.moment).toBe('2026-07-08T10:00:00+02:00');
		expect(result.reasonCodes).toEqual(['weekly-cap']);
		expect(result.reasons).toEqual(['Moved from Tuesday 7 July 2026 12:00 to Wednesday 8 July 2026 10:00: at most 3 contacts in any 7 days.']);
	});

	it('a higher cap lets it through; a lower one waits longer', () => {
		expect(plan('2026-07-07T12:00:00+02:00', { contacts: three, channel: 'whatsapp', settings: { maxContactsPer7Days: 4 } }).moment).toBe(
			'2026-07-07T12:00:00+02:00',
		);
		// Cap 2: the two newest (3 and 6 July) must be 7 days apart from the new one -> 10 July 10:00.
		expect(plan('2026-07-07T12:00:00+02:00', { contacts: three, channel: 'whatsapp', settings: { maxContactsPer7Days: 2 } }).moment).toBe(
			'2026-07-10T10:00:00+02:00',
		);
		// Cap 1: seven days after the newest -> Monday 13 July 10:00.
		expect(plan('2026-07-07T12:00:00+02:00', { contacts: three, channel: 'whatsapp', settings: { maxContactsPer7Days: 1 } }).moment).toBe(
			'2026-07-13T10:00:00+02:00',
		);
	});

	it('a contact exactly 7 x 24 hours ago no longer counts', () => {
		expect(plan('2026-07-08T10:00:00+02:00', { contacts: three, channel: 'whatsapp' }).moment).toBe('2026-07-08T10:00:00+02:00');
		expect(plan('2026-07-08T09:59:00+02:00', { contacts: three, channel: 'whatsapp' }).moment).toBe('2026-07-08T10:00:00+02:00');
	});

	it('7 x 24 hours is real time across the DST change (10:00 CET + 168 h = 11:00 CEST)', () => {
		const contacts = [contact('2026-03-25T10:00:00+01:00', 'email')];
		expect(plan('2026-03-30T09:00:00+02:00', { contacts, channel: 'sms', settings: { maxContactsPer7Days: 1 } }).moment).toBe(
			'2026-04-01T11:00:00+02:00',
		);
	});

	it('inbound contacts do not count, unless set', () => {
		const contacts = [contact('2026-07-06T10:00:00+02:00', 'phone', 'inbound')];
		expect(plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'phone' }).moment).toBe('2026-07-06T12:00:00+02:00');
		expect(plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'phone', settings: { countInboundContacts: true } }).moment).toBe(
			'2026-07-08T10:00:00+02:00',
		);
	});

	it('portal and in-person contacts count towards the totals, not towards a sending channel', () => {
		const contacts = [contact('2026-07-06T10:00:00+02:00', 'in-person')];
		expect(plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'sms', settings: { minHoursBetweenContacts: 0 } }).moment).toBe(
			'2026-07-06T12:00:00+02:00',
		);
		expect(plan('2026-07-06T12:00:00+02:00', { contacts, channel: 'sms' }).moment).toBe('2026-07-07T10:00:00+02:00');
	});
});

describe('deterministic jitter', () => {
	it('is the same for a debtor every run and spread over 0..max', () => {
		expect(jitterFor('D-000001', 15)).toBe(jitterFor('D-000001', 15));
		const values = new Set(Array.from({ length: 200 }, (_, i) => jitterFor(`D-${i}`, 15)));
		expect(Math.min(...values)).toBe(0);
		expect(Math.max(...values)).toBe(15);
		expect(values.size).toBe(16);
		expect(jitterFor(undefined, 15)).toBe(0);
		expect(jitterFor('D-1', 0)).toBe(0);
	});

	it('moves a window opening by the jitter and says so', () => {
		const id = Array.from({ length: 100 }, (_, i) => `D-J${i}`).find((candidate) => jitterFor(candidate, 15) === 9)!;
		const result = plan('2026-07-05T10:00:00+02:00', { record: { debtorId: id }, settings: { jitterMinutes: 15 } });
		expect(result.moment).toBe('2026-07-06T07:09:00+02:00');
		expect(result.jitterMinutes).toBe(9);
		expect(result.reasonCodes).toEqual(['sunday', 'jitter']);
	});

	it('never pushes a moment out of the window (19:55 + 9 minutes would be 20:04)', () => {
		const id = Array.from({ length: 100 }, (_, i) => `D-J${i}`).find((candidate) => jitterFor(candidate, 15) === 9)!;
		const result = plan('2026-07-06T19:55:00+02:00', { record: { debtorId: id }, settings: { jitterMinutes: 15 } });
		expect(result.moment).toBe('2026-07-06T19:55:00+02:00');
		expect(result.jitterMinutes).toBe(0);
		// Nor into a cap: a contact at 19:00 the next day forbids from 19:00 - 24 h.
		const capped = plan('2026-07-06T18:55:00+02:00', {
			record: { debtorId: id },
			contacts: [contact('2026-07-07T19:00:00+02:00', 'phone')],
			channel: 'sms',
			settings: { jitterMinutes: 15 },
		});
		expect(capped.moment).toBe('2026-07-06T18:55:00+02:00');
	});
});
