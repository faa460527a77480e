"""Alerts out: appended to a JSON Lines file (one alert a line, never rewritten) and published as an
Atom feed (RFC 4287) that a feed reader or a newsroom tool can follow.

Each alert keeps its stable id (``changes_watch``): one already in the JSON Lines file is
not written again. The feed is rebuilt from the JSON Lines file after each evaluation,
newest first (at most ``FEED_ENTRIES``); every entry links to its first piece of evidence
(``rel="alternate"``) and to the others (``rel="related"``), as documents of the web UI
(``{base_url}/documents/{doc_id}``), and carries the evidence sentences in its content.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 200


def read_alerts(path: Path) -> list[dict[str, Any]]:
    """The alerts in a JSON Lines file (none if it does not exist; unreadable lines are skipped)."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(item, dict) and "id" in item:
            out.append(item)
    return out


def record(alerts: list[dict[str, Any]], jsonl: Path, now: datetime | None = None) -> list[dict[str, Any]]:
    """Append the alerts not yet in ``jsonl`` (stamped ``created``); returns the new ones."""
    seen = {a["id"] for a in read_alerts(jsonl)}
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    fresh = []
    for alert in alerts:
        if alert["id"] in seen:
            continue
        seen.add(alert["id"])
        fresh.append({**alert, "created": stamp})
    if fresh:
        jsonl.parent.mkdir(parents=True, exist_ok=True)
        with jsonl.open("a", encoding="utf-8") as out:
            for alert in fresh:
                out.write(json.dumps(alert, ensure_ascii=False, default=str) + "\n")
    return fresh


def atom_feed(
    alerts: list[dict[str, Any]], title: str, feed_id: str, base_url: str, now: datetime | None = None
) -> str:
    """The Atom document for ``alerts`` (newest first)."""
    ET.register_namespace("", ATOM)
    newest = sorted(alerts, key=lambda a: (a.get("created", ""), a["id"]), reverse=True)[:FEED_ENTRIES]
    updated = newest[0]["created"] if newest else (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", feed_id)
    _text(feed, "title", title)
    _text(feed, "updated", updated)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "powermap")
    _text(feed, "generator", "powermap watch")
    for alert in newest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", alert["id"])
        _text(entry, "title", alert["title"])
        _text(entry, "updated", alert["created"])
        ET.SubElement(entry, f"{{{ATOM}}}category", term=alert["kind"], label=alert["watch"])
        links = [f"{base_url.rstrip('/')}/documents/{e['doc_id']}" for e in alert.get("evidence", [])]
        for i, href in enumerate(dict.fromkeys(links)):
            ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate" if i == 0 else "related", href=href)
        _text(entry, "summary", alert["summary"])
        lines = [alert["summary"], ""] + [
            f"“{e['text']}” ({', '.join(x for x in (e.get('title'), e.get('outlet'), e.get('published')) if x)})"
            for e in alert.get("evidence", [])
        ]
        _text(entry, "content", "\n".join(lines)).set("type", "text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = _xml_safe(value)
    return element


def _xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters from odd inputs)."""
    return "".join(c for c in str(text) if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff"))


def feed_id(watch_path: Path) -> str:
    """A stable feed id for a watch file (its resolved path, hashed)."""
    return "urn:powermap:watch:" + hashlib.sha256(str(watch_path.resolve()).encode("utf-8")).hexdigest()[:24]


def write_feed(path: Path, text: str) -> None:
    """Replace the feed file atomically, so a reader never sees half a feed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
