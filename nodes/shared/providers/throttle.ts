/**
 * A per-provider rate limit shared by all concurrent sends: each send takes the next free slot,
 * `1000 / rate` ms after the previous one. Deterministic with an injected clock and sleep.
 */
import type { SleepFunction } from './types';

export class RateLimiter {
	private nextSlot = 0;
	private readonly intervalMs: number;

	constructor(
		ratePerSecond: number,
		private readonly now: () => number,
		private readonly sleep: SleepFunction,
	) {
		this.intervalMs = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
	}

	/**
	 * Takes the next slot (slots are handed out in call order). Returns a promise to await only when
	 * the slot lies ahead: a free slot costs no promise, which matters at thousands of sends a second.
	 */
	take(): Promise<void> | undefined {
		if (this.intervalMs === 0) return undefined;
		const now = this.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		// Waits under a millisecond are not worth a timer (which takes at least one): the debt carries over.
		return slot - now >= 1 ? this.sleep(slot - now) : undefined;
	}
}
