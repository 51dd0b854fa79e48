/**
 * The Data Table edition's limit: n8n refuses every Data Table insert, update and upsert once all Data
 * Tables of the instance together reach N8N_DATA_TABLES_MAX_SIZE_BYTES (200 MiB unless set). It checks
 * the size before each write call, not what the call adds, and one node writing item by item makes
 * one call per item: a run that starts just below the limit can cross it half-way, with messages sent
 * and records not saved. And n8n's error ("Data table size limit exceeded") names neither the setting
 * nor a way out, and an error output on a Data Table node does not catch it (n8n 2.41.1 hands the
 * item on as if written).
 *
 * So each workflow checks, before its first write, that the room its whole run needs is free: it
 * writes that much (a row of `sc_room` holding incompressible text), asks n8n whether a write would
 * still be allowed (a dry-run upsert, which n8n checks like a real write), and deletes the row again.
 * When there is no room the run stops there, before it wrote or sent anything, with
 * {@link FULL_MESSAGE}.
 */
import { Canvas, columnsFrom, isTrue, table } from './canvas';

/** The table that holds the reserve while a run checks its room (made by workflow 0). */
export const ROOM_TABLE = 'sc_room';

/** Every reserve is at least this large (a webhook run writes a record or two; several can run at once). */
export const MIN_RESERVE_BYTES = 1024 * 1024;

/**
 * Room a daily run (workflows 1, 3, 7) needs per open debtor: its contact-log row and, when it is
 * contacted, the record written again with the contact (Postgres keeps the old row version until it
 * is vacuumed, so a whole record). Measured on SQLite: about 330 bytes per
 * debtor and day (`npm run bench:dt-limit`: 324 on a first day); about three times that, for Postgres row versions and busier days.
 */
export const DAILY_RUN_BYTES_PER_DEBTOR = 1024;

/** Room per ERP event (workflow 2): the debtor's record written again (a whole record) and its sc_intake row. */
export const INTAKE_BYTES_PER_EVENT = 32 * 1024;

/** Room per report or form answer (workflows 4, 5, 6): a record written again, log rows and a task. */
export const EVENT_BYTES = 32 * 1024;

/** What a stopped run says, before the room it needed (`{{ … }}` is filled in by n8n). */
export const FULL_MESSAGE =
	"Stopped before writing anything: n8n's Data Tables are full. All Data Tables of this n8n together may hold N8N_DATA_TABLES_MAX_SIZE_BYTES " +
	'(200 MiB unless set), and this run needs about {{ mb }} MB more. Raise N8N_DATA_TABLES_MAX_SIZE_BYTES in the environment of n8n (and of its workers), ' +
	'or move to the Postgres edition of these workflows (docs/scale.md). If the table sc_room is missing, run "Social Collections: set up data tables" once.';

export interface RoomOptions {
	/** The node whose output-0 items start the writes; they go on unchanged when there is room. */
	from: string;
	position: [number, number];
	/** JavaScript expression of `items` (the JSON of `from`'s items): the bytes the run may write. */
	bytes: string;
	/** Prefix of the piece's node names (e.g. "Held: "), so a workflow can hold two. */
	prefix?: string;
	/** Where the Merge that lets the items on goes (default: right of the check). */
	merge?: [number, number];
	/** Optional node to run before the stop (e.g. a webhook answer); it gets one item with `message`. */
	beforeStop?: (c: Canvas, position: [number, number]) => string;
}

/**
 * Adds the room check after `options.from` (see the file comment) and returns the node to continue
 * from: a Merge that lets `from`'s items on, unchanged, once the room is known to be free.
 */
export function roomForWrites(c: Canvas, options: RoomOptions): string {
	const [x, y] = options.position;
	const name = (text: string) => `${options.prefix ?? ''}${text}`;
	const from = JSON.stringify(options.from);
	const bytes = `Math.max(${MIN_RESERVE_BYTES}, Math.ceil(((items) => (${options.bytes}))($(${from}).all().map((item) => item.json))))`;
	// A random block longer than any compressor's window, repeated: Postgres would otherwise compress
	// the reserve (TOAST) and it would hold less room than it says.
	const reserveText = [
		'={{ (() => {',
		`  const bytes = ${bytes};`,
		"  const symbols = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';",
		'  let block = \'\';',
		'  for (let i = 0; i < 70000; i++) block += symbols[Math.floor(Math.random() * 64)];',
		'  return block.repeat(Math.ceil(bytes / block.length)).slice(0, bytes);',
		'})() }}',
	].join('\n');
	const reserve = c.add(name('Room: reserve it'), 'n8n-nodes-base.dataTable', 1.1, [x, y + 200], {
		resource: 'row',
		operation: 'insert',
		dataTableId: table(ROOM_TABLE),
		columns: columnsFrom({ run: '={{ $execution.id }}', reserve: reserveText }),
		options: { optimizeBulk: true },
	}, { executeOnce: true, onError: 'continueRegularOutput' });
	// n8n checks a dry run like a write: this fails when the reserve took the last room.
	const check = c.add(name('Room: still allowed to write?'), 'n8n-nodes-base.dataTable', 1.1, [x + 200, y + 200], {
		resource: 'row',
		operation: 'upsert',
		dataTableId: table(ROOM_TABLE),
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'run', condition: 'eq', keyValue: '(room check)' }] },
		columns: columnsFrom({ run: '(room check)' }),
		options: { dryRun: true },
	}, { executeOnce: true, onError: 'continueRegularOutput' });
	const release = c.add(name('Room: release the reserve'), 'n8n-nodes-base.dataTable', 1.1, [x + 400, y + 200], {
		resource: 'row',
		operation: 'deleteRows',
		dataTableId: table(ROOM_TABLE),
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'run', condition: 'eq', keyValue: '={{ $execution.id }}' }] },
		options: {},
	}, { executeOnce: true, alwaysOutputData: true });
	// The two Data Table nodes hand on their input when they fail (the size limit, or no sc_room):
	// only their own answers (a count, a dry-run row) say the write was allowed.
	const enough = c.add(name('Room for this run?'), 'n8n-nodes-base.if', 2.2, [x + 600, y + 200], isTrue(
		`={{ $(${JSON.stringify(reserve)}).first().json.success === true && $(${JSON.stringify(check)}).first().json.dryRunState !== undefined }}`,
	));
	const [before, after] = FULL_MESSAGE.split('{{ mb }}');
	const full = c.add(name('Data Tables full'), 'n8n-nodes-base.set', 3.4, [x + 800, y + 300], {
		mode: 'raw',
		jsonOutput: `={{ JSON.stringify({ message: ${JSON.stringify(before)} + Math.ceil((${bytes}) / 1000000) + ${JSON.stringify(after)} }) }}`,
		options: {},
	}, { executeOnce: true });
	const stop = c.add(name('Stop: Data Tables full'), 'n8n-nodes-base.stopAndError', 1, [x + 1200, y + 300], { errorMessage: '={{ $json.message }}' });
	const goOn = c.add(name('Room checked'), 'n8n-nodes-base.merge', 3.2, options.merge ?? [x + 1000, y], {
		mode: 'chooseBranch',
		chooseBranchMode: 'waitForAll',
		output: 'specifiedInput',
		useDataOfInput: 1,
	});
	c.link(options.from, goOn, 0, 0);
	c.link(options.from, reserve);
	c.link(reserve, check);
	c.link(check, release);
	c.link(release, enough);
	c.link(enough, goOn, 0, 1);
	c.link(enough, full, 1);
	if (options.beforeStop) {
		const answer = options.beforeStop(c, [x + 1000, y + 400]);
		c.link(full, answer);
		c.link(answer, stop);
	} else {
		c.link(full, stop);
	}
	return goOn;
}
