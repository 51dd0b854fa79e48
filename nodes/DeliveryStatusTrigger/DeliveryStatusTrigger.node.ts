import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { ReplayGuard, authenticateCallback, providerById, readCallbackBody, safeEqual, type CallbackRequest, type CallbackSecrets, type DeliveryEvent } from '../shared/providers';
import { urlGivenByHand } from '../shared/n8n/webhooks';
import { PROVIDERS, deliveryStatusTriggerProperties } from './description';

interface TriggerOptions {
	includeRaw?: boolean;
	publicUrl?: string;
	statuses?: string[];
}

/** Signature tokens accepted in this process, so a captured one cannot carry another body (Mailgun). */
const replays = new ReplayGuard();

function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	// The reason is logged for whoever sets the trigger up; it holds no secret and no personal data.
	if (status === 401) ctx.logger.warn(`Delivery Status Trigger "${ctx.getNode().name}" refused a report (401): ${message}`);
	ctx.getResponseObject().status(status).json({ error: message }).end();
	return { noWebhookResponse: true };
}

/** The URL the provider called, as it signed it: the public webhook URL plus the original query string. */
function calledUrl(ctx: IWebhookFunctions, publicUrl: string | undefined): string {
	const request = ctx.getRequestObject();
	const original = String(request.originalUrl ?? request.url ?? '');
	const query = original.includes('?') ? original.slice(original.indexOf('?')) : '';
	const base = publicUrl?.trim() || (ctx.getNodeWebhookUrl('default') ?? '');
	return `${base}${query}`;
}

export class DeliveryStatusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Delivery Status Trigger',
		name: 'deliveryStatusTrigger',
		icon: { light: 'file:deliveryStatusTrigger.svg', dark: 'file:deliveryStatusTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"from " + $parameter["provider"]}}',
		description: 'Receives delivery reports and replies from e-mail, SMS, WhatsApp and letter providers, checks their signatures and emits normalised events',
		defaults: { name: 'Delivery Status Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: PROVIDERS.filter((provider) => provider.credential).map((provider) => ({
			name: provider.credential!,
			required: true,
			displayOptions: { show: { provider: [provider.value] } },
		})),
		webhooks: [
			// Answered when the run is done, without data: a run that fails gets 500 and the provider
			// sends the report again, instead of a 200 for a report that was never processed.
			// GET: Meta's subscription handshake (hub.challenge) and Spryng's legacy reports.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'lastNode', responseData: 'noData', path: 'delivery-status' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'lastNode', responseData: 'noData', path: 'delivery-status' },
		],
		properties: deliveryStatusTriggerProperties,
	};

	webhookMethods = urlGivenByHand;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const providerId = this.getNodeParameter('provider', 'webhook') as string;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const provider = PROVIDERS.find((entry) => entry.value === providerId);
		const adapter = providerById(providerId);
		if (!provider || !adapter?.parseStatusCallback) return reject(this, 400, `provider "${providerId}" is not supported`);

		const request = this.getRequestObject();
		const query = this.getQueryData() as Record<string, string>;
		const secrets: CallbackSecrets = {};
		if (provider.credential) {
			const credentials = await this.getCredentials(provider.credential);
			for (const [key, value] of Object.entries(credentials)) if (typeof value === 'string') secrets[key] = value;
		}

		// Spryng's legacy delivery reports arrive as GET with the fields in the query.
		if (this.getWebhookName() === 'setup' && providerId !== 'metaWhatsApp' && providerId !== 'spryng') return reject(this, 405, 'use POST');
		if (this.getWebhookName() === 'setup' && providerId === 'metaWhatsApp') {
			// Meta: echo hub.challenge when hub.verify_token is ours; anything else is refused.
			if (providerId === 'metaWhatsApp' && query['hub.mode'] === 'subscribe' && secrets.verifyToken && safeEqual(String(query['hub.verify_token'] ?? ''), secrets.verifyToken)) {
				this.getResponseObject().status(200).type('text/plain').send(String(query['hub.challenge'] ?? '')).end();
				return { noWebhookResponse: true };
			}
			return reject(this, 403, 'verification failed');
		}

		const rawBody = (request as unknown as { rawBody?: { toString(encoding: string): string } }).rawBody?.toString('utf8') ?? '';
		const contentType = String(this.getHeaderData()['content-type'] ?? '');
		// Read from the raw body: n8n leaves JSON media types other than application/json (Pingen's
		// application/vnd.api+json) unparsed.
		const { body, unreadable } = readCallbackBody(contentType, rawBody, this.getBodyData());
		const callback: CallbackRequest = {
			method: 'POST',
			url: calledUrl(this, options.publicUrl),
			headers: Object.fromEntries(Object.entries(this.getHeaderData()).map(([key, value]) => [key.toLowerCase(), Array.isArray(value) ? value[0] : value])),
			rawBody,
			query,
			body,
			now: Date.now(),
		};

		// Every report must be authenticated: by signature, or by the credential's token or basic auth.
		const auth = authenticateCallback(adapter, callback, secrets);
		// The node option "URL Token" of earlier versions is gone from the description, so n8n no longer
		// hands a saved value to the node: the token lives in the credential only.
		if (!auth.ok) return reject(this, 401, auth.reason);
		const replayKey = adapter.replayKey?.(callback);
		if (replayKey) {
			const seen = replays.check(replayKey, rawBody, callback.now!);
			if (seen === 'other') return reject(this, 401, 'signature check failed: this signature was already used for another report');
			// The same report again runs again: the trigger answers when the run is done, so a provider
			// resends a report whose run failed with the same signature, and the workflow refuses a
			// second record of a report it already logged.
		}

		if (unreadable) return reject(this, 400, 'the payload could not be read');
		let events: DeliveryEvent[];
		try {
			events = adapter.parseStatusCallback(callback);
		} catch {
			return reject(this, 400, 'the payload could not be read');
		}
		const wanted = options.statuses && options.statuses.length ? new Set(options.statuses) : undefined;
		const emitted = events.filter((event) => !wanted || wanted.has(event.status));
		if (replayKey) replays.remember(replayKey, rawBody, callback.now!);
		if (emitted.length === 0) return { webhookResponse: { received: events.length } };
		const items = emitted.map((event) => ({
			json: { ...(event as unknown as IDataObject), verified: true, authenticatedBy: auth.by, ...(options.includeRaw ? { raw: body as IDataObject } : {}) },
		}));
		return { workflowData: [items] };
	}
}
