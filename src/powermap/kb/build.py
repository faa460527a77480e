"""Build the actor knowledge base (``kb/data/*.tsv``) from the shared sources and the curated files.

Run ``python -m powermap.kb.build [--data ../shared/data] [--out src/powermap/kb/data]``. The
output is deterministic (sorted rows), so a rebuild from the same inputs gives the same files.

Sources, in order of precedence (a later source never overwrites a curated name or Wikidata id):

- ``kb/curated/*.tsv``: hand-curated organisations, places, persons, roles, adjectives, capitals,
  metonyms and extra state names (each file names its source in its header);
- ``gazetteer/mledoze-countries`` (ODbL): states, names in 24 languages, English and French
  demonyms, capitals; ``gazetteer/stefangabos-world-countries`` (CC BY-SA 4.0): names in 37 locales;
  ``pycountry`` and ``babel`` (CLDR) for official names and localized territory names;
- ``gazetteer/world-leaders-wikidata/wikidata.csv`` (CC0): heads of state and government with
  Wikidata ids and years in office;
- ``event-coding/petrarch2/Phoenix.*.actors.txt`` (MIT): persons with dated CAMEO codes, and
  organisations (state bodies, IGOs, NGOs, companies, media, armed groups) split into bodies by
  ``kb/import_orgs.py``, their one-word aliases filtered with treebank word counts
  (``kb/common_words.py``);
- ``gazetteer/countryinfo`` (CC BY-SA 3.0): dated offices of heads of state and government and
  of foreign, defence and finance ministers (``kb/countryinfo.py``); cities and geographic
  features as places (``kb/import_places.py``).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pycountry

from powermap.kb.common_words import common_words
from powermap.kb.countryinfo import office_roles, singular
from powermap.kb.entries import Entry, Role
from powermap.kb.import_orgs import OrgImporter, cue_words, import_rules
from powermap.kb.import_persons import PHOENIX_MIN_YEAR, import_phoenix_persons
from powermap.kb.import_places import import_places
from powermap.kb.names import slug
from powermap.kb.phoenix import titlecase

CURATED = Path(__file__).parent / "curated"
DEFAULT_OUT = Path(__file__).parent / "data"
DEFAULT_DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
LANGS = ("en", "nl", "fr", "de")


def read_tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a curated TSV file, comments and blank lines skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


class Builder:
    """Collects entries from every source, then writes the three tables."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.entries: dict[str, Entry] = {}
        self.roles: list[Role] = []
        self.by_iso3: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}  # actor id -> English adjective (group names)
        self._orgs: dict[str, Entry] | None = None

    def entry(self, id_: str, name: str, type_: str, **kw: str) -> Entry:
        e = self.entries.get(id_)
        if e is None:
            e = self.entries[id_] = Entry(id_, name, type_)
            for k, v in kw.items():
                setattr(e, k, v)
        else:
            for k, v in kw.items():
                if v and not getattr(e, k):
                    setattr(e, k, v)
        e.add(name)
        return e

    # -- states -------------------------------------------------------------------------
    def states(self) -> None:
        countries = json.loads((self.data / "gazetteer/mledoze-countries/countries.json").read_text())
        gabos = {
            r["alpha3"].upper(): r
            for r in csv.DictReader(
                (self.data / "gazetteer/stefangabos-world-countries/world.csv").open(encoding="utf-8")
            )
        }
        try:
            from babel import Locale

            locales = {lang: Locale(lang) for lang in LANGS}
        except ImportError:  # pragma: no cover - babel is a dependency
            locales = {}
        for c in countries:
            iso3, iso2 = c["cca3"], c["cca2"]
            name = c["name"]["common"]
            typ = "state" if c.get("independent") or iso3 in {"PSE", "TWN", "XKX"} else "place"
            e = self.entry(slug(name), name, typ, country=iso3, code=iso3, source="mledoze")
            self.by_iso3[iso3] = e.id
            e.add(c["name"]["official"])
            for lang in ("nld", "fra", "deu"):
                t = c.get("translations", {}).get(lang)
                if t:
                    e.add(t["common"])
                    e.add(t["official"])
            for lang in LANGS:
                if iso3 in gabos and gabos[iso3].get(lang):
                    e.add(gabos[iso3][lang])
                if lang in locales and iso2 in locales[lang].territories:
                    e.add(locales[lang].territories[iso2])
            pc = pycountry.countries.get(alpha_3=iso3)
            if pc is not None:
                for attr in ("name", "common_name"):
                    if getattr(pc, attr, None):
                        e.add(getattr(pc, attr))
            eng = c.get("demonyms", {}).get("eng", {}).get("m")
            if eng:
                self.demonyms[e.id] = eng
            for dem in c.get("demonyms", {}).values():
                for form in {dem.get("m", ""), dem.get("f", "")}:
                    if form:
                        e.add(form, "adj")
            for cap in c.get("capital", [])[:1]:
                self.capital(iso3, cap, [])
        for row in read_tsv(CURATED / "capitals.tsv"):
            self.capital(row[0], row[1], forms(row[2]))
        for row in read_tsv(CURATED / "adjectives.tsv"):
            e = self.entries[self.by_iso3[row[0]]]
            for f in forms(row[2]):
                e.add(f, "adj")
                if row[1] == "fr" and f[0].islower():
                    e.add(f + "s" if not f.endswith("s") else f, "adj")
        for row in read_tsv(CURATED / "state_names.tsv"):
            e = self.entries[self.by_iso3[row[0]]]
            for f in forms(row[1]):
                e.add(f, "abbr" if f.replace(".", "").isupper() else "name")
        for row in read_tsv(CURATED / "metonyms.tsv"):
            e = self.entries[self.by_iso3[row[0]]]
            for f in forms(row[1]):
                e.add(f, "metonym")
        wd = self.data / "gazetteer/world-leaders-wikidata/wikidata.csv"
        for leader in csv.DictReader(wd.open(encoding="utf-8")):
            iso3 = self.iso3_of(leader["country"])
            if iso3 and not self.entries[self.by_iso3[iso3]].wikidata:
                self.entries[self.by_iso3[iso3]].wikidata = leader["countryid"]

    def capital(self, iso3: str, name: str, other: list[str]) -> None:
        if iso3 not in self.by_iso3:
            return
        cid = slug(name)
        if cid in self.entries and self.entries[cid].parent not in ("", self.by_iso3[iso3]):
            cid = f"{cid}_{iso3.lower()}"
        e = self.entry(cid, name, "place", country=iso3, parent=self.by_iso3[iso3], source="capital")
        e.aliases[name] = "capital"
        for f in other:
            e.aliases[f] = "capital"

    def iso3_of(self, label: str) -> str | None:
        label = {"People's Republic of China": "China", "United States of America": "United States"}.get(label, label)
        try:
            return pycountry.countries.lookup(label).alpha_3
        except LookupError:
            pass
        for e in self.entries.values():
            if e.type in ("state", "place") and label in e.aliases and e.country:
                return e.country
        return None

    # -- curated organisations, places, persons ---------------------------------------------
    def curated(self) -> None:
        for fname in ("organisations.tsv", "places.tsv"):
            for row in read_tsv(CURATED / fname):
                id_, name, typ, country, wikidata, code, cells = (row + [""] * 7)[:7]
                e = self.entry(id_, name, typ, country=country, wikidata=wikidata, code=code, source="curated")
                for f in forms(cells):
                    e.add(f, "abbr" if re.fullmatch(r"[A-Z0-9.+-]{2,}", f) else "name")
                if typ == "state":
                    self.by_iso3.setdefault(code, id_)
        for row in read_tsv(CURATED / "persons.tsv"):
            id_, name, country, wikidata, code, cells = (row + [""] * 6)[:6]
            e = self.entry(id_, name, "person", country=country, wikidata=wikidata, code=code, source="curated")
            for f in forms(cells):
                e.add(f, "name" if " " in f or "-" in f else "surname")
        for row in read_tsv(CURATED / "body_adjectives.tsv"):  # Western officials, EU diplomats
            id_, adjective = (row + [""] * 2)[:2]
            if id_ in self.entries and adjective:
                self.demonyms[id_] = adjective
        for row in read_tsv(CURATED / "roles.tsv"):
            pid, of, role, label, start, end = (row + [""] * 6)[:6]
            code = self.entries[pid].code if pid in self.entries else ""
            self.roles.append(Role(pid, of, role, label, start, end, code, "curated"))

    # -- Wikidata leaders ------------------------------------------------------------------
    def leaders(self) -> None:
        """Heads of state and government from ``wikidata.csv`` (CC0), then the rows of
        ``wikipedia.csv`` (CC BY-SA, same layout, lower-case column names) that it lacks."""
        folder = self.data / "gazetteer/world-leaders-wikidata"
        seen: set[tuple[str, str]] = set()
        rows = []
        for fname in ("wikidata.csv", "wikipedia.csv"):
            for raw in csv.DictReader((folder / fname).open(encoding="utf-8")):
                row = {k.replace("label", "Label") if k.endswith("label") else k: v for k, v in raw.items()}
                if (row["officeholder"], row["position"]) not in seen:
                    seen.add((row["officeholder"], row["position"]))
                    rows.append(row)
        curated = {(r.id, r.role) for r in self.roles}
        by_qid = {e.wikidata: e for e in self.entries.values() if e.wikidata}
        for row in rows:
            iso3 = self.iso3_of(row["country"])
            name, qid = row["officeholderLabel"], row["officeholder"]
            if not iso3 or not name or name.startswith("Q"):
                continue
            e = by_qid.get(qid) or self.entries.get(slug(name))
            if e is None or e.type != "person":
                e = self.entry(slug(name), name, "person", country=iso3, code=f"{iso3}GOV", source="wikidata")
            if not e.wikidata:
                e.wikidata = qid
                by_qid[qid] = e
            label = row["positionLabel"]
            low = label.lower()
            role = (
                "president"
                if low.startswith("president")
                else "prime_minister"
                if low.startswith(("prime minister", "premier", "head of government"))
                else "chancellor"
                if low.startswith("chancellor")
                else "monarch"
                if low.split()[0] in {"king", "queen", "emir", "sultan", "monarch"}
                else "leader"
            )
            if (e.id, role) in curated or (
                role == "president" and set(low.upper().split()[1:]) & cue_words("organisation")
            ):
                continue  # President of the National Assembly: head of a body, not of the state
            start = f"{row['start_year']}-01-01" if row["start_year"] else ""
            end = f"{row['end_year']}-12-31" if row["end_year"] else ""
            self.roles.append(Role(e.id, iso3, role, label, start, end, f"{iso3}GOV", "wikidata"))

    # -- CountryInfo offices -------------------------------------------------------------------
    def offices(self) -> None:
        """Dated offices from CountryInfo (heads of state and government about 1960-2009, ministers
        2003-2011) for persons of the base; a person with a term ending 1990 or later is added."""
        patterns = [(p, r) for p, r in import_rules()["office_titles"]]
        taken = {(r.id, r.role) for r in self.roles if r.role}
        starts: dict[tuple[str, str], list[str]] = {}
        for r in self.roles:
            if r.role and r.start and r.source != "phoenix":
                starts.setdefault((r.of, r.role), []).append(r.start)
        for o in office_roles(self.data, patterns, starts):
            if (o.end and o.end[:4] < str(PHOENIX_MIN_YEAR)) or o.of not in self.by_iso3:
                continue
            e = self.office_holder(o.names, o.of)
            if (e.id, o.role) in taken and e.source != "countryinfo":
                continue
            state = self.entries[self.by_iso3[o.of]].name
            title = " ".join(o.title.split())
            label = f"{title}, {state}" if " of " in title else f"{titlecase(singular(title).split())} of {state}"
            self.roles.append(Role(e.id, o.of, o.role, label, o.start, o.end, e.code or f"{o.of}GOV", "countryinfo"))

    def office_holder(self, names: tuple[str, ...], iso3: str) -> Entry:
        """The person of the base a CountryInfo name is (same slug, same or no country), else a new one."""
        tokens = [t for t in re.split(r"[_ ]+", names[0]) if t]
        name = titlecase(tokens)
        for pid in (slug(name), f"{slug(name)}_{iso3.lower()}"):
            e = self.entries.get(pid)
            if e is not None and e.type == "person" and e.country in ("", iso3):
                break
        else:
            pid = slug(name) if slug(name) not in self.entries else f"{slug(name)}_{iso3.lower()}"
            e = self.entry(pid, name, "person", country=iso3, code=f"{iso3}GOV", source="countryinfo")
        for other in names[1:]:
            e.add(titlecase([t for t in re.split(r"[_ ]+", other) if t]))
        return e

    # -- output -----------------------------------------------------------------------------
    def write(self, out: Path) -> dict[str, int]:
        out.mkdir(parents=True, exist_ok=True)
        header = (
            "# Built by `make kb` (python -m powermap.kb.build) from ../shared/data and kb/curated/; do not edit.\n"
            "# Sources: mledoze countries (ODbL 1.0), stefangabos world countries (CC BY-SA 4.0), world-leaders\n"
            "# Wikidata (CC0), Phoenix/PETRARCH2 dictionaries (MIT), CountryInfo (CC BY-SA 3.0), pycountry and\n"
            "# Babel/CLDR, kb/curated (MIT); aliases filtered with word counts of the UD and Alpino treebanks.\n"
            "# See docs/actors.md (Sources and licences).\n"
        )
        rows = sorted(self.entries.values(), key=lambda e: e.id)
        with (out / "actors.tsv").open("w", encoding="utf-8") as f:
            f.write(header + "id\tname\ttype\tcountry\tcode\twikidata\tparent\tsource\n")
            for e in rows:
                f.write("\t".join((e.id, e.name, e.type, e.country, e.code, e.wikidata, e.parent, e.source)))
                f.write("\n")
        n_alias = 0
        with (out / "aliases.tsv").open("w", encoding="utf-8") as f:
            f.write(header + "id\talias\tkind\n")
            for e in rows:
                for alias, kind in sorted(e.aliases.items()):
                    if "\t" not in alias:
                        f.write(f"{e.id}\t{alias}\t{kind}\n")
                        n_alias += 1
        roles = sorted(
            {
                (r.id, r.of, r.role, r.label, r.start, r.end, r.code, r.source)
                for r in self.roles
                if r.id in self.entries
            }
        )
        with (out / "roles.tsv").open("w", encoding="utf-8") as f:
            f.write(header + "id\tof\trole\tlabel\tstart\tend\tcode\tsource\n")
            for r in roles:
                f.write("\t".join(r) + "\n")
        with (out / "demonyms.tsv").open("w", encoding="utf-8") as f:
            f.write(header + "id\tadjective_en\n")
            for aid, adj in sorted(self.demonyms.items()):
                f.write(f"{aid}\t{adj}\n")
        return {"actors": len(rows), "aliases": n_alias, "roles": len(roles), "demonyms": len(self.demonyms)}


def build(data: Path, out: Path) -> dict[str, int]:
    """Build the base from ``data`` (the shared data folder) into ``out``."""
    b = Builder(data)
    b.states()
    b.curated()
    b.leaders()
    import_phoenix_persons(b)
    common = common_words(data)
    orgs = OrgImporter(b, common)
    orgs.run()
    places = import_places(b, common)
    b.offices()
    counts = b.write(out)
    return counts | {f"orgs_{k}": v for k, v in orgs.stats.items()} | {"places_countryinfo": places}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    print(build(args.data, args.out))


if __name__ == "__main__":
    main()
