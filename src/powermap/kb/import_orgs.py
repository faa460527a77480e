"""Import organisations from the Phoenix dictionaries (MIT) into the knowledge base being built.

Entries read: the bodies of ``Phoenix.Countries.actors.txt`` (ministries, agencies, parliaments,
armed forces, police, parties: an entry whose CAMEO code is a state followed by an agent code of
``Phoenix.agents.txt``), every undated entry of ``Phoenix.International.actors.txt`` (IGOs, NGOs,
multinationals, media) and of ``Phoenix.MilNonState.actors.txt`` (armed and non-state groups).
Persons (dated codes, a *CountryInfo* note, or a known first name without an organisation word)
are left to ``import_persons.import_phoenix_persons``.

Types come from the code: ``MNC`` is a company, ``MED`` (outside an IGO) a medium, anything else
an organisation. A body whose name is an alias of an organisation already in the base (curated
or imported before) merges into it. Filters against the junk a big list brings: a one-word name
or abbreviation that is a common word of Dutch or English (``common_words``) is dropped, so is an
abbreviation shorter than three letters, and so is an imported abbreviation that two actors would
share (it stays with a curated actor that has it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from powermap.kb.common_words import is_common
from powermap.kb.names import slug
from powermap.kb.phoenix import (
    Body,
    SplitRules,
    agent_codes,
    name_tokens,
    parse_phoenix,
    spells,
    split_bodies,
    titlecase,
)

if TYPE_CHECKING:
    from powermap.kb.build import Builder, Entry

CURATED = Path(__file__).parent / "curated"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
ORG_TYPES = ("organisation", "company", "media", "group")


@cache
def import_rules() -> dict[str, Any]:
    """``curated/import_rules.yaml``: function words, person words, office titles."""
    data: dict[str, Any] = yaml.safe_load((CURATED / "import_rules.yaml").read_text(encoding="utf-8"))
    return data


@cache
def cue_words(*kinds: str) -> frozenset[str]:
    """Cue words of ``curated/type_cues.yaml`` (organisation, media and company by default),
    upper case."""
    cues = yaml.safe_load((CURATED / "type_cues.yaml").read_text(encoding="utf-8"))
    return frozenset(w.upper() for k in kinds or ("organisation", "media", "company") for w in cues[k])


def body_type(code: str) -> str:
    """The actor type a CAMEO code gives a body: company (MNC), media (MED, not in an IGO), else
    organisation."""
    chunks = {code[i : i + 3] for i in range(0, len(code), 3)}
    if "MED" in chunks and "IGO" not in chunks:
        return "media"
    return "company" if "MNC" in chunks else "organisation"


class OrgImporter:
    """Adds the Phoenix bodies to a ``Builder`` (after its states, curated entries and persons)."""

    def __init__(self, builder: Builder, common: frozenset[str]) -> None:
        self.b = builder
        self.common = common
        rules = import_rules()
        self.function_words = frozenset(w.upper() for w in rules["function_words"])
        self.person_words = frozenset(w.lower() for w in rules["person_words"])
        self.first_names = {
            e.name.split()[0].upper() for e in builder.entries.values() if e.type == "person" and " " in e.name
        } - {w.upper() for w in common}
        self.taken = {a.lower(): e.id for e in builder.entries.values() for a in e.aliases}
        self.orgs = {slug(a): e for e in builder.entries.values() if e.type in ORG_TYPES for a in e.aliases}
        self.created: set[str] = set()
        self.added_abbrs: dict[str, set[str]] = defaultdict(set)  # abbreviation -> ids it was added to
        self._country_words: dict[str, frozenset[str]] = {}
        self.stats = {"bodies": 0, "merged": 0, "dropped_common": 0, "dropped_ambiguous": 0, "dropped_taken": 0}

    def run(self) -> None:
        base = self.b.data / "event-coding/petrarch2"
        agents = agent_codes(base / "Phoenix.agents.txt")
        for fname in FILES:
            for head, aliases, codes, comment in parse_phoenix(base / fname):
                if "CountryInfo" in comment or any(s or e for _, s, e in codes):
                    continue
                code = codes[0][0] if codes else ""
                country = code[:3] if code[:3] in self.b.by_iso3 else ""
                agent_chunks = {code[i : i + 3] for i in range(3, len(code), 3)}
                if fname == FILES[0] and not (country and agent_chunks & agents):
                    continue  # a state, its regions and cities, or a person
                if not code and fname != FILES[2]:
                    continue
                if self.person_like(name_tokens(head)[0]):
                    continue
                rules = SplitRules(
                    self.country_words(country), self.function_words, self.person_words, cue_words(), self.common
                )
                for body in split_bodies([head, *aliases], rules):
                    self.add(body, rules, code, country)
        self.merge_spelled()
        self.drop_ambiguous()

    def person_like(self, tokens: list[str]) -> bool:
        """A name that opens with a known first name and has no organisation word (*JOHN_KIRBY*)."""
        return bool(tokens) and tokens[0] in self.first_names and not set(tokens) & cue_words()

    def country_words(self, iso3: str) -> frozenset[str]:
        """Upper-case words of a state's names, adjectives and abbreviations (*UNITED*, *US*)."""
        if iso3 not in self._country_words:
            words: set[str] = set()
            state = self.b.entries.get(self.b.by_iso3.get(iso3, ""))
            for alias, kind in state.aliases.items() if state else []:
                if kind in ("name", "adj", "abbr"):
                    words.update(w.upper() for w in re.split(r"[\s-]+", alias) if w)
            self._country_words[iso3] = frozenset(words)
        return self._country_words[iso3]

    def country_abbrs(self, iso3: str) -> frozenset[str]:
        """A state's abbreviations (*US*, *VS*), kept upper case inside a body's name."""
        state = self.b.entries.get(self.b.by_iso3.get(iso3, ""))
        return frozenset(a for a in (state.aliases if state else {}) if re.fullmatch(r"[A-Z.]{2,}", a))

    def add(self, body: Body, rules: SplitRules, code: str, country: str) -> None:
        fw, keep = self.function_words, self.country_abbrs(country)
        main = body.main(rules)
        if len(main) == 1 and (len(main[0]) < 4 or main[0].lower() in self.common):
            return
        names = [titlecase(n, fw, keep) for n in body.names]
        e = next((self.orgs[slug(n)] for n in names if slug(n) in self.orgs), None)
        if e is not None:
            self.stats["merged"] += 1
            full = titlecase(main, fw, keep)
            if e.id in self.created and len(full) > len(e.name) and _words(e.name, rules) <= _words(full, rules):
                e.name = full  # a fuller form of a body this import made (a later entry of it)
        elif titlecase(main, fw, keep).lower() in self.taken:
            self.stats["dropped_taken"] += 1  # the name is another actor's (White House: a metonym)
            return
        else:
            e = self.new_entry(titlecase(main, fw, keep), body_type(code), country, code)
            self.created.add(e.id)
            self.stats["bodies"] += 1
        for tokens, n in zip(body.names, names, strict=True):
            if is_common(n, self.common) or n.upper() in cue_words():
                self.stats["dropped_common"] += 1
                continue
            if self.taken.get(n.lower(), e.id) != e.id or self.person_like(tokens):
                self.stats["dropped_taken"] += 1
                continue
            e.add(n)
            self.orgs.setdefault(slug(n), e)
        for abbr in body.abbrs:
            if len(abbr.replace(".", "")) < 3 or is_common(abbr, self.common):
                self.stats["dropped_common"] += 1
                continue
            if self.taken.get(abbr.lower(), e.id) != e.id:
                self.stats["dropped_taken"] += 1
            elif abbr not in e.aliases:
                e.add(abbr, "abbr")
                self.added_abbrs[abbr].add(e.id)

    def new_entry(self, name: str, typ: str, country: str, code: str) -> Entry:
        id_ = slug(name)
        old = self.b.entries.get(id_)
        if old is not None and (old.type != typ or old.country != country):
            id_ = f"{id_}_{(country or code[:3] or 'org').lower()}"
        return self.b.entry(id_, name, typ, country=country, code=code, source="phoenix")

    def merge_spelled(self) -> None:
        """A one-word body this import made (*UNESCO_* has an entry of its own) joins the one body
        of the same code whose name it spells (*United Nations Educational, Scientific and Cultural
        Organization*)."""
        rules = SplitRules(frozenset(), self.function_words, frozenset(), frozenset(), frozenset())
        by_code: dict[str, list[Entry]] = defaultdict(list)
        for e in self.b.entries.values():
            if e.type in ORG_TYPES and e.code:
                by_code[e.code].append(e)
        for id_ in sorted(self.created):
            e = self.b.entries[id_]
            if " " in e.name or len(e.aliases) != 1:
                continue
            word = e.name.upper()
            hits = [o for o in by_code[e.code] if o is not e and spells(word, o.name.upper().split(), rules)]
            if len(hits) == 1:
                hits[0].add(e.name)
                del self.b.entries[id_]
                self.stats["merged"] += 1

    def drop_ambiguous(self) -> None:
        """An imported abbreviation that two actors would have is no one's (a curated actor that
        had it before the import keeps it)."""
        holders: dict[str, set[str]] = defaultdict(set)
        for e in self.b.entries.values():
            for alias, kind in e.aliases.items():
                if kind == "abbr" or alias in self.added_abbrs:
                    holders[alias].add(e.id)
        for abbr, added in self.added_abbrs.items():
            if len(holders[abbr]) > 1:
                for id_ in added:
                    self.b.entries[id_].aliases.pop(abbr, None)
                    self.stats["dropped_ambiguous"] += 1


def _words(name: str, rules: SplitRules) -> set[str]:
    """Upper-case content words of a name (no country or function words, no dots or commas)."""
    words = {w.upper().replace(".", "").strip(",") for w in name.split()}
    return words - rules.country_words - rules.function_words - {w.replace(".", "") for w in rules.country_words}
