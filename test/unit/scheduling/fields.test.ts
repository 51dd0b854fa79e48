/**
 * The Payday Scheduler validates only the fields of the debtor record its operation reads
 * (NEXT_CONTACT_FIELDS, DIRECT_DEBIT_FIELDS, LETTER_TERM_FIELDS). These tests hold the lists to the
 * code: every top-level field an operation touches, for generated debtors and edge cases, must be on
 * its list, so no field the scheduler acts on goes unchecked.
 */
import type { Channel, DebtorRecord } from '../../../nodes/shared/debtor/model';
import {
	DIRECT_DEBIT_FIELDS,
	LETTER_TERM_FIELDS,
	NEXT_CONTACT_FIELDS,
	createScheduler,
	directDebitCollectionDate,
	fourteenDayLetterFor,
	localDayOf,
	nextContactMoment,
} from '../../../nodes/shared/scheduling';
import { generatePortfolio } from '../../fixtures/portfolio';
import { ms } from './helpers';

/** The record behind a proxy that notes each top-level field read. */
function watched(record: DebtorRecord, read: Set<string>): DebtorRecord {
	return new Proxy(record, {
		get(target, key, receiver) {
			if (typeof key === 'string') read.add(key);
			return Reflect.get(target, key, receiver);
		},
		has(target, key) {
			if (typeof key === 'string') read.add(key);
			return Reflect.has(target, key);
		},
	});
}

const NOW = ms('2026-07-06T09:00:00+02:00');
const CHANNELS: Channel[] = ['email', 'sms', 'whatsapp', 'letter', 'phone'];

function records(): DebtorRecord[] {
	const list: DebtorRecord[] = [];
	for (const { record } of generatePortfolio({ seed: 404, count: 400, referenceDate: '2026-06-30' })) list.push(record);
	const base: DebtorRecord = { debtorId: 'EDGE', iban: 'NL91ABNA0417164300', income: { type: 'salary-monthly', dayOfMonth: 25 } };
	list.push(
		{ ...base, flags: { deceased: true } },
		{ ...base, paymentMethod: 'direct-debit', preferredCollectionDay: 28 },
		{ ...base, paymentMethod: 'direct-debit', reversals: [{ amountCents: 100, date: '2026-07-01', reasonCode: 'AM04' }] },
		{ ...base, paymentMethod: 'direct-debit', reversals: [{ amountCents: 100, date: '2026-07-01', reasonCode: 'MS03' }, { amountCents: 100, date: '2026-06-01', reasonCode: 'MS03' }] },
		{ ...base, reversals: [{ amountCents: 100, date: '2026-07-01', reasonCode: 'MD07' }] },
		{ debtorId: 'BARE' },
	);
	return list;
}

describe('the fields each scheduling operation reads', () => {
	const scheduler = createScheduler({ language: 'en', settings: { jitterMinutes: 30 } });
	const today = localDayOf(NOW);
	const all = records();

	test.each([
		['nextContactMoment', NEXT_CONTACT_FIELDS, (r: DebtorRecord, k: number) => nextContactMoment(r, { startMs: NOW, nowMs: NOW, channel: CHANNELS[k % 5], persona: k % 3 === 0 ? 'structural-shortfall' : null }, scheduler)],
		['directDebitCollectionDate', DIRECT_DEBIT_FIELDS, (r: DebtorRecord) => directDebitCollectionDate(r, today, scheduler)],
		['fourteenDayLetterTerm', LETTER_TERM_FIELDS, (r: DebtorRecord) => fourteenDayLetterFor(r, today, scheduler)],
	] as const)('%s reads only the fields it declares', (_name, declared, run) => {
		const read = new Set<string>();
		all.forEach((record, k) => run(watched(record, read), k));
		const undeclared = [...read].filter((field) => !(declared as readonly string[]).includes(field));
		expect(undeclared).toEqual([]);
		// And the list is not padded: each declared field is read for some debtor.
		expect([...declared].filter((field) => !read.has(field))).toEqual([]);
	});
});
