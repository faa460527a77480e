"""Which words of a cue's subject name the speaker: the head of a long description, the relative
pronoun a cue inside a relative clause has for its subject (*X, who said ...*: *who* stands for
X), the personal name that ends a title (*police Chief Jan K. Smit*)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token as SpacyToken

from powermap.extract._text import Token
from powermap.extract.quotes.parsed import ReportedClause

_SUBJECT = ("nsubj", "nsubj:pass")
_UP = ("conj", "xcomp", "advcl")  # a verb that may take its subject from the verb it hangs off


def head_end(text: str, clause: ReportedClause) -> int:
    """Where the head word of the cue's subject ends (the subject's end when it has none)."""
    end, head = clause.speaker_end or 0, clause.speaker_head
    if head is None or clause.speaker_start is None or not clause.speaker_start <= head < end:
        return end
    word = re.match(r"[\w’'-]+", text[head:end])
    return head + len(word.group()) if word else end


def relative_subject(cue: SpacyToken | None) -> tuple[int, int] | None:
    """The span of the relative pronoun that is the subject of the cue verb ``cue`` (or of the
    verb it hangs off: *who met X and said ...*), None when its subject is no relative pronoun."""
    current = cue
    for _ in range(3):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECT:
                relative = child.tag_ in ("WP", "WDT") or "Rel" in child.morph.get("PronType", [])
                return (child.idx, child.idx + len(child)) if relative else None
        if current.dep_ not in _UP or current.head is current:
            return None
        current = current.head
    return None


def trailing_name(window: list[Token], is_title: Callable[[str], object] | None = None) -> tuple[int, int] | None:
    """Span of the personal name that ends a phrase (*police Chief Jan K. Smit (D-Ohio)*): two
    to four capitalised words or initials (not titles, by ``is_title``) before an optional
    bracket, the last a word with lower-case letters; None when the phrase ends in none."""
    end = len(window)
    if end and window[end - 1].text == ")":
        opened = next((i for i in range(end - 1, -1, -1) if window[i].text == "("), None)
        end = opened if opened is not None else end
    words: list[Token] = []
    i = end - 1
    while i >= 0 and len(words) < 5:
        tok = window[i]
        if tok.text == "." and i > 0 and len(window[i - 1].text) == 1 and window[i - 1].text.isupper():
            i -= 1  # an initial: K.
            words.insert(0, window[i])
        elif tok.text[:1].isupper() and tok.text.isalpha() and not (is_title and is_title(tok.text)):
            words.insert(0, tok)
        else:
            break
        i -= 1
    full = [w for w in words if len(w.text) > 1]
    if len(full) < 2 or len(words) > 4 or not any(c.islower() for c in words[-1].text):
        return None
    return words[0].start, words[-1].end
