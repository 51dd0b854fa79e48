/**
 * The debtor record as it enters the nodes. One shape for every node: the ERP intake workflow
 * produces it, the segmenter, scheduler, planner and sender read it. The JSON Schema in
 * `debtor.schema.json` is the contract; these types mirror it for the TypeScript code.
 *
 * Conventions: amounts are integer cents (`...Cents`), calendar dates are ISO `YYYY-MM-DD`,
 * moments are ISO 8601 date-times with an offset. Every node adds its result under its own key
 * (`segmentation`, `schedule`, ...) and leaves the rest of the item untouched.
 */
import type { Cents } from '../money';

export const CHANNELS = ['email', 'sms', 'whatsapp', 'letter', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where a contact in the history took place; wider than the channels we send on. */
export const CONTACT_CHANNELS = [...CHANNELS, 'portal', 'in-person'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const STAGES = [
	'pre-due-notice',
	'reminder-1',
	'reminder-2',
	'fourteen-day-letter',
	'arrangement-offer',
	'arrangement-confirmation',
	'instalment-reminder',
	'missed-instalment',
	'reversal-notice',
	'early-warning-care',
	'collection-date-invitation',
	'payment-received',
	'final-notice',
] as const;
export type Stage = (typeof STAGES)[number];

export const INCOME_TYPES = [
	'salary-monthly',
	'salary-four-weekly',
	'aow',
	'uwv-benefit',
	'ww',
	'bijstand',
	'chosen-day',
	'unknown',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

export const PAYMENT_METHODS = ['direct-debit', 'bank-transfer', 'payment-link', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The languages the package writes in: messages, reasons, explanations, dates. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Creditor sectors, the one typing of a claim; the first five take part in legal early warning
 * (LEGAL_EARLY_WARNING_SECTORS). `credit-agreement`: the claim comes from a credit agreement (consumer
 * credit, CCD2): the journey offers forbearance before a final notice or handover (journey/forbearance.ts).
 */
export const CREDITOR_SECTORS = [
	'rent',
	'health-insurance',
	'energy',
	'heat',
	'water',
	'telecom',
	'retail',
	'utility-other',
	'credit-agreement',
	'other',
] as const;
export type CreditorSector = (typeof CREDITOR_SECTORS)[number];

/**
 * The sectors that must report arrears to the municipality (Wgs art. 3a, Besluit gemeentelijke
 * schuldhulpverlening: rent, health insurance, energy, heat, drinking water). The one list every node,
 * default and message reads.
 */
export const LEGAL_EARLY_WARNING_SECTORS: readonly CreditorSector[] = ['rent', 'health-insurance', 'energy', 'heat', 'water'];

export const CONTACT_OUTCOMES = [
	'sent',
	'delivered',
	'opened',
	'clicked',
	'read',
	'replied',
	'answered',
	'no-answer',
	'bounced',
	'failed',
	'promise-to-pay',
	'objection',
	// Started but its outcome is unknown (a run stopped mid-send): a person sets sent or failed.
	'unconfirmed',
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export interface Address {
	street: string;
	houseNumber: string;
	postalCode: string;
	city: string;
	/** ISO 3166-1 alpha-2, default NL. */
	country?: string;
}

export interface ContactData {
	email?: string;
	/** E.164, e.g. +31612345678. */
	mobile?: string;
	phone?: string;
	address?: Address;
}

export interface Consents {
	/** WhatsApp needs a recorded opt-in before any message. */
	whatsappOptIn?: boolean;
	whatsappOptInAt?: string;
	emailOptOut?: boolean;
	smsOptOut?: boolean;
	/** The debtor objected to sharing contact details with the municipality (early warning). */
	municipalityObjection?: boolean;
}

export interface Income {
	type: IncomeType;
	/** Day of month the income arrives (salary, chosen day, or a municipality's bijstand day). */
	dayOfMonth?: number;
	/** Any known payday of a four-weekly salary; the next ones follow every 28 days. */
	anchorDate?: string;
	/** Municipality, for bijstand dates that differ per municipality. */
	municipality?: string;
	netMonthlyCents?: Cents;
}

export interface Household {
	adults?: number;
	children?: number;
	/** Age of the debtor in years, when the birth date is not shared. */
	age?: number;
	/** Single, couple, single-parent, ...: used for the protected income floor. */
	composition?: 'single' | 'couple' | 'single-parent' | 'couple-with-children' | 'other';
}

export interface Claim {
	claimId: string;
	description?: string;
	/** Principal of the claim (invoice amount), interest and costs excluded. */
	principalCents: Cents;
	/** What is still open of the principal. 0 means paid. */
	openCents: Cents;
	invoiceDate: string;
	dueDate: string;
	sector?: CreditorSector;
	/** Set by the creditor when a claim is disputed: no collection steps for it. */
	disputed?: boolean;
	/** Date the claim went into default (verzuim); defaults to the day after the due date. */
	defaultDate?: string;
}

export interface Payment {
	paymentId?: string;
	claimId?: string;
	amountCents: Cents;
	date: string;
	method?: PaymentMethod;
}

export interface Reversal {
	reversalId?: string;
	claimId?: string;
	amountCents: Cents;
	date: string;
	/** SEPA reason code, e.g. AM04 (insufficient funds), MD07 (debtor deceased). */
	reasonCode: string;
}

export interface Contact {
	at: string;
	channel: ContactChannel;
	direction: 'outbound' | 'inbound';
	stage?: Stage;
	outcome?: ContactOutcome;
	claimId?: string;
}

/** Kinds of forbearance a creditor can offer on a credit agreement (CCD2): see ForbearanceOffer. */
export const FORBEARANCE_KINDS = ['arrangement', 'deferral', 'other'] as const;
export type ForbearanceKind = (typeof FORBEARANCE_KINDS)[number];

/**
 * A forbearance offer made outside the contact history (an outbound `arrangement-offer` contact is one
 * already): a deferral, or an arrangement offered on the phone or at the counter. Without `claimId` it
 * covers every claim that was in default on `date`.
 */
export interface ForbearanceOffer {
	kind: ForbearanceKind;
	/** Day the offer was made. */
	date: string;
	claimId?: string;
}

export interface DebtorFlags {
	dispute?: boolean;
	arrangementActive?: boolean;
	debtHelp?: boolean;
	debtHelpSince?: string;
	deceased?: boolean;
	vulnerable?: boolean;
}

export interface DebtorRecord {
	debtorId: string;
	debtorType?: 'consumer' | 'business';
	firstName?: string;
	lastName?: string;
	companyName?: string;
	birthDate?: string;
	contact?: ContactData;
	/** ISO 639-1 language code; templates exist for nl and en. Default nl. */
	language?: string;
	/** Formal "u" or informal "je". Default u. */
	register?: 'u' | 'je';
	preferredChannel?: Channel;
	consents?: Consents;
	household?: Household;
	income?: Income;
	/** Day of month the debtor chose for direct debits (flex-incasso). */
	preferredCollectionDay?: number;
	paymentMethod?: PaymentMethod;
	iban?: string;
	claims?: Claim[];
	payments?: Payment[];
	reversals?: Reversal[];
	contacts?: Contact[];
	flags?: DebtorFlags;
	/** Forbearance offered on credit agreements, besides the arrangement offers in `contacts`. */
	forbearanceOffers?: ForbearanceOffer[];
	/** Pre-aggregated facts, for records that arrive without the raw history. */
	features?: Record<string, unknown>;
}
