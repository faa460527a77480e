"""The CAMEO codebook as data: code names, Goldstein scores, quad classes and PLOVER types.

The table is ``cameo.tsv`` beside this module, built by ``scripts/build_codebooks.py`` from
the GDELT lookups and the PLOVER CAMEO2PLOVER table (attribution in the file header).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with what powermap derives from it.

    Attributes:
        code (str): two to four digits, e.g. ``"163"``.
        name (str): the CAMEO name.
        goldstein (float): the Goldstein conflict-cooperation score (GDELT table).
        quad_class (int): 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.
        plover (str | None): PLOVER event type (README root table); None for 01 and 02.
        plover_mode (str | None): PLOVER mode where CAMEO2PLOVER gives one.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a powermap TSV data file: ``#`` lines are comments, the first other line the header."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    if not lines:
        return []
    header = lines[0].split("\t")
    return [
        dict(zip(header, (line.split("\t") + [""] * len(header))[: len(header)], strict=True)) for line in lines[1:]
    ]


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code in the codebook, by code."""
    out = {}
    for row in read_tsv(HERE / "cameo.tsv"):
        out[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
            plover_mode=row["plover_mode"] or None,
        )
    return out


def lookup(code: str) -> CameoCode | None:
    """The codebook entry for ``code``, falling back to its three- and two-digit parents."""
    codes = cameo_codes()
    for size in range(len(code), 1, -1):
        entry = codes.get(code[:size])
        if entry is not None:
            return entry
    return None
