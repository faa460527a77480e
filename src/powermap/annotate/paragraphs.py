"""Annotate a text paragraph by paragraph and join the parts into one offset-exact ``Doc``.

Statistical parsers are trained on sentences without line breaks. Given a whole article, spaCy
turns each line break into a whitespace token that the parser must place in the tree, and it
often gives it a real role: a sentence that starts after a line break can lose its subject to
the ``"\\n"`` token. Parsing each paragraph on its own and putting the line breaks back as
whitespace tokens that head themselves avoids that, and costs nothing in accuracy elsewhere:
a paragraph break is always a sentence break.

A break is a run of whitespace holding a blank line, or a line break right after
sentence-final punctuation (a footnote number may follow it). A single line break inside a
sentence (hard-wrapped text) stays inside its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

#: whitespace with a blank line, or a line break after final punctuation (+ footnote digits)
BREAK = re.compile(r"\s*\n[^\S\n]*\n\s*|(?<=[.!?…:;\"'”’»)])\d{0,3}\s*\n\s*")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``; the whitespace between them is left out."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in BREAK.finditer(text):
        ws = m.start() + (len(m.group()) - len(m.group().lstrip("0123456789")))  # footnote digits stay
        if ws > begin and text[begin:ws].strip():
            spans.append((begin, ws))
        begin = m.end()
    if text[begin:].strip():
        spans.append((begin, len(text)))
    out = []
    for start, end in spans:  # leading and trailing whitespace belongs to the gaps
        inner = text[start:end]
        out.append((start + len(inner) - len(inner.lstrip()), start + len(inner.rstrip())))
    return out


def whitespace_doc(vocab: Vocab, make_doc: Callable[[str], Doc], text: str) -> Doc:
    """``text`` (whitespace only) as tokens tagged ``SPACE`` that head themselves."""
    toks = make_doc(text)
    n = len(toks)
    return Doc(
        vocab,
        words=[t.text for t in toks],
        spaces=[bool(t.whitespace_) for t in toks],
        pos=["SPACE"] * n,
        tags=["_SP"] * n,
        deps=["dep"] * n,
        heads=list(range(n)),
        lemmas=[t.text for t in toks],
    )


def annotate_by_paragraph(
    texts: list[str], pipe: Callable[[Iterable[str]], Iterator[Doc]], make_doc: Callable[[str], Doc], vocab: Vocab
) -> list[Doc]:
    """Each text annotated paragraph by paragraph with ``pipe`` and joined back, so that
    ``doc.text == text`` for every result."""
    layout = [paragraphs(t) for t in texts]
    parts = iter(pipe(t[s:e] for t, spans in zip(texts, layout, strict=True) for s, e in spans))
    out: list[Doc] = []
    for text, spans in zip(texts, layout, strict=True):
        if not spans:
            out.append(make_doc(text))
            continue
        pieces: list[Doc] = []
        at = 0
        for start, end in spans:
            if start > at:
                pieces.append(whitespace_doc(vocab, make_doc, text[at:start]))
            pieces.append(next(parts))
            at = end
        if at < len(text):
            pieces.append(whitespace_doc(vocab, make_doc, text[at:]))
        doc = pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]  # spaCy's stub lags
        if doc.text != text:  # never hand on shifted offsets
            raise ValueError("paragraph re-assembly changed the text")
        out.append(doc)
    return out
