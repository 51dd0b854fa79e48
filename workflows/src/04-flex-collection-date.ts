/**
 * Workflow 4: flex collection date (flex-incasso): the debtor chooses the day of the direct debit.
 */
import { Canvas, PREFIX, isTrue, BRAND, BANK, logRow, appendRows, debtorRow, saveDebtor, todaySettings, type Json } from './canvas';
import { checkRequest, findDebtor, formEnding, formTrigger } from './selfService';

export const FLEX_DAY_FIELD = 'Incassodag (1 tot en met 31)';

// ---------------------------------------------------------------------------------------------
// 4. Flex collection date
// ---------------------------------------------------------------------------------------------
export function flexCollectionDate(): Json {
	const c = new Canvas('4a000001');
	c.note('Note: about', [-60, -560], 780, 500, [
		'## Flex collection date (flex-incasso)',
		'A public n8n form (`/form/incassodag`) where a debtor with a direct-debit mandate chooses the **day of the month** we collect. Fewer reversals: the money is there.',
		'',
		'The debtor identifies with customer number **and** one of their invoice numbers, so nobody changes another debtor\'s day. The day is checked (1-31) and the **Payday Scheduler** computes the first collection on that day: on a TARGET2 bank business day, at least 14 days after the pre-notification.',
		'',
		'The choice is stored in the debtor record (`preferredCollectionDay`, table `sc_debtors`); the debtor gets a confirmation message (pre-notification of the first collection) and sees the date on the answer page. Anything that cannot be done gets a clear answer page and changes nothing.',
		'',
		'**Safe by default:** the Channel Sender uses the Sandbox provider. Fill in the brand in *Write confirmation* and put the form\'s URL under *Choose-Date Page URL* in the brand of your other workflows, so the collection-date invitation links here.',
	].join('\n'), 4);
	c.note('Note: check', [-60, 0], 900, 400, [
		'### 1. Who asks, and for which day?',
		'*Check request* parses the record, checks customer number + invoice number together (the same answer for both mistakes, so nothing can be probed) and the day.',
		'*First collection on that day* (Payday Scheduler, direct-debit collection date) refuses debtors without a mandate, after a closed or blocked account, refund or refusal, or death: the reason is shown.',
	].join('\n'));
	c.note('Note: store', [900, -300], 1100, 260, [
		'### 2. Store and confirm',
		'The record gets `preferredCollectionDay`; the journey and the Payday Scheduler use it from now on. The confirmation is a pre-due notice with the first collection date (the SEPA pre-notification). Every choice goes to the contact log.',
	].join('\n'));

	const form = formTrigger(c, 'Form: choose your collection day', [0, 200], 'incassodag', '4a000001-0000-4000-8000-00000000f001',
		'Kies uw incassodag',
		'Kies op welke dag van de maand wij het bedrag van uw rekening afschrijven. Kies een dag kort na uw salaris of uitkering.',
		[{ fieldLabel: FLEX_DAY_FIELD, fieldType: 'number', placeholder: 'bijv. 27', requiredField: true }],
		'Opslaan');
	const settings = todaySettings(c, [200, 200]);
	const find = findDebtor(c, form, [400, 200]);
	const check = checkRequest(c, form, [600, 200], String.raw`  const day = Number(form['${FLEX_DAY_FIELD}']);
  if (!Number.isInteger(day) || day < 1 || day > 31) {
    problem = 'Kies een dag van 1 tot en met 31. (Kiest u 29, 30 of 31, dan schrijven wij in kortere maanden af op de laatste dag.)';
  } else {
    record.previousCollectionDay = record.preferredCollectionDay ?? null;
    record.preferredCollectionDay = day;
  }`);
	const valid = c.add('Request valid?', 'n8n-nodes-base.if', 2.2, [800, 200], isTrue('={{ $json.request.valid }}'));
	const when = c.ours('First collection on that day', 'paydayScheduler', [1000, 100], {
		operation: 'directDebitCollectionDate',
		startMoment: "={{ $('Settings').first().json.now }}",
	});
	const row = c.add('Record with chosen day', 'n8n-nodes-base.set', 3.4, [1240, -100], debtorRow(['request', 'schedule', 'previousCollectionDay'], "preferredCollectionDay: $json.preferredCollectionDay"));
	const save = saveDebtor(c, 'Save preference', [1460, -100]);
	// A confirmation that cannot be written (e.g. nothing open to collect yet) does not undo the choice.
	const render = c.add('Write confirmation', `${PREFIX}.toneTemplate`, 1, [1240, 100], {
		stage: 'pre-due-notice',
		tone: 'neutral',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		brand: BRAND,
		bank: BANK,
	}, { onError: 'continueRegularOutput' });
	const send = c.ours('Send confirmation', 'channelSender', [1460, 100], {
		channelSource: 'item',
		options: { referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
	});
	const logChoice = c.add('Log: day chosen', 'n8n-nodes-base.set', 3.4, [1700, 100], logRow(
		'collection-day-chosen',
		"={{ 'day ' + $json.preferredCollectionDay + ' (was ' + ($json.previousCollectionDay ?? 'none') + '); first collection ' + $json.schedule.collectionDate + '; confirmation ' + ($json.delivery?.status ?? 'not sent') + ($json.delivery?.simulated ? ' (sandbox)' : '') }}",
	));
	const writeLog = appendRows(c, 'Write contact log', [1920, 100], 'sc_contact_log');
	// The answer page comes last: a Form Ending waits for the browser, nothing may be left to do.
	const done = formEnding(c, 'Page: day saved', [2140, 100], 'Uw incassodag is opgeslagen',
		"={{ 'Wij schrijven voortaan af rond de ' + $('Send confirmation').first().json.preferredCollectionDay + 'e van de maand. De eerste keer is op ' + DateTime.fromISO($('Send confirmation').first().json.schedule.collectionDate).setLocale('nl').toFormat('cccc d LLLL yyyy') + '. ' + (['sent', 'queued'].includes($('Send confirmation').first().json.delivery?.status) ? 'U krijgt een bevestiging per ' + ({ email: 'e-mail', sms: 'sms', whatsapp: 'WhatsApp', letter: 'brief' }[$('Send confirmation').first().json.delivery.channel] ?? 'bericht') + '.' : 'Bewaar deze pagina als bevestiging.') }}",
		'4a000001-0000-4000-8000-00000000f002');
	const notPossible = formEnding(c, 'Page: not possible', [1700, 420], 'Dit kunnen wij niet aanpassen',
		"={{ $json.schedule.reasons[0] + ' Bel ons als u vragen heeft.' }}",
		'4a000001-0000-4000-8000-00000000f003');
	const logRefused = c.add('Log: not possible', 'n8n-nodes-base.set', 3.4, [1240, 300], logRow('collection-day-refused', "={{ $json.schedule.reasonCode + ' (' + $json.schedule.action + ')' }}"));
	const writeRefused = appendRows(c, 'Write refusal to log', [1460, 300], 'sc_contact_log');
	const invalid = formEnding(c, 'Page: check your input', [1000, 400], 'Niet opgeslagen', '={{ $json.request.problem }}', '4a000001-0000-4000-8000-00000000f004');

	c.link(form, settings);
	c.link(settings, find);
	c.link(find, check);
	c.link(check, valid);
	c.link(valid, when, 0);
	c.link(valid, invalid, 1);
	c.link(when, row, 0);
	c.link(when, render, 0);
	// Branches run top to bottom (execution order v1): the choice is saved before the message, the
	// refusal logged before its page.
	c.link(when, logRefused, 1);
	c.link(when, notPossible, 1);
	c.link(row, save);
	c.link(render, send);
	c.link(send, logChoice, 0);
	c.link(send, logChoice, 1);
	c.link(logChoice, writeLog);
	c.link(writeLog, done);
	c.link(logRefused, writeRefused);
	return c.workflow('scFlexDate04', 'Social Collections: flex collection date (form)');
}
