/**
 * Custom Handlebars templates, interpreted: Handlebars' parser makes the syntax tree, and this module
 * walks it for the subset a custom template may use. Nothing is turned into JavaScript, so a template
 * cannot become code (n8n's verification scan refuses `new Function`, which Handlebars' compiler uses).
 *
 * The subset, with Handlebars' meaning in strict mode with only its built-in helpers:
 * - text, comments, `{{path}}`, `{{{path}}}` and `{{& path}}`; paths with `this`, `../`, `@index`,
 *   `@key`, `@first`, `@last`, `@root` and block parameters (`as |item index|`);
 * - blocks: `{{#if}}`, `{{#unless}}` (both with `includeZero=true`), `{{#each}}`, `{{#with}}`,
 *   `{{else}}` and `{{else if ...}}`, and sections over the data (`{{#name}}`, `{{^name}}`);
 * - the `lookup` helper, also as a sub-expression.
 * Refused when the template is compiled: partials, decorators, any other helper, hash arguments other
 * than `includeZero`. At render time only a value's own properties are read (never `constructor`,
 * `__proto__` or anything inherited) and functions in the data are never called.
 * A missing value is an error in Handlebars' strict-mode words (`"name" not defined in ... - line:column`),
 * which describeRenderError turns into the message naming the placeholder.
 */
import { parse } from 'handlebars/dist/cjs/handlebars/compiler/base';
import { escapeExpression } from 'handlebars/dist/cjs/handlebars/utils';

type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type Hash = hbs.AST.Hash;
type Params = { path: PathExpression; params: Expression[]; hash?: Hash; loc: hbs.AST.SourceLocation };

/** The block helpers of the subset and how many arguments each takes. */
const BLOCK_HELPERS: Record<string, number> = { if: 1, unless: 1, each: 1, with: 1 };
const INLINE_HELPERS: Record<string, number> = { lookup: 2 };

/** A template outside the subset or with a syntax error; the message ends with " - line:column" where known. */
export class TemplateSyntaxError extends Error {
	constructor(message: string, loc?: hbs.AST.SourceLocation) {
		super(loc ? `${message} - ${loc.start.line}:${loc.start.column}` : message);
		this.name = 'TemplateSyntaxError';
	}
}

/** A render-time error in Handlebars' own words, so describeRenderError reads it the same way. */
function notDefined(name: string, loc: hbs.AST.SourceLocation | undefined): Error {
	return new Error(`"${name}" not defined in the data${loc ? ` - ${loc.start.line}:${loc.start.column}` : ''}`);
}

/** Data variables of the current block (`@index` ...), chained to the enclosing block's. */
interface DataFrame {
	[key: string]: unknown;
	_parent?: DataFrame;
}

interface Scope {
	/** Contexts, innermost first: a new one only when a block changes the context (Handlebars' `depths`). */
	depths: unknown[];
	data: DataFrame;
	/** Block parameters, innermost block first. */
	blockParams: Array<{ names: string[]; values: unknown[] }>;
}

const hasOwn = (value: unknown, key: string): boolean =>
	value !== null && value !== undefined && Object.prototype.hasOwnProperty.call(value, key);

/** A value's own property, or undefined: nothing inherited, so no `constructor` or `__proto__`. */
function own(value: unknown, key: string): unknown {
	return hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function isEmpty(value: unknown): boolean {
	return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
}

// ---------------------------------------------------------------------------------------------
// Checking the tree once, when the template is compiled.

function checkProgram(program: Program | undefined): void {
	if (!program) return;
	for (const statement of program.body) checkStatement(statement);
}

function checkStatement(statement: Statement): void {
	switch (statement.type) {
		case 'ContentStatement':
		case 'CommentStatement':
			return;
		case 'MustacheStatement': {
			const mustache = statement as hbs.AST.MustacheStatement;
			if (mustache.path.type !== 'PathExpression') throw new TemplateSyntaxError(`a placeholder must name a field, not the value ${JSON.stringify((mustache.path as hbs.AST.StringLiteral).original)}`, statement.loc);
			checkCall(mustache as Params, false);
			return;
		}
		case 'BlockStatement': {
			const block = statement as hbs.AST.BlockStatement;
			checkCall(block, true);
			checkProgram(block.program);
			checkProgram(block.inverse);
			return;
		}
		case 'PartialStatement':
		case 'PartialBlockStatement':
			throw new TemplateSyntaxError('partials ({{> name}}) are not allowed in custom templates', statement.loc);
		case 'Decorator':
		case 'DecoratorBlock':
			throw new TemplateSyntaxError('decorators ({{* name}}) are not allowed in custom templates', statement.loc);
		default:
			throw new TemplateSyntaxError(`${statement.type} is not allowed in custom templates`, statement.loc);
	}
}

/** `this.x`, `./x`: a path that names the context, never a helper or block parameter (Handlebars' scopedId). */
const SCOPED = /^\.|this\b/;

function helperName(path: PathExpression): string | undefined {
	return !path.data && path.depth === 0 && path.parts.length === 1 && !SCOPED.test(path.original) ? path.parts[0] : undefined;
}

function checkCall(call: Params, block: boolean): void {
	const name = helperName(call.path);
	const hashKeys = (call.hash?.pairs ?? []).map((pair) => pair.key);
	const hasArguments = call.params.length > 0 || hashKeys.length > 0;
	if (name !== undefined && hasOwn(BLOCK_HELPERS, name)) {
		if (!block) throw new TemplateSyntaxError(`{{${name}}} is a block: write {{#${name} ...}}...{{/${name}}}`, call.loc);
		if (call.params.length !== BLOCK_HELPERS[name]) throw new TemplateSyntaxError(`#${name} requires exactly one argument`, call.loc);
		const allowed = name === 'if' || name === 'unless' ? ['includeZero'] : [];
		const refused = hashKeys.find((key) => !allowed.includes(key));
		if (refused) throw new TemplateSyntaxError(`#${name} does not take ${refused}=`, call.loc);
	} else if (name !== undefined && hasOwn(INLINE_HELPERS, name)) {
		if (block) throw new TemplateSyntaxError(`${name} is not a block helper`, call.loc);
		if (call.params.length !== INLINE_HELPERS[name] || hashKeys.length > 0) throw new TemplateSyntaxError(`${name} takes exactly ${INLINE_HELPERS[name]} arguments`, call.loc);
	} else if (hasArguments) {
		// Handlebars' own words for knownHelpersOnly, so existing messages stay the same.
		throw new TemplateSyntaxError(`You specified knownHelpersOnly, but used the unknown helper ${call.path.parts[0] ?? call.path.original}`, call.loc);
	}
	for (const param of [...call.params, ...(call.hash?.pairs ?? []).map((pair) => pair.value)]) checkExpression(param);
}

function checkExpression(expression: Expression): void {
	if (expression.type === 'SubExpression') {
		const sub = expression as hbs.AST.SubExpression;
		const name = helperName(sub.path);
		if (name === undefined || !hasOwn(INLINE_HELPERS, name)) {
			throw new TemplateSyntaxError(`You specified knownHelpersOnly, but used the unknown helper ${sub.path.original}`, sub.loc);
		}
		checkCall(sub, false);
	} else if (!['PathExpression', 'StringLiteral', 'NumberLiteral', 'BooleanLiteral', 'UndefinedLiteral', 'NullLiteral'].includes(expression.type)) {
		throw new TemplateSyntaxError(`${expression.type} is not allowed in custom templates`, expression.loc);
	}
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/** The value of a path; `strict` (a placeholder or a section) wants its last part to exist. */
function resolvePath(path: PathExpression, scope: Scope, strict: boolean): unknown {
	const parts = path.parts;
	let value: unknown;
	let start = 0;
	if (path.data) {
		let frame: DataFrame | undefined = scope.data;
		for (let depth = path.depth; depth > 0 && frame; depth--) frame = frame._parent;
		value = frame;
	} else {
		const blockParam = path.depth === 0 && !SCOPED.test(path.original) && parts.length > 0 ? findBlockParam(scope, parts[0]) : undefined;
		if (blockParam) {
			value = blockParam.value;
			start = 1;
		} else {
			value = scope.depths[path.depth];
		}
	}
	for (let i = start; i < parts.length; i++) {
		// Handlebars' strict mode: a placeholder's last part must exist, and no part may be read from
		// nothing. Only a value's own properties count.
		if (value === null || value === undefined || (strict && i === parts.length - 1 && !hasOwn(value, parts[i]))) throw notDefined(parts[i], path.loc);
		value = own(value, parts[i]);
	}
	return value;
}

function findBlockParam(scope: Scope, name: string): { value: unknown } | undefined {
	for (const frame of scope.blockParams) {
		const index = frame.names.indexOf(name);
		if (index !== -1) return { value: frame.values[index] };
	}
	return undefined;
}

function evaluate(expression: Expression, scope: Scope): unknown {
	switch (expression.type) {
		case 'PathExpression':
			return resolvePath(expression as PathExpression, scope, false);
		case 'SubExpression':
			return callInline(expression as hbs.AST.SubExpression, scope);
		case 'StringLiteral':
		case 'NumberLiteral':
		case 'BooleanLiteral':
			return (expression as hbs.AST.StringLiteral).value;
		case 'NullLiteral':
			return null;
		default:
			return undefined;
	}
}

function callInline(call: Params, scope: Scope): unknown {
	// `lookup` is the only inline helper: a field of a value, read like any path (own properties only).
	const [object, field] = call.params.map((param) => evaluate(param, scope));
	if (!object) return object;
	return own(object, String(field));
}

function withContext(scope: Scope, context: unknown, data: DataFrame, blockParams?: { names: string[]; values: unknown[] }): Scope {
	return {
		depths: context === scope.depths[0] ? scope.depths : [context, ...scope.depths],
		data,
		blockParams: blockParams && blockParams.names.length > 0 ? [blockParams, ...scope.blockParams] : scope.blockParams,
	};
}

function frame(parent: DataFrame, values: Record<string, unknown>): DataFrame {
	return { ...parent, ...values, _parent: parent };
}

class Renderer {
	constructor(private readonly escape: boolean) {}

	program(program: Program | undefined, scope: Scope): string {
		if (!program) return '';
		let out = '';
		for (const statement of program.body) out += this.statement(statement, scope);
		return out;
	}

	private statement(statement: Statement, scope: Scope): string {
		switch (statement.type) {
			case 'ContentStatement':
				return (statement as hbs.AST.ContentStatement).value;
			case 'MustacheStatement':
				return this.mustache(statement as hbs.AST.MustacheStatement, scope);
			case 'BlockStatement':
				return this.block(statement as hbs.AST.BlockStatement, scope);
			default:
				return '';
		}
	}

	private mustache(mustache: hbs.AST.MustacheStatement, scope: Scope): string {
		const call = mustache as Params;
		const value = helperName(call.path) === 'lookup' ? callInline(call, scope) : resolvePath(call.path, scope, true);
		if (typeof value === 'function') throw new Error(`"${call.path.original}" is not a value - ${call.loc.start.line}:${call.loc.start.column}`);
		if (mustache.escaped && this.escape) return escapeExpression(value);
		return value === null || value === undefined ? '' : String(value);
	}

	private block(block: hbs.AST.BlockStatement, scope: Scope): string {
		const name = helperName(block.path);
		const names = block.program?.blockParams ?? [];
		const fn = (context: unknown, data: DataFrame, values: unknown[] = []) => this.program(block.program, withContext(scope, context, data, { names, values }));
		const inverse = () => this.program(block.inverse, scope);
		if (name === 'if' || name === 'unless') {
			const value = evaluate(block.params[0], scope);
			const includeZero = block.hash?.pairs.some((pair) => pair.key === 'includeZero' && evaluate(pair.value, scope));
			const truthy = !((!includeZero && !value) || isEmpty(value));
			if (typeof value === 'function') throw new Error(`"${block.path.original}" argument is not a value - ${block.loc.start.line}:${block.loc.start.column}`);
			return truthy === (name === 'if') ? this.program(block.program, scope) : inverse();
		}
		if (name === 'with') {
			const value = evaluate(block.params[0], scope);
			return isEmpty(value) ? inverse() : fn(value, scope.data, [value]);
		}
		if (name === 'each') return this.each(evaluate(block.params[0], scope), scope, fn, inverse);
		// A section over the data (Handlebars' blockHelperMissing).
		const value = resolvePath(block.path, scope, true);
		if (value === true) return fn(scope.depths[0], scope.data);
		if (value === false || value === null || value === undefined) return inverse();
		if (Array.isArray(value)) return value.length > 0 ? this.each(value, scope, fn, inverse) : inverse();
		if (typeof value === 'function') throw new Error(`"${block.path.original}" is not a value - ${block.loc.start.line}:${block.loc.start.column}`);
		return fn(value, scope.data);
	}

	private each(value: unknown, scope: Scope, fn: (context: unknown, data: DataFrame, values?: unknown[]) => string, inverse: () => string): string {
		let out = '';
		let count = 0;
		if (value && typeof value === 'object') {
			if (Array.isArray(value)) {
				for (let i = 0; i < value.length; i++) {
					if (!(i in value)) continue;
					out += fn(value[i], frame(scope.data, { key: i, index: i, first: i === 0, last: i === value.length - 1 }), [value[i], i]);
					count++;
				}
			} else {
				const keys = Object.keys(value);
				keys.forEach((key, i) => {
					const item = (value as Record<string, unknown>)[key];
					out += fn(item, frame(scope.data, { key, index: i, first: i === 0, last: i === keys.length - 1 }), [item, key]);
					count++;
				});
			}
		}
		return count === 0 ? inverse() : out;
	}
}

export type InterpretedTemplate = (context: object) => string;

/**
 * Parses a template and checks it against the subset; the result renders it with a context.
 * `escape`: HTML-escape `{{...}}` (HTML bodies) or not (subjects, plain texts, SMS).
 */
export function interpretTemplate(source: string, escape: boolean): InterpretedTemplate {
	const program = parse(source);
	checkProgram(program);
	const renderer = new Renderer(escape);
	return (context) => renderer.program(program, { depths: [context], data: { root: context }, blockParams: [] });
}
