/**
 * Reading an item for sending: who the recipient is, which channels to try in which order, and
 * which of them the debtor cannot be reached on (no contact data, no consent, opted out). Each
 * skipped channel carries a reason the creditor can account for.
 */
import type { DebtorField } from '../debtor/validate';
import { SEND_CHANNELS, type OutgoingMessage, type Recipient, type SendChannel } from './types';

export type SkipReason =
	| 'no-contact-data'
	| 'no-consent'
	| 'opted-out'
	| 'no-provider'
	| 'outside-contact-window'
	| 'already-sent'
	| 'duplicate-in-run'
	| 'earlier-attempt-unconfirmed'
	| 'dry-run'
	| 'invalid-message'
	| 'invalid-contact'
	| 'no-letter-pdf'
	| 'configuration'
	| 'no-channel';

export interface ChannelSkip {
	channel: SendChannel;
	provider?: string;
	reason: SkipReason | string;
	message: string;
}

/**
 * The fields of the debtor record a send reads (recipientOf, channelOrder, channelBlock, claimIdOf):
 * the node checks a record in these, so a record it would address or judge wrongly is refused.
 */
export const SEND_FIELDS: readonly DebtorField[] = [
	'debtorId',
	'firstName',
	'lastName',
	'companyName',
	'contact',
	'language',
	'preferredChannel',
	'consents',
	'claims.claimId',
	'claims.openCents',
];

const isChannel = (value: unknown): value is SendChannel => typeof value === 'string' && (SEND_CHANNELS as readonly string[]).includes(value);

const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Parses a list of channels from text ("sms, letter") or an array; unknown names are an error. */
export function parseChannelList(value: unknown): SendChannel[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;>]+/);
	const channels: SendChannel[] = [];
	for (const part of parts.map((entry) => entry.trim().toLowerCase()).filter(Boolean)) {
		if (!isChannel(part)) throw new RangeError(`"${part}" is not a channel; use ${SEND_CHANNELS.join(', ')}`);
		if (!channels.includes(part)) channels.push(part);
	}
	return channels;
}

export interface ChannelSettings {
	source: 'fixed' | 'item';
	fixed: SendChannel;
	fallback: SendChannel[];
}

/**
 * The ordered channels to try. From the item: the message's channel, then the segment's channels,
 * then the debtor's preferred channel; the configured fallback chain comes after either way.
 */
export function channelOrder(record: Record<string, unknown>, message: OutgoingMessage, settings: ChannelSettings): SendChannel[] {
	const order: SendChannel[] = [];
	const add = (value: unknown) => {
		if (isChannel(value) && !order.includes(value)) order.push(value);
	};
	if (settings.source === 'fixed') add(settings.fixed);
	else {
		add(message.channel);
		const segmentation = obj(record.segmentation);
		if (Array.isArray(segmentation.channels)) segmentation.channels.forEach(add);
		add(record.preferredChannel);
	}
	settings.fallback.forEach(add);
	return order;
}

export interface RecipientOverrides {
	email?: string;
	mobile?: string;
	phone?: string;
}

/** The recipient from the debtor record (contact data), with optional overrides mapped by the user. */
export function recipientOf(record: Record<string, unknown>, overrides: RecipientOverrides = {}): Recipient {
	const contact = obj(record.contact);
	const address = obj(contact.address);
	const name =
		text(record.companyName) ?? ([text(record.firstName), text(record.lastName)].filter(Boolean).join(' ') || undefined);
	return {
		debtorId: String(record.debtorId ?? ''),
		name,
		email: text(overrides.email) ?? text(contact.email),
		mobile: text(overrides.mobile) ?? text(contact.mobile),
		phone: text(overrides.phone) ?? text(contact.phone),
		address:
			text(address.street) && text(address.postalCode) && text(address.city)
				? {
						street: text(address.street)!,
						houseNumber: text(address.houseNumber) ?? String(address.houseNumber ?? ''),
						postalCode: text(address.postalCode)!,
						city: text(address.city)!,
						country: text(address.country) ?? 'NL',
					}
				: undefined,
		language: text(record.language),
	};
}

/** Why the debtor cannot be reached on `channel` (contact data and consent), or undefined when they can. */
export function channelBlock(channel: SendChannel, record: Record<string, unknown>, recipient: Recipient): ChannelSkip | undefined {
	const consents = obj(record.consents);
	switch (channel) {
		case 'email':
			if (!recipient.email) return { channel, reason: 'no-contact-data', message: 'no e-mail address' };
			if (consents.emailOptOut === true) return { channel, reason: 'opted-out', message: 'the debtor opted out of e-mail' };
			return undefined;
		case 'sms':
			if (!recipient.mobile) return { channel, reason: 'no-contact-data', message: 'no mobile number' };
			if (consents.smsOptOut === true) return { channel, reason: 'opted-out', message: 'the debtor opted out of SMS' };
			return undefined;
		case 'whatsapp':
			if (!recipient.mobile) return { channel, reason: 'no-contact-data', message: 'no mobile number' };
			// WhatsApp only with a recorded opt-in (WhatsApp Business policy; also our own rule).
			if (consents.whatsappOptIn !== true) return { channel, reason: 'no-consent', message: 'no recorded WhatsApp opt-in (consents.whatsappOptIn)' };
			return undefined;
		case 'letter':
			if (!recipient.address) return { channel, reason: 'no-contact-data', message: 'no complete postal address' };
			return undefined;
		case 'phone':
			if (!recipient.phone && !recipient.mobile) return { channel, reason: 'no-contact-data', message: 'no phone number' };
			return undefined;
	}
}

/** Channels bound by the legal contact window (Bki art. 4.2); a letter handed to the printer is not contact at that moment. */
export const WINDOW_BOUND_CHANNELS: readonly SendChannel[] = ['email', 'sms', 'whatsapp', 'phone'];

/**
 * The claim a message is about: given explicitly, else the claims of the journey step, else the open
 * claims of the record (sorted, joined). The step's claims come before the open ones: the open claims
 * change as debtors pay, the step's do not, and the key must stay the same across days.
 */
export function claimIdOf(record: Record<string, unknown>, message: OutgoingMessage): string {
	const journey = obj(record.journey);
	const explicit = text(message.claimId) ?? text(obj(record.schedule).claimId) ?? text(journey.claimId);
	if (explicit) return explicit;
	const stepClaims = Array.isArray(journey.claimIds) ? journey.claimIds.filter((id): id is string => typeof id === 'string' && id !== '') : [];
	if (stepClaims.length) return [...stepClaims].sort().join(',');
	const claims = Array.isArray(record.claims) ? (record.claims as Array<Record<string, unknown>>) : [];
	const open = claims.filter((claim) => Number(claim.openCents) > 0).map((claim) => String(claim.claimId));
	return (open.length ? open : claims.map((claim) => String(claim.claimId))).sort().join(',');
}

/** The stage a message belongs to: the message's, the journey's or the schedule's, else its template. */
export function stageOf(record: Record<string, unknown>, message: OutgoingMessage): string {
	return text(message.stage) ?? text(obj(record.journey).stage) ?? text(obj(record.schedule).stage) ?? text(message.templateId) ?? 'unspecified';
}

/**
 * The journey step the message sends (`journey.stepId` of the Journey Planner), when the message is
 * that step's stage; undefined otherwise, and the key falls back to the day. A message of another
 * stage on the same item is not the planned step and must not take its key.
 */
export function stepOf(record: Record<string, unknown>, message: OutgoingMessage): string | undefined {
	const journey = obj(record.journey);
	const step = text(journey.stepId);
	return step !== undefined && text(journey.stage) === stageOf(record, message) ? step : undefined;
}
