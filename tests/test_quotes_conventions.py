"""quotes.v1: quote conventions and cues added for issue 16, on sentences written for these tests."""

from __future__ import annotations

from powermap.extract.quotes.marks import find_quotes, single_char_marks
from tests.test_quotes_constructions import by_text, run


def test_typewriter_low_high_marks_nl() -> None:
    text = (
        "De wethouder kwam laat. ,,We bouwen de brug pas volgend jaar'', zegt Piet Kramer. "
        ",,Het geld is op. De aannemer wacht.'' Daarna vertrok hij."
    )
    found = by_text(run(text, "nl", {"Piet Kramer": ["Piet Kramer"]}))
    assert found["We bouwen de brug pas volgend jaar"] == ("piet_kramer", "direct")
    assert found["Het geld is op. De aannemer wacht."] == ("piet_kramer", "direct")


def test_typewriter_marks_keep_offsets() -> None:
    text = "Zij zei: ,,kom morgen terug'' en ging."
    same, pairs = single_char_marks(text, ((",,", "''"), ('"', '"')))
    assert len(same) == len(text)
    (quote,) = find_quotes(text, ((",,", "''"),))
    assert text[quote.start : quote.end] == "kom morgen terug"
    assert ('"', '"') in pairs


def test_reported_clause_from_the_parse_nl() -> None:
    found = by_text(
        run(
            "De burgemeester Piet Kramer zei gisteren dat de brug volgend jaar klaar is.",
            "nl",
            {"Piet Kramer": ["Piet Kramer"]},
        )
    )
    assert found["de brug volgend jaar klaar is"] == ("piet_kramer", "indirect")


def test_object_and_infinitive_after_a_cue_en() -> None:
    text = "Senator Jane Doe urged the board to reconsider its decision on the harbour."
    found = by_text(run(text, "en", {"Jane Doe": ["Jane Doe"]}))
    assert found["the board to reconsider its decision on the harbour"] == ("jane_doe", "indirect")


def test_own_infinitive_clause_after_a_cue_nl() -> None:
    found = by_text(
        run("Piet Kramer zegt open te staan voor overleg met de bond.", "nl", {"Piet Kramer": ["Piet Kramer"]})
    )
    assert found["open te staan voor overleg met de bond"] == ("piet_kramer", "indirect")


def test_cue_after_its_clause_with_an_apposition_nl() -> None:
    text = "Het water is hier al maanden schaars, zegt Jan Smit, een boer uit het dorp."
    found = by_text(run(text, "nl", {"Jan Smit": ["Jan Smit"]}))
    assert found["Het water is hier al maanden schaars"] == ("jan_smit", "indirect")


def test_title_before_the_name_gives_the_person_en() -> None:
    text = "Foreign Minister of Ruritania Jane Doe said the talks with the rebels had failed."
    found = by_text(run(text, "en", {"Jane Doe": ["Jane Doe"]}))
    assert found["the talks with the rebels had failed"] == ("jane_doe", "indirect")


def test_a_possessed_role_is_not_its_possessor_en() -> None:
    text = "Jane Doe spoke on Monday. Jane Doe's spokesperson said the plan was dead."
    record = run(text, "en", {"Jane Doe": ["Jane Doe"]})
    assert all(q.speaker != "jane_doe" for q in record.quotes if "plan" in q.text)


def test_an_indefinite_role_is_someone_new_nl() -> None:
    text = "Jan Smit opende de markt. Een econoom zei dat de oogst dit jaar is mislukt."
    found = by_text(run(text, "nl", {"Jan Smit": ["Jan Smit"]}))
    speaker, kind = found["de oogst dit jaar is mislukt"]
    assert kind == "indirect" and speaker is not None and speaker.startswith("anon-")


def test_partial_quote_inside_a_reported_clause_keeps_both_en() -> None:
    text = 'Jane Doe said the plan was "dead on arrival" and would be dropped.'
    found = by_text(run(text, "en", {"Jane Doe": ["Jane Doe"]}))
    assert found["dead on arrival"][0] == "jane_doe"
    assert found['the plan was "dead on arrival" and would be dropped'] == ("jane_doe", "indirect")


def test_a_belief_is_no_quote_en() -> None:
    record = run("Jane Doe believes the plan will fail next year.", "en", {"Jane Doe": ["Jane Doe"]})
    assert record.quotes == []


def test_cue_less_quote_is_kept_with_the_turn_or_no_speaker_nl() -> None:
    text = (
        "“We gaan de brug niet bouwen”, zei Piet Kramer.\n\n“Het geld is op en de aannemer is weg.”\n\n"
        "De raad vergaderde daarna nog uren.\n\n“Niemand wist wat er nu moest gebeuren.”"
    )
    found = by_text(run(text, "nl", {"Piet Kramer": ["Piet Kramer"]}))
    assert found["Het geld is op en de aannemer is weg."] == ("piet_kramer", "direct")
    assert found["Niemand wist wat er nu moest gebeuren."] == (None, "direct")


def test_an_elision_mark_does_not_hide_the_quotes_after_it_nl() -> None:
    text = "Hij zag 't huis aan de gracht. “Kom toch binnen”, zei Jan Smit."
    found = by_text(run(text, "nl", {"Jan Smit": ["Jan Smit"]}))
    assert found["Kom toch binnen"] == ("jan_smit", "direct")


def test_dialogue_dashes_nl() -> None:
    text = (
        "Het regende.\n\n-- Kom je mee naar huis? vroeg Jan Smit.\n\n-- Nee, ik blijf nog even hier.\n\nZe liepen weg."
    )
    found = by_text(run(text, "nl", {"Jan Smit": ["Jan Smit"]}))
    assert found["Kom je mee naar huis?"][0] == "jan_smit"
    assert "Nee, ik blijf nog even hier." in found


def test_a_single_dashed_line_is_no_dialogue_nl() -> None:
    assert by_text(run("Het plan:\n\n- Een nieuwe brug over de rivier.\n\nDat was alles.", "nl", {})) == {}


def test_a_paragraph_opening_with_a_closing_mark_opens_a_quote_en() -> None:
    text = "Readers wrote in.\n\n”The mayor has no plan for the harbour at all.” ― Jane Doe"
    assert "The mayor has no plan for the harbour at all." in by_text(run(text, "en", {"Jane Doe": ["Jane Doe"]}))


def test_a_quote_closes_over_an_unclosed_elision_mark_nl() -> None:
    text = "“Is 't waar dat je morgen vertrekt?” vroeg Jan Smit."
    assert "Is 't waar dat je morgen vertrekt?" in by_text(run(text, "nl", {"Jan Smit": ["Jan Smit"]}))


def test_dialogue_dash_speech_runs_over_an_ellipsis_nl() -> None:
    text = "-- Ach.... ik ben een beetje moe.\n\n-- Waarom dan?"
    assert "Ach.... ik ben een beetje moe." in by_text(run(text, "nl", {}))


def test_object_with_a_quoted_predicate_en() -> None:
    text = 'Jane Doe called the harbour plan "a costly mistake" on Monday.'
    found = by_text(run(text, "en", {"Jane Doe": ["Jane Doe"]}))
    assert found["a costly mistake"][0] == "jane_doe"
    assert found['the harbour plan "a costly mistake"'] == ("jane_doe", "indirect")


def test_infinitive_content_stops_before_a_coordinated_verb_en() -> None:
    text = "Senator Jane Doe urged the council to reconsider and spoke with the mayor about the harbour."
    found = by_text(run(text, "en", {"Jane Doe": ["Jane Doe"]}))
    assert found["the council to reconsider"] == ("jane_doe", "indirect")
