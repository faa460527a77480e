"""Corrections applied to an extraction record: one pure function every stored record goes through.

A correction names a fact by stable keys (its document's content hash, its kind, its character
span) rather than by row id, so it finds the fact again in the record of any pipeline version.
``apply_corrections`` returns the record as corrected; the store writes that record's rows (and
keeps the pipeline's own record beside it), so every analysis, page and export reads corrected
facts without knowing corrections exist.

Actions: ``wrong`` (drop the fact), ``right`` (confirm it; put it back if a new pipeline lost it),
``speaker`` (a quote's speaker), ``event`` (an event's source, target or CAMEO code),
``polarity`` (a stance's ``agree``), and on actors ``merge`` (corpus-wide), ``alias`` (every actor
of that name, in every document, is this actor) and ``split`` (in one document, some or all
mentions of an actor belong to another).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from powermap.store.queries import fold

FACT_KINDS = ("mention", "quote", "claim", "event", "stance")
FACT_LISTS = {"quote": "quotes", "claim": "claims", "event": "events", "stance": "stances"}
ACTIONS = ("wrong", "right", "speaker", "event", "polarity", "merge", "split", "alias")
#: the fields a fact correction may change, by action
CHANGES = {
    "speaker": ("speaker",),
    "event": ("source", "target", "cameo", "plover", "goldstein"),
    "polarity": ("agree",),
}
#: fields that tell apart facts sharing one span, by kind
DISCRIMINATORS = {
    "mention": ("actor",),
    "quote": ("speaker", "kind"),
    "claim": ("value", "unit"),
    "event": ("cameo", "source", "target"),
    "stance": ("actor", "concept"),
}
#: a fact whose span moved (a new pipeline cut it differently) is still found at this character overlap
MIN_OVERLAP = 0.5
ACTOR_FIELDS = ("id", "name", "type", "wikidata", "country", "role", "code")

ActorLookup = Callable[[str], dict[str, Any] | None]


@dataclass(frozen=True)
class Correction:
    """One stored correction (a row of the ``corrections`` table, JSON decoded)."""

    id: int
    action: str
    kind: str
    content_hash: str | None = None
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    actor: str | None = None
    before: Any = None
    after: Any = None
    author: str = ""
    created_at: str = ""
    note: str | None = None
    undone_at: str | None = None
    undone_by: str | None = None

    @classmethod
    def from_row(cls, row: Any) -> Correction:
        data = dict(row)
        for key in ("before", "after"):
            data[key] = json.loads(data[key]) if data.get(key) else None
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def apply_corrections(
    record: dict[str, Any], corrections: Iterable[Correction], lookup: ActorLookup
) -> tuple[dict[str, Any], list[int]]:
    """``record`` (a record dict) with ``corrections`` applied in the order given, and the ids of
    those that found nothing to correct in it. ``lookup(actor_id)`` gives a stored actor's fields
    (an actor a correction names but the record lacks is added to the record's actors)."""
    out = copy.deepcopy(record)
    missed = []
    for correction in corrections:
        if correction.undone_at:
            continue
        if correction.kind == "actor":
            found = _apply_actor(out, correction, lookup)
        else:
            found = _apply_fact(out, correction, lookup)
        if not found:
            missed.append(correction.id)
    return out, missed


# -- facts -------------------------------------------------------------------------------------


def fact_items(record: dict[str, Any], kind: str) -> list[tuple[list, dict[str, Any]]]:
    """(the list holding it, the fact) for every fact of ``kind``; a mention carries its ``actor``."""
    if kind == "mention":
        out = []
        for actor in record.get("actors") or []:
            for mention in actor.get("mentions") or []:
                out.append((actor["mentions"], {**mention, "actor": actor["id"], "_item": mention}))
        return out
    items = record.get(FACT_LISTS[kind]) or []
    return [(items, item) for item in items]


def find_fact(record: dict[str, Any], kind: str, start: int, end: int, like: dict | None = None) -> dict | None:
    """The fact of ``kind`` at ``start``-``end`` (several there: the one agreeing with ``like`` on
    the fields that tell them apart); else the fact of that kind overlapping the span most, when it
    covers ``MIN_OVERLAP`` of the two spans together. Mentions are returned with their ``actor``."""
    found = _locate(record, kind, start, end, like)
    return None if found is None else _plain(found[1])


def _locate(record: dict, kind: str, start: int, end: int, like: dict | None) -> tuple[list, dict] | None:
    items = fact_items(record, kind)
    exact = [pair for pair in items if pair[1]["start"] == start and pair[1]["end"] == end]
    if like and len(exact) != 1:
        keys = DISCRIMINATORS[kind]
        agreeing = [pair for pair in exact if all(same_value(pair[1].get(k), like[k]) for k in keys if k in like)]
        exact = agreeing or exact
    if exact:
        return exact[0]
    best, best_score = None, 0.0
    for pair in items:
        overlap = min(end, pair[1]["end"]) - max(start, pair[1]["start"])
        union = max(end, pair[1]["end"]) - min(start, pair[1]["start"])
        score = overlap / union if union > 0 else 0.0
        if score > best_score:
            best, best_score = pair, score
    return best if best_score >= MIN_OVERLAP else None


def same_value(value: Any, wanted: Any) -> bool:
    """Whether a fact's field has the value a person gave (``"12"`` is 12.0; ``"none"`` is null)."""
    if value == wanted or str(value) == str(wanted) or (value is None and str(wanted).lower() in ("none", "")):
        return True
    try:
        return float(value) == float(wanted)
    except (TypeError, ValueError):
        return False


def _plain(fact: dict) -> dict:
    return {k: v for k, v in fact.items() if k != "_item"}


def _apply_fact(record: dict, correction: Correction, lookup: ActorLookup) -> bool:
    kind, before, after = correction.kind, correction.before or {}, correction.after
    found = _locate(record, kind, correction.start or 0, correction.end or 0, before)
    if found is None:
        if correction.action == "wrong" or not isinstance(after, dict):
            return False
        _add_fact(record, kind, after, lookup)  # the person said it is there: it stays, whatever the pipeline says
        return True
    holder, fact = found
    item = fact.get("_item", fact)
    if correction.action == "wrong":
        holder.remove(item)
        return True
    if correction.action in CHANGES and isinstance(after, dict):
        for key in CHANGES[correction.action]:
            if key in after and after.get(key) != before.get(key):
                item[key] = after[key]
                if key in ("speaker", "source", "target") and after[key]:
                    _ensure_actor(record, after[key], lookup)
    return True


def _add_fact(record: dict, kind: str, fact: dict, lookup: ActorLookup) -> None:
    fact = copy.deepcopy(fact)
    if kind == "mention":
        actor = _ensure_actor(record, fact.pop("actor"), lookup)
        if actor is not None:
            actor["mentions"].append({k: fact[k] for k in ("text", "start", "end")})
            actor["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        return
    for key in ("speaker", "source", "target", "actor"):
        if fact.get(key) and _ensure_actor(record, fact[key], lookup) is None:
            return  # an actor no longer stored: the fact cannot be put back consistently
    items = record.setdefault(FACT_LISTS[kind], [])
    items.append(fact)
    items.sort(key=lambda f: (f["start"], f["end"]))


# -- actors ------------------------------------------------------------------------------------


def _apply_actor(record: dict, correction: Correction, lookup: ActorLookup) -> bool:
    after = correction.after or {}
    if correction.action == "merge":
        return merge_actor(record, correction.actor or "", after.get("into", ""), lookup)
    if correction.action == "alias":
        alias, target = fold(after.get("alias")), correction.actor or ""
        named = [a["id"] for a in record.get("actors") or [] if fold(a.get("name")) == alias and a["id"] != target]
        for old in named:
            merge_actor(record, old, target, lookup)
        return True  # an alias holds whether or not this document names anyone by it
    if correction.action == "split":
        return _split(record, correction, lookup)
    return False


def merge_actor(record: dict, old: str, new: str, lookup: ActorLookup) -> bool:
    """Every reference to actor ``old`` in ``record`` becomes ``new``; its mentions join ``new``'s."""
    if not old or not new or old == new:
        return False
    actors = record.get("actors") or []
    source = next((a for a in actors if a["id"] == old), None)
    referenced = _replace_references(record, old, new)
    if source is None and not referenced:
        return False
    target = _ensure_actor(record, new, lookup, fallback=source)
    if source is not None and target is not None:
        _move_mentions(source, target, source.get("mentions") or [])
        actors.remove(source)
    return True


def _split(record: dict, correction: Correction, lookup: ActorLookup) -> bool:
    after = correction.after or {}
    old = correction.actor or ""
    new_actor = after.get("actor") or {}
    source = next((a for a in record.get("actors") or [] if a["id"] == old), None)
    if source is None or not new_actor.get("id"):
        return False
    spans = {tuple(span) for span in after.get("mentions") or []}
    moving = [m for m in source["mentions"] if not spans or (m["start"], m["end"]) in spans]
    if not moving:
        return False
    if len(moving) == len(source["mentions"]):  # every mention moves: so does everything said of the actor here
        return merge_actor(record, old, new_actor["id"], lambda aid: lookup(aid) or _new_actor(new_actor, aid))
    target = _ensure_actor(record, new_actor["id"], lambda aid: lookup(aid) or _new_actor(new_actor, aid))
    if target is None:
        return False
    _move_mentions(source, target, moving)
    return True


def _new_actor(spec: dict, actor_id: str) -> dict | None:
    return {**{k: spec.get(k) for k in ACTOR_FIELDS}, "id": actor_id} if spec.get("name") else None


def _move_mentions(source: dict, target: dict, moving: list[dict]) -> None:
    have = {(m["start"], m["end"]) for m in target["mentions"]}
    target["mentions"].extend(m for m in moving if (m["start"], m["end"]) not in have)
    target["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    source["mentions"] = [m for m in source["mentions"] if m not in moving]


def _replace_references(record: dict, old: str, new: str) -> bool:
    changed = False

    def swap(value: Any) -> Any:
        nonlocal changed
        if value == old:
            changed = True
            return new
        return value

    for quote in record.get("quotes") or []:
        quote["speaker"] = swap(quote.get("speaker"))
    for event in record.get("events") or []:
        event["source"], event["target"] = swap(event.get("source")), swap(event.get("target"))
        event["other_targets"] = _unique([swap(t) for t in event.get("other_targets") or []])
    for stance in record.get("stances") or []:
        stance["actor"] = swap(stance.get("actor"))
    for claim in record.get("claims") or []:
        claim["subject"] = _unique([swap(s) for s in claim.get("subject") or []])
    return changed


def _unique(values: list) -> list:
    return list(dict.fromkeys(values))


def _ensure_actor(record: dict, actor_id: str, lookup: ActorLookup, fallback: dict | None = None) -> dict | None:
    """The record's entry for ``actor_id``, added (from ``lookup``, else ``fallback``) when missing."""
    actors = record.setdefault("actors", [])
    for actor in actors:
        if actor["id"] == actor_id:
            return actor
    found = lookup(actor_id)
    if found is None and fallback is not None:
        found = {**fallback, "id": actor_id}
    if found is None:
        return None
    entry = {**{k: found.get(k) for k in ACTOR_FIELDS}, "mentions": []}
    actors.append(entry)
    return entry
