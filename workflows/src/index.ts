/**
 * The shipped workflows: one entry per file in workflows/, each a function that describes the
 * workflow. `npm run build` (build/workflows.ts) writes them as the JSON that admins import. Add a
 * workflow by adding its module and one line here.
 */
import type { Json } from './canvas';
import { setupTables } from './00-setup-data-tables';
import { setupPostgres, type SqlMigration } from './00-setup-postgres';
import { dailyJourney } from './01-daily-collection-journey';
import { erpIntake } from './02-erp-intake';
import { earlyWarning } from './03-early-warning';
import { flexCollectionDate } from './04-flex-collection-date';
import { paymentArrangement } from './05-payment-arrangement';
import { deliveryStatus } from './06-delivery-status';
import { reversalHandling } from './07-reversal-handling';
import { demo } from './08-demo';
import { moveToPostgres } from './09-move-to-postgres';
import { sendEmailSmtp } from './10-send-email-smtp';
import { FORMS_ON_POSTGRES } from './formStore';
import { dailyDispatcher, EARLY_WARNING_BATCHES, rangeDispatcher, REVERSAL_BATCHES } from './postgres';
import { POSTGRES } from './store';

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
	'09-move-to-postgres.json': moveToPostgres,
	'10-send-email-smtp.json': sendEmailSmtp,
};

/**
 * The Postgres edition (workflows/postgres/): the same descriptions with the Postgres store (store.ts),
 * for creditors on n8n in queue mode (docs/scale.md).
 */
export const POSTGRES_WORKFLOWS: Record<string, () => Json> = {
	'01-daily-collection-journey.json': dailyDispatcher,
	'01-daily-collection-journey-batch.json': () => dailyJourney(POSTGRES),
	'02-erp-intake.json': () => erpIntake(POSTGRES),
	'03-early-warning.json': () => rangeDispatcher(EARLY_WARNING_BATCHES),
	'03-early-warning-batch.json': () => earlyWarning(POSTGRES),
	'04-flex-collection-date.json': () => flexCollectionDate(FORMS_ON_POSTGRES),
	'05-payment-arrangement.json': () => paymentArrangement(FORMS_ON_POSTGRES),
	'06-delivery-status.json': () => deliveryStatus(POSTGRES),
	'07-reversal-handling.json': () => rangeDispatcher(REVERSAL_BATCHES),
	'07-reversal-handling-batch.json': () => reversalHandling(POSTGRES),
};

/**
 * The Postgres edition's set-up (workflows/postgres/), built with the shipped migrations: the
 * files of sql/, which build/workflows.ts reads (the schema has one home).
 */
export const POSTGRES_SETUP: Record<string, (migrations: SqlMigration[]) => Json> = {
	'00-setup-postgres.json': setupPostgres,
};
