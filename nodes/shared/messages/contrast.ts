/**
 * Contrast of the brand colour (WCAG 2.1, success criterion 1.4.3, level AA). The layouts put the
 * colour behind white text (the e-mail's button) and use it for text and links on white, so both
 * need a contrast of at least 4.5:1 with white: one ratio decides both.
 */

/** WCAG 2.1 AA for normal-size text; the button text (18 px bold) is below the "large text" size. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * The contrast ratio (1 to 21) of a hex colour (`#abc`, `#aabbcc`) with white, by WCAG 2.1's relative
 * luminance; NaN for anything else. Self-contained (no outside names): the Tone Template also
 * serialises it into the expression of its editor hint, so the editor and a run agree.
 */
export const contrastWithWhite = (colour: unknown): number => {
	const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(colour ?? '').trim());
	if (!match) return NaN;
	const digits = match[1].length === 3 ? match[1].replace(/./g, (d) => d + d) : match[1];
	const linear = (i: number) => {
		const c = parseInt(digits.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	};
	const luminance = 0.2126 * linear(0) + 0.7152 * linear(2) + 0.0722 * linear(4);
	return 1.05 / (luminance + 0.05);
};

/** The colour darkened step by step (same hue) until white has enough contrast with it. */
function darkerPassing(hex: string): string {
	const six = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (d) => d + d) : hex;
	const base = [1, 3, 5].map((i) => parseInt(six.slice(i, i + 2), 16));
	for (let factor = 1; factor > 0; factor -= 0.02) {
		const colour = '#' + base.map((c) => Math.round(c * factor).toString(16).padStart(2, '0')).join('');
		if (contrastWithWhite(colour) >= MIN_TEXT_CONTRAST) return colour;
	}
	return '#000000';
}

/**
 * A warning when the brand colour has too little contrast with white for WCAG 2.1 AA, naming a
 * darker colour of the same hue that passes; null when it passes. The colour must be hex.
 */
export function brandColourContrastWarning(colour: string): string | null {
	const ratio = contrastWithWhite(colour);
	if (Number.isNaN(ratio)) throw new Error('the brand colour must be a hex colour such as #1f5f8b');
	if (ratio >= MIN_TEXT_CONTRAST) return null;
	return (
		`Primary Colour ${colour} has a contrast of ${(Math.floor(ratio * 100) / 100).toFixed(2)}:1 with white; WCAG 2.1 AA asks at least ${MIN_TEXT_CONTRAST}:1. ` +
		`The button text and the links of every e-mail and letter are hard to read for debtors with low vision. A darker colour such as ${darkerPassing(colour)} passes.`
	);
}
