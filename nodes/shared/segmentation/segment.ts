/**
 * Segments one debtor: behaviour class, persona (with the protective overrides first), early-warning
 * signals, an optional experiment arm, and the reasons for each decision. Order of decisions:
 *   1. protective overrides: deceased (stop), dispute, debt help, vulnerable (pause and support); these
 *      always win, because the law and care demand it;
 *   2. the user's own rules, in order (a persona rule decides the persona, label rules add labels);
 *   3. the built-in persona rules, each with its threshold from the settings.
 */
import type { CheckedDates } from '../calendar/checkedDates';
import type { DayNumber } from '../calendar/days';
import type { Channel, DebtorRecord, Language } from '../debtor/model';
import { debtorFieldSelection, debtorFieldWithin, type DebtorField, type DebtorFieldSelection } from '../debtor/validate';
import { parseFieldPath, readFieldPath } from '../fieldPath';
import { addOnce, computeFeatures, suppliedFeatures, type SegmentationFeatures } from './features';
import {
	PERSONA_PROFILES,
	PERSONAS,
	type Behaviour,
	type Persona,
	type PersonaAction,
	type Signal,
	type Tone,
} from './personas';
import { wordReasonShared, type ReasonCode, type ReasonValue, type ReasonValues } from './reasons';
import type { SegmentationSettings } from './settings';

const RULE_OPERATORS = [
	'equals',
	'notEquals',
	'greaterThan',
	'greaterOrEqual',
	'lessThan',
	'lessOrEqual',
	'contains',
	'exists',
	'notExists',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

const OPERATOR_SYMBOLS: Record<RuleOperator, string> = {
	equals: '=',
	notEquals: '≠',
	greaterThan: '>',
	greaterOrEqual: '≥',
	lessThan: '<',
	lessOrEqual: '≤',
	contains: 'contains',
	exists: 'is set',
	notExists: 'is not set',
};

/** A rule an ops user adds in the canvas: when `field` `operator` `value`, set a persona or add a label. */
export interface CustomRule {
	field: string;
	operator: RuleOperator;
	value?: string;
	result: 'persona' | 'label';
	persona?: Persona;
	label?: string;
}

export interface CompiledRule extends CustomRule {
	path: string[];
	number: number | undefined;
	index: number;
}

export interface Experiment {
	name: string;
	/** Percentage (0-100) of debtors that get the variant. */
	variantPercent: number;
}

export interface SegmentOptions {
	referenceDay: DayNumber;
	settings: SegmentationSettings;
	language: Language;
	rules?: CompiledRule[];
	experiment?: Experiment;
}

export interface ExperimentArm {
	experiment: string;
	group: 'control' | 'variant';
	/** 0-99; the same debtor and experiment name always give the same bucket. */
	bucket: number;
}

export interface Segmentation {
	behaviour: Behaviour;
	persona: Persona;
	tone: Tone;
	action: PersonaAction;
	personalContact: boolean;
	/** Channels to use, best first: where the debtor answers, their preference, then the persona's order. */
	channels: Channel[];
	signals: Signal[];
	labels: string[];
	reasons: string[];
	reasonCodes: string[];
	features: SegmentationFeatures;
	arm?: ExperimentArm;
	/**
	 * Only with the segmenter's look-ahead (reviewDate.ts): the first later day on which the same record
	 * may segment differently, or the day after the look-ahead.
	 */
	reviewDate?: string;
}

/**
 * The fields of the debtor record the segmenter reads (test/unit/segmentation/fields.test.ts holds the
 * list to the code). A record is checked in these fields only: a broken claim description or a
 * missing invoice date does not stop a segmentation that never looks at them.
 */
export const SEGMENTER_FIELDS: readonly DebtorField[] = [
	'debtorId',
	'contact.email',
	'contact.mobile',
	'contact.phone',
	'contact.address',
	'consents.emailOptOut',
	'consents.smsOptOut',
	'consents.whatsappOptIn',
	'preferredChannel',
	'income.type',
	'income.netMonthlyCents',
	'paymentMethod',
	'claims.claimId',
	'claims.principalCents',
	'claims.openCents',
	'claims.dueDate',
	'claims.sector',
	'claims.disputed',
	'payments.claimId',
	'payments.amountCents',
	'payments.date',
	'reversals.date',
	'reversals.reasonCode',
	'contacts.at',
	'contacts.channel',
	'contacts.direction',
	'contacts.outcome',
	'flags.dispute',
	'flags.debtHelp',
	'flags.debtHelpSince',
	'flags.deceased',
	'flags.vulnerable',
	'features',
];

/**
 * The record fields the user's rules read, as far as the debtor schema describes them: `income.type`
 * for a rule on income.type, `claims.sector` for one on claims[0].sector, nothing for `features.*`
 * (the computed facts) or fields the schema does not know.
 */
export function ruleFields(rules: readonly CompiledRule[]): DebtorField[] {
	const fields: DebtorField[] = [];
	for (const rule of rules) {
		if (rule.path[0] === 'features') continue;
		// The longest start of the path that is a field of the record (an object brings all it holds).
		const field = debtorFieldWithin(rule.path.filter((part) => !/^\d+$/.test(part)).join('.'));
		if (field !== undefined) fields.push(field);
	}
	return fields;
}

/** What a run checks of each record: the segmenter's own fields and those its rules read. */
export function segmenterFieldSelection(rules: readonly CompiledRule[]): DebtorFieldSelection {
	return debtorFieldSelection([...SEGMENTER_FIELDS, ...ruleFields(rules)]);
}

/** Checks and prepares the user's rules once per node run; a wrong rule gives a RuleError naming it. */
export function compileRules(rules: CustomRule[]): CompiledRule[] | RuleError {
	const compiled: CompiledRule[] = [];
	for (const [index, rule] of rules.entries()) {
		const where = `Rule ${index + 1}`;
		const field = (rule.field ?? '').trim();
		if (!field) return new RuleError(`${where}: the field is empty. Use a path such as features.daysPastDue or income.type.`);
		if (!RULE_OPERATORS.includes(rule.operator)) return new RuleError(`${where}: unknown operator "${rule.operator}".`);
		if (rule.result === 'persona' && !PERSONAS.includes(rule.persona as Persona)) {
			return new RuleError(`${where}: choose the persona the rule assigns.`);
		}
		if (rule.result === 'label' && !(rule.label ?? '').trim()) return new RuleError(`${where}: the label is empty.`);
		const value = rule.value ?? '';
		const number = value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
		const path = parseFieldPath(field);
		compiled.push({ ...rule, field, path, number, index });
	}
	return compiled;
}

export class RuleError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RuleError';
	}
}

function resolve(path: string[], record: DebtorRecord, features: SegmentationFeatures): unknown {
	return readFieldPath(path[0] === 'features' ? { features } : record, path);
}

function matches(rule: CompiledRule, actual: unknown): boolean {
	switch (rule.operator) {
		case 'exists':
			return actual !== undefined && actual !== null && actual !== '';
		case 'notExists':
			return actual === undefined || actual === null || actual === '';
		case 'contains':
			if (Array.isArray(actual)) return actual.map(String).includes(rule.value ?? '');
			return typeof actual === 'string' && actual.includes(rule.value ?? '');
		default:
			break;
	}
	if (actual === undefined || actual === null) return false;
	const numeric = typeof actual === 'number' && rule.number !== undefined;
	const left = numeric ? (actual as number) : String(actual);
	const right = numeric ? (rule.number as number) : (rule.value ?? '');
	switch (rule.operator) {
		case 'equals':
			return left === right || (typeof actual === 'boolean' && String(actual) === rule.value);
		case 'notEquals':
			return left !== right;
		case 'greaterThan':
			return numeric && left > right;
		case 'greaterOrEqual':
			return numeric && left >= right;
		case 'lessThan':
			return numeric && left < right;
		case 'lessOrEqual':
			return numeric && left <= right;
		default:
			return false;
	}
}

function describeCondition(rule: CompiledRule): string {
	const symbol = OPERATOR_SYMBOLS[rule.operator];
	return rule.operator === 'exists' || rule.operator === 'notExists' ? `${rule.field} ${symbol}` : `${rule.field} ${symbol} ${rule.value ?? ''}`;
}

/** FNV-1a 32-bit: a stable, fast hash so experiment groups never change between runs or machines. */
export function stableBucket(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0) % 100;
}

/**
 * The reasons of the debtor being segmented, each worded as it is added (one shared sentence per
 * distinct reason, see wordReasonShared). One list (reasonList) serves every debtor.
 * Invariants: `start` begins each debtor; its contents are valid only until the next `start`, so a
 * result takes them through sentences() and codes(), which copy at exact length, and never holds
 * `worded` or `coded` themselves; one debtor at a time (segmentDebtor does not call itself).
 */
class ReasonList {
	// Written by index and never shortened: only the first `count` places belong to the debtor.
	private readonly worded: string[] = [];
	private readonly coded: string[] = [];
	private count = 0;
	private language: Language = 'nl';

	/** Empties the list for the next debtor, whose reasons are worded in `language`. */
	start(language: Language): this {
		this.count = 0;
		this.language = language;
		return this;
	}

	/** Adds reason `code` with its values, in the order REASON_PARAMETERS names them. */
	add<C extends ReasonCode>(code: C, ...values: ReasonValues<C>): void;
	// Fixed places instead of a rest array: nothing is allocated per reason.
	add(code: ReasonCode, a?: ReasonValue, b?: ReasonValue, c?: ReasonValue, d?: ReasonValue, e?: ReasonValue): void {
		this.worded[this.count] = wordReasonShared(code, this.language, a, b, c, d, e);
		this.coded[this.count] = code;
		this.count++;
	}

	sentences(): string[] {
		return this.worded.slice(0, this.count);
	}

	codes(): string[] {
		return this.coded.slice(0, this.count);
	}
}

const reasonList = new ReasonList();

function behaviourOf(f: SegmentationFeatures, s: SegmentationSettings, reasons: ReasonList): Behaviour {
	if (f.termsInArrears > 0 && (f.daysSinceLastPayment === null || f.daysSinceLastPayment >= s.nonPayerDays)) {
		if (f.daysSinceLastPayment === null) reasons.add('behaviour.non-payer-never', f.termsInArrears);
		else reasons.add('behaviour.non-payer', f.termsInArrears, f.daysSinceLastPayment, s.nonPayerDays);
		return 'non-payer';
	}
	if (f.onTimeRatio === null) {
		if (f.termsInArrears === 0) {
			reasons.add('behaviour.on-time-no-history', s.windowMonths);
			return f.paymentMethod === 'direct-debit' ? 'direct-debit' : 'on-time';
		}
		reasons.add('behaviour.late', 0, s.windowMonths, s.onTimeRatio, f.averageDaysLate ?? 0);
		return 'late';
	}
	if (f.onTimeRatio >= s.onTimeRatio) {
		if (f.paymentMethod === 'direct-debit') {
			reasons.add('behaviour.direct-debit', f.onTimeRatio, s.windowMonths, s.onTimeRatio);
			return 'direct-debit';
		}
		reasons.add('behaviour.on-time', f.onTimeRatio, s.windowMonths, s.onTimeRatio);
		return 'on-time';
	}
	reasons.add('behaviour.late', f.onTimeRatio, s.windowMonths, s.onTimeRatio, f.averageDaysLate ?? 0);
	return 'late';
}

function hasReversalCode(record: DebtorRecord, code: string): boolean {
	const reversals = record.reversals ?? [];
	for (let r = 0; r < reversals.length; r++) if (reversals[r].reasonCode === code) return true;
	return false;
}

function openDisputedClaims(record: DebtorRecord): number {
	const claims = record.claims ?? [];
	let count = 0;
	for (let c = 0; c < claims.length; c++) if (claims[c].disputed && claims[c].openCents > 0) count++;
	return count;
}

/** Flags of a record that has none: one object for all, read only (most records carry no flags). */
const NO_FLAGS: NonNullable<DebtorRecord['flags']> = Object.freeze({});

function overrideOf(record: DebtorRecord, f: SegmentationFeatures, reasons: ReasonList): Persona | undefined {
	const flags = record.flags ?? NO_FLAGS;
	if (flags.deceased) {
		reasons.add('persona.deceased-flag');
		return 'deceased';
	}
	if (f.reversalsByCode.MD07 || hasReversalCode(record, 'MD07')) {
		reasons.add('persona.deceased-md07');
		return 'deceased';
	}
	if (flags.dispute) {
		reasons.add('persona.dispute-flag');
		return 'dispute';
	}
	const disputed = openDisputedClaims(record);
	if (disputed > 0) {
		reasons.add('persona.dispute-claim', disputed);
		return 'dispute';
	}
	if (flags.debtHelp) {
		reasons.add('persona.debt-help', flags.debtHelpSince ?? '');
		return 'debt-help';
	}
	if (flags.vulnerable) {
		reasons.add('persona.vulnerable');
		return 'vulnerable';
	}
	return undefined;
}

function builtInPersona(f: SegmentationFeatures, s: SegmentationSettings, reasons: ReasonList): Persona {
	if (f.termsInArrears === 0) {
		reasons.add('persona.current', f.referenceDate);
		return 'current';
	}
	const recentAm04 = f.recentReversalCodes.includes('AM04');
	if (
		f.netMonthlyCents !== null &&
		f.netMonthlyCents >= s.capacityIncomeCents &&
		f.termsInArrears >= 2 &&
		f.unansweredContacts >= 2 &&
		f.seenButUnanswered >= 1 &&
		!recentAm04
	) {
		reasons.add('persona.can-pay-wont-pay', f.netMonthlyCents, s.capacityIncomeCents, f.unansweredContacts, f.seenButUnanswered, f.termsInArrears);
		return 'can-pay-wont-pay';
	}
	// Overwhelmed: nothing gets through any more: contacts unanswered, none of them seen, and hardly
	// ever a reaction in the window (someone who answers now and then is not overwhelmed).
	if (
		f.unansweredContacts >= s.noResponseContacts &&
		f.seenButUnanswered === 0 &&
		(f.responseRate ?? 0) <= s.overwhelmedMaxResponseRate &&
		f.termsInArrears >= 2
	) {
		reasons.add('persona.overwhelmed', f.unansweredContacts, s.noResponseContacts, f.termsInArrears, f.responseRate ?? 0, s.overwhelmedMaxResponseRate);
		return 'overwhelmed';
	}
	if (f.monthsWithArrears >= s.structuralMinMonthsWithArrears) {
		reasons.add('persona.structural-shortfall', f.monthsWithArrears, s.windowMonths, s.structuralMinMonthsWithArrears);
		return 'structural-shortfall';
	}
	let reversalsInWindow = 0;
	for (const code in f.reversalsByCode) reversalsInWindow += f.reversalsByCode[code];
	// Forgetful: a good payer whose only slip is the one open claim (not a second late period in a row).
	if (
		f.termsInArrears === 1 &&
		f.consecutiveLatePeriods <= 1 &&
		f.daysPastDue <= s.forgetfulMaxDaysPastDue &&
		reversalsInWindow === 0 &&
		(f.onTimeRatio ?? 1) >= s.onTimeRatio
	) {
		reasons.add('persona.forgetful', f.daysPastDue, s.forgetfulMaxDaysPastDue, f.onTimeRatio ?? 1, s.onTimeRatio, s.windowMonths);
		return 'forgetful';
	}
	if (recentAm04) {
		reasons.add('persona.temporary-reversal', s.recentDays);
		return 'temporary-shortfall';
	}
	if (f.daysPastDue <= s.recentDays && f.onTimePeriodsBeforeLateRun >= 1 && f.monthsWithArrears <= Math.ceil(s.recentDays / 30)) {
		reasons.add('persona.temporary-new-arrears', f.daysPastDue, s.recentDays, f.onTimePeriodsBeforeLateRun);
		return 'temporary-shortfall';
	}
	if (f.termsInArrears >= 2 && f.monthsWithArrears > Math.ceil(s.recentDays / 30)) {
		reasons.add('persona.fallback-structural', f.termsInArrears, f.monthsWithArrears);
		return 'structural-shortfall';
	}
	reasons.add('persona.fallback-temporary', f.termsInArrears, f.daysPastDue);
	return 'temporary-shortfall';
}

// The signals of the debtor being segmented, used by signalsOf only. Invariant: only its first
// `count` places are valid, and only during one signalsOf call; signalsOf returns a copy at exact
// length, never the buffer.
const signalBuffer: Signal[] = [];

function signalsOf(f: SegmentationFeatures, s: SegmentationSettings, reasons: ReasonList): Signal[] {
	let count = 0;
	if (f.consecutiveLatePeriods === 2 && f.onTimePeriodsBeforeLateRun >= s.cleanPeriods) {
		signalBuffer[count++] = 'second-consecutive-late';
		reasons.add('signal.second-consecutive-late', f.onTimePeriodsBeforeLateRun, s.cleanPeriods);
	}
	if (f.recentReversalCodes.includes('AM04')) {
		signalBuffer[count++] = 'insufficient-funds-reversal';
		reasons.add('signal.insufficient-funds-reversal', s.recentDays);
	}
	if (f.recentReversalCodes.includes('AC06')) {
		signalBuffer[count++] = 'blocked-account';
		reasons.add('signal.blocked-account', s.recentDays);
	}
	if (f.termsInArrears > f.termsInArrears30DaysAgo && f.termsInArrears30DaysAgo > 0) {
		signalBuffer[count++] = 'growing-arrears';
		reasons.add('signal.growing-arrears', f.termsInArrears30DaysAgo, f.termsInArrears);
	}
	if (f.unansweredContacts >= s.noResponseContacts) {
		signalBuffer[count++] = 'no-response';
		reasons.add('signal.no-response', f.unansweredContacts, s.noResponseContacts);
	}
	if (f.sector && s.earlyWarningSectors.includes(f.sector)) {
		const threshold = s.earlyWarningTerms[f.sector] ?? s.earlyWarningTermsDefault;
		if (f.termsInArrears >= threshold) {
			signalBuffer[count++] = 'legal-early-warning';
			reasons.add('signal.legal-early-warning', f.sector, f.termsInArrears, threshold);
		}
	}
	return signalBuffer.slice(0, count);
}

// The channels in order for the debtor being segmented, used by addChannel and channelsFor only.
// Invariant: only its first `n` places are valid, and only during one channelsFor call; channelsFor
// returns a copy at exact length, never the buffer. (The initial values are placeholders, never read.)
const orderBuffer: Channel[] = ['email', 'sms', 'whatsapp', 'letter', 'phone'];

/** Adds a reachable channel once to the first `n` of the buffer. */
function addChannel(n: number, reachable: readonly Channel[], channel: Channel | null | undefined): number {
	return channel && reachable.includes(channel) ? addOnce(orderBuffer, n, channel) : n;
}

function channelsFor(persona: Persona, record: DebtorRecord, f: SegmentationFeatures): Channel[] {
	const reachable = f.reachableChannels;
	// Continue where the debtor answers, then their own preference, then what suits the persona.
	let n = addChannel(0, reachable, f.respondsOn);
	n = addChannel(n, reachable, record.preferredChannel);
	const preferred = PERSONA_PROFILES[persona].channels;
	for (let c = 0; c < preferred.length; c++) n = addChannel(n, reachable, preferred[c]);
	return orderBuffer.slice(0, n);
}

/**
 * Segments one validated record. Throws FeatureError for wrong pre-aggregated features. `dates`: what
 * the record's check read (validateDebtor's `dates`), so the facts need not parse it again.
 */
export function segmentDebtor(record: DebtorRecord, options: SegmentOptions, dates?: CheckedDates): Segmentation {
	const { settings, referenceDay } = options;
	const usesSupplied = record.features !== undefined && (record.claims === undefined || record.claims.length === 0);
	const features = usesSupplied ? suppliedFeatures(record, referenceDay) : computeFeatures(record, referenceDay, settings, dates);
	const reasons = reasonList.start(options.language);
	const behaviour = behaviourOf(features, settings, reasons);

	let persona = overrideOf(record, features, reasons);
	const labels: string[] = [];
	for (const rule of options.rules ?? []) {
		if (!matches(rule, resolve(rule.path, record, features))) continue;
		const condition = describeCondition(rule);
		if (rule.result === 'label') {
			labels.push(rule.label!.trim());
			reasons.add('label.custom-rule', rule.index + 1, condition, rule.label!.trim());
		} else if (persona === undefined) {
			persona = rule.persona!;
			reasons.add('persona.custom-rule', rule.index + 1, condition, rule.persona!);
		}
	}
	persona ??= builtInPersona(features, settings, reasons);
	const signals = signalsOf(features, settings, reasons);

	let arm: ExperimentArm | undefined;
	if (options.experiment && options.experiment.name) {
		const bucket = stableBucket(`${options.experiment.name}:${record.debtorId}`);
		arm = { experiment: options.experiment.name, group: bucket < options.experiment.variantPercent ? 'variant' : 'control', bucket };
		reasons.add('experiment', arm.experiment, arm.group, bucket, options.experiment.variantPercent);
	}

	const profile = PERSONA_PROFILES[persona];
	const segmentation: Segmentation = {
		behaviour,
		persona,
		tone: profile.tone,
		action: profile.action,
		personalContact: profile.personalContact,
		channels: channelsFor(persona, record, features),
		signals,
		labels,
		reasons: reasons.sentences(),
		reasonCodes: reasons.codes(),
		features,
	};
	if (arm) segmentation.arm = arm;
	return segmentation;
}
