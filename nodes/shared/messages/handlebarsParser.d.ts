/// <reference types="handlebars" />
/**
 * Handlebars' parser and escaping on their own, without the compiler that generates JavaScript
 * (custom templates are interpreted: templateInterpreter.ts). The package types only its main entry.
 */
declare module 'handlebars/dist/cjs/handlebars/compiler/base' {
	export function parse(input: string, options?: { srcName?: string; ignoreStandalone?: boolean }): hbs.AST.Program;
}

declare module 'handlebars/dist/cjs/handlebars/utils' {
	export function escapeExpression(value: unknown): string;
}
