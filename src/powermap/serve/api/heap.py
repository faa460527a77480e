"""The server's long-lived objects kept out of the garbage collector's full passes.

A server on 100,000 documents keeps about half a million objects for as long as the store does not
change (the network, the coalitions, the timeline, the default pages, the what-changed reports
computed ahead). Python's collector looks at every one of them in each full pass, which the
allocations of requests set off now and then: a pause of 150-450 ms in the middle of whichever
request set it off (on the 100,000-document store, single requests of 400-500 ms on every endpoint,
with one server process or with several). Once they are built (after the warm-up, after a pass of
reports computed ahead) ``settle`` collects what is garbage and moves what is left to the
collector's permanent generation (``gc.freeze``), which its passes never walk; objects there are
still freed when nothing refers to them any more (reference counting), and the next ``settle``
(after the store changed and the analyses were built again) first gives them back to the collector,
so cycles among dropped analyses are collected then.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger("powermap.serve")


def settle() -> int:
    """Collect, then freeze what survives (module docstring); how many objects are frozen."""
    started = time.perf_counter()
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.info(
        "%d long-lived objects out of the collector's full passes (%.0f ms)",
        frozen,
        (time.perf_counter() - started) * 1000,
    )
    return frozen
