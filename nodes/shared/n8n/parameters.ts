/**
 * When a node reads a parameter: once per run, unless the user made it (or a field inside it) an
 * expression that may differ per item. No n8n imports: the node passes in the raw value and how to read it.
 */

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
