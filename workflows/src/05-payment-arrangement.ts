/**
 * Workflow 5: payment arrangement self-service (betalingsregeling): a two-page form.
 */
import { Canvas, FORM_CSS, NODE_VERSIONS, PREFIX, isTrue, logRow, personTask, todaySettings, type Json } from './canvas';
import { EVENT_BYTES } from './dataTableRoom';
import { FORMS_ON_DATA_TABLES, attemptLimit, type FormStore } from './formStore';
import { HELD_SETTINGS, checkRequest, confirmationOutcome, customerNumber, findDebtor, formEnding, formTrigger, confirmationNodes, heldConfirmations, saveFormChoice, savedOrSorry } from './selfService';

export const ARRANGEMENT_FIELD = {
	monthly: 'Bedrag dat u per maand kunt betalen (EUR)',
	income: 'Uw netto inkomen per maand (EUR, mag leeg blijven)',
	household: 'Uw huishouden (mag leeg blijven)',
	choice: 'Kies uw regeling',
};
export const NO_PLAN_OPTION = 'Geen van deze: bel mij liever';
const HOUSEHOLDS: Array<[string, string]> = [
	['Alleenstaand', 'single'],
	['Alleenstaand met kinderen', 'single-parent'],
	['Samenwonend', 'couple'],
	['Samenwonend met kinderen', 'couple-with-children'],
];

/** How a proposal reads in the choice list; the same words find the chosen proposal back. */
const PLAN_LABEL = "(p => (p.terms === 1 ? 'In één keer EUR ' : p.terms + ' termijnen van EUR ') + (p.instalmentCents / 100).toFixed(2).replace('.', ',') + (p.terms === 1 ? ' op ' : ', de eerste op ') + DateTime.fromISO(p.firstDate).setLocale('nl').toFormat('d LLLL yyyy'))";
const PROPOSED = "$('Propose plans').first().json";

/** Where the record keeps what happened to the arrangement confirmation. */
export const CONFIRMATION = 'arrangementConfirmation';

/** The confirmation of the agreed plan on the item after the Channel Sender (JavaScript for an n8n expression). */
const CONFIRMATION_AFTER_SEND = confirmationOutcome('{ agreedOn: $json.arrangement.agreedOn }');

/** One line of the contact log about a saved confirmation (the row's record is read back, not the message). */
function confirmationLog(decision: string, day: string): Json {
	const record = 'JSON.parse($json.record)';
	const confirmation = `${record}.${CONFIRMATION}`;
	return logRow(decision, `={{ ((r, k) => r.arrangement.terms + ' x ' + r.arrangement.instalmentCents + ' cents from ' + r.arrangement.firstDate + ' to ' + r.arrangement.lastDate + '; confirmation ' + k.status + (k.simulated ? ' (sandbox)' : '') + (k.heldUntil ? ' until ' + k.heldUntil : '') + (k.notSentReason ? ' (' + k.notSentReason + ')' : ''))(${record}, ${confirmation}) }}`, {
		day,
		stage: 'arrangement-confirmation',
		channel: `={{ ${confirmation}.channel ?? '' }}`,
		status: `={{ ${confirmation}.status }}`,
		claimIds: `={{ (${record}.arrangement.claimIds ?? []).join(',') }}`,
		moment: `={{ ${confirmation}.sentAt ?? ${confirmation}.heldUntil ?? '' }}`,
		idempotencyKey: `={{ ${confirmation}.idempotencyKey ?? '' }}`,
	});
}

/** Writes and sends the arrangement confirmation, with a key of its own per agreed plan. */
function writeAndSend(c: Canvas, settings: string, x: number, y: number, names: { render: string; send: string }): ReturnType<typeof confirmationNodes> {
	const confirmation = confirmationNodes(c, settings, [x, y], names, {
		stage: 'arrangement-confirmation',
		tone: 'supportive',
		keyParts: ['$json.debtorId', "'arrangement-confirmation'", '$json.arrangement.agreedOn', '$json.arrangement.firstDate', '$json.arrangement.terms', '$json.arrangement.totalCents'],
	});
	c.link(confirmation.render, confirmation.send);
	return confirmation;
}

// ---------------------------------------------------------------------------------------------
// 5. Payment arrangement self-service
// ---------------------------------------------------------------------------------------------
export function paymentArrangement(store: FormStore = FORMS_ON_DATA_TABLES): Json {
	const pg = store.kind === 'postgres';
	const c = new Canvas(pg ? '5b000001' : '5a000001');
	// Webhook ids differ between the editions (both may be imported into one n8n).
	const hook = (n: number) => `${pg ? '5b' : '5a'}000001-0000-4000-8000-00000000f00${n}`;
	const appendRows = (canvas: Canvas, name: string, position: [number, number], tableName: 'sc_contact_log' | 'sc_tasks') => store.appendRows(canvas, name, position, tableName);
	c.note('Note: about', [-60, -600], 800, 540, [
		'## Payment arrangement self-service (betalingsregeling)',
		'A public n8n form (`/form/betalingsregeling`) in two pages. Page 1: the debtor identifies (customer number **and** one invoice number) and says what they can pay per month, optionally with their net income and household. The **Payment Arrangement** node reads the amounts (the package\'s one euros rule) and proposes plans within that amount and above the protected income floor (beslagvrije voet), with instalments just after payday.',
		'Page 2: the debtor picks a plan. A confirmation is sent, then the plan is stored in the debtor record (`arrangement` = the plan, `flags.arrangementActive` = true, `arrangementConfirmation` = what happened to the confirmation): from then on the **Journey Planner pauses** every collection step and plans only instalment reminders. The answer page shows the saved plan.',
		'',
		'No affordable plan, or "call me": a person gets a task in `sc_tasks` and the page says we will call. An existing arrangement, or a wrong number, changes nothing.',
		'',
		'**At night, on Sundays and holidays** the legal contact window holds the confirmation back; the part below sends it at 07:00 of the next contact day.',
		'',
		'**Safe by default:** the Channel Sender uses the Sandbox provider. Fill in the brand in *Write confirmation* and *Write held confirmation*; put this form\'s URL under *Arrangement Page URL* in your other workflows.',
	].join('\n'), 4);
	c.note('Note: page 1', [-60, 0], 1100, 380, [
		'### 1. Ask',
		'*Check request*: identity, no running arrangement, the household. *Propose plans* reads the monthly amount and the income (optional) as amounts in euros (`100`, `99,50`, `1.500,00`; not `0.001` or `1e3`): an amount that is not one, or not above zero, gets a page saying so. The income, when given, is used for the protected floor (never a plan that pushes the income below it).',
		'*Propose plans*: the open undisputed claims, at most 12 terms (24 with debt help), at least EUR 25 a term.',
	].join('\n'));
	c.note('Note: page 2', [1300, -360], 2000, 300, [
		'### 2. Choose, confirm, store',
		'The chosen plan is agreed today; the confirmation is the arrangement-confirmation message with every instalment date, sent with a key of its own for this plan. Then the record is saved with the plan and the confirmation\'s outcome (`sent`, `held` until the window opens, or `not-sent`). The page and the contact log read the saved record.',
	].join('\n'));
	c.note('Note: held', [-60, 720], 2500, 200, [
		'### 3. Held confirmations',
		'At 07:00 Monday to Saturday (and by hand): every record whose arrangement confirmation is `held` and due gets it written and sent, and the record saved with the outcome. A confirmation held again (a holiday) waits for the next opening.',
	].join('\n'));

	const form = formTrigger(c, 'Form: ask for an arrangement', [0, 200], 'betalingsregeling', hook(1),
		'Betalingsregeling aanvragen',
		'Kunt u niet alles in één keer betalen? Vraag hier een betalingsregeling aan. U ziet meteen welke regelingen mogelijk zijn.',
		[
			// Text fields: n8n's number field would read 0x64 or 1e2 as a number before the euros rule sees it.
			{ fieldLabel: ARRANGEMENT_FIELD.monthly, placeholder: 'bijv. 100 of 99,50', requiredField: true },
			{ fieldLabel: ARRANGEMENT_FIELD.income, placeholder: 'bijv. 1500 of 1.500,00' },
			{ fieldLabel: ARRANGEMENT_FIELD.household, fieldType: 'dropdown', fieldOptions: { values: HOUSEHOLDS.map(([option]) => ({ option })) } },
		],
		'Toon mogelijke regelingen');
	const settings = todaySettings(c, [200, 200]);
	const find = findDebtor(c, store, form, [400, 200]);
	const check = checkRequest(c, form, [600, 200], String.raw`  const text = (value) => (value === null || value === undefined ? '' : String(value).trim());
  const households = ${JSON.stringify(Object.fromEntries(HOUSEHOLDS))};
  if (record.flags?.arrangementActive === true) {
    problem = 'U heeft al een betalingsregeling. Wilt u die aanpassen? Bel ons.';
  } else {
    // The amounts stay text: Propose plans reads them with the package's one euros rule.
    record.request = { monthlyText: text(form['${ARRANGEMENT_FIELD.monthly}']), incomeText: text(form['${ARRANGEMENT_FIELD.income}']) };
    const composition = households[form['${ARRANGEMENT_FIELD.household}']];
    if (composition) record.household = { ...(record.household ?? {}), composition };
  }`);
	const valid = c.add('Request valid?', 'n8n-nodes-base.if', 2.2, [800, 200], isTrue('={{ $json.request.valid }}'));
	// An amount that is not one stops only this item (Invalid Records: stop, On Error: continue), and
	// the page below says which.
	const propose = c.add('Propose plans', `${PREFIX}.paymentArrangement`, NODE_VERSIONS.paymentArrangement, [1000, 100], {
		operation: 'propose',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		capacityEuros: '={{ $json.request.monthlyText }}',
		proposeOptions: { incomeEuros: '={{ $json.request.incomeText }}' },
		invalidRecords: 'fail',
	}, { onError: 'continueRegularOutput' });
	const amountsRead = c.add('Amounts readable?', 'n8n-nodes-base.if', 2.2, [1200, 100], isTrue(
		'={{ $json.error === undefined && $json.arrangement?.capacity?.statedCents > 0 && $json.arrangement.capacity.statedCents <= 10000000 && ($json.arrangement.capacity.incomeCents ?? 0) <= 100000000 }}',
	));
	const amountProblem = c.add('Problem with the amounts', 'n8n-nodes-base.set', 3.4, [1420, 300], {
		mode: 'raw',
		jsonOutput: String.raw`={{ JSON.stringify({ request: { problem: (f => f === 'proposeOptions.incomeEuros' || (!f && ($json.arrangement?.capacity?.incomeCents ?? 0) > 100000000)
  ? 'Vul uw netto inkomen per maand in als bedrag in euro\'s, bijvoorbeeld 1500 of 1.500,00, of laat het veld leeg.'
  : f === 'capacityEuros' || f === 'capacity' || !$json.error
    ? 'Vul in hoeveel u per maand kunt betalen: een bedrag in euro\'s groter dan 0, met hoogstens twee cijfers achter de komma (bijvoorbeeld 100 of 99,50).'
    : 'Wij kunnen nu geen regeling berekenen. Bel ons, dan zoeken wij samen een oplossing.')($json.errorDetails?.field) } }) }}`,
		options: {},
	});
	const anyPlan = c.add('Plans to choose from?', 'n8n-nodes-base.if', 2.2, [1420, 100], isTrue('={{ ($json.arrangement.proposals ?? []).length > 0 }}'));
	const choose = c.add('Page: choose a plan', 'n8n-nodes-base.form', 2.3, [1640, 0], {
		operation: 'page',
		defineForm: 'json',
		jsonOutput: `={{ JSON.stringify([{ fieldLabel: '${ARRANGEMENT_FIELD.choice}', fieldType: 'dropdown', requiredField: true, fieldOptions: { values: $json.arrangement.proposals.map(${PLAN_LABEL}).concat(['${NO_PLAN_OPTION}']).map(option => ({ option })) } }]) }}`,
		options: { formTitle: 'Kies uw regeling', formDescription: "={{ 'Dit kunt u kiezen voor het bedrag van EUR ' + ($json.arrangement.amountCents / 100).toFixed(2).replace('.', ',') + '. ' + ($json.arrangement.reasons.nl ?? []).slice(-1).join(' ') }}", buttonLabel: 'Deze regeling wil ik', customCss: FORM_CSS },
	}, { webhookId: hook(2) });
	const chosen = c.add('Chosen plan', 'n8n-nodes-base.set', 3.4, [1860, 0], {
		mode: 'raw',
		jsonOutput: `={{ JSON.stringify(Object.assign({}, ${PROPOSED}, { arrangement: ${PROPOSED}.arrangement.proposals.find(p => ${PLAN_LABEL}(p) === $json['${ARRANGEMENT_FIELD.choice}']) ?? null })) }}`,
		options: {},
	});
	const planChosen = c.add('Plan chosen?', 'n8n-nodes-base.if', 2.2, [2080, 0], isTrue('={{ $json.arrangement !== null }}'));
	const confirm = writeAndSend(c, 'Settings', 2300, 0, { render: 'Write confirmation', send: 'Send confirmation' });
	// A stated income is what the floor was checked against: the record keeps it. Saved on the record
	// as it is now (an ERP payment between the pages stays); flags and income are merged, not replaced.
	const { entry: row, saved: save } = saveFormChoice(c, {
		changeNode: 'Arrangement, for the record',
		saved: 'Saved arrangement',
		prefix: 'Arrangement: ',
		position: [2740, 0],
		records: store.records,
		change: [
			'fields: { arrangement: $json.arrangement, ' + CONFIRMATION + ': ' + CONFIRMATION_AFTER_SEND + ' },',
			`merge: { flags: { arrangementActive: true }, income: $json.request?.incomeText ? { netMonthlyCents: ${PROPOSED}.arrangement.capacity.incomeCents } : undefined, household: $json.household?.composition ? { composition: $json.household.composition } : undefined },`,
			"mergeDefaults: { income: { type: 'unknown' } }",
		].join(' '),
	});
	const logAgreed = c.add('Log: arrangement agreed', 'n8n-nodes-base.set', 3.4, [3180, 0], confirmationLog('arrangement-agreed', "={{ $('Settings').first().json.referenceDate }}"));
	const writeLog = appendRows(c, 'Write contact log', [3400, 0], 'sc_contact_log');
	// The answer page comes last (a Form Ending waits for the browser) and shows what was saved.
	const agreed = formEnding(c, 'Page: arrangement agreed', [3620, 0], 'Uw betalingsregeling staat vast',
		`={{ ((p, k) => 'U betaalt ' + p.terms + ' keer EUR ' + (p.instalmentCents / 100).toFixed(2).replace('.', ',') + ', van ' + DateTime.fromISO(p.firstDate).setLocale('nl').toFormat('d LLLL yyyy') + ' tot en met ' + DateTime.fromISO(p.lastDate).setLocale('nl').toFormat('d LLLL yyyy') + '. Zolang u de termijnen betaalt, sturen wij geen herinneringen. ' + (k.status === 'sent' ? 'U krijgt alle data ook in een bevestiging.' : k.status === 'held' ? 'De bevestiging met alle data krijgt u op ' + DateTime.fromISO(k.heldUntil).setZone('Europe/Amsterdam').setLocale('nl').toFormat("cccc d LLLL 'vanaf' HH:mm") + ': tussen 20:00 en 07:00, op zondag en op feestdagen sturen wij geen berichten.' : 'Bewaar deze pagina als bevestiging.'))(JSON.parse($('Saved arrangement').first().json.record).arrangement, JSON.parse($('Saved arrangement').first().json.record).${CONFIRMATION}) }}`,
		hook(3));
	const task = c.add('Task: call about an arrangement', 'n8n-nodes-base.set', 3.4, [2300, 300], personTask(`={{ ${PROPOSED}.debtorId }}`, 'arrangement-offer', `={{ (${PROPOSED}.arrangement.proposals?.[0]?.claimIds ?? []).join(',') }}`, `={{ 'Arrangement form: ' + (${PROPOSED}.arrangement.proposals?.length ? 'the debtor chose none of the plans and asks to be called' : 'no plan possible (' + (${PROPOSED}.arrangement.status ?? '') + '): ' + (${PROPOSED}.arrangement.reasons?.en ?? []).join(' ')) + ' Stated per month: EUR ' + (${PROPOSED}.arrangement.capacity.statedCents / 100).toFixed(2) + '.' }}`));
	const writeTask = appendRows(c, 'Write task list', [2520, 300], 'sc_tasks');
	const callYou = formEnding(c, 'Page: we will call you', [2740, 300], 'Wij bellen u',
		`={{ (${PROPOSED}.arrangement.proposals?.length ? 'U koos geen van de regelingen.' : 'Met dit bedrag kunnen wij hier geen regeling voorstellen.') + ' Een medewerker belt u binnen twee werkdagen om samen een oplossing te zoeken. Hulp bij geldzaken is gratis: www.geldfit.nl of 0800-8115.' }}`,
		hook(4));
	const invalid = formEnding(c, 'Page: check your input', [1640, 480], 'Niet gelukt', '={{ $json.request.problem }}', hook(5));

	c.link(form, settings);
	// Before any write or send: room in the Data Tables for this request, or a clear stop (Postgres has no such cap).
	const roomy = store.roomForWrites ? store.roomForWrites(c, { from: settings, position: [200, -600], merge: [300, 320], bytes: `items.length * ${EVENT_BYTES}` }) : settings;
	// Then the limit on attempts, before anybody is looked up.
	const limit = attemptLimit(c, store, { form, customerNumber: customerNumber(form), position: [200, -1000], webhookId: hook(7) });
	c.link(roomy, limit.entry);
	c.link(limit.within, find);
	c.link(find, check);
	c.link(check, valid);
	c.link(valid, propose, 0);
	c.link(valid, invalid, 1);
	c.link(propose, amountsRead);
	c.link(amountsRead, anyPlan, 0);
	c.link(amountsRead, amountProblem, 1);
	c.link(amountProblem, invalid);
	c.link(anyPlan, choose, 0);
	c.link(anyPlan, task, 1);
	c.link(choose, chosen);
	c.link(chosen, planChosen);
	c.link(planChosen, confirm.render, 0);
	c.link(planChosen, task, 1);
	for (const [from, output] of confirm.outputs) c.link(from, row, output);
	const saved = savedOrSorry(c, save, [2960, 300], hook(6));
	c.link(saved, logAgreed, 0);
	c.link(logAgreed, writeLog);
	c.link(writeLog, agreed);
	c.link(task, writeTask);
	c.link(writeTask, callYou);

	// 3. Held confirmations: sent when the window opens.
	const due = heldConfirmations(c, store, CONFIRMATION, [0, 1000]);
	const heldSend = writeAndSend(c, HELD_SETTINGS, 1320, 1000, { render: 'Write held confirmation', send: 'Send held confirmation' });
	const { entry: heldRow, saved: heldSave } = saveFormChoice(c, {
		changeNode: 'Sent confirmation, for the record',
		saved: 'Saved held confirmation',
		prefix: 'Held: ',
		position: [1760, 1000],
		records: store.records,
		change: `fields: { ${CONFIRMATION}: ${confirmationOutcome(`$json.${CONFIRMATION}`)} }`,
	});
	const logHeld = c.add('Log: held confirmation', 'n8n-nodes-base.set', 3.4, [2200, 1000], confirmationLog('arrangement-confirmation', `={{ $('${HELD_SETTINGS}').first().json.referenceDate }}`));
	const writeHeld = appendRows(c, 'Write held confirmation to log', [2420, 1000], 'sc_contact_log');
	const heldRoomy = store.roomForWrites ? store.roomForWrites(c, { prefix: 'Held: ', from: due, position: [0, 1700], merge: [1100, 1100], bytes: `items.length * ${EVENT_BYTES}` }) : due;
	c.link(heldRoomy, heldSend.render);
	for (const [from, output] of heldSend.outputs) c.link(from, heldRow, output);
	c.link(heldSave, logHeld);
	c.link(logHeld, writeHeld);
	return pg ? c.workflow('scPgArrangement05', 'Social Collections (Postgres): payment arrangement (form)') : c.workflow('scArrangement05', 'Social Collections: payment arrangement (form)');
}
