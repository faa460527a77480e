"""Discourse networks as the Discourse Network Analyzer (DNA, Leifeld 2017) defines them.

A *statement* is a stance: an actor agrees or disagrees with a concept, in a document.
From the statements:

- the **affiliation network** (two-mode, actor × concept) counts agreeing and disagreeing
  statements; ``weight`` is agree − disagree (DNA's ``subtract``), ``combine`` is 1 agree
  only, 2 disagree only, 3 both (DNA's ``combine``);
- the **congruence network** (one-mode, actor × actor) links two actors by the number of
  (concept, agreement) pairs both hold, the **conflict network** by the number of concepts
  on which they hold opposite agreements, and ``subtract`` is congruence − conflict.
  Statements are counted once per actor, concept and agreement (binary incidence, DNA's
  ``duplicates`` set to one per actor and value), so repetition does not inflate a tie.
  Normalisation as in DNA: ``average`` (average activity: divide by the mean number of
  distinct concepts the two actors refer to), ``jaccard`` (divide by |A| + |B| − raw, the
  union of the two actors' (concept, agreement) sets), ``cosine`` (divide by
  sqrt(|A|·|B|)) or ``no``.
- **coalitions** are signed communities (``analyse.communities``) of the subtract network,
  each with its position profile (the share of its members' statements agreeing with each
  concept), the concepts its members agree and disagree on, and the statements behind them.
  A reader can only use coalitions of a readable size: a community holding a third or more of
  the actors is split again inside (``communities.capped_communities``). Each coalition names
  the coalitions its members are in net conflict with (``opposes``); ``readable`` picks the ones
  to show, an actor alone among them when it opposes one of them.

Concepts are the stances' labels as extracted, mapped through a concepts file
(``read_concepts``), or, with ``by_meaning``, found by meaning (``analyse.concepts``): the
statements are grouped into labelled concepts by what they are about, across languages.

Stances have no date of their own: a statement counts on its document's ``published`` date.
Near duplicates count once.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from powermap.analyse.actors import load_actors
from powermap.analyse.communities import capped_communities
from powermap.analyse.concept_file import ConceptFile
from powermap.analyse.documents import originals_clause
from powermap.analyse.events import as_date, first_day_sql, published_span_sql

Normalization = Literal["no", "average", "jaccard", "cosine"]
NORMALIZATIONS: tuple[str, ...] = ("no", "average", "jaccard", "cosine")


@dataclass(frozen=True)
class Statement:
    id: int
    doc_id: str
    actor: str
    concept: str
    agree: bool
    day: date | None
    evidence: str = ""


@dataclass
class AffiliationEdge:
    actor: str
    concept: str
    agree: int
    disagree: int
    weight: int
    combine: int


@dataclass
class ActorTie:
    """A pair of actors in the one-mode networks (``a`` < ``b``), raw and normalised."""

    a: str
    b: str
    congruence_raw: int
    conflict_raw: int
    congruence: float
    conflict: float
    subtract: float


@dataclass
class Evidence:
    """A statement behind a coalition's position: who said it, agreeing or not, and where."""

    statement: int
    doc_id: str
    actor: str
    agree: bool
    text: str


@dataclass
class Coalition:
    id: int
    label: str
    members: list[str]
    positions: dict[str, float] = field(default_factory=dict)  # concept -> share of agreeing statements
    agrees: list[str] = field(default_factory=list)  # concepts its members agree with (share >= 0.75)
    disagrees: list[str] = field(default_factory=list)  # concepts its members disagree with (share <= 0.25)
    statements: dict[str, list[Evidence]] = field(default_factory=dict)  # concept -> statements behind it
    opposes: list[int] = field(default_factory=list)  # coalitions its members are in net conflict with, most first


@dataclass
class Discourse:
    statements: int
    actors: list[str]
    concepts: list[str]
    affiliation: list[AffiliationEdge]
    ties: list[ActorTie]
    coalitions: list[Coalition]
    normalization: str
    names: dict[str, str] = field(default_factory=dict)

    def to_networkx(self):
        """The actor one-mode network: nodes with name and coalition, edges with congruence, conflict, subtract."""
        import networkx as nx

        graph = nx.Graph()
        coalition_of = {m: c.id for c in self.coalitions for m in c.members}
        for actor in self.actors:
            graph.add_node(actor, label=self.names.get(actor, actor), coalition=coalition_of.get(actor, -1))
        for t in self.ties:
            graph.add_edge(
                t.a,
                t.b,
                weight=t.subtract,
                abs_weight=abs(t.subtract),
                congruence=t.congruence,
                conflict=t.conflict,
                congruence_raw=t.congruence_raw,
                conflict_raw=t.conflict_raw,
            )
        return graph


def read_concepts(path: Path) -> dict[str, str]:
    """A concepts file: one concept per line, or ``variant<TAB>canonical`` to merge wordings.

    Lines starting with ``#`` are comments. Keys are case-folded; only the canonical
    concepts named in the file are analysed.
    """
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        variant, _, canonical = line.partition("\t")
        canonical = canonical.strip() or variant.strip()
        out[variant.strip().casefold()] = canonical
        out[canonical.casefold()] = canonical
    return out


def load_statements(
    conn: sqlite3.Connection,
    concepts: dict[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
    include_duplicates: bool = False,
    evidence: bool = True,
) -> list[Statement]:
    """Stances as DNA statements, with concepts mapped through ``concepts`` (see ``read_concepts``);
    without ``evidence`` their text is left empty (and the stance rows unread: migration 12's index)."""
    day = first_day_sql("d.published")
    where, params = [originals_clause(include_duplicates)], []
    for bound, op in ((since, ">="), (until, "<=")):
        if bound is not None:
            where.append(f"{day} {op} ?")
            params.append(bound.isoformat())
    narrow, narrow_params = published_span_sql("d.published", since, until)  # by an index first
    where.append(narrow)
    params += narrow_params
    sql = (
        f"SELECT s.id, s.doc_id, s.actor, s.concept, s.agree, {day}, {'s.evidence' if evidence else chr(39) * 2} "
        "FROM stances s "
        f"JOIN documents d ON d.id = s.doc_id WHERE {' AND '.join(where)} ORDER BY s.id"
    )
    out = []
    for sid, doc_id, actor, concept, agree, published, said in conn.execute(sql, params):
        if concepts is not None:
            concept = concepts.get(concept.casefold())
            if concept is None:
                continue
        out.append(Statement(sid, doc_id, actor, concept, bool(agree), as_date(published), said))
    return out


def by_meaning(
    conn: sqlite3.Connection, statements: list[Statement], concept_file: ConceptFile | None = None
) -> list[Statement]:
    """The statements with their concepts found by meaning (``analyse.concepts``); a statement
    whose concept the concept file drops is left out."""
    from powermap.analyse.concepts import group_statements, load_concept_statements

    found = group_statements(load_concept_statements(conn, [s.id for s in statements]), concept_file, conn)
    return [
        Statement(s.id, s.doc_id, s.actor, found.of_statement[s.id], s.agree, s.day, s.evidence)
        for s in statements
        if s.id in found.of_statement
    ]


def affiliation(statements: list[Statement]) -> list[AffiliationEdge]:
    """The actor × concept network (DNA two-mode, with agree/disagree counts)."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for s in statements:
        counts[(s.actor, s.concept)][0 if s.agree else 1] += 1
    return [
        AffiliationEdge(actor, concept, yes, no, yes - no, (1 if yes else 0) + (2 if no else 0))
        for (actor, concept), (yes, no) in sorted(counts.items())
    ]


def actor_ties(statements: list[Statement], normalization: Normalization = "average") -> list[ActorTie]:
    """Congruence, conflict and subtract ties between every pair of actors sharing a concept.

    Counted concept by concept (the pairs among its agreeing and disagreeing holders), not by
    intersecting every pair's (concept, agreement) sets: the same numbers, in one pass."""
    if normalization not in NORMALIZATIONS:
        raise ValueError(f"unknown normalization {normalization!r}; use one of {', '.join(NORMALIZATIONS)}")
    held: dict[str, set[tuple[str, bool]]] = defaultdict(set)
    sides: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for s in statements:
        held[s.actor].add((s.concept, s.agree))
        sides[s.concept][0 if s.agree else 1].add(s.actor)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # congruence, conflict
    for agree, disagree in sides.values():
        for group in (agree, disagree):
            ordered = sorted(group)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    counts[(a, b)][0] += 1
        for a in agree:
            for b in disagree:
                if a != b:  # an actor on both sides of a concept is no pair with itself
                    counts[(a, b) if a < b else (b, a)][1] += 1
    size = {a: len(h) for a, h in held.items()}
    concepts = {a: len({c for c, _ in h}) for a, h in held.items()}
    ties = []
    for (a, b), (congruence, conflict) in sorted(counts.items()):
        cong_n = _normalise(congruence, a, b, size, concepts, normalization)
        conf_n = _normalise(conflict, a, b, size, concepts, normalization)
        ties.append(ActorTie(a, b, congruence, conflict, cong_n, conf_n, round(cong_n - conf_n, 6)))
    return ties


def _normalise(raw: int, a: str, b: str, size: dict[str, int], concepts: dict[str, int], how: str) -> float:
    """``raw`` divided as DNA does (``size``: an actor's (concept, agreement) pairs; ``concepts``: its concepts)."""
    if raw == 0 or how == "no":
        return float(raw)
    if how == "average":
        denominator: float = (concepts[a] + concepts[b]) / 2
    elif how == "jaccard":
        denominator = size[a] + size[b] - raw
    else:
        denominator = math.sqrt(size[a] * size[b])
    return round(raw / denominator, 6) if denominator else 0.0


def coalitions(
    conn: sqlite3.Connection, statements: list[Statement], ties: list[ActorTie], seed: int = 1, evidence: int = 3
) -> list[Coalition]:
    """Signed communities of the subtract network, of a readable size, each with its members,
    position profile, the concepts it agrees and disagrees on and (up to ``evidence`` per
    concept) the statements behind them."""
    actors = sorted({s.actor for s in statements})
    groups = capped_communities(actors, [(t.a, t.b, t.subtract) for t in ties if t.subtract], seed=seed)
    names = load_actors(conn)
    activity: dict[str, int] = defaultdict(int)
    for s in statements:
        activity[s.actor] += 1
    tallies: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    holders: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    behind: dict[int, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:
        gid = groups[s.actor]
        slot = tallies[gid][s.concept]
        slot[0] += s.agree
        slot[1] += 1
        holders[gid][s.concept].add(s.actor)
        behind[gid][s.concept].append(s)
    between: dict[tuple[int, int], float] = defaultdict(float)
    for t in ties:
        ga, gb = groups[t.a], groups[t.b]
        if ga != gb:
            between[(ga, gb)] += t.subtract
            between[(gb, ga)] += t.subtract
    out = []
    for gid in sorted(set(groups.values())):
        members = sorted((a for a in actors if groups[a] == gid), key=lambda a: (-activity[a], a))
        tally = tallies[gid]
        label = ", ".join(names[m].name if m in names else m for m in members[:3]) + (" …" if len(members) > 3 else "")
        positions = {c: round(yes / n, 4) for c, (yes, n) in sorted(tally.items())}
        # the concepts most of its members speak to come first
        ranked = sorted(positions, key=lambda c: (-len(holders[gid][c]), -tally[c][1], c))
        agrees = [c for c in ranked if positions[c] >= 0.75]
        disagrees = [c for c in ranked if positions[c] <= 0.25]
        shown = {
            c: [Evidence(s.id, s.doc_id, s.actor, s.agree, s.evidence) for s in behind[gid][c][:evidence]]
            for c in agrees + disagrees
        }
        rivals = sorted((w, h) for (g, h), w in between.items() if g == gid and w < 0)
        out.append(Coalition(gid, label, members, positions, agrees, disagrees, shown, [h for _, h in rivals]))
    return out


def readable(found: list[Coalition], limit: int = 12) -> list[Coalition]:
    """The coalitions a reader is shown: those of two or more actors, and an actor alone when it
    is in conflict with one of them (a lone opponent is a camp too), largest first."""
    shown = [c for c in found if len(c.members) > 1][:limit]
    ids = {c.id for c in shown}
    alone = [c for c in found if len(c.members) == 1 and ids & set(c.opposes)]
    return sorted(shown + alone[: max(limit - len(shown), 0)], key=lambda c: (-len(c.members), c.id))


def discourse(
    conn: sqlite3.Connection,
    concepts: dict[str, str] | None = None,
    normalization: Normalization = "average",
    since: date | None = None,
    until: date | None = None,
    seed: int = 1,
    meaning: bool = False,
    concept_file: ConceptFile | None = None,
) -> Discourse:
    """Statements -> affiliation, congruence/conflict ties and coalitions, in one call; with
    ``meaning``, concepts are found by meaning first (and ``concept_file`` applied)."""
    statements = load_statements(conn, concepts, since, until)
    if meaning and concepts is None:
        statements = by_meaning(conn, statements, concept_file)
    ties = actor_ties(statements, normalization)
    actors = sorted({s.actor for s in statements})
    known = load_actors(conn)
    return Discourse(
        len(statements),
        actors,
        sorted({s.concept for s in statements}),
        affiliation(statements),
        ties,
        coalitions(conn, statements, ties, seed),
        normalization,
        {a: known[a].name if a in known else a for a in actors},
    )
