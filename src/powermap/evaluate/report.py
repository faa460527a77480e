"""Plain-text rendering of a gold-set evaluation: the score table, then the error summary."""

from __future__ import annotations

from typing import Any

from powermap.evaluate.errors import summarise_errors
from powermap.evaluate.scoring import CATEGORIES


def score_table(scores: dict[str, Any]) -> str:
    """The per-category P / R / F1 / counts table and the overall F1 line."""
    lines = [f"{'category':16} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}"]
    for category in CATEGORIES:
        s = scores["categories"][category]
        lines.append(
            f"{category:16} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['predicted']:5d} {s['gold']:5d}"
        )
    lines.append(f"overall F1 {scores['overall_f1']:.3f}")
    return "\n".join(lines)


def error_summary(errors: list[dict[str, Any]], examples: int = 2, width: int = 100) -> str:
    """One line per category: each kind of error with its count, most frequent first, and examples."""
    lines = ["errors"]
    for category, kinds in summarise_errors(errors, examples).items():
        if not kinds:
            lines.append(f"  {category:9} none")
            continue
        counts = ", ".join(f"{kind} {entry['count']}" for kind, entry in kinds.items())
        lines.append(f"  {category:9} {counts}")
        for kind, entry in kinds.items():
            shown = "; ".join(detail + (f" (x{times})" if times > 1 else "") for detail, times in entry["examples"])
            if shown:
                lines.append(f"  {'':9}   {kind}: {shown}"[:width])
    return "\n".join(lines)


def render(scores: dict[str, Any], errors: list[dict[str, Any]], failures: dict[str, str]) -> str:
    parts = [score_table(scores), "", error_summary(errors)]
    if failures:
        parts += ["", "documents that failed to extract (counted as no output):"]
        parts += [f"  {name}: {reason}" for name, reason in sorted(failures.items())]
    return "\n".join(parts)
