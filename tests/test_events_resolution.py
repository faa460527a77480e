"""Reference resolution in the event coder is bounded: a pronoun whose resolution leads back
to itself (a neuter subject of a verb of saying) resolves or gives up, never recurses."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed


def run(lang, rows, actors):
    ctx = context(parsed(lang, rows), actors)
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]


def test_events_neuter_subject_of_a_saying_verb_resolves_to_the_state_named_before():
    # Rusland kwam bijeen en het waarschuwde Polen .
    rows = [
        ("Rusland", "Rusland", "PROPN", "nsubj", 1), ("kwam", "komen", "VERB", "ROOT", 1),
        ("bijeen", "bijeen", "ADP", "compound:prt", 1), ("en", "en", "CCONJ", "cc", 5),
        ("het", "het", "PRON", "nsubj", 5), ("waarschuwde", "waarschuwen", "VERB", "conj", 1),
        ("Polen", "Polen", "PROPN", "obj", 5), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found = run("nl", rows, {"Rusland": ("russia", "state"), "Polen": ("poland", "state")})
    assert ("russia", "poland", "13") in found


def test_events_english_it_noted_does_not_recurse():
    # Sweden criticised Norway , it noted .
    rows = [
        ("Sweden", "Sweden", "PROPN", "nsubj", 1), ("criticised", "criticise", "VERB", "ccomp", 5),
        ("Norway", "Norway", "PROPN", "dobj", 1), (",", ",", "PUNCT", "punct", 5),
        ("it", "it", "PRON", "nsubj", 5), ("noted", "note", "VERB", "ROOT", 5), (".", ".", "PUNCT", "punct", 5),
    ]  # fmt: skip
    found = run("en", rows, {"Sweden": ("sweden", "state"), "Norway": ("norway", "state")})
    assert ("sweden", "norway", "11") in found


def test_events_it_warned_as_the_event_itself_is_bounded():
    # Denmark met Finland ; it warned Estonia .
    rows = [
        ("Denmark", "Denmark", "PROPN", "nsubj", 1), ("met", "meet", "VERB", "ROOT", 1),
        ("Finland", "Finland", "PROPN", "dobj", 1), (";", ";", "PUNCT", "punct", 1),
        ("it", "it", "PRON", "nsubj", 5), ("warned", "warn", "VERB", "conj", 1),
        ("Estonia", "Estonia", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    actors = {"Denmark": ("denmark", "state"), "Finland": ("finland", "state"), "Estonia": ("estonia", "state")}
    found = run("en", rows, actors)
    assert ("finland", "estonia", "13") in found or ("denmark", "estonia", "13") in found
