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
parataxis pobj prep prt punct relcl reparandum root vocative xcomp"""
DEP_LABELS = frozenset(_LABELS.split())
KB_SOURCES = frozenset({"curated", "mledoze", "capital", "wikidata", "phoenix"})
IDENTIFIERS = frozenset(ActorType.__args__) | frozenset(STAGE_FIELDS) | frozenset(ARTEFACTS) | lang.codes()
IDENTIFIERS |= DEP_LABELS | KB_SOURCES
#: files of lanes not yet moved to language data (the lead removes an entry when its lane merges)
PENDING = frozenset(
    {
        "claims/__init__.py",
        "events/actors.py",
        "events/coder.py",
        "events/fallback.py",
        "events/syntax.py",
        "quotes/__init__.py",
        "quotes/attribution.py",
    }
)


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
        if rel in PENDING:
            continue
        found = word_collections(path.read_text(encoding="utf-8"))
        offenders += [f"{rel}:{line}: {words[:5]}" for line, words in found]
    assert not offenders, "word lists belong in lang/<code>/words.yaml:\n" + "\n".join(offenders)


def test_pending_files_still_exist_and_still_need_the_exemption():
    """An entry that is no longer needed is removed, so the allowlist only shrinks."""
    for rel in PENDING:
        path = EXTRACT / rel
        assert path.is_file(), f"{rel} is gone: remove it from PENDING"
        assert word_collections(path.read_text(encoding="utf-8")), f"{rel} has no word list left: remove it"
