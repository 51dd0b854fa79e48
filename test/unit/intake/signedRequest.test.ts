/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The ERP intake's first look at a request: size, then signature on the raw bytes, then nesting depth,
 * then the parse; every refusal names why and carries nothing computed from the secret.
 */
import { createHmac } from 'node:crypto';

import { checkSignedRequest, DEFAULT_INTAKE_LIMITS, jsonDepthExceeds } from '../../../nodes/shared/intake/signedRequest';

/** Not a secret: a value for the test only. */
const SECRET = ['intake', 'unit', 'key'].join('-');
const NOW = 1_795_420_800_000;

function request(body: string, { secret = SECRET, timestamp = String(NOW / 1000), signature }: { secret?: string; timestamp?: string; signature?: string } = {}) {
	const computed = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
	return { rawBody: Buffer.from(body, 'utf8'), signature: signature ?? computed, timestamp, nowMs: NOW };
}

const deep = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('jsonDepthExceeds', () => {
	test('counts objects and arrays, not brackets inside strings or after escapes', () => {
		expect(jsonDepthExceeds('{"events":[{"a":{"b":1}}]}', 4)).toBe(false);
		expect(jsonDepthExceeds('{"events":[{"a":{"b":1}}]}', 3)).toBe(true);
		expect(jsonDepthExceeds('{"s":"[[[[{{{{"}', 1)).toBe(false);
		expect(jsonDepthExceeds('{"s":"\\"[[[[{{"}', 1)).toBe(false);
		expect(jsonDepthExceeds('[[],[],[]]', 2)).toBe(false);
		expect(jsonDepthExceeds(deep(10_000), 16)).toBe(true);
	});
});

describe('checkSignedRequest', () => {
	const body = JSON.stringify({ events: [{ eventId: 'E-1', type: 'payment', debtorId: 'D-1', payment: { amountCents: 100, date: '2026-11-20' } }] });

	test('a signed body within the limits is parsed', () => {
		expect(checkSignedRequest(SECRET, request(body))).toEqual({ ok: true, body: JSON.parse(body) });
	});

	test('missing, malformed, stale and wrong signatures are 401 with the reason', () => {
		const cases: Array<[ReturnType<typeof request>, RegExp]> = [
			[{ ...request(body), signature: undefined as unknown as string }, /missing X-Signature header/],
			[request(body, { timestamp: 'yesterday' }), /malformed X-Signature-Timestamp/],
			[request(body, { timestamp: String(NOW / 1000 - 301) }), /outside the allowed 5-minute window/],
			[request(body, { timestamp: String(NOW / 1000 + 301) }), /outside the allowed 5-minute window/],
			[request(body, { secret: 'another' }), /signature does not match/],
			[{ ...request(body), rawBody: Buffer.from(body.replace('100', '1000')) }, /signature does not match/],
		];
		for (const [req, reason] of cases) {
			const check = checkSignedRequest(SECRET, req);
			expect(check).toEqual({ ok: false, status: 401, reason: expect.stringMatching(reason) });
		}
		expect(checkSignedRequest('', request(body, { secret: '' }))).toEqual({ ok: false, status: 401, reason: 'no signing secret is configured' });
	});

	test('an oversized body is 413 before the signature is looked at', () => {
		const big = JSON.stringify({ events: [], pad: 'x'.repeat(DEFAULT_INTAKE_LIMITS.maxBodyBytes) });
		expect(checkSignedRequest(SECRET, { ...request(big), signature: undefined })).toEqual({ ok: false, status: 413, reason: `the body is larger than ${DEFAULT_INTAKE_LIMITS.maxBodyBytes} bytes` });
		expect(checkSignedRequest(SECRET, request(body), { ...DEFAULT_INTAKE_LIMITS, maxBodyBytes: 10 })).toMatchObject({ ok: false, status: 413 });
	});

	test('a deep body: unsigned is 401 (never scanned), signed is 400 and never parsed', () => {
		const parse = jest.spyOn(JSON, 'parse');
		try {
			expect(checkSignedRequest(SECRET, request(deep(10_000), { signature: 'sha256=00' }))).toMatchObject({ ok: false, status: 401 });
			expect(checkSignedRequest(SECRET, request(deep(10_000)))).toEqual({ ok: false, status: 400, reason: 'the body is nested deeper than 16 levels' });
			expect(parse).not.toHaveBeenCalled();
		} finally {
			parse.mockRestore();
		}
		expect(checkSignedRequest(SECRET, request(deep(16)))).toMatchObject({ ok: true });
	});

	test('signed text that is not JSON is 400', () => {
		expect(checkSignedRequest(SECRET, request('not json'))).toEqual({ ok: false, status: 400, reason: 'the body is not valid JSON' });
	});

	test('no answer carries the expected signature or the secret', () => {
		const req = request(body, { signature: 'sha256=0' });
		const expected = createHmac('sha256', SECRET).update(`${req.timestamp}.${body}`).digest('hex');
		const answer = JSON.stringify(checkSignedRequest(SECRET, req));
		expect(answer).not.toContain(expected);
		expect(answer).not.toContain(SECRET);
	});
});
