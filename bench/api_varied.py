"""The API's varied phase: every request of a parameterised endpoint with a parameter set not asked before.

``bench_api.py``'s repeated phases ask each endpoint with the same parameters, so after the first
request every answer is a kept one. Here each round asks a different actor (spread over the
mention-count ranks, the most mentioned ones included), document (spread over the store), word (from
document titles and quotes; then pairs of them) or page (further and further down), drawn
deterministically from the store itself (read directly, so a slow endpoint cannot keep the phase
from starting): what a reader clicking from page to page pays, including the first build of a page nobody asked for yet.
"""

from __future__ import annotations

import random
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

Target = tuple[str, dict]  # path, parameters
PAGE = 50
_WORD = re.compile(r"[^\W\d_]{5,}")


def draws(store: Path, n: int, skip_actor: str | None = None, skip_doc: str | None = None) -> dict[str, list[Target]]:
    """``n`` different requests per endpoint label, the same for the same store."""
    conn = sqlite3.connect(f"file:{store / 'powermap.db'}?mode=ro", uri=True)
    try:
        ranked = [
            r[0]
            for r in conn.execute(
                "SELECT actor_id FROM mentions GROUP BY actor_id ORDER BY count(*) DESC, actor_id"
                if not _has_table(conn, "actor_counts")
                else "SELECT actor_id FROM actor_counts WHERE mentions > 0 ORDER BY mentions DESC, actor_id"
            )
            if r[0] != skip_actor
        ]
        total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        docs: list[str] = []
        titles: list[str] = []
        for i in range(n):
            row = conn.execute(
                "SELECT id, coalesce(title, '') FROM documents ORDER BY rowid LIMIT 1 OFFSET ?",
                ((i * 7919 + 13) % max(total, 1),),
            ).fetchone()
            if row and row[0] != skip_doc and row[0] not in docs:
                docs.append(row[0])
                titles.append(row[1])
        quotes = conn.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0
        spoken = [
            r[0]
            for i in range(n)
            for r in conn.execute("SELECT text FROM quotes WHERE id >= ? ORDER BY id LIMIT 1", (1 + i * quotes // n,))
        ]
        months = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT substr(published, 1, 7) FROM documents "
                "WHERE published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' ORDER BY 1 DESC"
            )
        ]
    finally:
        conn.close()
    actors = spread(ranked, n)
    single = list(dict.fromkeys(w.casefold() for t in titles + spoken for w in _WORD.findall(t)))
    random.Random(3).shuffle(single)
    words = single + [f"{a} {b}" for a, b in zip(single, single[1:] + single[:1], strict=True)]
    pages = [{"offset": PAGE * (i + 1)} for i in range(n)]
    changes = [{"to": m} for m in months[1:]] + [{"to": m, "by": "week"} for m in months[1:]]
    return {
        "/api/documents (pages)": [("/api/documents", p) for p in pages],
        "/api/documents?q (words)": [("/api/documents", {"q": w}) for w in words[:n]],
        "/api/documents/{id}": [(f"/api/documents/{d}", {}) for d in docs],
        "/api/documents/{id}/extraction": [(f"/api/documents/{d}/extraction", {}) for d in docs],
        "/api/actors (pages)": [("/api/actors", p) for p in pages],
        "/api/actors/{id}": [(f"/api/actors/{a}", {}) for a in actors],
        "/api/quotes (pages)": [("/api/quotes", p) for p in pages],
        "/api/quotes?q (words)": [("/api/quotes", {"q": w}) for w in words[:n]],
        "/api/quotes?speaker": [("/api/quotes", {"speaker": a}) for a in actors],
        "/api/events (pages)": [("/api/events", p) for p in pages],
        "/api/events?actor": [("/api/events", {"actor": a}) for a in actors],
        "/api/stances?actor": [("/api/stances", {"actor": a}) for a in actors],
        "/api/claims (pages)": [("/api/claims", {"offset": 20 * (i + 1)}) for i in range(n)],
        "/api/changes?to": [("/api/changes", c) for c in changes[:n]],
    }


def spread(ranked: list[str], n: int) -> list[str]:
    """``n`` of ``ranked`` (most mentioned first): the top quarter of ``n`` in rank order, the rest
    evenly spaced over the remaining ranks; then shuffled (deterministically), so that the one-client
    and the many-clients part both get top and tail actors."""
    top = ranked[: max(1, n // 4)]
    rest = ranked[len(top) :]
    want = n - len(top)
    step = max(1, len(rest) // max(want, 1))
    picked = top + rest[::step][:want]
    random.Random(1).shuffle(picked)
    return picked


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def ask(client: httpx.Client, path: str, params: dict, timeout_s: float) -> tuple[float, int]:
    """Milliseconds and status of one request; a request that times out counts as ``timeout_s`` and status 0."""
    started = time.perf_counter()
    try:
        status = client.get(path, params=params).status_code
    except httpx.TimeoutException:
        return timeout_s * 1000, 0
    return (time.perf_counter() - started) * 1000, status


def run_phase(
    base: str, plan: dict[str, list[Target]], rounds: int, clients: int, timeout_s: float, cpu: Callable[[], float]
) -> tuple[dict[str, list[tuple[float, int]]], dict[str, list[tuple[float, int]]], dict[str, float]]:
    """One client asks the first ``rounds`` targets of each label (the server's CPU ms per request read
    around each label), then ``clients`` clients at once share the next targets, each label's in turn
    so that no parameter set is asked twice: (one client, many clients, CPU ms per request)."""
    alone: dict[str, list[tuple[float, int]]] = {label: [] for label in plan}
    per_request: dict[str, float] = {}
    with httpx.Client(base_url=base, timeout=timeout_s) as client:
        for label, targets in plan.items():
            before = cpu()
            for path, params in targets[:rounds]:
                alone[label].append(ask(client, path, params, timeout_s))
            per_request[label] = (cpu() - before) * 1000 / max(1, len(alone[label]))
    together: dict[str, list[tuple[float, int]]] = {label: [] for label in plan}
    work = [(label, t) for label, targets in plan.items() for t in targets[rounds:]]
    random.Random(5).shuffle(work)
    lock = threading.Lock()

    def client_loop() -> None:
        with httpx.Client(base_url=base, timeout=timeout_s) as client:
            while True:
                with lock:
                    if not work:
                        return
                    label, (path, params) = work.pop()
                found = ask(client, path, params, timeout_s)
                with lock:
                    together[label].append(found)

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return alone, together, per_request
