"""A user's concept file: rename, merge or pin the concepts found by meaning.

YAML, a list under ``concepts``; each entry names the concept as the reader wants to see it
(``label``) and says what belongs to it::

    concepts:
      - label: a second Brexit referendum        # pin: phrases in any language; statements
        terms: [tweede referendum, second referendum, people's vote]   # near them join it
      - label: the Brexit deal                   # rename a proposed concept (its label as
        rename: brexit, deal, akkoord            #   `powermap concepts --propose` prints it)
      - label: Brexit
        merge: ["brexit, uitstel, delay", "brexit, vertrek, leave"]   # merge proposed concepts
    drop: [weather, football]                    # proposed concepts left out of analyses

A proposed label matches whatever the order of its words (``deal, brexit`` is ``brexit, deal``).
A concept file never loses a statement: what it does not mention keeps its proposed concept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from powermap.analyse.concept_text import words


class ConceptFileError(ValueError):
    """A concept file that cannot be read; the message says where."""


@dataclass(frozen=True)
class Pin:
    label: str
    terms: tuple[str, ...]


@dataclass
class ConceptFile:
    pins: list[Pin] = field(default_factory=list)
    renames: dict[frozenset[str], str] = field(default_factory=dict)  # proposed label's words -> label
    drop: set[frozenset[str]] = field(default_factory=set)

    def name_of(self, proposed: str) -> str | None:
        """The user's label for a proposed concept label, None when the file does not mention it."""
        return self.renames.get(label_key(proposed))

    def dropped(self, proposed: str) -> bool:
        return label_key(proposed) in self.drop


def label_key(label: str) -> frozenset[str]:
    """A proposed label as the set of its words, so that word order and separators do not matter."""
    return frozenset(words(label))


def _texts(value: object, where: str, split: str | None = None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        items: list[object] = list(value.split(split)) if split else [value]
    elif isinstance(value, list):
        items = value
    else:
        raise ConceptFileError(f"{where}: expected text or a list of texts, got {type(value).__name__}")
    out = [str(v).strip() for v in items if str(v).strip()]
    if any(not isinstance(v, str | int | float) for v in items):
        raise ConceptFileError(f"{where}: every item must be text")
    return out


def read_concept_file(path: Path) -> ConceptFile:
    """Parse and check a concept file; raises ``ConceptFileError`` naming the bad entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConceptFileError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConceptFileError(f"{path}: expected a mapping with 'concepts' (and optionally 'drop')")
    unknown = set(data) - {"concepts", "drop"}
    if unknown:
        raise ConceptFileError(f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    out = ConceptFile()
    entries = data.get("concepts") or []
    if not isinstance(entries, list):
        raise ConceptFileError(f"{path}: 'concepts' must be a list")
    for i, entry in enumerate(entries, 1):
        where = f"{path}: concept {i}"
        if not isinstance(entry, dict) or not str(entry.get("label") or "").strip():
            raise ConceptFileError(f"{where}: each concept needs a 'label'")
        extra = set(entry) - {"label", "terms", "rename", "merge"}
        if extra:
            raise ConceptFileError(f"{where}: unknown key(s) {', '.join(sorted(map(str, extra)))}")
        label = str(entry["label"]).strip()
        terms = _texts(entry.get("terms"), where)
        proposed = _texts(entry.get("rename"), where) + _texts(entry.get("merge"), where, split="|")
        if not terms and not proposed:
            raise ConceptFileError(f"{where} ({label}): give 'terms' to pin it, or 'rename'/'merge'")
        if terms:
            out.pins.append(Pin(label, tuple(terms)))
        for name in proposed:
            out.renames[label_key(name)] = label
    out.drop = {label_key(name) for name in _texts(data.get("drop"), f"{path}: drop")}
    return out
