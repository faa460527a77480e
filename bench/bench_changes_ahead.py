"""What the server's background pass over the what-changed reports costs (``serve/api/change_ahead.py``).

Runs the pass the server runs after its warm-up (``run_pass``: the newest ``--months`` calendar
months, each against the one before and its last two weeks, newest first) on a store, in this
process, with no request to yield to, and prints its CPU-seconds, wall seconds and reports kept.

    PYTHONPATH=src python bench/bench_changes_ahead.py --store /path/to/store --months 36
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from powermap.serve.api import change_ahead, change_views
from powermap.serve.api.change_ahead import ASKED
from powermap.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--months", type=int, default=change_ahead.MONTHS)
    args = parser.parse_args()
    store = open_store(args.store, readonly=True)
    conn = store.reader()
    months = change_ahead.natural_months(conn, args.months)
    started, cpu = time.perf_counter(), time.thread_time()
    finished = change_ahead.run_pass(conn, args.months)
    took_cpu, took = time.thread_time() - cpu, time.perf_counter() - started
    reports = change_ahead.reports_kept(conn)
    sizes = [len(json.dumps(change_views.changes(conn, None, m, by, 2, False, 0.05))) for m in months for by in ASKED]
    print(
        f"{len(months)} months ({months[-1]}..{months[0]}): {reports} reports kept, finished={finished}, "
        f"{took_cpu:.1f} CPU-s, {took:.1f} s wall, {took_cpu / max(reports, 1) * 1000:.0f} CPU-ms per report; "
        f"their JSON {sum(sizes) / 2**20:.1f} MiB in all, {max(sizes) / 2**10:.0f} KiB at most"
    )
    conn.close()
    store.close()


if __name__ == "__main__":
    main()
