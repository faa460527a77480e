"""stances.v1: agree/disagree from events, quotes and concept mentions; concept proposal."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from powermap.extract.events import EventStage
from powermap.extract.stances import StanceStage, load_concepts, propose_concepts
from powermap.records import Quote

from .events_fixtures import context, parsed

ACTORS = {"Polen": ("polen", "state"), "Rusland": ("russia", "state"), "Jansen": ("jansen", "person")}


def stances_for(rows, quotes=()):
    ctx = context(parsed("nl", rows), ACTORS)
    ctx.record.quotes.extend(quotes)
    EventStage()(ctx)
    StanceStage()(ctx)
    return [(s.actor, s.concept, s.agree) for s in ctx.record.stances], ctx


def test_stances_sanctions_imposed_is_agreement():
    # Polen legde Rusland sancties op .
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("legde", "leggen", "VERB", "ROOT", 1),
        ("Rusland", "Rusland", "PROPN", "iobj", 1), ("sancties", "sanctie", "NOUN", "obj", 1),
        ("op", "op", "ADP", "compound:prt", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "sanctions against Russia", True)]


def test_stances_negated_sanctions_is_disagreement():
    # Polen stelde geen sancties in .
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("stelde", "stellen", "VERB", "ROOT", 1),
        ("geen", "geen", "DET", "det", 3), ("sancties", "sanctie", "NOUN", "obj", 1),
        ("in", "in", "ADP", "compound:prt", 1), ("tegen", "tegen", "ADP", "case", 6),
        ("Rusland", "Rusland", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "sanctions against Russia", False)]


def test_stances_event_takes_the_concept_only_from_its_own_clause():
    # Polen legde Rusland sancties op totdat Jansen steunde .   (Jansen's act is not about sanctions)
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("legde", "leggen", "VERB", "ROOT", 1),
        ("Rusland", "Rusland", "PROPN", "iobj", 1), ("sancties", "sanctie", "NOUN", "obj", 1),
        ("op", "op", "ADP", "compound:prt", 1), ("totdat", "totdat", "SCONJ", "mark", 7),
        ("Jansen", "Jansen", "PROPN", "nsubj", 7), ("steunde", "steunen", "VERB", "advcl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("polen", "sanctions against Russia", True) in found
    of_jansen = [concept for actor, concept, _ in found if actor == "jansen"]
    assert of_jansen and "sanctions against Russia" not in of_jansen


def test_stances_quote_speaker_disagrees_with_cue():
    # Jansen : concessies zijn een fout .   (a quote whose speaker is Jansen)
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 2), (":", ":", "PUNCT", "punct", 0),
        ("concessies", "concessie", "NOUN", "ROOT", 2), ("zijn", "zijn", "AUX", "cop", 2),
        ("een", "een", "DET", "det", 5), ("fout", "fout", "NOUN", "nmod", 2), (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    doc_text = parsed("nl", rows).text
    start = doc_text.index("concessies")
    quote = Quote(doc_text[start:-1], start, len(doc_text) - 1, "jansen", "direct", ":")
    found, _ = stances_for(rows, [quote])
    assert found == [("jansen", "concessions on Ukraine", False)]


def test_stances_concepts_load_and_match_per_language():
    concepts = {c.label: c for c in load_concepts()}
    assert "NATO enlargement" in concepts and "multipolar world order" in concepts
    nato = concepts["NATO enlargement"]
    assert nato.match("Zweden wil lid worden van de NAVO.", "nl")
    assert not nato.match("Zweden wil lid worden van de club.", "nl")
    assert nato.match("Sweden applied for NATO membership.", "en")


def test_stances_propose_concepts_prefers_shared_phrases():
    nlp = spacy.blank("en")
    docs = [nlp(t) for t in (
        "Grain exports rose while grain exports to Egypt fell.",
        "Officials discussed grain exports and fishing rights.",
        "Fishing rights dominated the summit.",
    )]  # fmt: skip
    ranked = [p for p, _ in propose_concepts(docs, limit=5, min_docs=2)]
    assert "grain exports" in ranked and "fishing rights" in ranked
    assert "summit" not in ranked


def test_stances_concept_sentence_is_held_by_the_subject_not_a_name_inside_it():
    # Sancties tegen Rusland werken niet .   (nobody named here holds a position)
    rows = [
        ("Sancties", "sanctie", "NOUN", "nsubj", 3), ("tegen", "tegen", "ADP", "case", 2),
        ("Rusland", "Rusland", "PROPN", "nmod", 0), ("werken", "werken", "VERB", "ROOT", 3),
        ("niet", "niet", "ADV", "advmod", 3), (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    found, _ = stances_for(rows)
    assert found == []
    # Polen zegt : sancties tegen Rusland werken niet .   (the main clause's subject holds it)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("zegt", "zeggen", "VERB", "ROOT", 1),
        (":", ":", "PUNCT", "punct", 1), ("sancties", "sanctie", "NOUN", "nsubj", 6),
        ("tegen", "tegen", "ADP", "case", 5), ("Rusland", "Rusland", "PROPN", "nmod", 3),
        ("werken", "werken", "VERB", "ccomp", 1), ("niet", "niet", "ADV", "advmod", 6),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = stances_for(rows)
    assert found == [("polen", "sanctions against Russia", False)]


def test_stances_refusing_to_condemn_is_disagreement():
    # Polen weigerde Rusland te veroordelen .   (not condemning: against the condemnation)
    found, _ = stances_for([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("weigerde", "weigeren", "VERB", "ROOT", 1),
        ("Rusland", "Rusland", "PROPN", "obj", 4), ("te", "te", "ADP", "mark", 4),
        ("veroordelen", "veroordelen", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert [(a, agree) for a, _, agree in found] == [("polen", False)]


def test_stances_quote_continuation_states_no_new_position():
    # Jansen zegt dat het werkt .  Sancties blijven goed .   (both quoted, speaker Jansen; the
    # second names a concept but is no new attributed statement)
    words = ["Jansen", "zegt", "dat", "het", "werkt", ".", "Sancties", "blijven", "goed", "."]
    doc = Doc(
        spacy.blank("nl").vocab, words=words, spaces=[True, True, True, True, False, True, True, True, False, False],
        lemmas=["Jansen", "zeggen", "dat", "het", "werken", ".", "sanctie", "blijven", "goed", "."],
        pos=["PROPN", "VERB", "SCONJ", "PRON", "VERB", "PUNCT", "NOUN", "VERB", "ADJ", "PUNCT"],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "xcomp", "punct"],
        heads=[1, 1, 4, 4, 1, 1, 7, 7, 7, 7],
        sent_starts=[i in (0, 6) for i in range(len(words))],
    )  # fmt: skip
    ctx = context(doc, ACTORS)
    text = doc.text
    for piece in ("dat het werkt", "Sancties blijven goed"):
        start = text.index(piece)
        ctx.record.quotes.append(Quote(piece, start, start + len(piece), "jansen", "indirect", "zegt"))
    StanceStage()(ctx)
    assert [(s.actor, s.evidence) for s in ctx.record.stances] == [("jansen", "Jansen zegt dat het werkt.")]


def test_stances_concept_sentence_needs_a_position_predicate():
    # Polen vormt de kern van de sancties .   (a description: no position taken)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("vormt", "vormen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("kern", "kern", "NOUN", "obj", 1),
        ("van", "van", "ADP", "case", 6), ("de", "de", "DET", "det", 6),
        ("sancties", "sanctie", "NOUN", "nmod", 3), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert stances_for(rows)[0] == []
    # Polen verdedigt de sancties tegen Rusland .   (a stance cue as predicate)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("verdedigt", "verdedigen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("sancties", "sanctie", "NOUN", "obj", 1),
        ("tegen", "tegen", "ADP", "case", 5), ("Rusland", "Rusland", "PROPN", "nmod", 3),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert stances_for(rows)[0] == [("polen", "sanctions against Russia", True)]


def test_stances_position_verb_without_a_listed_concept():
    # Polen betreurt de hervorming niet .   (negated regret: a position for it)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("betreurt", "betreuren", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("hervorming", "hervorming", "NOUN", "obj", 1),
        ("niet", "niet", "ADV", "advmod", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert stances_for(rows)[0] == [("polen", "hervorming", True)]


def test_stances_passive_position_verb_is_held_by_the_agent():
    # De hervorming wordt gepromoot door Jansen .   (parser lemma left as the participle)
    rows = [
        ("De", "de", "DET", "det", 1), ("hervorming", "hervorming", "NOUN", "nsubj:pass", 3),
        ("wordt", "worden", "AUX", "aux:pass", 3), ("gepromoot", "gepromoot", "VERB", "ROOT", 3),
        ("door", "door", "ADP", "case", 5), ("Jansen", "Jansen", "PROPN", "obl:agent", 3),
        (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    assert stances_for(rows)[0] == [("jansen", "hervorming", True)]


def test_stances_membership_is_no_position():
    # Polen is lid van de NAVO .   (a state of affairs, not a position on NATO enlargement)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 2), ("is", "zijn", "AUX", "cop", 2),
        ("lid", "lid", "NOUN", "ROOT", 2), ("van", "van", "ADP", "case", 5),
        ("de", "de", "DET", "det", 5), ("NAVO", "NAVO", "PROPN", "nmod", 2), (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    assert stances_for(rows)[0] == []


def test_stances_quote_attributed_by_a_mislemmatised_speech_verb():
    # Het werkt , benadrukt hij in Polen .   (quote "Het werkt" by Jansen; lemma left as the form)
    rows = [
        ("Het", "het", "PRON", "nsubj", 1), ("werkt", "werken", "VERB", "ccomp", 3),
        (",", ",", "PUNCT", "punct", 3), ("benadrukt", "benadrukt", "VERB", "ROOT", 3),
        ("hij", "hij", "PRON", "nsubj", 3), ("in", "in", "ADP", "case", 6),
        ("Polen", "Polen", "PROPN", "obl", 3), (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    quote = Quote("Het werkt", 0, 9, "jansen", "direct", "benadrukt")
    found, _ = stances_for(rows, [quote])
    assert [(actor, agree) for actor, _, agree in found] == [("jansen", True)]


def test_stances_material_aid_is_a_deed_not_a_position():
    # Polen levert wapens aan Litouwen .   (an event, but no stance)
    actors = {**ACTORS, "Litouwen": ("litouwen", "state")}
    ctx = context(parsed("nl", [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("levert", "leveren", "VERB", "ROOT", 1),
        ("wapens", "wapen", "NOUN", "obj", 1), ("aan", "aan", "ADP", "case", 4),
        ("Litouwen", "Litouwen", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ]), actors)  # fmt: skip
    EventStage()(ctx)
    StanceStage()(ctx)
    assert [e.cameo[:2] for e in ctx.record.events] == ["07"]
    assert ctx.record.stances == []


def test_stances_not_wanting_to_harm_is_agreement():
    # Polen wil de handel niet in gevaar brengen .   (for the trade, not against it)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("wil", "willen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("handel", "handel", "NOUN", "obj", 7),
        ("niet", "niet", "ADV", "advmod", 7), ("in", "in", "ADP", "case", 6),
        ("gevaar", "gevaar", "NOUN", "obl", 7), ("brengen", "brengen", "VERB", "xcomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    assert [(a, agree) for a, _, agree in stances_for(rows)[0]] == [("polen", True)]


def test_stances_holder_outside_the_sentence_is_a_misparse():
    # Jansen op de top \n\n Wij steunen de hervorming .  (the parser hangs the caption's name on
    # the next line's verb; a line break ends the sentence, so Jansen holds no position there)
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 6), ("op", "op", "ADP", "case", 3),
        ("de", "de", "DET", "det", 3), ("top", "top", "NOUN", "nmod", 0), ("\n\n", "\n\n", "SPACE", "dep", 6),
        ("Wij", "wij", "PRON", "obl", 6), ("steunen", "steunen", "VERB", "ROOT", 6),
        ("de", "de", "DET", "det", 8), ("hervorming", "hervorming", "NOUN", "obj", 6), (".", ".", "PUNCT", "punct", 6),
    ]  # fmt: skip
    found, _ = stances_for(rows)
    assert found == []


def test_stances_event_told_in_someone_elses_direct_quote_is_not_its_sources_position():
    # " Polen legde Rusland sancties op " , zegt Jansen .
    rows = [
        ('"', '"', "PUNCT", "punct", 2), ("Polen", "Polen", "PROPN", "nsubj", 2),
        ("legde", "leggen", "VERB", "ROOT", 2), ("Rusland", "Rusland", "PROPN", "iobj", 2),
        ("sancties", "sanctie", "NOUN", "obj", 2), ("op", "op", "ADP", "compound:prt", 2),
        ('"', '"', "PUNCT", "punct", 2), (",", ",", "PUNCT", "punct", 2), ("zegt", "zeggen", "VERB", "parataxis", 2),
        ("Jansen", "Jansen", "PROPN", "nsubj", 8), (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    text = parsed("nl", rows).text
    start, end = text.index("Polen"), text.index(" op") + 3
    for kind, holders in (("direct", {"jansen"}), ("indirect", {"jansen", "polen"})):
        quote = Quote(text[start:end], start, end, "jansen", kind, "zegt")
        found, _ = stances_for(rows, [quote])
        assert {actor for actor, _, _ in found} == holders


def test_stances_pejorative_label_in_a_quote_is_disagreement():
    # Jansen : concessies zijn illegaal .   (a quote whose speaker is Jansen)
    rows = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 2), (":", ":", "PUNCT", "punct", 0),
        ("concessies", "concessie", "NOUN", "nsubj", 4), ("zijn", "zijn", "AUX", "cop", 4),
        ("illegaal", "illegaal", "ADJ", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
    ]  # fmt: skip
    text = parsed("nl", rows).text
    start = text.index("concessies")
    quote = Quote(text[start:-1], start, len(text) - 1, "jansen", "direct", ":")
    found, _ = stances_for(rows, [quote])
    assert ("jansen", "concessions on Ukraine", False) in found


def quote_rows() -> list[tuple[str, str, str, str, int]]:
    # Jansen : concessies zijn een fout . Jansen : concessies zijn een fout .
    one = [
        ("Jansen", "Jansen", "PROPN", "nsubj", 2), (":", ":", "PUNCT", "punct", 0),
        ("concessies", "concessie", "NOUN", "ROOT", 2), ("zijn", "zijn", "AUX", "cop", 2),
        ("een", "een", "DET", "det", 5), ("fout", "fout", "NOUN", "nmod", 2), (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    return one + [(w, lemma, pos, label, head + len(one)) for w, lemma, pos, label, head in one]


def test_stances_a_repeated_quote_is_one_statement():
    rows = quote_rows()
    text = parsed("nl", rows).text
    quotes = []
    for start in (text.index("concessies"), text.rindex("concessies")):
        end = text.index(".", start)
        quotes.append(Quote(text[start:end], start, end, "jansen", "direct", ":"))
    found, ctx = stances_for(rows, quotes)
    assert found == [("jansen", "concessions on Ukraine", False)]
    assert ctx.record.stances[0].start == 0


def test_stances_a_news_outlets_reported_speech_is_no_position():
    rows = quote_rows()[:7]
    text = parsed("nl", rows).text
    start = text.index("concessies")
    quote = Quote(text[start:-1], start, len(text) - 1, "jansen", "indirect", ":")
    for kind, expected in (("media", []), ("person", [("jansen", "concessions on Ukraine", False)])):
        ctx = context(parsed("nl", rows), {"Jansen": ("jansen", kind)})
        ctx.record.quotes.append(quote)
        StanceStage()(ctx)
        assert [(s.actor, s.concept, s.agree) for s in ctx.record.stances] == expected
