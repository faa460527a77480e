-- The few events with coordinated targets, found without a scan of the whole events table
-- (the dyad loader reads them in a second query, once per analysis).
CREATE INDEX IF NOT EXISTS events_other_targets ON events(id) WHERE other_targets IS NOT NULL;
