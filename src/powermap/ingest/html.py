"""HTML pages: main text and metadata through trafilatura (dates through htmldate)."""

from __future__ import annotations

import trafilatura

from powermap.ingest.model import SourceDocument
from powermap.ingest.text import UnreadableText, check_content


def read_html(html: str, input_label: str, url: str | None = None, path: str | None = None) -> SourceDocument:
    """The article in an HTML page: main text, title, author, site, canonical URL, date."""
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if extracted is None:
        raise UnreadableText("no article text found in the HTML page")
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = check_content(meta.get("text") or "")
    return SourceDocument(
        text=text,
        input=input_label,
        path=path,
        url=meta.get("url") or url,
        title=meta.get("title"),
        author=meta.get("author"),
        site=meta.get("sitename") or meta.get("hostname"),
        published=meta.get("date"),
    )
