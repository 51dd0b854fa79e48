/**
 * The Postgres edition's SQL and its dispatcher (docs/scale.md, "The daily journey on Postgres").
 *
 * The daily journey on Postgres is two workflows. The **dispatcher** (a schedule at 08:00 and a
 * manual trigger) counts the debtors due today and calls the **batch** workflow's production webhook
 * once per batch, so queue mode hands every batch to any worker; it counts again until no due debtor
 * is left unplanned for the day and no lease is live. A batch execution claims its debtors
 * (`FOR UPDATE SKIP LOCKED`, a lease that expires), runs the daily journey over them
 * (01-daily-collection-journey.ts with the POSTGRES store) and settles each debtor in one statement.
 *
 * Early warning (3) and reversal handling (7) read every open debtor, not only the due ones: their
 * dispatcher (rangeDispatcher) cuts the debtors into ranges of debtor_id and calls their batch
 * workflow once per range, which loads only that range (docs/scale.md, "Early warning and reversal
 * handling on Postgres"). The token, the call and the webhook are the journey's pieces.
 *
 * Every query is a constant; values from items are query parameters of n8n's Postgres node (an
 * expression that gives an array: one parameter per element, objects as JSON text). pg-promise,
 * which the node uses, reads `$1:name` as a formatting filter, so casts are written CAST(x AS type).
 */
import { Canvas, assign, isTrue, type Json } from './canvas';

/** n8n's Postgres node in the version n8n 2.41.1 gives a new node. */
export const POSTGRES_NODE_VERSION = 2.7;

/** The n8n credential (type `postgres`) of the package's tables; `npm run start:scale` creates it. */
export const POSTGRES_CREDENTIAL = { id: 'scScalePostgres1', name: 'Social Collections Postgres' };

/** The batch workflow's webhook path (production URL: <n8n>/webhook/sc-daily-journey-batch). */
export const BATCH_PATH = 'sc-daily-journey-batch';
export const BATCH_WEBHOOK_ID = '6b1d2c4e-0f3a-4b7c-9d21-5e8f7a6c3b01';
/**
 * The JWT credential (n8n's `jwtAuth`, a passphrase) of the batch webhook. The dispatcher signs a
 * token valid for an hour with it (n8n's JWT node) and the webhook verifies the token before any
 * work: the passphrase itself never travels, so it is in no execution's data (n8n saves a webhook's
 * request headers with the execution as they came). `npm run start:scale` creates it.
 */
export const BATCH_CREDENTIAL = { id: 'scBatchWebhookJwt1', name: 'Social Collections batch webhook' };

/**
 * Debtors due on day $1 and not yet planned that day: open, and either their next step date has come
 * or their record changed since it was last planned (never planned counts as changed). The two halves
 * have an index each (sc_debtors_open_next_step, sc_debtors_open_changed).
 */
const DUE = `status = 'open'
		AND (next_step_date <= CAST($1 AS date) OR planned_version IS NULL OR version > planned_version)
		AND planned_on IS DISTINCT FROM CAST($1 AS date)`;

/** Not planned on day $1 yet, and not held by a running batch (a lease that has not ended). */
const FREE = `planned_on IS DISTINCT FROM CAST($1 AS date) AND (leased_until IS NULL OR leased_until < now())`;

/** Workflows 3 and 7 read the open debtors. */
const OPEN = "status = 'open'";
/** Workflow 7 reads only those whose record lists a reversal. */
const WITH_REVERSALS = `record @> CAST('{"reversals": [{}]}' AS jsonb)`;

/** The batches of the debtors matching `where`: first and last debtor_id and the count, $1 debtors each. */
function ranges(where: string): string {
	return `SELECT min(debtor_id) AS first, max(debtor_id) AS last, count(*) AS debtors
FROM (SELECT debtor_id, (row_number() OVER (ORDER BY debtor_id) - 1) / CAST($1 AS integer) AS batch FROM sc_debtors WHERE ${where}) numbered
GROUP BY batch
ORDER BY batch`;
}

export const SQL = {
	/**
	 * Claim up to $3 due debtors for day $1 for lease owner $2, for $4 minutes; rows another batch holds
	 * (locked or under a live lease) are passed over. Returns the records of the claimed debtors.
	 * leased_version keeps the version the plan is made from.
	 *
	 * The two halves of DUE are claimed one after the other, each walking its own index in order
	 * (next step date first, then the changed records, up to the batch size together): written as one
	 * OR under the LIMIT, PostgreSQL plans a sequential scan from the start of the table (it cannot
	 * estimate `version > planned_version` and expects a match every few rows), which passes every
	 * debtor already planned that day, so each claim of a day read more of the table than the one
	 * before, and a large portfolio's whole table towards the end (EXPLAIN in docs/scale.md).
	 */
	claimBatch: `WITH by_date AS (
	SELECT debtor_id FROM sc_debtors
	WHERE status = 'open' AND next_step_date <= CAST($1 AS date) AND ${FREE}
	ORDER BY next_step_date, debtor_id
	LIMIT CAST($3 AS integer)
	FOR UPDATE SKIP LOCKED),
changed AS (
	SELECT debtor_id FROM sc_debtors
	WHERE status = 'open' AND (planned_version IS NULL OR version > planned_version) AND ${FREE}
		AND debtor_id NOT IN (SELECT debtor_id FROM by_date)
	ORDER BY debtor_id
	LIMIT CAST($3 AS integer) - (SELECT count(*) FROM by_date)
	FOR UPDATE SKIP LOCKED),
claimed AS (
	UPDATE sc_debtors d
	SET lease_owner = $2, leased_until = now() + make_interval(mins => CAST($4 AS integer)), leased_version = d.version
	WHERE d.debtor_id IN (SELECT debtor_id FROM by_date UNION ALL SELECT debtor_id FROM changed)
	RETURNING d.record)
SELECT record FROM claimed`,

	/** For day $1: debtors due and free to claim, and due debtors under a live lease (a batch at work). */
	countDue: `SELECT
	count(*) FILTER (WHERE leased_until IS NULL OR leased_until < now()) AS due,
	count(*) FILTER (WHERE leased_until >= now()) AS leased
FROM sc_debtors
WHERE ${DUE}`,

	/**
	 * Settles the decisions of a batch, in one statement for all of them: $1 is a JSON array of
	 * contact-log rows (the columns of sc_contact_log in camelCase), $2 the lease owner. Each row goes to
	 * sc_contact_log (a second row with the same idempotency key is dropped); the contacts a row adds to
	 * the record (`contacts`) are appended to the CURRENT record with jsonb concatenation, so a
	 * concurrent change is never lost, and not again when the row was dropped as a repeat; and, while
	 * lease owner $2 still holds the debtor, the plan: planned today, from the version claimed, next
	 * step on `nextStepDate`, lease released. A debtor with several rows in $1 is planned from the
	 * first (after it the lease is released anyway) and gets the contacts of all its logged rows.
	 * Set-based (one INSERT, one UPDATE for the whole array): one statement per batch instead of one
	 * per debtor was the largest saving of the batch workflow (docs/scale.md, "Figures measured").
	 */
	writeDecisions: `WITH input AS (
	SELECT x.r, x.n, coalesce(x.r ->> 'debtorId', '') AS debtor_id, nullif(x.r ->> 'idempotencyKey', '') AS key,
		CASE WHEN jsonb_typeof(CAST(nullif(x.r ->> 'contacts', '') AS jsonb)) = 'array' THEN CAST(x.r ->> 'contacts' AS jsonb) END AS contacts
	FROM jsonb_array_elements(CAST($1 AS jsonb)) WITH ORDINALITY AS x(r, n)),
logged AS (
	INSERT INTO sc_contact_log (logged_at, day, debtor_id, decision, stage, channel, claim_ids, status, reason, moment, template_id, idempotency_key, message_id)
	SELECT coalesce(CAST(nullif(r ->> 'loggedAt', '') AS timestamptz), now()), CAST(r ->> 'day' AS date), debtor_id,
		nullif(r ->> 'decision', ''), nullif(r ->> 'stage', ''), nullif(r ->> 'channel', ''), coalesce(string_to_array(nullif(r ->> 'claimIds', ''), ','), '{}'),
		nullif(r ->> 'status', ''), nullif(r ->> 'reason', ''), CAST(nullif(r ->> 'moment', '') AS timestamptz),
		nullif(r ->> 'templateId', ''), key, nullif(r ->> 'messageId', '')
	FROM input ORDER BY n
	ON CONFLICT (idempotency_key) DO NOTHING
	RETURNING idempotency_key),
added AS (
	SELECT i.debtor_id, jsonb_agg(c.contact ORDER BY i.n, c.k) AS contacts
	FROM input i CROSS JOIN LATERAL jsonb_array_elements(i.contacts) WITH ORDINALITY AS c(contact, k)
	WHERE i.key IS NULL OR i.key IN (SELECT idempotency_key FROM logged)
	GROUP BY i.debtor_id),
plan AS (
	SELECT DISTINCT ON (debtor_id) debtor_id, CAST(r ->> 'day' AS date) AS day, CAST(nullif(r ->> 'nextStepDate', '') AS date) AS next_step_date
	FROM input ORDER BY debtor_id, n)
UPDATE sc_debtors d SET
	record = CASE WHEN a.contacts IS NULL THEN d.record ELSE jsonb_set(d.record, '{contacts}', coalesce(d.record -> 'contacts', '[]') || a.contacts) END,
	planned_on = CASE WHEN d.lease_owner = $2 THEN p.day ELSE d.planned_on END,
	planned_version = CASE WHEN d.lease_owner = $2 THEN d.leased_version ELSE d.planned_version END,
	next_step_date = CASE WHEN d.lease_owner = $2 THEN p.next_step_date ELSE d.next_step_date END,
	leased_until = CASE WHEN d.lease_owner = $2 THEN NULL ELSE d.leased_until END,
	lease_owner = CASE WHEN d.lease_owner = $2 THEN NULL ELSE d.lease_owner END
FROM plan p LEFT JOIN added a ON a.debtor_id = p.debtor_id
WHERE d.debtor_id = p.debtor_id
RETURNING d.debtor_id`,

	/** Appends the task rows of the JSON array $1 (each: the columns of sc_tasks in camelCase), in one statement. */
	appendTasks: `INSERT INTO sc_tasks (opened_at, day, debtor_id, stage, claim_ids, why, done)
SELECT coalesce(CAST(nullif(r ->> 'openedAt', '') AS timestamptz), now()), CAST(r ->> 'day' AS date), coalesce(r ->> 'debtorId', ''), nullif(r ->> 'stage', ''),
	coalesce(string_to_array(nullif(r ->> 'claimIds', ''), ','), '{}'), coalesce(r ->> 'why', ''), coalesce(r ->> 'done', '') = 'true'
FROM jsonb_array_elements(CAST($1 AS jsonb)) WITH ORDINALITY AS input(r, n)
ORDER BY n
RETURNING id`,

	/**
	 * Workflow 6, delivery status: decides and logs the report $1 (JSON: a Delivery Status Trigger
	 * event) in one transaction, as the Data Table edition's "Decide per report" does, and returns the
	 * decision (no row when the same report was logged before).
	 *
	 * First statement: locks the log row of the sent message the report names (its idempotency key),
	 * so reports on one message are decided one after the other; it returns no row. Second statement
	 * (a new snapshot, so it sees what a report decided before it): the message's earlier reports are
	 * the debtor's log rows whose key starts with `<message key>:`; each report row carries the key
	 * `<message key>:<status>:<messageId>`, so the UNIQUE idempotency key refuses a second row of the
	 * same report. A status never moves back (`status-ignored`); the first permanent failure asks for
	 * the fallback, once. A logged status raises the debtor's version: the debtor is due again.
	 */
	deliveryReport: `SELECT 1 AS locked WHERE (SELECT count(*) FROM (
	SELECT 1 FROM sc_contact_log WHERE idempotency_key = CAST($1 AS jsonb) ->> 'idempotencyKey' AND decision = 'sent' FOR UPDATE) sent) < 0;
WITH e AS (
	SELECT coalesce(r ->> 'idempotencyKey', '') AS key, coalesce(r ->> 'messageId', '') AS message_id, coalesce(r ->> 'status', '') AS status,
		coalesce(r ->> 'channel', '') AS channel, coalesce(r ->> 'time', '') AS time, coalesce(r ->> 'errorCode', '') AS error_code,
		coalesce(r -> 'permanent', 'null') <> 'false' AS permanent, r -> 'permanent' AS permanent_value
	FROM (SELECT CAST($1 AS jsonb) AS r) input),
rank_of (status, rank) AS (VALUES ('queued', 1), ('sent', 2), ('delivered', 3), ('opened', 4), ('read', 4), ('clicked', 5), ('bounced', 9), ('failed', 9)),
sent AS (
	SELECT l.debtor_id, coalesce(l.stage, '') AS stage, array_to_string(l.claim_ids, ',') AS claim_ids, coalesce(l.template_id, '') AS template_id
	FROM sc_contact_log l, e WHERE e.key <> '' AND l.idempotency_key = e.key AND l.decision = 'sent'),
earlier AS (
	SELECT l.id, l.decision, l.status, coalesce(r.rank, 0) AS rank
	FROM sc_contact_log l JOIN sent ON l.debtor_id = sent.debtor_id CROSS JOIN e LEFT JOIN rank_of r ON r.status = l.status
	WHERE left(l.idempotency_key, length(e.key) + 1) = e.key || ':'),
now_at AS (SELECT status, rank FROM earlier WHERE decision = 'delivery-status' ORDER BY rank DESC, id LIMIT 1),
decided AS (
	SELECT e.*, sent.debtor_id IS NOT NULL AS matched, coalesce(sent.debtor_id, '') AS debtor_id, coalesce(sent.stage, '') AS stage, coalesce(sent.claim_ids, '') AS claim_ids,
		coalesce(sent.template_id, '') AS template_id, coalesce((SELECT rank FROM rank_of WHERE rank_of.status = e.status), 0) AS rank,
		(SELECT status FROM now_at) AS now_status, (SELECT rank FROM now_at) AS now_rank
	FROM e LEFT JOIN sent ON true),
outcome AS (
	SELECT d.*,
		CASE WHEN NOT matched THEN 'unmatched'
			WHEN status IN ('replied', 'opted-out') THEN 'delivery-status'
			WHEN now_rank IS NOT NULL AND rank < now_rank THEN 'status-ignored'
			ELSE 'delivery-status' END AS decision,
		CASE WHEN NOT matched THEN ''
			WHEN status = 'replied' THEN 'reply'
			WHEN status = 'opted-out' THEN 'opt-out'
			WHEN now_rank IS NOT NULL AND rank < now_rank THEN ''
			WHEN rank = 9 AND permanent AND coalesce(now_rank, 0) <> 9 THEN 'fallback'
			ELSE '' END AS action,
		CASE WHEN NOT matched THEN CASE WHEN key <> '' THEN 'no sent message with this idempotencyKey in the contact log' ELSE 'the event has no idempotencyKey' END
			WHEN status = 'replied' THEN 'reply on ' || channel
			WHEN status = 'opted-out' THEN 'opted out of ' || channel
			WHEN now_rank IS NOT NULL AND rank < now_rank THEN 'would move the message back from ' || now_status || ' to ' || status
			WHEN rank = 9 AND permanent AND coalesce(now_rank, 0) <> 9 THEN 'permanent failure' || CASE WHEN error_code <> '' THEN ' (' || error_code || ')' ELSE '' END || ': next channel'
			WHEN rank = 9 AND coalesce(now_rank, 0) = 9 THEN 'failure already handled'
			WHEN rank = 9 THEN 'temporary failure'
			ELSE '' END AS reason
	FROM decided d),
logged AS (
	INSERT INTO sc_contact_log (logged_at, day, debtor_id, decision, stage, channel, claim_ids, status, reason, moment, template_id, idempotency_key, message_id)
	SELECT now(), CAST(timezone('Europe/Amsterdam', now()) AS date), debtor_id, decision, nullif(stage, ''), nullif(channel, ''),
		coalesce(string_to_array(nullif(claim_ids, ''), ','), '{}'), nullif(status, ''), nullif(reason, ''), CAST(nullif(time, '') AS timestamptz),
		nullif(template_id, ''), CASE WHEN key <> '' THEN key || ':' || status || ':' || message_id END, nullif(message_id, '')
	FROM outcome
	ON CONFLICT (idempotency_key) DO NOTHING
	RETURNING id),
due AS (
	UPDATE sc_debtors SET version = version + 1
	WHERE debtor_id = (SELECT debtor_id FROM outcome WHERE decision = 'delivery-status') AND EXISTS (SELECT FROM logged)
	RETURNING debtor_id)
SELECT debtor_id AS "debtorId", stage, claim_ids AS "claimIds", template_id AS "templateId", channel, key AS "idempotencyKey", message_id AS "messageId",
	status, nullif(time, '') AS time, permanent_value AS permanent, error_code AS "errorCode", decision, action, reason
FROM outcome WHERE EXISTS (SELECT FROM logged)`,

	/**
	 * Claims the sends of the JSON array $1 (each `{ contactKey, debtorId }`: the Channel Sender's contact
	 * key) on day $2 for lease owner $3 before they are sent, in one statement. Returns exactly one row
	 * per element, in the order of $1, each a column `sendClaim`: `{ contactKey, claim, channel,
	 * channelKey }`, `claim` being `claimed` (this run sends it) or the state an earlier claim left:
	 * `sent` (with the channel and its key) or `sending`/`unconfirmed` (outcome unknown).
	 */
	claimSends: `WITH input AS (
	SELECT x.r ->> 'contactKey' AS key, x.r ->> 'debtorId' AS debtor_id, x.n
	FROM jsonb_array_elements(CAST($1 AS jsonb)) WITH ORDINALITY AS x(r, n)),
claimed AS (
	INSERT INTO sc_sends (idempotency_key, debtor_id, day, claimed_by)
	SELECT key, debtor_id, CAST($2 AS date), $3 FROM input ORDER BY n
	ON CONFLICT (idempotency_key) DO NOTHING
	RETURNING idempotency_key)
SELECT jsonb_build_object('contactKey', i.key,
	'claim', CASE WHEN c.idempotency_key IS NOT NULL THEN 'claimed' ELSE coalesce(s.status, 'sending') END,
	'channel', s.channel, 'channelKey', s.channel_key) AS "sendClaim"
FROM input i
	LEFT JOIN claimed c ON c.idempotency_key = i.key
	LEFT JOIN sc_sends s ON s.idempotency_key = i.key AND c.idempotency_key IS NULL
ORDER BY i.n`,

	/**
	 * Settles the send claims of the JSON array $1 after the Channel Sender, in one statement; each
	 * element `{ contactKey, outcome, channel, channelKey, messageId }`: `sent` (with the channel, its
	 * key and the message id) or `unconfirmed` keep the claim; `release` (certainly not sent) gives it
	 * up, so a later run may send the contact.
	 */
	settleSends: `WITH input AS (
	SELECT r ->> 'contactKey' AS key, r ->> 'outcome' AS outcome, nullif(r ->> 'channel', '') AS channel,
		nullif(r ->> 'channelKey', '') AS channel_key, nullif(r ->> 'messageId', '') AS message_id
	FROM jsonb_array_elements(CAST($1 AS jsonb)) AS x(r)),
released AS (
	DELETE FROM sc_sends s USING input i WHERE s.idempotency_key = i.key AND i.outcome = 'release' AND s.status = 'sending'
	RETURNING s.idempotency_key)
UPDATE sc_sends s SET status = i.outcome, at = now(), channel = i.channel, channel_key = i.channel_key, message_id = i.message_id
FROM input i
WHERE s.idempotency_key = i.key AND i.outcome IN ('sent', 'unconfirmed')
RETURNING s.idempotency_key`,

	/** The record loop's read (recordChange.ts): the record of debtor $1 and its version; no row when unknown. */
	readRecord: `SELECT debtor_id AS "debtorId", version, record FROM sc_debtors WHERE debtor_id = $1`,

	/**
	 * The record loop's write (recordChange.ts): debtor $1's record $4 (JSON text) with status $3, only
	 * while its version is still $2, the one read (an UPDATE re-checks its WHERE on the newest row
	 * version after waiting for a concurrent writer, so of two writers that read the same version one
	 * wins). Version 0: the debtor had no row; insert it, unless a concurrent request made it first.
	 * Returns debtor, new version and the item's number $5 only when it wrote; the trigger raises the
	 * version, which also makes the debtor due for the daily journey (version > planned_version).
	 */
	writeRecord: `WITH input AS (
	SELECT CAST($1 AS text) AS debtor_id, CAST($2 AS integer) AS version, CAST($3 AS text) AS status, CAST($4 AS jsonb) AS record),
made AS (
	INSERT INTO sc_debtors (debtor_id, status, record)
	SELECT debtor_id, status, record FROM input WHERE version = 0
	ON CONFLICT (debtor_id) DO NOTHING
	RETURNING debtor_id, version),
changed AS (
	UPDATE sc_debtors d SET record = i.record, status = i.status
	FROM input i
	WHERE i.version > 0 AND d.debtor_id = i.debtor_id AND d.version = i.version
	RETURNING d.debtor_id, d.version)
SELECT debtor_id AS "debtorId", version, CAST($5 AS integer) AS item FROM made
UNION ALL
SELECT debtor_id, version, CAST($5 AS integer) FROM changed`,

	/** ERP intake: event $1 when it was accepted before (a row with eventId and result, as the Data Table edition reads them). */
	acceptedBefore: `SELECT event_id AS "eventId", result FROM sc_intake WHERE event_id = $1 AND result = 'accepted'`,

	/**
	 * ERP intake: logs the answer $1 (JSON: eventId, receivedAt, type, debtorId, result, reason) and
	 * returns the answer as logged. An event is accepted once: the unique index on accepted event ids
	 * refuses a second `accepted` row, and an event another request accepted meanwhile (the same
	 * eventId sent twice at once) is logged and answered `duplicate` instead. Its change is in the
	 * record once either way: the change function refuses a payment, reversal or invoice the record holds.
	 */
	logIntake: `WITH input AS (SELECT CAST($1 AS jsonb) AS r),
accepted AS (
	INSERT INTO sc_intake (event_id, received_at, type, debtor_id, result, reason)
	SELECT r ->> 'eventId', coalesce(CAST(nullif(r ->> 'receivedAt', '') AS timestamptz), now()), nullif(r ->> 'type', ''), nullif(r ->> 'debtorId', ''), 'accepted', nullif(r ->> 'reason', '')
	FROM input WHERE r ->> 'result' = 'accepted'
	ON CONFLICT (event_id) WHERE result = 'accepted' DO NOTHING
	RETURNING event_id, result, reason),
other AS (
	INSERT INTO sc_intake (event_id, received_at, type, debtor_id, result, reason)
	SELECT nullif(r ->> 'eventId', ''), coalesce(CAST(nullif(r ->> 'receivedAt', '') AS timestamptz), now()), nullif(r ->> 'type', ''), nullif(r ->> 'debtorId', ''),
		CASE WHEN r ->> 'result' = 'accepted' THEN 'duplicate' ELSE r ->> 'result' END,
		CASE WHEN r ->> 'result' = 'accepted' THEN 'already accepted by a request at the same time' ELSE nullif(r ->> 'reason', '') END
	FROM input WHERE NOT EXISTS (SELECT FROM accepted)
	RETURNING event_id, result, reason)
SELECT coalesce(event_id, '') AS "eventId", result, coalesce(reason, '') AS reason FROM accepted
UNION ALL
SELECT coalesce(event_id, ''), result, coalesce(reason, '') FROM other`,

	/**
	 * Workflows 3 and 7, dispatcher: the open debtors cut into batches of $1 by debtor_id, one row per
	 * batch with its first and last debtor_id (`first`, `last`) and its size (`debtors`): the rows are
	 * numbered in debtor_id order (the primary key's) and only ids leave the database, never a record.
	 */
	openRanges: ranges(OPEN),

	/** Workflow 7, dispatcher: as openRanges, over the open debtors whose record lists a reversal. */
	openRangesWithReversals: ranges(`${OPEN} AND ${WITH_REVERSALS}`),

	/**
	 * Workflows 3 and 7, batch: the open debtors of one batch, debtor_id $1 to $2 (both included), the
	 * record of each as JSON, in debtor_id order.
	 */
	loadOpenRange: `SELECT debtor_id, record FROM sc_debtors WHERE ${OPEN} AND debtor_id BETWEEN $1 AND $2 ORDER BY debtor_id`,

	/**
	 * Workflow 7, batch: the open debtors of one batch whose record lists a reversal (the containment
	 * test leaves the rest in the database); which reversal is new the workflow decides from the record.
	 */
	loadOpenRangeWithReversals: `SELECT debtor_id, record FROM sc_debtors WHERE ${OPEN} AND ${WITH_REVERSALS} AND debtor_id BETWEEN $1 AND $2 ORDER BY debtor_id`,

	/**
	 * Appends the contact-log row $1 (JSON: the columns of sc_contact_log in camelCase) as it is, for
	 * the workflows other than the daily journey (which settles its debtor with the row: writeDecisions).
	 * A second row with the same idempotency key (the same send recorded again, e.g. by a run that
	 * repeats one that stopped) is refused by the UNIQUE key: nothing is written for it.
	 */
	appendLog: `INSERT INTO sc_contact_log (logged_at, day, debtor_id, decision, stage, channel, claim_ids, status, reason, moment, template_id, idempotency_key, message_id)
SELECT coalesce(CAST(nullif(r ->> 'loggedAt', '') AS timestamptz), now()), CAST(r ->> 'day' AS date), coalesce(r ->> 'debtorId', ''),
	nullif(r ->> 'decision', ''), nullif(r ->> 'stage', ''), nullif(r ->> 'channel', ''), coalesce(string_to_array(nullif(r ->> 'claimIds', ''), ','), '{}'),
	nullif(r ->> 'status', ''), nullif(r ->> 'reason', ''), CAST(nullif(r ->> 'moment', '') AS timestamptz),
	nullif(r ->> 'templateId', ''), nullif(r ->> 'idempotencyKey', ''), nullif(r ->> 'messageId', '')
FROM (SELECT CAST($1 AS jsonb) AS r) input
ON CONFLICT (idempotency_key) DO NOTHING
RETURNING id`,

	/**
	 * Workflow 3: appends the municipality signal $1 (JSON: the columns of sc_municipality_signals in
	 * camelCase), unless one was prepared for the same debtor and the same arrears already (a run that
	 * repeats one which stopped before it marked the record).
	 */
	appendSignal: `WITH input AS (SELECT CAST($1 AS jsonb) AS r)
INSERT INTO sc_municipality_signals (prepared_on, debtor_id, name, street, postal_code, city, email, phone, arrears_cents, arrears_since,
	personal_contact_on, debt_help_pointer_on, reminder_with_offer_on, status, submitted_on)
SELECT CAST(r ->> 'preparedOn' AS date), r ->> 'debtorId', nullif(r ->> 'name', ''), nullif(r ->> 'street', ''), nullif(r ->> 'postalCode', ''),
	nullif(r ->> 'city', ''), nullif(r ->> 'email', ''), nullif(r ->> 'phone', ''), CAST(nullif(r ->> 'arrearsCents', '') AS bigint),
	CAST(nullif(r ->> 'arrearsSince', '') AS date), CAST(nullif(r ->> 'personalContactOn', '') AS date), CAST(nullif(r ->> 'debtHelpPointerOn', '') AS date),
	CAST(nullif(r ->> 'reminderWithOfferOn', '') AS date), coalesce(nullif(r ->> 'status', ''), 'prepared'), CAST(nullif(r ->> 'submittedOn', '') AS date)
FROM input
WHERE NOT EXISTS (
	SELECT FROM sc_municipality_signals s
	WHERE s.debtor_id = input.r ->> 'debtorId' AND s.arrears_since IS NOT DISTINCT FROM CAST(nullif(input.r ->> 'arrearsSince', '') AS date))
RETURNING id`,

	/**
	 * Set-up (00-setup-postgres.ts): applies migration $1 (name $2, the text $3 of sql/NNNN_$2.sql)
	 * once, as scripts/scale/migrate.ts does: in one transaction (the node sends the statements as one
	 * query), under the runner's advisory lock, skipped when sc_schema_migrations lists the version,
	 * and failing when the migration did not record itself. Returns `applied` or `already applied`.
	 * The helper function lives in pg_temp: it is gone with the session and changes no schema.
	 */
	applyMigration: `CREATE OR REPLACE FUNCTION pg_temp.sc_apply_migration(wanted integer, wanted_name text, body text) RETURNS text LANGUAGE plpgsql AS $sc_apply$
BEGIN
	-- One runner at a time (the lock scripts/scale/migrate.ts takes), until this transaction ends.
	PERFORM pg_advisory_xact_lock(hashtext('sc_schema_migrations'));
	IF to_regclass('sc_schema_migrations') IS NOT NULL THEN
		IF EXISTS (SELECT FROM sc_schema_migrations WHERE version = wanted) THEN
			RETURN 'already applied';
		END IF;
	END IF;
	EXECUTE body;
	IF NOT EXISTS (SELECT FROM sc_schema_migrations WHERE version = wanted) THEN
		RAISE EXCEPTION 'migration % (%) did not record itself in sc_schema_migrations', wanted, wanted_name;
	END IF;
	RETURN 'applied';
END
$sc_apply$;
SELECT CAST($1 AS integer) AS version, CAST($2 AS text) AS name, pg_temp.sc_apply_migration(CAST($1 AS integer), CAST($2 AS text), CAST($3 AS text)) AS result`,

	/** Set-up: the highest migration the database has (0: none). */
	schemaVersion: `SELECT coalesce(max(version), 0) AS current, count(*) AS migrations FROM sc_schema_migrations`,
} as const;

/**
 * The full re-plan switch, run on the package's database (after a change of settings that changes
 * plans: ladders, pauses, tones): every open debtor counts as changed since it was last planned, so
 * the next daily run plans the whole portfolio again, in the same batches (the partial index
 * sc_debtors_open_changed finds them). It changes no record and no version; a debtor already planned
 * on the day the switch is thrown is planned again on the next day's run.
 */
export const FULL_REPLAN_SQL = "UPDATE sc_debtors SET planned_version = NULL WHERE status = 'open';";

/**
 * How the Postgres node sends the queries of its items: `single`, all as one query in one transaction;
 * `independently`, each as its own statement (for writes that must not hold locks on several
 * debtors' rows at once).
 */
export type QueryBatching = 'single' | 'independently';

/** Parameters of n8n's Postgres node: `query` once per item, its $1, $2, ... from the array expression `parameters`. */
export function postgresQuery(query: string, parameters: string, batching: QueryBatching = 'single'): Json {
	// Single: the queries of all items go to the server as one, in one transaction.
	return { operation: 'executeQuery', query, options: { queryReplacement: parameters, queryBatching: batching } };
}

/** Postgres node (n8n's, `postgres` credential) running `query` once per item. */
export function postgresNode(c: Canvas, name: string, position: [number, number], query: string, parameters: string, extra: Json = {}, batching: QueryBatching = 'single'): string {
	return c.add(name, 'n8n-nodes-base.postgres', POSTGRES_NODE_VERSION, position, postgresQuery(query, parameters, batching), { credentials: { postgres: POSTGRES_CREDENTIAL }, ...extra });
}

/**
 * Debtors per batch execution. One batch is one execution: n8n keeps every node's items of it in
 * memory and saves them with the execution, so the size bounds a worker's memory per job whatever the
 * portfolio; 100 records of a few kB through about 25 nodes stay well under 100 MB, and a day of 5,000
 * due debtors still makes 50 batches for the workers to share. The bench (npm run bench:scale) measures it.
 */
export const DEFAULT_BATCH_SIZE = 100;
/** Minutes a batch holds its debtors; a batch whose worker died is taken up again after this. */
export const DEFAULT_LEASE_MINUTES = 15;
/** Batches started at once per round (the HTTP calls run side by side): about the workers' job slots. */
export const DEFAULT_BATCHES_PER_ROUND = 20;
/**
 * Rounds (start batches, or wait for leases, then count again) beyond those the day's first count
 * needs (due / (batch size x batches per round)) before the dispatcher gives up: a fixed limit would
 * stop a full re-plan of a large portfolio (400,000 open debtors at the defaults) that is making progress.
 */
export const MAX_ROUNDS = 200;

/** Seconds the dispatcher waits before counting again when every due debtor is held by a running batch. */
export const WAIT_SECONDS = 10;

/** The dispatcher workflow of the daily journey on Postgres. */
export function dailyDispatcher(): Json {
	const c = new Canvas('1d000001');
	c.note(
		'Note: about',
		[-60, -420],
		760,
		380,
		[
			'## Daily collection journey (Postgres): dispatcher',
			'Every working day at 08:00 (Europe/Amsterdam) this workflow counts the debtors due today in `sc_debtors` (next step date reached, or record changed since it was last planned, and not planned today yet) and starts the **batch workflow** once per batch through its webhook, so queue mode runs the batches on any worker.',
			'It counts again after each round, until no due debtor is left unplanned for the day and no batch holds a lease. A batch whose worker died is taken up again when its lease ends.',
			'',
			'**Before the first run:** apply the schema (`sql/`, or run *Social Collections (Postgres): set up the schema*), fill in the credentials *Social Collections Postgres* and *Social Collections batch webhook* (a JWT passphrase, the same credential as the batch workflow\'s webhook), publish the batch workflow, and set *Batch webhook URL* below to its production URL.',
		].join('\n'),
		4,
	);
	const [schedule, manual] = workingDayTriggers(c, [8, 0]);
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [220, 240], assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
		['now', "={{ $now.setZone('Europe/Amsterdam').toISO() }}"],
		['batchWebhookUrl', `http://127.0.0.1:5678/webhook/${BATCH_PATH}`],
		['batchSize', String(DEFAULT_BATCH_SIZE), 'number'],
		['leaseMinutes', String(DEFAULT_LEASE_MINUTES), 'number'],
		['batchesPerRound', String(DEFAULT_BATCHES_PER_ROUND), 'number'],
	]));
	const count = postgresNode(c, 'Count due debtors', [440, 240], SQL.countDue, "={{ [$('Settings').first().json.referenceDate] }}");
	const round = c.add('This round', 'n8n-nodes-base.code', 2, [640, 240], {
		mode: 'runOnceForAllItems',
		jsCode: [
			"const settings = $('Settings').first().json;",
			'const { due, leased } = $input.first().json;',
			'const size = Math.max(1, Number(settings.batchSize) || 100);',
			'const perRound = Math.max(1, Number(settings.batchesPerRound) || 1);',
			"// Each round counts again; a day that keeps going round beyond what its first count needs means batches keep failing: stop and say so.",
			"const needed = Math.ceil(Number($('Count due debtors').first(0, 0).json.due) / (size * perRound));",
			`if ($runIndex >= needed + ${MAX_ROUNDS} && (Number(due) > 0 || Number(leased) > 0)) throw new Error('the day is not done after ' + $runIndex + ' rounds: ' + due + ' due debtors left, ' + leased + ' under a lease; see the batch workflow\\'s failed executions');`,
			'const batches = Math.min(Math.ceil(Number(due) / size), perRound);',
			'return [{ json: { round: $runIndex + 1, due: Number(due), leased: Number(leased), batches } }];',
		].join('\n'),
	});
	const left = c.add('Work left?', 'n8n-nodes-base.if', 2.2, [840, 240], isTrue('={{ $json.due > 0 || $json.leased > 0 }}'));
	const free = c.add('Due debtors to claim?', 'n8n-nodes-base.if', 2.2, [1040, 160], isTrue('={{ $json.batches > 0 }}'));
	const token = batchToken(c, BATCH_PATH, [1240, 80]);
	const batches = c.add('One item per batch', 'n8n-nodes-base.code', 2, [1440, 80], {
		mode: 'runOnceForAllItems',
		jsCode: [
			"const settings = $('Settings').first().json;",
			"const round = $('This round').last().json;",
			'const token = $input.first().json.token;',
			'return Array.from({ length: round.batches }, (_, index) => ({',
			'  json: { batch: index + 1, token, day: settings.referenceDate, now: settings.now, size: settings.batchSize, leaseMinutes: settings.leaseMinutes },',
			'}));',
		].join('\n'),
	});
	// A batch answers once it holds its debtors (or has none to claim); one that fails later leaves its
	// debtors leased until the lease ends, and the next count finds them due again.
	const call = callBatch(c, [1640, 80], '={{ JSON.stringify({ day: $json.day, now: $json.now, size: $json.size, leaseMinutes: $json.leaseMinutes }) }}');
	const done = c.add('Round done', 'n8n-nodes-base.code', 2, [1840, 80], {
		mode: 'runOnceForAllItems',
		jsCode: [
			'// Every batch of the round answered (or failed): one item to count again.',
			"return [{ json: { batches: $input.all().length, failed: $input.all().filter((item) => item.json.error || (item.json.statusCode ?? 200) >= 400).length } }];",
		].join('\n'),
	});
	const wait = c.add('Wait for running batches', 'n8n-nodes-base.wait', 1.1, [1240, 300], { amount: WAIT_SECONDS, unit: 'seconds' });
	const finished = c.add('Day done', 'n8n-nodes-base.set', 3.4, [1040, 400], assign([
		['day', "={{ $('Settings').first().json.referenceDate }}"],
		['rounds', '={{ $json.round }}', 'number'],
	]));
	c.link(schedule, settings);
	c.link(manual, settings);
	c.link(settings, count);
	c.link(count, round);
	c.link(round, left);
	c.link(left, free, 0);
	c.link(left, finished, 1);
	c.link(free, token, 0);
	c.link(token, batches);
	c.link(free, wait, 1);
	c.link(batches, call);
	c.link(call, done);
	c.link(done, count);
	c.link(wait, count);
	return c.workflow('scPgDailyDispatch1', 'Social Collections (Postgres): daily collection journey');
}

/**
 * The two triggers of a dispatcher: a schedule on working days at `at` (hour, minute; the instance's
 * time zone, Europe/Amsterdam) and a manual one.
 */
export function workingDayTriggers(c: Canvas, at: [number, number]): [string, string] {
	const [hour, minute] = at;
	const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
	const schedule = c.add(`Every working day at ${time}`, 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 160], {
		rule: { interval: [{ field: 'cronExpression', expression: `${minute} ${hour} * * 1-5` }] },
	});
	const manual = c.add('Run now (manual)', 'n8n-nodes-base.manualTrigger', 1, [0, 320]);
	return [schedule, manual];
}

/**
 * A token for a batch webhook (path `path`), one per input item, valid for an hour: signed with the
 * batch credential (BATCH_CREDENTIAL), checked by the webhook; the passphrase stays home.
 */
export function batchToken(c: Canvas, path: string, position: [number, number]): string {
	return c.add('Batch token', 'n8n-nodes-base.jwt', 1, position, {
		operation: 'sign',
		useJson: true,
		claimsJson: `={{ JSON.stringify({ sub: '${path}', exp: $now.toUnixInteger() + 3600 }) }}`,
		options: {},
	}, { credentials: { jwtAuth: BATCH_CREDENTIAL } });
}

/**
 * Calls a batch webhook once per input item (URL: Settings `batchWebhookUrl`, the item's `token` as
 * the bearer token, `body` the JSON body). The calls of the node's items run side by side; a call that
 * fails is an item too (never an error of the dispatcher), so the others go on.
 */
export function callBatch(c: Canvas, position: [number, number], body: string, response: Json = { response: { neverError: true } }): string {
	return c.add('Run a batch (webhook)', 'n8n-nodes-base.httpRequest', 4.2, position, {
		method: 'POST',
		url: "={{ $('Settings').first().json.batchWebhookUrl }}",
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: "={{ 'Bearer ' + $json.token }}" }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: body,
		options: { timeout: 1_800_000, response },
	}, { onError: 'continueRegularOutput' });
}

/**
 * The start of a batch workflow: its webhook at `path` (JWT-protected with BATCH_CREDENTIAL; answered
 * by a Respond to Webhook node of the workflow, or when the execution ends) and Settings made from the
 * request body by `assignments` (name, expression). Returns the Settings node.
 */
export function batchWebhook(c: Canvas, o: { name: string; path: string; webhookId: string; assignments: Array<[string, string]>; idPrefix: string }): string {
	const hook = c.add(o.name, 'n8n-nodes-base.webhook', 2, [0, 240], {
		httpMethod: 'POST',
		path: o.path,
		// A token the dispatcher signed with the JWT credential, checked before any work.
		authentication: 'jwtAuth',
		// Not 'lastNode': in queue mode n8n main then loads every batch execution's whole run data from
		// the database to answer, which cost main as much time and memory as a worker.
		responseMode: 'responseNode',
		options: {},
	}, { webhookId: o.webhookId, credentials: { jwtAuth: BATCH_CREDENTIAL } });
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [220, 240], {
		mode: 'manual',
		assignments: {
			assignments: o.assignments.map(([name, value], index) => ({ id: `${o.idPrefix}-${index + 1}`, name, value, type: 'string' })),
		},
		includeOtherFields: false,
		options: {},
	});
	c.link(hook, settings);
	return settings;
}

/** The day and the moment a batch works for: the dispatcher's, else today and now (Europe/Amsterdam). */
export const BATCH_DAY = "={{ /^\\d{4}-\\d{2}-\\d{2}$/.test($json.body?.day ?? '') ? $json.body.day : $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}";
export const BATCH_NOW = "={{ $json.body?.now || $now.setZone('Europe/Amsterdam').toISO() }}";

/**
 * A workflow that reads every open debtor (early warning, reversal handling), in batches: the
 * dispatcher cuts the debtors into ranges of debtor_id, the batch workflow loads one range.
 */
export interface RangeBatches {
	/** Who claims the batch's sends in sc_sends (Settings `owner`, the execution id follows it). */
	owner: string;
	/** The batch webhook's path (production URL: <n8n>/webhook/<path>) and its webhook id. */
	path: string;
	webhookId: string;
	/** Hour and minute of the dispatcher's schedule (working days). */
	at: [number, number];
	/** The dispatcher's query of the ranges (openRanges...) and the batch's load of one (loadOpenRange...). */
	ranges: string;
	load: string;
	/** The dispatcher: its workflow id and name, its canvas prefix, and what its note says the batch does. */
	id: string;
	name: string;
	canvas: string;
	does: string;
}

/** Workflow 3 on Postgres: early warning over every open debtor. */
export const EARLY_WARNING_BATCHES: RangeBatches = {
	owner: 'early-warning',
	path: 'sc-early-warning-batch',
	webhookId: '3e7a9c21-5b4d-4f0e-8a16-2c9d7b3e5f02',
	at: [9, 0],
	ranges: SQL.openRanges,
	load: SQL.loadOpenRange,
	id: 'scPgEarlyWarning03',
	name: 'Social Collections (Postgres): early warning',
	canvas: '3c000001',
	does: 'looks for early-warning signals, sends the care message and prepares the municipality signal',
};

/** Workflow 7 on Postgres: reversal handling over the open debtors whose record lists a reversal. */
export const REVERSAL_BATCHES: RangeBatches = {
	owner: 'reversals',
	path: 'sc-reversal-handling-batch',
	webhookId: '7f2b4d6e-8a1c-4e3f-9b05-6d1e8c2a4f07',
	at: [8, 30],
	ranges: SQL.openRangesWithReversals,
	load: SQL.loadOpenRangeWithReversals,
	id: 'scPgReversals07',
	name: 'Social Collections (Postgres): direct-debit reversal handling',
	canvas: '7c000001',
	does: 'answers the new direct-debit reversals',
};

/**
 * The dispatcher of a workflow that reads every open debtor (RangeBatches): on its schedule (or by
 * hand) it cuts the debtors into ranges of debtor_id of *Batch size* (one query: ids only) and calls
 * the batch workflow's webhook once per range, *Batches at once* at a time; each call answers when
 * its batch has ended, so no more batches run at once than that, whatever the portfolio. A batch that
 * failed is counted and the dispatcher's execution fails at the end, naming how many: running it again
 * is harmless (the workflows act once per arrears, per reversal, per send).
 */
export function rangeDispatcher(b: RangeBatches): Json {
	const c = new Canvas(b.canvas);
	c.note(
		'Note: about',
		[-60, -420],
		760,
		380,
		[
			`## ${b.name}: dispatcher`,
			`This workflow cuts the open debtors in \`sc_debtors\` into batches (ranges of debtor_id, *Batch size* debtors each) and starts the **batch workflow** once per batch through its webhook; the batch workflow ${b.does} for the debtors of its range. Each batch is its own execution (queue mode runs it on any worker), so the memory of one execution is bounded by the batch size at any portfolio size.`,
			'*Batches at once* batches run side by side; the next ones start when they have ended. A batch that failed is counted and this execution fails at the end: running it again is harmless, every step acts once (per arrears, per reversal, per send).',
			'',
			'**Before the first run:** apply the schema (`sql/`, or run *Social Collections (Postgres): set up the schema*), fill in the credentials *Social Collections Postgres* and *Social Collections batch webhook* (a JWT passphrase, the same credential as the batch workflow\'s webhook), publish the batch workflow, and set *Batch webhook URL* below to its production URL.',
		].join('\n'),
		4,
	);
	const [schedule, manual] = workingDayTriggers(c, b.at);
	const settings = c.add('Settings', 'n8n-nodes-base.set', 3.4, [220, 240], assign([
		['referenceDate', "={{ $now.setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd') }}"],
		['now', "={{ $now.setZone('Europe/Amsterdam').toISO() }}"],
		['batchWebhookUrl', `http://127.0.0.1:5678/webhook/${b.path}`],
		['batchSize', String(DEFAULT_BATCH_SIZE), 'number'],
		['batchesAtOnce', String(DEFAULT_BATCHES_PER_ROUND), 'number'],
	]));
	const ranges = postgresNode(c, 'Batch ranges', [440, 240], b.ranges, "={{ [Math.max(1, parseInt($('Settings').first().json.batchSize, 10) || 100)] }}", { executeOnce: true });
	const loop = c.add('Batches at once', 'n8n-nodes-base.splitInBatches', 3, [660, 240], {
		batchSize: "={{ Math.max(1, parseInt($('Settings').first().json.batchesAtOnce, 10) || 1) }}",
		options: {},
	});
	const token = batchToken(c, b.path, [880, 360]);
	// Each range beside its token, by position (the JWT node gives the token alone).
	const withToken = c.add('Range and token', 'n8n-nodes-base.merge', 3.2, [1100, 240], {
		mode: 'combine',
		combineBy: 'combineByPosition',
		options: {},
	});
	// Answered when the batch's execution has ended (200, no body), or 500 when it failed.
	const call = callBatch(c, [1320, 240], "={{ JSON.stringify({ day: $('Settings').first().json.referenceDate, now: $('Settings').first().json.now, first: $json.first, last: $json.last }) }}", {
		response: { neverError: true, fullResponse: true },
	});
	const done = c.add('All batches done', 'n8n-nodes-base.code', 2, [880, 60], {
		mode: 'runOnceForAllItems',
		jsCode: [
			'// Every batch answered: count them, and stop with an error when one failed (its execution says why).',
			'const answers = $input.all().map((item) => item.json);',
			'const failed = answers.filter((answer) => answer.error || Number(answer.statusCode ?? 0) >= 400 || !answer.statusCode).length;',
			`const debtors = $('Batch ranges').all().reduce((sum, item) => sum + Number(item.json.debtors), 0);`,
			"if (failed > 0) throw new Error(failed + ' of ' + answers.length + ' batches failed; see the batch workflow\\'s failed executions, then run this workflow again (a repeated batch does nothing twice)');",
			"return [{ json: { day: $('Settings').first().json.referenceDate, batches: answers.length, debtors } }];",
		].join('\n'),
	});
	c.link(schedule, settings);
	c.link(manual, settings);
	c.link(settings, ranges);
	c.link(ranges, loop);
	c.link(loop, done, 0);
	c.link(loop, withToken, 1, 0);
	c.link(loop, token, 1);
	c.link(token, withToken, 0, 1);
	c.link(withToken, call);
	c.link(call, loop);
	return c.workflow(b.id, b.name);
}
