"""Punctuation heads by the UD convention: the rule on sentences written here and on UD's gold trees."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from powermap.annotate.corpus import read_conllu
from powermap.annotate.punctuation import paired_marks, punctuation_heads
from tests.conftest import SHARED

PUNCT = set(",.()\"'!?:;") | {",,", "''"}


def _heads(words: list[str], heads: list[int], spaces: list[bool] | None = None) -> list[int]:
    spaces = spaces or [True] * len(words)
    return punctuation_heads(words, spaces, [w in PUNCT for w in words], heads)


def test_comma_goes_to_the_clause_it_opens_and_the_full_stop_to_the_root() -> None:
    # Ik denk , dat hij komt .   (denk is the root; komt heads dat and hij)
    words = ["Ik", "denk", ",", "dat", "hij", "komt", "."]
    heads = [1, 1, 1, 5, 5, 1, 0]  # the parser's guesses for the marks are wrong on purpose
    assert _heads(words, heads)[2] == 5
    assert _heads(words, heads)[6] == 1


def test_brackets_go_to_the_head_of_what_they_enclose() -> None:
    # Het kost veel ( 3 euro ) .
    words = ["Het", "kost", "veel", "(", "3", "euro", ")", "."]
    heads = [1, 1, 1, 0, 5, 2, 0, 0]
    out = _heads(words, heads)
    assert out[3] == out[6] == 5
    assert out[7] == 1


def test_marks_inside_a_quotation_stay_inside_it() -> None:
    # Hij riep ,,Ja !'' .   The ! belongs to the quoted Ja, the quotes too.
    words = ["Hij", "riep", ",,", "Ja", "!", "''", "."]
    spaces = [True, True, False, False, False, False, False]
    heads = [1, 1, 1, 1, 1, 1, 1]
    out = _heads(words, heads, spaces)
    assert out[2] == out[4] == out[5] == 3
    assert out[6] == 1


def test_quotation_marks_pair_up_by_spacing() -> None:
    words = ["Ze", "zei", '"', "ja", '"', "en", '"', "nee", '"']
    spaces = [True, True, False, False, True, True, False, False, False]
    assert paired_marks(words, spaces, [w in PUNCT for w in words]) == [(2, 4), (6, 8)]


def test_a_mark_that_heads_a_word_is_left_alone() -> None:
    words = ["Hij", "komt", ":", "ja"]
    heads = [1, 1, 1, 2]  # the parser made ':' head 'ja'
    assert _heads(words, heads) == heads


def test_component_moves_marks_and_labels_them_punct() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("powermap_punctuation")
    doc = nlp.get_pipe("powermap_punctuation")(
        Doc(
            nlp.vocab,
            words=["Ik", "denk", ",", "dat", "hij", "komt", "."],
            heads=[1, 1, 1, 5, 5, 1, 1],
            deps=["nsubj", "ROOT", "conj", "mark", "nsubj", "ccomp", "punct"],
            pos=["PRON", "VERB", "PUNCT", "SCONJ", "PRON", "VERB", "PUNCT"],
        )
    )
    assert (doc[2].head.i, doc[2].dep_) == (5, "punct")
    assert doc[6].head.i == 1
    assert [t.is_sent_start for t in doc][:2] == [True, False]


UD_DEV = SHARED / "data/ud-dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu"


@pytest.mark.skipif(not UD_DEV.exists(), reason="../shared/data is not beside the repository")
def test_rule_reproduces_the_punctuation_of_ud_gold_trees() -> None:
    total = agree = 0
    for sent in read_conllu(UD_DEV):
        punct = [u == "PUNCT" for u in sent.upos]
        out = punctuation_heads(sent.words, sent.spaces, punct, sent.heads)
        for i, is_punct in enumerate(punct):
            if is_punct:
                total += 1
                agree += out[i] == sent.heads[i]
    assert total > 1000
    assert agree / total >= 0.99
