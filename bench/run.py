"""Run every benchmark in this folder and write BENCHMARKS.md.

Each ``bench/bench_<area>.py`` defines ``run(quick: bool) -> str`` returning a Markdown
section (figures plus the command that reproduces them). Usage::

    python bench/run.py            # all areas, full size
    python bench/run.py --quick    # smaller inputs, for a smoke check
    python bench/run.py annotate   # only bench_annotate.py
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parent / "BENCHMARKS.md"


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", help="areas to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="small inputs, for a smoke check")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    files = sorted(HERE.glob("bench_*.py"))
    if args.areas:
        files = [f for f in files if f.stem.removeprefix("bench_") in args.areas]
    sections: dict[str, str] = {}
    if args.output.exists() and args.areas:  # keep the other areas' sections
        current = None
        for line in args.output.read_text(encoding="utf-8").splitlines(keepends=True):
            if line.startswith("<!-- area: "):
                current = line.strip()[len("<!-- area: ") : -len(" -->")]
                sections[current] = ""
            elif current:
                sections[current] += line
    for path in files:
        area = path.stem.removeprefix("bench_")
        print(f"== {area}", file=sys.stderr)
        started = time.perf_counter()
        body = load(path).run(quick=args.quick)
        sections[area] = body.rstrip() + f"\n\n_(section took {time.perf_counter() - started:.0f} s)_\n\n"
        print(body, file=sys.stderr)
    header = (
        "# powermap benchmarks\n\n"
        f"Written by `python bench/run.py` on {platform.machine()} with {platform.python_version()}, "
        f"{__import__('os').cpu_count()} CPU cores. Each section names the command that reproduces it.\n\n"
    )
    body = "".join(f"<!-- area: {area} -->\n{text}" for area, text in sorted(sections.items()))
    args.output.write_text(header + body, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
