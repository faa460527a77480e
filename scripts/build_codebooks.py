"""Build ``src/powermap/codebooks/*.tsv`` from the shared event-coding data.

Usage::

    python scripts/build_codebooks.py [--data ../shared/data/event-coding]

Reads GDELT's CAMEO code and Goldstein tables and PLOVER's CAMEO2PLOVER-2021 table and
writes ``cameo.tsv`` (code, name, Goldstein, quad class, PLOVER type and mode). The PLOVER
event type follows the PLOVER README root table (16 -> SANCTION, 18-20 -> ASSAULT,
08 split into CONCEDE 080-083 and RETREAT 084-087); the 2021 table's own event type is
kept as ``plover_2021`` where it differs.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "powermap" / "codebooks"

#: PLOVER README table "PLOVER event categories" (CAMEO root -> PLOVER type).
ROOT_TO_PLOVER = {
    "01": "",
    "02": "",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}


def quad_class(code: str) -> int:
    """GDELT QuadClass: 1 verbal coop (01-04), 2 material coop (05-08), 3 verbal conflict (09-13),
    4 material conflict (14-20)."""
    r = int(code[:2])
    return 1 if r <= 4 else 2 if r <= 8 else 3 if r <= 13 else 4


def plover_type(code: str) -> str:
    root = code[:2]
    if root == "08":
        third = code[2:3] or "0"
        return "CONCEDE" if third in "0123" else "RETREAT"
    return ROOT_TO_PLOVER[root]


def read_tsv(path: Path) -> dict[str, str]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t", 1) for line in rows if "\t" in line)


def read_c2p(path: Path) -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        out.setdefault(m.group(1), (parts[0], parts[1], parts[2].replace(";", " ").strip()))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "event-coding")
    args = parser.parse_args()
    names = read_tsv(args.data / "goldstein" / "CAMEO.eventcodes.gdelt.txt")
    scores = read_tsv(args.data / "goldstein" / "CAMEO.goldsteinscale.gdelt.txt")
    c2p = read_c2p(args.data / "plover" / "CAMEO2PLOVER-2021.txt")
    header = [
        "# CAMEO event codes with names, Goldstein scores, quad classes and PLOVER types.",
        "# Built by scripts/build_codebooks.py from ../shared/data/event-coding:",
        "#   names and Goldstein scores: GDELT CAMEO.eventcodes / CAMEO.goldsteinscale lookups",
        "#     (gdeltproject.org/data/lookups, open data; via mpiccirilli/UNDP-BCPR-Project);",
        "#   PLOVER type: PLOVER README root table; mode and context: CAMEO2PLOVER-2021.txt",
        "#     (openeventdata/PLOVER 5e0c24f, CC BY-SA 4.0, ed. Philip Schrodt).",
        "# quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,",
        "#   4 material conflict (GDELT QuadClass).",
        "code\tname\tgoldstein\tquad_class\tplover\tplover_mode\tplover_context\tplover_2021",
    ]
    lines = []
    for code in sorted(names):
        event, mode, context = c2p.get(code, ("", "", ""))
        plover = plover_type(code)
        alt = event if event and event != plover else ""
        lines.append(
            "\t".join(
                [code, names[code].strip(), scores[code].strip(), str(quad_class(code)), plover, mode, context, alt]
            )
        )
    (OUT / "cameo.tsv").write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} codes to {OUT / 'cameo.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
