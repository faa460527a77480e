"""What annotators are installed here and what each provides (for ``powermap annotators``)."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from typing import Any

from powermap.annotate.registry import DEFAULT_CHAIN, annotators

#: Back ends that take seconds to start: described without starting them.
STATIC_INFO: dict[str, dict[str, Any]] = {
    "frog.v1": {
        "languages": ["nl"],
        "provides": ["sents", "tag", "pos", "morph", "lemma", "dep", "ents"],
        "description": "Frog (Debian frog/frogdata) in server mode; CGN tags mapped to UD",
        "installed": lambda: shutil.which("frog") is not None,
    },
}


def describe(name: str, language: str) -> dict[str, Any] | None:
    """One annotator for one language: installed or not, and what it provides (None: not for it)."""
    entry: dict[str, Any] = {"name": name, "language": language, "default": _default_rank(name, language)}
    if name in STATIC_INFO:
        static = STATIC_INFO[name]
        installed = static["installed"]()
        entry.update({k: v for k, v in static.items() if k != "installed"}, installed=installed)
        return entry if language in static["languages"] else None
    try:
        annotator = annotators.get(name)(language)
    except LookupError:  # does not serve this language
        return None
    except (OSError, RuntimeError, ValueError) as err:
        entry.update(installed=False, error=str(err))
        return entry
    info = asdict(annotator.info)
    annotator.close()
    entry.update(installed=True, **{k: v for k, v in info.items() if k != "name"})
    return entry


def _default_rank(name: str, language: str) -> int | None:
    chain = DEFAULT_CHAIN.get(language, ())
    return chain.index(name) + 1 if name in chain else None


def inventory(languages: tuple[str, ...] = ("nl", "en")) -> list[dict[str, Any]]:
    """Every registered annotator for each language."""
    rows = [describe(name, lang) for lang in languages for name in annotators.names()]
    return [row for row in rows if row is not None]
