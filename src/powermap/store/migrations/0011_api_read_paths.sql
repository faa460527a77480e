-- Read paths of the API on a large store (100,000 generated documents), checked with EXPLAIN QUERY PLAN.
--
-- 1. Documents by publication date, then id, with whether each is an original. ``analyse.discourse.
-- load_statements`` and ``analyse.changes_claims`` (the what-changed page) found a period's stances
-- and claims by computing the first day of every document's ``published``; they read this index from
-- the period's month on. The actor page walks it oldest first for the mentions of a much mentioned
-- actor (its page order) instead of sorting all of them.
CREATE INDEX IF NOT EXISTS documents_published_original ON documents(published, id, near_duplicate_of);

-- 2. An actor's events newest first by index (the events page filtered by an actor): as source and
-- as target, each in page order, so a page merges two index ranges instead of sorting every event
-- of the actor (the most mentioned actor of the generated corpus is in 167,000 events).
CREATE INDEX IF NOT EXISTS events_source_day ON events(source, day DESC, id);
CREATE INDEX IF NOT EXISTS events_target_day ON events(target, day DESC, id);

-- 3. The events page's facets per actor, kept at write time: for every actor (as source or target,
-- an event counted once per actor), how many of its events have each value of each facet (the CAMEO
-- root, PLOVER type, modality, the document's language, source, target and month of the counting
-- day; facet '*' is the total). The page counted them over every event of the actor on each request
-- (the most mentioned actor: 167,000 rows, 1 s). Filled from the rows here; kept by the triggers
-- below when an event is written, changed or deleted (also by a document's deletion, which cascades)
-- and when a document's language changes. ``tests/test_store_event_facets.py`` checks them against
-- counting after every kind of write.
CREATE TABLE IF NOT EXISTS actor_event_facets (
    actor_id TEXT NOT NULL,
    facet    TEXT NOT NULL,
    value    TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (actor_id, facet, value)
) WITHOUT ROWID;
DELETE FROM actor_event_facets;
INSERT INTO actor_event_facets (actor_id, facet, value, n)
SELECT actor, facet, value, count(*) FROM (
    SELECT x.actor, k.facet,
           CASE k.facet WHEN '*' THEN '' WHEN 'cameo' THEN substr(x.cameo, 1, 2) WHEN 'plover' THEN x.plover
                WHEN 'modality' THEN x.modality WHEN 'language' THEN x.language WHEN 'source' THEN x.source
                WHEN 'target' THEN x.target ELSE substr(x.day, 1, 7) END AS value
    FROM (SELECT e.id, e.source AS actor, e.source, e.target, e.cameo, e.plover, e.modality, e.day, d.language
          FROM events e LEFT JOIN documents d ON d.id = e.doc_id WHERE e.source IS NOT NULL
          UNION
          SELECT e.id, e.target, e.source, e.target, e.cameo, e.plover, e.modality, e.day, d.language
          FROM events e LEFT JOIN documents d ON d.id = e.doc_id WHERE e.target IS NOT NULL) x,
         (SELECT '*' AS facet UNION ALL SELECT 'cameo' UNION ALL SELECT 'plover' UNION ALL SELECT 'modality'
          UNION ALL SELECT 'language' UNION ALL SELECT 'source' UNION ALL SELECT 'target' UNION ALL SELECT 'month') k
) WHERE value IS NOT NULL
GROUP BY actor, facet, value;

CREATE TRIGGER actor_event_facets_insert AFTER INSERT ON events BEGIN
    INSERT INTO actor_event_facets (actor_id, facet, value, n)
    SELECT a.actor, f.facet, f.value, 1
    FROM (SELECT new.source AS actor WHERE new.source IS NOT NULL
          UNION SELECT new.target WHERE new.target IS NOT NULL) a,
         (SELECT '*' AS facet, '' AS value
          UNION ALL SELECT 'cameo', substr(new.cameo, 1, 2) UNION ALL SELECT 'plover', new.plover
          UNION ALL SELECT 'modality', new.modality
          UNION ALL SELECT 'language', (SELECT language FROM documents WHERE id = new.doc_id)
          UNION ALL SELECT 'source', new.source UNION ALL SELECT 'target', new.target
          UNION ALL SELECT 'month', substr(new.day, 1, 7)) f
    WHERE f.value IS NOT NULL
    ON CONFLICT (actor_id, facet, value) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER actor_event_facets_delete AFTER DELETE ON events BEGIN
    UPDATE actor_event_facets SET n = n - 1
    WHERE (actor_id, facet, value) IN (
        SELECT a.actor, f.facet, f.value
        FROM (SELECT old.source AS actor WHERE old.source IS NOT NULL
          UNION SELECT old.target WHERE old.target IS NOT NULL) a,
         (SELECT '*' AS facet, '' AS value
          UNION ALL SELECT 'cameo', substr(old.cameo, 1, 2) UNION ALL SELECT 'plover', old.plover
          UNION ALL SELECT 'modality', old.modality
          UNION ALL SELECT 'language', (SELECT language FROM documents WHERE id = old.doc_id)
          UNION ALL SELECT 'source', old.source UNION ALL SELECT 'target', old.target
          UNION ALL SELECT 'month', substr(old.day, 1, 7)) f
        WHERE f.value IS NOT NULL);
    DELETE FROM actor_event_facets WHERE n <= 0 AND actor_id IN (old.source, old.target);
END;
CREATE TRIGGER actor_event_facets_update AFTER UPDATE OF source, target, cameo, plover, modality, day, doc_id ON events
BEGIN
    UPDATE actor_event_facets SET n = n - 1
    WHERE (actor_id, facet, value) IN (
        SELECT a.actor, f.facet, f.value
        FROM (SELECT old.source AS actor WHERE old.source IS NOT NULL
          UNION SELECT old.target WHERE old.target IS NOT NULL) a,
         (SELECT '*' AS facet, '' AS value
          UNION ALL SELECT 'cameo', substr(old.cameo, 1, 2) UNION ALL SELECT 'plover', old.plover
          UNION ALL SELECT 'modality', old.modality
          UNION ALL SELECT 'language', (SELECT language FROM documents WHERE id = old.doc_id)
          UNION ALL SELECT 'source', old.source UNION ALL SELECT 'target', old.target
          UNION ALL SELECT 'month', substr(old.day, 1, 7)) f
        WHERE f.value IS NOT NULL);
    DELETE FROM actor_event_facets WHERE n <= 0 AND actor_id IN (old.source, old.target);
    INSERT INTO actor_event_facets (actor_id, facet, value, n)
    SELECT a.actor, f.facet, f.value, 1
    FROM (SELECT new.source AS actor WHERE new.source IS NOT NULL
          UNION SELECT new.target WHERE new.target IS NOT NULL) a,
         (SELECT '*' AS facet, '' AS value
          UNION ALL SELECT 'cameo', substr(new.cameo, 1, 2) UNION ALL SELECT 'plover', new.plover
          UNION ALL SELECT 'modality', new.modality
          UNION ALL SELECT 'language', (SELECT language FROM documents WHERE id = new.doc_id)
          UNION ALL SELECT 'source', new.source UNION ALL SELECT 'target', new.target
          UNION ALL SELECT 'month', substr(new.day, 1, 7)) f
    WHERE f.value IS NOT NULL
    ON CONFLICT (actor_id, facet, value) DO UPDATE SET n = n + 1;
END;
-- a document's deletion deletes its events after the document (the cascade): their language is
-- taken off here, while the document is still there (an event's own trigger then finds none)
CREATE TRIGGER actor_event_facets_document_delete BEFORE DELETE ON documents WHEN old.language IS NOT NULL BEGIN
    UPDATE actor_event_facets SET n = n - (SELECT count(*) FROM (SELECT source AS actor, id FROM events WHERE doc_id = old.id AND source IS NOT NULL
              UNION SELECT target, id FROM events WHERE doc_id = old.id AND target IS NOT NULL) x WHERE x.actor = actor_event_facets.actor_id)
    WHERE facet = 'language' AND value = old.language
      AND actor_id IN (SELECT actor FROM (SELECT source AS actor, id FROM events WHERE doc_id = old.id AND source IS NOT NULL
              UNION SELECT target, id FROM events WHERE doc_id = old.id AND target IS NOT NULL));
    DELETE FROM actor_event_facets WHERE n <= 0 AND facet = 'language' AND value = old.language;
END;
CREATE TRIGGER actor_event_facets_language AFTER UPDATE OF language ON documents
WHEN old.language IS NOT new.language BEGIN
    UPDATE actor_event_facets SET n = n - (SELECT count(*) FROM (SELECT source AS actor, id FROM events WHERE doc_id = new.id AND source IS NOT NULL
              UNION SELECT target, id FROM events WHERE doc_id = new.id AND target IS NOT NULL) x WHERE x.actor = actor_event_facets.actor_id)
    WHERE facet = 'language' AND value = old.language
      AND actor_id IN (SELECT actor FROM (SELECT source AS actor, id FROM events WHERE doc_id = new.id AND source IS NOT NULL
              UNION SELECT target, id FROM events WHERE doc_id = new.id AND target IS NOT NULL));
    DELETE FROM actor_event_facets WHERE n <= 0 AND facet = 'language' AND value = old.language;
    INSERT INTO actor_event_facets (actor_id, facet, value, n)
    SELECT x.actor, 'language', new.language, count(*) FROM (SELECT source AS actor, id FROM events WHERE doc_id = new.id AND source IS NOT NULL
              UNION SELECT target, id FROM events WHERE doc_id = new.id AND target IS NOT NULL) x
    WHERE new.language IS NOT NULL GROUP BY x.actor
    ON CONFLICT (actor_id, facet, value) DO UPDATE SET n = n + excluded.n;
END;

-- 4. The names an actor is mentioned by, with how often, kept at write time (the actor page's
-- aliases grouped every mention of the actor by its text: 176,000 for the most mentioned actor).
-- Filled from the mentions here; kept by the triggers below when a mention is written, moved to
-- another actor, given another text or deleted (a document's deletion cascades to its mentions).
CREATE TABLE IF NOT EXISTS actor_mention_texts (
    actor_id TEXT NOT NULL,
    text     TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (actor_id, text)
) WITHOUT ROWID;
DELETE FROM actor_mention_texts;
INSERT INTO actor_mention_texts (actor_id, text, n) SELECT actor_id, text, count(*) FROM mentions GROUP BY actor_id, text;
CREATE TRIGGER actor_mention_texts_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO actor_mention_texts (actor_id, text, n) VALUES (new.actor_id, new.text, 1)
    ON CONFLICT (actor_id, text) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER actor_mention_texts_delete AFTER DELETE ON mentions BEGIN
    UPDATE actor_mention_texts SET n = n - 1 WHERE actor_id = old.actor_id AND text = old.text;
    DELETE FROM actor_mention_texts WHERE actor_id = old.actor_id AND text = old.text AND n <= 0;
END;
CREATE TRIGGER actor_mention_texts_update AFTER UPDATE OF actor_id, text ON mentions BEGIN
    UPDATE actor_mention_texts SET n = n - 1 WHERE actor_id = old.actor_id AND text = old.text;
    DELETE FROM actor_mention_texts WHERE actor_id = old.actor_id AND text = old.text AND n <= 0;
    INSERT INTO actor_mention_texts (actor_id, text, n) VALUES (new.actor_id, new.text, 1)
    ON CONFLICT (actor_id, text) DO UPDATE SET n = n + 1;
END;
