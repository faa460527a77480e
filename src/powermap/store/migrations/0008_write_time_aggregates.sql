-- Figures the web pages read on every request, kept up to date at write time by triggers, so
-- that reading them costs one row (or one row per actor), not a scan that grows with the store.
-- On 100,000 generated documents (1.1 million mentions) the home page counted every table and
-- the actor list grouped every mention on each request.

-- The store's state: an id chosen when this migration runs and a version that every write to the
-- facts moves on. The read caches (serve/api/relation_queries.cached) key on both instead of
-- counting the documents and events tables on every request.
CREATE TABLE store_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    store_id TEXT NOT NULL,
    version  INTEGER NOT NULL
);
INSERT INTO store_state (id, store_id, version) VALUES (1, lower(hex(randomblob(8))), 0);
CREATE TRIGGER store_state_documents_insert AFTER INSERT ON documents BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_documents_update AFTER UPDATE ON documents BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_documents_delete AFTER DELETE ON documents BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_extractions_insert AFTER INSERT ON extractions BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_extractions_update AFTER UPDATE ON extractions BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_extractions_delete AFTER DELETE ON extractions BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_actors_insert AFTER INSERT ON actors BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_actors_update AFTER UPDATE ON actors BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_actors_delete AFTER DELETE ON actors BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_corrections_insert AFTER INSERT ON corrections BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_corrections_update AFTER UPDATE ON corrections BEGIN
    UPDATE store_state SET version = version + 1;
END;
CREATE TRIGGER store_state_corrections_delete AFTER DELETE ON corrections BEGIN
    UPDATE store_state SET version = version + 1;
END;

-- Rows per table (store.queries.corpus_counts).
CREATE TABLE table_rows (name TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO table_rows (name, rows)
    SELECT 'documents', count(*) FROM documents UNION ALL SELECT 'actors', count(*) FROM actors
    UNION ALL SELECT 'mentions', count(*) FROM mentions UNION ALL SELECT 'quotes', count(*) FROM quotes
    UNION ALL SELECT 'claims', count(*) FROM claims UNION ALL SELECT 'events', count(*) FROM events
    UNION ALL SELECT 'stances', count(*) FROM stances;
CREATE TRIGGER table_rows_documents_insert AFTER INSERT ON documents BEGIN
    UPDATE table_rows SET rows = rows + 1 WHERE name = 'documents';
END;
CREATE TRIGGER table_rows_documents_delete AFTER DELETE ON documents BEGIN
    UPDATE table_rows SET rows = rows - 1 WHERE name = 'documents';
END;
CREATE TRIGGER table_rows_actors_insert AFTER INSERT ON actors BEGIN
    UPDATE table_rows SET rows = rows + 1 WHERE name = 'actors';
END;
CREATE TRIGGER table_rows_actors_delete AFTER DELETE ON actors BEGIN
    UPDATE table_rows SET rows = rows - 1 WHERE name = 'actors';
END;
CREATE TRIGGER table_rows_mentions_insert AFTER INSERT ON mentions BEGIN
    UPDATE table_rows SET rows = rows + 1 WHERE name = 'mentions';
END;
CREATE TRIGGER table_rows_mentions_delete AFTER DELETE ON mentions BEGIN
    UPDATE table_rows SET rows = rows - 1 WHERE name = 'mentions';
END;
CREATE TRIGGER table_rows_quotes_insert AFTER INSERT ON quotes BEGIN
    UPDATE table_rows SET rows = rows + 1 WHERE name = 'quotes';
END;
CREATE TRIGGER table_rows_quotes_delete AFTER DELETE ON quotes BEGIN
    UPDATE table_rows SET rows = rows - 1 WHERE name = 'quotes';
END;
CREATE TRIGGER table_rows_claims_insert AFTER INSERT ON claims BEGIN
    UPDATE table_rows SET rows = rows + 1 WHERE name = 'claims';
END;
CREATE TRIGGER table_rows_claims_delete AFTER DELETE ON claims BEGIN
    UPDATE table_rows SET rows = rows - 1 WHERE name = 'claims';
END;
CREATE TRIGGER table_rows_events_insert AFTER INSERT ON events BEGIN
    UPDATE table_rows SET rows = rows + 1 WHERE name = 'events';
END;
CREATE TRIGGER table_rows_events_delete AFTER DELETE ON events BEGIN
    UPDATE table_rows SET rows = rows - 1 WHERE name = 'events';
END;
CREATE TRIGGER table_rows_stances_insert AFTER INSERT ON stances BEGIN
    UPDATE table_rows SET rows = rows + 1 WHERE name = 'stances';
END;
CREATE TRIGGER table_rows_stances_delete AFTER DELETE ON stances BEGIN
    UPDATE table_rows SET rows = rows - 1 WHERE name = 'stances';
END;

-- Mentions and documents per actor (store.queries.list_actors, count_actors): the actor list
-- reads one row per actor, most mentioned first by its index, instead of grouping every mention.
CREATE TABLE actor_counts (
    actor_id  TEXT PRIMARY KEY REFERENCES actors(id),
    mentions  INTEGER NOT NULL,
    documents INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO actor_counts (actor_id, mentions, documents)
    SELECT actor_id, count(*), count(DISTINCT doc_id) FROM mentions GROUP BY actor_id;
CREATE INDEX actor_counts_mentions ON actor_counts(mentions DESC) WHERE mentions > 0;
CREATE TRIGGER actor_counts_mentions_insert AFTER INSERT ON mentions BEGIN
    INSERT OR IGNORE INTO actor_counts (actor_id, mentions, documents) VALUES (new.actor_id, 0, 0);
    UPDATE actor_counts SET mentions = mentions + 1,
        documents = documents + (SELECT count(*) = 1 FROM mentions WHERE actor_id = new.actor_id AND doc_id = new.doc_id)
        WHERE actor_id = new.actor_id;
END;
CREATE TRIGGER actor_counts_mentions_delete AFTER DELETE ON mentions BEGIN
    UPDATE actor_counts SET mentions = mentions - 1,
        documents = documents - NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = old.actor_id AND doc_id = old.doc_id)
        WHERE actor_id = old.actor_id;
END;
CREATE TRIGGER actor_counts_mentions_update AFTER UPDATE OF actor_id, doc_id ON mentions BEGIN
    UPDATE actor_counts SET mentions = mentions - 1,
        documents = documents - NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = old.actor_id AND doc_id = old.doc_id)
        WHERE actor_id = old.actor_id;
    INSERT OR IGNORE INTO actor_counts (actor_id, mentions, documents) VALUES (new.actor_id, 0, 0);
    UPDATE actor_counts SET mentions = mentions + 1,
        documents = documents + (SELECT count(*) = 1 FROM mentions WHERE actor_id = new.actor_id AND doc_id = new.doc_id)
        WHERE actor_id = new.actor_id;
END;

-- The events of an actor as target (the events page and the actor page filter on source OR target).
CREATE INDEX IF NOT EXISTS events_target ON events(target);
