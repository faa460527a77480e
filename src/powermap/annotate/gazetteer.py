"""Gazetteer features for the NER: which name lists a word occurs in, and where in the name.

A word's *code* is a bit set over (label, position) pairs, position being a one-word name, the
first word of a longer name or a later word of one: ``Peeters`` might be "later word of a PER"
and "one-word LOC". The code is embedded beside spaCy's hashed NORM/PREFIX/SUFFIX/SHAPE features
(``powermap.GazetteerMultiHashEmbed.v1``), so the model learns how far to trust each list.

The word table is built once, when training initialises the model, from name lists with one
name per line (``per``, ``geo``, ``org``, ``misc``, as in Alpino's ``Names/Build``); it is stored
with the model weights, so a trained pipeline needs no list at run time.

Lists built partly from the NER training data (Alpino's are; see its SOURCE.md) cover the
training entities better than any new text, and a model trained on them learns to trust the
list too much. ``holdout`` corrects that: given the training and dev files, each training
entity's name is dropped from its list with the probability that brings the list's coverage of
training entities down to its coverage of dev entities, per label (decided by a hash of the
name, so a rebuild gives the same table).
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, chain, concatenate, list2ragged, with_array
from thinc.types import Floats2d, Ints2d

from powermap.annotate.corpus import read_conll_text

#: List file name -> entity label (Alpino's own mapping, ``Names/Build/Makefile``).
LIST_LABELS: dict[str, str] = {"per": "PER", "geo": "LOC", "org": "ORG", "misc": "MISC"}
#: Positions of a word in a name, in bit order.
POSITIONS = ("single", "first", "later")


def bit(label: str, position: str, labels: Sequence[str]) -> int:
    """The code bit for a word at ``position`` in a name with ``label``."""
    return 1 << (labels.index(label) * len(POSITIONS) + POSITIONS.index(position))


def read_names(names_dir: Path) -> dict[str, set[str]]:
    """Names per label from the list files in ``names_dir`` (HTML entities unescaped)."""
    names: dict[str, set[str]] = {}
    for filename, label in LIST_LABELS.items():
        path = Path(names_dir) / filename
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as lines:
            names[label] = {html.unescape(line.strip()) for line in lines if line.strip()}
    if not names:
        raise FileNotFoundError(f"no name lists ({', '.join(LIST_LABELS)}) in {names_dir}")
    return names


def conll_entities(path: Path) -> dict[str, set[str]]:
    """Entity strings per label in a CoNLL-2002 file (``word POS IOB2-tag`` per line)."""
    found: dict[str, set[str]] = {}
    words: list[str] = []
    label = ""

    def close() -> None:
        if words:
            found.setdefault(label, set()).add(" ".join(words))
        words.clear()

    for line in read_conll_text(Path(path)).splitlines():
        parts = line.split()
        tag = parts[-1] if len(parts) >= 2 and not parts[0].startswith("-DOCSTART-") else "O"
        if tag.startswith("B-") or tag == "O" or tag[2:] != label:
            close()
        if tag != "O":
            label = tag[2:]
            words.append(parts[0])
    close()
    return found


def holdout(names: dict[str, set[str]], train: dict[str, set[str]], dev: dict[str, set[str]]) -> dict[str, set[str]]:
    """``names`` with training entities dropped so that coverage of training entities per label
    falls to the coverage of dev entities (see the module docstring)."""
    kept: dict[str, set[str]] = {}
    for label, listed in names.items():
        seen, unseen = train.get(label, set()), dev.get(label, set())
        cover_train = len(seen & listed) / len(seen) if seen else 0.0
        cover_dev = len(unseen & listed) / len(unseen) if unseen else cover_train
        drop = 1.0 - cover_dev / cover_train if cover_train > cover_dev else 0.0
        threshold = int(drop * 0xFFFFFFFF)
        kept[label] = {name for name in listed if name not in seen or zlib.crc32(name.encode("utf-8")) >= threshold}
    return kept


def word_codes(names: dict[str, set[str]], labels: Sequence[str]) -> dict[str, int]:
    """The code of every word that occurs in a name."""
    codes: dict[str, int] = {}
    for label in labels:
        for name in names.get(label, ()):
            words = name.split()
            if len(words) == 1:
                codes[words[0]] = codes.get(words[0], 0) | bit(label, "single", labels)
                continue
            codes[words[0]] = codes.get(words[0], 0) | bit(label, "first", labels)
            for word in words[1:]:
                codes[word] = codes.get(word, 0) | bit(label, "later", labels)
    return codes


def build_table(
    names_dir: str | Path,
    labels: Sequence[str] = tuple(LIST_LABELS.values()),
    train: str | Path | None = None,
    dev: str | Path | None = None,
) -> dict[str, int]:
    """The word table from the lists in ``names_dir`` (with ``holdout`` when train and dev are given)."""
    names = read_names(Path(names_dir))
    if train and dev:
        names = holdout(names, conll_entities(Path(train)), conll_entities(Path(dev)))
    return word_codes(names, labels)


def gazetteer_codes(table_config: dict[str, Any]) -> Model[list[Doc], list[Ints2d]]:
    """Docs -> one column of word codes per doc. The table is built at ``initialize`` from
    ``table_config`` (``build_table``'s arguments) and then saved with the model."""

    def init(model: Model, X: Any = None, Y: Any = None) -> None:
        if not model.attrs["table"]:
            model.attrs["table"] = build_table(**model.attrs["table_config"])

    return Model(
        "gazetteer_codes",
        _codes_forward,
        init=init,
        attrs={"table": {}, "table_config": dict(table_config)},
    )


def _column(codes: list[int]) -> Any:
    """One int32 column (n x 1) of codes, as thinc's ``asarray2i`` takes it."""
    return numpy.array(codes, dtype="int32").reshape(-1, 1)


def _codes_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Any]:
    table: dict[str, int] = model.attrs["table"]
    columns = [model.ops.asarray2i(_column([table.get(t.text, 0) for t in doc])) for doc in docs]
    return columns, lambda d_columns: []


@registry.architectures("powermap.GazetteerMultiHashEmbed.v1")
def gazetteer_multi_hash_embed(
    width: int,
    attrs: list[str | int],
    rows: list[int],
    include_static_vectors: bool,
    names_dir: str,
    gazetteer_width: int = 16,
    gazetteer_rows: int = 1024,
    holdout_train: str | None = None,
    holdout_dev: str | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's ``MultiHashEmbed`` with the gazetteer code as one more embedded feature.

    The hashed features and the code's embedding are concatenated per token and mixed by a
    Maxout layer to ``width``, as ``MultiHashEmbed`` mixes its own features.
    """
    from spacy.ml.models.tok2vec import MultiHashEmbed

    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=include_static_vectors)
    codes = _code_embedding(names_dir, gazetteer_width, gazetteer_rows, holdout_train, holdout_dev)
    return _mixed([(hashed, width), (codes, gazetteer_width)], width)


@registry.architectures("powermap.SharedGazetteerEmbed.v1")
def shared_gazetteer_embed(
    width: int,
    names_dir: str,
    upstream: str = "tok2vec",
    gazetteer_width: int = 16,
    gazetteer_rows: int = 1024,
    holdout_train: str | None = None,
    holdout_dev: str | None = None,
    attrs: list[str | int] | None = None,
    rows: list[int] | None = None,
    own_width: int = 0,
) -> Model[list[Doc], list[Floats2d]]:
    """The pipeline's shared tok2vec (a listener to ``upstream``) with the gazetteer code beside it.

    The NER then pays for its gazetteer lookup and one Maxout layer instead of a tok2vec of its
    own; the shared vectors, trained for tags and trees, carry the word's form and context. The
    listener's width is ``width``, the shared tok2vec's own output width. With ``attrs``, the
    NER also embeds those hashed features of its own (``own_width`` wide, ``rows`` per attribute)."""
    from spacy.pipeline.tok2vec import Tok2VecListener

    parts: list[tuple[Model, int]] = [(Tok2VecListener(upstream_name=upstream, width=width), width)]
    if attrs:
        from spacy.ml.models.tok2vec import MultiHashEmbed

        own = MultiHashEmbed(width=own_width, attrs=attrs, rows=rows or [], include_static_vectors=False)
        parts.append((own, own_width))
    codes = _code_embedding(names_dir, gazetteer_width, gazetteer_rows, holdout_train, holdout_dev)
    return _mixed([*parts, (codes, gazetteer_width)], width)


def _code_embedding(
    names_dir: str, width: int, rows: int, holdout_train: str | None, holdout_dev: str | None
) -> Model[list[Doc], list[Floats2d]]:
    """Docs -> the embedded gazetteer code of each token (``width`` wide, ``rows`` hashed rows)."""
    from thinc.api import HashEmbed

    return chain(
        gazetteer_codes({"names_dir": names_dir, "train": holdout_train, "dev": holdout_dev}),
        with_array(HashEmbed(width, rows, column=0, seed=17)),
    )


def _mixed(parts: list[tuple[Model, int]], width: int) -> Model[list[Doc], list[Floats2d]]:
    """Per-token features (each model with its output width) concatenated and mixed by a Maxout
    layer to ``width``, as ``MultiHashEmbed`` mixes its own features."""
    from thinc.api import Maxout, ragged2list

    return chain(
        concatenate(*(chain(part, list2ragged()) for part, _ in parts)),
        with_array(Maxout(width, sum(w for _, w in parts), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


__all__ = [
    "LIST_LABELS",
    "build_table",
    "conll_entities",
    "gazetteer_codes",
    "gazetteer_multi_hash_embed",
    "holdout",
    "read_names",
    "shared_gazetteer_embed",
    "word_codes",
]
