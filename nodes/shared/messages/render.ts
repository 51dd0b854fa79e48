/**
 * Rendering of the precompiled template library with the Handlebars runtime only (no compiler, no
 * `new Function`). One isolated Handlebars environment per library: no global helpers or partials,
 * no prototype access, strict mode compiled in, so a missing value is an error naming the placeholder.
 */
import Handlebars from 'handlebars/runtime';

import type { Language, Stage } from '../debtor/model';
import {
	PART_NAMES,
	type DocumentEntry,
	type GeneratedLibrary,
	type PartName,
	type Register,
	type SmsEntry,
	type TemplateSpec,
	type Tone,
	type WhatsAppEntry,
} from './types';

type Render = (context: object, options?: Handlebars.RuntimeOptions) => string;

/** A template could not be rendered: names the template, the placeholder and where it is used. */
export class TemplateRenderError extends Error {
	readonly templateId: string;
	readonly placeholder?: string;
	readonly line?: number;
	readonly column?: number;
	readonly field: string;

	constructor(templateId: string, message: string, details: { placeholder?: string; line?: number; column?: number } = {}) {
		super(message);
		this.name = 'TemplateRenderError';
		this.templateId = templateId;
		this.placeholder = details.placeholder;
		this.line = details.line;
		this.column = details.column;
		this.field = details.placeholder ? `template ${templateId}: {{${details.placeholder}}}` : `template ${templateId}`;
	}
}

const MISSING = /^"([^"]+)" not defined in .*? - (\d+):(\d+)$/;

/** Turns a Handlebars runtime error into a TemplateRenderError that names the placeholder. */
export function describeRenderError(templateId: string, error: unknown, part?: string): TemplateRenderError {
	const message = error instanceof Error ? error.message : String(error);
	const missing = MISSING.exec(message);
	const where = part ? ` (${part})` : '';
	if (missing) {
		const [, placeholder, line, column] = missing;
		return new TemplateRenderError(
			templateId,
			`Template ${templateId}${where}: no value for placeholder {{${placeholder}}} (line ${line}, column ${Number(column) + 1})`,
			{ placeholder, line: Number(line), column: Number(column) + 1 },
		);
	}
	return new TemplateRenderError(templateId, `Template ${templateId}${where}: ${message}`);
}

/** Options that keep templates inside the data they are given. */
export const SAFE_RUNTIME_OPTIONS: Handlebars.RuntimeOptions = Object.freeze({
	allowProtoPropertiesByDefault: false,
	allowProtoMethodsByDefault: false,
	allowCallsToHelperMissing: false,
	helpers: {},
});

export interface RenderedDocument {
	subject: string;
	html: string;
	text: string;
}

export interface RenderedWhatsApp {
	templateName: string;
	language: string;
	category: 'UTILITY';
	parameterNames: string[];
	parameters: string[];
	/** The body with the parameters filled in (preview, or the text of a fallback). */
	text: string;
}

/** Collapses the blank lines hidden sections leave behind and trims trailing spaces. */
export function tidyText(text: string): string {
	// Most texts have nothing to tidy: look before running the replacements over a few KB.
	let out = text;
	if (out.includes(' \n') || out.includes('\t\n')) out = out.replace(/[ \t]+\n/g, '\n');
	if (out.includes('\n\n\n')) out = out.replace(/\n{3,}/g, '\n\n');
	return out.trim();
}

/** First sentence of a text (up to the first line break), for the preview line of an e-mail. */
function firstSentence(text: string): string {
	const start = text.search(/\S/);
	if (start === -1) return '';
	const lineEnd = text.indexOf('\n', start);
	const end = lineEnd === -1 ? Math.min(text.length, start + 150) : Math.min(lineEnd, start + 150);
	// Character codes, not one-character strings: this runs for every e-mail.
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if ((c === 46 || c === 33 || c === 63) && (i + 1 === end || text.charCodeAt(i + 1) === 32)) return text.slice(start, i + 1); // . ! ? then a space or the end
	}
	return text.slice(start, end);
}

export type DocumentChannel = 'email' | 'letter';

/** Runtime options of one document entry, and the plain-text lead of the render under way. */
interface DocumentOptions {
	text: Handlebars.RuntimeOptions;
	html: Handlebars.RuntimeOptions;
	lead: LeadCapture;
}

/** What the text layout's lead partial rendered, and for which context; `rendering` while it runs. */
interface LeadCapture {
	text: string | undefined;
	context: unknown;
	rendering: boolean;
}

/** The template library with its precompiled specs, rendered through one isolated runtime. */
export class TemplateLibrary {
	readonly data: GeneratedLibrary;
	private readonly env = Handlebars.create();
	private readonly specs: readonly TemplateSpec[];
	private readonly compiled: Array<Render | undefined>;
	private readonly documentOptions = new Map<string, DocumentOptions>();

	private readonly index = new Map<string, Map<string, Map<string, Map<string, Map<string, DocumentEntry | SmsEntry>>>>>();

	constructor(data: GeneratedLibrary, specs: readonly TemplateSpec[]) {
		this.data = data;
		this.specs = specs;
		this.compiled = new Array(specs.length);
		for (const [key, entry] of Object.entries(data.combos)) {
			let level: Map<string, unknown> = this.index as Map<string, unknown>;
			const parts = key.split('|');
			parts.forEach((part, i) => {
				if (i === parts.length - 1) level.set(part, entry);
				else {
					if (!level.has(part)) level.set(part, new Map());
					level = level.get(part) as Map<string, unknown>;
				}
			});
		}
	}

	/** The runtime function of spec `index`, created on first use. */
	template(index: number): Render {
		let render = this.compiled[index];
		if (render === undefined) {
			const spec = this.specs[index];
			if (spec === undefined) throw new RangeError(`The template library has no spec ${index}`);
			render = this.env.template(spec as Parameters<typeof Handlebars.template>[0]) as Render;
			this.compiled[index] = render;
		}
		return render;
	}

	key(stage: Stage, channel: DocumentChannel | 'sms', tone: Tone, register: Register, language: Language): string {
		return `${stage}|${channel}|${tone}|${register}|${language}`;
	}

	/** The entry of a combination, through a nested index (no key string per message). */
	private entry(stage: Stage, channel: DocumentChannel | 'sms', tone: Tone, register: Register, language: Language): DocumentEntry | SmsEntry | undefined {
		return this.index.get(stage)?.get(channel)?.get(tone)?.get(register)?.get(language);
	}

	document(stage: Stage, channel: DocumentChannel, tone: Tone, register: Register, language: Language): DocumentEntry | undefined {
		return this.entry(stage, channel, tone, register, language) as DocumentEntry | undefined;
	}

	sms(stage: Stage, tone: Tone, register: Register, language: Language): SmsEntry | undefined {
		return this.entry(stage, 'sms', tone, register, language) as SmsEntry | undefined;
	}

	whatsapp(stage: Stage, language: Language): WhatsAppEntry | undefined {
		return this.data.whatsapp[`${stage}|${language}`];
	}

	private run(templateId: string, index: number, view: object, options: Handlebars.RuntimeOptions, part?: string): string {
		const render = this.template(index);
		let result: string | TemplateRenderError;
		try {
			result = render(view, options);
		} catch (error) {
			result = describeRenderError(templateId, error, part);
		}
		if (result instanceof TemplateRenderError) throw result;
		return result;
	}

	/** Runtime options with the partials of a document entry, built once per entry. */
	private partialOptions(entry: DocumentEntry): DocumentOptions {
		let options = this.documentOptions.get(entry.id);
		if (options === undefined) {
			const text: Record<string, Render> = {};
			const html: Record<string, Render> = {};
			for (const name of PART_NAMES) {
				text[name] = this.template(entry.text[name as PartName]);
				html[name] = this.template(entry.html[name as PartName]);
			}
			// The preview line is the first sentence of the plain-text lead, which the text layout renders
			// anyway: keep that result rather than render the same template with the same view again.
			const leadTemplate = text.lead;
			const lead: LeadCapture = { text: undefined, context: undefined, rendering: false };
			text.lead = (context, runtime) => {
				lead.rendering = true;
				const rendered = leadTemplate(context, runtime);
				lead.rendering = false;
				lead.text = rendered;
				lead.context = context;
				return rendered;
			};
			options = { text: { ...SAFE_RUNTIME_OPTIONS, partials: text }, html: { ...SAFE_RUNTIME_OPTIONS, partials: html }, lead };
			this.documentOptions.set(entry.id, options);
		}
		return options;
	}

	/**
	 * Subject, HTML and plain text of an e-mail or letter. `view` must hold every variable the
	 * templates use; the view builder guarantees that, and strict mode reports what is missing.
	 * Sets `subject` and `preview` on the view for the layout.
	 */
	renderDocument(entry: DocumentEntry, view: Record<string, unknown>): RenderedDocument {
		const options = this.partialOptions(entry);
		const subjectTemplate = this.template(entry.subject);
		const leadTemplate = this.template(entry.text.lead);
		const textTemplate = this.template(entry.layout.text);
		const htmlTemplate = this.template(entry.layout.html);
		const lead = options.lead;
		lead.text = undefined;
		lead.rendering = false;
		// One try for the whole document; `part` says where a missing value was found.
		let part = 'subject';
		let result: RenderedDocument | TemplateRenderError;
		try {
			const subject = subjectTemplate(view, SAFE_RUNTIME_OPTIONS);
			// The layouts read the subject and a preview line (the first sentence of the lead).
			view.subject = subject;
			// The build makes library texts clean (no trailing spaces, no runs of blank lines, no space
			// at either end), so they need no tidying; a unit test holds every combination to that.
			part = 'text';
			const text = textTemplate(view, options.text);
			part = 'lead';
			view.preview = firstSentence(lead.text !== undefined && lead.context === view ? lead.text : leadTemplate(view, SAFE_RUNTIME_OPTIONS));
			part = 'html';
			result = { subject, html: htmlTemplate(view, options.html), text };
		} catch (error) {
			result = describeRenderError(entry.id, error, part === 'text' && lead.rendering ? 'lead' : part);
		}
		// The lead holds the debtor's data: not kept past the render.
		lead.text = undefined;
		lead.context = undefined;
		if (result instanceof TemplateRenderError) throw result;
		return result;
	}

	/** The SMS text of a combination (one line, no HTML escaping). */
	renderSms(entry: SmsEntry, view: Record<string, unknown>): string {
		return tidyText(this.run(entry.id, entry.text, view, SAFE_RUNTIME_OPTIONS, 'sms')).replace(/\s*\n\s*/g, ' ');
	}

	/** WhatsApp template name, language and the ordered parameter values. */
	renderWhatsApp(entry: WhatsAppEntry, view: Record<string, unknown>): RenderedWhatsApp {
		const parameters = entry.parameterNames.map((name) => {
			const value = Object.prototype.hasOwnProperty.call(view, name) ? view[name] : undefined;
			if (value === undefined || value === null || value === '') {
				throw new TemplateRenderError(entry.id, `Template ${entry.id}: no value for WhatsApp parameter {{${name}}}`, { placeholder: name });
			}
			// WhatsApp rejects parameters with line breaks, tabs or more than four spaces in a row.
			return String(value).replace(/[\r\n\t]+/g, ' ').replace(/ {4,}/g, '   ');
		});
		const text = tidyText(this.run(entry.id, entry.preview, view, SAFE_RUNTIME_OPTIONS, 'whatsapp'));
		return {
			templateName: entry.name,
			language: entry.language,
			category: entry.category,
			parameterNames: [...entry.parameterNames],
			parameters,
			text,
		};
	}
}
