/**
 * Payment links and other links that go into messages. Escaping does not make a URL safe, so every
 * link is checked here: https only (a link in a debt message is a phishing target), a real host, no
 * credentials in it.
 */
import { centsToDecimalString, type Cents } from '../money';

/** A link that cannot be used; `field` names the setting or item field it came from. */
export class LinkError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'LinkError';
		this.field = field;
	}
}

function parseUrl(text: string): URL | null {
	try {
		return new URL(text);
	} catch {
		return null;
	}
}

/** Returns the URL when it is an absolute https URL with a host and no user:password part. */
export function checkHttpsUrl(value: string, field: string): string {
	const text = value.trim();
	const url = parseUrl(text);
	if (url === null) throw new LinkError(field, `"${text.slice(0, 80)}" is not a complete URL; write it as https://...`);
	if (url.protocol !== 'https:') throw new LinkError(field, `must be an https:// link (got ${url.protocol.replace(':', '')})`);
	if (url.hostname === '') throw new LinkError(field, 'has no host name');
	if (url.username !== '' || url.password !== '') throw new LinkError(field, 'must not contain a user name or password');
	return text;
}

/** An image source for a logo: https, or an inline data:image URI (png, jpeg, gif, svg+xml, webp). */
export function checkImageSource(value: string, field: string): string {
	const text = value.trim();
	if (/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(text)) return text;
	return checkHttpsUrl(text, field);
}

export interface PaymentLinkValues {
	reference: string;
	debtorId: string;
	amountCents: Cents;
}

const PLACEHOLDER = /\{(reference|debtorId|amount|amountCents)\}/g;

/**
 * A payment-link builder for one base URL, checked once: per debtor only the URL-encoded values are
 * put in, so the host and scheme cannot change (what `buildPaymentLink` would check again).
 * Invariant: gives exactly what buildPaymentLink gives for the same base and values (a test compares
 * them), so a change to the link rule is made in both.
 */
export function paymentLinkFactory(base: string, field = 'brand.paymentLinkBase'): (values: PaymentLinkValues) => string {
	const template = base.trim();
	checkHttpsUrl(template.replace(PLACEHOLDER, 'x'), field);
	const hasPlaceholders = /\{(reference|debtorId|amount|amountCents)\}/.test(template);
	if (!hasPlaceholders) {
		const hashAt = template.indexOf('#');
		const head = hashAt === -1 ? template : template.slice(0, hashAt);
		const hash = hashAt === -1 ? '' : template.slice(hashAt);
		const separator = head.includes('?') ? (head.endsWith('?') || head.endsWith('&') ? '' : '&') : '?';
		return (values) => `${head}${separator}reference=${encodeURIComponent(values.reference)}${hash}`;
	}
	// Split once into text and placeholder names ([text, name, text, name, text]): per debtor only the
	// values are encoded and joined, no regular expression.
	const parts = template.split(PLACEHOLDER);
	return (values) => {
		let link = parts[0];
		for (let i = 1; i < parts.length; i += 2) {
			const key = parts[i];
			const value =
				key === 'reference'
					? values.reference
					: key === 'debtorId'
						? values.debtorId
						: key === 'amount'
							? centsToDecimalString(values.amountCents)
							: String(values.amountCents);
			link += encodeURIComponent(value) + parts[i + 1];
		}
		return link;
	};
}

/**
 * The payment link for a debtor from a base URL. Placeholders {reference}, {debtorId}, {amount}
 * ("123.45") and {amountCents} are filled in (URL-encoded); a base without placeholders gets
 * `reference=...` added to its query string.
 */
export function buildPaymentLink(base: string, values: PaymentLinkValues, field = 'brand.paymentLinkBase'): string {
	const template = base.trim();
	const replacements: Record<string, string> = {
		reference: values.reference,
		debtorId: values.debtorId,
		amount: centsToDecimalString(values.amountCents),
		amountCents: String(values.amountCents),
	};
	let link: string;
	if (/\{(reference|debtorId|amount|amountCents)\}/.test(template)) {
		link = template.replace(/\{(reference|debtorId|amount|amountCents)\}/g, (_, key: string) => encodeURIComponent(replacements[key]));
	} else {
		const hashAt = template.indexOf('#');
		const head = hashAt === -1 ? template : template.slice(0, hashAt);
		const hash = hashAt === -1 ? '' : template.slice(hashAt);
		const separator = head.includes('?') ? (head.endsWith('?') || head.endsWith('&') ? '' : '&') : '?';
		link = `${head}${separator}reference=${encodeURIComponent(values.reference)}${hash}`;
	}
	return checkHttpsUrl(link, field);
}
