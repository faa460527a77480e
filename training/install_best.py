"""Assemble trained checkpoints into one pipeline and install it in the package if it scores better.

Usage (from the repository root):
    python training/install_best.py --prepare                      # only build training/corpus/*.spacy
    python training/install_best.py SYNTAX_DIR NER_DIR [--force]   # assemble, score, install if better

Scores: LAS on UD Alpino dev and entity F1 on CoNLL-2002 testa (the selection sets; test sets are
for BENCHMARKS.md only). The new pipeline replaces src/powermap/models/nl_powermap when the mean of
the two is higher than the installed one's, or with --force. A final-fit NER (``ner.cfg`` as
``powermap train`` runs it: ned.train + ned.testa) has seen testa, so its testa F1 says nothing;
such a model goes in with --force, on its test scores (``python bench/run.py annotate``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from powermap.annotate.evaluate import eval_ner, eval_parse
from powermap.annotate.spacy_pipeline import SpacyAnnotator
from powermap.annotate.train import PACKAGED_MODEL, assemble, install_model, model_size, prepare_corpus

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DEV_PARSE = DATA / "ud-dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu"
DEV_NER = DATA / "conll2002-nl/ned.testa"


def score(model: Path) -> dict[str, float]:
    annotator = SpacyAnnotator(str(model), name="candidate")
    parse = eval_parse(annotator, DEV_PARSE)
    ner = eval_ner(annotator, DEV_NER)
    return {"las": parse["las"], "uas": parse["uas"], "upos": parse["upos"], "ner_f1": ner["f1"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("syntax", nargs="?", type=Path)
    parser.add_argument("ner", nargs="?", type=Path)
    parser.add_argument("--prepare", action="store_true", help="only convert the data into DocBins")
    parser.add_argument("--force", action="store_true", help="install even if it does not score better")
    parser.add_argument("--output", type=Path, default=ROOT / "training/output/assembled")
    args = parser.parse_args()
    if args.prepare:
        print(prepare_corpus(DATA, ROOT / "training/corpus"))
        return 0
    if args.syntax is None or args.ner is None:
        parser.error("give SYNTAX_DIR and NER_DIR")
    candidate = assemble(args.syntax, args.ner, args.output)
    new = score(candidate)
    old = score(PACKAGED_MODEL) if (PACKAGED_MODEL / "config.cfg").exists() else None
    print(json.dumps({"candidate": new, "installed": old, "bytes": model_size(candidate)}, indent=2))
    better = old is None or (new["las"] + new["ner_f1"]) > (old["las"] + old["ner_f1"])
    if better or args.force:
        install_model(candidate, PACKAGED_MODEL)
        print(f"installed at {PACKAGED_MODEL}")
    else:
        print("not installed: the installed model scores at least as well")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
