/**
 * Personas, behaviour classes and signals: the vocabulary of the segmenter, with what each persona
 * means for the rest of a journey (tone, action, channels to prefer). Domain brief section 3.
 */
import type { Channel } from '../debtor/model';
import type { Tone } from '../messages/types';

/** The tones a persona calls for: the template library's (messages/types.ts TONES). */
export type { Tone };

export const PERSONAS = [
	'current',
	'forgetful',
	'temporary-shortfall',
	'structural-shortfall',
	'overwhelmed',
	'can-pay-wont-pay',
	'dispute',
	'deceased',
	'debt-help',
	'vulnerable',
] as const;
export type Persona = (typeof PERSONAS)[number];

export const BEHAVIOURS = ['direct-debit', 'on-time', 'late', 'non-payer'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export const SIGNALS = [
	'second-consecutive-late',
	'insufficient-funds-reversal',
	'blocked-account',
	'growing-arrears',
	'no-response',
	'legal-early-warning',
] as const;
export type Signal = (typeof SIGNALS)[number];

/** What the journey does with a debtor of this persona. */
export type PersonaAction = 'none' | 'collect' | 'pause' | 'stop';

export interface PersonaProfile {
	tone: Tone;
	action: PersonaAction;
	/** Channels in order of preference; the debtor's own preference and reachability come first. */
	channels: Channel[];
	/** Whether a person should get in touch (a call task) rather than only automated messages. */
	personalContact: boolean;
}

export const PERSONA_PROFILES: Readonly<Record<Persona, PersonaProfile>> = {
	current: { tone: 'neutral', action: 'none', channels: ['email', 'sms', 'whatsapp', 'letter'], personalContact: false },
	forgetful: { tone: 'neutral', action: 'collect', channels: ['email', 'sms', 'whatsapp', 'letter'], personalContact: false },
	'temporary-shortfall': {
		tone: 'supportive',
		action: 'collect',
		channels: ['whatsapp', 'sms', 'email', 'phone', 'letter'],
		personalContact: false,
	},
	'structural-shortfall': {
		tone: 'supportive',
		action: 'collect',
		channels: ['phone', 'whatsapp', 'email', 'letter', 'sms'],
		personalContact: true,
	},
	overwhelmed: { tone: 'supportive', action: 'collect', channels: ['phone', 'letter', 'sms', 'whatsapp', 'email'], personalContact: true },
	'can-pay-wont-pay': { tone: 'firm', action: 'collect', channels: ['email', 'letter', 'sms', 'phone'], personalContact: false },
	dispute: { tone: 'neutral', action: 'pause', channels: ['email', 'letter', 'phone'], personalContact: true },
	deceased: { tone: 'supportive', action: 'stop', channels: ['letter'], personalContact: true },
	'debt-help': { tone: 'supportive', action: 'pause', channels: ['letter', 'email', 'phone'], personalContact: true },
	vulnerable: { tone: 'supportive', action: 'pause', channels: ['phone', 'letter', 'email'], personalContact: true },
};

/** Display names for canvas outputs and docs. */
export const PERSONA_LABELS: Readonly<Record<Persona, string>> = {
	current: 'Current',
	forgetful: 'Forgetful',
	'temporary-shortfall': 'Temporary Shortfall',
	'structural-shortfall': 'Structural Shortfall',
	overwhelmed: 'Overwhelmed',
	'can-pay-wont-pay': "Can Pay, Won't Pay",
	dispute: 'Dispute',
	deceased: 'Deceased',
	'debt-help': 'Debt Help',
	vulnerable: 'Vulnerable',
};

export const BEHAVIOUR_LABELS: Readonly<Record<Behaviour, string>> = {
	'direct-debit': 'Direct-Debit Payer',
	'on-time': 'On-Time Payer',
	late: 'Late Payer',
	'non-payer': 'Non-Payer',
};
