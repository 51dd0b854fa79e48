/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * The debtor check on its own: records per second through validateDebtor for valid records (the
 * generated fast check and the business rules) and for records with one broken field (the fast
 * check refuses, the generated report lists and words every problem), and the cost of the very
 * first refused record in a process (ajv compiled its validator there until issue 24; now nothing is
 * compiled). Bundled as the nodes bundle it. Figures only; nothing is asserted.
 *   npm run bench -- debtorValidation      or: node --expose-gc --import tsx test/bench/debtorValidation.ts [count]
 */
import type { DebtorRecord } from '../../nodes/shared/debtor/model';
import { recordRng } from '../fixtures/portfolio';
import { bundledModule, fmt, measure, portfolioItems, rate } from './lib';

interface Domain {
	validateDebtor: typeof import('../../nodes/shared/debtor/validate').validateDebtor;
}

/** The record with one field broken: a wrong type, an impossible date, a value outside its list, a malformed e-mail. */
function broken(record: DebtorRecord, pick: number): Record<string, unknown> {
	const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown> & { claims: Array<Record<string, unknown>>; contact?: Record<string, unknown> };
	if (pick === 0) copy.iban = 7;
	else if (pick === 1) copy.claims[0].dueDate = '2026-13-45';
	else if (pick === 2) copy.language = 'dutch';
	else (copy.contact ??= {}).email = 'not an address';
	return copy;
}

async function main(): Promise<void> {
	const count = Number(process.argv[2]) || 10_000;
	const domain = bundledModule<Domain>('test/bench/entries/validation.ts');
	const records = portfolioItems(count).map((item) => item.json as unknown as DebtorRecord);
	const rng = recordRng(20261207, 0);
	const invalid = records.map((record) => broken(record, rng.int(0, 3)));
	const cpu = process.cpuUsage();
	const firstProblems = domain.validateDebtor(invalid[0]).length;
	const first = process.cpuUsage(cpu);
	const valid = await measure(count, () => records.reduce((problems, record) => problems + domain.validateDebtor(record).length, 0));
	const refused = await measure(count, () => invalid.reduce((problems, record) => problems + domain.validateDebtor(record).length, 0));
	console.log(
		[
			`Debtor validation on Node ${process.version}, ${fmt(count)} generated debtors (best of 3 after a warm-up):`,
			`  first refused record in the process ${((first.user + first.system) / 1000).toFixed(1)} ms CPU (${firstProblems} problem)`,
			`  valid records        ${rate(valid, 'records')}`,
			`  one broken field     ${rate(refused, 'records')}`,
		].join('\n'),
	);
}

void main();
