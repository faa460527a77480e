"""The common words a model reads before its first memory zone stay; a batch loads them once."""

from __future__ import annotations

from wordfreq import top_n_list

from powermap.annotate.memory import memory_zone
from powermap.annotate.spacy_pipeline import PACKAGED_NL, SpacyAnnotator
from powermap.extract import Extractor
from powermap.records import Document, document_id


def test_preloaded_common_words_outlive_a_zone_and_rare_words_do_not() -> None:
    annotator = SpacyAnnotator(str(PACKAGED_NL), name="test")
    strings = annotator.nlp.vocab.strings
    common = [w for w in top_n_list("nl", 5000) if w.isalpha() and w not in strings][:3]
    rare = "kwispelstaartvergadering"
    assert len(common) == 3  # frequent words the model's own vocabulary lacks
    assert annotator.preload_vocabulary(5000) == 5000
    assert annotator.preload_vocabulary(5000) == 0  # once per model
    with memory_zone(annotator):
        annotator(f"De {common[0]} en de {common[1]} bij de {rare}.")
    assert all(w in strings for w in common)  # read outside the zone: kept
    assert rare not in strings  # met inside the zone only: freed with it


def test_preloading_inside_a_zone_reads_nothing() -> None:
    annotator = SpacyAnnotator(str(PACKAGED_NL), name="test")
    with memory_zone(annotator):
        assert annotator.preload_vocabulary(50) == 0


class _CountingAnnotator:
    def __init__(self) -> None:
        self.preloads = 0

    def preload_vocabulary(self) -> int:
        self.preloads += 1
        return 0


def test_a_batch_preloads_each_language_once_and_single_documents_never() -> None:
    fake = _CountingAnnotator()
    extractor = Extractor(stage_names=[], annotator=fake)  # type: ignore[arg-type]
    texts = ["Een eerste tekst.", "Een tweede tekst.", "Een derde tekst."]
    extractor(Document(id=document_id(texts[0]), text=texts[0], language="nl"))
    assert fake.preloads == 0  # one document outside a batch: no start-up cost
    with extractor.batch():
        for text in texts[1:]:
            extractor(Document(id=document_id(text), text=text, language="nl"))
    assert fake.preloads == 1
