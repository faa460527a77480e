"""No tracked text file repeats wording of the dev or seed articles in ../shared.

The rule: article text is read from ../shared at run time, never copied into the repository
(code, lexicons, tests, docs, benchmark notes). This guard compares every word 8-gram of the
repository's text files with those of the dev and seed articles. Eight words is long enough that
stock phrases (dates, "de minister van buitenlandse zaken", official organisation names) do not
trip it, and short enough to catch a quoted clause. The built tables under
``src/powermap/kb/data/`` come from the PETRARCH/Phoenix dictionaries and are not checked.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

GRAM = 8
CHECKED_ROOTS = ("src/", "tests/", "docs/", "BENCHMARKS.md", "README.md")
SKIPPED_ROOTS = ("src/powermap/kb/data/",)
TEXT_SUFFIXES = {".py", ".md", ".tsv", ".yaml", ".yml", ".txt", ".json", ".html", ".js", ".cfg", ".toml", ".css"}
WORD = re.compile(r"\w+")


def _article_files() -> list[Path]:
    return sorted(SHARED.glob("corpus-dev/*/*.txt")) + sorted(SHARED.glob("corpus/*.txt"))


pytestmark = pytest.mark.skipif(not _article_files(), reason="../shared dev/seed articles not available")


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def article_grams(files: list[Path], size: int = GRAM) -> dict[tuple[str, ...], str]:
    """Every word n-gram of the articles, mapped to the name of the first article holding it."""
    grams: dict[tuple[str, ...], str] = {}
    for path in files:
        words = _words(path.read_text(encoding="utf-8", errors="replace"))
        for start in range(len(words) - size + 1):
            grams.setdefault(tuple(words[start : start + size]), path.name)
    return grams


def shared_fragments(text: str, grams: dict[tuple[str, ...], str], size: int = GRAM) -> list[tuple[str, str]]:
    """Maximal runs of ``text`` made of n-grams found in ``grams``: (fragment, article name)."""
    words = _words(text)
    found: list[tuple[str, str]] = []
    start = 0
    while start <= len(words) - size:
        gram = tuple(words[start : start + size])
        if gram not in grams:
            start += 1
            continue
        end = start + size
        while end < len(words) and tuple(words[end - size + 1 : end + 1]) in grams:
            end += 1
        found.append((" ".join(words[start:end]), grams[gram]))
        start = end
    return found


def _tracked_text_files() -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
        ).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        listed = [str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.is_file()]
    return sorted(
        name
        for name in listed
        if name.startswith(CHECKED_ROOTS)
        and not name.startswith(SKIPPED_ROOTS)
        and Path(name).suffix in TEXT_SUFFIXES
        and (ROOT / name).is_file()
    )


@pytest.fixture(scope="module")
def grams() -> dict[tuple[str, ...], str]:
    return article_grams(_article_files())


def test_detector_finds_a_planted_article_clause(grams: dict[tuple[str, ...], str]) -> None:
    """The check can fail: a clause taken from an article (at run time) inside other words is found."""
    first = _article_files()[0]
    words = _words(first.read_text(encoding="utf-8", errors="replace"))
    assert len(words) >= GRAM + 2
    clause = " ".join(words[: GRAM + 2])
    hits = shared_fragments(f"Invented lead-in words. {clause}. Invented ending here.", grams)
    assert [fragment for fragment, _ in hits] == [clause]
    assert shared_fragments("Peru en Chile tekenden dinsdag een akkoord over de visserij in hun wateren.", grams) == []


def test_no_tracked_file_shares_an_article_8gram(grams: dict[tuple[str, ...], str]) -> None:
    offending: list[str] = []
    for name in _tracked_text_files():
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        for fragment, article in shared_fragments(text, grams):
            offending.append(f"{name}: '{fragment}' (from {article})")
    assert not offending, "article wording copied into the repository:\n" + "\n".join(offending)
