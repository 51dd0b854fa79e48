/**
 * The send ledger: a durable record of which contacts went out, so a second run, or a rerun after a
 * crash (the same day or later: see idempotency.ts), never sends a contact twice. Marks per contact:
 *   `r:<key>` reserved right before the first attempt, `s:<key>` confirmed after the provider
 *   accepted, with `c:<channel key>` (the idempotency key of the channel that accepted), so a rerun
 *   can report on which channel it went. A reservation without a confirmation means an earlier run
 *   stopped mid-send: the outcome is unknown, and the item is held back (or, for providers that drop
 *   repeated idempotency keys themselves, sent again with the same key).
 * The store is n8n's deduplication store (the "Remove Duplicates" node's database table), or an
 * in-memory map in tests; it only offers "check and record" and "remove".
 */
export interface LedgerStore {
	checkAndRecord(values: string[]): Promise<{ new: string[]; processed: string[] }>;
	remove(values: string[]): Promise<void>;
}

export type LedgerState = 'new' | 'sent' | 'unconfirmed';

export class SendLedger {
	private tail: Promise<unknown> = Promise.resolve();

	constructor(private readonly store: LedgerStore) {}

	/**
	 * One ledger operation at a time: n8n's store reads and rewrites one row per workflow, so two
	 * overlapping writes would lose one of them.
	 */
	private serial<T>(operation: () => Promise<T>): Promise<T> {
		const result = this.tail.then(operation, operation);
		this.tail = result.catch(() => undefined);
		return result;
	}

	/** Reserves every key that is new; tells for the others whether they were sent or left unconfirmed. */
	reserve(keys: string[]): Promise<Map<string, LedgerState>> {
		return this.serial(() => this.reserveNow(keys));
	}

	private async reserveNow(keys: string[]): Promise<Map<string, LedgerState>> {
		const states = new Map<string, LedgerState>();
		if (keys.length === 0) return states;
		const reserved = await this.store.checkAndRecord(keys.map((key) => `r:${key}`));
		for (const value of reserved.new) states.set(value.slice(2), 'new');
		const seen = reserved.processed.map((value) => value.slice(2));
		if (seen.length > 0) {
			const confirmed = await this.store.checkAndRecord(seen.map((key) => `s:${key}`));
			for (const value of confirmed.processed) states.set(value.slice(2), 'sent');
			// "check and record" just recorded these as sent: take that back.
			if (confirmed.new.length > 0) await this.store.remove(confirmed.new);
			for (const value of confirmed.new) states.set(value.slice(2), 'unconfirmed');
		}
		return states;
	}

	/** Marks contact keys as sent (the provider accepted them), with the idempotency keys of the channels that took them. */
	confirm(keys: string[], channelKeys: string[] = []): Promise<void> {
		return this.serial(async () => {
			const values = [...keys.map((key) => `s:${key}`), ...channelKeys.map((key) => `c:${key}`)];
			if (values.length > 0) await this.store.checkAndRecord(values);
		});
	}

	/**
	 * Which of these channel keys a confirmed send went out with. Reading records them, so the new ones
	 * are taken back; contacts confirmed before channel keys were kept have none.
	 */
	sentChannelKeys(channelKeys: string[]): Promise<Set<string>> {
		return this.serial(async () => {
			if (channelKeys.length === 0) return new Set<string>();
			const found = await this.store.checkAndRecord([...new Set(channelKeys)].map((key) => `c:${key}`));
			if (found.new.length > 0) await this.store.remove(found.new);
			return new Set(found.processed.map((value) => value.slice(2)));
		});
	}

	/** Gives up reservations of contacts that certainly did not go out, so a later run may send them. */
	release(keys: string[]): Promise<void> {
		return this.serial(async () => {
			if (keys.length > 0) await this.store.remove(keys.map((key) => `r:${key}`));
		});
	}
}

/** An in-memory store (tests, and runs where n8n offers no deduplication store). */
export class MemoryLedgerStore implements LedgerStore {
	readonly values = new Set<string>();

	async checkAndRecord(values: string[]) {
		const result = { new: [] as string[], processed: [] as string[] };
		for (const value of values) {
			if (this.values.has(value)) result.processed.push(value);
			else {
				this.values.add(value);
				result.new.push(value);
			}
		}
		return result;
	}

	async remove(values: string[]) {
		for (const value of values) this.values.delete(value);
	}
}
