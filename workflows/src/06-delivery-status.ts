/**
 * Workflow 6: delivery status. Delivery reports and replies (Delivery Status Trigger) go to the
 * contact log; a permanent failure sends the message again on the next channel (or makes a task);
 * a reply makes the channel it came on the debtor's preferred channel.
 */
import { EVENT_BYTES } from './dataTableRoom';
import { Canvas, PREFIX, appendRows, isTrue, BRAND, BANK, type Json } from './canvas';
import { ADD_CONTACTS, recordChange } from './recordChange';
import { contactLogRow, invalidRecordRows, rowsWhere, taskRow as taskColumns, unsavedChangeRows } from './dataTables';
import { postgresNode, SQL } from './postgres';
import { sendEmailAfter } from './sendEmail';
import { DATA_TABLES, type Store } from './store';

export const DELIVERY_STATUS_WEBHOOK_ID = '6a000001-d3b7-4c55-8f0e-5b9d2c7a4e06';
/** The Postgres edition's trigger: its own URL, so both editions may be active while a creditor moves. */
export const DELIVERY_STATUS_PG_WEBHOOK_ID = '6b000001-d3b7-4c55-8f0e-5b9d2c7a4e06';

const DECIDE = `// One decision per event. The event names its message by idempotencyKey; the contact log's "sent" row
// for that key says whose message it was. Idempotent on messageId + status, and a message's status
// never moves backwards (providers report late and more than once).
const RANK = { queued: 1, sent: 2, delivered: 3, opened: 4, read: 4, clicked: 5, bounced: 9, failed: 9 };
const INBOUND = { replied: 'reply', 'opted-out': 'opt-out' };
const events = $('Reports').all().map((item) => item.json);
const rows = $input.all().map((item) => item.json).filter((row) => row.idempotencyKey);
const statusRows = rows.filter((row) => row.decision === 'delivery-status' || row.decision === 'status-ignored' || row.decision === 'unmatched');
const seen = new Set(statusRows.map((row) => row.idempotencyKey + '|' + (row.messageId ?? '') + '|' + row.status));
const current = new Map();
for (const row of rows) {
  if (row.decision === 'delivery-status' && RANK[row.status] > (current.get(row.idempotencyKey)?.rank ?? 0)) current.set(row.idempotencyKey, { rank: RANK[row.status], status: row.status });
}

const out = [];
for (const event of events) {
  const key = event.idempotencyKey ?? '';
  const dedupe = key + '|' + (event.messageId ?? '') + '|' + event.status;
  if (key && seen.has(dedupe)) continue; // the same report again: nothing to do
  seen.add(dedupe);
  const sent = rows.find((row) => row.idempotencyKey === key && row.decision === 'sent');
  const base = {
    debtorId: sent?.debtorId ?? '', stage: sent?.stage ?? '', claimIds: sent?.claimIds ?? '', templateId: sent?.templateId ?? '',
    channel: event.channel, idempotencyKey: key, messageId: event.messageId ?? '', status: event.status,
    time: event.time, permanent: event.permanent, errorCode: event.errorCode ?? '',
  };
  let decision = 'delivery-status';
  let reason = '';
  let action = '';
  if (!sent) {
    decision = 'unmatched';
    reason = key ? 'no sent message with this idempotencyKey in the contact log' : 'the event has no idempotencyKey';
  } else if (INBOUND[event.status]) {
    action = INBOUND[event.status];
    reason = event.status === 'replied' ? 'reply on ' + event.channel : 'opted out of ' + event.channel;
  } else {
    const now = current.get(key);
    const rank = RANK[event.status] ?? 0;
    if (now && rank < now.rank) {
      decision = 'status-ignored';
      reason = 'would move the message back from ' + now.status + ' to ' + event.status;
    } else {
      const failedBefore = now?.rank === 9;
      current.set(key, { rank, status: event.status });
      if (rank === 9 && event.permanent !== false && !failedBefore) {
        action = 'fallback';
        reason = 'permanent failure' + (event.errorCode ? ' (' + event.errorCode + ')' : '') + ': next channel';
      } else if (rank === 9) {
        reason = failedBefore ? 'failure already handled' : 'temporary failure';
      }
    }
  }
  const log = {
    loggedAt: $now.toISO(), day: $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd'), debtorId: base.debtorId, decision,
    stage: base.stage, channel: base.channel, claimIds: base.claimIds, status: event.status, reason,
    moment: event.time ?? '', templateId: base.templateId, idempotencyKey: key, messageId: base.messageId,
  };
  out.push({ json: { ...base, action, log } });
}
return out;`;

const APPLY = `// What follows from an event: a permanent failure sends the same step on the next channel (from the
// record as read here); a reply or an opt-out becomes a change of the record, applied by the record loop
// to the record as it is when written.
const NEXT = { email: 'sms', whatsapp: 'sms', sms: 'letter', letter: '' };
const followUps = $('Follow-up needed?').all().map((item) => item.json);
// A Data Table row holds the record as JSON text, a Postgres row as JSON.
const records = new Map($input.all().filter((item) => (item.json.record && typeof item.json.record === 'object') || (typeof item.json.record === 'string' && item.json.record !== '')).map((item) => [item.json.debtorId, typeof item.json.record === 'string' ? JSON.parse(item.json.record) : item.json.record]));
const at = (time) => (time ? DateTime.fromISO(time) : $now).setZone('Europe/Amsterdam').toISO({ suppressMilliseconds: true });
const task = (f, why) => ({ json: { kind: 'task', debtorId: f.debtorId, stage: f.stage, claimIds: f.claimIds, why } });
const out = [];
for (const f of followUps) {
  const record = records.get(f.debtorId);
  if (!record) { out.push(task(f, f.action + ' on ' + f.channel + ', but the debtor is not in sc_debtors')); continue; }
  if (f.action === 'fallback') {
    const next = NEXT[f.channel];
    if (!next || !f.stage) { out.push(task(f, f.channel + ' message ' + f.status + ' and no channel is left: find new contact details or call')); continue; }
    out.push({ json: { kind: 'fallback', ...record, messageData: { stage: f.stage, channel: next }, fallback: { from: f.channel, to: next, status: f.status, claimIds: f.claimIds } } });
    continue;
  }
  out.push({ json: { kind: 'change', debtorId: f.debtorId, action: f.action, channel: f.channel, at: at(f.time), stage: f.stage, claimIds: f.claimIds } });
}
return out;`;

/**
 * The change of a reply or an opt-out (recordChange): a reply makes its channel the preferred one and
 * is added to contacts[] (once: the same reply again changes nothing); an opt-out closes the channel.
 */
const REPLY_OR_OPT_OUT = `(record, change) => {
  if (!record) return {};
  const PREFERRED = ['email', 'sms', 'whatsapp', 'letter'];
  const claimIds = change.claimIds ? change.claimIds.split(',') : [undefined];
  if (change.action === 'reply') {
    const known = (record.contacts ?? []).some((c) => c.direction === 'inbound' && c.at === change.at && c.channel === change.channel);
    if (known) return {};
    if (PREFERRED.includes(change.channel)) record.preferredChannel = change.channel;
    record.contacts = (record.contacts ?? []).concat(claimIds.map((claimId) => ({
      at: change.at, channel: change.channel, direction: 'inbound', outcome: 'replied', ...(change.stage ? { stage: change.stage } : {}), ...(claimId ? { claimId } : {}),
    })));
  }
  if (change.action === 'opt-out') {
    record.consents = { ...(record.consents ?? {}) };
    if (change.channel === 'email') record.consents.emailOptOut = true;
    if (change.channel === 'sms') record.consents.smsOptOut = true;
    if (change.channel === 'whatsapp') record.consents.whatsappOptIn = false;
    if (record.preferredChannel === change.channel) delete record.preferredChannel;
  }
  return { record };
}`;

/** The node every Delivery Status Trigger connects to: the reports of whichever trigger started the run. */
export const REPORTS = 'Reports';

/**
 * A Delivery Status Trigger: its parameters in one place (a provider's trigger differs only in
 * `provider` and its credential). The trigger answers the provider after the run (a failed run gets
 * 500, so the provider sends the report again).
 */
export function statusTrigger(c: Canvas, name: string, position: [number, number], webhookId: string, provider = 'webhook'): string {
	return c.add(name, `${PREFIX}.deliveryStatusTrigger`, 1, position, { provider, options: {} }, { webhookId });
}

/** What the Postgres edition's notes say instead. */
const PG_NOTES = {
	title: '## Delivery status (Postgres)',
	before: '**Before use:** apply the schema (`sql/`), fill in the credential *Social Collections Postgres*, choose the provider in *Delivery status* and its credential (HTTPS Webhook: the shared signing secret), give its production URL to the provider, publish the workflow.',
	log: [
		'### 1. Contact log (one statement per report)',
		'*Decide and log each report* decides in PostgreSQL, in one transaction per report, with the log row of the sent message locked: reports on one message are decided one after the other, also when they arrive at the same moment. One row per report in `sc_contact_log` (`decision` = `delivery-status`), its key `<message key>:<status>:<messageId>`, so the database refuses the same report twice. A report that would move a message back is logged as `status-ignored`; reports for unknown messages as `unmatched`. A logged status makes the debtor due again for the daily journey (its version rises).',
		'A bad signature is answered 401 by the trigger and starts nothing.',
	],
};

export function deliveryStatus(store: Store = DATA_TABLES): Json {
	const pg = store.kind === 'postgres';
	const c = new Canvas(pg ? '6b000001' : '6a000001');
	c.note('Note: about', [-280, -560], 980, 500, [
		pg ? PG_NOTES.title : '## Delivery status',
		'Providers report what happened to each message (delivered, read, bounced, ...) and pass on replies. This workflow writes each report to `sc_contact_log`, sends a message that failed for good again on the **next channel** (e-mail and WhatsApp: SMS; SMS: letter; letter: a task for a person), and makes the channel a debtor **replied** on their preferred channel.',
		'',
		'**Safe by default:** *Send on the next channel* uses the **Sandbox** provider for every channel.',
		'',
		pg ? PG_NOTES.before : '**Before use:** choose the provider in *Delivery status* and its credential (HTTPS Webhook: the shared signing secret), give its production URL to the provider, activate the workflow. Run *set up data tables* first.',
		'',
		'**More providers:** one trigger per provider. Copy *Delivery status*, choose the provider and credential in the copy, and connect it to *Reports*; the copy has its own production URL. Nothing after *Reports* names a trigger.',
		'',
		'**No report is lost:** the trigger answers the provider when the run is done; a run that fails gets 500, and the provider sends the report again.',
		'',
		'Reports are matched to a message by its `idempotencyKey` (the Channel Sender passes it to the provider; workflow 1 logs it with every sent message).',
	].join('\n'), 4);
	c.note('Note: log', [-280, 0], 1220, 460, (pg ? PG_NOTES.log : [
		'### 1. Contact log',
		'One row per report (`decision` = `delivery-status`). The same report twice (same `messageId` and status) is written once. A report that would move a message back (e.g. `sent` after `delivered`) is logged as `status-ignored`. Reports for unknown messages are logged as `unmatched`.',
		'A bad signature is answered 401 by the trigger and starts nothing.',
	]).join('\n'));
	c.note('Note: follow up', [960, 0], 1900, 460, [
		'### 2. Follow up on the debtor record',
		'**Permanent failure** (bounced, failed): the same step is written again for the next channel and sent; a sent fallback is logged as `sent` (so its own reports are tracked too) and added to the record\'s contacts. When nothing can be sent, a person gets a task (`sc_tasks`).',
		'**Reply**: `preferredChannel` becomes the channel of the reply, and the reply is added to `contacts[]`. **Opt-out** (STOP): the channel is closed in `consents` and no longer preferred.',
	].join('\n'));

	const trigger = statusTrigger(c, 'Delivery status', [-220, 240], pg ? DELIVERY_STATUS_PG_WEBHOOK_ID : DELIVERY_STATUS_WEBHOOK_ID);
	// Every trigger (one per provider) connects here; nothing after it names a trigger, so a copied
	// trigger connected to this node works like the first.
	const reports = c.add(REPORTS, 'n8n-nodes-base.noOp', 1, [0, 240]);
	c.link(trigger, reports);
	const writeLog = pg
		? postgresNode(c, 'Write contact log', [2700, 300], SQL.appendLog, '={{ [JSON.stringify($json)] }}')
		: appendRows(c, 'Write contact log', [2700, 300], 'sc_contact_log');
	const followUp = c.add('Follow-up needed?', 'n8n-nodes-base.if', 2.2, [660, 340], isTrue('={{ !!$json.action }}'));
	if (pg) {
		// Each report its own transaction: a lock on one message's row at a time, never several.
		const decide = postgresNode(c, 'Decide and log each report', [440, 240], SQL.deliveryReport, '={{ [JSON.stringify($json)] }}', {}, 'independently');
		c.link(reports, decide);
		c.link(decide, followUp);
	} else {
		// An event without a key matches no row (the placeholder is never a key).
		const messageLog = c.add('Log of these messages', 'n8n-nodes-base.dataTable', 1.1, [220, 240], rowsWhere('sc_contact_log', [['idempotencyKey', "={{ $json.idempotencyKey || '(no key)' }}"]]), { alwaysOutputData: true });
		const decide = c.add('Decide per report', 'n8n-nodes-base.code', 2, [440, 240], { mode: 'runOnceForAllItems', jsCode: DECIDE });
		const logReport = c.add('Log: report', 'n8n-nodes-base.set', 3.4, [660, 160], { mode: 'raw', jsonOutput: '={{ JSON.stringify($json.log) }}', options: {} });
		// Before any write or send: room in the Data Tables for these reports, or a clear stop.
		const room = store.roomForWrites ? store.roomForWrites(c, { from: reports, position: [0, 1200], merge: [110, 400], bytes: `items.length * ${EVENT_BYTES}` }) : reports;
		c.link(room, messageLog);
		c.link(messageLog, decide);
		c.link(decide, logReport);
		c.link(decide, followUp);
		c.link(logReport, writeLog);
	}
	const debtors = pg
		? postgresNode(c, 'Debtor records', [1000, 240], SQL.readRecord, "={{ [$json.debtorId || '(none)'] }}", { alwaysOutputData: true })
		: c.add('Debtor records', 'n8n-nodes-base.dataTable', 1.1, [1000, 240], rowsWhere('sc_debtors', [['debtorId', "={{ $json.debtorId || '(none)' }}"]]), { alwaysOutputData: true });
	const apply = c.add('Apply to the debtor record', 'n8n-nodes-base.code', 2, [1200, 240], { mode: 'runOnceForAllItems', jsCode: APPLY });
	const isFallback = c.add('Fallback message?', 'n8n-nodes-base.if', 2.2, [1400, 240], isTrue("={{ $json.kind === 'fallback' }}"));
	const render = c.ours('Write the message again', 'toneTemplate', [1620, 140], { brand: BRAND, bank: BANK });
	const send = c.ours('Send on the next channel', 'channelSender', [1840, 140], { channelSource: 'item' });
	const logSent = c.add('Log: fallback sent', 'n8n-nodes-base.set', 3.4, [2100, 220], contactLogRow({
		decision: 'sent',
		stage: '={{ $json.message.stage }}',
		channel: '={{ $json.delivery.channel }}',
		claimIds: '={{ $json.fallback.claimIds }}',
		status: '={{ $json.delivery.status }}',
		reason: "={{ 'fallback after ' + $json.fallback.status + ' on ' + $json.fallback.from + ($json.delivery.simulated ? ' (sandbox)' : '') }}",
		moment: '={{ $now.toISO() }}',
		templateId: '={{ $json.message.templateId }}',
		idempotencyKey: '={{ $json.delivery.idempotencyKey }}',
		messageId: "={{ $json.delivery.providerMessageId ?? '' }}",
	}));
	const addContact = c.add('Fallback contact to add', 'n8n-nodes-base.set', 3.4, [2100, 60], {
		mode: 'raw',
		jsonOutput: [
			'={{ JSON.stringify({',
			'  debtorId: $json.debtorId,',
			"  contacts: ($json.fallback.claimIds ? $json.fallback.claimIds.split(',') : [null]).map(claimId => ({",
			"    at: $now.setZone('Europe/Amsterdam').toISO({ suppressMilliseconds: true }), channel: $json.delivery.channel, direction: 'outbound',",
			"    stage: $json.message.stage, outcome: 'sent', claimId: claimId ?? undefined",
			'  }))',
			'}) }}',
		].join('\n'),
		options: {},
	});
	const fallbackSaved = recordChange(c, { prefix: 'Fallback: ', from: addContact, position: [2360, -400], change: ADD_CONTACTS }, store.records);
	const isChange = c.add('Record change?', 'n8n-nodes-base.if', 2.2, [1620, 380], isTrue("={{ $json.kind === 'change' }}"));
	const replySaved = recordChange(c, { prefix: 'Reply: ', from: isChange, position: [1840, 800], change: REPLY_OR_OPT_OUT }, store.records);
	const taskRow = c.add('Task for a person', 'n8n-nodes-base.set', 3.4, [2100, 460], taskColumns({
		stage: "={{ $json.messageData?.stage ?? $json.stage ?? '' }}",
		claimIds: "={{ $json.fallback?.claimIds ?? $json.claimIds ?? '' }}",
		why: "={{ $json.why ?? ('fallback on ' + $json.fallback.to + ' after ' + $json.fallback.status + ' on ' + $json.fallback.from + ' not sent: ' + ($json.delivery.reason ?? $json.delivery.errorCode ?? ($json.delivery.skipped ?? []).map(s => s.channel + ':' + s.reason).join(', '))) }}",
	}));
	const writeTask = store.appendRows(c, 'Write task list', [2360, 540], 'sc_tasks');
	const logTask = c.add('Log: task for a person', 'n8n-nodes-base.set', 3.4, [2360, 380], contactLogRow({
		decision: 'task',
		stage: '={{ $json.stage }}',
		channel: 'phone',
		claimIds: '={{ $json.claimIds }}',
		status: 'open',
		reason: '={{ $json.why }}',
	}));

	c.link(followUp, debtors, 0);
	c.link(debtors, apply);
	c.link(apply, isFallback);
	c.link(isFallback, render, 0);
	c.link(isFallback, isChange, 1);
	c.link(render, send);
	// SMTP: n8n's Send Email node sends what the Channel Sender prepared (sendEmail.ts).
	const mail = sendEmailAfter(c, send, [1840, -240], 'Fallback: ');
	c.link(mail.sent[0], addContact, mail.sent[1]);
	c.link(mail.sent[0], logSent, mail.sent[1]);
	c.link(mail.notSent[0], taskRow, mail.notSent[1]);
	c.link(logSent, writeLog);
	c.link(isChange, taskRow, 1);
	c.link(taskRow, writeTask);
	c.link(taskRow, logTask);
	c.link(logTask, writeLog);
	// A record a node cannot use: logged with the field at fault, and a task to correct it.
	for (const [from, output, x] of [[render, 1, 1620], [send, 2, 1840]] as const) {
		const invalid = invalidRecordRows(c, from, output, [x, 1100]);
		c.link(invalid.log, writeLog);
		c.link(invalid.task, writeTask);
	}
	// A change the record refuses (it breaks the debtor schema) is logged and handed to a person.
	for (const [settled, prefix, what, position] of [
		[fallbackSaved, 'Fallback: ', 'the fallback contact', [4980, -480]],
		[replySaved, 'Reply: ', 'the reply or opt-out', [4460, 720]],
	] as const) {
		const unsaved = unsavedChangeRows(c, { settled, prefix, position: [position[0], position[1]], what });
		c.link(unsaved.log, writeLog);
		c.link(unsaved.task, writeTask);
	}
	return pg ? c.workflow('scPgDeliveryStatus06', 'Social Collections (Postgres): delivery status') : c.workflow('scDeliveryStatus06', 'Social Collections: delivery status');
}
