"""Per-language data of the actor stage, read from ``powermap/lang/<code>/actors.yaml``.

Adding a language means adding that file (keys documented in ``lang/nl/actors.yaml``); a language
without one falls back to English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from powermap import lang


@dataclass(frozen=True)
class ActorLexicon:
    """The word lists the actor stage needs for one language."""

    language: str
    role_nouns: dict[str, str]
    gov_nouns: frozenset[str]
    portfolio_nouns: frozenset[str]
    official_singular: frozenset[str]
    official_plural: frozenset[str]
    place_prepositions: frozenset[str]
    determiners: frozenset[str]
    role_modifiers: frozenset[str]
    genitive_suffixes: tuple[str, ...]
    closed_compounds: bool
    copulas: frozenset[str]
    apposition_roles: frozenset[str]
    stop_words: frozenset[str]
    language_markers: frozenset[str] = frozenset()
    #: definite descriptions of a named body: media nouns (*de zakenkrant*) -> the last media
    #: actor; named nouns (*het agentschap*) -> the last body whose name has that word
    media_descriptions: frozenset[str] = frozenset()
    named_descriptions: frozenset[str] = frozenset()
    definite_determiners: frozenset[str] = frozenset()
    #: titles that precede a name but are no name themselves (*Crown Prince*, *sjeik*)
    honorifics: frozenset[str] = frozenset()
    #: role nouns, apposition roles and honorifics together (built by ``lexicon``)
    titles: frozenset[str] = frozenset()
    #: nouns that, after a state adjective, name one body of that state (*de Canadese douane*)
    #: -> (English noun of the body's name, actor type)
    institutions: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: endings that make a state's name an inhabitant noun (*Nieuw-Zeeland|ers*, *New Zealand|ers*)
    inhabitant_suffixes: tuple[str, ...] = ()

    def is_title(self, words: list[str]) -> bool:
        """Whether a run of words ends in a role noun, an apposition role or an honorific
        (*Foreign Minister*, *Crown Prince*): a title, not a name."""
        low = " ".join(words).lower()
        # the whole run or any part of it after a space is a title: a set lookup per word
        if low in self.titles:
            return True
        space = low.find(" ")
        while space >= 0:
            if low[space + 1 :] in self.titles:
                return True
            space = low.find(" ", space + 1)
        return False

    def honorifics_before(self, words: list[str], keep: int = 1) -> int:
        """How many of ``words`` open with honorifics (*Prince* Faisal bin Farhan), leaving at
        least ``keep`` words for the name."""
        cut = 0
        while cut < len(words) - keep and words[cut].lower() in self.honorifics:
            cut += 1
        return cut


def _stop_words(language: str) -> frozenset[str]:
    try:
        from spacy.util import get_lang_class

        return frozenset(get_lang_class(language).Defaults.stop_words)
    except Exception:  # an unknown language: no stop words
        return frozenset()


@cache
def lexicon(language: str) -> ActorLexicon:
    """The lexicon for ``language`` (ISO 639-1), English when the language has no data file."""
    data = lang.data(language, "actors") if language in lang.codes() else None
    if data is None:
        language, data = "en", lang.data("en", "actors")
    officials = data.get("official_nouns") or {}
    role_nouns = {k.lower(): v for k, v in (data.get("role_nouns") or {}).items()}
    apposition_roles = frozenset(data.get("apposition_roles") or ())
    honorifics = frozenset(w.lower() for w in data.get("honorifics") or ())
    return ActorLexicon(
        language=language,
        role_nouns=role_nouns,
        gov_nouns=frozenset(data.get("gov_nouns") or ()),
        portfolio_nouns=frozenset(data.get("portfolio_nouns") or ()),
        official_singular=frozenset(officials.get("singular") or ()),
        official_plural=frozenset(officials.get("plural") or ()),
        place_prepositions=frozenset(data.get("place_prepositions") or ()),
        determiners=frozenset(data.get("determiners") or ()),
        role_modifiers=frozenset(data.get("role_modifiers") or ()),
        genitive_suffixes=tuple(data.get("genitive_suffixes") or ()),
        closed_compounds=bool(data.get("closed_compounds")),
        copulas=frozenset(data.get("copulas") or ()),
        apposition_roles=apposition_roles,
        stop_words=_stop_words(language),
        language_markers=frozenset(data.get("language_markers") or ()),
        media_descriptions=frozenset((data.get("body_descriptions") or {}).get("media") or ()),
        named_descriptions=frozenset((data.get("body_descriptions") or {}).get("named") or ()),
        definite_determiners=frozenset(data.get("definite_determiners") or ()),
        honorifics=honorifics,
        titles=honorifics | apposition_roles | frozenset(role_nouns),
        institutions=_institutions(data.get("state_institutions") or {}),
        inhabitant_suffixes=tuple(data.get("inhabitant_suffixes") or ()),
    )


def _institutions(data: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """``state_institutions`` of actors.yaml (type -> noun -> English noun) as noun -> (English, type)."""
    return {noun.lower(): (english, type_) for type_, nouns in data.items() for noun, english in nouns.items()}
