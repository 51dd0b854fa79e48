/**
 * The pieces the two self-service forms share (4. flex collection date, 5. payment arrangement):
 * the n8n Form Trigger, the look-up of the debtor, and the check that the person filling in the form
 * knows both their customer number and one of their invoice numbers, so nobody changes another
 * debtor's record. Unknown customer and wrong invoice number get the same answer (no probing).
 */
import { Canvas, table } from './canvas';

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

/** The Form Trigger (public page /form/<path>); the answer page comes from a Form Ending node. */
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
		options: { path, appendAttribution: false, buttonLabel: button },
	}, { webhookId });
}

/** Reads the debtor row named in the form; an unknown number still gives one (empty) item. */
export function findDebtor(c: Canvas, form: string, position: [number, number]): string {
	return c.add('Find debtor', 'n8n-nodes-base.dataTable', 1.1, position, {
		resource: 'row',
		operation: 'get',
		dataTableId: table('sc_debtors'),
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'debtorId', condition: 'eq', keyValue: `={{ String($('${form}').first().json['${FIELD.debtorId}'] ?? '').trim() }}` }] },
		limit: 1,
	}, { alwaysOutputData: true });
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
		options: {},
	}, { webhookId });
}
