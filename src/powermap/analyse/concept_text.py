"""What a statement is about, as text: the guard on concept labels and the words that label a concept.

A stance's ``concept`` is what the extractor read as its position. Two kinds of text are no
position a reader can use, and never become a concept label:

- an event code's name (a CAMEO name such as *make statement, not specified below*, or a
  PLOVER type such as *AGREE*): the name of what happened, not of what is argued about;
- a clause fragment: a text that begins or ends with a function word of the language (a
  stop word, spaCy's list) other than a determiner or possessive, so a phrase cut off inside
  a clause (*... aan het*, *is een verschil ...*), or that is longer than ``MAX_WORDS``;
- a generic word: one content word that is among the language's common words (*mensen*,
  *geld*, *vraag*, *maandag*, *people*, *year*: Zipf frequency ``GENERIC_ZIPF`` or more in
  wordfreq's lists), or a phrase of nothing but the commonest words (``COMMON_ZIPF``: *mensen
  en geld*, *the time*), unless it names an actor. *Brexit*, *klimaatbeleid*, *tariffs* are rarer and
  stay positions.

For such a statement, the evidence sentence stands for what it is about.

Stop words come from spaCy's per-language lists (``spacy.lang.<code>.stop_words``), word
frequencies from wordfreq (Speer et al., a library of many corpora per language), never from
hand lists; a language either lacks falls back to English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from powermap import lang

MAX_WORDS = 12
#: Zipf frequency (log10 of occurrences per billion words) from which one content word is generic
GENERIC_ZIPF = 4.5
#: ... from which every content word of a phrase being so common makes the phrase generic
COMMON_ZIPF = 5.5
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?", re.UNICODE)


@cache
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of ``language`` (English when spaCy has none for it)."""
    import spacy.util

    try:
        words = spacy.util.get_lang_class(language or "en").Defaults.stop_words
    except (ImportError, KeyError):
        words = set()
    if not words and language != "en":
        return stop_words("en")
    return frozenset(w.casefold() for w in words)


def stop_words_of(languages: Iterable[str]) -> frozenset[str]:
    """The union of the stop words of ``languages`` (and English: the built-in concept labels are English)."""
    out: set[str] = set(stop_words("en"))
    for code in languages:
        out |= stop_words(code)
    return frozenset(out)


@cache
def _phrase_openers(language: str) -> frozenset[str]:
    """Function words a noun phrase may begin with: determiners and possessives."""
    try:
        data = lang.get(language)
    except lang.UnknownLanguage:
        data = lang.get("en")
    return frozenset(w.casefold() for w in (*data.determiners, *data.possessives))


@cache
def event_code_names() -> frozenset[str]:
    """Every CAMEO name and PLOVER type in the codebook, case-folded."""
    from powermap.codebooks.cameo import cameo_codes

    names: set[str] = set()
    for code in cameo_codes().values():
        names.add(normalise(code.name))
        if code.plover:
            names.add(normalise(code.plover))
    return frozenset(names)


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def words(text: str) -> list[str]:
    """The case-folded words of ``text`` (letters, inner apostrophes and hyphens; no numbers)."""
    return [m.group().casefold() for m in WORD.finditer(text)]


def is_event_code_name(text: str) -> bool:
    return normalise(text) in event_code_names()


def is_fragment(text: str, language: str) -> bool:
    """Whether ``text`` is a cut-off piece of a clause rather than a phrase naming a position."""
    tokens = words(text)
    if not tokens or len(tokens) > MAX_WORDS:
        return True
    stops = stop_words(language) | stop_words("en")
    openers = _phrase_openers(language) | _phrase_openers("en")
    return tokens[-1] in stops or (tokens[0] in stops and tokens[0] not in openers)


def zipf(word: str, language: str) -> float:
    """How common ``word`` is in ``language`` (wordfreq's Zipf scale: 6 is *people*, 3 is *tariffs*)."""
    return _zipf(word, language if language in _wordfreq_languages() else "en")


@cache
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


@cache
def _wordfreq_languages() -> frozenset[str]:
    from wordfreq import available_languages

    return frozenset(available_languages())


def is_generic(text: str, language: str) -> bool:
    """Whether ``text`` names nothing in particular: one common content word, or only very common ones."""
    stops = stop_words(language) | stop_words("en")
    content = [w for w in words(text) if w not in stops]
    if not content:
        return True
    if len(content) == 1:
        return zipf(content[0], language) >= GENERIC_ZIPF
    return all(zipf(w, language) >= COMMON_ZIPF for w in content)


def is_position(text: str, language: str, holder: str | None = None, names_actor: bool = False) -> bool:
    """Whether ``text`` can stand as a concept: no event code name, no fragment, not (part of)
    the holder's own name, and not generic unless it names an actor (``names_actor``)."""
    if is_event_code_name(text) or is_fragment(text, language):
        return False
    if holder and set(words(text)) <= set(words(holder)):
        return False
    return names_actor or not is_generic(text, language)


def trim_fragment(text: str, language: str) -> str | None:
    """A clause fragment cut back to the phrase inside it: leading function words (other than
    determiners and possessives) and trailing function words removed (*de aanwezigheid van een
    troepenmacht in het* -> *de aanwezigheid van een troepenmacht*); None when nothing that
    names a position remains."""
    stops = stop_words(language) | stop_words("en")
    openers = _phrase_openers(language) | _phrase_openers("en")
    found = list(WORD.finditer(text))
    first, last = 0, len(found)
    while first < last and found[first].group().casefold() in stops - openers:
        first += 1
    while last > first and found[last - 1].group().casefold() in stops:
        last -= 1
    if first >= last or not any(m.group().casefold() not in stops for m in found[first:last]):
        return None
    trimmed = text[found[first].start() : found[last - 1].end()]
    return trimmed if not is_fragment(trimmed, language) else None
