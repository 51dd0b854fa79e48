/**
 * Data Table pieces of the event-driven workflows (2, 6, 7): the node parameters for reading,
 * inserting and saving rows, and the rows of sc_contact_log and sc_tasks with every column named,
 * so a row never depends on which fields happen to be on the item.
 */
import { assign, rowOf, table, type Json } from './canvas';

/** Get rows of `name` matching all `conditions` ([column, value expression]), every match. */
export function rowsWhere(name: string, conditions: Array<[string, string]>): Json {
	return {
		resource: 'row',
		operation: 'get',
		dataTableId: table(name),
		matchType: 'allConditions',
		filters: { conditions: conditions.map(([keyName, keyValue]) => ({ keyName, condition: 'eq', keyValue })) },
		returnAll: true,
	};
}

const TODAY = "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}";

/** The columns of sc_contact_log (see 00-setup-data-tables.ts), in order. */
export const CONTACT_LOG_COLUMNS = ['loggedAt', 'day', 'debtorId', 'decision', 'stage', 'channel', 'claimIds', 'status', 'reason', 'moment', 'templateId', 'idempotencyKey', 'messageId'] as const;
type LogColumn = (typeof CONTACT_LOG_COLUMNS)[number];

/** A Set node (manual mode) writing one contact-log row; columns not given are empty. */
export function contactLogRow(values: Partial<Record<LogColumn, string>>): Json {
	const defaults: Partial<Record<LogColumn, string>> = { loggedAt: '={{ $now.toISO() }}', day: TODAY, debtorId: '={{ $json.debtorId }}' };
	return rowOf(CONTACT_LOG_COLUMNS.map((column) => [column, values[column] ?? defaults[column] ?? '']));
}

/** A Set node writing one open task of sc_tasks for a person. */
export function taskRow(values: { day?: string; stage: string; claimIds: string; why: string }): Json {
	return assign([
		['openedAt', '={{ $now.toISO() }}'],
		['day', values.day ?? TODAY],
		['debtorId', '={{ $json.debtorId }}'],
		['stage', values.stage],
		['claimIds', values.claimIds],
		['why', values.why],
		['done', 'false'],
	]);
}
