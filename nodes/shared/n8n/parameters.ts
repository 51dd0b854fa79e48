/**
 * The one way nodes read their parameters: once per run, unless the user made a parameter (or a
 * field inside it) an expression that may differ per item. Runs of 100,000 items are normal, and n8n
 * evaluates every expression with a data proxy of its own that costs far more than a node's work for
 * one item, so fixed settings and run-wide expressions must cost nothing per item.
 *
 * - {@link parameterPerItem}: one parameter.
 * - {@link valuePerItem}: a value combined from several parameters (read per item when any one is).
 * - {@link rememberLast}: a value computed from a parameter (a day, a calendar), computed again
 *   only when the text differs from the previous item's.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { optionalEurosToCents, type Cents } from '../money';
import { inField } from './items';

/**
 * What an expression may read and still give the same value for every item of a run: the current
 * time, variables, environment, the workflow and execution, and another node's first, last or all
 * items (`$('Settings').first()`). Anything else that starts with `$` ($json, $input, $('X').item,
 * $itemIndex, template literals, ...) may differ per item.
 */
const RUN_CONSTANTS = new Set(['now', 'today', 'vars', 'env', 'workflow', 'execution', 'runIndex', 'jmespath', 'ifEmpty']);
const WHOLE_NODE_READS = new Set(['first', 'last', 'all', 'params', 'isExecuted']);

/**
 * True when an expression text may give a different value per item. Conservative: when in doubt
 * (an unknown `$` name, a dynamic node name) it says yes, which only costs speed.
 */
export function expressionReadsItem(expression: string): boolean {
	for (let i = expression.indexOf('$'); i !== -1; i = expression.indexOf('$', i + 1)) {
		const rest = expression.slice(i + 1);
		const call = /^\(\s*(?:'[^'\\]*'|"[^"\\]*")\s*\)\s*\.\s*([A-Za-z]+)/.exec(rest);
		if (call) {
			if (!WHOLE_NODE_READS.has(call[1])) return true;
			continue;
		}
		const name = /^[A-Za-z_]\w*/.exec(rest);
		if (!name || !RUN_CONSTANTS.has(name[0])) return true;
	}
	return false;
}

/**
 * True when a raw parameter value (or anything inside a collection) is an expression whose value may
 * differ per item ({@link expressionReadsItem}). `={{ $('Settings').first().json.day }}` gives every
 * item the same value, so a node reads it once per run: n8n evaluates every expression with a data
 * proxy of its own, which costs far more than the node's work for one item.
 */
export function readsItem(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=') && expressionReadsItem(raw.slice(1));
	if (Array.isArray(raw)) return raw.some(readsItem);
	if (raw && typeof raw === 'object') return Object.values(raw as Record<string, unknown>).some(readsItem);
	return false;
}

/**
 * Reads a parameter once per run unless it (or a field inside it) is an expression that may differ per
 * item ({@link readsItem}), then per item: fixed settings and run-wide expressions cost nothing per
 * item, `{{ $json.x }}` still works.
 */
export function perItemOrOnce<T>(raw: unknown, read: (itemIndex: number) => T): (itemIndex: number) => T {
	if (readsItem(raw)) return read;
	let value: T | undefined;
	let done = false;
	return () => {
		if (!done) {
			value = read(0);
			done = true;
		}
		return value as T;
	};
}

/** The node's raw parameters: expressions still as text ("={{ $json.x }}"), as readsItem needs them. */
function rawParameters(ctx: IExecuteFunctions): Record<string, unknown> {
	return ctx.getNode().parameters as Record<string, unknown>;
}

/**
 * One parameter, read once per run unless it is an expression that may differ per item: so
 * `{{ $json.asOf }}` works while fixed settings and `{{ $('Settings').first().json.day }}` cost
 * nothing per item.
 */
export function parameterPerItem<T>(ctx: IExecuteFunctions, name: string, fallback: T): (itemIndex: number) => T {
	return perItemOrOnce(rawParameters(ctx)[name], (itemIndex) => ctx.getNodeParameter(name, itemIndex, fallback) as T);
}

/**
 * A value `read` combines from the parameters `names`: read once per run, or per item when any of
 * them may differ per item. `read` must read only those parameters.
 */
export function valuePerItem<T>(ctx: IExecuteFunctions, names: readonly string[], read: (itemIndex: number) => T): (itemIndex: number) => T {
	const raw = rawParameters(ctx);
	return perItemOrOnce(
		names.map((name) => raw[name]),
		read,
	);
}

/** True when any of the parameters `names` may differ per item (see {@link readsItem}). */
export function parametersReadItem(ctx: IExecuteFunctions, names: readonly string[]): boolean {
	const raw = rawParameters(ctx);
	return names.some((name) => readsItem(raw[name]));
}

/**
 * `compute`, remembered for the last key (and its error, rethrown): items of a run mostly share the
 * key, so 100,000 items with "today" compute the day once, and nothing grows with the run. Make one
 * per run.
 */
export function rememberLast<K, V>(compute: (key: K) => V): (key: K) => V {
	let known = false;
	let lastKey: K | undefined;
	let lastValue: V | undefined;
	let lastError: unknown;
	return (key) => {
		if (!known || lastKey !== key) {
			lastKey = key;
			known = true;
			try {
				lastValue = compute(key);
				lastError = undefined;
			} catch (error) {
				lastError = error;
			}
		}
		if (lastError !== undefined) throw lastError;
		return lastValue as V;
	};
}

/** Parses a JSON parameter that n8n may hand over as text or as an already parsed value; a SyntaxError to report for bad text. */
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

/**
 * A euro amount the user typed into a node field, in cents; undefined when left empty. Anything
 * else that is not an amount is an ItemError naming the field (never silently "not set").
 */
export function eurosParameter(value: unknown, field: string): Cents | undefined {
	return inField(field, () => optionalEurosToCents(value));
}
