"""Scaling out: extraction on a Dask cluster (local processes or a remote scheduler).

Annotation and extraction are independent per document, so they run on workers; the store
keeps its single writer (the driver), or workers write partitioned Parquet directly.
"""

from powermap.scale.cluster import DaskExtractor

__all__ = ["DaskExtractor"]
