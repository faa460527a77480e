"""Actor lookup for the event coder: which record actor a token or phrase stands for.

- mentions are indexed once per document (sorted starts, bisect), so a lookup costs
  ``O(log n)`` instead of a scan over every mention;
- a capital or seat of government in an agent or target role stands for the state's
  government, as in PETRARCH's actor dictionaries: a ``place`` actor whose knowledge-base
  entry has a ``parent`` state (``Moskou`` -> Russia) is replaced by the record's actor for
  that state when the document mentions it;
- pronouns and role phrases (``hij``, ``de Armeense premier``) go to the actor layer's
  resolver (``ctx.actor_links.resolve``) when it is there, else to the latest person
  mentioned before them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache

from powermap.extract._tokens import TokenTable
from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor

DESCRIPTION_REACH = 600  # characters back to the state a description (*het land*) stands for
#: letters an inflected form may add to a mention's form (*Pools* -> *Poolse*)
INFLECTION = 2
#: actor types a counted plural description of parties (*beide partijen*, *both sides*) may stand for
PARTY_TYPES = frozenset({"state", "organisation"})


@cache
def capital_states() -> dict[str, tuple[str, str | None]]:
    """Knowledge-base places that stand for a state: place id -> (state id, ISO3)."""
    try:
        from powermap.kb import load_kb

        kb = load_kb()
    except (OSError, ValueError):  # no knowledge base installed
        return {}
    return {a.id: (a.parent, a.country) for a in kb.actors.values() if a.type == "place" and a.parent}


@cache
def regions() -> frozenset[str]:
    """Knowledge-base regions that stand for their states acting together (*Europa verwerpt ...*)."""
    from powermap.kb import acting_regions

    try:
        return acting_regions()
    except OSError:  # no curated data installed
        return frozenset()


class ActorIndex:
    """The record's actors by character offset, with metonyms and pronouns resolved.

    Args:
        ctx (ExtractionContext): the record's actors and, when present, the ``actor_links`` artefact.
    """

    def __init__(self, ctx: ExtractionContext) -> None:
        self.ctx = ctx
        # two actors may hold the same words: those keep the record's order (actors do not compare)
        spans = sorted(((m.start, m.end, a) for a in ctx.record.actors for m in a.mentions), key=lambda t: t[:2])
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.longest = max((e - s for s, e, _ in spans), default=0)
        self.persons = [(s, e, a) for s, e, a in spans if a.type == "person"]
        self.resolver = ctx.actor_links
        self.personal = get_lexicon(ctx.language).cue_set("personal_pronouns")
        self.by_id = {a.id: a for a in ctx.record.actors}
        states = {a.country: a for a in ctx.record.actors if a.type == "state" and a.country}
        self.state_of_country = states
        self.metonyms: dict[str, Actor] = {}
        for a in ctx.record.actors:
            parent = capital_states().get(a.id) if a.type == "place" else None
            if parent is None:
                continue
            state = self.by_id.get(parent[0]) or states.get(parent[1] or a.country or "")
            if state is not None and state.id != a.id:
                self.metonyms[a.id] = state
        self._memo: dict[tuple[int, int], Actor | None] = {}
        self._forms: dict[str, Actor] | None = None
        self.states = [(s, e, c) for s, e, a in spans if (c := self.canonical(a)) is not None and c.type == "state"]
        #: states and organisations: the parties a counted *beide partijen* may stand for
        self.parties = [
            (s, e, c) for s, e, a in spans if (c := self.canonical(a)) is not None and c.type in PARTY_TYPES
        ]

    def canonical(self, actor: Actor | None) -> Actor | None:
        """The actor an agent or target role stands for (a capital -> its state, or its government
        when the state is not in the record; a region whose states act together, *Europe*, for
        itself; any other place, *the Gulf*, *de Sahel*, for none)."""
        if actor is None:
            return None
        actor = self.metonyms.get(actor.id, actor)
        standing = actor.id in capital_states() or actor.id in regions()
        return None if actor.type == "place" and not standing else actor

    def at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)`` (longest mention wins),
        a capital standing for its state."""
        return self.canonical(self.raw_at(start, end))

    def raw_at(self, start: int, end: int) -> Actor | None:
        """The record actor with a mention overlapping ``[start, end)``, as the actor layer has it."""
        key = (start, end)
        if key in self._memo:
            return self._memo[key]
        best: tuple[int, Actor] | None = None
        hi = bisect_right(self.starts, end - 1)
        lo = bisect_right(self.starts, start - self.longest - 1)
        for s, e, actor in self.spans[lo:hi]:
            if s < end and start < e and (best is None or e - s > best[0]):
                best = (e - s, actor)
        found = best[1] if best else None
        self._memo[key] = found
        return found

    def tokens_in_mentions(self, table: TokenTable, first: int, end: int) -> set[int]:
        """The tokens from ``first`` to ``end`` (token indices of ``table``'s Doc) that overlap a
        mention: the only ones ``at`` finds an actor for (found from the few mentions there, not
        token by token)."""
        if first >= end:
            return set()
        starts, ends = table.starts, table.ends
        low, high = starts[first], ends[end - 1]
        found: set[int] = set()
        near = self.spans[bisect_right(self.starts, low - self.longest - 1) : bisect_left(self.starts, high)]
        for s, e, _actor in near:
            if e > low:
                found.update(range(bisect_right(ends, s, first, end), bisect_left(starts, e, first, end)))
        return found

    def speaker_at(self, start: int) -> Actor | None:
        """The speaker of the direct or partial quote that holds offset ``start``, if any."""
        for quote in self.ctx.record.quotes:
            if quote.start <= start < quote.end and quote.kind != "indirect" and quote.speaker:
                return self.canonical(self.by_id.get(quote.speaker))
        return None

    def by_form(self, word: str) -> Actor | None:
        """The actor of a one-word mention written ``word`` in this document, or differing from it
        by an inflection of up to ``INFLECTION`` letters (*Pools* ~ *Poolse*)."""
        if self._forms is None:
            text = self.ctx.text
            self._forms = {}
            for s, e, a in self.spans:
                form = text[s:e].lower()
                if " " not in form and (actor := self.canonical(a)) is not None:
                    self._forms.setdefault(form, actor)
        word = word.lower()
        if word in self._forms:
            return self._forms[word]
        for form, actor in self._forms.items():
            longer, shorter = (form, word) if len(form) > len(word) else (word, form)
            if len(shorter) >= 3 and longer.startswith(shorter) and len(longer) - len(shorter) <= INFLECTION:
                return actor
        return None

    def resolve(self, start: int, end: int, word: str) -> Actor | None:
        """A pronoun or role phrase ending in ``word`` at ``[start, end)``, resolved backwards."""
        if self.resolver is not None and hasattr(self.resolver, "resolve"):
            actor_id = self.resolver.resolve(start, end)
            return self.canonical(self.by_id.get(actor_id)) if actor_id else None
        if word.lower() not in self.personal:
            return None
        return self.previous_person(start, other_than="")

    def previous_person(self, start: int, other_than: str | set[str]) -> Actor | None:
        """The last person mentioned before ``start`` (within 400 characters) that is not
        ``other_than`` (an id or a set of ids)."""
        skip = {other_than} if isinstance(other_than, str) else other_than
        best = None
        for s, e, actor in self.persons:
            if s >= start:
                break
            if e <= start and start - e < 400 and actor.id not in skip:
                best = actor
        return best

    def last_states(self, start: int, count: int, skip: set[str], parties: bool = False) -> list[Actor]:
        """The ``count`` distinct states (with ``parties``: states and organisations) mentioned
        last before ``start`` (within ``DESCRIPTION_REACH`` characters) that are not in ``skip``,
        in text order; fewer when the text names fewer (*China en India. Twee handelspartners*)."""
        found: list[Actor] = []
        for _s, e, a in reversed(self.parties if parties else self.states):
            if e > start:
                continue
            if start - e >= DESCRIPTION_REACH or len(found) == count:
                break
            if a.id not in skip and a not in found:
                found.append(a)
        return found[::-1]

    def last_state(self, start: int, owner: Actor | None = None, possessive: bool = False) -> Actor | None:
        """The state mentioned last before ``start`` (within ``DESCRIPTION_REACH`` characters) that
        is not ``owner`` nor ``owner``'s state: *het land* in a clause with source ``owner``. With
        ``possessive`` (*zijn buurland*) the nearest state is the owner and is skipped too."""
        seen = [a for s, e, a in self.states if e <= start and start - e < DESCRIPTION_REACH]
        skip = set()
        if owner is not None:
            skip.add(owner.id)
            if owner.country and (state := self.state_of_country.get(owner.country)) is not None:
                skip.add(state.id)
        if possessive and seen:
            skip.add(seen[-1].id)
        seen = [a for a in seen if a.id not in skip]
        return seen[-1] if seen else None

    def last_of_country(self, start: int, country: str, kinds: frozenset[str]) -> Actor | None:
        """The actor of a type in ``kinds`` from ``country`` mentioned last before ``start`` (within
        ``DESCRIPTION_REACH`` characters): what *het Chinese telecombedrijf* stands for."""
        found = None
        for s, e, actor in self.spans:
            if s >= start:
                break
            if start - e < DESCRIPTION_REACH and actor.type in kinds and actor.country == country:
                found = actor
        return found
