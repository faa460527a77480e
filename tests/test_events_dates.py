"""Date expressions resolved against the publication date (Dutch and English data files)."""

from __future__ import annotations

import pytest

from powermap.extract.events.dates import get_resolver


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Het kabinet besloot dinsdag tot een nieuw plan.", "2024-03-14", ["2024-03-12"]),
        ("Het kabinet besloot dinsdag tot een nieuw plan.", "2024-03", ["2024-03"]),
        ("Dat gebeurde vorige maand al.", "2024-01-20", ["2023-12"]),
        ("Vorig jaar groeide de handel.", "2024-06", ["2023"]),
        ("In november kwamen de ministers bijeen.", "2024-02", ["2023-11"]),
        ("In november kwamen de ministers bijeen.", "2024-12-01", ["2024-11"]),
        ("Sinds februari 2022 is alles anders.", "2024-06", ["2022-02"]),
        ("Eind mei sprak hij de leiders toe.", "2024-09", ["2024-05"]),
        ("Op 14 en 15 oktober 2023 vond de top plaats.", "2023-12", ["2023-10-14"]),
        ("Het akkoord van 3 maart werd gisteren ondertekend.", "2024-05-02", ["2024-03-03", "2024-05-01"]),
        ("In 2019 begon de dialoog.", None, ["2019"]),
        ("Er staat geen datum in deze zin.", "2024-05-02", []),
    ],
)
def test_events_dates_dutch(text, published, expected):
    assert [d.value for d in get_resolver("nl").find(text, published)] == expected


def test_events_dates_english_and_modal_may():
    found = get_resolver("en").find("Talks may resume; in May and on Tuesday, March 3, 2020 they met.", "2024-05-09")
    assert [d.value for d in found] == ["2024-05", "2024-05-07", "2020-03-03"]


def test_events_dates_offsets_point_at_the_expression():
    text = "De top werd vorige week afgeblazen."
    (found,) = get_resolver("nl").find(text, "2024-05-09")
    assert text[found.start : found.end] == "vorige week" and found.value == "2024-05"


def test_a_counted_span_before_an_ago_word_shifts_the_publication_date_back():
    nl, en = get_resolver("nl"), get_resolver("en")
    # Drie maanden geleden sloot Polen een akkoord .   (published 5 March 2021)
    assert [d.value for d in nl.find("Drie maanden geleden sloot Polen een akkoord.", "2021-03-05")] == ["2020-12"]
    assert [d.value for d in nl.find("Twee dagen geleden belde de minister.", "2021-03-05")] == ["2021-03-03"]
    assert [d.value for d in nl.find("Vier jaar geleden viel het kabinet.", "2021-03-05")] == ["2017"]
    assert [d.value for d in en.find("Norway signed it 2 weeks ago.", "2021-03-05")] == ["2021-02"]
    assert nl.find("Drie maanden geleden", None) == []  # no publication date, nothing to count from


def test_a_weekday_after_a_next_word_lies_after_publication():
    nl = get_resolver("nl")
    # published Friday 5 March 2021
    assert [d.value for d in nl.find("De boeren demonstreren komende zaterdag.", "2021-03-05")] == ["2021-03-06"]
    assert [d.value for d in nl.find("De boeren demonstreerden zaterdag.", "2021-03-05")] == ["2021-02-27"]
    assert [d.value for d in get_resolver("en").find("They meet next Friday.", "2021-03-05")] == ["2021-03-12"]
