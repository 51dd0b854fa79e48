/**
 * Money is always an integer number of euro cents. Floating-point euros never enter the domain
 * code: they drift (0.1 + 0.2) and a letter that quotes EUR 75,01 instead of EUR 75,00 is wrong.
 */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
	return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * The largest amount a message, an EPC QR code or a payment link can state: EUR 999,999,999.99, the
 * EPC QR code's limit (the narrowest of the three). The debtor schema bounds each amount field by it;
 * amounts added up from several fields are checked against it before any text is written.
 */
export const MAX_STATABLE_CENTS: Cents = 99_999_999_999;

/** The bound in words, for every refusal of an amount beyond it (no amount of the debtor in it). */
export const STATABLE_LIMIT_TEXT = 'EUR 999,999,999.99, the most a message, QR code or payment link can state';

/** Whether `value` is whole cents that a message can state (at most EUR 999,999,999.99 either way). */
export function isStatableCents(value: unknown): value is Cents {
	return typeof value === 'number' && Number.isSafeInteger(value) && value <= MAX_STATABLE_CENTS && value >= -MAX_STATABLE_CENTS;
}

/** Why `value` cannot be written as an amount: the one wording, so every refusal reads the same. */
function unstatable(value: unknown): RangeError {
	return new RangeError(
		typeof value === 'number' && Number.isSafeInteger(value)
			? `is more than ${STATABLE_LIMIT_TEXT}`
			: 'is not a whole number of cents',
	);
}

/** Throws a RangeError (no value in it) unless `value` is cents a message can state; see isStatableCents. */
export function assertStatableCents(value: unknown): asserts value is Cents {
	if (!isStatableCents(value)) throw unstatable(value);
}

/**
 * Rounds a fractional cent amount to whole cents, half away from zero (the commercial rounding
 * Dutch invoices and the BIK tables use: 12.5 cents becomes 13 cents, -12.5 becomes -13).
 */
function roundCents(value: number): Cents {
	if (!Number.isFinite(value)) throw new RangeError(`Cannot round ${value} to cents`);
	const rounded = Math.round(Math.abs(value) + Number.EPSILON * Math.abs(value));
	return value < 0 ? -rounded : rounded;
}

/** `percent` of `amount`, rounded to whole cents half away from zero. */
export function percentOf(amount: Cents, percent: number): Cents {
	// Work in basis points times cents to keep the multiplication exact for the usual rates.
	return roundCents((amount * Math.round(percent * 10000)) / 1000000);
}

/**
 * Parses "1234.50", "1.234,50", "1,234.50", "EUR 12,00" or a number of euros into cents. Text that
 * reads as two different amounts ("12.345": twelve thousand in Dutch, twelve euros in English) is
 * refused rather than guessed.
 */
export function eurosToCents(euros: number | string): Cents {
	if (typeof euros === 'number') return roundCents(euros * 100);
	let text = euros.trim().replace(/^(EUR|€)\s*/i, '');
	if (/^-?\d{1,3}[.,]\d{3}$/.test(text)) {
		throw new RangeError(`"${euros}" is ambiguous: write the amount without a thousands separator, e.g. 12345 or 12.34`);
	}
	if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text) || /^-?\d+,\d{1,2}$/.test(text)) {
		text = text.replace(/\./g, '').replace(',', '.');
	} else {
		text = text.replace(/,/g, '');
	}
	if (!/^-?\d+(\.\d{1,2})?$/.test(text)) throw new RangeError(`"${euros}" is not an amount in euros`);
	const [whole, fraction = ''] = text.replace('-', '').split('.');
	const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
	return text.startsWith('-') ? -cents : cents;
}

/**
 * A euro amount from a node field or an item (a number, or text {@link eurosToCents} reads) in cents;
 * undefined when it is empty. A value that is given but is not an amount throws a RangeError, so a
 * typo never silently counts as "not set".
 */
export function optionalEurosToCents(value: unknown): Cents | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return eurosToCents(value);
	if (typeof value === 'string') return eurosToCents(value);
	throw new RangeError(`${typeof value === 'number' ? String(value) : typeof value} is not an amount in euros`);
}

const GROUPING: Record<string, { thousands: string; decimal: string }> = {
	nl: { thousands: '.', decimal: ',' },
	en: { thousands: ',', decimal: '.' },
};

/**
 * Formats cents as "EUR 1.234,50" (nl) or "EUR 1,234.50" (en). The ISO code rather than the euro
 * sign keeps SMS texts in the GSM-7 alphabet (the euro sign costs two septets). Refuses (RangeError)
 * what is not whole cents or more than a message can state, rather than writing "1e+298".
 */
export function formatCents(amount: Cents, language = 'nl', options: { symbol?: string } = {}): string {
	assertStatableCents(amount);
	const { thousands, decimal } = GROUPING[language] ?? GROUPING.en;
	const symbol = options.symbol ?? 'EUR';
	const negative = amount < 0;
	const abs = Math.abs(amount);
	const whole = Math.floor(abs / 100)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
	const fraction = (abs % 100).toString().padStart(2, '0');
	return `${negative ? '-' : ''}${symbol ? symbol + ' ' : ''}${whole}${decimal}${fraction}`;
}

/**
 * Cents as a plain decimal string with a dot ("1234.50"), as the EPC QR code and most APIs want.
 * Refuses (RangeError) what formatCents refuses.
 */
export function centsToDecimalString(amount: Cents): string {
	assertStatableCents(amount);
	const negative = amount < 0;
	const abs = Math.abs(amount);
	return `${negative ? '-' : ''}${Math.floor(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}
