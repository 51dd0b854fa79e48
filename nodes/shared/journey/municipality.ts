/**
 * The legal early-warning signal to the municipality (vroegsignalering, Wgs since 2021; Besluit
 * gemeentelijke schuldhulpverlening art. 2). Before a creditor of rent, health insurance, energy, heat
 * or drinking water passes a signal, it must have: (a) tried personal contact, (b) pointed to debt
 * help, (c) sent at least one written reminder that offered to share contact details with the
 * municipality, and (d) the debtor did not object. The signal then carries only contact details and
 * the arrears amount. Typical timing: about 30 days after that reminder. Domain brief section 7.
 *
 * What counts as recorded, from the contact history since the current arrears began:
 * (a) any phone or in-person contact, outbound (an attempt, answered or not) or inbound;
 * (b) an outbound contact whose stage points to debt help (default: early-warning-care);
 * (c) an outbound letter or e-mail whose stage carries the sharing offer (default:
 *     early-warning-care, the template that carries the sentence);
 * (d) `consents.municipalityObjection` is not true.
 */
import { isoDate, type DayNumber } from '../calendar/days';
import { formatDate } from '../calendar/format';
import { LEGAL_EARLY_WARNING_SECTORS, type Address, type CreditorSector, type DebtorRecord, type Language, type Stage } from '../debtor/model';
import { formatCents, type Cents } from '../money';
import { contactDay, defaultDayOf, wentOut } from './history';

export type MunicipalityPrecondition = 'personal-contact-attempt' | 'debt-help-pointer' | 'written-reminder-with-sharing-offer' | 'no-objection';

export interface MunicipalityOptions {
	/** Days between the written reminder with the sharing offer and the signal (default 30). */
	signalAfterDays?: number;
	/** Day a signal was passed already, if the workflow records it. */
	signalledOn?: DayNumber;
	/** Stages that point to debt help (default ['early-warning-care']). */
	pointerStages?: readonly Stage[];
	/** Stages whose written message carries the offer to share contact details (default ['early-warning-care']). */
	sharingOfferStages?: readonly Stage[];
	sectors?: readonly CreditorSector[];
}

export interface MunicipalitySignal {
	status: 'not-applicable' | 'objected' | 'blocked' | 'waiting' | 'ready' | 'already-signalled';
	arrearsSince: string | null;
	preconditions: {
		personalContactAttempt: string | null;
		debtHelpPointer: string | null;
		writtenReminderWithSharingOffer: string | null;
		noObjection: boolean;
	};
	missing: MunicipalityPrecondition[];
	/** First day the signal may be passed (when only the waiting time is left). */
	earliestDate: string | null;
	/** The minimal data set: who (contact details) and how much (arrears). Only when ready. */
	data: {
		debtorId: string;
		name: string | null;
		address: Address | null;
		email: string | null;
		phone: string | null;
		arrearsCents: Cents;
	} | null;
	reasons: { nl: string[]; en: string[] };
}

const MISSING_WORDS: Record<MunicipalityPrecondition, { nl: string; en: string }> = {
	'personal-contact-attempt': { nl: 'een poging tot persoonlijk contact', en: 'an attempt at personal contact' },
	'debt-help-pointer': { nl: 'een verwijzing naar schuldhulp', en: 'a pointer to debt help' },
	'written-reminder-with-sharing-offer': {
		nl: 'een schriftelijke herinnering met het aanbod de gegevens met de gemeente te delen',
		en: 'a written reminder offering to share the contact details with the municipality',
	},
	'no-objection': { nl: 'geen bezwaar van de debiteur', en: 'no objection from the debtor' },
};

/** Not applicable, with one reason in both languages. */
export function municipalityNotApplicable(nl: string, en: string): MunicipalitySignal {
	return {
		status: 'not-applicable',
		arrearsSince: null,
		preconditions: { personalContactAttempt: null, debtHelpPointer: null, writtenReminderWithSharingOffer: null, noObjection: true },
		missing: [],
		earliestDate: null,
		data: null,
		reasons: { nl: [nl], en: [en] },
	};
}

/** Decides whether the municipality may be signalled today, and with which data. */
export function municipalitySignal(record: DebtorRecord, today: DayNumber, options: MunicipalityOptions = {}): MunicipalitySignal {
	const sectors = new Set(options.sectors ?? LEGAL_EARLY_WARNING_SECTORS);
	const overdue = (record.claims ?? []).filter(
		(claim) => claim.openCents > 0 && !claim.disputed && defaultDayOf(claim) <= today && claim.sector !== undefined && sectors.has(claim.sector),
	);
	if (overdue.length === 0) {
		return municipalityNotApplicable(
			'Geen signaal aan de gemeente: geen achterstand bij huur, zorgverzekering, energie, warmte of drinkwater.',
			'No municipality signal: no arrears for rent, health insurance, energy, heat or drinking water.',
		);
	}
	let since = Infinity;
	let arrearsCents = 0;
	for (const claim of overdue) {
		since = Math.min(since, defaultDayOf(claim));
		arrearsCents += claim.openCents;
	}
	const pointerStages = new Set<Stage>(options.pointerStages ?? ['early-warning-care']);
	const offerStages = new Set<Stage>(options.sharingOfferStages ?? ['early-warning-care']);
	let attempt: DayNumber | undefined;
	let pointer: DayNumber | undefined;
	let offer: DayNumber | undefined;
	for (const contact of record.contacts ?? []) {
		const day = contactDay(contact.at);
		if (day !== day || day < since || day > today) continue;
		if (contact.channel === 'phone' || contact.channel === 'in-person') attempt = Math.min(attempt ?? day, day);
		if (!wentOut(contact) || contact.stage === undefined) continue;
		if (pointerStages.has(contact.stage)) pointer = Math.min(pointer ?? day, day);
		if (offerStages.has(contact.stage) && (contact.channel === 'letter' || contact.channel === 'email')) offer = Math.min(offer ?? day, day);
	}
	const noObjection = record.consents?.municipalityObjection !== true;
	const missing: MunicipalityPrecondition[] = [];
	if (attempt === undefined) missing.push('personal-contact-attempt');
	if (pointer === undefined) missing.push('debt-help-pointer');
	if (offer === undefined) missing.push('written-reminder-with-sharing-offer');
	if (!noObjection) missing.push('no-objection');
	const result: MunicipalitySignal = {
		status: 'blocked',
		arrearsSince: isoDate(since),
		preconditions: {
			personalContactAttempt: attempt === undefined ? null : isoDate(attempt),
			debtHelpPointer: pointer === undefined ? null : isoDate(pointer),
			writtenReminderWithSharingOffer: offer === undefined ? null : isoDate(offer),
			noObjection,
		},
		missing,
		earliestDate: null,
		data: null,
		reasons: { nl: [], en: [] },
	};
	const say = (nl: string, en: string) => {
		result.reasons.nl.push(nl);
		result.reasons.en.push(en);
	};
	const d = (day: DayNumber, l: Language) => formatDate(day, l, 'medium');
	if (options.signalledOn !== undefined && options.signalledOn >= since && options.signalledOn <= today) {
		result.status = 'already-signalled';
		say(
			`De gemeente is al gesignaleerd op ${d(options.signalledOn, 'nl')} voor deze achterstand.`,
			`The municipality was signalled on ${d(options.signalledOn, 'en')} for these arrears already.`,
		);
		return result;
	}
	if (!noObjection) {
		result.status = 'objected';
		say(
			'Geen signaal aan de gemeente: de debiteur heeft bezwaar gemaakt tegen het delen van de gegevens.',
			'No municipality signal: the debtor objected to sharing the contact details.',
		);
		return result;
	}
	if (missing.length > 0) {
		say(
			`Nog geen signaal aan de gemeente; eerst nodig: ${missing.map((m) => MISSING_WORDS[m].nl).join('; ')}.`,
			`No municipality signal yet; first needed: ${missing.map((m) => MISSING_WORDS[m].en).join('; ')}.`,
		);
		return result;
	}
	const earliest = offer! + (options.signalAfterDays ?? 30);
	result.earliestDate = isoDate(earliest);
	if (today < earliest) {
		result.status = 'waiting';
		say(
			`Alle voorwaarden zijn vastgelegd; het signaal mag vanaf ${d(earliest, 'nl')} (${options.signalAfterDays ?? 30} dagen na de herinnering van ${d(offer!, 'nl')}).`,
			`Every precondition is recorded; the signal may be passed from ${d(earliest, 'en')} (${options.signalAfterDays ?? 30} days after the reminder of ${d(offer!, 'en')}).`,
		);
		return result;
	}
	result.status = 'ready';
	const contact = record.contact ?? {};
	const name = record.companyName ?? ([record.firstName, record.lastName].filter(Boolean).join(' ') || null);
	result.data = {
		debtorId: record.debtorId,
		name,
		address: contact.address ?? null,
		email: contact.email ?? null,
		phone: contact.mobile ?? contact.phone ?? null,
		arrearsCents,
	};
	say(
		`Signaal aan de gemeente mag: persoonlijk contact geprobeerd (${d(attempt!, 'nl')}), verwezen naar schuldhulp (${d(pointer!, 'nl')}), herinnering met het aanbod tot delen (${d(offer!, 'nl')}), geen bezwaar. Alleen contactgegevens en de achterstand (${formatCents(arrearsCents, 'nl')}) gaan mee.`,
		`The municipality may be signalled: personal contact tried (${d(attempt!, 'en')}), pointed to debt help (${d(pointer!, 'en')}), reminder with the sharing offer (${d(offer!, 'en')}), no objection. Only contact details and the arrears (${formatCents(arrearsCents, 'en')}) are shared.`,
	);
	return result;
}
