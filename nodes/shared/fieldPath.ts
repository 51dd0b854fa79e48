/**
 * Field paths as users write them in node settings and custom rules: "arrangement.plan",
 * "claims[0].sector". One reading rule for every node. No n8n imports.
 */

/**
 * Splits a path into its keys once ("a[0].b" -> ["a", "0", "b"]); empty parts are ignored. Parse once
 * per run and read with {@link readFieldPath} when the same path is read for many items.
 */
export function parseFieldPath(path: string): string[] {
	return path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.filter(Boolean);
}

/** The value at a parsed path; undefined as soon as a step is missing or not an object. */
export function readFieldPath(value: unknown, keys: readonly string[]): unknown {
	let current = value;
	for (const key of keys) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** The value at a path written as text (see {@link parseFieldPath}). */
export function valueAtPath(value: unknown, path: string): unknown {
	return readFieldPath(value, parseFieldPath(path));
}
