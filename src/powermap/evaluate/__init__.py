"""Extraction accuracy on gold sets: the spec's matching rules, an error report and the CI gate.

- ``matching``: the rules of ``extraction-format.md`` (actor alignment, token F1, greedy pairs);
- ``scoring``: per-document counts, totals, P / R / F1 and the overall figure;
- ``errors``: every miss and false positive with its reason, and the summary of them;
- ``runner``: extract a gold set's documents as a user would (index dates and outlets) and score;
- ``floors``: the per-set F1 floors of the gate, checked and only ever raised;
- ``report``: the plain-text table and error summary.
"""

from powermap.evaluate.runner import Evaluation, GoldSetError, evaluate_gold_set, score_records
from powermap.evaluate.scoring import CATEGORIES, OVERALL, score_document, summarise

__all__ = [
    "CATEGORIES",
    "OVERALL",
    "Evaluation",
    "GoldSetError",
    "evaluate_gold_set",
    "score_document",
    "score_records",
    "summarise",
]
