/**
 * Shapes of the generated template library (nodes/ToneTemplate/generated/library.ts, written by
 * build/templateLibrary/library.js) and of a rendered message.
 */
import type { Language, Stage } from '../debtor/model';

export const TONES = ['supportive', 'neutral', 'firm'] as const;
export type Tone = (typeof TONES)[number];

export const REGISTERS = ['u', 'je'] as const;
export type Register = (typeof REGISTERS)[number];

/** Channels the library has templates for (phone calls are tasks for a person, not messages). */
export const MESSAGE_CHANNELS = ['email', 'sms', 'whatsapp', 'letter'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** What the one main action of a stage is. */
export type StageAction = 'pay' | 'arrangement' | 'choose-date' | 'help' | 'none';

export interface StageMeta {
	version: number;
	action: StageAction;
	/** Whether the "how to pay" block (link, bank transfer, QR) is shown. */
	payment: boolean;
	title: string;
}

/** A Handlebars template precompiled at build time (the object `Handlebars.precompile` describes). */
export type TemplateSpec = object;

export const PART_NAMES = ['greeting', 'lead', 'button', 'body', 'help', 'closing'] as const;
export type PartName = (typeof PART_NAMES)[number];

/** E-mail or letter: indexes into the spec list. */
export interface DocumentEntry {
	id: string;
	version: string;
	subject: number;
	html: Record<PartName, number>;
	text: Record<PartName, number>;
	layout: { html: number; text: number };
}

export interface SmsEntry {
	id: string;
	version: string;
	text: number;
}

export interface WhatsAppEntry {
	id: string;
	version: string;
	/** Name under which the template is registered with Meta (one per stage, version and language). */
	name: string;
	language: string;
	category: 'UTILITY';
	/** The body as registered, with positional {{1}}, {{2}} ... */
	body: string;
	/** The view fields that fill {{1}}, {{2}} ... in order. */
	parameterNames: string[];
	/** The body with named placeholders, to render a preview or an SMS fallback. */
	preview: number;
}

export interface GeneratedLibrary {
	libraryVersion: string;
	sourceHash: string;
	stages: Record<Stage, StageMeta>;
	languages: Language[];
	tones: Tone[];
	registers: Register[];
	variables: {
		common: Record<string, string>;
		layout: Record<string, string>;
		stages: Record<Stage, Record<string, string>>;
	};
	layouts: Record<string, { html: number; text: number }>;
	/** Key: `${stage}|${channel}|${tone}|${register}|${language}` (channel email, letter or sms). */
	combos: Record<string, DocumentEntry | SmsEntry>;
	/** Key: `${stage}|${language}`. */
	whatsapp: Record<string, WhatsAppEntry>;
}
