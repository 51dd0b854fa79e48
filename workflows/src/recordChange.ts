/**
 * Changing a debtor record without losing a concurrent change, in both editions (the store supplies
 * the read, the write and how "written?" is told: {@link DATA_TABLE_RECORDS}, {@link POSTGRES_RECORDS}).
 *
 * Every workflow that changes a record (the daily journey adding a contact, the ERP intake applying a
 * payment, a delivery report, a reversal, a form) reads the debtor's CURRENT row, applies its change
 * to that record, and writes it back only if the row still holds exactly the text it read
 * (compare-and-swap: the update's filter is `id = <row> AND record = <text read>`). When another
 * execution wrote in between, the update changes no row: the change is applied again to the new
 * record, up to {@link MAX_ATTEMPTS} times. So a change is never computed from a stale record and
 * never overwrites someone else's.
 *
 * Why this holds: an n8n Data Table update runs in one database transaction (find the matching rows,
 * update them, return them), and the match includes the whole record text, so two writers that read
 * the same text cannot both match. A row changed and changed back to the same text is the same record,
 * so matching on the text is enough. On SQLite (n8n's default) the writes are serialised; on Postgres
 * the filter is re-checked by the UPDATE itself.
 *
 * The pieces, in order (the item carries everything the next step needs, so a retry is the same path):
 *   changes -> read the row -> apply the change -> check the whole record -> row to write
 *   -> write if unchanged -> written? -> (yes) written / (no) back to "changes".
 * A debtor's row is read by its id when the item knows it (`rowId`, from the loader: an index
 * lookup), else by `debtorId`; a debtor with older duplicate rows (left by versions before 0.9) keeps
 * the newest, and the older ones are deleted once the newest is written.
 */
import { Canvas, columnsFrom, isTrue, table, type Json } from './canvas';
import { deleteRowsWhere } from './dataTables';
import { postgresNode, SQL } from './postgres';

/** Change: add the contacts in `change.contacts` to the record's `contacts[]`. */
export const ADD_CONTACTS = '(record, change) => (record ? { record: Object.assign(record, { contacts: (record.contacts ?? []).concat(change.contacts) }) } : {})';

/** Change: set the fields in `change.fields` on the record. */
export const SET_FIELDS = '(record, change) => (record ? { record: Object.assign(record, change.fields) } : {})';

/**
 * Set node (raw) that builds a change item for a record loaded this run (it carries `rowId`): the
 * debtor, its row, and `rest`, object-literal JavaScript with what the change reads.
 */
export function changeOfLoaded(rest: string): Record<string, unknown> {
	return { mode: 'raw', jsonOutput: `={{ JSON.stringify({ debtorId: $json.debtorId, rowId: $json.rowId, ${rest} }) }}`, options: {} };
}

/** How often a change is applied again after losing to a concurrent write before it gives up. */
export const MAX_ATTEMPTS = 60;

export interface RecordChangeOptions {
	/**
	 * The node whose output-0 items are the changes (each with `debtorId`, `rowId` when known, and what
	 * the change reads). The piece counts its items to know when every change is settled: a node that
	 * runs once per execution gives one outcome per change after the loop.
	 */
	from: string;
	/** Prefix of every node name of the piece ("" or e.g. "Contact: "), so a workflow can hold two. */
	prefix?: string;
	/** Top-left position of the piece on the canvas. */
	position: [number, number];
	/**
	 * JavaScript source of `(record, change) => outcome`: `record` is the debtor's current record (a
	 * copy, free to change; `undefined` when the debtor has no record yet), `change` the item that asked
	 * for the change. The outcome is `{ record }` to write that record (return the changed copy), or
	 * `{}` when nothing is to be written; any other keys of the outcome travel on under `recordChange.outcome`.
	 * It must be a pure function of its two arguments: it may run several times for one item.
	 */
	change: string;
	/**
	 * Name of a boolean field of the change item that says this change may bring a new debtor: the
	 * debtor's row is then made first (an upsert on debtorId, so two changes for the same new debtor at
	 * once find the same row). A row made for a change that then writes nothing is deleted again while
	 * it is still empty. Without it, a change for a debtor without a row writes nothing.
	 */
	createWhen?: string;
	/**
	 * JavaScript expression for the row's `status` given `record`; default: `open` while a claim is
	 * open, else `closed`.
	 */
	status?: string;
}

/**
 * The node after the loop: it outputs every change exactly once, when all are settled, each item the
 * debtor's record (as written, or as found) with `recordChange`: `change` (the item that asked),
 * `outcome` (what the change function returned besides the record), and one of `written: true`,
 * `write: false` (nothing to write; with `lost` when there was something to write but the debtor's row
 * is gone), `error` (the changed record breaks the debtor schema: not written) or `gaveUp` (kept losing
 * to concurrent writes: not written).
 */
export type RecordChangePiece = string;

const DEFAULT_STATUS = "(record.claims ?? []).some((claim) => claim.openCents > 0) ? 'open' : 'closed'";

/**
 * What the record loop needs from a store: how a row is read and written and how a write is told
 * apart from one that lost to a concurrent writer. The loop itself (apply, check the whole record,
 * retry, the barrier) is the same for both stores.
 */
export interface RecordStore {
	readonly kind: 'dataTable' | 'postgres';
	/** Data Tables: the row of a debtor a change may bring is made before the read (an upsert). Returns the node the read follows. */
	makeRowFirst?(c: Canvas, name: (text: string) => string, position: [number, number], head: string, createWhen: string): string;
	/** The node that reads the current row of each change item's debtor (one output item per row found). */
	read(c: Canvas, name: string, position: [number, number]): string;
	/** Code of "Apply the change". */
	applyCode(head: string, change: string, status: string, createWhen: string | undefined): string;
	/** Parameters of "Row to write" (a Set node): what the write reads. */
	readonly rowToWrite: Json;
	/** The write that succeeds only while the row is as read. */
	write(c: Canvas, name: string, position: [number, number]): string;
	/** Code of "Written?". */
	writtenCode(before: string, row: string): string;
	/** Data Tables: rows older versions left for the same debtor, and rows made for a change that wrote nothing. */
	readonly cleansUp: boolean;
}

/**
 * Adds the compare-and-swap loop for debtor records to the canvas (see the file comment). Returns
 * the entry node and the exits.
 */
export function recordChange(c: Canvas, options: RecordChangeOptions, store: RecordStore = DATA_TABLE_RECORDS): RecordChangePiece {
	const p = options.prefix ?? '';
	const [x, y] = options.position;
	const name = (text: string) => `${p}${text}`;

	const head = c.add(name('Changes to write'), 'n8n-nodes-base.noOp', 1, [x, y]);
	c.link(options.from, head);
	let toRead = head;
	if (options.createWhen && store.makeRowFirst) toRead = store.makeRowFirst(c, name, [x, y], head, options.createWhen);
	const read = store.read(c, name('Read the current row'), [x + 200, y]);
	const apply = c.add(name('Apply the change'), 'n8n-nodes-base.code', 2, [x + 400, y], {
		mode: 'runOnceForAllItems',
		jsCode: store.applyCode(head, options.change, options.status ?? DEFAULT_STATUS, options.createWhen),
	});
	const anything = c.add(name('Anything to write?'), 'n8n-nodes-base.if', 2.2, [x + 600, y], isTrue('={{ $json.recordChange.write }}'));
	// Every record is checked against the whole debtor schema before it is written: a change never
	// stores a record that a node would later refuse (an invalid one is not written).
	const check = c.ours(name('Check the whole record'), 'debtorSegmenter', [x + 800, y - 80], { routing: 'single', check: 'whole', language: 'en' });
	c.link(anything, check, 0);
	const toRow = check;
	const row = c.add(name('Row to write'), 'n8n-nodes-base.set', 3.4, [x + 1000, y - 80], store.rowToWrite);
	const write = store.write(c, name('Write if unchanged'), [x + 1200, y - 80]);
	const written = c.add(name('Written?'), 'n8n-nodes-base.code', 2, [x + 1400, y - 80], {
		mode: 'runOnceForAllItems',
		jsCode: store.writtenCode(toRow, row),
	});
	const wasWritten = c.add(name('Was it written?'), 'n8n-nodes-base.if', 2.2, [x + 1600, y - 80], isTrue('={{ $json.recordChange.written }}'));
	const again = c.add(name('Try again?'), 'n8n-nodes-base.if', 2.2, [x + 1800, y + 40], isTrue(`={{ $json.recordChange.attempt < ${MAX_ATTEMPTS} }}`));
	const retry = c.add(name('The change, once more'), 'n8n-nodes-base.set', 3.4, [x + 2000, y + 120], {
		mode: 'raw',
		jsonOutput: '={{ Object.assign({}, $json.recordChange.change, { recordAttempt: $json.recordChange.attempt }) }}',
		options: {},
	});
	const gaveUp = c.add(name('Gave up'), 'n8n-nodes-base.set', 3.4, [x + 2000, y + 280], {
		mode: 'raw',
		jsonOutput: `={{ Object.assign({}, $json, { recordChange: Object.assign({}, $json.recordChange, { gaveUp: 'the record kept changing: not written after ${MAX_ATTEMPTS} attempts' }) }) }}`,
		options: {},
	});
	const older = store.cleansUp ? olderRows(c, name, [x, y]) : undefined;

	c.link(toRead, read);
	c.link(read, apply);
	c.link(apply, anything);
	c.link(toRow, row, 0);
	c.link(row, write);
	c.link(write, written);
	c.link(written, wasWritten);
	if (older) {
		c.link(wasWritten, older[0], 0);
		c.link(older[0], older[1]);
	}
	c.link(wasWritten, again, 1);
	c.link(again, retry, 0);
	c.link(again, gaveUp, 1);
	c.link(retry, head);

	// Every way out meets here, once per round; the barrier after it lets the items go on once, together.
	const left = c.add(name('Left the record loop'), 'n8n-nodes-base.noOp', 1, [x + 2200, y - 80]);
	c.link(wasWritten, left, 0);
	c.link(anything, left, 1);
	c.link(check, left, 1);
	c.link(gaveUp, left);
	const settled = c.add(name('Every change settled'), 'n8n-nodes-base.code', 2, [x + 2400, y - 80], {
		mode: 'runOnceForAllItems',
		jsCode: settledCode(options.from, left),
	});
	c.link(left, settled);
	if (options.createWhen && store.cleansUp) {
		// A row made for a new debtor whose change then wrote nothing (rejected) goes again, if still empty.
		const empty = c.add(name('Rows made for nothing'), 'n8n-nodes-base.code', 2, [x + 2400, y + 120], {
			mode: 'runOnceForAllItems',
			jsCode: 'return $input.all().filter((item) => !item.json.recordChange.written && item.json.recordChange.expected === \'\' && item.json.recordChange.rowId).map((item) => ({ json: { id: item.json.recordChange.rowId } }));',
		});
		const removeEmpty = c.add(name('Delete them while empty'), 'n8n-nodes-base.dataTable', 1.1, [x + 2600, y + 120], deleteRowsWhere('sc_debtors', [
			['id', 'eq', '={{ $json.id }}'],
			['record', 'isEmpty'],
		]));
		c.link(left, empty);
		c.link(empty, removeEmpty);
	}
	return settled;
}

/** Data Tables: the older duplicate rows of a written debtor, and their deletion. */
function olderRows(c: Canvas, name: (text: string) => string, [x, y]: [number, number]): [string, string] {
	const older = c.add(name('Older duplicate rows'), 'n8n-nodes-base.code', 2, [x + 1800, y - 200], {
		mode: 'runOnceForAllItems',
		jsCode: [
			'// Rows a version before 0.9 could leave behind for the same debtor: the written row is the newest.',
			'return $input.all().flatMap((item) => (item.json.recordChange.olderRowIds ?? []).map((id) => ({ json: { id, debtorId: item.json.recordChange.change.debtorId } })));',
		].join('\n'),
	});
	const removeOlder = c.add(name('Delete older duplicate rows'), 'n8n-nodes-base.dataTable', 1.1, [x + 2000, y - 200], deleteRowsWhere('sc_debtors', [
		['id', 'eq', '={{ $json.id }}'],
		['debtorId', 'eq', '={{ $json.debtorId }}'],
	]));
	return [older, removeOlder];
}

/**
 * The Data Table edition: a Data Table row per debtor (`record` holds the JSON text). A new debtor's
 * row is made first by an upsert on debtorId; the write is an update whose filter is the row's id and
 * the exact text read (compare-and-swap); it returns the rows it changed.
 */
export const DATA_TABLE_RECORDS: RecordStore = {
	kind: 'dataTable',
	makeRowFirst(c, name, [x, y], head, createWhen) {
		// An upsert changes nothing when the row exists; a change that may not create only tries it.
		const ensure = c.add(name('Make sure a new debtor has a row'), 'n8n-nodes-base.dataTable', 1.1, [x + 100, y + 160], {
			resource: 'row',
			operation: 'upsert',
			dataTableId: table('sc_debtors'),
			matchType: 'allConditions',
			filters: { conditions: [{ keyName: 'debtorId', condition: 'eq', keyValue: '={{ $json.debtorId }}' }] },
			columns: columnsFrom({ debtorId: '={{ $json.debtorId }}' }),
			options: { dryRun: `={{ !$json.${createWhen} }}` },
		}, { alwaysOutputData: true });
		const back = c.add(name('Back to the changes'), 'n8n-nodes-base.code', 2, [x + 300, y + 160], {
			mode: 'runOnceForAllItems',
			jsCode: `return $(${JSON.stringify(head)}).all().map((item) => ({ json: item.json }));`,
		});
		c.link(head, ensure);
		c.link(ensure, back);
		return back;
	},
	read: (c, name, position) =>
		c.add(name, 'n8n-nodes-base.dataTable', 1.1, position, {
			resource: 'row',
			operation: 'get',
			dataTableId: table('sc_debtors'),
			matchType: 'allConditions',
			filters: {
				conditions: [
					// By the row's id when the item knows it (an index lookup), else by debtorId.
					{ keyName: "={{ $json.rowId ? 'id' : 'debtorId' }}", condition: 'eq', keyValue: '={{ $json.rowId ? $json.rowId : $json.debtorId }}' },
				],
			},
			returnAll: true,
		}, { alwaysOutputData: true }),
	applyCode: (head, change, status) => applyCode(head, change, status),
	rowToWrite: {
		mode: 'raw',
		jsonOutput: [
			'={{ JSON.stringify({',
			'  rowId: $json.recordChange.rowId,',
			'  expected: $json.recordChange.expected,',
			'  status: $json.recordChange.status,',
			'  record: $json.recordChange.text,',
			'}) }}',
		].join('\n'),
		options: {},
	},
	write: (c, name, position) =>
		c.add(name, 'n8n-nodes-base.dataTable', 1.1, position, {
			resource: 'row',
			operation: 'update',
			dataTableId: table('sc_debtors'),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'id', condition: 'eq', keyValue: '={{ $json.rowId }}' },
					// A row made for a new debtor has no record yet: "is empty" matches it.
					{ keyName: 'record', condition: "={{ $json.expected ? 'eq' : 'isEmpty' }}", keyValue: '={{ $json.expected }}' },
				],
			},
			columns: columnsFrom({ status: '={{ $json.status }}', record: '={{ $json.record }}' }),
			options: {},
		}, { alwaysOutputData: true }),
	writtenCode,
	cleansUp: true,
};

/**
 * The Postgres edition: a row of sc_debtors per debtor (primary key debtor_id, `record` jsonb, and
 * `version`, raised by a trigger on every change of record or status). The read gives record and
 * version; the write is `UPDATE ... WHERE debtor_id = $1 AND version = $2` (optimistic concurrency:
 * under READ COMMITTED a concurrent writer's committed change makes the version differ, so the
 * update matches no row), or for a debtor without a row `INSERT ... ON CONFLICT (debtor_id) DO
 * NOTHING` (two requests for the same new debtor: one inserts, the other applies its change again
 * to that row). Either returns a row only when it wrote. Each write is its own statement
 * (queryBatching `independently`): a record write needs no transaction with other debtors' writes,
 * and one transaction over several debtors' rows could deadlock with another request's.
 */
export const POSTGRES_RECORDS: RecordStore = {
	kind: 'postgres',
	read: (c, name, position) => postgresNode(c, name, position, SQL.readRecord, '={{ [$json.debtorId] }}', { alwaysOutputData: true }),
	applyCode: postgresApplyCode,
	rowToWrite: {
		mode: 'raw',
		jsonOutput: [
			'={{ JSON.stringify({',
			'  debtorId: $json.recordChange.change.debtorId,',
			'  version: $json.recordChange.version,',
			'  status: $json.recordChange.status,',
			'  record: $json.recordChange.text,',
			// Which item wrote: the write returns it with the row it wrote.
			'  item: $itemIndex,',
			'}) }}',
		].join('\n'),
		options: {},
	},
	write: (c, name, position) =>
		postgresNode(c, name, position, SQL.writeRecord, '={{ [$json.debtorId, $json.version, $json.status, $json.record, $json.item] }}', { alwaysOutputData: true }, 'independently'),
	writtenCode: postgresWrittenCode,
	cleansUp: false,
};

/**
 * Code of "Every change settled": a barrier. The loop's exit runs once per round with that round's
 * items; this node gathers every run so far and lets them all through only when each change of
 * `from` has come out (each comes out exactly once), so what follows runs once. (When `from` runs
 * several times, once per link into it, it lets through what has settled after each of its runs.)
 */
function settledCode(from: string, left: string): string {
	return `// Every run so far of a node (a node fed by several links runs once per link that brings items).
const allRuns = (node, output) => {
  const items = [];
  for (let run = 0; ; run++) {
    try { items.push(...$(node).all(output, run)); } catch (error) { return items; }
  }
};
const expected = allRuns(${JSON.stringify(from)}, 0).length;
const settled = allRuns(${JSON.stringify(left)}, 0);
if (settled.length < expected) return [];
return settled.map((item) => ({ json: item.json }));`;
}

/**
 * Code of "Apply the change": for each item of this round (the items of the loop head's latest run),
 * the debtor's newest row, the change applied to a copy of its record, and what to write.
 */
function applyCode(head: string, change: string, status: string): string {
	return `// The items of this round: the loop head's latest run (a retry is a new run of it).
const changes = $(${JSON.stringify(head)}).all().map((item) => item.json);
const rowsOf = new Map();
for (const { json: row } of $input.all()) {
  if (!row || row.id === undefined || !row.debtorId) continue;
  if (!rowsOf.has(row.debtorId)) rowsOf.set(row.debtorId, []);
  rowsOf.get(row.debtorId).push(row);
}
const change = (${change});
const statusOf = (record) => (${status});
return changes.map((item) => {
  const { recordAttempt, ...asked } = item;
  // The newest row is the debtor's record (older duplicates are deleted after the write).
  const rows = (rowsOf.get(item.debtorId) ?? []).slice().sort((a, b) => b.id - a.id);
  const row = rows[0];
  const text = row && typeof row.record === 'string' && row.record !== '' ? row.record : '';
  const current = text ? JSON.parse(text) : undefined;
  const { record, ...outcome } = change(current === undefined ? undefined : JSON.parse(text), asked) ?? {};
  const attempt = (recordAttempt ?? 0) + 1;
  const base = { rowId: row ? row.id : null, expected: text, olderRowIds: rows.slice(1).map((r) => r.id), attempt, change: asked, outcome };
  if (!record || !row) {
    // A record to write but no row: the debtor was removed (or its empty row cleared) meanwhile.
    const lost = !row && record ? { lost: 'the debtor has no row in sc_debtors' } : {};
    return { json: Object.assign({}, current ?? { debtorId: item.debtorId }, { recordChange: Object.assign(base, { write: false }, lost) }) };
  }
  const newText = JSON.stringify(record);
  if (newText === text) return { json: Object.assign({}, record, { recordChange: Object.assign(base, { write: false }) }) };
  return { json: Object.assign({}, record, { recordChange: Object.assign(base, { write: true, text: newText, status: statusOf(record) }) }) };
});`;
}

/** Code of "Written?": an item is written when the update returned its row holding exactly its text. */
function writtenCode(before: string, row: string): string {
	return `// The update returns the rows it changed; a row that changed in between was not matched.
const returned = new Map($input.all().filter((item) => item.json && item.json.id !== undefined).map((item) => [item.json.id, item.json.record]));
const asked = $(${JSON.stringify(row)}).all().map((item) => item.json);
return $(${JSON.stringify(before)}).all(0).map((item, index) => {
  const want = asked[index];
  const written = returned.get(want.rowId) === want.record;
  return { json: Object.assign({}, item.json, { segmentation: undefined, recordChange: Object.assign({}, item.json.recordChange, { written }) }) };
});`;
}

/**
 * Code of "Apply the change" on Postgres: for each item of this round, the debtor's row (record as
 * JSON, version), the change applied to a copy of its record, and what to write. A debtor without a
 * row gets one from the write when the change may create it (`createWhen`).
 */
function postgresApplyCode(head: string, change: string, status: string, createWhen: string | undefined): string {
	return `// The items of this round: the loop head's latest run (a retry is a new run of it).
const changes = $(${JSON.stringify(head)}).all().map((item) => item.json);
const rowOf = new Map($input.all().map((item) => item.json).filter((row) => row && row.debtorId && row.record).map((row) => [row.debtorId, row]));
const change = (${change});
const statusOf = (record) => (${status});
return changes.map((item) => {
  const { recordAttempt, ...asked } = item;
  const row = rowOf.get(item.debtorId);
  const current = row ? row.record : undefined;
  const was = row ? JSON.stringify(current) : '';
  const { record, ...outcome } = change(row ? JSON.parse(was) : undefined, asked) ?? {};
  const attempt = (recordAttempt ?? 0) + 1;
  // version 0: no row yet, the write inserts one.
  const base = { version: row ? Number(row.version) : 0, attempt, change: asked, outcome };
  const mayCreate = ${createWhen ? `asked[${JSON.stringify(createWhen)}] === true` : 'false'};
  if (!record || (!row && !mayCreate)) {
    // A record to write but no row, and the change may not make one: the debtor is unknown or was removed.
    const lost = !row && record ? { lost: 'the debtor has no row in sc_debtors' } : {};
    return { json: Object.assign({}, current ?? { debtorId: item.debtorId }, { recordChange: Object.assign(base, { write: false }, lost) }) };
  }
  const text = JSON.stringify(record);
  if (text === was) return { json: Object.assign({}, record, { recordChange: Object.assign(base, { write: false }) }) };
  return { json: Object.assign({}, record, { recordChange: Object.assign(base, { write: true, text, status: statusOf(record) }) }) };
});`;
}

/** Code of "Written?" on Postgres: the write returns the item's number only when it wrote that item's record. */
function postgresWrittenCode(before: string): string {
	return `// The write returns a row (with the item's number) only when the version still was the one read, or it made the row.
const wrote = new Set($input.all().map((item) => item.json).filter((row) => row && row.item !== undefined && row.item !== null).map((row) => Number(row.item)));
return $(${JSON.stringify(before)}).all(0).map((item, index) => ({
  json: Object.assign({}, item.json, { segmentation: undefined, recordChange: Object.assign({}, item.json.recordChange, { written: wrote.has(index) }) }),
}));`;
}
