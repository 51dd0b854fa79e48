/**
 * Small builders for test workflows, so e2e tests read as "trigger -> node -> node" instead of JSON.
 * Node types of this package use the prefix n8n gives an installed community package.
 */
import type { WorkflowJson } from '../../../scripts/n8nInstance';

export const PACKAGE_PREFIX = 'n8n-nodes-social-collections';

export interface NodeSpec {
	name: string;
	type: string;
	typeVersion: number;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
}

export const manualTrigger = (name = 'Start'): NodeSpec => ({ name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1 });

/**
 * Nodes that emit the given JSON objects as items: a Set node holding the list and a Split Out node
 * making items of it (named `name`; connect into `${name} (list)`). No Code node: the CLI's run data
 * is printed on stdout, and a task runner printing there too could interleave with it.
 */
export const emitItems = (name: string, items: unknown[]): NodeSpec[] => [
	{
		name: `${name} (list)`,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items }), options: {} },
	},
	{
		name,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
	},
];

export const ourNode = (name: string, nodeName: string, parameters: Record<string, unknown> = {}): NodeSpec => ({
	name,
	type: `${PACKAGE_PREFIX}.${nodeName}`,
	typeVersion: 1,
	parameters,
});

export const noOp = (name: string): NodeSpec => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1 });

/**
 * A workflow from nodes and connections written as [from, to, fromOutput?]. Positions are laid out
 * left to right so the workflow also opens readably in the editor.
 */
export function workflow(name: string, specs: Array<NodeSpec | NodeSpec[]>, links: Array<[string, string, number?]>, id?: string): WorkflowJson {
	const nodes = specs.flat();
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	const names = new Set(nodes.map((node) => node.name));
	const allLinks = links.map(([from, to, output]): [string, string, number?] =>
		// A link into an emitItems group goes to its list node; the group links itself internally.
		names.has(`${to} (list)`) ? [from, `${to} (list)`, output] : [from, to, output],
	);
	for (const node of nodes) if (names.has(`${node.name} (list)`)) allLinks.push([`${node.name} (list)`, node.name]);
	for (const [from, to, output = 0] of allLinks) {
		const entry = (connections[from] ??= { main: [] });
		while (entry.main.length <= output) entry.main.push([]);
		entry.main[output].push({ node: to, type: 'main', index: 0 });
	}
	return {
		...(id ? { id } : {}),
		name,
		nodes: nodes.map((node, index) => ({
			id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
			position: [index * 240, (index % 2) * 120],
			parameters: {},
			...node,
		})),
		connections,
		settings: { executionOrder: 'v1' },
	};
}
