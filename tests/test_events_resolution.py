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


def test_events_date_precision_and_history():
    from powermap.extract.events import dated

    assert dated("2021-03-04", "2021-03-09") == ("2021-03-04", "day", False)
    assert dated("2020-11", "2021-03-09") == ("2020-11", "month", False)
    assert dated("1975", "2021-03-09") == ("1975", "year", True)
    assert dated(None, "2021-03-09") == ("2021-03-09", "document", False)
    assert dated(None, None) == (None, None, False)


def test_events_without_a_date_in_the_sentence_take_the_publication_date():
    # Sweden criticised Norway .
    rows = [
        ("Sweden", "Sweden", "PROPN", "nsubj", 1), ("criticised", "criticise", "VERB", "ROOT", 1),
        ("Norway", "Norway", "PROPN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), {"Sweden": ("sweden", "state"), "Norway": ("norway", "state")})
    EventStage()(ctx)
    [event] = ctx.record.events
    assert (event.date, event.date_precision, event.historical) == ("2023-01-12", "document", False)


def test_events_in_a_sentence_about_history_are_flagged():
    # In 1962 criticised Sweden Norway .   (a dated sentence decades before publication)
    rows = [
        ("In", "in", "ADP", "case", 1), ("1962", "1962", "NUM", "obl", 2),
        ("Sweden", "Sweden", "PROPN", "nsubj", 3), ("criticised", "criticise", "VERB", "ROOT", 3),
        ("Norway", "Norway", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    ctx = context(parsed("en", rows), {"Sweden": ("sweden", "state"), "Norway": ("norway", "state")})
    EventStage()(ctx)
    [event] = ctx.record.events
    assert (event.date, event.date_precision, event.historical) == ("1962", "year", True)


def test_events_apposition_names_the_source_not_a_modifier_inside_the_phrase():
    # De chef van het Zweedse bedrijf , Lindqvist , bekritiseerde Polen .
    rows = [
        ("De", "de", "DET", "det", 1), ("chef", "chef", "NOUN", "nsubj", 9),
        ("van", "van", "ADP", "case", 5), ("het", "het", "DET", "det", 5),
        ("Zweedse", "Zweeds", "ADJ", "amod", 5), ("bedrijf", "bedrijf", "NOUN", "nmod", 1),
        (",", ",", "PUNCT", "punct", 7), ("Lindqvist", "Lindqvist", "PROPN", "appos", 1),
        (",", ",", "PUNCT", "punct", 7), ("bekritiseerde", "bekritiseren", "VERB", "ROOT", 9),
        ("Polen", "Polen", "PROPN", "obj", 9), (".", ".", "PUNCT", "punct", 9),
    ]  # fmt: skip
    actors = {"Zweedse": ("sweden", "state"), "Lindqvist": ("lindqvist", "person"), "Polen": ("poland", "state")}
    assert run("nl", rows, actors) == [("lindqvist", "poland", "11")]


def test_events_plural_pronoun_with_a_plural_auxiliary_stays_open():
    # Jansen zweeg . Zij hebben Polen gesteund .   (zij: plural by its auxiliary, not Jansen)
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("zweeg", "zwijgen", "VERB", "ROOT", 1),
        (";", ";", "PUNCT", "punct", 1), ("zij", "zij", "PRON", "nsubj", 6),
        ("hebben", "hebben", "AUX", "aux", 6), ("Polen", "Polen", "PROPN", "obj", 6),
        ("gesteund", "steunen", "VERB", "parataxis", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    doc = parsed("nl", rows)
    doc[4].set_morph("Number=Plur|VerbForm=Fin")
    ctx = context(doc, {"Jansen": ("jansen", "person"), "Polen": ("poland", "state")})
    EventStage()(ctx)
    assert [(e.source, e.target) for e in ctx.record.events] == []
