"""``powermap serve --workers 2`` answers from two server processes, each building its app from the
settings the command gives it (store, allowed hosts, time limit), with the same answers as one."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import psutil
import pytest

from .workbench_store import build_workbench_store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def started(folder, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "powermap", "serve", "--store", str(folder), "--port", str(port), *extra]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/api/documents?limit=1", timeout=5)
            return process, base
        except httpx.TransportError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    pytest.fail("powermap serve did not start")


def test_two_worker_processes_answer_as_one_does(tmp_path):
    build_workbench_store(tmp_path / "s")
    answers = {}
    for workers in ("1", "2"):
        process, base = started(tmp_path / "s", "--workers", workers, "--time-limit-ms", "5000")
        try:
            children = [p for p in psutil.Process(process.pid).children(recursive=True) if "python" in p.name()]
            with httpx.Client(base_url=base, timeout=30) as client:
                pages = ["/api/documents", "/api/actors/valoria", "/api/stances", "/api/timeline"]
                answers[workers] = [client.get(page).json() for page in pages]
                assert client.get("/api", headers={"Host": "elsewhere.example"}).status_code == 400  # hosts kept
        finally:
            process.terminate()
            process.wait(timeout=30)
        if workers == "2":
            assert len(children) >= 2  # the processes that answer
    assert answers["2"] == answers["1"]
