/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * SMTP in a real n8n, the way the shipped workflows send it: the Channel Sender (provider "SMTP via
 * n8n's Send Email node") prepares the message, and the shipped Send Email step (workflows/src/
 * sendEmail.ts) calls workflow 10 as shipped, with n8n's SMTP credential picked and published, which
 * delivers it to a real SMTP server on loopback (smtp-server): plain with login, STARTTLS, and
 * implicit TLS, the self-signed certificate trusted through NODE_EXTRA_CA_CERTS (no check switched
 * off). The callers are published and started by their webhooks (production executions, which call
 * the published workflow 10). A refused recipient comes out unconfirmed on Not Sent; the QR code
 * arrives as an inline image; with workflow 10 unpublished nothing is sent and every message is held.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

import { N8nInstance, freePort, type WorkflowJson } from '../../scripts/n8nInstance';
import { N8nRest, ownerEnv } from './harness/rest';
import { REPO_ROOT } from '../../scripts/runtime';
import { Canvas } from '../../workflows/src/canvas';
import { SEND_EMAIL_WORKFLOW_ID, sendEmailAfter } from '../../workflows/src/sendEmail';
import { MESSAGE_WITH_QR, QR_PNG_BASE64 } from '../fixtures/providers/harness';

jest.setTimeout(600_000);

const TLS_DIR = path.join(__dirname, '../fixtures/providers/tls');
const CERT_FILE = path.join(TLS_DIR, 'localhost.cert.pem');
const cert = fs.readFileSync(CERT_FILE, 'utf8');
const key = fs.readFileSync(path.join(TLS_DIR, 'localhost.key.pem'), 'utf8');
/** The loopback server's login (it protects nothing). */
const LOGIN = { user: 'incasso', pass: 'loopback-login-for-e2e' };

interface Received {
	to: string[];
	raw: string;
	secure: boolean;
	user?: string;
}

async function startSmtp(options: Partial<SMTPServerOptions>, received: Received[]): Promise<{ server: SMTPServer; port: number }> {
	const server = new SMTPServer({
		logger: false,
		authMethods: ['PLAIN', 'LOGIN'],
		onAuth(auth, _session, callback) {
			if (auth.username === LOGIN.user && auth.password === LOGIN.pass) return callback(null, { user: auth.username });
			return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
		},
		onRcptTo(address, _session, callback) {
			if (address.address.startsWith('unknown')) return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
			return callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8'), secure: session.secure, user: session.user as string | undefined });
				callback();
			});
		},
		...options,
	});
	server.on('error', () => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, port: ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port };
}

/** Header `name` of a raw message (unfolded), or undefined. */
const header = (raw: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' '))?.[1];

/** Fails with n8n's reason when the call of workflow 10 failed as a whole. */
function expectWorkflow10Ran(run: { nodeNames(): string[]; items(node: string, output?: number): Array<Record<string, unknown>> }): void {
	if (run.nodeNames().includes('Send Email workflow failed')) throw new Error(`workflow 10 failed: ${JSON.stringify(run.items('Send Email (SMTP workflow)', 1))}`);
}

function debtor(id: string, email: string, message: Record<string, unknown> = {}) {
	return {
		debtorId: id,
		firstName: 'Test',
		lastName: 'Debtor',
		contact: { email },
		claims: [{ claimId: `${id}-C1`, principalCents: 4500, openCents: 4500, invoiceDate: '2026-05-01', dueDate: '2026-05-15' }],
		message: { channel: 'email', stage: 'reminder-1', subject: 'Herinnering factuur', text: 'Beste klant, uw factuur staat nog open.', html: '<p>Beste klant, uw factuur staat nog open.</p>', ...message },
	};
}

/**
 * A published workflow as a creditor runs it (a production execution, which calls the published
 * version of workflow 10): a webhook, the items, the Channel Sender on SMTP, then the shipped Send
 * Email step.
 */
function flow(kind: string, items: unknown[]): WorkflowJson {
	const c = new Canvas('5e5e5e5e');
	const start = c.add('Start', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'POST', path: `smtp-e2e-${kind}`, responseMode: 'onReceived', options: {} }, { webhookId: `5e5e5e5e-0000-4000-8000-${createHash('sha256').update(kind).digest('hex').slice(0, 12)}` });
	const list = c.add('Debtors (list)', 'n8n-nodes-base.set', 3.4, [220, 0], { mode: 'raw', jsonOutput: JSON.stringify({ items }), options: {} });
	const split = c.add('Debtors', 'n8n-nodes-base.splitOut', 1, [440, 0], { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} });
	const send = c.ours('Send', 'channelSender', [660, 0], { emailProvider: 'smtp', options: { contactWindow: false, emailFrom: 'incasso@example.nl', emailFromName: 'Voorbeeld Woonstichting' } });
	const mail = sendEmailAfter(c, send, [880, 0]);
	const sent = c.add('Sent', 'n8n-nodes-base.noOp', 1, [1800, -100]);
	const notSent = c.add('Not sent', 'n8n-nodes-base.noOp', 1, [1800, 100]);
	c.link(start, list);
	c.link(list, split);
	c.link(split, send);
	c.link(mail.sent[0], sent, mail.sent[1]);
	c.link(mail.notSent[0], notSent, mail.notSent[1]);
	return c.workflow(`scSmtpE2e${kind}`.padEnd(16, '0').slice(0, 16), `SMTP ${kind} e2e`) as unknown as WorkflowJson;
}


const FLOWS = {
	plain: flow('plain', [
		debtor('D-1', 'debtor.one@example.nl'),
		debtor('D-QR', 'debtor.qr@example.nl', { html: MESSAGE_WITH_QR.html, attachments: MESSAGE_WITH_QR.attachments }),
		debtor('D-GONE', 'unknown.debtor@example.nl'),
	]),
	starttls: flow('starttls', [debtor('D-starttls', 'debtor.starttls@example.nl')]),
	implicit: flow('implicit', [debtor('D-implicit', 'debtor.implicit@example.nl')]),
	unpublished: flow('unpublished', [debtor('D-U1', 'debtor.u1@example.nl'), debtor('D-U2', 'debtor.u2@example.nl')]),
};

describe("SMTP through n8n's Send Email node, in real n8n", () => {
	let n8n: N8nInstance;
	let rest: N8nRest;
	const received: Received[] = [];
	const servers: SMTPServer[] = [];
	const ports: Record<string, number> = {};
	const CREDS = {
		plain: { id: 'scSmtpPlain00001', name: 'SMTP plain (loopback)' },
		starttls: { id: 'scSmtpStartTls01', name: 'SMTP STARTTLS (loopback)' },
		implicit: { id: 'scSmtpTls0000001', name: 'SMTP SSL/TLS (loopback)' },
	};

	beforeAll(async () => {
		const plain = await startSmtp({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true }, received);
		const starttls = await startSmtp({ key, cert }, received);
		const implicit = await startSmtp({ secure: true, key, cert }, received);
		servers.push(plain.server, starttls.server, implicit.server);
		Object.assign(ports, { plain: plain.port, starttls: starttls.port, implicit: implicit.port });
		// The self-signed certificate is trusted the way an admin trusts a private CA for n8n.
		// Publishing goes through n8n's outbox: polled every half second here instead of every 15 s.
		n8n = await N8nInstance.create({ env: { ...ownerEnv(), N8N_RUNNERS_BROKER_PORT: String(await freePort()), NODE_EXTRA_CA_CERTS: CERT_FILE, N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '500' } });
		await n8n.importCredentials([
			{ ...CREDS.plain, type: 'smtp', data: { user: LOGIN.user, password: LOGIN.pass, host: '127.0.0.1', port: plain.port, secure: false, disableStartTls: true } },
			{ ...CREDS.starttls, type: 'smtp', data: { user: LOGIN.user, password: LOGIN.pass, host: 'localhost', port: starttls.port, secure: false, disableStartTls: false } },
			{ ...CREDS.implicit, type: 'smtp', data: { user: LOGIN.user, password: LOGIN.pass, host: 'localhost', port: implicit.port, secure: true } },
		]);
		// Workflow 10 as shipped (no credential), and the callers.
		await n8n.importWorkflows([JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', '10-send-email-smtp.json'), 'utf8')), ...Object.values(FLOWS)]);
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		for (const wf of Object.values(FLOWS)) await rest.publish(wf.id as string);
	});

	afterAll(async () => {
		await n8n?.dispose();
		for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	beforeEach(() => {
		received.length = 0;
	});

	/** Workflow 10 with `credential` picked and published, as the admin does. */
	const useSmtp = async (credential: { id: string; name: string }) => {
		await rest.updateWorkflow(SEND_EMAIL_WORKFLOW_ID, (wf) => {
			wf.nodes.find((node: { name: string }) => node.name === 'Send Email (SMTP)').credentials = { smtp: credential };
		});
		await rest.publish(SEND_EMAIL_WORKFLOW_ID);
	};

	/** Calls the caller's webhook and returns its execution once finished. */
	const runFlow = async (kind: keyof typeof FLOWS) => {
		const id = FLOWS[kind].id as string;
		const before = new Set((await rest.executions(id)).map((execution) => execution.id));
		expect((await n8n.webhook(`smtp-e2e-${kind}`, {})).status).toBe(200);
		for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
			const started = (await rest.executions(id)).find((execution) => !before.has(execution.id));
			if (started) return rest.execution(started.id);
		}
		throw new Error(`no execution of ${id} after its webhook`);
	};

	test('plain with login: delivered with the prepared From, To and subject; a refused recipient is unconfirmed on Not Sent; the QR code is an inline image', async () => {
		await useSmtp(CREDS.plain);
		const run = await runFlow('plain');
		expectWorkflow10Ran(run);
		expect(run.raw.status ?? 'success').not.toBe('error');
		const sent = run.items('Sent');
		const notSent = run.items('Not sent');
		expect(sent.map((item: any) => item.debtorId)).toEqual(['D-1', 'D-QR']);
		expect(notSent.map((item: any) => item.debtorId)).toEqual(['D-GONE']);

		expect(received.map((message) => message.to)).toEqual([['debtor.one@example.nl'], ['debtor.qr@example.nl']]);
		expect(received.every((message) => message.user === LOGIN.user && !message.secure)).toBe(true);
		const [first, qr] = received;
		expect(header(first.raw, 'From')).toBe('Voorbeeld Woonstichting <incasso@example.nl>');
		expect(header(first.raw, 'To')).toBe('debtor.one@example.nl');
		expect(header(first.raw, 'Subject')).toBe('Herinnering factuur');
		expect(first.raw).toMatch(/Content-Type: multipart\/alternative/);
		// No n8n attribution in a collection message.
		expect(first.raw).not.toContain('sent automatically with');

		// The delivery the workflow records: sent, with the Message-ID the server took, the claim's key kept.
		const delivery = (sent[0] as any).delivery;
		expect(delivery).toMatchObject({ status: 'sent', provider: 'smtp', channel: 'email' });
		expect(delivery.handOff).toBeUndefined();
		expect(delivery.email).toBeUndefined();
		expect(delivery.idempotencyKey).toMatch(/^sc1-[0-9a-f]{32}$/);
		expect(delivery.providerMessageId).toBe(header(first.raw, 'Message-ID'));
		expect(delivery.providerStatus).toMatch(/^250/);

		// The inline image: its Content-ID is the cid the HTML shows, its bytes the PNG.
		expect(qr.raw).toMatch(/Content-Type: multipart\/related/);
		const part = qr.raw.split(/\r\n--/).find((chunk) => /Content-ID: <epc-qr>/i.test(chunk))!;
		expect(part).toBeDefined();
		expect(part).toMatch(/Content-Type: image\/png/);
		const body = part.split('\r\n\r\n')[1].replace(/\s+/g, '');
		expect(Buffer.from(body, 'base64').equals(Buffer.from(QR_PNG_BASE64, 'base64'))).toBe(true);

		// The refused one: held for a person, no SMTP text (it may name the address) in the delivery.
		const refused = (notSent[0] as any).delivery;
		expect(refused).toMatchObject({ status: 'failed-transient', unconfirmed: true, outcomeUnknown: true, errorCode: 'send-email-failed' });
		expect(refused.errorMessage).toContain(refused.idempotencyKey);
		expect(JSON.stringify(refused)).not.toContain('unknown.debtor@example.nl');
		// No password anywhere in the run data.
		expect(JSON.stringify(run.raw)).not.toContain(LOGIN.pass);
	});

	test.each([
		['STARTTLS', 'starttls'],
		['implicit TLS (SSL/TLS)', 'implicit'],
	] as const)('%s with the certificate checked: delivered over TLS with login', async (_label, kind) => {
		await useSmtp(CREDS[kind]);
		const run = await runFlow(kind);
		expectWorkflow10Ran(run);
		// Nothing reached Not Sent: that node did not run at all.
		expect(run.nodeNames()).not.toContain('Not sent');
		expect(run.items('Sent').map((item: any) => item.delivery.status)).toEqual(['sent']);
		expect(received).toHaveLength(1);
		expect(received[0]).toMatchObject({ to: [`debtor.${kind}@example.nl`], secure: true, user: LOGIN.user });
		expect(ports[kind]).toBeGreaterThan(0);
	});

	test('workflow 10 not published: nothing is sent, every SMTP message is held unconfirmed on Not Sent with the reason', async () => {
		await useSmtp(CREDS.plain);
		await rest.publish(SEND_EMAIL_WORKFLOW_ID, false);
		const run = await runFlow('unpublished');
		expect(run.raw.status ?? 'success').not.toBe('error');
		expect(run.nodeNames()).not.toContain('Sent');
		const held = run.items('Not sent').map((item: any) => item.delivery);
		expect(held.map((delivery: any) => delivery.errorCode)).toEqual(['send-email-workflow-failed', 'send-email-workflow-failed']);
		expect(held.every((delivery: any) => delivery.unconfirmed === true && delivery.handOff === undefined && delivery.email === undefined)).toBe(true);
		expect(held[0].errorMessage).toContain('Social Collections: send e-mail (SMTP)');
		expect(held[0].errorMessage).toContain(held[0].idempotencyKey);
		expect(run.items('Not sent').map((item: any) => item.debtorId)).toEqual(['D-U1', 'D-U2']);
		expect(received).toEqual([]);
	});
});
