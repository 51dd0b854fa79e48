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
import { parametersReadItem, valuePerItem } from '../shared/n8n/parameters';
import { referenceDayPerItem } from '../shared/n8n/referenceDay';
import { paymentArrangementProperties } from './description';
import { arrangementOfItem, floorNormsFrom, type ArrangementSettings, type ProposeParameters } from './item';

/**
 * Outputs: one, unnamed as version 1 drew it; named "Arrangement" beside "Invalid". Serialised into
 * the description as an expression, so it must be self-contained.
 */
const configuredOutputs = (parameters: Record<string, unknown>, invalid: boolean) => (invalid ? [{ type: 'main', displayName: 'Arrangement' }] : ['main']);

export class PaymentArrangement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Payment Arrangement',
		name: 'paymentArrangement',
		icon: { light: 'file:paymentArrangement.svg', dark: 'file:paymentArrangement.dark.svg' },
		group: ['transform'],
		// 2: records it cannot use leave on an "Invalid" output by default (1 stopped the run).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] === "check" ? "check arrangement" : "propose plans"}}',
		description:
			'Proposes instalment plans within the debtor\'s capacity and the protected income floor, dated after payday, and checks running arrangements against payments',
		defaults: { name: 'Payment Arrangement' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsWithInvalid(configuredOutputs, INVALID_OUTPUT_VERSION),
		properties: paymentArrangementProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const operation = this.getNodeParameter('operation', 0, 'propose') as 'propose' | 'check';
		const proposeOf = valuePerItem(
			this,
			['amountSource', 'amountEuros', 'capacityEuros', 'minimumInstalmentEuros', 'maximumTerms', 'maximumTermsWithDebtHelp', 'proposeOptions'],
			(i): ProposeParameters => ({
				amountSource: this.getNodeParameter('amountSource', i, 'open') as ProposeParameters['amountSource'],
				amountEuros: this.getNodeParameter('amountEuros', i, 0) as number,
				capacityEuros: this.getNodeParameter('capacityEuros', i, 0) as number,
				minimumInstalmentEuros: this.getNodeParameter('minimumInstalmentEuros', i, 25) as number,
				maximumTerms: this.getNodeParameter('maximumTerms', i, 12) as number,
				maximumTermsWithDebtHelp: this.getNodeParameter('maximumTermsWithDebtHelp', i, 24) as number,
				options: this.getNodeParameter('proposeOptions', i, {}) as ProposeParameters['options'],
			}),
		);
		let fixedNorms: ReturnType<typeof floorNormsFrom> | undefined;
		if (operation === 'propose' && !parametersReadItem(this, ['proposeOptions'])) {
			fixedNorms = floorNormsFrom(proposeOf(0).options.floorNorms);
			if (fixedNorms instanceof Error) {
				throw new NodeOperationError(node, fixedNorms.message, { description: 'Fix the table under "Options > Protected Floor Norms".' });
			}
		}
		const settings: ArrangementSettings = {
			operation,
			dayOf: referenceDayPerItem(this),
			calendarOf: calendarPerItem('proposeOptions.extraDesignatedDays'),
			proposeOf,
			checkOf: valuePerItem(this, ['planField', 'reminderDays', 'graceDays'], (i) => ({
				planField: this.getNodeParameter('planField', i, 'arrangement.plan') as string,
				reminderDays: this.getNodeParameter('reminderDays', i, 3) as number,
				graceDays: this.getNodeParameter('graceDays', i, 0) as number,
			})),
		};
		const invalidOutput = routesInvalidItems(this, INVALID_OUTPUT_VERSION) ? 1 : undefined;
		return runPerItem(this, { outputCount: invalidOutput === undefined ? 1 : 2, invalidOutput }, (item, i) => ({
			output: 0,
			key: 'arrangement',
			value: arrangementOfItem(item.json, i, settings, fixedNorms),
		}));
	}
}
