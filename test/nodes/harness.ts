/**
 * Runs a node's execute() with a mocked IExecuteFunctions: items in, outputs out, parameters from a
 * plain object (with defaults from the node's own description, as n8n fills them), and n8n's rule
 * that an expression parameter (a string starting with "=") is evaluated per item.
 */
import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, INode, INodeExecutionData, INodeProperties, INodeType, IDataObject, NodeExecutionHint } from 'n8n-workflow';

export interface RunOptions {
	parameters?: Record<string, unknown>;
	continueOnFail?: boolean;
	timezone?: string;
	/** Per-item values for parameters given as expressions (name -> value per item index). */
	perItem?: Record<string, (itemIndex: number) => unknown>;
	/** The node version the workflow saved (default 1); parameter defaults follow it, as in n8n. */
	typeVersion?: number;
	/** Collects the hints the node shows in the editor's output pane (addExecutionHints). */
	hints?: NodeExecutionHint[];
}

/**
 * Whether a property is shown in node version `version`, by its `@version` display option (numbers, or
 * conditions like `{ _cnd: { gte: 2 } }`, the forms this package uses). Only versions decide here.
 */
export function shownInVersion(property: INodeProperties, version: number): boolean {
	const wanted = property.displayOptions?.show?.['@version'] as unknown[] | undefined;
	if (wanted === undefined) return true;
	return wanted.some((entry) => {
		if (typeof entry === 'number') return entry === version;
		const condition = (entry as { _cnd?: Record<string, number> })._cnd ?? {};
		return Object.entries(condition).every(([operator, value]) =>
			operator === 'gte' ? version >= value : operator === 'gt' ? version > value : operator === 'lte' ? version <= value : operator === 'lt' ? version < value : operator === 'eq' ? version === value : false,
		);
	});
}

export async function runNode(node: INodeType, items: IDataObject[], options: RunOptions = {}): Promise<INodeExecutionData[][]> {
	const ctx = mock<IExecuteFunctions>();
	const parameters = options.parameters ?? {};
	const typeVersion = options.typeVersion ?? 1;
	const defaults = Object.fromEntries(node.description.properties.filter((property) => shownInVersion(property, typeVersion)).map((property) => [property.name, property.default]));
	const nodeData = mock<INode>({ name: node.description.defaults.name ?? 'Node', typeVersion, parameters: { ...parameters } as never });
	ctx.getNode.mockReturnValue(nodeData);
	ctx.getInputData.mockReturnValue(items.map((json) => ({ json })));
	ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	ctx.getTimezone.mockReturnValue(options.timezone ?? 'Europe/Amsterdam');
	ctx.addExecutionHints.mockImplementation((...hints) => void options.hints?.push(...hints));
	ctx.getNodeParameter.mockImplementation(((name: string, itemIndex: number, fallback?: unknown) => {
		if (options.perItem?.[name]) return options.perItem[name](itemIndex);
		if (name in parameters) return parameters[name];
		if (name in defaults) return defaults[name];
		return fallback;
	}) as never);
	return (await node.execute!.call(ctx)) as INodeExecutionData[][];
}

/** Every output item's `pairedItem.item`, per output. */
export function pairedIndexes(outputs: INodeExecutionData[][]): number[][] {
	return outputs.map((items) => items.map((item) => (item.pairedItem as { item: number }).item));
}

/**
 * The output names a node's outputs expression gives in the editor, for a node `version` and its
 * parameters (evaluated with $nodeVersion and $parameter, as n8n does); '' for an unnamed output.
 */
export function evaluateOutputs(node: INodeType, version: number, parameters: Record<string, unknown>): string[] {
	const expression = node.description.outputs;
	if (typeof expression !== 'string') return expression.map((output) => (typeof output === 'string' ? '' : (output.displayName ?? '')));
	if (!expression.startsWith('={{') || !expression.endsWith('}}')) throw new Error(`not an expression: ${expression}`);
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the description's own expression, evaluated as the editor does
	const evaluate = new Function('$nodeVersion', '$parameter', `return ${expression.slice(3, -2)};`) as (version: number, parameters: object) => unknown[];
	return evaluate(version, parameters).map((output) => (typeof output === 'string' ? '' : String((output as { displayName?: string }).displayName ?? '')));
}
