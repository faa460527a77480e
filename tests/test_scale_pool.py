"""Forked workers: the records of one process, and no worker outlives the run, a Ctrl-C or a kill."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from powermap.extract import Extractor
from powermap.records import Document, ExtractionRecord, document_id
from powermap.scale import DaskExtractor, ForkPool, warm_up

from .test_scale_dask import ARTICLES, STAGES, stored_records

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork and PR_SET_PDEATHSIG are Linux's")


def documents(texts: list[str]) -> list[Document]:
    return [Document(id=document_id(t), text=t, published="2024-05-01") for t in texts]


def as_dicts(pairs) -> dict[str, dict]:
    return {doc.id: outcome.to_dict() for doc, outcome in pairs}


def test_pool_returns_every_document_in_order_with_the_single_process_records():
    extractor = Extractor(STAGES.split(","))
    texts = [f"{text} ({n})" for n in range(5) for text in ARTICLES]  # 20 documents, batches of 3
    single = as_dicts((doc, extractor(doc)) for doc in documents(texts))
    with ForkPool(extractor, workers=2, batch_size=3) as pool:
        pairs = list(pool.map(documents(texts), window=2))
    assert [doc.text for doc, _ in pairs] == texts
    assert all(isinstance(outcome, ExtractionRecord) for _, outcome in pairs)
    assert as_dicts(pairs) == single


GATE: list[Path] = []  # the folder a gated batch counts the other batches in (set before the fork)
OTHERS = 8


def gated_batch(documents: list[Document], prepared: bool = False) -> list[str]:
    """A batch that stands for extraction: the one called "head" ends only once every other batch has."""
    folder = GATE[0]
    if documents[0].text != "head":
        (folder / documents[0].id).touch()
        return ["done"] * len(documents)
    deadline = time.monotonic() + 60
    while len(list(folder.iterdir())) < OTHERS and time.monotonic() < deadline:
        time.sleep(0.02)
    return ["others ended first" if len(list(folder.iterdir())) >= OTHERS else "others waited"] * len(documents)


def test_a_slow_batch_at_the_head_leaves_no_worker_idle(tmp_path, monkeypatch):
    from powermap.scale import pool as pool_module

    monkeypatch.setattr(pool_module, "_extract_batch", gated_batch)
    GATE[:] = [tmp_path]
    texts = ["head"] + [f"other {n}" for n in range(OTHERS)]
    docs = [Document(id=document_id(t), text=t, language="xx") for t in texts]
    with ForkPool(Extractor(STAGES.split(",")), workers=2, batch_size=1) as forked:
        forked.start([])
        outcomes = [outcome for _, outcome in forked.map(docs, window=2)]
    assert outcomes == ["others ended first"] + ["done"] * OTHERS


def worker_pid(documents: list[Document], prepared: bool = False) -> list[int]:
    """A batch that stands for extraction and answers which worker ran it."""
    return [os.getpid()] * len(documents)


def test_workers_are_replaced_by_fresh_forks_after_recycle_after_documents(monkeypatch):
    from powermap.scale import pool as pool_module

    monkeypatch.setattr(pool_module, "_extract_batch", worker_pid)
    docs = [Document(id=document_id(f"text {n}"), text=f"text {n}", language="en") for n in range(48)]
    extractor = Extractor(STAGES.split(","))
    with ForkPool(extractor, workers=2, batch_size=4, recycle_after=8) as forked:
        recycled = [pid for _, pid in forked.map(docs, window=2)]  # new workers every 16 documents
    with ForkPool(extractor, workers=2, batch_size=4, recycle_after=None) as forked:
        kept = {pid for _, pid in forked.map(docs, window=2)}
    rounds = [set(recycled[:16]), set(recycled[16:32]), set(recycled[32:])]
    assert all(a.isdisjoint(b) for a, b in itertools.combinations(rounds, 2))  # each round its own forks
    assert len(kept) <= 2 and os.getpid() not in kept


def test_dask_workers_give_the_same_records():
    extractor = Extractor(STAGES.split(","))
    docs = documents(ARTICLES)
    with DaskExtractor(STAGES.split(","), workers=1) as cluster:
        got = as_dicts(cluster.map(docs))
    assert got == as_dicts((doc, extractor(doc)) for doc in docs)


def test_warm_up_runs_every_language_with_a_warm_up_sentence():
    assert warm_up(Extractor(STAGES.split(",")), ["en", "nl", "de"]) == ["en", "nl"]


def test_languages_without_data_warm_every_language_up():
    with ForkPool(Extractor(STAGES.split(",")), workers=1) as forked:
        forked.start(["es", "xx"])
        assert forked.warmed == ["en", "nl"]


def test_a_pool_needs_a_worker():
    with pytest.raises(ValueError, match="at least one worker"):
        ForkPool(Extractor(STAGES.split(",")), workers=0)


def test_closed_pool_leaves_no_worker_behind():
    before = set(psutil.Process().children())
    with ForkPool(Extractor(STAGES.split(",")), workers=2) as pool:
        pool.start(["nl"])
        children = [p for p in psutil.Process().children() if p not in before]
        assert len(children) == 2
        list(pool.map(documents(ARTICLES)))
    _gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive


def slow_ingest(tmp_path: Path) -> tuple[subprocess.Popen, list[psutil.Process]]:
    """An ingest on two workers of enough documents to be killed while its workers run."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(200):
        (folder / f"{n}.txt").write_text(f"{ARTICLES[n % len(ARTICLES)]} Bericht {n}.", encoding="utf-8")
    command = [sys.executable, "-m", "powermap", "ingest", str(folder), "--store", str(tmp_path / "s")]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--stages", STAGES, "--published", "2024-05-01", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    parent = psutil.Process(process.pid)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(parent.children()) < 2:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        time.sleep(0.2)
    children = parent.children(recursive=True)
    assert len(children) >= 2, "the ingest never started its workers"
    return process, children


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_no_worker_survives_its_parent(tmp_path, sig):
    process, children = slow_ingest(tmp_path)
    process.send_signal(sig)
    process.wait(timeout=60)
    _gone, alive = psutil.wait_procs(children, timeout=20)
    assert not alive, f"workers left running after {sig.name}: {[p.pid for p in alive]}"


def test_forked_ingest_stores_what_a_single_process_stores(tmp_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(ARTICLES * 5):
        (folder / f"{n}.txt").write_text(f"{text} Nummer {n}.", encoding="utf-8")
    common = ["--published", "2024-05-01", "--stages", STAGES, "--json"]
    single = cli("ingest", str(folder), "--store", str(tmp_path / "a"), *common)
    forked = cli("ingest", str(folder), "--store", str(tmp_path / "b"), "--workers", "2", *common)
    assert single.returncode == 0 and forked.returncode == 0, forked.stderr
    counts = ("stored", "near_duplicates", "duplicates", "failed")
    summaries = [json.loads(run.stdout) for run in (single, forked)]
    assert [[s[c] for c in counts] for s in summaries] == [[4, 16, 0, 0]] * 2
    assert stored_records(tmp_path / "a") == stored_records(tmp_path / "b")


def test_warm_up_preloads_what_stages_load_only_on_rare_input():
    from powermap.extract.actors.actor_types import common_words

    common_words.cache_clear()
    warm_up(Extractor(STAGES.split(",")), ["nl"])
    assert common_words.cache_info().currsize == 1


def worker_zones(documents: list[Document], prepared: bool = False) -> list[bool]:
    """A batch that stands for extraction and answers whether its worker annotates in zones."""
    from powermap.scale import pool as pool_module

    return [bool(pool_module._extractor and pool_module._extractor.memory_zones)] * len(documents)


def test_recycled_workers_annotate_without_zones_and_kept_ones_with(monkeypatch):
    """Recycling bounds a worker's memory, so it skips the zones' CPU; a worker that is never
    replaced keeps them, and so does the parent's own extractor."""
    from powermap.scale import pool as pool_module

    monkeypatch.setattr(pool_module, "_extract_batch", worker_zones)
    docs = [Document(id=document_id(f"text {n}"), text=f"text {n}", language="en") for n in range(16)]
    extractor = Extractor(STAGES.split(","))
    with ForkPool(extractor, workers=2, batch_size=4, recycle_after=8) as forked:
        assert {zones for _, zones in forked.map(docs, window=2)} == {False}
    with ForkPool(extractor, workers=2, batch_size=4, recycle_after=None) as forked:
        assert {zones for _, zones in forked.map(docs, window=2)} == {True}
    assert extractor.memory_zones
