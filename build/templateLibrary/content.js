/**
 * Reads the content files of the template library (templates/content/<language>/*.txt) into
 * sections, and resolves the text of one section for a stage, tone, register and channel.
 *
 * File syntax (see templates/README.md):
 *   ;; a comment line
 *   ## section-name                 applies to every tone and channel
 *   ## section-name @firm           only for the firm tone
 *   ## section-name @email,letter   only for these channels (tones and channels may be mixed)
 *   [[u-text|je-text]]              register alternatives (formal "u" | informal "je")
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const TONES = ['supportive', 'neutral', 'firm'];
const REGISTERS = ['u', 'je'];
const CHANNELS = ['email', 'letter', 'sms', 'whatsapp'];

class ContentError extends Error {
	constructor(file, line, message) {
		super(`${file}${line ? `:${line}` : ''}: ${message}`);
		this.name = 'ContentError';
	}
}

/** Parses one content file into [{ name, tones, channels, text, line }]. */
function parseContentFile(file, text) {
	const sections = [];
	let current = null;
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	lines.forEach((line, index) => {
		if (line.startsWith(';;')) return;
		const header = /^## +([a-z0-9-]+)((?: +@[a-z0-9,-]+)*) *$/.exec(line);
		if (header) {
			const selectors = header[2]
				.trim()
				.split(/\s+/)
				.filter(Boolean)
				.flatMap((token) => token.slice(1).split(','));
			const tones = selectors.filter((s) => TONES.includes(s));
			const channels = selectors.filter((s) => CHANNELS.includes(s));
			const unknown = selectors.filter((s) => !TONES.includes(s) && !CHANNELS.includes(s));
			if (unknown.length > 0) throw new ContentError(file, index + 1, `unknown selector @${unknown[0]} (tones: ${TONES.join(', ')}; channels: ${CHANNELS.join(', ')})`);
			current = { name: header[1], tones: tones.length ? tones : null, channels: channels.length ? channels : null, lines: [], line: index + 1 };
			sections.push(current);
			return;
		}
		if (line.startsWith('#')) throw new ContentError(file, index + 1, `"${line.slice(0, 40)}" looks like a section header; write "## name" or "## name @tone"`);
		if (!current) {
			if (line.trim() === '') return;
			throw new ContentError(file, index + 1, 'text before the first "## section" header');
		}
		current.lines.push(line);
	});
	return sections.map(({ lines: body, ...rest }) => ({ ...rest, text: body.join('\n').trim(), file }));
}

/** Reads every content file of one language: { common: sections, stages: { stage: sections } }. */
function readLanguage(dir, language, stages) {
	const folder = path.join(dir, language);
	const read = (name) => {
		const file = path.join(folder, `${name}.txt`);
		if (!fs.existsSync(file)) throw new ContentError(path.relative(process.cwd(), file), 0, 'file is missing');
		return parseContentFile(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8'));
	};
	const result = { common: read('_common'), stages: {} };
	for (const stage of stages) result.stages[stage] = read(stage);
	const extra = fs
		.readdirSync(folder)
		.filter((name) => name.endsWith('.txt') && name !== '_common.txt' && !stages.includes(name.slice(0, -4)));
	if (extra.length > 0) throw new ContentError(folder, 0, `files for unknown stages: ${extra.join(', ')}`);
	return result;
}

/**
 * The most specific section: one matching both tone and channel beats one matching either, which
 * beats a section without selectors. Ties are an authoring error.
 */
function pickSection(sections, name, tone, channel) {
	const candidates = sections.filter(
		(s) => s.name === name && (s.tones === null || s.tones.includes(tone)) && (s.channels === null || s.channels.includes(channel)),
	);
	if (candidates.length === 0) return null;
	const score = (s) => (s.tones ? 1 : 0) + (s.channels ? 2 : 0);
	candidates.sort((a, b) => score(b) - score(a));
	if (candidates.length > 1 && score(candidates[0]) === score(candidates[1])) {
		throw new ContentError(candidates[1].file, candidates[1].line, `two "## ${name}" sections apply to tone ${tone} and channel ${channel}`);
	}
	return candidates[0];
}

/** Resolves [[u|je]] alternatives for a register. */
function applyRegister(text, register, where) {
	const resolved = text.replace(/\[\[([^[\]]*?)\|([^[\]]*?)\]\]/g, (_, u, je) => (register === 'u' ? u : je));
	if (/\[\[|\]\]/.test(resolved)) throw new ContentError(where.file, where.line, 'unbalanced [[u|je]] alternative (each needs exactly one "|")');
	return resolved;
}

module.exports = { TONES, REGISTERS, CHANNELS, ContentError, parseContentFile, readLanguage, pickSection, applyRegister };
