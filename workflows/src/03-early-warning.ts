/**
 * Workflow 3: early warning (vroegsignalering). Described once for both stores (store.ts): the Data
 * Table edition (workflows/03-early-warning.json) and the Postgres edition
 * (workflows/postgres/03-early-warning.json), where every change to a debtor goes through the record
 * loop's version check in SQL, a care message is claimed in sc_sends before it is sent, and the rows
 * go to sc_contact_log (a second row of the same send refused), sc_tasks and sc_municipality_signals.
 */
import { DAILY_RUN_BYTES_PER_DEBTOR } from './dataTableRoom';
import { Canvas, assign, isTrue, BRAND, BANK, logRow, openDebtors, personTask, type Json } from './canvas';
import { ADD_CONTACTS, SET_FIELDS, changeOfLoaded, recordChange } from './recordChange';
import { invalidRecordRows, unsavedChangeRows } from './dataTables';
import { DATA_TABLES, type Store } from './store';
import { EARLY_WARNING_BATCHES } from './postgres';

/** Day since which a care step counts for the current arrears (the segmenter's `arrearsSince`, else 30 days back). */
const EPISODE_START = "($json.segmentation.features?.arrearsSince ?? DateTime.fromISO($('Settings').first().json.referenceDate).minus({ days: 30 }).toFormat('yyyy-MM-dd'))";

/** A contact-log row (see logRow) about this workflow's own step, not the journey's next step. */
function ewLog(decision: string, reason: string, stage: string, channel = "={{ $json.delivery?.channel ?? $json.message?.channel ?? '' }}"): Json {
	return logRow(decision, reason, { stage, channel, claimIds: "={{ ($json.message?.claimIds ?? []).join(',') }}" });
}

/** Sent, or sent earlier today (the send ledger knows it): the care message reached the debtor's channel. */
const CARE_SENT = "(['sent', 'queued'].includes($json.delivery.status) || $json.delivery.reason === 'already-sent')";

// ---------------------------------------------------------------------------------------------
// 3. Early warning
// ---------------------------------------------------------------------------------------------
export function earlyWarning(store: Store = DATA_TABLES): Json {
	const pg = store.kind === 'postgres';
	const c = new Canvas(pg ? '3b000001' : '3a000001');
	c.note('Note: about', [-60, -560], 760, 500, [
		'## Early warning (vroegsignalering)',
		'Every working day at 09:00 this workflow looks for debtors with **early-warning signals** (the Debtor Segmenter: second late period in a row, a reversal for insufficient funds, a blocked account, growing arrears, no response, and the **legal early warning** for rent, health insurance, energy, heat and drinking water).',
		'',
		'For each of them, **once per arrears**: a supportive **care message** (pointer to free debt help and, for the legal sectors, the offer to share contact details with the municipality) and a **call task** for a person.',
		'',
		'When every legal precondition is recorded (personal contact tried, pointer to debt help, written reminder with the sharing offer, no objection, 30 days passed) the **municipality signal is prepared** in `sc_municipality_signals` for a person to check and submit. It is never sent from here.',
		'',
		'**Safe by default:** the Channel Sender uses the Sandbox provider. Fill in the brand in *Write care message*. A person who made the call records it on the debtor record as a contact (`channel: "phone"`), e.g. through workflow 2.',
		...(pg ? [
			'',
			'**Postgres edition, batch:** the dispatcher *Social Collections (Postgres): early warning* runs on the schedule and calls this workflow\'s webhook once per batch of debtors (a range of debtor_id); this execution loads only those. The tables are those of the credential *Social Collections Postgres* (set up with *Social Collections (Postgres): set up the schema*). A change to a debtor is written only while its version is the one read (else applied again to the newer record), which makes the debtor due for the daily journey; a care message is claimed in `sc_sends` before it is sent, so two runs never send it twice.',
		] : []),
	].join('\n'), 4);
	c.note('Note: find', [-60, 0], 1200, 420, [
		'### 1. Find debtors with signals',
		(pg ? 'Loads the open debtors from the Postgres table `sc_debtors`' : 'Loads the open debtors from `sc_debtors`') + ', segments them and keeps those with `segmentation.signals`. Debtors without a signal are left alone.',
		'*Check municipality signal* (Journey Planner) checks the legal preconditions; a debtor whose record has `municipalitySignalledOn` (set here when a signal is prepared) is not prepared again for the same arrears.',
		'Deceased debtors, disputes, debt help, vulnerable debtors and running arrangements get no care message from this workflow (their own flow applies); that is logged.',
		'A debtor whose record a step cannot use leaves on that step\'s **Invalid** output: logged as `invalid` with the field at fault, and a task to correct the record.',
	].join('\n'));
	c.note('Note: care', [1160, -420], 1500, 400, [
		'### 2. Care message and call task (once per arrears)',
		'Only when no care message went out since the arrears began. Written (e-mail, else letter): the law counts only a written reminder with the offer to share contact details. Timed in the legal contact window and within the contact caps (no payday wait: it asks for nothing).',
		'Sent or not, the attempt is written on the debtor record (`contacts[]`, stage `early-warning-care`) so it is not repeated tomorrow, and a person gets a **call task** in `sc_tasks`.',
	].join('\n'));
	c.note('Note: signal', [1160, 440], 1500, 360, [
		'### 3. Municipality signal (prepared, not sent)',
		'After the care message: when the Journey Planner says `ready`, one row goes to `sc_municipality_signals` with only the data the law allows (name, address, e-mail, phone, arrears) plus the dates that prove the preconditions, status `prepared`. A person submits it to the municipality and fills in `submittedOn`.',
		'Otherwise the log says what is missing or until when to wait.',
	].join('\n'));

	const loader = store.loadOpen ? store.loadOpen(c, { batches: EARLY_WARNING_BATCHES, position: [760, 240] }) : openDebtors(c, 9);
	// Before any write or send: room in the Data Tables for the whole run, or a clear stop (Postgres has no such cap).
	const fromRow = store.roomForWrites ? store.roomForWrites(c, { from: loader, position: [760, 1400], merge: [860, 400], bytes: `items.length * ${DAILY_RUN_BYTES_PER_DEBTOR}` }) : loader;
	// The whole record is checked before anything is sent (as in the daily journey).
	const segment = c.ours('Segment debtors', 'debtorSegmenter', [960, 240], {
		routing: 'single',
		check: 'whole',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
	});
	const hasSignals = c.add('Early-warning signals?', 'n8n-nodes-base.if', 2.2, [1160, 160], isTrue('={{ ($json.segmentation.signals ?? []).length > 0 }}'));
	const plan = c.ours('Check municipality signal', 'journeyPlanner', [1360, 160], {
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		options: { municipalitySignalledOn: "={{ $json.municipalitySignalledOn ?? '' }}" },
	});
	const protectedFlow = c.add('Own flow applies?', 'n8n-nodes-base.if', 2.2, [1560, 160], isTrue(
		"={{ ['stop', 'pause'].includes($json.segmentation.action) || $json.flags?.arrangementActive === true }}",
	));
	const careDue = c.add('Care message still to send?', 'n8n-nodes-base.if', 2.2, [1760, 80], isTrue(
		`={{ !($json.contacts ?? []).some(c => c.direction === 'outbound' && c.stage === 'early-warning-care' && String(c.at).slice(0, 10) >= ${EPISODE_START}) }}`,
	));

	// 2. Care message and call task
	const render = c.ours('Write care message', 'toneTemplate', [1960, -200], {
		stage: 'early-warning-care',
		channel: "={{ $json.contact?.email && $json.consents?.emailOptOut !== true ? 'email' : 'letter' }}",
		tone: 'supportive',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		brand: BRAND,
		bank: BANK,
	});
	const when = c.ours('When may we contact?', 'paydayScheduler', [2160, -200], {
		operation: 'nextContactMoment',
		startMoment: "={{ $('Settings').first().json.now }}",
		paydayAlignment: { personas: [] },
		options: { now: "={{ $('Settings').first().json.now }}" },
	});
	const due = c.add('Due today?', 'n8n-nodes-base.if', 2.2, [2360, -280], isTrue('={{ $json.schedule.dueToday }}'));
	// Postgres: each care message is claimed in sc_sends by its contact key before it is sent (store.ts).
	const sender = store.send(c, {
		name: 'Send care message',
		position: [2560, -280],
		parameters: {
			channelSource: 'item',
			fallbackChannels: 'letter',
			options: { referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
		},
	});
	const recordAttempt = c.add('Care contact to add to the record', 'n8n-nodes-base.set', 3.4, [2820, -340], changeOfLoaded([
		'contacts: [{',
		"      at: $json.schedule.moment, channel: $json.delivery.channel ?? $json.message.channel, direction: 'outbound', stage: 'early-warning-care',",
		`      outcome: ${CARE_SENT} ? 'sent' : 'failed'`,
		'    }]',
	].join('\n')));
	const careSaved = recordChange(c, { prefix: 'Care contact: ', from: recordAttempt, position: [3040, -700], change: ADD_CONTACTS }, store.records);
	const callTask = c.add('Call task', 'n8n-nodes-base.set', 3.4, [2820, -180], personTask('={{ $json.debtorId }}', 'early-warning-care', "={{ ($json.message?.claimIds ?? []).join(',') }}", `={{ 'Early warning (' + $json.segmentation.signals.join(', ') + '): call, point to free debt help and offer an arrangement. Care message ' + (${CARE_SENT} ? 'sent by ' + $json.delivery.channel : 'NOT delivered (' + ($json.delivery.reason ?? $json.delivery.status) + ')') + '. Record the call on the debtor record (channel phone).' }}`));
	const writeTask = store.logRows(c, 'Write task list', [3040, -180], 'sc_tasks');
	const logCare = c.add('Log: care message', 'n8n-nodes-base.set', 3.4, [2820, -20], ewLog(
		`={{ ${CARE_SENT} ? 'sent' : 'not-sent' }}`,
		"={{ 'early warning: ' + $json.segmentation.signals.join(', ') + '; call task opened' + ($json.delivery.simulated ? '; sandbox' : '') + ($json.delivery.reason ? '; ' + $json.delivery.reason : '') }}",
		'early-warning-care',
	));
	// Held back by the window or a transient failure: nothing is recorded, so the next run tries again.
	const retry = c.add('Try again next run?', 'n8n-nodes-base.if', 2.2, [2560, -120], isTrue(
		"={{ $json.delivery.status === 'failed-transient' || $json.delivery.reason === 'earlier-attempt-unconfirmed' || ($json.delivery.skipped ?? []).some(s => s.reason === 'outside-contact-window') }}",
	));
	const logLater = c.add('Log: waiting for its moment', 'n8n-nodes-base.set', 3.4, [2560, 40], ewLog(
		'waiting',
		"={{ 'care message ' + ($json.delivery ? 'held back: ' + ($json.delivery.reason ?? $json.delivery.status) + ' ' + ($json.delivery.skipped ?? []).map(s => s.reason).join(', ') : 'planned for ' + $json.schedule.moment + ': ' + ($json.schedule.reasonCodes ?? []).join(', ')) + '; tried again next run' }}",
		'early-warning-care',
	));
	const logNotSchedulable = c.add('Log: not schedulable', 'n8n-nodes-base.set', 3.4, [2360, -60], ewLog('not-schedulable', "={{ $json.schedule.reasonCode + ' (' + $json.schedule.action + ')' }}", 'early-warning-care'));

	// 3. Municipality signal
	const ready = c.add('Municipality signal ready?', 'n8n-nodes-base.if', 2.2, [1960, 300], isTrue("={{ $json.journey.municipalitySignal?.status === 'ready' }}"));
	const signalRow = c.add('Signal for the municipality', 'n8n-nodes-base.set', 3.4, [2220, 200], assign([
		['preparedOn', "={{ $('Settings').first().json.referenceDate }}"],
		['debtorId', '={{ $json.journey.municipalitySignal.data.debtorId }}'],
		['name', "={{ $json.journey.municipalitySignal.data.name ?? '' }}"],
		['street', "={{ [$json.journey.municipalitySignal.data.address?.street, $json.journey.municipalitySignal.data.address?.houseNumber].filter(Boolean).join(' ') }}"],
		['postalCode', "={{ $json.journey.municipalitySignal.data.address?.postalCode ?? '' }}"],
		['city', "={{ $json.journey.municipalitySignal.data.address?.city ?? '' }}"],
		['email', "={{ $json.journey.municipalitySignal.data.email ?? '' }}"],
		['phone', "={{ $json.journey.municipalitySignal.data.phone ?? '' }}"],
		['arrearsCents', '={{ String($json.journey.municipalitySignal.data.arrearsCents) }}'],
		['arrearsSince', '={{ $json.journey.municipalitySignal.arrearsSince }}'],
		['personalContactOn', '={{ $json.journey.municipalitySignal.preconditions.personalContactAttempt }}'],
		['debtHelpPointerOn', '={{ $json.journey.municipalitySignal.preconditions.debtHelpPointer }}'],
		['reminderWithOfferOn', '={{ $json.journey.municipalitySignal.preconditions.writtenReminderWithSharingOffer }}'],
		['status', 'prepared'],
		['submittedOn', ''],
	]));
	const writeSignal = store.logRows(c, 'Write municipality signals', [2440, 200], 'sc_municipality_signals');
	const markSignalled = c.add('Signal prepared, for the record', 'n8n-nodes-base.set', 3.4, [2220, 360], changeOfLoaded(
		"fields: { municipalitySignalledOn: $('Settings').first().json.referenceDate }",
	));
	const signalSaved = recordChange(c, { prefix: 'Signal: ', from: markSignalled, position: [2440, 900], change: SET_FIELDS }, store.records);
	const logSignal = c.add('Log: signal prepared', 'n8n-nodes-base.set', 3.4, [2220, 520], ewLog('signal-prepared', "={{ $json.journey.municipalitySignal.reasons.en.join(' ') }}", 'municipality-signal', ''));
	const logNoSignal = c.add('Log: no signal yet', 'n8n-nodes-base.set', 3.4, [2220, 680], ewLog(
		"={{ 'signal-' + ($json.journey.municipalitySignal?.status ?? 'not-applicable') }}",
		"={{ ($json.journey.municipalitySignal?.reasons.en ?? ['no municipality signal for these signals']).join(' ') + ($json.journey.municipalitySignal?.earliestDate ? ' (from ' + $json.journey.municipalitySignal.earliestDate + ')' : '') }}",
		'municipality-signal',
		'',
	));
	const logOwnFlow = c.add('Log: own flow applies', 'n8n-nodes-base.set', 3.4, [1760, 520], ewLog(
		'no-care',
		"={{ 'early warning (' + $json.segmentation.signals.join(', ') + ') but ' + ($json.flags?.arrangementActive ? 'an arrangement is running' : 'persona ' + $json.segmentation.persona + ' (' + $json.segmentation.action + ')') }}",
		'early-warning-care',
		'',
	));
	const writeLog = store.logRows(c, 'Write contact log', [3100, 520], 'sc_contact_log');

	c.link(fromRow, segment);
	c.link(segment, hasSignals, 0);
	c.link(hasSignals, plan, 0);
	c.link(plan, protectedFlow);
	c.link(protectedFlow, logOwnFlow, 0);
	c.link(protectedFlow, careDue, 1);
	c.link(careDue, render, 0);
	c.link(careDue, ready, 1);
	c.link(render, when);
	c.link(when, due, 0);
	c.link(when, logNotSchedulable, 1);
	c.link(due, sender.entry, 0);
	c.link(due, logLater, 1);
	for (const [from, output] of [...sender.sent, [retry, 1] as const]) {
		c.link(from, recordAttempt, output);
		c.link(from, callTask, output);
		c.link(from, logCare, output);
	}
	for (const [from, output] of sender.notSent) c.link(from, retry, output);
	c.link(retry, logLater, 0);
	c.link(callTask, writeTask);
	c.link(ready, signalRow, 0);
	c.link(ready, markSignalled, 0);
	c.link(ready, logSignal, 0);
	c.link(ready, logNoSignal, 1);
	c.link(signalRow, writeSignal);
	for (const log of [logCare, logLater, logNotSchedulable, logSignal, logNoSignal, logOwnFlow]) c.link(log, writeLog);
	// Each step's Invalid output (and a row whose record is not JSON): logged with the field at fault, and a task to correct the record.
	const day = "={{ $('Settings').first().json.referenceDate }}";
	const invalidOutputs: Array<readonly [string, number, number]> = [[loader, 1, 760], [segment, 1, 960], [plan, 1, 1360], [render, 1, 1960], [when, 2, 2160]];
	sender.invalid.forEach(([from, output], index) => invalidOutputs.push([from, output, 2560 + 220 * index]));
	for (const [from, output, x] of invalidOutputs) {
		const invalid = invalidRecordRows(c, from, output, [x, 1160], day);
		c.link(invalid.log, writeLog);
		c.link(invalid.task, writeTask);
	}
	// A change the record refuses (it breaks the debtor schema) is logged and handed to a person.
	for (const [settled, prefix, what, position] of [
		[careSaved, 'Care contact: ', 'the care contact', [5660, -780]],
		[signalSaved, 'Signal: ', 'the date the municipality signal was prepared', [5060, 820]],
	] as const) {
		const unsaved = unsavedChangeRows(c, { settled, prefix, position: [position[0], position[1]], what, day });
		c.link(unsaved.log, writeLog);
		c.link(unsaved.task, writeTask);
	}
	return pg ? c.workflow('scPgEarlyWarnBatch03', 'Social Collections (Postgres): early warning, batch') : c.workflow('scEarlyWarning03', 'Social Collections: early warning');
}
