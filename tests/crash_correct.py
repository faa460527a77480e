"""A correction killed (SIGKILL) inside its transaction (used by tests/test_corrections_reliability.py).

Arguments: STORE KILL_AFTER. The process merges actor ``vos`` into ``anna_vos`` (a correction that
rewrites both test documents) and kills itself before the store's statement number KILL_AFTER + 1
inside the correction's transaction; KILL_AFTER 0 means no kill.
"""

from __future__ import annotations

import os
import signal
import sys

from powermap.store import open_store
from powermap.store.corrections_write import Corrector


class KillingConnection:
    """A connection that kills its process before statement number ``after + 1``."""

    def __init__(self, conn, after: int) -> None:
        self.conn, self.after, self.count = conn, after, 0

    def __getattr__(self, name):
        return getattr(self.conn, name)

    def _tick(self) -> None:
        self.count += 1
        if self.after and self.count > self.after:
            os.kill(os.getpid(), signal.SIGKILL)

    def execute(self, *args):
        self._tick()
        return self.conn.execute(*args)

    def executemany(self, *args):
        self._tick()
        return self.conn.executemany(*args)


if __name__ == "__main__":
    store = open_store(sys.argv[1])
    store.conn = KillingConnection(store.conn, int(sys.argv[2]))
    Corrector(store, "crash test").alias("anna_vos", "Vos")
    store.conn.conn.close()
