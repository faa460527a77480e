"""quotes.v1 speakers on sentences written for these tests: cues far after the quote, signed
quotes, named appositions, described speakers, governments and particles of other verbs."""

from __future__ import annotations

from powermap.extract.quotes import QuoteStage
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor, Document, ExtractionRecord, Span, document_id


def run(text: str, language: str, actors: dict[str, tuple[str, list[str]]]) -> ExtractionRecord:
    """The quote stage on ``text`` with ``actors``: name -> (type, surface forms)."""
    record = ExtractionRecord(document=Document(id=document_id(text), text=text, language=language))
    for name, (kind, forms) in actors.items():
        spans = []
        for form in forms:
            start = 0
            while (i := text.find(form, start)) >= 0:
                spans.append(Span(form, i, i + len(form)))
                start = i + len(form)
        record.actors.append(Actor(id=name.lower().replace(" ", "_"), name=name, type=kind, mentions=spans))
    QuoteStage()(ExtractionContext(record=record))
    return record


def said(record: ExtractionRecord) -> dict[str, str | None]:
    """Quote text -> the speaker's name (None for no speaker)."""
    names = {a.id: a.name for a in record.actors}
    return {q.text: names.get(q.speaker) if q.speaker else None for q in record.quotes}


PERSON = "person"


def test_cue_after_a_bracket_and_an_apposition_still_names_the_speaker() -> None:
    text = (
        "“We will fight this bill to the end,” Senator Jane Roe (D-Ohio) said on Friday.\n\n"
        "“Nobody has read it yet,” Tom Pike, the chair of the budget panel, said."
    )
    out = said(run(text, "en", {"Jane Roe": (PERSON, ["Jane Roe"]), "Tom Pike": (PERSON, ["Tom Pike"])}))
    assert out["We will fight this bill to the end,"] == "Jane Roe"
    assert out["Nobody has read it yet,"] == "Tom Pike"


def test_a_quote_signed_with_a_dash_takes_the_signer() -> None:
    text = "Readers sent us their views.\n\n“The debate changed nothing for my family.” ― Anna Berg\n"
    assert (
        said(run(text, "en", {"Anna Berg": (PERSON, ["Anna Berg"])}))["The debate changed nothing for my family."]
        == "Anna Berg"
    )


def test_a_name_in_apposition_to_the_subject_is_the_speaker() -> None:
    text = "The mayor's spokesperson, Jane Doe, said the bridge would stay closed until May."
    out = said(run(text, "en", {"Jane Doe": (PERSON, ["Jane Doe"])}))
    assert out["the bridge would stay closed until May"] == "Jane Doe"


def test_a_described_subject_becomes_its_own_speaker() -> None:
    text = "The pair fled the region, police revealed on Friday."
    record = run(text, "en", {})
    assert said(record)["The pair fled the region"] == "police"
    nl = run("Lokale media meldden dat de grens van Portugal dicht is.", "nl", {"Portugal": ("state", ["Portugal"])})
    assert said(nl)["de grens van Portugal dicht is"] == "Lokale media"


def test_a_state_in_a_modifier_is_not_the_speaker_but_its_government_is() -> None:
    text = "De Portugese media meldden dat de grens dicht is. De Portugese regering zei dat de grens open is."
    out = said(run(text, "nl", {"Portugal": ("state", ["Portugese"])}))
    assert out["de grens dicht is"] == "Portugese media"
    assert out["de grens open is"] == "Portugal"


def test_volgens_a_body_of_a_state_and_a_clause_after_maar() -> None:
    text = (
        "Volgens de Portugese justitie heeft het bedrijf gelogen over de sancties. "
        "Maar volgens de Portugese regering is de grens nog open."
    )
    out = said(run(text, "nl", {"Portugal": ("state", ["Portugese"])}))
    assert out["heeft het bedrijf gelogen over de sancties"] == "Portugese justitie"
    assert out["is de grens nog open"] == "Portugal"


def test_according_to_something_that_names_no_actor_is_no_quote() -> None:
    text = "According to camera footage from the bridge, a van drove through a red light."
    assert run(text, "en", {}).quotes == []


def test_a_sentence_ending_in_an_acronym_ends_the_reported_clause() -> None:
    text = "Maar volgens de Portugese regering is Silva een pion van de VS. Silva zelf zwijgt."
    out = said(run(text, "nl", {"Portugal": ("state", ["Portugese"]), "Silva": (PERSON, ["Silva"])}))
    assert out["is Silva een pion van de VS"] == "Portugal"


def test_a_verb_with_a_particle_its_entry_lacks_is_another_verb() -> None:
    text = "Anna de Vries klaagt de Chileense overheid aan. Zij klaagt dat de overheid haar slecht behandelt."
    out = said(run(text, "nl", {"Anna de Vries": (PERSON, ["Anna de Vries"])}))
    assert list(out) == ["de overheid haar slecht behandelt"]


def test_threats_and_opinions_are_no_quotes_but_boasts_are() -> None:
    text = (
        "Jan Smit dreigt de invoerheffingen te verhogen. Critici meenden dat Smit zou vallen. "
        "Jan Smit gaat er prat op dat hij nooit verliest."
    )
    out = said(run(text, "nl", {"Jan Smit": (PERSON, ["Jan Smit", "Smit"])}))
    assert out == {"hij nooit verliest": "Jan Smit"}


def test_a_quote_after_a_colon_takes_the_subject_of_the_clause_before() -> None:
    text = "Anna Berg gave her own account on the radio: “I resigned before anyone asked me to.”"
    out = said(run(text, "en", {"Anna Berg": (PERSON, ["Anna Berg"])}))
    assert out["I resigned before anyone asked me to."] == "Anna Berg"


def test_a_described_subject_before_a_colon_names_no_speaker() -> None:
    text = "Jan Smit spoke first.\n\nThe results were clear: “Nobody here wants another election.”"
    out = said(run(text, "en", {"Jan Smit": (PERSON, ["Jan Smit"])}))
    assert out["Nobody here wants another election."] is None


def test_a_cue_in_an_aside_does_not_take_the_quote() -> None:
    text = "Tom Pike said — as reported by the Morning Star — “We will not sign this treaty.”"
    out = said(run(text, "en", {"Tom Pike": (PERSON, ["Tom Pike"]), "Morning Star": ("media", ["Morning Star"])}))
    assert out["We will not sign this treaty."] == "Tom Pike"


def test_a_thin_space_between_closing_marks_still_closes_the_quote() -> None:
    text = "Anna Berg answered: \"I asked and Tom Pike said, 'Not today.'\u2009\" Then she left."
    record = run(text, "en", {"Anna Berg": (PERSON, ["Anna Berg"]), "Tom Pike": (PERSON, ["Tom Pike"])})
    out = said(record)
    assert out["I asked and Tom Pike said, 'Not today.'"] == "Anna Berg"
    assert out["Not today."] == "Tom Pike"  # the quote inside the quote, with its own cue


def test_according_to_a_statement_by_someone_after_the_quote() -> None:
    text = "“The airline carries weapons across the region,” according to a statement on Monday by Jane Doe."
    out = said(run(text, "en", {"Jane Doe": (PERSON, ["Jane Doe"])}))
    assert out == {"The airline carries weapons across the region,": "Jane Doe"}
    nl = "Volgens een verklaring van Jan Smit is de haven gesloten."
    assert said(run(nl, "nl", {"Jan Smit": (PERSON, ["Jan Smit"])})) == {"is de haven gesloten": "Jan Smit"}


def test_a_name_or_possessed_description_no_actor_stands_for_is_its_own_speaker() -> None:
    text = "“The numbers do not add up,” Blue Harbor Research said. “Nobody checked them,” the ad's narrator says."
    out = said(run(text, "en", {}))
    assert out["The numbers do not add up,"] == "Blue Harbor Research"
    assert out["Nobody checked them,"] == "ad's narrator"


def test_a_possessed_description_of_a_known_actor_is_not_that_actor() -> None:
    text = "“We will appeal,” Jane Doe's lawyer said on Monday."
    out = said(run(text, "en", {"Jane Doe": (PERSON, ["Jane Doe"])}))
    assert out["We will appeal,"] == "Jane Doe's lawyer"


def test_words_inside_a_quote_are_never_its_speaker() -> None:
    text = "“My answer, that was a mistake,” the former adviser said in an interview."
    out = said(run(text, "en", {}))
    assert out["My answer, that was a mistake,"] != "My answer"


def test_a_state_that_is_the_subject_speaks_but_not_a_professor_of_it() -> None:
    text = "Portugal said that it would close the border."
    out = said(run(text, "en", {"Portugal": ("state", ["Portugal"])}))
    assert out["it would close the border"] == "Portugal"
    nl = (
        "Het debat liep uit.\n\n"
        "“Dit is een slimme koers”, legt de hoogleraar Portugal, Spanje en Italië aan de universiteit uit."
    )
    record = run(nl, "nl", {"Portugal": ("state", ["Portugal"])})
    assert said(record)["Dit is een slimme koers"] != "Portugal"


def test_a_title_before_a_name_before_a_colon_gives_the_name() -> None:
    text = "De Portugese president Silva liet via Twitter geen twijfel bestaan: “De Unie heeft lang geprofiteerd.”"
    out = said(run(text, "nl", {"Silva": (PERSON, ["Silva"]), "Portugal": ("state", ["Portugese"])}))
    assert out["De Unie heeft lang geprofiteerd."] == "Silva"


def test_polls_and_panels_that_find_or_show_report_a_clause() -> None:
    text = "A new survey shows that voters have left the party. The police found the car near the border."
    out = said(run(text, "en", {}))
    assert out == {"voters have left the party": "new survey"}


def test_interview_turns_tagged_with_a_name_in_capitals() -> None:
    text = (
        "The interview went on for an hour.\n\n"
        "“BERG: Let us start with the budget. Will it pass?”\n\n"
        "“PIKE: It will not pass this year.”\n\n"
        "BERG: Why not?\n\n"
        "PIKE: The votes are not there.\n\n"
        "READ MORE: the budget in numbers."
    )
    out = said(run(text, "en", {}))
    assert out["Let us start with the budget. Will it pass?"] == "BERG"
    assert out["It will not pass this year."] == "PIKE"
    assert out["Why not?"] == "BERG"
    assert "the budget in numbers." not in out  # a label that opens one paragraph is no speaker


def test_a_heading_that_opens_with_a_known_name_gives_the_claim_to_it() -> None:
    text = "Jane Doe: The Deal Is Dead and Buried\n\nPortugal: Partner or Rival\n\nThe talks ended on Monday."
    out = said(run(text, "en", {"Jane Doe": (PERSON, ["Jane Doe"]), "Portugal": ("state", ["Portugal"])}))
    assert out == {"The Deal Is Dead and Buried": "Jane Doe"}


def test_a_place_that_is_the_subject_speaks_as_a_state_does_but_not_a_place_after_a_role() -> None:
    # metonymy: a province, a city or a building that stands for its institution reports speech
    text = "Ook Gelderland heeft gezegd niet met de nieuwe regels te zullen instemmen."
    out = said(run(text, "nl", {"Gelderland": ("place", ["Gelderland"])}))
    assert out["niet met de nieuwe regels te zullen instemmen"] == "Gelderland"
    text = "Oregon said that it would close its parks."
    assert said(run(text, "en", {"Oregon": ("place", ["Oregon"])}))["it would close its parks"] == "Oregon"
    nl = "De burgemeester van Gelderland heeft gezegd dat de wegen dicht blijven."
    record = run(nl, "nl", {"Gelderland": ("place", ["Gelderland"])})
    assert said(record).get("de wegen dicht blijven") != "Gelderland"
