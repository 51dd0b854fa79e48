/**
 * Where the two self-service forms (4. flex collection date, 5. payment arrangement) keep their state,
 * in both editions: the debtor look-up, the contact log and task list, the held confirmations, and the
 * limit on attempts (issue 22, item 9). The record itself is changed through the record loop of the
 * store (recordChange.ts: DATA_TABLE_RECORDS or POSTGRES_RECORDS).
 *
 * The limit on attempts. A public form answers anyone, so it counts every submission of its first
 * page twice: per customer number (whatever was typed, known or not) and per client (the caller's
 * address, see clientAddressCode), each in a sliding window. Over either limit, the form shows the
 * same page for everybody and looks nobody up: known and unknown customers get the same answer, the
 * same status and the same (short) time, and a right guess after the limit is refused like a wrong one.
 *
 * Why counters hold under concurrency (and queue mode): each attempt is a row of its own, inserted
 * (and committed) by one node, then counted by the next. Counted after its own commit, the k-th
 * attempt of a window sees at least k rows, so of any number of simultaneous attempts at most the
 * limit pass. n8n's workflow static data cannot do this: it is read at the start of an execution and
 * written at its end, so concurrent executions overwrite each other's counts. Data Tables keep the
 * rows in n8n's database (table `sc_form_attempts`, made by workflow 0), Postgres in
 * `sc_form_attempts` (sql/0004_forms.sql). Rows older than the window are deleted on every attempt,
 * so the table holds at most one window's attempts. A key is a SHA-256 hash: no customer number and
 * no address is stored in it.
 */
import { Canvas, FORM_CSS, appendRows as appendDataTableRows, isTrue, table } from './canvas';
import { postgresNode } from './postgres';
import { DATA_TABLE_RECORDS, POSTGRES_RECORDS, type RecordStore } from './recordChange';
import { roomForWrites, type RoomOptions } from './dataTableRoom';

/** The Data Table (and Postgres table) of attempts. */
export const ATTEMPTS_TABLE = 'sc_form_attempts';

/** Node name of the limit's settings, and its defaults (the workflow's Set node holds the values). */
export const LIMIT_SETTINGS = 'Limit on attempts';
export const LIMIT_DEFAULTS = {
	/** Submissions per customer number in one window (0: no limit per customer number). */
	attemptsPerCustomerNumber: 5,
	/** Submissions per client address in one window (0: no limit per client). */
	attemptsPerClient: 20,
	/** The window, in minutes. */
	windowMinutes: 15,
	/**
	 * Reverse proxies in front of n8n, as N8N_PROXY_HOPS. 0: n8n is reached directly, and n8n does not
	 * hand a workflow the caller's address, so there is no limit per client (only per customer number).
	 */
	proxyHops: 0,
};
/** The most attempts a limit may allow (the count reads at most one more row than the limit). */
export const MAX_ATTEMPTS_SETTING = 1000;

/** The Postgres edition's queries of the forms (values are parameters, as in postgres.ts). */
export const FORM_SQL = {
	/** The row of debtor $1 as the Data Table edition gives it: the record as JSON text. No row when unknown. */
	findDebtor: `SELECT debtor_id AS "debtorId", status, CAST(record AS text) AS record FROM sc_debtors WHERE debtor_id = $1`,

	/** Open debtors whose record holds a confirmation under key $1 that is `held` (the record as JSON text). */
	heldRecords: `SELECT debtor_id AS "debtorId", status, CAST(record AS text) AS record FROM sc_debtors
WHERE status = 'open' AND record -> CAST($1 AS text) ->> 'status' = 'held'
ORDER BY debtor_id`,

	/**
	 * Appends the contact-log row $1 (JSON: the columns of sc_contact_log in camelCase). The row keeps
	 * the idempotency key only when it records a send (`status` sent): a held or unsent confirmation's
	 * row and the row of its later send would otherwise hold the same UNIQUE key. A second row for a
	 * send already logged is dropped. Always answers one row (`logged`: 1 or 0), so the form goes on.
	 */
	appendLogRow: `WITH input AS (SELECT CAST($1 AS jsonb) AS r),
logged AS (
	INSERT INTO sc_contact_log (logged_at, day, debtor_id, decision, stage, channel, claim_ids, status, reason, moment, template_id, idempotency_key, message_id)
	SELECT coalesce(CAST(nullif(r ->> 'loggedAt', '') AS timestamptz), now()), CAST(r ->> 'day' AS date), coalesce(r ->> 'debtorId', ''),
		nullif(r ->> 'decision', ''), nullif(r ->> 'stage', ''), nullif(r ->> 'channel', ''), coalesce(string_to_array(nullif(r ->> 'claimIds', ''), ','), '{}'),
		nullif(r ->> 'status', ''), nullif(r ->> 'reason', ''), CAST(nullif(r ->> 'moment', '') AS timestamptz),
		nullif(r ->> 'templateId', ''), CASE WHEN r ->> 'status' = 'sent' THEN nullif(r ->> 'idempotencyKey', '') END, nullif(r ->> 'messageId', '')
	FROM input
	ON CONFLICT (idempotency_key) DO NOTHING
	RETURNING id)
SELECT count(*) AS logged FROM logged`,

	/** Appends the task row $1 (JSON: the columns of sc_tasks in camelCase). */
	appendTask: `INSERT INTO sc_tasks (opened_at, day, debtor_id, stage, claim_ids, why, done)
SELECT coalesce(CAST(nullif(r ->> 'openedAt', '') AS timestamptz), now()), CAST(r ->> 'day' AS date), coalesce(r ->> 'debtorId', ''), nullif(r ->> 'stage', ''),
	coalesce(string_to_array(nullif(r ->> 'claimIds', ''), ','), '{}'), coalesce(r ->> 'why', ''), coalesce(r ->> 'done', '') = 'true'
FROM (SELECT CAST($1 AS jsonb) AS r) input
RETURNING id`,

	/**
	 * Records one attempt under each key of $1 (JSON array of { key }) and deletes every attempt older
	 * than $2 minutes (any key), in one statement; committed before the count reads (see the file comment).
	 */
	countAttempt: `WITH forgotten AS (
	DELETE FROM sc_form_attempts WHERE at < now() - make_interval(mins => CAST($2 AS integer)))
INSERT INTO sc_form_attempts (attempt_key, at)
SELECT k ->> 'key', now() FROM jsonb_array_elements(CAST($1 AS jsonb)) k
RETURNING attempt_key AS "attemptKey"`,

	/**
	 * Attempts in the last $2 minutes per key of $1 (JSON array of { key, limit }), each counted up to
	 * one more than its limit (enough to know it is over, without reading a flood's rows).
	 */
	attemptsInWindow: `SELECT k ->> 'key' AS "attemptKey",
	(SELECT count(*) FROM (SELECT 1 FROM sc_form_attempts a
		WHERE a.attempt_key = k ->> 'key' AND a.at > now() - make_interval(mins => CAST($2 AS integer))
		LIMIT CAST(k ->> 'limit' AS integer) + 1) counted) AS attempts
FROM jsonb_array_elements(CAST($1 AS jsonb)) k`,
} as const;

/** What differs between the editions for the forms. */
export interface FormStore {
	readonly kind: 'dataTable' | 'postgres';
	/** Reads the debtor row named in the form (`debtorId`, `record` as JSON text); an unknown number still gives one (empty) item. */
	findDebtor(c: Canvas, form: string, debtorIdExpression: string, position: [number, number]): string;
	/** A node that appends its input items as rows of `table`. */
	appendRows(c: Canvas, name: string, position: [number, number], table: 'sc_contact_log' | 'sc_tasks'): string;
	/** Open debtors with a held confirmation under `key` (rows: `debtorId`, `record` as JSON text). */
	loadHeld(c: Canvas, key: string, position: [number, number]): string;
	/** Records this attempt under each key of the item (`keys`), then gives rows `{ attemptKey, attempts? }` to count. */
	attempts(c: Canvas, position: [number, number]): { entry: string; counted: string };
	/** How a record is read and written (the record loop). */
	readonly records: RecordStore;
	/** Data Tables only: the room check before the first write. */
	roomForWrites?(c: Canvas, options: RoomOptions): string;
}

/** The embedded edition: n8n Data Tables. */
export const FORMS_ON_DATA_TABLES: FormStore = {
	kind: 'dataTable',
	findDebtor: (c, _form, debtorId, position) =>
		c.add('Find debtor', 'n8n-nodes-base.dataTable', 1.1, position, {
			resource: 'row',
			operation: 'get',
			dataTableId: table('sc_debtors'),
			matchType: 'allConditions',
			filters: { conditions: [{ keyName: 'debtorId', condition: 'eq', keyValue: `={{ ${debtorId} }}` }] },
			limit: 1,
		}, { alwaysOutputData: true }),
	appendRows: (c, name, position, tableName) => appendDataTableRows(c, name, position, tableName),
	loadHeld: (c, key, position) =>
		// The Data Table reads only rows whose record text names a held confirmation; an If after it decides on the parsed record.
		c.add('Load held confirmations', 'n8n-nodes-base.dataTable', 1.1, position, {
			resource: 'row',
			operation: 'get',
			dataTableId: table('sc_debtors'),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'status', condition: 'eq', keyValue: 'open' },
					{ keyName: 'record', condition: 'like', keyValue: `"${key}"` },
					{ keyName: 'record', condition: 'like', keyValue: '"held"' },
				],
			},
			returnAll: true,
			orderBy: true,
			orderByColumn: 'id',
			orderByDirection: 'DESC',
		}),
	attempts(c, [x, y]) {
		const forget = c.add('Forget old attempts', 'n8n-nodes-base.dataTable', 1.1, [x, y], {
			resource: 'row',
			operation: 'deleteRows',
			dataTableId: table(ATTEMPTS_TABLE),
			matchType: 'allConditions',
			filters: { conditions: [{ keyName: 'atMs', condition: 'lt', keyValue: '={{ $json.sinceMs }}' }] },
			options: {},
		}, { executeOnce: true, alwaysOutputData: true });
		const rows = c.add('One row per key', 'n8n-nodes-base.code', 2, [x + 200, y], {
			mode: 'runOnceForAllItems',
			jsCode: `return $(${JSON.stringify(ATTEMPT_KEYS)}).first().json.keys.map((k) => ({ json: { attemptKey: k.key, atMs: $(${JSON.stringify(ATTEMPT_KEYS)}).first().json.atMs } }));`,
		});
		const count = c.add('Count this attempt', 'n8n-nodes-base.dataTable', 1.1, [x + 400, y], {
			resource: 'row',
			operation: 'insert',
			dataTableId: table(ATTEMPTS_TABLE),
			columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false },
			options: {},
		});
		// Per key, the attempts since the window began, up to one more than its limit.
		const counted = c.add('Attempts in the window', 'n8n-nodes-base.dataTable', 1.1, [x + 600, y], {
			resource: 'row',
			operation: 'get',
			dataTableId: table(ATTEMPTS_TABLE),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'attemptKey', condition: 'eq', keyValue: '={{ $json.attemptKey }}' },
					{ keyName: 'atMs', condition: 'gte', keyValue: `={{ $(${JSON.stringify(ATTEMPT_KEYS)}).first().json.sinceMs }}` },
				],
			},
			limit: `={{ $(${JSON.stringify(ATTEMPT_KEYS)}).first().json.keys.find((k) => k.key === $json.attemptKey).limit + 1 }}`,
		}, { alwaysOutputData: true });
		c.link(forget, rows);
		c.link(rows, count);
		c.link(count, counted);
		return { entry: forget, counted };
	},
	records: DATA_TABLE_RECORDS,
	roomForWrites: (c, options) => roomForWrites(c, options),
};

/** The Postgres edition: the package's schema (sql/), n8n's Postgres node and credential. */
export const FORMS_ON_POSTGRES: FormStore = {
	kind: 'postgres',
	findDebtor: (c, _form, debtorId, position) => postgresNode(c, 'Find debtor', position, FORM_SQL.findDebtor, `={{ [${debtorId}] }}`, { alwaysOutputData: true }),
	appendRows: (c, name, position, tableName) =>
		tableName === 'sc_contact_log'
			? postgresNode(c, name, position, FORM_SQL.appendLogRow, '={{ [JSON.stringify($json)] }}')
			: postgresNode(c, name, position, FORM_SQL.appendTask, '={{ [JSON.stringify($json)] }}'),
	loadHeld: (c, key, position) => postgresNode(c, 'Load held confirmations', position, FORM_SQL.heldRecords, `={{ [${JSON.stringify(key)}] }}`),
	attempts(c, [x, y]) {
		const count = postgresNode(c, 'Count this attempt', [x, y], FORM_SQL.countAttempt, '={{ [JSON.stringify($json.keys.map((k) => ({ key: k.key }))), $json.windowMinutes] }}');
		// A node of its own: it reads after the attempt above was committed.
		const counted = postgresNode(c, 'Attempts in the window', [x + 200, y], FORM_SQL.attemptsInWindow,
			`={{ [JSON.stringify($(${JSON.stringify(ATTEMPT_KEYS)}).first().json.keys), $(${JSON.stringify(ATTEMPT_KEYS)}).first().json.windowMinutes] }}`, { executeOnce: true, alwaysOutputData: true });
		c.link(count, counted);
		return { entry: count, counted };
	},
	records: POSTGRES_RECORDS,
};

/** The node that computes the keys of an attempt. */
export const ATTEMPT_KEYS = 'Keys of this attempt';

/**
 * JavaScript (inside an n8n expression) for the caller's address as n8n sees it, from the form's
 * request headers (`headers`) and the number of proxies `hops`: express, which n8n runs on, takes
 * the address `hops` places from the right of X-Forwarded-For when N8N_PROXY_HOPS is `hops` (the
 * ones further left are what the caller wrote). '' when there is no proxy or no such header: n8n does
 * not hand a workflow the address of the connection itself.
 */
export function clientAddressCode(headers: string, hops: string): string {
	return `((h, n) => { const list = String(h?.['x-forwarded-for'] ?? '').split(',').map((a) => a.trim().toLowerCase()).filter((a) => a !== ''); return n > 0 && list.length > 0 ? list[Math.max(list.length - n, 0)] : ''; })(${headers}, ${hops})`;
}

/** A whole number setting read from the limit's settings, within 0..max. */
const setting = (name: string, max: number) => `Math.min(Math.max(Math.floor(Number($('${LIMIT_SETTINGS}').first().json.${name})) || 0, 0), ${max})`;

/**
 * The limit on attempts before the look-up (see the file comment): its settings, the keys of this
 * attempt, the count, and an If whose first output goes on (within the limits) and whose second ends
 * the form with a page that is the same for everybody. `customerNumber` is the expression of what was
 * typed as customer number, `form` the Form Trigger. Returns the first node and the If.
 */
export function attemptLimit(c: Canvas, store: FormStore, o: { form: string; customerNumber: string; position: [number, number]; webhookId: string }): { entry: string; within: string } {
	const [x, y] = o.position;
	c.note('Note: limit on attempts', [x - 60, y - 420], 2100, 280, [
		'### 0. Limit on attempts (before anybody is looked up)',
		'Every submission counts per customer number as typed (`attemptsPerCustomerNumber`) and, behind a reverse proxy, per client address (`attemptsPerClient`) in a sliding window of `windowMinutes`: set them in *Limit on attempts*. Over a limit everybody gets the same page *Too many attempts*, known or unknown customer, right or wrong invoice number.',
		'Behind a proxy set `proxyHops` to n8n\'s `N8N_PROXY_HOPS` (the address is read from X-Forwarded-For as n8n reads it); with 0 there is no limit per client. Each attempt is a row (a hashed key and the moment) counted after it was written, so simultaneous attempts cannot pass together.',
	].join('\n'));
	const values = Object.entries(LIMIT_DEFAULTS).map(([name, value], index) => ({ id: `limit-${index + 1}`, name, value, type: 'number' }));
	const settings = c.add(LIMIT_SETTINGS, 'n8n-nodes-base.set', 3.4, [x, y], {
		mode: 'manual',
		assignments: { assignments: values },
		includeOtherFields: false,
		options: {},
	});
	const keys = c.add(ATTEMPT_KEYS, 'n8n-nodes-base.set', 3.4, [x + 200, y], {
		mode: 'raw',
		jsonOutput: [
			'={{ (() => {',
			`  const customerLimit = ${setting('attemptsPerCustomerNumber', MAX_ATTEMPTS_SETTING)};`,
			`  const clientLimit = ${setting('attemptsPerClient', MAX_ATTEMPTS_SETTING)};`,
			`  const windowMinutes = Math.max(${setting('windowMinutes', 24 * 60)}, 1);`,
			// Case and spaces do not make another customer number; the key is a hash, bounded whatever was typed.
			`  const customer = String(${o.customerNumber} ?? '').replace(/\\s+/g, '').toUpperCase().slice(0, 200);`,
			`  const client = ${clientAddressCode(`$('${o.form}').first().json.headers`, setting('proxyHops', 10))};`,
			'  const keys = [];',
			"  if (customerLimit > 0) keys.push({ key: 'customer:' + ('customer:' + customer).hash('sha256'), limit: customerLimit });",
			"  if (clientLimit > 0 && client !== '') keys.push({ key: 'client:' + ('client:' + client).hash('sha256'), limit: clientLimit });",
			'  const atMs = $now.toMillis();',
			'  return JSON.stringify({ keys, atMs, sinceMs: atMs - windowMinutes * 60000, windowMinutes });',
			'})() }}',
		].join('\n'),
		options: {},
	});
	const anyKey = c.add('Anything to count?', 'n8n-nodes-base.if', 2.2, [x + 400, y], isTrue('={{ $json.keys.length > 0 }}'));
	const { entry, counted } = store.attempts(c, [x + 600, y - 120]);
	const within = c.add('Within the limits?', 'n8n-nodes-base.code', 2, [x + 1400, y], {
		mode: 'runOnceForAllItems',
		jsCode: [
			`// Per key: the attempts counted (a row per attempt, or a row with the count), this one included.`,
			`const { keys } = $(${JSON.stringify(ATTEMPT_KEYS)}).first().json;`,
			'const seen = new Map();',
			'for (const { json: row } of $input.all()) {',
			'  if (!row || !row.attemptKey) continue;',
			'  seen.set(row.attemptKey, (seen.get(row.attemptKey) ?? 0) + (row.attempts === undefined ? 1 : Number(row.attempts)));',
			'}',
			'// A key not counted at all is over too: the count failed to see this very attempt.',
			'const over = keys.some((k) => !seen.has(k.key) || seen.get(k.key) > k.limit);',
			'return [{ json: { withinLimits: !over } }];',
		].join('\n'),
	});
	const ok = c.add('Go on?', 'n8n-nodes-base.if', 2.2, [x + 1600, y], isTrue('={{ $json.withinLimits }}'));
	const tooMany = c.add('Page: too many attempts', 'n8n-nodes-base.form', 2.3, [x + 1800, y + 200], {
		operation: 'completion',
		respondWith: 'text',
		completionTitle: 'Te veel pogingen',
		completionMessage: `={{ 'U heeft dit formulier te vaak ingevuld. Probeer het over ' + ${setting('windowMinutes', 24 * 60)} + ' minuten opnieuw, of bel ons: dan helpen wij u verder.' }}`,
		options: { customCss: FORM_CSS },
	}, { webhookId: o.webhookId });
	c.link(settings, keys);
	c.link(keys, anyKey);
	c.link(anyKey, entry, 0);
	c.link(counted, within);
	// Nothing to count (both limits off): on as if counted.
	c.link(anyKey, within, 1);
	c.link(within, ok);
	c.link(ok, tooMany, 1);
	return { entry: settings, within: ok };
}
