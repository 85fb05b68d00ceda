-- Typed events and a drift report chain. As before, only SQL that H2 2.x and PostgreSQL both accept.

-- Every event type has a schema version; the events written before this migration are version 1
-- of their types, whose shapes have not changed.
ALTER TABLE events ADD COLUMN schema_version INT DEFAULT 1 NOT NULL;
ALTER TABLE events ADD CONSTRAINT events_schema_version_positive CHECK (schema_version >= 1);

-- Each drift report names the report of the same environment and kind that it follows (0 for the
-- first). The unique constraint makes that a compare-and-set: of two servers that check the same
-- environment at once, only one can add the report that follows a given one, and the other's
-- check runs again, sees the new report and finds nothing left to say.
ALTER TABLE drift_reports ADD COLUMN supersedes BIGINT;
UPDATE drift_reports SET supersedes = COALESCE(
  (SELECT MAX(p.id) FROM drift_reports p
   WHERE p.environment = drift_reports.environment
     AND p.drift_kind = drift_reports.drift_kind
     AND p.id < drift_reports.id), 0);
ALTER TABLE drift_reports ALTER COLUMN supersedes SET NOT NULL;
ALTER TABLE drift_reports ADD CONSTRAINT drift_reports_chain
  UNIQUE (environment, drift_kind, supersedes);
