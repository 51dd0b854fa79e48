/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * Generates `nodes/shared/debtor/debtorCheck.generated.ts` from the debtor JSON Schema: straight-line
 * TypeScript with a fixed property access per field, so V8 runs it at a few nanoseconds per field.
 * The schema stays the one source of truth; `gulp build` regenerates the file and a unit test fails
 * when the committed copy is stale. Run: `npx tsx build/debtorCheck.ts [--check]`.
 *
 * Supported keywords are those the schema uses; anything else stops the generator, so a schema change
 * can never silently weaken the check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface SchemaNode {
	type?: string;
	enum?: unknown[];
	required?: string[];
	properties?: Record<string, SchemaNode>;
	items?: SchemaNode;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	format?: string;
	[keyword: string]: unknown;
}

const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.join(ROOT, 'nodes/shared/debtor/debtor.schema.json');
export const GENERATED = path.join(ROOT, 'nodes/shared/debtor/debtorCheck.generated.ts');
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default']);
const SUPPORTED = new Set(['type', 'enum', 'required', 'properties', 'items', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'format']);
const FORMATS: Record<string, string> = { date: 'isDate', 'date-time': 'isDateTime', email: 'isEmail' };

/** A test that `v` is of a JSON type (for keywords on values whose type the schema leaves open). */
function typeGuard(type: string, v: string): string {
	if (type === 'object') return `typeof ${v} === 'object' && ${v} !== null && !Array.isArray(${v})`;
	return `typeof ${v} === '${type}'`;
}

export function generateDebtorCheck(schema: SchemaNode): string {
	const constants: string[] = [];
	const functions: string[] = [];
	const objects: Array<{ path: string; fields: string[] }> = [];
	let counter = 0;
	const named = new Map<string, string>();
	/** A module constant for `code`, one for each distinct code (a pattern used twice is compiled once). */
	const constant = (code: string) => {
		let name = named.get(code);
		if (name === undefined) {
			name = `C${counter++}`;
			named.set(code, name);
			constants.push(`const ${name} = ${code};`);
		}
		return name;
	};

	/**
	 * Statements that `return false` when `v` (a defined value) breaks `node`. Each check is emitted
	 * once, in the order the type makes safe: after the type test the value's type is known, so the
	 * keyword checks need no second `typeof` and the happy path allocates nothing.
	 */
	function statements(node: SchemaNode, v: string, where: string, indent: string): string[] {
		for (const keyword of Object.keys(node)) {
			if (!SUPPORTED.has(keyword) && !ANNOTATIONS.has(keyword)) throw new Error(`unsupported keyword "${keyword}" at ${where}`);
		}
		const out: string[] = [];
		const fail = (condition: string) => out.push(`${indent}if (${condition}) return false;`);
		if (node.enum) {
			// Enums of primitives compare with ===, which is what ajv's deep equality means for them;
			// a chain of comparisons beats a Set lookup (no hashing, most fail on the length).
			for (const value of node.enum) {
				if (value !== null && typeof value === 'object') throw new Error(`unsupported enum value ${JSON.stringify(value)} at ${where}`);
			}
			fail(node.enum.map((value) => `${v} !== ${JSON.stringify(value)}`).join(' && ') || 'true');
		}
		switch (node.type) {
			case undefined:
				break;
			case 'string':
				fail(`typeof ${v} !== 'string'`);
				break;
			case 'integer':
				fail(`typeof ${v} !== 'number' || !Number.isInteger(${v})`);
				break;
			case 'number':
				fail(`typeof ${v} !== 'number' || !Number.isFinite(${v})`);
				break;
			case 'boolean':
				fail(`typeof ${v} !== 'boolean'`);
				break;
			case 'object':
				fail(`typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})`);
				break;
			case 'array':
				fail(`!Array.isArray(${v})`);
				break;
			default:
				throw new Error(`unsupported type "${node.type}" at ${where}`);
		}
		const known = node.type === 'integer' ? 'number' : node.type;
		// Without a declared type a keyword applies only to values of its own type (JSON Schema rule).
		const when = (type: string, condition: string) => (known === type ? condition : `${typeGuard(type, v)} && ${condition}`);
		if (node.minimum !== undefined) fail(when('number', `${v} < ${node.minimum}`));
		if (node.maximum !== undefined) fail(when('number', `${v} > ${node.maximum}`));
		// JSON Schema counts code points; code units are never fewer, so recount only near the limit.
		if (node.minLength !== undefined) fail(when('string', `${v}.length < ${2 * node.minLength} && codePoints(${v}) < ${node.minLength}`));
		if (node.maxLength !== undefined) fail(when('string', `${v}.length > ${node.maxLength} && codePoints(${v}) > ${node.maxLength}`));
		if (node.pattern !== undefined) fail(when('string', `!${constant(`new RegExp(${JSON.stringify(node.pattern)}, 'u')`)}.test(${v})`));
		if (node.format !== undefined) {
			const fn = FORMATS[node.format];
			if (!fn) throw new Error(`unsupported format "${node.format}" at ${where}`);
			fail(when('string', fn === 'isEmail' ? `!${fn}(${v})` : `!${fn}(${v}, d)`));
		}
		const body: string[] = [];
		const inner = known === 'object' ? indent : `${indent}\t`;
		if (node.properties || node.required) {
			const objectVar = `o${counter++}`;
			body.push(`${inner}const ${objectVar} = ${v} as Record<string, unknown>;`);
			const required = new Set(node.required ?? []);
			for (const key of required) {
				if (!node.properties?.[key]) body.push(`${inner}if (${objectVar}[${JSON.stringify(key)}] === undefined) return false;`);
			}
			// Each object with fields has a slot in the selection: one mask, bit k for its k-th field. A
			// field is read and checked only when its bit is set; the record's own required fields (its
			// id) always are.
			const keys = Object.keys(node.properties ?? {});
			const slot = objects.length;
			if (keys.length > 30) throw new Error(`a selection mask holds 30 fields, ${where || 'the record'} has ${keys.length}`);
			if (keys.length > 0) {
				objects.push({ path: dottedPath(where), fields: keys });
				body.push(`${inner}const m${slot} = s[${slot}];`);
			}
			keys.forEach((key, bit) => {
				const child = node.properties![key];
				const valueVar = `v${counter++}`;
				const always = slot === 0 && required.has(key);
				const at = always ? inner : `${inner}\t`;
				const checks = statements(child, valueVar, `${where}/${key}`, `${at}\t`);
				if (checks.length === 0 && !required.has(key)) return;
				const read = `${at}const ${valueVar} = ${objectVar}[${JSON.stringify(key)}];`;
				// A required field fails when missing; an optional one is checked when present.
				const lines = required.has(key)
					? [read, `${at}if (${valueVar} === undefined) return false;`, ...checks.map((line) => line.slice(1))]
					: [read, `${at}if (${valueVar} !== undefined) {`, ...checks, `${at}}`];
				if (always) body.push(...lines);
				else body.push(`${inner}if ((m${slot} & ${2 ** bit}) !== 0) {`, ...lines, `${inner}}`);
			});
		}
		if (body.length > 0) {
			if (known === 'object') out.push(...body);
			else out.push(`${indent}if (${typeGuard('object', v)}) {`, ...body, `${indent}}`);
		}
		if (node.items) {
			// Items get a function of their own: one monomorphic call per array element.
			const fn = `item${counter++}`;
			functions.push(
				[`function ${fn}(x: unknown, s: Int32Array, d: CheckedDates | undefined): boolean {`, ...statements(node.items, 'x', `${where}/items`, '\t'), '\treturn true;', '}'].join('\n'),
			);
			const loop = `for (let i = 0, n = ${v}.length; i < n; i++) if (!${fn}(${v}[i], s, d)) return false;`;
			out.push(known === 'array' ? `${indent}${loop}` : `${indent}if (Array.isArray(${v})) ${loop}`);
		}
		return out;
	}

	/** The schema problem each keyword reports: ajv's keyword and parameters, at the path `p` (code). */
	const problem = (keyword: string, p: string, params: string) => `e.push({ instancePath: ${p}, keyword: '${keyword}', params: ${params} });`;
	/** `p` + `/key` as code: folded into one string literal where `p` is one. */
	const childPath = (p: string, key: string) => (p.startsWith('"') ? JSON.stringify(`${JSON.parse(p) as string}/${key}`) : `${p} + ${JSON.stringify(`/${key}`)}`);
	/** Whether `v` is not of the JSON type: the same tests as the check's, so both always agree. */
	const wrongType = (type: string, v: string) => {
		switch (type) {
			case 'string':
			case 'boolean':
				return `typeof ${v} !== '${type}'`;
			case 'integer':
				return `typeof ${v} !== 'number' || !Number.isInteger(${v})`;
			case 'number':
				return `typeof ${v} !== 'number' || !Number.isFinite(${v})`;
			case 'object':
				return `typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})`;
			case 'array':
				return `!Array.isArray(${v})`;
			default:
				throw new Error(`unsupported type "${type}"`);
		}
	};

	/**
	 * Statements that add to `e` every problem of `v` (a defined value at path `p`) in the order and
	 * with the parameters ajv reports them with `allErrors` (draft-07 vocabularies): the type first when
	 * no keyword group of that type applies, then `enum`, then the number keywords (maximum, minimum),
	 * the string ones (maxLength, minLength, pattern, format), the array ones (items), the object ones
	 * (required, then properties in schema order), each group only on a value of its type; a group of
	 * the declared type reports a value of another type instead.
	 */
	function reportStatements(node: SchemaNode, v: string, p: string, where: string, indent: string): string[] {
		const out: string[] = [];
		const type = node.type;
		const groups = {
			number: node.maximum !== undefined || node.minimum !== undefined,
			string: node.maxLength !== undefined || node.minLength !== undefined || node.pattern !== undefined || node.format !== undefined,
			array: node.items !== undefined,
			object: node.required !== undefined || node.properties !== undefined,
		};
		const typeError = () => problem('type', p, `{ type: '${type}' }`);
		const upFront = type !== undefined && !(type in groups && groups[type as keyof typeof groups]);
		if (upFront) out.push(`${indent}if (${wrongType(type, v)}) ${typeError()}`);
		if (node.enum) {
			const allowed = constant(`${JSON.stringify(node.enum)} as unknown[]`);
			out.push(`${indent}if (${node.enum.map((value) => `${v} !== ${JSON.stringify(value)}`).join(' && ') || 'true'}) ${problem('enum', p, `{ allowedValues: ${allowed} }`)}`);
		}
		const group = (groupType: keyof typeof groups, isType: string, body: string[]) => {
			if (!groups[groupType]) return;
			out.push(`${indent}if (${isType}) {`, ...body.map((line) => `${indent}\t${line}`));
			if (type === groupType || (groupType === 'number' && type === 'integer' && !upFront)) out.push(`${indent}} else ${typeError()}`);
			else out.push(`${indent}}`);
		};
		// The number group takes any number (ajv: typeof), also one the integer type refused; like ajv's,
		// its limits refuse NaN.
		const numberBody: string[] = [];
		if (node.maximum !== undefined) numberBody.push(`if (${v} > ${node.maximum} || ${v} !== ${v}) ${problem('maximum', p, `{ comparison: '<=', limit: ${node.maximum} }`)}`);
		if (node.minimum !== undefined) numberBody.push(`if (${v} < ${node.minimum} || ${v} !== ${v}) ${problem('minimum', p, `{ comparison: '>=', limit: ${node.minimum} }`)}`);
		group('number', `typeof ${v} === 'number'`, numberBody);
		const stringBody: string[] = [];
		if (node.maxLength !== undefined) stringBody.push(`if (${v}.length > ${node.maxLength} && codePoints(${v}) > ${node.maxLength}) ${problem('maxLength', p, `{ limit: ${node.maxLength} }`)}`);
		if (node.minLength !== undefined) stringBody.push(`if (${v}.length < ${2 * node.minLength} && codePoints(${v}) < ${node.minLength}) ${problem('minLength', p, `{ limit: ${node.minLength} }`)}`);
		if (node.pattern !== undefined) {
			const regexp = constant(`new RegExp(${JSON.stringify(node.pattern)}, 'u')`);
			stringBody.push(`if (!${regexp}.test(${v})) ${problem('pattern', p, `{ pattern: ${JSON.stringify(node.pattern)} }`)}`);
		}
		if (node.format !== undefined) {
			const fn = FORMATS[node.format];
			if (!fn) throw new Error(`unsupported format "${node.format}" at ${where}`);
			stringBody.push(`if (!${fn === 'isEmail' ? `${fn}(${v})` : `${fn}(${v}, undefined)`}) ${problem('format', p, `{ format: ${JSON.stringify(node.format)} }`)}`);
		}
		group('string', `typeof ${v} === 'string'`, stringBody);
		if (node.items) {
			const fn = `report${counter++}`;
			functions.push(
				[`function ${fn}(x: unknown, p: string, e: SchemaError[]): void {`, ...reportStatements(node.items, 'x', 'p', `${where}/items`, '\t'), '}'].join('\n'),
			);
			const index = `i${counter++}`;
			group('array', `Array.isArray(${v})`, [`for (let ${index} = 0, n = ${v}.length; ${index} < n; ${index}++) ${fn}(${v}[${index}], ${p} + '/' + ${index}, e);`]);
		}
		if (groups.object) {
			const objectVar = `o${counter++}`;
			const body = [`const ${objectVar} = ${v} as Record<string, unknown>;`];
			for (const key of node.required ?? []) {
				body.push(`if (${objectVar}[${JSON.stringify(key)}] === undefined) ${problem('required', p, `{ missingProperty: ${JSON.stringify(key)} }`)}`);
			}
			for (const [key, child] of Object.entries(node.properties ?? {})) {
				const valueVar = `v${counter++}`;
				const checks = reportStatements(child, valueVar, childPath(p, key), `${where}/${key}`, '\t');
				if (checks.length === 0) continue;
				body.push(`const ${valueVar} = ${objectVar}[${JSON.stringify(key)}];`, `if (${valueVar} !== undefined) {`, ...checks, '}');
			}
			group('object', `typeof ${v} === 'object' && ${v} !== null && !Array.isArray(${v})`, body);
		}
		return out;
	}

	const reportBody = reportStatements(schema, 'record', '""', '', '\t');

	const fields = Object.keys(schema.properties ?? {});
	const body = statements(schema, 'record', '', '\t');
	if (objects[0]?.path !== '') throw new Error('the schema must describe an object with properties');
	// Every field path a node can select: a field of the record, of an object in it, or of the items of a list.
	const paths = objects.flatMap((object) => object.fields.map((field) => (object.path ? `${object.path}.${field}` : field)));
	const required = fields.reduce((mask, field, bit) => ((schema.required ?? []).includes(field) ? mask + 2 ** bit : mask), 0);
	return [
		'/* eslint-disable -- generated code */',
		'// Generated from debtor.schema.json by build/debtorCheck.ts (gulp build). Do not edit.',
		"import type { CheckedDates } from '../calendar/checkedDates';",
		"import { codePoints, isDate, isDateTime, isEmail } from './formats';",
		'',
		'void codePoints, void isDate, void isDateTime, void isEmail;',
		'',
		'/** A schema problem as ajv reports it: where (a JSON pointer), which keyword, its parameters. */',
		'export interface SchemaError {',
		'\tinstancePath: string;',
		'\tkeyword: string;',
		'\tparams: Record<string, unknown>;',
		'}',
		'',
		...constants,
		'',
		...functions.map((fn) => `${fn}\n`),
		'/** Top-level fields of the debtor record, in schema order. */',
		`export const DEBTOR_FIELDS = ${JSON.stringify(fields)} as const;`,
		'',
		'/**',
		' * The objects of the record that have fields, in schema order: the record itself, its objects, and',
		' * the items of its lists (named by the list). A field selection holds one mask per object, in this',
		' * order; bit k of a mask selects the k-th field.',
		' */',
		'export const DEBTOR_OBJECTS: ReadonlyArray<{ readonly path: string; readonly fields: readonly string[] }> = [',
		...objects.map((object) => `\t{ path: ${JSON.stringify(object.path)}, fields: ${JSON.stringify(object.fields)} },`),
		'];',
		'',
		'/** A field a node can select: `claims` (with all it holds) or `claims.dueDate` (that field of every claim). */',
		`export type DebtorFieldPath =\n${paths.map((path) => `\t| ${JSON.stringify(path)}`).join('\n')};`,
		'',
		'/** A selection of every field. */',
		`export const ALL_DEBTOR_FIELDS = Int32Array.of(${objects.map((object) => 2 ** object.fields.length - 1).join(', ')});`,
		'',
		'/** The required top-level fields (bits of the first mask), checked whatever the selection. */',
		`export const REQUIRED_DEBTOR_FIELDS = ${required};`,
		'',
		'/**',
		' * True when the record satisfies the debtor JSON Schema (the same answer as ajv) in the fields the',
		' * selection `s` holds; the required top-level fields are always checked. The dates and moments it',
		' * reads are remembered in `d`, when given, for the next reader of the record (see CheckedDates).',
		' */',
		'export function checkDebtorFields(record: unknown, s: Int32Array, d?: CheckedDates): boolean {',
		...body,
		'\treturn true;',
		'}',
		'',
		'/** True when the record satisfies the debtor JSON Schema (the same answer as ajv). */',
		'export function checkDebtorSchema(record: unknown): boolean {',
		'\treturn checkDebtorFields(record, ALL_DEBTOR_FIELDS, undefined);',
		'}',
		'',
		'/**',
		' * Every problem of the record against the debtor JSON Schema, in every field, as ajv reports them',
		' * with allErrors: the same paths, keywords, parameters and order. Empty exactly when',
		' * checkDebtorSchema is true. Run only for a record the check refused, to word its problems.',
		' */',
		'export function reportDebtorSchema(record: unknown): SchemaError[] {',
		'\tconst e: SchemaError[] = [];',
		...reportBody,
		'\treturn e;',
		'}',
		'',
	].join('\n');
}

/** `/claims/items/dueDate` as `claims.dueDate`: items of a list are named by the list. */
function dottedPath(where: string): string {
	return where
		.split('/')
		.filter((part) => part !== '' && part !== 'items')
		.join('.');
}

export function generatedSource(): string {
	return generateDebtorCheck(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
}

if (require.main === module) {
	const source = generatedSource();
	if (process.argv.includes('--check')) {
		const current = fs.existsSync(GENERATED) ? fs.readFileSync(GENERATED, 'utf8') : '';
		if (current !== source) {
			console.error(`${path.relative(ROOT, GENERATED)} is stale: run npx tsx build/debtorCheck.ts`);
			process.exit(1);
		}
	} else {
		fs.writeFileSync(GENERATED, source);
		console.log(`wrote ${path.relative(ROOT, GENERATED)}`);
	}
}
