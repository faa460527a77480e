"""A long run's memory stays bounded: new words leave the model's vocabulary after each document,
caches that fill with document input have a size limit, and records are the same either way."""

from __future__ import annotations

import random
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from powermap.annotate import get_annotator
from powermap.annotate.memory import memory_zone
from powermap.extract import Extractor
from powermap.records import Document, document_id

SYLLABLES = ("ka", "lo", "mer", "vin", "dus", "tra", "bel", "ox", "zan", "pri", "gul", "ne")


def nonce_documents(count: int, seed: int) -> list[Document]:
    """Short Dutch texts, each with words and names made up for it (never seen by the model)."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(4))

    documents = []
    for serial in range(count):
        person, place, thing = f"{word().capitalize()} {word().capitalize()}", word().capitalize(), word()
        text = (
            f"Minister {person} bezocht woensdag {place}. Volgens {person} kost de {thing} "
            f"{serial + 17} miljoen euro. De {thing} van {place} blijft omstreden, zei {person}."
        )
        documents.append(Document(id=document_id(text), text=text, language="nl", published="2021-05-04"))
    return documents


def model():
    nlp = getattr(get_annotator("nl"), "nlp", None)
    if nlp is None or not hasattr(nlp, "memory_zone"):
        pytest.skip("needs a spaCy pipeline with memory zones for Dutch")
    return nlp


def powermap_caches() -> dict[str, tuple[int, int | None]]:
    """(entries, size limit) of every ``functools`` cache in powermap's loaded modules."""
    found = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("powermap"):
            for attr, value in list(vars(module).items()):
                if callable(getattr(value, "cache_info", None)) and getattr(value, "__module__", None) == name:
                    info = value.cache_info()
                    found[f"{name}.{attr}"] = (info.currsize, info.maxsize)
    return found


def test_the_words_of_each_document_leave_the_vocabulary():
    nlp = model()
    extractor = Extractor()
    for document in nonce_documents(2, seed=1):  # anything a stage loads on first use
        extractor(document)
    strings = len(nlp.vocab.strings)
    lexemes = sum(1 for _ in nlp.vocab)
    for document in nonce_documents(30, seed=2):
        assert extractor(document).actors
    assert len(nlp.vocab.strings) == strings
    assert sum(1 for _ in nlp.vocab) == lexemes

    kept = Extractor(memory_zones=False)
    for document in nonce_documents(5, seed=3):
        kept(document)
    assert len(nlp.vocab.strings) > strings + 5 * 3  # without zones each made-up word stays


def test_records_are_the_same_with_and_without_memory_zones():
    model()
    documents = nonce_documents(12, seed=4)
    zoned = [Extractor()(d).to_dict() for d in documents]
    assert [Extractor(memory_zones=False)(d).to_dict() for d in documents] == zoned
    assert any(r["actors"] for r in zoned) and any(r["claims"] for r in zoned)


def test_caches_that_fill_with_document_input_have_a_limit():
    model()
    extractor = Extractor()
    for document in nonce_documents(2, seed=5):
        extractor(document)
    before = powermap_caches()
    for document in nonce_documents(30, seed=6):
        extractor(document)
    grown = {k: v for k, v in powermap_caches().items() if v[0] > before.get(k, (0, None))[0]}
    assert grown  # the run did fill a cache (the name keys of the made-up names)
    assert {k: v for k, v in grown.items() if v[1] is None} == {}


def test_zones_do_not_nest_and_back_ends_without_one_get_none():
    nlp = model()
    with memory_zone(get_annotator("nl")):
        assert nlp.vocab.in_memory_zone
        with memory_zone(get_annotator("nl")):  # an open zone is left alone
            assert nlp.vocab.in_memory_zone
        assert nlp.vocab.in_memory_zone
    assert not nlp.vocab.in_memory_zone
    with memory_zone(object()):
        pass


def test_threads_sharing_a_model_take_turns_in_its_zone():
    model()
    documents = nonce_documents(16, seed=7)
    alone = [Extractor()(d).to_dict() for d in documents]
    extractor = Extractor()
    with ThreadPoolExecutor(4) as pool:  # a zone's end must not free the words of another thread's Doc
        together = [r.to_dict() for r in pool.map(extractor, documents)]
    assert together == alone


def test_a_batch_shares_one_zone_closed_when_the_batch_ends():
    nlp = model()
    extractor = Extractor()
    for document in nonce_documents(2, seed=8):  # anything a stage loads on first use
        extractor(document)
    extractor.preload("nl")  # and the model's common words, which a first batch would read
    strings = len(nlp.vocab.strings)
    documents = nonce_documents(6, seed=9)
    alone = [extractor(d).to_dict() for d in documents]
    with extractor.batch():
        batched = [extractor(documents[0]).to_dict()]
        assert nlp.vocab.in_memory_zone  # the batch's zone stays open between its documents
        with extractor.batch():  # a batch inside a batch adds nothing
            batched += [extractor(d).to_dict() for d in documents[1:]]
        assert nlp.vocab.in_memory_zone
    assert not nlp.vocab.in_memory_zone
    assert len(nlp.vocab.strings) == strings
    assert batched == alone
    with Extractor(memory_zones=False).batch():  # nothing to share without zones
        assert not nlp.vocab.in_memory_zone


def test_what_is_loaded_is_frozen_once_and_later_garbage_still_collected():
    import gc

    from powermap.ingest.guard import freeze_loaded

    freeze_loaded()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    cycle: list = []
    cycle.append(cycle)
    del cycle
    assert gc.collect() >= 1  # an object made after the freeze is collected as before
    assert gc.get_freeze_count() == frozen
