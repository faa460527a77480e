"""The HTTP API and web pages (FastAPI): every page is a view of one dict that is also JSON."""

from powermap.serve.api.app import create_app

__all__ = ["create_app"]
