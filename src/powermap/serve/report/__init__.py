"""The self-contained HTML report: inline SVG charts, no scripts, no network access."""
