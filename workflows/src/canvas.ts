/**
 * The pieces every shipped workflow is written with: a canvas that keeps node names unique and ids
 * stable, Set/If parameter shapes, the Data Table locator, the sample brand and the contact-log row.
 */
export const PREFIX = 'n8n-nodes-social-collections';

export type Json = Record<string, unknown>;
export interface Node {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Json;
	[key: string]: unknown;
}

let assignmentId = 0;

/**
 * The version of each node of this package that the shipped workflows use: the node's default
 * version (a unit test holds them to the nodes' descriptions). Version 2 of the nodes after the
 * Segmenter sends records they cannot use to their "Invalid" output.
 */
export const NODE_VERSIONS: Readonly<Record<string, number>> = {
	debtorSegmenter: 1,
	journeyPlanner: 2,
	toneTemplate: 2,
	paydayScheduler: 2,
	channelSender: 2,
	collectionCosts: 2,
	paymentArrangement: 2,
	deliveryStatusTrigger: 1,
	erpIntakeTrigger: 1,
};

export class Canvas {
	nodes: Node[] = [];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	private counter = 0;
	constructor(private readonly prefix: string) {
		// Ids of Set assignments and If conditions count per workflow, so one workflow's JSON does not
		// change when another workflow is added before it.
		assignmentId = 0;
	}

	add(name: string, type: string, typeVersion: number, position: [number, number], parameters: Json = {}, extra: Json = {}): string {
		if (this.nodes.some((node) => node.name === name)) throw new Error(`duplicate node name ${name}`);
		this.counter++;
		const id = `${this.prefix}-0000-4000-8000-${String(this.counter).padStart(12, '0')}`;
		this.nodes.push({ id, name, type, typeVersion, position, parameters, ...extra });
		return name;
	}

	/** A node of this package, in the version a new node gets in the editor (NODE_VERSIONS). */
	ours(name: string, nodeName: string, position: [number, number], parameters: Json = {}): string {
		const version = NODE_VERSIONS[nodeName];
		if (version === undefined) throw new Error(`no version known for node ${nodeName}: add it to NODE_VERSIONS`);
		return this.add(name, `${PREFIX}.${nodeName}`, version, position, parameters);
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

/** Set node (manual mode) assignments. */
export function assign(fields: Array<[string, string, string?]>): Json {
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
export function isTrue(expression: string): Json {
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

export const table = (name: string): Json => ({ __rl: true, mode: 'name', value: name });
/** Data Table columns set from the expressions in `values` (text columns), as the editor's "Map Each Column Manually" writes them. */
export function columnsFrom(values: Record<string, string>): Json {
	return {
		mappingMode: 'defineBelow',
		value: values,
		matchingColumns: [],
		schema: Object.keys(values).map((id) => ({ id, displayName: id, required: false, defaultMatch: false, display: true, type: 'string', canBeUsedToMatch: true })),
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}
export const autoMap = { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false };

export const BRAND = {
	senderName: 'Voorbeeld Woonstichting',
	contactEmail: 'incasso@voorbeeld.example',
	phone: '010 123 45 67',
	phoneHours: 'ma-vr 9:00-17:00',
	helpUrl: 'https://voorbeeld.example/hulp',
	paymentLinkBase: 'https://betaal.voorbeeld.example/{reference}',
};
export const BANK = { iban: 'NL91ABNA0417164300' };

/**
 * Custom CSS of every public form page (Form Trigger, form pages and answer pages): n8n's own colours
 * fail WCAG 2.1 AA contrast on white (grey description and links 3.9:1, the orange button 2.8:1, the
 * error red 4.4:1), and its 12-14 px text is small for debtors who read with difficulty. Only n8n's
 * CSS variables are changed; test/e2e/formsAccessibility.test.ts runs axe-core on the pages.
 */
export const FORM_CSS = [
	':root {',
	'\t--color-header-subtext: #5c5f66;',
	'\t--color-link: #5c5f66;',
	'\t--color-input-text: #4b4f56;',
	'\t--color-submit-btn-bg: #1f5f8b;',
	'\t--color-html-link: #1f5f8b;',
	'\t--color-required: #b3261e;',
	'\t--color-error: #b3261e;',
	'\t--font-size-body: 14px;',
	'\t--font-size-label: 16px;',
	'\t--font-size-input: 16px;',
	'\t--font-size-paragraph: 16px;',
	'\t--font-size-error: 14px;',
	'}',
].join('\n');

/**
 * Set node (raw JSON) that writes one row: the same columns as a Set node with one assignment per
 * column, but one expression per item instead of one per column. n8n evaluates every expression with
 * a data proxy of its own, and rows like the contact log are written for every debtor every day.
 * Values are text (the Data Table columns are strings); `={{ js }}` values are evaluated, missing ones
 * become ''.
 */
export function rowOf(fields: Array<[string, string]>): Json {
	const columns = fields.map(([name, value]) => {
		const expression = /^=\{\{ ([\s\S]*) \}\}$/.exec(value);
		if (!expression && value.startsWith('=')) throw new Error(`rowOf: column ${name} mixes text and expressions: ${value}`);
		return `${JSON.stringify(name)}: ${expression ? `text(() => ${expression[1]})` : JSON.stringify(value)}`;
	});
	// text(): a column whose data is missing is written empty, as a Set assignment would, instead of
	// failing the whole row (the log must still get its row).
	const text = "const text = (column) => { try { const value = column(); return value === undefined || value === null ? '' : String(value); } catch (error) { return ''; } };";
	return { mode: 'raw', jsonOutput: `={{ (() => { ${text} return JSON.stringify({ ${columns.join(', ')} }); })() }}`, options: {} };
}

/**
 * One row of the contact log: what was decided for whom, and why (`columns` replaces defaults; a
 * column that is not one of the log's travels on after them, e.g. what a store writes with the row).
 */
export function logRow(decision: string, reason: string, columns: Record<string, string> = {}): Json {
	const fields: Array<[string, string]> = [
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
		// The provider's id of the message; for SMTP the Message-ID, which is how a bounce by mail is traced.
		['messageId', "={{ $json.delivery?.providerMessageId ?? '' }}"],
	];
	const extra = Object.entries(columns).filter(([name]) => !fields.some(([known]) => known === name));
	return rowOf([...fields.map(([name, value]): [string, string] => [name, columns[name] ?? value]), ...extra]);
}

/** Data Table parameters: insert each item as a row of `tableName` (the item's fields are the columns). */
function insertInto(tableName: string): Json {
	return { resource: 'row', operation: 'insert', dataTableId: table(tableName), columns: autoMap, options: {} };
}

/** Data Table node that appends its input items as rows of `tableName`. */
export function appendRows(c: Canvas, name: string, position: [number, number], tableName: string): string {
	return c.add(name, 'n8n-nodes-base.dataTable', 1.1, position, insertInto(tableName));
}

/** Set node: one row of sc_tasks, a task for a person (opened today, not done). Values are expressions or text. */
export function personTask(debtorId: string, stage: string, claimIds: string, why: string): Json {
	// One expression per row (rowOf), not one per column: tasks are written for every debtor who needs a person.
	return rowOf([
		['openedAt', '={{ $now.toISO() }}'],
		['day', "={{ $('Settings').first().json.referenceDate }}"],
		['debtorId', debtorId],
		['stage', stage],
		['claimIds', claimIds],
		['why', why],
		['done', 'false'],
	]);
}

/** Settings node: the day and moment a run works for (today in Amsterdam; a test or replay fixes them here). */
export function todaySettings(c: Canvas, position: [number, number], name = 'Settings'): string {
	return c.add(name, 'n8n-nodes-base.set', 3.4, position, assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
		['now', "={{ $now.setZone('Europe/Amsterdam').toISO() }}"],
	]));
}

/**
 * The record of an sc_debtors row, as the expression of a Set node (raw mode): the parsed record
 * with `rowId` (the row's id) and `rowDebtorId` (the row's debtorId column, which names the debtor in
 * the log and the task when the record's own id is missing or broken). A record that is not a JSON
 * object (text, a list, null) becomes an item with nothing but `error`, the form n8n moves to the
 * node's error output, naming the field `record` without echoing the text.
 */
export const RECORD_FROM_ROW = [
	'={{ (() => {',
	'  let record;',
	'  try { record = JSON.parse($json.record); } catch (notJson) { record = undefined; }',
	'  if (record !== null && typeof record === \'object\' && !Array.isArray(record)) return Object.assign(record, { rowId: $json.id, rowDebtorId: $json.debtorId });',
	'  return { error: { message: \'field record is not a JSON object\', field: \'record\', problems: [{ field: \'record\', message: \'is not a JSON object\' }] } };',
	'})() }}',
].join('\n');

/**
 * The start of a daily run over the open debtors: a schedule on working days at `hour`, a manual
 * trigger, Settings, the open rows of sc_debtors and the debtor record parsed from each row.
 * Returns the node whose items are debtor records; its output 1 has the rows whose record is not a
 * JSON object (the caller logs each as invalid and makes a task, as for a node's Invalid output).
 */
export function openDebtors(c: Canvas, hour: number): string {
	const schedule = c.add(`Every working day at ${String(hour).padStart(2, '0')}:00`, 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 160], {
		rule: { interval: [{ field: 'cronExpression', expression: `0 ${hour} * * 1-5` }] },
	});
	const manual = c.add('Run now (manual)', 'n8n-nodes-base.manualTrigger', 1, [0, 320]);
	const settings = todaySettings(c, [220, 240]);
	const load = c.add('Load debtors', 'n8n-nodes-base.dataTable', 1.1, [420, 240], {
		resource: 'row',
		operation: 'get',
		dataTableId: table('sc_debtors'),
		matchType: 'allConditions',
		filters: { conditions: [{ keyName: 'status', condition: 'eq', keyValue: 'open' }] },
		returnAll: true,
		orderBy: true,
		orderByColumn: 'id',
		orderByDirection: 'DESC',
	}, { executeOnce: false });
	// One row per debtor (records are changed in place: recordChange.ts); versions before 0.9 could
	// leave an older duplicate after an interrupted save: the newest row (highest id, first here) is the
	// debtor's record, and the next change of that debtor deletes the older one.
	const newest = c.add('Newest row per debtor', 'n8n-nodes-base.removeDuplicates', 2, [590, 240], {
		operation: 'removeDuplicateInputItems',
		compare: 'selectedFields',
		fieldsToCompare: 'debtorId',
		options: {},
	});
	// The record plus `rowId`, the row's id, so a change finds the row by its index. A row whose record
	// cannot be read leaves on the error output: one bad row never ends the run for everybody.
	const fromRow = c.add('Debtor record from row', 'n8n-nodes-base.set', 3.4, [760, 240], {
		mode: 'raw',
		jsonOutput: RECORD_FROM_ROW,
		options: {},
	}, { onError: 'continueErrorOutput' });
	c.link(schedule, settings);
	c.link(manual, settings);
	c.link(settings, load);
	c.link(load, newest);
	c.link(newest, fromRow);
	return fromRow;
}
