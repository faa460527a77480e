"""Text helpers shared by the stages: the one word pattern and tokenizer for raw text, the
sentences of a parsed Doc (``sentences``), a plain-text sentence splitter for passes that must
run without a parse, and footnotes.

Everything works on character offsets into the document text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from powermap import lang
from powermap.extract._tokens import token_table
from powermap.lang.tables import languages_with, load_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.tokens import Token as SpacyToken

#: a word in raw text: a letter, then letters, digits, apostrophes or hyphens
WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
TOKEN_RE = re.compile(r"\w+(?:[’'\-]\w+)*\.?|[^\w\s]")
#: words written with a full stop that ends no sentence (``words.yaml`` lists of every language)
_ABBREVIATIONS = lang.union("abbreviations")
_SENT_END = re.compile(r"[.!?…]+[”’\"'»)\]]*\d{0,3}(?=\s+[\"“„‘'«(\-–—\w])")


def alternation(words: Iterable[str]) -> str:
    """``words`` re-escaped and joined with ``|``, longest first (so a longer word wins where a
    shorter one is its start), for a regular expression; made once per set of words (the actor
    passes build the same patterns for every document). Words of one length may come in any
    order: two of them never both match at one place in a text."""
    return _alternation(words if isinstance(words, frozenset) else frozenset(words))


@lru_cache(maxsize=256)
def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".") if len(self.text) > 1 else self.text.lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        word = m.group()
        if word.endswith(".") and len(word) > 1 and word[:-1].lower() not in _ABBREVIATIONS:
            out.append(Token(word[:-1], m.start(), m.end() - 1))
            out.append(Token(".", m.end() - 1, m.end()))
        else:
            out.append(Token(word, m.start(), m.end()))
    return out


@dataclass(frozen=True)
class Sentence:
    """A sentence span; ``paragraph`` counts the text's non-empty lines."""

    start: int
    end: int
    paragraph: int
    index: int


def split_sentences(text: str, masked: str | None = None) -> list[Sentence]:
    """Sentences of ``text``; ``masked`` (same length) hides quote contents from the splitter."""
    scan = masked if masked is not None else text
    out: list[Sentence] = []
    para = -1
    for line in re.finditer(r"[^\n]+", scan):
        if not line.group().strip():
            continue
        para += 1
        pos = line.start()
        for m in _SENT_END.finditer(scan, line.start(), line.end()):
            if re.match(r"[.!?…]\d", m.group()) and m.start() > 0 and scan[m.start() - 1].isdigit():
                continue  # a decimal point (1,250.5), not a sentence end with a footnote marker
            before = re.search(r"(\w+)\.$", scan[max(pos, m.start() - 12) : m.start() + 1])
            if before and (before.group(1).lower() in _ABBREVIATIONS or len(before.group(1)) == 1):
                continue
            _add(out, text, pos, m.end(), para)
            pos = m.end()
        _add(out, text, pos, line.end(), para)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para, len(out)))


@dataclass
class Notes:
    """The numbered notes block at the end of an article and the markers that cite it."""

    body_end: int
    notes: dict[int, str] = field(default_factory=dict)
    markers: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, number)

    def in_notes(self, pos: int) -> bool:
        return pos >= self.body_end

    def is_marker(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in self.markers)


@cache
def _footnote_headings() -> frozenset[str]:
    return frozenset(
        row["word"].lower()
        for lang in languages_with("claims")
        for row in load_table(lang, "claims")
        if row["kind"] == "footnote_heading"
    )


_NOTE_LINE = re.compile(r"^\s*(?:[-•*]\s*|\[?(\d{1,3})[\].)]\s+|(\d{1,3})\s+)(.+)$")
_MARKER = re.compile(r"(?<!\d[.,])(?<=[.,;:!?)\]”’\"»a-zà-ÿ])(\d{1,3})(?=[\s.,;:)]|$)")


def find_notes(text: str) -> Notes:
    """The notes block (after a heading such as ``Noten``/``Footnotes``) and its markers."""
    headings = _footnote_headings()
    body_end = len(text)
    notes: dict[int, str] = {}
    for m in re.finditer(r"^[ \t]*([^\n]{1,30}?)[ \t:]*$", text, re.MULTILINE):
        if m.group(1).strip().lower() in headings:
            body_end = m.start()
            count = 0
            for line in text[m.end() :].splitlines():
                nm = _NOTE_LINE.match(line)
                if not nm:
                    continue
                count += 1
                number = int(nm.group(1) or nm.group(2) or count)
                notes[number] = nm.group(3).strip()
            break
    result = Notes(body_end=body_end, notes=notes)
    if notes:
        for m in _MARKER.finditer(text, 0, body_end):
            n = int(m.group(1))
            before = re.search(r"(\w*)$", text[max(0, m.start() - 20) : m.start()])
            word = before.group(1) if before else ""
            if n in notes and (not word or (len(word) >= 3 and word.islower())):
                result.markers.append((m.start(), m.end(), n))
    return result


# -- the sentences of a parsed Doc ---------------------------------------------------------------
FINAL = ".!?:;\"'”’»…)"
FOOTNOTE = re.compile(r"[.!?\"”’)]\d{1,3}$")


#: the last Doc whose sentences were read and their (start, end) tokens: the stages that read a
#: document's sentences one after the other (events, stances) find them once
_last_sentences: tuple[Doc, int, list[tuple[int, int]]] | None = None


def sentences(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, or the whole Doc when nothing set sentence boundaries. A blank
    line, or a line break after a full stop, always ends a sentence (a caption or headline is
    not joined to the next paragraph; hard-wrapped lines inside a sentence stay together)."""
    global _last_sentences
    found = _last_sentences  # read once: another thread may replace it meanwhile
    if found is None or found[0] is not doc or found[1] != len(doc):
        found = (doc, len(doc), _sentence_bounds(doc))
        _last_sentences = found
    return iter([doc[start:end] for start, end in found[2]])


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) tokens of ``_find_sentences(doc)``, read from the token table's columns
    instead of a Token object per word (``joined`` and ``split_lines`` on plain lists)."""
    if "sents" in doc.user_hooks or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [(s.start, s.end) for s in _find_sentences(doc)]
    table = token_table(doc)
    words, spaces, blank = table.words, table.spaces, table.is_space
    size = len(words)

    def text_with_ws(first: int, end: int) -> str:
        return "".join(words[i] + spaces[i] for i in range(first, end))

    def cut(first: int, end: int) -> Iterator[tuple[int, int]]:  # split_lines
        begin, last = first, -1
        for i in range(first, end):
            breaks = (words[i] if blank[i] else "") + spaces[i]
            if "\n" in breaks and last >= begin and ("\n\n" in breaks or words[last][-1] in FINAL):
                yield begin, i + 1
                begin = i + 1
            if not blank[i]:
                last = i
        if not all(blank[begin:end]):
            yield begin, end

    out: list[tuple[int, int]] = []
    starts = table.sentence_starts
    begin = None
    for n, first in enumerate(starts):  # joined
        end = starts[n + 1] if n + 1 < len(starts) else size
        begin = first if begin is None else begin
        last = [i for i in range(first, end) if not blank[i]][-2:]
        tail = text_with_ws(last[-1] + 1, min(end + 1, size)) if last else ""
        if not last or ended_text("".join(words[i] + spaces[i] for i in last)) or "\n" in tail or end == size:
            out.extend(cut(begin, end))
            begin = None
    if begin is not None:
        out.extend(cut(begin, size))
    return out


def _find_sentences(doc: Doc) -> Iterator[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for sent in joined(doc):
            yield from split_lines(sent)
    elif len(doc):
        yield doc[:]


def joined(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, a boundary the parser put mid-line without final punctuation
    (*... is van plan | Kiev garanties op te leggen.*) undone."""
    begin = None
    for sent in doc.sents:
        begin = sent.start if begin is None else begin
        words = [t for t in sent if not t.is_space]
        tail = "".join(t.text_with_ws for t in doc[words[-1].i + 1 : sent.end + 1]) if words else ""
        if not words or ended(words[-2:]) or "\n" in tail or sent.end == len(doc):
            yield doc[begin : sent.end]
            begin = None
    if begin is not None:
        yield doc[begin:]


def ended(last: list[SpacyToken]) -> bool:
    """Whether the last words end a sentence: final punctuation, maybe with a footnote
    number after it (*... de boeren.7*)."""
    return ended_text("".join(t.text_with_ws for t in last))


def ended_text(text: str) -> bool:
    """``ended`` of the words' text (with its whitespace)."""
    text = text.rstrip()
    return text[-1] in FINAL or bool(FOOTNOTE.search(text))


def split_lines(sent: Span) -> Iterator[Span]:
    """``sent`` cut at paragraph breaks and at line breaks after sentence-final punctuation."""
    begin, last = sent.start, None
    for tok in sent:
        breaks = (tok.text if tok.is_space else "") + tok.whitespace_
        cut = "\n\n" in breaks or ("\n" in breaks and last is not None and last.text[-1] in FINAL)
        if cut and last is not None and last.i >= begin:  # leading breaks stay with what follows
            yield sent.doc[begin : tok.i + 1]
            begin = tok.i + 1
        if not tok.is_space:
            last = tok
    if any(not t.is_space for t in sent.doc[begin : sent.end]):
        yield sent.doc[begin : sent.end]


def trimmed(sent: Span) -> tuple[int, int]:
    """The character span of ``sent`` without its leading and trailing whitespace."""
    if not len(sent):
        text, start_char = sent.text, sent.start_char
    else:  # ``sent.text`` joins its tokens again: slice the Doc's text, read once
        table = token_table(sent.doc)
        start_char = table.starts[sent.start]
        text = table.text[start_char : table.ends[sent.end - 1]]
    start = start_char + (len(text) - len(text.lstrip()))
    return start, start_char + len(text.rstrip())
