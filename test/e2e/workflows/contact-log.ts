/**
 * Rows of sc_contact_log written by the event-driven workflows (6, 7): every column named, so a row
 * never depends on which fields happen to be on the item.
 */
import { assign, type Json } from './canvas';

/** The columns of sc_contact_log (see 00-setup-data-tables.ts), in order. */
export const CONTACT_LOG_COLUMNS = ['loggedAt', 'day', 'debtorId', 'decision', 'stage', 'channel', 'claimIds', 'status', 'reason', 'moment', 'templateId', 'idempotencyKey', 'messageId'] as const;
type Column = (typeof CONTACT_LOG_COLUMNS)[number];

/** A Set node (manual mode) writing one contact-log row; columns not given are empty. */
export function contactLogRow(values: Partial<Record<Column, string>>): Json {
	const defaults: Partial<Record<Column, string>> = {
		loggedAt: '={{ $now.toISO() }}',
		day: "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}",
		debtorId: '={{ $json.debtorId }}',
	};
	return assign(CONTACT_LOG_COLUMNS.map((column) => [column, values[column] ?? defaults[column] ?? '']));
}
