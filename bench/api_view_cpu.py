"""CPU milliseconds per request of the API's views in one process, over the varied phase's parameters.

Each request runs what a JSON twin runs (``serve/api/responses.py``: the view on a read connection,
then its dict validated and serialised with the page's response model), with a parameter set of
``bench/api_varied.py`` asked once, after the server's warm-up (``serve/api/warm.py``), so the cost is
the view's own, without the HTTP server's (about 0.7 CPU-ms a request) and without other clients
beside it; ``--profile`` prints where it goes (cProfile). It opens the store read-only.

    PYTHONPATH=src python bench/api_view_cpu.py --store /tmp/copy --requests 40
    PYTHONPATH=src python bench/api_view_cpu.py --store /tmp/copy --only '/api/actors/{id}' --profile
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_varied import draws

from powermap.serve.api import fact_views, models, page_models, relation_views, views, warm
from powermap.store import open_store

#: label -> (the view asked with a drawn (path, parameters), its response model)
VIEWS: dict[str, tuple[Any, Any]] = {
    "/api/actors/{id}": (
        lambda conn, path, p: relation_views.actor(
            conn=conn, actor_id=path.rsplit("/", 1)[1], with_=None, by=None, limit=50, offset=0
        ),
        page_models.ActorPage,
    ),
    "/api/stances?actor": (
        lambda conn, path, p: fact_views.stances(
            conn=conn, actor=p["actor"], concept=None, agree=None, limit=50, offset=0
        ),
        page_models.StanceList,
    ),
    "/api/documents?q (words)": (
        lambda conn, path, p: views.documents(conn=conn, q=p["q"], limit=50, offset=0),
        models.DocumentList,
    ),
    "/api/quotes?q (words)": (
        lambda conn, path, p: views.quotes(conn=conn, speaker=None, q=p["q"], limit=100, offset=0),
        models.QuoteList,
    ),
}


def measure(store_path: Path, labels: list[str], requests: int, profile: bool) -> dict[str, float]:
    """CPU ms per request of each label's view, ``requests`` different parameter sets each."""
    store = open_store(store_path, readonly=True)
    warm.warm(store)
    plan = draws(store_path, requests)
    conn = store.reader()
    out = {}
    try:
        for label in labels:
            view, model = VIEWS[label]
            adapter: TypeAdapter[Any] = TypeAdapter(model)
            asked = plan[label][:requests]
            profiler = cProfile.Profile() if profile else None
            started = time.process_time()
            if profiler:
                profiler.enable()
            for path, params in asked:
                data = view(conn, path, params)
                adapter.dump_json(adapter.validate_python(data, from_attributes=True), by_alias=True)
            if profiler:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats("powermap|execute|fetch", 30)
            out[label] = (time.process_time() - started) * 1000 / max(1, len(asked))
    finally:
        conn.close()
        store.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--only", action="append", default=None, help="a label of VIEWS (repeatable)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    for label, ms in measure(args.store, args.only or list(VIEWS), args.requests, args.profile).items():
        print(f"| `{label}` | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
