"""Alignment of external tokens to the original text, and Frog answer parsing (no Frog needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from powermap.annotate.frog import CgnMapper, parse_frog_output
from powermap.annotate.frog_align import AlignedToken, align, build_doc_arrays

VOCAB = spacy.blank("nl").vocab


def _doc(text: str, tokens: list[AlignedToken]) -> Doc:
    return Doc(VOCAB, **build_doc_arrays(text, tokens))


def _tok(word: str, head: int, dep: str = "dep", start: bool = False, ent: str = "O") -> AlignedToken:
    return AlignedToken(word=word, lemma=word.lower(), pos="X", head=head, dep=dep, ent=ent, sent_start=start)


@pytest.mark.parametrize(
    "text",
    [
        "De minister sprak.",
        "  De minister  sprak.\n\n",
        "De\tminister\nsprak .",
    ],
)
def test_annotate_align_text_is_preserved(text: str) -> None:
    words = ["De", "minister", "sprak", "."]
    tokens = [_tok(w, 2, start=i == 0) for i, w in enumerate(words)]
    tokens[2].head, tokens[2].dep = 2, "ROOT"
    doc = _doc(text, tokens)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token)] == token.text
    assert [t.text for t in doc if not t.is_space] == words
    assert doc[[t.text for t in doc].index("De")].head.text == "sprak"


def test_annotate_align_folds_quotes_and_keeps_original_characters() -> None:
    text = "Hij zei: “Nee” — klaar…"
    words = ["Hij", "zei", ":", '"', "Nee", '"', "-", "klaar", "."]
    spans = align(text, words)
    assert spans[3] == (9, 10) and spans[6] is not None
    doc = _doc(text, [_tok(w, 1, start=i == 0) for i, w in enumerate(words)])
    assert doc.text == text
    assert "“" in [t.text for t in doc]


def test_annotate_align_unknown_words_become_unannotated_tokens() -> None:
    text = "Een vreemd ### teken."
    tokens = [_tok(w, 1, start=i == 0) for i, w in enumerate(["Een", "vreemd", "@@@", "teken", "."])]
    doc = _doc(text, tokens)
    assert doc.text == text
    assert "###" in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_annotate_align_sentences_follow_the_analyser() -> None:
    text = "Eerste zin. Tweede zin."
    words = ["Eerste", "zin", ".", "Tweede", "zin", "."]
    tokens = [_tok(w, 1 if i < 3 else 4, start=i in (0, 3)) for i, w in enumerate(words)]
    tokens[1].head, tokens[4].head = 1, 4
    doc = _doc(text, tokens)
    assert [s.text_with_ws for s in doc.sents] == ["Eerste zin. ", "Tweede zin."]


FROG_ANSWER = "\n".join(
    [
        "\t".join(
            [
                "1",
                "Anna_de_Vries",
                "Anna_de_Vries",
                "[Anna]",
                "SPEC(deeleigen)_SPEC(deeleigen)_SPEC(deeleigen)",
                "1.0",
                "B-PER_I-PER_I-PER",
                "B-NP_I-NP_I-NP",
                "2",
                "su",
            ]
        ),
        "\t".join(["2", "bezocht", "bezoeken", "[bezoek]", "WW(pv,verl,ev)", "1.0", "O", "B-VP", "0", "ROOT"]),
        "\t".join(
            ["3", "Groningen", "Groningen", "[Groningen]", "SPEC(deeleigen)", "1.0", "B-LOC", "B-NP", "2", "obj1"]
        ),
        "\t".join(["4", ".", ".", "[.]", "LET()", "1.0", "O", "O", "2", "punct"]),
        "",
        "READY",
    ]
)


def test_annotate_frog_multiword_units_are_split() -> None:
    (sentence,) = parse_frog_output(FROG_ANSWER)
    assert [t.word for t in sentence] == ["Anna", "de", "Vries", "bezocht", "Groningen", "."]
    assert sentence[0].head == 3 and sentence[0].dep == "su"
    assert sentence[1].head == 0 and sentence[1].dep == "flat"
    assert sentence[3].dep == "ROOT"
    assert [t.ner for t in sentence[:3]] == ["B-PER", "I-PER", "I-PER"]


def test_annotate_cgn_mapping() -> None:
    mapper = CgnMapper()
    assert mapper.pos("N(soort,ev,basis,zijd,stan)") == "NOUN"
    assert mapper.pos("SPEC(deeleigen)") == "PROPN"
    assert mapper.pos("VNW(bez,det,stan,vol,1,ev,prenom,zonder,agr)") == "DET"
    assert mapper.pos("VG(neven)") == "CCONJ"
    assert "Tense=Past" in mapper.morph("WW(pv,verl,ev)")
    assert mapper.dep("su") == "nsubj"
