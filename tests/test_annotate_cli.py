"""``powermap annotators`` and ``powermap eval`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from powermap.annotate.spacy_pipeline import PACKAGED_NL

NER = "-DOCSTART- -DOCSTART- O\n\nAnna B-PER\nwoont O\nin O\nGent B-LOC\n. O\n\nHij O\nwerkt O\n. O\n"
CONLLU = (
    "# text = Hij werkt.\n"
    "1\tHij\thij\tPRON\t_\t_\t2\tnsubj\t_\t_\n"
    "2\twerkt\twerken\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"
)


def test_annotate_cli_lists_backends(cli) -> None:
    result = cli("annotators", "--json", "--language", "nl")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    names = {row["name"]: row for row in rows}
    assert names["blank.v1"]["installed"] is True
    assert {"frog.v1", "nl_powermap.v1"} <= set(names)
    if (PACKAGED_NL / "config.cfg").exists():
        assert names["nl_powermap.v1"]["default"] == 1
        assert "dep" in names["nl_powermap.v1"]["provides"]


def test_annotate_cli_eval_ner_and_parse(cli, tmp_path: Path) -> None:
    (tmp_path / "g.conll").write_text(NER, encoding="utf-8")
    (tmp_path / "g.conllu").write_text(CONLLU, encoding="utf-8")
    ner = cli("eval", "ner", "--conll", str(tmp_path / "g.conll"), "--annotator", "blank.v1", "--json")
    assert ner.returncode == 0, ner.stderr
    scores = json.loads(ner.stdout)
    assert scores["f1"] == 0.0 and scores["words"] == 8 and set(scores["per_type"]) == {"PER", "LOC"}
    parse = cli("eval", "parse", "--conllu", str(tmp_path / "g.conllu"), "--annotator", "blank.v1", "--json")
    assert parse.returncode == 0, parse.stderr
    assert json.loads(parse.stdout)["words"] == 3
