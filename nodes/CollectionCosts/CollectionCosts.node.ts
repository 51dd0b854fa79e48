import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { calendarPerItem } from '../shared/n8n/calendar';
import { INVALID_OUTPUT_VERSION, outputsWithInvalid } from '../shared/n8n/descriptions';
import { routesInvalidItems, runPerItem } from '../shared/n8n/items';
import { parameterPerItem, parametersReadItem, valuePerItem } from '../shared/n8n/parameters';
import { referenceDayPerItem } from '../shared/n8n/referenceDay';
import type { CostsPurpose } from '../shared/costs';
import { collectionCostsProperties } from './description';
import { costsOfItem, parseRateTables, type CostOptions, type InterestOptions, type Settings } from './item';

export { parseRateTables };

/**
 * Outputs: one, unnamed as version 1 drew it; named "Costs" beside "Invalid". Serialised into the
 * description as an expression, so it must be self-contained.
 */
const configuredOutputs = (parameters: Record<string, unknown>, invalid: boolean) => (invalid ? [{ type: 'main', displayName: 'Costs' }] : ['main']);

export class CollectionCosts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collection Costs',
		name: 'collectionCosts',
		icon: { light: 'file:collectionCosts.svg', dark: 'file:collectionCosts.dark.svg' },
		group: ['transform'],
		// 2: records it cannot use leave on an "Invalid" output by default (1 stopped the run).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{"purpose: " + ($parameter["purpose"] || "auto")}}',
		description:
			'Statutory collection costs (BIK scale, VAT, small-claim cap, business flat fee) and interest, only when the law allows them, with lines the 14-day letter quotes',
		defaults: { name: 'Collection Costs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsWithInvalid(configuredOutputs, INVALID_OUTPUT_VERSION),
		properties: collectionCostsProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		// The interest options count only with interest on, so both are read together.
		const interest = ['includeInterest', 'interestOptions'];
		const withInterestOf = parameterPerItem<boolean>(this, 'includeInterest', true);
		const interestOf = valuePerItem(this, interest, (i) =>
			withInterestOf(i) ? (this.getNodeParameter('interestOptions', i, {}) as InterestOptions) : ({} as InterestOptions),
		);
		const ratesOf = valuePerItem(this, interest, (i) => parseRateTables(withInterestOf(i) ? interestOf(i).rates : undefined));
		// Fixed settings are checked once, before any item, so a typo stops the node with a clear message.
		const fixedRates = ratesOf(0);
		if (!parametersReadItem(this, interest) && fixedRates instanceof Error) {
			throw new NodeOperationError(node, fixedRates.message, { description: 'Fix the rate table under "Interest Options".' });
		}
		const settings: Settings = {
			purpose: this.getNodeParameter('purpose', 0, 'auto') as CostsPurpose,
			dayOf: referenceDayPerItem(this),
			calendarOf: calendarPerItem('options.extraDesignatedDays'),
			deductOf: parameterPerItem<boolean>(this, 'creditorCanDeductVat', true),
			vatOf: parameterPerItem<number>(this, 'vatRatePercent', 21),
			withInterestOf,
			optionsOf: parameterPerItem<CostOptions>(this, 'options', {}),
			interestOf,
			ratesOf,
		};
		const invalidOutput = routesInvalidItems(this, INVALID_OUTPUT_VERSION) ? 1 : undefined;
		return runPerItem(this, { outputCount: invalidOutput === undefined ? 1 : 2, invalidOutput }, (item, i) => ({
			output: 0,
			key: 'costs',
			value: costsOfItem(item.json, i, settings),
		}));
	}
}
