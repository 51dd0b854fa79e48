-- Migration 2: due-today work for the Postgres edition of the daily journey (docs/scale.md, "The
-- daily journey on Postgres"): the day a debtor was last planned, the version a batch claimed it at,
-- an index for "changed since planned", and the send claims that keep two workers from sending the
-- same contact.
--
-- Idempotent (ADD COLUMN IF NOT EXISTS, CREATE ... IF NOT EXISTS); the runner applies it in one transaction.

-- The day the journey last decided for this debtor: a debtor gets one decision per day, so the daily
-- claim passes over those planned today (also when their record changed since: they are due tomorrow).
ALTER TABLE sc_debtors ADD COLUMN IF NOT EXISTS planned_on date;
-- The version a batch claimed the debtor at. Planning sets planned_version from it (not from the
-- version at the time of writing): a record changed while the batch ran stays "changed since planned".
ALTER TABLE sc_debtors ADD COLUMN IF NOT EXISTS leased_version integer;

-- The second half of the daily claim: open debtors never planned or changed since they were planned
-- (the first half, next_step_date <= day, uses sc_debtors_open_next_step).
CREATE INDEX IF NOT EXISTS sc_debtors_open_changed ON sc_debtors (debtor_id)
	WHERE status = 'open' AND (planned_version IS NULL OR version > planned_version);

-- One row per contact a journey is sending or sent, keyed by the Channel Sender's contact key
-- (delivery.contactKey: debtor, claims, stage and journey step). A batch inserts the row before it
-- sends (ON CONFLICT DO NOTHING: of two workers one gets it), and settles it after: `sent` when the
-- provider accepted, `unconfirmed` when the outcome is unknown; a send that certainly failed gives its
-- row up, so a later run may send. A row still `sending` after its run ended means the run stopped
-- mid-send: the outcome is unknown and a person checks it.
CREATE TABLE IF NOT EXISTS sc_sends (
	idempotency_key text PRIMARY KEY CHECK (idempotency_key <> ''),
	debtor_id text NOT NULL,
	day date NOT NULL,
	status text NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'unconfirmed')),
	-- Who claimed it (the batch's lease owner), and when it was claimed or last settled.
	claimed_by text,
	at timestamptz NOT NULL DEFAULT now(),
	-- Set when sent: the channel that took it, that channel's idempotency key, the provider's message id.
	channel text,
	channel_key text,
	message_id text
);
CREATE INDEX IF NOT EXISTS sc_sends_debtor ON sc_sends (debtor_id, day);

INSERT INTO sc_schema_migrations (version, name) VALUES (2, 'due_today') ON CONFLICT (version) DO NOTHING;
