"""The SQLite store: documents, their extraction records, and one table per extracted kind.

SQLite in WAL mode gives one writer and any number of concurrent readers in other
processes; each document and everything extracted from it is written in one transaction,
so a crash (even ``kill -9``) leaves either the whole document or nothing of it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from powermap import PIPELINE_VERSION
from powermap.ingest import dedup
from powermap.ingest.model import SourceDocument
from powermap.records import ExtractionRecord
from powermap.store import migrations
from powermap.store.corrections_log import corrected_record
from powermap.store.prepared import PreparedRecord, RecordError, checked, prepare
from powermap.store.queries import corpus_counts, fold, read_record, record_json
from powermap.store.rows import write_rows

DEFAULT_STORE = Path("powermap-data")
DB_NAME = "powermap.db"
#: Near-duplicate candidates compared per new document (those sharing the most LSH buckets).
NEAR_CANDIDATES = 32


class StoreError(RuntimeError):
    """The store cannot do what was asked (missing, corrupt, or a record that breaks the schema)."""


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add`` did: ``stored`` (new), ``near-duplicate`` (new, linked) or ``duplicate``."""

    status: str
    doc_id: str
    duplicate_of: str | None = None
    similarity: float | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A store folder holding ``powermap.db``.

    Args:
        path (Path): the store folder; created when missing unless ``readonly``.
        readonly (bool): open for reading only (what the web UI and query commands do).
    """

    def __init__(self, path: Path | str = DEFAULT_STORE, readonly: bool = False) -> None:
        self.path = Path(path)
        self.db_path = self.path / DB_NAME
        self.readonly = readonly
        if readonly:
            if not self.db_path.exists():
                raise StoreError(f"no powermap store at {self.path} (run `powermap ingest` first)")
            try:
                self.conn = self._connect(readonly=True)
                version = migrations.current_version(self.conn)
            except sqlite3.DatabaseError as err:
                raise StoreError(f"{self.db_path} is not a usable powermap store: {err}") from err
            if version == 0:
                raise StoreError(f"{self.db_path} is not a powermap store")
            newest = migrations.available()[-1][0]
            if version < newest:
                raise StoreError(
                    f"the store at {self.path} has schema version {version}; this powermap needs {newest}: "
                    f"run `powermap migrate --store {self.path}`"
                )
        else:
            if self.path.exists() and not self.path.is_dir():
                raise StoreError(f"store path {self.path} exists and is not a folder")
            self.path.mkdir(parents=True, exist_ok=True)
            try:
                self.conn = _while_locked(lambda: self._connect(readonly=False))
                _while_locked(lambda: migrations.migrate(self.conn))
            except sqlite3.DatabaseError as err:
                raise StoreError(f"{self.db_path} is not a usable powermap store: {err}") from err

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        if readonly:
            conn = sqlite3.connect(
                f"file:{self.db_path}?mode=ro", uri=True, isolation_level=None, timeout=30, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(self.db_path, isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # durable against process crashes in WAL mode
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.create_function("fold", 1, fold, deterministic=True)
        conn.row_factory = sqlite3.Row
        return conn

    def reader(self) -> sqlite3.Connection:
        """A new read-only connection (safe to use while another process writes)."""
        return self._connect(readonly=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole or rolled back whole."""
        if self.readonly:
            raise StoreError("the store was opened read-only")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def find_duplicate(self, text: str) -> str | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = ?", (dedup.content_hash(text),)
        ).fetchone()
        return row[0] if row else None

    def add(self, source: SourceDocument, record: ExtractionRecord | PreparedRecord, stages: list[str]) -> AddResult:
        """Store a document with its extraction record, unless its text is already stored.

        ``record`` may come prepared (``store.prepared.prepare``, done on a worker): the rows
        written are the same."""
        ready = self._prepared(record)
        doc = ready.record.document
        if doc.text != source.text:
            raise StoreError(f"{source.input}: the record's text is not the ingested text")
        chash, sig = ready.content_hash, ready.signature
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (chash,)).fetchone()
            if row:
                return AddResult("duplicate", row[0], duplicate_of=row[0], similarity=1.0)
            near, score = self._nearest(conn, sig)
            conn.execute(
                """INSERT INTO documents (id, content_hash, text, path, url, title, author, site, source,
                       published, language, input, near_duplicate_of, similarity, ingested_at, pipeline_version,
                       published_basis)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (
                    doc.id,
                    chash,
                    doc.text,
                    doc.path,
                    doc.url,
                    doc.title,
                    source.author,
                    source.site,
                    source.source,
                    doc.published,
                    doc.language,
                    source.input,
                    near,
                    score,
                    _now(),
                    PIPELINE_VERSION,
                    source.published_basis,
                ),
            )
            conn.execute("INSERT INTO minhash_signatures (doc_id, signature) VALUES (?, ?)", (doc.id, sig.tobytes()))
            if near is None:  # a copy is found through its original: copies never pile up in the buckets
                conn.executemany(
                    "INSERT OR IGNORE INTO minhash_bands (band, bucket, doc_id) VALUES (?, ?, ?)",
                    [(band, bucket, doc.id) for band, bucket in dedup.bands(sig)],
                )
            self._write_extraction(conn, ready, stages)
        if near:
            return AddResult("near-duplicate", doc.id, duplicate_of=near, similarity=score)
        return AddResult("stored", doc.id)

    def replace_extraction(self, record: ExtractionRecord | PreparedRecord, stages: list[str]) -> None:
        """Swap a stored document's extraction for a new one (after the pipeline improved)."""
        if isinstance(record, PreparedRecord):
            doc_id = record.record.document.id
        else:
            try:
                checked(record)  # its duplicate keys are the stored document's: not computed again
            except RecordError as err:
                raise StoreError(str(err)) from None
            doc_id = record.document.id
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                raise StoreError(f"no stored document {doc_id}")
            for table in ("mentions", "quotes", "claims", "events", "stances", "extractions"):
                conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            self._write_extraction(conn, record, stages)

    def _nearest(self, conn: sqlite3.Connection, sig: np.ndarray) -> tuple[str | None, float | None]:
        """The original this signature nearly duplicates, and the similarity (None, None: none).

        Only originals are in the LSH buckets, and only the ``NEAR_CANDIDATES`` sharing the most
        buckets are compared, so the work per document stays bounded on corpora full of copies.
        """
        keys = dedup.bands(sig)
        rows = conn.execute(
            "SELECT doc_id FROM minhash_bands WHERE "
            + " OR ".join(["(band = ? AND bucket = ?)"] * len(keys))
            + " GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT ?",
            [value for key in keys for value in key] + [NEAR_CANDIDATES],
        ).fetchall()
        candidates = [r[0] for r in rows]
        best: tuple[str | None, float | None] = (None, None)
        for doc_id in candidates:
            blob = conn.execute("SELECT signature FROM minhash_signatures WHERE doc_id = ?", (doc_id,)).fetchone()
            score = dedup.similarity(sig, np.frombuffer(blob[0], dtype=np.uint64))
            if score >= dedup.NEAR_DUPLICATE_THRESHOLD and (best[1] is None or score > best[1]):
                original = conn.execute(
                    "SELECT coalesce(near_duplicate_of, id) FROM documents WHERE id = ?", (doc_id,)
                ).fetchone()[0]
                best = (original, round(score, 3))
        return best

    @staticmethod
    def _prepared(record: ExtractionRecord | PreparedRecord) -> PreparedRecord:
        """The record checked and keyed (``StoreError`` for one the store refuses)."""
        if isinstance(record, PreparedRecord):
            return record
        try:
            return prepare(record)
        except RecordError as err:
            raise StoreError(str(err)) from None

    def _write_extraction(
        self,
        conn: sqlite3.Connection,
        given: ExtractionRecord | PreparedRecord,
        stages: list[str],
        version: str = PIPELINE_VERSION,
    ) -> None:
        """Write a record's rows, corrected (``store.corrections_log.corrected_record``); a record the
        corrections change is kept as the pipeline gave it in ``extractions.pipeline_record``."""
        if isinstance(given, PreparedRecord):
            record, pipeline, chash = given.record, given.data, given.content_hash
        else:
            record, pipeline, chash = given, given.to_dict(), None
        doc_id = record.document.id
        fixed, _missed = corrected_record(conn, pipeline, chash)
        if fixed is not pipeline:
            record = ExtractionRecord.from_dict(fixed)
        conn.execute(
            "INSERT INTO extractions (doc_id, record, stages, pipeline_version, extracted_at, pipeline_record) "
            "VALUES (?,?,?,?,?,?)",
            (doc_id, record_json(fixed), json.dumps(stages), version, _now(),
             None if fixed is pipeline else record_json(pipeline)),
        )  # fmt: skip
        write_rows(conn, doc_id, record, version)

    def start_run(self, command: str) -> int:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO runs (command, started_at, pipeline_version) VALUES (?,?,?)",
                (command, _now(), PIPELINE_VERSION),
            )
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = ?, stored = ?, duplicates = ?, near_duplicates = ?, failed = ? "
                "WHERE id = ?",
                (
                    _now(),
                    counts.get("stored", 0),
                    counts.get("duplicate", 0),
                    counts.get("near-duplicate", 0),
                    counts.get("failed", 0),
                    run_id,
                ),
            )

    # -- reading ---------------------------------------------------------------------------

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored extraction record of a document (an id prefix of 6+ characters will do)."""
        row = self.conn.execute(
            """SELECT e.record, d.text FROM extractions e JOIN documents d ON d.id = e.doc_id
               WHERE e.doc_id = ? OR (length(?) >= 6 AND e.doc_id LIKE ? || '%') LIMIT 2""",
            (doc_id, doc_id, doc_id),
        ).fetchall()
        if len(row) != 1:
            return None
        return read_record(*row[0])

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return dict(row) if row else None

    def counts(self) -> dict[str, int]:
        """Rows per table, and how many documents are near duplicates of another (one snapshot)."""
        return corpus_counts(self.conn, near_duplicates=True)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents matching an FTS5 query, best first, with a highlighted snippet."""
        rows = self.conn.execute(
            """SELECT d.id, d.title, d.published, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
               FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
               WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?""",
            (query, limit),
        ).fetchall()
        return [dict(r) for r in rows]


def open_store(path: Path | str = DEFAULT_STORE, readonly: bool = False) -> Store:
    """Open the store folder at ``path`` (see ``Store``)."""
    return Store(path, readonly=readonly)


_T = TypeVar("_T")
#: how long opening a store waits for another process that is creating or migrating it
LOCK_WAIT_SECONDS = 60.0


def _while_locked(step: Callable[[], _T]) -> _T:
    """``step()``, tried again while SQLite answers "database is locked" without waiting.

    Switching a new database to WAL and taking the exclusive lock for a migration can fail at
    once, bypassing the busy timeout, while another process does the same to the same file; a
    bounded retry turns that race into a wait (the second process then finds the schema current).
    """
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = 0.02
    while True:
        try:
            return step()
        except sqlite3.OperationalError as err:
            if ("locked" not in str(err) and "busy" not in str(err)) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)
