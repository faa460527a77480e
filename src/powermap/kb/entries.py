"""The records the knowledge-base build assembles: actors with their aliases, and their roles."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entry:
    """One actor while the base is being assembled."""

    id: str
    name: str
    type: str
    country: str = ""
    wikidata: str = ""
    code: str = ""
    parent: str = ""
    source: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> kind

    def add(self, alias: str, kind: str = "name") -> None:
        alias = " ".join(alias.split()).strip(" ,;")
        if len(alias) >= 2 and alias not in self.aliases:
            self.aliases[alias] = kind


@dataclass
class Role:
    """A dated office or code of an actor (``roles.tsv``)."""

    id: str
    of: str
    role: str
    label: str
    start: str
    end: str
    code: str
    source: str
