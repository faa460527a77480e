"""Running the extraction stages on a Dask cluster.

``DaskExtractor`` starts a local cluster of worker processes (one annotator each, loaded
once per process) or connects to a running scheduler (``tcp://host:8786``) whose workers
have powermap installed. Documents go out in a bounded window, so memory stays flat on
corpora of any size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from powermap.extract import Extractor
from powermap.ingest.guard import extract_guarded
from powermap.ingest.options import DEFAULT_TIME_LIMIT
from powermap.records import Document, ExtractionRecord
from powermap.store.prepared import PreparedRecord, prepare_outcome


@cache
def _worker_extractor(stage_names: tuple[str, ...] | None) -> Extractor:
    """One extractor per worker process (annotators load once, then serve every task)."""
    return Extractor(list(stage_names) if stage_names is not None else None)


def extract_one(
    document: Document,
    stage_names: tuple[str, ...] | None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    prepared: bool = False,
) -> ExtractionRecord | PreparedRecord | str:
    """A validated record (with ``prepared``, ready for the store: ``store.prepared``), or why the
    document failed (a failing document must not take its worker down; the time budget works in
    the worker's pool thread too, see ``ingest.deadline``)."""
    outcome = extract_guarded(_worker_extractor(stage_names), document, time_limit)
    return prepare_outcome(outcome) if prepared else outcome


def extract_batch_to_parquet(
    documents: list[Document],
    stage_names: tuple[str, ...] | None,
    out_dir: str,
    batch_id: int,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Extract a batch on a worker and write it as Parquet partitions.

    Returns row counts per table and (document, reason) for each document that failed.
    """
    import pyarrow.parquet as pq

    from powermap.scale.tables import records_to_tables

    records, failures = [], []
    for document in documents:
        outcome = extract_guarded(_worker_extractor(stage_names), document, time_limit)
        if isinstance(outcome, ExtractionRecord):
            records.append(outcome)
        else:
            failures.append((f"{document.path or ''}#{document.id}", outcome))
    counts = {"documents_failed": len(failures)}
    for name, table in records_to_tables(records).items():
        pq.write_to_dataset(
            table,
            root_path=str(Path(out_dir) / name),
            partition_cols=["language", "month"],
            basename_template=f"part-{batch_id:06d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
        counts[name] = table.num_rows
    return counts, failures


class DaskExtractor:
    """Extraction on Dask workers.

    Args:
        stage_names (list[str] | None): stages to run (default: the newest of each).
        workers (int | None): local worker processes to start (ignored with ``scheduler``).
        scheduler (str | None): address of a running Dask scheduler to use instead.
        time_limit (float | None): seconds of extraction allowed per document (see ``ingest.deadline``).
    """

    def __init__(
        self,
        stage_names: list[str] | None = None,
        workers: int | None = None,
        scheduler: str | None = None,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
    ) -> None:
        from distributed import Client, LocalCluster

        self.stage_names = tuple(stage_names) if stage_names is not None else None
        self.time_limit = time_limit
        #: (document, reason) of every document that failed in ``to_parquet``
        self.failures: list[tuple[str, str]] = []
        if scheduler:
            self.client = Client(scheduler)
            self.cluster = None
        else:
            self.cluster = LocalCluster(
                n_workers=workers or 2, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self.cluster)

    def map(
        self, documents: Iterable[Document], window: int = 64, prepared: bool = False
    ) -> Iterator[tuple[Document, ExtractionRecord | PreparedRecord | str]]:
        """(document, record or error text) as each finishes, at most ``window`` in flight (records
        prepared for the store with ``prepared``)."""
        from distributed import as_completed

        pending = as_completed()
        sent: dict[object, Document] = {}  # by future key
        for document in documents:
            future = self.client.submit(extract_one, document, self.stage_names, self.time_limit, prepared, pure=False)
            sent[future.key] = document
            pending.add(future)
            if pending.count() >= window:
                done = next(pending)
                yield sent.pop(done.key), done.result()
        for done in pending:
            yield sent.pop(done.key), done.result()

    def to_parquet(self, documents: Iterable[Document], out_dir: Path, batch_size: int = 50) -> dict[str, int]:
        """Extract everything and have the workers write partitioned Parquet under ``out_dir``."""
        from distributed import Future, as_completed

        def submit(batch: list, batch_id: int) -> Future:
            return self.client.submit(
                extract_batch_to_parquet, batch, self.stage_names, str(out_dir), batch_id, self.time_limit, pure=False
            )

        totals: dict[str, int] = {}
        futures, batch, batch_id = [], [], 0
        for document in documents:
            batch.append(document)
            if len(batch) == batch_size:
                futures.append(submit(batch, batch_id))
                batch, batch_id = [], batch_id + 1
        if batch:
            futures.append(submit(batch, batch_id))
        for done in as_completed(futures):
            counts, failures = done.result()
            self.failures.extend(failures)
            for name, count in counts.items():
                totals[name] = totals.get(name, 0) + count
        return totals

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
