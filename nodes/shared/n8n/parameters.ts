/**
 * When a node reads a parameter: once per run, unless the user made it (or a field inside it) an
 * expression. No n8n imports: the node passes in the raw value and how to read it.
 */

/** True when a raw parameter value (or anything inside a collection) is an n8n expression ("=..."). */
export function hasExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (Array.isArray(raw)) return raw.some(hasExpression);
	if (raw && typeof raw === 'object') return Object.values(raw as Record<string, unknown>).some(hasExpression);
	return false;
}

/**
 * Reads a parameter once per run unless it (or a field inside it) is an expression, then per item:
 * fixed settings cost nothing per item, `{{ $json.x }}` still works.
 */
export function perItemOrOnce<T>(raw: unknown, read: (itemIndex: number) => T): (itemIndex: number) => T {
	if (hasExpression(raw)) return read;
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
