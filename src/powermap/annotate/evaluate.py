"""Score an annotator against gold files: CoNLL-U (UPOS, lemma, UAS, LAS) and CoNLL NER (P/R/F1).

Scores use gold tokenisation and gold sentences, as the standard UD and CoNLL figures do:
spaCy pipelines run their components on Docs built from the gold words; other back ends get
each sentence as the gold words joined by spaces and are aligned back to them by offsets.
LAS compares the universal part of the relation (``obl:arg`` counts as ``obl``), as the
CoNLL 2018 evaluation script does. Lemmas are compared without Alpino's ``_`` boundary marks.
Entities are compared exactly, as ``seqeval`` counts them.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from seqeval.metrics import classification_report
from spacy.tokens import Doc

from powermap.annotate.base import Annotator
from powermap.annotate.corpus import ConllSentence, normalise_lemma, read_conll_ner, read_conllu

#: spaCy/OntoNotes labels as CoNLL types; labels not listed (dates, numbers, ...) are not entities.
CONLL_TYPES = {
    "PER": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
    "LAW": "MISC",
    "PRO": "MISC",
    "EVE": "MISC",
}


def annotate_gold_tokens(
    annotator: Annotator, sentences: list[tuple[list[str], list[bool]]], chunk: int = 200
) -> tuple[list[list[Any]], float]:
    """Per gold sentence, the predicted token for each gold word (None where tokenisation differs).

    Other back ends get ``chunk`` sentences at a time, one per line, gold words joined by spaces.
    Returns the aligned tokens and the seconds spent annotating.
    """
    nlp = getattr(annotator, "nlp", None)
    if nlp is not None:
        # One gold sentence per Doc, and the parser is told so: it may not split it (as a
        # parser given gold segmentation in the CoNLL 2018 evaluation returns one tree).
        docs = [Doc(nlp.vocab, words=w, spaces=s, sent_starts=_one_sentence(len(w))) for w, s in sentences]
        started = time.perf_counter()
        out = list(nlp.pipe(docs, batch_size=64))
        seconds = time.perf_counter() - started
        return [list(doc) for doc in out], seconds
    aligned: list[list[Any]] = []
    seconds = 0.0
    for first in range(0, len(sentences), chunk):
        batch = sentences[first : first + chunk]
        text = "\n".join(" ".join(w) for w, _ in batch)
        started = time.perf_counter()
        doc = annotator(text)
        seconds += time.perf_counter() - started
        by_start = {t.idx: t for t in doc}
        pos = 0
        for words, _ in batch:
            row = []
            for w in words:
                tok = by_start.get(pos)
                row.append(tok if tok is not None and len(tok) == len(w) else None)
                pos += len(w) + 1
            aligned.append(row)
    return aligned, seconds


def eval_parse(annotator: Annotator, path: Path, limit: int | None = None) -> dict[str, Any]:
    """UPOS, lemma, UAS and LAS on a CoNLL-U file (gold tokens and sentences), with words/s."""
    gold: list[ConllSentence] = list(read_conllu(path))[:limit] if limit else list(read_conllu(path))
    predicted, seconds = annotate_gold_tokens(annotator, [(s.words, s.spaces) for s in gold])
    total = upos = lemma = uas = las = 0
    for sent, tokens in zip(gold, predicted, strict=True):
        position = {t.i: k for k, t in enumerate(tokens) if t is not None}
        for k, tok in enumerate(tokens):
            total += 1
            if tok is None:
                continue
            upos += tok.pos_ == sent.upos[k]
            lemma += normalise_lemma(tok.lemma_) == normalise_lemma(sent.lemmas[k])
            head = position.get(tok.head.i)
            if head == sent.heads[k]:
                uas += 1
                las += _main_rel(tok.dep_) == _main_rel(sent.deps[k])
    return {
        "file": str(path),
        "annotator": annotator.info.name,
        "sentences": len(gold),
        "words": total,
        "upos": upos / total if total else 0.0,
        "lemma": lemma / total if total else 0.0,
        "uas": uas / total if total else 0.0,
        "las": las / total if total else 0.0,
        "seconds": seconds,
        "words_per_second": total / seconds if seconds else 0.0,
    }


def _main_rel(label: str) -> str:
    return label.split(":", 1)[0].lower()


def to_iob2(tags: Iterable[str]) -> list[str]:
    """IOB1 or IOB2 tags as IOB2 (an ``I-`` that starts an entity becomes ``B-``)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def eval_ner(annotator: Annotator, path: Path, limit: int | None = None) -> dict[str, Any]:
    """Entity-level precision, recall and F1 (exact match) per type and overall, with words/s."""
    gold = list(read_conll_ner(path))
    gold = gold[:limit] if limit else gold
    predicted, seconds = annotate_gold_tokens(annotator, [(w, [True] * len(w)) for w, _ in gold])
    y_true = [to_iob2(tags) for _, tags in gold]
    y_pred = [_predicted_iob(tokens) for tokens in predicted]
    report = classification_report(y_true, y_pred, output_dict=True, zero_division=0)
    words = sum(len(w) for w, _ in gold)
    per_type = {
        label: {"precision": r["precision"], "recall": r["recall"], "f1": r["f1-score"], "support": r["support"]}
        for label, r in report.items()
        if not label.endswith(" avg")
    }
    micro = report["micro avg"]
    return {
        "file": str(path),
        "annotator": annotator.info.name,
        "sentences": len(gold),
        "words": words,
        "precision": micro["precision"],
        "recall": micro["recall"],
        "f1": micro["f1-score"],
        "per_type": per_type,
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else 0.0,
    }


def _predicted_iob(tokens: list[Any]) -> list[str]:
    tags: list[str] = []
    prev_type = ""
    for tok in tokens:
        kind = CONLL_TYPES.get(tok.ent_type_, "") if tok is not None and tok.ent_iob_ in ("B", "I") else ""
        if not kind:
            tags.append("O")
            prev_type = ""
            continue
        tags.append(f"I-{kind}" if tok.ent_iob_ == "I" and prev_type == kind else f"B-{kind}")
        prev_type = kind
    return tags


def _one_sentence(n_words: int) -> list[bool | int | None]:
    """Sentence starts that make ``n_words`` words one sentence."""
    starts: list[bool | int | None] = [False] * n_words
    starts[0] = True
    return starts
