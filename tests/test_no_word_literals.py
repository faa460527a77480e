"""Word lists live in language data (``lang/<code>/*.yaml|tsv``), never as Python literals in
``powermap/extract``: a set, frozenset, list, tuple or dict keyed by three or more lower-case words
is refused. A collection of identifiers only (actor types, record lists, stage artefacts, language
codes, dependency labels, knowledge-base sources) is no word list."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from powermap import lang
from powermap.extract.stage import ARTEFACTS
from powermap.records import STAGE_FIELDS, ActorType

EXTRACT = Path(__file__).resolve().parents[1] / "src" / "powermap" / "extract"
WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]+)*$")
#: Universal Dependencies relations and the spaCy English labels the stages test against
_LABELS = """acl advcl advmod amod appos aux auxpass case cc ccomp clf compound conj cop csubj csubjpass dative dep
det discourse dislocated dobj expl fixed flat goeswith iobj list mark neg nmod nsubj nsubjpass nummod obj obl orphan
parataxis pobj poss oprd prep prt punct relcl reparandum root vocative xcomp"""
DEP_LABELS = frozenset(_LABELS.split())
KB_SOURCES = frozenset({"curated", "mledoze", "capital", "wikidata", "phoenix"})
IDENTIFIERS = frozenset(ActorType.__args__) | frozenset(STAGE_FIELDS) | frozenset(ARTEFACTS) | lang.codes()
#: the kinds of units the claim tables declare (time, measure, currency, ...)
UNIT_KINDS = frozenset(row["kind"] for code in lang.codes() for row in lang.table(code, "units") if row.get("kind"))
IDENTIFIERS |= DEP_LABELS | KB_SOURCES | UNIT_KINDS


def word_collections(source: str) -> list[tuple[int, list[str]]]:
    """(line, words) of every literal collection of three or more lower-case words in ``source``."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            items: list[ast.expr | None] = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        else:
            continue
        strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
        words = [s for s in strings if WORD.match(s) and s == s.lower()]
        if len(words) >= 3 and not set(words) <= IDENTIFIERS:
            out.append((node.lineno, words))
    return out


def test_the_detector_finds_word_lists_and_spares_identifiers():
    found = word_collections('A = frozenset({"de", "het", "the"})\nB = ("obj", "obl", "nmod")\nC = {"media": 1}')
    assert found == [(1, ["de", "het", "the"])]
    assert word_collections('D = ["hij", "zij", "ze"]\nE = {"van": 1, "of": 2, "de": 3}')


def test_no_literal_word_collections_in_extract():
    offenders = []
    for path in sorted(EXTRACT.rglob("*.py")):
        rel = path.relative_to(EXTRACT).as_posix()
        found = word_collections(path.read_text(encoding="utf-8"))
        offenders += [f"{rel}:{line}: {words[:5]}" for line, words in found]
    assert not offenders, "word lists belong in lang/<code>/words.yaml:\n" + "\n".join(offenders)
