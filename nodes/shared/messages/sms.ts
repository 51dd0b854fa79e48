/**
 * SMS encoding and segment counting (3GPP TS 23.038 / GSM 03.38).
 *
 * A text made only of GSM-7 characters is sent in 7-bit septets: 160 in one message, 153 per part of a
 * longer one (the rest holds the concatenation header). Characters of the extension table (€, [, ], {,
 * }, \, ^, ~, |, form feed) take two septets and an escape pair is never split over two parts. Any other
 * character switches the whole message to UCS-2: 70 UTF-16 units alone, 67 per part, and a surrogate
 * pair (emoji) is never split either.
 */

/** The GSM 03.38 basic character set (the 128 positions, escape excluded). */
const GSM7_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each costs an escape septet plus its own. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(Array.from(GSM7_BASIC));
const EXTENSION = new Set(Array.from(GSM7_EXTENSION));

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsInfo {
	text: string;
	encoding: SmsEncoding;
	/** Message parts the network bills. */
	segments: number;
	/** Septets (GSM-7) or UTF-16 units (UCS-2) the text uses. */
	units: number;
	/** Characters as a person counts them (code points). */
	characters: number;
	/** Characters that forced UCS-2 (empty for GSM-7). */
	nonGsmCharacters: string[];
}

/** True when the character is in the GSM-7 basic set or its extension table. */
export function isGsm7Character(char: string): boolean {
	return BASIC.has(char) || EXTENSION.has(char);
}

/** Greedy packing of units into parts, never splitting an escape pair or a surrogate pair. */
function countParts(costs: number[], single: number, multi: number): number {
	const total = costs.reduce((sum, cost) => sum + cost, 0);
	if (total === 0) return 0;
	if (total <= single) return 1;
	let parts = 1;
	let used = 0;
	for (const cost of costs) {
		if (used + cost > multi) {
			parts++;
			used = 0;
		}
		used += cost;
	}
	return parts;
}

/** Encoding and billed segments of an SMS text. */
export function smsInfo(text: string): SmsInfo {
	const chars = Array.from(text);
	const nonGsm = chars.filter((char) => !isGsm7Character(char));
	if (nonGsm.length === 0) {
		const costs = chars.map((char) => (EXTENSION.has(char) ? 2 : 1));
		return {
			text,
			encoding: 'GSM-7',
			segments: countParts(costs, 160, 153),
			units: costs.reduce((sum, cost) => sum + cost, 0),
			characters: chars.length,
			nonGsmCharacters: [],
		};
	}
	const costs = chars.map((char) => char.length); // 2 for a surrogate pair
	return {
		text,
		encoding: 'UCS-2',
		segments: countParts(costs, 70, 67),
		units: costs.reduce((sum, cost) => sum + cost, 0),
		characters: chars.length,
		nonGsmCharacters: Array.from(new Set(nonGsm)),
	};
}

/** Look-alikes in GSM-7 for characters that would otherwise switch a whole SMS to UCS-2. */
const TRANSLITERATION: Record<string, string> = {
	á: 'a', â: 'a', ã: 'a', ā: 'a', ą: 'a', Á: 'A', Â: 'A', À: 'A', Ã: 'A',
	ë: 'e', ê: 'e', ē: 'e', ę: 'e', ě: 'e', È: 'E', Ê: 'E', Ë: 'E',
	ï: 'i', î: 'i', í: 'i', Í: 'I', Î: 'I', Ï: 'I', Ì: 'I',
	ó: 'o', ô: 'o', õ: 'o', ō: 'o', Ó: 'O', Ô: 'O', Õ: 'O', Ò: 'O',
	ú: 'u', û: 'u', ū: 'u', Ú: 'U', Û: 'U', Ù: 'U',
	ç: 'c', ć: 'c', č: 'c', Ć: 'C', Č: 'C',
	ý: 'y', ÿ: 'y', Ý: 'Y', ń: 'n', Ń: 'N', ł: 'l', Ł: 'L', ś: 's', š: 's', Ś: 'S', Š: 'S',
	ź: 'z', ż: 'z', ž: 'z', Ź: 'Z', Ż: 'Z', Ž: 'Z', ř: 'r', Ř: 'R', ğ: 'g', ş: 's', Ş: 'S', ı: 'i', İ: 'I',
	'\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ',
	'‘': "'", '’': "'", '‚': "'", '“': '"', '”': '"', '„': '"',
	'–': '-', '—': '-', '‐': '-', '…': '...', '•': '-',
	'\t': ' ',
};

/**
 * Replaces characters outside GSM-7 by a GSM-7 look-alike where one exists ("Zoë" -> "Zoe",
 * curly quotes -> straight ones). Characters without a look-alike (Arabic, Chinese, emoji) stay, so
 * the message is then sent as UCS-2 rather than mangled.
 */
export function toGsm7(text: string): string {
	let out = '';
	for (const char of text) {
		out += isGsm7Character(char) ? char : (TRANSLITERATION[char] ?? char);
	}
	return out;
}
