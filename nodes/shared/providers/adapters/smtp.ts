/**
 * SMTP through nodemailer (bundled into the node): one pooled connection per credential and run,
 * implicit TLS (port 465) or STARTTLS, optional self-signed certificates for an internal relay.
 * SMTP has no delivery reports; the 250 answer means the relay accepted the message. The
 * Message-ID is derived from the idempotency key so a bounce can be traced back to the send.
 */
import { createTransport, type Transporter } from 'nodemailer';

import { emailContent, requireFrom } from '../content';
import { limit, str } from '../http';
import { SendValidationError, type ProviderAdapter, type SendContext, type SendOutcome } from '../types';

const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'ECONFIG', 'ETLS', 'EENVELOPE', 'EMESSAGE', 'EREQUIRETLS']);

export interface SmtpSettings {
	host: string;
	port: number;
	secure: boolean;
	user?: string;
	password?: string;
	/** STARTTLS: require it (true), allow it (false), or never use it ('ignore'). */
	startTls: 'require' | 'opportunistic' | 'ignore';
	allowUnauthorizedCerts: boolean;
	/** PEM of a private CA (or self-signed certificate) to trust. */
	caCertificate?: string;
	heloName?: string;
}

/** SMTP settings from a credential (secrets included: SMTP has no n8n authentication layer). */
export function smtpSettings(credentials: Record<string, unknown>, secrets: Record<string, unknown> = {}): SmtpSettings {
	const host = str(credentials.host);
	if (!host) throw new SendValidationError('the SMTP credential has no host', 'credentials.host', 'configuration');
	const secure = credentials.secure === true;
	const startTls = str(credentials.startTls);
	return {
		host,
		port: Number(credentials.port) || (secure ? 465 : 587),
		secure,
		user: str(credentials.user),
		password: str(secrets.password ?? credentials.password),
		startTls: startTls === 'require' || startTls === 'ignore' ? startTls : 'opportunistic',
		allowUnauthorizedCerts: credentials.allowUnverifiedTls === true,
		caCertificate: str(credentials.trustedCaPem),
		heloName: str(credentials.heloName),
	};
}

/** nodemailer transport options for the settings (pooled for sending, single for verification). */
function transportOptions(settings: SmtpSettings, timeoutMs: number, pool: boolean) {
	return {
		pool,
		maxConnections: 5,
		host: settings.host,
		port: settings.port,
		secure: settings.secure,
		requireTLS: settings.startTls === 'require',
		ignoreTLS: settings.startTls === 'ignore',
		auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
		tls: { rejectUnauthorized: !settings.allowUnauthorizedCerts, ...(settings.caCertificate ? { ca: settings.caCertificate } : {}) },
		name: settings.heloName,
		connectionTimeout: timeoutMs,
		greetingTimeout: timeoutMs,
		socketTimeout: timeoutMs,
	};
}

/** Opens a connection, says EHLO, authenticates and closes: the credential test. */
export async function verifySmtp(settings: SmtpSettings, timeoutMs = 15_000): Promise<void> {
	const transport = createTransport(transportOptions(settings, timeoutMs, false));
	try {
		await transport.verify();
	} finally {
		transport.close();
	}
}

function transportFor(context: SendContext): Transporter {
	const settings = smtpSettings(context.credentials, context.secrets);
	const key = `smtp:${settings.host}:${settings.port}:${settings.user ?? ''}`;
	let transport = context.cache.get(key) as Transporter | undefined;
	if (!transport) {
		transport = createTransport(transportOptions(settings, context.timeoutMs, true));
		context.cache.set(key, transport);
	}
	return transport;
}

function domainOf(address: string): string {
	const match = /@([^>\s]+)>?\s*$/.exec(address);
	return match ? match[1] : 'localhost';
}

function smtpError(error: unknown): SendOutcome {
	const details = (error ?? {}) as { code?: string; originalCode?: string; responseCode?: number; message?: string; response?: string; timeoutType?: string };
	const responseCode = Number(details.responseCode);
	const code = details.code ?? 'smtp-error';
	const message = limit(details.response ?? details.message ?? 'SMTP error');
	if (code === 'EAUTH' || code === 'ENOAUTH') return { kind: 'failed', permanence: 'permanent', errorCode: code, errorMessage: message, httpStatus: Number.isFinite(responseCode) ? responseCode : undefined, reason: 'auth' };
	if (Number.isFinite(responseCode) && responseCode >= 400) {
		const permanent = responseCode >= 500;
		// 550/551/553: mailbox unknown or unavailable.
		const invalid = [550, 551, 553].includes(responseCode);
		return { kind: 'failed', permanence: permanent ? 'permanent' : 'transient', errorCode: String(responseCode), errorMessage: message, reason: invalid ? 'invalid-contact' : permanent ? 'validation' : 'server' };
	}
	// An untrusted or mismatching certificate will fail the same way until the credential changes.
	if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(details.originalCode ?? '') || /certificate/i.test(details.message ?? '')) {
		return { kind: 'failed', permanence: 'permanent', errorCode: details.originalCode ?? 'ETLS', errorMessage: message, reason: 'auth' };
	}
	if (PERMANENT_CODES.has(code)) return { kind: 'failed', permanence: 'permanent', errorCode: code, errorMessage: message, reason: code === 'EAUTH' || code === 'ENOAUTH' ? 'auth' : 'validation' };
	// Only a timeout after the connection stood may have delivered the message.
	const unknown = code === 'ETIMEDOUT' && details.timeoutType !== 'CONNECT_TIMEOUT' && details.timeoutType !== 'GREETING_TIMEOUT';
	return { kind: 'failed', permanence: 'transient', errorCode: code, errorMessage: message, outcomeUnknown: unknown, reason: 'network' };
}

function mailFor(message: Parameters<ProviderAdapter['buildRequest']>[0], recipient: Parameters<ProviderAdapter['buildRequest']>[1], context: SendContext) {
	const email = emailContent(message, recipient);
	const from = requireFrom(str(context.options.from) ?? str(context.credentials.from), 'sender e-mail address');
	const fromName = str(context.options.fromName) ?? str(context.credentials.fromName);
	return {
		from: fromName ? { name: fromName, address: from } : from,
		to: email.to,
		subject: email.subject,
		text: email.text,
		html: email.html,
		replyTo: str(context.options.replyTo),
		messageId: `<${context.idempotencyKey}@${domainOf(from)}>`,
		headers: { 'X-Idempotency-Key': context.idempotencyKey, 'Auto-Submitted': 'auto-generated' },
		// nodemailer decodes the base64 itself; a cid makes the part inline with that Content-ID.
		...(email.attachments.length
			? {
					attachments: email.attachments.map(({ filename, contentType, cid, contentBase64 }) => ({
						filename,
						contentType,
						content: contentBase64,
						encoding: 'base64',
						...(cid ? { cid, contentDisposition: 'inline' as const } : { contentDisposition: 'attachment' as const }),
					})),
				}
			: {}),
	};
}

export const smtpAdapter: ProviderAdapter = {
	id: 'smtp',
	displayName: 'SMTP',
	channels: ['email'],
	credentialType: 'socialCollectionsSmtpApi',
	idempotency: 'reference',
	defaultRatePerSecond: 20,
	buildRequest(message, recipient, context) {
		const settings = smtpSettings(context.credentials, {});
		const mail = mailFor(message, recipient, context);
		return { method: 'POST', url: `${settings.secure ? 'smtps' : 'smtp'}://${settings.host}:${settings.port}`, headers: mail.headers, body: { ...mail }, authenticate: false };
	},
	parseResponse() {
		return { kind: 'accepted', status: 'sent' };
	},
	async send(message, recipient, context) {
		const mail = mailFor(message, recipient, context);
		try {
			const info = await transportFor(context).sendMail(mail);
			const rejected = (info.rejected ?? []).map(String);
			if (rejected.length > 0) return { kind: 'failed', permanence: 'permanent', errorCode: 'rejected', errorMessage: 'the SMTP server rejected the recipient', reason: 'invalid-contact' };
			return { kind: 'accepted', status: 'sent', providerMessageId: str(info.messageId), providerStatus: limit(String(info.response ?? ''), 80) };
		} catch (error) {
			return smtpError(error);
		}
	},
	async dispose(cache) {
		for (const [key, value] of cache) {
			if (key.startsWith('smtp:')) (value as Transporter).close();
		}
	},
};
