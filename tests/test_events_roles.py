"""events.v1 role reading on hand-parsed Dutch sentences: metonyms, reciprocity, borrowed
objects, pronouns, and tree walks that survive broken parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from powermap.extract.events import EventStage
from powermap.extract.events.syntax import conjuncts, governors
from powermap.records import Actor, Span

from .events_fixtures import context, parsed

STATES = {
    "Polen": ("polen", "state"),
    "Litouwen": ("litouwen", "state"),
    "Rusland": ("russia", "state"),
    "Chili": ("chili", "state"),
    "Moskou": ("moscow", "place"),  # the knowledge base knows it as Russia's capital
}


def run(rows, actors=STATES, resolver=None, extra=()):
    ctx = context(parsed("nl", rows), actors)
    ctx.record.actors.extend(extra)
    ctx.actor_links = resolver
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo) for e in ctx.record.events], ctx


def test_events_capital_in_target_role_stands_for_the_state():
    # Polen veroordeelde Moskou en Rusland .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
        ("Moskou", "Moskou", "PROPN", "obj", 1), ("en", "en", "CCONJ", "cc", 4),
        ("Rusland", "Rusland", "PROPN", "conj", 2), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert found == [("polen", "russia", "111")]


def test_events_capital_stays_a_place_when_its_state_is_not_in_the_record():
    # Polen veroordeelde Moskou .
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
        ("Moskou", "Moskou", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "moscow", "111")]


def test_events_coordinated_subjects_of_a_meeting_target_each_other_not_the_venue():
    # Polen en Litouwen vergaderden in Moskou .
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Litouwen", "Litouwen", "PROPN", "conj", 0), ("vergaderden", "vergaderen", "VERB", "ROOT", 3),
        ("in", "in", "ADP", "case", 5), ("Moskou", "Moskou", "PROPN", "obl", 3), (".", ".", "PUNCT", "punct", 3),
    ])  # fmt: skip
    assert found == [("polen", "litouwen", "040"), ("litouwen", "polen", "040")]


def test_events_verb_cluster_object_attached_to_the_finite_verb():
    # Polen blijft de schuld bij Rusland leggen .
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("blijft", "blijven", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("schuld", "schuld", "NOUN", "obj", 1),
        ("bij", "bij", "ADP", "case", 5), ("Rusland", "Rusland", "PROPN", "obl", 6),
        ("leggen", "leggen", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "russia", "112")]


def test_events_relative_clause_takes_its_antecedent_as_object():
    # Het pantservoertuig dat Polen naar Litouwen stuurt .
    found, _ = run([
        ("Het", "het", "DET", "det", 1), ("pantservoertuig", "pantservoertuig", "NOUN", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 6), ("Polen", "Polen", "PROPN", "nsubj", 6),
        ("naar", "naar", "ADP", "case", 5), ("Litouwen", "Litouwen", "PROPN", "obl", 6),
        ("stuurt", "sturen", "VERB", "acl:relcl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("polen", "litouwen", "072")]


def test_events_plural_pronoun_in_a_conjunct_takes_the_first_clause_subject():
    # Polen en Litouwen aarzelden en steunden ze Chili .
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Litouwen", "Litouwen", "PROPN", "conj", 0), ("aarzelden", "aarzelen", "VERB", "ROOT", 3),
        ("en", "en", "CCONJ", "cc", 5), ("steunden", "steunen", "VERB", "conj", 3),
        ("ze", "ze", "PRON", "nsubj", 5), ("Chili", "Chili", "PROPN", "obj", 5), (".", ".", "PUNCT", "punct", 3),
    ])  # fmt: skip
    assert found == [("polen", "chili", "051"), ("litouwen", "chili", "051")]


def test_events_singular_pronoun_goes_to_the_actor_layer_resolver():
    # Hij veroordeelde Chili .   (the actor layer resolves "Hij" to a person named earlier)
    class Resolver:
        def resolve(self, start: int, end: int) -> str | None:
            return "jansen" if start == 0 else None

    jansen = Actor(id="jansen", name="Jansen", type="person", mentions=[Span("Jansen", 0, 0)])
    found, _ = run(
        [
            ("Hij", "hij", "PRON", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
            ("Chili", "Chili", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
        ],
        resolver=Resolver(),
        extra=[jansen],
    )  # fmt: skip
    assert found == [("jansen", "chili", "111")]


def test_events_tree_walks_stop_on_a_head_cycle():
    nlp = spacy.blank("nl")
    words = ["Polen", "veroordeelde", "Chili", "en", "Rusland"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 1, 4, 2], deps=["nsubj", "xcomp", "ccomp", "cc", "conj"])
    assert [t.i for t in governors(doc[0])] == [1, 2]
    assert [t.i for t in conjuncts(doc[2])] == [2, 4]
    doc[1].pos_ = "VERB"
    doc[1].lemma_ = "veroordelen"
    ctx = context(doc, STATES)
    EventStage()(ctx)  # terminates; the cycle leaves no well-formed clause to code
    assert all(e.source in {"polen", "chili", "russia"} for e in ctx.record.events)


def test_events_source_is_not_a_name_deep_inside_the_subject_phrase():
    # Sprake van steun aan de handel met Rusland veroordeelt Litouwen .   (a broken subject:
    # its head names no actor, and Rusland, three modifiers down, is not the source)
    ctx = context(parsed("nl", [
        ("Sprake", "sprake", "NOUN", "nsubj", 8), ("van", "van", "ADP", "case", 2),
        ("steun", "steun", "NOUN", "nmod", 0), ("aan", "aan", "ADP", "case", 5),
        ("de", "de", "DET", "det", 5), ("handel", "handel", "NOUN", "nmod", 2),
        ("met", "met", "ADP", "case", 7), ("Rusland", "Rusland", "PROPN", "nmod", 5),
        ("veroordeelt", "veroordelen", "VERB", "ROOT", 8), ("Litouwen", "Litouwen", "PROPN", "obj", 8),
        (".", ".", "PUNCT", "punct", 8),
    ]), {"Rusland": ("russia", "state"), "Litouwen": ("litouwen", "state")})  # fmt: skip
    EventStage()(ctx)
    assert all(e.source != "russia" for e in ctx.record.events)


def test_events_negation_on_an_adverb_and_no_subject_from_the_main_clause():
    # Hoewel Polen Rusland niet publiekelijk steunde , is er sprake van handel .
    # (the parser hung "niet" on "publiekelijk" and missed the clause's subject)
    ctx = context(parsed("nl", [
        ("Hoewel", "hoewel", "SCONJ", "mark", 5), ("Polen", "Polen", "PROPN", "nsubj", 5),
        ("Rusland", "Rusland", "PROPN", "obj", 5), ("niet", "niet", "ADV", "advmod", 4),
        ("publiekelijk", "publiekelijk", "ADJ", "advmod", 5), ("steunde", "steunen", "VERB", "advcl", 7),
        (",", ",", "PUNCT", "punct", 5), ("is", "zijn", "AUX", "ROOT", 7),
        ("er", "er", "ADV", "advmod", 7), ("sprake", "sprake", "NOUN", "nsubj", 7),
        ("van", "van", "ADP", "case", 11), ("handel", "handel", "NOUN", "nmod", 9),
        (".", ".", "PUNCT", "punct", 7),
    ]), {"Polen": ("polen", "state"), "Rusland": ("russia", "state")})  # fmt: skip
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo[:2], e.negated) for e in ctx.record.events] == [
        ("polen", "russia", "05", True)
    ]


def test_events_finite_subordinate_clause_does_not_borrow_the_main_subject():
    # Hoewel Rusland steunde , veroordeelt Polen Litouwen .   (the clause's subject was missed)
    ctx = context(parsed("nl", [
        ("Hoewel", "hoewel", "SCONJ", "mark", 2), ("Rusland", "Rusland", "PROPN", "obj", 2),
        ("steunde", "steunen", "VERB", "advcl", 4), (",", ",", "PUNCT", "punct", 2),
        ("veroordeelt", "veroordelen", "VERB", "ROOT", 4), ("Polen", "Polen", "PROPN", "nsubj", 4),
        ("Litouwen", "Litouwen", "PROPN", "obj", 4), (".", ".", "PUNCT", "punct", 4),
    ]), {"Polen": ("polen", "state"), "Rusland": ("russia", "state"), "Litouwen": ("litouwen", "state")})  # fmt: skip
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("polen", "litouwen", "111")]


def test_events_verb_candidates_undouble_vowels_and_voice_fricatives():
    from powermap.extract.events.morphology import verb_candidates

    assert "handhaven" in verb_candidates("handhaaft", "nl")
    assert "geven" in verb_candidates("geeft", "nl")
    assert "veroordelen" in verb_candidates("veroordeelt", "nl")


def test_events_word_order_inversion_subject_is_no_prepositional_object():
    # Landen die geen sancties invoerden tegen Moskou .   (no parse: Moskou follows the verb
    # inside "tegen ...", so it is not an inverted subject)
    doc = spacy.blank("nl")("Landen die geen sancties invoerden tegen Moskou.")
    ctx = context(doc, {"Moskou": ("russia", "state")})
    EventStage()(ctx)
    assert all(e.source != "russia" for e in ctx.record.events)


def test_events_word_order_target_when_the_parse_hangs_the_object_elsewhere():
    # Polen is van plan Litouwen strenge garanties op te leggen .   (Litouwen parsed as an
    # apposition inside a modifier clause: no parse role reaches it)
    ctx = context(parsed("nl", [
        ("Polen", "Polen", "PROPN", "nsubj", 9), ("is", "zijn", "AUX", "aux", 9),
        ("van", "van", "ADP", "case", 3), ("plan", "plan", "NOUN", "obl", 5),
        ("Litouwen", "Litouwen", "PROPN", "appos", 3), ("strenge", "streng", "VERB", "acl", 6),
        ("garanties", "garantie", "NOUN", "obj", 9), ("op", "op", "ADP", "compound:prt", 9),
        ("te", "te", "ADP", "mark", 9), ("leggen", "leggen", "VERB", "ROOT", 9),
        (".", ".", "PUNCT", "punct", 9),
    ]), {"Polen": ("polen", "state"), "Litouwen": ("litouwen", "state")})  # fmt: skip
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("polen", "litouwen", "100")]


def test_events_stray_object_hung_on_an_earlier_verb():
    # Polen zegt dat het werkt en levert scherpe kritiek op Rusland .   (the parser took the
    # adjective for the object of "levert" and hung "kritiek" on "zegt")
    ctx = context(parsed("nl", [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("zegt", "zeggen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 4), ("het", "het", "PRON", "nsubj", 4),
        ("werkt", "werken", "VERB", "ccomp", 1), ("en", "en", "CCONJ", "cc", 6),
        ("levert", "leveren", "VERB", "conj", 1), ("scherpe", "scherp", "ADJ", "obj", 6),
        ("kritiek", "kritiek", "NOUN", "parataxis", 1), ("op", "op", "ADP", "case", 10),
        ("Rusland", "Rusland", "PROPN", "nmod", 8), (".", ".", "PUNCT", "punct", 1),
    ]), {"Polen": ("polen", "state"), "Rusland": ("russia", "state")})  # fmt: skip
    EventStage()(ctx)
    assert [(e.source, e.target, e.cameo) for e in ctx.record.events] == [("polen", "russia", "111")]


def test_events_mutual_act_of_coordinated_subjects_outranks_a_loose_name():
    # Polen en Litouwen verklaarden een partnerschap voor de regio rond Rusland .
    # (Rusland sits deep in the object phrase: the partnership is between the two subjects)
    ctx = context(parsed("nl", [
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Litouwen", "Litouwen", "PROPN", "conj", 0), ("verklaarden", "verklaren", "VERB", "ROOT", 3),
        ("een", "een", "DET", "det", 5), ("partnerschap", "partnerschap", "NOUN", "obj", 3),
        ("voor", "voor", "ADP", "case", 8), ("de", "de", "DET", "det", 8),
        ("regio", "regio", "NOUN", "nmod", 5), ("rond", "rond", "ADP", "case", 10),
        ("Rusland", "Rusland", "PROPN", "nmod", 8), (".", ".", "PUNCT", "punct", 3),
    ]), {"Polen": ("polen", "state"), "Litouwen": ("litouwen", "state"), "Rusland": ("russia", "state")})  # fmt: skip
    EventStage()(ctx)
    assert [(e.source, e.target) for e in ctx.record.events] == [("polen", "litouwen"), ("litouwen", "polen")]


def test_events_first_named_example_of_a_subject_is_the_source():
    # Russische bedrijven , zoals Gazprom en Rosneft , leveren gas aan Polen .
    ctx = context(parsed("nl", [
        ("Russische", "Russisch", "ADJ", "amod", 1), ("bedrijven", "bedrijf", "NOUN", "nsubj", 9),
        (",", ",", "PUNCT", "punct", 4), ("zoals", "zoals", "SCONJ", "mark", 4),
        ("Gazprom", "Gazprom", "PROPN", "nmod", 1), ("en", "en", "CCONJ", "cc", 6),
        ("Rosneft", "Rosneft", "PROPN", "conj", 4), (",", ",", "PUNCT", "punct", 4),
        ("gas", "gas", "NOUN", "obj", 9), ("leveren", "leveren", "VERB", "ROOT", 9),
        ("aan", "aan", "ADP", "case", 11), ("Polen", "Polen", "PROPN", "obl", 9), (".", ".", "PUNCT", "punct", 9),
    ]), {"Russische": ("russia", "state"), "Gazprom": ("gazprom", "organisation"),
         "Rosneft": ("rosneft", "organisation"), "Polen": ("polen", "state")})  # fmt: skip
    EventStage()(ctx)
    assert [(e.source, e.target) for e in ctx.record.events] == [("gazprom", "polen")]


def test_events_a_paragraph_break_ends_a_sentence_a_wrapped_line_does_not():
    from powermap.extract.events import sentences

    nlp = spacy.blank("nl")
    doc = nlp("Een foto van de leider zonder punt\n\nDe minister wil\npraten.\nHij zwijgt.")
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or doc[tok.i - 1].text == "."
    got = [s.text.strip() for s in sentences(doc)]
    assert got == ["Een foto van de leider zonder punt", "De minister wil\npraten.", "Hij zwijgt."]


def test_events_a_parser_boundary_without_final_punctuation_is_undone():
    from powermap.extract.events import sentences

    nlp = spacy.blank("nl")
    doc = nlp("De regering is van plan de buren hulp te bieden. Zo staat het in de nota.3 Daarna volgt meer.")
    cuts = {"de", "Zo", "Daarna"}  # the parser also cut after *van plan*
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or (tok.text in cuts and doc[tok.i - 1].text != "Zo")
    got = [s.text.strip() for s in sentences(doc)]
    assert got == [
        "De regering is van plan de buren hulp te bieden.",
        "Zo staat het in de nota.3",
        "Daarna volgt meer.",
    ]


def test_events_infinitive_cut_off_as_a_root_takes_the_subject_before_it():
    # Polen is van plan Litouwen hulp te bieden .  (the parser made *bieden* a second root)
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("is", "zijn", "AUX", "cop", 3), ("van", "van", "ADP", "case", 3),
        ("plan", "plan", "NOUN", "ROOT", 3), ("Litouwen", "Litouwen", "PROPN", "iobj", 7),
        ("hulp", "hulp", "NOUN", "obj", 7), ("te", "te", "ADP", "mark", 7), ("bieden", "bieden", "VERB", "ROOT", 7),
        (".", ".", "PUNCT", "punct", 7),
    ])  # fmt: skip
    assert found == [("polen", "litouwen", "070")]


def test_events_place_at_the_edge_of_a_position_noun_is_a_location():
    # Polen bombardeerde de kazernes aan de rand van Moskou .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("bombardeerde", "bombarderen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("kazernes", "kazerne", "NOUN", "obj", 1), ("aan", "aan", "ADP", "case", 6),
        ("de", "de", "DET", "det", 6), ("rand", "rand", "NOUN", "nmod", 3), ("van", "van", "ADP", "case", 8),
        ("Moskou", "Moskou", "PROPN", "nmod", 6), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert [(source, target) for source, target, _ in found] == [("polen", None)]


def test_events_stative_passive_subject_is_no_source():
    # Jansen zit opgesloten .   (zitten + participle: Jansen is locked up, by someone unnamed)
    doc = parsed("nl", [
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("zit", "zitten", "VERB", "ROOT", 1),
        ("opgesloten", "opsluiten", "VERB", "xcomp", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    doc[2].set_morph("VerbForm=Part")
    ctx = context(doc, {"Jansen": ("jansen", "person")})
    EventStage()(ctx)
    assert ctx.record.events == []


def test_events_pronoun_subject_is_not_its_own_clauses_object():
    # Bakker zag Jansen, toen hij weigerde om naast Jansen te staan .
    # (a resolver that takes "hij" for the last person, Jansen; binding says hij is not Jansen,
    # and the om-te clause hung as advcl still gives weigeren its target)
    class Resolver:
        def resolve(self, start: int, end: int) -> str | None:
            return "jansen"

    people = {"Bakker": ("bakker", "person"), "Jansen": ("jansen", "person")}
    found, _ = run(
        [
            ("Bakker", "Bakker", "PROPN", "nsubj", 1), ("zag", "zien", "VERB", "ROOT", 1),
            ("Jansen", "Jansen", "PROPN", "obj", 1), (",", ",", "PUNCT", "punct", 6),
            ("toen", "toen", "SCONJ", "mark", 6), ("hij", "hij", "PRON", "nsubj", 6),
            ("weigerde", "weigeren", "VERB", "advcl", 1), ("om", "om", "ADP", "mark", 11),
            ("naast", "naast", "ADP", "case", 9), ("Jansen", "Jansen", "PROPN", "obl", 11),
            ("te", "te", "ADP", "mark", 11), ("staan", "staan", "VERB", "advcl", 6),
            (".", ".", "PUNCT", "punct", 1),
        ],
        actors=people,
        resolver=Resolver(),
    )  # fmt: skip
    assert found == [("bakker", "jansen", "120")]


def test_events_definite_state_description_is_the_state_named_before_it():
    # Rusland zweeg en Litouwen veroordeelde het land bij Chili .   (het land: not the source)
    found, _ = run(
        [
            ("Rusland", "Rusland", "PROPN", "nsubj", 1), ("zweeg", "zwijgen", "VERB", "ROOT", 1),
            ("en", "en", "CCONJ", "cc", 4), ("Litouwen", "Litouwen", "PROPN", "nsubj", 4),
            ("veroordeelde", "veroordelen", "VERB", "conj", 1), ("het", "het", "DET", "det", 6),
            ("land", "land", "NOUN", "obj", 4), ("bij", "bij", "ADP", "case", 8),
            ("Chili", "Chili", "PROPN", "obl", 4), (".", ".", "PUNCT", "punct", 1),
        ]
    )  # fmt: skip
    assert found == [("litouwen", "russia", "111")]


def test_events_possessed_neighbour_noun_skips_its_owner():
    # Chili steunt Polen en Rusland bezet zijn buurland met Litouwen .   (not Rusland: Polen)
    found, _ = run(
        [
            ("Chili", "Chili", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
            ("Polen", "Polen", "PROPN", "obj", 1), ("en", "en", "CCONJ", "cc", 5),
            ("Rusland", "Rusland", "PROPN", "nsubj", 5), ("bezet", "bezetten", "VERB", "conj", 1),
            ("zijn", "zijn", "PRON", "nmod:poss", 7), ("buurland", "buurland", "NOUN", "obj", 5),
            ("met", "met", "ADP", "case", 9), ("Litouwen", "Litouwen", "PROPN", "obl", 5),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )  # fmt: skip
    assert ("russia", "polen", "192") in found


def test_events_counted_plural_description_stands_for_the_states_named_last():
    # Chili steunt Polen . Twee handelspartners die geen sancties invoerden tegen Rusland .
    rows = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
        ("Twee", "twee", "NUM", "nummod", 5), ("handelspartners", "handelspartner", "NOUN", "appos", 1),
        ("die", "die", "PRON", "nsubj", 9), ("geen", "geen", "DET", "det", 8),
        ("sancties", "sanctie", "NOUN", "obj", 9), ("invoerden", "invoeren", "VERB", "acl:relcl", 5),
        ("tegen", "tegen", "ADP", "case", 11), ("Rusland", "Rusland", "PROPN", "obl", 9),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, ctx = run(rows)
    assert ("chili", "russia", "163") in found and ("polen", "russia", "163") in found
    assert all(e.negated for e in ctx.record.events if e.cameo == "163")


def test_events_counted_description_needs_that_many_states():
    # Polen steunt Litouwen niet . Drie landen stelden sancties in tegen Rusland .  (only two named)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("Litouwen", "Litouwen", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
        ("Drie", "drie", "NUM", "nummod", 5), ("landen", "land", "NOUN", "nsubj", 6),
        ("stelden", "instellen", "VERB", "parataxis", 1), ("sancties", "sanctie", "NOUN", "obj", 6),
        ("in", "in", "ADP", "compound:prt", 6), ("tegen", "tegen", "ADP", "case", 10),
        ("Rusland", "Rusland", "PROPN", "obl", 6), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert not [f for f in found if f[2] == "163"]


def test_events_neuter_subject_pronoun_is_the_state_named_last():
    # Volgens Polen schrapt het de oefeningen met Litouwen .
    rows = [
        ("Volgens", "volgens", "ADP", "case", 1), ("Polen", "Polen", "PROPN", "obl", 2),
        ("schrapt", "schrappen", "VERB", "ROOT", 2), ("het", "het", "PRON", "nsubj", 2),
        ("de", "de", "DET", "det", 5), ("oefeningen", "oefening", "NOUN", "obj", 2),
        ("met", "met", "ADP", "case", 7), ("Litouwen", "Litouwen", "PROPN", "nmod", 5),
        (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    found, _ = run(rows)
    assert found == [("polen", "litouwen", "160")]


def test_events_neuter_pronoun_as_article_is_no_actor():
    # Het kabinet schrapt de oefeningen met Litouwen .  (het is an article, not a subject)
    rows = [
        ("Het", "het", "DET", "det", 1), ("kabinet", "kabinet", "NOUN", "nsubj", 2),
        ("schrapt", "schrappen", "VERB", "ROOT", 2), ("de", "de", "DET", "det", 4),
        ("oefeningen", "oefening", "NOUN", "obj", 2), ("met", "met", "ADP", "case", 6),
        ("Litouwen", "Litouwen", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    found, _ = run(rows)
    assert not [f for f in found if f[0] == "litouwen" or f[0] == "polen"]


def test_events_plural_possessive_on_event_noun_takes_the_coordinated_subject():
    # Polen en Litouwen spraken over hun ontmoeting .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("en", "en", "CCONJ", "cc", 2),
        ("Litouwen", "Litouwen", "PROPN", "conj", 0), ("spraken", "spreken", "VERB", "ROOT", 3),
        ("over", "over", "ADP", "case", 6), ("hun", "hun", "PRON", "nmod:poss", 6),
        ("ontmoeting", "ontmoeting", "NOUN", "obl", 3), (".", ".", "PUNCT", "punct", 3),
    ]  # fmt: skip
    found, _ = run(rows)
    assert ("polen", "litouwen", "040") in found and ("litouwen", "polen", "040") in found


def test_events_neuter_article_of_a_plural_noun_is_the_speakers_state():
    # De premier Jan Kowalski liet weten dat het geplande oefeningen met Litouwen schrapt .
    # (het cannot be the article of a plural noun: it is the subject, Kowalski's state)
    rows = [
        ("De", "de", "DET", "det", 1), ("premier", "premier", "NOUN", "nsubj", 4),
        ("Jan", "Jan", "PROPN", "appos", 1), ("Kowalski", "Kowalski", "PROPN", "flat", 2),
        ("liet", "laten", "VERB", "ROOT", 4), ("weten", "weten", "VERB", "compound:prt", 4),
        ("dat", "dat", "SCONJ", "mark", 12), ("het", "het", "DET", "det", 9),
        ("geplande", "gepland", "ADJ", "amod", 9), ("oefeningen", "oefening", "NOUN", "nsubj", 12),
        ("met", "met", "ADP", "case", 11), ("Litouwen", "Litouwen", "PROPN", "obl", 12),
        ("schrapt", "schrappen", "VERB", "ccomp", 4), (".", ".", "PUNCT", "punct", 4),
    ]  # fmt: skip
    doc = parsed("nl", rows)
    doc[9].set_morph("Number=Plur")
    ctx = context(doc, {"Litouwen": ("litouwen", "state"), "Polen": ("polen", "state")})
    start = doc.text.index("Jan Kowalski")
    span = Span("Jan Kowalski", start, start + 12)
    ctx.record.actors.append(Actor("jan_kowalski", "Jan Kowalski", "person", country="POL", mentions=[span]))
    ctx.record.actors.append(Actor("poland", "Poland", "state", country="POL"))
    EventStage()(ctx)
    found = [(e.source, e.target, e.cameo, e.reported) for e in ctx.record.events]
    assert found == [("poland", "litouwen", "160", True)]  # laten weten: reported speech


def test_events_subject_of_a_governing_or_conjoined_clause_is_no_target():
    # Polen zei dat Litouwen steunt , en Chili prees .   (no objects: nothing is aimed at anyone)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("zei", "zeggen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 4), ("Litouwen", "Litouwen", "PROPN", "nsubj", 4),
        ("steunt", "steunen", "VERB", "ccomp", 1), (",", ",", "PUNCT", "punct", 8),
        ("en", "en", "CCONJ", "cc", 8), ("Chili", "Chili", "PROPN", "nsubj", 8),
        ("prees", "prijzen", "VERB", "conj", 4), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert sorted(found) == [("chili", None, "051"), ("litouwen", None, "051")]


def test_events_coordinated_targets_make_one_event_per_named_party():
    # Chili steunt Polen en Litouwen .
    rows = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "obj", 1), ("en", "en", "CCONJ", "cc", 4),
        ("Litouwen", "Litouwen", "PROPN", "conj", 2), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, ctx = run(rows)
    assert found == [("chili", "polen", "051"), ("chili", "litouwen", "051")]
    assert all(e.other_targets == [] for e in ctx.record.events)


def test_events_an_open_list_of_targets_stays_one_event_with_other_targets():
    # Chili steunt Polen , Litouwen en andere landen .   (andere: the names illustrate one group)
    rows = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("steunt", "steunen", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "obj", 1), (",", ",", "PUNCT", "punct", 4),
        ("Litouwen", "Litouwen", "PROPN", "conj", 2), ("en", "en", "CCONJ", "cc", 7),
        ("andere", "ander", "ADJ", "amod", 7), ("landen", "land", "NOUN", "conj", 2),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, ctx = run(rows)
    assert found == [("chili", "polen", "051")]
    assert ctx.record.events[0].other_targets == ["litouwen"]


def test_events_arguments_of_the_governing_clause_are_no_word_order_target():
    # Polen bekritiseerde Chili totdat Litouwen steunde .   (steunde has no object of its own)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("bekritiseerde", "bekritiseren", "VERB", "ROOT", 1),
        ("Chili", "Chili", "PROPN", "obj", 1), ("totdat", "totdat", "SCONJ", "mark", 5),
        ("Litouwen", "Litouwen", "PROPN", "nsubj", 5), ("steunde", "steunen", "VERB", "advcl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert ("litouwen", None, "051") in found


def test_events_the_source_of_a_report_is_no_target():
    # Volgens Chili steunt Polen .   (volgens X names who reports, not whom the act is aimed at)
    rows = [
        ("Volgens", "volgens", "ADP", "case", 1), ("Chili", "Chili", "PROPN", "obl", 2),
        ("steunt", "steunen", "VERB", "ROOT", 2), ("Polen", "Polen", "PROPN", "nsubj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    found, ctx = run(rows)
    assert found == [("polen", None, "051")] and ctx.record.events[0].reported


def test_events_a_second_nominal_subject_is_read_as_the_target():
    # Polen zou Litouwen meer wapens kunnen leveren .   (parsed with two nsubj)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 6), ("zou", "zullen", "AUX", "aux", 6),
        ("Litouwen", "Litouwen", "PROPN", "nsubj", 6), ("meer", "veel", "ADV", "det", 4),
        ("wapens", "wapen", "NOUN", "obj", 6), ("kunnen", "kunnen", "AUX", "aux", 6),
        ("leveren", "leveren", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6),
    ]  # fmt: skip
    found, ctx = run(rows)
    assert found == [("polen", "litouwen", "072")] and ctx.record.events[0].modality == "hypothetical"


def test_events_split_infinitive_keeps_the_wrappers_modality():
    # Polen is van plan | Litouwen wapens te leveren .   (the parser made two roots)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 3), ("is", "zijn", "AUX", "cop", 3),
        ("van", "van", "ADP", "case", 3), ("plan", "plan", "NOUN", "ROOT", 3),
        ("Litouwen", "Litouwen", "PROPN", "iobj", 7), ("wapens", "wapen", "NOUN", "obj", 7),
        ("te", "te", "ADP", "mark", 7), ("leveren", "leveren", "VERB", "ROOT", 7),
        (".", ".", "PUNCT", "punct", 7),
    ]  # fmt: skip
    found, ctx = run(rows)
    assert found == [("polen", "litouwen", "072")] and ctx.record.events[0].modality == "intended"


def test_events_a_lemma_with_a_particle_the_clause_lacks_is_not_trusted():
    # Polen wijst op een verdeeldheid in Chili .   (lemmatized "afwijzen": no "af" anywhere)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("wijst", "afwijzen", "VERB", "ROOT", 1),
        ("op", "op", "ADP", "case", 4), ("een", "een", "DET", "det", 4),
        ("verdeeldheid", "verdeeldheid", "NOUN", "obl", 1), ("in", "in", "ADP", "case", 6),
        ("Chili", "Chili", "PROPN", "nmod", 4), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert not [f for f in found if f[2].startswith("12")]


def test_events_named_example_tagged_as_a_noun_is_the_source():
    # Bedrijven , zoals Ketel , leveren steun aan Litouwen .   ("Ketel" tagged NOUN)
    rows = [
        ("Bedrijven", "bedrijf", "NOUN", "nsubj", 5), (",", ",", "PUNCT", "punct", 3),
        ("zoals", "zoals", "SCONJ", "mark", 3), ("Ketel", "ketel", "NOUN", "nmod", 0),
        (",", ",", "PUNCT", "punct", 3), ("leveren", "leveren", "VERB", "ROOT", 5),
        ("steun", "steun", "NOUN", "obj", 5), ("aan", "aan", "ADP", "case", 8),
        ("Litouwen", "Litouwen", "PROPN", "obl", 5), (".", ".", "PUNCT", "punct", 5),
    ]  # fmt: skip
    found, _ = run(rows, {**STATES, "Ketel": ("ketel_group", "company")})
    assert [f[0] for f in found] == ["ketel_group"]


def test_events_a_region_is_no_source_or_target():
    # Polen veroordeelde de Sahel . / De Sahel veroordeelde Polen .
    actors = {**STATES, "Sahel": ("sahel", "place")}  # a region, no capital
    found, _ = run([
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("Sahel", "Sahel", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ], actors)  # fmt: skip
    assert found == [("polen", None, "111")]
    found, _ = run([
        ("De", "de", "DET", "det", 1), ("Sahel", "Sahel", "PROPN", "nsubj", 2),
        ("veroordeelde", "veroordelen", "VERB", "ROOT", 2), ("Polen", "Polen", "PROPN", "obj", 2),
        (".", ".", "PUNCT", "punct", 2),
    ], actors)  # fmt: skip
    assert all(source != "sahel" and target != "sahel" for source, target, _ in found)


def test_events_verb_after_en_shares_the_subject_and_takes_the_next_noun_as_object():
    # Polen zei dat het zorgen heeft en riep Rusland op tot kalmte .
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("zei", "zeggen", "VERB", "ROOT", 1),
        ("dat", "dat", "SCONJ", "mark", 5), ("het", "het", "PRON", "nsubj", 5),
        ("zorgen", "zorg", "NOUN", "obj", 5), ("heeft", "hebben", "VERB", "ccomp", 1),
        ("en", "en", "CCONJ", "cc", 7), ("riep", "oproepen", "VERB", "conj", 1),
        ("Rusland", "Rusland", "PROPN", "nsubj", 7), ("op", "op", "ADP", "compound:prt", 7),
        ("tot", "tot", "ADP", "case", 11), ("kalmte", "kalmte", "NOUN", "obl", 7), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert ("polen", "russia", "020") in found and not any(source == "russia" for source, _, _ in found)


def test_events_after_an_inverted_clause_the_noun_after_en_stays_the_subject():
    # Zo steunde Polen Litouwen en veroordeelde Chili Rusland .
    rows = [
        ("Zo", "zo", "ADV", "advmod", 1), ("steunde", "steunen", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("Litouwen", "Litouwen", "PROPN", "obj", 1),
        ("en", "en", "CCONJ", "cc", 5), ("veroordeelde", "veroordelen", "VERB", "conj", 1),
        ("Chili", "Chili", "PROPN", "nsubj", 5), ("Rusland", "Rusland", "PROPN", "obj", 5),
        (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert ("chili", "russia", "111") in found


def test_events_agentless_passive_gets_no_source_from_word_order():
    # Rusland zit opgesloten . (the patient before the verb is no source; no agent is named)
    rows = [
        ("Rusland", "Rusland", "PROPN", "nsubj", 1), ("zit", "zitten", "VERB", "aux:pass", 2),
        ("opgesloten", "opsluiten", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2),
    ]  # fmt: skip
    found, _ = run(rows)
    assert not any(source == "russia" for source, _, _ in found)


def test_events_adjective_particle_of_a_separable_verb_and_new_lexicon_rows():
    # Polen keurde de verkoop aan Litouwen goed . (goed read as an adverb, not a particle)
    rows = [
        ("Polen", "Polen", "PROPN", "nsubj", 1), ("keurde", "keurde", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("verkoop", "verkoop", "NOUN", "obj", 1),
        ("aan", "aan", "ADP", "case", 5), ("Litouwen", "Litouwen", "PROPN", "nmod", 3),
        ("goed", "goed", "ADJ", "advmod", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert found == [("polen", "litouwen", "061")]
    # Chili hield de ratificatie tegen .
    rows = [
        ("Chili", "Chili", "PROPN", "nsubj", 1), ("hield", "houden", "VERB", "ROOT", 1),
        ("de", "de", "DET", "det", 3), ("ratificatie", "ratificatie", "NOUN", "obj", 1),
        ("tegen", "tegen", "ADP", "compound:prt", 1), (".", ".", "PUNCT", "punct", 1),
    ]  # fmt: skip
    found, _ = run(rows)
    assert [(s, c) for s, _, c in found] == [("chili", "129")]
