"""Lemmas of verbs whose separable particle stands apart (*sloot ... uit* -> *uitsluiten*).

UD Dutch gives such a verb the lemma of the whole verb, particle included, and powermap's event
and stance lexicons look verbs up that way. The trainable lemmatizer learns to add a particle
but has to guess which one, and often guesses wrong (*aansluiten* for *sloot ... uit*) or not
at all. After the parser has found the particle (``compound:prt``), this component puts that
particle in front of the verb's lemma, first removing a particle the lemmatizer guessed that
the word itself does not begin with. The particle list is language data
(``lang/<language>/separable_particles.txt``) stored in the pipeline's config.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


def load_particles(language: str) -> list[str]:
    """The separable particles listed for ``language`` (empty when none are)."""
    path = LANG_DIR / language / "separable_particles.txt"
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def particle_lemma(token: Token, particle: str, particles: Iterable[str]) -> str:
    """The lemma of ``token`` with its separated ``particle`` in front; a guessed particle is
    looked for in ``particles`` in their order (give them longest first)."""
    lemma = (token.lemma_ or token.text).lower()
    if lemma.startswith(particle):
        return lemma
    form = token.lower_
    for guess in particles:
        if lemma.startswith(guess) and not form.startswith(guess) and len(lemma) > len(guess) + 2:
            lemma = lemma[len(guess) :]
            break
    return particle + lemma


class ParticleLemmas:
    """Pipeline component: a verb with one ``compound:prt`` dependent that is a listed particle
    gets particle + lemma (a word the parser took for a particle, *laten ... zien*, is left be)."""

    def __init__(self, particles: Iterable[str]) -> None:
        self.particles = sorted({p.lower() for p in particles}, key=len, reverse=True)
        self.known = set(self.particles)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for token in doc:
            if token.pos_ not in ("VERB", "AUX"):
                continue
            found = [c for c in token.children if c.dep_ == "compound:prt" and c.lower_ in self.known]
            if len(found) == 1:
                token.lemma_ = particle_lemma(token, found[0].lower_, self.particles)
        return doc


@Language.factory("powermap_particle_lemmas", default_config={"particles": []})
def make_particle_lemmas(nlp: Language, name: str, particles: list[str]) -> ParticleLemmas:
    """The component, with the particle list from its config (``load_particles``)."""
    return ParticleLemmas(particles)
