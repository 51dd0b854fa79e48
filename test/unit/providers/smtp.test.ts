/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * SMTP against real loopback SMTP servers (smtp-server): plain with AUTH, STARTTLS and implicit TLS
 * with a self-signed certificate (trusted by PEM, refused without it), and the SMTP answers that
 * are permanent (550 unknown mailbox, 535 bad login) or transient (451).
 */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

import { smtpAdapter, verifySmtp, smtpSettings } from '../../../nodes/shared/providers/adapters/smtp';
import { IDEM, MESSAGE, MESSAGE_WITH_QR, QR_PNG_BASE64, send } from '../../fixtures/providers/harness';

const TLS_DIR = path.join(__dirname, '../../fixtures/providers/tls');
const cert = fs.readFileSync(path.join(TLS_DIR, 'localhost.cert.pem'), 'utf8');
const key = fs.readFileSync(path.join(TLS_DIR, 'localhost.key.pem'), 'utf8');

interface Received {
	from: string;
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
			if (auth.username === 'incasso' && auth.password === 'smtp-password-for-tests') return callback(null, { user: auth.username });
			const error = new Error('Invalid username or password') as Error & { responseCode: number };
			error.responseCode = 535;
			return callback(error);
		},
		onRcptTo(address, _session, callback) {
			if (address.address.startsWith('unknown')) {
				const error = new Error('5.1.1 Mailbox unavailable') as Error & { responseCode: number };
				error.responseCode = 550;
				return callback(error);
			}
			if (address.address.startsWith('greylisted')) {
				const error = new Error('4.7.1 Greylisted, try again later') as Error & { responseCode: number };
				error.responseCode = 451;
				return callback(error);
			}
			return callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8'), secure: session.secure, user: session.user as string | undefined });
				callback();
			});
		},
		...options,
	});
	// Refused TLS handshakes are the point of one test: the server side may log them, not fail.
	server.on('error', () => undefined);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, port: ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port };
}

/** The MIME parts of a raw message (one level of nesting is enough for related/alternative), headers unfolded. */
function mimeParts(raw: string): Array<{ headers: Record<string, string>; body: string }> {
	const parts: Array<{ headers: Record<string, string>; body: string }> = [];
	const walk = (entity: string) => {
		const split = entity.indexOf('\r\n\r\n');
		const head = entity.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
		const headers: Record<string, string> = {};
		for (const line of head.split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
		}
		const body = entity.slice(split + 4);
		const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
		if (!boundary) return void parts.push({ headers, body });
		for (const child of body.split(`--${boundary}`).slice(1)) if (!child.startsWith('--')) walk(child.replace(/^\r\n/, ''));
	};
	walk(raw);
	return parts;
}

const decodeQuotedPrintable = (text: string) => Buffer.from(text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

const stop = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('SMTP', () => {
	const received: Received[] = [];
	let starttls: { server: SMTPServer; port: number };
	let implicit: { server: SMTPServer; port: number };

	beforeAll(async () => {
		starttls = await startSmtp({ key, cert }, received);
		implicit = await startSmtp({ secure: true, key, cert }, received);
	});
	afterAll(async () => {
		await stop(starttls.server);
		await stop(implicit.server);
	});
	beforeEach(() => {
		received.length = 0;
	});

	const credentials = (port: number, extra: Record<string, unknown> = {}) => ({ host: '127.0.0.1', port, user: 'incasso', from: 'incasso@example.nl', fromName: 'Incasso NL', startTls: 'require', trustedCaPem: cert, ...extra });
	const secrets = { password: 'smtp-password-for-tests' };
	const mail = (port: number, extra: Record<string, unknown> = {}, more: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: smtpAdapter, channel: 'email', credentials: credentials(port, extra), secrets, ...more });

	test('STARTTLS with the self-signed certificate trusted by PEM: delivered with login, headers and both parts', async () => {
		const { result } = await mail(starttls.port);
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'sent', providerMessageId: `<${IDEM}@example.nl>` });
		expect(received).toHaveLength(1);
		const [message] = received;
		expect(message.secure).toBe(true);
		expect(message.user).toBe('incasso');
		expect(message.from).toBe('incasso@example.nl');
		expect(message.to).toEqual(['jan.devries@example.nl']);
		expect(message.raw).toMatch(/^From: "?Incasso NL"? <incasso@example\.nl>$/m);
		expect(message.raw).toMatch(/^To: jan\.devries@example\.nl$/m);
		expect(message.raw).toContain(`Message-ID: <${IDEM}@example.nl>`);
		expect(message.raw).toContain(`X-Idempotency-Key: ${IDEM}`);
		expect(message.raw).toContain('Auto-Submitted: auto-generated');
		expect(message.raw).toMatch(/Content-Type: multipart\/alternative/);
		expect(message.raw).toMatch(/Content-Type: text\/plain/);
		expect(message.raw).toMatch(/Content-Type: text\/html/);
		// The subject is MIME-encoded (it has no non-ASCII here, so it stays readable).
		expect(message.raw).toContain(`Subject: ${MESSAGE.subject}`);
	});

	test('the QR code arrives as an inline image part whose Content-ID is the cid the HTML shows', async () => {
		const { result } = await mail(starttls.port, {}, { message: MESSAGE_WITH_QR });
		expect(result.outcome.kind).toBe('accepted');
		const parts = mimeParts(received[0].raw);
		const html = parts.find((part) => part.headers['content-type']?.startsWith('text/html'))!;
		const shown = html.headers['content-transfer-encoding'] === 'quoted-printable' ? decodeQuotedPrintable(html.body) : html.body;
		const cid = /src="cid:([^"]+)"/.exec(shown)![1];
		const image = parts.find((part) => part.headers['content-id'] === `<${cid}>`);
		expect(image).toBeDefined();
		expect(image!.headers['content-type']).toMatch(/^image\/png/);
		expect(image!.headers['content-disposition']).toMatch(/^inline/);
		expect(image!.headers['content-transfer-encoding']).toBe('base64');
		// The bytes that arrive are the PNG that was sent.
		expect(Buffer.from(image!.body.replace(/\s+/g, ''), 'base64').equals(Buffer.from(QR_PNG_BASE64, 'base64'))).toBe(true);
		expect(received[0].raw).toMatch(/Content-Type: multipart\/related/);
	});

	test('implicit TLS (SSL/TLS) works the same', async () => {
		const { result } = await mail(implicit.port, { secure: true });
		expect(result.outcome.kind).toBe('accepted');
		expect(received[0].secure).toBe(true);
	});

	test('without the trusted certificate the self-signed server is refused, permanently (a config fix is needed)', async () => {
		const { result } = await mail(implicit.port, { secure: true, trustedCaPem: '' });
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent' });
		expect(result.attempts).toBe(1);
		expect(received).toHaveLength(0);
		// Switching validation off is possible, though not recommended.
		const relaxed = await mail(implicit.port, { secure: true, trustedCaPem: '', allowUnverifiedTls: true });
		expect(relaxed.result.outcome.kind).toBe('accepted');
	});

	test('550 for the mailbox is permanent and marks the contact invalid', async () => {
		const { result } = await mail(starttls.port, {}, { recipient: { debtorId: 'D-1', email: 'unknown@example.nl' } });
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '550', reason: 'invalid-contact' });
		expect(result.attempts).toBe(1);
	});

	test('451 (greylisting) is transient and retried', async () => {
		const { result, sleeps } = await mail(starttls.port, {}, { recipient: { debtorId: 'D-1', email: 'greylisted@example.nl' }, retry: { maxAttempts: 2, baseDelayMs: 100 } });
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'transient', errorCode: '451' });
		expect(result.attempts).toBe(2);
		expect(sleeps).toEqual([75]);
	});

	test('a wrong password is a permanent authentication failure, and the password is not in the error', async () => {
		const { result } = await send({ adapter: smtpAdapter, channel: 'email', credentials: credentials(starttls.port), secrets: { password: 'not-the-password' } });
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: 'EAUTH', httpStatus: 535, reason: 'auth' });
		expect(JSON.stringify(result.outcome)).not.toContain('not-the-password');
	});

	test('the credential test verifies TLS and login, and fails on a wrong password', async () => {
		await expect(verifySmtp(smtpSettings(credentials(starttls.port), secrets), 5000)).resolves.toBeUndefined();
		await expect(verifySmtp(smtpSettings(credentials(starttls.port), { password: 'x' }), 5000)).rejects.toMatchObject({ code: 'EAUTH' });
	});

	test('the dry-run request names the server and the exact mail, without the password', () => {
		const request = smtpAdapter.buildRequest(MESSAGE, { debtorId: 'D-1', email: 'jan.devries@example.nl' }, { channel: 'email', idempotencyKey: IDEM, credentials: credentials(starttls.port), options: {}, timeoutMs: 1000, cache: new Map(), now: Date.now });
		expect(request.url).toBe(`smtp://127.0.0.1:${starttls.port}`);
		expect(request.body).toMatchObject({ to: 'jan.devries@example.nl', subject: MESSAGE.subject, messageId: `<${IDEM}@example.nl>` });
		expect(JSON.stringify(request)).not.toContain('smtp-password-for-tests');
	});
});
