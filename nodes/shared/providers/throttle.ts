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

	/** Waits for the next slot. Slots are handed out in call order. */
	async take(): Promise<void> {
		if (this.intervalMs === 0) return;
		const now = this.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + this.intervalMs;
		// Waits under a millisecond are not worth a timer (which takes at least one): the debt carries over.
		if (slot - now >= 1) await this.sleep(slot - now);
	}
}
