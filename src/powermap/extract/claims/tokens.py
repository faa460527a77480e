"""The claim stage's tokens: regex words and numbers with offsets, tied to the parse."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from powermap.extract._tokens import token_table

TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[$€£¥%]|\w+(?:[’'\-]\w+)*\.?|[^\w\s]")
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass
class Tok:
    """A regex token with offsets and, where parsed, the spaCy token that holds it (``parsed``:
    kept as the Doc and the token's index, the Token object built only when asked for)."""

    text: str
    start: int
    end: int
    pos: str = ""
    doc: Any = field(default=None, repr=False)  # spacy.tokens.Doc
    at: int = -1  # the index in ``doc`` of the parsed token, -1 for none

    @property
    def parsed(self) -> Any:
        """The spaCy token that holds this one, or None."""
        return self.doc[self.at] if self.at >= 0 else None

    @parsed.setter
    def parsed(self, token: Any) -> None:
        self.doc, self.at = (None, -1) if token is None else (token.doc, token.i)

    @cached_property
    def low(self) -> str:
        """The text in lower case (computed once: the reader asks for it many times per token)."""
        return self.text.lower()


def sentence_tokens(text: str, doc: Any, start: int, end: int) -> list[Tok]:
    """Regex tokens of ``text[start:end]``, each tied to the last parsed token inside it
    (twenty-five: the parse's head token is the last one)."""
    toks = []
    table = token_table(doc) if doc is not None else None
    for m in TOKEN.finditer(text, start, end):
        word = m.group().rstrip(".") or m.group()
        tok = Tok(word, m.start(), m.start() + len(word))
        if table is not None:
            at = table.last_index(tok.start, tok.end)
            if at >= 0:
                tok.doc, tok.at, tok.pos = doc, at, table.pos[at]
        toks.append(tok)
    return toks


def opens_quantity(text: str, start: int, end: int, lex: Any) -> bool:
    """Whether a claim may start in ``text[start:end]``: a token of ``sentence_tokens`` that is
    not ``lex.inert`` (the quantity reader skips those), or a bracket (an age: *Naam (75)*).
    Read without making the tokens: most sentences hold no quantity."""
    if "(" in text[start:end]:
        return True
    inert = lex.inert
    for m in TOKEN.finditer(text, start, end):
        word = m.group()
        if not inert((word.rstrip(".") or word).lower()):
            return True
    return False


def index_after(toks: list[Tok], end: int) -> int:
    """The index of the first token after the one that reaches ``end``."""
    for k, t in enumerate(toks):
        if t.end >= end:
            return k + 1
    return len(toks)
