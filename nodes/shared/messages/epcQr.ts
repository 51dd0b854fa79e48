/**
 * The EPC QR code ("GiroCode", EPC069-12 version 002) for a SEPA credit transfer, and its PNG image.
 *
 * Payload, one field per line (LF), trailing empty fields left out:
 *   BCD / 002 / 1 (UTF-8) / SCT / BIC (optional in 002) / name (max 70) / IBAN (max 34) /
 *   EUR amount (dot decimal, 0.01-999999999.99; empty lets the payer choose) / purpose (4 letters) /
 *   structured reference (ISO 11649 "RF..", max 35) OR unstructured text (max 140) / note (max 70).
 * The whole payload may not exceed 331 bytes; the code uses error correction level M.
 */
// The encoder only: the package's main entry also loads file and PNG renderers (qrcodeCore.d.ts).
import { create as createQrCode } from 'qrcode/lib/core/qrcode';

import { bytesToBase64 } from '../base64';
import { hasMod97CheckDigits, isValidIban, normaliseIban } from '../debtor/iban';
import { centsToDecimalString, MAX_STATABLE_CENTS, type Cents } from '../money';
import { singleLine } from './format';
import { monochromePng } from './png';

export interface EpcQrInput {
	/** BIC of the beneficiary's bank: optional inside the EEA (version 002). */
	bic?: string;
	/** Beneficiary name, at most 70 characters. */
	name: string;
	iban: string;
	/** Leave out to let the payer fill in the amount. */
	amountCents?: Cents;
	/** ISO 20022 purpose code, four letters (e.g. GDDS). */
	purpose?: string;
	/** ISO 11649 creditor reference ("RF18539007547034"); used instead of `text` when valid. */
	reference?: string;
	/** Unstructured remittance information, at most 140 characters. */
	text?: string;
	/** Beneficiary to originator information, at most 70 characters. */
	note?: string;
}

export interface EpcQrProblem {
	field: string;
	message: string;
}

/** The payload cannot be built; `problems` name the fields. */
export class EpcQrError extends Error {
	readonly problems: EpcQrProblem[];
	readonly field: string;

	constructor(problems: EpcQrProblem[]) {
		super(`EPC QR code: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
		this.name = 'EpcQrError';
		this.problems = problems;
		this.field = problems[0]?.field ?? '';
	}
}

export const EPC_MAX_PAYLOAD_BYTES = 331;

/** True for an 8- or 11-character BIC. */
export function isValidBic(bic: string): boolean {
	return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic.trim().toUpperCase());
}

/** True for an ISO 11649 creditor reference ("RF" + 2 check digits + up to 21 characters). */
export function isValidCreditorReference(reference: string): boolean {
	const value = reference.replace(/\s+/g, '').toUpperCase();
	return /^RF\d{2}[A-Z0-9]{1,21}$/.test(value) && hasMod97CheckDigits(value);
}

function utf8Length(text: string): number {
	let bytes = 0;
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}

function characters(text: string): number {
	return Array.from(text).length;
}

/** The EPC QR payload text for a credit transfer; throws EpcQrError naming every bad field. */
export function buildEpcPayload(input: EpcQrInput): string {
	const problems: EpcQrProblem[] = [];
	const name = singleLine(input.name, 1000);
	const iban = normaliseIban(input.iban ?? '');
	const bic = (input.bic ?? '').trim().toUpperCase();
	const purpose = (input.purpose ?? '').trim().toUpperCase();
	const reference = (input.reference ?? '').replace(/\s+/g, '').toUpperCase();
	const text = singleLine(input.text ?? '', 1000);
	const note = singleLine(input.note ?? '', 1000);

	if (name === '') problems.push({ field: 'name', message: 'is required' });
	else if (characters(name) > 70) problems.push({ field: 'name', message: 'is longer than 70 characters' });
	if (!isValidIban(iban)) problems.push({ field: 'iban', message: 'is not a valid IBAN' });
	if (bic !== '' && !isValidBic(bic)) problems.push({ field: 'bic', message: 'is not a valid BIC (8 or 11 characters)' });
	let amount = '';
	if (input.amountCents !== undefined) {
		if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 1 || input.amountCents > MAX_STATABLE_CENTS) {
			problems.push({ field: 'amountCents', message: 'must be whole cents between 1 (EUR 0.01) and 99999999999 (EUR 999999999.99)' });
		} else {
			amount = `EUR${centsToDecimalString(input.amountCents)}`;
		}
	}
	if (purpose !== '' && !/^[A-Z]{4}$/.test(purpose)) problems.push({ field: 'purpose', message: 'must be a four-letter ISO 20022 purpose code' });
	const structured = reference !== '' && isValidCreditorReference(reference) ? reference : '';
	// An invalid "reference" is still useful to the payer: it goes in the free text instead.
	const unstructured = structured ? '' : [reference && !structured ? input.reference!.trim() : '', text].filter(Boolean).join(' ');
	if (characters(unstructured) > 140) problems.push({ field: 'text', message: 'is longer than 140 characters' });
	if (characters(note) > 70) problems.push({ field: 'note', message: 'is longer than 70 characters' });
	if (problems.length > 0) throw new EpcQrError(problems);

	const lines = ['BCD', '002', '1', 'SCT', bic, name, iban, amount, purpose, structured, unstructured, note];
	while (lines[lines.length - 1] === '') lines.pop();
	const payload = lines.join('\n');
	if (utf8Length(payload) > EPC_MAX_PAYLOAD_BYTES) {
		throw new EpcQrError([{ field: 'payload', message: `is ${utf8Length(payload)} bytes; the EPC maximum is ${EPC_MAX_PAYLOAD_BYTES}` }]);
	}
	return payload;
}

/**
 * An EPC payload builder for one beneficiary (name, IBAN, BIC checked once): per message only the
 * amount and the reference vary. Gives exactly what `buildEpcPayload` gives for the same input.
 */
export function epcPayloadFactory(beneficiary: { name: string; iban: string; bic?: string }): (amountCents: Cents | undefined, reference: string) => string {
	buildEpcPayload({ ...beneficiary });
	const bic = (beneficiary.bic ?? '').trim().toUpperCase();
	const head = `BCD\n002\n1\nSCT\n${bic}\n${singleLine(beneficiary.name, 1000)}\n${normaliseIban(beneficiary.iban)}`;
	return (amountCents, reference) => {
		const simple = /^[A-Za-z0-9 ./_-]{1,35}$/.test(reference) && !/^rf/i.test(reference);
		const validAmount = amountCents === undefined || (Number.isSafeInteger(amountCents) && amountCents >= 1 && amountCents <= MAX_STATABLE_CENTS);
		// Anything out of the ordinary goes through the full check (and its errors).
		if (!simple || !validAmount) return buildEpcPayload({ ...beneficiary, amountCents, reference });
		const amount = amountCents === undefined ? '' : `EUR${centsToDecimalString(amountCents)}`;
		return `${head}\n${amount}\n\n\n${reference.trim()}`;
	};
}

/** The QR code of a payload as a PNG (error correction M, 4 pixels per module, 4-module quiet zone). */
export function qrPng(payload: string, scale = 4): Uint8Array {
	const code = createQrCode(payload, { errorCorrectionLevel: 'M' });
	const size = code.modules.size;
	const data = code.modules.data;
	return monochromePng(size, (x, y) => data[y * size + x] === 1, scale, 4);
}

/** The PNG as base64 (for a MIME attachment) and as a data URI (for inline HTML). */
export function qrPngBase64(payload: string, scale = 4): { base64: string; dataUri: string; bytes: number } {
	const png = qrPng(payload, scale);
	const encoded = bytesToBase64(png);
	return { base64: encoded, dataUri: `data:image/png;base64,${encoded}`, bytes: png.length };
}
