"""Paragraph-wise annotation: line breaks never take part in a parse, offsets stay exact."""

from __future__ import annotations

import pytest

from powermap.annotate.paragraphs import paragraphs


def cut(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraphs(text)]


def test_paragraphs_split_at_blank_lines_and_after_final_punctuation():
    text = "Een kop zonder punt\n\nEerste zin.\nTweede zin die\ndoorloopt na een harde regelbreuk.\n"
    assert cut(text) == ["Een kop zonder punt", "Eerste zin.", "Tweede zin die\ndoorloopt na een harde regelbreuk."]


def test_paragraphs_keep_a_footnote_number_with_its_sentence():
    assert cut("Zo schreef hij.12\nDaarna kwam het antwoord.") == ["Zo schreef hij.12", "Daarna kwam het antwoord."]


def test_paragraphs_of_blank_and_empty_text():
    assert paragraphs("") == [] and paragraphs(" \n\n  ") == []
    assert cut("  één zin  ") == ["één zin"]


@pytest.fixture(scope="module")
def dutch():
    from powermap.annotate.spacy_pipeline import make_nl_powermap

    return make_nl_powermap()


def test_annotator_keeps_text_and_lets_line_breaks_head_themselves(dutch):
    text = "\nKop\n\nDe minister, die gisteren sprak, prijst het plan.\nHij beweert dat het werkt.\n\n"
    doc = dutch(text)
    assert doc.text == text
    for tok in doc:
        if tok.is_space:
            assert tok.head.i == tok.i and tok.pos_ == "SPACE"
        else:
            assert not tok.head.is_space
    sents = [s.text for s in doc.sents if s.text.strip()]
    assert sents == ["Kop", "De minister, die gisteren sprak, prijst het plan.", "Hij beweert dat het werkt."]
    assert [d.text for d in dutch.pipe([text, "", "Eén zin."])] == [text, "", "Eén zin."]
