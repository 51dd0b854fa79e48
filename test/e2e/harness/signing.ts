/**
 * Signatures the e2e tests compute from a secret, recorded in the run registry so the secret search at
 * the end of the run looks for them in every database and log (scripts/e2eRegistry.ts).
 */
import { createHmac } from 'node:crypto';

import { recordDerived } from '../../../scripts/e2eRegistry';

/** Hex HMAC-SHA256 of `text` with `secret`, recorded. */
export function hmacSha256Hex(secret: string, text: string): string {
	const signature = createHmac('sha256', secret).update(text).digest('hex');
	recordDerived(signature, 'HMAC-SHA256 a test computed');
	return signature;
}
