import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { perItemOrOnce, readsItem, referenceDayReader } from '../shared/journey/node-parameters';
import { runPerItem } from '../shared/n8n/items';
import { referenceDay } from '../shared/calendar/referenceDate';
import type { CostsPurpose } from './debtorCosts';
import { collectionCostsProperties } from './description';
import { costsOfItem, parseRateTables, type CostOptions, type InterestOptions, type Settings } from './item';

export { parseRateTables };

export class CollectionCosts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collection Costs',
		name: 'collectionCosts',
		icon: { light: 'file:collectionCosts.svg', dark: 'file:collectionCosts.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"purpose: " + ($parameter["purpose"] || "auto")}}',
		description:
			'Statutory collection costs (BIK scale, VAT, small-claim cap, business flat fee) and interest, only when the law allows them, with lines the 14-day letter quotes',
		defaults: { name: 'Collection Costs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: collectionCostsProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const raw = node.parameters as Record<string, unknown>;
		const withInterestOf = perItemOrOnce(raw.includeInterest, (i) => this.getNodeParameter('includeInterest', i, true) as boolean);
		const interestOf = perItemOrOnce(raw.interestOptions, (i) =>
			withInterestOf(i) ? (this.getNodeParameter('interestOptions', i, {}) as InterestOptions) : ({} as InterestOptions),
		);
		const ratesPerItem = readsItem(raw.interestOptions) || readsItem(raw.includeInterest);
		// Fixed settings are checked once, before any item, so a typo stops the node with a clear message.
		const fixedRates = parseRateTables(withInterestOf(0) ? interestOf(0).rates : undefined);
		if (!ratesPerItem && fixedRates instanceof Error) {
			throw new NodeOperationError(node, fixedRates.message, { description: 'Fix the rate table under "Interest Options".' });
		}
		const settings: Settings = {
			purpose: this.getNodeParameter('purpose', 0, 'auto') as CostsPurpose,
			dayOf: referenceDayReader(this.getTimezone(), referenceDay),
			referenceOf: perItemOrOnce(raw.referenceDate, (i) => this.getNodeParameter('referenceDate', i, '') as string),
			deductOf: perItemOrOnce(raw.creditorCanDeductVat, (i) => this.getNodeParameter('creditorCanDeductVat', i, true) as boolean),
			vatOf: perItemOrOnce(raw.vatRatePercent, (i) => this.getNodeParameter('vatRatePercent', i, 21) as number),
			withInterestOf,
			optionsOf: perItemOrOnce(raw.options, (i) => this.getNodeParameter('options', i, {}) as CostOptions),
			interestOf,
			ratesOf: ratesPerItem ? (i) => parseRateTables(withInterestOf(i) ? interestOf(i).rates : undefined) : () => fixedRates,
		};
		return runPerItem(this, { outputCount: 1 }, (item, i) => ({ output: 0, key: 'costs', value: costsOfItem(item.json, i, settings) }));
	}
}
