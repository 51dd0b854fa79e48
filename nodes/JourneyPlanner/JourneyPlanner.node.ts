import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import type { Language } from '../shared/debtor/model';
import { LadderError, parseLadders, type Ladders } from '../shared/journey/ladders';
import { calendarPerItem } from '../shared/n8n/calendar';
import { INVALID_OUTPUT_VERSION, outputsWithInvalid } from '../shared/n8n/descriptions';
import { routesInvalidItems, runPerItem } from '../shared/n8n/items';
import { parameterPerItem, parametersReadItem } from '../shared/n8n/parameters';
import { referenceDayPerItem } from '../shared/n8n/referenceDay';
import { journeyPlannerProperties } from './description';
import { journeyOfItem, type PlannerOptions } from './item';

/**
 * Output list for the chosen routing. Serialised into the description as an expression, so it must
 * be self-contained: n8n evaluates it in the editor to draw the outputs.
 */
const configuredOutputs = (parameters: { routing?: string }) =>
	((parameters.routing || 'single') === 'split' ? ['Step Due', 'No Step'] : ['Journey']).map((name) => ({ type: 'main', displayName: name }));

export { configuredOutputs as journeyPlannerOutputs };

/** Ladders from the parameter, or the error to report. */
function laddersFrom(value: unknown): Ladders | LadderError {
	try {
		return parseLadders(typeof value === 'string' && value.trim() === '' ? undefined : value);
	} catch (error) {
		if (error instanceof LadderError) return error;
		return new LadderError([{ path: '(json)', message: error instanceof Error ? error.message : String(error) }]);
	}
}

export class JourneyPlanner implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Journey Planner',
		name: 'journeyPlanner',
		icon: { light: 'file:journeyPlanner.svg', dark: 'file:journeyPlanner.dark.svg' },
		group: ['transform'],
		// 2: records it cannot use leave on an "Invalid" output by default (1 stopped the run).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{"next step per persona ladder"}}',
		description:
			'Decides the next step of each debtor\'s collection journey from the segmentation and history, within the legal gates, with the reasons',
		defaults: { name: 'Journey Planner' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsWithInvalid(configuredOutputs, INVALID_OUTPUT_VERSION),
		properties: journeyPlannerProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const split = (this.getNodeParameter('routing', 0, 'single') as string) === 'split';
		const language = this.getNodeParameter('language', 0, 'nl') as Language;
		const laddersPerItem = parametersReadItem(this, ['ladders']);
		const fixed = laddersFrom(this.getNodeParameter('ladders', 0, '{}'));
		if (!laddersPerItem && fixed instanceof LadderError) {
			throw new NodeOperationError(node, fixed.message, { description: 'Fix the JSON under "Ladders". The docs list every step setting.' });
		}
		const ladders = laddersPerItem
			? (i: number) => {
					const parsed = laddersFrom(this.getNodeParameter('ladders', i, '{}'));
					if (parsed instanceof LadderError) throw new NodeOperationError(node, parsed.message, { itemIndex: i });
					return parsed;
				}
			: () => fixed as Ladders;
		const settings = {
			dayOf: referenceDayPerItem(this),
			calendarOf: calendarPerItem('options.extraDesignatedDays'),
			language,
			ladders,
			pauseDaysOf: parameterPerItem<number>(this, 'debtHelpPauseDays', 30),
			optionsOf: parameterPerItem<PlannerOptions>(this, 'options', {}),
		};
		const outputCount = split ? 2 : 1;
		const invalidOutput = routesInvalidItems(this, INVALID_OUTPUT_VERSION) ? outputCount : undefined;
		return runPerItem(this, { outputCount: outputCount + (invalidOutput === undefined ? 0 : 1), invalidOutput }, (item, i) => {
			const journey = journeyOfItem(item.json, i, settings);
			return { output: split && journey.action !== 'step' ? 1 : 0, key: 'journey', value: journey };
		});
	}
}
