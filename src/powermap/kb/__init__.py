"""The actor knowledge base: states, organisations, places and persons with aliases and dated roles.

The base is data (``kb/data/*.tsv``, built by ``python -m powermap.kb.build`` from the shared
sources and ``kb/curated/``; format in ``docs/actors.md``). ``load_kb()`` reads it once::

    kb = load_kb()
    kb.actors["russia"].code                                # 'RUS'
    kb.holder("RUS", "president", date(2023, 1, 15))        # 'vladimir_putin'
    kb.by_key("Poutine")                                    # {'vladimir_putin'} (surname key)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from powermap.kb.names import name_keys

DATA = Path(__file__).parent / "data"

#: Alias kinds: name (full name), abbr (case-sensitive abbreviation), adj (state adjective or
#: demonym), capital (a capital city, government or place sense), metonym (a government building),
#: surname (a person's surname alone).
ALIAS_KINDS = ("name", "abbr", "adj", "capital", "metonym", "surname")


@dataclass(frozen=True)
class KBActor:
    """An actor of the base."""

    id: str
    name: str
    type: str
    country: str | None
    code: str | None
    wikidata: str | None
    parent: str | None  # for a capital: the state it stands for
    source: str


@dataclass(frozen=True)
class KBRole:
    """An office or dated CAMEO code held by an actor."""

    id: str
    of: str
    role: str
    label: str
    start: date | None
    end: date | None
    code: str
    source: str

    def covers(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


#: roles whose holders are named by surname alone for years after they leave office
LEADER_ROLES = frozenset({"president", "prime_minister", "chancellor", "monarch"})
LEADER_YEARS = 8


@dataclass
class KnowledgeBase:
    """The loaded base with its lookup indexes."""

    actors: dict[str, KBActor]
    aliases: list[tuple[str, str, str]]  # (alias, actor id, kind)
    roles: dict[str, list[KBRole]]
    _holders: dict[tuple[str, str], list[KBRole]] = field(default_factory=dict)
    _keys: dict[str, set[str]] = field(default_factory=dict)
    _surname_keys: dict[str, set[str]] = field(default_factory=dict)
    first_names: set[str] = field(default_factory=set)
    demonyms: dict[str, str] = field(default_factory=dict)  # state id -> English adjective

    def __post_init__(self) -> None:
        holders: dict[tuple[str, str], list[KBRole]] = defaultdict(list)
        for rs in self.roles.values():
            for r in rs:
                if r.role:
                    holders[(r.of, r.role)].append(r)
        self._holders = dict(holders)
        keys: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        for alias, aid, kind in self.aliases:
            a = self.actors[aid]
            if a.type != "person":
                continue
            parts = alias.split()
            if kind == "surname" or len(parts) == 1:
                for k in name_keys(alias):
                    surnames[k].add(aid)
                continue
            for k in name_keys(alias):
                keys[k].add(aid)
            for k in name_keys(parts[-1]):
                surnames[k].add(aid)
            if parts[0][:1].isupper() and len(parts[0]) > 2 and not parts[0].endswith("."):
                self.first_names.add(parts[0])
        self._keys = dict(keys)
        self._surname_keys = dict(surnames)

    def by_key(self, name: str) -> set[str]:
        """Person ids whose full name (several words) or surname (one word) shares a key with ``name``."""
        index = self._keys if len(name.split()) > 1 else self._surname_keys
        out: set[str] = set()
        for k in name_keys(name):
            out |= index.get(k, set())
        return out

    def holder(self, of: str, role: str, when: date | None) -> str | None:
        """The id of the actor holding ``role`` of ``of`` (iso3 or organisation id) at ``when``."""
        for r in sorted(self._holders.get((of, role), []), key=lambda r: r.start or date.min, reverse=True):
            if r.covers(when):
                return r.id
        return None

    def role_label(self, actor_id: str, when: date | None) -> str | None:
        """The English label of the office ``actor_id`` held at ``when`` (named roles only)."""
        for r in self.roles.get(actor_id, []):
            if r.role and r.label and r.covers(when):
                return r.label
        return None

    def current(self, actor_id: str, when: date | None) -> bool:
        """Whether ``actor_id`` holds a named, exactly dated office at ``when``."""
        return any(r.role and r.source != "phoenix" and r.covers(when) for r in self.roles.get(actor_id, []))

    def recent_leader(self, actor_id: str, when: date | None, years: int = LEADER_YEARS) -> bool:
        """Whether ``actor_id`` led a state (``LEADER_ROLES``) at ``when`` or in the ``years``
        before it: *Trump* alone in 2024 is still Donald Trump."""
        if when is None:
            return False
        since = date(max(when.year - years, 1), when.month, min(when.day, 28))
        return any(
            r.role in LEADER_ROLES
            and r.source != "phoenix"
            and (r.start is None or r.start <= when)
            and (r.end is None or r.end > since)
            for r in self.roles.get(actor_id, [])
        )


def name_at(actor: KBActor, when: date | None) -> str:
    """The name ``actor`` went by at ``when``: a former name (``curated/former_names.tsv``) for a
    date before its renaming (*Twitter* in 2019), else its name."""
    if when is not None:
        for name, until in sorted(_former_names().get(actor.id, []), key=lambda f: f[1]):
            if when < until:
                return name
    return actor.name


@cache
def _former_names() -> dict[str, list[tuple[str, date]]]:
    out: dict[str, list[tuple[str, date]]] = defaultdict(list)
    for id_, name, until in _rows(Path(__file__).parent / "curated" / "former_names.tsv"):
        out[id_].append((name, date.fromisoformat(until)))
    return dict(out)


@cache
def acting_regions() -> frozenset[str]:
    """Place ids of regions whose name stands for their states acting together
    (``curated/acting_regions.tsv``: *Europe rejects the plan*)."""
    return frozenset(r[0] for r in _rows(Path(__file__).parent / "curated" / "acting_regions.tsv"))


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _rows(path: Path) -> list[list[str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@cache
def load_kb(path: Path = DATA) -> KnowledgeBase:
    """Load the base from ``path`` (the packaged ``kb/data`` by default); cached per path."""
    actors = {}
    for r in _rows(path / "actors.tsv"):
        id_, name, typ, country, code, wd, parent, source = (r + [""] * 8)[:8]
        actors[id_] = KBActor(id_, name, typ, country or None, code or None, wd or None, parent or None, source)
    aliases = [(r[1], r[0], r[2]) for r in _rows(path / "aliases.tsv") if r[0] in actors]
    roles: dict[str, list[KBRole]] = defaultdict(list)
    for r in _rows(path / "roles.tsv"):
        id_, of, role, label, start, end, code, source = (r + [""] * 8)[:8]
        roles[id_].append(KBRole(id_, of, role, label, _date(start), _date(end), code, source))
    demonyms = {r[0]: r[1] for r in _rows(path / "demonyms.tsv")} if (path / "demonyms.tsv").exists() else {}
    return KnowledgeBase(actors, aliases, dict(roles), demonyms=demonyms)


__all__ = ["ALIAS_KINDS", "KBActor", "KBRole", "KnowledgeBase", "load_kb", "name_at"]
