"""A tiny-data training run: the same code path as ``powermap train``, on sentences written here."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy

from powermap.annotate.corpus import conll_ner_docs, conllu_docs
from powermap.annotate.train import DataFiles, run_training

from .conftest import ROOT

SUBJECTS = [("De", "minister"), ("Een", "diplomaat"), ("De", "president")]
VERBS = [("bezocht", "bezoeken"), ("steunde", "steunen")]
PLACES = ["Brussel", "Parijs", "Warschau", "Madrid", "Berlijn"]


def _conllu_sentence(n: int, det: str, noun: str, verb: str, lemma: str, place: str) -> str:
    """One sentence; every other one quotes the place in straight quotes (the augmenter's input)."""
    quoted = n % 2 == 0
    rows = [
        (det, det.lower(), "DET", "Definite=Def", 2, "det"),
        (noun, noun, "NOUN", "Number=Sing", 3, "nsubj"),
        (verb, lemma, "VERB", "Tense=Past|VerbForm=Fin", 0, "root"),
    ]
    if quoted:
        rows += [('"', '"', "PUNCT", "_", 5, "punct"), (place, place, "PROPN", "_", 3, "obj")]
        rows += [('"', '"', "PUNCT", "_", 5, "punct")]
    else:
        rows += [(place, place, "PROPN", "_", 3, "obj")]
    rows += [(".", ".", "PUNCT", "_", 3, "punct")]
    shown = f'"{place}"' if quoted else place
    lines = [f"# sent_id = s{n}", f"# text = {det} {noun} {verb} {shown}."]
    glued = {4, 5, 6} if quoted else {4}
    for i, (form, lem, upos, feats, head, rel) in enumerate(rows, start=1):
        misc = "SpaceAfter=No" if i in glued else "_"
        lines.append(f"{i}\t{form}\t{lem}\t{upos}\t{upos[:3]}\t{feats}\t{head}\t{rel}\t_\t{misc}")
    return "\n".join(lines) + "\n"


def _write_tiny_data(root: Path) -> DataFiles:
    combos = list(itertools.product(SUBJECTS, VERBS, PLACES))
    conllu = "\n".join(_conllu_sentence(n, d, s, v, lem, p) for n, ((d, s), (v, lem), p) in enumerate(combos))
    ner = ["-DOCSTART- -DOCSTART- O", ""]
    for (_det, noun), (verb, _), place in combos:
        ner += [f"{noun} N O", f"{verb} V O", f"{place} N B-LOC", ". Punc O", ""]
    (root / "ud").mkdir(parents=True)
    (root / "ud" / "train.conllu").write_text(conllu, encoding="utf-8")
    (root / "ner").mkdir()
    (root / "ner" / "train.conll").write_text("\n".join(ner), encoding="latin-1")
    (root / "names").mkdir()
    (root / "names" / "geo").write_text("\n".join(PLACES[:3]) + "\n", encoding="utf-8")
    (root / "names" / "per").write_text("Jan de Vries\n", encoding="utf-8")
    return DataFiles(
        ("ud/train.conllu",), ("ud/train.conllu",), ("ner/train.conll",), ("ner/train.conll",), names="names"
    )


def test_annotate_corpus_readers(tmp_path: Path) -> None:
    files = _write_tiny_data(tmp_path)
    docs = conllu_docs([tmp_path / files.syntax_train[0]], n_sents=10)
    assert len(docs) == 3 and docs[0][2].lemma_ == "bezoeken" and docs[0][2].dep_ == "ROOT"
    assert docs[0].text.startswith('De minister bezocht "Brussel". De minister bezocht Parijs. ')
    ner_docs = conll_ner_docs([tmp_path / files.ner_train[0]])
    assert [e.label_ for e in ner_docs[0].ents][:2] == ["LOC", "LOC"]


@pytest.mark.slow
def test_annotate_tiny_training_run(tmp_path: Path) -> None:
    files = _write_tiny_data(tmp_path / "data")
    result = run_training(
        tmp_path / "data",
        tmp_path / "work",
        ROOT / "training",
        max_steps=3,
        install=None,
        files=files,
        overrides={
            "components.tok2vec.model.encode.width": 32,
            # the static vectors need gensim and real text: the tiny run embeds without them
            "components.tok2vec.model.embed.include_static_vectors": False,
        },
    )
    nlp = spacy.load(result["model"])
    assert nlp.pipe_names == [
        "tok2vec",
        "tagger",
        "morphologizer",
        "trainable_lemmatizer",
        "parser",
        "powermap_punctuation",
        "ner",
    ]
    text = "De minister bezocht ,,Parijs''.\n"
    doc = nlp(text)
    assert doc.text == text and doc.has_annotation("DEP")
    assert result["installed"] is None


def test_restore_lemma_labels_rebuilds_the_tree_map_of_a_loaded_lemmatizer():
    """A lemmatizer loaded from disk must train against the labels it predicts with."""
    from powermap.annotate.train import PACKAGED_MODEL, restore_lemma_labels

    nlp = spacy.load(PACKAGED_MODEL, exclude=["ner"])
    lemmatizer = nlp.get_pipe("trainable_lemmatizer")
    lemmatizer.tree2label = {}
    with nlp.select_pipes(disable=["trainable_lemmatizer"]):  # as during training's initialize
        restore_lemma_labels()(nlp)
    labels = lemmatizer.cfg["labels"]
    assert lemmatizer.tree2label == {tree: i for i, tree in enumerate(labels)} and labels
