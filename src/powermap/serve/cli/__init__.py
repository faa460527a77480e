"""The ``powermap`` command line (Typer, Rich)."""
