"""The accuracy gate: per-set, per-category F1 floors kept in one JSON file that only moves up.

The file (``tests/accuracy_floors.json``) names each gated set with its gold, corpus and index
folders (relative to the file's repository root) and the F1 floor of every category::

    {"margin": 0.02,
     "sets": {"nl": {"gold": "../shared/gold-dev/nl", "corpus": "../shared/corpus-dev/nl",
                     "index": "../shared/corpus-dev/index.tsv",
                     "floors": {"actors": 0.714, ...}}}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from powermap.evaluate.scoring import CATEGORIES

DEFAULT_MARGIN = 0.02


@dataclass(frozen=True)
class GatedSet:
    """One gated gold set, its paths resolved."""

    name: str
    gold: Path
    corpus: Path
    index: Path | None
    floors: dict[str, float]


@dataclass(frozen=True)
class Shortfall:
    """A category below its floor."""

    set_name: str
    category: str
    f1: float
    floor: float

    def __str__(self) -> str:
        return f"{self.set_name} {self.category}: F1 {self.f1:.3f} is below its floor {self.floor:.3f}"


def read_floors(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data.get("sets"), dict):
        raise ValueError(f"{path}: no 'sets' object")
    return data


def gated_sets(path: Path, root: Path | None = None) -> list[GatedSet]:
    """The sets of a floors file, paths resolved against ``root`` (default: the file's repository root)."""
    data = read_floors(path)
    root = root or path.resolve().parent.parent
    sets = []
    for name, entry in data["sets"].items():
        index = entry.get("index")
        sets.append(
            GatedSet(
                name,
                root / entry["gold"],
                root / entry["corpus"],
                root / index if index else None,
                {k: float(v) for k, v in (entry.get("floors") or {}).items()},
            )
        )
    return sets


def check(set_name: str, scores: dict[str, Any], floors: dict[str, float]) -> list[Shortfall]:
    """Every category whose F1 is below its floor (a category with no score counts as 0)."""
    categories = scores.get("categories", {})
    shortfalls = []
    for category, floor in floors.items():
        f1 = float(categories.get(category, {}).get("f1", 0.0))
        if f1 < floor - 1e-9:
            shortfalls.append(Shortfall(set_name, category, f1, floor))
    return shortfalls


def raised(floors: dict[str, float], scores: dict[str, Any], margin: float) -> dict[str, float]:
    """Floors moved up to F1 minus ``margin`` where that is higher; never lowered, never below 0."""
    categories = scores.get("categories", {})
    out = {}
    for category in CATEGORIES:
        proposal = max(round(float(categories.get(category, {}).get("f1", 0.0)) - margin, 3), 0.0)
        out[category] = max(floors.get(category, 0.0), proposal)
    return out


def write_raised(path: Path, results: dict[str, dict[str, Any]]) -> dict[str, dict[str, tuple[float, float]]]:
    """Raise the floors of ``path`` from per-set scores; returns ``{set: {category: (old, new)}}`` changed."""
    data = read_floors(path)
    margin = float(data.get("margin", DEFAULT_MARGIN))
    changes: dict[str, dict[str, tuple[float, float]]] = {}
    for name, entry in data["sets"].items():
        if name not in results:
            continue
        old = {k: float(v) for k, v in (entry.get("floors") or {}).items()}
        new = raised(old, results[name], margin)
        entry["floors"] = new
        moved = {c: (old.get(c, 0.0), v) for c, v in new.items() if v != old.get(c)}
        if moved:
            changes[name] = moved
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes
