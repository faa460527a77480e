"""Print the licence of every package powermap installs (runtime and dev), as a Markdown table.

Walks the requirements of the installed ``powermap`` distribution (with its ``dev`` extra)
through ``importlib.metadata``, transitively, and reads each package's licence from its
metadata: ``License-Expression`` (PEP 639), else the ``License :: `` classifiers, else the
``License`` field's first line. ``python scripts/licences.py > docs/dependencies.md`` writes
the page; ``--check`` exits 1 when a runtime package is GPL (LGPL and AGPL are reported too).
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, distribution

from packaging.requirements import Requirement

ROOT_PACKAGE = "powermap"
EXTRAS = ("dev",)


def licence(name: str) -> str:
    meta = distribution(name).metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    classifiers = [c for c in classifiers if c != "OSI Approved"]
    if classifiers:
        return "; ".join(dict.fromkeys(classifiers))
    text = (meta.get("License") or "").strip().splitlines()
    return text[0][:80] if text else "unknown"


def is_gpl(text: str) -> bool:
    """GPL or AGPL (not LGPL), unless an ``OR`` alternative in the licence expression is not GPL."""
    alternatives = [a.strip(" ()") for a in re.split(r"\s+OR\s+", text)]
    return all(re.search(r"(?<!L)(A?GPL|GNU General Public|GNU Affero)", a) and "Lesser" not in a for a in alternatives)


def closure() -> dict[str, tuple[str, str]]:
    """Package name -> (how it is needed: runtime or dev, the first package that requires it).

    The direct dependencies come from the checkout's pyproject.toml (the installed metadata may be
    older), the rest from the installed packages' metadata.
    """
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
    needed: dict[str, tuple[str, str]] = {}
    direct = [(r, "runtime") for r in project["dependencies"]]
    direct += [(r, "dev") for extra in EXTRAS for r in project["optional-dependencies"][extra]]
    queue = [(Requirement(r).name, kind, ROOT_PACKAGE, tuple(Requirement(r).extras)) for r, kind in direct]
    while queue:
        name, kind, parent, extras = queue.pop(0)
        key = name.lower().replace("_", "-")
        if key in needed and (needed[key][0] == "runtime" or kind == "dev"):
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        needed[key] = (kind, parent)
        for raw in dist.requires or []:
            requirement = Requirement(raw)
            if requirement.marker is not None and not any(
                requirement.marker.evaluate({"extra": e}) for e in (*extras, "")
            ):
                continue
            in_extra = requirement.marker is not None and "extra" in str(requirement.marker)
            if in_extra and not set(extras) & {str(m) for m in _extras_of(requirement)}:
                continue
            child_kind = kind
            queue.append((requirement.name, child_kind, dist.metadata["Name"], tuple(requirement.extras)))
    return needed


def _extras_of(requirement: Requirement) -> set[str]:
    """The extras named in a requirement's marker (``extra == "x"``)."""
    return set(re.findall(r'extra == "([^"]+)"', str(requirement.marker)))


def main() -> int:
    packages = closure()
    rows = []
    for key in sorted(packages):
        kind, parent = packages[key]
        dist = distribution(key)
        text = licence(key)
        rows.append((dist.metadata["Name"], dist.version, text, kind, parent, is_gpl(text)))
    if "--check" in sys.argv:
        bad = [r for r in rows if r[5] and r[3] == "runtime"]
        for r in bad:
            print(f"GPL runtime dependency: {r[0]} {r[1]} ({r[2]})")
        return 1 if bad else 0
    print("# Dependencies and their licences\n")
    print("Every package `pip install powermap[dev]` brings in, with the licence its metadata declares")
    print("(`python scripts/licences.py > docs/dependencies.md` regenerates this page from the installed")
    print("environment). *runtime*: needed to run powermap; *dev*: tests, lint, training extras only.")
    print("GPL-family licences are marked **GPL**; `tests/test_dependencies.py` fails on a GPL runtime")
    print("dependency.\n")
    gpl = [r for r in rows if r[5]]
    lgpl = [r for r in rows if not r[5] and re.search(r"LGPL|Lesser", r[2])]
    choice = [r for r in rows if not r[5] and " OR " in r[2] and "GPL" in r[2]]
    print(f"{len(rows)} packages. GPL-family: {', '.join(f'{r[0]} ({r[3]})' for r in gpl) or 'none'}.")
    print(f"LGPL (linked as libraries, allowed in permissive projects): {', '.join(r[0] for r in lgpl) or 'none'}.")
    print(f"Offered under a choice that includes a non-GPL licence: {', '.join(r[0] for r in choice) or 'none'}.\n")
    print("| package | version | licence | needed for | required by |")
    print("|---|---|---|---|---|")
    for name, version, text, kind, parent, flagged in rows:
        mark = f"**GPL** {text}" if flagged else text
        print(f"| {name} | {version} | {mark.replace('|', '/')} | {kind} | {parent} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
