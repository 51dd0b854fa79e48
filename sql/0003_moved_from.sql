-- Migration 3: where a row came from when it was moved from the Data Table edition (workflow 9,
-- "Social Collections: move to Postgres"). Moving twice must not copy a row twice, and rows of the
-- contact log, tasks, intake and signals have no key of their own in the Data Tables: each moved row
-- keeps 'data-table:<table>:<row id>' here, UNIQUE, so a second move skips it. Rows written by the
-- Postgres edition have none (null; a unique index allows many nulls).
--
-- Idempotent, as every migration (docs/scale.md): ADD COLUMN IF NOT EXISTS, CREATE INDEX IF NOT EXISTS.

-- A debtor moved from the Data Tables: the row it came from, and the version the move wrote. While
-- version = moved_version nobody but the move changed the record, so a later move may bring a newer
-- Data Table record; once the Postgres edition changed it, the move leaves it alone.
ALTER TABLE sc_debtors ADD COLUMN IF NOT EXISTS moved_from text;
ALTER TABLE sc_debtors ADD COLUMN IF NOT EXISTS moved_version integer;

ALTER TABLE sc_contact_log ADD COLUMN IF NOT EXISTS moved_from text;
CREATE UNIQUE INDEX IF NOT EXISTS sc_contact_log_moved_from ON sc_contact_log (moved_from);

ALTER TABLE sc_tasks ADD COLUMN IF NOT EXISTS moved_from text;
CREATE UNIQUE INDEX IF NOT EXISTS sc_tasks_moved_from ON sc_tasks (moved_from);

ALTER TABLE sc_intake ADD COLUMN IF NOT EXISTS moved_from text;
CREATE UNIQUE INDEX IF NOT EXISTS sc_intake_moved_from ON sc_intake (moved_from);

ALTER TABLE sc_municipality_signals ADD COLUMN IF NOT EXISTS moved_from text;
CREATE UNIQUE INDEX IF NOT EXISTS sc_municipality_signals_moved_from ON sc_municipality_signals (moved_from);

INSERT INTO sc_schema_migrations (version, name) VALUES (3, 'moved_from') ON CONFLICT (version) DO NOTHING;
