/**
 * Small builders for test workflows, so e2e tests read as "trigger -> node -> node" instead of JSON.
 * Node types of this package use the prefix n8n gives an installed community package.
 */
import type { WorkflowJson } from './n8n';

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

/** A Code node that emits the given JSON objects as items. */
export const emitItems = (name: string, items: unknown[]): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
});

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
export function workflow(name: string, nodes: NodeSpec[], links: Array<[string, string, number?]>, id?: string): WorkflowJson {
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (const [from, to, output = 0] of links) {
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
