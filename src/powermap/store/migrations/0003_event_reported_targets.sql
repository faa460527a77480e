-- Events read inside reported speech, and the further targets coordinated with an event's
-- target (one action aimed at several actors), as the record's Event has them.
ALTER TABLE events ADD COLUMN reported INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN other_targets TEXT;  -- JSON array of actor ids, NULL when none
