/**
 * SMS encoding and segments, against the limits of 3GPP TS 23.038: GSM-7 160 / 153 per part, the
 * extension table at two septets, UCS-2 70 / 67 per part, and no escape or surrogate pair split.
 */
import { isGsm7Character, smsInfo, toGsm7 } from '../../../nodes/shared/messages';

describe('GSM-7', () => {
	test.each([
		[1, 1],
		[160, 1],
		[161, 2],
		[306, 2],
		[307, 3],
		[459, 3],
		[460, 4],
	])('%i plain characters -> %i segment(s)', (length, segments) => {
		const info = smsInfo('a'.repeat(length));
		expect(info).toMatchObject({ encoding: 'GSM-7', segments, units: length, characters: length });
	});

	test('characters of the extension table count twice', () => {
		expect(smsInfo('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
		expect(smsInfo('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
		expect(smsInfo('[]{}\\^~|')).toMatchObject({ units: 16, characters: 8 });
	});

	test('an escape pair is never split over two parts', () => {
		// 152 + 2 + 152 = 306 septets: two parts by division, but the euro sign does not fit in the first
		// part's last septet, so the text takes three.
		expect(smsInfo(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({ units: 306, segments: 3 });
		expect(smsInfo(`${'a'.repeat(151)}€${'a'.repeat(153)}`)).toMatchObject({ units: 306, segments: 2 });
	});

	test('Dutch letters: é, è, ä, ö, ü are GSM-7; ë, ï, ó and the non-breaking space are not', () => {
		for (const char of 'éèäöüÉÄÖÜàùìò@£$¥§¿¡ΔΩ') expect(isGsm7Character(char)).toBe(true);
		for (const char of 'ëïóúáêç\u00a0’') expect(isGsm7Character(char)).toBe(false);
	});
});

describe('UCS-2', () => {
	test.each([
		[70, 1],
		[71, 2],
		[134, 2],
		[135, 3],
	])('%i characters with a ë -> %i segment(s)', (length, segments) => {
		const info = smsInfo(`ë${'a'.repeat(length - 1)}`);
		expect(info).toMatchObject({ encoding: 'UCS-2', segments, units: length, nonGsmCharacters: ['ë'] });
	});

	test('an emoji takes two units and is never split', () => {
		expect(smsInfo('🙂'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, characters: 35, segments: 1 });
		// 66 units, then a surrogate pair that would straddle the 67-unit boundary.
		expect(smsInfo(`${'ë'.repeat(66)}🙂${'ë'.repeat(66)}`)).toMatchObject({ units: 134, segments: 3 });
	});
});

describe('look-alikes', () => {
	test('replaces characters outside GSM-7 where a look-alike exists, keeps the rest', () => {
		expect(toGsm7('Zoë Ïnçe – “financiële” hulp…')).toBe('Zoe Ince - "financiele" hulp...');
		expect(toGsm7('Noël\u00a0van Dijk')).toBe('Noel van Dijk');
		expect(smsInfo(toGsm7('Beste Zoë, betaal €12,50.')).encoding).toBe('GSM-7');
		expect(toGsm7('محمد 🙂')).toBe('محمد 🙂');
		expect(smsInfo(toGsm7('محمد')).encoding).toBe('UCS-2');
	});
});
