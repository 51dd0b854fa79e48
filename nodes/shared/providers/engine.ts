/**
 * The sending engine behind the Channel Sender: per item, walk the channel chain, skip what cannot
 * be used (with a reason), send through the channel's provider with bounded retries and a
 * per-provider rate, fall back to the next channel when a send definitely failed, and keep the
 * send ledger so nothing is sent twice. No n8n imports: the node passes HTTP, sleep and the ledger.
 */
import { channelBlock, WINDOW_BOUND_CHANNELS, type ChannelSkip } from './channels';
import { limit, scrub } from './http';
import { keyOfText, keyTextAround } from './idempotency';
import type { LedgerState, SendLedger } from './ledger';
import { RateLimiter } from './throttle';
import {
	SendValidationError,
	type DeliveryStatus,
	type HttpFunction,
	type OutgoingMessage,
	type ProviderAdapter,
	type ProviderOptions,
	type ProviderRequest,
	type Recipient,
	type SendChannel,
	type SendContext,
	type SendOutcome,
	type SleepFunction,
} from './types';

export interface RetrySettings {
	/** Attempts per channel, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	/** Longest single wait; a Retry-After beyond it ends the attempts (failed-transient, retry later). */
	maxDelayMs: number;
	/**
	 * Repeat an attempt whose outcome is unknown (a timeout) even when the provider does not drop
	 * repeated idempotency keys. Off by default: that repeat is how duplicates are born.
	 */
	retryUnknownOutcome: boolean;
}

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000, retryUnknownOutcome: false };

export interface ProviderSetup {
	adapter: ProviderAdapter;
	/** Non-secret credential fields. */
	credentials: Record<string, unknown>;
	/** Only for a provider without n8n authentication (none today). */
	secrets?: Record<string, unknown>;
	options: ProviderOptions;
	/** Sends per second; 0 = unlimited. */
	ratePerSecond: number;
	http: HttpFunction;
}

export interface EngineSettings {
	/** Provider per channel; a channel without one is skipped ("no-provider"). */
	providers: Partial<Record<SendChannel, ProviderSetup>>;
	retry: RetrySettings;
	timeoutMs: number;
	dryRun: boolean;
	/** Refuse window-bound channels outside the Bki contact window. */
	contactWindow?: { isOpen(epochMs: number): boolean; nextOpening(epochMs: number): number };
	/** Strings that must never appear in error texts (credential secrets). */
	secretValues: string[];
	/**
	 * Send contacts whose earlier attempt is unconfirmed (a run stopped mid-send) again, also on
	 * providers that do not drop repeated keys. Only after checking the provider's log.
	 */
	resendUnconfirmed?: boolean;
}

export interface EngineDeps {
	sleep: SleepFunction;
	now: () => number;
	random: () => number;
	ledger?: SendLedger;
}

/** One item, read and ready to send. */
export interface SendPlan {
	itemIndex: number;
	record: Record<string, unknown>;
	recipient: Recipient;
	message: OutgoingMessage;
	channels: SendChannel[];
	claimId: string;
	stage: string;
	/** YYYY-MM-DD of the send in the workflow time zone. */
	day: string;
	/** The journey step (`journey.stepId`); the derived keys use it instead of the day (idempotency.ts). */
	step?: string;
	/** A key the user supplied; replaces the derived keys. */
	suppliedKey?: string;
	/** Keys known to be sent already (list parameter and item field). */
	alreadySent: ReadonlySet<string>;
}

export interface ChannelAttempt {
	channel: SendChannel;
	provider: string;
	idempotencyKey: string;
	attempts: number;
	outcome: 'accepted' | 'failed-permanent' | 'failed-transient';
	errorCode?: string;
	errorMessage?: string;
}

/** What the node adds under `delivery`. */
export interface DeliveryRecord {
	channel?: SendChannel;
	provider?: string;
	status: DeliveryStatus;
	providerMessageId?: string;
	providerStatus?: string;
	idempotencyKey?: string;
	contactKey: string;
	attempts: number;
	timestamps: { startedAt: string; firstAttemptAt?: string; lastAttemptAt?: string; sentAt?: string; finishedAt: string };
	errorCode?: string;
	errorMessage?: string;
	reason?: string;
	/** Channels passed over, in order, with the reason. */
	skipped: ChannelSkip[];
	/** Every channel tried, in order (fallback chain). */
	tried: ChannelAttempt[];
	simulated?: boolean;
	dryRun?: boolean;
	/** Dry run: the exact requests that would be made, per channel. */
	requests?: Array<{ channel: SendChannel; provider: string; request: Record<string, unknown> }>;
	/** Set when a Retry-After asked for a longer wait than allowed. */
	retryAfterSeconds?: number;
	/** Outside the contact window: when it opens again. */
	nextContactMoment?: string;
	/** A provider may have received the message although no answer came (timeout): no fallback, no repeat. */
	outcomeUnknown?: boolean;
	/**
	 * The send ledger shows an earlier run sent this contact: nothing was sent now, and the item leaves
	 * on Sent so the workflow records the contact (status `sent`, reason `already-sent`).
	 */
	alreadySent?: boolean;
	/** With `alreadySent`: the ledger does not say which channel took it, `channel` is the chain's first. */
	channelAssumed?: boolean;
	/**
	 * The outcome is unknown and the provider would not drop a repeat (a run stopped mid-send, or a
	 * timeout): record the contact as `unconfirmed` and let a person check; never send it again by itself.
	 */
	unconfirmed?: boolean;
	/**
	 * Prepared for a node after the Channel Sender, which sends it (SMTP: n8n's Send Email node). The
	 * item leaves on Sent with `status: "queued"`; the send ledger keeps the contact reserved, never
	 * confirmed, so a rerun holds it for a person (`earlier-attempt-unconfirmed`) unless the workflow
	 * recorded the contact first. Never twice, at the price of a task after a crash.
	 */
	handOff?: 'sendEmail';
	/** With `handOff`: the prepared message for the Send Email node (the Channel Sender moves it here from `details`). */
	email?: Record<string, unknown>;
	details?: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * ISO texts of recent milliseconds: at thousands of sends a second many timestamps share a
 * millisecond, and formatting a Date is a large part of the per-send cost outside the HTTP call.
 */
class IsoTexts {
	private readonly texts = new Map<number, string>();

	of(ms: number): string {
		let text = this.texts.get(ms);
		if (text === undefined) {
			if (this.texts.size >= 512) this.texts.clear();
			text = iso(ms);
			this.texts.set(ms, text);
		}
		return text;
	}
}

function buildForDryRun(adapter: ProviderAdapter, message: OutgoingMessage, recipient: Recipient, context: SendContext): ProviderRequest | SendValidationError {
	try {
		return adapter.buildRequest(message, recipient, context);
	} catch (error) {
		return error instanceof SendValidationError ? error : new SendValidationError(error instanceof Error ? error.message : String(error), 'message', 'invalid-message');
	}
}

/** Keys of one plan: the contact key and one idempotency key per channel. */
export interface PlanKeys {
	contactKey: string;
	channelKey(channel: SendChannel): string;
}

/**
 * Derived keys (the texts of deriveIdempotencyKey, split once per item around the channel); each is
 * a SHA-256, computed once per channel however often it is asked for.
 */
class DerivedKeys implements PlanKeys {
	readonly contactKey: string;
	private readonly head: string;
	private readonly tail: string;
	// Most plans try one channel: a list of pairs is lighter than a Map per item.
	private readonly known: string[] = [];

	constructor(plan: SendPlan) {
		[this.head, this.tail] = keyTextAround({ debtorId: plan.recipient.debtorId, claimId: plan.claimId, stage: plan.stage, day: plan.day, step: plan.step });
		this.contactKey = keyOfText(`${this.head}*${this.tail}`);
	}

	channelKey(channel: SendChannel): string {
		const at = this.known.indexOf(channel);
		if (at >= 0) return this.known[at + 1];
		const key = keyOfText(this.head + channel + this.tail);
		this.known.push(channel, key);
		return key;
	}
}

function keysOf(plan: SendPlan): PlanKeys {
	const supplied = plan.suppliedKey;
	if (supplied) return { contactKey: supplied, channelKey: () => supplied };
	return new DerivedKeys(plan);
}

/** A request as shown in a dry run: binary bodies as their size, form bodies decoded for reading. */
function describeRequest(request: ProviderRequest): Record<string, unknown> {
	const body = request.body instanceof Uint8Array ? `<${request.body.length} bytes>` : request.body;
	return { method: request.method, url: request.url, headers: request.headers, body };
}

/** One attempt; thrown validation errors come back as values, anything else unexpected as a permanent failure. */
async function attemptOnce(setup: ProviderSetup, message: OutgoingMessage, recipient: Recipient, context: SendContext, sleep: SleepFunction): Promise<SendOutcome | SendValidationError> {
	const { adapter } = setup;
	try {
		if (adapter.send) return await adapter.send(message, recipient, context, { http: setup.http, sleep });
		const response = await setup.http(adapter.buildRequest(message, recipient, context));
		return 'transportError' in response
			? { kind: 'failed', permanence: 'transient', errorCode: response.code, errorMessage: response.message, outcomeUnknown: response.code === 'timeout', reason: 'network' }
			: adapter.parseResponse(response, context);
	} catch (error) {
		if (error instanceof SendValidationError) return error;
		return { kind: 'failed', permanence: 'permanent', errorCode: 'internal-error', errorMessage: error instanceof Error ? error.message : String(error) };
	}
}

/** Sends one message on one provider: throttled, retried on transient failures with bounded backoff. */
export async function sendWithRetry(
	setup: ProviderSetup,
	message: OutgoingMessage,
	recipient: Recipient,
	context: SendContext,
	retry: RetrySettings,
	deps: { sleep: SleepFunction; random: () => number; now: () => number; limiter: RateLimiter },
): Promise<{ outcome: SendOutcome | SendValidationError; attempts: number; firstAt?: number; lastAt?: number }> {
	const { adapter } = setup;
	let attempts = 0;
	let firstAt: number | undefined;
	let lastAt: number | undefined;
	for (;;) {
		const slot = deps.limiter.take();
		if (slot) await slot;
		attempts++;
		lastAt = deps.now();
		firstAt ??= lastAt;
		const outcome = await attemptOnce(setup, message, recipient, context, deps.sleep);
		// A message that does not fit the channel is not a failed attempt: the caller moves on.
		if (outcome instanceof SendValidationError) return { outcome, attempts: attempts - 1, firstAt, lastAt };
		if (outcome.kind === 'accepted' || outcome.permanence === 'permanent') return { outcome, attempts, firstAt, lastAt };
		const repeatable = !outcome.outcomeUnknown || adapter.idempotency === 'native' || retry.retryUnknownOutcome;
		if (!repeatable || attempts >= retry.maxAttempts) return { outcome, attempts, firstAt, lastAt };
		const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempts - 1));
		// Full jitter on our own backoff; a provider's Retry-After is honoured as given.
		const wait = outcome.retryAfterMs !== undefined ? outcome.retryAfterMs : Math.round(backoff / 2 + (deps.random() * backoff) / 2);
		if (wait > retry.maxDelayMs) return { outcome, attempts, firstAt, lastAt };
		await deps.sleep(wait);
	}
}

/** The engine for one run of the node. */
export class SendEngine {
	/** Per provider: its rate limiter, in the dependencies `sendWithRetry` takes (made once, not per send). */
	private readonly sendDeps = new Map<string, EngineDeps & { limiter: RateLimiter }>();
	private readonly cache = new Map<string, unknown>();
	private readonly seenContacts = new Set<string>();

	constructor(
		private readonly settings: EngineSettings,
		private readonly deps: EngineDeps,
	) {}

	private sendDepsFor(setup: ProviderSetup): EngineDeps & { limiter: RateLimiter } {
		let deps = this.sendDeps.get(setup.adapter.id);
		if (!deps) {
			deps = { ...this.deps, limiter: new RateLimiter(setup.ratePerSecond, this.deps.now, this.deps.sleep) };
			this.sendDeps.set(setup.adapter.id, deps);
		}
		return deps;
	}

	/** Channels of the plan that can be used now, and the skips of the others. */
	private usable(plan: SendPlan): { channels: SendChannel[]; skipped: ChannelSkip[]; nextOpening?: number } {
		const channels: SendChannel[] = [];
		const skipped: ChannelSkip[] = [];
		let nextOpening: number | undefined;
		const now = this.deps.now();
		for (const channel of plan.channels) {
			const setup = this.settings.providers[channel];
			if (!setup) {
				skipped.push({ channel, reason: 'no-provider', message: `no provider is set for ${channel}` });
				continue;
			}
			const block = channelBlock(channel, plan.record, plan.recipient);
			if (block) {
				skipped.push({ ...block, provider: setup.adapter.id });
				continue;
			}
			const window = this.settings.contactWindow;
			if (window && !this.settings.dryRun && WINDOW_BOUND_CHANNELS.includes(channel) && !window.isOpen(now)) {
				nextOpening = window.nextOpening(now);
				skipped.push({ channel, provider: setup.adapter.id, reason: 'outside-contact-window', message: `outside the legal contact window (Bki art. 4.2); it opens again at ${iso(nextOpening)}` });
				continue;
			}
			channels.push(channel);
		}
		return { channels, skipped, nextOpening };
	}

	/** Sends a batch of plans with `concurrency` sends at a time; results in plan order. */
	async run(plans: SendPlan[], concurrency: number, batchSize = 50): Promise<DeliveryRecord[]> {
		const startedAt = this.deps.now();
		const results: DeliveryRecord[] = new Array(plans.length);
		const prepared = plans.map((plan) => ({ plan, keys: keysOf(plan), usable: this.usable(plan) }));

		// Decide what is skipped before anything is sent: known keys, duplicates within the run.
		const pending: number[] = [];
		prepared.forEach(({ plan, keys, usable }, index) => {
			const base = { contactKey: keys.contactKey, attempts: 0, skipped: usable.skipped, tried: [] as ChannelAttempt[] };
			const known = plan.alreadySent.size === 0 ? undefined : [keys.contactKey, ...plan.channels.map((channel) => keys.channelKey(channel))].find((key) => plan.alreadySent.has(key));
			if (known) {
				results[index] = this.finish({ ...base, status: 'skipped', reason: 'already-sent', idempotencyKey: known, errorMessage: 'this contact was already sent (key found in the list of sent keys)' }, startedAt);
				return;
			}
			if (this.seenContacts.has(keys.contactKey)) {
				results[index] = this.finish({ ...base, status: 'skipped', reason: 'duplicate-in-run', errorMessage: 'an earlier item of this run is the same contact (same debtor, claim, stage, and journey step or day)' }, startedAt);
				return;
			}
			this.seenContacts.add(keys.contactKey);
			if (usable.channels.length === 0) {
				const last = usable.skipped[usable.skipped.length - 1];
				results[index] = this.finish(
					{
						...base,
						status: 'skipped',
						reason: last?.reason ?? 'no-channel',
						errorMessage: last ? `no usable channel: ${usable.skipped.map((skip) => `${skip.channel}: ${skip.message}`).join('; ')}` : 'no channel to send on',
						nextContactMoment: usable.nextOpening !== undefined ? iso(usable.nextOpening) : undefined,
					},
					startedAt,
				);
				return;
			}
			pending.push(index);
		});

		// The ledger works in batches: a batch is reserved before its first send (the next one is
		// reserved ahead, so sending never waits on it) and confirmed when its last send ends. After a
		// crash, at most the batches in flight are left unconfirmed.
		const ledger = this.deps.ledger && !this.settings.dryRun ? this.deps.ledger : undefined;
		const size = Math.max(1, batchSize);
		const batches = Array.from({ length: Math.ceil(pending.length / size) }, (_, b) => ({
			indices: pending.slice(b * size, (b + 1) * size),
			reserved: undefined as Promise<Map<string, LedgerState>> | undefined,
			states: undefined as Map<string, LedgerState> | undefined,
			/** Channel keys the ledger knows as sent, for the contacts it knows as sent. */
			sentWith: undefined as Set<string> | undefined,
			remaining: Math.min(size, pending.length - b * size),
		}));
		const reserve = (b: number): Promise<Map<string, LedgerState>> => {
			const batch = batches[b];
			if (!batch) return Promise.resolve(new Map());
			if (!batch.reserved) {
				const indices = batch.indices.filter((index) => this.usesLedger(prepared[index].usable.channels));
				const keys = indices.map((index) => prepared[index].keys.contactKey);
				batch.reserved = (ledger ? ledger.reserve(keys) : Promise.resolve(new Map<string, LedgerState>())).then(async (states) => {
					// Contacts an earlier run sent: which channel took each (one more ledger read, only after a crash).
					const sentBefore = indices.filter((index) => states.get(prepared[index].keys.contactKey) === 'sent');
					if (ledger && sentBefore.length > 0) {
						batch.sentWith = await ledger.sentChannelKeys(sentBefore.flatMap((index) => prepared[index].plan.channels.map((channel) => prepared[index].keys.channelKey(channel))));
					}
					return (batch.states = states);
				});
			}
			return batch.reserved;
		};
		const settle = async (b: number) => {
			if (!ledger) return;
			const sent: string[] = [];
			const sentWith: string[] = [];
			const release: string[] = [];
			for (const index of batches[b].indices) {
				const { keys, usable } = prepared[index];
				const record = results[index];
				if (!this.usesLedger(usable.channels) || record.reason === 'already-sent' || record.reason === 'earlier-attempt-unconfirmed') continue;
				// Handed to the workflow's Send Email node: not sent yet, and maybe sent soon, so neither confirmed nor released.
				if (record.handOff) continue;
				if (record.status === 'sent' || record.status === 'queued') {
					sent.push(keys.contactKey);
					if (record.idempotencyKey) sentWith.push(record.idempotencyKey);
				} else if (!record.outcomeUnknown) release.push(keys.contactKey);
			}
			await ledger.confirm(sent, sentWith);
			await ledger.release(release);
		};
		const settling: Array<Promise<void>> = [];

		let next = 0;
		const worker = async () => {
			while (next < pending.length) {
				const position = next++;
				const b = Math.floor(position / size);
				// A reservation already made is read without a further await.
				const states = batches[b]?.states ?? (await reserve(b));
				void reserve(b + 1);
				const index = pending[position];
				const { plan, keys, usable } = prepared[index];
				results[index] = this.fromLedger(states.get(keys.contactKey), plan, keys, usable, batches[b].sentWith, startedAt) ?? (await this.deliver(plan, keys, usable, startedAt));
				if (--batches[b].remaining === 0) settling.push(settle(b));
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, pending.length)) }, worker));
		// Reserved ahead but never started (none are left, unless the run ended early): nothing to undo.
		await Promise.all(settling);
		return results;
	}

	/**
	 * The record for a contact the ledger already knows. Sent by an earlier run: it leaves on Sent
	 * (`alreadySent`), so the workflow writes it into the record and the log as it would have after
	 * that run; nothing is sent now. Left unconfirmed: held back for a person (`unconfirmed`), unless
	 * the provider drops repeated keys itself or the user chose to send again.
	 */
	private fromLedger(
		state: LedgerState | undefined,
		plan: SendPlan,
		keys: PlanKeys,
		usable: { channels: SendChannel[]; skipped: ChannelSkip[] },
		sentWith: ReadonlySet<string> | undefined,
		startedAt: number,
	): DeliveryRecord | undefined {
		const base = { contactKey: keys.contactKey, attempts: 0, skipped: usable.skipped, tried: [] as ChannelAttempt[] };
		if (state === 'sent') {
			const known = sentWith ? plan.channels.find((channel) => sentWith.has(keys.channelKey(channel))) : undefined;
			const channel = known ?? plan.channels[0];
			return this.finish(
				{
					...base,
					channel,
					provider: this.settings.providers[channel]?.adapter.id,
					status: 'sent',
					reason: 'already-sent',
					alreadySent: true,
					...(known ? {} : { channelAssumed: true }),
					idempotencyKey: keys.channelKey(channel),
				},
				startedAt,
			);
		}
		if (state !== 'unconfirmed') return undefined;
		const channel = usable.channels[0];
		const setup = this.settings.providers[channel]!;
		// Providers that drop repeated keys make a repeat safe; for the others a person checks first.
		if (!this.holdsUnconfirmed(channel)) return undefined;
		const key = keys.channelKey(channel);
		return this.finish(
			{
				...base,
				channel,
				provider: setup.adapter.id,
				status: 'skipped',
				reason: 'earlier-attempt-unconfirmed',
				idempotencyKey: key,
				outcomeUnknown: true,
				unconfirmed: true,
				errorMessage: `an earlier run stopped while sending this contact; check ${setup.adapter.displayName} for key ${key} (or the keys of the fallback channels) before sending it again`,
			},
			startedAt,
		);
	}

	private usesLedger(channels: SendChannel[]): boolean {
		return channels.some((channel) => this.settings.providers[channel]?.adapter.id !== 'sandbox');
	}

	private readonly isoTexts = new IsoTexts();

	private iso(ms: number): string;
	private iso(ms: number | undefined): string | undefined;
	private iso(ms: number | undefined): string | undefined {
		return ms === undefined ? undefined : this.isoTexts.of(ms);
	}

	private finish(record: Omit<DeliveryRecord, 'timestamps'> & { timestamps?: Partial<DeliveryRecord['timestamps']> }, startedAt: number, finishedAt = this.deps.now()): DeliveryRecord {
		const given = record.timestamps;
		// Every record gets the same five fields in the same order (one object shape for the whole output).
		record.timestamps = {
			startedAt: this.iso(startedAt),
			firstAttemptAt: given?.firstAttemptAt,
			lastAttemptAt: given?.lastAttemptAt,
			sentAt: given?.sentAt,
			finishedAt: this.iso(finishedAt),
		};
		return record as DeliveryRecord;
	}

	/** An error text fit for the output: no secrets, no message body, short. */
	private clean(text: string, message: OutgoingMessage): string {
		return limit(scrub(text, this.sensitive(message)));
	}

	private sensitive(message: OutgoingMessage): string[] {
		return [message.subject, message.text, message.html, message.sms?.text, ...this.settings.secretValues].filter((value): value is string => typeof value === 'string');
	}

	private async deliver(plan: SendPlan, keys: PlanKeys, usable: { channels: SendChannel[]; skipped: ChannelSkip[] }, startedAt: number): Promise<DeliveryRecord> {
		const skipped = usable.skipped.slice();
		const tried: ChannelAttempt[] = [];
		const requests: NonNullable<DeliveryRecord['requests']> = [];
		let attempts = 0;
		let firstAt: number | undefined;
		let lastAt: number | undefined;
		let last: { channel: SendChannel; provider: string; key: string; outcome: SendOutcome } | undefined;

		for (const channel of usable.channels) {
			const setup = this.settings.providers[channel]!;
			const idempotencyKey = keys.channelKey(channel);
			const context: SendContext = {
				channel,
				idempotencyKey,
				credentials: setup.credentials,
				secrets: setup.secrets,
				options: setup.options,
				timeoutMs: this.settings.timeoutMs,
				cache: this.cache,
				now: this.deps.now,
			};
			if (this.settings.dryRun) {
				const built = buildForDryRun(setup.adapter, plan.message, plan.recipient, context);
				if (built instanceof SendValidationError) skipped.push({ channel, provider: setup.adapter.id, reason: built.code, message: this.clean(built.message, plan.message) });
				else requests.push({ channel, provider: setup.adapter.id, request: describeRequest(built) });
				continue;
			}
			const result = await sendWithRetry(setup, plan.message, plan.recipient, context, this.settings.retry, this.sendDepsFor(setup));
			const { outcome } = result;
			if (outcome instanceof SendValidationError) {
				// The message or contact data does not fit this channel: note it and try the next one.
				skipped.push({ channel, provider: setup.adapter.id, reason: outcome.code, message: this.clean(outcome.message, plan.message) });
				continue;
			}
			attempts += result.attempts;
			firstAt ??= result.firstAt;
			lastAt = result.lastAt ?? lastAt;
			last = { channel, provider: setup.adapter.id, key: idempotencyKey, outcome };
			if (outcome.kind === 'accepted') {
				tried.push({ channel, provider: setup.adapter.id, idempotencyKey, attempts: result.attempts, outcome: 'accepted' });
				const simulated = setup.adapter.id === 'sandbox';
				const sentAt = this.deps.now();
				return this.finish(
					{
						channel,
						provider: setup.adapter.id,
						status: outcome.status,
						providerMessageId: outcome.providerMessageId,
						providerStatus: outcome.providerStatus,
						idempotencyKey,
						contactKey: keys.contactKey,
						attempts,
						timestamps: { firstAttemptAt: this.iso(firstAt), lastAttemptAt: this.iso(lastAt), sentAt: this.iso(sentAt) },
						skipped,
						tried,
						...(simulated ? { simulated: true } : {}),
						...(outcome.handOff ? { handOff: outcome.handOff } : {}),
						...(outcome.details ? { details: outcome.details } : {}),
					},
					startedAt,
					sentAt,
				);
			}
			tried.push({ channel, provider: setup.adapter.id, idempotencyKey, attempts: result.attempts, outcome: outcome.permanence === 'permanent' ? 'failed-permanent' : 'failed-transient', errorCode: outcome.errorCode, errorMessage: this.clean(outcome.errorMessage, plan.message) });
			// A timeout may have delivered the message: do not contact the debtor on another channel too.
			if (outcome.outcomeUnknown) break;
		}

		const base = { contactKey: keys.contactKey, attempts, skipped, tried };
		if (this.settings.dryRun) {
			return this.finish({ ...base, status: 'skipped', reason: 'dry-run', dryRun: true, requests, channel: requests[0]?.channel, provider: requests[0]?.provider, idempotencyKey: requests[0] ? keys.channelKey(requests[0].channel) : undefined }, startedAt);
		}
		const timestamps = { firstAttemptAt: this.iso(firstAt), lastAttemptAt: this.iso(lastAt) };
		if (!last || last.outcome.kind !== 'failed') {
			const final = skipped[skipped.length - 1];
			return this.finish({ ...base, timestamps, status: 'skipped', reason: final?.reason ?? 'no-channel', errorCode: final?.reason, errorMessage: `no usable channel: ${skipped.map((skip) => `${skip.channel}: ${skip.message}`).join('; ')}` }, startedAt);
		}
		const failure = last.outcome;
		return this.finish(
			{
				...base,
				timestamps,
				channel: last.channel,
				provider: last.provider,
				idempotencyKey: last.key,
				status: failure.permanence === 'permanent' ? 'failed-permanent' : 'failed-transient',
				errorCode: failure.errorCode,
				errorMessage: this.clean(failure.errorMessage, plan.message),
				reason: failure.reason,
				...(failure.retryAfterMs !== undefined && failure.retryAfterMs > this.settings.retry.maxDelayMs ? { retryAfterSeconds: Math.ceil(failure.retryAfterMs / 1000) } : {}),
				...(failure.outcomeUnknown ? { outcomeUnknown: true } : {}),
				// The next run would find it unconfirmed and hold it back: say so now, so it is recorded today.
				...(failure.outcomeUnknown && this.holdsUnconfirmed(last.channel) ? { unconfirmed: true } : {}),
			},
			startedAt,
		);
	}

	/** Whether a contact of unknown outcome on this channel waits for a person (the provider would not drop a repeat). */
	private holdsUnconfirmed(channel: SendChannel): boolean {
		return this.settings.providers[channel]?.adapter.idempotency !== 'native' && !this.settings.resendUnconfirmed;
	}

	/** Closes what adapters kept open. */
	async dispose(): Promise<void> {
		const adapters = new Set(Object.values(this.settings.providers).map((setup) => setup!.adapter));
		for (const adapter of adapters) await adapter.dispose?.(this.cache);
	}
}
