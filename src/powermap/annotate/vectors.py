"""Static word vectors for the Dutch syntax model, trained on the training text only.

No Dutch vectors can be downloaded here, so powermap trains its own: a fastText model (subword
aware, so rare words still get useful vectors) on every Dutch text in the shared data that is
not a dev or test set — the Alpino treebank's training sentences, CoNLL-2002 ``ned.train``, the
Europeana newspaper NER training text and the EventDNA news leads (about 0.8M tokens). The
vectors of the most frequent words are written as a spaCy vectors directory for
``[initialize] vectors``. Needs ``gensim`` (the ``vectors`` extra); only training uses it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy

from powermap.annotate.corpus import read_conll_text


@dataclass(frozen=True)
class VectorText:
    """The shared-data files the vectors are trained on, relative to the data directory."""

    conllu: tuple[str, ...] = ("alpino-treebank-ud/nl_alpinotreebank-ud-train.conllu",)
    columns: tuple[str, ...] = ("conll2002-nl/ned.train", "europeana-ner-nl/icdar-europeana-nl/train.txt")
    eventdna: tuple[str, ...] = ("event-coding/eventdna/eventdna_dnaf.jsonl",)


def conllu_sentences(path: Path) -> Iterator[list[str]]:
    """The word forms of each sentence of a CoNLL-U file (multi-word token lines skipped)."""
    words: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words
            words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])
    if words:
        yield words


def column_sentences(path: Path) -> Iterator[list[str]]:
    """Sentences of a one-token-per-line file (the word first, blank lines between sentences)."""
    words: list[str] = []
    for line in read_conll_text(Path(path)).splitlines():
        parts = line.split()
        if not parts:
            if words:
                yield words
            words = []
        elif not parts[0].startswith("-DOCSTART-"):
            words.append(parts[0])
    if words:
        yield words


def eventdna_sentences(path: Path) -> Iterator[list[str]]:
    """Sentences of the EventDNA documents (each text once: a few occur twice in the source)."""
    seen: set[str] = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)["doc"]
        if doc["token_string"] in seen:
            continue
        seen.add(doc["token_string"])
        tokens = doc["token_string"].split()
        for sentence in doc["sentences"].values():
            yield [tokens[i] for i in sentence["token_ids"] if i < len(tokens)]


def training_text(data_dir: Path, files: VectorText | None = None) -> Iterator[list[str]]:
    """Every sentence of the vector training text; files that are absent are skipped."""
    files = files or VectorText()
    for readers, paths in (
        (conllu_sentences, files.conllu),
        (column_sentences, files.columns),
        (eventdna_sentences, files.eventdna),
    ):
        for rel in paths:
            path = Path(data_dir) / rel
            if path.exists():
                yield from readers(path)


def build_vectors(
    data_dir: Path,
    output: Path,
    dim: int = 64,
    rows: int = 20000,
    epochs: int = 10,
    files: VectorText | None = None,
) -> Path:
    """Train the vectors and write a spaCy vectors directory at ``output``; returns it.

    Trained with one worker and a fixed seed, so the same data gives the same vectors.
    """
    import spacy
    from gensim.models import FastText
    from spacy.vectors import Vectors

    sentences = list(training_text(data_dir, files))
    if not sentences:
        raise FileNotFoundError(f"no training text for the vectors under {data_dir}")
    model = FastText(vector_size=dim, window=5, min_count=2, sg=1, workers=1, seed=0)
    model.build_vocab(corpus_iterable=sentences)
    model.train(corpus_iterable=sentences, total_examples=len(sentences), epochs=epochs)
    words = model.wv.index_to_key[:rows]
    nlp = spacy.blank("nl")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, shape=(len(words), dim))
    for word in words:  # five decimals, as the word2vec text format the first model was built from
        nlp.vocab.vectors.add(word, vector=numpy.round(model.wv[word], 5))
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    return output
