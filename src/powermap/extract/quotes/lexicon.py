"""The per-language cue lexicon of the quote stage, read from ``powermap/lang/<code>/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from powermap.lang import Language, UnknownLanguage, union
from powermap.lang import get as get_language
from powermap.lang.tables import languages_with, load_table


@dataclass(frozen=True)
class VerbCue:
    """A verb of saying: one inflected form, plus the particle words a split verb needs."""

    lemma: str
    form: str
    particle: tuple[str, ...]


@dataclass(frozen=True)
class QuoteLexicon:
    """Everything language-specific the quote stage reads.

    Attributes:
        verbs (dict[str, list[VerbCue]]): cue verbs by lower-case form.
        lemmas (dict[str, list[VerbCue]]): the same cues by lemma (for forms the table lacks).
        markers (dict[str, str]): non-verb cue words (volgens, aldus, dat) -> kind.
        pronouns (dict[str, str]): pronoun/anaphor -> singular | plural | latter | former.
        speaker_nouns (dict[str, str]): role / anonymous / anonymous_plural nouns.
        pairs (tuple[tuple[str, str], ...]): quote mark pairs, the language's first.
        genitive (frozenset[str]): *van*/*of* words that join a description to what it is of,
            over all languages (names and descriptions cross languages in news).
        articles (frozenset[str]): definite articles, over all languages.
        dashes (tuple[str, ...]): dialogue dashes (``dialogue_dashes.tsv``); none for news-only languages.
        indefinite (frozenset[str]): determiners that introduce someone new (een, a): a role
            noun after one is an anonymous source, not the person named before.
        objects (dict[str, frozenset[str]]): verbs of saying by lemma with the prepositions
            whose object is what is said (*call for X*, *waarschuwen voor X*).
        genders (dict[str, str]): personal pronouns with a gender -> ``m`` or ``f`` (he: m).
        titles (dict[str, str]): titles before a name that give its gender (Mr: m, Mrs: f).
    """

    verbs: dict[str, list[VerbCue]]
    lemmas: dict[str, list[VerbCue]]
    markers: dict[str, str]
    pronouns: dict[str, str]
    speaker_nouns: dict[str, str]
    pairs: tuple[tuple[str, str], ...]
    indefinite: frozenset[str] = frozenset()
    dashes: tuple[str, ...] = ()
    genitive: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    objects: dict[str, frozenset[str]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    @cached_property
    def marker_firsts(self) -> frozenset[str]:
        """The first word of every marker: a word that is none of them starts no marker."""
        return frozenset(marker.split(" ", 1)[0] for marker in self.markers)

    def marker_kind(self, words: list[str]) -> tuple[str, int] | None:
        """The kind of the marker starting at ``words[0]`` and how many words it takes."""
        if words and " " not in words[0] and words[0] not in self.marker_firsts:
            return None
        for size in (2, 1):
            kind = self.markers.get(" ".join(words[:size]))
            if kind and len(words) >= size:
                return kind, size
        return None

    def speaker_noun(self, word: str) -> str | None:
        """The kind of a speaker noun, matching compounds by their last part."""
        word = word.lower()
        if word in self.speaker_nouns:
            return self.speaker_nouns[word]
        for noun, kind in self.speaker_nouns.items():
            if len(noun) >= 4 and word.endswith(noun) and len(word) - len(noun) >= 3:
                return kind
        return None


@cache
def quote_lexicon(language: str) -> QuoteLexicon:
    """The lexicon for ``language``; languages without tables fall back to English cues."""
    lang = language if load_table(language, "speech_verbs") else "en"
    verbs: dict[str, list[VerbCue]] = {}
    for row in load_table(lang, "speech_verbs"):
        particle = tuple(row["particle"].split()) if row["particle"] not in ("", "-") else ()
        for form in row["forms"].split(","):
            form = form.strip().lower()
            if form:
                verbs.setdefault(form, []).append(VerbCue(row["lemma"], form, particle))
    lemmas: dict[str, list[VerbCue]] = {}
    for cues in verbs.values():
        for cue in cues:
            lemmas.setdefault(cue.lemma.lower(), []).append(cue)
    markers = {r["form"].lower(): r["kind"] for r in load_table(lang, "speech_markers")}
    pronouns = {r["form"].lower(): r["kind"] for r in load_table(lang, "pronouns")}
    nouns = {r["noun"].lower(): r["kind"] for r in load_table(lang, "speaker_nouns")}
    pairs: list[tuple[str, str]] = [(r["open"], r["close"]) for r in load_table(lang, "quote_marks")]
    for other in languages_with("quote_marks"):
        for row in load_table(other, "quote_marks"):
            pair = (row["open"], row["close"])
            # another language's pair is added only when its opening mark is not one of ours
            # closing marks (German » … « against French « … »)
            if pair not in pairs and all(pair[0] != c for _, c in pairs):
                pairs.append(pair)
    genders: dict[str, str] = {}
    titles: dict[str, str] = {}
    try:
        words = get_language(lang)
        indefinite = words.determiners - words.definite_determiners
        genders = {form: p.gender for form, p in words.pronouns.items() if p.gender in ("m", "f") and p.person == 3}
        for gender, name in (("m", "male_titles"), ("f", "female_titles")):
            titles.update(dict.fromkeys(_optional_words(words, name), gender))
    except UnknownLanguage:
        indefinite = frozenset()
    dashes = tuple(r["dash"] for r in load_table(lang, "dialogue_dashes"))
    objects: dict[str, set[str]] = {}
    for row in load_table(lang, "speech_objects"):
        objects.setdefault(row["lemma"].lower(), set()).add(row["preposition"].lower())
    return QuoteLexicon(
        verbs,
        lemmas,
        markers,
        pronouns,
        nouns,
        tuple(pairs),
        frozenset(indefinite),
        dashes,
        union("genitive_prepositions"),
        union("definite_articles"),
        {lemma: frozenset(preps) for lemma, preps in objects.items()},
        genders,
        titles,
    )


def _optional_words(language: Language, name: str) -> frozenset[str]:
    """The word list ``name`` of ``language``, empty where its ``words.yaml`` has none."""
    try:
        return language.words(name)
    except KeyError:
        return frozenset()
