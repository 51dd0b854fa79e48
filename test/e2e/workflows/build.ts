/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * Writes the shipped workflows (workflows/*.json) from readable TypeScript, so node names, positions,
 * connections and sticky notes stay consistent. Run: `npx tsx test/e2e/workflows/build.ts`.
 * The JSON files are what admins import; this file is only the way they are written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Json } from './canvas';
import { setupTables } from './00-setup-data-tables';
import { dailyJourney } from './01-daily-collection-journey';
import { erpIntake } from './02-erp-intake';
import { earlyWarning } from './03-early-warning';
import { flexCollectionDate } from './04-flex-collection-date';
import { paymentArrangement } from './05-payment-arrangement';
import { deliveryStatus } from './06-delivery-status';
import { reversalHandling } from './07-reversal-handling';
import { demo } from './08-demo';

const OUT = path.resolve(__dirname, '../../../workflows');

/** One entry per shipped workflow file: add a workflow by adding its module and one line here. */
export const WORKFLOWS: Record<string, () => Json> = {
	'00-setup-data-tables.json': setupTables,
	'01-daily-collection-journey.json': dailyJourney,
	'02-erp-intake.json': erpIntake,
	'03-early-warning.json': earlyWarning,
	'04-flex-collection-date.json': flexCollectionDate,
	'05-payment-arrangement.json': paymentArrangement,
	'06-delivery-status.json': deliveryStatus,
	'07-reversal-handling.json': reversalHandling,
	'08-demo.json': demo,
};

if (require.main === module) {
	fs.mkdirSync(OUT, { recursive: true });
	for (const [file, build] of Object.entries(WORKFLOWS)) {
		fs.writeFileSync(path.join(OUT, file), JSON.stringify(build(), null, '\t') + '\n');
		console.log(`wrote workflows/${file}`);
	}
}
