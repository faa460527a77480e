"""Extraction stages (actors, quotes, claims, events, stances) and the pipeline that runs them.

Every module or package inside ``powermap.extract`` (other than the machinery in
``stage`` and ``pipeline`` and names starting with ``_``) is a bundled stage and is imported
on first lookup, so a new stage is added as a file here and touches nothing else.
Third-party packages add stages through the ``powermap.stages`` entry-point group.
"""

import pkgutil

from powermap.extract.pipeline import Extractor
from powermap.extract.stage import ExtractionContext, Stage, stages

_MACHINERY = {"stage", "pipeline"}
stages.builtin_modules = tuple(
    f"{__name__}.{info.name}"
    for info in pkgutil.iter_modules(__path__)
    if info.name not in _MACHINERY and not info.name.startswith("_")
)

__all__ = ["ExtractionContext", "Extractor", "Stage", "stages"]
