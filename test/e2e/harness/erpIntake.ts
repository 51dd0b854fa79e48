/**
 * The ERP intake (workflow 2) as the e2e tests set it up and call it: the signing secret in the
 * HTTPS Webhook credential of the trigger "Signed ERP request", and requests signed as the ERP signs
 * them. Every signature made here is recorded in the run registry for the secret search.
 */
import type { CredentialJson, WorkflowJson } from '../../../scripts/n8nInstance';
import { hmacSha256Hex } from './signing';

export const ERP_TRIGGER = 'Signed ERP request';

/** The credential holding the ERP's signing secret (its URL is not used by the intake). */
export function erpCredential(id: string, name: string, secret: string): CredentialJson {
	return { id, name, type: 'socialCollectionsWebhookApi', data: { url: 'http://127.0.0.1:9/unused', signingSecret: secret } };
}

/** Selects the credential in the intake's trigger. */
export function useErpCredential(intake: WorkflowJson, credential: { id: string; name: string }): WorkflowJson {
	const trigger = intake.nodes.find((node) => node.name === ERP_TRIGGER);
	if (!trigger) throw new Error(`no node "${ERP_TRIGGER}" in ${intake.name}`);
	trigger.credentials = { socialCollectionsWebhookApi: { id: credential.id, name: credential.name } };
	return intake;
}

/** X-Signature = sha256=HMAC-SHA256(secret, "<timestamp>.<body>"), as the ERP sends it. */
export function erpSignature(secret: string, body: string, timestamp: number): string {
	return `sha256=${hmacSha256Hex(secret, `${timestamp}.${body}`)}`;
}

/** Headers of a request signed as the ERP does. */
export function erpHeaders(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
	return { 'content-type': 'application/json', 'x-signature-timestamp': String(timestamp), 'x-signature': erpSignature(secret, body, timestamp) };
}
