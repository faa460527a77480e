"""Runs the configured stages over a document and returns its extraction record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from powermap.annotate.base import Annotator
from powermap.extract.stage import ExtractionContext, Stage, order_stages, stages
from powermap.records import Document, ExtractionRecord


class Extractor:
    """The configured chain of stages.

    Args:
        stage_names (list[str] | None): registered stage names to run; by default the newest
            version of every registered stage family.
        options (Mapping[str, Any]): per-stage options keyed by stage family
            (``{"claims": {...}}``).
        annotator (Annotator | None): fixed back end; by default chosen per document language.
    """

    def __init__(
        self,
        stage_names: Iterable[str] | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        annotator: Annotator | None = None,
    ) -> None:
        names = list(stage_names) if stage_names is not None else sorted(stages.latest().values())
        options = options or {}
        self.stage_names = names
        self.annotator = annotator
        self.stages: list[Stage] = [cls(**dict(options.get(cls.produces, {}))) for cls in order_stages(names)]

    def __call__(self, document: Document) -> ExtractionRecord:
        record = ExtractionRecord(document=document)
        ctx = ExtractionContext(record=record, annotator=self.annotator)
        for stage in self.stages:
            stage(ctx)
        return record
