/**
 * The creditor's house style and contact details as messages use them, checked once per run: links
 * must be https, the colour a hex colour (it goes into CSS), the IBAN valid, and every message must
 * say how to reach a person, so a phone number or an e-mail address is required.
 */
import { formatIban, isValidIban, normaliseIban } from '../debtor/iban';
import { isValidBic } from './epcQr';
import { linesOf, phoneHref, singleLine } from './format';
import { checkHttpsUrl, checkImageSource, LinkError } from './paymentLink';

export interface BrandSettings {
	senderName?: string;
	logoUrl?: string;
	primaryColour?: string;
	footer?: string;
	phone?: string;
	phoneHours?: string;
	contactEmail?: string;
	websiteUrl?: string;
	/** Letters: the sender's postal address, one line per line. */
	senderAddress?: string;
	/** Base of the payment link; {reference}, {debtorId}, {amount}, {amountCents} are filled in. */
	paymentLinkBase?: string;
	/** Page where debtors ask for an arrangement or help. */
	helpUrl?: string;
	/** Page where debtors accept or ask for an arrangement (falls back to helpUrl). */
	arrangementUrl?: string;
	/** Page where debtors choose their direct-debit day. */
	chooseDateUrl?: string;
	/** Where to find free debt help; default Geldfit. */
	debtHelp?: string;
	/** Who takes a claim over after the final notice. */
	handoverParty?: string;
	/** Municipality named in the early-warning message when the record does not say. */
	municipality?: string;
}

export interface BankSettings {
	iban?: string;
	bic?: string;
	/** Name on the account; default the sender name. At most 70 characters (EPC QR). */
	accountHolder?: string;
}

/** Brand and bank settings after checking, ready for the views. */
export interface ResolvedBrand {
	senderName: string;
	logoUrl: string | null;
	brandColour: string;
	footerLines: string[];
	phone: string | null;
	phoneHref: string | null;
	phoneHours: string | null;
	contactEmail: string | null;
	websiteUrl: string | null;
	senderAddressLines: string[];
	paymentLinkBase: string | null;
	helpUrl: string | null;
	arrangementUrl: string | null;
	chooseDateUrl: string | null;
	debtHelp: string | null;
	handoverParty: string | null;
	municipality: string | null;
	iban: string | null;
	ibanFormatted: string | null;
	bic: string | null;
	accountHolder: string;
}

/** A setting that cannot be used; `field` is the parameter path, e.g. `brand.primaryColour`. */
export class BrandError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(`${field}: ${message}`);
		this.name = 'BrandError';
		this.field = field;
	}
}

const DEFAULT_BRAND_COLOUR = '#1f5f8b';

function text(value: unknown): string | null {
	const cleaned = singleLine(value ?? '', 300);
	return cleaned === '' ? null : cleaned;
}

function link(value: unknown, field: string, check: (v: string, f: string) => string): string | null {
	// Links keep their full length (a data:image logo is long); control characters are removed.
	const raw = singleLine(value ?? '', 200000);
	if (raw === '') return null;
	let checked: string | LinkError;
	try {
		checked = check(raw, field);
	} catch (error) {
		checked = error instanceof LinkError ? error : new LinkError(field, String(error));
	}
	if (checked instanceof LinkError) throw new BrandError(field, checked.message);
	return checked;
}

/** Checks and normalises the brand and bank settings; throws BrandError naming the first bad field. */
export function resolveBrand(brand: BrandSettings, bank: BankSettings = {}): ResolvedBrand {
	const senderName = text(brand.senderName);
	if (senderName === null) throw new BrandError('brand.senderName', 'is required: the name debtors know you by');
	const colour = text(brand.primaryColour) ?? DEFAULT_BRAND_COLOUR;
	if (!/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(colour)) throw new BrandError('brand.primaryColour', 'must be a hex colour such as #1f5f8b');
	const contactEmail = text(brand.contactEmail);
	if (contactEmail !== null && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(contactEmail)) {
		throw new BrandError('brand.contactEmail', 'is not an e-mail address');
	}
	const phone = text(brand.phone);
	if (phone !== null && phoneHref(phone).replace('+', '').length < 6) throw new BrandError('brand.phone', 'has too few digits');
	if (phone === null && contactEmail === null) {
		throw new BrandError('brand.phone', 'set a phone number or a contact e-mail address: every message must say how to reach a person');
	}
	const paymentLinkBase = text(brand.paymentLinkBase);
	if (paymentLinkBase !== null) {
		// Check the base with a sample reference; the real link is checked again per message.
		link(paymentLinkBase.replace(/\{(reference|debtorId|amount|amountCents)\}/g, 'x'), 'brand.paymentLinkBase', checkHttpsUrl);
	}
	const ibanText = text(bank.iban);
	const iban = ibanText === null ? null : normaliseIban(ibanText);
	if (iban !== null && !isValidIban(iban)) throw new BrandError('bank.iban', 'is not a valid IBAN (check the two check digits)');
	const bic = text(bank.bic)?.toUpperCase() ?? null;
	if (bic !== null && !isValidBic(bic)) throw new BrandError('bank.bic', 'is not a valid BIC (8 or 11 characters)');
	const accountHolder = text(bank.accountHolder) ?? senderName;
	if (Array.from(accountHolder).length > 70) throw new BrandError('bank.accountHolder', 'is longer than 70 characters (the EPC QR code limit)');
	return {
		senderName,
		logoUrl: link(brand.logoUrl, 'brand.logoUrl', checkImageSource),
		brandColour: colour,
		footerLines: linesOf(brand.footer),
		phone,
		phoneHref: phone === null ? null : phoneHref(phone),
		phoneHours: text(brand.phoneHours),
		contactEmail,
		websiteUrl: link(brand.websiteUrl, 'brand.websiteUrl', checkHttpsUrl),
		senderAddressLines: linesOf(brand.senderAddress),
		paymentLinkBase,
		helpUrl: link(brand.helpUrl, 'brand.helpUrl', checkHttpsUrl),
		arrangementUrl: link(brand.arrangementUrl, 'brand.arrangementUrl', checkHttpsUrl),
		chooseDateUrl: link(brand.chooseDateUrl, 'brand.chooseDateUrl', checkHttpsUrl),
		debtHelp: text(brand.debtHelp),
		handoverParty: text(brand.handoverParty),
		municipality: text(brand.municipality),
		iban,
		ibanFormatted: iban === null ? null : formatIban(iban),
		bic,
		accountHolder,
	};
}
