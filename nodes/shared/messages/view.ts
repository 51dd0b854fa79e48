/**
 * The view a template renders: every variable of templates/variables.json as a ready string or
 * boolean, computed from the debtor record and the results earlier nodes added to the item
 * (`costs`, `schedule`, `arrangement`, `journey`) plus explicit `messageData` overrides.
 *
 * Which amount and which date a stage asks for (domain brief sections 4 and 6):
 *   pre-due-notice           open claims not yet due; their (earliest) due date
 *   reminder-1/2, early-warning-care
 *                            overdue claims; pay-by date = send day + days to pay (a working day)
 *   fourteen-day-letter      overdue principal + interest; last day of the 14-day term
 *   final-notice             overdue claims (+ costs and interest when `costs` says they may be charged)
 *   arrangement-offer        everything open; reply-by date
 *   arrangement-confirmation one instalment; the first instalment's date
 *   instalment-reminder      the next open instalment; its date
 *   missed-instalment        the missed instalment; pay-by date
 *   reversal-notice          the returned amount; pay-by date (or the next collection date)
 *   collection-date-invitation  the latest claim's amount; choose-by date
 *   payment-received         the payment received; its date
 */
import { amsterdamLocalDay, fourteenDayLetterTerm, isoDate, parseIsoDate, type DayNumber, type DutchCalendar } from '../calendar';
import { checkArrangement, parsePlan, type ArrangementPlan, type Instalment } from '../arrangement/check';
import { calculateLetterBreakdown, formatPercent } from '../costs';
import { LEGAL_EARLY_WARNING_SECTORS, type Claim, type DebtorRecord, type Language, type Stage } from '../debtor/model';
import { isStatableCents, STATABLE_LIMIT_TEXT, type Cents } from '../money';
import type { ResolvedBrand } from './brand';
import { EpcQrError, epcPayloadFactory, qrPngBase64 } from './epcQr';
import { countOf, formatDay, formatMoney, plural, singleLine } from './format';
import { checkHttpsUrl, LinkError, paymentLinkFactory, type PaymentLinkValues } from './paymentLink';
import type { MessageChannel, Register, StageMeta, Tone } from './types';

/** A problem with the item's data; `field` names the item field (e.g. `arrangement.instalments`). */
export class MessageDataError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'MessageDataError';
		this.field = field;
	}
}

export type QrImageMode = 'inline' | 'attachment' | 'none';
export type MunicipalityOfferMode = 'auto' | 'always' | 'never';

export interface ViewSettings {
	brand: ResolvedBrand;
	calendar: DutchCalendar;
	/** Days from the send day to the pay-by date of reminders (moved to a working day). Default 7. */
	daysToPay: number;
	/** Days the debtor has to object to sharing data with the municipality. Default 14. */
	objectionDays: number;
	/** For costs computed here (no `costs` on the item): can the creditor deduct VAT? */
	creditorCanDeductVat: boolean;
	vatRatePercent: number;
	qrImage: QrImageMode;
	municipalityOffer: MunicipalityOfferMode;
}

export interface ViewInput {
	stage: Stage;
	channel: MessageChannel;
	tone: Tone;
	register: Register;
	language: Language;
	meta: StageMeta;
	record: DebtorRecord;
	/** Today (the run's reference day). */
	referenceDay: DayNumber;
	costs?: unknown;
	schedule?: unknown;
	arrangement?: unknown;
	journey?: unknown;
	messageData?: unknown;
}

export interface EpcQr {
	payload: string;
	/** PNG image, only when the message shows it. */
	image: { base64: string; dataUri: string; cid: string } | null;
}

export interface BuiltView {
	view: Record<string, unknown>;
	amountCents: Cents;
	dueDate: string | null;
	sendDate: string;
	reference: string;
	claimIds: string[];
	payUrl: string | null;
	actionUrl: string | null;
	epcQr: EpcQr | null;
	/** 14-day letter: the term as ISO dates. */
	letterTerm: { sentDate: string; presumedReceiptDate: string; lastDayToPay: string; costsFromDate: string } | null;
	/** Costs quoted by a 14-day letter, in cents. */
	letterCosts: { principalCents: Cents; costsCents: Cents; vatCents: Cents; interestCents: Cents; totalCents: Cents } | null;
}

const DEFAULTS = {
	salutation: { nl: 'klant', en: 'customer' },
	debtHelp: { nl: 'www.geldfit.nl of bel gratis 0800-8115', en: 'www.geldfit.nl or call 0800-8115 (free of charge)' },
	handoverParty: { nl: 'een incassobureau', en: 'a collection agency' },
} as const;

const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function obj(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : EMPTY;
}

function own(source: Record<string, unknown>, key: string): unknown {
	return Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
}

/** A day from "YYYY-MM-DD" or an ISO date-time (its Amsterdam calendar day); undefined when absent. */
function dayOf(value: unknown, field: string): DayNumber | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string') {
		const day = parseIsoDate(value);
		if (day === day) return day;
		const ms = Date.parse(value);
		if (/^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(ms)) return amsterdamLocalDay(ms);
	}
	throw new MessageDataError(field, 'must be a date written as YYYY-MM-DD (or an ISO date-time)');
}

function centsOf(value: unknown, field: string): Cents | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
		throw new MessageDataError(field, 'must be a whole, non-negative number of cents (e.g. 12550 for EUR 125,50)');
	}
	return stated(value, field, 'is');
}

/**
 * `cents` when a message can state it; otherwise the item is refused, naming `field`, before any
 * text is written (see MAX_STATABLE_CENTS). Each record amount is bounded by the schema; sums of
 * them (the open claims, the letter's principal with costs and interest) are checked here.
 */
function stated(cents: Cents, field: string, verb: 'is' | 'adds up to' = 'adds up to'): Cents {
	if (!isStatableCents(cents)) throw new MessageDataError(field, `${verb} more than ${STATABLE_LIMIT_TEXT}`);
	return cents;
}

function stringOf(value: unknown, field: string, maxLength = 140): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') throw new MessageDataError(field, 'must be text');
	const text = singleLine(value, 100000);
	if (Array.from(text).length > maxLength) throw new MessageDataError(field, `is longer than ${maxLength} characters`);
	return text === '' ? undefined : text;
}

function tryLink(build: () => string): string | LinkError {
	try {
		return build();
	} catch (error) {
		return error instanceof LinkError ? error : new LinkError('link', String(error));
	}
}

/** An https link from the item; undefined when absent, MessageDataError when unusable. */
function checkedLink(value: unknown, field: string): string | undefined {
	const raw = stringOf(value, field, 2000);
	if (raw === undefined) return undefined;
	const result = tryLink(() => checkHttpsUrl(raw, field));
	if (result instanceof LinkError) throw new MessageDataError(field, result.message);
	return result;
}

function fullName(record: DebtorRecord): string {
	const first = record.firstName ?? '';
	const last = record.lastName ?? '';
	return singleLine(first && last ? `${first} ${last}` : first || last);
}

const NO_LINES: string[] = [];

function salutationName(record: DebtorRecord, register: Register, language: Language, full: string): string {
	const company = singleLine(record.companyName ?? '');
	if (record.debtorType === 'business' && company) return company;
	const first = singleLine(record.firstName ?? '');
	if (register === 'je' && first) return first;
	return full || company || DEFAULTS.salutation[language];
}

function addressLines(record: DebtorRecord): string[] {
	const address = record.contact?.address;
	if (!address) return [];
	const lines = [singleLine(`${address.street ?? ''} ${address.houseNumber ?? ''}`), singleLine(`${address.postalCode ?? ''}  ${address.city ?? ''}`)];
	const country = (address.country ?? 'NL').toUpperCase();
	if (country !== 'NL') lines.push(country);
	return lines.filter((line) => line !== '');
}

function isOpen(claim: Claim): boolean {
	return claim.openCents > 0 && claim.disputed !== true;
}

function sum(values: Iterable<number>): number {
	let total = 0;
	for (const value of values) total += value;
	return total;
}

/** The arrangement plan on the item: `arrangement` itself, or its `plan` / `proposal`. */
function planOf(arrangement: unknown): { plan: ArrangementPlan; field: string } | undefined {
	const value = obj(arrangement);
	for (const [candidate, field] of [
		[value, 'arrangement'],
		[obj(own(value, 'plan')), 'arrangement.plan'],
		[obj(own(value, 'proposal')), 'arrangement.proposal'],
	] as const) {
		if (Array.isArray(own(candidate, 'instalments'))) {
			const withTotal = own(candidate, 'totalCents') === undefined
				? { ...candidate, totalCents: sum((candidate.instalments as Array<{ amountCents?: unknown }>).map((i) => (typeof i?.amountCents === 'number' ? i.amountCents : 0))) }
				: candidate;
			return { plan: parsePlanOrThrow(withTotal, field), field };
		}
	}
	return undefined;
}

function parsePlanOrThrow(value: unknown, field: string): ArrangementPlan {
	let result: ArrangementPlan | Error;
	try {
		result = parsePlan(value, field);
	} catch (error) {
		result = error instanceof Error ? error : new Error(String(error));
	}
	if (result instanceof Error) {
		throw new MessageDataError((result as Error & { field?: string }).field ?? field, result.message);
	}
	return result;
}

function numbered(plan: ArrangementPlan, number: number, field: string): Instalment {
	const instalment = plan.instalments.find((i) => i.number === number) ?? plan.instalments[number - 1];
	if (!instalment) throw new MessageDataError(field, `the arrangement has no instalment ${number}`);
	return instalment;
}

/** Figures of the 14-day letter from the item's `costs` (Collection Costs node) or computed here. */
function letterCostsOf(input: ViewInput, settings: ViewSettings, claims: Claim[], sendDay: DayNumber) {
	const given = obj(input.costs);
	if (input.costs !== undefined && input.costs !== null && Object.keys(given).length > 0) {
		const nested = obj(own(given, 'costs'));
		const read = (key: string, fallback?: unknown) => centsOf(own(given, key) ?? fallback, `costs.${key}`);
		const principalCents = read('principalTotalCents');
		const costsCents = read('totalCostsCents', own(given, 'costsInclVatCents'));
		if (principalCents === undefined || costsCents === undefined) {
			throw new MessageDataError('costs.totalCostsCents', 'the item has "costs" without principalTotalCents and totalCostsCents (use the Collection Costs node, or remove "costs")');
		}
		const vatCents = read('vatCents') ?? 0;
		const vatAdded = (own(given, 'vatAdded') ?? own(nested, 'vatAdded') ?? vatCents > 0) === true;
		const rate = own(given, 'vatRatePercent') ?? own(nested, 'vatRatePercent');
		const interestCents = read('interestTotalCents') ?? 0;
		stated(principalCents + costsCents + interestCents, 'costs');
		return {
			principalCents,
			costsCents,
			costsExclVatCents: read('costsExclVatCents') ?? costsCents - vatCents,
			vatCents,
			vatAdded,
			vatRatePercent: typeof rate === 'number' ? rate : settings.vatRatePercent,
			interestCents,
			allowed: own(given, 'allowed') !== false,
		};
	}
	// The figures only: the templates word them, so the breakdown's explanation lines are not built.
	const breakdown = calculateLetterBreakdown(
		{
			debtorType: input.record.debtorType,
			claims: claims.map((claim) => ({ claimId: claim.claimId, openCents: claim.openCents, dueDate: claim.dueDate, defaultDate: claim.defaultDate, disputed: claim.disputed })),
			calculationDate: isoDate(sendDay),
			creditorCanDeductVat: settings.creditorCanDeductVat,
			vatRatePercent: settings.vatRatePercent,
		},
		{ explain: false },
	);
	// Computed from the claims (their interest can outgrow the open amount), so the claims are named.
	stated(breakdown.principalTotalCents + breakdown.totalCostsCents + breakdown.interestTotalCents, 'claims');
	return {
		principalCents: breakdown.principalTotalCents,
		costsCents: breakdown.totalCostsCents,
		costsExclVatCents: breakdown.costsExclVatCents,
		vatCents: breakdown.vatCents,
		vatAdded: breakdown.costs.vatAdded,
		vatRatePercent: breakdown.costs.vatRatePercent ?? settings.vatRatePercent,
		interestCents: breakdown.interestTotalCents,
		allowed: true,
	};
}

interface BrandTools {
	paymentLink: ((values: PaymentLinkValues) => string) | null;
	epcPayload: ((amountCents: Cents | undefined, reference: string) => string) | null;
}

// The payment-link and EPC builders per resolved brand, built (and the brand's link and account
// checked) on first use; read through toolsOf only. Invariant: keyed by identity, so a ResolvedBrand
// must not be changed after resolveBrand returns it (a changed brand needs a new resolveBrand call).
const brandTools = new WeakMap<ResolvedBrand, BrandTools>();
// The last brand asked for and its tools, checked before the map; the same invariant holds.
let lastBrand: ResolvedBrand | undefined;
let lastTools: BrandTools | undefined;

function toolsOf(brand: ResolvedBrand): BrandTools {
	if (brand === lastBrand && lastTools !== undefined) return lastTools;
	let tools = brandTools.get(brand);
	if (tools === undefined) {
		tools = {
			paymentLink: brand.paymentLinkBase === null ? null : paymentLinkFactory(brand.paymentLinkBase),
			epcPayload: brand.iban === null ? null : epcPayloadFactory({ name: brand.accountHolder, iban: brand.iban, bic: brand.bic ?? undefined }),
		};
		brandTools.set(brand, tools);
	}
	lastBrand = brand;
	lastTools = tools;
	return tools;
}

function money(cents: Cents, language: Language): string {
	return formatMoney(cents, language);
}

function long(day: DayNumber, language: Language): string {
	return formatDay(day, language, 'long');
}

const EARLY_WARNING_SECTORS: ReadonlySet<string> = new Set<string>(LEGAL_EARLY_WARNING_SECTORS);
const NEEDS_OPEN_CLAIMS = new Set<Stage>(['pre-due-notice', 'reminder-1', 'reminder-2', 'early-warning-care', 'final-notice', 'fourteen-day-letter']);
const REASON_INSUFFICIENT = new Set(['AM04']);
const REASON_REFUND = new Set(['MD06', 'MS02', 'MS03']);
const REASON_ACCOUNT = new Set(['AC01', 'AC04', 'AC06']);

/** Builds the view for one message; throws MessageDataError naming the item field at fault. */
export function buildView(input: ViewInput, settings: ViewSettings): BuiltView {
	const { record, language, stage, register, channel, meta } = input;
	const brand = settings.brand;
	const tools = toolsOf(brand);
	const calendar = settings.calendar;
	const data = obj(input.messageData);
	const schedule = obj(input.schedule);
	const journey = obj(input.journey);

	// The day the message goes out: set explicitly, from the 14-day letter term, or the planned contact.
	const sendDay =
		dayOf(own(data, 'sendDate'), 'messageData.sendDate') ??
		(own(schedule, 'operation') === 'fourteenDayLetterTerm' ? dayOf(own(schedule, 'sentDate'), 'schedule.sentDate') : undefined) ??
		(own(schedule, 'operation') === 'nextContactMoment' ? dayOf(own(schedule, 'date'), 'schedule.date') : undefined) ??
		input.referenceDay;
	const payByDay =
		dayOf(own(data, 'payByDate'), 'messageData.payByDate') ?? calendar.addWorkingDays(sendDay + Math.max(1, settings.daysToPay), 0);

	// Which claims the message is about: the journey step's or the explicit list, else all open ones.
	// One pass over the claims (100,000 messages a run are normal).
	const listedData = own(data, 'claimIds');
	const listedJourney = own(journey, 'claimIds');
	const listed = Array.isArray(listedData) && listedData.length > 0 ? listedData : Array.isArray(listedJourney) && listedJourney.length > 0 ? listedJourney : null;
	const wanted = listed === null ? null : new Set<unknown>(listed);
	const overdue: Claim[] = [];
	const notYetDue: Claim[] = [];
	let openCents = 0;
	let overdueCents = 0;
	let notYetDueCents = 0;
	let earliestOverdue = Infinity;
	let earliestNotYetDue = Infinity;
	for (const claim of record.claims ?? []) {
		if (!isOpen(claim)) continue;
		openCents += claim.openCents;
		if (wanted !== null && !wanted.has(claim.claimId)) continue;
		const due = parseIsoDate(claim.dueDate);
		if (due < sendDay) {
			overdue.push(claim);
			overdueCents += claim.openCents;
			if (due < earliestOverdue) earliestOverdue = due;
		} else {
			notYetDue.push(claim);
			notYetDueCents += claim.openCents;
			if (due < earliestNotYetDue) earliestNotYetDue = due;
		}
	}
	// The claims the message is about are part of the open amount: bounding it bounds them.
	stated(openCents, 'claims');
	// Overdue claims, else the ones not yet due; a pre-due notice is about the ones not yet due.
	const useNotYetDue = overdue.length === 0 || (stage === 'pre-due-notice' && notYetDue.length > 0);
	const claims = useNotYetDue ? notYetDue : overdue;
	const claimsCents = useNotYetDue ? notYetDueCents : overdueCents;
	const earliest = useNotYetDue ? earliestNotYetDue : earliestOverdue;
	const earliestDue = claims.length > 0 ? earliest : undefined;

	const isDirectDebit = record.paymentMethod === 'direct-debit';
	const stageView: Record<string, unknown> = {};
	let amountCents: Cents = claimsCents;
	let dueDay: DayNumber | null = payByDay;
	let actionUrl: string | null = null;
	let letterTerm: BuiltView['letterTerm'] = null;
	let letterCosts: BuiltView['letterCosts'] = null;
	if (claims.length === 0 && NEEDS_OPEN_CLAIMS.has(stage)) {
		throw new MessageDataError('claims', 'the debtor has no open, undisputed claim for this message');
	}

	switch (stage) {
		case 'pre-due-notice': {
			dueDay = earliestDue ?? payByDay;
			const collection = own(schedule, 'operation') === 'directDebitCollectionDate' ? dayOf(own(schedule, 'collectionDate'), 'schedule.collectionDate') : undefined;
			if (isDirectDebit && collection !== undefined) dueDay = collection;
			break;
		}
		case 'reminder-1':
		case 'reminder-2':
			break;
		case 'early-warning-care': {
			const objected = record.consents?.municipalityObjection === true;
			const eligible = claims.some((claim) => claim.sector !== undefined && EARLY_WARNING_SECTORS.has(claim.sector));
			const offer = !objected && (settings.municipalityOffer === 'always' || (settings.municipalityOffer === 'auto' && eligible));
			const municipality = singleLine(record.income?.municipality ?? '') || brand.municipality || '';
			Object.assign(stageView, {
				municipalityOffer: offer,
				hasMunicipality: municipality !== '',
				municipality,
				objectionDate: long(calendar.addWorkingDays(sendDay + Math.max(1, settings.objectionDays), 0), language),
			});
			break;
		}
		case 'final-notice': {
			if (input.costs !== undefined && input.costs !== null) {
				const costs = letterCostsOf(input, settings, claims, sendDay);
				if (costs.allowed) amountCents = costs.principalCents + costs.costsCents + costs.interestCents;
			}
			Object.assign(stageView, {
				handoverParty: brand.handoverParty ?? DEFAULTS.handoverParty[language],
				handoverDate: long(payByDay + 1, language),
			});
			break;
		}
		case 'fourteen-day-letter': {
			const costs = letterCostsOf(input, settings, claims, sendDay);
			let term: { sent: DayNumber; receipt: DayNumber; last: DayNumber; costsFrom: DayNumber };
			if (own(schedule, 'operation') === 'fourteenDayLetterTerm' && own(schedule, 'lastDayToPay') !== undefined) {
				// The Payday Scheduler computed the term (with its own post-day and extension settings).
				const receipt = dayOf(own(schedule, 'presumedReceiptDate'), 'schedule.presumedReceiptDate');
				const last = dayOf(own(schedule, 'lastDayToPay'), 'schedule.lastDayToPay');
				const costsFrom = dayOf(own(schedule, 'costsFromDate'), 'schedule.costsFromDate');
				if (receipt === undefined || last === undefined || costsFrom === undefined) {
					throw new MessageDataError('schedule.presumedReceiptDate', 'the 14-day letter schedule needs presumedReceiptDate, lastDayToPay and costsFromDate');
				}
				term = { sent: sendDay, receipt, last, costsFrom };
			} else {
				const computed = fourteenDayLetterTerm(sendDay, calendar);
				term = { sent: sendDay, receipt: computed.presumedReceiptDay, last: computed.lastDayToPay, costsFrom: computed.costsFromDay };
			}
			amountCents = costs.principalCents + costs.interestCents;
			dueDay = term.last;
			letterTerm = { sentDate: isoDate(term.sent), presumedReceiptDate: isoDate(term.receipt), lastDayToPay: isoDate(term.last), costsFromDate: isoDate(term.costsFrom) };
			letterCosts = {
				principalCents: costs.principalCents,
				costsCents: costs.costsCents,
				vatCents: costs.vatCents,
				interestCents: costs.interestCents,
				totalCents: costs.principalCents + costs.interestCents + costs.costsCents,
			};
			Object.assign(stageView, {
				principal: money(costs.principalCents, language),
				costs: money(costs.costsCents, language),
				vatApplies: costs.vatAdded && costs.vatCents > 0,
				vatRate: formatPercent(costs.vatRatePercent, language),
				vat: money(costs.vatCents, language),
				costsExclVat: money(costs.costsExclVatCents, language),
				hasInterest: costs.interestCents > 0,
				interest: money(costs.interestCents, language),
				totalWithCosts: money(letterCosts.totalCents, language),
				sendDate: long(term.sent, language),
				receiptDate: long(term.receipt, language),
				lastDay: long(term.last, language),
				costsFromDate: long(term.costsFrom, language),
			});
			break;
		}
		case 'arrangement-offer': {
			const found = planOf(input.arrangement);
			amountCents = found ? found.plan.totalCents : claimsCents;
			if (amountCents <= 0) throw new MessageDataError('claims', 'nothing is open to offer an arrangement for');
			const first = found?.plan.instalments[0];
			const arrangementUrl =
				checkedLink(own(obj(input.arrangement), 'acceptUrl'), 'arrangement.acceptUrl') ??
				checkedLink(own(data, 'arrangementUrl'), 'messageData.arrangementUrl') ??
				brand.arrangementUrl ??
				brand.helpUrl;
			actionUrl = arrangementUrl ?? null;
			Object.assign(stageView, {
				hasProposal: found !== undefined,
				instalmentAmount: first ? money(first.amountCents, language) : '',
				instalmentCount: found ? String(found.plan.instalments.length) : '',
				instalmentCountText: found ? countOf('instalment', found.plan.instalments.length, language) : '',
				firstInstalmentDate: first ? long(parseIsoDate(first.dueDate), language) : '',
				hasArrangementUrl: arrangementUrl !== null && arrangementUrl !== undefined,
				arrangementUrl: arrangementUrl ?? '',
			});
			break;
		}
		case 'arrangement-confirmation': {
			const found = planOf(input.arrangement);
			if (!found) throw new MessageDataError('arrangement.instalments', 'the item has no agreed arrangement (arrangement.instalments)');
			const { plan } = found;
			const first = plan.instalments[0];
			const last = plan.instalments[plan.instalments.length - 1];
			amountCents = first.amountCents;
			dueDay = parseIsoDate(first.dueDate);
			Object.assign(stageView, {
				instalmentAmount: money(first.amountCents, language),
				instalmentCount: String(plan.instalments.length),
				instalmentCountText: countOf('instalment', plan.instalments.length, language),
				firstInstalmentDate: long(parseIsoDate(first.dueDate), language),
				lastInstalmentDate: long(parseIsoDate(last.dueDate), language),
				arrangementTotal: money(plan.totalCents, language),
			});
			break;
		}
		case 'instalment-reminder':
		case 'missed-instalment': {
			const found = planOf(input.arrangement);
			if (!found) throw new MessageDataError('arrangement.instalments', 'the item has no agreed arrangement (arrangement.instalments)');
			const { plan, field } = found;
			const explicit = own(data, 'instalmentNumber');
			let number: number;
			let openAmount: Cents;
			let instalmentDay: DayNumber;
			if (explicit !== undefined) {
				if (typeof explicit !== 'number' || !Number.isInteger(explicit) || explicit < 1) {
					throw new MessageDataError('messageData.instalmentNumber', 'must be a whole number from 1');
				}
				const instalment = numbered(plan, explicit, 'messageData.instalmentNumber');
				number = explicit;
				openAmount = instalment.amountCents;
				instalmentDay = parseIsoDate(instalment.dueDate);
			} else {
				const check = checkArrangement(plan, record.payments, sendDay, { reversals: record.reversals });
				const target = stage === 'instalment-reminder' ? check.nextInstalment : check.missed;
				if (!target) {
					throw new MessageDataError(
						`${field}.instalments`,
						stage === 'instalment-reminder' ? 'the arrangement has no open instalment left' : 'no instalment of the arrangement is missed',
					);
				}
				number = target.number;
				openAmount = target.openCents;
				instalmentDay = parseIsoDate(target.dueDate);
			}
			amountCents = openAmount;
			dueDay = stage === 'instalment-reminder' ? instalmentDay : payByDay;
			Object.assign(
				stageView,
				stage === 'instalment-reminder'
					? { instalmentAmount: money(openAmount, language), instalmentNumber: String(number), instalmentCount: String(plan.instalments.length), instalmentDate: long(instalmentDay, language) }
					: { instalmentAmount: money(openAmount, language), instalmentNumber: String(number), missedDate: long(instalmentDay, language) },
			);
			break;
		}
		case 'reversal-notice': {
			const reversals = [...(record.reversals ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
			const reversal = reversals[reversals.length - 1];
			if (!reversal) throw new MessageDataError('reversals', 'the debtor record has no reversal to write about');
			const code = String(reversal.reasonCode ?? '').toUpperCase();
			const nextCollection =
				dayOf(own(data, 'nextCollectionDate'), 'messageData.nextCollectionDate') ??
				(own(schedule, 'operation') === 'directDebitCollectionDate' ? dayOf(own(schedule, 'collectionDate'), 'schedule.collectionDate') : undefined);
			amountCents = reversal.amountCents;
			Object.assign(stageView, {
				reversalAmount: money(reversal.amountCents, language),
				reversalDate: long(parseIsoDate(reversal.date), language),
				reasonInsufficientFunds: REASON_INSUFFICIENT.has(code),
				reasonRefund: REASON_REFUND.has(code),
				reasonAccount: REASON_ACCOUNT.has(code),
				hasNextCollection: nextCollection !== undefined,
				nextCollectionDate: nextCollection === undefined ? '' : long(nextCollection, language),
			});
			if (nextCollection !== undefined) dueDay = nextCollection;
			break;
		}
		case 'collection-date-invitation': {
			const latest = [...(record.claims ?? [])].sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : 0)).pop();
			const regular = centsOf(own(data, 'amountCents'), 'messageData.amountCents') ?? latest?.principalCents;
			if (regular === undefined) throw new MessageDataError('claims', 'the debtor has no claim to take the regular amount from');
			amountCents = regular;
			const chooseDateUrl = checkedLink(own(data, 'chooseDateUrl'), 'messageData.chooseDateUrl') ?? brand.chooseDateUrl;
			actionUrl = chooseDateUrl ?? null;
			Object.assign(stageView, { hasChooseDateUrl: chooseDateUrl !== null && chooseDateUrl !== undefined, chooseDateUrl: chooseDateUrl ?? '' });
			break;
		}
		case 'payment-received': {
			const payments = [...(record.payments ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
			const latest = payments[payments.length - 1];
			const paidCents = centsOf(own(data, 'paidCents'), 'messageData.paidCents') ?? latest?.amountCents;
			const paidDay = dayOf(own(data, 'paidDate'), 'messageData.paidDate') ?? (latest ? parseIsoDate(latest.date) : undefined);
			if (paidCents === undefined || paidDay === undefined) throw new MessageDataError('payments', 'the debtor record has no payment to thank for');
			amountCents = paidCents;
			dueDay = paidDay;
			Object.assign(stageView, { paidAmount: money(paidCents, language), paidDate: long(paidDay, language), hasRemaining: openCents > 0, remainingAmount: money(openCents, language) });
			break;
		}
	}

	const override = centsOf(own(data, 'amountCents'), 'messageData.amountCents');
	if (override !== undefined && stage !== 'collection-date-invitation') amountCents = override;

	const claimIds = claims.map((claim) => claim.claimId);
	const reference =
		stringOf(own(data, 'reference'), 'messageData.reference', 35) ?? (claimIds.length === 1 ? claimIds[0] : singleLine(record.debtorId, 35));

	// Payment link: given on the item, or built from the brand's base.
	let payUrl: string | null = null;
	const givenLink = own(data, 'paymentUrl') ?? own(data, 'paymentLink');
	if (givenLink !== undefined && givenLink !== null && givenLink !== '') payUrl = checkedLink(givenLink, 'messageData.paymentUrl') ?? null;
	else if (tools.paymentLink !== null && amountCents > 0) {
		payUrl = tools.paymentLink({ reference, debtorId: record.debtorId, amountCents });
	}
	// Collected by direct debit (announced, or re-collected after a reversal): nothing to pay by hand.
	const collectedByDebit =
		(isDirectDebit && (stage === 'pre-due-notice' || stage === 'instalment-reminder' || stage === 'arrangement-confirmation')) ||
		(stage === 'reversal-notice' && stageView.hasNextCollection === true);
	if (meta.action === 'pay') actionUrl = collectedByDebit ? null : payUrl;
	if (meta.action === 'help') actionUrl = brand.helpUrl;

	// EPC QR: bank transfer details in a code, for e-mails and letters that show how to pay.
	let epcQr: EpcQr | null = null;
	const showPayment = meta.payment && amountCents > 0 && !collectedByDebit;
	if (tools.epcPayload !== null && showPayment && (channel === 'email' || channel === 'letter')) {
		const buildPayload = tools.epcPayload;
		let payload: string | EpcQrError;
		try {
			payload = buildPayload(amountCents, reference);
		} catch (error) {
			payload = error instanceof EpcQrError ? error : new EpcQrError([{ field: 'payload', message: String(error) }]);
		}
		if (payload instanceof EpcQrError) throw new MessageDataError(`epcQr.${payload.field}`, payload.message);
		const mode: QrImageMode = channel === 'letter' && settings.qrImage !== 'none' ? 'inline' : settings.qrImage;
		const image = mode === 'none' ? null : { ...qrPngBase64(payload), cid: 'epc-qr' };
		epcQr = { payload, image: image === null ? null : { base64: image.base64, dataUri: image.dataUri, cid: image.cid } };
		if (epcQr.image && mode === 'attachment') epcQr.image.dataUri = `cid:${image!.cid}`;
	}

	const full = fullName(record);
	const isLetter = channel === 'letter';
	const address = isLetter ? addressLines(record) : NO_LINES;
	const view: Record<string, unknown> = {
		salutationName: salutationName(record, register, language, full),
		senderName: brand.senderName,
		amount: money(amountCents, language),
		dueDate: dueDay === null ? '' : long(dueDay, language),
		dueDateShort: dueDay === null ? '' : formatDay(dueDay, language, 'short'),
		openAmount: money(openCents, language),
		invoiceText: claims.length === 1 ? `${plural('invoice', 1, language)} ${singleLine(claims[0].claimId, 60)}` : countOf('invoice', claims.length, language),
		invoiceDueDate: earliestDue === undefined ? '' : long(earliestDue, language),
		reference,
		hasPayUrl: payUrl !== null,
		payUrl: payUrl ?? '',
		isDirectDebit,
		hasPhone: brand.phone !== null,
		phone: brand.phone ?? '',
		phoneHref: brand.phoneHref ?? '',
		hasPhoneHours: brand.phoneHours !== null,
		phoneHours: brand.phoneHours ?? '',
		hasContactEmail: brand.contactEmail !== null,
		contactEmail: brand.contactEmail ?? '',
		hasWebsite: brand.websiteUrl !== null,
		websiteUrl: brand.websiteUrl ?? '',
		hasHelpUrl: brand.helpUrl !== null,
		helpUrl: brand.helpUrl ?? '',
		debtHelp: brand.debtHelp ?? DEFAULTS.debtHelp[language],
		// Layout variables.
		subject: '',
		preview: '',
		brandColour: brand.brandColour,
		hasLogo: brand.logoUrl !== null,
		logoUrl: brand.logoUrl ?? '',
		hasAction: actionUrl !== null,
		actionIsPay: meta.action === 'pay' && showPayment,
		actionUrl: actionUrl ?? '',
		showPayment,
		hasBankDetails: brand.iban !== null,
		iban: brand.ibanFormatted ?? '',
		beneficiary: brand.accountHolder,
		hasBic: brand.bic !== null,
		bic: brand.bic ?? '',
		hasQr: Boolean(epcQr?.image),
		qrSrc: epcQr?.image?.dataUri ?? '',
		hasFooter: brand.footerLines.length > 0,
		footerLines: brand.footerLines,
		debtorId: singleLine(record.debtorId, 60),
		recipientName: isLetter ? (record.debtorType === 'business' ? singleLine(record.companyName ?? '') : '') || full || singleLine(record.companyName ?? '') || DEFAULTS.salutation[language] : '',
		hasAddress: address.length > 0,
		addressLines: address,
		hasSenderAddress: brand.senderAddressLines.length > 0,
		senderAddressLines: brand.senderAddressLines,
		letterDate: long(sendDay, language),
	};
	for (const key in stageView) view[key] = stageView[key];
	return {
		view,
		amountCents,
		dueDate: dueDay === null ? null : isoDate(dueDay),
		sendDate: isoDate(sendDay),
		reference,
		claimIds,
		payUrl,
		actionUrl,
		epcQr,
		letterTerm,
		letterCosts,
	};
}
