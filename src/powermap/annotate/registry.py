"""Which annotator serves which language; back ends register here."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from powermap.annotate.base import Annotator
from powermap.registry import Registry

#: Factories that build an annotator for a language: ``factory(language) -> Annotator``.
annotators: Registry[Callable[[str], Annotator]] = Registry(
    "annotators",
    builtin_modules=("powermap.annotate.blank", "powermap.annotate.spacy_pipeline", "powermap.annotate.frog"),
)

#: The back end asked for first, per language; the blank tokenizer is the last resort.
DEFAULT_CHAIN: dict[str, tuple[str, ...]] = {
    "nl": ("nl_powermap.v1", "frog.v1", "blank.v1"),
    "en": ("spacy.v1", "blank.v1"),
}
FALLBACK_CHAIN: tuple[str, ...] = ("blank.v1",)


@cache
def get_annotator(language: str | None, name: str | None = None) -> Annotator:
    """The annotator for ``language``: the named one, or the first of the default chain that loads."""
    lang = language or "xx"
    if name:
        return annotators.get(name)(lang)
    errors = []
    for candidate in DEFAULT_CHAIN.get(lang, FALLBACK_CHAIN):
        try:
            return annotators.get(candidate)(lang)
        except (OSError, RuntimeError, LookupError) as err:  # not installed here
            errors.append(f"{candidate}: {err}")
    raise RuntimeError(f"no annotator available for {lang!r}: " + "; ".join(errors))
