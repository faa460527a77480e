-- A document's stances found through an index instead of a scan of the whole stances table: the
-- document page (and the cascade when a document is replaced or deleted) read every stance before;
-- on 100,000 generated documents (120,000 stances) a document page cost about 17 CPU-ms, 15 of
-- them in that scan.
CREATE INDEX IF NOT EXISTS stances_doc ON stances(doc_id);
