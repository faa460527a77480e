"""Reading inputs (files, folders, URLs, feeds, WARC, JSON Lines) into ``SourceDocument`` s."""

from powermap.ingest.model import IngestFailure, SourceDocument

__all__ = ["IngestFailure", "SourceDocument"]
