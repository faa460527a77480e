"""The quote augmenter: which marks open and close, and that every annotation survives."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from powermap.annotate.augment import create_quote_variants, quote_roles

PAIRS = [('"', '"'), (",,", "''"), ("«", "»"), ("'", "'")]


def _roles(text: str, punct: set[int], starts: set[int] = frozenset({0})) -> list[str | None]:
    """Roles for a whitespace-tokenised text; a word ending in '|' has no space after it."""
    raw = text.split(" ")
    words = [w.rstrip("|") for w in raw]
    spaces = [not w.endswith("|") for w in raw]
    return quote_roles(
        words, spaces, [i in punct for i in range(len(words))], [i in starts for i in range(len(words))], PAIRS
    )


def test_straight_quotes_read_from_their_spacing() -> None:
    roles = _roles('Hij zei "| ja| " en "| nee| " .', punct={2, 4, 6, 8, 9})
    assert roles == [None, None, "open", None, "close", None, "open", None, "close", None]


def test_straight_quote_at_sentence_edges_and_parity_without_spacing() -> None:
    # last in its sentence closes even with a space before it (a quote opened sentences ago)
    assert _roles('Dat kan niet . "', punct={3, 4}) == [None, None, None, None, "close"]
    # spaced on both sides: the first of its kind opens, the second closes
    roles = _roles('Hij zei " ja " gisteren', punct={2, 4})
    assert roles == [None, None, "open", None, "close", None]
    # the count starts again in each sentence
    roles = _roles('A " b " . C " d " .', punct={1, 3, 4, 6, 8, 9}, starts={0, 5})
    assert [r for r in roles if r] == ["open", "close", "open", "close"]


def test_distinct_marks_keep_their_side_and_non_punctuation_is_untouched() -> None:
    roles = _roles(",,| ja| '' zei ze , z'n idee", punct={0, 2, 5})
    assert roles == ["open", None, "close", None, None, None, None, None]


def _example(nlp: spacy.Language) -> Example:
    words = ["Hij", "zei", '"', "ja", '"', "."]
    spaces = [True, True, False, False, False, False]
    reference = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=[1, 1, 3, 1, 3, 1],
        deps=["nsubj", "ROOT", "punct", "obj", "punct", "punct"],
        pos=["PRON", "VERB", "PUNCT", "INTJ", "PUNCT", "PUNCT"],
        lemmas=["hij", "zeggen", '"', "ja", '"', "."],
        sent_starts=[True] + [False] * 5,
    )
    return Example(nlp.make_doc(reference.text), reference)


def test_augmenter_rewrites_marks_and_keeps_the_tree() -> None:
    nlp = spacy.blank("nl")
    augment = create_quote_variants(1.0, [[",,", "''"], ['"', '"']])
    random.seed(1)
    seen = set()
    for _ in range(20):
        (out,) = list(augment(nlp, _example(nlp)))
        ref = out.reference
        seen.add(ref.text)
        assert [t.dep_ for t in ref] == ["nsubj", "ROOT", "punct", "obj", "punct", "punct"]
        assert [t.head.i for t in ref] == [1, 1, 3, 1, 3, 1]
        assert out.predicted.text == ref.text
        # a mark is its own lemma, as in the UD files: ,, keeps ,, not the straight mark's lemma
        assert [t.lemma_ for t in ref if t.is_punct] == [t.text for t in ref if t.is_punct]
    assert seen == {"Hij zei ,,ja''.", 'Hij zei "ja".'}


def test_level_zero_leaves_examples_alone_and_bad_settings_fail() -> None:
    nlp = spacy.blank("nl")
    example = _example(nlp)
    (out,) = list(create_quote_variants(0.0, [[",,", "''"]])(nlp, example))
    assert out is example
    with pytest.raises(ValueError, match="pair"):
        create_quote_variants(0.5, [["x"]])
    with pytest.raises(ValueError, match="between 0 and 1"):
        create_quote_variants(1.5, [[",,", "''"]])


def test_augmenter_is_registered_for_spacy_configs() -> None:
    assert spacy.registry.augmenters.get("powermap.quote_variants.v1") is create_quote_variants
