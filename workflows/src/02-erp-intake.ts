/**
 * Workflow 2: ERP intake. A signed webhook that takes invoices, payments, reversals and debtor updates
 * (docs/erp-intake.md), applies them to the debtor records in sc_debtors and answers per event.
 * Described once for both stores (store.ts): the Data Table edition (workflows/02-erp-intake.json)
 * and the Postgres edition (workflows/postgres/02-erp-intake.json).
 */
import { Canvas, isTrue, NODE_VERSIONS, PREFIX, type Json } from './canvas';
import { INTAKE_BYTES_PER_EVENT } from './dataTableRoom';
import { recordChange } from './recordChange';
import { DATA_TABLES, type Store } from './store';

/** Path of the production webhook: POST https://<n8n>/webhook/sc-erp-intake */
export const ERP_INTAKE_PATH = 'sc-erp-intake';

const SPLIT_AND_CHECK = `// One item per event, with "problem" naming the field when the event breaks the documented shape
// (docs/erp-intake.md). Values are never repeated in a reason: they may be personal data.
const MAX_EVENTS = 500;
// The trigger parsed the body only after its signature, size and nesting were checked.
const body = $input.first().json.body;
if (!body || typeof body !== 'object' || !Array.isArray(body.events) || body.events.length === 0) {
  return [{ json: { envelopeError: 'the body must be {"events": [ ... ]} with at least one event' } }];
}
if (body.events.length > MAX_EVENTS) return [{ json: { envelopeError: 'at most ' + MAX_EVENTS + ' events per request' } }];

const TYPES = { invoice: 'claim', payment: 'payment', reversal: 'reversal', 'debtor-update': 'debtor' };
const isText = (v) => typeof v === 'string' && v.trim() !== '' && v.length <= 100;
const isCents = (v) => Number.isInteger(v) && v > 0;
const isDate = (v) => typeof v === 'string' && /^\\d{4}-\\d{2}-\\d{2}$/.test(v);

function problemOf(event, at) {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return at + ' must be an object';
  if (!isText(event.eventId)) return at + '.eventId is required (text, at most 100 characters)';
  if (!(event.type in TYPES)) return at + '.type must be one of ' + Object.keys(TYPES).join(', ');
  if (!isText(event.debtorId)) return at + '.debtorId is required (text, at most 100 characters)';
  const key = TYPES[event.type];
  const p = event[key];
  const f = at + '.' + key;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return f + ' is required for type ' + event.type;
  if (event.type === 'invoice') {
    if (!isText(p.claimId)) return f + '.claimId is required';
    if (!isCents(p.principalCents)) return f + '.principalCents must be a whole number of cents above 0';
    if (p.openCents !== undefined && !(Number.isInteger(p.openCents) && p.openCents >= 0 && p.openCents <= p.principalCents)) return f + '.openCents must be whole cents from 0 to principalCents';
    if (!isDate(p.invoiceDate)) return f + '.invoiceDate must be a date (YYYY-MM-DD)';
    if (!isDate(p.dueDate)) return f + '.dueDate must be a date (YYYY-MM-DD)';
  }
  if (event.type === 'payment' || event.type === 'reversal') {
    if (!isCents(p.amountCents)) return f + '.amountCents must be a whole number of cents above 0';
    if (!isDate(p.date)) return f + '.date must be a date (YYYY-MM-DD)';
    if (p.claimId !== undefined && !isText(p.claimId)) return f + '.claimId must be text';
  }
  if (event.type === 'reversal' && !(typeof p.reasonCode === 'string' && /^[A-Z]{2}\\d{2}$/.test(p.reasonCode))) return f + '.reasonCode must be a SEPA reason code such as AM04';
  if (event.type === 'debtor-update') {
    for (const field of ['debtorId', 'claims', 'payments', 'reversals', 'contacts']) {
      if (field in p) return f + '.' + field + ' cannot be changed by a debtor update (use the event types)';
    }
  }
  return '';
}

return body.events.map((event, index) => ({ json: {
  index,
  eventId: isText(event?.eventId) ? event.eventId : '',
  type: typeof event?.type === 'string' ? event.type.slice(0, 40) : '',
  debtorId: isText(event?.debtorId) ? event.debtorId : '',
  event,
  problem: problemOf(event, 'events[' + index + ']'),
} }));`;

const EVENTS_PER_DEBTOR = `// One item per debtor with the events to apply to its record, in the order received; one more item
// (debtorId '') with the events answered already: a broken shape, or an eventId accepted before.
const events = $('Split and check events').all().map((item) => item.json);
const acceptedBefore = new Set($input.all().map((item) => item.json).filter((row) => row.result === 'accepted' && row.eventId).map((row) => row.eventId));
const answered = [];
const perDebtor = new Map();
const seen = new Set();
for (const e of events) {
  const base = { index: e.index, eventId: e.eventId, type: e.type, debtorId: e.debtorId };
  if (e.problem) { answered.push({ ...base, result: 'rejected', reason: e.problem }); continue; }
  if (acceptedBefore.has(e.eventId)) { answered.push({ ...base, result: 'duplicate', reason: 'already accepted earlier' }); continue; }
  if (seen.has(e.eventId)) { answered.push({ ...base, result: 'duplicate', reason: 'same eventId earlier in this request' }); continue; }
  seen.add(e.eventId);
  if (!perDebtor.has(e.debtorId)) perDebtor.set(e.debtorId, []);
  perDebtor.get(e.debtorId).push({ ...base, event: e.event });
}
return [...perDebtor].map(([debtorId, list]) => ({ json: {
  debtorId,
  // Only an invoice or a debtor update may bring a new debtor.
  mayCreate: list.some((e) => e.type === 'invoice' || e.type === 'debtor-update'),
  events: list,
} })).concat({ json: { debtorId: '', answered } });`;

/**
 * The change the record loop applies (recordChange): the debtor's events, in order, to its CURRENT
 * record. Runs again on the newer record when another execution wrote first, so it is a pure function.
 * An invoice, payment or reversal already in the record (same claimId, paymentId, reversalId) is a
 * duplicate whatever its eventId; a payment or reversal without an id of its own takes its eventId.
 */
const APPLY_EVENTS = `(record, change) => {
  const byDueDate = (a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0);
  const NESTED = ['contact', 'consents', 'flags', 'income', 'household', 'features'];
  // Spreads an amount over the claim named, then over the others oldest first; take(claim) says how much fits.
  const spread = (claims, claimId, amount, take) => {
    const order = claims.filter((c) => c.claimId === claimId).concat(claims.filter((c) => c.claimId !== claimId).sort(byDueDate));
    for (const claim of order) {
      const part = Math.min(amount, take(claim));
      if (part > 0) { take(claim, part); amount -= part; }
    }
  };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  let next = record;
  const results = [];
  for (const e of change.events) {
    const base = { index: e.index, eventId: e.eventId, type: e.type, debtorId: e.debtorId };
    const answer = (result, reason = '') => results.push({ ...base, result, reason });
    const event = e.event;
    if (!next && event.type !== 'invoice' && event.type !== 'debtor-update') { answer('rejected', 'unknown debtor: send an invoice or debtor-update first'); continue; }
    const draft = next ? JSON.parse(JSON.stringify(next)) : { debtorId: e.debtorId };
    draft.claims = draft.claims ?? [];
    const claimOf = (claimId) => draft.claims.find((c) => c.claimId === claimId);
    if (event.type === 'invoice') {
      const claim = { ...event.claim, openCents: event.claim.openCents ?? event.claim.principalCents };
      const existing = claimOf(claim.claimId);
      if (existing) {
        const { openCents: a, ...was } = existing; const { openCents: b, ...now } = claim;
        if (same(was, now)) answer('duplicate', 'invoice ' + claim.claimId + ' is already in the record');
        else answer('rejected', 'claim ' + claim.claimId + ' already exists');
        continue;
      }
      draft.claims.push(claim);
    } else if (event.type === 'payment') {
      const p = { ...event.payment, paymentId: event.payment.paymentId ?? e.eventId, method: event.payment.method ?? 'bank-transfer' };
      if ((draft.payments ?? []).some((q) => q.paymentId === p.paymentId)) { answer('duplicate', 'payment ' + p.paymentId + ' is already in the record'); continue; }
      if (p.claimId && !claimOf(p.claimId)) { answer('rejected', 'unknown claim ' + p.claimId); continue; }
      draft.payments = (draft.payments ?? []).concat(p);
      // openCents never goes below 0; an overpayment stays visible in payments[].
      spread(draft.claims, p.claimId, p.amountCents, (c, part) => (part === undefined ? c.openCents : (c.openCents -= part)));
    } else if (event.type === 'reversal') {
      const r = { ...event.reversal, reversalId: event.reversal.reversalId ?? e.eventId };
      if ((draft.reversals ?? []).some((q) => q.reversalId === r.reversalId)) { answer('duplicate', 'reversal ' + r.reversalId + ' is already in the record'); continue; }
      if (r.claimId && !claimOf(r.claimId)) { answer('rejected', 'unknown claim ' + r.claimId); continue; }
      draft.reversals = (draft.reversals ?? []).concat(r);
      // The returned money is owed again: open the claim up to its principal.
      spread(draft.claims, r.claimId, r.amountCents, (c, part) => (part === undefined ? c.principalCents - c.openCents : (c.openCents += part)));
    } else if (event.type === 'debtor-update') {
      for (const [key, value] of Object.entries(event.debtor)) {
        draft[key] = NESTED.includes(key) && value && typeof value === 'object' && !Array.isArray(value) ? { ...(draft[key] ?? {}), ...value } : value;
      }
    }
    next = draft;
    answer('accepted');
  }
  return next === record ? { results } : { record: next, results };
}`;

const RESULT_PER_EVENT = `// Every event of the request gets exactly one answer and one sc_intake row, in request order.
// "accepted" only for events whose record was written.
const results = [];
for (const outcome of $input.all().map((item) => item.json)) {
  if (outcome.answered) { results.push(...outcome.answered); continue; }
  const change = outcome.recordChange;
  if (!change) continue;
  const refusal = outcome.error
    ? 'the debtor record would break the debtor schema: ' + (outcome.error.problems ?? [{ field: outcome.error.field, message: outcome.error.message }]).map((p) => p.field + ' ' + p.message).join('; ')
    : change.gaveUp || change.lost ? 'not applied: ' + (change.gaveUp || change.lost) + '; send the same event again' : '';
  for (const r of change.outcome.results ?? []) {
    results.push(refusal && r.result === 'accepted' ? { ...r, result: 'rejected', reason: refusal } : r);
  }
}
const receivedAt = $now.toISO();
return results.sort((a, b) => a.index - b.index).map((r) => ({ json: {
  eventId: r.eventId, receivedAt, type: r.type, debtorId: r.debtorId, result: r.result, reason: r.reason,
} }));`;

/**
 * Respond to Webhook from version 1.1 on refuses to run unless n8n's own Webhook node (or Form, Chat,
 * Wait) starts the workflow; version 1 answers the same way for any trigger in "Using Respond to
 * Webhook Node" mode, such as the package's ERP Intake Trigger. Do not upgrade these nodes.
 */
const RESPOND_VERSION = 1;

/** The answer, from the node whose items are the answers per event as logged. */
const answer = (from: string) => [
	'={{ JSON.stringify((() => {',
	`  const rows = $('${from}').all().map((item) => item.json);`,
	"  const count = (result) => rows.filter((row) => row.result === result).length;",
	"  return { received: rows.length, accepted: count('accepted'), rejected: count('rejected'), duplicate: count('duplicate'),",
	'    results: rows.map((row) => ({ eventId: row.eventId, result: row.result, ...(row.reason ? { reason: row.reason } : {}) })) };',
	'})()) }}',
].join('\n');

/** The Postgres edition's notes where they differ from the Data Table edition's. */
const PG_NOTES = {
	about: [
		'## ERP intake (Postgres)',
		'Your ERP posts invoices, payments, reversals and debtor updates here (`POST /webhook/sc-erp-intake`, shape in docs/erp-intake.md). Each event is checked, applied to the debtor record in the Postgres table `sc_debtors` and logged in `sc_intake`. The answer lists every event: `accepted`, `rejected` (with the reason) or `duplicate`.',
		'',
		'**Replays are harmless:** an `eventId` is accepted once (`sc_intake` holds one accepted row per eventId, a unique index); sending it again answers `duplicate` and changes nothing. A rejected event may be corrected and sent again with the same `eventId`.',
		'',
		'**Before use:** apply the schema (`sql/`), fill in the credential *Social Collections Postgres*, create a credential *Social Collections: HTTPS Webhook API* with the shared secret as *Signing Secret* (its URL is not used here) and select it in *Signed ERP request*, then publish the workflow (and not the Data Table edition\'s: both answer at the same path). Give the ERP the production URL and the secret.',
		'',
		'Requests may arrive at the same time, also for one debtor: every accepted event is in the saved record (section 3). A changed record is due for the daily journey the next run (its version rises).',
	],
	loop: [
		'### 3. Apply to the current record (nothing lost under concurrency)',
		'*Read the current row* (the record and its `version`), *Apply the change* (an invoice adds a claim, a payment lowers `openCents`: the named claim first, then the oldest; a reversal opens the claim again; a debtor update merges the fields; an invoice, payment or reversal already in the record is a duplicate), *Check the whole record* (every field against the debtor schema: a record that would break it is not saved and its events are rejected with the field named), then *Write if unchanged*: `UPDATE ... WHERE version = <the version read>`, or for a new debtor `INSERT ... ON CONFLICT (debtor_id) DO NOTHING`. A write that finds a newer version applies the events again to the newer record.',
		'*Every change settled* lets the outcomes on once every debtor is done.',
	],
	answer: [
		'### 4. Log, answer',
		'Every event gets one row in `sc_intake` (`event_id`, `result`, `reason`) and one line in the answer, in the order sent: `accepted` only once the record holding it is saved. An eventId another request accepted at the same moment is answered `duplicate`.',
		'Reversals are answered per reason code by workflow 7 (direct-debit reversal handling) on its next run.',
	],
};

export function erpIntake(store: Store = DATA_TABLES): Json {
	const pg = store.kind === 'postgres';
	const c = new Canvas(pg ? '2b000001' : '2a000001');
	c.note('Note: about', [-60, -560], 760, 500, (pg ? PG_NOTES.about : [
		'## ERP intake',
		'Your ERP posts invoices, payments, reversals and debtor updates here (`POST /webhook/sc-erp-intake`, shape in docs/erp-intake.md). Each event is checked, applied to the debtor record in `sc_debtors` and logged in `sc_intake`. The answer lists every event: `accepted`, `rejected` (with the reason) or `duplicate`.',
		'',
		'**Replays are harmless:** an `eventId` is accepted once; sending it again answers `duplicate` and changes nothing. A rejected event may be corrected and sent again with the same `eventId`.',
		'',
		'**Before use:** run *Social Collections: set up data tables* once, create a credential *Social Collections: HTTPS Webhook API* with the shared secret as *Signing Secret* (its URL is not used here) and select it in *Signed ERP request*, then activate the workflow. Give the ERP the production URL and the secret.',
		'',
		'Requests may arrive at the same time, also for one debtor: every accepted event is in the saved record (section 3).',
	]).join('\n'), 4);
	c.note('Note: signature', [-60, 0], 1140, 440, [
		'### 1. Only signed requests',
		'Headers: `X-Signature-Timestamp` (Unix seconds) and `X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the shared secret: the same scheme as the package\'s HTTPS webhook channel.',
		'A missing or wrong signature, or a timestamp more than 5 minutes off, is answered **401** and changes nothing. *Signed ERP request* checks this itself, on the raw body, before anything reads it: a refused request starts no execution, so no node and no execution record ever holds an unsigned body or anything computed from the secret. A body over 1 MB is answered **413**, a signed body nested deeper than 16 levels **400** (both limits are options of the trigger). The secret lives in the credential, never in the workflow.',
	].join('\n'));
	c.note('Note: apply', [1100, 0], 1000, 440, [
		'### 2. Check and group',
		'*Split and check events* checks each event\'s shape (the reason names the field, never the value). *Events per debtor* answers duplicates of earlier requests and groups the rest per debtor, in order.',
	].join('\n'));
	c.note('Note: record loop', [2120, -300], 2880, 740, (pg ? PG_NOTES.loop : [
		'### 3. Apply to the current record (nothing lost under concurrency)',
		'A new debtor\'s row is made first (one upsert). *Read the current row*, *Apply the change* (an invoice adds a claim, a payment lowers `openCents`: the named claim first, then the oldest; a reversal opens the claim again; a debtor update merges the fields; an invoice, payment or reversal already in the record is a duplicate), *Check the whole record* (every field against the debtor schema: a record that would break it is not saved and its events are rejected with the field named), then *Write if unchanged*: only if the row still holds what was read. Otherwise the events are applied again to the newer record.',
		'*Every change settled* lets the outcomes on once every debtor is done.',
	]).join('\n'));
	c.note('Note: answer', [5080, 0], 900, 440, (pg ? PG_NOTES.answer : [
		'### 4. Log, answer',
		'Every event gets one row in `sc_intake` (`eventId`, `result`, `reason`) and one line in the answer, in the order sent: `accepted` only once the record holding it is saved.',
		'Reversals are answered per reason code by workflow 7 (direct-debit reversal handling) on its next run.',
	]).join('\n'));

	// The package's trigger checks size, signature and nesting before anything reads the body, answers a
	// refused request itself (no execution starts) and hands on the parsed body only (no headers, so no
	// signature is stored). docs/erp-intake.md, "How a request is checked".
	const webhook = c.add('Signed ERP request', `${PREFIX}.erpIntakeTrigger`, NODE_VERSIONS.erpIntakeTrigger, [0, 240], {
		path: ERP_INTAKE_PATH,
		options: {},
	}, { webhookId: pg ? '2b000001-e5d1-4b7a-9c3e-7f0a5e2b1c02' : '2a000001-e5d1-4b7a-9c3e-7f0a5e2b1c01' });
	const split = c.add('Split and check events', 'n8n-nodes-base.code', 2, [1160, 180], { mode: 'runOnceForAllItems', jsCode: SPLIT_AND_CHECK });
	const readable = c.add('Readable request?', 'n8n-nodes-base.if', 2.2, [1360, 180], isTrue('={{ !$json.envelopeError }}'));
	const bad = c.add('Answer 400', 'n8n-nodes-base.respondToWebhook', RESPOND_VERSION, [1560, 360], {
		respondWith: 'json',
		responseBody: '={{ JSON.stringify({ error: $json.envelopeError }) }}',
		options: { responseCode: 400 },
	}, { executeOnce: true });
	const earlier = store.acceptedBefore(c, 'Earlier deliveries of these events', [1560, 100]);
	const perDebtor = c.add('Events per debtor', 'n8n-nodes-base.code', 2, [1760, 100], { mode: 'runOnceForAllItems', jsCode: EVENTS_PER_DEBTOR });
	const changes = c.add('Debtor changes', 'n8n-nodes-base.code', 2, [1960, 100], {
		mode: 'runOnceForAllItems',
		jsCode: 'return $input.all().filter((item) => item.json.debtorId);',
	});
	const answeredAlready = c.add('Answered already', 'n8n-nodes-base.code', 2, [1960, 260], {
		mode: 'runOnceForAllItems',
		jsCode: 'return $input.all().filter((item) => !item.json.debtorId);',
	});
	const settled = recordChange(c, { from: changes, position: [2160, 120], change: APPLY_EVENTS, createWhen: 'mayCreate' }, store.records);
	const outcomes = c.add('Outcomes', 'n8n-nodes-base.merge', 3.2, [5160, 180], { numberInputs: 2 });
	const result = c.add('Result per event', 'n8n-nodes-base.code', 2, [5360, 180], { mode: 'runOnceForAllItems', jsCode: RESULT_PER_EVENT });
	const { log, answers } = store.logIntake(c, 'Log each event', [5560, 180]);
	const respond = c.add('Answer per event', 'n8n-nodes-base.respondToWebhook', RESPOND_VERSION, [5760, 180], { respondWith: 'json', responseBody: answer(answers), options: { responseCode: 200 } }, { executeOnce: true });

	c.link(webhook, split);
	c.link(split, readable);
	// Before any write: room in the Data Tables for these events, or a 503 naming the limit (nothing
	// accepted). Postgres has no such cap.
	const roomy = !store.roomForWrites ? readable : store.roomForWrites(c, {
		from: readable,
		position: [1360, 560],
		merge: [1460, 40],
		bytes: `items.length * ${INTAKE_BYTES_PER_EVENT}`,
		beforeStop: (canvas, position) => canvas.add('Answer 503', 'n8n-nodes-base.respondToWebhook', RESPOND_VERSION, position, {
			respondWith: 'json',
			responseBody: '={{ JSON.stringify({ error: $json.message }) }}',
			options: { responseCode: 503 },
		}),
	});
	c.link(roomy, earlier);
	c.link(readable, bad, 1);
	c.link(earlier, perDebtor);
	c.link(perDebtor, changes);
	c.link(perDebtor, answeredAlready);
	c.link(answeredAlready, outcomes, 0, 1);
	c.link(settled, outcomes, 0, 0);
	c.link(outcomes, result);
	c.link(result, log);
	c.link(log, respond);
	return pg ? c.workflow('scPgErpIntake02', 'Social Collections (Postgres): ERP intake') : c.workflow('scErpIntake02', 'Social Collections: ERP intake');
}
