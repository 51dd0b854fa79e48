/**
 * Data Table pieces of the event-driven workflows (2, 6, 7): the node parameters for reading,
 * inserting and saving rows, and the rows of sc_contact_log and sc_tasks with every column named,
 * so a row never depends on which fields happen to be on the item. Also what every workflow does
 * with a package node's "Invalid" output (invalidRecordRows).
 */
import { assign, rowOf, table, type Canvas, type Json } from './canvas';

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
export function taskRow(values: { day?: string; debtorId?: string; stage: string; claimIds: string; why: string }): Json {
	return assign([
		['openedAt', '={{ $now.toISO() }}'],
		['day', values.day ?? TODAY],
		['debtorId', values.debtorId ?? '={{ $json.debtorId }}'],
		['stage', values.stage],
		['claimIds', values.claimIds],
		['why', values.why],
		['done', 'false'],
	]);
}

/**
 * The reason an item left `node` on its "Invalid" output, as an expression: the node, then the field
 * at fault and what is wrong with it (the error names no value, so neither does the reason).
 */
function invalidReason(node: string): string {
	return `${JSON.stringify(`${node}: `)} + ($json.error?.problems?.[0] ? 'field ' + $json.error.problems[0].field + ' ' + $json.error.problems[0].message : ($json.error?.message ?? 'invalid record'))`;
}

/**
 * The debtor of a refused item: the record's id when it is one, else the debtorId column of the row it
 * was loaded from (`rowDebtorId`, see RECORD_FROM_ROW; a record whose id is missing or not text is
 * refused for that), so the log row and the task name a debtor a person can find.
 */
const INVALID_DEBTOR_ID = "={{ typeof $json.debtorId === 'string' && $json.debtorId !== '' ? $json.debtorId : ($json.rowDebtorId ?? $json.error?.debtorId ?? '') }}";

/**
 * Where the "Invalid" output `output` of the package node `from` goes: a contact-log row (decision
 * "invalid", the reason naming the node and the field) and an open task for a person to correct the
 * record; no debtor leaves a run unaccounted for. Returns the two Set nodes (placed at `position` and
 * below it) for the caller to link to its contact-log and task-list writers. `day`: the day column
 * (default: today in Amsterdam; the daily runs pass their Settings day).
 */
export function invalidRecordRows(c: Canvas, from: string, output: number, position: [number, number], day?: string): { log: string; task: string } {
	const reason = invalidReason(from);
	const log = c.add(`Log: invalid record (${from})`, 'n8n-nodes-base.set', 3.4, position, contactLogRow({
		...(day ? { day } : {}),
		debtorId: INVALID_DEBTOR_ID,
		decision: 'invalid',
		stage: "={{ $json.journey?.stage ?? '' }}",
		status: 'invalid',
		reason: `={{ ${reason} }}`,
	}));
	const task = c.add(`Task: correct record (${from})`, 'n8n-nodes-base.set', 3.4, [position[0], position[1] + 160], taskRow({
		...(day ? { day } : {}),
		debtorId: INVALID_DEBTOR_ID,
		stage: "={{ $json.journey?.stage ?? '' }}",
		claimIds: '',
		why: `={{ 'Correct the debtor record. ' + ${reason} + '. Until it is corrected, ' + ${JSON.stringify(from)} + ' leaves this debtor out.' }}`,
	}));
	c.link(from, log, output);
	c.link(from, task, output);
	return { log, task };
}
