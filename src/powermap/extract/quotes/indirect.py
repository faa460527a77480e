"""Reported speech of the quote stage: the token rules (cue + complementizer, ``volgens X``,
inserted and closing cues) and the clauses the dependency parse shows (``parsed``).

``ReportedSpeech`` is a mixin of ``QuoteFinder``: it reads the finder's text, sentences,
lexicon, discourse and marked quotes, and adds quotes through its ``_add``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from powermap.extract._text import Sentence, Token, tokenize
from powermap.extract.quotes.attribution import _NAMED_TYPES, QUOTE_TOKEN, Discourse
from powermap.extract.quotes.lexicon import QuoteLexicon
from powermap.extract.quotes.parsed import (
    Phrase,
    ReportedClause,
    governed_phrase,
    listed_quotes_end,
    object_predicate,
    reported_clauses,
)
from powermap.extract.quotes.speaker_words import head_end, relative_subject, trailing_name

if TYPE_CHECKING:
    from spacy.tokens import Token as SpacyToken

    from powermap.extract.quotes.marks import MarkedQuote
    from powermap.extract.stage import ExtractionContext
    from powermap.records import Quote


@dataclass
class Cue:
    """A cue in a sentence's frame: ``index`` of its first token, ``size`` tokens long."""

    kind: str  # verb | according | postposed
    index: int
    size: int
    text: str
    particle_end: int  # index of the last particle token (== index when none)


class ReportedSpeech:
    """Indirect speech: the token rules and the parse's reported clauses."""

    ctx: ExtractionContext
    text: str
    lex: QuoteLexicon
    disc: Discourse
    sentences: list[Sentence]
    top: list[MarkedQuote]
    out: list[Quote]
    headings: set[int]
    body_end: int
    _parsed: dict[int, ReportedClause] | None

    def _add(self, start: int, end: int, speaker: str | None, kind: str, cue: str | None) -> None:
        raise NotImplementedError

    def _cue_speaker(self, sent: Sentence, tokens: list[Token], cue: Cue) -> str | None:
        raise NotImplementedError

    def _doc_token(self, start: int) -> SpacyToken | None:
        raise NotImplementedError

    def _relative_pronoun(self, tok: Token) -> bool:
        """Whether the parse reads ``tok`` (a complementizer by its form, *that*/*dat*) as a
        relative pronoun, which opens no reported clause."""
        parsed = self._doc_token(tok.start)
        return parsed is not None and ("Rel" in parsed.morph.get("PronType", []) or parsed.tag_ in ("WDT", "WP"))

    def _complementizers(self) -> set[str]:
        return {w for w, k in self.lex.markers.items() if k == "complementizer"}

    # -- indirect speech -------------------------------------------------------------------
    def _indirect(self, sent: Sentence, tokens: list[Token], cue: Cue, covered: list) -> str | None:
        words = [t.lower for t in tokens]
        comps = self._complementizers()
        end = self._clause_end(sent)
        if cue.kind == "verb":
            window = range(cue.particle_end + 1, min(len(tokens), cue.particle_end + 15))
            comp = next((i for i in window if words[i] in comps), None)
            between = [t.text for t in tokens[cue.particle_end + 1 : comp or 0]]
            if comp is not None and self._relative_pronoun(tokens[comp]):
                comp = None  # agreed on a line that would ...: the parse reads a relative pronoun
            if comp is not None and QUOTE_TOKEN not in between and between.count(",") in (0, 2):
                speaker = self._cue_speaker(sent, tokens, cue)
                if speaker is None or comp + 1 >= len(tokens):
                    return None  # no one to report: a verb of saying used otherwise (om te stellen dat)
                self._add(tokens[comp + 1].start, self._parsed_end(tokens, cue, end), speaker, "indirect", cue.text)
                return speaker
            bare = self._bare_clause(tokens, cue)
            if bare is not None and QUOTE_TOKEN not in [t.text for t in tokens[bare:]]:
                speaker = self._cue_speaker(sent, tokens, cue)
                if speaker is not None:
                    self._add(tokens[bare].start, self._parsed_end(tokens, cue, end), speaker, "indirect", cue.text)
                    return speaker
            parsed = self._parsed_cues().get(tokens[cue.index].start)
            if QUOTE_TOKEN in [t.text for t in tokens] or (parsed is not None and parsed.has_content):
                return None  # the parse shows this cue's clause: the parse pass reports it
            # inserted cue: …, (zo) zegt X, rest  |  closing cue: clause, meldt X.
            lead = cue.index - (1 if cue.index and words[cue.index - 1] in self._so_words() else 0)
            if lead > 0 and tokens[lead - 1].text == ",":
                close = next((i for i in range(cue.index + 1, len(tokens)) if tokens[i].text == ","), None)
                speaker = self.disc.speaker_in(sent, _until(tokens[cue.index + 1 :]), leading=True)
                if speaker is None:
                    return None
                if close is not None and close + 1 < len(tokens) and close - cue.index <= 6:
                    self._add(tokens[close + 1].start, end, speaker, "indirect", cue.text)
                    return speaker
                tail = [t for t in tokens[cue.index + 1 :] if t.text[:1].isalnum()]
                if close is None and lead - 1 > 0 and len(tail) <= 6:
                    self._add(tokens[0].start, tokens[lead - 1].start, speaker, "indirect", cue.text)
                    return speaker
            return None
        if cue.kind == "according":
            if any(t.text == QUOTE_TOKEN for t in tokens[max(0, cue.index - 2) : cue.index]):
                return None  # “…,” according to X: the quote is what X said
            phrase = self._according_phrase(tokens, cue)
            speaker = self._cue_speaker(sent, tokens, cue)
            if speaker is None:
                return None
            opening = cue.index == 0 or (cue.index == 1 and self.lex.markers.get(words[0]) == "conjunction")
            if opening and phrase is not None:  # (Maar) volgens X is ...: the rest of the clause
                after = next((t for t in tokens if t.start >= phrase.end and t.text != ","), None)
                start = after.start if after is not None else end
            elif cue.index == 0:
                np_end = self._np_end(tokens, cue.index + cue.size)
                start = tokens[np_end].start if np_end < len(tokens) else end
            else:
                comma = max((i for i in range(cue.index) if tokens[i].text == ","), default=-1)
                start = tokens[comma + 1].start
                if comma == cue.index - 1 and comma > 0:  # clause, according to X(, ...): the clause before
                    start, end = tokens[0].start, tokens[comma].start
            if start >= end:
                return speaker
            inside = sum(e - s for s, e in covered if start <= s and e <= end)
            if inside * 2 < end - start:
                self._add(start, end, speaker, "indirect", cue.text)
            return speaker
        if cue.kind == "postposed" and QUOTE_TOKEN not in [t.text for t in tokens] and cue.index > 1:
            speaker = self.disc.speaker_in(sent, _until(tokens[cue.index + 1 :]))
            if speaker:
                stop = tokens[cue.index - 1].start if tokens[cue.index - 1].text == "," else tokens[cue.index].start
                self._add(tokens[0].start, stop, speaker, "indirect", cue.text)
            return speaker
        return None

    def _parsed_end(self, tokens: list[Token], cue: Cue, end: int) -> int:
        """Where the clause a cue reports ends: where the parse ends it (before a clause with a
        subject of its own, a semicolon), else ``end`` (the sentence's end)."""
        parsed = self._parsed_cues().get(tokens[cue.index].start)
        if parsed is None or not parsed.has_content or parsed.content_end <= tokens[cue.index].end:
            return end
        if not self.text[parsed.content_end : end].strip(" \t”’\"'»"):
            return end  # only a closing mark between: the clause keeps it
        return min(end, parsed.content_end)

    def _bare_clause(self, tokens: list[Token], cue: Cue) -> int | None:
        """Where a reported clause without a complementizer starts (*She said the monarchies
        would ...*): right after the cue, a clause subject (pronoun, determiner or a named
        mention) with a finite auxiliary within the next words. Only in languages whose markers
        list clause subjects (English); Dutch and German need *dat*/*dass*."""
        kinds = self.lex.markers
        i = cue.particle_end + 1
        if i >= len(tokens) or "clause_subject" not in kinds.values():
            return None
        first = tokens[i]
        named = any(m.start == first.start for m in self.disc.mentions)
        if not (kinds.get(first.lower) in ("clause_subject", "determiner") or named):
            return None
        for tok in tokens[i + 1 : i + 9]:
            if tok.text in (",", ";", QUOTE_TOKEN):
                return None
            if kinds.get(tok.lower) == "auxiliary":
                return i
        return None

    def _so_words(self) -> set[str]:
        return {w for w, k in self.lex.markers.items() if k == "so"}

    def _np_end(self, tokens: list[Token], i: int) -> int:
        """Index just after the noun phrase that follows ``volgens``/``according to``."""
        mentions = self.disc.mentions
        j = i
        while j < len(tokens) and tokens[j].text not in (",", QUOTE_TOKEN):
            tok = tokens[j]
            inside = any(m.start <= tok.start < m.end for m in mentions)
            if not (inside or tok.text[:1].isupper() or self.lex.markers.get(tok.lower) == "determiner"):
                if self.lex.speaker_noun(tok.text) or tok.lower in self.lex.genitive:
                    j += 1
                    continue
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if nxt is not None and nxt.text[:1].isupper() and any(m.start <= nxt.start < m.end for m in mentions):
                    j += 1  # a description before a name: het Britse onderzoeksinstituut X
                    continue
                if j > i and tokens[j - 1].lower not in self.lex.articles | self.lex.genitive:
                    break
                if not tok.text[:1].isalpha() or j == i:
                    break
            j += 1
        if j < len(tokens) and tokens[j].text == ",":
            j += 1
        return j

    def _clause_end(self, sent: Sentence) -> int:
        end = sent.end
        while end > sent.start:
            tail = self.text[sent.start : end]
            m = re.search(r"(?:[.!?…;:]|(?<=[.!?”\")])\d{1,3})$", tail)
            if m:
                end -= len(m.group())
                continue
            if tail[-1] in " \t":
                end -= 1
                continue
            break
        return end

    # -- reported clauses from the parse -------------------------------------------------
    def _parsed_cues(self) -> dict[int, ReportedClause]:
        """The parse's reported clauses by the offset of their cue verb (computed once)."""
        if self._parsed is None:
            doc = self.ctx.doc
            found = reported_clauses(doc, self.lex) if doc.has_annotation("DEP") else ()
            self._parsed = {c.cue_start: c for c in found}
        return self._parsed

    def _parsed_clauses(self) -> None:
        """Reported clauses the parse shows and the token rules missed (see ``parsed``)."""
        for clause in self._parsed_cues().values():
            start, end = clause.content_start, clause.content_end
            if not clause.has_content:
                # an object with a quoted predicate: calling the deal "null and void"
                q = next((q for q in self.top if object_predicate(self.text, clause, q.open, self.lex.markers)), None)
                if q is None:
                    continue
                start, end = clause.object_start, listed_quotes_end(self.text, self.top, q, clause, self.lex.markers)
            if end > self.body_end or any(q.start <= clause.cue_start < q.end for q in self.top):
                continue  # a cue inside a quote reports nothing of its own
            if self._already_quoted(start, end) or clause.speaker_start is None:
                continue
            start = next((q.open for q in self.top if q.start <= start < q.end), start)  # with its mark
            sent = next((s for s in self.sentences if s.start <= clause.cue_start < s.end), None)
            if sent is None or sent.paragraph in self.headings:
                continue
            speaker = self._subject_speaker(sent, clause)
            # a subject no actor stands for (the embassy, a wire-service reporter, a pronoun
            # that resolves to nobody): the clause is still reported, with no speaker rather
            # than a guess; not a prepositional object (*others warned against X*), which
            # needs its speaker, nor a pronoun the cue only inherits from the verb it hangs
            # off (*het is niet te veel gezegd dat ...*: no one reports anything)
            if speaker is not None or not (
                clause.prepositional or (clause.speaker_pronoun and clause.speaker_inherited)
            ):
                self._add(start, end, speaker, "indirect", clause.cue)

    def _subject_speaker(self, sent: Sentence, clause: ReportedClause, describe: bool = True) -> str | None:
        """The actor the cue's subject names (``_subject_actor``); a relative pronoun that is
        the subject (*X, who said*) is noted as the words that named it."""
        found = self._subject_actor(sent, clause, describe)
        relative = relative_subject(self._doc_token(clause.cue_start))
        return self.disc.refer(*relative, found) if relative is not None else found

    def _subject_actor(self, sent: Sentence, clause: ReportedClause, describe: bool = True) -> str | None:
        """The actor the cue's subject names: a named actor at the subject's head, a person
        named at its end (a title before a name), else what its words resolve to; a subject
        that names no actor becomes a described speaker (unless ``describe`` is false)."""
        head = clause.speaker_head
        for m in self.disc.mentions_in(head, head + 1) if head is not None else ():
            if m.actor.type in _NAMED_TYPES or (
                m.actor.type in ("state", "place") and not self._role_before(clause, m.start)
            ):
                return m.actor.id  # a state or place speaks too (Russia said), not in de hoogleraar Rusland
        end = clause.speaker_end or 0
        for m in self.disc.mentions_in(end - 1, end):  # a title and then the name: Minister of X Jan Smit
            if m.actor.type == "person" and m.end == end:
                return m.actor.id
        if clause.speaker_start is None or any(q.open <= clause.speaker_start < q.close for q in self.top):
            return None  # words inside a quote are what was said, not who said it
        start, end = clause.speaker_start, clause.speaker_end or 0
        if clause.speaker_possessed:
            return self.disc.described(start, end, clause.speaker_plural) if describe else None  # X's lawyer
        if clause.speaker_proper:
            # a name no actor stands for is its own speaker (Zero Hedge), unless the phrase
            # names an actor or has a role noun (de hoogleraar Rusland: the professor)
            window = tokenize(self.text, start, end)
            if self.disc.mentions_in(start, end) or any(self.lex.speaker_noun(t.text) for t in window):
                # a title or place before a name no actor stands for: Tulsa police Chief Jan Smit
                name = trailing_name(window, self.lex.speaker_noun)
                if name is None or self.disc.mentions_in(*name) or not describe:
                    return None
                return self.disc.described(*name, False, named=True)
            if not describe:
                return None
            # a name no actor stands for is its own speaker, without a bracket after it
            return self.disc.described(*(trailing_name(window) or (start, end)), False, named=True)
        window = tokenize(self.text, clause.speaker_start, clause.speaker_end)
        found = self.disc.speaker_in(sent, window)
        if describe and clause.speaker_common and (found is None or self._modifier_only(found, clause)):
            # lokale media, the embassy: a described speaker no actor stands for becomes one
            # (a state named in a modifier is not the speaker, unless the head is its government)
            start, end = clause.speaker_start, clause.speaker_end or 0
            # a long subject (a poll released last year, a report by ...) is named by its words
            # up to its head noun
            return self.disc.described(start, end, clause.speaker_plural) or self.disc.described(
                start, head_end(self.text, clause), clause.speaker_plural
            )
        return found

    def _according_phrase(self, tokens: list[Token], cue: Cue) -> Phrase | None:
        """The noun phrase after *volgens*/*according to* as the parse shows it, or None."""
        doc = self.ctx.doc
        if not doc.has_annotation("DEP"):
            return None
        return governed_phrase(doc, tokens[cue.index].start, cue.size)

    def _according_speaker(self, sent: Sentence, tokens: list[Token], cue: Cue) -> str | None:
        """Who *volgens X*/*according to X* names: X's actor, the state of a government, or
        (for a description no actor stands for: de Amerikaanse justitie) a described actor."""
        phrase = self._according_phrase(tokens, cue)
        if phrase is None:
            return self.disc.speaker_in(sent, _until(tokens[cue.index + cue.size :]), leading=True)
        for m in self.disc.mentions_in(phrase.head, phrase.head + 1):
            if m.actor.type in _NAMED_TYPES:
                return m.actor.id
        window = tokenize(self.text, phrase.start, phrase.end)
        found = self.disc.speaker_in(sent, window, leading=True) or self._author_in(window)
        if phrase.common and found is not None and self._state_in_modifier(found, phrase.head):
            # de Amerikaanse justitie: a body of a named state, not the state (a phrase naming
            # no actor at all, such as camera footage or a line of argument, is no speaker)
            return self.disc.described(phrase.start, phrase.end, phrase.plural)
        return found

    def _author_in(self, window: list[Token]) -> str | None:
        """The actor named after an agent preposition in a phrase (*a tweet by X*, *een
        verklaring van X*): the author of what the phrase names."""
        at = next((t.end for t in window if self.lex.markers.get(t.lower) == "agent"), None)
        if at is None:
            return None
        named = [m for m in self.disc.mentions_in(at, window[-1].end) if m.actor.type in (*_NAMED_TYPES, "state")]
        persons = [m for m in named if m.actor.type == "person"]
        return (persons or named)[0].actor.id if named else None

    def _modifier_only(self, found: str, clause: ReportedClause) -> bool:
        return self._state_in_modifier(found, clause.speaker_head or 0)

    def _state_in_modifier(self, found: str, head: int) -> bool:
        """Whether ``found`` is a state or place named only in a modifier of a common-noun
        phrase headed at ``head`` by no government or role noun (Russische media: not Russia)."""
        actor = self.disc.actor(found)
        if actor is None or actor.type not in ("state", "place"):
            return False
        if any(m.actor.id == found for m in self.disc.mentions_in(head, head + 1)):
            return False
        word = re.match(r"\w+", self.text[head:])
        return not (word and self.lex.speaker_noun(word.group(0)) in ("government", "role"))

    def _role_before(self, clause: ReportedClause, at: int) -> bool:
        """Whether a role or source noun comes before offset ``at`` in the cue's subject."""
        if clause.speaker_start is None or clause.speaker_start >= at:
            return False
        return any(self.lex.speaker_noun(t.text) for t in tokenize(self.text, clause.speaker_start, at))

    def _already_quoted(self, start: int, end: int) -> bool:
        """Whether an earlier quote is this clause: an overlapping indirect quote, a marked
        quote it starts in that covers half of it or more (*said "tax cuts" and tariffs would
        pay for it* opens with a quote but reports more), or direct quotes covering half of it
        or more (a partial quote inside it leaves it to report)."""
        marked = sum(min(end, q.end) - max(start, q.start) for q in self.top if q.start < end and start < q.end)
        if any(q.start <= start < q.end for q in self.top) and marked * 2 >= end - start:
            return True
        covered = 0
        for q in self.out:
            if q.start < end and start < q.end:
                if q.kind == "indirect":
                    return True
                if q.kind == "direct":
                    covered += min(end, q.end) - max(start, q.start)
        return covered * 2 >= end - start


def _until(tokens: list[Token], stop_quote: bool = True, words: set[str] | None = None) -> list[Token]:
    """Tokens up to the first quote, colon or (when given) one of ``words``."""
    out = []
    for tok in tokens:
        if (stop_quote and tok.text == QUOTE_TOKEN) or tok.text in (":", ";", ".", "?", "!"):
            break
        if words and tok.lower in words:
            break
        out.append(tok)
    return out
