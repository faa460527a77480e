"""``powermap changes``: what moved between periods (dyads, camps, coalitions, stances, claims)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from powermap.serve.cli.commands._analysis import ModalityOption, NegatedOption, event_filter, fail
from powermap.serve.cli.options import JsonOption, QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import out_console, print_json, working

FromOption = typer.Option(
    None, "--from", help="Earlier period: YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD or FIRST..LAST."
)
ToOption = typer.Option(None, "--to", help="Later period (same forms); alone: it and the period before it.")
ByOption = typer.Option(None, "--by", help="Cut the data into day, week, month, quarter or year periods.")
DaysOption = typer.Option(None, "--days", help="Cut the data into sliding windows of N days (see --step).")
StepOption = typer.Option(None, "--step", help="Days between sliding windows (default --days).")
ConceptsOption = typer.Option(None, "--concepts", help="Concepts file for stances and coalitions.")


def register(app: typer.Typer) -> None:
    app.command("changes")(changes_command)


ReportsOption = typer.Option(
    8, "--reports", help="Notable single reports listed apart from the shifts (new or one-sided dyads); 0: none."
)


def plan(conn, start, end, by, days, step, flt) -> list:
    """The windows, or a clean exit naming what is wrong."""
    from powermap.analyse.changes import plan_windows
    from powermap.analyse.periods import PeriodError

    try:
        return plan_windows(conn, start, end, by, days, step, flt)
    except PeriodError as err:
        raise fail(str(err)) from None


def read_concepts_option(concepts: Path | None) -> dict[str, str] | None:
    from powermap.analyse.discourse import read_concepts

    if concepts is None:
        return None
    if not concepts.is_file():
        raise fail(f"no concepts file {concepts}")
    return read_concepts(concepts)


def changes_command(
    start: str = FromOption,
    end: str = ToOption,
    by: str = ByOption,
    days: int = DaysOption,
    step: int = StepOption,
    show_all: bool = typer.Option(False, "--all", help="List dyads whose shift is not significant too."),
    alpha: float = typer.Option(0.05, "--alpha", help="False discovery rate for a dyad's shift."),
    prior: float = typer.Option(2.0, "--prior", help="Weight of the shrinkage prior, in documents."),
    min_documents: int = typer.Option(2, "--min-documents", help="Reports an actor needs per window to count."),
    evidence: int = typer.Option(3, "--evidence", help="Items of evidence per change and window."),
    limit: int = typer.Option(15, "--limit", help="Changes listed per part."),
    reports: int = ReportsOption,
    parts: str = typer.Option(
        "dyads,camps,coalitions,stances,claims", "--parts", help="Which parts to compute (comma-separated)."
    ),
    concepts: Path = ConceptsOption,
    outlets: str = typer.Option(
        None, "--source", help="Comma-separated outlets whose events count (document source or site)."
    ),
    include_negated: bool = NegatedOption,
    modality: str = ModalityOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
    quiet: bool = QuietOption,
) -> None:
    """Dyads whose cooperation/conflict balance moved (with a test that weighs how much was reported),
    actors that changed camp or coalition, stances that appeared, vanished or reversed, and claims
    that changed or that sources dispute, each with its evidence."""
    from powermap.analyse.changes import PARTS, ChangeOptions, changes_report

    chosen = tuple(p.strip() for p in parts.split(",") if p.strip())
    if not chosen or not set(chosen) <= set(PARTS):
        raise fail(f"--parts must name some of {', '.join(PARTS)}")
    if not 0 < alpha < 1 or prior < 0 or min_documents < 1 or evidence < 0 or limit < 1 or reports < 0:
        raise fail(
            "need 0 < --alpha < 1, --prior >= 0, --min-documents >= 1, --evidence >= 0, --limit >= 1, --reports >= 0"
        )
    flt = event_filter(None, None, include_negated, modality, None, outlets)
    opts = ChangeOptions(
        flt=flt, prior_strength=prior, alpha=alpha, show_all=show_all, min_documents=min_documents,
        evidence=evidence, limit=limit, reports=reports, concepts=read_concepts_option(concepts), parts=chosen,
    )  # fmt: skip
    conn = open_reader(store).reader()
    windows = plan(conn, start, end, by, days, step, flt)
    if len(windows) < 2:
        raise fail("the data cover one window only: nothing to compare (try a finer --by or --days)")
    with working("comparing periods", quiet):
        report = changes_report(conn, windows, opts)
    if as_json:
        print_json(report)
        return
    for comparison in report["comparisons"]:
        print_comparison(comparison)


def _balance(side: dict[str, Any]) -> str:
    if not side["documents"]:
        return "no reports"
    return f"{side['documents']} docs, {side['balance']:+.2f}"


def _first_evidence(items: list[dict[str, Any]]) -> str:
    if not items:
        return ""
    doc = items[0]["document"]
    return f"{doc['published'] or ''} {doc['title'] or doc['doc_id']}"[:60]


def print_comparison(c: dict[str, Any]) -> None:
    """One comparison as Rich tables on stdout."""
    from rich.table import Table

    before, after = c["before"], c["after"]
    head = (
        f"{before['label']} → {after['label']}: {before['events']} → {after['events']} events "
        f"({before['documents']} → {after['documents']} documents)"
    )
    out_console.rule(escape(head))
    if "dyads" in c:
        title = (
            f"Dyads: {c['dyads_significant']} of {c['dyads_tested']} testable shifted significantly "
            f"({c['dyads_seen'] - c['dyads_tested']} more with too few reports to test)"
        )
        table = Table("dyad", "before", "after", "shift", "z", "q", "evidence (after)", title=title)
        for d in c["dyads"]:
            table.add_row(
                escape(f"{d['a_name']} – {d['b_name']}"), _balance(d["before"]), _balance(d["after"]),
                f"{d['shift']:+.2f}", f"{d['z']:+.1f}", f"{d['q']:.3f}",
                escape(_first_evidence(d["evidence"]["after"])),
            )  # fmt: skip
        out_console.print(table)
        if not c["dyads"]:
            out_console.print("no dyad's shift is significant; --all lists the largest movements")
    if c.get("reports"):
        table = Table(
            "dyad", "side", "documents", "Goldstein", "before", "evidence",
            title="Reported in the period, not yet a trend (single reports, not tested)",
        )  # fmt: skip
        for r in c["reports"]:
            table.add_row(
                escape(f"{r['a_name']} – {r['b_name']}"), ("new " if r["new"] else "") + r["side"],
                str(r["documents"]), f"{r['goldstein']:+.1f}",
                "not reported" if r["new"] else f"{r['before_documents']} docs",
                escape(_first_evidence(r["evidence"])),
            )  # fmt: skip
        out_console.print(table)
        out_console.print("balance: −1 all conflict … +1 all cooperation, shrunk by volume; q: false discovery rate")
    for part, title in (("camps", "Changed camp (event network)"), ("coalitions", "Changed coalition (discourse)")):
        if c.get(part):
            table = Table("actor", "was with", "now with", "left", "joined", title=title)
            for m in c[part]:
                table.add_row(
                    escape(m["name"]), escape(m["before"]["label"]), escape(m["after"]["label"]),
                    escape(", ".join(x["name"] for x in m["left"])), escape(", ".join(x["name"] for x in m["joined"])),
                )  # fmt: skip
            out_console.print(table)
    if c.get("stances"):
        table = Table("actor", "concept", "change", "before +/−", "after +/−", title="Stances")
        for s in c["stances"]:
            b, a = s["before"], s["after"]
            table.add_row(
                escape(s["name"]), escape(s["concept"]), s["change"],
                f"{b['agree']}/{b['disagree']}", f"{a['agree']}/{a['disagree']}",
            )  # fmt: skip
        out_console.print(table)
    claims = c.get("claims") or {}
    if claims.get("changed"):
        table = Table("measure", "from", "to", "values", title="Claims that changed over time")
        for m in claims["changed"]:
            table.add_row(
                escape(_measure(m)),
                f"{m['from']['as_of']}: {m['from']['value']:g}",
                f"{m['to']['as_of']}: {m['to']['value']:g}",
                str(len(m["series"])),
            )  # fmt: skip
        out_console.print(table)
    if claims.get("disputed"):
        table = Table("measure", "as of", "values (source)", title="Claims that sources dispute")
        for m in claims["disputed"]:
            values = "; ".join(f"{v['value']:g} ({v['source'] or v['document']['outlet'] or '?'})" for v in m["values"])
            table.add_row(escape(_measure(m)), m["as_of"], escape(values))
        out_console.print(table)


def _measure(m: dict[str, Any]) -> str:
    subject = ", ".join(m["subject"])
    return f"{m['about']} ({m['unit']}{'; ' + subject if subject else ''})"
