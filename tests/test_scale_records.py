"""Forked workers store what one process stores: real dev articles, every stage, every table row."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from powermap.extract import Extractor
from powermap.ingest.guard import extract_guarded
from powermap.records import Actor, Document, ExtractionRecord, Quote, document_id
from powermap.scale import ForkPool, pool
from powermap.store import StoreError, open_store
from powermap.store.prepared import PreparedRecord, prepare, prepare_outcome

from .test_scale_dask import STAGES

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = {code: sorted((SHARED / "corpus-dev" / code).glob("*.txt")) for code in ("nl", "en")}
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers are Linux's")

#: Tables whose rows depend on when or where the store was made, not on what was extracted.
NOT_COMPARED = ("runs", "store_state", "sqlite_")


def table_rows(store: Path) -> dict[str, list[tuple]]:
    """Every row of every extraction table (columns ending in ``_at`` left out), sorted."""
    conn = sqlite3.connect(store / "powermap.db")
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    rows = {}
    for name in names:
        if name.startswith(NOT_COMPARED) or "_fts" in name:
            continue
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if not r[1].endswith("_at")]
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows[name] = sorted(conn.execute(f"SELECT {quoted} FROM {name}").fetchall(), key=repr)
    conn.close()
    return rows


@linux_only
@pytest.mark.skipif(len(DEV["nl"]) < 4 or len(DEV["en"]) < 2, reason="needs ../shared/corpus-dev")
def test_forked_ingest_of_dev_articles_stores_the_rows_of_one_process(tmp_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in DEV["nl"][:4] + DEV["en"][:2]:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    common = ["--published", "2019-03-01", "--json"]
    single = cli("ingest", str(folder), "--store", str(tmp_path / "one"), *common)
    forked = cli("ingest", str(folder), "--store", str(tmp_path / "two"), "--workers", "2", *common)
    assert single.returncode == 0, single.stderr
    assert forked.returncode == 0, forked.stderr
    one, two = table_rows(tmp_path / "one"), table_rows(tmp_path / "two")
    assert len(one["documents"]) == 6 and one["mentions"] and one["events"]
    assert one == two


@linux_only
def test_a_language_the_first_documents_did_not_show_loads_in_the_workers(monkeypatch):
    monkeypatch.setattr(pool, "LANGUAGE_SAMPLE", 1)
    texts = [
        ("nl", "De premier van Noorwegen sprak woensdag in Oslo met de Zweedse minister over 40 miljoen euro."),
        ("en", "The Canadian minister met her Mexican colleague in Ottawa on Friday to discuss 15 percent tariffs."),
    ]
    docs = [Document(id=document_id(t), text=t, language=code, published="2024-05-01") for code, t in texts]
    extractor = Extractor(STAGES.split(","))
    single = [extract_guarded(extractor, doc, None) for doc in docs]
    with ForkPool(Extractor(STAGES.split(",")), workers=2, batch_size=1) as forked:
        pairs = list(forked.map(docs, prepared=True))
        assert forked.warmed == ["nl"]
    outcomes = [outcome for _, outcome in pairs]
    assert all(isinstance(o, PreparedRecord) for o in outcomes)
    assert [o.record.to_dict() for o in outcomes] == [r.to_dict() for r in single]  # type: ignore[union-attr]
    assert [o.data for o in outcomes] == [r.to_dict() for r in single]  # type: ignore[union-attr]


def broken_record() -> ExtractionRecord:
    text = "Een woordvoerder zei: 'Wij gaan door.'"
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language="nl"))
    record.actors = [Actor(id="a1", name="Woordvoerder", type="person")]
    start = text.index("'")
    record.quotes = [Quote(start=start, end=len(text), text=text[start:], speaker="a9", kind="direct")]
    return record


def test_a_worker_refuses_a_record_in_the_words_of_the_store(tmp_path):
    record = broken_record()
    with pytest.raises(StoreError) as refused:
        open_store(tmp_path / "s").add(_source(record), record, ["test"])
    assert prepare_outcome(record) == f"not stored: {refused.value}"
    assert "a9" in str(refused.value)


def test_a_prepared_record_is_stored_as_the_plain_one(tmp_path):
    record = broken_record()
    record.quotes[0].speaker = "a1"
    plain, ready = open_store(tmp_path / "plain"), open_store(tmp_path / "ready")
    plain.add(_source(record), record, ["test"])
    ready.add(_source(record), prepare(record), ["test"])
    plain.close()
    ready.close()
    assert table_rows(tmp_path / "plain") == table_rows(tmp_path / "ready")


def _source(record: ExtractionRecord):
    from powermap.ingest.model import SourceDocument

    return SourceDocument(text=record.document.text, input="test")
