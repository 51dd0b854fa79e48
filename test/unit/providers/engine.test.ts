/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The sending engine without n8n: channel order and skip reasons, the idempotency key (checked
 * against an independent SHA-256), fallback on failure, the contact window, the per-provider rate,
 * and the two-phase send ledger.
 */
import { createHash } from 'node:crypto';

import {
	MemoryLedgerStore,
	RateLimiter,
	SendEngine,
	SendLedger,
	channelOrder,
	claimIdOf,
	deriveContactKey,
	deriveIdempotencyKey,
	parseChannelList,
	parseKeyList,
	recipientOf,
	stepOf,
	type EngineSettings,
	type HttpFunction,
	type ProviderAdapter,
	type ProviderSetup,
	type DeliveryRecord,
	type SendPlan,
} from '../../../nodes/shared/providers';
import { sandboxAdapter } from '../../../nodes/shared/providers/adapters/sandbox';
import { DEBTOR, MESSAGE } from '../../fixtures/providers/harness';

const NOW = Date.parse('2026-06-30T10:00:00Z'); // a Tuesday, 12:00 in Amsterdam

const sha = (text: string) => `sc1-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;

/** A scripted provider: answers per call from a list of outcomes (default: accepted). */
function scripted(id: string, outcomes: Array<'ok' | 'permanent' | 'transient' | 'timeout'> = [], idempotency: ProviderAdapter['idempotency'] = 'reference') {
	const calls: string[] = [];
	const adapter: ProviderAdapter = {
		id,
		displayName: id,
		channels: ['email', 'sms', 'whatsapp', 'letter', 'phone'],
		idempotency,
		defaultRatePerSecond: 0,
		buildRequest: (_m, _r, context) => ({ method: 'POST', url: `https://${id}.test/${context.channel}`, headers: { 'Idempotency-Key': context.idempotencyKey } }),
		parseResponse: () => ({ kind: 'accepted', status: 'sent' }),
		async send(_m, recipient, context) {
			calls.push(`${context.channel}:${recipient.debtorId}:${context.idempotencyKey}`);
			const next = outcomes.shift() ?? 'ok';
			if (next === 'ok') return { kind: 'accepted', status: 'queued', providerMessageId: `${id}-${calls.length}` };
			if (next === 'timeout') return { kind: 'failed', permanence: 'transient', errorCode: 'timeout', errorMessage: 'no answer', outcomeUnknown: true };
			return { kind: 'failed', permanence: next, errorCode: next === 'permanent' ? '21211' : '500', errorMessage: `failed for ${MESSAGE.sms!.text}` };
		},
	};
	return { adapter, calls };
}

const http: HttpFunction = async () => ({ statusCode: 200, headers: {}, body: {} });
const setup = (adapter: ProviderAdapter, ratePerSecond = 0): ProviderSetup => ({ adapter, credentials: {}, options: {}, ratePerSecond, http });

function settings(providers: EngineSettings['providers'], extra: Partial<EngineSettings> = {}): EngineSettings {
	return { providers, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 1000, retryUnknownOutcome: false }, timeoutMs: 1000, dryRun: false, secretValues: [], ...extra };
}

function plan(index: number, overrides: Partial<SendPlan> = {}, record: Record<string, unknown> = {}): SendPlan {
	const full = { debtorId: `D-${index}`, contact: { email: `d${index}@example.nl`, mobile: '+31612345678', address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' } }, consents: { whatsappOptIn: true }, ...record };
	return {
		itemIndex: index,
		record: full,
		recipient: recipientOf(full),
		message: MESSAGE,
		channels: ['email'],
		claimId: 'C-1',
		stage: 'reminder-1',
		day: '2026-06-30',
		alreadySent: new Set(),
		...overrides,
	};
}

const deps = (extra: Record<string, unknown> = {}) => ({ sleep: async () => undefined, now: () => NOW, random: () => 0.5, ...extra });

describe('idempotency keys', () => {
	test('derived from debtor, claim, stage, channel and day, as a SHA-256 prefix', () => {
		expect(deriveIdempotencyKey({ debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', channel: 'email', day: '2026-06-30' })).toBe(sha('D-1\nC-1\nreminder-1\nemail\n2026-06-30'));
		expect(deriveContactKey({ debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', day: '2026-06-30' })).toBe(sha('D-1\nC-1\nreminder-1\n*\n2026-06-30'));
		const base = { debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', channel: 'email', day: '2026-06-30' };
		const variants = [base, { ...base, debtorId: 'D-2' }, { ...base, claimId: 'C-2' }, { ...base, stage: 'reminder-2' }, { ...base, channel: 'sms' }, { ...base, day: '2026-07-01' }];
		expect(new Set(variants.map(deriveIdempotencyKey)).size).toBe(6);
	});

	test('with a journey step the step replaces the day: the same key on every day, never a day key', () => {
		const parts = { debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', channel: 'email', day: '2026-06-30', step: 'reminder-1#1' };
		expect(deriveIdempotencyKey(parts)).toBe(sha('D-1\nC-1\nreminder-1\nemail\nstep:reminder-1#1'));
		expect(deriveIdempotencyKey({ ...parts, day: '2026-07-14' })).toBe(deriveIdempotencyKey(parts));
		expect(deriveContactKey({ ...parts, day: '2027-01-04' })).toBe(sha('D-1\nC-1\nreminder-1\n*\nstep:reminder-1#1'));
		expect(deriveIdempotencyKey({ ...parts, step: 'reminder-1#2' })).not.toBe(deriveIdempotencyKey(parts));
		expect(deriveIdempotencyKey({ ...parts, step: undefined })).toBe(sha('D-1\nC-1\nreminder-1\nemail\n2026-06-30'));
	});

	test('key lists parse from text, JSON and arrays of rows', () => {
		expect(parseKeyList('a, b;c\nd')).toEqual(['a', 'b', 'c', 'd']);
		expect(parseKeyList('["x","y"]')).toEqual(['x', 'y']);
		expect(parseKeyList([{ idempotencyKey: 'k1' }, { key: 'k2' }, 'k3'])).toEqual(['k1', 'k2', 'k3']);
		expect(parseKeyList(undefined)).toEqual([]);
	});
});

describe('channels', () => {
	test('order from the item: message channel, segment channels, preferred channel, then fallbacks', () => {
		const record = { segmentation: { channels: ['sms', 'email'] }, preferredChannel: 'letter' };
		expect(channelOrder(record, { channel: 'whatsapp' }, { source: 'item', fixed: 'email', fallback: ['phone', 'sms'] })).toEqual(['whatsapp', 'sms', 'email', 'letter', 'phone']);
		expect(channelOrder(record, { channel: 'whatsapp' }, { source: 'fixed', fixed: 'letter', fallback: ['email'] })).toEqual(['letter', 'email']);
		expect(parseChannelList('sms > letter, email')).toEqual(['sms', 'letter', 'email']);
		expect(() => parseChannelList('fax')).toThrow('"fax" is not a channel');
	});

	test('the journey step is the key\'s occasion only for a message of the step\'s stage', () => {
		const journey = { stage: 'reminder-1', stepId: 'reminder-1#2', claimIds: ['C-2', 'C-1'] };
		expect(stepOf({ journey }, { stage: 'reminder-1' })).toBe('reminder-1#2');
		expect(stepOf({ journey }, {})).toBe('reminder-1#2');
		expect(stepOf({ journey }, { stage: 'reminder-2' })).toBeUndefined();
		expect(stepOf({ journey: { stage: 'reminder-1' } }, {})).toBeUndefined();
		expect(stepOf({}, { stage: 'reminder-1' })).toBeUndefined();
		// The step's claims, not the open ones (they change as the debtor pays).
		expect(claimIdOf({ journey, claims: [{ claimId: 'C-9', openCents: 100 }] }, {})).toBe('C-1,C-2');
	});

	test('claim id: explicit, else the open claims sorted', () => {
		expect(claimIdOf({ claims: [{ claimId: 'B', openCents: 10 }, { claimId: 'A', openCents: 5 }, { claimId: 'C', openCents: 0 }] }, {})).toBe('A,B');
		expect(claimIdOf({ claims: [] }, { claimId: 'X' })).toBe('X');
	});

	test('unusable channels are skipped with reasons, and the first usable one is sent', async () => {
		const provider = scripted('p');
		const engine = new SendEngine(settings({ email: setup(provider.adapter), sms: setup(provider.adapter), whatsapp: setup(provider.adapter), letter: setup(provider.adapter) }), deps());
		const record = { contact: { mobile: '+31612345678', address: { street: 'Kerkstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' } }, consents: { smsOptOut: true } };
		const [result] = await engine.run([plan(1, { channels: ['email', 'whatsapp', 'sms', 'phone', 'letter'] }, record)], 1);
		expect(result.skipped.map((skip) => [skip.channel, skip.reason])).toEqual([
			['email', 'no-contact-data'],
			['whatsapp', 'no-consent'],
			['sms', 'opted-out'],
			['phone', 'no-provider'],
		]);
		expect(result).toMatchObject({ status: 'queued', channel: 'letter', provider: 'p', attempts: 1 });
	});

	test('no usable channel: skipped, with every reason in the message', async () => {
		const engine = new SendEngine(settings({ email: setup(scripted('p').adapter) }), deps());
		const [result] = await engine.run([plan(1, { channels: ['email', 'whatsapp'] }, { contact: {}, consents: {} })], 1);
		expect(result).toMatchObject({ status: 'skipped', reason: 'no-provider', errorMessage: 'no usable channel: email: no e-mail address; whatsapp: no provider is set for whatsapp' });
	});
});

describe('sending', () => {
	test('a permanent failure falls back to the next channel with its own key', async () => {
		const email = scripted('mail', ['permanent']);
		const sms = scripted('text');
		const engine = new SendEngine(settings({ email: setup(email.adapter), sms: setup(sms.adapter) }), deps());
		const [result] = await engine.run([plan(1, { channels: ['email', 'sms'] })], 1);
		const base = { debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', day: '2026-06-30' };
		expect(result).toMatchObject({ status: 'queued', channel: 'sms', idempotencyKey: deriveIdempotencyKey({ ...base, channel: 'sms' }), attempts: 2 });
		expect(result.tried.map((t) => [t.channel, t.outcome, t.idempotencyKey])).toEqual([
			['email', 'failed-permanent', deriveIdempotencyKey({ ...base, channel: 'email' })],
			['sms', 'accepted', deriveIdempotencyKey({ ...base, channel: 'sms' })],
		]);
		// No message text in error texts.
		expect(result.tried[0].errorMessage).toBe('failed for [redacted]');
	});

	test('an unknown outcome (timeout) stops the chain: no second contact on another channel', async () => {
		const email = scripted('mail', ['timeout']);
		const sms = scripted('text');
		const engine = new SendEngine(settings({ email: setup(email.adapter), sms: setup(sms.adapter) }), deps());
		const [result] = await engine.run([plan(1, { channels: ['email', 'sms'] })], 1);
		expect(result).toMatchObject({ status: 'failed-transient', channel: 'email', outcomeUnknown: true, attempts: 1 });
		expect(sms.calls).toEqual([]);
	});

	test('transient failures are retried up to max attempts, then the next channel is tried', async () => {
		const email = scripted('mail', ['transient', 'transient']);
		const sms = scripted('text');
		const engine = new SendEngine(settings({ email: setup(email.adapter), sms: setup(sms.adapter) }), deps());
		const [result] = await engine.run([plan(1, { channels: ['email', 'sms'] })], 1);
		expect(email.calls).toHaveLength(2);
		expect(result).toMatchObject({ status: 'queued', channel: 'sms', attempts: 3 });
	});

	test('outside the legal contact window e-mail waits but a letter may go', async () => {
		const provider = scripted('p');
		const window = { isOpen: () => false, nextOpening: () => Date.parse('2026-07-01T05:00:00Z') };
		const engine = new SendEngine(settings({ email: setup(provider.adapter), letter: setup(provider.adapter) }, { contactWindow: window }), deps());
		const [emailOnly, withLetter] = await engine.run([plan(1), plan(2, { channels: ['email', 'letter'] })], 1);
		expect(emailOnly).toMatchObject({ status: 'skipped', reason: 'outside-contact-window', nextContactMoment: '2026-07-01T05:00:00.000Z' });
		expect(withLetter).toMatchObject({ status: 'queued', channel: 'letter' });
	});

	test('known keys and duplicates within a run are skipped before any send', async () => {
		const provider = scripted('p');
		const engine = new SendEngine(settings({ email: setup(provider.adapter) }), deps());
		const known = deriveIdempotencyKey({ debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', channel: 'email', day: '2026-06-30' });
		const results = await engine.run([plan(1, { alreadySent: new Set([known]) }), plan(2), plan(2)], 2);
		expect(results.map((r) => [r.status, r.reason])).toEqual([
			['skipped', 'already-sent'],
			['queued', undefined],
			['skipped', 'duplicate-in-run'],
		]);
		expect(provider.calls).toHaveLength(1);
	});

	test('dry run builds the requests and sends nothing', async () => {
		const provider = scripted('p');
		const engine = new SendEngine(settings({ email: setup(provider.adapter), sms: setup(provider.adapter) }, { dryRun: true }), deps());
		const [result] = await engine.run([plan(1, { channels: ['email', 'sms'] })], 1);
		expect(provider.calls).toEqual([]);
		expect(result).toMatchObject({ status: 'skipped', reason: 'dry-run', dryRun: true });
		expect(result.requests!.map((r) => [r.channel, r.request.url])).toEqual([
			['email', 'https://p.test/email'],
			['sms', 'https://p.test/sms'],
		]);
	});

	test('the sandbox sends nothing and reports a simulated send', async () => {
		const engine = new SendEngine(settings({ sms: setup(sandboxAdapter) }), deps());
		const [result] = await engine.run([plan(1, { channels: ['sms'] })], 1);
		expect(result).toMatchObject({ status: 'sent', provider: 'sandbox', simulated: true });
	});
});

describe('rate limit', () => {
	test('hands out slots 1000/rate ms apart, shared by concurrent sends', async () => {
		let clock = 0;
		const waits: number[] = [];
		const limiter = new RateLimiter(4, () => clock, async (ms) => {
			waits.push(ms);
		});
		await Promise.all([limiter.take(), limiter.take(), limiter.take(), limiter.take()]);
		expect(waits).toEqual([250, 500, 750]);
		clock = 2000;
		await limiter.take();
		expect(waits).toEqual([250, 500, 750]);
	});

	test('the engine throttles a provider to its rate: 10 sends at 5/s span 1.8 s of waiting', async () => {
		let clock = NOW;
		const provider = scripted('p');
		const engine = new SendEngine(settings({ email: setup(provider.adapter, 5) }), {
			now: () => clock,
			random: () => 0.5,
			sleep: async (ms: number) => {
				clock += ms;
			},
		});
		await engine.run(Array.from({ length: 10 }, (_, i) => plan(i)), 4);
		expect(provider.calls).toHaveLength(10);
		expect(clock - NOW).toBe(1800);
	});
});

describe('send ledger', () => {
	test('reserve, confirm and release: a second run skips what was sent and holds back what is unconfirmed', async () => {
		const store = new MemoryLedgerStore();
		const ledger = new SendLedger(store);
		expect([...(await ledger.reserve(['a', 'b', 'c']))]).toEqual([
			['a', 'new'],
			['b', 'new'],
			['c', 'new'],
		]);
		await ledger.confirm(['a']);
		await ledger.release(['b']);
		// c stays reserved without confirmation (the run stopped while sending it).
		expect([...(await ledger.reserve(['a', 'b', 'c']))].sort()).toEqual([
			['a', 'sent'],
			['b', 'new'],
			['c', 'unconfirmed'],
		]);
		// Reading the state did not mark c as sent.
		expect(store.values.has('s:c')).toBe(false);
	});

	test('the engine confirms sends (with the channel that took them), releases definite failures and keeps unknown outcomes reserved', async () => {
		const store = new MemoryLedgerStore();
		const provider = scripted('p', ['ok', 'permanent', 'timeout']);
		const engine = new SendEngine(settings({ email: setup(provider.adapter) }, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, retryUnknownOutcome: false } }), deps({ ledger: new SendLedger(store) }));
		const first = await engine.run([plan(1), plan(2), plan(3)], 1);
		const key = (i: number) => deriveContactKey({ debtorId: `D-${i}`, claimId: 'C-1', stage: 'reminder-1', day: '2026-06-30' });
		const emailKey = (i: number) => deriveIdempotencyKey({ debtorId: `D-${i}`, claimId: 'C-1', stage: 'reminder-1', channel: 'email', day: '2026-06-30' });
		expect(store.values.has(`r:${key(1)}`) && store.values.has(`s:${key(1)}`) && store.values.has(`c:${emailKey(1)}`)).toBe(true);
		expect(store.values.has(`r:${key(2)}`)).toBe(false);
		expect(store.values.has(`r:${key(3)}`) && !store.values.has(`s:${key(3)}`)).toBe(true);
		// The timeout on a provider that does not drop repeats: recorded as unconfirmed now, not next time.
		expect(first[2]).toMatchObject({ status: 'failed-transient', outcomeUnknown: true, unconfirmed: true });

		// The next run: 1 leaves as sent without a request, 2 is sent now, 3 is held back for a check.
		const next = scripted('p');
		const again = new SendEngine(settings({ email: setup(next.adapter) }), deps({ ledger: new SendLedger(store) }));
		const results = await again.run([plan(1), plan(2), plan(3)], 1);
		expect(results.map((r) => [r.status, r.reason, r.alreadySent, r.unconfirmed])).toEqual([
			['sent', 'already-sent', true, undefined],
			['queued', undefined, undefined, undefined],
			['skipped', 'earlier-attempt-unconfirmed', undefined, true],
		]);
		expect(results[0]).toMatchObject({ channel: 'email', provider: 'p', idempotencyKey: emailKey(1), contactKey: key(1), attempts: 0 });
		expect(next.calls).toHaveLength(1);
		// Reading which channel took a contact records nothing new.
		expect([...store.values].filter((value) => value.startsWith('c:'))).toEqual([`c:${emailKey(1)}`, `c:${emailKey(2)}`]);
	});

	test('a timeout on a provider that drops repeated keys is not unconfirmed: the next run repeats it with the same key', async () => {
		const provider = scripted('hook', ['timeout', 'timeout'], 'native');
		const engine = new SendEngine(settings({ email: setup(provider.adapter) }), deps({ ledger: new SendLedger(new MemoryLedgerStore()) }));
		const [result] = await engine.run([plan(1)], 1);
		expect(result).toMatchObject({ status: 'failed-transient', outcomeUnknown: true });
		expect(result.unconfirmed).toBeUndefined();
	});

	test('a contact an earlier run sent on a fallback channel is reported on that channel; without a channel mark the first is assumed', async () => {
		const store = new MemoryLedgerStore();
		const first = scripted('p', ['permanent']);
		const chain = { channels: ['sms', 'letter'] as SendPlan['channels'] };
		await new SendEngine(settings({ sms: setup(first.adapter), letter: setup(first.adapter) }), deps({ ledger: new SendLedger(store) })).run([plan(1, chain)], 1);
		expect(first.calls.map((call) => call.split(':')[0])).toEqual(['sms', 'letter']);
		// An entry confirmed without its channel (as older versions did).
		store.values.add(`r:${deriveContactKey({ debtorId: 'D-2', claimId: 'C-1', stage: 'reminder-1', day: '2026-06-30' })}`);
		store.values.add(`s:${deriveContactKey({ debtorId: 'D-2', claimId: 'C-1', stage: 'reminder-1', day: '2026-06-30' })}`);
		const again = scripted('p');
		const [one, two] = await new SendEngine(settings({ sms: setup(again.adapter), letter: setup(again.adapter) }), deps({ ledger: new SendLedger(store) })).run([plan(1, chain), plan(2, chain)], 1);
		expect(one).toMatchObject({ status: 'sent', alreadySent: true, channel: 'letter', idempotencyKey: deriveIdempotencyKey({ debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', channel: 'letter', day: '2026-06-30' }) });
		expect(one.channelAssumed).toBeUndefined();
		expect(two).toMatchObject({ status: 'sent', alreadySent: true, channel: 'sms', channelAssumed: true });
		expect(again.calls).toEqual([]);
	});

	test('ledger: the channel a confirmed contact went out on; contacts confirmed without one have none', async () => {
		const store = new MemoryLedgerStore();
		const ledger = new SendLedger(store);
		await ledger.reserve(['k1', 'k2']);
		await ledger.confirm(['k1', 'k2'], ['k1-sms']);
		expect(await ledger.sentChannelKeys(['k1-email', 'k1-sms', 'k2-email'])).toEqual(new Set(['k1-sms']));
		expect([...store.values].sort()).toEqual(['c:k1-sms', 'r:k1', 'r:k2', 's:k1', 's:k2']);
	});

	describe('a crash mid-send, then reruns', () => {
		const ITEMS = 16;
		/** A provider that accepts `before` sends, then takes one more request and never answers (n8n died). */
		function dyingProvider(before: number) {
			const calls: string[] = [];
			const adapter: ProviderAdapter = {
				...scripted('twilio').adapter,
				async send(_m, recipient, context) {
					calls.push(`${context.channel}:${recipient.debtorId}:${context.idempotencyKey}`);
					if (calls.length > before) return new Promise(() => undefined);
					return { kind: 'accepted', status: 'queued', providerMessageId: `m-${calls.length}` };
				},
			};
			return { adapter, calls };
		}
		const plans = (day: string, step?: string) => Array.from({ length: ITEMS }, (_, i) => plan(i, { day, step, channels: ['sms', 'letter'] }));
		const kindOf = (r: DeliveryRecord) => (r.alreadySent ? 'sent-before' : r.unconfirmed ? 'unconfirmed' : r.status);
		const engineOn = (adapter: ProviderAdapter, store: MemoryLedgerStore) => new SendEngine(settings({ sms: setup(adapter), letter: setup(adapter) }), deps({ ledger: new SendLedger(store) }));

		/**
		 * Batches of 4, one send at a time, 5 sends accepted: batch 1 (items 0-3) went out and was
		 * confirmed; batch 2 (4-7) was being sent: 4 accepted but not confirmed, 5 reached the provider
		 * and never got its answer, 6 and 7 not started; batch 3 (8-11) was reserved ahead; 12-15 untouched.
		 */
		async function crashMidSend(day: string, step?: string) {
			const store = new MemoryLedgerStore();
			const dying = dyingProvider(5);
			void engineOn(dying.adapter, store).run(plans(day, step), 1, 4);
			for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
			expect(dying.calls).toHaveLength(6);
			return { store, dying };
		}
		const expected = [...Array(4).fill('sent-before'), ...Array(8).fill('unconfirmed'), ...Array(4).fill('queued')];

		test('the same day: sent ones leave as sent without a request, unconfirmed ones wait for a person, new ones go out', async () => {
			const { store, dying } = await crashMidSend('2026-06-30');
			const provider = scripted('twilio');
			const results = await engineOn(provider.adapter, store).run(plans('2026-06-30'), 1, 4);
			expect(results.map(kindOf)).toEqual(expected);
			expect(results[0]).toMatchObject({ status: 'sent', reason: 'already-sent', channel: 'sms', provider: 'twilio', attempts: 0 });
			expect(results[4]).toMatchObject({ status: 'skipped', reason: 'earlier-attempt-unconfirmed', channel: 'sms', outcomeUnknown: true });
			expect(provider.calls.map((call) => call.split(':')[1])).toEqual(['D-12', 'D-13', 'D-14', 'D-15']);
			// Nobody got a second message.
			const debtors = [...dying.calls, ...provider.calls].map((call) => call.split(':')[1]);
			expect(new Set(debtors).size).toBe(debtors.length);
		});

		test('the NEXT day (and a week later), the records not updated: with journey steps the same keys, no second send', async () => {
			const { store, dying } = await crashMidSend('2026-06-30', 'reminder-1#1');
			const provider = scripted('twilio');
			const nextDay = await engineOn(provider.adapter, store).run(plans('2026-07-01', 'reminder-1#1'), 1, 4);
			expect(nextDay.map(kindOf)).toEqual(expected);
			const weekLater = await engineOn(provider.adapter, store).run(plans('2026-07-08', 'reminder-1#1'), 1, 4);
			expect(weekLater.map(kindOf)).toEqual([...Array(4).fill('sent-before'), ...Array(8).fill('unconfirmed'), ...Array(4).fill('sent-before')]);
			const debtors = [...dying.calls, ...provider.calls].map((call) => call.split(':')[1]);
			expect(new Set(debtors).size).toBe(debtors.length);
			expect(provider.calls).toHaveLength(4);
		});

		test('without a journey step (standalone use) the key holds for one day: the next day is a new contact', async () => {
			const { store } = await crashMidSend('2026-06-30');
			const provider = scripted('twilio');
			const nextDay = await engineOn(provider.adapter, store).run(plans('2026-07-01'), 1, 4);
			expect(nextDay.map(kindOf)).toEqual(Array(ITEMS).fill('queued'));
		});
	});
});

test('recipient from the debtor record', () => {
	expect(recipientOf({ debtorId: 'D-1', firstName: 'Jan', lastName: 'de Vries', contact: { email: 'a@b.nl', address: { street: 'Kerkstraat', houseNumber: '12a', postalCode: '1234 AB', city: 'Utrecht' } } }, { mobile: '+31600000000' })).toEqual({
		...DEBTOR,
		debtorId: 'D-1',
		email: 'a@b.nl',
		mobile: '+31600000000',
		phone: undefined,
		language: undefined,
	});
});
