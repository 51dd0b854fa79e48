/**
 * Data Table pieces of the event-driven workflows (2, 6, 7): the node parameters for reading,
 * inserting and saving rows, and the rows of sc_contact_log and sc_tasks with every column named,
 * so a row never depends on which fields happen to be on the item. Also what every workflow does
 * with a package node's "Invalid" output (invalidRecordRows).
 */
import { assign, isTrue, rowOf, table, type Canvas, type Json } from './canvas';

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

/** Delete the rows of `name` matching all `conditions`: [column, 'eq', value expression] or [column, 'isEmpty']. */
export function deleteRowsWhere(name: string, conditions: Array<[string, 'eq', string] | [string, 'isEmpty']>): Json {
	return {
		resource: 'row',
		operation: 'deleteRows',
		dataTableId: table(name),
		matchType: 'allConditions',
		filters: { conditions: conditions.map(([keyName, condition, keyValue]) => (keyValue === undefined ? { keyName, condition } : { keyName, condition, keyValue })) },
		options: {},
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

/**
 * Why a change left the record loop unsaved, as an expression (undefined-safe): the changed record
 * breaks the debtor schema (the field at fault), it kept losing to concurrent writes, or the debtor's
 * row is gone. Empty when the change was saved or had nothing to save.
 */
const UNSAVED_REASON = [
	"($json.recordChange?.written === true ? ''",
	": $json.error ? 'the changed record breaks the debtor schema: ' + ($json.error.problems?.[0] ? 'field ' + $json.error.problems[0].field + ' ' + $json.error.problems[0].message : ($json.error.message ?? 'invalid record'))",
	": $json.recordChange?.gaveUp ?? $json.recordChange?.lost ?? '')",
].join(' ');

/**
 * After a record loop (`settled`, see recordChange.ts): each change that could not be saved gets a
 * contact-log row (decision "not-saved", the reason naming the field at fault) and an open task for a
 * person to correct the record and make the change by hand (the task says what the change was). A
 * change that was saved, or had nothing to save, goes nowhere. Returns the two Set nodes for the caller
 * to link to its contact-log and task-list writers. `prefix`: the record loop's prefix; `what`: the change
 * in the users' words ("the sent contact"); `day`: as for invalidRecordRows.
 */
export function unsavedChangeRows(c: Canvas, o: { settled: string; prefix?: string; position: [number, number]; what: string; day?: string }): { log: string; task: string } {
	const { settled, position, what, day } = o;
	const prefix = o.prefix ?? '';
	const unsaved = c.add(`${prefix}Not saved?`, 'n8n-nodes-base.if', 2.2, position, isTrue(`={{ !!(${UNSAVED_REASON}) }}`));
	const claimIds = "={{ ($json.recordChange?.change?.contacts ?? []).map((contact) => contact.claimId).filter(Boolean).join(',') }}";
	const stage = "={{ ($json.recordChange?.change?.contacts ?? [])[0]?.stage ?? '' }}";
	const log = c.add(`${prefix}Log: not saved`, 'n8n-nodes-base.set', 3.4, [position[0] + 220, position[1] - 80], contactLogRow({
		...(day ? { day } : {}),
		decision: 'not-saved',
		stage,
		claimIds,
		status: 'not-saved',
		reason: `={{ ${JSON.stringify(`${what} was not saved on the record: `)} + ${UNSAVED_REASON} }}`,
	}));
	const task = c.add(`${prefix}Task: save by hand`, 'n8n-nodes-base.set', 3.4, [position[0] + 220, position[1] + 80], taskRow({
		...(day ? { day } : {}),
		stage,
		claimIds,
		why: `={{ ${JSON.stringify(`Correct the debtor record, then add ${what} to it by hand: `)} + ${UNSAVED_REASON} + '. The change: ' + JSON.stringify(Object.assign({}, $json.recordChange?.change, { debtorId: undefined, rowId: undefined })).slice(0, 1000) }}`,
	}));
	c.link(settled, unsaved);
	c.link(unsaved, log, 0);
	c.link(unsaved, task, 0);
	return { log, task };
}
