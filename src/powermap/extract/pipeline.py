"""Runs the configured stages over a document and returns its extraction record."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import Any

from powermap.annotate.base import Annotator
from powermap.extract.stage import ExtractionContext, Stage, StageContractError, order_stages, stages
from powermap.records import STAGE_FIELDS, Document, ExtractionRecord


class Extractor:
    """The configured chain of stages, checked when it is built.

    Args:
        stage_names (list[str] | None): registered stage names to run; by default the newest
            version of every registered stage family.
        options (Mapping[str, Any]): per-stage options keyed by stage family
            (``{"events": {"require_target": True}}``), checked against each stage's ``Options``.
        annotator (Annotator | None): fixed back end; by default chosen per document language.
        memory_zones (bool): annotate each document inside its model's memory zone
            (``annotate.memory``): the words it adds to the model's vocabulary are freed once its
            record is made, so memory stays flat over any number of documents. Inside ``batch()``
            the documents of a batch share one zone per model, closed when the batch ends.

    Raises:
        StageContractError: a stage requires a list or artefact no stage in the chain provides.
        StageOptionError: an option a stage does not define.
    """

    def __init__(
        self,
        stage_names: Iterable[str] | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        annotator: Annotator | None = None,
        memory_zones: bool = True,
    ) -> None:
        names = list(stage_names) if stage_names is not None else sorted(stages.latest().values())
        options = options or {}
        self.stage_names = names
        self.annotator = annotator
        self.memory_zones = memory_zones
        self._batch = threading.local()  # this thread's open batch zones (``batch``)
        self._vocabularies: set[str | None] = set()  # languages whose common words are loaded
        ordered = order_stages(names)
        unknown = set(options) - {cls.produces for cls in ordered}
        if unknown:
            raise StageContractError(f"options for {', '.join(sorted(unknown))}, which no stage in the pipeline fills")
        self.stages: list[Stage] = [cls(**dict(options.get(cls.produces, {}))) for cls in ordered]

    def preload(self, language: str) -> None:
        """Have every stage load what it loads lazily for ``language`` (see ``Stage.preload``),
        and the language's model its common words (``preload_vocabulary``)."""
        for stage in self.stages:
            stage.preload(language)
        self._preload_vocabulary(language)

    def _preload_vocabulary(self, language: str | None) -> None:
        """Once per language, outside its memory zones: the model's vocabulary of common words
        (``annotate.spacy_pipeline.SpacyAnnotator.preload_vocabulary``), for documents in zones."""
        if language in self._vocabularies:
            return
        self._vocabularies.add(language)
        try:
            from powermap.annotate import get_annotator

            annotator = self.annotator or get_annotator(language)
        except RuntimeError:  # no annotator for the language: the stages say so when they need one
            return
        preload = getattr(annotator, "preload_vocabulary", None)
        if preload is not None:
            preload()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Documents extracted by this thread inside share each model's memory zone: it opens at the
        first Doc of the batch and closes when the batch ends (never left open after it), so the
        words a batch's documents share are added to the vocabulary once, not once per document.
        A zone holds its vocabulary's lock (``annotate.memory``): other threads sharing the model
        wait for the batch. Does nothing without memory zones or inside another batch."""
        if not self.memory_zones or getattr(self._batch, "zones", None) is not None:
            yield
            return
        with ExitStack() as zones:
            self._batch.zones = zones
            try:
                yield
            finally:
                self._batch.zones = None

    def __call__(self, document: Document) -> ExtractionRecord:
        shared = getattr(self._batch, "zones", None)
        if shared is not None and self.memory_zones:  # the batch's zone, closed when the batch ends
            self._preload_vocabulary(document.language)
            return self._run(document, shared)
        with ExitStack() as zones:  # the Doc's memory zone closes when the record is complete
            return self._run(document, zones if self.memory_zones else None)

    def _run(self, document: Document, zones: ExitStack | None) -> ExtractionRecord:
        record = ExtractionRecord(document=document)
        ctx = ExtractionContext(record=record, annotator=self.annotator, _zones=zones)
        for stage in self.stages:
            name = type(stage).__name__
            before = {name: len(getattr(record, name)) for name in STAGE_FIELDS}
            stage(ctx)
            allowed = (stage.produces, *stage.extends)
            changed = [n for n in STAGE_FIELDS if n not in allowed and len(getattr(record, n)) != before[n]]
            if changed:
                raise StageContractError(f"stage {name} wrote {', '.join(changed)}, which it does not produce")
            unset = [a for a in stage.provides if getattr(ctx, a) is None]
            if unset:
                raise StageContractError(f"stage {name} left {', '.join(unset)} unset, which it provides")
        return record
