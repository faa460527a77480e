"""events.v1 on hand-parsed Dutch sentences (Alpino UD labels), one construction per test."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

STATES = {
    "Polen": ("polen", "state"),
    "Litouwen": ("litouwen", "state"),
    "Zweden": ("zweden", "state"),
    "Noorwegen": ("noorwegen", "state"),
    "NAVO": ("nato", "organisation"),
    "Moskou": ("russia", "state"),
    "Rusland": ("russia", "state"),
    "de NAVO": ("nato", "organisation"),
    "de EU": ("eu", "organisation"),
    "Chili": ("chili", "state"),
    "Peru": ("peru", "state"),
}


def run(rows, actors=STATES, published="2023-01-12"):
    ctx = context(parsed("nl", rows), actors, published)
    EventStage()(ctx)
    return ctx.record.events, ctx


def triples(events):
    return [(e.source, e.target, e.cameo) for e in events]


def test_events_coordinated_subjects_give_two_events():
    # Polen en Litouwen veroordeelden Moskou .
    events, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Litouwen", "Litouwen", "PROPN", "conj", 0), ("veroordeelden", "veroordelen", "VERB", "ROOT", 3),
        ("Moskou", "Moskou", "PROPN", "obj", 3), (".", ".", "PUNCT", "punct", 3),
    ])  # fmt: skip
    assert triples(events) == [("polen", "russia", "111"), ("litouwen", "russia", "111")]
    assert events[0].plover == "DISAPPROVE" and events[0].goldstein == -2.0
    assert events[0].modality == "asserted" and not events[0].negated


def test_events_passive_agent_is_the_source():
    # Chili werd door Peru aangevallen .
    events, _ = run([
        ("Chili", "Chili", "PROPN", "nsubj:pass", 4), ("werd", "worden", "AUX", "aux:pass", 4),
        ("door", "door", "ADP", "case", 3), ("Peru", "Peru", "PROPN", "obl:agent", 4),
        ("aangevallen", "aan_vallen", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
    ])  # fmt: skip
    assert triples(events) == [("peru", "chili", "190")]
    assert events[0].plover == "ASSAULT"


def test_events_split_particle_verb_with_light_object():
    # Polen legde Rusland sancties op .
    events, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("legde", "leggen", "VERB", "ROOT", 1),
        ("Rusland", "Rusland", "PROPN", "iobj", 1), ("sancties", "sanctie", "NOUN", "obj", 1),
        ("op", "op", "ADP", "compound:prt", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("polen", "russia", "163")]
    assert events[0].plover == "SANCTION"


def test_events_particle_verb_cancelling():
    # Zweden zegde de oefening met Noorwegen af .
    events, _ = run([
        ("Zweden", "Zweden", "PROPN", "nsubj", 1), ("zegde", "zeggen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("oefening", "oefening", "NOUN", "obj", 1),
        ("met", "met", "ADP", "case", 5), ("Noorwegen", "Noorwegen", "PROPN", "nmod", 3),
        ("af", "af", "ADP", "compound:prt", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("zweden", "noorwegen", "160")]


def test_events_reflexive_wrapper_negates_the_wrapped_event():
    # Chili onthield zich om Peru te veroordelen .
    events, _ = run([
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("onthield", "onthouden", "VERB", "ROOT", 1),
        ("zich", "zich", "PRON", "expl:pv", 1), ("om", "om", "ADP", "mark", 5),
        ("Peru", "Peru", "PROPN", "obj", 5), ("veroordelen", "veroordelen", "VERB", "xcomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("chili", "peru", "111")]
    assert events[0].negated


def test_events_clause_on_a_vote_noun_is_what_the_subject_abstains_from():
    # Chili onthield zich bij een stemming om Peru te veroordelen .
    rows = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("onthield", "onthouden", "VERB", "ROOT", 1),
        ("zich", "zich", "PRON", "expl:pv", 1), ("bij", "bij", "ADP", "case", 5),
        ("een", "een", "DET", "det", 5), ("stemming", "stemming", "NOUN", "obl", 1),
        ("om", "om", "ADP", "mark", 9), ("Peru", "Peru", "PROPN", "obj", 9),
        ("te", "te", "ADP", "mark", 9), ("veroordelen", "veroordelen", "VERB", "acl", 5),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    events, _ = run(rows)
    assert triples(events) == [("chili", "peru", "111")]
    assert events[0].negated
    # any other noun keeps its clause to itself: no source climbs past *een bijeenkomst*
    other = [r if r[0] != "stemming" else ("bijeenkomst", "bijeenkomst", "NOUN", "obl", 1) for r in rows]
    events, _ = run(other)
    assert ("chili", "peru", "111") not in triples(events)


def test_events_negation_with_geen():
    # Chili stelde geen sancties in tegen Rusland .
    events, _ = run([
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("stelde", "stellen", "VERB", "ROOT", 1),
        ("geen", "geen", "DET", "det", 3), ("sancties", "sanctie", "NOUN", "obj", 1),
        ("in", "in", "ADP", "compound:prt", 1), ("tegen", "tegen", "ADP", "case", 6),
        ("Rusland", "Rusland", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("chili", "russia", "163")]
    assert events[0].negated


def test_events_refusal_codes_reject_when_nothing_is_wrapped():
    # Peru weigerde de EU te ontvangen is wrapped; Peru weigerde . alone is a rejection
    events, _ = run([
        ("Peru", "Peru", "PROPN", "nsubj", 1), ("weigerde", "weigeren", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("EU", "EU", "PROPN", "obj", 5),
        ("te", "te", "ADP", "mark", 5), ("ontvangen", "ontvangen", "VERB", "xcomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("peru", "eu", "043")]
    assert events[0].negated


def test_events_intended_modality_from_van_plan():
    # Moskou is van plan Polen sancties op te leggen .
    events, _ = run([
        ("Moskou", "Moskou", "PROPN", "nsubj", 3), ("is", "zijn", "AUX", "cop", 3),
        ("van", "van", "ADP", "case", 3), ("plan", "plan", "NOUN", "ROOT", 3),
        ("Polen", "Polen", "PROPN", "iobj", 8), ("sancties", "sanctie", "NOUN", "obj", 8),
        ("op", "op", "ADP", "compound:prt", 8), ("te", "te", "ADP", "mark", 8),
        ("leggen", "leggen", "VERB", "xcomp", 3), (".", ".", "PUNCT", "punct", 3),
    ])  # fmt: skip
    assert triples(events) == [("russia", "polen", "163")]
    assert events[0].modality == "intended"


def test_events_hypothetical_modality_from_zou_kunnen():
    # Peru zou Chili kunnen aanvallen .
    events, _ = run([
        ("Peru", "Peru", "PROPN", "nsubj", 4), ("zou", "zullen", "AUX", "aux", 4),
        ("Chili", "Chili", "PROPN", "obj", 4), ("kunnen", "kunnen", "AUX", "aux", 4),
        ("aanvallen", "aan_vallen", "VERB", "ROOT", 4), (".", ".", "PUNCT", "punct", 4),
    ])  # fmt: skip
    assert triples(events) == [("peru", "chili", "190")]
    assert events[0].modality == "hypothetical"


def test_events_demanded_modality_under_eisen():
    # Polen eiste dat Rusland Litouwen vrijlaat .   (the wrapped clause keeps its own subject)
    events, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("eiste", "eisen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 5), ("Rusland", "Rusland", "PROPN", "nsubj", 5),
        ("Litouwen", "Litouwen", "PROPN", "obj", 5), ("vrijlaat", "vrij_laten", "VERB", "ccomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("russia", "litouwen", "0841")]
    assert events[0].modality == "demanded"


def test_events_threat_wrapper_turns_sanctions_into_a_threat():
    # Polen dreigde Rusland sancties op te leggen .
    events, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("dreigde", "dreigen", "VERB", "ROOT", 1),
        ("Rusland", "Rusland", "PROPN", "iobj", 6), ("sancties", "sanctie", "NOUN", "obj", 6),
        ("op", "op", "ADP", "compound:prt", 6), ("te", "te", "ADP", "mark", 6),
        ("leggen", "leggen", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("polen", "russia", "1312")]
    assert events[0].plover == "THREATEN"


def test_events_reported_speech_is_flagged_apart():
    # Zweden zegt dat Peru Chili bezette .
    events, ctx = run([
        ("Zweden", "Zweden", "PROPN", "nsubj", 1), ("zegt", "zeggen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 5), ("Peru", "Peru", "PROPN", "nsubj", 5),
        ("Chili", "Chili", "PROPN", "obj", 5), ("bezette", "bezetten", "VERB", "ccomp", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("peru", "chili", "192")]
    assert ctx.event_reported == [True]


def test_events_date_from_weekday_else_the_publication_date():
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("bezocht", "bezoeken", "VERB", "ROOT", 1),
        ("dinsdag", "dinsdag", "NOUN", "obl", 1), ("Litouwen", "Litouwen", "PROPN", "obj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    events, _ = run(rows, published="2023-01-12")
    assert triples(events) == [("polen", "litouwen", "042")] and events[0].date == "2023-01-10"
    no_date = [r if r[0] != "dinsdag" else ("graag", "graag", "ADV", "advmod", 1) for r in rows]
    events, _ = run(no_date)  # no date in the sentence: the publication date, at document precision
    assert (events[0].date, events[0].date_precision) == ("2023-01-12", "document")
    events, _ = run(no_date, published=None)
    assert events[0].date is None and events[0].date_precision is None


def test_events_without_parse_fall_back_to_word_order():
    import spacy

    from .events_fixtures import context

    doc = spacy.blank("nl")("Polen en Litouwen veroordeelden Moskou gisteren.")
    ctx = context(doc, STATES, "2023-01-12")
    EventStage()(ctx)
    assert triples(ctx.record.events) == [("polen", "russia", "111"), ("litouwen", "russia", "111")]
    assert ctx.record.events[0].date == "2023-01-11"


def test_events_misparsed_sentence_falls_back_to_word_order():
    # Polen schrapt oefeningen met Rusland .   (the parser took the object for the subject,
    # left Polen unattached and mislemmatised the verb: word order still reads Polen -> Rusland)
    events, _ = run([
        ("Polen", "Polen", "PROPN", "dep", 1), ("schrapt", "schrapen", "VERB", "ROOT", 1),
        ("oefeningen", "oefening", "NOUN", "nsubj", 1), ("met", "met", "ADP", "case", 4),
        ("Rusland", "Rusland", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert triples(events) == [("polen", "russia", "160")]


def test_events_word_order_source_is_no_name_inside_a_prepositional_phrase():
    # Zweden en Noorwegen besloten door de Russische dreiging lid te worden van de NAVO .
    # (a broken parse: "lid" as apposition, "worden" as auxiliary)
    actors = {**STATES, "Russische": ("russia", "state")}
    events, _ = run([
        ("Zweden", "Zweden", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Noorwegen", "Noorwegen", "PROPN", "conj", 0), ("besloten", "besluiten", "VERB", "ROOT", 3),
        ("door", "door", "ADP", "case", 7), ("de", "de", "DET", "det", 7),
        ("Russische", "Russisch", "ADJ", "amod", 7), ("dreiging", "dreiging", "NOUN", "obl", 10),
        ("lid", "lid", "NOUN", "appos", 7), ("te", "te", "ADP", "mark", 10),
        ("worden", "worden", "VERB", "aux:pass", 3), ("van", "van", "ADP", "case", 13),
        ("de", "de", "DET", "det", 13), ("NAVO", "NAVO", "PROPN", "obl:arg", 10),
        (".", ".", "PUNCT", "punct", 3),
    ], actors)  # fmt: skip
    assert triples(events) == [("zweden", "nato", "0312"), ("noorwegen", "nato", "0312")]


def test_events_nominal_predicate_needs_its_verb_close_by():
    # Polen is lid van de unie van kleine staten in het noorden , die later de NAVO zal worden .
    # ("lid" and a distant "worden ... NAVO" in a relative clause: no accession)
    events, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 2), ("is", "zijn", "AUX", "cop", 2),
        ("lid", "lid", "NOUN", "ROOT", 2), ("van", "van", "ADP", "case", 5),
        ("de", "de", "DET", "det", 5), ("unie", "unie", "NOUN", "nmod", 2),
        ("van", "van", "ADP", "case", 8), ("kleine", "klein", "ADJ", "amod", 8),
        ("staten", "staat", "NOUN", "nmod", 5), ("in", "in", "ADP", "case", 11),
        ("het", "het", "DET", "det", 11), ("noorden", "noorden", "NOUN", "nmod", 8),
        (",", ",", "PUNCT", "punct", 2), ("die", "die", "PRON", "nsubj", 18),
        ("later", "later", "ADV", "advmod", 18), ("de", "de", "DET", "det", 16),
        ("NAVO", "NAVO", "PROPN", "xcomp", 18), ("zal", "zullen", "AUX", "aux", 18),
        ("worden", "worden", "VERB", "acl:relcl", 5), (".", ".", "PUNCT", "punct", 2),
    ])  # fmt: skip
    assert [e.cameo for e in events if e.cameo.startswith("03")] == []


def test_events_event_noun_with_agent_and_target():
    # De veroordeling van Rusland door Polen was scherp .
    events, _ = run([
        ("De", "de", "DET", "det", 1), ("veroordeling", "veroordeling", "NOUN", "nsubj", 7),
        ("van", "van", "ADP", "case", 3), ("Rusland", "Rusland", "PROPN", "nmod", 1),
        ("door", "door", "ADP", "case", 5), ("Polen", "Polen", "PROPN", "nmod", 1),
        ("was", "zijn", "AUX", "cop", 7), ("scherp", "scherp", "ADJ", "ROOT", 7),
        (".", ".", "PUNCT", "punct", 7),
    ])  # fmt: skip
    assert triples(events) == [("polen", "russia", "111")]


def test_events_word_order_backup_skips_names_inside_the_object():
    # Twee landen die Russische brandstoffen opkopen .   (verb-final clause: the demonym before
    # the verb belongs to the object, not the subject)
    events, _ = run([
        ("Twee", "twee", "NUM", "nummod", 1), ("landen", "land", "NOUN", "ROOT", 1),
        ("die", "die", "PRON", "nsubj", 5), ("Russische", "Russisch", "ADJ", "amod", 4),
        ("brandstoffen", "brandstof", "NOUN", "obj", 5), ("opkopen", "opkopen", "VERB", "acl:relcl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ], {**STATES, "Russische": ("russia", "state")})  # fmt: skip
    assert [e for e in events if e.source == "russia"] == []
