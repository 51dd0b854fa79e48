/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * Workflows 3 (early warning), 4 (flex collection date form) and 5 (payment arrangement form) in one
 * real n8n (`n8n start`, one instance for the three to spare the shared machine), with their Data
 * Table nodes untouched: debtors are seeded into sc_debtors over the REST API, workflow 3 is run as
 * "Execute workflow" does, the forms are filled in over HTTP exactly as a browser does (multipart
 * POST to /form/<path>, then the /form-waiting/<execution> pages).
 *
 * Two things differ from the shipped files, both for determinism: the Settings nodes get a fixed day
 * (Tuesday 24 November 2026), and the Channel Sender's legal-window guard, which reads the real clock
 * (tested in channelSender.test.ts), is switched off so the suite passes at night too. Everything is
 * sent through the Sandbox provider, as shipped.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type RunResult, type WorkflowJson } from '../../scripts/n8nInstance';
import { erpCredential, useErpCredential } from './harness/erpIntake';
import { hmacSha256Hex } from './harness/signing';
import { N8nRest, ownerEnv, type Row } from './harness/rest';
import { FLEX_DAY_FIELD } from '../../workflows/src/04-flex-collection-date';
import { NO_PLAN_OPTION } from '../../workflows/src/05-payment-arrangement';
import { journeyOfItem } from '../../nodes/JourneyPlanner/item';
import { parseIsoDate } from '../../nodes/shared/calendar/days';
import { getDutchCalendar } from '../../nodes/shared/calendar';

jest.setTimeout(900_000);

const DAY = '2026-11-24'; // a Tuesday
const NOW = '2026-11-24T10:00:00.000+01:00';
const DIR = path.join(REPO_ROOT, 'workflows');
const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

/** A copy of a shipped workflow with a fixed day and the real-clock window guard off (see above). */
function forTest(file: string, settings: Record<string, string>): WorkflowJson {
	const wf = load(file);
	for (const node of wf.nodes as any[]) {
		if (node.name === 'Settings') {
			for (const assignment of node.parameters.assignments.assignments) if (assignment.name in settings) assignment.value = settings[assignment.name];
		}
		if (node.type === 'n8n-nodes-social-collections.channelSender') node.parameters.options = { ...node.parameters.options, contactWindow: false };
	}
	return wf;
}

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test-only secret shared with this test's own n8n
const ERP_SECRET = 'erp-intake-test-secret-5b1c';
const ERP_CRED = { id: 'scErpHmacCred05', name: 'ERP intake signing secret' };

const ADDRESS = { street: 'Dorpsstraat', houseNumber: '12', postalCode: '3511 AB', city: 'Utrecht' };

/** Monthly rent of EUR 650 due on the 1st, May to November 2026; `open` months unpaid (newest first). */
function rentDebtor(debtorId: string, open: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
	const months = ['05', '06', '07', '08', '09', '10', '11'];
	const claims = months.map((m, i) => ({
		claimId: `${debtorId}-2026-${m}`,
		principalCents: 65000,
		openCents: i >= months.length - open ? 65000 : 0,
		invoiceDate: `2026-${String(Number(m) - 1).padStart(2, '0')}-15`,
		dueDate: `2026-${m}-01`,
		sector: 'rent',
	}));
	const payments = claims.filter((c) => c.openCents === 0).map((c) => ({ claimId: c.claimId, amountCents: 65000, date: c.dueDate }));
	return {
		debtorId,
		firstName: 'Anna',
		lastName: `de Vries ${debtorId}`,
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678', address: ADDRESS },
		income: { type: 'salary-monthly', dayOfMonth: 25 },
		claims,
		payments,
		contacts: [],
		...extra,
	};
}

/** The legal preconditions recorded: a call attempt and the written care message with the sharing offer. */
const PRECONDITIONS = [
	{ at: '2026-10-08T10:00:00+02:00', channel: 'phone', direction: 'outbound', stage: 'early-warning-care', outcome: 'no-answer' },
	{ at: '2026-10-09T09:00:00+02:00', channel: 'email', direction: 'outbound', stage: 'early-warning-care', outcome: 'sent' },
];

const row = (record: Record<string, unknown>) => ({ debtorId: record.debtorId as string, status: 'open', record: JSON.stringify(record) });
const recordOf = (rows: Row[], debtorId: string): any => JSON.parse(rows.find((r) => r.debtorId === debtorId)!.record as string);
const itemsOf = (run: RunResult, node: string, output = 0): any[] => (run.nodeNames().includes(node) ? run.items(node, output) : []);

/** Plain text of an n8n form page (tags dropped, the entities handlebars writes decoded). */
function pageText(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#x3D;/g, '=').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

describe('workflows 3, 4 and 5 in real n8n', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;

	/** Fills in one page of an n8n form (multipart, fields field-0, field-1, ...) and returns the next page. */
	async function submit(url: string, values: Array<string | number>): Promise<{ html: string; text: string; waitingUrl: string; executionId: string }> {
		const body = new FormData();
		values.forEach((value, index) => body.append(`field-${index}`, String(value)));
		const response = await axios.post(url, body, { validateStatus: () => true, maxRedirects: 0, timeout: 60_000 });
		expect([response.status, typeof response.data === 'string' ? response.data.slice(0, 300) : '']).toEqual([200, expect.anything()]);
		// The trigger answers with the page to go to; a later page's POST answers on the same URL.
		const next = String(response.data?.formWaitingUrl ?? url).replace(/^https?:\/\/[^/]+/, n8n.baseUrl);
		const executionId = /\/form-waiting\/(\d+)/.exec(next)![1];
		// As the form page's script does: wait until the run waits for the browser, then load the page.
		const status = next.replace('?', '/n8n-execution-status?');
		for (let attempt = 0; ; attempt++) {
			const state = String((await axios.get(status, { validateStatus: () => true, timeout: 10_000 })).data);
			if (state === 'form-waiting' || state === 'waiting' || state === 'success') break;
			if (state === 'error' || attempt > 240) throw new Error(`form run ${executionId} is ${state}:\n${n8n.log.slice(-3000)}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const page = await axios.get(next, { validateStatus: () => true, timeout: 30_000 });
		expect(page.status).toBe(200);
		return { html: String(page.data), text: pageText(String(page.data)), waitingUrl: next, executionId };
	}

	/** What the answer page's script does when it opens: it tells the waiting run to finish. */
	async function finish(page: { waitingUrl: string; executionId: string }): Promise<RunResult> {
		await axios.post(page.waitingUrl, new FormData(), { validateStatus: () => true, timeout: 60_000 });
		return rest.execution(page.executionId);
	}

	const formUrl = (pathName: string) => `${n8n.baseUrl}/form/${pathName}`;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ env: ownerEnv() });
		await n8n.importWorkflow(load('00-setup-data-tables.json'));
		// The ERP intake too: its payments arrive while a debtor is between the arrangement form's pages.
		await n8n.importCredentials([erpCredential(ERP_CRED.id, ERP_CRED.name, ERP_SECRET)]);
		const intake = load('02-erp-intake.json');
		useErpCredential(intake, ERP_CRED);
		await n8n.importWorkflow(intake);
		await n8n.publishWorkflow(intake.id as string);
		await n8n.importWorkflow(forTest('03-early-warning.json', { referenceDate: DAY, now: NOW }));
		for (const [file, settings] of [['04-flex-collection-date.json', { referenceDate: DAY, now: NOW }], ['05-payment-arrangement.json', { referenceDate: DAY }]] as const) {
			const wf = forTest(file, settings);
			await n8n.importWorkflow(wf);
			await n8n.publishWorkflow(wf.id as string);
		}
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		const setup = await rest.runManually('scSetupTables01', 'Run once');
		expect(setup.raw.status).toBe('success');
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	describe('3. early warning', () => {
		let first: RunResult & { executionId: string };
		let second: RunResult & { executionId: string };
		let debtors: Row[];
		let tasks: Row[];
		let signals: Row[];
		let log: Row[];

		beforeAll(async () => {
			await rest.insertRows('sc_debtors', [
				row(rentDebtor('EW-NEW', 2)),
				row(rentDebtor('EW-READY', 2, { contacts: PRECONDITIONS })),
				row(rentDebtor('EW-SIGNALLED', 2, { contacts: PRECONDITIONS, municipalitySignalledOn: '2026-11-10' })),
				row(rentDebtor('EW-OBJECTED', 2, { contacts: PRECONDITIONS, consents: { municipalityObjection: true } })),
				row(rentDebtor('EW-DISPUTE', 2, { flags: { dispute: true } })),
				row(rentDebtor('OK-PAID', 0)),
			]);
			first = await rest.runManually('scEarlyWarning03', 'Run now (manual)');
			debtors = await rest.rows('sc_debtors');
			tasks = await rest.rows('sc_tasks');
			signals = await rest.rows('sc_municipality_signals');
			log = await rest.rows('sc_contact_log');
			second = await rest.runManually('scEarlyWarning03', 'Run now (manual)');
		});

		test('only debtors with signals go on; the paid-up debtor gets nothing', () => {
			expect(first.raw.status).toBe('success');
			const withSignals = itemsOf(first, 'Early-warning signals?', 0).map((item) => item.debtorId);
			expect(withSignals).toEqual(expect.arrayContaining(['EW-NEW', 'EW-READY', 'EW-SIGNALLED', 'EW-OBJECTED']));
			expect(withSignals).not.toContain('OK-PAID');
			expect(itemsOf(first, 'Early-warning signals?', 1).map((item) => item.debtorId)).toContain('OK-PAID');
			for (const item of itemsOf(first, 'Early-warning signals?', 0)) expect(item.segmentation.signals).toContain('legal-early-warning');
			expect(log.filter((r) => r.debtorId === 'OK-PAID')).toEqual([]);
		});

		test('a new case gets one written care message (sandbox) with the municipality offer, and a call task', () => {
			const sent = itemsOf(first, 'Send care message', 0);
			expect(sent.map((item) => item.debtorId)).toEqual(['EW-NEW']);
			expect(itemsOf(first, 'Send care message', 1)).toEqual([]);
			const [care] = sent;
			expect(care.message.stage).toBe('early-warning-care');
			expect(care.message.channel).toBe('email');
			expect(care.message.tone).toBe('supportive');
			expect(care.message.text).toMatch(/gemeente/i);
			expect(care.delivery).toMatchObject({ simulated: true, channel: 'email' });
			expect(['sent', 'queued']).toContain(care.delivery.status);
			expect(tasks.map((t) => [t.debtorId, t.stage, t.done])).toEqual([['EW-NEW', 'early-warning-care', 'false']]);
			expect(tasks[0].why).toMatch(/legal-early-warning/);
			// The attempt is on the record, so tomorrow's run knows (and the planner counts it as the pointer to help).
			const contacts = recordOf(debtors, 'EW-NEW').contacts;
			expect(contacts).toEqual([expect.objectContaining({ channel: 'email', direction: 'outbound', stage: 'early-warning-care', outcome: 'sent' })]);
			expect(log.filter((r) => r.debtorId === 'EW-NEW').map((r) => [r.decision, r.stage])).toEqual([['sent', 'early-warning-care']]);
		});

		test('the municipality signal is prepared (not sent) when every precondition is met, with only the allowed data', () => {
			expect(signals).toHaveLength(1);
			expect(signals[0]).toMatchObject({
				debtorId: 'EW-READY',
				preparedOn: DAY,
				name: 'Anna de Vries EW-READY',
				street: 'Dorpsstraat 12',
				postalCode: '3511 AB',
				city: 'Utrecht',
				email: 'ew-ready@example.nl',
				phone: '+31612345678',
				arrearsCents: '130000',
				personalContactOn: '2026-10-08',
				debtHelpPointerOn: '2026-10-08',
				reminderWithOfferOn: '2026-10-09',
				status: 'prepared',
				submittedOn: '',
			});
			expect(recordOf(debtors, 'EW-READY').municipalitySignalledOn).toBe(DAY);
			expect(log.find((r) => r.debtorId === 'EW-READY')).toMatchObject({ decision: 'signal-prepared', stage: 'municipality-signal' });
		});

		test('already signalled, objected and disputed debtors get no message, task or signal; the log says why', () => {
			const reasons = new Map(log.map((r) => [r.debtorId, r]));
			expect(reasons.get('EW-SIGNALLED')).toMatchObject({ decision: 'signal-already-signalled' });
			expect(reasons.get('EW-OBJECTED')).toMatchObject({ decision: 'signal-objected' });
			for (const id of ['EW-SIGNALLED', 'EW-OBJECTED', 'EW-DISPUTE']) {
				expect(tasks.filter((t) => t.debtorId === id)).toEqual([]);
				expect(signals.filter((s) => s.debtorId === id)).toEqual([]);
			}
			// The dispute still raises the legal signal, but its own flow (pause) applies: logged, nothing sent.
			expect(reasons.get('EW-DISPUTE')).toMatchObject({ decision: 'no-care', stage: 'early-warning-care' });
			expect(reasons.get('EW-DISPUTE')!.reason).toMatch(/persona dispute \(pause\)/);
			expect(recordOf(debtors, 'EW-DISPUTE').contacts).toEqual([]);
		});

		test('a second run the same day sends nothing, opens no task and prepares no signal again', async () => {
			expect(second.raw.status).toBe('success');
			expect(itemsOf(second, 'Send care message', 0)).toEqual([]);
			expect(itemsOf(second, 'Municipality signal ready?', 0)).toEqual([]);
			expect(await rest.rows('sc_tasks')).toHaveLength(tasks.length);
			expect(await rest.rows('sc_municipality_signals')).toHaveLength(1);
			const again = itemsOf(second, 'Municipality signal ready?', 1).map((item) => [item.debtorId, item.journey.municipalitySignal.status]);
			expect(again).toEqual(expect.arrayContaining([['EW-READY', 'already-signalled'], ['EW-NEW', 'blocked']]));
		});
	});

	describe('4. flex collection date', () => {
		const mandate = {
			debtorId: 'DD-1',
			firstName: 'Bram',
			lastName: 'Jansen',
			contact: { email: 'bram@example.nl', address: ADDRESS },
			paymentMethod: 'direct-debit',
			iban: 'NL91ABNA0417164300',
			income: { type: 'salary-monthly', dayOfMonth: 25 },
			claims: [
				{ claimId: 'E-2026-11', principalCents: 4500, openCents: 0, invoiceDate: '2026-10-20', dueDate: '2026-11-10', sector: 'energy' },
				{ claimId: 'E-2026-12', principalCents: 4500, openCents: 4500, invoiceDate: '2026-11-20', dueDate: '2026-12-10', sector: 'energy' },
			],
			payments: [{ claimId: 'E-2026-11', amountCents: 4500, date: '2026-11-10', method: 'direct-debit' }],
		};
		const transfer = { ...mandate, debtorId: 'BT-1', paymentMethod: 'bank-transfer', iban: undefined, claims: [{ ...mandate.claims[1], claimId: 'F-77' }], payments: [] };

		beforeAll(async () => {
			await rest.insertRows('sc_debtors', [row(mandate), row(transfer)]);
		});

		test('the form page asks for customer number, invoice number and day', async () => {
			const page = await axios.get(formUrl('incassodag'), { validateStatus: () => true });
			expect(page.status).toBe(200);
			const text = pageText(String(page.data));
			for (const label of ['Klantnummer', 'Factuurnummer', FLEX_DAY_FIELD]) expect(text).toContain(label);
		});

		test('a valid choice is stored, the first collection falls on a bank business day, the confirmation goes out', async () => {
			const page = await submit(formUrl('incassodag'), ['DD-1', 'e-2026-12', 27]);
			// 27 November is too soon for the 14-day pre-notification; 27 December is a Sunday: Monday 28 December.
			expect(page.text).toContain('Uw incassodag is opgeslagen');
			expect(page.text).toContain('rond de 27e');
			expect(page.text).toContain('maandag 28 december 2026');
			expect(page.text).toContain('bevestiging per e-mail');
			const run = await finish(page);
			expect(run.raw.status).toBe('success');
			const [sent] = itemsOf(run, 'Send confirmation', 0);
			expect(sent.schedule).toMatchObject({ collectionDate: '2026-12-28', basis: 'preferred-day' });
			expect(sent.message).toMatchObject({ stage: 'pre-due-notice', channel: 'email', dueDate: '2026-12-28' });
			expect(sent.delivery).toMatchObject({ simulated: true, channel: 'email' });
			const stored = recordOf(await rest.rows('sc_debtors'), 'DD-1');
			expect(stored.preferredCollectionDay).toBe(27);
			expect(stored).not.toHaveProperty('schedule');
			expect(stored).not.toHaveProperty('request');
			expect(stored.claims).toEqual(mandate.claims);
			const logged = (await rest.rows('sc_contact_log')).filter((r) => r.debtorId === 'DD-1');
			expect(logged.map((r) => r.decision)).toEqual(['collection-day-chosen']);
			expect(logged[0].reason).toContain('first collection 2026-12-28');
		});

		test('a wrong invoice number, an unknown customer and an impossible day change nothing and say what to do', async () => {
			const wrong = await submit(formUrl('incassodag'), ['DD-1', 'E-9999', 5]);
			const unknown = await submit(formUrl('incassodag'), ['D-NOBODY', 'E-2026-12', 5]);
			expect(wrong.text).toContain('niet samen vinden');
			// The same answer for both: the form cannot be used to find out who is a customer.
			expect(unknown.text).toContain('niet samen vinden');
			for (const day of [0, 32, 2.5]) {
				const page = await submit(formUrl('incassodag'), ['DD-1', 'E-2026-12', day]);
				expect(page.text).toContain('Kies een dag van 1 tot en met 31');
			}
			expect(recordOf(await rest.rows('sc_debtors'), 'DD-1').preferredCollectionDay).toBe(27);
			expect(itemsOf(await finish(wrong), 'Send confirmation')).toEqual([]);
		});

		test('without a direct-debit mandate the scheduler refuses, and the page says why', async () => {
			const page = await submit(formUrl('incassodag'), ['BT-1', 'F-77', 27]);
			expect(page.text).toContain('Dit kunnen wij niet aanpassen');
			expect(page.text).toContain('Geen machtiging');
			expect(recordOf(await rest.rows('sc_debtors'), 'BT-1')).not.toHaveProperty('preferredCollectionDay');
			expect((await rest.rows('sc_contact_log')).filter((r) => r.debtorId === 'BT-1').map((r) => [r.decision, r.reason])).toEqual([['collection-day-refused', 'no-mandate (payment-link)']]);
		});
	});

	describe('5. payment arrangement', () => {
		const debtor = (debtorId: string) => ({
			debtorId,
			firstName: 'Chris',
			lastName: 'Bakker',
			contact: { email: `${debtorId.toLowerCase()}@example.nl`, address: ADDRESS },
			income: { type: 'salary-monthly', dayOfMonth: 25 },
			claims: [
				{ claimId: `${debtorId}-A`, principalCents: 40000, openCents: 40000, invoiceDate: '2026-08-15', dueDate: '2026-09-01' },
				{ claimId: `${debtorId}-B`, principalCents: 20000, openCents: 20000, invoiceDate: '2026-09-15', dueDate: '2026-10-01' },
			],
		});
		const options = (html: string): string[] =>
			[...html.matchAll(/<option[^>]*value=["']([^"']*)["']/g)].map((m) => pageText(m[1]).trim()).filter((value) => value !== '');

		beforeAll(async () => {
			await rest.insertRows('sc_debtors', [row(debtor('AR-1')), row(debtor('AR-2')), row(debtor('AR-3'))]);
		});

		test('page 1 leads to plans within the stated amount; the chosen plan is stored, the journey pauses, the confirmation goes out', async () => {
			const plans = await submit(formUrl('betalingsregeling'), ['AR-1', 'ar-1-b', 200, 1700, 'Alleenstaand']);
			const choices = options(plans.html);
			expect(choices).toContain(NO_PLAN_OPTION);
			expect(choices[0]).toMatch(/^3 termijnen van EUR 200,00, de eerste op /);
			const done = await submit(plans.waitingUrl, [choices[0]]);
			expect(done.text).toContain('Uw betalingsregeling staat vast');
			expect(done.text).toContain('U betaalt 3 keer EUR 200,00');
			const run = await finish(done);
			expect(run.raw.status).toBe('success');

			const stored = recordOf(await rest.rows('sc_debtors'), 'AR-1');
			expect(stored.flags.arrangementActive).toBe(true);
			expect(stored.arrangement).toMatchObject({ agreedOn: DAY, totalCents: 60000, terms: 3, instalmentCents: 20000 });
			expect(stored.arrangement.instalments.map((i: any) => i.amountCents)).toEqual([20000, 20000, 20000]);
			expect(stored.income.netMonthlyCents).toBe(170000);
			expect(stored.household.composition).toBe('single');
			expect(stored).not.toHaveProperty('request');
			// The Journey Planner (the package's own rule) now pauses every collection step.
			const journey = journeyOfItem(stored, 0, {
				dayOf: () => parseIsoDate(DAY),
				calendarOf: () => getDutchCalendar(),
				language: 'en',
				ladders: () => ({}),
				pauseDaysOf: () => 30,
				optionsOf: () => ({}),
			});
			expect([journey.action, journey.reason]).toEqual(['none', 'paused']);

			const [sent] = itemsOf(run, 'Send confirmation', 0);
			expect(sent.message).toMatchObject({ stage: 'arrangement-confirmation', channel: 'email', amountCents: 20000 });
			expect(sent.delivery).toMatchObject({ simulated: true });
			expect((await rest.rows('sc_contact_log')).filter((r) => r.debtorId === 'AR-1').map((r) => r.decision)).toEqual(['arrangement-agreed']);
		});

		test('a second request while the arrangement runs changes nothing', async () => {
			const page = await submit(formUrl('betalingsregeling'), ['AR-1', 'AR-1-A', 50, '', '']);
			expect(page.text).toContain('U heeft al een betalingsregeling');
			expect(recordOf(await rest.rows('sc_debtors'), 'AR-1').arrangement.terms).toBe(3);
		});

		test('"call me" and an income at the protected floor give a task for a person, never a plan', async () => {
			const plans = await submit(formUrl('betalingsregeling'), ['AR-2', 'AR-2-A', 100, '', '']);
			const callMe = await submit(plans.waitingUrl, [NO_PLAN_OPTION]);
			expect(callMe.text).toContain('Wij bellen u');
			expect(callMe.text).toContain('U koos geen van de regelingen');
			const floor = await submit(formUrl('betalingsregeling'), ['AR-3', 'AR-3-A', 100, 1200, 'Alleenstaand']);
			expect(floor.text).toContain('Wij bellen u');
			expect(floor.text).toContain('geen regeling voorstellen');
			const tasks = (await rest.rows('sc_tasks')).filter((t) => ['AR-2', 'AR-3'].includes(t.debtorId as string));
			expect(tasks.map((t) => [t.debtorId, t.stage])).toEqual([['AR-2', 'arrangement-offer'], ['AR-3', 'arrangement-offer']]);
			expect(tasks[1].why).toMatch(/no-capacity/);
			const rows = await rest.rows('sc_debtors');
			for (const id of ['AR-2', 'AR-3']) expect(recordOf(rows, id).flags?.arrangementActive).toBeUndefined();
		});

		test('an ERP payment between the two pages is kept: the arrangement is saved on the record as it is then', async () => {
			await rest.insertRows('sc_debtors', [row(debtor('AR-4'))]);
			const plans = await submit(formUrl('betalingsregeling'), ['AR-4', 'AR-4-A', 200, '', '']);
			const choices = options(plans.html);
			// The ERP reports a payment of 250.00 while the debtor looks at the plans.
			const body = JSON.stringify({ events: [{ eventId: 'AR-4-PAY', type: 'payment', debtorId: 'AR-4', payment: { amountCents: 25000, date: DAY, paymentId: 'BANK-AR-4', claimId: 'AR-4-A' } }] });
			const timestamp = Math.floor(Date.now() / 1000);
			const signature = hmacSha256Hex(ERP_SECRET, `${timestamp}.${body}`);
			const answer = await n8n.webhook('sc-erp-intake', body, { headers: { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${signature}` }, transformRequest: [(data: string) => data] });
			expect(answer.data.results).toEqual([{ eventId: 'AR-4-PAY', result: 'accepted' }]);
			const done = await submit(plans.waitingUrl, [choices[0]]);
			expect(done.text).toContain('Uw betalingsregeling staat vast');
			expect((await finish(done)).raw.status).toBe('success');
			const rows = (await rest.rows('sc_debtors')).filter((r) => r.debtorId === 'AR-4');
			expect(rows).toHaveLength(1);
			const stored = JSON.parse(rows[0].record as string);
			expect(stored.payments).toEqual([{ amountCents: 25000, date: DAY, paymentId: 'BANK-AR-4', claimId: 'AR-4-A', method: 'bank-transfer' }]);
			expect(stored.claims.map((c: any) => c.openCents)).toEqual([15000, 20000]);
			expect(stored.flags.arrangementActive).toBe(true);
			expect(stored.arrangement.terms).toBeGreaterThan(0);
		});

		test('wrong numbers and an impossible amount are refused with a clear message', async () => {
			expect((await submit(formUrl('betalingsregeling'), ['AR-2', 'AR-1-A', 100, '', ''])).text).toContain('niet samen vinden');
			expect((await submit(formUrl('betalingsregeling'), ['AR-2', 'AR-2-A', 0, '', ''])).text).toContain('groter dan 0');
			expect((await submit(formUrl('betalingsregeling'), ['AR-2', 'AR-2-A', 100, -5, ''])).text).toContain('netto inkomen');
		});
	});
});
