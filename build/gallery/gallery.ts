/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * A static HTML preview of every template in the library, rendered with the sample data: one page per
 * e-mail and letter, and one page with every SMS and WhatsApp text. Written by `npx gulp gallery`
 * (to .test-results/gallery/, git-ignored) and by the Chromium gallery test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { STAGES, type Language, type Stage } from '../../nodes/shared/debtor/model';
import {
	REGISTERS,
	TONES,
	TemplateLibrary,
	composeMessage,
	escapeHtml,
	resolveBrand,
	resolveSelection,
	type ComposeOptions,
	type MessageChannel,
	type Register,
	type RenderedMessage,
	type Tone,
} from '../../nodes/shared/messages';
import { GENERATED_LIBRARY, GENERATED_SPECS } from '../../nodes/ToneTemplate/generated/library';
import { SAMPLE_BANK, SAMPLE_BRAND, sampleDebtor, sampleItem, sampleOptions } from './samples';

export const GALLERY_DIR = path.resolve(__dirname, '..', '..', '.test-results', 'gallery');

/** A small logo as an inline SVG, so the gallery loads no file from the network. */
export const SAMPLE_LOGO =
	'data:image/svg+xml;base64,' +
	Buffer.from(
		'<svg xmlns="http://www.w3.org/2000/svg" width="320" height="80" viewBox="0 0 320 80"><rect width="320" height="80" rx="10" fill="#00567d"/><text x="24" y="52" font-family="Arial" font-size="30" font-weight="bold" fill="#ffffff">Woonstad</text></svg>',
	).toString('base64');

export interface GalleryEntry {
	stage: Stage;
	channel: MessageChannel;
	tone: Tone;
	register: Register;
	language: Language;
	file?: string;
	message: RenderedMessage;
}

export function galleryOptions(): ComposeOptions {
	return sampleOptions({ brand: resolveBrand({ ...SAMPLE_BRAND, logoUrl: SAMPLE_LOGO }, SAMPLE_BANK) });
}

/** Renders one combination with the sample data. */
export function renderSample(library: TemplateLibrary, stage: Stage, channel: MessageChannel, tone: Tone, register: Register, language: Language, options = galleryOptions()): RenderedMessage {
	const item = sampleItem(stage, sampleDebtor({ language, register }));
	const selection = resolveSelection(
		{ stage, channel, tone, register, language, defaultTone: 'neutral', defaultRegister: 'u', defaultLanguage: 'nl', defaultChannel: 'email' },
		item,
	);
	return composeMessage(library, selection, item, options);
}

const PAGE_STYLE = `body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#1f2328}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:6px 8px;vertical-align:top;text-align:left;font-size:14px}code{font-size:12px}`;

/** Writes the gallery and returns its entries (files relative to `dir`). */
export function writeGallery(dir = GALLERY_DIR): GalleryEntry[] {
	const library = new TemplateLibrary(GENERATED_LIBRARY, GENERATED_SPECS);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, 'email'), { recursive: true });
	fs.mkdirSync(path.join(dir, 'letter'), { recursive: true });
	const options = galleryOptions();
	const entries: GalleryEntry[] = [];
	for (const stage of STAGES) {
		for (const language of GENERATED_LIBRARY.languages) {
			for (const tone of TONES) {
				for (const register of REGISTERS) {
					for (const channel of ['email', 'letter', 'sms'] as const) {
						const message = renderSample(library, stage, channel, tone, register, language, options);
						const entry: GalleryEntry = { stage, channel, tone, register, language, message };
						if (channel !== 'sms') {
							entry.file = `${channel}/${stage}.${tone}.${register}.${language}.html`;
							fs.writeFileSync(path.join(dir, entry.file), message.html ?? '');
						}
						entries.push(entry);
					}
				}
			}
			entries.push({ stage, channel: 'whatsapp', tone: 'neutral', register: 'u', language, message: renderSample(library, stage, 'whatsapp', 'neutral', 'u', language, options) });
		}
	}
	const rows = STAGES.map((stage) => {
		const links = (channel: 'email' | 'letter') =>
			entries
				.filter((e) => e.stage === stage && e.channel === channel)
				.map((e) => `<a href="${e.file}">${e.language} ${e.tone} ${e.register}</a>`)
				.join('<br>');
		return `<tr><td><strong>${stage}</strong><br>${escapeHtml(GENERATED_LIBRARY.stages[stage].title)}</td><td>${links('email')}</td><td>${links('letter')}</td></tr>`;
	});
	fs.writeFileSync(
		path.join(dir, 'index.html'),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Template gallery</title><style>${PAGE_STYLE}</style></head><body><h1>Template gallery</h1><p>Library ${GENERATED_LIBRARY.libraryVersion} (${GENERATED_LIBRARY.sourceHash}), sample day 2026-04-24. <a href="texts.html">SMS and WhatsApp texts</a></p><table><tr><th>Stage</th><th>E-mail</th><th>Letter</th></tr>${rows.join('')}</table></body></html>`,
	);
	const textRows = entries
		.filter((e) => e.channel === 'sms' || e.channel === 'whatsapp')
		.map((e) =>
			e.channel === 'sms'
				? `<tr><td>${e.stage}</td><td>SMS ${e.language} ${e.tone} ${e.register}</td><td>${escapeHtml(e.message.sms!.text)}</td><td>${e.message.sms!.encoding}, ${e.message.sms!.segments} segment(s), ${e.message.sms!.characters} characters</td></tr>`
				: `<tr><td>${e.stage}</td><td>WhatsApp ${e.language}</td><td>${escapeHtml(e.message.whatsapp!.text)}</td><td><code>${escapeHtml(e.message.whatsapp!.templateName)}</code><br>${e.message.whatsapp!.parameterNames.map((n, i) => `{{${i + 1}}} ${escapeHtml(n)}`).join('<br>')}</td></tr>`,
		);
	fs.writeFileSync(
		path.join(dir, 'texts.html'),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SMS and WhatsApp texts</title><style>${PAGE_STYLE}</style></head><body><h1>SMS and WhatsApp texts</h1><table><tr><th>Stage</th><th>Template</th><th>Text</th><th>Details</th></tr>${textRows.join('')}</table></body></html>`,
	);
	return entries;
}

if (require.main === module) {
	const started = Date.now();
	const entries = writeGallery();
	console.log(`Gallery: ${entries.length} templates rendered into ${path.relative(process.cwd(), GALLERY_DIR)}/index.html in ${Date.now() - started} ms`);
}
