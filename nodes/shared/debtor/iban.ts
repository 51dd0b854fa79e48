/**
 * The IBAN (ISO 13616) in one place: its electronic form, its check, and how people read it. The
 * debtor record's `iban` (the schema allows only the electronic form) and the bank account in the
 * brand settings (typed by people, normalised first) are both checked here.
 *
 * The check is the ISO 7064 MOD 97-10 rule that the ISO 11649 creditor reference ("RF..") shares:
 * see hasMod97CheckDigits. The country's own IBAN length is not checked (any 15 to 34 characters).
 */

/** The electronic form of an IBAN as people type it: white space removed, upper case. */
export function normaliseIban(text: string): string {
	return text.replace(/\s+/g, '').toUpperCase();
}

/**
 * True when the first four characters moved to the end, each letter read as two digits (A = 10 ..
 * Z = 35), give a number whose remainder modulo 97 is 1. `value` must hold only digits and upper-case
 * letters (callers check their form first).
 */
export function hasMod97CheckDigits(value: string): boolean {
	// Reads in the rearranged order without building it (runs for every debtor record).
	let remainder = 0;
	for (let k = 0; k < value.length; k++) {
		const code = value.charCodeAt((k + 4) % value.length);
		remainder = code >= 65 ? (remainder * 100 + (code - 55)) % 97 : (remainder * 10 + (code - 48)) % 97;
	}
	return remainder === 1;
}

/**
 * True for an IBAN in electronic form (country code, two check digits, 11 to 30 letters or digits;
 * no spaces, upper case) with correct check digits. Text a person typed goes through normaliseIban
 * first.
 */
export function isValidIban(iban: string): boolean {
	return /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban) && hasMod97CheckDigits(iban);
}

/** An IBAN in groups of four ("NL91 ABNA 0417 1643 00"), as people read and type it. */
export function formatIban(iban: string): string {
	return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
