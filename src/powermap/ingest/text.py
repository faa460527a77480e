"""Turning bytes into text: per-line decoding, the binary-content check, and normalisation.

Decoding is decided per line, not per file: a UTF-8 file with one stray cp1252 byte keeps every
valid line as UTF-8, and only the lines that are not valid UTF-8 are decoded with the encoding
charset-normalizer guesses for them (cp1252 when it has no answer).

Stored text is normalised once, here, before duplicate detection and before any offset is
computed: NFC, invisible characters that only break words apart for a machine (zero-width
space, word joiner, BOM, soft hyphen) removed, lone surrogates replaced by U+FFFD. Every offset
in a record therefore refers to the normalised text that the store keeps.
"""

from __future__ import annotations

import re
import unicodedata

#: Tried for lines that are not UTF-8 when charset-normalizer has no better answer.
FALLBACK_ENCODINGS: tuple[str, ...] = ("cp1252", "latin-1")
#: Removed from every text: zero-width space, word joiner, zero-width no-break space (BOM), soft hyphen.
INVISIBLE = "\u200b\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    """(text, encoding) of ``data``; the encoding is ``utf-8``, a guessed one, or ``mixed``.

    Lines that are valid UTF-8 stay UTF-8; the others are decoded with the encoding
    charset-normalizer finds for them together. Raises ``UnreadableText`` on binary content.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise UnreadableText("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    bad = [line for line in lines if not _is_utf8(line)]
    encoding = _guess(b"".join(bad))
    text = "".join(line.decode("utf-8") if _is_utf8(line) else _decode_with(line, encoding) for line in lines)
    if _implausible(text):
        raise UnreadableText("not readable text in UTF-8 or " + encoding)
    return text, encoding if len(bad) == len(lines) else "mixed"


def decode_line(raw: bytes) -> str:
    """One line (a JSON line, a header): UTF-8 when it is, else its best guess."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_with(raw, _guess(raw))


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess(data: bytes) -> str:
    """The encoding of bytes that are not UTF-8: cp1252 unless charset-normalizer reads them clearly better."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    sample = data[:65536]
    best = from_bytes(sample).best() if sample else None
    try:  # the Western code page news is most often in, unless it reads as a mess
        western = mess_ratio(sample.decode(FALLBACK_ENCODINGS[0]), maximum_threshold=1.0)
    except UnicodeDecodeError:
        western = 1.0
    if best is None or western <= best.chaos + 0.05:
        return FALLBACK_ENCODINGS[0] if western < 1.0 else FALLBACK_ENCODINGS[-1]
    return "utf-8" if best.encoding in ("utf_8", "ascii") else best.encoding


def _decode_with(line: bytes, encoding: str) -> str:
    for candidate in (encoding, *FALLBACK_ENCODINGS):
        try:
            return line.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return line.decode("latin-1", errors="replace")  # latin-1 decodes every byte; never reached


def _implausible(text: str) -> bool:
    odd = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Cn", "Co") and ch not in "\t\n\r\f")
    return odd / max(1, len(text)) > 0.01


def clean_text(text: str) -> str:
    """NFC, invisible characters removed, lone surrogates replaced (see the module docstring)."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def check_content(text: str) -> str:
    """The normalised text, unless it is empty or whitespace only."""
    text = clean_text(text)
    if not text.strip():
        raise UnreadableText("empty: no text")
    return text
