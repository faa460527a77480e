"""Name normalisation: offset-preserving folding and transliteration-aware name keys.

``fold`` lower-cases and strips accents one character for one character, so offsets into the
folded text are offsets into the original. ``name_keys`` turns a name into the set of its keys
under the Dutch, French, German and English romanisation conventions (rules in
``kb/curated/translit.tsv``): ``Poetin``, ``Putin`` and ``Poutine`` share the key ``putin``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path


def slug(name: str) -> str:
    """A stable ASCII id from a name: ``Vladimir Putin`` -> ``vladimir_putin``."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


RULES_PATH = Path(__file__).parent / "curated" / "translit.tsv"
CONVENTIONS = ("nl", "fr", "de", "en")
#: Names whose keys are remembered (least recently used out): the knowledge base's own (about
#: 33,000) and room for the names documents bring, so a long run's memory stays bounded.
NAME_KEYS_CACHE = 1 << 16


def fold_char(c: str) -> str:
    """One character lower-cased and without accents, always one character long."""
    base = unicodedata.normalize("NFKD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else base


@cache
def _fold_table() -> dict[int, str]:
    """Code point -> its folded character: A-Z now, other characters as they are first met."""
    return {o: chr(o).lower() for o in range(ord("A"), ord("Z") + 1)}


def fold(text: str) -> str:
    """``text`` lower-cased and accent-free, with the same length (offsets are kept)."""
    if text.isascii():
        return text.lower()
    table = _fold_table()
    for c in set(text):
        o = ord(c)
        if o >= 128 and o not in table:
            table[o] = fold_char(c)
    return text.translate(table)


@cache
def _rules() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    rules: dict[str, list[tuple[re.Pattern[str], str]]] = {c: [] for c in (*CONVENTIONS, "*")}
    for line in RULES_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        conv, pattern, repl = ([*line.split("\t"), "", ""])[:3]
        rules[conv].append((re.compile(pattern), repl))
    return rules


_NOT_NAME_CHAR = re.compile(r"[^\w\s-]")
_NAME_GAP = re.compile(r"[\s-]+")


def _plain(name: str) -> str:
    """``name`` folded, without punctuation, its words joined by single spaces."""
    return " ".join(_NAME_GAP.split(_NOT_NAME_CHAR.sub("", fold(name)))).strip()


def _apply(rules: list[tuple[re.Pattern[str], str]], s: str) -> str:
    for pattern, repl in rules:
        s = pattern.sub(repl, s)
    return s


def name_key(name: str, convention: str) -> str:
    """The key of ``name`` read under one romanisation convention (``nl``, ``fr``, ``de``, ``en``)."""
    rules = _rules()
    return _apply(rules["*"], _apply(rules.get(convention, []), _plain(name))).lower()


@lru_cache(maxsize=NAME_KEYS_CACHE)
def name_keys(name: str) -> frozenset[str]:
    """Every key of ``name`` (one per convention); two names match when their key sets meet.

    The same as ``name_key`` per convention; the plain form is made once, and the rules of every
    convention (``*``) run once per distinct result of the conventions' own rules (one for most
    names, which no convention changes), not four times."""
    rules = _rules()
    plain = _plain(name)
    own = {_apply(rules.get(c, []), plain) for c in CONVENTIONS}
    return frozenset(_apply(rules["*"], s).lower() for s in own)
