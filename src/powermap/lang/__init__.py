"""One API for the language data under ``powermap/lang/<code>/``.

``get("nl")`` returns a frozen :class:`Language` with the closed word classes every stage needs
(determiners, pronouns with person and number, coordinators, prepositions, subordinators, name and
verb particles), read once from ``words.yaml`` and ``personal_pronouns.tsv``; any further named
list in ``words.yaml`` is reachable through :meth:`Language.words`, which raises on a name the file
does not define (a misspelt list is an error, not an empty set). Tables (``*.tsv``) and structured
files (``*.yaml``) of a stage are read through :func:`table` and :func:`data`.

Language codes form a closed set: the folders that exist here. Anything else raises
:class:`UnknownLanguage` before a path is built from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any

import yaml

from powermap.lang.tables import LANG_DIR, load_table

__all__ = ["LANG_DIR", "Language", "Pronoun", "UnknownLanguage", "codes", "data", "get", "table", "union"]

#: the word classes every language file defines (possibly as an empty list)
CORE_CLASSES = (
    "determiners",
    "definite_determiners",
    "possessives",
    "coordinators",
    "prepositions",
    "subordinators",
    "name_particles",
    "verb_particles",
)


class UnknownLanguage(ValueError):
    """A language code outside the closed set of ``codes()``."""


@dataclass(frozen=True)
class Pronoun:
    """A personal pronoun: its form, grammatical person (1-3), number and gender (m/f/n/'')."""

    form: str
    person: int
    number: str  # "sg" or "pl"
    gender: str = ""
    reflexive: bool = False


@dataclass(frozen=True)
class Language:
    """The closed word classes of one language (all lower case)."""

    code: str
    determiners: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    verb_particles: frozenset[str] = frozenset()
    pronouns: Mapping[str, Pronoun] = field(default_factory=lambda: MappingProxyType({}))
    lists: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    def words(self, name: str) -> frozenset[str]:
        """A named word list of this language; ``KeyError`` when ``words.yaml`` has no such list."""
        if name in CORE_CLASSES:
            return frozenset(getattr(self, name))
        try:
            return self.lists[name]
        except KeyError:
            raise KeyError(f"language {self.code!r} has no word list {name!r} in words.yaml") from None

    def has(self, name: str) -> bool:
        """Whether ``words.yaml`` defines the list ``name`` (core classes always exist)."""
        return name in CORE_CLASSES or name in self.lists

    def pronouns_where(self, *, person: int | None = None, number: str | None = None) -> frozenset[str]:
        """The pronoun forms of a person and/or number (``person=3, number="pl"``)."""
        return frozenset(
            p.form
            for p in self.pronouns.values()
            if (person is None or p.person == person) and (number is None or p.number == number)
        )


@cache
def codes() -> frozenset[str]:
    """The language codes powermap has data for (the folders under ``lang/``)."""
    return frozenset(p.name for p in LANG_DIR.iterdir() if p.is_dir() and len(p.name) == 2 and p.name.isalpha())


def _check(code: str) -> str:
    if code not in codes():
        raise UnknownLanguage(f"unknown language code {code!r}; powermap has data for {sorted(codes())}")
    return code


@cache
def get(code: str) -> Language:
    """The language data of ``code`` (an ISO 639-1 code in :func:`codes`)."""
    _check(code)
    path = LANG_DIR / code / "words.yaml"
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    lists: dict[str, frozenset[str]] = {}
    for name, values in (raw or {}).items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValueError(f"{path}: list {name!r} must be a list of strings")
        lists[name] = frozenset(v.lower() for v in values)
    pronouns = {}
    for row in load_table(code, "personal_pronouns"):
        form = row["form"].lower()
        pronouns[form] = Pronoun(
            form, int(row["person"]), row["number"], row.get("gender", ""), row.get("reflexive") == "yes"
        )
    core = {name: lists.pop(name, frozenset()) for name in CORE_CLASSES}
    return Language(code=code, pronouns=MappingProxyType(pronouns), lists=MappingProxyType(lists), **core)


@cache
def union(name: str) -> frozenset[str]:
    """A word list over every language that defines it (for language-blind passes)."""
    out: set[str] = set()
    for code in sorted(codes()):
        lang = get(code)
        if lang.has(name):
            out |= lang.words(name)
    return frozenset(out)


def table(code: str, name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``lang/<code>/<name>.tsv`` (``()`` when the language has no such table)."""
    return load_table(_check(code), name)


@cache
def data(code: str, name: str) -> Any:
    """The parsed ``lang/<code>/<name>.yaml`` (``None`` when the language has no such file)."""
    path = LANG_DIR / _check(code) / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
