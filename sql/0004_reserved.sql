-- Migration 4: reserved for branch pg-editions (issue 17), which owns this number. This placeholder
-- only keeps the versions without a gap on branches that add migration 5 before it: when the real
-- migration 4 is merged, delete this file (two files numbered 4 are refused by the runner).
INSERT INTO sc_schema_migrations (version, name) VALUES (4, 'reserved') ON CONFLICT (version) DO NOTHING;
