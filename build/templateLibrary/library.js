/**
 * Builds the template library: content files + MJML layouts -> HTML (MJML compiled once per layout)
 * -> Handlebars templates precompiled to JavaScript -> one generated TypeScript module that the
 * Tone Template node imports and esbuild bundles. Nothing here runs inside n8n.
 *
 *   generateLibrary()  -> { source, summary }   (pure: reads templates/, returns the module text)
 *   writeLibrary()     -> writes nodes/ToneTemplate/generated/library.ts when it changed
 *
 * Used by the gulp task `templates` (before `compile`) and by the unit test that fails when the
 * committed generated module is stale.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Handlebars = require('handlebars');

const { TONES, REGISTERS, ContentError, readLanguage, pickSection, applyRegister } = require('./content');
const { toHtml, toText, toLine } = require('./markup');

const ROOT = path.resolve(__dirname, '..', '..');
const TEMPLATES = path.join(ROOT, 'templates');
const OUTPUT = path.join(ROOT, 'nodes', 'ToneTemplate', 'generated', 'library.ts');

/** Colour written into the MJML sources and replaced by {{brandColour}} after compiling. */
const COLOUR_SENTINEL = '#0a0b0c';
const PART_NAMES = ['greeting', 'lead', 'button', 'body', 'help', 'closing'];
// The same options as custom templates at run time (one file): strict validation, no includes, no
// minify or beautify (the node's bundle leaves those out, see gulpfile.js).
const MJML_OPTIONS = require('../../nodes/shared/messages/mjmlOptions.json');
const HTML_COMPILE = { strict: true, knownHelpersOnly: true, preventIndent: true };
const TEXT_COMPILE = { ...HTML_COMPILE, noEscape: true };

function sha(text) {
	return crypto.createHash('sha256').update(text).digest('hex');
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));
}

/** Every {{name}} a Handlebars source reads, outside #each blocks (item fields are not view fields). */
function placeholdersOf(source, where) {
	let ast;
	try {
		ast = Handlebars.parse(source);
	} catch (error) {
		throw new ContentError(where, 0, `Handlebars syntax error: ${error.message}`);
	}
	const names = new Set();
	const visitPath = (node) => {
		if (node && node.type === 'PathExpression' && !node.data && node.parts.length > 0) names.add(node.parts[0]);
	};
	const walk = (nodes) => {
		for (const node of nodes || []) {
			if (node.type === 'MustacheStatement') visitPath(node.path);
			if (node.type === 'BlockStatement') {
				(node.params || []).forEach(visitPath);
				if (node.path.original !== 'each') walk(node.program && node.program.body);
				walk(node.inverse && node.inverse.body);
			}
			if (node.type === 'PartialStatement') continue;
		}
	};
	walk(ast.body);
	for (const helper of ['if', 'unless', 'each', 'with', 'this']) names.delete(helper);
	return names;
}

function checkPlaceholders(source, allowed, where) {
	for (const name of placeholdersOf(source, where)) {
		if (!allowed.has(name)) {
			throw new ContentError(where, 0, `uses {{${name}}}, which is not a declared variable for this stage (templates/variables.json)`);
		}
	}
}

/** Replaces [%name%] macros in a layout with the register-resolved text of a common section. */
function expandMacros(layout, sections, register, convert, where) {
	return layout.replace(/\[%([a-z0-9-]+)%\]/g, (_, name) => {
		const section = pickSection(sections, name, 'neutral', where.channel);
		if (!section) throw new ContentError(where.file, 0, `layout macro [%${name}%] has no "## ${name}" section in _common.txt`);
		return convert(applyRegister(section.text, register, section));
	});
}

/** Strips the <p> wrapper of a one-paragraph section, for macros used inline in the layout. */
function inlineHtmlOf(text, channel) {
	const html = toHtml(text, channel);
	const single = /^<p style="[^"]*">([\s\S]*)<\/p>$/.exec(html);
	return single && !single[1].includes('<p') ? single[1] : html;
}

async function compileMjml(mjml2html, source, where) {
	let result;
	try {
		result = await mjml2html(source, MJML_OPTIONS);
	} catch (error) {
		const details = (error.errors || []).map((e) => `line ${e.line}: ${e.message}`).join('; ');
		throw new ContentError(where, 0, `MJML: ${details || error.message}`);
	}
	if (result.errors && result.errors.length > 0) {
		throw new ContentError(where, 0, `MJML: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
	}
	return result.html
		.split(COLOUR_SENTINEL)
		.join('{{brandColour}}')
		.replace(/>\s+</g, '>\n<')
		.replace(/[ \t]+\n/g, '\n')
		.trim();
}

/** WhatsApp: named placeholders in order of first use -> positional {{1}}, {{2}} ... */
function positional(text, where) {
	const names = [];
	const body = text.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g, (_, name) => {
		if (!names.includes(name)) names.push(name);
		return `{{${names.indexOf(name) + 1}}}`;
	});
	if (/\{\{[#/^]/.test(text)) throw new ContentError(where.file, where.line, 'WhatsApp templates cannot contain conditionals');
	if (/^\{\{|\}\}[.!?]?$/.test(body.trim())) throw new ContentError(where.file, where.line, 'a WhatsApp template may not start or end with a placeholder');
	if (/\}\}\s*\{\{/.test(body)) throw new ContentError(where.file, where.line, 'a WhatsApp template may not have two placeholders next to each other');
	return { body, names };
}

// The precompiled code carries a fallback for runtimes older than 4.6 that lack lookupProperty; the
// bundled runtime (4.7.10) always has it, and the fallback would bypass its prototype-access checks.
const LOOKUP_FALLBACK = /lookupProperty = container\.lookupProperty \|\| function\(parent, propertyName\) \{\n\s*if \(Object\.prototype\.hasOwnProperty\.call\(parent, propertyName\)\) \{\n\s*return parent\[propertyName\];\n\s*\}\n\s*return undefined\n\s*\}/g;

function slim(precompiled) {
	return precompiled.replace(LOOKUP_FALLBACK, 'lookupProperty = container.lookupProperty');
}

/**
 * The MJML source of a layout for one register and language, with the shared texts filled in and
 * the Handlebars placeholders still in it (what the build hands to MJML). Used by the benchmark to
 * measure the naive pipeline: Handlebars into MJML, then MJML compiled per message.
 */
function layoutMjmlSource(channel, register, language) {
	const manifest = readJson('manifest.json');
	const content = readLanguage(path.join(TEMPLATES, 'content'), language, Object.keys(manifest.stages));
	const mjml = fs.readFileSync(path.join(TEMPLATES, 'layouts', `${channel}.mjml`), 'utf8');
	const where = { file: `templates/content/${language}/_common.txt`, channel };
	return expandMacros(mjml, content.common, register, (t) => inlineHtmlOf(t, channel), where).replace(/\{\{lang\}\}/g, language);
}

async function generateLibrary() {
	const mjml2html = require('mjml');
	const manifest = readJson('manifest.json');
	const variables = readJson('variables.json');
	const stages = Object.keys(manifest.stages);
	const languages = manifest.languages;
	const specs = [];
	const specIndex = new Map();
	/** Precompiles once per distinct source and options. */
	const spec = (source, options) => {
		const key = `${options.noEscape ? 'T' : 'H'}\u0000${source}`;
		if (!specIndex.has(key)) {
			specIndex.set(key, specs.length);
			specs.push(slim(Handlebars.precompile(source, options)));
		}
		return specIndex.get(key);
	};

	const commonVariables = new Set(Object.keys(variables.common));
	const layoutVariables = new Set([...commonVariables, ...Object.keys(variables.layout)]);
	const allowedFor = (stage) => new Set([...commonVariables, ...Object.keys(variables.stages[stage] || {})]);
	for (const stage of stages) if (!variables.stages[stage]) throw new ContentError('templates/variables.json', 0, `no entry for stage ${stage}`);

	const layouts = {};
	const layoutSources = {};
	const content = {};
	for (const language of languages) {
		content[language] = readLanguage(path.join(TEMPLATES, 'content'), language, stages);
		const common = content[language].common;
		for (const channel of ['email', 'letter']) {
			const mjmlFile = `templates/layouts/${channel}.mjml`;
			const textFile = `templates/layouts/${channel}.txt`;
			const text = fs.readFileSync(path.join(ROOT, textFile), 'utf8');
			for (const register of REGISTERS) {
				const key = `${channel}|${register}|${language}`;
				const where = { file: `templates/content/${language}/_common.txt`, channel };
				const mjmlSource = layoutMjmlSource(channel, register, language);
				const html = await compileMjml(mjml2html, mjmlSource, `${mjmlFile} (${language}, ${register})`);
				// No trailing newline: the rendered text then needs no trimming.
				const textSource = expandMacros(text, common, register, (t) => toText(t), where).replace(/\s+$/, '');
				checkPlaceholders(html, layoutVariables, `${mjmlFile} (${language}, ${register})`);
				checkPlaceholders(textSource, layoutVariables, `${textFile} (${language}, ${register})`);
				layoutSources[key] = { html, text: textSource };
				layouts[key] = { html: spec(html, HTML_COMPILE), text: spec(textSource, TEXT_COMPILE) };
			}
		}
	}

	const combos = {};
	const whatsapp = {};
	let count = 0;
	for (const language of languages) {
		const { common, stages: stageSections } = content[language];
		for (const stage of stages) {
			const meta = manifest.stages[stage];
			const sections = stageSections[stage];
			const allowed = allowedFor(stage);
			const resolve = (name, tone, register, channel, required = true) => {
				const section = pickSection(sections, name, tone, channel) || pickSection(common, name, tone, channel);
				if (!section) {
					if (!required) return null;
					throw new ContentError(`templates/content/${language}/${stage}.txt`, 0, `no "## ${name}" section for tone ${tone}, channel ${channel} (nor in _common.txt)`);
				}
				const text = applyRegister(section.text, register, section);
				checkPlaceholders(text, allowed, `${section.file}:${section.line} (## ${name})`);
				return text;
			};
			for (const tone of TONES) {
				for (const register of REGISTERS) {
					for (const channel of ['email', 'letter']) {
						const subject = resolve('subject', tone, register, channel);
						const parts = {};
						for (const name of PART_NAMES) parts[name] = resolve(name, tone, register, channel);
						const layout = layoutSources[`${channel}|${register}|${language}`];
						const hash = sha(JSON.stringify([subject, parts, layout, meta]));
						combos[`${stage}|${channel}|${tone}|${register}|${language}`] = {
							id: `${stage}/${channel}/${tone}/${register}/${language}`,
							version: `${meta.version}.${hash.slice(0, 8)}`,
							subject: spec(toLine(subject), TEXT_COMPILE),
							// The button label is inline text inside <a>; the other parts are blocks of paragraphs.
							html: Object.fromEntries(PART_NAMES.map((name) => [name, spec(name === 'button' ? inlineHtmlOf(parts[name], channel) : toHtml(parts[name], channel), HTML_COMPILE)])),
							// A text part ends with a newline: partials on a line of their own swallow the line's newline.
							text: Object.fromEntries(PART_NAMES.map((name) => [name, spec(`${toText(parts[name])}\n`, TEXT_COMPILE)])),
							layout: layouts[`${channel}|${register}|${language}`],
						};
						count++;
					}
					const sms = toLine(resolve('sms', tone, register, 'sms'));
					const smsHash = sha(JSON.stringify([sms, meta]));
					combos[`${stage}|sms|${tone}|${register}|${language}`] = {
						id: `${stage}/sms/${tone}/${register}/${language}`,
						version: `${meta.version}.${smsHash.slice(0, 8)}`,
						text: spec(sms, TEXT_COMPILE),
					};
					count++;
				}
			}
			const section = pickSection(sections, 'whatsapp', 'neutral', 'whatsapp');
			if (!section) throw new ContentError(`templates/content/${language}/${stage}.txt`, 0, 'no "## whatsapp" section');
			const text = toLine(applyRegister(section.text, 'u', section));
			checkPlaceholders(text, allowed, `${section.file}:${section.line} (## whatsapp)`);
			const { body, names } = positional(text, section);
			const name = `${manifest.whatsappNamePrefix}${stage.replace(/-/g, '_')}_v${meta.version}`;
			whatsapp[`${stage}|${language}`] = {
				id: `${stage}/whatsapp/${language}`,
				version: `${meta.version}.${sha(body).slice(0, 8)}`,
				name,
				language,
				category: 'UTILITY',
				body,
				parameterNames: names,
				preview: spec(text, TEXT_COMPILE),
			};
		}
	}

	const library = {
		libraryVersion: manifest.libraryVersion,
		stages: manifest.stages,
		languages,
		tones: TONES,
		registers: REGISTERS,
		variables,
		layouts,
		combos,
		whatsapp,
	};
	const sourceHash = sha(JSON.stringify(library) + specs.join('\n')).slice(0, 16);
	const source = [
		'/* eslint-disable */',
		'// @ts-nocheck -- generated code: Handlebars precompiled template specs',
		'/**',
		' * GENERATED by `npx gulp templates` (build/templateLibrary/library.js) from templates/. Do not edit:',
		' * change the content files or layouts and run the task again. A unit test fails when this file is',
		' * stale. MJML was compiled once per layout at build time; every template below is a Handlebars',
		' * template precompiled with { strict: true, knownHelpersOnly: true } for the runtime-only build.',
		' */',
		"import type { GeneratedLibrary, TemplateSpec } from '../../shared/messages/types';",
		'',
		`export const GENERATED_LIBRARY: GeneratedLibrary = ${JSON.stringify({ ...library, sourceHash }, null, '\t')};`,
		'',
		'export const GENERATED_SPECS: TemplateSpec[] = [',
		...specs.map((s) => `${s},`),
		'];',
		'',
	].join('\n');
	return { source, summary: { templates: count + Object.keys(whatsapp).length, specs: specs.length, bytes: source.length, sourceHash } };
}

/** Writes the generated module when its content changed; returns what the build did. */
async function writeLibrary() {
	const { source, summary } = await generateLibrary();
	const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : null;
	if (current !== source) {
		fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
		fs.writeFileSync(OUTPUT, source);
	}
	return { ...summary, changed: current !== source, file: path.relative(ROOT, OUTPUT) };
}

module.exports = { generateLibrary, writeLibrary, layoutMjmlSource, placeholdersOf, OUTPUT, COLOUR_SENTINEL, MJML_OPTIONS };
