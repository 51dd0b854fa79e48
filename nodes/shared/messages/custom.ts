/**
 * Custom templates: a user's own text for a stage, replacing the library's. E-mails and letters are
 * MJML, compiled once per distinct source (MJML is loaded only when a custom template needs it);
 * subjects, plain texts and SMS are Handlebars text. Every source is parsed once per distinct text and
 * interpreted, never turned into code (templateInterpreter.ts: strict, built-in helpers only, own
 * properties only), and kept in memory. Errors name the template, the line and, at render time, the placeholder.
 */
import type { Language, Stage } from '../debtor/model';
import { htmlToText } from './htmlText';
import { readabilityWarnings } from './readability';
import { TemplateRenderError, describeRenderError, tidyText } from './render';
import { interpretTemplate } from './templateInterpreter';
import mjmlOptions from './mjmlOptions.json';
import type { MessageChannel } from './types';

/**
 * MJML's options, the same file as the library build's (build/templateLibrary/library.js): strict
 * validation, includes ignored, no minify or beautify (the node's bundle leaves those out).
 */
const MJML_OPTIONS = mjmlOptions as { validationLevel: 'strict'; keepComments: boolean; fonts: Record<string, string>; ignoreIncludes: boolean };

export interface CustomTemplateSource {
	stage: Stage;
	channel: MessageChannel;
	/** 'any' (default) applies to every language. */
	language?: Language | 'any';
	/** E-mail and letter: the subject (Handlebars text). */
	subject?: string;
	/** E-mail and letter: an MJML document; SMS: Handlebars text. */
	body: string;
	/** E-mail and letter: the plain-text version; default derived from the HTML. */
	text?: string;
}

/** A custom template that cannot be compiled; says which one, where and why. */
export class CustomTemplateError extends Error {
	readonly field: string;
	readonly line?: number;

	constructor(label: string, part: string, message: string, line?: number) {
		super(`Custom template ${label}, ${part}${line ? ` (line ${line})` : ''}: ${message}`);
		this.name = 'CustomTemplateError';
		this.field = `customTemplates.${label}.${part}`;
		this.line = line;
	}
}

type Render = (context: object) => string;

export interface CompiledCustomTemplate {
	id: string;
	version: string;
	stage: Stage;
	channel: MessageChannel;
	language: Language | 'any';
	subject?: Render;
	html?: Render;
	text: Render;
	/** Plain-language warnings about the template's own wording. */
	warnings: string[];
}

// Compiled templates by source (with the escaping mode) and MJML renderings by source, read through
// compileHandlebars and compileMjml only. Invariants: an entry depends on nothing but its key (the
// options are constants), errors are kept as well and thrown again; at most CACHE_LIMIT each, the
// oldest dropped first (remember).
const cache = new Map<string, Render | CustomTemplateError>();
const mjmlCache = new Map<string, Promise<string | CustomTemplateError>>();
const CACHE_LIMIT = 200;

/** How many distinct sources are compiled and kept (for tests and diagnostics). */
export function customTemplateCacheSizes(): { handlebars: number; mjml: number } {
	return { handlebars: cache.size, mjml: mjmlCache.size };
}

/** FNV-1a (two 32-bit lanes) as 16 hex characters: a stable version tag for a custom template. */
function fingerprint(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193) >>> 0;
		b = Math.imul(b ^ c ^ (a >>> 7), 0x01000193) >>> 0;
	}
	return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
	if (map.size >= CACHE_LIMIT) map.delete(map.keys().next().value as string);
	map.set(key, value);
	return value;
}

/** Handlebars compile errors carry "Parse error on line N" or a line/column; pull the line out. */
function lineOf(message: string): number | undefined {
	const match = /line (\d+)/i.exec(message) ?? / - (\d+):\d+/.exec(message);
	return match ? Number(match[1]) : undefined;
}

/** Parses and checks Handlebars source once per distinct source and escaping mode (templateInterpreter.ts). */
function compileHandlebars(source: string, escape: boolean, label: string, part: string): Render {
	const key = `${escape ? 'H' : 'T'}\u0000${source}`;
	let compiled = cache.get(key);
	if (compiled === undefined) {
		let result: Render | CustomTemplateError;
		try {
			// Parsed and checked now, so syntax errors and refused constructs surface when the node starts.
			result = interpretTemplate(source, escape);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			result = new CustomTemplateError(label, part, message.replace(/\s*\n\s*/g, ' '), lineOf(message));
		}
		compiled = remember(cache, key, result);
	}
	if (compiled instanceof CustomTemplateError) throw compiled;
	return compiled;
}

/** MJML to HTML once per distinct source; errors carry MJML's line numbers. */
async function compileMjml(source: string, label: string): Promise<string> {
	let pending = mjmlCache.get(source);
	if (pending === undefined) {
		pending = (async () => {
			const { default: mjml2html } = await import('mjml');
			let result: { html: string; errors: Array<{ line: number; message: string }> } | CustomTemplateError;
			try {
				result = await mjml2html(source, MJML_OPTIONS);
			} catch (error) {
				const details = (error as { errors?: Array<{ line: number; message: string }> }).errors;
				result = details?.length
					? new CustomTemplateError(label, 'body', details.map((e) => `line ${e.line}: ${e.message}`).join('; '), details[0].line)
					: new CustomTemplateError(label, 'body', `MJML: ${error instanceof Error ? error.message : String(error)}`);
			}
			if (result instanceof CustomTemplateError) return result;
			if (result.errors.length > 0) {
				return new CustomTemplateError(label, 'body', result.errors.map((e) => `line ${e.line}: ${e.message}`).join('; '), result.errors[0].line);
			}
			return result.html;
		})();
		remember(mjmlCache, source, pending);
	}
	const html = await pending;
	if (html instanceof CustomTemplateError) throw html;
	return html;
}

/** Compiles one custom template (MJML first for e-mails and letters). */
export async function compileCustomTemplate(source: CustomTemplateSource): Promise<CompiledCustomTemplate> {
	const language: Language | 'any' = source.language === 'nl' || source.language === 'en' ? source.language : 'any';
	const label = `${source.stage}/${source.channel}/${language}`;
	if (source.channel === 'whatsapp') {
		throw new CustomTemplateError(label, 'channel', 'WhatsApp templates are registered with Meta; use the library template names, not a custom text');
	}
	if (!source.body || source.body.trim() === '') throw new CustomTemplateError(label, 'body', 'is empty');
	const version = fingerprint(JSON.stringify([source.subject ?? '', source.body, source.text ?? '']));
	const compiled: CompiledCustomTemplate = {
		id: `custom/${source.stage}/${source.channel}/${language}`,
		version,
		stage: source.stage,
		channel: source.channel,
		language,
		text: () => '',
		warnings: [],
	};
	if (source.channel === 'sms') {
		compiled.text = compileHandlebars(source.body, false, label, 'body');
		compiled.warnings = readabilityWarnings(source.body.replace(/\{\{[^}]*\}\}/g, 'x'), language === 'en' ? 'en' : 'nl');
		return compiled;
	}
	if (!source.subject || source.subject.trim() === '') throw new CustomTemplateError(label, 'subject', 'is empty: e-mails and letters need a subject');
	if (!/^\s*<mjml[\s>]/.test(source.body)) throw new CustomTemplateError(label, 'body', 'must be an MJML document starting with <mjml>', 1);
	const html = await compileMjml(source.body, label);
	compiled.subject = compileHandlebars(source.subject, false, label, 'subject');
	compiled.html = compileHandlebars(html, true, label, 'body');
	if (source.text && source.text.trim() !== '') {
		compiled.text = compileHandlebars(source.text, false, label, 'text');
		compiled.warnings = readabilityWarnings(source.text.replace(/\{\{[^}]*\}\}/g, 'x'), language === 'en' ? 'en' : 'nl');
	} else {
		const htmlRender = compiled.html;
		compiled.text = (view) => htmlToText(htmlRender(view));
	}
	return compiled;
}

/** Renders a custom template with a view; a missing value is a TemplateRenderError naming it. */
export function renderCustom(template: CompiledCustomTemplate, view: Record<string, unknown>): { subject?: string; html?: string; text: string } {
	const run = (render: Render, part: string): string => {
		let result: string | TemplateRenderError;
		try {
			result = render(view);
		} catch (error) {
			result = describeRenderError(template.id, error, part);
		}
		if (result instanceof TemplateRenderError) throw result;
		return result;
	};
	const subject = template.subject ? run(template.subject, 'subject') : undefined;
	if (subject !== undefined) view.subject = subject;
	const html = template.html ? run(template.html, 'body') : undefined;
	return { subject, html, text: tidyText(run(template.text, 'text')) };
}

/** The compiled custom templates of a run, looked up by stage, channel and language. */
export class CustomTemplateSet {
	private readonly byKey = new Map<string, CompiledCustomTemplate>();

	constructor(templates: CompiledCustomTemplate[]) {
		for (const template of templates) {
			const key = `${template.stage}|${template.channel}|${template.language}`;
			if (this.byKey.has(key)) {
				throw new CustomTemplateError(`${template.stage}/${template.channel}/${template.language}`, 'stage', 'is defined twice');
			}
			this.byKey.set(key, template);
		}
	}

	get size(): number {
		return this.byKey.size;
	}

	/** The template for a language, or the one for any language. */
	find(stage: Stage, channel: MessageChannel, language: Language): CompiledCustomTemplate | undefined {
		return this.byKey.get(`${stage}|${channel}|${language}`) ?? this.byKey.get(`${stage}|${channel}|any`);
	}
}

/** Compiles a list of custom templates (each distinct source once) into a lookup set. */
export async function prepareCustomTemplates(sources: CustomTemplateSource[]): Promise<CustomTemplateSet> {
	const compiled: CompiledCustomTemplate[] = [];
	for (const source of sources) compiled.push(await compileCustomTemplate(source));
	return new CustomTemplateSet(compiled);
}
