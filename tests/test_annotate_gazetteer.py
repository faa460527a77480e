"""Gazetteer features for the NER: the word table, the holdout, and the embedding layer."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy

from powermap.annotate.gazetteer import (
    LIST_LABELS,
    bit,
    build_table,
    conll_entities,
    gazetteer_multi_hash_embed,
    holdout,
    read_names,
    word_codes,
)

LABELS = tuple(LIST_LABELS.values())


def _write_lists(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "per").write_text("Anna de Vries\nKarel\nJo&#235;l Brandt\n", encoding="utf-8")
    (root / "geo").write_text("Vries\nZuid-Limburg\n", encoding="utf-8")
    (root / "org").write_text("Raad van State\n", encoding="utf-8")
    return root


def test_word_codes_mark_label_and_position(tmp_path: Path) -> None:
    names = read_names(_write_lists(tmp_path / "names"))
    assert "Joël Brandt" in names["PER"]  # HTML entities unescaped
    assert "MISC" not in names  # a missing list is skipped
    codes = word_codes(names, LABELS)
    assert codes["Anna"] == bit("PER", "first", LABELS)
    assert codes["Vries"] == bit("PER", "later", LABELS) | bit("LOC", "single", LABELS)
    assert codes["Karel"] == bit("PER", "single", LABELS)
    assert codes["van"] == bit("ORG", "later", LABELS)
    assert "Utrecht" not in codes


def test_read_names_without_lists_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no name lists"):
        read_names(tmp_path)


def test_conll_entities_reads_iob2_spans(tmp_path: Path) -> None:
    path = tmp_path / "train.conll"
    path.write_text(
        "-DOCSTART- -DOCSTART- O\n\nAnna N B-PER\nde Art I-PER\nVries N I-PER\nbezocht V O\n"
        "Zuid-Limburg N B-LOC\nen Conj O\nKarel N B-PER\nPiet N B-PER\n. Punc O\n",
        encoding="utf-8",
    )
    assert conll_entities(path) == {"PER": {"Anna de Vries", "Karel", "Piet"}, "LOC": {"Zuid-Limburg"}}


def test_holdout_brings_training_coverage_down_to_dev_coverage() -> None:
    listed = {f"Naam{i}" for i in range(2000)}
    train = {"PER": {f"Naam{i}" for i in range(1000)}}  # all listed: coverage 1.0
    dev = {"PER": {f"Naam{i}" for i in range(1500, 1600)} | {f"Anders{i}" for i in range(100)}}  # 0.5
    kept = holdout({"PER": listed}, train, dev)["PER"]
    coverage = len(train["PER"] & kept) / len(train["PER"])
    assert 0.44 < coverage < 0.56
    assert {f"Naam{i}" for i in range(1000, 2000)} <= kept  # names not in training stay
    assert holdout({"PER": listed}, train, dev) == {"PER": kept}  # deterministic


def test_build_table_applies_holdout_only_with_train_and_dev(tmp_path: Path) -> None:
    names = _write_lists(tmp_path / "names")
    train, dev = tmp_path / "train.conll", tmp_path / "dev.conll"
    train.write_text("Karel N B-PER\n", encoding="utf-8")
    dev.write_text("Piet N B-PER\n", encoding="utf-8")  # unlisted: dev coverage 0
    assert "Karel" in build_table(names)
    assert "Karel" not in build_table(names, train=train, dev=dev)


def test_embedding_layer_predicts_per_token_and_keeps_its_table(tmp_path: Path) -> None:
    names = _write_lists(tmp_path / "names")
    nlp = spacy.blank("nl")
    docs = [nlp("Anna de Vries sprak met de Raad van State."), nlp("Karel")]
    model = gazetteer_multi_hash_embed(32, ["NORM", "SHAPE"], [100, 50], False, str(names))
    model.initialize(X=docs)
    out = model.predict(docs)
    assert [y.shape for y in out] == [(len(docs[0]), 32), (1, 32)]
    restored = gazetteer_multi_hash_embed(32, ["NORM", "SHAPE"], [100, 50], False, str(tmp_path / "absent"))
    restored.from_bytes(model.to_bytes())  # the lists are not needed once trained
    assert numpy.allclose(restored.predict(docs)[0], out[0])
    codes = next(node for node in model.walk() if node.name == "gazetteer_codes")
    codes.attrs["table"] = {}  # without the lists, listed words embed differently, others alike
    bare = model.predict(docs)[0]
    assert not numpy.allclose(bare[0], out[0][0]) and numpy.allclose(bare[4], out[0][4])


def _listening_pipeline(names: Path, own: bool) -> spacy.language.Language:
    """A blank Dutch pipeline: a small tok2vec and an NER that listens to it (the shipped layout)."""
    from thinc.api import Config

    embed = {
        "@architectures": "powermap.SharedGazetteerEmbed.v1",
        "width": 16,
        "names_dir": str(names),
        "gazetteer_width": 8,
        "gazetteer_rows": 64,
    }
    if own:
        embed.update({"attrs": ["NORM", "SHAPE"], "rows": [100, 50], "own_width": 8})
    encode = {  # one window layer, as in both tok2vecs
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": 16,
        "depth": 1,
        "window_size": 1,
        "maxout_pieces": 2,
    }
    tok2vec = {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 16,
            "attrs": ["NORM", "SHAPE"],
            "rows": [100, 50],
            "include_static_vectors": False,
        },
        "encode": encode,
    }
    ner = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 16,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": embed,
            "encode": encode,
        },
    }
    nlp = spacy.blank("nl")
    nlp.add_pipe("tok2vec", config={"model": Config(tok2vec)})
    nlp.add_pipe("ner", config={"model": Config(ner)})
    return nlp


@pytest.mark.parametrize("own", [False, True])
def test_shared_embedding_listens_to_the_pipeline_tok2vec_and_survives_a_round_trip(tmp_path: Path, own: bool) -> None:
    from spacy.training import Example

    nlp = _listening_pipeline(_write_lists(tmp_path / "names"), own)
    assert nlp.get_pipe("tok2vec").listening_components == ["ner"]
    texts = [
        ("Anna de Vries sprak in Zuid-Limburg.", [(0, 13, "PER"), (23, 35, "LOC")]),
        ("Karel zweeg.", [(0, 5, "PER")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in texts]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    doc = nlp("Karel sprak met Anna de Vries.")
    codes = next(node for node in nlp.get_pipe("ner").model.walk() if node.name == "gazetteer_codes")
    assert codes.attrs["table"]["Karel"]  # the lists were read at initialize
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")  # the table travels with the weights
    assert again.get_pipe("tok2vec").listening_components == ["ner"]
    assert [(e.text, e.label_) for e in again(doc.text).ents] == [(e.text, e.label_) for e in doc.ents]
