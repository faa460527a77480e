"""Who said it: speakers from names, pronouns, roles and anonymous descriptions.

The discourse keeps, sentence by sentence, the actor that was the subject or speaker, so a
pronoun (hij, they) or a bare role (de hoogleraar) resolves to the person the text was
talking about. Anonymous sources (een anonieme functionaris, Chinese sources) become
document-local anonymous actors and are never resolved to a named person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from powermap.extract._text import Sentence, Token
from powermap.extract.quotes.lexicon import QuoteLexicon
from powermap.records import Actor, ActorType, ExtractionRecord, Quote, Span

QUOTE_TOKEN = "\x00Q"
_NAMED_TYPES = ("person", "group", "organisation", "company", "media")
_MAX_DESCRIPTION_WORDS = 6  # a described speaker longer than this is a clause, not a name


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: Actor


@dataclass
class Discourse:
    """Mentions, sentences and the running subject/speaker memory of one document."""

    record: ExtractionRecord
    lexicon: QuoteLexicon
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    subjects: dict[int, str] = field(default_factory=dict)
    speakers: dict[int, str] = field(default_factory=dict)
    #: pronouns and roles read as a speaker, with the actor they were resolved to
    references: list[Mention] = field(default_factory=list)
    _genders: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.refresh_mentions()

    def refresh_mentions(self) -> None:
        self.mentions = sorted(
            (Mention(m.start, m.end, a) for a in self.record.actors for m in a.mentions),
            key=lambda m: (m.start, -(m.end - m.start)),
        )

    @property
    def text(self) -> str:
        return self.record.document.text

    # -- looking things up -------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start < end and start < m.end]

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.record.actors if a.id == actor_id), None)

    def first_person(self, sent: Sentence) -> str | None:
        for m in self.mentions_in(sent.start, sent.end):
            if m.actor.type == "person":
                return m.actor.id
        return None

    def note_subject(self, sent: Sentence, actor_id: str | None) -> None:
        if actor_id:
            self.subjects.setdefault(sent.index, actor_id)

    def subject_of(self, sent: Sentence) -> str | None:
        """The sentence's remembered subject, else what a pronoun or latter/former anaphor
        opening it resolves to (*He added ...*: the one *he* was before), else its first person
        mention."""
        if sent.index in self.subjects:
            return self.subjects[sent.index]
        first = re.match(r"\W*(\w+)", self.text[sent.start : sent.end])
        if first:
            word = first.group(1).lower()
            kind = self.lexicon.pronouns.get(word)
            if kind in ("latter", "former") or (kind == "singular" and word in self.lexicon.genders):
                found = self.resolve(sent, kind, self.lexicon.genders.get(word))
                if found:
                    self.subjects[sent.index] = found
                    return found
        return self.first_person(sent)

    # -- resolution --------------------------------------------------------------------
    def resolve(self, sent: Sentence, kind: str, gender: str | None = None) -> str | None:
        """The actor a pronoun/role of ``kind`` in ``sent`` stands for, or None; with a
        ``gender`` (m/f: he, she), never a person the text gives the other gender."""
        prev = [s for s in self.sentences[max(0, sent.index - 4) : sent.index]][::-1]
        if kind in ("latter", "former"):
            for s in prev[:2]:
                persons = [m for m in self.mentions_in(s.start, s.end) if m.actor.type == "person"]
                if persons:
                    return (persons[-1] if kind == "latter" else persons[0]).actor.id
            return None
        if kind == "plural":  # a group that was the subject (opened) of the sentence before
            for s in prev[:1]:
                lead = re.match(r"\W*(?:\w+\W+){0,2}", self.text[s.start : s.end])
                for m in self.mentions_in(s.start, s.start + (lead.end() if lead else 0) + 1):
                    if m.actor.type in ("group", "organisation", "media"):
                        return m.actor.id
            return None
        # singular pronoun or role: previous subject, else the latest person mention
        for s in prev[:1]:
            subject = self.subject_of(s)
            if subject and self._is_person(subject) and self._agrees(subject, gender):
                return subject
        for s in prev[:3]:
            mentioned = self.mentions_in(s.start, s.end)
            persons = [m for m in mentioned if m.actor.type == "person" and self._agrees(m.actor.id, gender)]
            if persons:
                return persons[-1].actor.id
        return None

    def _agrees(self, actor_id: str, gender: str | None) -> bool:
        """Whether a pronoun of ``gender`` may stand for the actor: no gender, or the actor's
        gender unknown or the same."""
        known = self.gender_of(actor_id)
        return gender is None or known is None or known == gender

    def gender_of(self, actor_id: str) -> str | None:
        """The gender the text gives a person by a title before one of its mentions (Mr. X: m,
        Mrs. X: f), None when it gives none or both."""
        if actor_id not in self._genders:
            actor = self.actor(actor_id)
            found: set[str] = set()
            for m in actor.mentions if actor is not None and actor.type == "person" else ():
                before = re.search(r"(\w+)\.?\s+$", self.text[max(0, m.start - 12) : m.start])
                words = [before.group(1)] if before else []
                words += m.text.split()[:1]  # a title inside the mention: Mrs. Roe
                found.update(g for w in words if (g := self.lexicon.titles.get(w.lower().rstrip("."))))
            self._genders[actor_id] = found.pop() if len(found) == 1 else None
        return self._genders[actor_id]

    def _is_person(self, actor_id: str) -> bool:
        actor = self.actor(actor_id)
        return actor is not None and actor.type == "person"

    def anonymous(self, start: int, end: int, plural: bool) -> str:
        """The anonymous-source actor for the description ``text[start:end]``."""
        found = [m for m in self.mentions_in(start, end) if m.actor.id.startswith("anon-")]
        if found:
            return found[0].actor.id
        surface = self.text[start:end]
        words = surface.split()
        if words and words[0].lower() in self._determiners():
            words = words[1:]
        name = " ".join(words) or surface
        slug = re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-")
        actor_id = f"anon-{slug}"
        actor = self.actor(actor_id)
        if actor is None:
            actor = Actor(id=actor_id, name=name, type="group" if plural else "person", role="anonymous source")
            self.record.actors.append(actor)
        actor.mentions.append(Span(surface, start, end))
        self.refresh_mentions()
        return actor_id

    def described(self, start: int, end: int, plural: bool, named: bool = False) -> str | None:
        """A document-local actor for a speaker the text only describes (the embassy, lokale
        media, the union) and no actor stands for; None for a phrase too long to be a name."""
        surface = self.text[start:end].strip()
        words = surface.split()
        if not words or len(words) > _MAX_DESCRIPTION_WORDS:
            return None
        if words[0].lower() in self._determiners() or words[0].lower() in self.lexicon.articles:
            words = words[1:]
        name = " ".join(words)
        slug = re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-")
        if not slug:
            return None
        actor_id = f"desc-{slug}"
        actor = self.actor(actor_id)
        if actor is None:
            kind: ActorType = "group" if plural else "person" if named and _looks_like_person(words) else "organisation"
            actor = Actor(id=actor_id, name=name, type=kind, role="described speaker")
            self.record.actors.append(actor)
        actor.mentions.append(Span(surface, start, start + len(surface)))
        self.refresh_mentions()
        return actor_id

    def absorb_descriptions(self, quotes: list[Quote]) -> None:
        """A described or anonymous speaker whose words end the name of exactly one other
        actor of the document (*officials* and *German officials*; never a person for an
        anonymous source) is that actor: its mentions move there and its quotes take it."""
        actors = self.record.actors
        for desc in [a for a in actors if a.role in ("described speaker", "anonymous source")]:
            words = _fold(desc.name).split()
            barred = ("place", "state", "person") if desc.role == "anonymous source" else ("place", "state")
            hosts = [
                a
                for a in actors
                if a is not desc
                and a.type not in barred
                and _fold(a.name).split()[-len(words) :] == words
                and len(_fold(a.name).split()) > len(words)
            ]
            if len(hosts) != 1:
                continue
            host = hosts[0]
            host.mentions.extend(desc.mentions)
            host.mentions.sort(key=lambda m: m.start)
            actors.remove(desc)
            for q in quotes:
                if q.speaker == desc.id:
                    q.speaker = host.id
        self.refresh_mentions()

    def _determiners(self) -> set[str]:
        return {w for w, k in self.lexicon.markers.items() if k == "determiner"}

    # -- speakers from a stretch of tokens -----------------------------------------------
    def speaker_in(self, sent: Sentence, window: list[Token], leading: bool = False) -> str | None:
        """The speaker named in ``window`` (the tokens around a cue), or None.

        Order: a pronoun at its start; a role or anonymous description at its start (a role
        followed by a name is that name); the first person named; any other named actor.
        ``leading`` restricts names to those starting the window.
        """
        if not window:
            return None
        lex = self.lexicon
        words = [t.lower for t in window]
        for i, w in enumerate(words[:2]):
            kind, size = lex.pronouns.get(w), 1
            if not kind:
                kind, size = lex.pronouns.get(" ".join(words[i : i + 2])), 2
            if kind:
                found = self.resolve(sent, kind, lex.genders.get(" ".join(words[i : i + size])))
                return self.refer(window[i].start, window[min(i + size, len(window)) - 1].end, found)
            if w not in self._determiners() and not window[i].text[:1].isupper():
                break
        np_end = self._description(window)
        if np_end is not None:
            noun_index, kind = np_end
            first = window[0].start
            head_end = window[noun_index].end
            inside = [m for m in self.mentions_in(first, head_end) if m.actor.type in _NAMED_TYPES]
            if inside:
                return inside[0].actor.id
            if kind == "government":  # de Venezolaanse regering, the government of X: the state
                end = self._extend_of(window, noun_index, types=("state",))
                states = [m for m in self.mentions_in(first, end) if m.actor.type == "state"]
                return states[0].actor.id if states else None
            if kind == "role":
                after = self._person_after(window, noun_index)
                if after is None and words[0] in lex.indefinite:  # een journalist: someone new
                    return self.anonymous(first, self._extend_of(window, noun_index), plural=False)
                return after or self.refer(first, head_end, self.resolve(sent, "singular"))
            end = self._extend_of(window, noun_index)
            return self.anonymous(first, end, plural=kind == "anonymous_plural")
        mentions = self._window_mentions(window)
        if leading:
            limit = window[min(2, len(window) - 1)].end
            for tok in window[:5]:  # a name after its description: volgens het Britse instituut X
                if tok.text in (",", QUOTE_TOKEN) or tok.lower in self._prepositions():
                    break
                if any(m.start == tok.start and m.actor.type in _NAMED_TYPES for m in mentions):
                    limit = max(limit, tok.end)
                    break
            mentions = [m for m in mentions if m.start <= limit]
        for m in mentions:
            if m.actor.type == "person":
                return m.actor.id
        for m in mentions:
            if m.actor.type in _NAMED_TYPES:
                return m.actor.id
        return mentions[0].actor.id if mentions else None

    def refer(self, start: int, end: int, actor_id: str | None) -> str | None:
        """``actor_id``, noting that ``text[start:end]`` (a pronoun, a role) referred to it."""
        actor = self.actor(actor_id)
        if actor is not None:
            self.references.append(Mention(start, end, actor))
        return actor_id

    def speaker_mention(
        self, actor_id: str, start: int, end: int, quote: tuple[int, int], cue: str | None = None
    ) -> Span | None:
        """The words in ``text[start:end]`` (the sentences of a quote) that name ``actor_id`` as
        its speaker, outside the ``quote`` span or right before its ``cue`` inside it (*X, he
        said, would ...*): the pronoun or role last resolved to it there, else its mention
        nearest the quote; None when the stretch names it nowhere."""
        q_start, q_end = quote
        cue_word = re.escape(cue.split()[0]) if cue and cue.split() else None

        def naming(m: Mention) -> bool:
            if m.actor.id != actor_id or not (start <= m.start and m.end <= end):
                return False
            if m.end <= q_start or m.start >= q_end:
                return True
            if cue_word is None:
                return False
            return re.match(rf"\s+(?:\w+\s+)?{cue_word}\b", self.text[m.end : m.end + 40]) is not None

        def distance(m: Mention) -> int:
            return min(abs(m.end - q_start), abs(m.start - q_end))

        resolved = [m for m in self.references if naming(m)]
        named = sorted((m for m in self.mentions if naming(m)), key=distance)
        found = resolved[-1] if resolved else named[0] if named else None
        return Span(self.text[found.start : found.end], found.start, found.end) if found else None

    def _window_mentions(self, window: list[Token]) -> list[Mention]:
        out = []
        for m in self.mentions_in(window[0].start, window[-1].end):
            inside_quote = any(t.text == QUOTE_TOKEN and t.start <= m.start < t.end for t in window)
            if not inside_quote:
                out.append(m)
        return out

    def _description(self, window: list[Token]) -> tuple[int, str] | None:
        """Index and kind of a role/anonymous noun heading the window's first noun phrase."""
        for i, tok in enumerate(window[:6]):
            if tok.text in (",", ".", ":", ";", QUOTE_TOKEN) or tok.lower in self._prepositions():
                return None
            kind = self.lexicon.speaker_noun(tok.text)
            if kind:
                return i, kind
        return None

    def _prepositions(self) -> set[str]:
        return {w for w, k in self.lexicon.markers.items() if k == "object_preposition"}

    def _person_after(self, window: list[Token], noun_index: int) -> str | None:
        """The person named after a role noun, or the body named right after it (*de
        marktonderzoeker X*: a role noun used for an organisation)."""
        for k, tok in enumerate(window[noun_index + 1 : noun_index + 10]):
            if tok.lower in self._prepositions() or tok.text == QUOTE_TOKEN:
                return None
            for m in self.mentions_in(tok.start, tok.end):
                if m.actor.type == "person" or (k == 0 and m.actor.type in _NAMED_TYPES):
                    return m.actor.id
        return None

    def _extend_of(self, window: list[Token], noun_index: int, types: tuple[str, ...] = ()) -> int:
        """End of a description, taking in ``van <named actor>`` (of an actor of ``types``
        when given)."""
        end = window[noun_index].end
        rest = window[noun_index + 1 :]
        if len(rest) >= 2 and rest[0].lower in self.lexicon.genitive:
            for m in self.mentions_in(rest[1].start, rest[min(3, len(rest) - 1)].end):
                if not types or m.actor.type in types:
                    return max(end, m.end)
        return end


def _looks_like_person(words: list[str]) -> bool:
    """Two or three capitalised words with lower-case letters (Jane Doe, not NATO or X Corp Ltd)."""
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and any(c.islower() for c in w) for w in words)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))
