/**
 * Where a workflow keeps its state: n8n Data Tables (the embedded edition, workflows/*.json) or the
 * package's PostgreSQL schema (the Postgres edition, workflows/postgres/*.json, sql/). A workflow is
 * described once (e.g. 01-daily-collection-journey.ts) and takes a store; the store supplies what
 * differs: how the day's debtors are loaded, how rows are appended to the contact log and the task
 * list, how a record is read and written (the record loop, recordChange.ts), how a send is claimed
 * before it is sent, and how the ERP intake finds and logs its events.
 *
 * The Postgres pieces write with n8n's own Postgres node and its `postgres` credential. Every value
 * from an item travels as a query parameter ($1, $2, ...; a row as one JSON parameter), never as
 * text in the SQL: the queries below are constants.
 */
import { Canvas, appendRows, openDebtors, type Json } from './canvas';
import { roomForWrites, type RoomOptions } from './dataTableRoom';
import { rowsWhere } from './dataTables';
import { DATA_TABLE_RECORDS, POSTGRES_RECORDS, recordChange, type RecordChangeOptions, type RecordStore } from './recordChange';
import { BATCH_DAY, BATCH_NOW, BATCH_PATH, BATCH_WEBHOOK_ID, batchWebhook, postgresNode as postgres, SQL, type RangeBatches } from './postgres';
import { sendEmailAfter } from './sendEmail';

export { POSTGRES_CREDENTIAL } from './postgres';

/** A node's output: [node name, output index]. */
export type Output = [string, number];

/** Where the Channel Sender's outputs come out, after whatever the store puts around it. */
export interface SendOutputs {
	/** The node the items due today go into. */
	entry: string;
	/** Sent (or known sent by an earlier run: `delivery.alreadySent`). */
	sent: Output[];
	/** Not sent, including `delivery.unconfirmed` (outcome unknown). */
	notSent: Output[];
	/** Records a step could not use ("Invalid" outputs). */
	invalid: Output[];
}

export interface SendPiece {
	name: string;
	position: [number, number];
	/** The Channel Sender's parameters as the Data Table edition has them. */
	parameters: Json;
}

export interface LoadOpenOptions {
	/** The workflow's batches: its webhook, who claims its sends, the query of one range (postgres.ts). */
	batches: RangeBatches;
	/** Where the node of records goes on the canvas. */
	position: [number, number];
}

export interface Store {
	readonly kind: 'dataTable' | 'postgres';
	/**
	 * Triggers, Settings (`referenceDate`, `now`) and the day's debtors; returns the node whose items
	 * are debtor records. Data Tables: every open debtor, on a schedule. Postgres: a batch of due
	 * debtors claimed by a batch execution (see postgres.ts).
	 */
	dueDebtors(c: Canvas, hour: number): string;
	/** A node that appends its input items as rows of `table` (sc_contact_log, sc_tasks). */
	appendRows(c: Canvas, name: string, position: [number, number], table: 'sc_contact_log' | 'sc_tasks'): string;
	/**
	 * Changes debtor records (the record loop of recordChange.ts on Data Tables). Undefined when the
	 * store writes a journey's contacts with its contact-log row instead (Postgres: one statement).
	 */
	changeRecord?(c: Canvas, options: RecordChangeOptions): string;
	/** The Channel Sender, and what the store puts before and after it. */
	send(c: Canvas, piece: SendPiece): SendOutputs;
	/**
	 * Workflows 3 and 7: a node appending its input items as rows of `table`, as they are (the daily
	 * journey's `appendRows` also settles its debtor on Postgres). On Postgres a second contact-log row
	 * with the same idempotency key is refused, and a municipality signal is prepared once per arrears.
	 */
	logRows(c: Canvas, name: string, position: [number, number], table: 'sc_contact_log' | 'sc_tasks' | 'sc_municipality_signals'): string;
	/**
	 * Postgres, workflows 3 and 7: the batch workflow's start. Its JWT-protected webhook (the dispatcher,
	 * rangeDispatcher in postgres.ts, calls it once per range of debtor_id), Settings from the request
	 * (`referenceDate`, `now`, `owner`: who claims sends, this execution; `first`, `last`: the range)
	 * and the records of the open debtors of that range, so one execution holds at most a batch;
	 * output 1 of the returned node has the rows whose record is not a JSON object. The Data Table
	 * edition loads every open debtor with canvas.ts (openDebtors) and its own nodes.
	 */
	loadOpen?(c: Canvas, o: LoadOpenOptions): string;
	/** How the record loop (recordChange.ts) reads and writes a debtor's row. */
	readonly records: RecordStore;
	/**
	 * Data Tables only: the room check before a run's first write (dataTableRoom.ts); a store without
	 * n8n's Data Table cap has none.
	 */
	roomForWrites?(c: Canvas, options: RoomOptions): string;
	/** ERP intake: a node giving, for its items' `eventId`s, rows `{ eventId, result: 'accepted' }` of events accepted before. */
	acceptedBefore(c: Canvas, name: string, position: [number, number]): string;
	/**
	 * ERP intake: a node logging each answer item in sc_intake. Returns it and the node whose items are
	 * the answers as logged (`eventId`, `result`, `reason`), in the order of the request.
	 */
	logIntake(c: Canvas, name: string, position: [number, number]): { log: string; answers: string };
}

/** The embedded edition: n8n Data Tables, the Channel Sender's own send ledger. */
export const DATA_TABLES: Store = {
	kind: 'dataTable',
	dueDebtors: (c, hour) => openDebtors(c, hour),
	appendRows: (c, name, position, table) => appendRows(c, name, position, table),
	changeRecord: (c, options) => recordChange(c, options),
	send(c, piece) {
		const send = c.ours(piece.name, 'channelSender', piece.position, piece.parameters);
		const mail = sendEmailAfter(c, send, [piece.position[0] + 220, piece.position[1] - 320]);
		return { entry: send, sent: [mail.sent], notSent: [mail.notSent], invalid: [[send, 2]] };
	},
	logRows: (c, name, position, table) => appendRows(c, name, position, table),
	records: DATA_TABLE_RECORDS,
	roomForWrites: (c, options) => roomForWrites(c, options),
	acceptedBefore: (c, name, position) =>
		c.add(name, 'n8n-nodes-base.dataTable', 1.1, position, rowsWhere('sc_intake', [
			['eventId', '={{ $json.eventId }}'],
			['result', 'accepted'],
		]), { alwaysOutputData: true }),
	// The answers are the rows as the workflow made them: an accepted row is unique by the check before.
	logIntake: (c, name, position) => ({ log: appendRows(c, name, position, 'sc_intake'), answers: 'Result per event' }),
};

/**
 * The Postgres edition of the daily journey's pieces. The start is the batch workflow's: a protected
 * webhook (the dispatcher calls it once per batch), Settings from the request, and the claim of a
 * batch of due debtors (postgres.ts).
 */
export const POSTGRES: Store = {
	kind: 'postgres',
	dueDebtors: (c) => batchStart(c),
	appendRows(c, name, position, table) {
		// All rows of the node's input in one statement (executeOnce: the query runs once, its parameter
		// holds every input item). The contact log rows also settle their debtors: contacts added, next
		// step date, planned, lease released.
		return table === 'sc_contact_log'
			? postgresOnce(c, name, position, SQL.writeDecisions, `={{ [${ALL_ITEMS}, $('Settings').first().json.owner] }}`)
			: postgresOnce(c, name, position, SQL.appendTasks, `={{ [${ALL_ITEMS}] }}`);
	},
	send(c, piece) {
		const [x, y] = piece.position;
		const options = { ...(piece.parameters.options as Json), ledger: 'off' };
		// The contact key of each due contact, from the Channel Sender itself (a dry run sends nothing):
		// the key the real send uses, derived by the same code (journey step, claims, stage, debtor).
		const keys = c.ours('Contact keys', 'channelSender', [x, y], { ...piece.parameters, dryRun: true, options });
		// All due contacts claimed in one statement; its rows come back in the order of the items, one each,
		// and are put beside them by position (a Merge node: no Code node, no task runner).
		const claim = postgresOnce(
			c,
			'Claim the sends',
			[x + 200, y + 120],
			SQL.claimSends,
			"={{ [JSON.stringify($input.all().map((item) => ({ contactKey: item.json.delivery.contactKey, debtorId: item.json.debtorId }))), $('Settings').first().json.referenceDate, $('Settings').first().json.owner] }}",
		);
		const byContact = c.add('Claim per contact', 'n8n-nodes-base.merge', 3.2, [x + 400, y], {
			mode: 'combine',
			combineBy: 'combineByPosition',
			options: { clashHandling: { values: { resolveClash: 'preferLast', mergeMode: 'shallowMerge' } } },
		});
		const claimed = c.add('Claimed by this run?', 'n8n-nodes-base.if', 2.2, [x + 600, y], isClaim("$json.sendClaim.claim === 'claimed'"));
		const send = c.ours(piece.name, 'channelSender', [x + 800, y - 80], { ...piece.parameters, options });
		const sentBefore = c.add('Sent by an earlier run?', 'n8n-nodes-base.if', 2.2, [x + 800, y + 120], isClaim("$json.sendClaim.claim === 'sent'"));
		// The same delivery the Channel Sender gives a contact its ledger knows as sent (alreadySent).
		const recorded = c.add('Recorded as sent', 'n8n-nodes-base.set', 3.4, [x + 1000, y + 60], {
			mode: 'raw',
			jsonOutput: [
				'={{ Object.assign({}, $json, { delivery: {',
				"  status: 'sent', reason: 'already-sent', alreadySent: true, attempts: 0, skipped: [], tried: [],",
				'  channel: $json.sendClaim.channel ?? $json.journey.channel, contactKey: $json.sendClaim.contactKey,',
				'  idempotencyKey: $json.sendClaim.channelKey ?? $json.sendClaim.contactKey,',
				'} }) }}',
			].join('\n'),
			options: {},
		});
		// Claimed by a run that stopped mid-send (or settled as unknown): held for a person, as the ledger holds it.
		const held = c.add('Outcome unknown: held', 'n8n-nodes-base.set', 3.4, [x + 1000, y + 220], {
			mode: 'raw',
			jsonOutput: [
				'={{ Object.assign({}, $json, { delivery: {',
				"  status: 'skipped', reason: 'earlier-attempt-unconfirmed', unconfirmed: true, outcomeUnknown: true, attempts: 0, skipped: [], tried: [],",
				'  channel: $json.sendClaim.channel ?? $json.journey.channel, contactKey: $json.sendClaim.contactKey,',
				'  idempotencyKey: $json.sendClaim.channelKey ?? $json.sendClaim.contactKey,',
				"  errorMessage: 'an earlier run claimed this contact and did not confirm it was sent; check the provider for key ' + ($json.sendClaim.channelKey ?? $json.sendClaim.contactKey) + ' before sending it again',",
				'} }) }}',
			].join('\n'),
			options: {},
		});
		const settle = postgresOnce(
			c,
			'Settle the sends',
			[x + 1000, y - 240],
			SQL.settleSends,
			[
				// A message handed to the Send Email node is settled after it (below), not here.
				'={{ [JSON.stringify($input.all().map((item) => item.json.delivery).filter((delivery) => !delivery.handOff).map((delivery) => ({',
				"  contactKey: delivery.contactKey ?? '',",
				"  outcome: delivery.status === 'sent' || delivery.status === 'queued' ? 'sent' : delivery.unconfirmed || delivery.outcomeUnknown ? 'unconfirmed' : 'release',",
				"  channel: delivery.channel ?? '', channelKey: delivery.idempotencyKey ?? '', messageId: delivery.providerMessageId ?? '',",
				'})))] }}',
			].join('\n'),
		);
		c.link(keys, claim, 1);
		c.link(keys, byContact, 1, 0);
		c.link(claim, byContact, 0, 1);
		c.link(byContact, claimed);
		c.link(claimed, send, 0);
		c.link(claimed, sentBefore, 1);
		c.link(sentBefore, recorded, 0);
		c.link(sentBefore, held, 1);
		c.link(send, settle, 0);
		c.link(send, settle, 1);
		const mail = sendEmailAfter(c, send, [x + 1000, y - 560]);
		for (const [node, output] of mail.settled) c.link(node, settle, output);
		return { entry: keys, sent: [mail.sent, [recorded, 0]], notSent: [mail.notSent, [held, 0]], invalid: [[keys, 2], [send, 2]] };
	},
	logRows(c, name, position, table) {
		// Tasks: all rows of the input in one statement, as the daily batch writes them.
		if (table === 'sc_tasks') return postgresOnce(c, name, position, SQL.appendTasks, `={{ [${ALL_ITEMS}] }}`);
		const query = table === 'sc_contact_log' ? SQL.appendLog : SQL.appendSignal;
		return postgres(c, name, position, query, '={{ [JSON.stringify($json)] }}');
	},
	loadOpen: (c, o) => loadOpen(c, o),
	records: POSTGRES_RECORDS,
	acceptedBefore: (c, name, position) => postgres(c, name, position, SQL.acceptedBefore, '={{ [$json.eventId] }}', { alwaysOutputData: true }),
	logIntake(c, name, position) {
		// Each event its own statement: the unique accepted event id decides, per event, accepted or duplicate.
		const log = postgres(c, name, position, SQL.logIntake, '={{ [JSON.stringify($json)] }}', {}, 'independently');
		return { log, answers: log };
	},
};

/** The JSON of every input item of the node (for a node that runs once: `executeOnce`). */
const ALL_ITEMS = 'JSON.stringify($input.all().map((item) => item.json))';

/**
 * A Postgres node whose query runs once for all its input items (n8n's `executeOnce`: the node gets
 * the first item, while `$input.all()` in its parameters still gives every item). One statement per
 * batch instead of one per item: the statement takes the items as one JSON array parameter.
 */
function postgresOnce(c: Canvas, name: string, position: [number, number], query: string, parameters: string): string {
	return postgres(c, name, position, query, parameters, { executeOnce: true });
}

/** If node (v2.2) testing one boolean JavaScript expression. */
function isClaim(expression: string): Json {
	return {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [{ id: `claim-${expression.length}-${expression.charCodeAt(expression.length - 2)}`, leftValue: `={{ ${expression} }}`, rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
			combinator: 'and',
		},
		looseTypeValidation: true,
		options: {},
	};
}

/**
 * Postgres, workflows 3 and 7 (see Store.loadOpen): the batch webhook the dispatcher (rangeDispatcher
 * in postgres.ts) calls once per range of debtor_id, Settings from the request, and the open debtors
 * of the range. Returns the node of debtor records; its error output has the rows whose record is not
 * an object.
 */
function loadOpen(c: Canvas, o: LoadOpenOptions): string {
	const b = o.batches;
	const settings = batchWebhook(c, {
		name: 'Batch of debtors',
		path: b.path,
		webhookId: b.webhookId,
		idPrefix: `${b.owner}-setting`,
		assignments: [
			['referenceDate', BATCH_DAY],
			['now', BATCH_NOW],
			// Who claims this batch's sends in sc_sends: a run that stopped mid-send leaves its claims behind.
			['owner', `={{ ${JSON.stringify(`${b.owner}-`)} + $execution.id }}`],
			// The batch: debtor_id from first to last (both included), as the dispatcher cut them.
			['first', "={{ String($json.body?.first ?? '') }}"],
			['last', "={{ String($json.body?.last ?? '') }}"],
		],
	});
	// Answered when the execution ends (n8n does, 200, or 500 when a node failed); only a load that
	// failed is answered here, at once.
	const load = postgres(c, 'Load debtors', [420, 240], b.load, "={{ [$('Settings').first().json.first, $('Settings').first().json.last] }}", { executeOnce: true, onError: 'continueErrorOutput' });
	const failed = c.add('Answer: load failed', 'n8n-nodes-base.respondToWebhook', 1.5, [620, 440], {
		respondWith: 'json',
		responseBody: "={{ JSON.stringify({ message: 'the batch could not load its debtors' }) }}",
		options: { responseCode: 500 },
	});
	// The record as the Postgres node gives it (jsonb, already an object), with the row's debtor_id
	// to name the debtor in the log and the task when the record's own id is missing or broken.
	const fromRow = c.add('Debtor record from row', 'n8n-nodes-base.set', 3.4, o.position, {
		mode: 'raw',
		jsonOutput: [
			'={{ (() => {',
			'  const record = $json.record;',
			"  if (record !== null && typeof record === 'object' && !Array.isArray(record)) return Object.assign({}, record, { rowDebtorId: $json.debtor_id });",
			"  return { error: { message: 'field record is not a JSON object', field: 'record', problems: [{ field: 'record', message: 'is not a JSON object' }] } };",
			'})() }}',
		].join('\n'),
		options: {},
	}, { onError: 'continueErrorOutput' });
	c.link(settings, load);
	c.link(load, fromRow);
	c.link(load, failed, 1);
	return fromRow;
}

/** Webhook of the batch workflow, its Settings and the claim of a batch; returns the node of debtor records. */
function batchStart(c: Canvas): string {
	// Answered by *Answer: debtors claimed* once the batch holds its debtors (or, with nothing to claim,
	// when the execution ends): the dispatcher then counts again and starts the next batches while this
	// one works, so the workers never wait for the slowest batch of a round.
	const settings = batchWebhook(c, {
		name: 'Batch of due debtors',
		path: BATCH_PATH,
		webhookId: BATCH_WEBHOOK_ID,
		idPrefix: 'batch-setting',
		assignments: [
			['referenceDate', BATCH_DAY],
			['now', BATCH_NOW],
			['nextDay', "={{ DateTime.fromISO(/^\\d{4}-\\d{2}-\\d{2}$/.test($json.body?.day ?? '') ? $json.body.day : $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd')).plus({ days: 1 }).toFormat('yyyy-MM-dd') }}"],
			// Who holds the batch's leases: this execution.
			['owner', "={{ 'batch-' + $execution.id }}"],
			['batchSize', '={{ Math.min(Math.max(parseInt($json.body?.size, 10) || 100, 1), 1000) }}'],
			['leaseMinutes', '={{ Math.min(Math.max(parseInt($json.body?.leaseMinutes, 10) || 15, 1), 240) }}'],
		],
	});
	const claim = postgres(c, 'Claim a batch of due debtors', [420, 240], SQL.claimBatch, "={{ [$json.referenceDate, $json.owner, $json.batchSize, $json.leaseMinutes] }}");
	// Passes the claimed rows on unchanged.
	const answer = c.add('Answer: debtors claimed', 'n8n-nodes-base.respondToWebhook', 1.5, [620, 240], { respondWith: 'noData', options: { responseCode: 200 } });
	const fromRow = c.add('Debtor record from row', 'n8n-nodes-base.set', 3.4, [820, 240], { mode: 'raw', jsonOutput: '={{ $json.record }}', options: {} });
	c.link(settings, claim);
	c.link(claim, answer);
	c.link(answer, fromRow);
	return fromRow;
}
