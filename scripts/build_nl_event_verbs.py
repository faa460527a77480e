"""Build ``src/powermap/lang/<code>/event_verbs.mapped.tsv``: CAMEO rows mapped from the English lexicon.

Usage::

    python scripts/build_nl_event_verbs.py [--language nl]

A Dutch verb listed in ``lang/nl/event_map_verbs.tsv`` for an English verb takes that verb's rows
of ``lang/en/event_verbs*.tsv`` (PETRARCH2's CAMEO.2.0.txt synsets, hand-written English rows
first): its CAMEO code, flags and pattern, each pattern word translated by
``lang/nl/event_map_words.tsv`` (an item without a Dutch word leaves its row out). A Dutch lemma
with rows in a hand-written lexicon file (any other ``event_verbs*.tsv`` of the language) is
skipped: curated rows are more precise than mapped ones, and the lexicon reads every file.
Another language maps the same way from its own two ``event_map_*.tsv`` files (``--language``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANG = ROOT / "src" / "powermap" / "lang"
MAPPED = "event_verbs.mapped.tsv"
HEADER = """\
# Verb-and-pattern lexicon to CAMEO: rows mapped from the English lexicon by
# scripts/build_nl_event_verbs.py (do not edit; edit event_map_verbs.tsv and
# event_map_words.tsv in this folder and run the script). Codes, flags and patterns: PETRARCH2's
# CAMEO.2.0.txt (openeventdata/petrarch2 676801c, data/dictionaries; MIT Licence, Copyright (c)
# 2015 Open Event Data Alliance) as lang/en/event_verbs*.tsv hold them; the words: the two
# mapping files (written for powermap; MIT). Format as event_verbs.tsv (docs/events.md).
lemma\tcameo\tpattern\tflags
"""


def read_rows(path: Path) -> list[list[str]]:
    """The data rows of a lexicon-format TSV (comments and the header line skipped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [*line.split("\t"), "", "", ""][:4]
        if cells[0] in ("lemma", "english"):
            continue
        rows.append(cells)
    return rows


def read_map(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for english, dutch, *_ in read_rows(path):
        out.setdefault(english.strip(), []).extend(w.strip() for w in dutch.split("|") if w.strip())
    return out


def english_rows() -> dict[str, list[tuple[str, str, str]]]:
    """English rows per lemma, hand-written ones first; one row per (lemma, pattern)."""
    files = sorted((LANG / "en").glob("event_verbs*.tsv"), key=lambda p: (".local" not in p.name, p.name))
    rows: dict[str, list[tuple[str, str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for path in files:
        for lemma, code, pattern, flags in read_rows(path):
            if (lemma, pattern) not in seen and code:
                seen.add((lemma, pattern))
                rows.setdefault(lemma, []).append((code, pattern, flags))
    return rows


def translate(pattern: str, words: dict[str, list[str]]) -> str | None:
    """The pattern in Dutch words, or None when an item has no Dutch alternative."""
    items = []
    for item in pattern.split():
        dutch = [d for alt in item.split("|") for d in words.get(alt, [])]
        if not dutch:
            return None
        items.append("|".join(dict.fromkeys(dutch)))
    return " ".join(items)


def hand_lemmas(language: str) -> set[str]:
    """Lemmas with rows in the language's hand-written lexicon files."""
    paths = [p for p in (LANG / language).glob("event_verbs*.tsv") if p.name != MAPPED]
    return {row[0] for path in paths for row in read_rows(path)}


def build(language: str = "nl") -> list[tuple[str, str, str, str]]:
    verbs = read_map(LANG / language / "event_map_verbs.tsv")
    words = read_map(LANG / language / "event_map_words.tsv")
    hand = hand_lemmas(language)
    english = english_rows()
    out: list[tuple[str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for eng, dutch_lemmas in verbs.items():
        for dutch in dutch_lemmas:
            if dutch in hand:
                continue
            for code, pattern, flags in english.get(eng, []):
                mapped = translate(pattern, words) if pattern else ""
                if mapped is None or (dutch, mapped) in seen:
                    continue
                seen.add((dutch, mapped))
                out.append((dutch, code, mapped, flags))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", default="nl", help="language folder under src/powermap/lang")
    args = parser.parse_args()
    rows = build(args.language)
    out = LANG / args.language / MAPPED
    out.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{out}: {len(rows)} rows, {len({r[0] for r in rows})} lemmas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
