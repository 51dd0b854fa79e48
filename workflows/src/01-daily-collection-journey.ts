/**
 * Workflow 1: the daily collection journey, described once for both stores (store.ts): the Data
 * Table edition (workflows/01-daily-collection-journey.json: every open debtor, one execution) and
 * the Postgres edition's batch workflow (workflows/postgres/01-daily-collection-journey-batch.json:
 * a batch of due debtors claimed by one execution; its dispatcher is in postgres.ts).
 */
import { Canvas, isTrue, BRAND, BANK, logRow, personTask, type Json } from './canvas';
import { ADD_CONTACTS, changeOfLoaded } from './recordChange';
import { invalidRecordRows, unsavedChangeRows } from './dataTables';
import { DAILY_RUN_BYTES_PER_DEBTOR, roomForWrites } from './dataTableRoom';
import { DATA_TABLES, type Store } from './store';

/** The contacts a sent (or unconfirmed) step adds to the record, one per claim: JavaScript over the item. */
const CONTACTS = [
	'($json.journey.claimIds.length ? $json.journey.claimIds : [null]).map(claimId => ({',
	"      at: $json.schedule.moment, channel: $json.delivery.channel, direction: 'outbound', stage: $json.journey.stage,",
	"      outcome: $json.delivery.unconfirmed === true ? 'unconfirmed' : 'sent', claimId: claimId ?? undefined",
	'    }))',
].join('\n');

/** Postgres: the day after the planned day, when a decision is looked at again. */
const NEXT_DAY = "$('Settings').first().json.nextDay";

/**
 * Postgres: how many days ahead the Debtor Segmenter and the Journey Planner look for the next review
 * date (a debtor with nothing changing is looked at again after at most this many days).
 */
export const LOOK_AHEAD_DAYS = 31;

// ---------------------------------------------------------------------------------------------
// 1. Daily collection journey
// ---------------------------------------------------------------------------------------------
export function dailyJourney(store: Store = DATA_TABLES): Json {
	const pg = store.kind === 'postgres';
	// What a Postgres decision row carries besides the log's columns: the debtor's next step date, and
	// the contacts it adds to the record (written with the row, in one statement: store.ts).
	const settles = (columns: Record<string, string>): Record<string, string> => (pg ? columns : {});
	const c = new Canvas(pg ? '1b000001' : '1a000001');
	c.note(
		'Note: about',
		[-60, -520],
		700,
		460,
		(pg ? PG_NOTES.about : [
			'## Daily collection journey',
			'Every working day at 08:00 (Europe/Amsterdam) this workflow loads the debtors with open claims, segments them, plans the next step of each journey, writes the message, finds the next allowed contact moment and sends what is due **today**. Every decision (sent, not sent, waiting, stopped, task for a person) goes to the contact log.',
			'',
			'**Safe by default:** the Channel Sender uses the **Sandbox** provider for every channel: it sends nothing and records what it would send. Choose real providers (and their credentials) in *Send due messages* when you are ready.',
			'',
			'**Before the first run:** import and run *Social Collections: set up data tables* once (tables `sc_debtors`, `sc_contact_log`, `sc_tasks`), fill in the brand and bank details in *Write the message*, and load your debtors into `sc_debtors` (one row per debtor: `debtorId`, `status`, `record` = the debtor record as JSON, see docs/debtor-model.md) e.g. with workflow 2 (ERP intake).',
			'',
			'Replays and crashes are harmless: the planner is a pure function of record and day, a contact is written back to the record, and the Channel Sender never sends the same journey step twice (send ledger), also when n8n stopped mid-send and the next run is days later: a contact an earlier run sent is recorded as sent, one whose outcome is unknown as `unconfirmed` with a task to check it.',
		]).join('\n'),
		4,
	);
	c.note(
		'Note: load',
		[-60, 0],
		660,
		420,
		(pg ? PG_NOTES.load : [
			'### 1. Load open claims',
			'Default source: the n8n Data Table `sc_debtors`, column `record` holds the debtor record as JSON.',
			'',
			'**Other sources** (Postgres, an ERP over HTTP): replace *Load debtors* and the two save nodes of section 4; docs/workflows/01-daily-collection-journey.md ("Other sources") says how.',
			'',
			'*Settings* holds the day to plan for (today). To replay a past day, put a fixed date there.',
		]).join('\n'),
	);
	c.note(
		'Note: decide',
		[700, 0],
		720,
		420,
		[
			'### 2. Decide',
			'*Segment debtors* checks each whole record against the debtor schema and gives each debtor a persona with reasons; records that fail the check are logged, never guessed.',
			'Every step has an **Invalid** output: a debtor whose record it cannot use is logged as `invalid` with the field at fault and becomes a task to correct the record; the other debtors go on.',
			'*Plan next step* applies the ladder of the persona and the legal gates (14-day letter once per claim, costs only after its term, stop on death, pause on dispute, arrangement and debt help). Debtors without a step today are logged with the reason (`paid`, `paused`, `stopped`, `waiting`, `finished`).',
			'Steps that need a person (care calls) become a task instead of a message.',
		].join('\n'),
	);
	c.note(
		'Note: send',
		[1440, 0],
		960,
		420,
		(pg ? PG_NOTES.send : [
			'### 3. Write, time and send',
			'*Write the message* renders the step in the planned tone, register and language (B1), with payment link and QR code. **Fill in Brand and Bank Transfer.**',
			'*When may we contact?* moves the contact into the legal window (Mon-Sat 07:00-20:00, no holidays), after payday for shortfall personas, and within the contact caps. Only contacts due **today** are sent; the others are logged as waiting and planned again tomorrow.',
			'*Send due messages* walks the fallback chain (planned channel, then SMS, then letter). When no channel works, a person gets a task.',
			'A contact an earlier run sent (the send ledger knows it: n8n stopped before it was recorded) comes out of *Sent* as `alreadySent` and is recorded like any send, without sending it again. One whose outcome is unknown (`delivery.unconfirmed`) is recorded as `unconfirmed` and a person gets a task to check it with the provider.',
		]).join('\n'),
	);
	c.note(
		'Note: record',
		[2420, 0],
		760,
		420,
		(pg ? PG_NOTES.record : [
			'### 4. Record',
			'Every sent contact is appended to the debtor record (`contacts[]`, one per claim) and saved, so tomorrow the planner knows the step was taken. A contact of unknown outcome is appended as `unconfirmed`: the planner holds that debtor until a person sets `sent` or `failed`.',
			'Every decision goes to `sc_contact_log`; tasks for a person go to `sc_tasks`.',
		]).join('\n'),
	);

	const loader = store.dueDebtors(c, 8);
	// Data Tables: before any write or send, room in the tables for the whole run, or a clear stop.
	const fromRow = pg ? loader : roomForWrites(c, { from: loader, position: [760, 1100], merge: [860, 400], bytes: `items.length * ${DAILY_RUN_BYTES_PER_DEBTOR}` });
	// The whole record is checked before anything is sent: a contact is never sent for a record that
	// could not be saved with it afterwards.
	const segment = c.ours('Segment debtors', 'debtorSegmenter', [960, 240], {
		routing: 'single',
		check: 'whole',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		...(pg ? { lookAheadDays: LOOK_AHEAD_DAYS } : {}),
	});
	const plan = c.ours('Plan next step', 'journeyPlanner', [1160, 240], {
		routing: 'split',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		...(pg ? { options: { lookAheadDays: LOOK_AHEAD_DAYS } } : {}),
	});
	const person = c.add('Needs a person?', 'n8n-nodes-base.if', 2.2, [1360, 160], isTrue('={{ $json.journey.personalContact }}'));
	const render = c.ours('Write the message', 'toneTemplate', [1560, 240], {
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		brand: BRAND,
		bank: BANK,
	});
	const when = c.ours('When may we contact?', 'paydayScheduler', [1760, 240], {
		operation: 'nextContactMoment',
		startMoment: "={{ $('Settings').first().json.now }}",
		options: { now: "={{ $('Settings').first().json.now }}" },
	});
	const due = c.add('Due today?', 'n8n-nodes-base.if', 2.2, [1960, 160], isTrue('={{ $json.schedule.dueToday }}'));
	const sender = store.send(c, {
		name: 'Send due messages',
		position: [2200, 160],
		parameters: {
			channelSource: 'item',
			fallbackChannels: 'sms, letter',
			options: { referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
		},
	});
	// Sent, and not sent but of unknown outcome (held for a person): both are written to the record, in
	// one batch (the record loop counts the items of the node it starts from: it must run once).
	const unknown = c.add('Outcome unknown?', 'n8n-nodes-base.if', 2.2, [2420, 500], isTrue('={{ $json.delivery.unconfirmed === true }}'));
	let toRecord: string | undefined;
	let recordContact: string | undefined;
	let saved: string | undefined;
	if (store.changeRecord) {
		toRecord = c.add('Sent or unconfirmed', 'n8n-nodes-base.merge', 3.2, [2400, 100], {});
		recordContact = c.add('Contact to add to the record', 'n8n-nodes-base.set', 3.4, [2620, 100], changeOfLoaded(`contacts: ${CONTACTS}`));
		saved = store.changeRecord(c, { from: recordContact, position: [2760, -200], change: ADD_CONTACTS });
	}

	const contacts = `={{ JSON.stringify(${CONTACTS}) }}`;
	const nextDay = `={{ ${NEXT_DAY} }}`;
	const logSent = c.add('Log: sent', 'n8n-nodes-base.set', 3.4, [2480, 260], logRow('sent', "={{ $json.delivery.alreadySent ? 'sent by an earlier run' : $json.delivery.simulated ? 'sandbox' : '' }}", settles({ nextStepDate: nextDay, contacts })));
	const logNotSent = c.add('Log: not sent', 'n8n-nodes-base.set', 3.4, [2640, 420], logRow('not-sent', "={{ $json.delivery.reason ?? $json.delivery.errorCode ?? ($json.delivery.skipped ?? []).map(s => s.channel + ':' + s.reason).join(', ') }}", settles({ nextStepDate: nextDay })));
	const logUnconfirmed = c.add('Log: unconfirmed', 'n8n-nodes-base.set', 3.4, [2640, 260], logRow('unconfirmed', '={{ $json.delivery.errorMessage }}', settles({ nextStepDate: nextDay, contacts })));
	const taskRow = c.add(
		'Task for a person',
		'n8n-nodes-base.set',
		3.4,
		[2640, 580],
		personTask(
			'={{ $json.debtorId }}',
			"={{ $json.journey?.stage ?? '' }}",
			"={{ ($json.journey?.claimIds ?? []).join(',') }}",
			"={{ $json.delivery?.unconfirmed ? 'outcome unknown: ' + $json.delivery.errorMessage + '; then set the outcome of this contact in the record to sent or failed' : $json.delivery ? 'no channel worked: ' + ($json.delivery.reason ?? $json.delivery.status) : 'this step needs personal contact (' + $json.journey.stage + ')' }}",
		),
	);
	const logTask = c.add('Log: task for a person', 'n8n-nodes-base.set', 3.4, [2860, 580], logRow('task', '={{ $json.why }}', {
		day: '={{ $json.day }}',
		stage: '={{ $json.stage }}',
		channel: 'phone',
		claimIds: '={{ $json.claimIds }}',
		status: 'open',
		moment: '',
		templateId: '',
		idempotencyKey: '',
		...settles({ nextStepDate: nextDay }),
	}));
	const writeTask = store.appendRows(c, 'Write task list', [2860, 740], 'sc_tasks');
	// Waiting: looked at again on the day of its moment (never before tomorrow).
	const logLater = c.add('Log: waiting for its moment', 'n8n-nodes-base.set', 3.4, [2200, 420], logRow('waiting', "={{ 'planned for ' + $json.schedule.moment + ': ' + ($json.schedule.reasonCodes ?? []).join(', ') }}", settles({
		// The moment's day, or the planner's next review date when the plan may change before it (a
		// reversal notice's days run out, the segmentation changes); never before the next day.
		nextStepDate: `={{ [[$json.schedule?.date ?? '', $json.journey?.nextReviewDate ?? $json.schedule?.date ?? ''].sort()[0], ${NEXT_DAY}].sort().pop() }}`,
	})));
	const logNotSchedulable = c.add('Log: not schedulable', 'n8n-nodes-base.set', 3.4, [1960, 500], logRow('not-schedulable', "={{ $json.schedule.reasonCode + ' (' + $json.schedule.action + ')' }}", settles({ nextStepDate: nextDay })));
	// No step today: looked at again on the planner's next review date (the first day the plan may
	// differ: a step falls due, a term or pause ends, the segmentation changes); without one (paid,
	// stopped) only when the record changes.
	const logNoStep = c.add('Log: no step today', 'n8n-nodes-base.set', 3.4, [1360, 500], logRow('no-step', "={{ $json.journey.reason + ($json.journey.earliestDate ? ' until ' + $json.journey.earliestDate : '') }}", settles({
		nextStepDate: `={{ $json.journey.nextReviewDate ?? '' }}`,
	})));
	const writeLog = store.appendRows(c, 'Write contact log', [3080, 420], 'sc_contact_log');

	c.link(fromRow, segment);
	c.link(segment, plan, 0);
	c.link(plan, person, 0);
	c.link(plan, logNoStep, 1);
	c.link(person, taskRow, 0);
	c.link(person, render, 1);
	c.link(render, when);
	c.link(when, due, 0);
	c.link(when, logNotSchedulable, 1);
	c.link(due, sender.entry, 0);
	c.link(due, logLater, 1);
	for (const [node, output] of sender.sent) {
		if (toRecord) c.link(node, toRecord, output, 0);
		c.link(node, logSent, output);
	}
	for (const [node, output] of sender.notSent) c.link(node, unknown, output);
	if (toRecord) c.link(unknown, toRecord, 0, 1);
	c.link(unknown, logUnconfirmed, 0);
	c.link(unknown, taskRow, 0);
	c.link(unknown, logNotSent, 1);
	c.link(unknown, taskRow, 1);
	if (toRecord && recordContact) c.link(toRecord, recordContact);
	c.link(taskRow, logTask);
	c.link(taskRow, writeTask);
	for (const log of [logSent, logNotSent, logUnconfirmed, logTask, logLater, logNotSchedulable, logNoStep]) c.link(log, writeLog);
	// Each step's Invalid output (and a row whose record is not JSON): logged with the field at fault, and a task to correct the record.
	const day = "={{ $('Settings').first().json.referenceDate }}";
	const senders = sender.invalid.map(([from, output], index): [string, number, number] => [from, output, 2200 + 220 * index]);
	// (The Data Table loader sends a row whose record is not a JSON object to its error output.)
	const unreadable: Array<[string, number, number]> = pg ? [] : [[loader, 1, 760]];
	for (const [from, output, x] of [...unreadable, [segment, 1, 960], [plan, 2, 1160], [render, 1, 1560], [when, 2, 1760], ...senders] as const) {
		const invalid = invalidRecordRows(c, from, output, [x, 820], day);
		c.link(invalid.log, writeLog);
		c.link(invalid.task, writeTask);
	}
	if (saved) {
		// A sent contact the record refuses (it breaks the debtor schema) is logged and handed to a person.
		const unsaved = unsavedChangeRows(c, { settled: saved, position: [5380, -280], what: 'the sent contact', day });
		c.link(unsaved.log, writeLog);
		c.link(unsaved.task, writeTask);
	}
	return pg
		? c.workflow('scPgDailyBatch01', 'Social Collections (Postgres): daily collection journey, batch')
		: c.workflow('scDailyJourney01', 'Social Collections: daily collection journey');
}

/** The notes of the Postgres edition's batch workflow, where they differ from the Data Table edition's. */
const PG_NOTES = {
	about: [
		'## Daily collection journey (Postgres): batch',
		'One batch of the day\'s due debtors, started by the dispatcher (*Social Collections (Postgres): daily collection journey*) through this workflow\'s webhook, so queue mode runs each batch on any worker. The webhook checks the dispatcher\'s token (signed with the JWT credential *Social Collections batch webhook*) before any work.',
		'The batch claims its debtors in `sc_debtors` (`FOR UPDATE SKIP LOCKED` and a lease, so two batches never take the same debtor), segments them, plans the next step, writes the message, finds the moment and sends what is due **today**. Every decision goes to `sc_contact_log`.',
		'',
		'**Safe by default:** the Channel Sender uses the **Sandbox** provider for every channel. Choose real providers in *Send due messages* (and the same in *Contact keys*, which only computes each contact\'s key) when you are ready.',
		'',
		'**Before the first run:** fill in the credentials *Social Collections Postgres* and *Social Collections batch webhook*, the brand and bank details in *Write the message*, then publish this workflow.',
	],
	load: [
		'### 1. Claim a batch of due debtors',
		'*Settings* takes the day, the batch size and the lease from the dispatcher\'s request.',
		'*Claim a batch of due debtors* leases up to that many open debtors whose next step date has come or whose record changed since they were last planned, and that were not planned today. A batch whose worker died keeps its lease until it ends; then another batch takes its debtors.',
		'*Answer: debtors claimed* answers the dispatcher as soon as the batch holds its debtors, so it can start the next batches.',
	],
	send: [
		'### 3. Write, time and send',
		'*Write the message* renders the step (B1, payment link, QR code). **Fill in Brand and Bank Transfer.** *When may we contact?* moves the contact into the legal window and after payday; only contacts due **today** go on.',
		'Each contact is **claimed in `sc_sends`** before it is sent, by its key (*Contact keys*: the Channel Sender\'s own key of the journey step). Only a contact this batch claimed is sent. One an earlier run sent is recorded as sent without sending it again; one an earlier run claimed and never confirmed (it stopped mid-send) is recorded as `unconfirmed` with a task for a person. *Settle the sends* marks a claim `sent`, or gives it up when the send certainly failed.',
	],
	record: [
		'### 4. Record',
		'The decisions are written in **one statement** per run of *Write contact log* (it runs once for all its items): their rows in `sc_contact_log` (a second row with the same idempotency key is dropped), the contacts they add to the record (appended to the current record in the database, so a concurrent payment is never lost), the next step date, the planned day and version, and the lease released.',
		'Tasks for a person go to `sc_tasks`, in one statement as well.',
	],
};
