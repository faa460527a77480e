-- Sort paths of the actor page, an actor's stances and a speaker's quotes on a large store (100,000
-- documents), checked with EXPLAIN QUERY PLAN (tests/test_api_sort_paths.py).
--
-- Those pages list an actor's rows newest (or oldest) document first: each of the actor's rows is
-- looked up with its document's date, and only then sorted. The rows and the documents were read
-- from their tables (a document row holds its text: about 1 KB each), which cost 5-6 microseconds
-- per row: 5-14 ms for an actor of 1,000-2,000 stances or quotes. With the indexes below the sort
-- reads indexes alone (about 1 microsecond per row) and the page's own rows are read afterwards.
--
-- A document's date by its id, without reading the document's row.
CREATE INDEX IF NOT EXISTS documents_id_published ON documents(id, published);
-- A speaker's quotes with their document and place in it (replaces quotes_speaker, its prefix).
CREATE INDEX IF NOT EXISTS quotes_speaker_doc ON quotes(speaker, doc_id, start);
DROP INDEX IF EXISTS quotes_speaker;
-- An actor's stances with their document (replaces stances_actor, its prefix; the id is the rowid).
CREATE INDEX IF NOT EXISTS stances_actor_doc ON stances(actor, doc_id);
DROP INDEX IF EXISTS stances_actor;
-- An actor's mentions with their document and place in it (replaces mentions_actor_document, its
-- prefix, which the per-actor counts kept by triggers read, and mentions_actor).
CREATE INDEX IF NOT EXISTS mentions_actor_document_start ON mentions(actor_id, doc_id, start);
DROP INDEX IF EXISTS mentions_actor_document;
DROP INDEX IF EXISTS mentions_actor;
-- The days and documents of a dyad's counted events (the actor page's dyad trend lists each
-- period's documents; its counts are kept in actor_dyad_days): read from the index alone.
CREATE INDEX IF NOT EXISTS events_dyad_counted ON events(source, target, negated, modality, day, doc_id);
