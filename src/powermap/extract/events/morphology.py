"""Verb morphology for the event coders: lemma candidates of a verb form and separable particles.

Data, per language, in ``lang/<code>/event_cues.yaml`` (``separable_particles``,
``verb_prefixes``, ``past_endings``) and ``lang/<code>/irregular_verbs.tsv``; the
candidates are generated only for languages whose cues set ``compound_suffix`` (the Dutch
verb morphology). spaCy's lookup lemma table is the fallback lemmatizer without a parse.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache

from powermap import lang
from powermap.extract.events.lexicon import get_lexicon

VOWELS = "aeiou"


@cache
def particles(language: str) -> frozenset[str]:
    """The separable verb particles of ``language`` (*op* in *legde ... op*)."""
    return frozenset(get_lexicon(language).cue_set("separable_particles"))


@cache
def irregular_verbs(language: str) -> dict[str, str]:
    """Irregular verb forms of a language (``lang/<code>/irregular_verbs.tsv``), form -> infinitive."""
    try:
        return {r["form"]: r["lemma"] for r in lang.table(language, "irregular_verbs")}
    except lang.UnknownLanguage:
        return {}


def verb_candidates(form: str, language: str) -> list[str]:
    """Infinitives a Dutch-like verb form may come from (regular endings, ge- participles,
    separable and inseparable prefixes, irregular stems)."""
    return list(_verb_candidates(form.lower(), language))


@cache
def _morphology(language: str) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """The past endings (in the data's order) and the verb prefixes and particles, sorted and
    grouped by first letter (a form is compared only with the prefixes that start as it does)."""
    cues = get_lexicon(language)
    endings = [str(e) for e in cues.cues.get("past_endings") or []]
    by_letter: dict[str, tuple[str, ...]] = {}
    for prefix in sorted(particles(language) | cues.cue_set("verb_prefixes")):
        by_letter[prefix[:1]] = (*by_letter.get(prefix[:1], ()), prefix)
    return endings, by_letter


@lru_cache(maxsize=1 << 16)
def _verb_candidates(form: str, language: str) -> tuple[str, ...]:
    """``verb_candidates`` of a lower-case form, computed once per form (a pure function of the data)."""
    endings, prefixes = _morphology(language)
    form = form.lower()
    irregular = irregular_verbs(language)
    out: list[str] = []

    def add_stem(stem: str) -> None:
        if len(stem) < 2:
            return
        out.append(stem + "en")
        if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in VOWELS:
            out.append(stem[:-2] + stem[-1] + "en")  # veroordeel -> veroordelen
            if stem[-1] in "fs":  # handhaaf -> handhaven, geef -> geven
                out.append(stem[:-2] + {"f": "v", "s": "z"}[stem[-1]] + "en")
        if stem[-1] not in VOWELS and stem[-2] in VOWELS and (len(stem) < 3 or stem[-3] not in VOWELS):
            out.append(stem + stem[-1] + "en")  # stel -> stellen
        if stem[-1] in "fs":
            out.append(stem[:-1] + {"f": "v", "s": "z"}[stem[-1]] + "en")

    def analyse(rest: str, prefix: str) -> None:
        if rest in irregular:
            out.append(prefix + irregular[rest])
        for end in endings:
            if rest.endswith(end) and len(rest) > len(end) + 1:
                stem = rest[: -len(end)]
                before = len(out)
                add_stem(stem)
                out[before:] = [prefix + c for c in out[before:]]
        before = len(out)
        add_stem(rest)
        out[before:] = [prefix + c for c in out[before:]]

    analyse(form, "")
    for i in range(2, len(form) - 1):  # a noun joined to an irregular verb (zakendoet: zakendoen)
        if form[i:] in irregular and len(form[i:]) >= 2:
            out.append(form[:i] + irregular[form[i:]])
            break
    if form.startswith("ge"):
        analyse(form[2:], "")
    for p in prefixes.get(form[:1], ()):  # in sorted order, as ``sorted(prefixes)``
        if form.startswith(p) and len(form) > len(p) + 2:
            rest = form[len(p) :]
            analyse(rest[2:] if rest.startswith("ge") else rest, p)
    return tuple(dict.fromkeys(out))


def noun_candidates(form: str, language: str) -> list[str]:
    """Singulars a Dutch-like plural noun form may come from (*verkopen* -> *verkoop*,
    *tarieven* -> *tarief*, *sancties* -> *sanctie*); the form itself first."""
    form = form.lower()
    out = [form]
    if not get_lexicon(language).compound_suffix:
        return out
    if form.endswith("s") and len(form) > 4:
        out.append(form[:-1])
    if form.endswith("en") and len(form) > 5:
        stem = form[:-2]
        out.append(stem)
        if stem[-1] not in VOWELS and stem[-2] in VOWELS and stem[-3] not in VOWELS:
            out.append(stem[:-1] + stem[-2] + stem[-1])  # verkop -> verkoop
        if len(stem) >= 3 and stem[-1] == stem[-2]:
            out.append(stem[:-1])  # aanvall -> aanval
        if stem[-1] in "vz":
            tail = {"v": "f", "z": "s"}[stem[-1]]
            out.append(stem[:-1] + tail)
            if stem[-2] in VOWELS and stem[-3] not in VOWELS:
                out.append(stem[:-2] + stem[-2] + stem[-2] + tail)  # tarieven: tarief; bewijzen
    return list(dict.fromkeys(out))


@lru_cache(maxsize=1 << 16)
def separable_particle(lemma: str, language: str) -> str | None:
    """The separable particle a verb lemma starts with (*opleggen*: op), or None (remembered per lemma)."""
    starting = _particles_by_letter(language).get(lemma[:1], ())  # sorted, as ``sorted(particles)``
    return next((p for p in starting if lemma.startswith(p) and len(lemma) > len(p) + 3), None)


@cache
def _particles_by_letter(language: str) -> dict[str, tuple[str, ...]]:
    """The language's separable particles, sorted, grouped by first letter."""
    out: dict[str, tuple[str, ...]] = {}
    for particle in sorted(particles(language)):
        out[particle[:1]] = (*out.get(particle[:1], ()), particle)
    return out


@cache
def lemma_table(language: str) -> Mapping[str, str]:
    """spaCy's lookup lemma table for ``language`` (empty when spacy-lookups-data lacks it).

    The table itself, not a ``dict`` of it: spaCy keys it by the words' hashes, and only the
    table's own ``get`` hashes a word to look it up."""
    try:
        from spacy.lookups import load_lookups

        return load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup")
    except (ValueError, KeyError, ImportError, OSError):
        return {}
