/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * Writes the shipped workflows (workflows/*.json) from readable TypeScript, so node names, positions,
 * connections and sticky notes stay consistent. Run: `npx tsx test/e2e/workflows/build.ts`.
 * The JSON files are what admins import; this file is only the way they are written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { DEMO_GENERATOR, DEMO_REPORT } from './demo-code';

const PREFIX = 'n8n-nodes-social-collections';
const OUT = path.resolve(__dirname, '../../../workflows');

type Json = Record<string, unknown>;
interface Node {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Json;
	[key: string]: unknown;
}

class Canvas {
	nodes: Node[] = [];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	private counter = 0;
	constructor(private readonly prefix: string) {}

	add(name: string, type: string, typeVersion: number, position: [number, number], parameters: Json = {}, extra: Json = {}): string {
		if (this.nodes.some((node) => node.name === name)) throw new Error(`duplicate node name ${name}`);
		this.counter++;
		const id = `${this.prefix}-0000-4000-8000-${String(this.counter).padStart(12, '0')}`;
		this.nodes.push({ id, name, type, typeVersion, position, parameters, ...extra });
		return name;
	}

	ours(name: string, nodeName: string, position: [number, number], parameters: Json = {}): string {
		return this.add(name, `${PREFIX}.${nodeName}`, 1, position, parameters);
	}

	note(name: string, position: [number, number], width: number, height: number, content: string, color = 7): void {
		this.add(name, 'n8n-nodes-base.stickyNote', 1, position, { content, width, height, color });
	}

	link(from: string, to: string, output = 0, input = 0): void {
		const entry = (this.connections[from] ??= { main: [] });
		while (entry.main.length <= output) entry.main.push([]);
		entry.main[output].push({ node: to, type: 'main', index: input });
	}

	workflow(id: string, name: string, extra: Json = {}): Json {
		return {
			id,
			name,
			nodes: this.nodes,
			connections: this.connections,
			active: false,
			settings: { executionOrder: 'v1', timezone: 'Europe/Amsterdam', saveManualExecutions: true, callerPolicy: 'workflowsFromSameOwner' },
			tags: [],
			meta: { templateCredsSetupCompleted: false },
			...extra,
		};
	}
}

let assignmentId = 0;
/** Set node (manual mode) assignments. */
function assign(fields: Array<[string, string, string?]>): Json {
	return {
		mode: 'manual',
		assignments: {
			assignments: fields.map(([name, value, type = 'string']) => ({ id: `a${++assignmentId}`, name, value, type })),
		},
		includeOtherFields: false,
		options: {},
	};
}

/** If node (v2.2) that tests one boolean expression. */
function isTrue(expression: string): Json {
	return {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [{ id: `c${++assignmentId}`, leftValue: expression, rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
			combinator: 'and',
		},
		looseTypeValidation: true,
		options: {},
	};
}

const table = (name: string): Json => ({ __rl: true, mode: 'name', value: name });
const autoMap = { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false };

const BRAND = {
	senderName: 'Voorbeeld Woonstichting',
	contactEmail: 'incasso@voorbeeld.example',
	phone: '010 123 45 67',
	phoneHours: 'ma-vr 9:00-17:00',
	helpUrl: 'https://voorbeeld.example/hulp',
	paymentLinkBase: 'https://betaal.voorbeeld.example/{reference}',
};
const BANK = { iban: 'NL91ABNA0417164300' };

/** One row of the contact log: what was decided for whom, and why. */
function logRow(decision: string, reason: string): Json {
	return assign([
		['loggedAt', '={{ $now.toISO() }}'],
		['day', "={{ $('Settings').first().json.referenceDate }}"],
		['debtorId', '={{ $json.debtorId }}'],
		['decision', decision],
		['stage', "={{ $json.journey?.stage ?? '' }}"],
		['channel', "={{ $json.delivery?.channel ?? $json.message?.channel ?? $json.journey?.channel ?? '' }}"],
		['claimIds', "={{ ($json.journey?.claimIds ?? []).join(',') }}"],
		['status', "={{ $json.delivery?.status ?? $json.schedule?.status ?? $json.journey?.action ?? '' }}"],
		['reason', reason],
		['moment', "={{ $json.schedule?.moment ?? '' }}"],
		['templateId', "={{ $json.message?.templateId ?? '' }}"],
		['idempotencyKey', "={{ $json.delivery?.idempotencyKey ?? '' }}"],
	]);
}

// ---------------------------------------------------------------------------------------------
// 1. Daily collection journey
// ---------------------------------------------------------------------------------------------
function dailyJourney(): Json {
	const c = new Canvas('1a000001');
	c.note(
		'Note: about',
		[-60, -520],
		700,
		460,
		[
			'## Daily collection journey',
			'Every working day at 08:00 (Europe/Amsterdam) this workflow loads the debtors with open claims, segments them, plans the next step of each journey, writes the message, finds the next allowed contact moment and sends what is due **today**. Every decision (sent, not sent, waiting, stopped, task for a person) goes to the contact log.',
			'',
			'**Safe by default:** the Channel Sender uses the **Sandbox** provider for every channel: it sends nothing and records what it would send. Choose real providers (and their credentials) in *Send due messages* when you are ready.',
			'',
			'**Before the first run:** import and run *Social Collections: set up data tables* once (tables `sc_debtors`, `sc_contact_log`, `sc_tasks`), fill in the brand and bank details in *Write the message*, and load your debtors into `sc_debtors` (one row per debtor: `debtorId`, `status`, `record` = the debtor record as JSON, see docs/debtor-record.md) e.g. with workflow 2 (ERP intake).',
			'',
			'Replays are harmless: the planner is a pure function of record and day, a contact is written back to the record, and the Channel Sender never sends the same contact twice on a day (send ledger).',
		].join('\n'),
		4,
	);
	c.note(
		'Note: load',
		[-60, 0],
		660,
		420,
		[
			'### 1. Load open claims',
			'Default source: the n8n Data Table `sc_debtors`, column `record` holds the debtor record as JSON.',
			'',
			'**Postgres instead:** replace *Load debtors* by a Postgres node (Execute Query: `select debtor_id as "debtorId", record::text as record from debtors where status = \'open\'`).',
			'**ERP over HTTP instead:** replace it by an HTTP Request node (GET your endpoint returning an array of debtor records) and set *Debtor record from row* to `{{ JSON.stringify($json) }}`.',
			'',
			'*Settings* holds the day to plan for (today). To replay a past day, put a fixed date there.',
		].join('\n'),
	);
	c.note(
		'Note: decide',
		[700, 0],
		720,
		420,
		[
			'### 2. Decide',
			'*Segment debtors* gives each debtor a persona with reasons; records that fail validation are logged, never guessed.',
			'*Plan next step* applies the ladder of the persona and the legal gates (14-day letter once per claim, costs only after its term, stop on death, pause on dispute, arrangement and debt help). Debtors without a step today are logged with the reason (`paid`, `paused`, `stopped`, `waiting`, `finished`).',
			'Steps that need a person (care calls) become a task instead of a message.',
		].join('\n'),
	);
	c.note(
		'Note: send',
		[1440, 0],
		960,
		420,
		[
			'### 3. Write, time and send',
			'*Write the message* renders the step in the planned tone, register and language (B1), with payment link and QR code. **Fill in Brand and Bank Transfer.**',
			'*When may we contact?* moves the contact into the legal window (Mon-Sat 07:00-20:00, no holidays), after payday for shortfall personas, and within the contact caps. Only contacts due **today** are sent; the others are logged as waiting and planned again tomorrow.',
			'*Send due messages* walks the fallback chain (planned channel, then SMS, then letter). When no channel works, a person gets a task.',
		].join('\n'),
	);
	c.note(
		'Note: record',
		[2420, 0],
		760,
		420,
		[
			'### 4. Record',
			'Every sent contact is appended to the debtor record (`contacts[]`, one per claim) and saved, so tomorrow the planner knows the step was taken.',
			'Every decision goes to `sc_contact_log`; tasks for a person go to `sc_tasks`.',
		].join('\n'),
	);

	const schedule = c.add('Every working day at 08:00', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 160], {
		rule: { interval: [{ field: 'cronExpression', expression: '0 8 * * 1-5' }] },
	});
	const manual = c.add('Run now (manual)', 'n8n-nodes-base.manualTrigger', 1, [0, 320]);
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [220, 240], assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
		['now', "={{ $now.setZone('Europe/Amsterdam').toISO() }}"],
	]));
	const load = c.add('Load debtors', 'n8n-nodes-base.dataTable', 1.1, [420, 240], {
		resource: 'row',
		operation: 'get',
		dataTableId: table('sc_debtors'),
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'status', condition: 'eq', keyValue: 'open' }] },
		returnAll: true,
	}, { executeOnce: false });
	const fromRow = c.add('Debtor record from row', 'n8n-nodes-base.set', 3.4, [760, 240], { mode: 'raw', jsonOutput: '={{ $json.record }}', options: {} });
	const segment = c.ours('Segment debtors', 'debtorSegmenter', [960, 240], {
		routing: 'single',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
	});
	const plan = c.ours('Plan next step', 'journeyPlanner', [1160, 240], {
		routing: 'split',
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
	});
	const person = c.add('Needs a person?', 'n8n-nodes-base.if', 2.2, [1360, 160], isTrue('={{ $json.journey.personalContact }}'));
	const render = c.ours('Write the message', 'toneTemplate', [1560, 240], {
		referenceDate: "={{ $('Settings').first().json.referenceDate }}",
		brand: BRAND,
		bank: BANK,
	});
	const when = c.ours('When may we contact?', 'paydayScheduler', [1760, 240], {
		operation: 'nextContactMoment',
		startMoment: "={{ $('Settings').first().json.now }}",
		options: { now: "={{ $('Settings').first().json.now }}" },
	});
	const due = c.add('Due today?', 'n8n-nodes-base.if', 2.2, [1960, 160], isTrue('={{ $json.schedule.dueToday }}'));
	const send = c.ours('Send due messages', 'channelSender', [2200, 160], {
		channelSource: 'item',
		fallbackChannels: 'sms, letter',
		options: { referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
	});
	const recordContact = c.add('Add contact to record', 'n8n-nodes-base.set', 3.4, [2480, 100], {
		mode: 'raw',
		jsonOutput: [
			'={{ JSON.stringify({',
			'  debtorId: $json.debtorId,',
			"  status: 'open',",
			'  record: JSON.stringify(Object.assign({}, $json, {',
			'    segmentation: undefined, journey: undefined, message: undefined, schedule: undefined, delivery: undefined,',
			'    contacts: ($json.contacts ?? []).concat(($json.journey.claimIds.length ? $json.journey.claimIds : [null]).map(claimId => ({',
			"      at: $json.schedule.moment, channel: $json.delivery.channel, direction: 'outbound', stage: $json.journey.stage,",
			"      outcome: 'sent', claimId: claimId ?? undefined",
			'    })))',
			'  }))',
			'}) }}',
		].join('\n'),
		options: {},
	});
	const save = c.add('Save debtor record', 'n8n-nodes-base.dataTable', 1.1, [2700, 100], {
		resource: 'row',
		operation: 'upsert',
		dataTableId: table('sc_debtors'),
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'debtorId', condition: 'eq', keyValue: '={{ $json.debtorId }}' }] },
		columns: autoMap,
		options: {},
	});

	const logSent = c.add('Log: sent', 'n8n-nodes-base.set', 3.4, [2480, 260], logRow('sent', "={{ $json.delivery.simulated ? 'sandbox' : '' }}"));
	const logNotSent = c.add('Log: not sent', 'n8n-nodes-base.set', 3.4, [2480, 420], logRow('not-sent', "={{ $json.delivery.reason ?? $json.delivery.errorCode ?? ($json.delivery.skipped ?? []).map(s => s.channel + ':' + s.reason).join(', ') }}"));
	const taskRow = c.add('Task for a person', 'n8n-nodes-base.set', 3.4, [2480, 580], assign([
		['createdAt', '={{ $now.toISO() }}'],
		['day', "={{ $('Settings').first().json.referenceDate }}"],
		['debtorId', '={{ $json.debtorId }}'],
		['stage', "={{ $json.journey?.stage ?? '' }}"],
		['claimIds', "={{ ($json.journey?.claimIds ?? []).join(',') }}"],
		['why', "={{ $json.delivery ? 'no channel worked: ' + ($json.delivery.reason ?? $json.delivery.status) : 'this step needs personal contact (' + $json.journey.stage + ')' }}"],
		['done', 'false'],
	]));
	const logTask = c.add('Log: task for a person', 'n8n-nodes-base.set', 3.4, [2700, 580], assign([
		['loggedAt', '={{ $now.toISO() }}'],
		['day', '={{ $json.day }}'],
		['debtorId', '={{ $json.debtorId }}'],
		['decision', 'task'],
		['stage', '={{ $json.stage }}'],
		['channel', 'phone'],
		['claimIds', '={{ $json.claimIds }}'],
		['status', 'open'],
		['reason', '={{ $json.why }}'],
		['moment', ''],
		['templateId', ''],
		['idempotencyKey', ''],
	]));
	const writeTask = c.add('Write task list', 'n8n-nodes-base.dataTable', 1.1, [2700, 740], { resource: 'row', operation: 'insert', dataTableId: table('sc_tasks'), columns: autoMap, options: {} });
	const logLater = c.add('Log: waiting for its moment', 'n8n-nodes-base.set', 3.4, [2200, 420], logRow('waiting', "={{ 'planned for ' + $json.schedule.moment + ': ' + ($json.schedule.reasonCodes ?? []).join(', ') }}"));
	const logNotSchedulable = c.add('Log: not schedulable', 'n8n-nodes-base.set', 3.4, [1960, 500], logRow('not-schedulable', "={{ $json.schedule.reasonCode + ' (' + $json.schedule.action + ')' }}"));
	const logNoStep = c.add('Log: no step today', 'n8n-nodes-base.set', 3.4, [1360, 500], logRow('no-step', "={{ $json.journey.reason + ($json.journey.earliestDate ? ' until ' + $json.journey.earliestDate : '') }}"));
	const logInvalid = c.add('Log: invalid record', 'n8n-nodes-base.set', 3.4, [1160, 660], logRow('invalid', "={{ $json.error?.message ?? 'invalid record' }}"));
	const writeLog = c.add('Write contact log', 'n8n-nodes-base.dataTable', 1.1, [2960, 420], { resource: 'row', operation: 'insert', dataTableId: table('sc_contact_log'), columns: autoMap, options: {} });

	c.link(schedule, settings);
	c.link(manual, settings);
	c.link(settings, load);
	c.link(load, fromRow);
	c.link(fromRow, segment);
	c.link(segment, plan, 0);
	c.link(segment, logInvalid, 1);
	c.link(plan, person, 0);
	c.link(plan, logNoStep, 1);
	c.link(person, taskRow, 0);
	c.link(person, render, 1);
	c.link(render, when);
	c.link(when, due, 0);
	c.link(when, logNotSchedulable, 1);
	c.link(due, send, 0);
	c.link(due, logLater, 1);
	c.link(send, recordContact, 0);
	c.link(send, logSent, 0);
	c.link(send, logNotSent, 1);
	c.link(send, taskRow, 1);
	c.link(recordContact, save);
	c.link(taskRow, logTask);
	c.link(taskRow, writeTask);
	for (const log of [logSent, logNotSent, logTask, logLater, logNotSchedulable, logNoStep, logInvalid]) c.link(log, writeLog);
	return c.workflow('scDailyJourney01', 'Social Collections: daily collection journey');
}

// ---------------------------------------------------------------------------------------------
// 0. Data table setup (run once)
// ---------------------------------------------------------------------------------------------
function setupTables(): Json {
	const c = new Canvas('0a000001');
	c.note('Note: about', [-60, -300], 760, 260, [
		'## Set up the data tables (run once)',
		'Creates the n8n Data Tables the other workflows use, if they do not exist yet (running it again changes nothing):',
		'- `sc_debtors`: `debtorId`, `status` (`open` / `closed`), `record` (the debtor record as JSON), `updatedAt`',
		'- `sc_contact_log`: one row per decision of the daily journey and per delivery status',
		'- `sc_tasks`: tasks for a person (care calls, messages no channel could deliver)',
		'- `sc_intake`: every ERP record received (for replays: the same `eventId` is accepted once)',
	].join('\n'), 4);
	const start = c.add('Run once', 'n8n-nodes-base.manualTrigger', 1, [0, 0]);
	const cols = (names: string[]) => ({ column: names.map((name) => ({ name, type: 'string' })) });
	const tables: Array<[string, string[]]> = [
		['sc_debtors', ['debtorId', 'status', 'record', 'updatedAt']],
		['sc_contact_log', ['loggedAt', 'day', 'debtorId', 'decision', 'stage', 'channel', 'claimIds', 'status', 'reason', 'moment', 'templateId', 'idempotencyKey']],
		['sc_tasks', ['createdAt', 'day', 'debtorId', 'stage', 'claimIds', 'why', 'done']],
		['sc_intake', ['eventId', 'receivedAt', 'type', 'debtorId', 'result', 'reason']],
	];
	let previous = start;
	tables.forEach(([name, columns], index) => {
		const node = c.add(`Create ${name}`, 'n8n-nodes-base.dataTable', 1.1, [220 * (index + 1), 0], {
			resource: 'table',
			operation: 'create',
			tableName: name,
			columns: cols(columns),
			options: { createIfNotExists: true },
		}, { executeOnce: true });
		c.link(previous, node);
		previous = node;
	});
	return c.workflow('scSetupTables01', 'Social Collections: set up data tables');
}

// ---------------------------------------------------------------------------------------------
// 8. Demo
// ---------------------------------------------------------------------------------------------
function demo(): Json {
	const c = new Canvas('8a000001');
	c.note('Note: about', [-60, -480], 820, 440, [
		'## Demo: a sample portfolio through the whole journey (sandbox)',
		'Click **Execute workflow**. A small sample portfolio (generated in *Generate sample portfolio*, no data of real people) goes through segmenting, planning, writing, timing and sending, all in **sandbox mode**: nothing leaves n8n.',
		'',
		'The result is the output of *Outbox report* (binary `report`, `outbox.html`, open it with *View*): open it to see',
		'- the segments of the portfolio as a chart,',
		'- a calendar of the scheduled contacts (legal window, after payday),',
		'- every message as the debtor would see it (e-mail, SMS, letter),',
		'- who got no message today, and why.',
		'',
		'No credentials needed. To try your own brand, edit *Write the message*.',
	].join('\n'), 4);
	c.note('Note: why no window', [1500, -300], 560, 260, [
		'### Sandbox sends at any hour',
		'In this demo *Send (sandbox)* records every message right away, whatever the time, so the report is complete when you try it in the evening. The calendar shows the moment a real send would happen. The daily journey keeps the legal contact window enforced.',
	].join('\n'), 6);
	const start = c.add('Run the demo', 'n8n-nodes-base.manualTrigger', 1, [0, 0]);
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [200, 0], assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
		['portfolioSize', '12', 'number'],
	]));
	const generate = c.add('Generate sample portfolio', 'n8n-nodes-base.code', 2, [400, 0], { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: DEMO_GENERATOR });
	const segment = c.ours('Segment debtors', 'debtorSegmenter', [600, 0], { routing: 'single', referenceDate: "={{ $('Settings').first().json.referenceDate }}", language: 'en' });
	const plan = c.ours('Plan next step', 'journeyPlanner', [800, 0], { routing: 'split', referenceDate: "={{ $('Settings').first().json.referenceDate }}", language: 'en' });
	const render = c.ours('Write the message', 'toneTemplate', [1000, -80], { referenceDate: "={{ $('Settings').first().json.referenceDate }}", brand: BRAND, bank: BANK });
	const when = c.ours('When may we contact?', 'paydayScheduler', [1200, -80], {
		operation: 'nextContactMoment',
		startMoment: "={{ $('Settings').first().json.referenceDate }}T08:00:00",
		language: 'en',
		notSchedulableOutput: false,
	});
	const send = c.ours('Send (sandbox)', 'channelSender', [1400, -80], {
		channelSource: 'item',
		fallbackChannels: 'sms, letter',
		options: { contactWindow: false, ledger: 'off', referenceDate: "={{ $('Settings').first().json.referenceDate }}" },
	});
	const merge = c.add('Collect everything', 'n8n-nodes-base.merge', 3.2, [1660, 0], { numberInputs: 3 });
	const report = c.add('Outbox report', 'n8n-nodes-base.code', 2, [1860, 0], { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: DEMO_REPORT });
	c.link(start, settings);
	c.link(settings, generate);
	c.link(generate, segment);
	c.link(segment, plan, 0);
	c.link(segment, merge, 1, 2);
	c.link(plan, render, 0);
	c.link(plan, merge, 1, 1);
	c.link(render, when);
	c.link(when, send);
	c.link(send, merge, 0, 0);
	c.link(send, merge, 1, 0);
	c.link(merge, report);
	return c.workflow('scDemoOutbox001', 'Social Collections: demo (sample portfolio, sandbox outbox report)');
}

export const WORKFLOWS: Record<string, () => Json> = {
	'00-setup-data-tables.json': setupTables,
	'01-daily-collection-journey.json': dailyJourney,
	'08-demo.json': demo,
};

if (require.main === module) {
	fs.mkdirSync(OUT, { recursive: true });
	for (const [file, build] of Object.entries(WORKFLOWS)) {
		fs.writeFileSync(path.join(OUT, file), JSON.stringify(build(), null, '\t') + '\n');
		console.log(`wrote workflows/${file}`);
	}
}
