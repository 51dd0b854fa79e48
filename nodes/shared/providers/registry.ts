/** Every provider the package knows, by id, and which channels each serves. */
import { birdAdapter } from './adapters/bird';
import { cmSmsAdapter, cmWhatsAppAdapter } from './adapters/cm';
import { mailgunAdapter } from './adapters/mailgun';
import { metaWhatsAppAdapter } from './adapters/metaWhatsApp';
import { pingenAdapter } from './adapters/pingen';
import { postmarkAdapter } from './adapters/postmark';
import { sandboxAdapter } from './adapters/sandbox';
import { sendGridAdapter } from './adapters/sendgrid';
import { sinchAdapter } from './adapters/sinch';
import { smtpAdapter } from './adapters/smtp';
import { spryngAdapter } from './adapters/spryng';
import { twilioSmsAdapter, twilioWhatsAppAdapter } from './adapters/twilio';
import { webhookAdapter } from './adapters/webhook';
import type { ProviderAdapter } from './types';

const PROVIDERS: readonly ProviderAdapter[] = [
	sandboxAdapter,
	webhookAdapter,
	smtpAdapter,
	twilioSmsAdapter,
	twilioWhatsAppAdapter,
	metaWhatsAppAdapter,
	pingenAdapter,
	sendGridAdapter,
	postmarkAdapter,
	mailgunAdapter,
	cmSmsAdapter,
	cmWhatsAppAdapter,
	birdAdapter,
	spryngAdapter,
	sinchAdapter,
];

const BY_ID = new Map(PROVIDERS.map((adapter) => [adapter.id, adapter]));

/** The adapter with this id, or undefined. */
export function providerById(id: string): ProviderAdapter | undefined {
	return BY_ID.get(id);
}
