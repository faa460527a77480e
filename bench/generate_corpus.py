"""A synthetic corpus for the analysis benchmarks, written straight into a store through ``Store.add``.

Documents span 2019-2025 with Zipf-distributed actor and dyad frequencies, 2-8 events per
document (cooperation/conflict propensities per dyad that drift over time; Russia-Armenia
cooling after 2022), negated and non-asserted events, stances of two elite camps on a set
of concepts, quotes, claims whose values sometimes disagree, and about 3 % syndicated near
duplicates. All text is generated here; nothing comes from real articles.

    python bench/generate_corpus.py --docs 10000 --out bench/.cache/corpus-10000
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
import zlib
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Claim, Document, Event, ExtractionRecord, Quote, Span, Stance, document_id
from powermap.store import Store, open_store

CACHE = Path(__file__).resolve().parent / ".cache"
VERSION = "v1"
STATES = [
    "RUS",
    "UKR",
    "USA",
    "CHN",
    "ARM",
    "AZE",
    "BLR",
    "KAZ",
    "TUR",
    "IRN",
    "GEO",
    "DEU",
    "FRA",
    "GBR",
    "IND",
    "POL",
    "SYR",
    "ISR",
    "KGZ",
    "TJK",
    "UZB",
    "MDA",
    "HUN",
    "SRB",
    "PRK",
    "JPN",
    "BRA",
    "ZAF",
    "SAU",
    "ARE",
    "EGY",
    "FIN",
    "SWE",
    "EST",
    "LVA",
    "LTU",
    "ITA",
    "NLD",
    "CUB",
    "VEN",
]
ORGS = {"nato": ("NATO", "NAT"), "eu": ("European Union", "EUR"), "csto": ("CSTO", "CST"),
        "un": ("United Nations", "UNO"), "sco": ("SCO", "SCO"), "brics": ("BRICS", "BRC")}  # fmt: skip
CONCEPTS = ("rapprochement with the United States", "alliance with China", "continuation of the war",
            "negotiations with Ukraine", "nationalisation of foreign assets", "sanctions relief", "mobilisation",
            "integration with the Global South", "return of Western companies", "a strong state economy",
            "loyalty of the elites", "conservative values")  # fmt: skip
CAMP_POSITIONS = (  # agreement of the pro-Western and the pro-Chinese camp with each concept
    (True, False), (False, True), (False, True), (True, False), (False, True), (True, False),
    (False, True), (False, True), (True, False), (False, True), (True, True), (False, True),
)  # fmt: skip
MEASURES = (("GDP growth", "percent"), ("inflation", "percent"), ("defence budget", "USD"), ("trade volume", "USD"),
            ("troop numbers", "count"), ("oil exports", "barrels"), ("key interest rate", "percent"))  # fmt: skip
WORDS = [
    "government",
    "minister",
    "talks",
    "border",
    "trade",
    "pipeline",
    "summit",
    "security",
    "army",
    "treaty",
    "visit",
    "delegation",
    "economy",
    "region",
    "capital",
    "agreement",
    "sanctions",
    "market",
    "energy",
    "gas",
    "grain",
    "port",
    "railway",
    "bank",
    "reserve",
    "council",
    "parliament",
    "election",
    "opposition",
    "media",
    "court",
    "law",
    "decree",
    "budget",
    "industry",
    "corridor",
    "frontier",
    "region",
    "ceasefire",
    "envoy",
    "statement",
    "meeting",
    "crisis",
    "alliance",
    "partner",
    "neighbour",
    "exports",
    "imports",
    "prices",
    "currency",
]
SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "sha",
    "vo",
    "le",
    "ni",
    "to",
    "ra",
    "va",
    "de",
    "pe",
    "go",
    "lo",
    "ba",
    "ze",
    "ko",
    "ri",
    "na",
    "su",
    "ya",
    "mo",
]
OUTLETS = ("Northern Herald", "Daily Courier", "Eastern Review", "World Wire", "Policy Weekly", "Morning Post")


def codebook() -> dict[int, list[tuple[str, float]]]:
    """Quad class -> [(CAMEO code, Goldstein)] for three- and four-digit codes."""
    text = resources.files("powermap.codebooks").joinpath("cameo.tsv").read_text("utf-8")
    rows = csv.DictReader([x for x in text.splitlines() if x and not x.startswith("#")], delimiter="\t")
    out: dict[int, list[tuple[str, float]]] = {1: [], 2: [], 3: [], 4: []}
    for row in rows:
        if len(row["code"]) >= 3 and row["quad_class"] and row["goldstein"]:
            out[int(row["quad_class"])].append((row["code"], float(row["goldstein"])))
    return out


class World:
    """Actors, dyads and their propensities; draws documents."""

    def __init__(self, rng: random.Random) -> None:
        import pycountry

        self.rng = rng
        self.codes = codebook()
        self.actors: dict[str, tuple[str, str, str | None, str | None]] = {}  # id -> name, type, code, country
        for code in STATES:
            country = pycountry.countries.get(alpha_3=code)
            self.actors[code.lower()] = (getattr(country, "common_name", country.name), "state", code, code)
        for aid, (name, code) in ORGS.items():
            self.actors[aid] = (name, "organisation", code, None)
        self.persons = []
        for i in range(90):
            name = " ".join(self._word(3).capitalize() for _ in range(2)) + f" {i:02d}"
            country = "RUS" if i < 60 else rng.choice(STATES[:12])
            aid = f"person_{i:02d}"
            self.actors[aid] = (name, "person", None, country)
            self.persons.append(aid)
        self.camp = {p: (0 if i % 3 == 0 else 1 if i % 3 == 1 else None) for i, p in enumerate(self.persons[:60])}
        ids = list(self.actors)
        weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(ids))]
        self.dyads = []
        for _ in range(400):
            a, b = rng.choices(ids, weights)[0], rng.choices(ids, weights)[0]
            if a != b:
                self.dyads.append((a, b, rng.uniform(0.15, 0.9)))
        self.dyads.insert(0, ("rus", "arm", 0.8))
        self.dyad_weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(self.dyads))]

    def _word(self, n: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(n))

    def coop_probability(self, a: str, b: str, base: float, day: date) -> float:
        if {a, b} == {"rus", "arm"}:  # cooling: 0.8 before 2022, falling to 0.2 by 2025
            years = max(0.0, (day - date(2022, 1, 1)).days / 365.0)
            return max(0.2, 0.8 - 0.2 * years)
        return base

    def document(self, serial: int, published: date) -> tuple[SourceDocument, ExtractionRecord]:
        rng = self.rng
        text = [f"Dispatch {serial}. "]
        length = [len(text[0])]
        mentions: dict[str, list[Span]] = {}

        def say(*parts) -> tuple[int, int]:
            start = length[0]
            for part in parts:
                if isinstance(part, tuple):
                    name = self.actors[part[0]][0]
                    mentions.setdefault(part[0], []).append(Span(name, length[0], length[0] + len(name)))
                    part = name
                text.append(part)
                length[0] += len(part)
            end = length[0]
            text.append(" ")
            length[0] += 1
            return start, end

        def filler() -> None:
            say(
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 18))).capitalize()
                + f" {rng.randint(0, 99999)}."
            )

        events, stances, quotes, claims = [], [], [], []
        for _ in range(rng.randint(1, 3)):
            a, b, base = rng.choices(self.dyads, self.dyad_weights)[0]
            for _ in range(rng.randint(1, 3)):
                coop = rng.random() < self.coop_probability(a, b, base, published)
                quad = rng.choice((1, 1, 2)) if coop else rng.choice((3, 3, 4))
                cameo, goldstein = rng.choice(self.codes[quad])
                src, tgt = (a, b) if rng.random() < 0.6 else (b, a)
                start, end = say((src,), " and ", (tgt,), f": {rng.choice(WORDS)} under code {cameo}.")
                negated = rng.random() < 0.05
                modality = "asserted" if rng.random() > 0.08 else rng.choice(("intended", "hypothetical", "demanded"))
                when = None
                if rng.random() < 0.6:
                    day = published - timedelta(days=rng.randint(0, 10))
                    when = day.isoformat() if rng.random() < 0.8 else day.strftime("%Y-%m")
                sentence = "".join(text)[start:end]
                events.append(Event(src, tgt, cameo, None, goldstein, sentence, start, end, negated, modality, when))  # type: ignore[arg-type]
            filler()
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            person = rng.choice(self.persons[:60])
            index = rng.randrange(len(CONCEPTS))
            camp = self.camp[person]
            agree = CAMP_POSITIONS[index][camp] if camp is not None and rng.random() < 0.85 else rng.random() < 0.5
            start, end = say((person,), f" {'backs' if agree else 'rejects'} {CONCEPTS[index]}.")
            stances.append(Stance(person, CONCEPTS[index], agree, "".join(text)[start:end], start, end))
        for _ in range(rng.choice((0, 1, 1, 2))):
            speaker = rng.choice(self.persons) if rng.random() < 0.8 else rng.choice(list(self.actors)[:10])
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."
            start, end = say((speaker,), ' said: "', words, '".')
            q_start = end - 2 - len(words)
            quotes.append(Quote(words, q_start, q_start + len(words), speaker, "direct", "said"))
        for _ in range(rng.choice((0, 0, 1, 2))):
            about, unit = rng.choice(MEASURES)
            subject = rng.choice(STATES[:8]).lower()
            period = str(published.year)
            base = 1 + zlib.crc32(f"{about}|{subject}|{period}".encode()) % 1000 / 10
            value = round(base * (1 if rng.random() < 0.7 else rng.uniform(0.7, 1.3)), 2)
            number = f"{value:g} {unit}"
            start, end = say(f"The {about} of ", (subject,), " was ", number, ".")
            c_start = end - 1 - len(number)
            source = rng.choice(("IMF", "World Bank", "Rosstat", "SIPRI", None, None))
            claims.append(Claim(number, c_start, c_start + len(number), value, unit, about, [subject], period, source))
        for _ in range(rng.randint(2, 5)):
            filler()
        full = "".join(text).rstrip() + "\n"
        doc = Document(document_id(full), full, url=f"https://news.example/{serial}", title=f"Dispatch {serial}",
                       published=published.isoformat(), language="en")  # fmt: skip
        actors = [Actor(aid, *self._actor_fields(aid), mentions=spans) for aid, spans in mentions.items()]
        record = ExtractionRecord(doc, actors, quotes, claims, events, stances)
        source = SourceDocument(full, input=f"synthetic:{serial}", url=doc.url, title=doc.title,
                                source=rng.choice(OUTLETS), published=doc.published, language="en")  # fmt: skip
        return source, record

    def _actor_fields(self, aid: str) -> tuple:
        name, kind, code, country = self.actors[aid]
        return name, kind, None, country, None, code


def syndicate(
    source: SourceDocument, record: ExtractionRecord, rng: random.Random
) -> tuple[SourceDocument, ExtractionRecord]:
    """A near-duplicate copy: the same text with a line added at the end (offsets unchanged)."""
    text = source.text.rstrip("\n") + f" Distributed by {rng.choice(OUTLETS)}.\n"
    data = record.to_dict()
    data["document"] = {**data["document"], "id": document_id(text), "text": text}
    copy = ExtractionRecord.from_dict(data)
    return SourceDocument(text, input=source.input + "#copy", url=source.url, title=source.title,
                          source=rng.choice(OUTLETS), published=source.published, language="en"), copy  # fmt: skip


def generate(
    path: Path, docs: int, seed: int = 7, start: date = date(2019, 1, 1), end: date = date(2025, 6, 30)
) -> Store:
    """Write ``docs`` documents into a new store at ``path`` (refuses an existing one)."""
    if (path / "powermap.db").exists():
        raise FileExistsError(f"{path} already holds a store")
    rng = random.Random(seed)
    world = World(rng)
    store = open_store(path)
    span = (end - start).days
    recent: list[tuple[SourceDocument, ExtractionRecord]] = []
    for serial in range(docs):
        if recent and rng.random() < 0.03:
            source, record = syndicate(*rng.choice(recent), rng)
        else:
            # more coverage in later years: sqrt-shaped ramp
            published = start + timedelta(days=int(span * rng.random() ** 0.8))
            source, record = world.document(serial, published)
            recent = [*recent, (source, record)][-50:]
        store.add(source, record, ["synthetic"])
    return store


def cached_store(docs: int) -> Path:
    """The cached benchmark store for ``docs`` documents, generated on first use (``bench/.cache``, git-ignored)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n", encoding="utf-8")
    path = CACHE / f"corpus-{docs}-{VERSION}"
    done = path / "COMPLETE"
    if not done.exists():
        if path.exists():
            import shutil

            shutil.rmtree(path)
        started = time.perf_counter()
        generate(path, docs).close()
        done.write_text(f"{time.perf_counter() - started:.1f}\n", encoding="utf-8")
    from powermap.store import open_store

    open_store(path).close()  # a cache written by an older powermap: apply the pending migrations
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=None, help="store folder (default: the cache)")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.out:
        store = generate(args.out, args.docs)
        print(store.counts(), file=sys.stderr)
        store.close()
    else:
        print(cached_store(args.docs), file=sys.stderr)
    print(f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
