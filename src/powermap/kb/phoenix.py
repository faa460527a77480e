"""Read the Phoenix (PETRARCH2) actor dictionaries (MIT): entries, dates, and bodies of organisations.

A Phoenix entry groups every name that gets one CAMEO code, so one entry may hold several bodies
(*US_INTELLIGENCE_COMMUNITY* lists the CIA, the NSA and the ODNI). ``split_bodies`` turns an
entry's names into bodies: an abbreviation goes with the name whose initials it spells; a name
that an abbreviation spells, or that has an organisation word of its own (*House Armed Services
Committee*), is a body of its own unless it only differs from another name by country words,
function words or word order (*US State Department* = *Department of State*); a name that is
another name plus other words (*AL_QAEDA_OPERATIVES*, *WHITE_HOUSE_PRESS_SECRETARY*) and a name
with a person word (``person_words`` in ``curated/import_rules.yaml``) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

#: Tokens that mark a Phoenix alias as a title phrase rather than a person's name.
TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "FOREIGN", "AMBASSADOR", "GENERAL", "SECRETARY", "KING",
    "QUEEN", "PRINCE", "SHEIKH", "SHEIK", "DR.", "DR", "MR.", "MRS.", "LEADER", "CHAIRMAN", "SENATOR",
    "GOVERNOR", "DEPUTY", "SPEAKER", "CHIEF", "ADMIRAL", "COLONEL", "MAYOR", "JUDGE", "JUSTICE",
}  # fmt: skip

_CODE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\]")
_ABBR = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,5}$")


def phoenix_date(value: str) -> str:
    """Phoenix yymmdd or yyyymmdd -> ISO date (two-digit years pivot at 30)."""
    if len(value) == 6:
        yy = int(value[:2])
        value = f"{2000 + yy if yy < 30 else 1900 + yy}{value[2:]}"
    iso = f"{value[:4]}-{value[4:6]}-{value[6:8]}"
    try:
        date.fromisoformat(iso)
    except ValueError:
        return ""
    return iso


def parse_phoenix(path: Path) -> Iterator[tuple[str, list[str], list[tuple[str, str, str]], str]]:
    """Entries of a Phoenix actor file: (name, aliases, [(code, start, end)], comment)."""
    name, comment = "", ""
    aliases: list[str] = []
    codes: list[tuple[str, str, str]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        body, _, note = line.partition("#")
        if line[0] not in " \t+":
            if name:
                yield name, aliases, codes, comment
            name = body.split("[")[0].strip().strip("_").strip()
            aliases, codes, comment = [], [], note
        elif line.startswith("+"):
            aliases.append(body[1:].split("[")[0].strip().strip("_"))
        for m in _CODE.finditer(body):
            code, op, d1, d2 = m.groups()
            start = end = ""
            if d1 and d2:
                start, end = phoenix_date(d1), phoenix_date(d2)
            elif d1 and op == "<":
                end = phoenix_date(d1)
            elif d1:
                start = phoenix_date(d1)
            codes.append((code, start, end))
    if name:
        yield name, aliases, codes, comment


def agent_codes(path: Path) -> frozenset[str]:
    """The three-letter CAMEO agent codes of ``Phoenix.agents.txt`` (GOV, MIL, SPY, MED, ...)."""
    out: set[str] = set()
    for m in re.finditer(r"\[~([A-Z]+)\]", path.read_text(encoding="utf-8", errors="replace")):
        code = m.group(1)
        out.update(code[i : i + 3] for i in range(0, len(code) - 2, 3))
    return frozenset(out)


def titlecase(tokens: Iterable[str], lower: Iterable[str] = (), keep: Iterable[str] = ()) -> str:
    """``["VLADIMIR", "V.", "PUTIN"]`` -> ``Vladimir V. Putin`` (hyphen parts capitalised too, and
    the part after an apostrophe that follows one letter: *O'Neil*, not *Qa'Ida*); words in
    ``lower`` stay lower case except at the start (*Department of State*); words in ``keep`` and
    dotted abbreviations (*U.S.*) stay as written."""
    small = {w.lower() for w in lower}
    kept = set(keep)
    out = []
    for i, t in enumerate(tokens):
        if t in kept or re.fullmatch(r"(?:[A-Z]\.){2,}", t):
            out.append(t)
            continue
        if i and t.lower() in small:
            out.append(t.lower())
            continue
        parts = re.split(r"([-'])", t.lower())
        cased = []
        for j, p in enumerate(parts):
            after_quote = j >= 2 and parts[j - 1] == "'" and len(parts[j - 2]) != 1
            cased.append(p if p in "-'" or after_quote else p[:1].upper() + p[1:])
        out.append("".join(cased))
    return " ".join(out)


def without_article(tokens: list[str]) -> list[str]:
    """A Phoenix name without its leading English article (*THE_EUROPEAN_UNION*): the article is
    no part of the name, and with it the entry would not merge with the body it names."""
    return tokens[1:] if tokens and tokens[0].lower() == "the" else tokens


@dataclass
class Body:
    """One organisation read from a Phoenix entry."""

    names: list[list[str]] = field(default_factory=list)  # upper-case token lists
    abbrs: list[str] = field(default_factory=list)

    def main(self, rules: SplitRules) -> list[str]:
        """The fullest form of the body's first name: the longest name that holds every content
        word of the first (*Iranian Revolutionary Guard Corps* for *Revolutionary Guard*), in characters (*United
        States ...* before *U.S. ...*)."""
        first = _content(self.names[0], rules)
        return max((n for n in self.names if _content(n, rules) >= first), key=lambda n: len(" ".join(n)))


@dataclass(frozen=True)
class SplitRules:
    """What ``split_bodies`` needs to know: words of the entry's country, function words, person
    words, organisation cue words (all upper case) and the common words (lower case)."""

    country_words: frozenset[str]
    function_words: frozenset[str]
    person_words: frozenset[str]
    cue_words: frozenset[str]
    common: frozenset[str]


def name_tokens(raw: str) -> tuple[list[str], str]:
    """Tokens of a Phoenix name (commas inside kept: *Educational, Scientific*) and an
    abbreviation written after it in brackets (*X_(AAIA)*)."""
    toks = [t for t in re.split(r"[_ ]+", raw.strip("_ +,")) if t.strip(",")]
    paren = next((t.strip("(),") for t in toks if t.startswith("(") and t.rstrip(",").endswith(")")), "")
    toks = [t for t in toks if not (t.startswith("(") or t.rstrip(",").endswith(")"))]
    if toks:
        toks[-1] = toks[-1].rstrip(",")
    return without_article(toks), paren


def _content(tokens: list[str], rules: SplitRules) -> set[str]:
    return {t.replace(".", "").strip(",") for t in tokens} - rules.function_words - rules.country_words


def _key(tokens: list[str], rules: SplitRules) -> frozenset[str]:
    words = _content(tokens, rules)
    return frozenset(w.rstrip("S") if len(w) > 3 else w for w in words)


def _contains(longer: list[str], shorter: list[str]) -> bool:
    a = [p for t in longer for p in t.split("-")]
    b = [p for t in shorter for p in t.split("-")]
    return len(a) > len(b) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))


def spells(abbr: str, tokens: list[str], rules: SplitRules) -> bool:
    """Whether ``abbr`` is the initials of ``tokens``, with or without their function words
    (*DOD* and *DD* for *Department of Defense*; hyphen parts count as words)."""
    letters = abbr.replace(".", "")
    parts = [p for t in tokens for p in t.split("-") if p]
    full = "".join(p[0] for p in parts)
    content = "".join(p[0] for p in parts if p not in rules.function_words)
    return len(parts) >= 2 and letters in (full, content)


def is_abbreviation(token: str, rules: SplitRules) -> bool:
    """A one-word name read as an abbreviation: dotted capitals (*U.N.*), or up to four letters
    that are no common word (*CIA*; *HAMAS* and *ACTION* are names or words)."""
    if re.fullmatch(r"(?:[A-Z]\.){2,}", token):
        return True
    return bool(_ABBR.match(token)) and len(token) <= 4 and token.lower() not in rules.common


def split_bodies(raw_names: list[str], rules: SplitRules) -> list[Body]:
    """The bodies named by one Phoenix entry (its head name first, then its aliases)."""
    names: list[list[str]] = []
    abbrs: list[tuple[str, list[str] | None]] = []
    for raw in raw_names:
        toks, paren = name_tokens(raw)
        if not toks or {t.lower() for t in toks} & rules.person_words:
            continue
        if len(toks) == 1 and is_abbreviation(toks[0], rules):
            abbrs.append((toks[0], None))
            continue
        if toks not in names:
            names.append(toks)
        if paren and _ABBR.match(paren.replace(".", "")):
            abbrs.append((paren, toks))
    names = [n for n in names if not any(_contains(n, m) and _extra_words(n, m, rules) for m in names)]
    if not names:
        return []
    spelled = {id(n) for n in names for a, _ in abbrs if spells(a, n, rules)}
    bodies: list[Body] = [Body([names[0]])]
    for n in names[1:]:
        same = next((b for b in bodies if any(_key(n, rules) == _key(m, rules) for m in b.names)), None)
        own = id(n) in spelled or bool(set(n) & rules.cue_words - set(bodies[0].names[0]))
        target = same or (Body() if own else bodies[0])
        if target not in bodies:
            bodies.append(target)
        target.names.append(n)
    for abbr, named in abbrs:
        hits = [b for b in bodies if (named in b.names) or any(spells(abbr, n, rules) for n in b.names)]
        if len(hits) == 1:
            hits[0].abbrs.append(abbr)
        elif not hits and len(bodies) == 1:
            bodies[0].abbrs.append(abbr)
    return bodies


def _extra_words(longer: list[str], shorter: list[str], rules: SplitRules) -> bool:
    """Whether ``longer`` is ``shorter`` with words that make it another thing: two or more words
    that are no country or function words (*AL_QAEDA_LINKED_ABU_SAYYAF*), or one that is not at
    the end (*QATAR-BASED_BROADCASTER_X*); one word at the end is a fuller name (*... CORPS*)."""
    parts = [p.replace(".", "").strip(",") for t in longer for p in t.split("-")]
    base = {p.replace(".", "").strip(",") for t in shorter for p in t.split("-")}
    extra = [p for p in parts if p not in base and p not in rules.country_words and p not in rules.function_words]
    return len(extra) >= 2 or (len(extra) == 1 and parts[-1] != extra[0])
