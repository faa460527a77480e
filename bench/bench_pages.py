"""Every page of the web UI and its JSON twin, timed over a real store (``bench_serve.py --pages``).

One client asks for every page kind (lists, filters, a document, an actor, the network, ...) with
real ids of the store, in random order, for a number of rounds after one warm-up round (the
warm-up includes the first computation of the cached corpus-wide analyses; it is reported apart).
"""

from __future__ import annotations

import os
import random
import statistics
import time
from pathlib import Path

import httpx

PAGE_BOUND_MS = 300.0
WORDS = ("kabinet", "verkiezingen", "handel", "regering", "top")  # everyday Dutch news words


def page_requests(base: str) -> list[tuple[str, str, dict]]:
    """(page kind, path, params) with real documents, actors and dyads of the store."""
    get = lambda path, **params: httpx.get(base + path, params=params, timeout=120).json()  # noqa: E731
    docs = [d["id"] for d in get("/api/documents", limit=200)["documents"]]
    actors = [a["id"] for a in get("/api/actors", limit=60)["actors"]]
    edges = get("/api/network")["edges"][:10]
    concepts = [c["concept"] for c in get("/api/stances", limit=1)["concepts"][:5]]
    rng = random.Random(1)
    out = [("index", "/", {}), ("documents", "/documents", {}), ("actors", "/actors", {}), ("quotes", "/quotes", {}),
           ("events", "/events", {}), ("claims", "/claims", {}), ("claims?disputed", "/claims", {"disputed": "true"}),
           ("stances", "/stances", {}), ("network", "/network", {}), ("network?type", "/network", {"type": "state"}),
           ("timeline", "/timeline", {}), ("documents?offset", "/documents", {"offset": 400})]  # fmt: skip
    out += [("documents?q", "/documents", {"q": w}) for w in WORDS]
    out += [("quotes?q", "/quotes", {"q": w}) for w in WORDS]
    out += [("document", f"/documents/{d}", {}) for d in rng.sample(docs, min(20, len(docs)))]
    out += [("actor", f"/actors/{a}", {}) for a in actors[:10] + rng.sample(actors, min(10, len(actors)))]
    out += [("actor?with", f"/actors/{e['source']}", {"with": e["target"]}) for e in edges[:5]]
    out += [("events?actor", "/events", {"actor": a}) for a in actors[:5]]
    out += [("events?dyad", "/events", {"actor": e["source"], "other": e["target"]}) for e in edges]
    out += [("quotes?speaker", "/quotes", {"speaker": a}) for a in actors[:5]]
    out += [("stances?concept", "/stances", {"concept": c}) for c in concepts]
    return out + [(f"api {k}", "/api" + (p if p != "/" else ""), q) for k, p, q in out]


def measure_pages(base: str, store: Path, rounds: int) -> tuple[str, float]:
    """The BENCHMARKS.md text, and the worst page kind's p95 in ms."""
    requests = page_requests(base)
    counts = httpx.get(base + "/api", timeout=120).json()["counts"]
    times: dict[str, list[float]] = {}
    warm: dict[str, float] = {}
    statuses: dict[int, int] = {}
    load_before = os.getloadavg()[0]
    rng = random.Random(2)
    with httpx.Client(base_url=base, timeout=120) as client:
        for n in range(rounds + 1):
            order = requests[:]
            rng.shuffle(order)
            for label, path, params in order:
                started = time.perf_counter()
                response = client.get(path, params=params)
                ms = (time.perf_counter() - started) * 1000
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                if n == 0:
                    warm[label] = max(warm.get(label, 0.0), ms)
                else:
                    times.setdefault(label, []).append(ms)
    load_after = os.getloadavg()[0]

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)

    rows = [
        f"| `{label}` | {len(values)} | {statistics.median(values):.0f} | {p95(values):.0f} | {max(values):.0f} | "
        f"{warm[label]:.0f} |"
        for label, values in sorted(times.items())
    ]
    worst_label, worst = max(((label, p95(values)) for label, values in times.items()), key=lambda x: x[1])
    text = f"""## Every page over the Dutch volume corpus (`bench/bench_serve.py --pages`)

`powermap serve` over the store of `../shared/corpus-volume/dpgmedia2019-nl.jsonl` (the 747 articles
ingested: {counts["documents"]} documents after duplicates, {counts["mentions"]:,} mentions,
{counts["quotes"]:,} quotes, {counts["claims"]:,} claims, {counts["events"]:,} events,
{counts["stances"]:,} stances). One client asks for every page and its JSON twin with real documents,
actors and dyads of the store ({len(requests)} requests a round, random order), {rounds} rounds after
a warm-up round.
"warm-up max" is the slowest of that first round: it includes the first computation of the network,
coalitions and timeline, which the server then keeps until the store changes.

| page | requests | p50 ms | p95 ms | max ms | warm-up max ms |
|---|---|---|---|---|---|
{chr(10).join(rows)}

**Slowest page at p95: `{worst_label}`, {worst:.0f} ms** (bound: {PAGE_BOUND_MS:.0f} ms).
Statuses: {dict(sorted(statuses.items()))}.
Load average of the machine (2 cores shared with other work): {load_before:.1f} before, {load_after:.1f} after.

Reproduce: `powermap ingest ../shared/corpus-volume/dpgmedia2019-nl.jsonl --store STORE`, then
`/usr/bin/time -v python bench/bench_serve.py --pages STORE --rounds {rounds}` (exits 1 when a page's
p95 is over the bound); this section: `POWERMAP_VOLUME_STORE=STORE python bench/run.py pages` (without
the variable it ingests the corpus once into `bench/.cache/volume-nl`).
"""
    return text, worst


VOLUME = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus-volume" / "dpgmedia2019-nl.jsonl"
CACHE = Path(__file__).resolve().parent / ".cache" / "volume-nl"


def volume_store() -> Path | None:
    """The store of the Dutch volume corpus: ``$POWERMAP_VOLUME_STORE``, else ingested once into
    ``bench/.cache/volume-nl`` (many minutes); None when the corpus is not there."""
    given = os.environ.get("POWERMAP_VOLUME_STORE")
    if given:
        return Path(given)
    if not VOLUME.exists():
        return None
    done = CACHE / "COMPLETE"
    if not done.exists():
        import subprocess
        import sys

        command = [sys.executable, "-m", "powermap", "ingest", str(VOLUME), "--store", str(CACHE), "--quiet"]
        subprocess.run(command, check=False)
        done.write_text("ingested\n", encoding="utf-8")
    return CACHE


def run(quick: bool) -> str:
    """The BENCHMARKS.md section (``python bench/run.py pages``)."""
    store = volume_store()
    if store is None:
        return "## Every page over the Dutch volume corpus\n\nSkipped: `../shared/corpus-volume` is not there.\n"
    from bench_serve import start_server

    process, base = start_server(store, 1000)
    try:
        text, _ = measure_pages(base, store, 1 if quick else 5)
    finally:
        process.terminate()
        process.wait(timeout=10)
    return text
