/**
 * Workflow 7: direct-debit reversal handling. Every working day (or on demand) the returned direct
 * debits the ERP intake recorded are answered per SEPA reason code; every decision goes to the log.
 * Described once for both stores (store.ts): the Data Table edition (workflows/07-reversal-handling.json)
 * and the Postgres edition (workflows/postgres/07-reversal-handling.json), where the answer is written
 * to the record through the record loop's version check in SQL and the notice is claimed in sc_sends
 * before it is sent.
 */
import { Canvas, assign, isTrue, BRAND, BANK, type Json } from './canvas';
import { recordChange } from './recordChange';
import { DAILY_RUN_BYTES_PER_DEBTOR } from './dataTableRoom';
import { contactLogRow, invalidRecordRows, rowsWhere, taskRow as taskColumns, unsavedChangeRows } from './dataTables';
import { DATA_TABLES, type Store } from './store';
import { REVERSAL_BATCHES } from './postgres';

const FIND = `// The latest reversal of each debtor that has not been answered yet. Answered reversals are listed
// in the record (reversalsAnswered), so a second run, or a replay, answers nothing twice.
const MAX_AGE_DAYS = 30; // older reversals are history, not news: they are not answered any more
const today = $('Settings').first().json.referenceDate;
const oldest = DateTime.fromISO(today).minus({ days: MAX_AGE_DAYS }).toISODate();
const keyOf = (r) => r.reversalId ?? [r.date, r.reasonCode, r.amountCents, r.claimId ?? ''].join('/');
const out = [];
for (const item of $input.all()) {
  const record = item.json;
  const reversals = (record.reversals ?? []).filter((r) => r && typeof r.date === 'string');
  if (reversals.length === 0) continue;
  const latest = reversals.reduce((a, b) => (b.date >= a.date ? b : a));
  const answered = new Set((record.reversalsAnswered ?? []).map((a) => a.reversal));
  if (answered.has(keyOf(latest)) || latest.date < oldest || latest.date > today) continue;
  // A successful direct debit after the reversal settles it: nothing to answer.
  if ((record.payments ?? []).some((p) => p.method === 'direct-debit' && p.date > latest.date)) continue;
  out.push({ json: { ...record, reversalCase: { key: keyOf(latest), reasonCode: String(latest.reasonCode).toUpperCase(), date: latest.date, amountCents: latest.amountCents, claimId: latest.claimId ?? '' } } });
}
return out;`;

const DECIDE = `// The answer per reason code. The Payday Scheduler has already applied the SEPA rules to the record
// (schedule.status / reasonCode); this turns them into what we do and say.
return $input.all().map((item) => {
  const s = item.json.schedule ?? {};
  const code = item.json.reversalCase.reasonCode;
  let decision;
  if (s.status === 'scheduled') {
    // AM04 (and a first MS03): a gentle notice, and the debit is presented again after payday.
    decision = { action: 'message', tone: 'supportive', nextCollectionDate: s.collectionDate, why: code + ': re-presented on ' + s.collectionDate + ' (after payday)' };
  } else if (s.reasonCode === 'deceased') {
    decision = { action: 'stop', why: code + ': the debtor has died; every collection step stops' };
  } else if (s.reasonCode === 'refund-or-refusal' || s.reasonCode === 'repeated-reversal') {
    // MD06 / MS02 (or MS03 twice): no re-presentation; ask what is going on, it may be a dispute.
    decision = { action: 'message', tone: 'neutral', why: code + ': not presented again; we ask the debtor what is going on' };
  } else if (s.reasonCode === 'account-closed') {
    decision = { action: 'message', tone: 'neutral', why: code + ': account closed; payment by transfer or a new mandate' };
  } else if (s.reasonCode === 'account-blocked') {
    decision = { action: 'task', why: code + ': account blocked, possibly financial distress or an attachment; direct debits paused, call and offer help' };
  } else {
    decision = { action: 'task', why: code + ': ' + (s.reasonCode ?? 'no decision') + '; check the account and the mandate before collecting again' };
  }
  const messageData = decision.action === 'message'
    ? { stage: 'reversal-notice', tone: decision.tone, ...(decision.nextCollectionDate ? { nextCollectionDate: decision.nextCollectionDate } : {}) }
    : undefined;
  return { json: { ...item.json, reversalDecision: decision, messageData } };
});`;

/** What answering the reversal changes on the record: a change item for the record loop (recordChange). */
const ANSWERED = [
	'={{ JSON.stringify({',
	'  debtorId: $json.debtorId,',
	'  rowId: $json.rowId,',
	"  stop: $json.reversalDecision.action === 'stop',",
	"  contact: $json.delivery?.status === 'sent' || $json.delivery?.status === 'queued'",
	"    ? { at: $now.setZone('Europe/Amsterdam').toISO({ suppressMilliseconds: true }), channel: $json.delivery.channel, direction: 'outbound', stage: 'reversal-notice', outcome: 'sent', claimId: $json.reversalCase.claimId || undefined }",
	'    : undefined,',
	"  answered: { reversal: $json.reversalCase.key, reasonCode: $json.reversalCase.reasonCode, decision: $json.reversalDecision.action, on: $('Settings').first().json.referenceDate },",
	'}) }}',
].join('\n');

/** Marks the reversal answered (once), adds the notice sent, and on a stop flags the death. */
const MARK_ANSWERED = `(record, change) => {
  if (!record) return {};
  if ((record.reversalsAnswered ?? []).some((a) => a.reversal === change.answered.reversal)) return {};
  if (change.stop) record.flags = Object.assign({}, record.flags, { deceased: true });
  if (change.contact) record.contacts = (record.contacts ?? []).concat(change.contact);
  record.reversalsAnswered = (record.reversalsAnswered ?? []).concat(change.answered);
  return { record };
}`;

export function reversalHandling(store: Store = DATA_TABLES): Json {
	const pg = store.kind === 'postgres';
	const c = new Canvas(pg ? '7b000001' : '7a000001');
	c.note('Note: about', [-60, -560], 760, 500, [
		'## Direct-debit reversal handling',
		'Every working day at 08:30 this workflow answers the returned direct debits (storno\'s) that the ERP intake (workflow 2) wrote into the debtor records, once each, per SEPA reason code:',
		'- **AM04** (insufficient funds): a gentle notice; the debit is presented again after the next payday (never in the same week).',
		'- **MD07** (debtor deceased): stop everything; the record is closed and flagged, a person handles it with care.',
		'- **MD06 / MS02** (refund request / refused): not presented again; a message asks what is going on (possible dispute).',
		'- **AC04** (account closed): a message asking to pay by transfer. **AC06** (blocked) and other codes: a task for a person.',
		'',
		'**Safe by default:** *Send the message* uses the **Sandbox** provider. Fill in Brand and Bank Transfer in *Write the message*.',
		...(pg ? [
			'',
			'**Postgres edition, batch:** the dispatcher *Social Collections (Postgres): direct-debit reversal handling* runs on the schedule and calls this workflow\'s webhook once per batch of debtors (a range of debtor_id); this execution loads only those. The tables are those of the credential *Social Collections Postgres* (set up with *Social Collections (Postgres): set up the schema*). Only debtors whose record lists a reversal are loaded. The answer is written only while the debtor\'s version is the one read (else applied again to the newer record), which makes the debtor due for the daily journey; a notice is claimed in `sc_sends` before it is sent, so two runs never send it twice.',
		] : []),
	].join('\n'), 4);
	c.note('Note: find', [-60, 0], 1080, 440, [
		'### 1. New reversals',
		'Open debtors from `sc_debtors`; for each, the latest reversal of the last 30 days that is not yet in `reversalsAnswered` of the record (and not followed by a successful direct debit).',
		'*Re-presentation date* (Payday Scheduler, direct-debit collection date) applies the SEPA rules: after AM04 the next collection after payday, and why the other codes are not collected again.',
	].join('\n'));
	c.note('Note: answer', [1040, 0], 1800, 440, [
		'### 2. Answer and record',
		'*Decide per reason code* turns the scheduler\'s verdict into a message, a task or a stop. Messages are written by *Write the message* (stage *reversal-notice*: it names the reason and, after AM04, the new collection date) and sent by *Send the message*; what cannot be sent becomes a task.',
		'Every decision goes to `sc_contact_log` (`decision` = `reversal-...`); the reversal is then marked answered in the record, so it is never answered twice.',
	].join('\n'));

	const [fromRow, startLinks] = store.loadOpen ? [store.loadOpen(c, { batches: REVERSAL_BATCHES, position: [620, 240] }), []] : dataTableLoad(c);
	const find = c.add('New reversals', 'n8n-nodes-base.code', 2, [820, 240], { mode: 'runOnceForAllItems', jsCode: FIND });
	const when = c.ours('Re-presentation date', 'paydayScheduler', [1100, 240], {
		operation: 'directDebitCollectionDate',
		startMoment: "={{ $('Settings').first().json.now }}",
		notSchedulableOutput: false,
		language: 'en',
	});
	const decide = c.add('Decide per reason code', 'n8n-nodes-base.code', 2, [1300, 240], { mode: 'runOnceForAllItems', jsCode: DECIDE });
	const isMessage = c.add('Message?', 'n8n-nodes-base.if', 2.2, [1500, 240], isTrue("={{ $json.reversalDecision.action === 'message' }}"));
	const render = c.ours('Write the message', 'toneTemplate', [1720, 140], {
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		brand: BRAND,
		bank: BANK,
	});
	// Postgres: each notice is claimed in sc_sends by its contact key before it is sent (store.ts).
	const sender = store.send(c, {
		name: 'Send the message',
		position: [1940, 140],
		parameters: {
			channelSource: 'item',
			fallbackChannels: 'sms, letter',
			options: { referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
		},
	});
	const logMessage = c.add('Log: message sent', 'n8n-nodes-base.set', 3.4, [2200, 60], contactLogRow({
		day: "={{ $('Settings').first().json.referenceDate }}",
		decision: "={{ 'reversal-' + $json.reversalCase.reasonCode }}",
		stage: 'reversal-notice',
		channel: '={{ $json.delivery.channel }}',
		claimIds: '={{ $json.reversalCase.claimId }}',
		status: '={{ $json.delivery.status }}',
		reason: "={{ $json.reversalDecision.why + ($json.delivery.simulated ? ' (sandbox)' : '') }}",
		moment: '={{ $now.toISO() }}',
		templateId: '={{ $json.message.templateId }}',
		idempotencyKey: '={{ $json.delivery.idempotencyKey }}',
		messageId: "={{ $json.delivery.providerMessageId ?? '' }}",
	}));
	const logOther = c.add('Log: stop or task', 'n8n-nodes-base.set', 3.4, [2200, 380], contactLogRow({
		day: "={{ $('Settings').first().json.referenceDate }}",
		decision: "={{ 'reversal-' + $json.reversalCase.reasonCode }}",
		stage: 'reversal-notice',
		channel: "={{ $json.delivery ? $json.delivery.channel ?? '' : 'phone' }}",
		claimIds: '={{ $json.reversalCase.claimId }}',
		status: "={{ $json.reversalDecision.action === 'stop' ? 'stopped' : 'task' }}",
		reason: "={{ $json.reversalDecision.why + ($json.delivery ? '; message not sent: ' + ($json.delivery.reason ?? $json.delivery.status) : '') }}",
	}));
	const taskRow = c.add('Task for a person', 'n8n-nodes-base.set', 3.4, [2200, 540], taskColumns({
		day: "={{ $('Settings').first().json.referenceDate }}",
		stage: 'reversal-notice',
		claimIds: '={{ $json.reversalCase.claimId }}',
		why: "={{ $json.reversalDecision.why + ($json.delivery ? '; message not sent: ' + ($json.delivery.reason ?? $json.delivery.status) : '') }}",
	}));
	const mark = c.add('Reversal answered, for the record', 'n8n-nodes-base.set', 3.4, [2200, 220], { mode: 'raw', jsonOutput: ANSWERED, options: {} });
	const saved = recordChange(c, {
		from: mark,
		position: [2440, 800],
		change: MARK_ANSWERED,
		status: "record.flags?.deceased ? 'closed' : (record.claims ?? []).some((claim) => claim.openCents > 0) ? 'open' : 'closed'",
	}, store.records);
	const writeLog = store.logRows(c, 'Write contact log', [2440, 60], 'sc_contact_log');
	const writeTask = store.logRows(c, 'Write task list', [2440, 540], 'sc_tasks');

	for (const [from, to] of startLinks) c.link(from, to);
	// Before any write or send: room in the Data Tables for the whole run, or a clear stop (Postgres has no such cap).
	c.link(store.roomForWrites ? store.roomForWrites(c, { from: fromRow, position: [620, 1200], merge: [720, 400], bytes: `items.length * ${DAILY_RUN_BYTES_PER_DEBTOR}` }) : fromRow, find);
	c.link(find, when);
	c.link(when, decide);
	c.link(decide, isMessage);
	c.link(isMessage, render, 0);
	// A stop and a task are both logged and handed to a person (a death is handled with care, not by a machine).
	c.link(isMessage, logOther, 1);
	c.link(isMessage, taskRow, 1);
	c.link(isMessage, mark, 1);
	c.link(render, sender.entry);
	for (const [from, output] of sender.sent) {
		c.link(from, logMessage, output);
		c.link(from, mark, output);
	}
	for (const [from, output] of sender.notSent) {
		c.link(from, logOther, output);
		c.link(from, taskRow, output);
		c.link(from, mark, output);
	}
	c.link(logMessage, writeLog);
	c.link(logOther, writeLog);
	c.link(taskRow, writeTask);
	// A record a node cannot use: logged with the field at fault, and a task to correct it.
	const day = "={{ $('Settings').first().json.referenceDate }}";
	const invalidOutputs: Array<readonly [string, number, number]> = [[when, 1, 1100], [render, 1, 1720]];
	sender.invalid.forEach(([from, output], index) => invalidOutputs.push([from, output, 1940 + 220 * index]));
	// Postgres: a row whose record is not a JSON object, too.
	if (pg) invalidOutputs.unshift([fromRow, 1, 620]);
	for (const [from, output, x] of invalidOutputs) {
		const invalid = invalidRecordRows(c, from, output, [x, 700], day);
		c.link(invalid.log, writeLog);
		c.link(invalid.task, writeTask);
	}
	// A change the record refuses (it breaks the debtor schema) is logged and handed to a person.
	const unsaved = unsavedChangeRows(c, { settled: saved, position: [5060, 720], what: 'the answered reversal', day });
	c.link(unsaved.log, writeLog);
	c.link(unsaved.task, writeTask);
	return pg
		? c.workflow('scPgReversalBatch07', 'Social Collections (Postgres): direct-debit reversal handling, batch')
		: c.workflow('scReversalHandling07', 'Social Collections: direct-debit reversal handling');
}

/**
 * The Data Table edition's start: schedule, manual trigger, Settings, the open rows of sc_debtors and
 * their records. Returns the node of records and the links between these nodes, for the caller to add.
 */
function dataTableLoad(c: Canvas): [string, Array<[string, string]>] {
	const schedule = c.add('Every working day at 08:30', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 160], {
		rule: { interval: [{ field: 'cronExpression', expression: '30 8 * * 1-5' }] },
	});
	const manual = c.add('Run now (manual)', 'n8n-nodes-base.manualTrigger', 1, [0, 320]);
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [220, 240], assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
		['now', "={{ $now.setZone('Europe/Amsterdam').toISO() }}"],
	]));
	const load = c.add('Load debtors', 'n8n-nodes-base.dataTable', 1.1, [420, 240], rowsWhere('sc_debtors', [['status', 'open']]));
	// The record plus `rowId`, the row's id, so the change finds the row by its index.
	const fromRow = c.add('Debtor record from row', 'n8n-nodes-base.set', 3.4, [620, 240], { mode: 'raw', jsonOutput: '={{ Object.assign(JSON.parse($json.record), { rowId: $json.id }) }}', options: {} });
	return [fromRow, [[schedule, settings], [manual, settings], [settings, load], [load, fromRow]]];
}
