/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm run demo [-- <file.html>]`: runs the demo workflow (workflows/08-demo.json) in the pinned real
 * n8n and writes its outbox report, the binary `report` of the node "Outbox report", to a file
 * (default .test-results/demo/outbox.html). The n8n runs in a throwaway user folder with the freshly
 * built package installed, through `n8n execute` (the demo keeps no state, so it needs no Data
 * Tables and no running server); nothing is sent: the demo uses the sandbox channel.
 *
 * The e2e test test/e2e/demoReport.test.ts runs this same function and opens the page in Chromium.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nInstance, type RunResult, type WorkflowJson } from './n8nInstance';
import { packPackage, REPO_ROOT } from './runtime';

export const DEMO_WORKFLOW = path.join(REPO_ROOT, 'workflows', '08-demo.json');
export const DEFAULT_REPORT = path.join(REPO_ROOT, '.test-results', 'demo', 'outbox.html');
const REPORT_NODE = 'Outbox report';

export interface DemoOptions {
	/** Where to write the page (default .test-results/demo/outbox.html). */
	out?: string;
	/** The day to run the demo for (yyyy-mm-dd); default: today, as the shipped workflow does. */
	referenceDate?: string;
	/** An already packed package (default: pack the built dist/ now). */
	tarball?: string;
}

export interface DemoResult {
	file: string;
	html: string;
	/** The JSON of the report item (segments, messagesByChannel, sent, skipped, ...). */
	report: Record<string, unknown>;
	run: RunResult;
}

interface BinaryRef {
	data?: string;
	id?: string;
	mimeType?: string;
	fileName?: string;
}

/**
 * The bytes of a binary property of a finished CLI run: inline (base64) in n8n's in-memory mode, or
 * a file under the user folder in its filesystem mode ("filesystem-v2:<path>").
 */
function binaryBytes(n8n: N8nInstance, binary: BinaryRef): Buffer {
	if (binary.id) {
		const [mode, relative] = binary.id.split(/:(.*)/s);
		if (!mode.startsWith('filesystem') || !relative) throw new Error(`binary data in mode "${mode}" cannot be read from the user folder`);
		return fs.readFileSync(path.join(n8n.userFolder, '.n8n', 'binaryData', relative));
	}
	if (typeof binary.data !== 'string') throw new Error('the binary report carries neither data nor an id');
	return Buffer.from(binary.data, 'base64');
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
	const file = path.resolve(options.out ?? DEFAULT_REPORT);
	const tarball = options.tarball ?? packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pack-')));
	const n8n = await N8nInstance.create({ tarball });
	try {
		const workflow = JSON.parse(fs.readFileSync(DEMO_WORKFLOW, 'utf8')) as WorkflowJson;
		if (options.referenceDate) setReferenceDate(workflow, options.referenceDate);
		const id = await n8n.importWorkflow(workflow);
		const run = await n8n.execute(id);
		const error = run.raw.data.resultData.error as { message?: string } | undefined;
		if (error) throw new Error(`the demo workflow failed: ${error.message ?? JSON.stringify(error).slice(0, 500)}`);
		const item = run.raw.data.resultData.runData[REPORT_NODE]?.[0]?.data?.main?.[0]?.[0] as { json: Record<string, unknown>; binary?: Record<string, BinaryRef> } | undefined;
		if (!item?.binary?.report) throw new Error(`node "${REPORT_NODE}" produced no binary "report"; nodes that ran: ${run.nodeNames().join(', ')}`);
		const bytes = binaryBytes(n8n, item.binary.report);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, bytes);
		return { file, html: bytes.toString('utf8'), report: item.json, run };
	} finally {
		await n8n.dispose();
	}
}

/** Fixes the demo's day in its Settings node (the shipped workflow uses today). */
function setReferenceDate(workflow: WorkflowJson, day: string): void {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`reference date "${day}" is not yyyy-mm-dd`);
	const settings = workflow.nodes.find((node) => node.name === 'Settings') as { parameters: { assignments: { assignments: Array<{ name: string; value: unknown }> } } } | undefined;
	const assignment = settings?.parameters.assignments.assignments.find((a) => a.name === 'referenceDate');
	if (!assignment) throw new Error('the demo workflow has no Settings > referenceDate');
	assignment.value = day;
}

if (require.main === module) {
	const args = process.argv.slice(2);
	if (args.some((arg) => arg === '-h' || arg === '--help')) {
		console.log('usage: npm run demo [-- <report.html>] [--date=yyyy-mm-dd]');
		process.exit(0);
	}
	const referenceDate = args.find((arg) => arg.startsWith('--date='))?.slice('--date='.length);
	const out = args.find((arg) => !arg.startsWith('--'));
	runDemo({ out, referenceDate }).then(
		({ file, report }) => {
			console.log(`\n  Outbox report of ${String(report.referenceDate)}: ${String(report.debtors)} debtors, ${String(report.sent)} sandbox messages ${JSON.stringify(report.messagesByChannel)}`);
			console.log(`  Written to ${file}\n  Open it in a browser: file://${file}\n`);
		},
		(error: Error) => {
			console.error(`demo failed: ${error.message}`);
			process.exit(1);
		},
	);
}
