"""Every JSON endpoint of the API on a large store, with one client and with several at once.

The store holds ``--docs`` generated documents (``bench/generate_corpus.py``): synthetic records
written through the store's normal write path (``Store.add``), WITHOUT running the NLP pipeline,
so that 100,000 documents take minutes, not hours. ``powermap serve`` runs on 127.0.0.1; every
endpoint is first asked once (the corpus-wide analyses are built then, outside the timing), then
``--rounds`` times by one client, then by ``--clients`` clients at once, each asking every endpoint
in its own shuffled order, then ``--cpu-rounds`` times by one client while the server's CPU time is
read (CPU milliseconds per request: what decides the latency when clients queue on the cores). Every
request has a timeout and the number of requests is fixed, so the run is bounded. The bound the
issue sets: p95 under 100 ms for every endpoint, both ways.

Those phases ask each endpoint with the SAME parameters again and again, so every request after the
first is a kept response. The varied phase (``bench/api_varied.py``, after "first" and before the
repeated phases) asks each parameterised endpoint with a DIFFERENT actor, document, query or page
every time, drawn deterministically from the store (actors at spread mention-count ranks, the most
mentioned ones included; documents spread over the store; words of titles and quotes; pages further down), by one
client and then by ``--clients`` at once, never repeating a parameter set: what a reader who clicks
from page to page pays. It has its own p50/p95 and the server's CPU per request.

    python bench/bench_api.py --store /tmp/copy --rounds 20 --clients 8  # a copy the server may migrate

    python bench/bench_api.py --docs 100000 --rounds 20 --clients 8   # exits 1 when a p95 >= 100 ms
    python bench/run.py api                                           # the BENCHMARKS.md section
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_varied import draws, run_phase
from bench_serve import p95, start_server
from generate_corpus import cached_store

BOUND_MS = 100.0
TIMEOUT_S = 60.0
QUIET_S = 10  # seconds of a still CPU that end the wait for the server's background work
#: ``--only``: the label prefixes of the endpoints measured (None: all)
ONLY: tuple[str, ...] | None = None
#: ``--serve-arg``: more arguments for ``powermap serve`` (e.g. ``--ahead-months=0``)
SERVE_ARGS: tuple[str, ...] = ()


def _only(label: str) -> bool:
    """Whether an endpoint label is measured (``--only``)."""
    return ONLY is None or label.startswith(ONLY)


def endpoints(store: Path) -> list[tuple[str, str, dict]]:
    """(label, path, parameters) of every listed endpoint, with ids taken from the store itself
    (read directly, so that a slow endpoint cannot keep the test from starting)."""
    conn = sqlite3.connect(f"file:{store / 'powermap.db'}?mode=ro", uri=True)
    try:
        newest = conn.execute("SELECT id FROM documents ORDER BY published DESC, rowid DESC LIMIT 1").fetchone()[0]
        top_id, top_name = conn.execute(
            "SELECT a.id, a.name FROM actors a JOIN (SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id "
            "ORDER BY n DESC LIMIT 1) m ON m.actor_id = a.id"
        ).fetchone()
        speaker = conn.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    top = {"id": top_id, "name": top_name}
    word = "summit"
    every = [
        ("/api", "/api", {}),
        ("/api/documents", "/api/documents", {}),
        ("/api/documents?q", "/api/documents", {"q": word}),
        ("/api/documents/{id}", f"/api/documents/{newest}", {}),
        ("/api/documents/{id}/extraction", f"/api/documents/{newest}/extraction", {}),
        ("/api/actors", "/api/actors", {}),
        ("/api/actors?q", "/api/actors", {"q": top["name"][:4]}),
        ("/api/actors/{id} (most mentioned)", f"/api/actors/{top['id']}", {}),
        ("/api/quotes", "/api/quotes", {}),
        ("/api/quotes?q", "/api/quotes", {"q": word}),
        ("/api/quotes?speaker", "/api/quotes", {"speaker": speaker}),
        ("/api/events", "/api/events", {}),
        ("/api/events?actor", "/api/events", {"actor": top["id"]}),
        ("/api/claims", "/api/claims", {}),
        ("/api/stances", "/api/stances", {}),
        ("/api/network", "/api/network", {}),
        ("/api/timeline", "/api/timeline", {}),
        ("/api/changes", "/api/changes", {}),
    ]
    return [t for t in every if _asked(t[0])]  # ``--skip``


def ask(client: httpx.Client, path: str, params: dict) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.get(path, params=params)
    return (time.perf_counter() - started) * 1000, response.status_code


def sequential(base: str, targets: list[tuple[str, str, dict]], rounds: int) -> dict[str, list[tuple[float, int]]]:
    out: dict[str, list[tuple[float, int]]] = {label: [] for label, _, _ in targets}
    with httpx.Client(base_url=base, timeout=TIMEOUT_S) as client:
        for label, path, params in targets:
            for _ in range(rounds):
                out[label].append(ask(client, path, params))
    return out


def concurrent(
    base: str, targets: list[tuple[str, str, dict]], rounds: int, clients: int
) -> tuple[dict[str, list[tuple[float, int]]], float]:
    """``clients`` threads, each asking every endpoint ``rounds`` times in its own shuffled order."""
    out: dict[str, list[tuple[float, int]]] = {label: [] for label, _, _ in targets}
    lock = threading.Lock()

    def client_loop(seed: int) -> None:
        plan = [t for t in targets for _ in range(rounds)]
        random.Random(seed).shuffle(plan)
        with httpx.Client(base_url=base, timeout=TIMEOUT_S) as client:
            for label, path, params in plan:
                found = ask(client, path, params)
                with lock:
                    out[label].append(found)

    started = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out, time.perf_counter() - started


def cpu_per_request(pid: int, base: str, targets: list[tuple[str, str, dict]], rounds: int) -> dict[str, float]:
    """The server's CPU milliseconds per request of each endpoint, asked ``rounds`` times in a row."""
    out = {}
    with httpx.Client(base_url=base, timeout=TIMEOUT_S) as client:
        for label, path, params in targets:
            before = _cpu_seconds(pid)
            for _ in range(rounds):
                client.get(path, params=params)
            out[label] = (_cpu_seconds(pid) - before) * 1000 / rounds
    return out


def measure(
    docs: int, rounds: int, clients: int, time_limit_ms: int, cpu_rounds: int = 100, varied_rounds: int = 20
) -> tuple[str, float]:
    """The section's text and the worst p95 of any endpoint (sequential or concurrent), on the
    cached store of ``docs`` generated documents."""
    started = time.perf_counter()
    store = cached_store(docs)
    prepared = time.perf_counter() - started
    what = (
        f"a store of {docs:,} **generated** documents ({{size:,.0f}} MiB): `bench/generate_corpus.py` writes "
        "synthetic records through `Store.add`, the store's normal write path, without running the NLP pipeline"
    )
    text, worst = measure_store(store, what, rounds, clients, time_limit_ms, cpu_rounds, varied_rounds)
    text += (
        f"The store was ready in {prepared:.0f} s (generated on first use, then cached in `bench/.cache`).\n\n"
        f"Reproduce: `python bench/bench_api.py --docs {docs} --rounds {rounds} --clients {clients}` (exits 1 when "
        "a p95 is over the bound); this section: `python bench/run.py api`.\n"
    )
    return text, worst


def measure_store(
    store: Path,
    what: str,
    rounds: int,
    clients: int,
    time_limit_ms: int,
    cpu_rounds: int = 100,
    varied_rounds: int = 20,
) -> tuple[str, float]:
    """The load test on ``store`` (described by ``what``, which may name ``{size}``): the text and
    the worst p95 of any endpoint, repeated or varied."""
    size = sum(p.stat().st_size for p in store.glob("powermap.db*")) / 2**20
    process, base = start_server(store, time_limit_ms, SERVE_ARGS)
    try:
        every = endpoints(store)
        targets = [t for t in every if _only(t[0])]
        with httpx.Client(base_url=base, timeout=TIMEOUT_S * 10) as client:
            # every endpoint, also those ``--only`` leaves out: the server's warm-up thread builds their
            # corpus-wide analyses meanwhile, and its CPU must not land on the phases measured below
            first = {label: ask(client, path, params) for label, path, params in every}
        background_s, background_cpu = _wait_quiet(process.pid)
        varied_text, varied_worst = "", 0.0
        if varied_rounds:
            top = next(path for label, path, _ in every if label.startswith("/api/actors/{id}")).rsplit("/", 1)[1]
            newest = next(path for label, path, _ in every if label == "/api/documents/{id}").rsplit("/", 1)[1]
            plan = draws(store, varied_rounds + clients * max(1, varied_rounds // 4), top, newest)
            plan = {label: asked for label, asked in plan.items() if _only(label)}
            varied_text, varied_worst = _varied(base, plan, varied_rounds, clients, lambda: _cpu_seconds(process.pid))
        cpu_before = _cpu_seconds(process.pid)
        alone = sequential(base, targets, rounds)
        together, wall = concurrent(base, targets, max(1, rounds // 4), clients)
        cpu = _cpu_seconds(process.pid) - cpu_before
        per_request = cpu_per_request(process.pid, base, targets, cpu_rounds)
    finally:
        process.terminate()
        process.wait(timeout=10)
    rows, worst = [], 0.0
    for label, _, _ in targets:
        a = [ms for ms, _ in alone[label]]
        t = [ms for ms, _ in together[label]]
        statuses = sorted({s for _, s in alone[label] + together[label]})
        worst = max(worst, p95(a), p95(t))
        rows.append(
            f"| `{label}` | {first[label][0]:.0f} | {statistics.median(a):.0f} | {p95(a):.0f} | "
            f"{statistics.median(t):.0f} | {p95(t):.0f} | {max(t):.0f} | {per_request[label]:.1f} | {statuses} |"
        )
    sent = sum(len(v) for v in together.values())
    text_repeated_worst = worst
    worst = max(worst, varied_worst)
    text = f"""## The API on a large store (`bench/bench_api.py`)

`powermap serve --time-limit-ms {time_limit_ms}` on 127.0.0.1 over {what.format(size=size)}.
Each endpoint asked once first (the corpus-wide analyses are
built then: "first"), then {rounds} times by one client, then by {clients} clients at once, each asking every
endpoint {max(1, rounds // 4)} times in its own order ({sent} requests in {wall:.1f} s; the server used
{cpu:.1f} CPU-seconds for both phases). Milliseconds; the bound is a p95 under {BOUND_MS:.0f} ms. "CPU": the
server's CPU milliseconds per request, read over {cpu_rounds} more requests of one client to each endpoint.

| endpoint | first | 1 client p50 | 1 client p95 | {clients} clients p50 | {clients} clients p95 | \
{clients} clients max | CPU | statuses |
|---|---:|---:|---:|---:|---:|---:|---:|---|
{chr(10).join(rows)}

**Worst p95, repeated parameters: {text_repeated_worst:.0f} ms** (bound {BOUND_MS:.0f} ms). Load average of the
machine (2 cores shared with other work) at the end: {os.getloadavg()[0]:.1f}. Before the phases the server's
background work (the warm-up's tail, the what-changed reports computed ahead) was waited for: {background_cpu:.1f}
CPU-seconds in {background_s:.0f} s (until its CPU stayed still for {QUIET_S} s).

{varied_text}"""
    return text, worst


def _varied(
    base: str, plan: dict[str, list[tuple[str, dict]]], rounds: int, clients: int, cpu: Callable[[], float]
) -> tuple[str, float]:
    """The varied phase's table and its worst p95."""
    plan = {label: asked for label, asked in plan.items() if _asked(label)}  # ``--skip``
    started = time.perf_counter()
    alone, together, per_request = run_phase(base, plan, rounds, clients, TIMEOUT_S, cpu)
    wall = time.perf_counter() - started
    rows, worst = [], 0.0
    for label in plan:
        a = [ms for ms, _ in alone[label]] or [0.0]
        t = [ms for ms, _ in together[label]] or [0.0]
        statuses = sorted({s for _, s in alone[label] + together[label]})
        worst = max(worst, p95(a), p95(t))
        rows.append(
            f"| `{label}` | {len(alone[label])} + {len(together[label])} | {statistics.median(a):.0f} | {p95(a):.0f} | "
            f"{max(a):.0f} | {statistics.median(t):.0f} | {p95(t):.0f} | {max(t):.0f} | {per_request[label]:.1f} | "
            f"{statuses} |"
        )
    return (
        f"""### Varied parameters (`bench/api_varied.py`)

Every request asks a parameter set not asked before (a different actor, document, word or page, drawn
from the store; actors spread over the mention-count ranks, the most mentioned ones included): first
{rounds} per endpoint by one client ("CPU": the server's CPU ms per request over those), then the next ones
by {clients} clients at once ({wall:.0f} s for the phase). Milliseconds; status 0 is a {TIMEOUT_S:.0f} s timeout.

| endpoint | requests | 1 client p50 | 1 client p95 | 1 client max | {clients} clients p50 | {clients} clients p95 | \
{clients} clients max | CPU | statuses |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
{chr(10).join(rows)}

**Worst p95, varied parameters: {worst:.0f} ms** (bound {BOUND_MS:.0f} ms).

""",
        worst,
    )


def _wait_quiet(pid: int, limit_s: float = 900.0) -> tuple[float, float]:
    """Wait until the server's CPU time has grown less than 10 ms a second per process (with
    ``--workers``, the supervisor and each worker poll a little even when idle) for ``QUIET_S``
    seconds in a row (longer than ``change_ahead.STABLE_S``, the pause before its background pass),
    at most ``limit_s``: the seconds waited and the CPU-seconds the server used meanwhile."""
    started, cpu_before = time.perf_counter(), _cpu_seconds(pid)
    still, last = 0, cpu_before
    while still < QUIET_S and time.perf_counter() - started < limit_s:
        time.sleep(1.0)
        now, processes = _cpu_and_processes(pid)
        still = still + 1 if now - last < 0.01 * processes else 0
        last = now
    return time.perf_counter() - started - QUIET_S, last - cpu_before


#: endpoint labels left out (``--skip``: each a part of a label), e.g. to see the others without a slow one
SKIPPED: list[str] = []


def _asked(label: str) -> bool:
    return not any(part in label for part in SKIPPED)


def _cpu_seconds(pid: int) -> float:
    """The CPU seconds of the server and of its worker processes (``--workers``)."""
    return _cpu_and_processes(pid)[0]


def _cpu_and_processes(pid: int) -> tuple[float, int]:
    """The CPU seconds of the server and of its worker processes, and how many processes that is."""
    import psutil

    process = psutil.Process(pid)
    everyone = [process, *process.children(recursive=True)]
    total = 0.0
    for each in everyone:
        try:
            times = each.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total, len(everyone)


def _configure(args: argparse.Namespace) -> None:
    """``--skip`` and ``--workers``: the endpoints left out, the server processes to start."""
    SKIPPED.extend(args.skip)
    if args.workers > 1:
        os.environ["POWERMAP_SERVE_WORKERS"] = str(args.workers)  # read by the server started here


def run(quick: bool) -> str:
    text, _ = measure(2_000 if quick else 100_000, 5 if quick else 20, 8, 1000)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20, help="requests per endpoint by the single client")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--time-limit-ms", type=int, default=1000)
    parser.add_argument("--cpu-rounds", type=int, default=100, help="requests per endpoint while CPU time is read")
    parser.add_argument("--workers", type=int, default=1, help="server processes (powermap serve --workers)")
    parser.add_argument(
        "--skip", action="append", default=[], help="leave out the endpoints whose label holds this (repeatable)"
    )
    parser.add_argument(
        "--varied-rounds",
        type=int,
        default=20,
        help="different requests per endpoint, one client (0: none)",
    )
    parser.add_argument("--store", type=Path, default=None, help="serve this store (a copy it may migrate) instead")
    parser.add_argument(
        "--only",
        action="append",
        default=None,
        help="measure only the endpoints whose label starts with this (repeatable; e.g. /api/changes)",
    )
    parser.add_argument(
        "--serve-arg", action="append", default=[], help="one more argument for powermap serve (repeatable)"
    )
    args = parser.parse_args()
    global ONLY, SERVE_ARGS
    ONLY = tuple(args.only) if args.only else None
    SERVE_ARGS = tuple(args.serve_arg)
    if args.store is not None:
        from powermap.store import open_store

        open_store(args.store).close()  # the pending migrations, on the copy
        _configure(args)
        what = f"the store `{args.store}` ({{size:,.0f}} MiB)"
        text, worst = measure_store(
            args.store, what, args.rounds, args.clients, args.time_limit_ms, args.cpu_rounds, args.varied_rounds
        )
        print(text)
        return 0 if worst < BOUND_MS else 1
    _configure(args)
    text, worst = measure(args.docs, args.rounds, args.clients, args.time_limit_ms, args.cpu_rounds, args.varied_rounds)
    print(text)
    return 0 if worst < BOUND_MS else 1


if __name__ == "__main__":
    sys.exit(main())
