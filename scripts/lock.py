"""Print ``name==version`` for every direct dependency in pyproject.toml, as installed now."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
requirements = list(project["dependencies"])
for extra in project.get("optional-dependencies", {}).values():
    requirements += extra
print("# Direct dependencies of powermap, pinned (regenerate with `make lock`).")
for requirement in sorted(requirements, key=str.lower):
    name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]
    try:
        print(f"{name}=={version(name)}")
    except PackageNotFoundError:
        print(f"# {name}: not installed")
