"""Finds the stretches of text between quotation marks, in any of the language's mark styles.

Handles nesting (‘…’ inside “…”), straight marks told apart from apostrophes (zo'n, regio’s),
guillemets with inner spaces, quotes running over several paragraphs (each paragraph reopens
the quote, only the last one closes it) and a closing mark whose opening mark the text lost
(the quote then starts at the first sentence after the previous quote in the paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_SPACE = " \t\u00a0\u202f\u2009"
_GUILLEMETS = "«»‹›"
_THIN = "\u2009\u200a\u202f"  # thin, hair and narrow no-break spaces


@dataclass(frozen=True)
class MarkedQuote:
    """A quoted stretch: ``start``/``end`` bound the words, ``open``/``close`` the marks.

    ``depth`` is 0 for a top-level quote, 1 for a quote nested in another one; ``orphan``
    is true when the opening mark was missing and the start was inferred.
    """

    open: int
    start: int
    end: int
    close: int
    depth: int = 0
    orphan: bool = False


def _is_opening(text: str, i: int) -> bool:
    """A mark opens a quote after a space, an opening bracket or mark, and before a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    before_ok = before.isspace() or before in '([{/—–-:"“„‘«‚‹»' or _is_stand_in(before)
    return before_ok and (not after.isspace() or text[i] in _GUILLEMETS)


def _opens_paragraph(text: str, i: int) -> bool:
    """Whether the mark at ``i`` is the first character of its paragraph, before a word."""
    j = i
    while j > 0 and text[j - 1] in _SPACE:
        j -= 1
    return (j == 0 or text[j - 1] == "\n") and i + 1 < len(text) and text[i + 1].isalnum()


def _is_stand_in(ch: str) -> bool:
    return "\ue000" <= ch <= "\ue0ff"


def _is_closing(text: str, i: int) -> bool:
    """A mark closes a quote after a non-space and before a non-letter."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before in _THIN and i > 1 and not text[i - 2].isspace():
        before = text[i - 2]  # a thin space between two closing marks (…’ ”) is typography
    return (not before.isspace() or text[i] in _GUILLEMETS) and not after.isalpha()


def _by_side(opening: str, closing: str) -> Callable[[re.Match[str]], str]:
    """A replacement for a mark written the same on both sides: ``opening`` before a word."""

    def replace(match: re.Match[str]) -> str:
        return opening if match.group(1) else closing

    return replace


def single_char_marks(text: str, pairs: tuple[tuple[str, str], ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with every mark of more than one character (typewriter ``,,`` and ``''``)
    written as one stand-in character padded with spaces, so offsets stay the same, and the
    pairs in those stand-ins. An opening mark keeps its last position, a closing mark its first.
    """
    stand_in: dict[str, str] = {}
    for mark in sorted({m for pair in pairs for m in pair if len(m) > 1}, key=len, reverse=True):
        stand_in[mark] = chr(0xE000 + len(stand_in))
    if not stand_in:
        return text, pairs
    opens = {o for o, _ in pairs}
    closes = {c for _, c in pairs}
    out = text
    for mark, char in stand_in.items():
        pad = " " * (len(mark) - 1)
        if mark in opens and mark in closes:  # ''…'': opening before a word, closing after one
            out = re.sub(re.escape(mark) + r"(?=(\w|[“‘\"]))?", _by_side(pad + char, char + pad), out)
            continue
        out = out.replace(mark, pad + char if mark in opens else char + pad)
    single = tuple((stand_in.get(o, o), stand_in.get(c, c)) for o, c in pairs)
    return out, single


def find_quotes(text: str, pairs: tuple[tuple[str, str], ...], end: int | None = None) -> list[MarkedQuote]:
    """Every quoted stretch of ``text[:end]``, top-level and nested, in text order; marks may
    be more than one character long (``,,…''``)."""
    end = len(text) if end is None else end
    text, pairs = single_char_marks(text, pairs)
    opens = {o for o, _ in pairs}
    closes = {c for _, c in pairs}
    closers: dict[str, set[str]] = {}
    for o, c in pairs:
        closers.setdefault(o, set()).add(c)
    # the next character the loop acts on (a mark or a line break): the others are stepped over
    marks = re.compile("[" + "".join(re.escape(c) for c in sorted(opens | closes | {"\n"})) + "]")
    out: list[MarkedQuote] = []
    stack: list[tuple[str, int]] = []
    last_close_in_para = -1
    i = 0
    while i < end:
        ch = text[i]
        if ch == "\n":
            if stack:
                # an unclosed quote runs on only when the next paragraph reopens it
                j = i
                while j < end and text[j] in "\n" + _SPACE:
                    j += 1
                if j < end and len(stack) == 1 and text[j] == stack[0][0]:
                    i = j + 1
                    continue
                stack.clear()
            last_close_in_para = -1
            i += 1
            continue
        if ch not in opens and ch not in closes:
            found = marks.search(text, i + 1, end)
            i = found.start() if found else end
            continue
        letter_before = i > 0 and text[i - 1].isalnum()
        letter_after = i + 1 < end and text[i + 1].isalnum()
        if ch in "'’" and letter_before and letter_after:
            i += 1  # apostrophe inside a word
            continue
        closed = False
        # the innermost open quote this mark closes; marks opened inside it that never closed
        # (an elision such as 't read as an opening mark) are dropped
        k = next((k for k in range(len(stack) - 1, -1, -1) if ch in closers.get(stack[k][0], ())), None)
        if k is not None and _is_closing(text, i):
            at = stack[k][1]
            del stack[k:]
            out.append(_make(text, at, i, depth=len(stack)))
            last_close_in_para = i
            closed = True
        elif ch in "”»" and ch not in opens and not stack and _is_closing(text, i):
            orphan = _orphan(text, last_close_in_para, i)
            if orphan is not None:
                out.append(orphan)
                last_close_in_para = i
            closed = True
        if not closed and not stack and ch not in opens and _opens_paragraph(text, i):
            # a paragraph that starts with a closing-shaped mark (”Yes, …”) opens a quote with it
            closers.setdefault(ch, set(closes))
            stack.append((ch, i))
            closed = True
        if not closed and ch in opens and _is_opening(text, i):
            if ch in "'’" and letter_before:
                i += 1
                continue
            stack.append((ch, i))
        i += 1
    return _true_depths(sorted(out, key=lambda q: (q.start, q.depth)))


def _true_depths(quotes: list[MarkedQuote]) -> list[MarkedQuote]:
    """Depths counted from the quotes that really enclose each one: a quote opened inside a
    mark that never closed (an elision such as *'t* read as an opening mark) is top-level."""
    out = []
    for q in quotes:
        depth = sum(1 for o in quotes if o is not q and o.open < q.open and q.close <= o.close)
        out.append(q if depth == q.depth else MarkedQuote(q.open, q.start, q.end, q.close, depth, q.orphan))
    return out


def _make(text: str, at: int, close: int, depth: int) -> MarkedQuote:
    start, stop = at + 1, close
    while start < stop and text[start] in _SPACE:
        start += 1
    while stop > start and text[stop - 1] in _SPACE:
        stop -= 1
    return MarkedQuote(open=at, start=start, end=stop, close=close + 1, depth=depth)


def _orphan(text: str, last_close: int, close: int) -> MarkedQuote | None:
    """A quote whose opening mark is missing: it starts after the sentence that follows the
    previous quote of the same paragraph (the attribution: “…”, zegt X. …”)."""
    if last_close < 0:
        return None
    m = re.compile(r"[.!?…](?:\s+)").search(text, last_close, close)
    if m is None:
        return None
    start = m.end()
    if start >= close or "\n" in text[start:close]:
        return None
    return MarkedQuote(open=start, start=start, end=close, close=close + 1, orphan=True)


def find_dialogue(text: str, dashes: tuple[str, ...], end: int | None = None) -> list[MarkedQuote]:
    """Speech opened by a dialogue dash (``-- Ja, zei hij.``) in paragraphs that follow or
    precede another such paragraph (a dialogue, not a single bulleted line). The speech runs
    to the next dash, to a sentence end followed by a lower-case word (the narrator's cue:
    ``Kom! riep ze``), or to the paragraph end."""
    end = len(text) if end is None else end
    if not dashes:
        return []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[:end]) if m.group().strip()]
    pattern = "|".join(re.escape(d) for d in sorted(dashes, key=len, reverse=True))
    opener = re.compile(rf"[{_SPACE}]*(?:{pattern})[{_SPACE}]*(?=\w)")
    opened = [opener.match(text, s, e) for s, e in paragraphs]
    out: list[MarkedQuote] = []
    for k, ((_, p_end), m) in enumerate(zip(paragraphs, opened, strict=True)):
        if m is None:
            continue
        if not ((k > 0 and opened[k - 1]) or (k + 1 < len(opened) and opened[k + 1])):
            continue
        start = m.end()
        stop = p_end
        inner = re.compile(rf"[{_SPACE}](?:{pattern})|(?<![.])[.!?](?=[{_SPACE}]+[a-z])")
        cut = inner.search(text, start, p_end)
        if cut is not None:
            stop = cut.end() if text[cut.start()] in ".!?…" else cut.start()
        while stop > start and text[stop - 1] in _SPACE:
            stop -= 1
        if stop > start:
            out.append(MarkedQuote(open=m.start(), start=start, end=stop, close=stop))
    return out
