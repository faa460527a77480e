"""Bad inputs: one clear message each, the run goes on, nothing stored is lost or altered."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from powermap.serve.cli.app import app

GOOD = (
    "De regering van Chili kondigde woensdag nieuwe handelsafspraken aan met Vietnam. Volgens de minister "
    "van Economische Zaken levert het akkoord beide landen op termijn honderden miljoenen dollars op."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def snapshot(store: Path) -> list[tuple]:
    conn = sqlite3.connect(store / "powermap.db")
    return conn.execute("SELECT id, content_hash, text, input FROM documents ORDER BY id").fetchall()


def test_every_bad_input_reported_and_run_goes_on(tmp_path, cli):
    store = tmp_path / "store"
    seed = tmp_path / "seed.txt"
    seed.write_text(GOOD, encoding="utf-8")
    assert cli("ingest", str(seed), "--store", str(store), "--stages", "none").returncode == 0
    before = snapshot(store)

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (bad / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (bad / "big.txt").write_text("woord " * 5000, encoding="utf-8")
    (bad / "lines.jsonl").write_text(
        json.dumps({"text": "Een korte maar geldige tekst over de Verenigde Naties en hun werk."})
        + "\n"
        + '{"text": "afgebroken\n'
        + json.dumps({"title": "zonder tekst"})
        + "\n",
        encoding="utf-8",
    )
    dead = f"http://127.0.0.1:{free_port()}/artikel"
    result = cli(
        "ingest",
        str(bad),
        dead,
        str(tmp_path / "missing.txt"),
        str(seed),
        "--store",
        str(store),
        "--stages",
        "none",
        "--max-bytes",
        "20000",
        "--timeout",
        "3",
        "--json",
    )
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    reasons = {f["input"]: f["reason"] for f in summary["failures"]}
    assert "binary" in reasons[str(bad / "binary.txt")]
    assert "empty" in reasons[str(bad / "empty.txt")]
    assert "20000 byte limit" in reasons[str(bad / "big.txt")]
    assert "malformed JSON" in reasons[f"{bad / 'lines.jsonl'}:2"]
    assert '"text"' in reasons[f"{bad / 'lines.jsonl'}:3"]
    assert "cannot fetch" in reasons[dead]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert (summary["stored"], summary["duplicates"], summary["failed"]) == (1, 1, 7)
    after = snapshot(store)
    assert before[0] in after and len(after) == 2  # the earlier document is untouched


def test_failures_are_printed_one_line_each(tmp_path, cli):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = cli("ingest", str(tmp_path / "empty.txt"), "--store", str(tmp_path / "s"), "--stages", "none")
    assert result.returncode == 1
    assert f"failed {tmp_path / 'empty.txt'}: empty: no text" in " ".join(result.stderr.split())
    assert "failed" in result.stderr and "1" in result.stderr


def test_mis_encoded_files_are_decoded(tmp_path, cli):
    cp1252 = tmp_path / "cp1252.txt"
    cp1252_text = "De Franse president sprak over “samenwerking” en het beleid van België – €5 miljoen."
    cp1252.write_bytes(cp1252_text.encode("cp1252"))
    latin1 = tmp_path / "latin1.txt"
    latin1_text = "Het overleg in Zürich over de crème de la crème van de Europese politiek was kort."
    latin1.write_bytes(latin1_text.encode("latin-1"))
    store = tmp_path / "store"
    result = cli("ingest", str(cp1252), str(latin1), "--store", str(store), "--stages", "none")
    assert result.returncode == 0, result.stderr
    texts = {row[3]: row[2] for row in snapshot(store)}
    assert "“samenwerking”" in texts[str(cp1252)] and "€5" in texts[str(cp1252)]
    assert "Zürich" in texts[str(latin1)]


def test_unreadable_file(tmp_path, monkeypatch):
    """A file the operating system refuses to read (simulated: tests may run as root)."""
    target = tmp_path / "locked.txt"
    target.write_text(GOOD, encoding="utf-8")
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == target:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = CliRunner().invoke(
        app, ["ingest", str(target), "--store", str(tmp_path / "s"), "--stages", "none", "--json"]
    )
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["failures"] == [{"input": str(target), "reason": "cannot read: Permission denied"}]


def test_bad_published_option_is_refused(tmp_path, cli):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = cli("ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "s"), "--published", "gisteren")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
