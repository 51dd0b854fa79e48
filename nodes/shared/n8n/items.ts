/**
 * The per-item loop every node of the package shares: read each input item, let the node's domain
 * code produce a result, and account for every item on exactly one output. A failing item goes to
 * the node's "Invalid" output when it has one, is passed on with its error when the node is set to
 * continue on fail, or stops the node with an error naming the item index, the debtor and the field.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { DebtorValidationError, debtorIdOf } from '../debtor/validate';

/** An error in one item that a user can fix: names the field at fault and, where known, the debtor. */
export class ItemError extends Error {
	readonly field?: string;

	constructor(message: string, field?: string) {
		super(message);
		this.name = 'ItemError';
		this.field = field;
	}
}

/**
 * `compute()`, with whatever it throws turned into an ItemError naming `field`: the domain says what
 * is wrong, the n8n layer says where. Thrown outside the catch, since n8n's linter allows only its own
 * errors to be thrown there.
 */
export function inField<T>(field: string, compute: () => T): T {
	let problem: unknown;
	try {
		return compute();
	} catch (error) {
		problem = error;
	}
	throw new ItemError(problem instanceof Error ? problem.message : String(problem), field);
}

export interface ItemResult {
	/** Index of the output the item leaves on (0 when the node has one output). */
	output: number;
	/** Key under which the node's result is added (e.g. `segmentation`) and the result itself. */
	key: string;
	value: unknown;
}

export interface PerItemOptions {
	outputCount: number;
	/** Output for items that failed, when the node has one (and it is switched on). */
	invalidOutput?: number;
	/** Output a failed item takes with its error when the node continues on fail (default: the first). */
	continueOutput?: number;
}

/**
 * Whether items that fail go to the node's "Invalid" output: from node version `sinceVersion` on,
 * unless its "Invalid Records" setting says to stop. Older versions had no such output: they stop
 * (or continue on fail), as they always did.
 */
export function routesInvalidItems(ctx: IExecuteFunctions, sinceVersion = 1): boolean {
	if (ctx.getNode().typeVersion < sinceVersion) return false;
	return (ctx.getNodeParameter('invalidRecords', 0, 'route') as string) === 'route';
}

/** The error details added to an item that could not be processed; no values, so no personal data. */
function describeItemError(error: Error, itemIndex: number, item: INodeExecutionData): IDataObject {
	// The message names item, debtor and field, whatever error it came from.
	const details: IDataObject = { message: withItemContext(error, itemIndex, item), itemIndex };
	const debtorId = debtorIdOf(item.json);
	if (debtorId) details.debtorId = debtorId;
	if (error instanceof DebtorValidationError) {
		details.field = error.field;
		details.problems = error.problems.map((problem) => ({ ...problem }));
	} else if (fieldOf(error)) {
		// One problem, as a schema check reports them: the field and the reason without item context.
		details.field = fieldOf(error);
		details.problems = [{ field: fieldOf(error), message: error.message }];
	}
	return details;
}

/** Domain errors that know the field at fault carry it as `field` (ItemError, FeatureError, ...). */
function fieldOf(error: Error): string | undefined {
	const field = (error as { field?: unknown }).field;
	return typeof field === 'string' && field ? field : undefined;
}

function withItemContext(error: Error, itemIndex: number, item: INodeExecutionData): string {
	if (error instanceof DebtorValidationError) return error.message;
	const debtorId = debtorIdOf(item.json);
	const field = fieldOf(error) ? `field "${fieldOf(error)}" ` : '';
	return `Item ${itemIndex}${debtorId ? ` (debtor ${debtorId})` : ''}: ${field}${error.message}`;
}

/**
 * Accounts for an item that failed: onto the Invalid output with the error details, or, when the
 * node continues on fail, onto `continueOutput` with the error; otherwise the node stops with an
 * error naming the item, the debtor and the field. The one rule for every node.
 */
export function routeFailedItem(
	ctx: IExecuteFunctions,
	outputs: INodeExecutionData[][],
	options: Pick<PerItemOptions, 'invalidOutput' | 'continueOutput'>,
	item: INodeExecutionData,
	i: number,
	caught: unknown,
): void {
	const error = caught instanceof Error ? caught : new Error(String(caught));
	if (options.invalidOutput !== undefined) {
		outputs[options.invalidOutput].push({
			json: { ...item.json, error: describeItemError(error, i, item) },
			pairedItem: { item: i },
		});
	} else if (ctx.continueOnFail()) {
		// n8n moves items with an `error` to the error output when the node is set to do so.
		outputs[options.continueOutput ?? 0].push({
			json: { ...item.json, error: withItemContext(error, i, item), errorDetails: describeItemError(error, i, item) },
			pairedItem: { item: i },
		});
	} else if (error instanceof NodeOperationError) {
		throw error;
	} else {
		throw new NodeOperationError(ctx.getNode(), withItemContext(error, i, item), {
			itemIndex: i,
			description:
				error instanceof DebtorValidationError
					? error.problems.map((problem) => `${problem.field}: ${problem.message}`).join('\n')
					: undefined,
		});
	}
}

/**
 * Runs `handle` for every input item and returns one array per output. Items keep all their JSON;
 * the node's result is added under its key. Every output item carries `pairedItem`.
 */
export function runPerItem(
	ctx: IExecuteFunctions,
	options: PerItemOptions,
	handle: (item: INodeExecutionData, itemIndex: number) => ItemResult,
): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const outputs: INodeExecutionData[][] = Array.from({ length: options.outputCount }, () => []);
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		try {
			const result = handle(item, i);
			// Copy, then add the result: a computed key inside the literal ({ ...json, [key]: value })
			// takes V8's slow path, about 3% of a Debtor Segmenter run.
			const json: IDataObject = { ...item.json };
			json[result.key] = result.value as IDataObject;
			// A plain literal (no spread of a maybe-empty object): one shape for every output item.
			const out: INodeExecutionData = { json, pairedItem: { item: i } };
			if (item.binary) out.binary = item.binary;
			outputs[result.output].push(out);
		} catch (caught) {
			routeFailedItem(ctx, outputs, options, item, i, caught);
		}
	}
	return outputs;
}
