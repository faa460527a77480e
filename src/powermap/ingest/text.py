"""Turning bytes into text: encoding fallbacks and the binary-content check."""

from __future__ import annotations

import unicodedata

#: Tried in order; cp1252 before latin-1 because latin-1 decodes anything.
ENCODINGS: tuple[str, ...] = ("utf-8", "cp1252", "latin-1")


class UnreadableText(ValueError):
    """Bytes that are not text in any encoding we try, or that hold no text at all."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean it is not a text file."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of ``data``, trying ``ENCODINGS`` in order.

    The latin-1 fallback is accepted only when the result reads as text (few control or
    unassigned characters); otherwise ``UnreadableText`` is raised.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise UnreadableText("binary content, not text")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "latin-1" and _implausible(text):
            break
        return text, encoding
    raise UnreadableText("not valid text in " + ", ".join(ENCODINGS))


def _implausible(text: str) -> bool:
    odd = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Cn", "Co") and ch not in "\t\n\r\f")
    return odd / max(1, len(text)) > 0.01


def check_content(text: str) -> str:
    """The text, unless it is empty or whitespace only."""
    if not text.strip():
        raise UnreadableText("empty: no text")
    return text
