"""A generated two-month corpus whose changes are known, for the `changes`, `watch` and `brief` tests.

February 2019 (before) and March 2019 (after):

- the true shift: Russia and Armenia cooperate in six February reports and clash in six
  March reports (with a quote by Armenia naming Russia in March);
- stable ties: Russia-China and United States-Azerbaijan cooperate in both months; Russia
  and the United States clash in both;
- Armenia changes camp: in March it cooperates with the United States and Azerbaijan;
- noise: United States-China is mentioned once (March, conflict); China-Armenia twice
  (once each month, opposite signs): neither is a trend;
- history: a March report dates a Russia-United States clash to 1969;
- stances: Petrov reverses on "alliance with China" (two documents each way), Ivanov's
  stance on "sanctions" appears in two March documents, Sidorov's once (noise);
- claims: the United States' trade share with China, 35 % as of 2018, 34 % as of 2019 and
  33 % as of 2019-03 (this one without an ``about`` of its own);
  GDP growth of Russia as of 2019 given as 3.0 by one source and 4.5 by another.
"""

from __future__ import annotations

from powermap.records import Quote

from .analyse_fixtures import DocBuilder


def quote_naming(doc: DocBuilder, speaker: str, other: str, words: str) -> DocBuilder:
    """A direct quote by ``speaker`` whose words name ``other`` (a mention inside the quote)."""
    start, end = doc._say((speaker,), ' said: "', words, (other,), '".')
    q_start = start + len(doc.text[start:end].split('"')[0]) + 1
    q_end = end - 2
    doc.quotes.append(Quote(doc.text[q_start:q_end], q_start, q_end, speaker, "direct", "said"))  # type: ignore[arg-type]
    return doc


def report(published: str, number: int) -> DocBuilder:
    """A document with words of its own, so that no two reports look like syndicated copies."""
    doc = DocBuilder(published, source=f"Outlet {number % 3}")
    doc._say(" ".join(f"note{number}word{j}" for j in range(40)) + ".")
    return doc


def february() -> list[DocBuilder]:
    docs = []
    for day in range(1, 7):
        docs.append(
            report(f"2019-02-{day + 10:02d}", day)
            .event("russia", "armenia", "057", 5.0)
            .event("russia", "china", "061", 6.0)
            .event("usa", "azerbaijan", "061", 6.0)
            .event("russia", "usa", "173", -5.0)
        )
    docs[0].event("china", "armenia", "042", 2.0)  # noise: once cooperative
    for i in (0, 1):
        docs[i].stance("petrov", "alliance with China", True)
    docs[2].stance("ivanov", "trade", True)
    docs[3].stance("ivanov", "trade", True)
    docs[4].claim(35.0, "percent", "trade share", ["usa"], "2018", source="Statistics Office")
    return docs


def march() -> list[DocBuilder]:
    docs = []
    for day in range(1, 7):
        docs.append(
            report(f"2019-03-{day + 10:02d}", 10 + day)
            .event("russia", "armenia", "190", -10.0)
            .event("armenia", "usa", "057", 5.0)
            .event("armenia", "azerbaijan", "042", 2.0)
            .event("russia", "china", "061", 6.0)
            .event("usa", "azerbaijan", "061", 6.0)
            .event("russia", "usa", "173", -5.0)
        )
    docs[0].event("usa", "china", "173", -5.0)  # noise: mentioned once
    docs[1].event("armenia", "china", "173", -5.0)  # noise: china-armenia, once each month
    docs[2].event("russia", "usa", "190", -10.0, date="1969")  # history
    quote_naming(docs[3], "armenia", "russia", "We no longer trust ")
    for i in (0, 1):
        docs[i].stance("petrov", "alliance with China", False)
    for i in (2, 3):
        docs[i].stance("ivanov", "sanctions", True)
    docs[4].stance("sidorov", "sanctions", False)
    docs[4].claim(34.0, "percent", "trade share", ["usa"], "2019", source="Statistics Office")
    docs[5].claim(3.0, "percent", "GDP growth", ["russia"], "2019", source="Rosstat")
    docs[1].claim(4.5, "percent", "GDP growth", ["russia"], "2019", source="IMF")
    docs[2].claim(33.0, "percent", "share", ["usa"], "2019-03").claims[-1].about = None  # joins "trade share"
    docs[3].claim(7.0, "count", "ships", ["china"], "2019-03").claims[-1].about = None  # no measure to join
    return docs
