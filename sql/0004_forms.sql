-- Migration 4: the limit on attempts of the public self-service forms (workflows 4 and 5, Postgres
-- edition; issue 22 item 9). Each submission of a form's first page is one row per key it counts
-- under (its customer number, and behind a proxy the caller's address), so counting after the insert
-- has committed holds under any number of simultaneous submissions and workers (workflows/src/formStore.ts).
-- Keys are SHA-256 hashes: no customer number or address is stored. The forms delete rows older than
-- their window on every submission, so the table holds one window's attempts.
--
-- Idempotent (CREATE ... IF NOT EXISTS); the runner applies it in one transaction.

CREATE TABLE IF NOT EXISTS sc_form_attempts (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	attempt_key text NOT NULL CHECK (attempt_key <> ''),
	at timestamptz NOT NULL DEFAULT now()
);
-- The count per key in the window, and the deletion of what is older than the window.
CREATE INDEX IF NOT EXISTS sc_form_attempts_key_at ON sc_form_attempts (attempt_key, at);
CREATE INDEX IF NOT EXISTS sc_form_attempts_at ON sc_form_attempts (at);

INSERT INTO sc_schema_migrations (version, name) VALUES (4, 'forms') ON CONFLICT (version) DO NOTHING;
