"""The corrections API over HTTP: reads are open, writes exist only with a token and need it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from .corrections_fixtures import FIRST, build_store, quote_at
from .test_serve_web import running_server

TOKEN = "a-test-token-of-some-length"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    folders = tmp_path_factory.mktemp("open"), tmp_path_factory.mktemp("writable")
    return [(folder, build_store(folder)[0]) for folder in folders]


def test_without_a_token_there_is_nothing_to_write_to(stores):
    folder, first = stores[0]
    start, end = quote_at(FIRST)
    with running_server(folder) as base:
        listed = httpx.get(f"{base}/api/corrections", params={"doc_id": first})
        assert listed.status_code == 200 and listed.json()["writable"] is False
        body = {"doc_id": first, "start": start, "end": end, "speaker": "vos"}
        refused = httpx.post(f"{base}/api/corrections/speaker", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code in (404, 405)
        paths = httpx.get(f"{base}/api/openapi.json").json()["paths"]
        assert not any("post" in operations for operations in paths.values())


def test_with_a_token_writes_need_it_and_reads_stay_open(stores, monkeypatch):
    folder, first = stores[1]
    start, end = quote_at(FIRST)
    monkeypatch.setenv("POWERMAP_TOKEN", TOKEN)  # the variable, as a deployment sets it
    with running_server(folder) as base:
        body = {"doc_id": first, "start": start, "end": end, "speaker": "anna_vos", "author": "ana"}
        url = f"{base}/api/corrections/speaker"
        assert httpx.post(url, json=body).status_code == 401
        wrong = httpx.post(url, json=body, headers={"Authorization": "Bearer " + TOKEN[:-1] + "x"})
        assert wrong.status_code == 401 and wrong.json()["detail"]
        auth = {"Authorization": f"Bearer {TOKEN}"}
        made = httpx.post(url, json=body, headers=auth)
        assert made.status_code == 201, made.text
        assert made.json()["author"] == "ana" and made.json()["after"]["speaker"] == "anna_vos"
        actor = httpx.get(f"{base}/api/actors/anna_vos").json()
        assert [q["doc_id"] for q in actor["quotes"]] == [first]  # the analysis reads the corrected store

        bad = httpx.post(url, json={**body, "start": 0, "end": 3}, headers=auth)
        assert bad.status_code == 404 and "no quote" in bad.json()["detail"]
        malformed = httpx.post(url, json={"doc_id": first}, headers=auth)
        assert malformed.status_code == 400
        listed = httpx.get(f"{base}/api/corrections", params={"doc_id": first}).json()
        assert listed["writable"] is True and [c["id"] for c in listed["corrections"]] == [made.json()["id"]]

        alias = httpx.post(f"{base}/api/corrections/alias", json={"actor": "anna_vos", "alias": "Vos"}, headers=auth)
        assert alias.status_code == 201
        about = httpx.get(f"{base}/api/corrections", params={"actor": "anna_vos"}).json()
        assert about["aliases"] == ["Vos"]
        assert httpx.get(f"{base}/api/corrections", params={"actor": "vos"}).json()["merged_into"] == "anna_vos"

        undo = httpx.post(f"{base}/api/corrections/{made.json()['id']}/undo", json={}, headers=auth)
        assert undo.status_code == 200 and undo.json()["undone_at"]
        actor = httpx.get(f"{base}/api/actors/anna_vos").json()
        assert actor["quotes"] == []
        assert httpx.post(f"{base}/api/corrections/{made.json()['id']}/undo", json={}, headers=auth).status_code == 409

        schema = httpx.get(f"{base}/api/openapi.json").json()
        assert "post" in schema["paths"]["/api/corrections/speaker"]
        assert any("HTTPBearer" in s for s in schema["components"]["securitySchemes"])


@pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis is not installed (pip install -e '.[dev]')")
def test_schemathesis_finds_no_server_error_on_the_writing_endpoints(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    build_store(folder)
    monkeypatch.setenv("POWERMAP_TOKEN", TOKEN)
    checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
    with running_server(folder) as base:
        options = ["--max-examples", "15", "--seed", "1", "--generation-database", "none", "--no-color"]
        options += ["--include-path-regex", "corrections", "-H", f"Authorization: Bearer {TOKEN}", "-c", checks]
        run = subprocess.run(
            [str(SCHEMATHESIS), "run", base + "/api/openapi.json", *options, "--workers", "1"],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
        )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "Tested: 9" in run.stdout
