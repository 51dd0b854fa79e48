/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * A crash in the middle of the daily journey (workflow 1), in a real n8n with its Data Tables: n8n is
 * killed (SIGKILL) while the Channel Sender is sending, restarted, and the journey is run again the
 * same day and then on three following working days. E-mail goes to a real SMTP server on loopback
 * through the Send Email workflow (10) it calls (smtp-server: the sink keeps every message; SMTP cannot drop
 * a repeat; the message carries n8n's Message-ID, so a message is matched to its log row by that
 * Message-ID, or, sent before the crash, by recipient and day), SMS to a Twilio stand-in
 * that keeps every request (it does not drop a repeated key either), WhatsApp, letters and phone to
 * the Sandbox, whose outbox is the contact log (it sends nothing; its send is in the send ledger when
 * the fallback chain holds a real provider).
 *
 * What must hold ("a send is written to the record and the contact log before anything else can
 * fail, and a crash at any point leads to neither a second send nor a lost one, the next day
 * included"):
 *   - no journey step (debtor, stage, claims) reaches a provider under two keys, and no key is
 *     accepted twice by a provider that does not drop repeats: nobody gets a message twice;
 *   - every message a provider accepted, before or after the crash, is in the contact log and in the
 *     debtor's record, as `sent`, or as `unconfirmed` with a task for a person;
 *   - every contact logged as sent was accepted by its provider exactly once;
 *   - the sandbox outbox holds every journey step at most once over the four days;
 *   - a debtor with an unconfirmed contact gets nothing further until a person records the outcome.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type RunResult, type WorkflowJson } from '../../scripts/n8nInstance';
import { N8nRest, ownerEnv, type Row } from './harness/rest';
import { generatePortfolio } from '../fixtures/portfolio';
import { LoopbackServer, form, type Handler, type Recorded } from '../fixtures/providers/server';
import { TWILIO, twilioHandler } from '../fixtures/providers/twilio';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

jest.setTimeout(900_000);

// The case: 600 debtors, n8n killed after 25 sends (about 80 are due on the first day).
const COUNT = Number(process.env.CRASH_DEBTORS ?? 600);
/** The provider request during which n8n is killed (it reaches the provider; its answer never returns). */
const KILL_AT = Number(process.env.CRASH_AFTER ?? 25);
/**
 * Send Ledger Batch Size: 10 instead of 50, so that a day of some 80 sends has batches confirmed
 * before the crash, one in flight, one reserved ahead and new ones after it.
 */
const BATCH = 10;
const CRASH_DAY = '2026-07-01';
const LATER_DAYS = ['2026-07-02', '2026-07-03', '2026-07-06'];

const TWILIO_CRED = { id: 'scTwilioCrash001', name: 'Twilio (loopback)' };
const SMTP_CRED = { id: 'scSmtpCrash00001', name: 'SMTP sender defaults' };
/** n8n's own SMTP credential, on the Send Email node of workflow 10. */
const N8N_SMTP_CRED = { id: 'scSmtpN8nCrash01', name: 'SMTP sink (loopback)' };
/** The channels with a real provider here; WhatsApp, letter and phone go to the Sandbox. */
const REAL_CHANNELS = new Set(['email', 'sms']);

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
const nodeNamed = (wf: any, name: string): any => {
	const node = wf.nodes.find((n: { name: string }) => n.name === name);
	if (!node) throw new Error(`no node "${name}" in ${wf.name}`);
	return node;
};
const itemsOf = (run: RunResult, node: string, output = 0): any[] => (run.nodeNames().includes(node) ? run.items(node, output) : []);

/** One request a provider stand-in answered: which provider, the idempotency key, and whether it took the message. */
interface Delivery {
	provider: 'twilio' | 'smtp';
	/** SMTP: resolved from the contact log once the runs are over (resolveSmtpKeys). */
	key: string;
	/** SMTP: the Message-ID, the recipient and the journey day of the run that sent it. */
	messageId?: string;
	to?: string;
	day?: string;
	/** The provider took the message (for SMTP: the whole message reached the sink). */
	accepted: boolean;
	beforeCrash: boolean;
}

/** The journey run for `day` with real providers on loopback, the legal window off (the run is a replay, not at the planned moment). */
function configure(wf: any, day: string): void {
	for (const assignment of nodeNamed(wf, 'Settings').parameters.assignments.assignments) {
		if (assignment.name === 'referenceDate') assignment.value = day;
		if (assignment.name === 'now') assignment.value = `${day}T08:00:00+02:00`;
	}
	const sender = nodeNamed(wf, 'Send due messages');
	sender.parameters = {
		...sender.parameters,
		emailProvider: 'smtp',
		smsProvider: 'twilio',
		whatsappProvider: 'sandbox',
		letterProvider: 'sandbox',
		phoneProvider: 'sandbox',
		// The status callback makes Twilio's request carry the key (sc_key), so the test can count per key.
		options: { ...sender.parameters.options, contactWindow: false, ledgerBatchSize: BATCH, statusCallbackUrl: 'https://n8n.example.nl/webhook/status' },
	};
	sender.credentials = { socialCollectionsTwilioApi: TWILIO_CRED, socialCollectionsSmtpApi: SMTP_CRED };
}

describe('daily journey: n8n killed mid-send, restarted, rerun the same day and the next three working days', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;
	let journeyId: string;
	const servers: LoopbackServer[] = [];
	let smtp: SMTPServer | undefined;
	const deliveries: Delivery[] = [];
	let crashed = false;
	let logBeforeRerun: Row[] = [];
	const runs: Array<{ day: string; run: RunResult }> = [];
	let log: Row[] = [];
	let tasks: Row[] = [];
	let records = new Map<string, any>();

	/** Counts one message that reached a provider; true when it is the KILL_AT-th: n8n dies before the answer. */
	const reached = (delivery: Omit<Delivery, 'beforeCrash'>): boolean => {
		deliveries.push({ ...delivery, beforeCrash: !crashed });
		if (crashed || deliveries.length !== KILL_AT) return false;
		crashed = true;
		void n8n.kill();
		return true;
	};
	const counting = (provider: Delivery['provider'], keyOf: (request: Recorded) => string, inner: Handler): Handler => async (request) => {
		const reply = await inner(request);
		const status = 'status' in reply ? reply.status : 0;
		return reached({ provider, key: keyOf(request), accepted: status >= 200 && status < 300 }) ? { hang: true } : reply;
	};
	/** The journey day being run, for the SMTP messages (they carry no key). */
	let currentDay = CRASH_DAY;
	/** A real SMTP server that keeps every message, with its Message-ID and recipient. */
	const startSmtpSink = async (): Promise<number> => {
		smtp = new SMTPServer({
			logger: false,
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			onData(stream, session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				stream.on('end', () => {
					const head = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
					const messageId = /^message-id:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '';
					const to = session.envelope.rcptTo.map((r) => r.address).join(',');
					// The message reached the sink; the killed n8n never gets the 250.
					if (!reached({ provider: 'smtp', key: '', messageId, to, day: currentDay, accepted: true })) callback();
				});
			},
		});
		smtp.on('error', () => undefined);
		await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
		return ((smtp as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
	};

	/**
	 * The key of each message in the SMTP sink: the log row with its Message-ID (sent), else the e-mail
	 * row of its debtor on its day (sent before the crash: held as unconfirmed, no Message-ID known).
	 */
	const resolveSmtpKeys = () => {
		const emailOf = (debtorId: unknown) => String(records.get(debtorId as string)?.contact?.email ?? '').toLowerCase();
		for (const delivery of deliveries.filter((d) => d.provider === 'smtp')) {
			const row =
				log.find((r) => r.messageId && r.messageId === delivery.messageId) ??
				log.find((r) => r.channel === 'email' && r.day === delivery.day && ['sent', 'unconfirmed'].includes(r.decision as string) && emailOf(r.debtorId) === delivery.to);
			delivery.key = (row?.idempotencyKey as string | undefined) ?? `unmatched:${delivery.messageId}`;
		}
	};

	const runDay = async (day: string) => {
		currentDay = day;
		await rest.updateWorkflow(journeyId, (wf) => configure(wf, day));
		const run = await rest.runManually(journeyId, 'Run now (manual)');
		expect([day, run.raw.status]).toEqual([day, 'success']);
		runs.push({ day, run });
		return run;
	};

	beforeAll(async () => {
		servers.push(await LoopbackServer.start(counting('twilio', (r) => new URL(form(r.body).StatusCallback ?? 'http://x/').searchParams.get('sc_key') ?? '', twilioHandler())));
		const [twilio] = servers;
		const smtpPort = await startSmtpSink();
		n8n = await N8nInstance.create({ env: ownerEnv() });
		await n8n.importCredentials([
			{ ...TWILIO_CRED, type: 'socialCollectionsTwilioApi', data: { accountSid: TWILIO.accountSid, authToken: TWILIO.authToken, from: TWILIO.from, baseUrl: twilio.url } },
			{ ...SMTP_CRED, type: 'socialCollectionsSmtpApi', data: { from: 'incasso@example.nl', fromName: 'Voorbeeld Woonstichting' } },
			{ ...N8N_SMTP_CRED, type: 'smtp', data: { host: '127.0.0.1', port: smtpPort, secure: false, disableStartTls: true } },
		]);
		const setup = load('00-setup-data-tables.json');
		const journey = load('01-daily-collection-journey.json');
		// The Send Email workflow (10) with n8n's SMTP credential picked, as the admin does after importing.
		const sendEmail = load('10-send-email-smtp.json');
		nodeNamed(sendEmail, 'Send Email (SMTP)').credentials = { smtp: N8N_SMTP_CRED };
		await n8n.importWorkflow(sendEmail);
		journeyId = journey.id as string;
		configure(journey, CRASH_DAY);
		await n8n.importWorkflow(setup);
		await n8n.importWorkflow(journey);
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		expect((await rest.runManually(setup.id as string, 'Run once')).raw.status).toBe('success');
		const debtors = [...generatePortfolio({ seed: 21, count: COUNT, referenceDate: '2026-06-30' })].map((d: any) => d.record);
		await rest.insertRows('sc_debtors', debtors.map((record) => ({ debtorId: record.debtorId, status: 'open', record: JSON.stringify(record) })));

		// Day 1: the run dies in the middle of sending.
		const started = await rest.call<{ executionId?: string }>('post', `/workflows/${journeyId}/run`, { triggerToStartFrom: { name: 'Run now (manual)' } });
		expect(started.executionId).toBeDefined();
		const deadline = Date.now() + 600_000;
		while (!crashed && Date.now() < deadline) {
			const execution = await rest.call<any>('get', `/executions/${started.executionId}`).catch(() => undefined);
			if (execution && ['success', 'error', 'crashed', 'canceled'].includes(execution.status)) break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		if (!crashed) {
			const run = await rest.execution(started.executionId!);
			const errors = Object.entries(run.raw.data.resultData.runData).flatMap(([node, list]) => list.filter((entry) => entry.error).map((entry) => `${node}: ${entry.error!.message}`));
			const sent = itemsOf(run, 'Send due messages', 0).length + itemsOf(run, 'Send due messages', 1).length;
			throw new Error(`the day-1 run ended (${run.raw.status}; ${sent} items reached the Channel Sender; ${errors.join('; ') || 'no node error'}) after ${deliveries.length} provider requests, before request ${KILL_AT}: lower CRASH_AFTER or raise CRASH_DEBTORS`);
		}
		await n8n.kill();

		// n8n comes back on the same database; the same day is run again, then the next working days.
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		logBeforeRerun = await rest.rows('sc_contact_log');
		await runDay(CRASH_DAY);
		for (const day of LATER_DAYS) await runDay(day);
		log = await rest.rows('sc_contact_log');
		tasks = await rest.rows('sc_tasks');
		const rows = await rest.rows('sc_debtors');
		records = new Map(rows.map((row) => [row.debtorId as string, JSON.parse(row.record as string)]));
		resolveSmtpKeys();
		const byDay = runs.map(({ day, run }) => {
			const sent = itemsOf(run, 'Send due messages', 0);
			const notSent = itemsOf(run, 'Send due messages', 1);
			return `${day}: ${sent.filter((i) => !i.delivery.alreadySent).length} sent, ${sent.filter((i) => i.delivery.alreadySent).length} sent before, ${notSent.filter((i) => i.delivery.unconfirmed).length} unconfirmed, ${notSent.filter((i) => !i.delivery.unconfirmed).length} not sent`;
		});
		console.log(`crash after ${KILL_AT} of ${deliveries.filter((d) => d.beforeCrash).length} requests before the crash; ${byDay.join('; ')}; ${deliveries.filter((d) => d.provider === 'smtp').length} messages in the SMTP sink, ${log.filter((row) => row.decision === 'sent' && !REAL_CHANNELS.has(row.channel as string)).length} in the sandbox outbox`);
	});

	afterAll(async () => {
		await n8n?.dispose();
		for (const server of servers) await server.close();
		if (smtp) await new Promise<void>((resolve) => smtp!.close(() => resolve()));
	});

	const sentRows = () => log.filter((row) => row.decision === 'sent');
	const unconfirmedRows = () => log.filter((row) => row.decision === 'unconfirmed');
	const stepOf = (row: Row) => `${row.debtorId}/${row.stage}/${row.claimIds}`;

	test('n8n died mid-send (in the Channel Sender or the Send Email node after it): nothing of that run was recorded', () => {
		expect(crashed).toBe(true);
		expect(deliveries.filter((d) => d.beforeCrash)).toHaveLength(KILL_AT);
		expect(logBeforeRerun).toEqual([]);
	});

	test('the same-day rerun records what the crashed run sent, holds back what is unknown, sends the rest', () => {
		const sent = itemsOf(runs[0].run, 'Send due messages', 0);
		const notSent = itemsOf(runs[0].run, 'Send due messages', 1);
		const before = sent.filter((item) => item.delivery.alreadySent);
		// At least the first ledger batch was confirmed before the crash; nothing after the crash.
		expect(before.length).toBeGreaterThanOrEqual(BATCH);
		// (A Sandbox send with a real fallback channel is in the ledger too: it reached no provider.)
		expect(before.filter((item) => REAL_CHANNELS.has(item.delivery.channel)).length).toBeLessThan(KILL_AT);
		for (const item of before) expect(item.delivery).toMatchObject({ status: 'sent', reason: 'already-sent', attempts: 0 });
		expect(notSent.filter((item) => item.delivery.unconfirmed).length).toBeGreaterThan(0);
		// SMTP goes out in the Send Email node after the Channel Sender: when n8n died there, the Channel
		// Sender had claimed every contact of the day, so nothing is left to send; else the rest is sent.
		const diedInSendEmail = deliveries.some((d) => d.beforeCrash && d.provider === 'smtp');
		if (diedInSendEmail) expect(sent.filter((item) => !item.delivery.alreadySent)).toEqual([]);
		else expect(sent.filter((item) => !item.delivery.alreadySent).length).toBeGreaterThan(0);
		const rerunLog = log.filter((row) => row.day === CRASH_DAY);
		expect(rerunLog.filter((row) => row.decision === 'sent' && row.reason === 'sent by an earlier run')).toHaveLength(before.length);
	});

	test('no journey step reaches a provider under two keys, and no provider that keeps repeats took a key twice', () => {
		const logged = new Map<string, string>();
		for (const row of [...sentRows(), ...unconfirmedRows()]) logged.set(row.idempotencyKey as string, stepOf(row));
		const keysPerStep = new Map<string, Set<string>>();
		for (const delivery of deliveries.filter((d) => d.accepted)) {
			const step = logged.get(delivery.key);
			expect([delivery.key, step === undefined]).toEqual([delivery.key, false]);
			keysPerStep.set(step!, (keysPerStep.get(step!) ?? new Set()).add(delivery.key));
		}
		for (const [step, keys] of keysPerStep) expect([step, keys.size]).toEqual([step, 1]);
		const acceptedPerKey = new Map<string, number>();
		for (const delivery of deliveries.filter((d) => d.accepted)) acceptedPerKey.set(delivery.key, (acceptedPerKey.get(delivery.key) ?? 0) + 1);
		for (const [key, times] of acceptedPerKey) expect([key, times]).toEqual([key, 1]);
		expect(keysPerStep.size).toBeGreaterThan(KILL_AT);
	});

	test('every contact logged as sent was taken by its provider exactly once; each one of unknown outcome at most once, with a task', () => {
		const taken = (key: unknown) => deliveries.filter((d) => d.accepted && d.key === key).length;
		// (The sandbox sends nothing: its outbox is checked below.)
		for (const row of sentRows().filter((sent) => REAL_CHANNELS.has(sent.channel as string))) expect([row.debtorId, row.stage, taken(row.idempotencyKey)]).toEqual([row.debtorId, row.stage, 1]);
		const unknown = unconfirmedRows();
		expect(unknown.length).toBeGreaterThan(0);
		for (const row of unknown) {
			expect(taken(row.idempotencyKey)).toBeLessThanOrEqual(1);
			expect(tasks.filter((task) => task.debtorId === row.debtorId && task.day === row.day && String(task.why).startsWith('outcome unknown: '))).toHaveLength(1);
			// The task names the key to look up, never personal data.
			expect(String(row.reason)).toContain(String(row.idempotencyKey));
		}
		// Those in flight at the crash that reached the provider are among them.
		const inFlight = deliveries.filter((d) => d.beforeCrash && d.accepted).map((d) => d.key);
		const recorded = new Set([...sentRows(), ...unknown].map((row) => row.idempotencyKey));
		for (const key of inFlight) expect([key, recorded.has(key)]).toEqual([key, true]);
	});

	test('both real providers were used, and the SMTP sink got every e-mail logged as sent exactly once', () => {
		expect(deliveries.filter((d) => d.provider === 'smtp').length).toBeGreaterThan(0);
		expect(deliveries.filter((d) => d.provider === 'twilio').length).toBeGreaterThan(0);
		const mailed = sentRows().filter((row) => row.channel === 'email');
		expect(mailed.length).toBeGreaterThan(0);
		for (const row of mailed) expect([row.idempotencyKey, deliveries.filter((d) => d.provider === 'smtp' && d.key === row.idempotencyKey).length]).toEqual([row.idempotencyKey, 1]);
	});

	test('the sandbox outbox holds every journey step at most once over the four days', () => {
		// Sent on a Sandbox channel: simulated now, or by the crashed run (then in the send ledger).
		const outbox = sentRows().filter((row) => !REAL_CHANNELS.has(row.channel as string));
		expect(outbox.length).toBeGreaterThan(0);
		const perStep = new Map<string, number>();
		for (const row of outbox) perStep.set(stepOf(row), (perStep.get(stepOf(row)) ?? 0) + 1);
		for (const [step, times] of perStep) expect([step, times]).toEqual([step, 1]);
		// And no step went out through the sandbox and a real provider both.
		const real = new Set(sentRows().filter((row) => REAL_CHANNELS.has(row.channel as string)).map(stepOf));
		for (const step of perStep.keys()) expect([step, real.has(step)]).toEqual([step, false]);
	});

	test('every logged contact is in the debtor\'s record with its outcome, one per claim', () => {
		for (const row of [...sentRows(), ...unconfirmedRows()]) {
			const record = records.get(row.debtorId as string);
			const outcome = row.decision === 'sent' ? 'sent' : 'unconfirmed';
			const claims = row.claimIds ? String(row.claimIds).split(',') : [undefined];
			for (const claimId of claims) {
				const found = (record.contacts ?? []).filter((c: any) => c.direction === 'outbound' && c.stage === row.stage && c.outcome === outcome && c.claimId === claimId && c.at === row.moment);
				expect([row.debtorId, row.stage, claimId, found.length]).toEqual([row.debtorId, row.stage, claimId, 1]);
			}
		}
	});

	test('a debtor with a contact of unknown outcome gets nothing more until a person records it', () => {
		for (const row of unconfirmedRows()) {
			const later = log.filter((other) => other.debtorId === row.debtorId && (other.day as string) > (row.day as string));
			for (const other of later) expect([other.debtorId, other.day, other.decision, other.reason]).toEqual([row.debtorId, other.day, 'no-step', expect.stringMatching(/^paused/)]);
		}
	});
});
