-- Migration 1: the Postgres store of the package (the tables the Data Table edition keeps in n8n
-- Data Tables, for portfolios above their 200 MiB cap), plus what many workers need: a version per
-- debtor record for optimistic concurrency and a lease for batches claimed with SKIP LOCKED.
--
-- Idempotent: every statement may run again on a database that has it (CREATE ... IF NOT EXISTS,
-- CREATE OR REPLACE). Apply in one transaction; the migration runner does, by hand use
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 --single-transaction -f sql/0001_initial.sql
-- Names are snake_case with the prefix sc_. docs/scale.md describes every table.

-- Which migrations this database has; each migration records itself on its last line.
CREATE TABLE IF NOT EXISTS sc_schema_migrations (
	version integer PRIMARY KEY,
	name text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
);

-- One row per debtor: the debtor record (docs/debtor-model.md) as JSON.
CREATE TABLE IF NOT EXISTS sc_debtors (
	debtor_id text PRIMARY KEY,
	status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	record jsonb NOT NULL CHECK (record ->> 'debtorId' = debtor_id),
	-- The day the journey next has something to do for this debtor (null: nothing planned yet).
	next_step_date date,
	-- Raised by the trigger below on every change of record or status: writers compare and set
	-- (UPDATE ... WHERE debtor_id = $1 AND version = $2), so two workers never overwrite each other.
	version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
	-- The version the journey last planned from; version > planned_version means "changed since".
	planned_version integer,
	-- A batch claimed by one run (UPDATE ... WHERE debtor_id IN (SELECT ... FOR UPDATE SKIP LOCKED)):
	-- who holds it and until when. An expired lease may be claimed again: that is how a batch whose
	-- worker died is taken up, since n8n does not retry a stalled job.
	lease_owner text,
	leased_until timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now()
);
-- The daily claim reads open debtors due by a day, oldest first.
CREATE INDEX IF NOT EXISTS sc_debtors_open_next_step ON sc_debtors (next_step_date, debtor_id) WHERE status = 'open';

CREATE OR REPLACE FUNCTION sc_debtors_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- A lease or a planning mark is not a change of the debtor: only record and status raise the version.
	IF NEW.record IS DISTINCT FROM OLD.record OR NEW.status IS DISTINCT FROM OLD.status THEN
		NEW.version := OLD.version + 1;
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS sc_debtors_bump_version ON sc_debtors;
CREATE TRIGGER sc_debtors_bump_version BEFORE UPDATE ON sc_debtors
	FOR EACH ROW EXECUTE FUNCTION sc_debtors_bump_version();

-- One row per decision of a journey and per delivery status (the audit trail of every contact).
CREATE TABLE IF NOT EXISTS sc_contact_log (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	logged_at timestamptz NOT NULL DEFAULT now(),
	day date NOT NULL,
	debtor_id text NOT NULL,
	decision text,
	stage text,
	channel text,
	claim_ids text[] NOT NULL DEFAULT '{}',
	status text,
	reason text,
	moment timestamptz,
	template_id text,
	-- The Channel Sender's key of a send: a second record of the same send is refused. Null for a
	-- decision without a send (an empty key would make every such row collide: refused too).
	idempotency_key text UNIQUE CHECK (idempotency_key <> ''),
	message_id text
);
CREATE INDEX IF NOT EXISTS sc_contact_log_debtor ON sc_contact_log (debtor_id, logged_at);
CREATE INDEX IF NOT EXISTS sc_contact_log_day ON sc_contact_log (day);
-- Delivery reports name the provider's message id.
CREATE INDEX IF NOT EXISTS sc_contact_log_message ON sc_contact_log (message_id) WHERE message_id IS NOT NULL;

-- Tasks for a person (care calls, messages no channel could deliver).
CREATE TABLE IF NOT EXISTS sc_tasks (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	opened_at timestamptz NOT NULL DEFAULT now(),
	day date NOT NULL,
	debtor_id text NOT NULL,
	stage text,
	claim_ids text[] NOT NULL DEFAULT '{}',
	why text NOT NULL,
	done boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS sc_tasks_open ON sc_tasks (day) WHERE NOT done;

-- Every ERP event received, with its outcome. An event is accepted once: a replay of an accepted
-- eventId is logged as 'duplicate', a second 'accepted' row for it is refused. A rejected event may
-- lack an eventId (that can be why it was rejected).
CREATE TABLE IF NOT EXISTS sc_intake (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	event_id text,
	received_at timestamptz NOT NULL DEFAULT now(),
	type text,
	debtor_id text,
	result text NOT NULL CHECK (result IN ('accepted', 'rejected', 'duplicate')),
	reason text,
	CHECK (result <> 'accepted' OR coalesce(event_id, '') <> '')
);
CREATE UNIQUE INDEX IF NOT EXISTS sc_intake_accepted_once ON sc_intake (event_id) WHERE result = 'accepted';
CREATE INDEX IF NOT EXISTS sc_intake_event ON sc_intake (event_id);

-- Early-warning signals prepared for a person to check and submit to the municipality.
CREATE TABLE IF NOT EXISTS sc_municipality_signals (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	prepared_on date NOT NULL,
	debtor_id text NOT NULL,
	name text,
	street text,
	postal_code text,
	city text,
	email text,
	phone text,
	arrears_cents bigint CHECK (arrears_cents >= 0),
	arrears_since date,
	personal_contact_on date,
	debt_help_pointer_on date,
	reminder_with_offer_on date,
	status text NOT NULL,
	submitted_on date
);
CREATE INDEX IF NOT EXISTS sc_municipality_signals_debtor ON sc_municipality_signals (debtor_id, prepared_on);

INSERT INTO sc_schema_migrations (version, name) VALUES (1, 'initial') ON CONFLICT (version) DO NOTHING;
