-- powermap store, schema version 1.
-- Every extracted row carries provenance: the document, character offsets into its text,
-- and the pipeline version that produced it.

CREATE TABLE documents (
    id                TEXT PRIMARY KEY,          -- sha256(text)[:16], as in the extraction record
    content_hash      TEXT NOT NULL UNIQUE,      -- sha256 of the normalised text: exact duplicates
    text              TEXT NOT NULL,
    path              TEXT,
    url               TEXT,
    title             TEXT,
    author            TEXT,
    site              TEXT,
    source            TEXT,                      -- outlet or feed the user named
    published         TEXT,                      -- YYYY-MM-DD or YYYY-MM
    language          TEXT,
    input             TEXT NOT NULL,             -- what the user gave: path, URL, WARC record, JSONL line
    near_duplicate_of TEXT REFERENCES documents(id),
    similarity        REAL,                      -- estimated Jaccard similarity to near_duplicate_of
    ingested_at       TEXT NOT NULL,
    pipeline_version  TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_near_duplicate ON documents(near_duplicate_of);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

-- MinHash LSH buckets for near-duplicate detection (band number, bucket key).
CREATE TABLE minhash_bands (
    band   INTEGER NOT NULL,
    bucket TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, doc_id)
) WITHOUT ROWID;
CREATE TABLE minhash_signatures (
    doc_id    TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);

-- The full extraction record per document, as the contract defines it (JSON).
CREATE TABLE extractions (
    doc_id           TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    record           TEXT NOT NULL,
    stages           TEXT NOT NULL,             -- JSON list of the stage names that ran
    pipeline_version TEXT NOT NULL,
    extracted_at     TEXT NOT NULL
);

-- Corpus-wide actor identities: one row per actor id, whatever document mentions it.
CREATE TABLE actors (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    wikidata TEXT,
    country  TEXT,
    role     TEXT,
    code     TEXT
);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE mentions (
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id         TEXT NOT NULL REFERENCES actors(id),
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, "end", actor_id)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE quotes (
    id               INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             TEXT NOT NULL,
    speaker          TEXT REFERENCES actors(id),
    kind             TEXT NOT NULL,
    cue              TEXT,
    pipeline_version TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             TEXT NOT NULL,
    value            REAL NOT NULL,
    unit             TEXT NOT NULL,
    about            TEXT,
    subject          TEXT NOT NULL,            -- JSON list of actor ids
    period           TEXT,
    source           TEXT,
    pipeline_version TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims(doc_id);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    sentence         TEXT NOT NULL,
    source           TEXT REFERENCES actors(id),
    target           TEXT REFERENCES actors(id),
    cameo            TEXT NOT NULL,
    cameo_root       TEXT NOT NULL,            -- first two digits
    quad_class       INTEGER,                  -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover           TEXT,
    goldstein        REAL,
    negated          INTEGER NOT NULL,
    modality         TEXT NOT NULL,
    date             TEXT,                     -- resolved event date, else NULL
    pipeline_version TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_dyad ON events(source, target, date);

CREATE TABLE stances (
    id               INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    evidence         TEXT NOT NULL,
    actor            TEXT NOT NULL REFERENCES actors(id),
    concept          TEXT NOT NULL,
    agree            INTEGER NOT NULL,
    pipeline_version TEXT NOT NULL
);
CREATE INDEX stances_actor ON stances(actor);
CREATE INDEX stances_concept ON stances(concept);

-- One row per ingest run: what it was asked and what it did.
CREATE TABLE runs (
    id               INTEGER PRIMARY KEY,
    command          TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    stored           INTEGER NOT NULL DEFAULT 0,
    duplicates       INTEGER NOT NULL DEFAULT 0,
    near_duplicates  INTEGER NOT NULL DEFAULT 0,
    failed           INTEGER NOT NULL DEFAULT 0,
    pipeline_version TEXT NOT NULL
);
