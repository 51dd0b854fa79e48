/**
 * A small HTML-to-text conversion for the plain-text part of custom e-mail templates that come
 * without their own text version. Block elements become line breaks, links keep their address.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', euro: '€' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
		if (code[0] === '#') {
			const value = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
			return Number.isFinite(value) && value > 0 && value < 0x110000 ? String.fromCodePoint(value) : entity;
		}
		return ENTITIES[code.toLowerCase()] ?? entity;
	});
}

/** Plain text of an HTML document or fragment. */
export function htmlToText(html: string): string {
	const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
	return decodeEntities(
		body
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/<(style|script|head|title)[^>]*>[\s\S]*?<\/\1>/gi, '')
			.replace(/<a\b[^>]*href="(https?:[^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => {
				const text = label.replace(/<[^>]+>/g, '').trim();
				return text === href || text === '' ? href : `${text} (${href})`;
			})
			.replace(/<br\s*\/?>/gi, '\n')
			.replace(/<\/(p|div|h[1-6]|li|tr|table|ul|ol)>/gi, '\n')
			.replace(/<li[^>]*>/gi, '- ')
			.replace(/<\/t[dh]>/gi, ' ')
			.replace(/<[^>]+>/g, ''),
	)
		.replace(/[ \t\u00a0]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
