"""A tiny-data training run: the same code path as ``powermap train``, on sentences written here."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from powermap.annotate.corpus import conll_ner_docs, conllu_docs
from powermap.annotate.train import DataFiles, assemble, run_training

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
        ("ud/train.conllu",),
        ("ud/train.conllu",),
        ("ner/train.conll",),
        ("ner/train.conll",),
        names="names",
        syntax_final_fit=("ud/train.conllu",),
        evaluation=(),
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
        "powermap_particle_lemmas",
        "powermap_punctuation",
        "ner",
    ]
    # the NER reads the syntax model's tok2vec (training/ner.cfg), as wide as the run made it
    assert nlp.get_pipe("tok2vec").listening_components[-1] == "ner"
    assert nlp.config["components"]["ner"]["model"]["tok2vec"]["embed"]["width"] == 32
    text = "De minister bezocht ,,Parijs''.\n"
    doc = nlp(text)
    assert doc.text == text and doc.has_annotation("DEP")
    assert result["installed"] is None
    # an assembled pipeline can take a new NER: the old one is replaced, not doubled
    again = spacy.load(assemble(Path(result["model"]), tmp_path / "work" / "ner" / "model-last", tmp_path / "again"))
    assert again.pipe_names.count("ner") == 1 and again(text).text == text


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


UNTAGGED = """# text = Het plan moet worden gemaakt
1\tHet\t\tX\t_\t_\t2\tdet\t_\t_
2\tplan\t\tX\t_\t_\t3\tnsubj\t_\t_
3\tmoet\t\tX\t_\t_\t0\troot\t_\t_
4\tworden\t\tX\t_\t_\t3\txcomp\t_\t_
5\tgemaakt\t\tX\t_\t_\t4\tccomp\t_\t_
"""

ADVERBS = """# text = Ook de minister is ook de baas
1\tOok\took\tADV\tBW\t_\t3\tadvmod\t_\t_
2\tde\tde\tDET\tLID\t_\t3\tdet\t_\t_
3\tminister\tminister\tNOUN\tN\t_\t7\tnsubj\t_\t_
4\tis\tzijn\tAUX\tWW\t_\t7\tcop\t_\t_
5\took\took\tADV\tBW\t_\t7\tadvmod\t_\t_
6\tde\tde\tDET\tLID\t_\t7\tdet\t_\t_
7\tbaas\tbaas\tNOUN\tN\t_\t0\troot\t_\t_
"""


def test_harmonise_drops_untagged_sentences_and_relabels_adverbs_in_noun_phrases() -> None:
    from powermap.annotate.corpus import harmonise_training_trees

    text, counts = harmonise_training_trees(UNTAGGED + "\n" + ADVERBS)
    assert counts == {"sentences_dropped": 1, "tokens_dropped": 5, "adverbs_relabelled": 1}
    assert "worden" not in text
    rels = [line.split("\t")[7] for line in text.splitlines() if line[:1].isdigit()]
    # the adverb inside the subject becomes amod; the one on the predicate nominal stays advmod
    assert rels == ["amod", "det", "nsubj", "cop", "advmod", "det", "root"]


def test_training_corpus_is_harmonised_and_dev_is_not(tmp_path: Path) -> None:
    from powermap.annotate.train import prepare_corpus

    (tmp_path / "ud").mkdir()
    (tmp_path / "ud" / "t.conllu").write_text(UNTAGGED + "\n" + ADVERBS, encoding="utf-8")
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "t.conll").write_text("-DOCSTART- -DOCSTART- O\n\nGent N B-LOC\n", encoding="utf-8")
    (tmp_path / "ud" / "test.conllu").write_text(ADVERBS, encoding="utf-8")
    files = DataFiles(("ud/t.conllu",), ("ud/t.conllu",), ("ner/t.conll",), ("ner/t.conll",))
    files = replace(files, syntax_final_fit=(), evaluation=())
    out = prepare_corpus(tmp_path, tmp_path / "corpus", files=files)
    nlp = spacy.blank("nl")
    from spacy.tokens import DocBin

    train = list(DocBin().from_disk(out["syntax-train"]).get_docs(nlp.vocab))
    dev = list(DocBin().from_disk(out["syntax-dev"]).get_docs(nlp.vocab))
    assert sum(len(d) for d in train) == 7 and train[0][0].dep_ == "amod"
    # the final syntax fit adds release files as they are, less the sentences a test file has
    fit = replace(files, syntax_final_fit=("ud/t.conllu",), evaluation=("ud/test.conllu",))
    fitted = prepare_corpus(tmp_path, tmp_path / "c3", files=fit)["syntax-train"]
    assert sum(len(d) for d in DocBin().from_disk(fitted).get_docs(nlp.vocab)) == 7 + 5
    fitted = prepare_corpus(tmp_path, tmp_path / "c4", files=replace(fit, evaluation=()))["syntax-train"]
    assert sum(len(d) for d in DocBin().from_disk(fitted).get_docs(nlp.vocab)) == 7 + 12
    # the final NER fit trains on the dev file too (here the same file: twice the sentences)
    ner_train = list(DocBin().from_disk(out["ner-train"]).get_docs(nlp.vocab))
    ner_dev = list(DocBin().from_disk(out["ner-dev"]).get_docs(nlp.vocab))
    assert len(ner_train) == 2 * len(ner_dev)
    without = prepare_corpus(tmp_path, tmp_path / "c2", files=replace(files, ner_final_fit=False))
    assert len(list(DocBin().from_disk(without["ner-train"]).get_docs(nlp.vocab))) == len(ner_dev)
    dev_tokens = [t for d in dev for t in d]
    assert len(dev_tokens) == 12 and [t.dep_ for t in dev_tokens if t.text == "Ook"] == ["advmod"]
