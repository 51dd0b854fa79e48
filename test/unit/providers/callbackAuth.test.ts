/**
 * Issue 22, item 3: whether a provider's report is believed. With nothing configured every provider's
 * report is refused; a token or basic auth counts only for providers that offer it and only from the
 * credential's fields; a configured signing secret always decides; and the replay guard of Mailgun's
 * signature tokens.
 */
import { ReplayGuard, authenticateCallback, providerById, type CallbackRequest } from '../../../nodes/shared/providers';
import { PROVIDERS } from '../../../nodes/DeliveryStatusTrigger/description';

const request = (extra: Partial<CallbackRequest> = {}): CallbackRequest => ({
	method: 'POST',
	url: 'https://n8n.example.nl/webhook/x/delivery-status',
	headers: { 'content-type': 'application/json' },
	rawBody: '{"status":"delivered"}',
	query: {},
	body: { status: 'delivered' },
	now: Date.now(),
	...extra,
});
const TOKEN = ['report', 'token', 'for', 'tests'].join('-');
const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

describe('authenticateCallback', () => {
	test.each(PROVIDERS.map((provider) => provider.value))('%s: with nothing configured a report is refused, and the reason says what to configure', (id) => {
		const adapter = providerById(id)!;
		const result = authenticateCallback(adapter, request({ query: { token: TOKEN } }), {});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(/^not authenticated: .*set "[A-Z][A-Za-z ]+" in the .* credential/);
	});

	test('the token: only for providers that offer it, compared exactly', () => {
		for (const id of ['postmark', 'cm', 'spryng', 'bird', 'sinch']) {
			const adapter = providerById(id)!;
			expect([id, authenticateCallback(adapter, request({ query: { token: TOKEN } }), { reportToken: TOKEN })]).toEqual([id, { ok: true, by: 'token' }]);
			for (const wrong of [undefined, '', `${TOKEN}x`, TOKEN.slice(1)]) {
				const query: Record<string, string> = wrong === undefined ? {} : { token: wrong };
				expect([id, wrong, authenticateCallback(adapter, request({ query }), { reportToken: TOKEN }).ok]).toEqual([id, wrong, false]);
			}
		}
		// A provider that always signs does not take a token instead of its signature.
		for (const id of ['twilio', 'metaWhatsApp', 'mailgun', 'sendgrid', 'pingen', 'webhook']) {
			expect([id, authenticateCallback(providerById(id)!, request({ query: { token: TOKEN } }), { reportToken: TOKEN }).ok]).toEqual([id, false]);
		}
	});

	test('a signing secret in the credential decides: a token then lets nothing unsigned in', () => {
		const result = authenticateCallback(providerById('bird')!, request({ query: { token: TOKEN } }), { reportToken: TOKEN, webhookSigningKey: 'k' });
		expect(result).toEqual({ ok: false, reason: 'signature check failed: missing messagebird-signature header' });
	});

	test('basic auth: Postmark only, both user and password must match', () => {
		const postmark = providerById('postmark')!;
		const secrets = { reportUser: 'pm', reportPassword: TOKEN };
		expect(authenticateCallback(postmark, request({ headers: { authorization: basic('pm', TOKEN) } }), secrets)).toEqual({ ok: true, by: 'basic-auth' });
		for (const header of [basic('pm', 'x'), basic('x', TOKEN), basic('pm', ''), 'Basic !!!', `Bearer ${TOKEN}`, undefined]) {
			expect([header, authenticateCallback(postmark, request({ headers: { authorization: header } }), secrets).ok]).toEqual([header, false]);
		}
		// A user without a password configures nothing.
		expect(authenticateCallback(postmark, request({ headers: { authorization: basic('pm', '') } }), { reportUser: 'pm' }).ok).toBe(false);
		expect(authenticateCallback(providerById('cm')!, request({ headers: { authorization: basic('pm', TOKEN) } }), secrets).ok).toBe(false);
	});
});

describe('ReplayGuard', () => {
	test('a key is new, then the same with its body, other with another body; it is forgotten after the window', () => {
		const guard = new ReplayGuard(1000, 10);
		expect(guard.check('t1', 'a', 0)).toBe('new');
		guard.remember('t1', 'a', 0);
		expect(guard.check('t1', 'a', 500)).toBe('same');
		expect(guard.check('t1', 'b', 500)).toBe('other');
		expect(guard.check('t1', 'b', 1501)).toBe('new');
	});

	test('bounded: the oldest keys go first', () => {
		const guard = new ReplayGuard(60_000, 3);
		for (const key of ['k1', 'k2', 'k3', 'k4']) guard.remember(key, key, 0);
		expect(['k1', 'k2', 'k3', 'k4'].map((key) => guard.check(key, key, 1))).toEqual(['new', 'same', 'same', 'same']);
	});
});
