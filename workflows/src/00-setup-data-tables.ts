/**
 * Workflow 0: creates the Data Tables the other workflows use (run once).
 */
import { Canvas, type Json } from './canvas';
import { ATTEMPTS_TABLE } from './formStore';

// ---------------------------------------------------------------------------------------------
// 0. Data table setup (run once)
// ---------------------------------------------------------------------------------------------
export function setupTables(): Json {
	const c = new Canvas('0a000001');
	c.note('Note: about', [-60, -300], 760, 260, [
		'## Set up the data tables (run once)',
		'Creates the n8n Data Tables the other workflows use, if they do not exist yet (running it again changes nothing):',
		'- `sc_debtors`: `debtorId`, `status` (`open` / `closed`), `record` (the debtor record as JSON); n8n adds `createdAt` and `updatedAt` to every row itself',
		'- `sc_contact_log`: one row per decision of the daily journey and per delivery status',
		'- `sc_tasks`: tasks for a person (care calls, messages no channel could deliver)',
		'- `sc_intake`: every ERP record received (for replays: the same `eventId` is accepted once)',
		'- `sc_municipality_signals`: early-warning signals prepared for a person to submit to the municipality',
		'- `sc_room`: empty between runs; a run briefly writes the room it needs here to check that n8n\'s Data Table limit leaves it (docs/scale.md)',
		'- `sc_form_attempts`: the attempts on the public forms of the last window (`attemptKey`, a hash; `atMs`), for their limit on attempts (workflows 4 and 5)',
	].join('\n'), 4);
	const start = c.add('Run once', 'n8n-nodes-base.manualTrigger', 1, [0, 0]);
	// Text columns, except `name:number`.
	const cols = (names: string[]) => ({ column: names.map((name) => (name.endsWith(':number') ? { name: name.slice(0, -7), type: 'number' } : { name, type: 'string' })) });
	const tables: Array<[string, string[]]> = [
		['sc_debtors', ['debtorId', 'status', 'record']],
		['sc_contact_log', ['loggedAt', 'day', 'debtorId', 'decision', 'stage', 'channel', 'claimIds', 'status', 'reason', 'moment', 'templateId', 'idempotencyKey', 'messageId']],
		['sc_tasks', ['openedAt', 'day', 'debtorId', 'stage', 'claimIds', 'why', 'done']],
		['sc_intake', ['eventId', 'receivedAt', 'type', 'debtorId', 'result', 'reason']],
		['sc_municipality_signals', ['preparedOn', 'debtorId', 'name', 'street', 'postalCode', 'city', 'email', 'phone', 'arrearsCents', 'arrearsSince', 'personalContactOn', 'debtHelpPointerOn', 'reminderWithOfferOn', 'status', 'submittedOn']],
		['sc_room', ['run', 'reserve']],
		[ATTEMPTS_TABLE, ['attemptKey', 'atMs:number']],
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
