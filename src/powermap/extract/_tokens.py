"""A parsed Doc's token attributes read once and shared by the stages: ``token_table(doc)``.

Reading ``token.pos_``, ``token.lemma_`` or ``token.idx`` goes through spaCy's Cython
properties (a new ``Token`` object, a string-store lookup) every time; the stages ask for the
same attributes of the same tokens many times. The table reads each column of the whole Doc
once, on first use, into plain lists indexed by token position, and is kept per Doc (weakly:
it goes when the Doc goes). The Doc must not be changed after its table is read.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary, ref

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TABLES: WeakKeyDictionary[Doc, TokenTable] = WeakKeyDictionary()


class TokenTable:
    """Columns of one Doc's token attributes; each is read from the Doc the first time it is asked for."""

    def __init__(self, doc: Doc) -> None:
        # weakly: a table that held its Doc would keep its own entry in ``_TABLES`` alive for ever
        self._doc = ref(doc)

    @property
    def doc(self) -> Doc:
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the Doc of this token table is gone")
        return doc

    def _strings(self, attr: str) -> list[str]:
        strings = self.doc.vocab.strings
        return [strings[key] for key in self.doc.to_array(attr).tolist()]

    @cached_property
    def starts(self) -> list[int]:
        """``token.idx`` of every token."""
        return self.doc.to_array("IDX").tolist()

    @cached_property
    def ends(self) -> list[int]:
        """``token.idx + len(token)`` of every token (its trailing whitespace left out)."""
        return [start + length for start, length in self.doc.to_array(["IDX", "LENGTH"]).tolist()]

    @cached_property
    def pos(self) -> list[str]:
        """``token.pos_`` of every token."""
        return self._strings("POS")

    @cached_property
    def is_alpha(self) -> list[bool]:
        """``token.is_alpha`` of every token."""
        return [bool(flag) for flag in self.doc.to_array("IS_ALPHA").tolist()]

    @cached_property
    def lower(self) -> list[str]:
        """``token.lower_`` of every token."""
        return self._strings("LOWER")

    @cached_property
    def derived(self) -> dict[str, Any]:
        """What a stage reads from the Doc once and keeps with the table, by a name of its own."""
        return {}

    @cached_property
    def dep_ids(self) -> list[int]:
        """``token.dep`` (the label's string-store id) of every token."""
        return self.doc.to_array("DEP").tolist()

    @cached_property
    def lemmas(self) -> list[str]:
        """``token.lemma_`` of every token."""
        return self._strings("LEMMA")

    @cached_property
    def words(self) -> list[str]:
        """``token.text`` of every token."""
        return self._strings("ORTH")

    @cached_property
    def spaces(self) -> list[str]:
        """``token.whitespace_`` of every token."""
        return [" " if flag else "" for flag in self.doc.to_array("SPACY").tolist()]

    @cached_property
    def is_space(self) -> list[bool]:
        """``token.is_space`` of every token."""
        return [bool(flag) for flag in self.doc.to_array("IS_SPACE").tolist()]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The first token of every sentence, in order (spaCy's sentence starts, as ``token.sent`` reads them)."""
        doc = self.doc
        if not doc.has_annotation("SENT_START"):
            raise ValueError("the Doc has no sentence boundaries")  # as ``token.sent`` does
        flags = doc.to_array("SENT_START").tolist()
        return [0, *(i for i in range(1, len(flags)) if flags[i] == 1)] if flags else []

    def sentence(self, i: int) -> tuple[int, int]:
        """``(tok.sent.start, tok.sent.end)`` of token ``i``, without building the Span."""
        starts = self.sentence_starts
        at = bisect_right(starts, i) - 1
        return starts[at], (starts[at + 1] if at + 1 < len(starts) else len(self.lower))

    def sentence_words(self, i: int) -> frozenset[str]:
        """``{t.lower_ for t in tok.sent}`` of token ``i``, built once per sentence."""
        start, end = self.sentence(i)
        found = self._sentence_words.get(start)
        if found is None:
            found = self._sentence_words[start] = frozenset(self.lower[start:end])
        return found

    @cached_property
    def _sentence_words(self) -> dict[int, frozenset[str]]:
        return {}

    @cached_property
    def text(self) -> str:
        """The Doc's text (``doc.text`` builds a Token per word to join their texts on each access)."""
        return "".join(word + space for word, space in zip(self.words, self.spaces, strict=True))

    @cached_property
    def length(self) -> int:
        """The length of the Doc's text (``doc.text`` is rebuilt from the tokens on every access)."""
        return self.ends[-1] + len(self.doc[-1].whitespace_) if len(self.doc) else 0

    def token_at(self, char: int) -> int:
        """The index of the token whose text or trailing whitespace holds character ``char``
        (spaCy's ``token_by_char``); -1 outside the text."""
        if char < 0 or char >= self.length:
            return -1
        return bisect_right(self.starts, char) - 1

    def last_token(self, start: int, end: int) -> Token | None:
        """The last token of ``doc.char_span(start, end, alignment_mode="expand")``, or None
        where that span is None or empty."""
        at = self.last_index(start, end)
        return self.doc[at] if at >= 0 else None

    def last_index(self, start: int, end: int) -> int:
        """The index of ``last_token(start, end)``, -1 for None."""
        first, last = self.token_at(start), self.token_at(end - 1)
        if first < 0 or last < 0:
            return -1
        if start == self.ends[first]:  # in the first token's trailing whitespace
            first += 1
        return last if first <= last else -1


#: the table asked for last (the stages ask for one Doc's table many times in a row): a weak
#: reference to its Doc and the table, so that a repeated question costs no weak-dictionary lookup
_last: tuple[ref[Doc], TokenTable] | None = None


def token_table(doc: Doc) -> TokenTable:
    """The token table of ``doc``, read once per Doc."""
    global _last
    last = _last  # read once: another thread may replace it meanwhile
    if last is not None and last[0]() is doc:
        return last[1]
    table = _TABLES.get(doc)
    if table is None:
        table = _TABLES[doc] = TokenTable(doc)
    _last = (table._doc, table)
    return table
