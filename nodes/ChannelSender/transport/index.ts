/**
 * The Channel Sender's HTTP and credential glue: provider requests through n8n's request helpers
 * (with the credential's authentication), transport failures as results the send engine understands,
 * and n8n's deduplication store as the send ledger.
 */
import type { IBinaryKeyData, ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { DeliveryRecord, HttpFunction, HttpResult, LedgerStore, ProviderRequest } from '../../shared/providers';
import type { PreparedEmail } from '../../shared/providers/adapters/smtp';

/** Credential fields that are secrets: never passed to adapters (n8n adds authentication) and scrubbed from errors. */
const SECRET_FIELDS = new Set(['authToken', 'accessToken', 'appSecret', 'verifyToken', 'clientSecret', 'webhookSecret', 'signingSecret', 'password', 'apiKey', 'apiToken', 'productToken', 'accessKey', 'webhookSigningKey', 'serverToken', 'signingKey', 'publicKey']);

/**
 * Reads each credential type once per run. A dry run may go without credentials: the requests are
 * built with the default base URLs; an optional credential (SMTP's sender defaults) may be absent.
 */
export function credentialReader(ctx: IExecuteFunctions, dryRun: boolean): (credentialType: string | undefined, optional?: boolean) => Promise<ICredentialDataDecryptedObject | undefined> {
	const cache = new Map<string, ICredentialDataDecryptedObject | undefined>();
	return async (credentialType, optional = false) => {
		if (!credentialType) return undefined;
		if (!cache.has(credentialType)) {
			const read = dryRun || optional ? await ctx.getCredentials(credentialType).catch(() => undefined) : await ctx.getCredentials(credentialType);
			cache.set(credentialType, read as ICredentialDataDecryptedObject | undefined);
		}
		return cache.get(credentialType);
	};
}

/** Splits a credential into the fields adapters may see and the secrets (used only to scrub errors). */
export function splitCredentials(data: ICredentialDataDecryptedObject): { publicFields: Record<string, unknown>; secrets: Record<string, unknown> } {
	const publicFields: Record<string, unknown> = {};
	const secrets: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(data)) (SECRET_FIELDS.has(key) ? secrets : publicFields)[key] = value;
	return { publicFields, secrets };
}

function transportError(error: unknown): HttpResult {
	const details = (error ?? {}) as { message?: string; code?: string; httpCode?: string | null; cause?: { code?: string; message?: string } };
	// An HTTP status that n8n raised as an error (the credential's token exchange failed): an answer, not a lost request.
	const status = Number(details.httpCode);
	if (Number.isInteger(status) && status >= 400) return { statusCode: status, headers: {}, body: { message: 'the credential could not authenticate' } };
	const text = `${details.code ?? ''} ${details.cause?.code ?? ''} ${details.message ?? ''}`;
	const timeout = /timeout|ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT/i.test(text);
	return { transportError: true, code: timeout ? 'timeout' : 'network', message: timeout ? 'the provider did not answer in time' : `network error (${(details.cause?.code ?? details.code ?? 'connection failed').slice(0, 40)})` };
}

function toOptions(request: ProviderRequest, timeoutMs: number): IHttpRequestOptions {
	const isObject = request.body !== undefined && typeof request.body === 'object' && !(request.body instanceof Uint8Array);
	return {
		method: request.method,
		url: request.url,
		headers: request.headers,
		body: request.body as IHttpRequestOptions['body'],
		json: isObject,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
	};
}

function asResult(response: unknown): HttpResult {
	const full = (response ?? {}) as { statusCode?: number; headers?: Record<string, string>; body?: unknown };
	return { statusCode: Number(full.statusCode ?? 0), headers: full.headers ?? {}, body: full.body };
}

/** Requests to pre-signed URLs (an upload slot): no credential, since the URL itself authorises. */
async function unauthenticatedRequest(ctx: IExecuteFunctions, request: ProviderRequest, timeoutMs: number): Promise<HttpResult> {
	try {
		return asResult(await ctx.helpers.httpRequest(toOptions(request, timeoutMs)));
	} catch (error) {
		return transportError(error);
	}
}

export function httpFor(ctx: IExecuteFunctions, credentialType: string | undefined, timeoutMs: number): HttpFunction {
	return async (request) => {
		if (request.authenticate === false || !credentialType) return unauthenticatedRequest(ctx, request, timeoutMs);
		try {
			return asResult(await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, toOptions(request, timeoutMs)));
		} catch (error) {
			return transportError(error);
		}
	};
}

/** n8n's deduplication store (what the Remove Duplicates node uses), scoped to the workflow. */
export function n8nLedgerStore(ctx: IExecuteFunctions, maxEntries: number): LedgerStore | undefined {
	const helpers = ctx.helpers as Partial<IExecuteFunctions['helpers']>;
	if (typeof helpers.checkProcessedAndRecord !== 'function' || typeof helpers.removeProcessed !== 'function') return undefined;
	const options = { mode: 'entries' as const, maxEntries };
	return {
		checkAndRecord: async (values) => {
			const result = await helpers.checkProcessedAndRecord!(values, 'workflow', options);
			return { new: result.new.map(String), processed: result.processed.map(String) };
		},
		remove: (values) => helpers.removeProcessed!(values, 'workflow', options),
	};
}

/**
 * A message handed to n8n's Send Email node: the prepared message moves to `delivery.email` and each
 * attachment becomes a binary property of the item (Send Email attaches binary properties by name;
 * an inline image's name is its Content-ID), so the base64 is not carried twice.
 */
export async function sendEmailHandOff(ctx: IExecuteFunctions, delivery: DeliveryRecord, binary: IBinaryKeyData | undefined): Promise<{ delivery: DeliveryRecord; binary?: IBinaryKeyData }> {
	const { email, ...details } = (delivery.details ?? {}) as { email?: PreparedEmail };
	if (!email) return { delivery, binary };
	const { attachments, ...message } = email;
	const files: IBinaryKeyData = { ...(binary ?? {}) };
	for (const attachment of attachments) {
		files[attachment.property] = await ctx.helpers.prepareBinaryData(Buffer.from(attachment.contentBase64, 'base64'), attachment.filename, attachment.contentType);
	}
	const rest: DeliveryRecord = { ...delivery, email: { ...message, attachments: attachments.map(({ property, filename, contentType, inline }) => ({ property, filename, contentType, inline })) } } as DeliveryRecord;
	if (Object.keys(details).length > 0) rest.details = details;
	else delete rest.details;
	return { delivery: rest, binary: attachments.length > 0 || binary ? files : undefined };
}
