"""The unfiltered quote list walks documents newest first by their index: the same rows in the same
order as sorting every quote, ties of publication date included."""

from __future__ import annotations

from powermap.store import open_store, queries
from tests.workbench_store import build_workbench_store

SORTED = """SELECT q.id FROM quotes q JOIN documents d ON d.id = q.doc_id
            ORDER BY d.published DESC, q.doc_id, q.start LIMIT ? OFFSET ?"""


def test_quote_pages_match_sorting_every_quote(tmp_path):
    build_workbench_store(tmp_path / "s")
    store = open_store(tmp_path / "s")
    conn = store.conn
    with store.transaction() as c:  # more quotes, several per document, written out of order
        for doc_id, start in c.execute("SELECT id, 5 FROM documents UNION ALL SELECT id, 1 FROM documents").fetchall():
            c.execute(
                'INSERT INTO quotes (doc_id, start, "end", text, kind, pipeline_version) '
                "VALUES (?, ?, ?, 'x', 'direct', 't')",
                (doc_id, start, start + 1),
            )
    for published in (None, "2031-03-02"):  # as built, then every document on the same day
        if published:
            with store.transaction() as c:
                c.execute("UPDATE documents SET published = ?", (published,))
        total = queries.count_quotes(conn)
        assert total >= 2
        for limit, offset in ((100, 0), (1, 0), (1, 1), (2, 1)):
            listed = [r["id"] for r in queries.list_quotes(conn, limit=limit, offset=offset)]
            assert listed == [r[0] for r in conn.execute(SORTED, (limit, offset))]
    plan = " ".join(
        r[3]
        for r in conn.execute(
            "EXPLAIN QUERY PLAN "
            + SORTED.replace(
                "quotes q JOIN documents d ON d.id = q.doc_id",
                "documents d INDEXED BY documents_published CROSS JOIN quotes q ON d.id = q.doc_id",
            ),
            (10, 0),
        )
    )
    assert "RIGHT PART OF ORDER BY" in plan  # a page sorts one date's quotes, not all of them
    store.close()
