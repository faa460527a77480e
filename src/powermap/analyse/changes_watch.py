"""Watches: a YAML file names dyads, actors, concepts or measures with thresholds; evaluating it
against the store gives alerts, each with its evidence.

The file (every key but ``watches`` optional)::

    title: Russia and its neighbours      # the feed's title
    window: month                          # day, week, month, quarter, year, or a number of days
    at: 2019-03-31                         # the day "now" is; default today (or --at)
    base_url: http://127.0.0.1:8765        # where evidence links point (powermap serve)
    alerts: russia.alerts.jsonl            # default <file>.alerts.jsonl, beside the file
    feed: russia.atom                      # default <file>.atom
    watches:
      - name: Russia and Armenia drift apart
        dyad: [RUS, ARM]                   # actor id, CAMEO code or name, as `powermap dyad`
        shift_below: -0.3                  # balance moved toward conflict by 0.3 or more
        # shift_above, balance_below, balance_above; significant: false to skip the test
      - actor: ARM
        camp_change: true                  # changed camp in the event network
        coalition_change: true             # or coalition in the discourse network
        stance_change: true                # any of its stances appeared, vanished or reversed
      - concept: NATO membership
        stance_change: [appeared, reversed]
      - measure: trade with China          # part of a claim's `about`, case-insensitive
        change_above: 0.02                 # relative change of the value
        disputed: true                     # sources give different values at one time

The current window holds the ``at`` day (the calendar period of ``window``, or the last N
days up to it); it is compared with the window before (``changes.compare``). A watched
dyad is tested on its own (p <= 0.05, no correction for the many dyads nobody asked about).
Alerts have stable ids (watch, kind, subject, window), so evaluating again after every
ingest adds only alerts that are new.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from powermap.analyse import periods
from powermap.analyse.actors import ActorNotFound, load_actors, resolve
from powermap.analyse.changes import ChangeOptions, compare, dyad_entry
from powermap.analyse.changes_dyads import DEFAULT_ALPHA, dyad_shifts
from powermap.analyse.changes_memo import window_events

KINDS = ("dyad", "actor", "concept", "measure")
THRESHOLDS = ("shift_below", "shift_above", "balance_below", "balance_above")
STANCE_CHANGES = ("appeared", "vanished", "reversed")


class WatchError(ValueError):
    """A watch file that cannot be read or says something powermap cannot watch."""


@dataclass
class WatchFile:
    path: Path
    title: str
    window: str | int
    at: date | None
    base_url: str
    alerts: Path
    feed: Path
    watches: list[dict[str, Any]] = field(default_factory=list)


def read_watch_file(path: Path) -> WatchFile:
    """The watch file at ``path``, checked (``WatchError`` names the first problem)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise WatchError(f"cannot read watch file {path}: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("watches"), list) or not data["watches"]:
        raise WatchError(f"{path}: needs a non-empty list `watches`")
    window = data.get("window", "month")
    if not (isinstance(window, int) and window > 0) and window not in periods.GRANULARITIES:
        raise WatchError(f"{path}: window must be one of {', '.join(periods.GRANULARITIES)} or a number of days")
    at = data.get("at")
    if at is not None:
        at = at if isinstance(at, date) else periods.bound(str(at), end=True)
        if at is None:
            raise WatchError(f"{path}: at must be a date (YYYY-MM-DD)")
    watches = [_check(path, i, w) for i, w in enumerate(data["watches"], 1)]
    base = path.with_suffix("")
    return WatchFile(
        path,
        str(data.get("title") or f"powermap watch {path.stem}"),
        window,
        at,
        str(data.get("base_url") or "http://127.0.0.1:8765"),
        path.parent / str(data.get("alerts") or f"{base.name}.alerts.jsonl"),
        path.parent / str(data.get("feed") or f"{base.name}.atom"),
        watches,
    )


def _check(path: Path, number: int, watch: Any) -> dict[str, Any]:
    where = f"{path}: watch {number}"
    if not isinstance(watch, dict):
        raise WatchError(f"{where} is not a mapping")
    kinds = [k for k in KINDS if k in watch]
    if len(kinds) != 1:
        raise WatchError(f"{where} must name exactly one of {', '.join(KINDS)}")
    kind = kinds[0]
    out = dict(watch, kind=kind, name=str(watch.get("name") or f"{kind} {watch[kind]}"))
    if kind == "dyad":
        if not (isinstance(watch["dyad"], list) and len(watch["dyad"]) == 2):
            raise WatchError(f"{where}: dyad must be a list of two actors")
        if not any(t in watch for t in THRESHOLDS):
            raise WatchError(f"{where}: a dyad needs one of {', '.join(THRESHOLDS)}")
        for t in THRESHOLDS:
            if t in watch and not isinstance(watch[t], (int, float)):
                raise WatchError(f"{where}: {t} must be a number")
    elif kind == "measure":
        if not ("change_above" in watch or watch.get("disputed")):
            raise WatchError(f"{where}: a measure needs change_above or disputed: true")
    else:
        flags = ("camp_change", "coalition_change", "stance_change") if kind == "actor" else ("stance_change",)
        if not any(watch.get(f) for f in flags):
            raise WatchError(f"{where}: a {kind} needs one of {', '.join(flags)}")
        changes = watch.get("stance_change")
        if isinstance(changes, list) and not set(changes) <= set(STANCE_CHANGES):
            raise WatchError(f"{where}: stance_change lists some of {', '.join(STANCE_CHANGES)}")
    return out


def current_windows(window: str | int, at: date) -> tuple[periods.Window, periods.Window]:
    """(before, after): the window holding ``at`` and the one before it."""
    if isinstance(window, int):
        after = periods.sliding(at, at, window, window)[-1]
        return periods.previous(after), after
    after = periods.span(periods.bucket(at, window))  # type: ignore[arg-type]
    return periods.previous(after, window), after  # type: ignore[arg-type]


def evaluate(conn: sqlite3.Connection, spec: WatchFile, at: date | None = None) -> list[dict[str, Any]]:
    """Every alert the watches raise now (old and new alike; ``changes_feed`` keeps the new)."""
    day = at or spec.at or date.today()
    before, after = current_windows(spec.window, day)
    opts = ChangeOptions(show_all=True, limit=10_000, evidence=3)
    events = window_events(conn, opts.flt, [before, after])
    names = {a.id: a.name for a in load_actors(conn).values()}
    context = {"before": before.label, "after": after.label, "at": day.isoformat()}
    needs = {"dyad": (), "actor": ("camps", "coalitions", "stances"), "concept": ("stances",), "measure": ("claims",)}
    parts = tuple(sorted({p for w in spec.watches for p in needs[w["kind"]]}))
    found = compare(conn, before, after, replace(opts, parts=parts), events) if parts else {}
    alerts: list[dict[str, Any]] = []
    for watch in spec.watches:
        if watch["kind"] == "dyad":
            alerts += _dyad_alerts(conn, watch, events, before, after, names, context)
        elif watch["kind"] == "measure":
            alerts += _measure_alerts(watch, found.get("claims", {}), context)
        else:
            alerts += _actor_alerts(conn, watch, found, context)
    return alerts


def _ids(conn: sqlite3.Connection, query: Any) -> set[str]:
    try:
        return set(resolve(conn, str(query)))
    except ActorNotFound:
        return set()  # not in the store yet: nothing to alert on


def _dyad_alerts(conn, watch, events, before, after, names, context) -> list[dict[str, Any]]:
    side_a, side_b = (_ids(conn, q) for q in watch["dyad"])
    if not side_a or not side_b:
        return []
    shifts, _ = dyad_shifts(events, before, after, alpha=DEFAULT_ALPHA)
    out = []
    for s in shifts:
        if not ((s.a in side_a and s.b in side_b) or (s.a in side_b and s.b in side_a)):
            continue
        if watch.get("significant", True) and s.p > DEFAULT_ALPHA:
            continue
        crossed = [
            t
            for t, value in (("shift_below", s.shift), ("shift_above", s.shift),
                             ("balance_below", s.after.balance), ("balance_above", s.after.balance))
            if t in watch and (value < watch[t] if t.endswith("below") else value > watch[t])
        ]  # fmt: skip
        if not crossed:
            continue
        entry = dyad_entry(conn, s, names, 3)
        title = (
            f"{entry['a_name']} – {entry['b_name']}: {entry['direction']} ({context['before']} → {context['after']})"
        )
        summary = (
            f"balance {s.before.balance:+.2f} → {s.after.balance:+.2f} (shift {s.shift:+.2f}, z {s.z:+.1f}, "
            f"p {s.p:.4f}; {s.before.documents} → {s.after.documents} reports); crossed {', '.join(crossed)}"
        )
        ev = entry["evidence"]
        out.append(
            _alert(watch, "dyad_shift", f"{s.a}|{s.b}", title, summary, context, ev["after"] + ev["quotes"], entry)
        )
    return out


def _actor_alerts(conn, watch, found, context) -> list[dict[str, Any]]:
    kind = watch["kind"]
    ids = _ids(conn, watch["actor"]) if kind == "actor" else set()
    out = []
    if kind == "actor":
        for part, flag in (("camps", "camp_change"), ("coalitions", "coalition_change")):
            if not watch.get(flag):
                continue
            for m in found.get(part, []):
                if m["actor"] in ids:
                    title = f"{m['name']} changed {part[:-1]} ({context['before']} → {context['after']})"
                    summary = f"was with {m['before']['label']}, now with {m['after']['label']}"
                    out.append(_alert(watch, flag, m["actor"], title, summary, context, m.get("evidence", []), m))
    wanted = watch.get("stance_change")
    kinds = set(wanted) if isinstance(wanted, list) else set(STANCE_CHANGES) if wanted else set()
    concept = str(watch.get("concept", "")).casefold()
    for s in found.get("stances", []):
        if s["change"] not in kinds:
            continue
        if (kind == "actor" and s["actor"] not in ids) or (kind == "concept" and s["concept"].casefold() != concept):
            continue
        title = f"{s['name']} on {s['concept']}: stance {s['change']} ({context['before']} → {context['after']})"
        b, a = s["before"], s["after"]
        summary = f"agree/disagree {b['agree']}/{b['disagree']} → {a['agree']}/{a['disagree']}"
        out.append(_alert(watch, f"stance_{s['change']}", f"{s['actor']}|{s['concept']}", title, summary, context,
                          s["evidence"], s))  # fmt: skip
    return out


def _measure_alerts(watch, claims, context) -> list[dict[str, Any]]:
    needle = str(watch["measure"]).casefold()
    out = []
    if "change_above" in watch:
        for c in claims.get("changed", []):
            if needle in c["about"].casefold() and abs(c["relative"]) > float(watch["change_above"]):
                title = f"{c['about']}: {c['from']['value']:g} → {c['to']['value']:g} {c['unit']}"
                summary = f"as of {c['from']['as_of']} → {c['to']['as_of']}, relative change {c['relative']:+.1%}"
                out.append(_alert(watch, "claim_change", _measure_key(c), title, summary, context, c["series"], c))
    if watch.get("disputed"):
        for c in claims.get("disputed", []):
            if needle in c["about"].casefold():
                values = "; ".join(
                    f"{v['value']:g} ({v['source'] or v['document']['outlet'] or '?'})" for v in c["values"]
                )
                title = f"{c['about']} as of {c['as_of']}: sources disagree"
                out.append(_alert(watch, "claim_dispute", _measure_key(c) + c["as_of"], title, values, context,
                                  c["values"], c))  # fmt: skip
    return out


def _measure_key(c: dict[str, Any]) -> str:
    return f"{c['about'].casefold()}|{c['unit']}|{','.join(c['subject'])}|"


def _alert(watch, kind, subject, title, summary, context, evidence, data) -> dict[str, Any]:
    key = "|".join((watch["name"], kind, subject, context["after"]))
    return {
        "id": "urn:powermap:alert:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24],
        "watch": watch["name"],
        "kind": kind,
        "title": title,
        "summary": summary,
        "window": {"before": context["before"], "after": context["after"]},
        "at": context["at"],
        "evidence": [
            {
                "text": e["text"],
                "doc_id": e["document"]["doc_id"],
                "title": e["document"]["title"],
                "published": e["document"]["published"],
                "outlet": e["document"]["outlet"],
                "url": e["document"]["url"],
            }
            for e in evidence[:5]
        ],
        "data": data,
    }


def run(conn: sqlite3.Connection, spec: WatchFile, at: date | None = None) -> list[dict[str, Any]]:
    """Evaluate the watches, append the new alerts to the JSON Lines file, rebuild the Atom feed;
    returns the new alerts."""
    from powermap.analyse import changes_feed

    fresh = changes_feed.record(evaluate(conn, spec, at), spec.alerts)
    everything = changes_feed.read_alerts(spec.alerts)
    feed = changes_feed.atom_feed(everything, spec.title, changes_feed.feed_id(spec.path), spec.base_url)
    changes_feed.write_feed(spec.feed, feed)
    return fresh
