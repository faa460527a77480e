"""The per-word caches of the stages are pure: records do not depend on what was read before."""

from __future__ import annotations

import pytest

from powermap.extract import Extractor
from powermap.extract.claims.numbers import number_lexicon
from powermap.extract.events.morphology import verb_candidates
from powermap.records import Document, document_id

from .conftest import SHARED

DEV = sorted((SHARED / "corpus-dev").glob("*/*.txt"))


def test_number_words_read_the_same_from_the_cache():
    lex = number_lexicon("nl")
    first = [lex.word_value(w) for w in ("vijfentwintig", "Driehonderd", "tafel", "zesjarig")]
    assert first[:3] == [25.0, 300.0, None]
    assert [lex.word_value(w) for w in ("vijfentwintig", "Driehonderd", "tafel", "zesjarig")] == first
    assert lex.compound_unit("zesjarig") == lex.compound_unit("Zesjarig") is not None


def test_verb_candidates_are_fresh_lists_from_the_cache():
    first = verb_candidates("Veroordeelde", "nl")
    first.append("mutated")
    assert "mutated" not in verb_candidates("veroordeelde", "nl")
    assert "veroordelen" in verb_candidates("veroordeelde", "nl")


@pytest.mark.skipif(len(DEV) < 4, reason="needs ../shared/corpus-dev")
def test_records_do_not_depend_on_the_order_documents_are_read_in():
    documents = []
    for path in DEV[:2] + DEV[-2:]:  # two Dutch and two English articles
        text = path.read_text(encoding="utf-8")
        documents.append(Document(id=document_id(text), text=text, published="2019-03-01", language=path.parent.name))
    forward = {d.id: Extractor()(d).to_dict() for d in documents}
    warm = Extractor()
    backward = {d.id: warm(d).to_dict() for d in reversed(documents)}
    assert backward == forward
