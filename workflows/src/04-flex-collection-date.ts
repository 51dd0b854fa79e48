/**
 * Workflow 4: flex collection date (flex-incasso): the debtor chooses the day of the direct debit.
 */
import { Canvas, isTrue, logRow, todaySettings, type Json } from './canvas';
import { invalidRecordRows } from './dataTables';
import { EVENT_BYTES } from './dataTableRoom';
import { FORMS_ON_DATA_TABLES, attemptLimit, type FormStore } from './formStore';
import { HELD_SETTINGS, checkRequest, confirmationOutcome, customerNumber, findDebtor, formEnding, formTrigger, confirmationNodes, heldConfirmations, saveFormChoice, savedOrSorry } from './selfService';

export const FLEX_DAY_FIELD = 'Incassodag (1 tot en met 31)';

/** Where the record keeps the choice and its confirmation (the SEPA pre-notification). */
export const NOTICE = 'collectionDayNotice';

/**
 * The record's notice after the Channel Sender (JavaScript for an n8n expression): the outcome, and
 * the first collection of the schedule on the item, which was computed from the moment the notice
 * goes out (now, or when the window opens for a held one). No schedule: the debit is no longer possible.
 */
const NOTICE_AFTER_SEND = `Object.assign(${confirmationOutcome(`$json.${NOTICE}`)}, $json.schedule?.status === 'scheduled'
  ? { firstCollectionDate: $json.schedule.collectionDate }
  : { status: 'not-possible', firstCollectionDate: null, notSentReason: $json.schedule?.reasonCode })`;

/** One line of the contact log about a saved notice (the row's record is read back, not the message). */
const NOTICE_REASON =
	`={{ (n => 'day ' + n.day + ' (was ' + (n.previousDay ?? 'none') + '); first collection ' + n.firstCollectionDate + '; confirmation ' + n.status + (n.simulated ? ' (sandbox)' : '') + (n.heldUntil ? ' until ' + n.heldUntil : '') + (n.notSentReason ? ' (' + n.notSentReason + ')' : ''))(JSON.parse($json.record).${NOTICE}) }}`;

function noticeLog(decision: string, day: string): Json {
	const notice = `JSON.parse($json.record).${NOTICE}`;
	return logRow(decision, NOTICE_REASON, {
		day,
		stage: 'pre-due-notice',
		channel: `={{ ${notice}.channel ?? '' }}`,
		status: `={{ ${notice}.status }}`,
		moment: `={{ ${notice}.sentAt ?? ${notice}.heldUntil ?? '' }}`,
		idempotencyKey: `={{ ${notice}.idempotencyKey ?? '' }}`,
	});
}

/**
 * From a scheduled first collection to the saved record: the pre-notification is written and sent
 * (its own key per change), a notice the legal contact window holds back gets its first collection
 * again from the moment the window opens, and the record is saved with the outcome. `names` are the
 * node names (the form part and the held part each have their own). Returns the save node's name.
 */
function sendAndSave(c: Canvas, store: FormStore, settings: string, x: number, y: number, names: { render: string; send: string; held: string; again: string; row: string; save: string; prefix: string; onlyIfStillLatest?: boolean }): { render: string; save: string; row: string; again: string } {
	// A notice that cannot be written or sent (e.g. nothing open to collect) still leaves a saved choice, "not sent".
	const { render, send, outputs } = confirmationNodes(c, settings, [x, y], names, {
		stage: 'pre-due-notice',
		tone: 'neutral',
		keyParts: ['$json.debtorId', "'collection-day-notice'", `$json.${NOTICE}.change`],
	});
	const held = c.add(names.held, 'n8n-nodes-base.if', 2.2, [x + 440, y], isTrue("={{ $json.delivery?.reason === 'outside-contact-window' }}"));
	// Held: the notice goes out when the window opens, so the 14 days count from then.
	const again = c.ours(names.again, 'paydayScheduler', [x + 660, y - 120], {
		operation: 'directDebitCollectionDate',
		startMoment: '={{ $json.delivery.nextContactMoment }}',
		notSchedulableOutput: false,
	});
	// Saved on the record as it is now; a held notice whose choice was changed meanwhile writes nothing.
	const { entry: row, saved: save } = saveFormChoice(c, {
		changeNode: names.row,
		saved: names.save,
		prefix: names.prefix,
		position: [x + 880, y],
		records: store.records,
		change: `fields: { preferredCollectionDay: $json.preferredCollectionDay, ${NOTICE}: ${NOTICE_AFTER_SEND} }${!names.onlyIfStillLatest ? '' : `, onlyForChange: { key: '${NOTICE}', change: $json.${NOTICE}.change }`}`,
	});
	c.link(render, send);
	for (const [from, output] of outputs) c.link(from, held, output);
	c.link(held, again, 0);
	c.link(held, row, 1);
	c.link(again, row);
	return { render, save, row, again };
}

// ---------------------------------------------------------------------------------------------
// 4. Flex collection date
// ---------------------------------------------------------------------------------------------
export function flexCollectionDate(store: FormStore = FORMS_ON_DATA_TABLES): Json {
	const pg = store.kind === 'postgres';
	const c = new Canvas(pg ? '4b000001' : '4a000001');
	// Webhook ids differ between the editions (both may be imported into one n8n).
	const hook = (n: number) => `${pg ? '4b' : '4a'}000001-0000-4000-8000-00000000f00${n}`;
	const appendRows = (canvas: Canvas, name: string, position: [number, number], tableName: 'sc_contact_log' | 'sc_tasks') => store.appendRows(canvas, name, position, tableName);
	c.note('Note: about', [-60, -560], 780, 500, [
		'## Flex collection date (flex-incasso)',
		'A public n8n form (`/form/incassodag`) where a debtor with a direct-debit mandate chooses the **day of the month** we collect. Fewer reversals: the money is there.',
		'',
		'The debtor identifies with customer number **and** one of their invoice numbers, so nobody changes another debtor\'s day. The day is checked (1-31, digits only) and the **Payday Scheduler** computes the first collection on that day: on a TARGET2 bank business day, at least 14 days after the pre-notification goes out.',
		'',
		'The choice is stored in the debtor record (`preferredCollectionDay`, and `collectionDayNotice` with the first collection and what happened to the confirmation); the debtor gets a confirmation message (the pre-notification) and the answer page shows what was saved. Anything that cannot be done gets a clear answer page and changes nothing.',
		'',
		'**At night, on Sundays and holidays** the legal contact window holds the confirmation back: the first collection counts from 07:00 of the next contact day, and the part below sends it then.',
		'',
		'**Safe by default:** the Channel Sender uses the Sandbox provider. Fill in the brand in *Write confirmation* and *Write held confirmation*, and put the form\'s URL under *Choose-Date Page URL* in the brand of your other workflows, so the collection-date invitation links here.',
	].join('\n'), 4);
	c.note('Note: check', [-60, 0], 900, 400, [
		'### 1. Who asks, and for which day?',
		'*Check request* parses the record, checks customer number + invoice number together (the same answer for both mistakes, so nothing can be probed) and the day (plain digits, 1-31).',
		'*First collection on that day* (Payday Scheduler, direct-debit collection date) refuses debtors without a mandate, after a closed or blocked account, refund or refusal, or death: the reason is shown.',
	].join('\n'));
	c.note('Note: store', [900, -340], 1600, 300, [
		'### 2. Confirm, then store',
		'The confirmation is a pre-due notice with the first collection date (the SEPA pre-notification), sent with a key of its own per change, so a second change on one day gets its own notice. Held by the contact window: the first collection is computed again from the moment the window opens. Then the record is saved (`preferredCollectionDay`, `collectionDayNotice`): the stored date is always the date of the latest notice. The page and the contact log read the saved record.',
	].join('\n'));
	c.note('Note: held', [-60, 620], 2500, 200, [
		'### 3. Held confirmations',
		'At 07:00 Monday to Saturday (and by hand): every record whose notice is `held` and due gets its first collection computed from now, the notice is sent and the record saved, as above. A notice held again (a holiday) waits for the next opening.',
	].join('\n'));

	const form = formTrigger(c, 'Form: choose your collection day', [0, 200], 'incassodag', hook(1),
		'Kies uw incassodag',
		'Kies op welke dag van de maand wij het bedrag van uw rekening afschrijven. Kies een dag kort na uw salaris of uitkering.',
		[{ fieldLabel: FLEX_DAY_FIELD, placeholder: 'bijv. 27', requiredField: true }],
		'Opslaan');
	const settings = todaySettings(c, [200, 200]);
	const find = findDebtor(c, store, form, [400, 200]);
	// A text field: n8n's number field would read 0x1b, 1e1 or 27.0 as a number before we see it.
	const check = checkRequest(c, form, [600, 200], String.raw`  const dayText = String(form['${FLEX_DAY_FIELD}'] ?? '').trim();
  if (!/^[0-9]{1,2}$/.test(dayText) || Number(dayText) < 1 || Number(dayText) > 31) {
    problem = 'Kies een dag van 1 tot en met 31, in cijfers (bijvoorbeeld 27). (Kiest u 29, 30 of 31, dan schrijven wij in kortere maanden af op de laatste dag.)';
  } else {
    const day = Number(dayText);
    record.previousCollectionDay = record.preferredCollectionDay ?? null;
    record.preferredCollectionDay = day;
    // Every accepted choice is a change of its own, with its own confirmation.
    record.${NOTICE} = { day, previousDay: record.previousCollectionDay, change: (Number(record.${NOTICE}?.change) || 0) + 1, chosenAt: $('Settings').first().json.now };
  }`);
	const valid = c.add('Request valid?', 'n8n-nodes-base.if', 2.2, [800, 200], isTrue('={{ $json.request.valid }}'));
	const when = c.ours('First collection on that day', 'paydayScheduler', [1000, 100], {
		operation: 'directDebitCollectionDate',
		startMoment: "={{ $('Settings').first().json.now }}",
	});
	const chain = sendAndSave(c, store, 'Settings', 1240, 100, {
		render: 'Write confirmation',
		send: 'Send confirmation',
		held: 'Confirmation held?',
		again: 'First collection after the held confirmation',
		row: 'Chosen day, for the record',
		save: 'Saved preference',
		prefix: 'Choice: ',
	});
	const logChoice = c.add('Log: day chosen', 'n8n-nodes-base.set', 3.4, [2560, 100], noticeLog('collection-day-chosen', "={{ $('Settings').first().json.referenceDate }}"));
	const writeLog = appendRows(c, 'Write contact log', [2780, 100], 'sc_contact_log');
	// The answer page comes last (a Form Ending waits for the browser) and shows what was saved.
	const done = formEnding(c, 'Page: day saved', [3000, 100], 'Uw incassodag is opgeslagen',
		`={{ (n => 'Wij schrijven voortaan af rond de ' + n.day + 'e van de maand. De eerste keer is op ' + DateTime.fromISO(n.firstCollectionDate).setLocale('nl').toFormat('cccc d LLLL yyyy') + '. ' + (n.status === 'sent' ? 'U krijgt een bevestiging per ' + ({ email: 'e-mail', sms: 'sms', whatsapp: 'WhatsApp', letter: 'brief' }[n.channel] ?? 'bericht') + '.' : n.status === 'held' ? 'U krijgt de bevestiging op ' + DateTime.fromISO(n.heldUntil).setZone('Europe/Amsterdam').setLocale('nl').toFormat("cccc d LLLL 'vanaf' HH:mm") + ': tussen 20:00 en 07:00, op zondag en op feestdagen sturen wij geen berichten.' : 'Bewaar deze pagina als bevestiging.'))(JSON.parse($('Saved preference').first().json.record).${NOTICE}) }}`,
		hook(2));
	const notPossible = formEnding(c, 'Page: not possible', [1700, 420], 'Dit kunnen wij niet aanpassen',
		"={{ $json.schedule.reasons[0] + ' Bel ons als u vragen heeft.' }}",
		hook(3));
	const logRefused = c.add('Log: not possible', 'n8n-nodes-base.set', 3.4, [1240, 300], logRow('collection-day-refused', "={{ $json.schedule.reasonCode + ' (' + $json.schedule.action + ')' }}"));
	const writeRefused = appendRows(c, 'Write refusal to log', [1460, 300], 'sc_contact_log');
	const invalid = formEnding(c, 'Page: check your input', [1000, 400], 'Niet opgeslagen', '={{ $json.request.problem }}', hook(4));

	c.link(form, settings);
	// Before any write or send: room in the Data Tables for this request, or a clear stop (Postgres has no such cap).
	const roomy = store.roomForWrites ? store.roomForWrites(c, { from: settings, position: [200, -600], merge: [300, 320], bytes: `items.length * ${EVENT_BYTES}` }) : settings;
	// Then the limit on attempts, before anybody is looked up.
	const limit = attemptLimit(c, store, { form, customerNumber: customerNumber(form), position: [200, -1000], webhookId: hook(7) });
	c.link(roomy, limit.entry);
	c.link(limit.within, find);
	c.link(find, check);
	c.link(check, valid);
	c.link(valid, when, 0);
	c.link(valid, invalid, 1);
	c.link(when, chain.render, 0);
	// Branches run top to bottom (execution order v1): the refusal is logged before its page.
	c.link(when, logRefused, 1);
	c.link(when, notPossible, 1);
	const saved = savedOrSorry(c, chain.save, [2340, 300], hook(5));
	c.link(saved, logChoice, 0);
	c.link(logChoice, writeLog);
	c.link(writeLog, done);
	c.link(logRefused, writeRefused);
	// A record the Payday Scheduler cannot use: nothing is saved; logged with the field at fault, a task
	// to correct the record, then the page.
	const writeInvalid = appendRows(c, 'Write invalid record to log', [3520, 500], 'sc_contact_log');
	const writeCorrection = appendRows(c, 'Write correction task', [3520, 660], 'sc_tasks');
	const contactYou = formEnding(c, 'Page: we will contact you', [3740, 660], 'Wij nemen contact met u op',
		'Wij konden uw keuze nu niet verwerken. Een medewerker kijkt ernaar en neemt binnen twee werkdagen contact met u op.',
		hook(6));
	for (const [from, output, x] of [[when, 2, 3080], [chain.again, 1, 3300]] as const) {
		const rows = invalidRecordRows(c, from, output, [x, 500], "={{ $('Settings').first().json.referenceDate }}");
		c.link(rows.log, writeInvalid);
		c.link(rows.task, writeCorrection);
	}
	c.link(writeCorrection, contactYou);

	// 3. Held confirmations: sent when the window opens.
	const due = heldConfirmations(c, store, NOTICE, [0, 900]);
	const whenHeld = c.ours('First collection (held confirmation)', 'paydayScheduler', [1320, 900], {
		operation: 'directDebitCollectionDate',
		startMoment: `={{ $('${HELD_SETTINGS}').first().json.now }}`,
	});
	const heldChain = sendAndSave(c, store, HELD_SETTINGS, 1540, 980, {
		render: 'Write held confirmation',
		send: 'Send held confirmation',
		held: 'Held again?',
		again: 'First collection after the next opening',
		row: 'Sent confirmation, for the record',
		save: 'Saved held confirmation',
		prefix: 'Held: ',
		// A choice changed since the notice was held has its own notice: this one then writes nothing.
		onlyIfStillLatest: true,
	});
	const logHeld = c.add('Log: held confirmation', 'n8n-nodes-base.set', 3.4, [2860, 980], noticeLog('collection-day-confirmation', `={{ $('${HELD_SETTINGS}').first().json.referenceDate }}`));
	const writeHeld = appendRows(c, 'Write held confirmation to log', [3080, 980], 'sc_contact_log');
	const heldRoomy = store.roomForWrites ? store.roomForWrites(c, { prefix: 'Held: ', from: due, position: [0, 1700], merge: [1100, 1100], bytes: `items.length * ${EVENT_BYTES}` }) : due;
	c.link(heldRoomy, whenHeld);
	c.link(whenHeld, heldChain.render, 0);
	// No longer possible (e.g. the mandate ended overnight): saved as such, nothing sent.
	c.link(whenHeld, heldChain.row, 1);
	c.link(heldChain.save, logHeld);
	c.link(logHeld, writeHeld);
	// A record the Payday Scheduler cannot use: logged with the field at fault, and a task to correct it.
	const writeHeldInvalid = appendRows(c, 'Write invalid held record to log', [3740, 1300], 'sc_contact_log');
	const writeHeldCorrection = appendRows(c, 'Write held correction task', [3740, 1460], 'sc_tasks');
	for (const [from, output, x] of [[whenHeld, 2, 3300], [heldChain.again, 1, 3520]] as const) {
		const rows = invalidRecordRows(c, from, output, [x, 1300], `={{ $('${HELD_SETTINGS}').first().json.referenceDate }}`);
		c.link(rows.log, writeHeldInvalid);
		c.link(rows.task, writeHeldCorrection);
	}
	return pg ? c.workflow('scPgFlexDate04', 'Social Collections (Postgres): flex collection date (form)') : c.workflow('scFlexDate04', 'Social Collections: flex collection date (form)');
}
