/**
 * Worded reasons are shared between debtors with the same code, language and parameters
 * (wordReasonShared). The shared sentence must always be the one wordReason writes.
 */
import { dayNumber } from '../../../nodes/shared/calendar/days';
import {
	DEFAULT_SEGMENTATION_SETTINGS,
	REASON_CODES,
	REASON_PARAMETERS,
	segmentDebtor,
	wordReason,
	wordReasonShared,
	type Reason,
	type ReasonCode,
	type ReasonParams,
	type ReasonValue,
} from '../../../nodes/shared/segmentation';
import * as reasonsModule from '../../../nodes/shared/segmentation/reasons';

const realShared = reasonsModule.wordReasonShared;

/** The reason with its values put to their names, as wordReason takes it. */
function named(code: ReasonCode, values: Array<ReasonValue | undefined>): Reason {
	const params: ReasonParams = {};
	REASON_PARAMETERS[code].forEach((name, k) => (params[name] = values[k] as ReasonValue));
	return { code, params };
}

/** wordReasonShared for a whole reason, its values taken by name in the order REASON_PARAMETERS gives. */
function shared(reason: Reason, language: 'nl' | 'en'): string {
	const v = REASON_PARAMETERS[reason.code as ReasonCode].map((name) => reason.params[name]);
	return wordReasonShared(reason.code as ReasonCode, language, v[0], v[1], v[2], v[3], v[4]);
}
import { generatePortfolio } from '../../fixtures/portfolio';

describe('shared worded reasons', () => {
	test('each reason names exactly the values its wording reads, at most five', () => {
		for (const code of Object.keys(REASON_PARAMETERS) as ReasonCode[]) {
			const names: readonly string[] = REASON_PARAMETERS[code];
			expect(names.length).toBeLessThanOrEqual(5);
			const read = new Set<string>();
			const params = new Proxy({} as ReasonParams, {
				get: (_target, name) => {
					read.add(String(name));
					return name === 'sector' ? 'rent' : 1;
				},
			});
			for (const language of ['nl', 'en'] as const) wordReason({ code, params }, language);
			expect([...read].sort()).toEqual([...names].sort());
		}
		expect(Object.keys(REASON_PARAMETERS).sort()).toEqual([...REASON_CODES].sort());
	});

	test('every reason of a generated portfolio reads exactly as wordReason words it, in both languages', () => {
		// Watch every sentence the segmenter takes from the table, with the reason it asked for.
		const asked: Array<{ reason: Reason; language: 'nl' | 'en'; text: string }> = [];
		const spy = jest.spyOn(reasonsModule, 'wordReasonShared').mockImplementation((code, language, a, b, c, d, e) => {
			const text = realShared(code, language, a, b, c, d, e);
			asked.push({ reason: named(code, [a, b, c, d, e]), language, text });
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
