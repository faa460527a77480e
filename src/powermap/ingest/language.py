"""Per-document language detection (lingua), restricted to the languages news arrives in."""

from __future__ import annotations

from functools import cache

#: Languages the detector chooses among (ISO 639-1). Fewer candidates, fewer confusions.
CANDIDATES: tuple[str, ...] = (
    "nl",
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "ru",
    "uk",
    "pl",
    "sv",
    "da",
    "nb",
    "fi",
    "tr",
    "ar",
    "zh",
)


@cache
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in CANDIDATES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


def detect_language(text: str, sample: int = 4000) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it cannot tell."""
    snippet = text[:sample]
    if not any(ch.isalpha() for ch in snippet):
        return None
    found = _detector().detect_language_of(snippet)
    return found.iso_code_639_1.name.lower() if found else None
