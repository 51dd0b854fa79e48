/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * Static checks of the shipped workflows (workflows/*.json): they parse, are written by the builder
 * (no hand edits drifting away), name every node once, connect only existing nodes, use only node
 * types this package ships (with the package prefix, never CUSTOM.), explain themselves with sticky
 * notes, carry no secrets or pinned data, and send through the sandbox by default.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import manifest from '../../../package.json';
import { workflowFiles } from '../../../build/workflows';
import { WORKFLOWS } from '../../../workflows/src';
import { NODE_VERSIONS } from '../../../workflows/src/canvas';
import { POSTGRES_CREDENTIAL } from '../../../workflows/src/postgres';
import { ChannelSender } from '../../../nodes/ChannelSender/ChannelSender.node';
import { CollectionCosts } from '../../../nodes/CollectionCosts/CollectionCosts.node';
import { DebtorSegmenter } from '../../../nodes/DebtorSegmenter/DebtorSegmenter.node';
import { DeliveryStatusTrigger } from '../../../nodes/DeliveryStatusTrigger/DeliveryStatusTrigger.node';
import { ErpIntakeTrigger } from '../../../nodes/ErpIntakeTrigger/ErpIntakeTrigger.node';
import { JourneyPlanner } from '../../../nodes/JourneyPlanner/JourneyPlanner.node';
import { PaydayScheduler } from '../../../nodes/PaydayScheduler/PaydayScheduler.node';
import { PaymentArrangement } from '../../../nodes/PaymentArrangement/PaymentArrangement.node';
import { ToneTemplate } from '../../../nodes/ToneTemplate/ToneTemplate.node';
import { evaluateOutputs } from '../../nodes/harness';

const DIR = path.resolve(__dirname, '../../../workflows');
const FILES = fs.readdirSync(DIR).filter((file) => file.endsWith('.json')).sort();
const PREFIX = 'n8n-nodes-social-collections.';

interface Node {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}
interface Workflow {
	id: string;
	name: string;
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings: Record<string, unknown>;
	pinData?: unknown;
}
const read = (file: string): Workflow => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

/** The package's nodes by type name, to read their descriptions. */
const NODES: Record<string, INodeType> = Object.fromEntries(
	[new ChannelSender(), new CollectionCosts(), new DebtorSegmenter(), new DeliveryStatusTrigger(), new ErpIntakeTrigger(), new JourneyPlanner(), new PaydayScheduler(), new PaymentArrangement(), new ToneTemplate()].map((node) => [
		node.description.name,
		node,
	]),
);

/** A node's defaults for the parameters a shipped node leaves out, as the editor fills them. */
function withDefaults(type: INodeType, parameters: Record<string, unknown>): Record<string, unknown> {
	const defaults = Object.fromEntries(type.description.properties.map((property) => [property.name, property.default]));
	return { ...defaults, ...parameters };
}

/** Node type names of this package, from the built entries listed in package.json (file name = class). */
const OUR_TYPES = new Set(
	(manifest.n8n.nodes as string[]).map((entry) => {
		const className = path.basename(entry, '.node.js');
		return PREFIX + className.charAt(0).toLowerCase() + className.slice(1);
	}),
);

describe('shipped workflows (static)', () => {
	test('the expected workflows are there, each written by the builder', () => {
		expect(FILES).toEqual(Object.keys(WORKFLOWS).sort());
		for (const [file, text] of Object.entries(workflowFiles())) {
			expect([file, fs.readFileSync(path.join(DIR, file), 'utf8') === text]).toEqual([file, true]);
		}
	});

	test('workflow ids are fixed and unique, node ids unique', () => {
		const ids = FILES.map((file) => read(file).id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{10,20}$/);
		const nodeIds = FILES.flatMap((file) => read(file).nodes.map((node) => node.id));
		expect(new Set(nodeIds).size).toBe(nodeIds.length);
	});

	describe.each(FILES)('%s', (file) => {
		const wf = read(file);
		const names = wf.nodes.map((node) => node.name);

		test('settings: v1 execution order, Amsterdam time, no pinned data', () => {
			expect(wf.settings.executionOrder).toBe('v1');
			expect(wf.settings.timezone).toBe('Europe/Amsterdam');
			expect(wf.pinData).toBeUndefined();
		});

		test('node names are unique and every connection points to an existing node', () => {
			expect(new Set(names).size).toBe(names.length);
			for (const [from, entry] of Object.entries(wf.connections)) {
				expect(names).toContain(from);
				for (const output of entry.main) for (const link of output) expect([from, names.includes(link.node)]).toEqual([from, true]);
			}
		});

		test('every node except triggers and sticky notes is reached', () => {
			const targets = new Set(Object.values(wf.connections).flatMap((entry) => entry.main.flat().map((link) => link.node)));
			for (const node of wf.nodes) {
				// The Webhook node is a trigger too, though its type does not say so.
				if (node.type === 'n8n-nodes-base.stickyNote' || /trigger/i.test(node.type) || node.type === 'n8n-nodes-base.webhook') continue;
				expect([node.name, targets.has(node.name)]).toEqual([node.name, true]);
			}
		});

		test('our node types carry the package prefix and exist in package.json', () => {
			for (const node of wf.nodes) {
				expect(node.type.startsWith('CUSTOM.')).toBe(false);
				if (node.type.startsWith(PREFIX)) expect(OUR_TYPES).toContain(node.type);
				else expect(node.type).toMatch(/^n8n-nodes-base\./);
			}
		});

		test('sticky notes explain the workflow', () => {
			const notes = wf.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			expect(notes.length).toBeGreaterThanOrEqual(1);
			expect(String(notes[0].parameters.content)).toMatch(/^## /);
		});

		test('no secrets: no credentials filled in, no keys or passwords in parameters', () => {
			// A Postgres node may name the credential start:scale creates (a reference: id and name, no data).
			for (const node of wf.nodes) expect([node.name, node.credentials ?? 'none']).toEqual([node.name, node.type === 'n8n-nodes-base.postgres' ? { postgres: POSTGRES_CREDENTIAL } : 'none']);
			const text = JSON.stringify(wf.nodes.map((node) => node.parameters));
			expect(text).not.toMatch(/(api[_-]?key|secret|password|token)"\s*:\s*"[^"]/i);
			expect(text).not.toMatch(/\b(sk_live|SG\.|key-[0-9a-f]{32}|AC[0-9a-f]{32})/);
		});

		test('the Channel Sender stays on the sandbox: no provider is chosen', () => {
			for (const node of wf.nodes.filter((n) => n.type === `${PREFIX}channelSender`)) {
				for (const key of ['emailProvider', 'smsProvider', 'whatsappProvider', 'letterProvider', 'phoneProvider']) {
					expect([node.name, key, node.parameters[key] ?? 'sandbox']).toEqual([node.name, key, 'sandbox']);
				}
				expect(node.parameters.dryRun ?? false).toBe(false);
			}
		});
	});

	test.each(['04-flex-collection-date.json', '05-payment-arrangement.json'])('%s: the window stays on the real clock, held confirmations go at 07:00, the pages read the saved record', (file) => {
		const wf = read(file);
		const senders = wf.nodes.filter((node) => node.type === `${PREFIX}channelSender`);
		expect(senders.map((node) => node.name)).toEqual(['Send confirmation', 'Send held confirmation']);
		for (const sender of senders) {
			const options = sender.parameters.options as Record<string, unknown>;
			expect([sender.name, options.contactWindow ?? true, options.now ?? '']).toEqual([sender.name, true, '']);
		}
		const schedule = wf.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger')!;
		expect(JSON.stringify(schedule.parameters)).toContain('0 7 * * 1-6');
		const pages = wf.nodes.filter((node) => node.type === 'n8n-nodes-base.form' && node.parameters.operation === 'completion');
		for (const page of pages) expect([page.name, String(page.parameters.completionMessage)]).toEqual([page.name, expect.not.stringContaining("$('Send")]);
		const saved = pages.find((page) => /agreed|saved/.test(page.name))!;
		expect(String(saved.parameters.completionMessage)).toMatch(/\$\('Saved (preference|arrangement)'\)\.first\(\)\.json\.record/);
	});

	test('the workflows use each node of the package in the version a new node gets (NODE_VERSIONS)', () => {
		expect(Object.keys(NODE_VERSIONS).sort()).toEqual(Object.keys(NODES).sort());
		for (const [name, node] of Object.entries(NODES)) {
			const { version, defaultVersion } = node.description;
			expect([name, NODE_VERSIONS[name]]).toEqual([name, defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version)]);
		}
		for (const file of FILES) {
			for (const node of read(file).nodes.filter((n) => n.type.startsWith(PREFIX))) {
				expect([file, node.name, node.typeVersion]).toEqual([file, node.name, NODE_VERSIONS[node.type.slice(PREFIX.length)]]);
			}
		}
	});

	test('no run fails because of one debtor: every Invalid output is wired, to a contact-log row and a task to correct the record', () => {
		let wired = 0;
		for (const file of FILES) {
			const wf = read(file);
			for (const node of wf.nodes.filter((n) => n.type.startsWith(PREFIX))) {
				const type = NODES[node.type.slice(PREFIX.length)];
				if (type.description.group.includes('trigger')) continue;
				const outputs = evaluateOutputs(type, node.typeVersion, withDefaults(type, node.parameters));
				const invalid = outputs.indexOf('Invalid');
				if (invalid === -1) {
					// Only by choice: set to stop, and then on error the item goes on.
					expect([file, node.name, node.parameters.invalidRecords, (node as { onError?: string }).onError]).toEqual([file, node.name, 'fail', 'continueRegularOutput']);
					continue;
				}
				const targets = (wf.connections[node.name]?.main[invalid] ?? []).map((link) => link.node).sort();
				wired++;
				if (file === '08-demo.json') {
					// The demo has no Data Tables: its report lists the record with the field at fault.
					expect([node.name, targets]).toEqual([node.name, ['Collect everything']]);
					continue;
				}
				if (/Check the whole record$/.test(node.name)) {
					// The record loop's check before a write: a refused record leaves the loop as not written.
					expect([file, node.name, targets.length]).toEqual([file, node.name, 1]);
					continue;
				}
				expect([file, node.name, targets]).toEqual([file, node.name, [`Log: invalid record (${node.name})`, `Task: correct record (${node.name})`]]);
				const log = wf.nodes.find((n) => n.name === `Log: invalid record (${node.name})`)!;
				expect(JSON.stringify(log.parameters)).toContain('\\"decision\\": \\"invalid\\"');
				expect(JSON.stringify(log.parameters)).toContain('$json.error?.problems?.[0]');
			}
		}
		expect(wired).toBeGreaterThanOrEqual(20);
	});

	test('the daily journey has a schedule on working days and a manual start feeding the same chain', () => {
		const wf = read('01-daily-collection-journey.json');
		const schedule = wf.nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger')!;
		expect(JSON.stringify(schedule.parameters)).toContain('0 8 * * 1-5');
		const manual = wf.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
		expect(wf.connections[schedule.name].main[0][0].node).toBe('Settings');
		expect(wf.connections[manual.name].main[0][0].node).toBe('Settings');
		// The legal window stays enforced in the shipped daily journey.
		const sender = wf.nodes.find((node) => node.type === `${PREFIX}channelSender`)!;
		expect((sender.parameters.options as Record<string, unknown>).contactWindow ?? true).toBe(true);
	});
});
