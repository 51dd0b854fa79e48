/* eslint-disable @typescript-eslint/no-explicit-any -- run data is loose JSON */
/**
 * The limit on attempts of both public forms (issue 22, item 9) in a real n8n with its Data Tables,
 * behind a (simulated) reverse proxy: n8n runs with N8N_PROXY_HOPS=1 and the forms' "Limit on
 * attempts" has proxyHops 1, and each request carries the X-Forwarded-For a proxy would add, so the
 * test can be several clients from one machine.
 *
 * Asserted, per form: under the limit a known customer with the right invoice number succeeds; after
 * the limit per customer number, that known customer with the right number and an unknown customer
 * get the same page (same text, status 200) and nothing is changed; the limit per client stops a
 * client that tries many customer numbers, while another client still gets through. Small limits
 * (3 per customer number, 4 per client) keep it short.
 */
import type { N8nInstance } from '../../scripts/n8nInstance';
import { arrearsDebtor, formsOnDataTables, formWithSettings, mandateDebtor, submitForm, type FormPage } from './harness/forms';
import type { N8nRest, Row } from './harness/rest';

jest.setTimeout(900_000);

const DAY = '2026-11-24';
const NOW = '2026-11-24T10:00:00.000+01:00';
const PER_CUSTOMER = 3;
const PER_CLIENT = 4;
const TOO_MANY = 'Te veel pogingen';
const recordOf = (rows: Row[], debtorId: string): any => JSON.parse(rows.find((r) => r.debtorId === debtorId)!.record as string);
/** The page's words without what differs per execution (its waiting URL is in the HTML, not the text). */
const words = (page: FormPage) => page.text.trim();

describe('the public forms limit attempts the same way for known and unknown customers (real n8n, Data Tables)', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;
	const formUrl = (pathName: string) => `${n8n.baseUrl}/form/${pathName}`;
	/** One client: the address its proxy reports (what the caller wrote comes first and is not believed). */
	const from = (address: string) => ({ 'x-forwarded-for': `198.18.0.1, ${address}` });

	beforeAll(async () => {
		({ n8n, rest } = await formsOnDataTables({
			prepare: (workflow) =>
				formWithSettings(workflow, { referenceDate: DAY, now: NOW, attemptsPerCustomerNumber: PER_CUSTOMER, attemptsPerClient: PER_CLIENT, windowMinutes: 15, proxyHops: 1 }),
			debtors: [mandateDebtor('LIM-DD'), mandateDebtor('LIM-DD2'), arrearsDebtor('LIM-AR'), arrearsDebtor('LIM-AR2')],
			env: { N8N_PROXY_HOPS: '1' },
		}));
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test('4. flex collection date: known succeeds under the limit; after it, known and unknown get the same page and nothing changes', async () => {
		const submit = (values: Array<string | number>, address: string) => submitForm(n8n, formUrl('incassodag'), values, from(address));
		// Under the limit: the known customer with the right invoice number is served (attempt 1 of 3).
		const served = await submit(['LIM-DD', 'LIM-DD-12', 27], '203.0.113.1');
		expect(served.text).toContain('Uw incassodag is opgeslagen');
		// Two wrong guesses from other clients (2 and 3 of 3): still the usual answer. Case and spaces count as the same number.
		for (const [id, address] of [['lim-dd', '203.0.113.2'], [' LIM-DD ', '203.0.113.3']]) {
			expect((await submit([id, 'LIM-DD-99', 5], address)).text).toContain('niet samen vinden');
		}
		// Over the limit: the right invoice number no longer helps, and the page says nothing about the customer.
		const knownOver = await submit(['LIM-DD', 'LIM-DD-12', 5], '203.0.113.4');
		for (let i = 0; i < PER_CUSTOMER; i++) expect((await submit(['LIM-NOBODY', 'LIM-NOBODY-12', 5], `203.0.113.${10 + i}`)).text).toContain('niet samen vinden');
		const unknownOver = await submit(['LIM-NOBODY', 'LIM-NOBODY-12', 5], '203.0.113.20');
		expect(words(knownOver)).toContain(TOO_MANY);
		expect(words(unknownOver)).toBe(words(knownOver));
		expect(recordOf(await rest.rows('sc_debtors'), 'LIM-DD').preferredCollectionDay).toBe(27);
		// The attempts table holds hashes only: no customer number, no address.
		const attempts = JSON.stringify(await rest.rows('sc_form_attempts'));
		for (const secret of ['LIM-DD', 'lim-dd', '203.0.113.']) expect(attempts).not.toContain(secret);
	});

	test('4. per client: one client trying many customer numbers is stopped; another client still gets through', async () => {
		const submit = (values: Array<string | number>, address: string) => submitForm(n8n, formUrl('incassodag'), values, from(address));
		for (let i = 0; i < PER_CLIENT; i++) expect((await submit([`LIM-SPRAY-${i}`, 'X-1', 5], '192.0.2.66')).text).toContain('niet samen vinden');
		// The same client with a right pair is refused; the customer number was never tried before.
		expect((await submit(['LIM-DD2', 'LIM-DD2-12', 21], '192.0.2.66')).text).toContain(TOO_MANY);
		expect(recordOf(await rest.rows('sc_debtors'), 'LIM-DD2').preferredCollectionDay).toBeUndefined();
		// What the caller writes in X-Forwarded-For is not believed: only the proxy's last address counts.
		expect((await submitForm(n8n, formUrl('incassodag'), ['LIM-DD2', 'LIM-DD2-12', 21], { 'x-forwarded-for': '10.9.9.9, 192.0.2.66' })).text).toContain(TOO_MANY);
		const other = await submit(['LIM-DD2', 'LIM-DD2-12', 21], '192.0.2.77');
		expect(other.text).toContain('Uw incassodag is opgeslagen');
		expect(recordOf(await rest.rows('sc_debtors'), 'LIM-DD2').preferredCollectionDay).toBe(21);
	});

	test('5. payment arrangement: known succeeds under the limit; after it, known and unknown get the same page', async () => {
		const submit = (values: Array<string | number>, address: string) => submitForm(n8n, formUrl('betalingsregeling'), values, from(address));
		const plans = await submit(['LIM-AR', 'LIM-AR-A', 200, '', ''], '198.51.100.1');
		expect(plans.text).toContain('Kies uw regeling');
		for (let i = 0; i < PER_CUSTOMER - 1; i++) expect((await submit(['LIM-AR', 'LIM-AR-Z', 200, '', ''], `198.51.100.${2 + i}`)).text).toContain('niet samen vinden');
		const knownOver = await submit(['LIM-AR', 'LIM-AR-A', 200, '', ''], '198.51.100.9');
		for (let i = 0; i < PER_CUSTOMER; i++) await submit(['LIM-NOBODY-AR', 'LIM-AR-A', 200, '', ''], `198.51.100.${20 + i}`);
		const unknownOver = await submit(['LIM-NOBODY-AR', 'LIM-AR-A', 200, '', ''], '198.51.100.30');
		expect(words(knownOver)).toContain(TOO_MANY);
		expect(words(unknownOver)).toBe(words(knownOver));
		// Another customer from a fresh client is still served.
		expect((await submit(['LIM-AR2', 'LIM-AR2-A', 200, '', ''], '198.51.100.40')).text).toContain('Kies uw regeling');
		expect(recordOf(await rest.rows('sc_debtors'), 'LIM-AR').flags?.arrangementActive).toBeUndefined();
	});
});
