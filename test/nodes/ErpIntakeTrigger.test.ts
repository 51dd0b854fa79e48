/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The ERP Intake Trigger's webhook() with a mocked IWebhookFunctions: a valid request starts the
 * workflow with the parsed body and nothing else; every refusal is answered by the trigger and starts
 * nothing, without a value computed from the secret in the answer.
 */
import { createHmac } from 'node:crypto';
import { mockDeep } from 'jest-mock-extended';
import type { IWebhookFunctions } from 'n8n-workflow';

import { ErpIntakeTrigger } from '../../nodes/ErpIntakeTrigger/ErpIntakeTrigger.node';
import { DEFAULT_INTAKE_LIMITS } from '../../nodes/shared/intake/signedRequest';

/** Not a secret: a value for the test only. */
const SECRET = ['erp', 'trigger', 'test'].join('-');

function call(rawBody: string, headers: Record<string, string>, options: Record<string, unknown> = {}) {
	const ctx = mockDeep<IWebhookFunctions>();
	const response = { status: jest.fn(), json: jest.fn(), end: jest.fn() };
	for (const fn of [response.status, response.json]) fn.mockReturnValue(response);
	ctx.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) => (name === 'options' ? options : fallback)) as never);
	ctx.getHeaderData.mockReturnValue(headers);
	ctx.getRequestObject.mockReturnValue({ rawBody: Buffer.from(rawBody) } as never);
	ctx.getResponseObject.mockReturnValue(response as never);
	ctx.getCredentials.mockResolvedValue({ url: 'https://erp.example.nl', signingSecret: SECRET } as never);
	return { ctx, response, run: () => new ErpIntakeTrigger().webhook.call(ctx) };
}

function signed(body: string, secret = SECRET, timestamp = Math.floor(Date.now() / 1000)) {
	return { 'content-type': 'application/json', 'X-Signature-Timestamp': String(timestamp), 'X-Signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}` };
}

describe('ERP Intake Trigger', () => {
	const body = JSON.stringify({ events: [{ eventId: 'E-1', type: 'payment', debtorId: 'D-1', payment: { amountCents: 100, date: '2026-11-20' } }] });

	test('description: a POST webhook at the configured full path, answered by Respond to Webhook, with the HTTPS Webhook credential', () => {
		const { description } = new ErpIntakeTrigger();
		expect(description.inputs).toEqual([]);
		expect(description.webhooks).toEqual([expect.objectContaining({ httpMethod: 'POST', responseMode: 'responseNode', path: '={{$parameter["path"]}}', isFullPath: true })]);
		expect(description.credentials).toEqual([{ name: 'socialCollectionsWebhookApi', required: true }]);
		const options = description.properties.find((property) => property.name === 'options')!.options as Array<{ name: string; default: unknown }>;
		expect(Object.fromEntries(options.map((option) => [option.name, option.default]))).toEqual({ maxBodyBytes: DEFAULT_INTAKE_LIMITS.maxBodyBytes, maxDepth: DEFAULT_INTAKE_LIMITS.maxDepth });
	});

	test('a signed request starts the workflow with the parsed body only: no headers, no signature', async () => {
		const headers = signed(body);
		const { run, response } = call(body, headers);
		const result = await run();
		expect(response.status).not.toHaveBeenCalled();
		expect(result).toEqual({ workflowData: [[{ json: { body: JSON.parse(body) } }]] });
		expect(JSON.stringify(result)).not.toContain(headers['X-Signature'].slice(7));
	});

	test.each([
		['unsigned', {}, 401, /^signature check failed: missing X-Signature header$/],
		['wrongly signed', signed(body, 'another'), 401, /^signature check failed: signature does not match$/],
		['stale', signed(body, SECRET, Math.floor(Date.now() / 1000) - 3600), 401, /5-minute window/],
	])('%s: answered by the trigger, nothing starts', async (_label, headers, status, error) => {
		const { run, response } = call(body, headers as Record<string, string>);
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(response.status).toHaveBeenCalledWith(status);
		expect(response.json).toHaveBeenCalledWith({ error: expect.stringMatching(error) });
		const expected = createHmac('sha256', SECRET).update(`${(headers as Record<string, string>)['X-Signature-Timestamp']}.${body}`).digest('hex');
		expect(JSON.stringify(response.json.mock.calls)).not.toContain(expected);
	});

	test('too large: 413 before the signature; too deep: 400; the limits are options', async () => {
		const big = call(body, {}, { maxBodyBytes: 20 });
		expect(await big.run()).toEqual({ noWebhookResponse: true });
		expect(big.response.status).toHaveBeenCalledWith(413);
		expect(big.ctx.getCredentials).not.toHaveBeenCalled();
		const deepBody = '{"a":'.repeat(50) + '1' + '}'.repeat(50);
		const deep = call(deepBody, signed(deepBody));
		expect(await deep.run()).toEqual({ noWebhookResponse: true });
		expect(deep.response.status).toHaveBeenCalledWith(400);
		expect(deep.response.json).toHaveBeenCalledWith({ error: 'the body is nested deeper than 16 levels' });
		const allowed = call(deepBody, signed(deepBody), { maxDepth: 60 });
		expect((await allowed.run()).workflowData).toHaveLength(1);
	});
});
