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
	type EngineSettings,
	type HttpFunction,
	type ProviderAdapter,
	type ProviderSetup,
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

	test('the engine confirms sends, releases definite failures and keeps unknown outcomes reserved', async () => {
		const store = new MemoryLedgerStore();
		const provider = scripted('p', ['ok', 'permanent', 'timeout']);
		const engine = new SendEngine(settings({ email: setup(provider.adapter) }, { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, retryUnknownOutcome: false } }), deps({ ledger: new SendLedger(store) }));
		await engine.run([plan(1), plan(2), plan(3)], 1);
		const key = (i: number) => deriveContactKey({ debtorId: `D-${i}`, claimId: 'C-1', stage: 'reminder-1', day: '2026-06-30' });
		expect(store.values.has(`r:${key(1)}`) && store.values.has(`s:${key(1)}`)).toBe(true);
		expect(store.values.has(`r:${key(2)}`)).toBe(false);
		expect(store.values.has(`r:${key(3)}`) && !store.values.has(`s:${key(3)}`)).toBe(true);

		// The next run: 1 is skipped as sent, 2 is sent now, 3 is held back for a check.
		const next = scripted('p');
		const again = new SendEngine(settings({ email: setup(next.adapter) }), deps({ ledger: new SendLedger(store) }));
		const results = await again.run([plan(1), plan(2), plan(3)], 1);
		expect(results.map((r) => [r.status, r.reason])).toEqual([
			['skipped', 'already-sent'],
			['queued', undefined],
			['skipped', 'earlier-attempt-unconfirmed'],
		]);
		expect(next.calls).toHaveLength(1);
	});

	test('unconfirmed contacts are sent again with the same key on providers that drop repeated keys', async () => {
		const store = new MemoryLedgerStore();
		const key = deriveContactKey({ debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', day: '2026-06-30' });
		store.values.add(`r:${key}`);
		const provider = scripted('hook', [], 'native');
		const engine = new SendEngine(settings({ email: setup(provider.adapter) }), deps({ ledger: new SendLedger(store) }));
		const [result] = await engine.run([plan(1)], 1);
		expect(result.status).toBe('queued');
		expect(provider.calls).toEqual([`email:D-1:${deriveIdempotencyKey({ debtorId: 'D-1', claimId: 'C-1', stage: 'reminder-1', channel: 'email', day: '2026-06-30' })}`]);
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
