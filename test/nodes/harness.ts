/**
 * Runs a node's execute() with a mocked IExecuteFunctions: items in, outputs out, parameters from a
 * plain object (with defaults from the node's own description, as n8n fills them), and n8n's rule
 * that an expression parameter (a string starting with "=") is evaluated per item.
 */
import { mock } from 'jest-mock-extended';
import type { IExecuteFunctions, INode, INodeExecutionData, INodeType, IDataObject } from 'n8n-workflow';

export interface RunOptions {
	parameters?: Record<string, unknown>;
	continueOnFail?: boolean;
	timezone?: string;
	/** Per-item values for parameters given as expressions (name -> value per item index). */
	perItem?: Record<string, (itemIndex: number) => unknown>;
}

export async function runNode(node: INodeType, items: IDataObject[], options: RunOptions = {}): Promise<INodeExecutionData[][]> {
	const ctx = mock<IExecuteFunctions>();
	const parameters = options.parameters ?? {};
	const defaults = Object.fromEntries(node.description.properties.map((property) => [property.name, property.default]));
	const nodeData = mock<INode>({ name: node.description.defaults.name ?? 'Node', typeVersion: 1, parameters: { ...parameters } as never });
	ctx.getNode.mockReturnValue(nodeData);
	ctx.getInputData.mockReturnValue(items.map((json) => ({ json })));
	ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	ctx.getTimezone.mockReturnValue(options.timezone ?? 'Europe/Amsterdam');
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
