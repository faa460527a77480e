"""Registries with versioned names, in the manner of spaCy's ``registry``.

A stage or back end registers itself beside its own code::

    @stages.register("quotes.v1")
    class QuoteStage: ...

and configuration names it by that string, so behaviour can change under a new name
(``quotes.v2``) without breaking configurations that ask for the old one.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class RegistryError(LookupError):
    """A name that no registered entry answers to."""


class Registry(Generic[T]):
    """Named, versioned factories of one kind.

    Args:
        kind (str): what the registry holds, used in messages and as the entry-point group
            suffix (third-party packages register under ``powermap.<kind>``).
        builtin_modules (tuple[str, ...]): modules imported on first lookup so that their
            decorators run.
    """

    def __init__(self, kind: str, builtin_modules: tuple[str, ...] = ()) -> None:
        self.kind = kind
        self.builtin_modules = builtin_modules
        self._entries: dict[str, T] = {}
        self._loaded = False

    def register(self, name: str) -> Callable[[T], T]:
        if "." not in name or not name.rsplit(".", 1)[1].startswith("v"):
            raise ValueError(f"{self.kind} name {name!r} must end in a version, e.g. {name}.v1")

        def decorate(obj: T) -> T:
            if name in self._entries and self._entries[name] is not obj:
                raise ValueError(f"{self.kind} {name!r} is registered twice")
            self._entries[name] = obj
            return obj

        return decorate

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for module in self.builtin_modules:
            import_module(module)
        for ep in entry_points(group=f"powermap.{self.kind}"):
            ep.load()

    def get(self, name: str) -> T:
        self._load()
        try:
            return self._entries[name]
        except KeyError:
            known = ", ".join(sorted(self._entries)) or "none"
            raise RegistryError(f"no {self.kind} named {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        self._load()
        return sorted(self._entries)

    def latest(self) -> dict[str, str]:
        """The newest version of every family: ``{"quotes": "quotes.v2", ...}``."""
        best: dict[str, tuple[int, str]] = {}
        for name in self.names():
            family, version = name.rsplit(".", 1)
            number = int(version[1:]) if version[1:].isdigit() else 0
            if family not in best or number > best[family][0]:
                best[family] = (number, name)
        return {family: name for family, (_, name) in best.items()}

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._entries

    def items(self) -> list[tuple[str, Any]]:
        self._load()
        return sorted(self._entries.items())
