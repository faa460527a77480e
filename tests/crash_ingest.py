"""``powermap ingest`` with a kill point inside one document's write (used by the crash tests).

Environment: ``CRASH_DOC`` (the n-th document this process writes, 1-based) and
``CRASH_STATEMENT`` (how many statements of its extraction write run before SIGKILL);
``CRASH_NO_TRANSACTIONS=1`` replaces the store's transaction with autocommit, the mutation the
crash test must catch.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager

from powermap.store import sqlite as store_sqlite


class KillingConnection:
    """A connection that kills its process before statement number ``after + 1``."""

    def __init__(self, conn, after: int) -> None:
        self.conn, self.after, self.count = conn, after, 0

    def _tick(self) -> None:
        self.count += 1
        if self.count > self.after:
            os.kill(os.getpid(), signal.SIGKILL)

    def execute(self, *args):
        self._tick()
        return self.conn.execute(*args)

    def executemany(self, *args):
        self._tick()
        return self.conn.executemany(*args)


def install() -> None:
    if os.environ.get("CRASH_NO_TRANSACTIONS"):

        @contextmanager
        def autocommit(self):
            yield self.conn

        store_sqlite.Store.transaction = autocommit
    kill_doc = int(os.environ.get("CRASH_DOC", "0"))
    if not kill_doc:
        return
    original = store_sqlite.Store._write_extraction
    written = [0]

    def write(self, conn, record, stages):
        written[0] += 1
        if written[0] == kill_doc:
            conn = KillingConnection(conn, int(os.environ.get("CRASH_STATEMENT", "0")))
        original(self, conn, record, stages)

    store_sqlite.Store._write_extraction = write


if __name__ == "__main__":
    install()
    from powermap.serve.cli.app import main

    sys.argv = ["powermap", "ingest", *sys.argv[1:]]
    main()
