/**
 * The send ledger: a durable record of which contacts went out, so a second run of the same day,
 * or a rerun after a crash, never sends a contact twice. Two marks per contact key:
 *   `r:<key>` reserved right before the first attempt, `s:<key>` confirmed after the provider
 *   accepted. A reservation without a confirmation means an earlier run stopped mid-send: the
 *   outcome is unknown, and the item is held back (or, for providers that drop repeated
 *   idempotency keys themselves, sent again with the same key).
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

	/** Marks keys as sent (the provider accepted them). */
	confirm(keys: string[]): Promise<void> {
		return this.serial(async () => {
			if (keys.length > 0) await this.store.checkAndRecord(keys.map((key) => `s:${key}`));
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
