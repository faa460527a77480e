"""The headline of a news text: its first line, when a blank line sets it off from the body.

A headline sums up what the body reports (*Norway asks Chile to extradite suspect*,
*Polen stuurt artsen naar Kenia*); event coders of news (PETRARCH's lead sentences, the gold sets' convention:
"the title ... refers to the same summit and is not coded again") code the body, so the events
stage skips the headline unless asked (option ``code_headline``). A first line counts as a
headline only when it is short (at most ``MAX_CHARS`` characters) and more text follows a blank
line: an article whose first paragraph is a long lead is read in full.
"""

from __future__ import annotations

#: a first line longer than this is a lead paragraph, not a headline
MAX_CHARS = 160


def headline_end(text: str) -> int:
    """The character offset where the text's headline ends, or 0 when it has none."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    line, sep, rest = stripped.partition("\n")
    if not sep or not line.strip() or len(line.strip()) > MAX_CHARS:
        return 0
    following, blank, _ = rest.partition("\n")
    if not blank or following.strip():
        return 0  # no blank line after it: the first line of a paragraph
    if not rest.strip():
        return 0  # nothing but this line: the text itself, not its headline
    return offset + len(line)
