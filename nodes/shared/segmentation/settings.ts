/**
 * Every threshold the segmenter uses, with its default. The node exposes each one as a parameter;
 * the docs page explains them. Defaults follow the domain brief (sections 3 and 7).
 */
import { LEGAL_EARLY_WARNING_SECTORS, type CreditorSector } from '../debtor/model';
import type { Cents } from '../money';

export interface SegmentationSettings {
	/** Months of history that count for ratios and arrears frequency. */
	windowMonths: number;
	/** A payment this many days after the due date still counts as on time. */
	graceDays: number;
	/** Share of claims paid on time (0-1) from which a debtor is an on-time payer. */
	onTimeRatio: number;
	/** No payment for this many days while something is overdue: non-payer. */
	nonPayerDays: number;
	/** Forgetful: at most this many days past due on the one late claim. */
	forgetfulMaxDaysPastDue: number;
	/** Structural shortfall: arrears in at least this many months of the window. */
	structuralMinMonthsWithArrears: number;
	/** Reversals and new arrears within this many days count as recent. */
	recentDays: number;
	/** No response after this many outbound contacts in a row: a signal, and overwhelmed when in arrears. */
	noResponseContacts: number;
	/** Overwhelmed only when at most this share (0-1) of the window's contacts got a reaction. */
	overwhelmedMaxResponseRate: number;
	/** Net monthly income (cents) from which a debtor has capacity to pay. */
	capacityIncomeCents: Cents;
	/** Periods paid on time before two late ones make "second consecutive late" an early signal. */
	cleanPeriods: number;
	/** Sectors that take part in legal early warning (vroegsignalering). */
	earlyWarningSectors: CreditorSector[];
	/** Terms in arrears from which the legal early-warning signal is raised, per sector. */
	earlyWarningTerms: Partial<Record<CreditorSector, number>>;
	/** Terms in arrears for sectors not listed in earlyWarningTerms. */
	earlyWarningTermsDefault: number;
}

export const DEFAULT_SEGMENTATION_SETTINGS: Readonly<SegmentationSettings> = Object.freeze<SegmentationSettings>({
	windowMonths: 12,
	graceDays: 0,
	onTimeRatio: 0.9,
	nonPayerDays: 90,
	forgetfulMaxDaysPastDue: 30,
	structuralMinMonthsWithArrears: 6,
	recentDays: 90,
	noResponseContacts: 3,
	overwhelmedMaxResponseRate: 0.1,
	capacityIncomeCents: 300000,
	cleanPeriods: 6,
	earlyWarningSectors: [...LEGAL_EARLY_WARNING_SECTORS],
	// Health insurers act at two months of premium arrears (the arrangement letter); rent, energy,
	// heat and water creditors signal from the first missed term after the written reminder.
	earlyWarningTerms: { 'health-insurance': 2 },
	earlyWarningTermsDefault: 1,
});
