"""The quote marks of each language are one list (lang/<code>/quote_marks.tsv), read by quote
extraction, the punctuation component and (as a checked copy) the parser's augmentation."""

from __future__ import annotations

import configparser
import json
from pathlib import Path

from powermap.annotate.augment import quote_roles
from powermap.annotate.punctuation import QUOTE_PAIRS
from powermap.extract.quotes.lexicon import quote_lexicon
from powermap.lang.tables import languages_with, load_table

ROOT = Path(__file__).resolve().parent.parent


def _pairs(code: str) -> set[tuple[str, str]]:
    return {(r["open"], r["close"]) for r in load_table(code, "quote_marks")}


def test_punctuation_reads_the_dutch_list() -> None:
    assert set(QUOTE_PAIRS) == _pairs("nl")


def test_punctuation_roles_of_the_marks_in_the_shipped_model() -> None:
    # the roles the shipped model's punctuation rule gave before the list moved to language data
    words = [",,", "ja", "''", "„", "nee", "”", "“", "wel", "”", "‘", "x", "’", "«", "y", "»"]
    roles = quote_roles(
        words, [True] * len(words), [not w.isalpha() for w in words], [True] + [False] * 14, QUOTE_PAIRS
    )
    assert [r for r in roles if r] == ["open", "close"] * 5


def test_quote_extraction_reads_the_same_list() -> None:
    assert _pairs("nl") <= set(quote_lexicon("nl").pairs)
    assert _pairs("en") <= set(quote_lexicon("en").pairs)


def test_syntax_config_pairs_come_from_language_data() -> None:
    config = configparser.ConfigParser(interpolation=None, strict=False)
    config.read(ROOT / "training" / "syntax.cfg", encoding="utf-8")
    pairs = {tuple(p) for p in json.loads(config["corpora.train.augmenter"]["pairs"])}
    known = set().union(*(_pairs(code) for code in languages_with("quote_marks")))
    assert pairs <= known
