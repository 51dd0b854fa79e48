/**
 * The pieces the two self-service forms share (4. flex collection date, 5. payment arrangement):
 * the n8n Form Trigger, the look-up of the debtor, and the check that the person filling in the form
 * knows both their customer number and one of their invoice numbers, so nobody changes another
 * debtor's record. Unknown customer and wrong invoice number get the same answer (no probing).
 *
 * And the held confirmations: a confirmation the legal contact window holds back is stored in the
 * record as `held` with the moment the window opens, and the workflow's own schedule sends it then.
 */
import { BANK, BRAND, Canvas, FORM_CSS, NODE_VERSIONS, PREFIX, isTrue, todaySettings } from './canvas';
import type { FormStore } from './formStore';
import { recordChange, type RecordStore } from './recordChange';
import { sendEmailAfter, type Output } from './sendEmail';

/** Field labels: n8n Form Trigger 2.3 names each answer after its label. */
export const FIELD = {
	debtorId: 'Klantnummer',
	reference: 'Factuurnummer',
};

export interface FormField {
	fieldLabel: string;
	fieldType?: string;
	requiredField?: boolean;
	placeholder?: string;
	fieldOptions?: { values: Array<{ option: string }> };
}

/**
 * The Form Trigger (public page /form/<path>); the answer page comes from a Form Ending node. The
 * request headers are on its item (showHeaders): the limit on attempts reads the caller's address from
 * X-Forwarded-For behind a proxy (formStore.ts). n8n removes its own cookies from them.
 */
export function formTrigger(c: Canvas, name: string, position: [number, number], path: string, webhookId: string, title: string, description: string, fields: FormField[], button: string): string {
	return c.add(name, 'n8n-nodes-base.formTrigger', 2.3, position, {
		formTitle: title,
		formDescription: description,
		formFields: {
			values: [
				{ fieldLabel: FIELD.debtorId, placeholder: 'bijv. D-000123', requiredField: true },
				{ fieldLabel: FIELD.reference, placeholder: 'staat op uw factuur of brief', requiredField: true },
				...fields,
			],
		},
		responseMode: 'lastNode',
		options: { path, appendAttribution: false, buttonLabel: button, showHeaders: true, customCss: FORM_CSS },
	}, { webhookId });
}

/** What was typed as customer number (an expression). */
export const customerNumber = (form: string): string => `$('${form}').first().json['${FIELD.debtorId}']`;

/** Reads the debtor row named in the form; an unknown number still gives one (empty) item. */
export function findDebtor(c: Canvas, store: FormStore, form: string, position: [number, number]): string {
	return store.findDebtor(c, form, `String(${customerNumber(form)} ?? '').trim()`, position);
}

/**
 * Code node: identity check, then `rules` (JavaScript that reads `form` and `record` and may set
 * `problem`, change `record`, or put what the rules read into `record.request`). Output: the debtor
 * record plus `request: { ...record.request, valid, problem }`.
 */
export function checkRequest(c: Canvas, form: string, position: [number, number], rules: string): string {
	const jsCode = String.raw`// Who is asking? The customer number and one of their invoice numbers must belong together.
const form = $('${form}').first().json;
const debtorId = String(form['${FIELD.debtorId}'] ?? '').trim();
const reference = String(form['${FIELD.reference}'] ?? '').trim().toUpperCase();
let record = null;
try {
  record = $json.record ? JSON.parse($json.record) : null;
} catch (error) {
  record = null;
}
let problem = '';
const known = record !== null && record.debtorId === debtorId && reference !== ''
  && (record.claims ?? []).some((claim) => String(claim.claimId).toUpperCase() === reference);
if (!known) {
  // The same answer for an unknown customer and a wrong invoice number: nothing to probe.
  problem = 'Wij kunnen dit klantnummer en factuurnummer niet samen vinden. Kijk ze na op uw factuur, of bel ons.';
  record = { debtorId: debtorId.slice(0, 40) };
} else {
${rules}
}
return { json: { ...record, request: { ...(record.request ?? {}), valid: problem === '', problem } } };
`;
	return c.add('Check request', 'n8n-nodes-base.code', 2, position, { mode: 'runOnceForEachItem', language: 'javaScript', jsCode });
}

/** Form Ending node: the page the debtor sees after submitting. */
export function formEnding(c: Canvas, name: string, position: [number, number], title: string, message: string, webhookId: string): string {
	return c.add(name, 'n8n-nodes-base.form', 2.3, position, {
		operation: 'completion',
		respondWith: 'text',
		completionTitle: title,
		completionMessage: message,
		options: { customCss: FORM_CSS },
	}, { webhookId });
}

/** Node name of the Settings of the held-confirmations part (the form part has `Settings`). */
export const HELD_SETTINGS = 'Settings (held confirmations)';

/**
 * JavaScript (inside an n8n expression) for what the Channel Sender did with a confirmation, as the
 * record keeps it: `base` (an object) plus `status` `sent` | `held` (the legal contact window was
 * closed: `heldUntil` is when it opens) | `not-sent` (`notSentReason`), the key, and when sent the
 * moment, the channel and whether only the sandbox recorded it. Reads `$json.delivery`.
 */
export function confirmationOutcome(base: string): string {
	const status = "['sent', 'queued'].includes(d.status) || d.reason === 'already-sent' ? 'sent' : d.reason === 'outside-contact-window' ? 'held' : 'not-sent'";
	return [
		`((d) => ((s) => Object.assign({}, ${base}, {`,
		'  status: s,',
		"  heldUntil: s === 'held' ? d.nextContactMoment : undefined,",
		"  sentAt: s === 'sent' ? (d.timestamps?.sentAt ?? d.timestamps?.finishedAt) : undefined,",
		"  channel: s === 'sent' ? d.channel : undefined,",
		"  simulated: s === 'sent' && d.simulated === true ? true : undefined,",
		'  idempotencyKey: d.idempotencyKey ?? d.contactKey,',
		"  notSentReason: s === 'not-sent' ? (d.reason ?? d.errorCode ?? d.status ?? 'no-message') : undefined,",
		`}))(${status}))($json.delivery ?? {})`,
	].join('\n');
}

/**
 * An idempotency key of our own for one confirmation (n8n expression): `parts` (JavaScript values)
 * hashed like the Channel Sender's derived keys, so it carries no personal data. Derived keys count
 * one contact per debtor, claim, stage and day; a confirmation is one per change instead.
 */
export function confirmationKey(parts: string[]): string {
	return `={{ 'sc1-' + [${parts.join(', ')}].join('\\n').hash('sha256').slice(0, 32) }}`;
}

/**
 * The start of the held-confirmations part: at 07:00 Monday to Saturday (when the legal contact
 * window opens; on holidays nothing is due) and by hand, its own Settings, the open debtors whose
 * record holds a confirmation under `key` that is `held`, the newest row per debtor, the record, and
 * an If whose first output has those due now. Returns the If node's name.
 */
export function heldConfirmations(c: Canvas, store: FormStore, key: string, position: [number, number]): string {
	const [x, y] = position;
	const schedule = c.add('At 07:00, Monday to Saturday', 'n8n-nodes-base.scheduleTrigger', 1.2, [x, y], {
		rule: { interval: [{ field: 'cronExpression', expression: '0 7 * * 1-6' }] },
	});
	const manual = c.add('Send held confirmations (manual)', 'n8n-nodes-base.manualTrigger', 1, [x, y + 160]);
	const settings = todaySettings(c, [x + 220, y + 80], HELD_SETTINGS);
	const load = store.loadHeld(c, key, [x + 440, y + 80]);
	const newest = c.add('Newest held row per debtor', 'n8n-nodes-base.removeDuplicates', 2, [x + 660, y + 80], {
		operation: 'removeDuplicateInputItems',
		compare: 'selectedFields',
		fieldsToCompare: 'debtorId',
		options: {},
	});
	const record = c.add('Held record from row', 'n8n-nodes-base.set', 3.4, [x + 880, y + 80], {
		mode: 'raw',
		jsonOutput: '={{ JSON.parse($json.record) }}',
		options: {},
	});
	const due = c.add('Held and due?', 'n8n-nodes-base.if', 2.2, [x + 1100, y + 80], isTrue(
		`={{ $json.${key}?.status === 'held' && DateTime.fromISO($json.${key}.heldUntil) <= DateTime.fromISO($('${HELD_SETTINGS}').first().json.now) }}`,
	));
	c.link(schedule, settings);
	c.link(manual, settings);
	c.link(settings, load);
	c.link(load, newest);
	c.link(newest, record);
	c.link(record, due);
	return due;
}

/**
 * The change a form saves (recordChange): `fields` replace the record's fields of that name, `merge`
 * is merged into the record's object of that name (`mergeDefaults` when it has none), so a flag or an
 * income detail set meanwhile stays, and so does anything else another workflow wrote, such as an ERP
 * payment between the form's pages. A confirmation of choice N (`onlyForChange`) writes nothing once
 * a newer choice has been made: that one has its own confirmation.
 */
const FORM_FIELDS = `(record, change) => {
  if (!record) return {};
  const only = change.onlyForChange;
  if (only && (record[only.key]?.change ?? 0) !== only.change) return { superseded: true };
  Object.assign(record, change.fields ?? {});
  for (const [key, value] of Object.entries(change.merge ?? {})) {
    if (value) record[key] = Object.assign({}, record[key] ?? change.mergeDefaults?.[key] ?? {}, value);
  }
  return { record };
}`;

/**
 * Saves what a form decided on the debtor's current record, through the record loop (the whole record
 * is checked against the debtor schema before it is written). `change` is object-literal JavaScript
 * on the item: `fields`, `merge`, `mergeDefaults`, `onlyForChange` (see FORM_FIELDS). The node named
 * `saved` comes after the loop: its item has `written` and `record` (the saved record as JSON text).
 * Returns the first node and the `saved` node.
 */
export function saveFormChoice(c: Canvas, o: { changeNode: string; saved: string; prefix: string; position: [number, number]; change: string; records: RecordStore }): { entry: string; saved: string } {
	const [x, y] = o.position;
	const entry = c.add(o.changeNode, 'n8n-nodes-base.set', 3.4, [x, y], {
		mode: 'raw',
		jsonOutput: `={{ JSON.stringify(Object.assign({ debtorId: $json.debtorId }, { ${o.change} })) }}`,
		options: {},
	});
	const settled = recordChange(c, { prefix: o.prefix, from: entry, position: [x + 220, y - 360], change: FORM_FIELDS }, o.records);
	const saved = c.add(o.saved, 'n8n-nodes-base.set', 3.4, [x + 220, y], {
		mode: 'raw',
		jsonOutput: '={{ JSON.stringify({ debtorId: $json.debtorId, written: $json.recordChange.written === true, record: JSON.stringify(Object.assign({}, $json, { recordChange: undefined, segmentation: undefined, error: undefined })) }) }}',
		options: {},
	});
	c.link(settled, saved);
	return { entry, saved };
}

/**
 * After a form's save: an If whose first output goes on (the choice was written) and whose second
 * output ends the form with a page saying it was not saved (the record could not be written: it breaks
 * the debtor schema elsewhere, or kept changing). Returns the If node's name.
 */
export function savedOrSorry(c: Canvas, saved: string, position: [number, number], webhookId: string): string {
	const [x, y] = position;
	const check = c.add('Saved?', 'n8n-nodes-base.if', 2.2, [x, y], isTrue('={{ $json.written }}'));
	const sorry = formEnding(c, 'Page: not saved', [x + 220, y + 200], 'Niet opgeslagen',
		'Het lukte ons niet om uw keuze op te slaan. Er is niets veranderd. Probeer het later opnieuw of bel ons.', webhookId);
	c.link(saved, check);
	c.link(check, sorry, 1);
	return check;
}

/**
 * A form's confirmation: the Tone Template writes `message.stage` in `message.tone`, the Channel Sender
 * sends it with a key of its own (`message.keyParts`, see confirmationKey). One that cannot be written or
 * sent does not undo the choice: both nodes go on with the item's error (Invalid Records: stop, On
 * Error: continue), so the choice is saved as not sent. The caller links the two.
 */
export function confirmationNodes(c: Canvas, settings: string, position: [number, number], names: { render: string; send: string }, message: { stage: string; tone: string; keyParts: string[] }): { render: string; send: string; outputs: Output[] } {
	const [x, y] = position;
	const render = c.add(names.render, `${PREFIX}.toneTemplate`, NODE_VERSIONS.toneTemplate, [x, y], {
		stage: message.stage,
		tone: message.tone,
		referenceDate: `={{ $('${settings}').first().json.referenceDate }}`,
		brand: BRAND,
		bank: BANK,
		invalidRecords: 'fail',
	}, { onError: 'continueRegularOutput' });
	const send = c.add(names.send, `${PREFIX}.channelSender`, NODE_VERSIONS.channelSender, [x + 220, y], {
		channelSource: 'item',
		idempotencyKey: confirmationKey(message.keyParts),
		invalidRecords: 'fail',
		options: { referenceDate: `={{ $('${settings}').first().json.referenceDate }}` },
	}, { onError: 'continueRegularOutput' });
	// SMTP: n8n's Send Email node sends what the Channel Sender prepared (sendEmail.ts); sent or not, both go on.
	const mail = sendEmailAfter(c, send, [x + 220, y - 360], `${names.send}: `);
	return { render, send, outputs: [mail.sent, mail.notSent] };
}
