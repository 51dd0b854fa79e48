/**
 * Extrajudicial collection costs (buitengerechtelijke incassokosten, "WIK costs").
 *
 * Law and interpretation (sources: domain brief section 6; research notes
 * collections-market-and-law.md sections 0, 4.1 and 4.2):
 * - Consumers: the scale of the Besluit vergoeding voor buitengerechtelijke incassokosten art. 2
 *   (Stb. 2012, 141) over the SUM of the open principal of all open claims, interest excluded;
 *   minimum EUR 40, maximum EUR 6,775. The scale covers every collection action, so any other cost
 *   ("administratiekosten", "dossierkosten") is refused for consumers.
 * - Rounding: the whole scale amount is computed exactly (in thousandths of a cent) and rounded ONCE
 *   to whole cents, half away from zero. Every full bracket is a whole number of cents, so only the
 *   last, partly filled bracket can have a fraction: the bracket rows always add up to the total.
 *   Whether the minimum or maximum applies is decided on the exact amount.
 * - VAT (art. 2 lid 3 Besluit): a creditor that cannot deduct VAT may increase the costs by the VAT
 *   rate. VAT is computed on the costs after minimum and maximum and rounded once (so 40.00 -> 48.40
 *   and 6,775.00 -> 8,197.75 at 21%). A consumer letter must say so: sentence key
 *   `costs.vatNotDeductible`.
 * - Small claims and instalments (Wet kwaliteit incassodienstverlening, in force for this rule from
 *   1 October 2024): where the claim or the instalment is below EUR 266.67, the accumulated costs
 *   are at most EUR 140. The research notes (section 4.2) could not confirm the exact legal text;
 *   cooster.nl says "per zes maanden". Our reading, always the one that protects the debtor:
 *   * it applies to consumers when the summed open principal is below 266.67, when EVERY claim in
 *     the sum is below 266.67 (small recurring bills), or when the given instalment is below 266.67;
 *   * "accumulated": costs already charged for earlier small claims or instalments of the same debt
 *     count against the EUR 140 (`smallClaimCostsAlreadyChargedCents`; which period counts is the
 *     caller's call);
 *   * the cap wins over the EUR 40 minimum (it is a ceiling on everything charged);
 *   * with VAT the EUR 140 includes the VAT by default (`smallClaimCapVat: 'included'`); choose
 *     'excluded' to treat 140 as the amount before VAT, like the 40 and 6,775 figures.
 * - Business debtors (commercial transactions, art. 6:96 lid 4 BW, late-payment directive
 *   2011/7/EU): a flat EUR 40 per claim once its payment term has passed, with no 14-day letter.
 *   This fixed sum is not a Besluit amount and is not increased by VAT. By agreement the BIK scale
 *   can be used instead (`businessMethod: 'bik-scale'`); for businesses the scale is default law and
 *   costs agreed in the contract may be added as `extraCosts`.
 */
import type { Language } from '../debtor/model';
import { percentOf, type Cents } from '../money';
import { isIsoDate } from '../calendar/days';
import { toDayNumber } from './dates';
import { emptyExplanation, formatPercent, money, say, type Explanation } from './format';

export const BIK_MINIMUM_CENTS: Cents = 4000;
export const BIK_MAXIMUM_CENTS: Cents = 677500;
export const DEFAULT_VAT_RATE_PERCENT = 21;
/** "Below EUR 266.67": the principal at which 15% reaches the EUR 40 minimum. */
const SMALL_CLAIM_THRESHOLD_CENTS: Cents = 26667;
const SMALL_CLAIM_CAP_CENTS: Cents = 14000;
const SMALL_CLAIM_CAP_IN_FORCE_FROM = '2024-10-01';
const BUSINESS_FLAT_FEE_CENTS: Cents = 4000;

/** One bracket of the scale; `toCents` null means "over the rest". */
export interface BikBracketDefinition {
	fromCents: Cents;
	toCents: Cents | null;
	ratePercent: number;
	/** Rate in thousandths, so the exact fee is an integer in thousandths of a cent. */
	permille: number;
}

const BIK_BRACKETS: readonly BikBracketDefinition[] = Object.freeze([
	{ fromCents: 0, toCents: 250000, ratePercent: 15, permille: 150 },
	{ fromCents: 250000, toCents: 500000, ratePercent: 10, permille: 100 },
	{ fromCents: 500000, toCents: 1000000, ratePercent: 5, permille: 50 },
	{ fromCents: 1000000, toCents: 20000000, ratePercent: 1, permille: 10 },
	{ fromCents: 20000000, toCents: null, ratePercent: 0.5, permille: 5 },
]);

export interface BikBracket {
	fromCents: Cents;
	toCents: Cents | null;
	ratePercent: number;
	/** Part of the principal that falls in this bracket. */
	portionCents: Cents;
	/** What this bracket contributes, in cents. */
	amountCents: Cents;
}

export interface BikScaleResult {
	principalCents: Cents;
	/** Only the brackets the principal reaches. */
	brackets: BikBracket[];
	/** Sum of the brackets, rounded once, before minimum and maximum. */
	scaleCents: Cents;
	/** After minimum and maximum. */
	feeCents: Cents;
	minimumApplied: boolean;
	maximumApplied: boolean;
}

function roundThousandths(thousandths: bigint): number {
	// Non-negative only: half away from zero is half up here.
	return Number((thousandths * BigInt(2) + BigInt(1000)) / BigInt(2000));
}

/** The BIK scale over a principal in cents (no VAT, no small-claim cap). */
export function bikScale(principalCents: Cents): BikScaleResult {
	if (!Number.isSafeInteger(principalCents) || principalCents < 0) {
		throw new RangeError('principalCents must be a whole, non-negative number of cents');
	}
	const brackets: BikBracket[] = [];
	let exact = BigInt(0);
	for (const bracket of BIK_BRACKETS) {
		if (principalCents <= bracket.fromCents) break;
		const top = bracket.toCents === null ? principalCents : Math.min(principalCents, bracket.toCents);
		const portionCents = top - bracket.fromCents;
		const thousandths = BigInt(portionCents) * BigInt(bracket.permille);
		exact += thousandths;
		brackets.push({
			fromCents: bracket.fromCents,
			toCents: bracket.toCents,
			ratePercent: bracket.ratePercent,
			portionCents,
			amountCents: roundThousandths(thousandths),
		});
	}
	const scaleCents = roundThousandths(exact);
	if (principalCents === 0) {
		// Nothing open, nothing to collect: no minimum either.
		return { principalCents, brackets, scaleCents, feeCents: 0, minimumApplied: false, maximumApplied: false };
	}
	const minimumApplied = exact < BigInt(BIK_MINIMUM_CENTS) * BigInt(1000);
	const maximumApplied = exact > BigInt(BIK_MAXIMUM_CENTS) * BigInt(1000);
	const feeCents = minimumApplied ? BIK_MINIMUM_CENTS : maximumApplied ? BIK_MAXIMUM_CENTS : scaleCents;
	return { principalCents, brackets, scaleCents, feeCents, minimumApplied, maximumApplied };
}

/** A claim as the cost calculation needs it; the debtor model's `Claim` fits. */
export interface CostClaim {
	claimId?: string;
	/** What is still open of the principal (interest and costs excluded). */
	openCents: Cents;
	/** Last day of the payment term; the claim counts only from the day after (with `calculationDate`). */
	dueDate?: string;
	defaultDate?: string;
	disputed?: boolean;
}

export interface ExtraCost {
	label: string;
	amountCents: Cents;
}

export type DebtorKind = 'consumer' | 'business';

export interface CollectionCostsInput {
	/** Default consumer: the protective choice when the record does not say. */
	debtorType?: DebtorKind;
	claims: CostClaim[];
	/** Day the costs are computed for (`YYYY-MM-DD`). Leaves out claims not yet due; decides whether the small-claim cap is in force (from 2024-10-01). */
	calculationDate?: string;
	/** Default true: VAT is only added when the creditor says it cannot deduct it. */
	creditorCanDeductVat?: boolean;
	/** Default 21. */
	vatRatePercent?: number;
	/** Business debtors only. Default 'flat-per-claim'. */
	businessMethod?: 'flat-per-claim' | 'bik-scale';
	/** Consumers: the instalment of the arrangement or periodic payment these costs are about. */
	instalmentCents?: Cents;
	/** Consumers: costs already charged under the small-claim cap, in the same VAT basis as the cap. */
	smallClaimCostsAlreadyChargedCents?: Cents;
	/** Whether the EUR 140 small-claim cap includes VAT (default) or is the amount before VAT. */
	smallClaimCapVat?: 'included' | 'excluded';
	/** Extra costs. Refused for consumers; for business debtors added as agreed contract costs. */
	extraCosts?: ExtraCost[];
}

export type ExclusionReason = 'paid' | 'disputed' | 'not-yet-due';
export type SmallClaimReason = 'claim-below-threshold' | 'all-claims-below-threshold' | 'instalment-below-threshold';

export interface SmallClaimCap {
	/** The rule applies to this debtor and these claims. */
	applies: boolean;
	reason: SmallClaimReason | null;
	capCents: Cents;
	vatBasis: 'included' | 'excluded';
	alreadyChargedCents: Cents;
	/** The cap actually lowered the costs. */
	applied: boolean;
	/** How much the cap took off (excluding VAT). */
	reducedByCents: Cents;
}

export interface CollectionCostsResult {
	debtorType: DebtorKind;
	method: 'bik-scale' | 'business-flat';
	principalTotalCents: Cents;
	/** `index` is the claim's position in `input.claims`. */
	includedClaims: Array<{ index: number; claimId?: string; openCents: Cents }>;
	excludedClaims: Array<{ index: number; claimId?: string; openCents: Cents; reason: ExclusionReason }>;
	/** The scale with its brackets; null for the business flat fee. */
	scale: BikScaleResult | null;
	businessFlat: { perClaimCents: Cents; claimCount: number; totalCents: Cents } | null;
	minimumApplied: boolean;
	maximumApplied: boolean;
	smallClaimCap: SmallClaimCap;
	costsExclVatCents: Cents;
	vatAdded: boolean;
	vatRatePercent: number | null;
	vatCents: Cents;
	costsInclVatCents: Cents;
	/** Business only: agreed extra costs that were added. */
	extraCosts: ExtraCost[];
	extraCostsTotalCents: Cents;
	refusedExtraCosts: Array<ExtraCost & { reason: string }>;
	/** Costs incl. VAT plus accepted extra costs: what the letter announces. */
	totalCostsCents: Cents;
	/** Keys of sentences the letter must or may contain, e.g. `costs.vatNotDeductible`. */
	sentenceKeys: string[];
	explanation: Explanation;
	warnings: string[];
}

export interface InputProblem {
	field: string;
	message: string;
}

/** Thrown when the input cannot be calculated; `problems` name the fields (never the amounts). */
export class CollectionCostsInputError extends Error {
	constructor(readonly problems: InputProblem[]) {
		super(`Invalid collection cost input: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
		this.name = 'CollectionCostsInputError';
	}
}

const isCentsAmount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const CENTS_MESSAGE = 'must be a whole, non-negative number of cents (e.g. 12550 for EUR 125,50)';

function validateInput(input: CollectionCostsInput): InputProblem[] {
	const problems: InputProblem[] = [];
	if (input.debtorType !== undefined && input.debtorType !== 'consumer' && input.debtorType !== 'business') {
		problems.push({ field: 'debtorType', message: 'must be "consumer" or "business"' });
	}
	if (!Array.isArray(input.claims)) {
		problems.push({ field: 'claims', message: 'must be a list of claims' });
	} else {
		input.claims.forEach((claim, i) => {
			if (typeof claim !== 'object' || claim === null) {
				problems.push({ field: `claims[${i}]`, message: 'must be an object' });
				return;
			}
			if (!isCentsAmount(claim.openCents)) problems.push({ field: `claims[${i}].openCents`, message: CENTS_MESSAGE });
			if (claim.dueDate !== undefined && !isIsoDate(claim.dueDate)) {
				problems.push({ field: `claims[${i}].dueDate`, message: 'must be a calendar date written as YYYY-MM-DD' });
			}
			if (claim.defaultDate !== undefined && !isIsoDate(claim.defaultDate)) {
				problems.push({ field: `claims[${i}].defaultDate`, message: 'must be a calendar date written as YYYY-MM-DD' });
			}
		});
	}
	if (input.calculationDate !== undefined && !isIsoDate(input.calculationDate)) {
		problems.push({ field: 'calculationDate', message: 'must be a calendar date written as YYYY-MM-DD' });
	}
	if (
		input.vatRatePercent !== undefined &&
		(typeof input.vatRatePercent !== 'number' ||
			!Number.isFinite(input.vatRatePercent) ||
			input.vatRatePercent < 0 ||
			input.vatRatePercent > 100)
	) {
		problems.push({ field: 'vatRatePercent', message: 'must be a percentage between 0 and 100, e.g. 21' });
	}
	if (input.businessMethod !== undefined && input.businessMethod !== 'flat-per-claim' && input.businessMethod !== 'bik-scale') {
		problems.push({ field: 'businessMethod', message: 'must be "flat-per-claim" or "bik-scale"' });
	}
	if (input.instalmentCents !== undefined && !isCentsAmount(input.instalmentCents)) {
		problems.push({ field: 'instalmentCents', message: CENTS_MESSAGE });
	}
	if (input.smallClaimCostsAlreadyChargedCents !== undefined && !isCentsAmount(input.smallClaimCostsAlreadyChargedCents)) {
		problems.push({ field: 'smallClaimCostsAlreadyChargedCents', message: CENTS_MESSAGE });
	}
	if (input.smallClaimCapVat !== undefined && input.smallClaimCapVat !== 'included' && input.smallClaimCapVat !== 'excluded') {
		problems.push({ field: 'smallClaimCapVat', message: 'must be "included" or "excluded"' });
	}
	if (input.extraCosts !== undefined) {
		if (!Array.isArray(input.extraCosts)) {
			problems.push({ field: 'extraCosts', message: 'must be a list of { label, amountCents }' });
		} else {
			input.extraCosts.forEach((cost, i) => {
				if (typeof cost?.label !== 'string' || cost.label.trim() === '') {
					problems.push({ field: `extraCosts[${i}].label`, message: 'must be a short description' });
				}
				if (!isCentsAmount(cost?.amountCents)) problems.push({ field: `extraCosts[${i}].amountCents`, message: CENTS_MESSAGE });
			});
		}
	}
	return problems;
}

/** Largest amount before VAT whose total with VAT stays within `limit`. */
function largestExclVatWithin(limit: Cents, vatRatePercent: number): Cents {
	let excl = Math.floor((limit * 100) / (100 + vatRatePercent));
	while (excl > 0 && excl + percentOf(excl, vatRatePercent) > limit) excl--;
	while (excl + 1 + percentOf(excl + 1, vatRatePercent) <= limit) excl++;
	return excl;
}

const CONSUMER_EXTRA_COST_REASON =
	'Not charged: for consumers the statutory collection costs (BIK) cover every collection action; extra costs such as administration costs are not allowed.';

export interface CalculationOptions {
	/**
	 * Default true: fill `explanation` with the lines a letter quotes. False leaves it empty, for a
	 * caller that only needs the figures (a template that words them itself, 100,000 times a run).
	 */
	explain?: boolean;
}

/** Collection costs for one debtor's open claims, with a breakdown a letter can quote. */
export function calculateCollectionCosts(input: CollectionCostsInput, options: CalculationOptions = {}): CollectionCostsResult {
	const problems = validateInput(input);
	if (problems.length > 0) throw new CollectionCostsInputError(problems);

	const debtorType: DebtorKind = input.debtorType ?? 'consumer';
	const calculationDay = input.calculationDate === undefined ? undefined : toDayNumber(input.calculationDate);
	const warnings: string[] = [];
	const sentenceKeys: string[] = [];
	const explanation = emptyExplanation();

	// Which claims count: open, not disputed, payment term passed.
	const includedClaims: CollectionCostsResult['includedClaims'] = [];
	const excludedClaims: CollectionCostsResult['excludedClaims'] = [];
	input.claims.forEach((claim, index) => {
		const row = { index, ...(claim.claimId === undefined ? {} : { claimId: claim.claimId }), openCents: claim.openCents };
		if (claim.openCents === 0) excludedClaims.push({ ...row, reason: 'paid' });
		else if (claim.disputed === true) excludedClaims.push({ ...row, reason: 'disputed' });
		else if (calculationDay !== undefined && claim.dueDate !== undefined && toDayNumber(claim.dueDate) >= calculationDay) {
			excludedClaims.push({ ...row, reason: 'not-yet-due' });
		} else includedClaims.push(row);
	});
	const principalTotalCents = includedClaims.reduce((sum, claim) => sum + claim.openCents, 0);

	const method =
		debtorType === 'business' && (input.businessMethod ?? 'flat-per-claim') === 'flat-per-claim' ? 'business-flat' : 'bik-scale';
	const scale = method === 'bik-scale' ? bikScale(principalTotalCents) : null;
	const businessFlat =
		method === 'business-flat'
			? {
					perClaimCents: BUSINESS_FLAT_FEE_CENTS,
					claimCount: includedClaims.length,
					totalCents: BUSINESS_FLAT_FEE_CENTS * includedClaims.length,
				}
			: null;
	let costsExclVatCents = scale ? scale.feeCents : businessFlat ? businessFlat.totalCents : 0;

	const vatRatePercent = input.vatRatePercent ?? DEFAULT_VAT_RATE_PERCENT;
	const creditorCanDeductVat = input.creditorCanDeductVat ?? true;
	let vatAdded = !creditorCanDeductVat && method === 'bik-scale' && costsExclVatCents > 0;
	if (!creditorCanDeductVat && method === 'business-flat' && costsExclVatCents > 0) {
		warnings.push(
			'No VAT added: the flat EUR 40 of art. 6:96 lid 4 BW is a fixed sum; the VAT increase of the Besluit applies to the BIK scale only.',
		);
	}

	// Small claims and instalments (consumers, from 1 October 2024).
	const capInForce = calculationDay === undefined || calculationDay >= toDayNumber(SMALL_CLAIM_CAP_IN_FORCE_FROM);
	let reason: SmallClaimReason | null = null;
	if (debtorType === 'consumer' && capInForce && principalTotalCents > 0) {
		if (principalTotalCents < SMALL_CLAIM_THRESHOLD_CENTS) reason = 'claim-below-threshold';
		else if (includedClaims.every((claim) => claim.openCents < SMALL_CLAIM_THRESHOLD_CENTS)) reason = 'all-claims-below-threshold';
		else if (input.instalmentCents !== undefined && input.instalmentCents < SMALL_CLAIM_THRESHOLD_CENTS)
			reason = 'instalment-below-threshold';
	}
	const vatBasis = input.smallClaimCapVat ?? 'included';
	const alreadyChargedCents = reason ? (input.smallClaimCostsAlreadyChargedCents ?? 0) : 0;
	const smallClaimCap: SmallClaimCap = {
		applies: reason !== null,
		reason,
		capCents: SMALL_CLAIM_CAP_CENTS,
		vatBasis,
		alreadyChargedCents,
		applied: false,
		reducedByCents: 0,
	};
	if (reason) {
		const remaining = Math.max(0, SMALL_CLAIM_CAP_CENTS - alreadyChargedCents);
		const withinCap =
			vatAdded && vatBasis === 'included'
				? costsExclVatCents + percentOf(costsExclVatCents, vatRatePercent) <= remaining
					? costsExclVatCents
					: largestExclVatWithin(remaining, vatRatePercent)
				: Math.min(costsExclVatCents, remaining);
		if (withinCap < costsExclVatCents) {
			smallClaimCap.applied = true;
			smallClaimCap.reducedByCents = costsExclVatCents - withinCap;
			costsExclVatCents = withinCap;
		}
	}

	// A cap that leaves nothing to charge leaves nothing to add VAT to either (and nothing to explain).
	if (costsExclVatCents === 0) vatAdded = false;
	const vatCents = vatAdded ? percentOf(costsExclVatCents, vatRatePercent) : 0;
	const costsInclVatCents = costsExclVatCents + vatCents;

	// Extra costs: never for consumers.
	const extraCosts: ExtraCost[] = [];
	const refusedExtraCosts: CollectionCostsResult['refusedExtraCosts'] = [];
	for (const cost of input.extraCosts ?? []) {
		if (cost.amountCents === 0) continue;
		if (debtorType === 'consumer')
			refusedExtraCosts.push({ label: cost.label, amountCents: cost.amountCents, reason: CONSUMER_EXTRA_COST_REASON });
		else extraCosts.push({ label: cost.label, amountCents: cost.amountCents });
	}
	if (refusedExtraCosts.length > 0) warnings.push(`${refusedExtraCosts.length} extra cost item(s) refused. ${CONSUMER_EXTRA_COST_REASON}`);
	const extraCostsTotalCents = extraCosts.reduce((sum, cost) => sum + cost.amountCents, 0);

	const result: CollectionCostsResult = {
		debtorType,
		method,
		principalTotalCents,
		includedClaims,
		excludedClaims,
		scale,
		businessFlat,
		minimumApplied: scale?.minimumApplied ?? false,
		maximumApplied: scale?.maximumApplied ?? false,
		smallClaimCap,
		costsExclVatCents,
		vatAdded,
		vatRatePercent: vatAdded ? vatRatePercent : null,
		vatCents,
		costsInclVatCents,
		extraCosts,
		extraCostsTotalCents,
		refusedExtraCosts,
		totalCostsCents: costsInclVatCents + extraCostsTotalCents,
		sentenceKeys,
		explanation,
		warnings,
	};
	if (vatAdded) sentenceKeys.push('costs.vatNotDeductible');
	if (result.minimumApplied) sentenceKeys.push('costs.minimum');
	if (result.maximumApplied) sentenceKeys.push('costs.maximum');
	if (smallClaimCap.applied) sentenceKeys.push('costs.smallClaimCap');
	if (method === 'business-flat') sentenceKeys.push('costs.businessFlatFee');
	if (refusedExtraCosts.length > 0) sentenceKeys.push('costs.extraCostsRefused');
	if (options.explain !== false) explainCosts(result);
	return result;
}

function bracketLine(bracket: BikBracket, index: number, language: Language): string {
	const rate = formatPercent(bracket.ratePercent, language);
	const portion = money(bracket.portionCents, language);
	const amount = money(bracket.amountCents, language);
	if (bracket.toCents === null) {
		return language === 'nl' ? `${rate} over het meerdere (${portion}): ${amount}` : `${rate} of the remainder (${portion}): ${amount}`;
	}
	if (index === 0) return language === 'nl' ? `${rate} over de eerste ${portion}: ${amount}` : `${rate} of the first ${portion}: ${amount}`;
	return language === 'nl' ? `${rate} over de volgende ${portion}: ${amount}` : `${rate} of the next ${portion}: ${amount}`;
}

function explainCosts(result: CollectionCostsResult): void {
	const e = result.explanation;
	const count = result.includedClaims.length;
	say(e, (l) =>
		l === 'nl'
			? `Openstaande hoofdsom: ${money(result.principalTotalCents, l)} (${count} ${count === 1 ? 'vordering' : 'vorderingen'})`
			: `Outstanding principal: ${money(result.principalTotalCents, l)} (${count} ${count === 1 ? 'claim' : 'claims'})`,
	);
	if (result.scale) {
		const scale = result.scale;
		scale.brackets.forEach((bracket, i) => say(e, (l) => bracketLine(bracket, i, l)));
		if (scale.brackets.length > 1) {
			say(e, (l) =>
				l === 'nl'
					? `Incassokosten volgens de wettelijke staffel: ${money(scale.scaleCents, l)}`
					: `Collection costs under the statutory scale: ${money(scale.scaleCents, l)}`,
			);
		}
		if (scale.minimumApplied) {
			say(e, (l) =>
				l === 'nl'
					? `Het wettelijke minimum van ${money(BIK_MINIMUM_CENTS, l)} is van toepassing`
					: `The statutory minimum of ${money(BIK_MINIMUM_CENTS, l)} applies`,
			);
		}
		if (scale.maximumApplied) {
			say(e, (l) =>
				l === 'nl'
					? `Het wettelijke maximum van ${money(BIK_MAXIMUM_CENTS, l)} is van toepassing`
					: `The statutory maximum of ${money(BIK_MAXIMUM_CENTS, l)} applies`,
			);
		}
	}
	if (result.businessFlat) {
		const flat = result.businessFlat;
		say(e, (l) =>
			l === 'nl'
				? `Vaste vergoeding van ${money(flat.perClaimCents, l)} per vordering (art. 6:96 lid 4 BW), ${flat.claimCount} × ${money(flat.perClaimCents, l)}: ${money(flat.totalCents, l)}`
				: `Fixed compensation of ${money(flat.perClaimCents, l)} per claim (art. 6:96(4) Dutch Civil Code), ${flat.claimCount} × ${money(flat.perClaimCents, l)}: ${money(flat.totalCents, l)}`,
		);
	}
	const cap = result.smallClaimCap;
	if (cap.applied) {
		const threshold = (l: Language) => money(SMALL_CLAIM_THRESHOLD_CENTS, l);
		const capText = (l: Language) => money(cap.capCents, l);
		const basis = (l: Language) =>
			result.vatAdded
				? cap.vatBasis === 'included'
					? l === 'nl'
						? ' inclusief btw'
						: ' including VAT'
					: l === 'nl'
						? ' exclusief btw'
						: ' excluding VAT'
				: '';
		say(e, (l) =>
			l === 'nl'
				? `Omdat de vordering of het termijnbedrag lager is dan ${threshold(l)}, zijn de incassokosten samen ten hoogste ${capText(l)}${basis(l)}`
				: `Because the claim or instalment is below ${threshold(l)}, the collection costs are at most ${capText(l)}${basis(l)} in total`,
		);
		if (cap.alreadyChargedCents > 0) {
			say(e, (l) =>
				l === 'nl'
					? `Eerder in rekening gebrachte incassokosten: ${money(cap.alreadyChargedCents, l)}`
					: `Collection costs charged before: ${money(cap.alreadyChargedCents, l)}`,
			);
		}
	}
	if (result.vatAdded && result.vatRatePercent !== null) {
		const rate = result.vatRatePercent;
		say(e, (l) =>
			l === 'nl'
				? `Incassokosten exclusief btw: ${money(result.costsExclVatCents, l)}`
				: `Collection costs excluding VAT: ${money(result.costsExclVatCents, l)}`,
		);
		say(e, (l) =>
			l === 'nl'
				? `Wij kunnen de btw niet verrekenen; daarom komt er ${formatPercent(rate, l)} btw bij: ${money(result.vatCents, l)}`
				: `We cannot deduct VAT, so ${formatPercent(rate, l)} VAT is added: ${money(result.vatCents, l)}`,
		);
		say(e, (l) =>
			l === 'nl'
				? `Incassokosten inclusief btw: ${money(result.costsInclVatCents, l)}`
				: `Collection costs including VAT: ${money(result.costsInclVatCents, l)}`,
		);
	} else {
		say(e, (l) =>
			l === 'nl' ? `Incassokosten: ${money(result.costsInclVatCents, l)}` : `Collection costs: ${money(result.costsInclVatCents, l)}`,
		);
	}
	for (const cost of result.extraCosts) {
		say(e, (l) =>
			l === 'nl'
				? `Overeengekomen extra kosten (${cost.label}): ${money(cost.amountCents, l)}`
				: `Agreed extra costs (${cost.label}): ${money(cost.amountCents, l)}`,
		);
	}
	// Refused extra costs stay out of the debtor-facing lines; they are in refusedExtraCosts and warnings.
}
