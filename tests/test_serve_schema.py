"""schemathesis against the complete ``/api/openapi.json`` of a running ``powermap serve``: its
boundary values, positive and negative examples and linked calls (a bounded number per operation)
get no 5xx, and every response matches the description (status, content type, schema)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from powermap.serve.api import create_app

from .test_serve_api import build_store
from .test_serve_web import running_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
PAGES = ["/", "/documents", "/documents/{doc_id}", "/actors", "/actors/{actor_id}", "/quotes", "/events", "/claims",
         "/stances", "/network", "/timeline", "/changes"]  # fmt: skip
PATHS = [*PAGES, "/api", *["/api" + p for p in PAGES[1:]], "/api/documents/{doc_id}/extraction", "/api/corrections"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    build_store(folder)
    return folder


def test_the_description_declares_every_parameter(folder):
    spec = TestClient(create_app(folder, allowed_hosts=["testserver"])).get("/api/openapi.json").json()
    declared = {path: sorted(p["name"] for p in op["get"].get("parameters", [])) for path, op in spec["paths"].items()}
    assert sorted(declared) == sorted(PATHS)
    assert declared["/api/documents"] == declared["/documents"] == ["limit", "offset", "q"]
    assert declared["/api/actors"] == ["limit", "offset", "q", "type"]
    assert declared["/api/quotes"] == ["limit", "offset", "q", "speaker"]
    assert (
        declared["/actors/{actor_id}"]
        == declared["/api/actors/{actor_id}"]
        == ["actor_id", "by", "limit", "offset", "with"]
    )
    assert declared["/api/events"] == sorted(
        ["actor", "other", "cameo", "plover", "since", "until", "modality", "language", "limit", "offset"]
    )
    assert declared["/api/claims"] == ["about", "disputed", "limit", "offset", "unit"]
    assert declared["/api/stances"] == ["actor", "agree", "concept", "limit", "offset"]
    assert declared["/api/network"] == ["min_events", "since", "type", "until"]
    assert declared["/api/timeline"] == ["by"]
    assert declared["/api/changes"] == declared["/changes"] == ["all", "alpha", "by", "from", "to", "windows"]
    assert declared["/api/documents/{doc_id}/extraction"] == ["doc_id"]
    for path, operation in spec["paths"].items():
        responses = operation["get"]["responses"]
        assert {"200", "400", "503"} <= set(responses) and "422" not in responses, path
        expected = ["application/json"] if path.startswith("/api") else ["application/json", "text/html"]
        assert sorted(responses["400"]["content"]) == expected, path  # a page's errors: HTML for browsers


@pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis is not installed (pip install -e '.[dev]')")
def test_schemathesis_finds_no_server_error_and_no_schema_violation(folder, tmp_path):
    with running_server(folder) as base:
        options = ["--max-examples", "12", "--seed", "1", "--generation-database", "none", "--no-color"]
        run = subprocess.run(
            [str(SCHEMATHESIS), "run", base + "/api/openapi.json", *options, "--workers", "1"],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=tmp_path,
        )
    shutil.rmtree(tmp_path / "schemathesis-report", ignore_errors=True)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert f"Tested: {len(PATHS)}" in run.stdout
