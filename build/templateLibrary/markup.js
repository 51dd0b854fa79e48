/**
 * The small authoring syntax of the template library (documented in templates/README.md), turned
 * into Handlebars sources for HTML and for plain text. Runs at build time only.
 *
 * - Blocks are separated by blank lines. A block is a paragraph, a list (every line starts with
 *   "- ") or a table (every line starts with "|"). Inside a paragraph a single newline is a line break.
 * - A line that is only a Handlebars block tag ({{#if x}}, {{else}}, {{/if}}, {{#each x}}, {{/each}})
 *   passes through unchanged, also inside lists and tables.
 * - Inline: **bold**, [label](url). Everything else is text; static text is HTML-escaped at build time
 *   and {{placeholders}} are escaped by Handlebars at render time.
 */
'use strict';

const BLOCK_TAG = /^\s*\{\{(#(if|unless|each|with) [^{}]+|else|\/(if|unless|each|with))\}\}\s*$/;
const TOKEN = /(\{\{[^{}]*\}\})/;

function escapeStatic(text) {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes static text but leaves {{placeholders}} alone. */
function escapeKeepingTokens(text) {
	return text
		.split(TOKEN)
		.map((piece) => (TOKEN.test(piece) ? piece : escapeStatic(piece)))
		.join('');
}

/** Table values that must not wrap: amounts and the IBAN. */
const NOWRAP = new Set(['amount', 'principal', 'interest', 'costs', 'costsExclVat', 'vat', 'totalWithCosts', 'instalmentAmount', 'arrangementTotal', 'openAmount', 'iban', 'paidAmount', 'remainingAmount', 'reversalAmount']);

const STYLE = {
	p: 'margin:0 0 14px 0;',
	ul: 'margin:0 0 14px 0;padding:0 0 0 22px;',
	li: 'margin:0 0 6px 0;',
	table: 'border-collapse:collapse;margin:0 0 14px 0;width:100%;',
	tdLabel: 'padding:4px 12px 4px 0;vertical-align:top;word-break:normal;overflow-wrap:normal;',
	tdValue: 'padding:4px 0;vertical-align:top;text-align:right;font-weight:bold;overflow-wrap:anywhere;word-break:break-word;',
	a: 'color:{{brandColour}};text-decoration:underline;word-break:break-all;',
};

/** tel: and mailto: links print only their label; on paper other links print their address too. */
function printedLink(label, url) {
	if (/^(tel|mailto):/.test(url)) return label;
	return label === url ? url : `${label} (${url})`;
}

function inlineHtml(text, channel) {
	// Links first, so their label and URL are handled as one unit.
	const parts = [];
	let rest = text;
	const link = /\[([^\]]+)\]\(([^)\s]+)\)/;
	let match;
	while ((match = link.exec(rest))) {
		parts.push(boldHtml(escapeKeepingTokens(rest.slice(0, match.index))));
		if (channel === 'letter') {
			parts.push(`<span style="overflow-wrap:anywhere;">${boldHtml(escapeKeepingTokens(printedLink(match[1], match[2])))}</span>`);
		} else {
			parts.push(`<a href="${escapeKeepingTokens(match[2])}" style="${STYLE.a}">${boldHtml(escapeKeepingTokens(match[1]))}</a>`);
		}
		rest = rest.slice(match.index + match[0].length);
	}
	parts.push(boldHtml(escapeKeepingTokens(rest)));
	return parts.join('');
}

function boldHtml(html) {
	return html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

function inlineText(text) {
	return text
		.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label, url) => (/^(tel|mailto):/.test(url) ? label : label === url ? url : `${label}: ${url}`)).replace(/\*\*([^*]+)\*\*/g, '$1');
}

function blocksOf(source) {
	return source
		.replace(/\r\n/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((block) => block.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== ''))
		.filter((lines) => lines.length > 0);
}

function kindOf(lines) {
	const content = lines.filter((line) => !BLOCK_TAG.test(line));
	if (content.length === 0) return 'tags';
	if (content.every((line) => line.startsWith('- '))) return 'list';
	if (content.every((line) => line.startsWith('|'))) return 'table';
	return 'paragraph';
}

function cells(line) {
	return line
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split('|')
		.map((cell) => cell.trim());
}

/** Handlebars source producing HTML for a section (`channel` 'letter' prints link addresses). */
function toHtml(source, channel = 'email') {
	const out = [];
	for (const lines of blocksOf(source)) {
		const kind = kindOf(lines);
		if (kind === 'tags') {
			out.push(lines.join('\n'));
		} else if (kind === 'list') {
			out.push(`<ul style="${STYLE.ul}">`);
			for (const line of lines) out.push(BLOCK_TAG.test(line) ? line : `<li style="${STYLE.li}">${inlineHtml(line.slice(2), channel)}</li>`);
			out.push('</ul>');
		} else if (kind === 'table') {
			out.push(`<table role="presentation" style="${STYLE.table}">`);
			for (const line of lines) {
				if (BLOCK_TAG.test(line)) {
					out.push(line);
					continue;
				}
				const [label, value = ''] = cells(line);
				// Amounts and IBANs stay on one line; other values may wrap anywhere (long names).
				const single = /^\{\{([a-zA-Z]+)\}\}$/.exec(value);
				const cell = single && NOWRAP.has(single[1]) ? `<span style="white-space:nowrap;">${value}</span>` : inlineHtml(value, channel);
				out.push(`<tr><td style="${STYLE.tdLabel}">${inlineHtml(label, channel)}</td><td style="${STYLE.tdValue}">${cell}</td></tr>`);
			}
			out.push('</table>');
		} else {
			// A paragraph may contain block tags on their own lines (conditional sentences); a block
			// that is wholly conditional keeps its tags outside the <p>, so a hidden block leaves nothing.
			const { before, inner, after } = outerTags(lines);
			const pieces = [...before, `<p style="${STYLE.p}">`];
			let seenText = false;
			// Each branch of {{#if}}..{{else}}..{{/if}} starts from what came before the block.
			const stack = [];
			for (const line of inner) {
				if (BLOCK_TAG.test(line)) {
					const tag = line.trim();
					if (tag.startsWith('{{#')) stack.push({ before: seenText, any: false });
					else if (tag === '{{else}}' && stack.length) {
						stack[stack.length - 1].any ||= seenText;
						seenText = stack[stack.length - 1].before;
					} else if (stack.length) {
						const frame = stack.pop();
						seenText = frame.any || seenText;
					}
					pieces.push(tag);
					continue;
				}
				pieces.push((seenText ? '<br>' : '') + inlineHtml(line, channel));
				seenText = true;
			}
			pieces.push('</p>', ...after);
			out.push(pieces.join(''));
		}
	}
	return out.join('\n');
}

/** Splits "{{#if x}} ... {{/if}}" around a whole block, when the pair encloses all of it. */
function outerTags(lines) {
	const before = [];
	const after = [];
	let inner = lines.map((line) => line.trim() === '' ? line : line);
	while (inner.length >= 2 && /^\s*\{\{#/.test(inner[0]) && /^\s*\{\{\//.test(inner[inner.length - 1])) {
		let depth = 0;
		let enclosesAll = true;
		for (let i = 0; i < inner.length; i++) {
			const line = inner[i];
			if (!BLOCK_TAG.test(line)) continue;
			if (/^\s*\{\{#/.test(line)) depth++;
			else if (/^\s*\{\{\//.test(line)) depth--;
			else if (depth === 1) enclosesAll = false; // {{else}} at the outer level: keep inside
			if (depth === 0 && i < inner.length - 1) enclosesAll = false;
		}
		if (!enclosesAll) break;
		before.push(inner[0].trim());
		after.unshift(inner[inner.length - 1].trim());
		inner = inner.slice(1, -1);
	}
	return { before, inner, after };
}

/** Plain text of the lines of one block (tags kept), each line after text starting with a line break. */
function textLines(lines, kind) {
	const rendered = [];
	// A line starts with a line break only after text of the same block; each branch of
	// {{#if}}..{{else}}..{{/if}} starts from what came before it. So hidden or alternative lines
	// leave no empty lines behind, and the text needs no tidying when it is rendered.
	let seenText = false;
	const stack = [];
	for (const line of lines) {
		if (BLOCK_TAG.test(line)) {
			const tag = line.trim();
			if (tag.startsWith('{{#')) stack.push({ before: seenText, any: false });
			else if (tag === '{{else}}' && stack.length) {
				stack[stack.length - 1].any ||= seenText;
				seenText = stack[stack.length - 1].before;
			} else if (stack.length) {
				const frame = stack.pop();
				seenText = frame.any || seenText;
			}
			rendered.push(tag);
			continue;
		}
		const prefix = seenText ? '\n' : '';
		seenText = true;
		if (kind === 'table') {
			const [label, value = ''] = cells(line);
			rendered.push(`${prefix}${inlineText(label)}: ${inlineText(value)}`);
		} else if (kind === 'list') {
			rendered.push(`${prefix}- ${inlineText(line.slice(2))}`);
		} else {
			rendered.push(`${prefix}${inlineText(line)}`);
		}
	}
	return rendered.join('');
}

/**
 * Handlebars source producing plain text for a section. Blocks are separated by a blank line; the
 * blank line before a block that is wholly conditional goes inside its condition, so a hidden block
 * leaves no extra blank lines.
 */
function toText(source) {
	let out = '';
	let anyBefore = false;
	for (const lines of blocksOf(source)) {
		const kind = kindOf(lines);
		const { before, inner, after } = outerTags(lines);
		const separator = anyBefore ? '\n\n' : '';
		if (before.length > 0) out += before.join('') + separator + textLines(inner, kindOf(inner)) + after.join('');
		else out += separator + textLines(lines, kind);
		anyBefore = true;
	}
	return out;
}

/** One line of text (subjects, SMS): block tags kept, line breaks become spaces. */
function toLine(source) {
	// Join lines with a marker first, so only the spaces that line breaks introduce next to a block
	// tag are dropped; spaces written inside a line stay.
	const JOIN = '\u0001';
	return blocksOf(source)
		.map((lines) => lines.map((line) => (BLOCK_TAG.test(line) ? line.trim() : inlineText(line.trim()))).join(JOIN))
		.join(JOIN)
		.replace(/\u0001(\{\{(else|\/(if|unless|each|with))\}\})/g, '$1')
		.replace(/(\{\{#(if|unless|each|with) [^{}]+\}\})\u0001/g, '$1')
		.replace(/\u0001/g, ' ')
		.trim();
}

module.exports = { toHtml, toText, toLine, escapeKeepingTokens, BLOCK_TAG, STYLE };
