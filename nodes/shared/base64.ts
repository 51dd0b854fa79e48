/**
 * Standard base64 (RFC 4648, with padding) without Node's Buffer, which nodes on n8n Cloud may not
 * use: encoding (the QR code PNG, letter PDFs) and decoding (attachments, signature keys).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
	let out = '';
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63] + ALPHABET[n & 63];
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i] << 16;
		out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + '==';
	} else if (rest === 2) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
		out += ALPHABET[n >>> 18] + ALPHABET[(n >>> 12) & 63] + ALPHABET[(n >>> 6) & 63] + '=';
	}
	return out;
}

/** Bytes of base64 text (whitespace ignored), without Node's Buffer. */
export function base64ToBytes(text: string): Uint8Array {
	const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
	const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
	let length = 0;
	let buffer = 0;
	let bits = 0;
	for (let i = 0; i < clean.length; i++) {
		buffer = ((buffer << 6) | ALPHABET.indexOf(clean[i])) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[length++] = (buffer >> bits) & 0xff;
		}
	}
	return bytes.subarray(0, length);
}
