"""Each input format, with files the tests build themselves, ingested through the CLI."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_NL = (
    "De minister van Buitenlandse Zaken van Noorwegen reisde dinsdag naar Ottawa voor overleg over "
    "de veiligheid in het noordpoolgebied. Volgens haar woordvoerder staan de gesprekken in het teken "
    "van samenwerking op het gebied van energie en visserij. Beide landen willen hun afspraken dit jaar "
    "nog vastleggen in een verdrag, zo liet het ministerie weten."
)
ARTICLE_EN = (
    "The foreign minister of Norway travelled to Ottawa on Tuesday for talks about security in the "
    "Arctic. According to her spokesperson, the talks will focus on cooperation in energy and fisheries. "
    "Both countries want to set down their agreements in a treaty before the end of the year."
)


def page(title: str, body: str, date: str = "2024-03-05") -> str:
    paragraphs = "".join(f"<p>{p}.</p>" for p in body.split(". ") if p)
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title}</title><meta name='author' content='Anna Jansen'>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{date}T08:00:00Z'>"
        "<link rel='canonical' href='https://news.example.org/artikel/1'>"
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright Example News. All rights reserved.</footer></body></html>"
    )


def documents(store: Path) -> list[dict]:
    conn = sqlite3.connect(store / "powermap.db")
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute("SELECT * FROM documents ORDER BY input")]


def test_ingest_plain_text_and_markdown(tmp_path, cli):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE_NL, encoding="utf-8")
    (tmp_path / "in" / "b.md").write_text("# Talks in Ottawa\n\n" + ARTICLE_EN, encoding="utf-8")
    store = tmp_path / "store"
    result = cli(
        "ingest",
        str(tmp_path / "in"),
        "--store",
        str(store),
        "--published",
        "2024-03-05",
        "--source",
        "Test Wire",
        "--stages",
        "none",
    )
    assert result.returncode == 0, result.stderr
    docs = documents(store)
    assert [d["language"] for d in docs] == ["nl", "en"]
    assert docs[0]["text"] == ARTICLE_NL
    assert docs[1]["title"] == "Talks in Ottawa"
    assert {d["published"] for d in docs} == {"2024-03-05"}
    assert {d["source"] for d in docs} == {"Test Wire"}


def test_ingest_html_file_and_url(tmp_path, cli, http_folder):
    folder, base = http_folder
    (folder / "artikel.html").write_text(page("Overleg in Ottawa", ARTICLE_NL), encoding="utf-8")
    local = tmp_path / "saved.html"
    local.write_text(page("Talks in Ottawa", ARTICLE_EN, "2023-11-02"), encoding="utf-8")
    store = tmp_path / "store"
    result = cli("ingest", f"{base}/artikel.html", str(local), "--store", str(store), "--stages", "none")
    assert result.returncode == 0, result.stderr
    docs = {d["language"]: d for d in documents(store)}
    assert docs["nl"]["title"] == "Overleg in Ottawa"
    assert docs["nl"]["published"] == "2024-03-05"
    assert docs["nl"]["author"] == "Anna Jansen"
    assert docs["nl"]["url"] == "https://news.example.org/artikel/1"
    assert "noordpoolgebied" in docs["nl"]["text"] and "Copyright" not in docs["nl"]["text"]
    assert docs["en"]["published"] == "2023-11-02"


def test_ingest_json_lines(tmp_path, cli):
    lines = [
        {
            "text": ARTICLE_NL,
            "title": "Een",
            "url": "https://example.org/1",
            "published": "2022-02-24",
            "source": "Krant",
            "language": "nl",
        },
        {"text": ARTICLE_EN},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert cli("ingest", str(path), "--store", str(store), "--stages", "none").returncode == 0
    docs = documents(store)
    assert [d["input"] for d in docs] == [f"{path}:1", f"{path}:2"]
    assert docs[0]["published"] == "2022-02-24" and docs[0]["source"] == "Krant"
    assert docs[1]["language"] == "en"


def test_ingest_warc(tmp_path, cli):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, (title, body) in enumerate([("Overleg", ARTICLE_NL), ("Talks", ARTICLE_EN)]):
            html = page(title, body).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.org/{n}", "response", payload=io.BytesIO(html), http_headers=headers
            )
            writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/logo.png", "response", payload=io.BytesIO(b"\x89PNG\x00"), http_headers=image
            )
        )
    store = tmp_path / "store"
    result = cli("ingest", str(path), "--store", str(store), "--stages", "none")
    assert result.returncode == 0, result.stderr
    docs = documents(store)
    assert len(docs) == 2
    assert {d["language"] for d in docs} == {"nl", "en"}
    assert all(d["input"].startswith(f"{path}#https://news.example.org/") for d in docs)


def test_ingest_rss_feed_and_url_list(tmp_path, cli, http_folder):
    folder, base = http_folder
    (folder / "a.html").write_text(page("Overleg", ARTICLE_NL), encoding="utf-8")
    (folder / "b.html").write_text(page("Talks", ARTICLE_EN), encoding="utf-8")
    items = "".join(
        f"<item><title>{t}</title><link>{base}/{f}</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>"
        for t, f in (("Overleg", "a.html"), ("Talks", "b.html"))
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>{items}</channel></rss>'
    (folder / "feed.rss").write_text(rss, encoding="utf-8")
    store = tmp_path / "store"
    result = cli("ingest", f"{base}/feed.rss", "--store", str(store), "--stages", "none")
    assert result.returncode == 0, result.stderr
    docs = documents(store)
    assert len(docs) == 2 and {d["source"] for d in docs} == {"Example Wire"}

    urls = tmp_path / "list.urls"
    urls.write_text(f"# two articles\n{base}/a.html\n{base}/b.html\n", encoding="utf-8")
    result = cli("ingest", str(urls), "--store", str(store), "--stages", "none", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["duplicates"] == 2


def test_ingest_is_idempotent_and_links_near_duplicates(tmp_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    # a news-length article (about 600 words); the syndicated copy changes a word and adds a line
    article = (
        ARTICLE_NL
        + " "
        + " ".join(
            f"In ronde {n} spraken de delegaties over punt {n * 7} van de agenda en over de kosten van plan {n * 3}."
            for n in range(1, 30)
        )
    )
    (folder / "a.txt").write_text(article, encoding="utf-8")
    (folder / "a-copy.txt").write_text("  " + article.replace(" ", "  ") + "\n", encoding="utf-8")
    syndicated = article.replace("dinsdag", "woensdag") + " Dit artikel verscheen eerder bij een persbureau."
    (folder / "b.txt").write_text(syndicated, encoding="utf-8")
    store = tmp_path / "store"
    first = json.loads(cli("ingest", str(folder), "--store", str(store), "--stages", "none", "--json").stdout)
    assert (first["stored"], first["near_duplicates"], first["duplicates"]) == (1, 1, 1)
    again = json.loads(cli("ingest", str(folder), "--store", str(store), "--stages", "none", "--json").stdout)
    assert (again["stored"], again["near_duplicates"], again["duplicates"]) == (0, 0, 3)
    docs = documents(store)
    assert len(docs) == 2
    linked = [d for d in docs if d["near_duplicate_of"]]
    assert len(linked) == 1 and linked[0]["similarity"] >= 0.8
    assert linked[0]["near_duplicate_of"] == next(d["id"] for d in docs if not d["near_duplicate_of"])
