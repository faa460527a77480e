"""Speakers of quotes with no verb of saying next to them: transcript tags and headings
(*WALLACE: …*, *Jane Doe: the deal is dead*), a colon after a clause (*X gave his account:
“…”*), a signature (*“…” ― Jane Doe*), a speaker's turn going on, quotes inside quotes, and
heading quotes that repeat a body quote."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from powermap.extract._text import Sentence, Token, tokenize
from powermap.extract.quotes.attribution import _fold
from powermap.extract.quotes.indirect import Cue, ReportedSpeech
from powermap.extract.quotes.marks import MarkedQuote
from powermap.extract.quotes.parsed import colon_clause
from powermap.extract.quotes.speaker_words import trailing_name

_TRAIL = " \t\n.,;:!?…"
_MIN_UNATTRIBUTED_WORDS = 3  # a cue-less full-sentence quote shorter than this is a term
_MIN_CARRIED_WORDS = 3  # a cue-less partial quote shorter than this is a scare quote
_TAG = re.compile(r"((?:[A-Z][\w'’.-]*[ \t]?){1,3}):[ \t]+")  # a speaker's tag opening a transcript line
_OPENING = "\"“„‘'«"
_CLOSING = "\"”’'»"
_SPEAKING = ("person", "organisation", "media", "group", "company")


class SpeakerTurns(ReportedSpeech):
    """The passes that find a quote's speaker where no cue verb names one."""

    marked: list[MarkedQuote]

    def _tagged(self, sent: Sentence) -> bool:
        """A paragraph that opens with a speaker's tag: a transcript line (*WALLACE: …*, also
        inside quote marks) or a heading that gives its speaker (*Jane Doe: the deal is dead*).
        The rest of the paragraph (of the heading) is the speaker's; True when one was read."""
        first = next((s for s in self.sentences if s.paragraph == sent.paragraph), sent)
        if first is not sent:
            return any(q.start <= sent.start < q.end for q in self.out if q.cue == ":")
        start = sent.start + (1 if self.text[sent.start] in _OPENING else 0)
        tag = _TAG.match(self.text, start, sent.end)
        if tag is None:
            return False
        head_start, head_end = tag.span(1)
        named = [
            m
            for m in self.disc.mentions_in(head_start, head_end)
            if m.start == head_start and m.end == head_end and m.actor.type in _SPEAKING
        ]
        heading = sent.paragraph in self.headings
        word = tag.group(1).strip()
        if named:
            speaker: str | None = named[0].actor.id
        elif not heading and word.isupper() and word.isalpha() and self._tag_turns[word] >= 2:
            # a name in capitals that opens several paragraphs: the turns of an interview
            speaker = self.disc.described(head_start, head_end, False, named=True)
        else:
            return False
        end = max(s.end for s in self.sentences if s.paragraph == sent.paragraph)
        while end > tag.end() and self.text[end - 1] in _CLOSING:
            end -= 1
        self._add(tag.end(), end, speaker, "indirect" if heading else "direct", ":")
        if speaker:
            self.disc.speakers[sent.index] = speaker
        return True

    @cached_property
    def _tag_turns(self) -> Counter[str]:
        """How many paragraphs each capitalised one-word tag opens (WALLACE: …)."""
        found = re.finditer(r"(?:^|\n)[ \t]*[\"“„‘'«]?([A-Z]{2,}):[ \t]", self.text)
        return Counter(m.group(1) for m in found)

    def _colon_cue(self, sent: Sentence, tokens: list[Token], qi: int) -> tuple[Cue | None, str | None]:
        """A quote after a colon that ends a clause with no verb of saying (*X gave his
        account on television: “…”*): the clause's subject, when it is an actor the text names."""
        if qi == 0 or tokens[qi - 1].text != ":" or not self.ctx.doc.has_annotation("DEP"):
            return None, None
        clause = colon_clause(self.ctx.doc, tokens[qi - 1].start)
        if clause is None:
            return None, None
        # the results were clear: “…” — a subject that names no actor names no speaker
        speaker = self._subject_speaker(sent, clause, describe=False)
        if speaker is None:
            return None, None
        return Cue("colon", qi - 1, 1, clause.cue, qi - 1), speaker

    def _carried(self, sent: Sentence, q: MarkedQuote, kind: str) -> tuple[str | None, bool]:
        """Speaker and keep-flag for a quote with no cue in its sentence."""
        words = len(self.text[q.start : q.end].split())
        j = q.open
        while j > sent.start and self.text[j - 1] in " \t":
            j -= 1
        for m in self.disc.mentions_in(j - 1, j):  # Name “quoted predicate”
            if m.end == j and m.actor.type == "person":
                return m.actor.id, True
        signed = self._signature(q)
        if signed:
            return signed, True
        if sent.paragraph in self.headings:
            return None, False  # decided by the heading-echo pass
        previous = [s for s in self.sentences[: sent.index] if s.paragraph == sent.paragraph]
        if kind == "direct" and words >= _MIN_UNATTRIBUTED_WORDS:
            for s in reversed(previous):
                if s.index in self.disc.speakers:
                    return self.disc.speakers[s.index], True
            if not previous and sent.index > 0:  # a paragraph that opens with it: the turn goes on
                last = self.sentences[sent.index - 1]
                if last.paragraph == sent.paragraph - 1 and last.index in self.disc.speakers:
                    return self.disc.speakers[last.index], True
            return None, True  # a quote, whose speaker the text does not give here
        if words >= _MIN_CARRIED_WORDS and previous and previous[-1].index in self.disc.speakers:
            return self.disc.speakers[previous[-1].index], True
        return None, False

    def _nested_quotes(self) -> None:
        """A quote inside a quote that a cue inside the outer one introduces (“… and then X
        said, ‘…’ ”): X said the inner one."""
        for q in self.marked:
            if q.depth == 0:
                continue
            outer = next((t for t in self.top if t.start <= q.open < t.end), None)
            sent = next((s for s in self.sentences if s.start <= q.open < s.end), None)
            if outer is None or sent is None:
                continue
            for clause in self._parsed_cues().values():
                lead = self.text[clause.cue_start : q.open]
                if not (outer.start <= clause.cue_start < q.open and re.fullmatch(r"\w+\W{0,3}", lead)):
                    continue
                if clause.speaker_start is None or clause.speaker_start < outer.start:
                    continue
                speaker = self._subject_speaker(sent, clause)
                if speaker is not None:
                    self._add(q.start, q.end, speaker, "direct", clause.cue)
                break

    def _signature(self, q: MarkedQuote) -> str | None:
        """The person a quote is signed with: “…” ― Jane Doe (a dash, then the name)."""
        sign = re.match(r"[ \t\u00a0]*[―—–][ \t\u00a0]*", self.text[q.close : q.close + 8])
        if sign is None:
            return None
        at = q.close + sign.end()
        for m in self.disc.mentions_in(at, at + 1):
            if m.start == at and m.actor.type == "person":
                return m.actor.id
        # a name no actor stands for, alone on the rest of its line (or before a comma or a
        # bracket): the signer is a described person
        line = self.text[at : at + 80].split("\n")[0].split(",")[0].split("(")[0]
        rest = line.rstrip(" .\t\u00a0")
        if not rest or self.text[at + len(line) : at + len(line) + 1] not in ("", "\n", ",", "("):
            return None
        line = rest
        name = trailing_name(tokenize(self.text, at, at + len(line)), self.lex.speaker_noun)
        if name is None or name[0] != at:
            return None
        return self.disc.described(*name, False, named=True)

    # -- output --------------------------------------------------------------------------

    def _heading_echoes(self) -> None:
        """A quote in a heading takes the speaker of the body quote it repeats word for word."""
        body = {_fold(q.text).strip(_TRAIL): q for q in self.out if q.speaker}
        for sent in self.sentences:
            if sent.paragraph not in self.headings:
                continue
            for q in self.top:
                if not (sent.start <= q.open < sent.end):
                    continue
                if any(o.start == q.start for o in self.out):
                    continue
                match = body.get(_fold(self.text[q.start : q.end]).strip(_TRAIL))
                if match is not None:
                    self._add(q.start, q.end, match.speaker, match.kind, None)
