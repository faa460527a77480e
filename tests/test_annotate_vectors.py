"""Static vectors for the syntax model: the training text readers and a tiny vector build."""

from __future__ import annotations

import json
from pathlib import Path

import spacy

from powermap.annotate.train import uses_static_vectors
from powermap.annotate.vectors import VectorText, build_vectors, training_text

from .conftest import ROOT


def _write_text(root: Path) -> VectorText:
    (root / "ud").mkdir(parents=True)
    rows = ["# text = De minister reist.", "1\tDe\t_", "2\tminister\t_", "3\treist\t_", "4\t.\t_", ""]
    (root / "ud" / "train.conllu").write_text("\n".join(rows * 40) + "\n", encoding="utf-8")
    (root / "ner.txt").write_text("-DOCSTART- O\n\nDe O\npresident B-PER\nreist O\n\n" * 40, encoding="utf-8")
    doc = {"doc": {"token_string": "De premier reist .", "sentences": {"s1": {"token_ids": [0, 1, 2, 3]}}}}
    (root / "dna.jsonl").write_text((json.dumps(doc) + "\n") * 2, encoding="utf-8")
    return VectorText(conllu=("ud/train.conllu",), columns=("ner.txt", "absent.txt"), eventdna=("dna.jsonl",))


def test_vector_text_reads_each_format_and_skips_repeats(tmp_path: Path) -> None:
    files = _write_text(tmp_path)
    sentences = list(training_text(tmp_path, files))
    assert sentences[0] == ["De", "minister", "reist", "."]
    assert ["De", "president", "reist"] in sentences
    assert sentences.count(["De", "premier", "reist", "."]) == 1  # the repeated EventDNA text once
    assert len(sentences) == 40 + 40 + 1


def test_build_vectors_writes_a_spacy_vectors_directory(tmp_path: Path) -> None:
    files = _write_text(tmp_path / "data")
    out = build_vectors(tmp_path / "data", tmp_path / "vectors", dim=8, rows=5, epochs=2, files=files)
    vocab = spacy.load(out).vocab
    assert vocab.vectors.shape == (5, 8)
    assert vocab.has_vector("reist") and not vocab.has_vector("Ostland")


def test_the_shipped_syntax_config_embeds_static_vectors() -> None:
    config = ROOT / "training" / "syntax.cfg"
    assert uses_static_vectors(config)
    assert not uses_static_vectors(config, {"components.tok2vec.model.embed.include_static_vectors": False})
