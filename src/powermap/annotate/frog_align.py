"""Align an external tokenizer's tokens to the original text and build offset-exact Doc arrays.

Tools such as Frog may drop, merge or normalise characters (curly quotes, ellipses). The aligner
scans the text left to right: each token is matched exactly after optional whitespace, else
with quote/dash/space folding, else searched a little further on; a token that cannot be found
is dropped. Every character of the text that no token covers becomes an unannotated token (or
the ``spaces`` flag / a whitespace token), so the words joined with their spaces equal the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_FOLD = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛`´′", "'"),
        **dict.fromkeys("“”„‟«»″", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "\u00a0": " ",
        "…": ".",
    }
)
SEARCH_WINDOW = 64


@dataclass
class AlignedToken:
    """A token from an external analyser: its form and annotation.

    ``head`` is the absolute index of the head among the external tokens (its own index for a
    root); ``sent_start`` marks the first token of each sentence.
    """

    word: str
    lemma: str = ""
    tag: str = ""
    pos: str = ""
    morph: str = ""
    head: int = -1
    dep: str = ""
    ent: str = "O"
    sent_start: bool = False


def fold(text: str) -> str:
    """Text with look-alike characters made equal (same length as the input)."""
    return text.translate(_FOLD)


def align(text: str, words: list[str]) -> list[tuple[int, int] | None]:
    """Character spans of ``words`` in ``text``, in order; None for a word not found."""
    folded = fold(text)
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for word in words:
        start = pos
        while start < len(text) and text[start].isspace():
            start += 1
        if not word:
            spans.append(None)
            continue
        if text.startswith(word, start) or folded.startswith(fold(word), start):
            found = start
        elif (found := folded.find(fold(word), start, start + SEARCH_WINDOW + len(word))) < 0:
            spans.append(None)
            continue
        spans.append((found, found + len(word)))
        pos = found + len(word)
    return spans


def build_doc_arrays(text: str, tokens: list[AlignedToken]) -> dict[str, Any]:
    """Keyword arguments for ``Doc(vocab, **arrays)`` whose text is exactly ``text``."""
    spans = align(text, [t.word for t in tokens])
    # Output tokens: (start, end, index of the external token or None).
    out: list[tuple[int, int, int | None]] = []
    pos = 0
    for i, span in enumerate(spans):
        if span is None:
            continue
        if span[0] > pos:
            out.extend(_gap_tokens(text, pos, span[0]))
        out.append((span[0], span[1], i))
        pos = span[1]
    if pos < len(text):
        out.extend(_gap_tokens(text, pos, len(text)))

    # A space right after a non-space token is that token's trailing space, not a token.
    words: list[str] = []
    spaces: list[bool] = []
    src: list[int | None] = []
    for start, end, index in out:
        piece = text[start:end]
        if piece[0] == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
            piece = piece[1:]
            if not piece:
                continue
        words.append(piece)
        spaces.append(False)
        src.append(index)
    return _annotations(tokens, words, spaces, src)


def _gap_tokens(text: str, start: int, end: int) -> list[tuple[int, int, None]]:
    """Uncovered text as tokens: runs of whitespace and runs of non-whitespace."""
    pieces: list[tuple[int, int, None]] = []
    i = start
    while i < end:
        j = i
        space = text[i].isspace()
        while j < end and text[j].isspace() == space:
            j += 1
        pieces.append((i, j, None))
        i = j
    return pieces


def _annotations(
    tokens: list[AlignedToken], words: list[str], spaces: list[bool], src: list[int | None]
) -> dict[str, Any]:
    n = len(words)
    new_index = {s: k for k, s in enumerate(src) if s is not None}
    # Sentence id per output token: external sentence starts; gaps join the previous sentence.
    sent_of: list[int] = []
    sent = 0
    for k, s in enumerate(src):
        if s is not None and tokens[s].sent_start and k > 0 and any(x is not None for x in src[:k]):
            sent += 1
        sent_of.append(sent)
    heads = list(range(n))
    deps = [""] * n
    for k, s in enumerate(src):
        if s is None:
            continue
        tok = tokens[s]
        h, steps = tok.head, 0
        while h not in new_index and 0 <= h < len(tokens) and tokens[h].head != h and steps < len(tokens):
            h, steps = tokens[h].head, steps + 1
        heads[k] = new_index.get(h, k)
        deps[k] = tok.dep or "dep"
        if heads[k] == k:
            deps[k] = "ROOT"
    _normalise_trees(heads, deps, sent_of, words)

    def field(name: str, default: str) -> list[str]:
        return [getattr(tokens[s], name) or default if s is not None else default for s in src]

    ents = ["O" if s is None else tokens[s].ent or "O" for s in src]
    pos = ["SPACE" if w.isspace() else p or "X" for w, p in zip(words, field("pos", ""), strict=True)]
    lemmas = [w if s is None else tokens[s].lemma or w for w, s in zip(words, src, strict=True)]
    return {
        "words": words,
        "spaces": spaces,
        "lemmas": lemmas,
        "tags": ["_SP" if w.isspace() else t for w, t in zip(words, field("tag", "X"), strict=True)],
        "pos": pos,
        "morphs": field("morph", ""),
        "heads": heads,
        "deps": deps,
        "ents": ents,
    }


def _normalise_trees(heads: list[int], deps: list[str], sent_of: list[int], words: list[str]) -> None:
    """Per sentence: heads inside it, exactly one root, no cycles; unanalysed tokens attach nearby."""
    n = len(heads)
    start = 0
    while start < n:
        end = start
        while end < n and sent_of[end] == sent_of[start]:
            end += 1
        members = range(start, end)
        roots = [k for k in members if heads[k] == k and deps[k] == "ROOT"]
        if not roots:
            roots = [next((k for k in members if not words[k].isspace()), start)]
        root = roots[0]
        heads[root], deps[root] = root, "ROOT"
        for k in members:
            if k == root:
                continue
            if not (start <= heads[k] < end) or heads[k] == k:
                heads[k] = root
                deps[k] = deps[k] if deps[k] not in ("", "ROOT") else "dep"
        for k in members:  # break cycles
            seen, j = set(), k
            while heads[j] != j and j not in seen:
                seen.add(j)
                j = heads[j]
            if j != root:
                heads[k], deps[k] = root, "dep"
        start = end
