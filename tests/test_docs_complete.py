"""Every command and every web page is documented (a test fails when the docs miss one)."""

from __future__ import annotations

import re

import typer.main

from powermap.serve.cli.app import app

from .conftest import ROOT

DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def command_paths(group: typer.Typer, prefix: str = "powermap") -> list[str]:
    click_group = typer.main.get_command(group)
    paths = []
    for name, command in click_group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            paths += [f"{prefix} {name} {child}" for child in sub]
        else:
            paths.append(f"{prefix} {name}")
    return paths


def test_every_command_is_documented():
    missing = [path for path in command_paths(app) if not re.search(re.escape(path) + r"\b", DOCS)]
    assert missing == []


def test_every_page_and_api_route_is_documented(tmp_path):
    from powermap.serve.api.app import create_app
    from powermap.store import open_store

    open_store(tmp_path).close()
    paths = {route.path for route in create_app(tmp_path).routes if route.path not in ("/", "/api")}
    paths -= {"/api/docs", "/api/openapi.json"}  # FastAPI's own description of the API
    assert paths  # the app declares pages
    missing = []
    for path in sorted(paths):
        pattern = re.sub(r"\\\{[^}]*\\\}", r"\\{[^}]+\\}", re.escape(path)) + r"(?![\w/])"
        if not re.search(pattern, DOCS):
            missing.append(path)
    assert missing == []
