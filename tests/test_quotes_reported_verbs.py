"""quotes.v1 reported speech read from the parse, on sentences written for these tests: verbs
of communication with a clause or infinitive, a prepositional object that is what was said,
a relative *who* as the speaker, and a relative *that* that opens no reported clause."""

from __future__ import annotations

from powermap.extract.quotes import QuoteStage
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor, Document, ExtractionRecord, Span, document_id


def said(text: str, language: str, people: list[str]) -> dict[str, str | None]:
    """Quote text -> speaker name, with each of ``people`` an actor found by its name."""
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language=language))
    for name in people:
        spans = []
        start = 0
        while (i := text.find(name, start)) >= 0:
            spans.append(Span(name, i, i + len(name)))
            start = i + len(name)
        record.actors.append(Actor(id=name.lower().replace(" ", "_"), name=name, type="person", mentions=spans))
    QuoteStage()(ExtractionContext(record=record))
    names = {a.id: a.name for a in record.actors}
    return {q.text: names.get(q.speaker) if q.speaker else None for q in record.quotes}


def test_verbs_of_communication_report_their_clause_or_infinitive() -> None:
    text = (
        "Maria Lopez agreed that the budget for the harbour was too small. "
        "Tom Pike declined to discuss the contract with the dockworkers."
    )
    out = said(text, "en", ["Maria Lopez", "Tom Pike"])
    assert out["the budget for the harbour was too small"] == "Maria Lopez"
    assert out["to discuss the contract with the dockworkers"] == "Tom Pike"


def test_a_relative_that_after_the_verb_opens_no_reported_clause() -> None:
    text = "Maria Lopez and Tom Pike agreed on a border that would split the bay in two."
    assert said(text, "en", ["Maria Lopez", "Tom Pike"]) == {}


def test_the_person_a_relative_who_stands_for_is_the_speaker() -> None:
    text = "Reporters spoke to Maria Lopez, who said the harvest in the valley had failed."
    assert said(text, "en", ["Maria Lopez"])["the harvest in the valley had failed"] == "Maria Lopez"


def test_what_a_speaker_calls_for_or_warns_against_is_reported() -> None:
    text = (
        "Tom Pike called for a general strike across the region. "
        "Maria Lopez warned against a sudden rise of the school fees."
    )
    out = said(text, "en", ["Tom Pike", "Maria Lopez"])
    assert out["a general strike across the region"] == "Tom Pike"
    assert out["a sudden rise of the school fees"] == "Maria Lopez"


def test_waarschuwen_voor_reports_what_is_warned_against() -> None:
    text = "Jan Smit waarschuwde voor een nieuwe crisis in de zorg."
    assert said(text, "nl", ["Jan Smit"])["een nieuwe crisis in de zorg"] == "Jan Smit"


def test_a_signer_no_actor_stands_for_is_a_described_person() -> None:
    text = "Readers wrote to us.\n\n“We will rebuild the bridge before winter comes.” ― Karla Vink\n"
    assert said(text, "en", [])["We will rebuild the bridge before winter comes."] == "Karla Vink"


def test_a_title_before_a_name_no_actor_stands_for_gives_the_name() -> None:
    text = "“The river is rising fast,” Senator Karla Vink (D-Ohio) said on Monday."
    assert said(text, "en", [])["The river is rising fast,"] == "Karla Vink"


def test_a_name_no_actor_stands_for_is_its_own_speaker_without_its_bracket() -> None:
    text = "“The river is rising fast,” Karla Vink (D-Ohio) said on Monday."
    assert said(text, "en", [])["The river is rising fast,"] == "Karla Vink"


def test_a_participle_after_a_noun_takes_the_noun_as_speaker_and_joins_its_fuller_name() -> None:
    text = (
        "The port closed on Monday, with officials saying the storm had damaged the cranes. "
        "Later that day Dutch officials promised that the port would reopen soon."
    )
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language="en"))
    start = text.index("Dutch officials")
    group = Actor(id="dutch_officials", name="Dutch officials", type="group")
    group.mentions.append(Span("Dutch officials", start, start + len("Dutch officials")))
    record.actors.append(group)
    QuoteStage()(ExtractionContext(record=record))
    speakers = {q.text: q.speaker for q in record.quotes}
    assert speakers["the storm had damaged the cranes"] == "dutch_officials"
    assert [a.id for a in record.actors] == ["dutch_officials"]


def test_a_cue_set_off_inside_its_clause_reports_the_whole_clause() -> None:
    text = "The new bridge, Maria Lopez said, would open before the winter storms. The dam is safe, Tom Pike said."
    out = said(text, "en", ["Maria Lopez", "Tom Pike"])
    assert out["The new bridge, Maria Lopez said, would open before the winter storms"] == "Maria Lopez"
    assert out["The dam is safe"] == "Tom Pike"


def test_a_reported_clause_ends_before_a_semicolon_or_a_coordinated_report() -> None:
    text = (
        "Maria Lopez emphasized that the reforms were not complete, and rights groups warned that the army "
        "kept its power. Tom Pike said the dam was safe; the engineers only learned of the cracks on Friday. "
        "Tom Pike said the budget would rise and the schools would get more teachers."
    )
    out = said(text, "en", ["Maria Lopez", "Tom Pike"])
    assert out["the reforms were not complete"] == "Maria Lopez"
    assert out["the dam was safe"] == "Tom Pike"
    assert out["the budget would rise and the schools would get more teachers"] == "Tom Pike"


def test_two_apostrophes_on_both_sides_quote_as_news_archives_write_it() -> None:
    text = "''This is not a reform of the tax code,'' said Jan Smit. ''It is the opposite.''"
    out = said(text, "en", ["Jan Smit"])
    assert out["This is not a reform of the tax code,"] == "Jan Smit"
    assert out["It is the opposite."] == "Jan Smit"


def test_a_clause_before_a_semicolon_is_not_what_the_cue_after_it_reports() -> None:
    text = "It is an unlikely scenario; Maria Lopez's team says she will stay in the race this week."
    out = said(text, "en", ["Maria Lopez"])
    assert "It is an unlikely scenario" not in out
    assert "she will stay in the race this week" in out


def test_an_inserted_cue_after_a_conjunction_only_reports_what_follows() -> None:
    text = "Maar, zo vertelt Jan Smit, toch wil de gemeente de oude brug niet sluiten."
    assert said(text, "nl", ["Jan Smit"]) == {"toch wil de gemeente de oude brug niet sluiten": "Jan Smit"}


def test_two_quotes_side_by_side_share_the_cue_after_them() -> None:
    text = (
        "The mayor spoke last.\n\n"
        '"We have done our part for this town," "Now the province has to act before the winter," '
        "Karla Vink, a member of the council, said."
    )
    out = said(text, "en", ["Karla Vink"])
    assert out["We have done our part for this town,"] == "Karla Vink"
    assert out["Now the province has to act before the winter,"] == "Karla Vink"


def test_a_pronoun_subject_that_resolves_to_nobody_reports_the_clause_with_no_speaker() -> None:
    text = "The harbour was quiet on Monday. They said the new bridge would close for a month."
    assert said(text, "en", []) == {"the new bridge would close for a month": None}


def test_a_pronoun_the_cue_only_inherits_reports_nothing() -> None:
    text = "Het is niet overdreven om te stellen dat de nieuwe brug het hele dorp heeft veranderd."
    assert said(text, "nl", []) == {}


def test_a_clause_that_opens_with_a_short_quote_is_still_reported() -> None:
    text = 'Maria Lopez said "lower fares" and a new ferry line would bring the tourists back.'
    out = said(text, "en", ["Maria Lopez"])
    assert out["lower fares"] == "Maria Lopez"
    assert out['"lower fares" and a new ferry line would bring the tourists back'] == "Maria Lopez"


def test_a_quote_that_is_the_whole_clause_is_not_reported_twice() -> None:
    out = said('"The ferry will sail on Monday," Maria Lopez said.', "en", ["Maria Lopez"])
    assert out == {"The ferry will sail on Monday,": "Maria Lopez"}


def test_an_object_with_quoted_predicates_after_an_article_or_as_is_reported() -> None:
    text = (
        'Tom Pike called the new stadium a "colossal waste" of public money. '
        'Maria Lopez described the mayor as "careless" and "arrogant." "We will appeal," she added.'
    )
    out = said(text, "en", ["Tom Pike", "Maria Lopez"])
    assert out['the new stadium a "colossal waste"'] == "Tom Pike"
    assert out["colossal waste"] == "Tom Pike"
    assert out['the mayor as "careless" and "arrogant."'] == "Maria Lopez"
    assert "We will appeal," in out


def test_a_reported_clause_ends_before_a_concession_after_a_comma() -> None:
    text = "Maria Lopez claimed that the new bridge was safe, although the engineers found cracks in March."
    out = said(text, "en", ["Maria Lopez"])
    assert out == {"the new bridge was safe": "Maria Lopez"}


def test_a_finite_past_cue_joined_to_a_non_past_clause_is_not_part_of_it() -> None:
    text = "Maria Lopez said she would order a review of the harbour contracts and warned against new delays."
    out = said(text, "en", ["Maria Lopez"])
    assert out["she would order a review of the harbour contracts"] == "Maria Lopez"
    text = "Tom Pike said the talks had failed and the army would stay."
    assert said(text, "en", ["Tom Pike"]) == {"the talks had failed and the army would stay": "Tom Pike"}


def test_a_cue_inside_its_clause_reports_it_up_to_a_concession() -> None:
    text = "The new bridge, Maria Lopez said, would open in May, although the engineers still doubt it."
    out = said(text, "en", ["Maria Lopez"])
    assert out == {"The new bridge, Maria Lopez said, would open in May": "Maria Lopez"}


def test_a_second_past_cue_joined_to_the_reported_clause_keeps_the_speaker() -> None:
    text = "Maria Lopez said she would order a review of the harbour contracts and warned the council to wait."
    out = said(text, "en", ["Maria Lopez"])
    assert out["the council to wait"] == "Maria Lopez"
