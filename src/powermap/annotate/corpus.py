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


#: Parts of speech of the nominals an adverb can modify inside a noun phrase.
_NOMINALS = {"NOUN", "PROPN", "PRON", "NUM"}
#: Dependents that make a nominal the predicate of a clause (``is ook de hoofdstad``).
_PREDICATE_MARKERS = {"cop", "nsubj", "csubj", "expl"}


def harmonise_training_trees(text: str) -> tuple[str, dict[str, int]]:
    """Training CoNLL-U made comparable with the UD Dutch release it is evaluated on.

    The training treebank was converted with a newer ALUD than the UD r2.16 dev and test files,
    and two differences matter for training (``../shared/data/alpino-treebank-ud/SOURCE.md``):

    - sentences the converter could not tag (no token has an XPOS) have UPOS ``X`` and no lemma
      on every token, and trees built without parts of speech: no ``aux`` or ``cop`` anywhere,
      auxiliaries as ``xcomp``/``ccomp``. They would teach the tagger ``X`` and the parser wrong
      trees, so they are left out;
    - an adverb inside a noun phrase (*ook de minister*, *ongeveer een uur*) is ``advmod`` in the
      newer conversion and ``amod`` in the release (``advmod`` only where the nominal is a
      clause's predicate); the training trees are relabelled to the release's convention.

    Returns the text and counts of what was changed."""
    counts = {"sentences_dropped": 0, "tokens_dropped": 0, "adverbs_relabelled": 0}
    out: list[str] = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        rows = [(i, line.split("\t")) for i, line in enumerate(lines)]
        rows = [(i, c) for i, c in rows if len(c) == 10 and c[0].isdigit()]
        if not rows:
            if block.strip():
                out.append(block)
            continue
        if all(c[4] == "_" for _, c in rows):
            counts["sentences_dropped"] += 1
            counts["tokens_dropped"] += len(rows)
            continue
        by_id = {c[0]: c for _, c in rows}
        predicates = {c[6] for _, c in rows if c[7].split(":")[0] in _PREDICATE_MARKERS}
        for i, c in rows:
            head = by_id.get(c[6])
            if (
                c[3] == "ADV"
                and c[7] == "advmod"
                and head is not None
                and head[3] in _NOMINALS
                and c[6] not in predicates
            ):
                c[7] = "amod"
                lines[i] = "\t".join(c)
                counts["adverbs_relabelled"] += 1
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n", counts


def read_conll_text(path: Path) -> str:
    """A CoNLL file as text: UTF-8 if it decodes, else Latin-1 (the original CoNLL-2002 encoding)."""
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def sentence_texts(paths: list[Path]) -> set[str]:
    """The sentences of CoNLL-U files, each as its words joined by single spaces."""
    return {" ".join(s.words) for path in paths for s in read_conllu(path)}


def _drop_sentences(text: str, texts: set[str]) -> str:
    """CoNLL-U without the sentences whose words (joined by spaces) are in ``texts``."""
    kept = []
    for block in text.split("\n\n"):
        rows = (line.split("\t") for line in block.split("\n"))
        words = [c[1] for c in rows if len(c) == 10 and c[0].isdigit()]
        if not words or " ".join(words) not in texts:
            kept.append(block)
    return "\n\n".join(kept)


def conllu_docs(
    paths: list[Path],
    n_sents: int = 10,
    limit: int | None = None,
    harmonise: bool = False,
    exclude: set[str] | None = None,
) -> list[Doc]:
    """Docs of ``n_sents`` sentences each, with tags, morphology, lemmas and dependencies;
    with ``harmonise``, training trees are first made comparable with the evaluation release
    (``harmonise_training_trees``); sentences whose words are in ``exclude`` are left out."""
    docs: list[Doc] = []
    for path in paths:
        text = _clean_conllu(read_conll_text(path))
        if exclude:
            text = _drop_sentences(text, exclude)
        if harmonise:
            text, _counts = harmonise_training_trees(text)
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
