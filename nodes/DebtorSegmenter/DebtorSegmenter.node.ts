import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { CheckedDates } from '../shared/calendar/checkedDates';
import { isoDate } from '../shared/calendar/days';
import { optionalEurosToCents } from '../shared/money';
import type { Language } from '../shared/debtor/model';
import { assertDebtor } from '../shared/debtor/validate';
import { routesInvalidItems, runPerItem } from '../shared/n8n/items';
import { referenceDayPerItem } from '../shared/n8n/referenceDay';
import {
	BEHAVIOURS,
	DEFAULT_SEGMENTATION_SETTINGS,
	PERSONAS,
	RuleError,
	compileRules,
	segmentDebtor,
	segmentationReviewDay,
	segmenterFieldSelection,
	type CustomRule,
	type SegmentOptions,
	type SegmentationSettings,
} from '../shared/segmentation';
import { debtorSegmenterProperties } from './description';

/**
 * Output list for the chosen routing. Serialised into the description as an expression, so it must
 * be self-contained (no outside names): n8n evaluates it in the editor to draw the outputs.
 */
const configuredOutputs = (parameters: { routing?: string; invalidRecords?: string }) => {
	const routing = parameters.routing || 'persona';
	const names =
		routing === 'persona'
			? ['Current', 'Forgetful', 'Temporary Shortfall', 'Structural Shortfall', 'Overwhelmed', "Can Pay, Won't Pay", 'Dispute', 'Deceased', 'Debt Help', 'Vulnerable']
			: routing === 'behaviour'
				? ['Direct-Debit Payer', 'On-Time Payer', 'Late Payer', 'Non-Payer']
				: ['Segmented'];
	if ((parameters.invalidRecords || 'route') === 'route') names.push('Invalid');
	return names.map((name) => ({ type: 'main', displayName: name }));
};

export { configuredOutputs as debtorSegmenterOutputs };

interface ThresholdParameters {
	capacityIncomeEuros?: number;
	cleanPeriods?: number;
	forgetfulMaxDaysPastDue?: number;
	graceDays?: number;
	windowMonths?: number;
	nonPayerDays?: number;
	noResponseContacts?: number;
	onTimePercent?: number;
	overwhelmedMaxResponsePercent?: number;
	recentDays?: number;
	structuralMinMonthsWithArrears?: number;
}

interface EarlyWarningParameters {
	sectors?: SegmentationSettings['earlyWarningSectors'];
	termsDefault?: number;
	healthInsuranceTerms?: number;
}

/** The node's threshold fields (in the units ops staff use: euros, percent) as segmentation settings. */
export function settingsFromParameters(t: ThresholdParameters, e: EarlyWarningParameters): SegmentationSettings {
	const d = DEFAULT_SEGMENTATION_SETTINGS;
	return {
		windowMonths: t.windowMonths ?? d.windowMonths,
		graceDays: t.graceDays ?? d.graceDays,
		onTimeRatio: t.onTimePercent !== undefined ? t.onTimePercent / 100 : d.onTimeRatio,
		nonPayerDays: t.nonPayerDays ?? d.nonPayerDays,
		forgetfulMaxDaysPastDue: t.forgetfulMaxDaysPastDue ?? d.forgetfulMaxDaysPastDue,
		structuralMinMonthsWithArrears: t.structuralMinMonthsWithArrears ?? d.structuralMinMonthsWithArrears,
		recentDays: t.recentDays ?? d.recentDays,
		noResponseContacts: t.noResponseContacts ?? d.noResponseContacts,
		overwhelmedMaxResponseRate:
			t.overwhelmedMaxResponsePercent !== undefined ? t.overwhelmedMaxResponsePercent / 100 : d.overwhelmedMaxResponseRate,
		capacityIncomeCents: optionalEurosToCents(t.capacityIncomeEuros) ?? d.capacityIncomeCents,
		cleanPeriods: t.cleanPeriods ?? d.cleanPeriods,
		earlyWarningSectors: e.sectors ?? d.earlyWarningSectors,
		earlyWarningTerms: { ...d.earlyWarningTerms, ...(e.healthInsuranceTerms !== undefined ? { 'health-insurance': e.healthInsuranceTerms } : {}) },
		earlyWarningTermsDefault: e.termsDefault ?? d.earlyWarningTermsDefault,
	};
}

export class DebtorSegmenter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Debtor Segmenter',
		name: 'debtorSegmenter',
		icon: { light: 'file:debtorSegmenter.svg', dark: 'file:debtorSegmenter.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"by " + ($parameter["routing"] || "persona")}}',
		description:
			'Tells the forgetful payer, the one who cannot pay and the one who will not pay apart, with the reasons for every decision',
		defaults: { name: 'Debtor Segmenter' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		properties: debtorSegmenterProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const routing = this.getNodeParameter('routing', 0, 'persona') as 'persona' | 'behaviour' | 'single';
		const routeInvalid = routesInvalidItems(this);
		const language = this.getNodeParameter('language', 0, 'nl') as Language;
		let settings: SegmentationSettings;
		try {
			settings = settingsFromParameters(
				this.getNodeParameter('thresholds', 0, {}) as ThresholdParameters,
				this.getNodeParameter('earlyWarning', 0, {}) as EarlyWarningParameters,
			);
		} catch (error) {
			// The one threshold that can be refused: an amount in euros that is not one.
			throw new NodeOperationError(this.getNode(), `Thresholds, Capacity Income (EUR per Month): ${(error as Error).message}`);
		}
		const experiment = this.getNodeParameter('experiment', 0, {}) as { name?: string; variantPercent?: number };
		const ruleValues = (this.getNodeParameter('customRules', 0, {}) as { rule?: CustomRule[] }).rule ?? [];

		const compiled = compileRules(ruleValues);
		if (compiled instanceof RuleError) {
			throw new NodeOperationError(this.getNode(), `Custom rules: ${compiled.message}`, {
				description: 'Fix the rule under "Custom Rules" in the node settings.',
			});
		}
		const rules = compiled;
		// Each record is checked in the fields the segmenter and the rules read, or, before a record is
		// saved, in all of them.
		// (undefined: assertDebtor's default, every field).
		const fields = this.getNodeParameter('check', 0, 'read') === 'whole' ? undefined : segmenterFieldSelection(rules);
		if (experiment.name !== undefined && (experiment.variantPercent ?? 50) > 100) {
			throw new NodeOperationError(this.getNode(), 'Experiment: the variant percentage must be between 0 and 100.');
		}

		const referenceDayOf = referenceDayPerItem(this);
		const lookAheadDays = this.getNodeParameter('lookAheadDays', 0, 0) as number;
		const personaOutputs = PERSONAS;
		const behaviourOutputs = BEHAVIOURS;
		const outputCount = (routing === 'persona' ? personaOutputs.length : routing === 'behaviour' ? behaviourOutputs.length : 1) + (routeInvalid ? 1 : 0);
		// One options object for the run; only the reference day can differ per item.
		const options: SegmentOptions = {
			referenceDay: 0,
			settings,
			language,
			rules,
			experiment: experiment.name ? { name: experiment.name, variantPercent: experiment.variantPercent ?? 50 } : undefined,
		};

		// The check leaves the dates it reads here and the segmentation takes them (one record at a time).
		const dates = new CheckedDates();

		return runPerItem(this, { outputCount, invalidOutput: routeInvalid ? outputCount - 1 : undefined }, (item, i) => {
			const record = assertDebtor(item.json, i, fields, dates);
			options.referenceDay = referenceDayOf(i);
			const segmentation = segmentDebtor(record, options, dates);
			if (lookAheadDays > 0) segmentation.reviewDate = isoDate(segmentationReviewDay(record, options, segmentation, lookAheadDays, dates));
			const output =
				routing === 'persona'
					? personaOutputs.indexOf(segmentation.persona)
					: routing === 'behaviour'
						? behaviourOutputs.indexOf(segmentation.behaviour)
						: 0;
			return { output, key: 'segmentation', value: segmentation };
		});
	}
}
