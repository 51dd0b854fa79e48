/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- benchmarks run in plain Node, not inside n8n; REST answers are loose JSON */
/**
 * How many generated debtors the Data Table edition holds under n8n's Data Table limit
 * (N8N_DATA_TABLES_MAX_SIZE_BYTES, 200 MiB by default), and how much a day of the daily journey adds.
 *
 *   npm run bench:dt-limit                 the default limit (200 MiB)
 *   npm run bench:dt-limit -- --limit=50   another limit, in MiB
 *
 * Steps, in the pinned real n8n (`n8n start`, SQLite, n8n's defaults otherwise): "set up data tables";
 * 1,000 generated debtors (test/fixtures/portfolio, seed 2026, exported 2026-06-30) inserted into
 * sc_debtors; the daily journey run on 1 and 2 July 2026 (contact window off, as in the e2e tests)
 * and the size n8n counts (GET /rest/data-tables-global/limits, the figure its limit check uses)
 * read before and after; then more generated debtors inserted 1,000 at a time until n8n refuses an
 * insert with "Data table size limit exceeded". Printed: debtors held, bytes per debtor, bytes per
 * debtor and day of the journey, and what that leaves after a year of working days.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8N_VERSION, ownerEnv, packPackage, REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type WorkflowJson } from '../../scripts/n8nInstance';
import { N8nRest } from '../e2e/harness/rest';
import { generatePortfolio } from '../fixtures/portfolio';

const args = process.argv.slice(2);
const limitMiB = Number(args.find((arg) => arg.startsWith('--limit='))?.slice('--limit='.length) ?? 200);
const SEED = 2026;
const EXPORTED = '2026-06-30';
const DAYS = ['2026-07-01', '2026-07-02'];
const FIRST = 1000;
const BATCH = 1000;
/** Working days in a year (Mon-Fri less the Dutch holidays that fall on them). */
const WORKING_DAYS = 253;

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8')) as WorkflowJson;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The size n8n counts against its limit (all Data Tables of the instance). */
async function size(rest: N8nRest): Promise<number> {
	return (await rest.call<{ totalBytes: number }>('get', '/data-tables-global/limits')).totalBytes;
}

/** The journey on `day`, contact window off (the run is a replay, not at the planned moment). */
function dayJourney(wf: any, day: string): void {
	for (const node of wf.nodes) {
		if (node.name === 'Settings') {
			for (const assignment of node.parameters.assignments.assignments) {
				if (assignment.name === 'referenceDate') assignment.value = day;
				if (assignment.name === 'now') assignment.value = `${day}T08:00:00+02:00`;
			}
		}
		if (node.name === 'Send due messages') node.parameters.options = { ...node.parameters.options, contactWindow: false };
	}
}

async function main(): Promise<void> {
	console.log(`Data Table edition under a limit of ${limitMiB} MiB, n8n ${N8N_VERSION} (SQLite)`);
	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pack-')));
	const env: Record<string, string> = { ...ownerEnv(), EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false' };
	if (limitMiB !== 200) env.N8N_DATA_TABLES_MAX_SIZE_BYTES = String(limitMiB * 1024 * 1024);
	const n8n = await N8nInstance.create({ env, tarball });
	try {
		const journey = load('01-daily-collection-journey.json');
		await n8n.importWorkflows([load('00-setup-data-tables.json'), journey]);
		await n8n.start();
		const rest = await N8nRest.signIn(n8n);
		await rest.runManually('scSetupTables01', 'Run once');
		const empty = await size(rest);
		const portfolio = generatePortfolio({ seed: SEED, count: 100_000, referenceDate: EXPORTED });
		const next = (count: number) => {
			const rows: Array<Record<string, unknown>> = [];
			for (let i = 0; i < count; i++) {
				const { value, done } = portfolio.next();
				if (done) break;
				rows.push({ debtorId: value.record.debtorId, status: 'open', record: JSON.stringify(value.record) });
			}
			return rows;
		};
		const first = next(FIRST);
		await rest.insertRows('sc_debtors', first);
		const seeded = await size(rest);
		const perDebtor = (seeded - empty) / FIRST;
		const recordChars = first.reduce((sum, row) => sum + String(row.record).length, 0) / FIRST;
		console.log(`  ${FIRST} debtors: ${mib(seeded)} (${Math.round(perDebtor)} bytes per debtor; records of ${Math.round(recordChars)} characters on average)`);

		const perDay: number[] = [];
		for (const day of DAYS) {
			await rest.updateWorkflow(journey.id as string, (wf) => dayJourney(wf, day));
			const before = await size(rest);
			const logBefore = await rest.rowCount('sc_contact_log');
			const run = await rest.call<{ executionId: string }>('post', `/workflows/${journey.id}/run`, { triggerToStartFrom: { name: 'Run now (manual)' } });
			for (let status = 'running'; !['success', 'error', 'crashed', 'canceled'].includes(status); ) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				const found = (await rest.executions(journey.id as string)).find((e) => String(e.id) === String(run.executionId));
				// Manual runs are not saved here: a finished one is gone from the list.
				status = found ? found.status : (await rest.rowCount('sc_contact_log')) > logBefore ? 'success' : 'running';
				if (['error', 'crashed'].includes(status)) throw new Error(`journey on ${day} ended ${status}`);
			}
			const after = await size(rest);
			perDay.push((after - before) / FIRST);
			console.log(`  journey on ${day}: +${mib(after - before)} (${Math.round((after - before) / FIRST)} bytes per debtor), ${(await rest.rowCount('sc_contact_log')) - logBefore} contact-log rows`);
		}

		let held = FIRST;
		let refusal = '';
		for (;;) {
			const rows = next(BATCH);
			if (!rows.length) throw new Error('the portfolio ran out before the limit');
			try {
				await rest.insertRows('sc_debtors', rows);
				held += rows.length;
				if (held % 5000 === 0) console.log(`  ${held} debtors: ${mib(await size(rest))}`);
			} catch (error) {
				refusal = (error as Error).message;
				break;
			}
		}
		const full = await size(rest);
		const dayBytes = perDay.reduce((a, b) => a + b, 0) / perDay.length;
		const limit = limitMiB * 1024 * 1024;
		const afterYear = Math.floor((limit - empty) / (perDebtor + dayBytes * WORKING_DAYS));
		console.log(`
Data Table edition, limit ${limitMiB} MiB (N8N_DATA_TABLES_MAX_SIZE_BYTES), n8n ${N8N_VERSION}, SQLite:
  debtors held at the start        ${held} (insert of the next ${BATCH} refused at ${mib(full)}: ${refusal.slice(0, 200)})
  bytes per debtor (seeded)        ${Math.round(perDebtor)}
  bytes per debtor and journey day ${Math.round(dayBytes)} (mean of ${DAYS.join(', ')})
  debtors with a year of journeys  ${afterYear} (${WORKING_DAYS} working days of contact log and contacts)`);
	} finally {
		await n8n.dispose();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
