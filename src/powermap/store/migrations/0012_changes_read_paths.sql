-- Read paths of the what-changed report (``analyse/changes*.py``, ``/api/changes``) on a large store
-- (100,000 generated documents), checked with EXPLAIN QUERY PLAN. An index only: nothing to keep in step.
--
-- A period's statements (``analyse.discourse.load_statements`` without their evidence text, as the
-- report's coalitions and stance changes read them): the documents of the period come from
-- ``documents_published_original`` (migration 11), their stances from this index alone, without
-- reading the stance rows (which carry the evidence sentence).
CREATE INDEX IF NOT EXISTS stances_doc_statement ON stances(doc_id, id, actor, concept, agree);
