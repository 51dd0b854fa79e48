/**
 * Small helpers the Journey Planner, Collection Costs and Payment Arrangement nodes share to read
 * their parameters. No n8n imports: the node passes in what it read.
 */

// Shared with every node: the rule lives in shared/n8n/parameters.ts.
export { perItemOrOnce, readsItem } from '../n8n/parameters';

/** Parses a JSON parameter that n8n may hand over as text or as an already parsed value. */
export function jsonParameter(value: unknown, what: string): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return new SyntaxError(`${what} is not valid JSON: ${detail}`);
	}
}

/** Euros as typed in a number field to whole cents (0.1 + 0.2 safe); undefined for empty or invalid. */
export function eurosParameterToCents(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return undefined;
	return Math.round(number * 100);
}

/** Reads a dotted path ("arrangement.plan") from an item's JSON. */
export function valueAtPath(json: unknown, path: string): unknown {
	let current: unknown = json;
	for (const part of path.split('.').filter(Boolean)) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/**
 * A per-run reader of the reference day: the same text gives the same day without asking luxon
 * again (100,000 items with "today" would otherwise each compute it). Returns an Error for bad text.
 */
export function referenceDayReader(timezone: string, read: (value: string, timezone: string) => number): (text: string) => number | Error {
	let last: { text: string; day: number | Error } | undefined;
	return (text) => {
		if (last && last.text === text) return last.day;
		let day: number | Error;
		try {
			day = read(text, timezone);
		} catch (error) {
			day = error instanceof Error ? error : new Error(String(error));
		}
		last = { text, day };
		return day;
	};
}
