import { flatString, sharedText } from '../../../nodes/shared/text';

describe('texts kept in results', () => {
	test('flatString and sharedText hand back the same text', () => {
		const built = ['Het startmoment ', 'maandag 6 juli 2026 09:00', ' valt binnen het contactvenster.'].join('');
		expect(flatString(built)).toBe(built);
		expect(sharedText(built)).toBe(built);
		expect(sharedText(`${built}`)).toBe(built);
		expect(sharedText('')).toBe('');
	});

	test('the table of shared texts stays bounded and keeps answering after it starts afresh', () => {
		for (let k = 0; k < 45_000; k++) expect(sharedText(`reason ${k}`)).toBe(`reason ${k}`);
		expect(sharedText('reason 7')).toBe('reason 7');
	});
});
