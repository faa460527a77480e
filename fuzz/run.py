"""``make fuzz``: coverage-guided fuzzing of ``fuzz/targets.py`` with atheris (libFuzzer flags pass through)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["powermap"]):
    from targets import check


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
