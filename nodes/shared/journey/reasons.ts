/**
 * The journey planner's reasons in Dutch and English. The planner records each decision as a code
 * with its facts; this module words it, so a collector can explain why a step was (or was not)
 * planned. Dates in the params are ISO; they are written out per language here.
 */
import { parseIsoDate } from '../calendar/days';
import { formatDate } from '../calendar/format';
import type { ForbearanceKind, Language } from '../debtor/model';
import { formatCents } from '../money';

/** @deprecated use Language (debtor/model.ts) */

export interface JourneyReason {
	code: string;
	params: Record<string, string | number>;
}

type Words = (p: Record<string, string | number>, l: Language) => string;

const date = (value: string | number, l: Language) => {
	const day = parseIsoDate(value);
	return day === day ? formatDate(day, l, 'medium') : String(value);
};

const STAGE_NAMES: Record<string, { nl: string; en: string }> = {
	'pre-due-notice': { nl: 'vooraankondiging', en: 'pre-due notice' },
	'reminder-1': { nl: 'eerste herinnering', en: 'first reminder' },
	'reminder-2': { nl: 'tweede herinnering', en: 'second reminder' },
	'fourteen-day-letter': { nl: 'veertiendagenbrief', en: '14-day letter' },
	'arrangement-offer': { nl: 'aanbod betalingsregeling', en: 'arrangement offer' },
	'arrangement-confirmation': { nl: 'bevestiging betalingsregeling', en: 'arrangement confirmation' },
	'instalment-reminder': { nl: 'herinnering termijn', en: 'instalment reminder' },
	'missed-instalment': { nl: 'gemiste termijn', en: 'missed instalment' },
	'reversal-notice': { nl: 'bericht over gestorneerde incasso', en: 'reversal notice' },
	'early-warning-care': { nl: 'zorgbericht (vroegsignalering)', en: 'early-warning care message' },
	'collection-date-invitation': { nl: 'uitnodiging incassodatum kiezen', en: 'collection-date invitation' },
	'payment-received': { nl: 'bedankje voor de betaling', en: 'payment-received thank-you' },
	'final-notice': { nl: 'laatste aanmaning voor overdracht', en: 'final notice before handover' },
};

/** Name of a stage in the language, e.g. "veertiendagenbrief" / "14-day letter". */
function stageName(stage: string, l: Language): string {
	return STAGE_NAMES[stage]?.[l] ?? stage;
}

const stage = (value: string | number, l: Language) => stageName(String(value), l);
const days = (n: string | number, l: Language) => `${n} ${Number(n) === 1 ? (l === 'nl' ? 'dag' : 'day') : l === 'nl' ? 'dagen' : 'days'}`;

/** The step the forbearance gate holds back, with its article: a ladder stage, or the handover. */
const HELD_BACK: Record<Language, { handover: string; stage: (name: string) => string }> = {
	nl: { handover: 'de overdracht', stage: (name) => `de ${name}` },
	en: { handover: 'the handover', stage: (name) => `the ${name}` },
};
const heldBack = (step: string | number, l: Language) => (step === 'handover' ? HELD_BACK[l].handover : HELD_BACK[l].stage(stageName(String(step), l)));

/** The forbearance kinds (FORBEARANCE_KINDS) as offered. */
const OFFER_KINDS: Record<ForbearanceKind, Record<Language, string>> = {
	arrangement: { nl: 'een betalingsregeling', en: 'a payment arrangement' },
	deferral: { nl: 'uitstel van betaling', en: 'a deferral' },
	other: { nl: 'een andere tegemoetkoming', en: 'another forbearance measure' },
};
const offerKind = (kind: string | number, l: Language) => OFFER_KINDS[kind as ForbearanceKind]?.[l] ?? String(kind);

const WORDS: Record<string, Record<Language, Words>> = {
	'segmentation.computed': {
		nl: () => 'Geen segmentatie bij het item: de planner heeft de debiteur zelf gesegmenteerd met de standaardinstellingen.',
		en: () => 'No segmentation on the item: the planner segmented the debtor itself with the default settings.',
	},
	'stop.deceased': {
		nl: (p) => `Gestopt: de debiteur is overleden (${p.source === 'md07' ? 'incasso teruggekomen met reden MD07' : 'zo geregistreerd'}). Geen berichten meer.`,
		en: (p) => `Stopped: the debtor has died (${p.source === 'md07' ? 'a direct debit came back with reason MD07' : 'recorded as deceased'}). No further messages.`,
	},
	'pause.dispute': {
		nl: (p) => `Gepauzeerd: ${p.source === 'flag' ? 'de debiteur betwist de vordering' : `${p.count} ${Number(p.count) === 1 ? 'vordering wordt' : 'vorderingen worden'} betwist`}. Geen incassostappen tot het geschil is opgelost.`,
		en: (p) => `Paused: ${p.source === 'flag' ? 'the debtor disputes the claim' : `${p.count} ${Number(p.count) === 1 ? 'claim is' : 'claims are'} disputed`}. No collection steps until the dispute is resolved.`,
	},
	'pause.unconfirmed-contact': {
		nl: (p) => `Gepauzeerd: van ${p.stage ? `de ${stage(p.stage, 'nl')}` : 'een bericht'} van ${date(p.date, 'nl')} is niet bekend of het is verstuurd (een run stopte tijdens het versturen, of de provider gaf geen antwoord). Controleer het bij de provider en zet de uitkomst van dat contact op "sent" of "failed"; tot dan gaat er niets uit.`,
		en: (p) => `Paused: it is not known whether ${p.stage ? `the ${stage(p.stage, 'en')}` : 'a message'} of ${date(p.date, 'en')} went out (a run stopped while sending, or the provider did not answer). Check with the provider and set that contact's outcome to "sent" or "failed"; until then nothing goes out.`,
	},
	'pause.debt-help': {
		nl: (p) => `Gepauzeerd: schuldhulp is geaccepteerd op ${date(p.since, 'nl')}; de incasso rust tot en met ${date(p.until, 'nl')} (${days(p.days, 'nl')}).`,
		en: (p) => `Paused: debt help was accepted on ${date(p.since, 'en')}; collection rests until ${date(p.until, 'en')} inclusive (${days(p.days, 'en')}).`,
	},
	'pause.debt-help-undated': {
		nl: () => 'Gepauzeerd: er is schuldhulp, maar zonder startdatum (flags.debtHelpSince). Leg de datum vast om de pauze te laten eindigen.',
		en: () => 'Paused: debt help is involved but has no start date (flags.debtHelpSince). Record the date so the pause can end.',
	},
	'pause.debt-help-ended': {
		nl: (p) => `De schuldhulppauze is voorbij sinds ${date(p.until, 'nl')}; alleen ondersteunende stappen.`,
		en: (p) => `The debt-help pause ended on ${date(p.until, 'en')}; supportive steps only.`,
	},
	'arrangement.no-plan': {
		nl: (p) => `Gepauzeerd: er loopt een betalingsregeling, maar het item heeft geen regeling onder "${p.field}" om de termijnen te controleren.`,
		en: (p) => `Paused: an arrangement is active, but the item has no plan under "${p.field}" to check the instalments against.`,
	},
	'arrangement.only-instalments': {
		nl: () => 'Er loopt een betalingsregeling: alleen termijnherinneringen en berichten over gemiste termijnen.',
		en: () => 'An arrangement is active: only instalment reminders and missed-instalment messages.',
	},
	// The arrangement check words its own state (arrangement/check.ts); passed through as is.
	'arrangement.check': {
		nl: (p) => String(p.text),
		en: (p) => String(p.text),
	},
	'arrangement.reminder-sent': {
		nl: (p) => `Herinnering voor termijn ${p.number} is al verstuurd op ${date(p.date, 'nl')}.`,
		en: (p) => `The reminder for instalment ${p.number} went out on ${date(p.date, 'en')} already.`,
	},
	'arrangement.missed-sent': {
		nl: (p) => `Bericht over gemiste termijn ${p.number} is al verstuurd op ${date(p.date, 'nl')}; een medewerker volgt het op.`,
		en: (p) => `The missed-instalment message for instalment ${p.number} went out on ${date(p.date, 'en')} already; a person follows it up.`,
	},
	'arrangement.next-reminder': {
		nl: (p) => `Volgende termijnherinnering op ${date(p.date, 'nl')}.`,
		en: (p) => `Next instalment reminder on ${date(p.date, 'en')}.`,
	},
	'paid.nothing-open': {
		nl: () => 'Niets meer open: alle vorderingen zijn betaald.',
		en: () => 'Nothing open: every claim has been paid.',
	},
	'paid.nothing-overdue': {
		nl: () => 'Niets achterstallig.',
		en: () => 'Nothing overdue.',
	},
	thanks: {
		nl: (p) => `Betaling ontvangen op ${date(p.date, 'nl')} na de laatste stap: bedank de debiteur, daarna stopt het traject.`,
		en: (p) => `Payment received on ${date(p.date, 'en')} after the last step: thank the debtor, then the journey stops.`,
	},
	'thanks.sent': {
		nl: (p) => `Bedankje is al verstuurd op ${date(p.date, 'nl')}.`,
		en: (p) => `The thank-you went out on ${date(p.date, 'en')} already.`,
	},
	ladder: {
		nl: (p) => `Traject voor persona ${p.persona}${p.variant ? ' (variant van het experiment)' : ''}: ${p.steps} ${Number(p.steps) === 1 ? 'stap' : 'stappen'}.`,
		en: (p) => `Journey for persona ${p.persona}${p.variant ? ' (experiment variant)' : ''}: ${p.steps} ${Number(p.steps) === 1 ? 'step' : 'steps'}.`,
	},
	'step.next': {
		nl: (p) => `Volgende stap voor vordering ${p.claimId}: ${stage(p.stage, 'nl')} (stap ${p.index} van ${p.total}), ${days(p.days, 'nl')} na ${p.from === 'due' ? `de vervaldatum ${date(p.base, 'nl')}` : `de vorige stap op ${date(p.base, 'nl')}`}.`,
		en: (p) => `Next step for claim ${p.claimId}: ${stage(p.stage, 'en')} (step ${p.index} of ${p.total}), ${days(p.days, 'en')} after ${p.from === 'due' ? `the due date ${date(p.base, 'en')}` : `the previous step on ${date(p.base, 'en')}`}.`,
	},
	'step.due': {
		nl: (p) => `De stap is vandaag aan de beurt (${date(p.date, 'nl')}).`,
		en: (p) => `The step is due today (${date(p.date, 'en')}).`,
	},
	'step.waiting': {
		nl: (p) => `Wachten: de stap is pas op ${date(p.date, 'nl')} aan de beurt.`,
		en: (p) => `Waiting: the step is due on ${date(p.date, 'en')}.`,
	},
	'step.moved-day': {
		nl: (p) => `Verschoven naar ${date(p.to, 'nl')}: ${p.why === 'working' ? 'een werkdag (brief of taak voor een medewerker)' : 'geen contact op zondag of een feestdag'}.`,
		en: (p) => `Moved to ${date(p.to, 'en')}: ${p.why === 'working' ? 'a working day (letter or a task for a person)' : 'no contact on Sundays or holidays'}.`,
	},
	'step.grouped': {
		nl: (p) => `Dezelfde stap geldt voor ${p.count} vorderingen: één bericht.`,
		en: (p) => `The same step applies to ${p.count} claims: one message.`,
	},
	'step.person': {
		nl: () => 'Een medewerker moet dit doen (beltaak).',
		en: () => 'A person must act (call task).',
	},
	'channel.fallback': {
		nl: (p) => `Geen van de kanalen van de stap (${p.wanted}) is bereikbaar; via ${p.used}.`,
		en: (p) => `None of the step's channels (${p.wanted}) reaches the debtor; using ${p.used}.`,
	},
	'channel.none': {
		nl: () => 'Geen enkel kanaal bereikt de debiteur: vul de contactgegevens aan.',
		en: () => 'No channel reaches the debtor: complete the contact details.',
	},
	'gate.letter-business': {
		nl: (p) => `Veertiendagenbrief overgeslagen voor vordering ${p.claimId}: alleen voor consumenten; een zakelijke debiteur is na de betaaltermijn de vaste vergoeding verschuldigd.`,
		en: (p) => `14-day letter skipped for claim ${p.claimId}: it is for consumers only; a business debtor owes the flat fee after the payment term.`,
	},
	'gate.letter-once': {
		nl: (p) => `Vordering ${p.claimId} kreeg de veertiendagenbrief al op ${date(p.date, 'nl')}; een tweede brief is niet toegestaan.`,
		en: (p) => `Claim ${p.claimId} got its 14-day letter on ${date(p.date, 'en')} already; a second letter is not allowed.`,
	},
	'gate.letter-default': {
		nl: (p) => `De veertiendagenbrief voor vordering ${p.claimId} kan pas als die in verzuim is: vanaf ${date(p.date, 'nl')}.`,
		en: (p) => `The 14-day letter for claim ${p.claimId} can only go once it is in default: from ${date(p.date, 'en')}.`,
	},
	'gate.letter-term': {
		nl: (p) => `Veertiendagenbrief: ontvangst vermoed op ${date(p.receipt, 'nl')}, betalen kan tot en met ${date(p.last, 'nl')}, incassokosten pas vanaf ${date(p.costs, 'nl')}.`,
		en: (p) => `14-day letter: presumed received on ${date(p.receipt, 'en')}, payable until ${date(p.last, 'en')} inclusive, collection costs only from ${date(p.costs, 'en')}.`,
	},
	'gate.costs-term': {
		nl: (p) => `${stage(p.stage, 'nl')} rekent incassokosten: pas na de termijn van de veertiendagenbrief voor vordering ${p.claimId}, vanaf ${date(p.date, 'nl')}.`,
		en: (p) => `The ${stage(p.stage, 'en')} charges collection costs: only after the 14-day letter term for claim ${p.claimId}, from ${date(p.date, 'en')}.`,
	},
	'gate.costs-no-letter': {
		nl: (p) => `${stage(p.stage, 'nl')} overgeslagen voor vordering ${p.claimId}: er is geen veertiendagenbrief verstuurd, dus geen incassokosten.`,
		en: (p) => `The ${stage(p.stage, 'en')} is skipped for claim ${p.claimId}: no 14-day letter was sent, so no collection costs.`,
	},
	'gate.costs-business': {
		nl: (p) => `Zakelijke debiteur: incassokosten na de betaaltermijn van vordering ${p.claimId}, vanaf ${date(p.date, 'nl')}.`,
		en: (p) => `Business debtor: collection costs after the payment term of claim ${p.claimId}, from ${date(p.date, 'en')}.`,
	},
	'gate.forbearance': {
		nl: (p) =>
			`Vordering ${p.claimId} komt uit een kredietovereenkomst: ${heldBack(p.step, 'nl')} mag pas als de consument eerst een betalingsregeling of uitstel van betaling is aangeboden (Europese richtlijn consumentenkrediet 2023/2225). Op of vóór ${date(p.date, 'nl')} is geen aanbod vastgelegd, dus eerst het aanbod voor een betalingsregeling.`,
		en: (p) =>
			`Claim ${p.claimId} comes from a credit agreement: ${heldBack(p.step, 'en')} may only follow an offer of a payment arrangement or a deferral to the consumer (EU Consumer Credit Directive 2023/2225). No offer is recorded on or before ${date(p.date, 'en')}, so first the arrangement offer.`,
	},
	'gate.forbearance-offered': {
		nl: (p) => `Vordering ${p.claimId} komt uit een kredietovereenkomst: ${offerKind(p.kind, 'nl')} is aangeboden op ${date(p.date, 'nl')}, dus ${heldBack(p.step, 'nl')} mag.`,
		en: (p) => `Claim ${p.claimId} comes from a credit agreement: ${offerKind(p.kind, 'en')} was offered on ${date(p.date, 'en')}, so ${heldBack(p.step, 'en')} may follow.`,
	},
	reversal: {
		nl: (p) => `Incasso van ${date(p.date, 'nl')} is gestorneerd (reden ${p.code}): stuur een bericht over de stornering.`,
		en: (p) => `The direct debit of ${date(p.date, 'en')} was returned (reason ${p.code}): send a reversal notice.`,
	},
	finished: {
		nl: (p) => `Traject afgerond: alle stappen voor persona ${p.persona} zijn gezet, er staat nog ${formatCents(Number(p.openCents), 'nl')} open.`,
		en: (p) => `Journey finished: every step for persona ${p.persona} has been taken; ${formatCents(Number(p.openCents), 'en')} is still open.`,
	},
	handover: {
		nl: (p) => `Overdracht: de laatste aanmaning voor vordering ${p.claimId} ging uit op ${date(p.date, 'nl')} en is onbeantwoord; draag over aan een incassobureau of deurwaarder.`,
		en: (p) => `Handover: the final notice for claim ${p.claimId} went out on ${date(p.date, 'en')} without payment; hand over to a collection agency or bailiff.`,
	},
};

/** Words one reason in the language. */
export function wordJourneyReason(reason: JourneyReason, language: Language): string {
	const words = WORDS[reason.code];
	return words ? words[language](reason.params, language) : reason.code;
}
