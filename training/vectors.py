"""Train the Dutch static word vectors for the syntax model (see src/powermap/annotate/vectors.py).

Usage (from the repository root; needs `pip install -e '.[vectors]'`):
    python training/vectors.py [--dim 64] [--rows 20000] [--output training/output/vectors]
`powermap train` runs the same step itself when the syntax config asks for static vectors.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from powermap.annotate.vectors import build_vectors

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--output", type=Path, default=ROOT / "training/output/vectors")
    args = parser.parse_args()
    print(build_vectors(args.data, args.output, args.dim, args.rows, args.epochs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
