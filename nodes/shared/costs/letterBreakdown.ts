/**
 * Everything a 14-day letter (art. 6:96 lid 6 BW) quotes about money, in one object: principal,
 * collection costs with VAT, statutory interest per claim and period, the grand total, and ready
 * explanation lines in Dutch and English. The letter must state the exact cost amount, so the
 * template should print these lines as they are rather than recompute anything.
 */
import { isIsoDate, isoDate } from '../calendar/days';
import type { Language } from '../debtor/model';
import type { Cents } from '../money';
import {
	calculateCollectionCosts,
	CollectionCostsInputError,
	type CalculationOptions,
	type CollectionCostsInput,
	type CollectionCostsResult,
	type InputProblem,
} from './collectionCosts';
import { formatLongDate, toDayNumber } from './dates';
import { emptyExplanation, formatPercent, money, say, type Explanation } from './format';
import { calculateStatutoryInterest, type DayCount, type StatutoryInterestResult } from './interest';
import type { InterestKind, InterestRateEntry } from './rates';

export interface LetterInterestOptions {
	/** Last day of interest, inclusive (e.g. the letter date or the last day to pay). */
	until: string;
	/** Default: consumer (6:119) for consumers, commercial (6:119a) for business debtors. */
	kind?: InterestKind;
	rates?: InterestRateEntry[];
	ratesVerifiedUntil?: string;
	dayCount?: DayCount;
}

export interface LetterBreakdownInput extends CollectionCostsInput {
	/** Leave out for a letter without interest. Interest runs per claim from its default date. */
	interest?: LetterInterestOptions;
}

export interface ClaimInterest {
	claimId?: string;
	/** First day of interest: the claim's defaultDate, or the day after its dueDate. */
	startDate: string;
	result: StatutoryInterestResult;
}

export interface LetterBreakdown {
	principalTotalCents: Cents;
	costs: CollectionCostsResult;
	costsExclVatCents: Cents;
	vatCents: Cents;
	costsInclVatCents: Cents;
	/** Costs incl. VAT plus agreed extra costs (business only). */
	totalCostsCents: Cents;
	interest: { kind: InterestKind; until: string; perClaim: ClaimInterest[] } | null;
	interestTotalCents: Cents;
	/** Principal + total costs + interest. */
	grandTotalCents: Cents;
	sentenceKeys: string[];
	warnings: string[];
	explanation: Explanation;
}

function interestLines(explanation: Explanation, claim: ClaimInterest): void {
	const label = (l: Language) =>
		claim.claimId === undefined ? '' : l === 'nl' ? ` vordering ${claim.claimId}` : ` claim ${claim.claimId}`;
	for (const period of claim.result.periods) {
		const compounding = claim.result.compoundings.find((c) => c.date === period.from);
		if (compounding) {
			say(explanation, (l) =>
				l === 'nl'
					? `Op ${formatLongDate(compounding.date, l)} is de rente van het afgelopen jaar (${money(compounding.addedCents, l)}) bij het bedrag opgeteld; de rente loopt daarna over ${money(compounding.newBaseCents, l)}`
					: `On ${formatLongDate(compounding.date, l)} the past year's interest (${money(compounding.addedCents, l)}) was added to the amount; interest then runs on ${money(compounding.newBaseCents, l)}`,
			);
		}
		say(explanation, (l) => {
			const rate = formatPercent(period.ratePercent, l);
			const from = formatLongDate(period.from, l);
			const to = formatLongDate(period.to, l);
			const days =
				l === 'nl' ? `${period.days} ${period.days === 1 ? 'dag' : 'dagen'}` : `${period.days} ${period.days === 1 ? 'day' : 'days'}`;
			return l === 'nl'
				? `Wettelijke rente${label(l)}: ${rate} over ${money(period.baseCents, l)} van ${from} t/m ${to} (${days}): ${money(period.interestCents, l)}`
				: `Statutory interest${label(l)}: ${rate} on ${money(period.baseCents, l)} from ${from} to ${to} inclusive (${days}): ${money(period.interestCents, l)}`;
		});
	}
}

/**
 * Costs, interest and totals for a 14-day letter, with quotable lines in Dutch and English
 * (`explain: false`: the figures only, `explanation` stays empty).
 */
export function calculateLetterBreakdown(input: LetterBreakdownInput, calculation: CalculationOptions = {}): LetterBreakdown {
	const explain = calculation.explain !== false;
	const costs = calculateCollectionCosts(input, calculation);
	const explanation = emptyExplanation();
	explanation.nl.push(...costs.explanation.nl);
	explanation.en.push(...costs.explanation.en);
	const warnings = [...costs.warnings];

	let interest: LetterBreakdown['interest'] = null;
	let interestTotalCents = 0;
	if (input.interest) {
		const options = input.interest;
		if (!isIsoDate(options.until)) {
			throw new CollectionCostsInputError([{ field: 'interest.until', message: 'must be a calendar date written as YYYY-MM-DD' }]);
		}
		const kind: InterestKind = options.kind ?? (costs.debtorType === 'business' ? 'commercial' : 'consumer');
		// Interest runs on the same claims the costs are about: open, undisputed, past their term.
		const problems: InputProblem[] = [];
		const perClaim: ClaimInterest[] = [];
		for (const { index: i } of costs.includedClaims) {
			const claim = input.claims[i];
			const startDate = claim.defaultDate ?? (claim.dueDate === undefined ? undefined : isoDate(toDayNumber(claim.dueDate) + 1));
			if (startDate === undefined) {
				problems.push({ field: `claims[${i}]`, message: 'needs a defaultDate or dueDate to compute interest' });
				continue;
			}
			const result = calculateStatutoryInterest({
				principalCents: claim.openCents,
				startDate,
				endDate: options.until,
				kind,
				rates: options.rates,
				ratesVerifiedUntil: options.ratesVerifiedUntil,
				dayCount: options.dayCount,
			});
			perClaim.push({ ...(claim.claimId === undefined ? {} : { claimId: claim.claimId }), startDate, result });
		}
		if (problems.length > 0) throw new CollectionCostsInputError(problems);
		for (const claim of perClaim) {
			interestTotalCents += claim.result.totalInterestCents;
			for (const warning of claim.result.warnings) if (!warnings.includes(warning)) warnings.push(warning);
			if (explain) interestLines(explanation, claim);
		}
		if (explain) {
			say(explanation, (l) =>
				l === 'nl'
					? `Wettelijke rente totaal: ${money(interestTotalCents, l)}`
					: `Statutory interest in total: ${money(interestTotalCents, l)}`,
			);
		}
		interest = { kind, until: options.until, perClaim };
	}

	const grandTotalCents = costs.principalTotalCents + costs.totalCostsCents + interestTotalCents;
	if (explain) say(explanation, (l) => (l === 'nl' ? `Totaal te betalen: ${money(grandTotalCents, l)}` : `Total to pay: ${money(grandTotalCents, l)}`));

	return {
		principalTotalCents: costs.principalTotalCents,
		costs,
		costsExclVatCents: costs.costsExclVatCents,
		vatCents: costs.vatCents,
		costsInclVatCents: costs.costsInclVatCents,
		totalCostsCents: costs.totalCostsCents,
		interest,
		interestTotalCents,
		grandTotalCents,
		sentenceKeys: [...costs.sentenceKeys],
		warnings,
		explanation,
	};
}
