/**
 * Collection costs (WIK/BIK), statutory interest and the money breakdown of the 14-day letter.
 * Plain TypeScript, no n8n imports; all amounts are integer cents.
 */
export {
	BIK_MAXIMUM_CENTS,
	BIK_MINIMUM_CENTS,
	DEFAULT_VAT_RATE_PERCENT,
	CollectionCostsInputError,
	bikScale,
	calculateCollectionCosts,
} from './collectionCosts';
export type {
	BikBracket,
	BikBracketDefinition,
	BikScaleResult,
	CalculationOptions,
	CollectionCostsInput,
	CollectionCostsResult,
	CostClaim,
	DebtorKind,
	ExclusionReason,
	ExtraCost,
	InputProblem,
	SmallClaimCap,
	SmallClaimReason,
} from './collectionCosts';
export { calculateStatutoryInterest } from './interest';
export type { DayCount, InterestCompounding, InterestPeriod, StatutoryInterestInput, StatutoryInterestResult } from './interest';
export {
	DEFAULT_INTEREST_RATES,
	DEFAULT_INTEREST_RATES_VERIFIED_UNTIL,
	InterestRateTableError,
	normaliseInterestRates,
	validateInterestRates,
} from './rates';
export type { InterestKind, InterestRateEntry, RateTableProblem } from './rates';
export { calculateLetterBreakdown } from './letterBreakdown';
export type { ClaimInterest, LetterBreakdown, LetterBreakdownInput, LetterInterestOptions } from './letterBreakdown';
export { formatPercent } from './format';
export type { Explanation } from './format';
export { formatLongDate } from './dates';
export { debtorCosts } from './debtorCosts';
export type { CostsPurpose, DebtorCosts, DebtorCostsOptions } from './debtorCosts';
