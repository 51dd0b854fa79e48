/**
 * Workflow 6: delivery status. Delivery reports and replies (Delivery Status Trigger) go to the
 * contact log; a permanent failure sends the message again on the next channel (or makes a task);
 * a reply makes the channel it came on the debtor's preferred channel.
 */
import { EVENT_BYTES, roomForWrites } from './dataTableRoom';
import { Canvas, PREFIX, appendRows, isTrue, BRAND, BANK, type Json } from './canvas';
import { ADD_CONTACTS, recordChange } from './recordChange';
import { contactLogRow, invalidRecordRows, rowsWhere, taskRow as taskColumns, unsavedChangeRows } from './dataTables';

export const DELIVERY_STATUS_WEBHOOK_ID = '6a000001-d3b7-4c55-8f0e-5b9d2c7a4e06';

const DECIDE = `// One decision per event. The event names its message by idempotencyKey; the contact log's "sent" row
// for that key says whose message it was. Idempotent on messageId + status, and a message's status
// never moves backwards (providers report late and more than once).
const RANK = { queued: 1, sent: 2, delivered: 3, opened: 4, read: 4, clicked: 5, bounced: 9, failed: 9 };
const INBOUND = { replied: 'reply', 'opted-out': 'opt-out' };
const events = $('Delivery status').all().map((item) => item.json);
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
const records = new Map($input.all().filter((item) => typeof item.json.record === 'string' && item.json.record !== '').map((item) => [item.json.debtorId, JSON.parse(item.json.record)]));
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

export function deliveryStatus(): Json {
	const c = new Canvas('6a000001');
	c.note('Note: about', [-60, -560], 760, 500, [
		'## Delivery status',
		'Providers report what happened to each message (delivered, read, bounced, ...) and pass on replies. This workflow writes each report to `sc_contact_log`, sends a message that failed for good again on the **next channel** (e-mail and WhatsApp: SMS; SMS: letter; letter: a task for a person), and makes the channel a debtor **replied** on their preferred channel.',
		'',
		'**Safe by default:** *Send on the next channel* uses the **Sandbox** provider for every channel.',
		'',
		'**Before use:** choose the provider in *Delivery status* (one trigger per provider; copy the node for more) and its credential (HTTPS Webhook: the shared signing secret), give its production URL to the provider, activate the workflow. Run *set up data tables* first.',
		'',
		'Reports are matched to a message by its `idempotencyKey` (the Channel Sender passes it to the provider; workflow 1 logs it with every sent message).',
	].join('\n'), 4);
	c.note('Note: log', [-60, 0], 1000, 460, [
		'### 1. Contact log',
		'One row per report (`decision` = `delivery-status`). The same report twice (same `messageId` and status) is written once. A report that would move a message back (e.g. `sent` after `delivered`) is logged as `status-ignored`. Reports for unknown messages are logged as `unmatched`.',
		'A bad signature is answered 401 by the trigger and starts nothing.',
	].join('\n'));
	c.note('Note: follow up', [960, 0], 1900, 460, [
		'### 2. Follow up on the debtor record',
		'**Permanent failure** (bounced, failed): the same step is written again for the next channel and sent; a sent fallback is logged as `sent` (so its own reports are tracked too) and added to the record\'s contacts. When nothing can be sent, a person gets a task (`sc_tasks`).',
		'**Reply**: `preferredChannel` becomes the channel of the reply, and the reply is added to `contacts[]`. **Opt-out** (STOP): the channel is closed in `consents` and no longer preferred.',
	].join('\n'));

	const trigger = c.add('Delivery status', `${PREFIX}.deliveryStatusTrigger`, 1, [0, 240], { provider: 'webhook', options: {} }, { webhookId: DELIVERY_STATUS_WEBHOOK_ID });
	// An event without a key matches no row (the placeholder is never a key).
	const messageLog = c.add('Log of these messages', 'n8n-nodes-base.dataTable', 1.1, [220, 240], rowsWhere('sc_contact_log', [['idempotencyKey', "={{ $json.idempotencyKey || '(no key)' }}"]]), { alwaysOutputData: true });
	const decide = c.add('Decide per report', 'n8n-nodes-base.code', 2, [440, 240], { mode: 'runOnceForAllItems', jsCode: DECIDE });
	const logReport = c.add('Log: report', 'n8n-nodes-base.set', 3.4, [660, 160], { mode: 'raw', jsonOutput: '={{ JSON.stringify($json.log) }}', options: {} });
	const writeLog = appendRows(c, 'Write contact log', [2700, 300], 'sc_contact_log');
	const followUp = c.add('Follow-up needed?', 'n8n-nodes-base.if', 2.2, [660, 340], isTrue('={{ !!$json.action }}'));
	const debtors = c.add('Debtor records', 'n8n-nodes-base.dataTable', 1.1, [1000, 240], rowsWhere('sc_debtors', [['debtorId', "={{ $json.debtorId || '(none)' }}"]]), { alwaysOutputData: true });
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
	const fallbackSaved = recordChange(c, { prefix: 'Fallback: ', from: addContact, position: [2360, -400], change: ADD_CONTACTS });
	const isChange = c.add('Record change?', 'n8n-nodes-base.if', 2.2, [1620, 380], isTrue("={{ $json.kind === 'change' }}"));
	const replySaved = recordChange(c, { prefix: 'Reply: ', from: isChange, position: [1840, 800], change: REPLY_OR_OPT_OUT });
	const taskRow = c.add('Task for a person', 'n8n-nodes-base.set', 3.4, [2100, 460], taskColumns({
		stage: "={{ $json.messageData?.stage ?? $json.stage ?? '' }}",
		claimIds: "={{ $json.fallback?.claimIds ?? $json.claimIds ?? '' }}",
		why: "={{ $json.why ?? ('fallback on ' + $json.fallback.to + ' after ' + $json.fallback.status + ' on ' + $json.fallback.from + ' not sent: ' + ($json.delivery.reason ?? $json.delivery.errorCode ?? ($json.delivery.skipped ?? []).map(s => s.channel + ':' + s.reason).join(', '))) }}",
	}));
	const writeTask = appendRows(c, 'Write task list', [2360, 540], 'sc_tasks');
	const logTask = c.add('Log: task for a person', 'n8n-nodes-base.set', 3.4, [2360, 380], contactLogRow({
		decision: 'task',
		stage: '={{ $json.stage }}',
		channel: 'phone',
		claimIds: '={{ $json.claimIds }}',
		status: 'open',
		reason: '={{ $json.why }}',
	}));

	// Before any write or send: room in the Data Tables for these reports, or a clear stop.
	c.link(roomForWrites(c, { from: trigger, position: [0, 1200], merge: [110, 400], bytes: `items.length * ${EVENT_BYTES}` }), messageLog);
	c.link(messageLog, decide);
	c.link(decide, logReport);
	c.link(decide, followUp);
	c.link(logReport, writeLog);
	c.link(followUp, debtors, 0);
	c.link(debtors, apply);
	c.link(apply, isFallback);
	c.link(isFallback, render, 0);
	c.link(isFallback, isChange, 1);
	c.link(render, send);
	c.link(send, addContact, 0);
	c.link(send, logSent, 0);
	c.link(send, taskRow, 1);
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
	return c.workflow('scDeliveryStatus06', 'Social Collections: delivery status');
}
