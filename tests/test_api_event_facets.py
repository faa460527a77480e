"""The events page's facets, counted in one pass, agree with one ``GROUP BY`` per facet."""

from __future__ import annotations

from powermap.serve.api import fact_queries
from powermap.store import open_store
from tests.workbench_store import build_workbench_store

GROUPED = {
    "cameo": "substr(e.cameo, 1, 2)",
    "plover": "e.plover",
    "modality": "e.modality",
    "language": "d.language",
    "source": "e.source",
    "target": "e.target",
    "month": "substr(e.day, 1, 7)",
}


def test_one_pass_facets_agree_with_grouping(tmp_path):
    build_workbench_store(tmp_path / "s")
    store = open_store(tmp_path / "s")
    conn = store.conn
    for flt in (
        fact_queries.EventQuery(),
        fact_queries.EventQuery(actor=["valoria"]),
        fact_queries.EventQuery(cameo="0"),
        fact_queries.EventQuery(actor=["nobody"]),
    ):
        total, facets = fact_queries.event_facets(conn, flt, {"03": "Intend"})
        assert (
            total == conn.execute(f"SELECT count(*) {fact_queries._EVENT_FROM} {flt.clause}", flt.params).fetchone()[0]
        )
        for facet, expr in GROUPED.items():
            rows = conn.execute(
                f"SELECT {expr} AS value, count(*) AS n {fact_queries._EVENT_FROM} {flt.clause} GROUP BY value "
                "HAVING value IS NOT NULL ORDER BY n DESC, value",
                flt.params,
            ).fetchall()
            expected = [(v, n) for v, n in rows][: fact_queries.FACET_SIZE if facet != "month" else 120]
            if facet == "month":
                expected.sort()
            assert [(f["value"], f["count"]) for f in facets[facet]] == expected, facet
        assert all(f["label"] == "Intend" for f in facets["cameo"] if f["value"] == "03")
    store.close()
