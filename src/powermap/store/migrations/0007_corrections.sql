-- Corrections a person made to extracted facts, kept apart from the pipeline's output so that
-- they survive a re-extraction and can be undone. A fact is anchored by its document's content
-- hash, its kind and its character span (stable across pipeline versions); corpus-wide actor
-- corrections (merge, alias) name actor ids instead. `before` and `after` are JSON: the fact as
-- the store had it and as the person set it (`after` is null for a fact marked wrong).
CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY,
    created_at   TEXT NOT NULL,
    author       TEXT NOT NULL,
    action       TEXT NOT NULL,             -- wrong, right, speaker, event, polarity, merge, split, alias
    kind         TEXT NOT NULL,             -- mention, quote, claim, event, stance, actor
    content_hash TEXT,                      -- documents.content_hash of the fact's document; NULL: corpus-wide
    doc_id       TEXT,                      -- the document when the correction was made (for reading)
    start        INTEGER,
    "end"        INTEGER,
    actor        TEXT,                      -- the actor an actor correction is about
    before       TEXT,
    after        TEXT,
    note         TEXT,
    undone_at    TEXT,
    undone_by    TEXT
);
CREATE INDEX corrections_document ON corrections(content_hash, undone_at);
CREATE INDEX corrections_actor ON corrections(actor);
-- The pipeline's own record of a document whose `record` corrections changed (NULL: unchanged),
-- so that undoing a correction or re-applying them all starts again from what the pipeline said.
ALTER TABLE extractions ADD COLUMN pipeline_record TEXT;
