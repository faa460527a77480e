"""Read the training and evaluation formats (CoNLL-U, CoNLL-2002) and write spaCy DocBins."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters import conll_ner_to_docs, conllu_to_docs


def normalise_lemma(lemma: str) -> str:
    """Alpino marks compound and particle boundaries in lemmas (``af_lopen``); drop the marks."""
    return lemma.replace("_", "") if len(lemma) > 1 else lemma


def _clean_conllu(text: str) -> str:
    """CoNLL-U with Alpino's lemma boundary marks removed (column 3)."""
    lines = []
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0][:1].isdigit():
            cols[2] = normalise_lemma(cols[2])
            line = "\t".join(cols)
        lines.append(line)
    return "\n".join(lines) + "\n"


def read_conll_text(path: Path) -> str:
    """A CoNLL file as text: UTF-8 if it decodes, else Latin-1 (the original CoNLL-2002 encoding)."""
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def conllu_docs(paths: list[Path], n_sents: int = 10, limit: int | None = None) -> list[Doc]:
    """Docs of ``n_sents`` sentences each, with tags, morphology, lemmas and dependencies."""
    docs: list[Doc] = []
    for path in paths:
        text = _clean_conllu(read_conll_text(path))
        docs.extend(conllu_to_docs(text, n_sents=n_sents, no_print=True))
    return docs[:limit] if limit else docs


def conll_ner_docs(paths: list[Path], n_sents: int = 10, limit: int | None = None) -> list[Doc]:
    """Docs with entities from CoNLL-2002-style files (``word [POS] IOB-tag`` per line)."""
    docs: list[Doc] = []
    for path in paths:
        text = read_conll_text(path).replace("\r\n", "\n")
        docs.extend(conll_ner_to_docs(text, n_sents=n_sents, no_print=True))
    return docs[:limit] if limit else docs


def write_docbin(docs: list[Doc], path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return path


@dataclass
class ConllSentence:
    """One sentence of a CoNLL-U file: gold words, spaces and annotation (multi-word tokens kept as words)."""

    words: list[str]
    spaces: list[bool]
    upos: list[str]
    lemmas: list[str]
    heads: list[int]  # 0-based index of the head, own index for the root
    deps: list[str]


def read_conllu(path: Path) -> Iterator[ConllSentence]:
    """Sentences of a CoNLL-U file, for evaluation on gold tokenisation."""
    words: list[str] = []
    spaces: list[bool] = []
    upos: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    for line in [*read_conll_text(path).splitlines(), ""]:
        if not line.strip():
            if words:
                yield ConllSentence(words, spaces, upos, lemmas, heads, deps)
                words, spaces, upos, lemmas, heads, deps = [], [], [], [], [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():  # multi-word ranges and empty nodes
            continue
        index = int(cols[0]) - 1
        words.append(cols[1])
        spaces.append("SpaceAfter=No" not in cols[9])
        upos.append(cols[3])
        lemmas.append(cols[2])
        heads.append(int(cols[6]) - 1 if cols[6] != "0" else index)
        deps.append(cols[7])


def read_conll_ner(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of a CoNLL-2002/2003-style NER file as (words, IOB tags); ``-DOCSTART-`` skipped."""
    words: list[str] = []
    tags: list[str] = []
    for line in [*read_conll_text(path).splitlines(), ""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if words:
                yield words, tags
                words, tags = [], []
            continue
        words.append(cols[0])
        tags.append(cols[-1])
