import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { checkSignedRequest, DEFAULT_INTAKE_LIMITS, sizeRefusal, type IntakeLimits, type IntakeRefusal } from '../shared/intake/signedRequest';
import { urlGivenByHand } from '../shared/n8n/webhooks';
import { erpIntakeTriggerProperties } from './description';

interface TriggerOptions {
	maxBodyBytes?: number;
	maxDepth?: number;
}

/** The first header of that name, whatever its case. */
function header(headers: Record<string, unknown>, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
}

/** Answers a refused request here; no execution starts. */
function refuse(ctx: IWebhookFunctions, refusal: IntakeRefusal): IWebhookResponseData {
	const error = refusal.status === 401 ? `signature check failed: ${refusal.reason}` : refusal.reason;
	ctx.getResponseObject().status(refusal.status).json({ error }).end();
	return { noWebhookResponse: true };
}

/**
 * The ERP intake's entry (workflow 2): a refused request is answered here and starts no execution, so
 * no Code node, task runner or execution record ever holds an unauthenticated body. An accepted one
 * starts the workflow with the parsed body only: no headers, so no signature lands in execution data.
 */
export class ErpIntakeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ERP Intake Trigger',
		name: 'erpIntakeTrigger',
		icon: { light: 'file:erpIntakeTrigger.svg', dark: 'file:erpIntakeTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"POST /webhook/" + $parameter["path"]}}',
		description: 'Receives signed requests from your ERP: checks size, signature and nesting before the body is read, and starts the workflow only for a valid request',
		defaults: { name: 'ERP Intake Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'socialCollectionsWebhookApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The workflow answers per event with Respond to Webhook once the records are written.
				responseMode: 'responseNode',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		],
		properties: erpIntakeTriggerProperties,
	};

	webhookMethods = urlGivenByHand;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as { rawBody?: Uint8Array; readRawBody?: () => Promise<void> };
		// n8n has read the body already; a content type it does not parse may leave it unread.
		if (!request.rawBody && request.readRawBody) await request.readRawBody();
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const limits: IntakeLimits = {
			...DEFAULT_INTAKE_LIMITS,
			...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
			...(options.maxDepth ? { maxDepth: options.maxDepth } : {}),
		};
		const rawBody = request.rawBody ?? new Uint8Array();
		const tooLarge = sizeRefusal(rawBody.length, limits);
		if (tooLarge) return refuse(this, tooLarge);
		const headers = this.getHeaderData() as Record<string, unknown>;
		const credentials = await this.getCredentials('socialCollectionsWebhookApi');
		const check = checkSignedRequest(String(credentials.signingSecret ?? ''), {
			rawBody,
			signature: header(headers, 'x-signature'),
			timestamp: header(headers, 'x-signature-timestamp'),
			nowMs: Date.now(),
		}, limits);
		if (!check.ok) return refuse(this, check);
		return { workflowData: [[{ json: { body: check.body as never } }]] };
	}
}
