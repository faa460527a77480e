"""Fetching URLs over HTTP(S) with timeouts and a size cap (httpx)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from powermap import __version__

USER_AGENT = f"powermap/{__version__} (+news analysis; offline-first)"


class FetchError(OSError):
    """A URL that gave no usable answer."""


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def fetch(url: str, max_bytes: int, timeout: float, client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; raise ``FetchError`` on network errors, HTTP errors or bodies over ``max_bytes``."""
    own = client is None
    client = client or httpx.Client(
        timeout=httpx.Timeout(timeout), follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"larger than the {max_bytes} byte limit ({declared} bytes)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise FetchError(f"larger than the {max_bytes} byte limit")
            return Fetched(str(response.url), response.headers.get("Content-Type", "").lower(), bytes(body))
    except httpx.HTTPError as err:
        raise FetchError(f"{type(err).__name__}: {err}" if str(err) else type(err).__name__) from err
    finally:
        if own:
            client.close()
