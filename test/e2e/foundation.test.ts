/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The foundation in a real n8n: the packed package installs like a community package, n8n lists
 * every node under the package prefix, a workflow runs through the CLI, and a webhook workflow
 * answers over HTTP from a running n8n.
 */
import * as path from 'node:path';

import manifest from '../../package.json';
import type { Segmentation } from '../../nodes/shared/segmentation';
import { N8N_VERSION, REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance } from '../../scripts/n8nInstance';
import { PACKAGE_PREFIX, emitItems, manualTrigger, ourNode, workflow } from './harness/workflow';

jest.setTimeout(300_000);

/** Monthly claims due on the 15th, newest last; `unpaid` lists due dates left open. */
function monthlyDebtor(debtorId: string, unpaid: string[], extra: Record<string, unknown> = {}) {
	const claims = [];
	const payments = [];
	for (let m = 0; m < 12; m++) {
		const month = ((6 + m) % 12) + 1; // July 2025 .. June 2026
		const year = month >= 7 ? 2025 : 2026;
		const due = `${year}-${String(month).padStart(2, '0')}-15`;
		const invoice = `${year}-${String(month).padStart(2, '0')}-01`;
		const open = unpaid.includes(due);
		claims.push({ claimId: `${debtorId}-${due}`, principalCents: 4500, openCents: open ? 4500 : 0, invoiceDate: invoice, dueDate: due, sector: 'energy' });
		if (!open) payments.push({ claimId: `${debtorId}-${due}`, amountCents: 4500, date: due, method: 'bank-transfer' });
	}
	return {
		debtorId,
		firstName: 'Test',
		lastName: 'Debtor',
		contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678' },
		paymentMethod: 'bank-transfer',
		income: { type: 'salary-monthly', dayOfMonth: 25, netMonthlyCents: 250000 },
		claims,
		payments,
		...extra,
	};
}

describe('foundation in real n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await N8nInstance.create();
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	test(`runs the pinned n8n ${N8N_VERSION}`, async () => {
		const version = await n8n.version();
		console.log(`end-to-end tests run against n8n ${version} on Node ${process.versions.node} (n8n itself on ${n8n.runtime.nodeBin})`);
		expect(version).toBe(N8N_VERSION);
	});

	test('n8n export:nodes lists every node of the package under its prefix', async () => {
		const exported = await n8n.exportNodes();
		const names = new Set(exported.map((node) => node.name));
		expect(manifest.n8n.nodes.length).toBeGreaterThan(0);
		for (const entry of manifest.n8n.nodes as string[]) {
			const className = path.basename(entry, '.node.js');
			const nodeType = new (await import(path.join(REPO_ROOT, entry)))[className]();
			expect(names).toContain(`${PACKAGE_PREFIX}.${nodeType.description.name}`);
		}
		const segmenter = exported.find((node) => node.name === `${PACKAGE_PREFIX}.debtorSegmenter`)!;
		expect(segmenter.displayName).toBe('Debtor Segmenter');
	});

	test('a workflow with the Debtor Segmenter runs through the CLI and routes every item', async () => {
		const debtors = [
			monthlyDebtor('D-CURRENT', []),
			monthlyDebtor('D-FORGOT', ['2026-06-15']),
			monthlyDebtor('D-DECEASED', ['2026-05-15', '2026-06-15'], { flags: { deceased: true } }),
			{ ...monthlyDebtor('D-BROKEN', []), claims: [{ claimId: 'X', principalCents: 100, openCents: -100, invoiceDate: '2026-01-01', dueDate: '2026-01-15' }] },
		];
		const id = await n8n.importWorkflow(
			workflow(
				'Segmenter CLI run',
				[
					manualTrigger(),
					emitItems('Debtors', debtors),
					ourNode('Segment', 'debtorSegmenter', { referenceDate: '2026-06-30', language: 'en' }),
				],
				[
					['Start', 'Debtors'],
					['Debtors', 'Segment'],
				],
			),
		);
		const run = await n8n.execute(id);
		const outputs = run.outputs('Segment');
		// Ten persona outputs plus "Invalid".
		expect(outputs).toHaveLength(11);
		expect(outputs.map((items) => items.map((item) => item.debtorId))).toEqual([
			['D-CURRENT'],
			['D-FORGOT'],
			[],
			[],
			[],
			[],
			[],
			['D-DECEASED'],
			[],
			[],
			['D-BROKEN'],
		]);

		const current = outputs[0][0] as unknown as { segmentation: Segmentation; lastName: string; claims: unknown[] };
		expect(current.lastName).toBe('Debtor');
		expect(current.claims).toHaveLength(12);
		expect(current.segmentation.persona).toBe('current');
		expect(current.segmentation.behaviour).toBe('on-time');
		expect(current.segmentation.tone).toBe('neutral');
		expect(current.segmentation.action).toBe('none');
		expect(current.segmentation.features.onTimeRatio).toBe(1);
		expect(current.segmentation.features.termsInArrears).toBe(0);
		expect(current.segmentation.reasons).toEqual([
			'On-time payer: 100% of the claims of the last 12 months were paid on time (threshold 90%).',
			'Current: nothing is overdue on 2026-06-30.',
		]);

		const forgot = outputs[1][0] as unknown as { segmentation: Segmentation };
		expect(forgot.segmentation.persona).toBe('forgetful');
		expect(forgot.segmentation.behaviour).toBe('on-time');
		expect(forgot.segmentation.features.daysPastDue).toBe(15);
		expect(forgot.segmentation.features.termsInArrears).toBe(1);
		expect(forgot.segmentation.features.overdueCents).toBe(4500);
		expect(forgot.segmentation.features.claimsDueInWindow).toBe(12);
		expect(forgot.segmentation.features.onTimeRatio).toBeCloseTo(11 / 12, 10);
		expect(forgot.segmentation.channels).toEqual(['email', 'sms']);
		expect(forgot.segmentation.reasons[1]).toBe(
			'Forgetful: one term in arrears and no other late period, 15 days past due (at most 30), 92% of the last 12 months paid on time (threshold 90%).',
		);

		const deceased = outputs[7][0] as unknown as { segmentation: Segmentation };
		expect(deceased.segmentation.persona).toBe('deceased');
		expect(deceased.segmentation.action).toBe('stop');

		const broken = outputs[10][0] as unknown as { error: Record<string, unknown> };
		expect(broken.error.field).toBe('claims[0].openCents');
		expect(broken.error.itemIndex).toBe(3);
		expect(broken.error.debtorId).toBe('D-BROKEN');
		expect(broken.error.message).toBe('Item 3 (debtor D-BROKEN): field "claims[0].openCents" must not be negative');
	});

	describe('webhooks of a running n8n', () => {
		beforeAll(async () => {
			const id = await n8n.importWorkflow(
				workflow(
					'Segmenter webhook',
					[
						{
							name: 'Webhook',
							type: 'n8n-nodes-base.webhook',
							typeVersion: 2,
							webhookId: '6f0c1f1e-0b8e-4a55-9a52-3f3f7d7f2a01',
							parameters: { httpMethod: 'POST', path: 'segment-e2e', responseMode: 'lastNode', responseData: 'allEntries', options: {} },
						},
						{
							name: 'Unwrap',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							parameters: { jsCode: 'return $input.all().flatMap((item) => [].concat(item.json.body)).map((json) => ({ json }));' },
						},
						ourNode('Segment', 'debtorSegmenter', { routing: 'single', referenceDate: '2026-06-30', language: 'nl' }),
					],
					[
						['Webhook', 'Unwrap'],
						['Unwrap', 'Segment'],
					],
				),
			);
			await n8n.publishWorkflow(id);
			await n8n.start();
		});

		test('a POSTed debtor is segmented and answered over HTTP', async () => {
			const response = await n8n.webhook('segment-e2e', [monthlyDebtor('D-HOOK', ['2026-06-15'])]);
			expect(response.status).toBe(200);
			expect(Array.isArray(response.data)).toBe(true);
			const [answer] = response.data as Array<{ debtorId: string; segmentation: Segmentation }>;
			expect(answer.debtorId).toBe('D-HOOK');
			expect(answer.segmentation.persona).toBe('forgetful');
			expect(answer.segmentation.reasons[1]).toBe(
				'Vergeten: één termijn achterstand en verder niet te laat, 15 dagen over de vervaldatum (hoogstens 30), 92% van de laatste 12 maanden op tijd betaald (grens 90%).',
			);
		});
	});
});
