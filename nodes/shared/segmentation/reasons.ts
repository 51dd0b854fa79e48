/**
 * Human-readable reasons in Dutch and English. The segmenter records each decision as a code with
 * its facts and thresholds; this module words it, so collectors can explain every assignment.
 */
import type { Language } from '../debtor/model';
import { formatCents } from '../money';
import { flatString } from '../text';

/** @deprecated use Language (debtor/model.ts) */

/** The facts and thresholds a reason names, by name. */
export type ReasonParams = Record<string, string | number>;

/** A value a reason names: a count, an amount, a ratio, a date or a name. */
export type ReasonValue = string | number;

/**
 * The facts and thresholds each reason names, in the order the segmenter passes them. The values
 * travel as arguments, without an object per reason, and are put to their names only when a
 * sentence is worded for the first time (see wordReasonShared). Invariant: at most MAX_VALUES names
 * per reason (wordReasonShared takes that many arguments, a to e).
 */
export const REASON_PARAMETERS = {
	'behaviour.non-payer-never': ['terms'],
	'behaviour.non-payer': ['terms', 'days', 'threshold'],
	'behaviour.on-time-no-history': ['months'],
	'behaviour.late': ['ratio', 'months', 'threshold', 'average'],
	'behaviour.direct-debit': ['ratio', 'months', 'threshold'],
	'behaviour.on-time': ['ratio', 'months', 'threshold'],
	'persona.deceased-flag': [],
	'persona.deceased-md07': [],
	'persona.dispute-flag': [],
	'persona.dispute-claim': ['count'],
	'persona.debt-help': ['since'],
	'persona.vulnerable': [],
	'persona.current': ['date'],
	'persona.can-pay-wont-pay': ['income', 'threshold', 'unanswered', 'seen', 'terms'],
	'persona.overwhelmed': ['unanswered', 'threshold', 'terms', 'rate', 'maxRate'],
	'persona.structural-shortfall': ['months', 'window', 'threshold'],
	'persona.forgetful': ['days', 'max', 'ratio', 'threshold', 'months'],
	'persona.temporary-reversal': ['days'],
	'persona.temporary-new-arrears': ['days', 'recent', 'clean'],
	'persona.fallback-structural': ['terms', 'months'],
	'persona.fallback-temporary': ['terms', 'days'],
	'signal.second-consecutive-late': ['clean', 'threshold'],
	'signal.insufficient-funds-reversal': ['days'],
	'signal.blocked-account': ['days'],
	'signal.growing-arrears': ['before', 'now'],
	'signal.no-response': ['count', 'threshold'],
	'signal.legal-early-warning': ['sector', 'terms', 'threshold'],
	'label.custom-rule': ['rule', 'condition', 'label'],
	'persona.custom-rule': ['rule', 'condition', 'result'],
	experiment: ['name', 'arm', 'bucket', 'percent'],
} as const;

export type ReasonCode = keyof typeof REASON_PARAMETERS;

/** The values of reason `C`, one for each of its names in REASON_PARAMETERS, in that order. */
export type ReasonValues<C extends ReasonCode> = ValuesFor<(typeof REASON_PARAMETERS)[C]>;
type ValuesFor<Names extends readonly string[]> = { -readonly [K in keyof Names]: ReasonValue };

/** The most values a reason has. */
const MAX_VALUES = 5;

export interface Reason {
	code: string;
	params: ReasonParams;
}

type Template = (p: ReasonParams, language: Language) => string;

const pct = (value: string | number) => `${Math.round(Number(value) * 100)}%`;
const money = (value: string | number, language: Language) => formatCents(Number(value), language);
const plural = (n: string | number, one: string, many: string) => (Number(n) === 1 ? one : many);

const SECTOR_NAMES: Record<string, { nl: string; en: string }> = {
	rent: { nl: 'huur', en: 'rent' },
	'health-insurance': { nl: 'zorgverzekering', en: 'health insurance' },
	energy: { nl: 'energie', en: 'energy' },
	heat: { nl: 'warmte', en: 'heat' },
	water: { nl: 'drinkwater', en: 'drinking water' },
};

const MESSAGES: Record<ReasonCode, Record<Language, Template>> = {
	'behaviour.non-payer': {
		en: (p) => `Non-payer: ${p.terms} ${plural(p.terms, 'term', 'terms')} in arrears and no payment for ${p.days} days (threshold ${p.threshold} days).`,
		nl: (p) => `Betaalt niet: ${p.terms} ${plural(p.terms, 'termijn', 'termijnen')} achterstand en ${p.days} dagen geen betaling (grens ${p.threshold} dagen).`,
	},
	'behaviour.non-payer-never': {
		en: (p) => `Non-payer: ${p.terms} ${plural(p.terms, 'term', 'terms')} in arrears and no payment on record.`,
		nl: (p) => `Betaalt niet: ${p.terms} ${plural(p.terms, 'termijn', 'termijnen')} achterstand en geen enkele betaling bekend.`,
	},
	'behaviour.direct-debit': {
		en: (p) => `Direct-debit payer: pays by direct debit and ${pct(p.ratio)} of the claims of the last ${p.months} months were paid on time (threshold ${pct(p.threshold)}).`,
		nl: (p) => `Betaalt via automatische incasso: ${pct(p.ratio)} van de facturen van de laatste ${p.months} maanden op tijd betaald (grens ${pct(p.threshold)}).`,
	},
	'behaviour.on-time': {
		en: (p) => `On-time payer: ${pct(p.ratio)} of the claims of the last ${p.months} months were paid on time (threshold ${pct(p.threshold)}).`,
		nl: (p) => `Betaalt op tijd: ${pct(p.ratio)} van de facturen van de laatste ${p.months} maanden op tijd betaald (grens ${pct(p.threshold)}).`,
	},
	'behaviour.on-time-no-history': {
		en: (p) => `On-time payer: no claim fell due in the last ${p.months} months and nothing is overdue.`,
		nl: (p) => `Betaalt op tijd: geen factuur vervallen in de laatste ${p.months} maanden en niets achterstallig.`,
	},
	'behaviour.late': {
		en: (p) => `Late payer: ${pct(p.ratio)} of the claims of the last ${p.months} months were paid on time, below ${pct(p.threshold)}; on average ${p.average} days late.`,
		nl: (p) => `Betaalt te laat: ${pct(p.ratio)} van de facturen van de laatste ${p.months} maanden op tijd betaald, onder de grens van ${pct(p.threshold)}; gemiddeld ${p.average} dagen te laat.`,
	},
	'persona.deceased-flag': {
		en: () => 'Deceased: the debtor is recorded as deceased. Stop all collection.',
		nl: () => 'Overleden: de debiteur staat als overleden geregistreerd. Stop alle incasso.',
	},
	'persona.deceased-md07': {
		en: () => 'Deceased: a direct debit came back with reason MD07 (debtor deceased). Stop all collection.',
		nl: () => 'Overleden: een incasso kwam terug met reden MD07 (debiteur overleden). Stop alle incasso.',
	},
	'persona.dispute-flag': {
		en: () => 'Dispute: the debtor disputes the claim. Pause and investigate.',
		nl: () => 'Geschil: de debiteur betwist de vordering. Pauzeer en zoek het uit.',
	},
	'persona.dispute-claim': {
		en: (p) => `Dispute: ${p.count} open ${plural(p.count, 'claim is', 'claims are')} disputed. Pause and investigate.`,
		nl: (p) => `Geschil: ${p.count} openstaande ${plural(p.count, 'factuur wordt', 'facturen worden')} betwist. Pauzeer en zoek het uit.`,
	},
	'persona.debt-help': {
		en: (p) => `Debt help: debt help is involved${p.since ? ` since ${p.since}` : ''}. Pause collection and support.`,
		nl: (p) => `Schuldhulp: er is schuldhulpverlening betrokken${p.since ? ` sinds ${p.since}` : ''}. Pauzeer de incasso en ondersteun.`,
	},
	'persona.vulnerable': {
		en: () => 'Vulnerable: the debtor is known to be vulnerable. Pause collection and support.',
		nl: () => 'Kwetsbaar: de debiteur is bekend als kwetsbaar. Pauzeer de incasso en ondersteun.',
	},
	'persona.custom-rule': {
		en: (p) => `Your rule ${p.rule} matched (${p.condition}): ${p.result}.`,
		nl: (p) => `Uw regel ${p.rule} is van toepassing (${p.condition}): ${p.result}.`,
	},
	'persona.current': {
		en: (p) => `Current: nothing is overdue on ${p.date}.`,
		nl: (p) => `Bij: niets is achterstallig op ${p.date}.`,
	},
	'persona.can-pay-wont-pay': {
		en: (p, l) => `Can pay, won't pay: net income ${money(p.income, l)} is at or above ${money(p.threshold, l)}, ${p.unanswered} contacts unanswered of which ${p.seen} opened or read, ${p.terms} terms in arrears.`,
		nl: (p, l) => `Kan betalen, wil niet: netto-inkomen ${money(p.income, l)} is minstens ${money(p.threshold, l)}, ${p.unanswered} contacten onbeantwoord waarvan ${p.seen} geopend of gelezen, ${p.terms} termijnen achterstand.`,
	},
	'persona.overwhelmed': {
		en: (p) => `Overwhelmed: ${p.unanswered} contacts in a row without a response and none of them seen (threshold ${p.threshold}), reactions to ${pct(p.rate)} of contacts (at most ${pct(p.maxRate)}), ${p.terms} terms in arrears. A person should get in touch.`,
		nl: (p) => `Overzicht kwijt: ${p.unanswered} contacten achter elkaar zonder reactie en geen ervan gezien (grens ${p.threshold}), reactie op ${pct(p.rate)} van de contacten (hoogstens ${pct(p.maxRate)}), ${p.terms} termijnen achterstand. Laat een medewerker contact opnemen.`,
	},
	'persona.structural-shortfall': {
		en: (p) => `Structural shortfall: arrears in ${p.months} of the last ${p.window} months (threshold ${p.threshold}).`,
		nl: (p) => `Structureel tekort: achterstand in ${p.months} van de laatste ${p.window} maanden (grens ${p.threshold}).`,
	},
	'persona.forgetful': {
		en: (p) => `Forgetful: one term in arrears and no other late period, ${p.days} days past due (at most ${p.max}), ${pct(p.ratio)} of the last ${p.months} months paid on time (threshold ${pct(p.threshold)}).`,
		nl: (p) => `Vergeten: één termijn achterstand en verder niet te laat, ${p.days} dagen over de vervaldatum (hoogstens ${p.max}), ${pct(p.ratio)} van de laatste ${p.months} maanden op tijd betaald (grens ${pct(p.threshold)}).`,
	},
	'persona.temporary-reversal': {
		en: (p) => `Temporary shortfall: a direct debit came back for insufficient funds (AM04) in the last ${p.days} days.`,
		nl: (p) => `Tijdelijk tekort: een incasso kwam in de laatste ${p.days} dagen terug wegens onvoldoende saldo (AM04).`,
	},
	'persona.temporary-new-arrears': {
		en: (p) => `Temporary shortfall: arrears began ${p.days} days ago (within ${p.recent}) after ${p.clean} periods paid on time.`,
		nl: (p) => `Tijdelijk tekort: de achterstand begon ${p.days} dagen geleden (binnen ${p.recent}) na ${p.clean} keer op tijd betalen.`,
	},
	'persona.fallback-structural': {
		en: (p) => `Structural shortfall (no clear pattern): ${p.terms} terms in arrears and arrears in ${p.months} months; treated as a structural shortfall to stay careful.`,
		nl: (p) => `Structureel tekort (geen duidelijk patroon): ${p.terms} termijnen achterstand en achterstand in ${p.months} maanden; voorzichtigheidshalve als structureel tekort behandeld.`,
	},
	'persona.fallback-temporary': {
		en: (p) => `Temporary shortfall (no clear pattern): ${p.terms} ${plural(p.terms, 'term', 'terms')} in arrears, ${p.days} days past due.`,
		nl: (p) => `Tijdelijk tekort (geen duidelijk patroon): ${p.terms} ${plural(p.terms, 'termijn', 'termijnen')} achterstand, ${p.days} dagen over de vervaldatum.`,
	},
	'signal.second-consecutive-late': {
		en: (p) => `Early signal: late for the second period in a row after ${p.clean} periods on time (at least ${p.threshold}).`,
		nl: (p) => `Vroegsignaal: voor de tweede keer op rij te laat na ${p.clean} keer op tijd (minstens ${p.threshold}).`,
	},
	'signal.insufficient-funds-reversal': {
		en: (p) => `Early signal: direct debit returned for insufficient funds (AM04) in the last ${p.days} days.`,
		nl: (p) => `Vroegsignaal: incasso teruggekomen wegens onvoldoende saldo (AM04) in de laatste ${p.days} dagen.`,
	},
	'signal.blocked-account': {
		en: (p) => `Early signal: direct debit returned because the account is blocked (AC06) in the last ${p.days} days.`,
		nl: (p) => `Vroegsignaal: incasso teruggekomen omdat de rekening geblokkeerd is (AC06) in de laatste ${p.days} dagen.`,
	},
	'signal.growing-arrears': {
		en: (p) => `Early signal: terms in arrears grew from ${p.before} to ${p.now} in 30 days.`,
		nl: (p) => `Vroegsignaal: de achterstand groeide in 30 dagen van ${p.before} naar ${p.now} termijnen.`,
	},
	'signal.no-response': {
		en: (p) => `Early signal: no response after ${p.count} contacts (threshold ${p.threshold}).`,
		nl: (p) => `Vroegsignaal: geen reactie na ${p.count} contacten (grens ${p.threshold}).`,
	},
	'signal.legal-early-warning': {
		en: (p) => `Legal early warning applies: ${SECTOR_NAMES[p.sector]?.en ?? p.sector} with ${p.terms} ${plural(p.terms, 'term', 'terms')} in arrears (threshold ${p.threshold}).`,
		nl: (p) => `Wettelijke vroegsignalering is van toepassing: ${SECTOR_NAMES[p.sector]?.nl ?? p.sector} met ${p.terms} ${plural(p.terms, 'termijn', 'termijnen')} achterstand (grens ${p.threshold}).`,
	},
	'label.custom-rule': {
		en: (p) => `Your rule ${p.rule} matched (${p.condition}): label "${p.label}".`,
		nl: (p) => `Uw regel ${p.rule} is van toepassing (${p.condition}): label "${p.label}".`,
	},
	experiment: {
		en: (p) => `Experiment "${p.name}": ${p.arm} group (bucket ${p.bucket} of 100; ${p.percent}% get the variant).`,
		nl: (p) => `Experiment "${p.name}": groep ${p.arm === 'variant' ? 'variant' : 'controle'} (vak ${p.bucket} van 100; ${p.percent}% krijgt de variant).`,
	},
};

/** The reason as a sentence in the given language. */
export function wordReason(reason: Reason, language: Language): string {
	const templates = MESSAGES[reason.code as ReasonCode] as Record<Language, Template> | undefined;
	if (!templates) throw new Error(`No wording for reason ${reason.code}`);
	return templates[language](reason.params, language);
}

/*
 * The sentence table behind wordReasonShared (nothing else reads or writes it): sentences already
 * worded, found by a hash of language, code and values in an open-addressed table of typed arrays.
 * Invariants a change must keep:
 * - an entry's text is exactly what wordReason gives for the entry's language, code and values, and
 *   an entry is only returned when all of them are equal (the hash only finds candidates);
 * - TABLE_SIZE is a power of two and larger than WORDED_LIMIT, so a probe always reaches an empty
 *   slot and ends;
 * - starting afresh (at WORDED_LIMIT entries) empties every slot before an entry is reused;
 * - lookupNumbers / lookupStrings hold the values of the call under way only: written and read
 *   within one wordReasonShared call, never kept;
 * - a value is a number or a string; another kind needs its own place in valueHash and
 *   holdsLookupValues before it may be passed.
 */
const TABLE_SIZE = 1 << 17; // slots; a power of two, larger than WORDED_LIMIT (see above)
const TABLE_MASK = TABLE_SIZE - 1;
/** Entries before the table starts afresh: the memory stays bounded whatever a run words. */
const WORDED_LIMIT = 50_000;
/** Per slot: the hash tag (hash + 1; 0 is an empty slot) and the entry number, side by side. */
const slots = new Int32Array(TABLE_SIZE * 2);
/** Per entry: the code-and-language seed and the number of values, side by side. */
const entryKeys = new Int32Array(WORDED_LIMIT * 2);
/** Per entry, MAX_VALUES places: a number value, or the string value (undefined for a number). */
const entryNumbers = new Float64Array(WORDED_LIMIT * MAX_VALUES);
const entryStrings: Array<string | undefined> = new Array<string | undefined>(WORDED_LIMIT * MAX_VALUES).fill(undefined);
const entryTexts: string[] = new Array<string>(WORDED_LIMIT).fill('');
let entries = 0;
/** The values of the reason being looked up, kept apart by type (a typed array boxes no number). */
const lookupNumbers = new Float64Array(MAX_VALUES);
const lookupStrings: Array<string | undefined> = new Array<string | undefined>(MAX_VALUES).fill(undefined);

function mix(hash: number, value: number): number {
	return Math.imul(hash ^ value, 0x01000193);
}

/**
 * A number for a parameter value: strings by their characters, numbers by their low 32 bits and, for
 * fractions, millionths (without `% 1`, which is a slow floating-point remainder). Only a hash:
 * values that collide are told apart by comparing them.
 */
function valueHash(hash: number, value: string | number): number {
	if (typeof value === 'number') {
		const whole = value | 0;
		return whole === value ? mix(hash, whole) : mix(mix(hash, whole), ((value - whole) * 1e6) | 0);
	}
	let h = mix(hash, value.length);
	for (let k = 0; k < value.length; k++) h = mix(h, value.charCodeAt(k));
	return h;
}

/** Per reason code: a number to start the hash with (instead of hashing the code's characters) and its names. */
const CODES = new Map<string, { seed: number; names: readonly string[] }>();

/** Whether entry `entry` holds exactly the `count` values being looked up. */
function holdsLookupValues(entry: number, count: number): boolean {
	const base = entry * MAX_VALUES;
	for (let k = 0; k < count; k++) {
		const text = lookupStrings[k];
		if (text === undefined) {
			if (entryStrings[base + k] !== undefined || entryNumbers[base + k] !== lookupNumbers[k]) return false;
		} else if (entryStrings[base + k] !== text) {
			return false;
		}
	}
	return true;
}

/** Puts the `k`th value in the lookup places and mixes it into `hash`. */
function lookupValue(hash: number, k: number, value: ReasonValue | undefined): number {
	if (typeof value === 'number') {
		lookupNumbers[k] = value;
		lookupStrings[k] = undefined;
		return valueHash(hash, value);
	}
	// A missing value reads as "undefined" in a sentence, in both places alike.
	const text = typeof value === 'string' ? value : String(value);
	lookupStrings[k] = text;
	return valueHash(hash, text);
}

/**
 * The sentence for reason `code` with its values (in the order of REASON_PARAMETERS): the same text
 * wordReason gives, shared with every earlier reason with the same language, code and values (see
 * the sentence table above). Callers may rely on the text only, never on which copy they get:
 * strings cannot change, so sharing them between items is safe. Not re-entrant (the lookup places are
 * shared), which holds as long as wording a sentence never words another reason.
 */
export function wordReasonShared(
	code: ReasonCode,
	language: Language,
	a?: ReasonValue,
	b?: ReasonValue,
	c?: ReasonValue,
	d?: ReasonValue,
	e?: ReasonValue,
): string {
	let known = CODES.get(code);
	if (known === undefined) {
		if (!(code in REASON_PARAMETERS)) throw new Error(`No wording for reason ${code}`);
		known = { seed: (CODES.size + 1) * 2, names: REASON_PARAMETERS[code] };
		CODES.set(code, known);
	}
	const seed = language === 'nl' ? known.seed : known.seed + 1;
	const count = known.names.length;
	let hash = mix(0x811c9dc5, seed);
	if (count > 0) hash = lookupValue(hash, 0, a);
	if (count > 1) hash = lookupValue(hash, 1, b);
	if (count > 2) hash = lookupValue(hash, 2, c);
	if (count > 3) hash = lookupValue(hash, 3, d);
	if (count > 4) hash = lookupValue(hash, 4, e);
	const tag = (hash & 0x3fffffff) + 1;
	let slot = hash & TABLE_MASK;
	for (let probed = slots[slot * 2]; probed !== 0; slot = (slot + 1) & TABLE_MASK, probed = slots[slot * 2]) {
		if (probed !== tag) continue;
		const entry = slots[slot * 2 + 1];
		if (entryKeys[entry * 2] === seed && entryKeys[entry * 2 + 1] === count && holdsLookupValues(entry, count)) return entryTexts[entry];
	}
	// Worded for the first time: now the values get their names.
	const values = [a, b, c, d, e];
	const params: ReasonParams = {};
	for (let k = 0; k < count; k++) params[known.names[k]] = values[k] as ReasonValue;
	const text = flatString(wordReason({ code, params }, language));
	if (entries === WORDED_LIMIT) {
		// Start afresh: forget every slot (and with it every entry) and find this one's slot again.
		slots.fill(0);
		entries = 0;
		slot = hash & TABLE_MASK;
	}
	const entry = entries++;
	slots[slot * 2] = tag;
	slots[slot * 2 + 1] = entry;
	entryKeys[entry * 2] = seed;
	entryKeys[entry * 2 + 1] = count;
	const base = entry * MAX_VALUES;
	for (let k = 0; k < count; k++) {
		entryStrings[base + k] = lookupStrings[k];
		entryNumbers[base + k] = lookupStrings[k] === undefined ? lookupNumbers[k] : 0;
	}
	entryTexts[entry] = text;
	return text;
}

/** Every reason code that has wording (for tests and docs). */
export const REASON_CODES = Object.keys(MESSAGES);
