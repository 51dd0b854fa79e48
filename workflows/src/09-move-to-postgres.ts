/**
 * Workflow 9: move a creditor from the Data Table edition to the Postgres schema (sql/).
 *
 * The run (manual) walks the five Data Tables page by page, in row-id order (keyset paging: the Data
 * Table node has no offset, so a page is "id > the last id of the previous page", ordered by id,
 * limited to the page size). Each page is one execution of this same workflow, started by its
 * "Execute Workflow" node: the page's rows live only in that sub-execution, so memory stays at one
 * page whatever the size of the tables; the run itself only carries counts. Every page is written in
 * one SQL statement with the page as one query parameter (jsonb), never SQL built from data.
 *
 * After the copy a second pass reads every page again and checks it against Postgres; the run fails
 * with a message naming the table and what differs. Moving twice copies nothing twice: each moved row
 * keeps `moved_from` = 'data-table:<table>:<row id>' (sql/0003_moved_from.sql, UNIQUE).
 */
import { Canvas, assign, table, type Json } from './canvas';
import { POSTGRES_CREDENTIAL, POSTGRES_NODE_VERSION } from './postgres';

/** The Data Tables in the order they are moved (debtors first: the rest refers to them). */
export const MOVED_TABLES = ['sc_debtors', 'sc_contact_log', 'sc_tasks', 'sc_intake', 'sc_municipality_signals'] as const;
export type MovedTable = (typeof MOVED_TABLES)[number];

/** Rows per page: a page of debtor records is about 1-5 MB. */
export const DEFAULT_PAGE_SIZE = 500;

/**
 * How each Data Table column becomes a Postgres column: [Data Table column, Postgres column, kind,
 * required]. Kinds: text, date (yyyy-mm-dd), moment (ISO 8601), cents (integer >= 0), ids (comma-
 * separated → text[]), bool ('true'/'false'). Empty text becomes null (for text columns: stays '').
 */
type Kind = 'text' | 'date' | 'moment' | 'cents' | 'ids' | 'bool';
export const COLUMNS: Record<Exclude<MovedTable, 'sc_debtors'>, Array<[string, string, Kind, boolean?]>> = {
	sc_contact_log: [
		['loggedAt', 'logged_at', 'moment'],
		['day', 'day', 'date', true],
		['debtorId', 'debtor_id', 'text'],
		['decision', 'decision', 'text'],
		['stage', 'stage', 'text'],
		['channel', 'channel', 'text'],
		['claimIds', 'claim_ids', 'ids'],
		['status', 'status', 'text'],
		['reason', 'reason', 'text'],
		['moment', 'moment', 'moment'],
		['templateId', 'template_id', 'text'],
		['idempotencyKey', 'idempotency_key', 'text'],
		['messageId', 'message_id', 'text'],
	],
	sc_tasks: [
		['openedAt', 'opened_at', 'moment'],
		['day', 'day', 'date', true],
		['debtorId', 'debtor_id', 'text'],
		['stage', 'stage', 'text'],
		['claimIds', 'claim_ids', 'ids'],
		['why', 'why', 'text', true],
		['done', 'done', 'bool'],
	],
	sc_intake: [
		['eventId', 'event_id', 'text'],
		['receivedAt', 'received_at', 'moment'],
		['type', 'type', 'text'],
		['debtorId', 'debtor_id', 'text'],
		['result', 'result', 'text', true],
		['reason', 'reason', 'text'],
	],
	sc_municipality_signals: [
		['preparedOn', 'prepared_on', 'date', true],
		['debtorId', 'debtor_id', 'text'],
		['name', 'name', 'text'],
		['street', 'street', 'text'],
		['postalCode', 'postal_code', 'text'],
		['city', 'city', 'text'],
		['email', 'email', 'text'],
		['phone', 'phone', 'text'],
		['arrearsCents', 'arrears_cents', 'cents'],
		['arrearsSince', 'arrears_since', 'date'],
		['personalContactOn', 'personal_contact_on', 'date'],
		['debtHelpPointerOn', 'debt_help_pointer_on', 'date'],
		['reminderWithOfferOn', 'reminder_with_offer_on', 'date'],
		['status', 'status', 'text', true],
		['submittedOn', 'submitted_on', 'date'],
	],
};

const PG_TYPE: Record<Kind, string> = { text: 'text', date: 'date', moment: 'timestamptz', cents: 'bigint', ids: 'text[]', bool: 'boolean' };
/** What a timestamp column without a value gets (the column is NOT NULL in Postgres). */
const MOMENT_DEFAULTS: Record<string, string> = { logged_at: 'day::timestamptz', opened_at: 'day::timestamptz', received_at: 'now()' };

/** The page parameter ($1) as typed rows: every column, plus moved_from and the Data Table row id. */
function pageOf(name: Exclude<MovedTable, 'sc_debtors'>): string {
	const columns = COLUMNS[name].map(([, column, kind]) => `${column} ${PG_TYPE[kind]}`);
	return `SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(moved_from text, row_id bigint, ${columns.join(', ')})`;
}

function insertColumns(name: Exclude<MovedTable, 'sc_debtors'>, overrides: Record<string, string> = {}): { names: string; values: string } {
	const columns = COLUMNS[name].map(([, column, kind]) => [column, overrides[column] ?? (kind === 'moment' && MOMENT_DEFAULTS[column] ? `coalesce(${column}, ${MOMENT_DEFAULTS[column]})` : kind === 'ids' ? `coalesce(${column}, '{}')` : kind === 'bool' ? `coalesce(${column}, false)` : column)]);
	return { names: ['moved_from', ...columns.map(([column]) => column)].join(', '), values: ['moved_from', ...columns.map(([, value]) => value)].join(', ') };
}

/**
 * The statement that writes one page of `name` (parameter $1: the page as a JSON array). Answers one
 * row: `read` (rows in the page), `inserted`, and for sc_debtors `updated`.
 */
export function copySql(name: MovedTable): string {
	if (name === 'sc_debtors') {
		// A debtor is overwritten only when the move made its row, nobody changed it since
		// (version = moved_version: a change by the Postgres edition raises the version and wins), the
		// Data Table row is not older than the one it came from, and the record or status differs.
		return [
			'WITH page AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(moved_from text, row_id bigint, debtor_id text, status text, record jsonb)),',
			'written AS (',
			'  INSERT INTO sc_debtors AS d (debtor_id, status, record, moved_from, moved_version)',
			'  SELECT debtor_id, status, record, moved_from, 1 FROM page ORDER BY row_id',
			'  ON CONFLICT (debtor_id) DO UPDATE SET record = EXCLUDED.record, status = EXCLUDED.status, moved_from = EXCLUDED.moved_from, moved_version = d.version + 1',
			'  WHERE d.moved_from IS NOT NULL AND d.version = d.moved_version',
			"    AND split_part(d.moved_from, ':', 3)::bigint <= split_part(EXCLUDED.moved_from, ':', 3)::bigint",
			'    AND (d.record IS DISTINCT FROM EXCLUDED.record OR d.status IS DISTINCT FROM EXCLUDED.status)',
			'  RETURNING (xmax = 0) AS inserted)',
			'SELECT (SELECT count(*) FROM page) AS read, count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM written',
		].join('\n');
	}
	if (name === 'sc_contact_log') {
		// A send's key is UNIQUE in Postgres; the Data Table may log one send several times (the send and
		// its delivery statuses). The key stays on one row, the 'sent' one (else the first); the others
		// are copied without it (they still name the message by message_id).
		const { names, values } = insertColumns(name, { idempotency_key: 'CASE WHEN holds_key THEN idempotency_key END' });
		return [
			`WITH page AS (${pageOf(name)}),`,
			'fresh AS (SELECT * FROM page WHERE NOT EXISTS (SELECT FROM sc_contact_log l WHERE l.moved_from = page.moved_from)),',
			'keyed AS (',
			"  SELECT fresh.*, coalesce(idempotency_key, '') <> ''",
			"    AND row_number() OVER (PARTITION BY idempotency_key ORDER BY (decision = 'sent') DESC, row_id) = 1",
			'    AND NOT EXISTS (SELECT FROM sc_contact_log l WHERE l.idempotency_key = fresh.idempotency_key) AS holds_key',
			'  FROM fresh),',
			`inserted AS (INSERT INTO sc_contact_log (${names}) SELECT ${values} FROM keyed ORDER BY row_id ON CONFLICT (moved_from) DO NOTHING RETURNING 1)`,
			'SELECT (SELECT count(*) FROM page) AS read, (SELECT count(*) FROM inserted) AS inserted',
		].join('\n');
	}
	if (name === 'sc_intake') {
		// An event is accepted once in Postgres; a second 'accepted' row of one event (two requests at
		// the same moment in the Data Table edition) is copied as 'duplicate'.
		const { names, values } = insertColumns(name, { result: "CASE WHEN result = 'accepted' AND NOT first_accept THEN 'duplicate' ELSE result END" });
		return [
			`WITH page AS (${pageOf(name)}),`,
			'fresh AS (SELECT * FROM page WHERE NOT EXISTS (SELECT FROM sc_intake i WHERE i.moved_from = page.moved_from)),',
			'ranked AS (',
			"  SELECT fresh.*, row_number() OVER (PARTITION BY event_id, result = 'accepted' ORDER BY row_id) = 1",
			"    AND NOT EXISTS (SELECT FROM sc_intake i WHERE i.event_id = fresh.event_id AND i.result = 'accepted') AS first_accept",
			'  FROM fresh),',
			`inserted AS (INSERT INTO sc_intake (${names}) SELECT ${values} FROM ranked ORDER BY row_id ON CONFLICT (moved_from) DO NOTHING RETURNING 1)`,
			'SELECT (SELECT count(*) FROM page) AS read, (SELECT count(*) FROM inserted) AS inserted',
		].join('\n');
	}
	const { names, values } = insertColumns(name);
	return [
		`WITH page AS (${pageOf(name)}),`,
		`inserted AS (INSERT INTO ${name} (${names}) SELECT ${values} FROM page ORDER BY row_id ON CONFLICT (moved_from) DO NOTHING RETURNING 1)`,
		'SELECT (SELECT count(*) FROM page) AS read, (SELECT count(*) FROM inserted) AS inserted',
	].join('\n');
}

/**
 * The statement that checks one page of `name` against Postgres after the copy. Answers `read` and
 * `found` (rows of the page that are in Postgres: by debtor_id for debtors, else by moved_from), and
 * for the contact log `missing_keys` (idempotency keys of the page that no Postgres row holds).
 */
export function verifySql(name: MovedTable): string {
	if (name === 'sc_debtors') {
		return [
			'SELECT count(*) AS read, count(d.debtor_id) AS found',
			'FROM jsonb_to_recordset($1::jsonb) AS r(debtor_id text) LEFT JOIN sc_debtors d ON d.debtor_id = r.debtor_id',
		].join('\n');
	}
	const found = `(SELECT count(t.moved_from) FROM page LEFT JOIN ${name} t ON t.moved_from = page.moved_from) AS found`;
	const missingKeys =
		"(SELECT count(DISTINCT idempotency_key) FROM page WHERE coalesce(idempotency_key, '') <> '' AND NOT EXISTS (SELECT FROM sc_contact_log l WHERE l.idempotency_key = page.idempotency_key)) AS missing_keys";
	return [`WITH page AS (${pageOf(name)})`, `SELECT (SELECT count(*) FROM page) AS read, ${found}${name === 'sc_contact_log' ? `, ${missingKeys}` : ''}`].join('\n');
}

/** The rows each Postgres table holds from the move, counted at the end. */
export const MOVED_COUNTS_SQL = `SELECT ${MOVED_TABLES.map((name) => `(SELECT count(*) FROM ${name} WHERE moved_from IS NOT NULL) AS ${name}`).join(', ')}`;

/** Code of "Page for Postgres": the Data Table rows of the page, checked and shaped as the SQL reads them. */
function pageCode(trigger: string): string {
	return `// The page asked for (by the run) and the rows the Data Table gave (none: one empty item).
const ask = $(${JSON.stringify(trigger)}).first().json;
const rows = $input.all().map((item) => item.json).filter((row) => row && row.id !== undefined);
const COLUMNS = ${JSON.stringify(COLUMNS)};
// Errors name the table, the row id and the column, never the value (it may be personal data).
const fail = (row, column, what) => { throw new Error(ask.table + ' row ' + row.id + ': column ' + column + ' ' + what + '; correct the row in the Data Table and run the move again (rows already moved are skipped)'); };
const empty = (value) => value === undefined || value === null || value === '';
const asDate = (row, column, value) => {
  if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z')) || new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value) fail(row, column, 'is not a date (yyyy-mm-dd)');
  return value;
};
const asMoment = (row, column, value) => {
  if (!/^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) fail(row, column, 'is not a moment (ISO 8601)');
  return value;
};
const convert = { text: (row, column, value) => String(value), date: asDate, moment: asMoment,
  cents: (row, column, value) => { if (!/^\\d{1,15}$/.test(String(value))) fail(row, column, 'is not a whole number of cents >= 0'); return Number(value); },
  ids: (row, column, value) => String(value).split(',').map((id) => id.trim()).filter((id) => id !== ''),
  bool: (row, column, value) => { if (value === true || value === 'true') return true; if (value === false || value === 'false') return false; fail(row, column, 'is not true or false'); } };
const movedFrom = (row) => 'data-table:' + ask.table + ':' + row.id;
let out;
let skipped = 0;
if (ask.table === 'sc_debtors') {
  // A row without a record is a debtor row still being made (or left empty): nothing to move.
  const withRecord = rows.filter((row) => !empty(row.record));
  skipped = rows.length - withRecord.length;
  const newest = new Map();
  for (const row of withRecord) {
    let record;
    try { record = JSON.parse(row.record); } catch (error) { fail(row, 'record', 'is not JSON'); }
    if (!record || typeof record !== 'object' || Array.isArray(record)) fail(row, 'record', 'is not a debtor record (a JSON object)');
    if (empty(row.debtorId) || record.debtorId !== row.debtorId) fail(row, 'debtorId', 'differs from the record\\'s debtorId');
    if (row.status !== 'open' && row.status !== 'closed') fail(row, 'status', 'is not open or closed');
    // Older duplicate rows of one debtor (versions before 0.9): the newest row (highest id) wins.
    const seen = newest.get(row.debtorId);
    if (!seen || seen.row_id < row.id) newest.set(row.debtorId, { moved_from: movedFrom(row), row_id: row.id, debtor_id: row.debtorId, status: row.status, record });
  }
  out = ask.pass === 'verify' ? withRecord.map((row) => ({ debtor_id: row.debtorId })) : [...newest.values()];
} else {
  out = rows.map((row) => {
    const shaped = { moved_from: movedFrom(row), row_id: row.id };
    for (const [from, to, kind, required] of COLUMNS[ask.table]) {
      const value = row[from];
      if (empty(value)) {
        if (required && kind !== 'text') fail(row, from, 'is empty');
        if (required && value !== '' && kind === 'text') fail(row, from, 'is empty');
        shaped[to] = kind === 'text' ? (value === '' ? '' : null) : null;
      } else {
        shaped[to] = convert[kind](row, from, value);
      }
    }
    if (ask.table === 'sc_intake') {
      if (!['accepted', 'rejected', 'duplicate'].includes(shaped.result)) fail(row, 'result', 'is not accepted, rejected or duplicate');
      if (shaped.result === 'accepted' && empty(shaped.event_id)) fail(row, 'eventId', 'is empty on an accepted event');
    }
    return shaped;
  });
}
const last = rows.reduce((max, row) => Math.max(max, row.id), ask.after);
return [{ json: { pass: ask.pass, table: ask.table, after: ask.after, last, full: rows.length >= ask.pageSize, rows: rows.length, skipped, step: ask.pass + ':' + ask.table, page: out } }];`;
}

/** Code of "Next page": adds the page's counts to the run's and says what to read next. */
function nextCode(state: string): string {
	return `const TABLES = ${JSON.stringify(MOVED_TABLES)};
const before = $(${JSON.stringify(state)}).first().json;
const page = $input.first().json;
const totals = JSON.parse(JSON.stringify(before.totals));
const add = (pass, table, counts) => {
  const entry = ((totals[pass] ??= {})[table] ??= {});
  for (const [name, value] of Object.entries(counts)) entry[name] = (entry[name] ?? 0) + Number(value ?? 0);
};
add(page.pass, page.table, page.counts);
let next = { pass: page.pass, table: page.table, after: page.last };
if (!page.full) {
  const index = TABLES.indexOf(page.table);
  if (index + 1 < TABLES.length) next = { pass: page.pass, table: TABLES[index + 1], after: 0 };
  else if (page.pass === 'copy') next = { pass: 'verify', table: TABLES[0], after: 0 };
  else next = { done: true };
}
return [{ json: Object.assign({ pageSize: before.pageSize, totals, pages: before.pages + 1 }, next) }];`;
}

/** Code of "Compare": the verification; throws naming each table where the two sides differ. */
function compareCode(state: string): string {
	return `const run = $(${JSON.stringify(state)}).first().json;
const moved = $input.first().json;
const verify = run.totals.verify ?? {};
const copy = run.totals.copy ?? {};
const problems = [];
const tables = {};
for (const table of ${JSON.stringify(MOVED_TABLES)}) {
  const v = verify[table] ?? { read: 0, found: 0 };
  const c = copy[table] ?? {};
  const inPostgres = Number(moved[table] ?? 0);
  tables[table] = { dataTableRows: v.read + (v.skipped ?? 0), checked: v.read, foundInPostgres: v.found, movedRowsInPostgres: inPostgres, insertedThisRun: c.inserted ?? 0, updatedThisRun: c.updated ?? 0, skippedEmpty: v.skipped ?? 0 };
  if (v.found !== v.read) problems.push(table + ': ' + (v.read - v.found) + ' of ' + v.read + ' Data Table rows are not in Postgres');
  // Debtors: one Postgres row per debtor, however many Data Table rows it had; the others: one row per row.
  if (table !== 'sc_debtors' && inPostgres !== v.read) problems.push(table + ': ' + v.read + ' rows in the Data Table, ' + inPostgres + ' moved rows in Postgres');
  if (table === 'sc_contact_log') {
    tables[table].missingIdempotencyKeys = v.missing_keys ?? 0;
    if ((v.missing_keys ?? 0) > 0) problems.push(table + ': ' + v.missing_keys + ' idempotency keys of the Data Table are not in Postgres');
  }
}
if (problems.length > 0) throw new Error('The move is not complete: ' + problems.join('; '));
return [{ json: { moved: true, pages: run.pages, tables } }];`;
}

export function moveToPostgres(): Json {
	const c = new Canvas('9a000001');
	c.note('Note: about', [-60, -560], 900, 500, [
		'## Move to Postgres (from the Data Table edition)',
		'Copies the five Data Tables (`sc_debtors`, `sc_contact_log`, `sc_tasks`, `sc_intake`, `sc_municipality_signals`) into the Postgres schema of the package (`sql/`, applied by `npm run db:migrate` or `npm run start:scale`), then checks the copy: every Data Table row is in Postgres, the counts agree and every idempotency key of the contact log is there. The run fails with a message naming the table and what differs.',
		'',
		'**Before:** stop (deactivate) the other workflows, so nothing changes the Data Tables while they are copied; apply the schema (migration 3 at least); choose the Postgres credential in every Postgres node (start:scale made **Social Collections Postgres**).',
		'',
		'**Run it again as often as you like:** a row already moved is skipped (`moved_from` = `data-table:<table>:<row id>`). A debtor is brought up to date from a newer Data Table record only while the Postgres edition has not changed it; once it has, Postgres wins.',
		'',
		'Each page of *Page size* rows is one execution of this workflow (*One page*), so memory stays at one page.',
	].join('\n'), 4);
	const manual = c.add('Move now (manual)', 'n8n-nodes-base.manualTrigger', 1, [0, 0]);
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [200, 0], assign([['pageSize', String(DEFAULT_PAGE_SIZE), 'number']]));
	const start = c.add('Start with the first table', 'n8n-nodes-base.set', 3.4, [400, 0], {
		mode: 'raw',
		jsonOutput: `={{ JSON.stringify({ pass: 'copy', table: '${MOVED_TABLES[0]}', after: 0, pageSize: Math.max(1, Math.floor(Number($json.pageSize) || ${DEFAULT_PAGE_SIZE})), totals: {}, pages: 0 }) }}`,
		options: {},
	});
	const state = c.add('Page to move', 'n8n-nodes-base.noOp', 1, [600, 0]);
	const onePage = c.add('One page', 'n8n-nodes-base.executeWorkflow', 1.2, [800, 0], {
		source: 'database',
		workflowId: { __rl: true, mode: 'id', value: '={{ $workflow.id }}' },
		mode: 'once',
		options: { waitForSubWorkflow: true },
	});
	const next = c.add('Next page', 'n8n-nodes-base.code', 2, [1000, 0], { mode: 'runOnceForAllItems', jsCode: nextCode(state) });
	const done = c.add('Every table read?', 'n8n-nodes-base.if', 2.2, [1200, 0], {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [{ id: 'c-done', leftValue: '={{ $json.done === true }}', rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
			combinator: 'and',
		},
		looseTypeValidation: true,
		options: {},
	});
	const postgres = (name: string, position: [number, number], query: string, replacement?: string) =>
		c.add(name, 'n8n-nodes-base.postgres', POSTGRES_NODE_VERSION, position, {
			operation: 'executeQuery',
			query,
			options: replacement ? { queryReplacement: replacement } : {},
		}, { credentials: { postgres: POSTGRES_CREDENTIAL } });
	const counted = postgres('Count moved rows in Postgres', [1400, -100], MOVED_COUNTS_SQL);
	const compare = c.add('Compare both sides', 'n8n-nodes-base.code', 2, [1600, -100], { mode: 'runOnceForAllItems', jsCode: compareCode(next) });
	c.link(manual, settings);
	c.link(settings, start);
	c.link(start, state);
	c.link(state, onePage);
	c.link(onePage, next);
	c.link(next, done);
	c.link(done, counted, 0);
	c.link(done, state, 1);
	c.link(counted, compare);

	// One page (an execution of its own, started by "One page" above).
	c.note('Note: one page', [-60, 340], 900, 200, [
		'### One page (run by *One page* above, never by hand)',
		'Reads the rows after the last id of the previous page, checks and shapes them (*Page for Postgres* stops the run naming the table, row id and column of a value Postgres cannot take), then writes them (pass `copy`) or checks them against Postgres (pass `verify`) with one statement whose only parameter is the page.',
	].join('\n'));
	const trigger = c.add('Page asked for', 'n8n-nodes-base.executeWorkflowTrigger', 1.1, [0, 600], { inputSource: 'passthrough' });
	const read = c.add('Read the page', 'n8n-nodes-base.dataTable', 1.1, [200, 600], {
		resource: 'row',
		operation: 'get',
		dataTableId: { ...table('sc_debtors'), value: '={{ $json.table }}' },
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'id', condition: 'gt', keyValue: '={{ $json.after }}' }] },
		limit: '={{ $json.pageSize }}',
		orderBy: true,
		orderByColumn: 'id',
		orderByDirection: 'ASC',
	}, { alwaysOutputData: true });
	const shape = c.add('Page for Postgres', 'n8n-nodes-base.code', 2, [400, 600], { mode: 'runOnceForAllItems', jsCode: pageCode(trigger) });
	const steps = MOVED_TABLES.flatMap((name) => [`copy:${name}`, `verify:${name}`]);
	const route = c.add('Copy or check, by table', 'n8n-nodes-base.switch', 3.2, [600, 600], {
		mode: 'expression',
		numberOutputs: steps.length,
		output: `={{ ${JSON.stringify(steps)}.indexOf($json.step) }}`,
		looseTypeValidation: true,
		options: {},
	});
	const outcome = c.add('Page outcome', 'n8n-nodes-base.code', 2, [1100, 600], {
		mode: 'runOnceForAllItems',
		jsCode: `// What the run needs of this page: where it ended and the counts (not the rows).
const page = $(${JSON.stringify(shape)}).first().json;
const counts = Object.assign({ skipped: page.skipped }, $input.first().json);
return [{ json: { pass: page.pass, table: page.table, last: page.last, full: page.full, counts } }];`,
	});
	c.link(trigger, read);
	c.link(read, shape);
	c.link(shape, route);
	steps.forEach((step, index) => {
		const [pass, name] = step.split(':') as ['copy' | 'verify', MovedTable];
		const node = postgres(`${pass === 'copy' ? 'Copy' : 'Check'} ${name}`, [850, 440 + index * 100], pass === 'copy' ? copySql(name) : verifySql(name), '={{ [JSON.stringify($json.page)] }}');
		c.link(route, node, index);
		c.link(node, outcome);
	});
	return c.workflow('scMoveToPostgres01', 'Social Collections: move to Postgres');
}
