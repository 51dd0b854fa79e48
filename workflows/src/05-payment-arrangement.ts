/**
 * Workflow 5: payment arrangement self-service (betalingsregeling): a two-page form.
 */
import { Canvas, assign, isTrue, BRAND, BANK, logRow, appendRows, debtorRow, saveDebtor, personTask, type Json } from './canvas';
import { checkRequest, findDebtor, formEnding, formTrigger } from './selfService';

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

// ---------------------------------------------------------------------------------------------
// 5. Payment arrangement self-service
// ---------------------------------------------------------------------------------------------
export function paymentArrangement(): Json {
	const c = new Canvas('5a000001');
	c.note('Note: about', [-60, -600], 800, 540, [
		'## Payment arrangement self-service (betalingsregeling)',
		'A public n8n form (`/form/betalingsregeling`) in two pages. Page 1: the debtor identifies (customer number **and** one invoice number) and says what they can pay per month, optionally with their net income and household. The **Payment Arrangement** node proposes plans within that amount and above the protected income floor (beslagvrije voet), with instalments just after payday.',
		'Page 2: the debtor picks a plan. It is stored in the debtor record (`arrangement` = the plan, `flags.arrangementActive` = true): from then on the **Journey Planner pauses** every collection step and plans only instalment reminders. A confirmation goes out and the answer page shows the plan.',
		'',
		'No affordable plan, or "call me": a person gets a task in `sc_tasks` and the page says we will call. An existing arrangement, or a wrong number, changes nothing.',
		'',
		'**Safe by default:** the Channel Sender uses the Sandbox provider. Fill in the brand in *Write confirmation*; put this form\'s URL under *Arrangement Page URL* in your other workflows.',
	].join('\n'), 4);
	c.note('Note: page 1', [-60, 0], 1100, 380, [
		'### 1. Ask',
		'*Check request*: identity, a monthly amount above zero, no running arrangement. Income and household, when given, are used for the protected floor (never a plan that pushes the income below it).',
		'*Propose plans*: the open undisputed claims, at most 12 terms (24 with debt help), at least EUR 25 a term.',
	].join('\n'));
	c.note('Note: page 2', [1080, -360], 1500, 300, [
		'### 2. Choose, store, confirm',
		'The chosen plan is stored as agreed today; the confirmation is the arrangement-confirmation message with every instalment date. Logged in `sc_contact_log`.',
	].join('\n'));

	const form = formTrigger(c, 'Form: ask for an arrangement', [0, 200], 'betalingsregeling', '5a000001-0000-4000-8000-00000000f001',
		'Betalingsregeling aanvragen',
		'Kunt u niet alles in één keer betalen? Vraag hier een betalingsregeling aan. U ziet meteen welke regelingen mogelijk zijn.',
		[
			{ fieldLabel: ARRANGEMENT_FIELD.monthly, fieldType: 'number', placeholder: 'bijv. 100', requiredField: true },
			{ fieldLabel: ARRANGEMENT_FIELD.income, fieldType: 'number', placeholder: 'bijv. 1500' },
			{ fieldLabel: ARRANGEMENT_FIELD.household, fieldType: 'dropdown', fieldOptions: { values: HOUSEHOLDS.map(([option]) => ({ option })) } },
		],
		'Toon mogelijke regelingen');
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [200, 200], assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
	]));
	const find = findDebtor(c, form, [400, 200]);
	const check = checkRequest(c, form, [600, 200], String.raw`  const monthly = Number(form['${ARRANGEMENT_FIELD.monthly}']);
  const incomeText = form['${ARRANGEMENT_FIELD.income}'];
  // n8n reads an empty number field as 0: 0 means "not given" (no plan can rest on an income of 0 anyway).
  const income = incomeText === null || incomeText === undefined || incomeText === '' || Number(incomeText) === 0 ? null : Number(incomeText);
  const households = ${JSON.stringify(Object.fromEntries(HOUSEHOLDS))};
  if (record.flags?.arrangementActive === true) {
    problem = 'U heeft al een betalingsregeling. Wilt u die aanpassen? Bel ons.';
  } else if (!Number.isFinite(monthly) || monthly <= 0 || monthly > 100000) {
    problem = 'Vul in hoeveel u per maand kunt betalen: een bedrag groter dan 0.';
  } else if (income !== null && (!Number.isFinite(income) || income < 0 || income > 1000000)) {
    problem = 'Vul uw netto inkomen per maand in als bedrag, of laat het veld leeg.';
  } else {
    record.request = { monthlyCents: Math.round(monthly * 100) };
    if (income !== null) record.income = { ...(record.income ?? { type: 'unknown' }), netMonthlyCents: Math.round(income * 100) };
    const composition = households[form['${ARRANGEMENT_FIELD.household}']];
    if (composition) record.household = { ...(record.household ?? {}), composition };
  }`);
	const valid = c.add('Request valid?', 'n8n-nodes-base.if', 2.2, [800, 200], isTrue('={{ $json.request.valid }}'));
	const propose = c.ours('Propose plans', 'paymentArrangement', [1000, 100], {
		operation: 'propose',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		capacityEuros: '={{ $json.request.monthlyCents / 100 }}',
	});
	const anyPlan = c.add('Plans to choose from?', 'n8n-nodes-base.if', 2.2, [1200, 100], isTrue('={{ ($json.arrangement.proposals ?? []).length > 0 }}'));
	const choose = c.add('Page: choose a plan', 'n8n-nodes-base.form', 2.3, [1420, 0], {
		operation: 'page',
		defineForm: 'json',
		jsonOutput: `={{ JSON.stringify([{ fieldLabel: '${ARRANGEMENT_FIELD.choice}', fieldType: 'dropdown', requiredField: true, fieldOptions: { values: $json.arrangement.proposals.map(${PLAN_LABEL}).concat(['${NO_PLAN_OPTION}']).map(option => ({ option })) } }]) }}`,
		options: { formTitle: 'Kies uw regeling', formDescription: "={{ 'Dit kunt u kiezen voor het bedrag van EUR ' + ($json.arrangement.amountCents / 100).toFixed(2).replace('.', ',') + '. ' + ($json.arrangement.reasons.nl ?? []).slice(-1).join(' ') }}", buttonLabel: 'Deze regeling wil ik' },
	}, { webhookId: '5a000001-0000-4000-8000-00000000f002' });
	const chosen = c.add('Chosen plan', 'n8n-nodes-base.set', 3.4, [1640, 0], {
		mode: 'raw',
		jsonOutput: `={{ JSON.stringify(Object.assign({}, ${PROPOSED}, { arrangement: ${PROPOSED}.arrangement.proposals.find(p => ${PLAN_LABEL}(p) === $json['${ARRANGEMENT_FIELD.choice}']) ?? null })) }}`,
		options: {},
	});
	const planChosen = c.add('Plan chosen?', 'n8n-nodes-base.if', 2.2, [1860, 0], isTrue('={{ $json.arrangement !== null }}'));
	const row = c.add('Record with arrangement', 'n8n-nodes-base.set', 3.4, [2080, -200], debtorRow(['request'], 'flags: Object.assign({}, $json.flags, { arrangementActive: true })'));
	const save = saveDebtor(c, 'Save arrangement', [2300, -200]);
	const render = c.ours('Write confirmation', 'toneTemplate', [2080, 0], {
		stage: 'arrangement-confirmation',
		tone: 'supportive',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		brand: BRAND,
		bank: BANK,
	});
	const send = c.ours('Send confirmation', 'channelSender', [2300, 0], {
		channelSource: 'item',
		options: { referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
	});
	const logAgreed = c.add('Log: arrangement agreed', 'n8n-nodes-base.set', 3.4, [2520, 0], logRow(
		'arrangement-agreed',
		"={{ $json.arrangement.terms + ' x ' + $json.arrangement.instalmentCents + ' cents from ' + $json.arrangement.firstDate + ' to ' + $json.arrangement.lastDate + '; confirmation ' + $json.delivery.status + ($json.delivery.simulated ? ' (sandbox)' : '') }}",
	));
	const writeLog = appendRows(c, 'Write contact log', [2740, 0], 'sc_contact_log');
	// The answer page comes last: a Form Ending waits for the browser, nothing may be left to do.
	const agreed = formEnding(c, 'Page: arrangement agreed', [2960, 0], 'Uw betalingsregeling staat vast',
		"={{ (p => 'U betaalt ' + p.terms + ' keer EUR ' + (p.instalmentCents / 100).toFixed(2).replace('.', ',') + ', van ' + DateTime.fromISO(p.firstDate).setLocale('nl').toFormat('d LLLL yyyy') + ' tot en met ' + DateTime.fromISO(p.lastDate).setLocale('nl').toFormat('d LLLL yyyy') + '. Zolang u de termijnen betaalt, sturen wij geen herinneringen. ' + (['sent', 'queued'].includes($('Send confirmation').first().json.delivery.status) ? 'U krijgt alle data ook in een bevestiging.' : 'Bewaar deze pagina als bevestiging.'))($('Send confirmation').first().json.arrangement) }}",
		'5a000001-0000-4000-8000-00000000f003');
	const task = c.add('Task: call about an arrangement', 'n8n-nodes-base.set', 3.4, [2080, 300], personTask(`={{ ${PROPOSED}.debtorId }}`, 'arrangement-offer', `={{ (${PROPOSED}.arrangement.proposals?.[0]?.claimIds ?? []).join(',') }}`, `={{ 'Arrangement form: ' + (${PROPOSED}.arrangement.proposals?.length ? 'the debtor chose none of the plans and asks to be called' : 'no plan possible (' + (${PROPOSED}.arrangement.status ?? '') + '): ' + (${PROPOSED}.arrangement.reasons?.en ?? []).join(' ')) + ' Stated per month: EUR ' + (${PROPOSED}.request.monthlyCents / 100).toFixed(2) + '.' }}`));
	const writeTask = appendRows(c, 'Write task list', [2300, 300], 'sc_tasks');
	const callYou = formEnding(c, 'Page: we will call you', [2520, 300], 'Wij bellen u',
		`={{ (${PROPOSED}.arrangement.proposals?.length ? 'U koos geen van de regelingen.' : 'Met dit bedrag kunnen wij hier geen regeling voorstellen.') + ' Een medewerker belt u binnen twee werkdagen om samen een oplossing te zoeken. Hulp bij geldzaken is gratis: www.geldfit.nl of 0800-8115.' }}`,
		'5a000001-0000-4000-8000-00000000f004');
	const invalid = formEnding(c, 'Page: check your input', [1000, 400], 'Niet gelukt', '={{ $json.request.problem }}', '5a000001-0000-4000-8000-00000000f005');

	c.link(form, settings);
	c.link(settings, find);
	c.link(find, check);
	c.link(check, valid);
	c.link(valid, propose, 0);
	c.link(valid, invalid, 1);
	c.link(propose, anyPlan);
	c.link(anyPlan, choose, 0);
	c.link(anyPlan, task, 1);
	c.link(choose, chosen);
	c.link(chosen, planChosen);
	// Branches run top to bottom (execution order v1): the plan is saved before the message is sent.
	c.link(planChosen, row, 0);
	c.link(planChosen, render, 0);
	c.link(planChosen, task, 1);
	c.link(row, save);
	c.link(render, send);
	c.link(send, logAgreed, 0);
	c.link(send, logAgreed, 1);
	c.link(logAgreed, writeLog);
	c.link(writeLog, agreed);
	c.link(task, writeTask);
	c.link(writeTask, callYou);
	return c.workflow('scArrangement05', 'Social Collections: payment arrangement (form)');
}
