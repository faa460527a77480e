"""A short readable briefing of one comparison (``changes.compare``), in Markdown or HTML.

Three sections, each item with its evidence one click away (a link to the document in the
web UI, ``{base_url}/documents/{doc_id}``, and to the article's own URL when known):

1. **Top shifts**: the dyads whose balance moved significantly; when none did, the largest
   movements are named as such (not significant), so a quiet period reads as quiet;
2. **Reported in the period, not yet a trend**: the period's notable single reports
   (``changes_reports``), labelled as such: new dyads, or dyads whose events in the period
   all lie on one side, apart from the tested shifts;
3. **New coalitions and positions**: actors that changed camp or coalition, and stances
   that appeared or reversed;
4. **Disputed numbers**: measures that sources give differently at one time, and measures
   whose value changed, with the sources side by side.

The HTML is one self-contained file (inline CSS, no scripts, nothing fetched); every text
from the store is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any

DEFAULT_BASE_URL = "http://127.0.0.1:8765"
ITEMS = 5


@dataclass
class Evidence:
    text: str
    label: str
    href: str
    original: str | None = None


@dataclass
class Item:
    headline: str
    detail: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Section:
    title: str
    items: list[Item]
    empty: str


def _evidence(items: list[dict[str, Any]], base_url: str) -> list[Evidence]:
    out = []
    for e in items:
        doc = e["document"]
        label = ", ".join(x for x in (doc.get("title") or doc["doc_id"], doc.get("outlet"), doc.get("published")) if x)
        out.append(Evidence(e["text"], label, f"{base_url.rstrip('/')}/documents/{doc['doc_id']}", doc.get("url")))
    return out


def _side_text(side: dict[str, Any], label: str) -> str:
    if not side["documents"]:
        return f"no reports in {label}"
    n = side["documents"]
    return (
        f"{side['balance']:+.2f} in {label} ({n} report{'s' * (n != 1)}: {side['cooperation_events']} cooperative, "
        f"{side['conflict_events']} conflictual events)"
    )


def _distinct(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence without repeats: an item whose text lies inside an earlier one of the same document is dropped."""
    out: list[dict[str, Any]] = []
    for e in items:
        doc = e["document"]["doc_id"]
        if not any(o["document"]["doc_id"] == doc and (e["text"] in o["text"] or o["text"] in e["text"]) for o in out):
            out.append(e)
    return out


def _shift_item(d: dict[str, Any], before: str, after: str, base_url: str) -> Item:
    verdict = "" if d["significant"] else " (not significant)"
    headline = f"{d['a_name']} and {d['b_name']}: {d['direction']}{verdict}"
    detail = (
        f"balance {_side_text(d['before'], before)} → {_side_text(d['after'], after)}; z {d['z']:+.1f}, q {d['q']:.3f}"
    )
    ev = d["evidence"]
    return Item(headline, detail, _evidence(_distinct(ev["after"] + ev["quotes"] + ev["before"]), base_url))


def sections(comparison: dict[str, Any], base_url: str = DEFAULT_BASE_URL, items: int = ITEMS) -> list[Section]:
    """The briefing's sections for one comparison."""
    before, after = comparison["before"]["label"], comparison["after"]["label"]
    dyads = comparison.get("dyads", [])
    significant = [d for d in dyads if d["significant"]]
    both = [d for d in dyads if d["before"]["documents"] and d["after"]["documents"]]
    shown = significant or sorted(both, key=lambda d: -abs(d["z"]))[:3] or sorted(dyads, key=lambda d: -abs(d["z"]))[:3]
    quiet = (
        f"No dyad's balance moved beyond what the number of reports explains "
        f"({comparison.get('dyads_tested', 0)} dyads with enough reports to test, "
        f"of {comparison.get('dyads_seen', 0)} reported)."
    )
    shifts = Section("Top shifts", [_shift_item(d, before, after, base_url) for d in shown[:items]], quiet)
    if dyads and not significant:
        shifts.empty = quiet
        shifts.items.insert(0, Item(quiet + " The largest movements:"))
    reports = Section(
        "Reported in the period, not yet a trend",
        [_report_item(r, before, base_url) for r in comparison.get("reports", [])],
        "No new or one-sided dyad was reported in the period.",
    )
    if reports.items:
        reports.items.insert(
            0,
            Item(
                "Single reports, not tested as shifts: each is what the period's articles say, "
                "too few reports to call a trend."
            ),
        )
    moves = []
    for part, where in (("camps", "camp in the event network"), ("coalitions", "coalition in the discourse network")):
        for m in comparison.get(part, [])[:items]:
            left = ", ".join(x["name"] for x in m["left"]) or "no one"
            joined = ", ".join(x["name"] for x in m["joined"]) or "no one"
            moves.append(
                Item(
                    f"{m['name']} changed {where}",
                    f"was with {m['before']['label']}, now with {m['after']['label']}; left {left}; joined {joined}",
                    _evidence(m.get("evidence", []), base_url),
                )
            )
    for s in [s for s in comparison.get("stances", []) if s["change"] in ("reversed", "appeared")][:items]:
        b, a = s["before"], s["after"]
        moves.append(
            Item(
                f"{s['name']} on {s['concept']}: stance {s['change']}",
                f"{before}: {b['agree']} agreeing, {b['disagree']} disagreeing; "
                f"{after}: {a['agree']} agreeing, {a['disagree']} disagreeing",
                _evidence(s["evidence"], base_url),
            )
        )
    claims = comparison.get("claims", {})
    numbers = []
    for c in claims.get("disputed", [])[:items]:
        values = "; ".join(
            f"{v['value']:g} ({v['source'] or v['document'].get('outlet') or 'no source'})" for v in c["values"]
        )
        numbers.append(
            Item(
                f"{_measure(c)} as of {c['as_of']}: sources disagree",
                values,
                _evidence(_distinct(c["values"]), base_url),
            )
        )
    for c in claims.get("changed", [])[:items]:
        first, last = c["from"], c["to"]
        numbers.append(
            Item(
                f"{_measure(c)}: {first['value']:g} ({first['as_of']}) → {last['value']:g} ({last['as_of']})",
                "; ".join(f"{v['as_of']}: {v['value']:g} ({v['source'] or v['document'].get('outlet') or 'no source'})"
                          for v in c["series"]),
                _evidence(_distinct(c["series"]), base_url),
            )
        )  # fmt: skip
    return [
        shifts,
        reports,
        Section(
            "New coalitions and positions", moves, "No actor changed camp or coalition; no stance appeared or reversed."
        ),
        Section("Disputed and changed numbers", numbers, "No measure changed or was disputed."),
    ]


def _report_item(r: dict[str, Any], before: str, base_url: str) -> Item:
    n, events = r["documents"], r["events"]
    was = (
        f"not reported in {before}"
        if r["new"]
        else f"{r['before_documents']} report{'s' * (r['before_documents'] != 1)} in {before}, "
        f"balance {r['before_raw_balance']:+.2f}"
    )
    headline = f"{r['a_name']} and {r['b_name']}: {'new ' if r['new'] else ''}{r['side']} (single report)"
    if n > 1:
        headline = headline.replace("(single report)", f"({n} reports)")
    detail = (
        f"{events} {'cooperative' if r['side'] == 'cooperation' else 'conflictual'} event{'s' * (events != 1)} "
        f"in {n} document{'s' * (n != 1)}, Goldstein {r['goldstein']:+.1f}; {was}"
    )
    return Item(headline, detail, _evidence(_distinct(r["evidence"]), base_url))


def _measure(c: dict[str, Any]) -> str:
    subject = ", ".join(c["subject"])
    return f"{c['about']} ({c['unit']}{', ' + subject if subject else ''})"


def _title(comparison: dict[str, Any]) -> tuple[str, str]:
    b, a = comparison["before"], comparison["after"]
    title = f"What changed: {b['label']} → {a['label']}"
    sub = (
        f"{b['events']} events in {b['documents']} documents ({b['from']} to {b['to']}) against "
        f"{a['events']} events in {a['documents']} documents ({a['from']} to {a['to']})."
    )
    return title, sub


def markdown(comparison: dict[str, Any], base_url: str = DEFAULT_BASE_URL, items: int = ITEMS) -> str:
    """The briefing as Markdown."""
    title, sub = _title(comparison)
    lines = [f"# {title}", "", sub, ""]
    for section in sections(comparison, base_url, items):
        lines += [f"## {section.title}", ""]
        if not section.items:
            lines += [section.empty, ""]
        for item in section.items:
            lines.append(f"- **{_md(item.headline)}**" + (f": {_md(item.detail)}" if item.detail else ""))
            for e in item.evidence:
                original = f" ([article]({e.original}))" if e.original else ""
                lines.append(f"  - [{_md(e.label)}]({e.href}){original}: “{_md(e.text)}”")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md(text: str) -> str:
    return " ".join(str(text).split()).replace("[", "\\[").replace("]", "\\]").replace("*", "\\*")


_CSS = (
    "body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}"
    ".muted{color:#666}li{margin:.5rem 0}details{margin:.2rem 0 .4rem}summary{cursor:pointer;color:#036}"
    "blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ccc;color:#333}"
)


def html(comparison: dict[str, Any], base_url: str = DEFAULT_BASE_URL, items: int = ITEMS) -> str:
    """The briefing as one self-contained HTML page."""
    title, sub = _title(comparison)
    body = [f"<h1>{escape(title)}</h1>", f'<p class="muted">{escape(sub)}</p>']
    for section in sections(comparison, base_url, items):
        body.append(f"<h2>{escape(section.title)}</h2>")
        if not section.items:
            body.append(f"<p>{escape(section.empty)}</p>")
            continue
        body.append("<ul>")
        for item in section.items:
            detail = f'<br><span class="muted">{escape(item.detail)}</span>' if item.detail else ""
            body.append(f"<li><strong>{escape(item.headline)}</strong>{detail}")
            if item.evidence:
                body.append(f"<details><summary>evidence ({len(item.evidence)})</summary>")
                for e in item.evidence:
                    original = f' · <a href="{escape(e.original)}">article</a>' if e.original else ""
                    body.append(
                        f'<blockquote>{escape(e.text)}<br><a href="{escape(e.href)}">{escape(e.label)}</a>{original}'
                        "</blockquote>"
                    )
                body.append("</details>")
            body.append("</li>")
        body.append("</ul>")
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )
