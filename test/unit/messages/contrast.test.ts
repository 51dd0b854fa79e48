/**
 * The brand colour's contrast with white (WCAG 2.1 relative luminance) and the warning about one
 * that fails AA (4.5:1), checked against ratios WCAG's own formula gives for known colours.
 */
import { brandColourContrastWarning, contrastWithWhite } from '../../../nodes/shared/messages';

describe('contrast of the brand colour with white', () => {
	test('known ratios: black 21:1, white 1:1, #767676 the lightest grey that passes (4.54:1)', () => {
		expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
		expect(contrastWithWhite('#fff')).toBeCloseTo(1, 5);
		expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
		expect(contrastWithWhite('#777777')).toBeLessThan(4.5);
		expect(contrastWithWhite('#1F5F8B')).toBeCloseTo(contrastWithWhite('#1f5f8b'), 10);
		expect(contrastWithWhite('#abc')).toBeCloseTo(contrastWithWhite('#aabbcc'), 10);
	});

	test('anything but a hex colour is NaN', () => {
		for (const value of ['red', '#12345', '', undefined, null, 42]) expect(contrastWithWhite(value)).toBeNaN();
	});

	test('a failing colour gets a warning with its ratio and a darker colour that passes; a passing one none', () => {
		expect(brandColourContrastWarning('#1f5f8b')).toBeNull();
		expect(brandColourContrastWarning('#767676')).toBeNull();
		const warning = brandColourContrastWarning('#ffcc00')!;
		expect(warning).toMatch(/^Primary Colour #ffcc00 has a contrast of 1\.\d\d:1 with white; WCAG 2\.1 AA asks at least 4\.5:1\./);
		const darker = /such as (#[0-9a-f]{6}) passes/.exec(warning)![1];
		expect(contrastWithWhite(darker)).toBeGreaterThanOrEqual(4.5);
		expect(brandColourContrastWarning('#777')).toMatch(/#777 has a contrast of 4\.47:1/);
		expect(() => brandColourContrastWarning('red')).toThrow('hex colour');
	});
});
