"""Publication dates estimated from the text when the input carries none."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from powermap.ingest.dateline import dateline_place, estimate_published


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Het akkoord werd op 3 maart 2021 getekend; de onderhandelingen begonnen in mei 2020.", "nl", "2021-03"),
        ("Talks began in May 2020. Reuters, 14 January 2022.", "en", "2022-01"),
        ("Publié le 12 févr. 2019 à Paris, après le sommet de décembre 2018.", "fr", "2019-02"),
        ("Berlin, 5. Oktober 2017: die Regierung traf sich erneut.", "de", "2017-10-05"),  # dateline
        ("ASTANA, March 14, 2024 - Talks resumed after the February 2, 2024 summit.", "en", "2024-03-14"),
        ("ASTANA, March 14, 2024 - Talks resume on April 2, 2024.", "en", "2024-04"),  # later month wins
        ("The deal of June 3, 2021 was signed in Rome.", "en", "2021-06"),  # a date in a sentence
        ("Het verslag (zie 2024-06-30) bevestigt dat.", "nl", "2024-06"),
        ("Er wordt geen datum genoemd, alleen het jaar 2019.", "nl", None),
    ],
)
def test_latest_date_in_the_text(text, language, expected):
    assert estimate_published(text, language, today=date(2026, 1, 1)) == expected


def test_dates_in_the_future_are_ignored():
    text = "De top van juni 2030 is gepland; het besluit viel in april 2024."
    assert estimate_published(text, "nl", today=date(2025, 1, 1)) == "2024-04"


def test_published_basis_is_stored(tmp_path, cli):
    a = tmp_path / "a.txt"
    a.write_text("De regering besloot op 2 februari 2023 tot nieuwe steun voor de landbouw in het oosten.", "utf-8")
    b = tmp_path / "b.txt"
    b.write_text("De regering besloot vandaag tot nieuwe steun voor de visserij in het noorden van het land.", "utf-8")
    store = tmp_path / "s"
    assert cli("ingest", str(a), "--store", str(store), "--stages", "none").returncode == 0
    assert cli("ingest", str(b), "--store", str(store), "--stages", "none", "--published", "2024-07-01").returncode == 0
    rows = dict(
        sqlite3.connect(store / "powermap.db").execute(
            "SELECT input, published || ' ' || published_basis FROM documents"
        )
    )
    assert rows == {str(a): "2023-02 text", str(b): "2024-07-01 option"}


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Kop\n\nASTANA, March 14, 2024 - The talks", "en", "ASTANA"),
        ("Kop\n\nKYIV, Ukraine, March 3, 2024 (Reuters) - Talks", "en", "KYIV, Ukraine"),
        ("Kop\n\nDen Haag, 2 april 2025 – Het kabinet", "nl", "Den Haag"),
    ],
)
def test_dateline_place_is_found(text: str, language: str, place: str) -> None:
    span = dateline_place(text, language)
    assert span is not None and text[span[0] : span[1]] == place


@pytest.mark.parametrize(
    "text",
    ["Moskou, Peking en Delhi zijn het eens over 14 maart 2024.", "Kop\n\nIn Londen, 3 mei 2024, sprak hij."],
)
def test_dateline_place_needs_a_dateline(text: str) -> None:
    assert dateline_place(text, "nl") is None
