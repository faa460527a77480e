"""Separated particles go back into verb lemmas (sloot ... uit -> uitsluiten)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from powermap.annotate.particles import load_particles, particle_lemma

PARTICLES = sorted(load_particles("nl"), key=len, reverse=True)


def _doc(words, lemmas, pos, heads, deps):
    return Doc(spacy.blank("nl").vocab, words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps)


def test_particle_goes_in_front_and_a_wrong_guess_comes_off() -> None:
    doc = _doc(
        ["Hij", "sloot", "dat", "uit", "en", "legde", "het", "uit"],
        ["hij", "aansluiten", "dat", "uit", "en", "leggen", "het", "uit"],
        ["PRON", "VERB", "PRON", "ADP", "CCONJ", "VERB", "PRON", "ADP"],
        [1, 1, 1, 1, 5, 1, 5, 5],
        ["nsubj", "ROOT", "obj", "compound:prt", "cc", "conj", "obj", "compound:prt"],
    )
    assert particle_lemma(doc[1], "uit", PARTICLES) == "uitsluiten"  # aan- guessed, not in "sloot"
    assert particle_lemma(doc[5], "uit", PARTICLES) == "uitleggen"
    assert particle_lemma(doc[5], "op", PARTICLES) == "opleggen"


def test_component_only_uses_listed_particles() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("powermap_particle_lemmas", config={"particles": PARTICLES})
    doc = _doc(
        ["Zij", "lieten", "het", "zien", "en", "gaven", "toe"],
        ["zij", "laten", "het", "zien", "en", "geven", "toe"],
        ["PRON", "VERB", "PRON", "VERB", "CCONJ", "VERB", "ADP"],
        [1, 1, 1, 1, 5, 1, 5],
        ["nsubj", "ROOT", "obj", "compound:prt", "cc", "conj", "compound:prt"],
    )
    doc = nlp.get_pipe("powermap_particle_lemmas")(doc)
    assert doc[1].lemma_ == "laten"  # *zien* is no particle, whatever the parser says
    assert doc[5].lemma_ == "toegeven"
    assert "uit" in PARTICLES and load_particles("xx") == []
