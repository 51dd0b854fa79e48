/**
 * Worded reasons are shared between debtors with the same code, language and parameters
 * (wordReasonShared). The shared sentence must always be the one wordReason writes.
 */
import { dayNumber } from '../../../nodes/shared/calendar/days';
import { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor, wordReason, wordReasonShared, type Reason } from '../../../nodes/shared/segmentation';
import * as reasonsModule from '../../../nodes/shared/segmentation/reasons';

const realShared = reasonsModule.wordReasonShared;
/** wordReasonShared for a whole reason, as wordReason takes it. */
const shared = (reason: Reason, language: 'nl' | 'en') => wordReasonShared(reason.code, reason.params, language);
import { generatePortfolio } from '../../fixtures/portfolio';

describe('shared worded reasons', () => {
	test('every reason of a generated portfolio reads exactly as wordReason words it, in both languages', () => {
		// Watch every sentence the segmenter takes from the table, with the reason it asked for.
		const asked: Array<{ reason: Reason; language: 'nl' | 'en'; text: string }> = [];
		const spy = jest.spyOn(reasonsModule, 'wordReasonShared').mockImplementation((code, params, language) => {
			const text = realShared(code, params, language);
			asked.push({ reason: { code, params: { ...params } }, language, text });
			return text;
		});
		try {
			for (const language of ['nl', 'en'] as const) {
				const options = { referenceDay: dayNumber('2026-06-30'), settings: DEFAULT_SEGMENTATION_SETTINGS, language };
				for (const { record } of generatePortfolio({ seed: 31, count: 1500, referenceDate: '2026-06-30' })) segmentDebtor(record, options);
			}
		} finally {
			spy.mockRestore();
		}
		expect(asked.length).toBeGreaterThan(6000);
		const distinct = new Set(asked.map((a) => a.text)).size;
		// Most are repeats (taken from the table), and each reads as wordReason words it.
		expect(distinct).toBeLessThan(asked.length / 2);
		for (const { reason, language, text } of asked) expect(text).toBe(wordReason(reason, language));
	});

	test('the same code with other values, another language or a value that looks alike gets its own sentence', () => {
		const reason = (params: Reason['params']): Reason => ({ code: 'behaviour.late', params });
		const a = reason({ ratio: 0.5, months: 12, threshold: 0.9, average: 4.5 });
		expect(shared(a, 'en')).toBe(wordReason(a, 'en'));
		expect(shared(a, 'nl')).toBe(wordReason(a, 'nl'));
		for (const params of <Array<Reason['params']>>[
			{ ratio: 0.5, months: 12, threshold: 0.9, average: 4.6 },
			{ ratio: 0.5, months: 12, threshold: 0.9, average: '4.5' },
			{ ratio: 0.5, months: 11, threshold: 0.9, average: 4.5 },
			{ ratio: 0.5000001, months: 12, threshold: 0.9, average: 4.5 },
			// Beyond 32 bits the hash sees other low bits; the values are still compared whole.
			{ ratio: 2 ** 32 + 0.5, months: 12, threshold: 0.9, average: 4.5 },
			{ ratio: 0.5, months: 2 ** 32 + 12, threshold: 0.9, average: 4.5 },
			{ ratio: 0.5, months: 12, threshold: 0.9 },
		]) {
			expect(shared(reason(params), 'en')).toBe(wordReason(reason(params), 'en'));
		}
		const rule = (condition: string): Reason => ({ code: 'label.custom-rule', params: { rule: 1, condition, label: 'x|y' } });
		expect(shared(rule('a|b'), 'en')).toBe(wordReason(rule('a|b'), 'en'));
		expect(shared(rule('a'), 'en')).toBe(wordReason(rule('a'), 'en'));
	});

	test('the table stays bounded and answers correctly after it starts afresh', () => {
		for (let k = 0; k < 60_000; k++) {
			const r: Reason = { code: 'behaviour.non-payer', params: { terms: k % 7, days: k, threshold: 60 } };
			if (k % 997 === 0) expect(shared(r, 'en')).toBe(wordReason(r, 'en'));
			else shared(r, 'en');
		}
		const r: Reason = { code: 'behaviour.non-payer', params: { terms: 3, days: 12, threshold: 60 } };
		expect(shared(r, 'nl')).toBe(wordReason(r, 'nl'));
	});
});
