"""Build ``src/powermap/lang/en/event_verbs.tsv`` from PETRARCH2's CAMEO verb dictionary.

Usage::

    python scripts/build_en_event_verbs.py [--data ../shared/data/event-coding]

The PETRARCH pattern syntax is reduced to powermap's lexicon format (docs/events.md):
verbs of a synonym block share its patterns; the words after ``*`` (prepositional
groups, brace phrases and synsets included, synsets expanded to alternatives) become an
order-free bag of words that must all occur in the predicate's complements. Patterns
with words before ``*`` (subject constraints) are dropped.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "powermap" / "lang" / "en" / "event_verbs.tsv"
SKIP = {"A", "AN", "THE", "$", "+", "%", "^", "*"}


def parse_code(raw: str) -> str:
    """The CAMEO code of a pattern: of a paired code ``[ccc:ddd]`` (the source's event, then
    the target's) the source's; ``[:ddd]`` codes only the target's event on the source, which
    the lexicon marks ``:reverse`` (flag ``reverse``: the source and target swap roles)."""
    raw = raw.strip()
    if raw.startswith("---"):
        return "---"
    src, _, tgt = raw.partition(":")
    code = src or tgt
    if not re.fullmatch(r"\d{2,4}", code):
        return "---"
    return code if src else code + ":reverse"


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("&"):
            current = line.split()[0][1:].rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            phrase = line[1:].split("#")[0].strip().rstrip("_").lower()
            if phrase:
                sets[current].append(phrase.split("_")[-1])
        elif line.startswith("---"):
            current = None
    return sets


def pattern_words(text: str, synsets: dict[str, list[str]]) -> list[str] | None:
    before, star, after = text.partition("*")
    if not star or re.search(r"[A-Za-z&]", before):
        return None
    words: list[str] = []
    for tok in re.sub(r"[(){}]", " ", after).split():
        if tok in SKIP or tok.startswith("#"):
            continue
        if tok.startswith("&"):
            alts = synsets.get(tok[1:].rstrip("_"))
            if not alts:
                return None
            words.append("|".join(dict.fromkeys(alts)))
        else:
            word = tok.strip("$+%^_").lower().replace("_", " ").split(" ")[-1]
            if word:
                words.append(word)
    return words


def verb_entry(line: str) -> tuple[str, list[str], str | None]:
    """(lemma, extra words of a multi-word verb, own code) for a verb line."""
    code = None
    m = re.search(r"\[([^\]]*)\]", line)
    if m:
        code = parse_code(m.group(1))
    head = re.sub(r"\{.*?\}|\[.*?\]|#.*", "", line).strip().split()
    if not head:
        return "", [], code
    parts = head[0].split("_")
    marked = [p for p in parts if p.startswith("+")]
    verb = (marked[0] if marked else parts[0]).lstrip("+")
    extra = [p.lstrip("+").lower() for p in parts if p.lstrip("+") != verb and p]
    return verb.lower(), extra, code


def read_verb_dictionary(text: str) -> dict[tuple[str, str], str]:
    """(lemma, pattern words) -> CAMEO code for a PETRARCH verb dictionary's text."""
    lines = text.splitlines()
    marker = next((i for i, line in enumerate(lines) if "VERB PATTERNS" in line), None)
    start = marker if marker is not None else next(i for i, line in enumerate(lines) if line.startswith("---")) - 1
    synsets = read_synsets(lines[:start])
    rows: dict[tuple[str, str], str] = {}
    block_code = "---"
    verbs: list[tuple[str, list[str], str | None]] = []
    patterns: list[tuple[list[str], str]] = []

    def flush() -> None:
        for lemma, extra, own in verbs:
            if not lemma:
                continue
            base = " ".join(extra)
            rows.setdefault((lemma, base), own or block_code)
            for words, code in patterns:
                rows.setdefault((lemma, " ".join([*extra, *words]).strip()), code)

    for line in lines[start + 1 :]:
        line = line.rstrip()
        if line.startswith("---"):
            flush()
            verbs, patterns = [], []
            m = re.search(r"\[([^\]]*)\]", line)
            block_code = parse_code(m.group(1)) if m else "---"
        elif line.startswith("-"):
            m = re.search(r"\[([^\]]*)\]", line)
            if not m:
                continue
            words = pattern_words(line[1 : m.start()], synsets)
            if words is not None:
                patterns.append((words, parse_code(m.group(1))))
        elif line and not line.startswith("#") and re.match(r"[A-Z+]", line):
            verbs.append(verb_entry(line))
    flush()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "event-coding")
    args = parser.parse_args()
    text = (args.data / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    rows = read_verb_dictionary(text)
    header = [
        "# English verb-and-pattern lexicon to CAMEO, for powermap's event coder (docs/events.md).",
        "# Derived by scripts/build_en_event_verbs.py from PETRARCH2's CAMEO.2.0.txt verb dictionary",
        "# (openeventdata/petrarch2 676801c, data/dictionaries; MIT Licence,",
        "# Copyright (c) 2015 Open Event Data Alliance; patterns from the TABARI CAMEO dictionaries",
        "# and WordNet synonym sets). '---' = the pattern codes no event; flag reverse: a [:code]",
        "# pattern, whose event goes from the target to the subject (received an invitation from X).",
        "lemma\tcameo\tpattern\tflags",
    ]
    body = [
        f"{lemma}\t{code.split(':')[0]}\t{pat}\t{'reverse' if code.endswith(':reverse') else ''}"
        for (lemma, pat), code in sorted(rows.items())
    ]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"wrote {len(body)} rows to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
