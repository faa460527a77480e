"""Scaling out: extraction on local forked workers or on a Dask cluster.

Annotation and extraction are independent per document, so they run on workers; the store
keeps its single writer (the driver), or Dask workers write partitioned Parquet directly.
``ForkPool`` (one machine) forks its workers after the models are loaded, so they share them;
``DaskExtractor`` keeps one loaded extractor per Dask worker, on a local or remote cluster.
Both offer ``map(documents)`` yielding (document, record or failure reason).
"""

from powermap.scale.cluster import DaskExtractor
from powermap.scale.pool import ForkPool, warm_up

__all__ = ["DaskExtractor", "ForkPool", "warm_up"]
