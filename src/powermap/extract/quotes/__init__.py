"""The quote stage (``quotes.v1``): direct, partial and indirect quotes with their speakers.

Reads the actor list (``requires = ("actors",)``) and the cue lexicon in
``powermap/lang/<code>/`` (speech_verbs, speech_markers, pronouns, speaker_nouns,
quote_marks). Works on plain text; no parse is needed. Order of work, per sentence (quote
contents masked so the sentence splitter does not cut inside them):

1. quotes between marks (``marks.find_quotes``), each tied to the cue verb right after it
   (“…”, zegt X / “…” beweerde hij / "…," X said) or before it in the sentence
   (X riep uit: “…” / noemt X een “…” / volgens X “…”), or ``aldus X``;
2. indirect speech: a cue verb with a complementizer (X zegt dat …, X liet weten dat …),
   ``volgens X`` clauses, inserted cues (…, zo vertelt X, …) and closing cues (…, meldt X.);
3. quotes with no cue of their own: a full-sentence quote takes the last speaker of its
   paragraph, a longer partial quote the speaker of the sentence before, a quote glued to a
   name (X “…”) that name, and a heading quote the speaker of the body quote it repeats.
   Short quotes with no cue are scare quotes or terms and are left out.

Speakers come from ``attribution.Discourse``: names through the actor layer, pronouns and
roles through the sentence subjects before them, anonymous sources as anonymous actors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from powermap.extract._text import Sentence, Token, find_notes, split_sentences, tokenize
from powermap.extract.quotes.attribution import QUOTE_TOKEN, Discourse, _fold
from powermap.extract.quotes.lexicon import QuoteLexicon, quote_lexicon
from powermap.extract.quotes.marks import MarkedQuote, find_quotes
from powermap.extract.stage import ExtractionContext, Stage, stages
from powermap.records import Quote

_TRAIL = " \t\n.,;:!?…"
_MIN_UNATTRIBUTED_WORDS = 4  # a cue-less full-sentence quote shorter than this is a term
_MIN_CARRIED_WORDS = 3  # a cue-less partial quote shorter than this is a scare quote


@dataclass
class Cue:
    """A cue in a sentence's frame: ``index`` of its first token, ``size`` tokens long."""

    kind: str  # verb | according | postposed
    index: int
    size: int
    text: str
    particle_end: int  # index of the last particle token (== index when none)


@stages.register("quotes.v1")
class QuoteStage(Stage):
    """Direct, partial and indirect quotes with speaker and cue (see the module docstring)."""

    produces = "quotes"
    requires = ("actors",)

    def __call__(self, ctx: ExtractionContext) -> None:
        ctx.record.quotes.extend(QuoteFinder(ctx).run())


class QuoteFinder:
    """The quote pass over one document."""

    def __init__(self, ctx: ExtractionContext) -> None:
        self.text = ctx.text
        self.lex: QuoteLexicon = quote_lexicon(ctx.language)
        notes = ctx.scratch.get("notes")
        if notes is None:
            notes = ctx.scratch["notes"] = find_notes(self.text)
        self.marked = find_quotes(self.text, self.lex.pairs, notes.body_end)
        self.top = [q for q in self.marked if q.depth == 0]
        self.sentences = [s for s in split_sentences(self.text, self._masked()) if s.start < notes.body_end]
        self.disc = Discourse(ctx.record, self.lex, self.sentences)
        self.out: list[Quote] = []
        self.headings = {s.paragraph for s in self.sentences if self._is_heading(s)}

    def _masked(self) -> str:
        chars = list(self.text)
        for q in self.top:
            for i in range(q.start, q.end):
                if chars[i] != "\n":
                    chars[i] = "x"
            if q.end > q.start and self.text[q.end - 1] in ".!?…":
                chars[q.end - 1] = self.text[q.end - 1]
        return "".join(chars)

    @cached_property
    def _paragraph_sizes(self) -> Counter[int]:
        return Counter(s.paragraph for s in self.sentences)

    def _is_heading(self, sent: Sentence) -> bool:
        if self._paragraph_sizes[sent.paragraph] != 1:  # counted once, not per sentence
            return False
        body = self.text[sent.start : sent.end].rstrip("”’\"'»0123456789 ")
        return not body.endswith((".", "!", "?", "…", ":")) and len(body.split()) <= 14

    # -- the pass ------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        for sent in self.sentences:
            self._sentence(sent)
        self._heading_echoes()
        return sorted(self.out, key=lambda q: (q.start, q.end))

    def _sentence(self, sent: Sentence) -> None:
        quotes = [q for q in self.top if sent.start <= q.open < sent.end]
        tokens = self._frame(sent, quotes)
        cues = self._cues(tokens)
        attributed: str | None = None
        covered: list[tuple[int, int]] = []
        quote_at = {t.start: i for i, t in reversed(list(enumerate(tokens))) if t.text == QUOTE_TOKEN}
        for q in quotes:
            qi = quote_at[q.open]
            cue, speaker = self._cue_for_quote(sent, tokens, cues, qi)
            kind = "direct" if self._standalone(tokens, qi) or q.orphan else "partial"
            if cue is None:
                speaker, keep = self._carried(sent, q, kind)
                if not keep:
                    continue
            self._add(q.start, q.end, speaker, kind, cue.text if cue else None)
            covered.append((q.start, q.end))
            attributed = attributed or speaker
        for cue in cues:
            found = self._indirect(sent, tokens, cue, covered)
            if found:
                attributed = attributed or found
        if attributed:
            self.disc.speakers[sent.index] = attributed
            self.disc.note_subject(sent, attributed)

    def _frame(self, sent: Sentence, quotes: list[MarkedQuote]) -> list[Token]:
        """The sentence's tokens with each quote replaced by one QUOTE token."""
        out: list[Token] = []
        pos = sent.start
        for q in quotes:
            out.extend(tokenize(self.text, pos, q.open))
            out.append(Token(QUOTE_TOKEN, q.open, q.close))
            pos = q.close
        out.extend(tokenize(self.text, pos, sent.end))
        return out

    def _cues(self, tokens: list[Token]) -> list[Cue]:
        out: list[Cue] = []
        words = [t.lower for t in tokens]
        for i, w in enumerate(words):
            marker = self.lex.marker_kind(words[i : i + 2])
            if marker and marker[0] in ("according", "postposed"):
                size = marker[1]
                out.append(Cue(marker[0], i, size, " ".join(t.text for t in tokens[i : i + size]), i))
                continue
            for verb in self.lex.verbs.get(w, ()):
                end = _particles_at(words, i, verb.particle)
                if end is not None:
                    text = tokens[i].text + (" ... " + " ".join(verb.particle) if verb.particle else "")
                    out.append(Cue("verb", i, 1, text, end))
                    break
        return out

    # -- quotes between marks -------------------------------------------------------------
    def _cue_for_quote(
        self, sent: Sentence, tokens: list[Token], cues: list[Cue], qi: int
    ) -> tuple[Cue | None, str | None]:
        nxt = next((i for i in range(qi + 1, len(tokens)) if tokens[i].text == QUOTE_TOKEN), len(tokens))
        for cue in cues:  # cue after the quote: “…”, zegt X / “…,” X said / “…”, aldus X
            if qi < cue.index < nxt and cue.index - qi <= 5 and cue.kind in ("verb", "postposed"):
                between = [t for t in tokens[qi + 1 : cue.index] if t.text not in ",—–-"]
                if any(self.lex.markers.get(t.lower) == "conjunction" for t in between):
                    continue  # “…” en eiste X: the verb opens a new clause, it is no cue of the quote
                after = tokens[cue.index + cue.size : nxt]
                # “…,” X told reporters in Y: a subject before the cue is the speaker; after
                # the cue (“…”, zegt X) the speaker follows it
                speaker = self.disc.speaker_in(sent, between) if between else None
                if speaker is None:
                    speaker = self.disc.speaker_in(sent, _until(after, stop_quote=True))
                return cue, speaker
        before = [c for c in cues if c.index < qi and c.kind in ("verb", "according")]
        if before:
            cue = before[-1]
            return cue, self._cue_speaker(sent, tokens, cue)
        return None, None

    def _cue_speaker(self, sent: Sentence, tokens: list[Token], cue: Cue) -> str | None:
        """The speaker of a cue that comes before what it introduces."""
        if cue.kind == "according":
            return self.disc.speaker_in(sent, _until(tokens[cue.index + cue.size :]), leading=True)
        start = max((i + 1 for i in range(cue.index) if tokens[i].text == QUOTE_TOKEN), default=0)
        before = [t for t in tokens[start : cue.index] if t.text not in ","]
        after = _until(tokens[cue.index + 1 :], words=self._complementizers())
        first = before[0].lower if before else ""
        subject_first = bool(before) and (
            first in self.lex.pronouns
            or self.lex.markers.get(first) == "determiner"
            or any(m.start <= before[0].start < m.end for m in self.disc.mentions)
        )
        if subject_first:
            return self.disc.speaker_in(sent, before) or self.disc.speaker_in(sent, after)
        return self.disc.speaker_in(sent, after) or self.disc.speaker_in(sent, before)

    def _complementizers(self) -> set[str]:
        return {w for w, k in self.lex.markers.items() if k == "complementizer"}

    @staticmethod
    def _standalone(tokens: list[Token], qi: int) -> bool:
        for i in range(qi - 1, -1, -1):  # the nearest token before the quote that is not a dash
            if tokens[i].text not in "-–—":
                return tokens[i].text == ":"
        return True

    def _carried(self, sent: Sentence, q: MarkedQuote, kind: str) -> tuple[str | None, bool]:
        """Speaker and keep-flag for a quote with no cue in its sentence."""
        words = len(self.text[q.start : q.end].split())
        j = q.open
        while j > sent.start and self.text[j - 1] in " \t":
            j -= 1
        for m in self.disc.mentions_in(j - 1, j):  # Name “quoted predicate”
            if m.end == j and m.actor.type == "person":
                return m.actor.id, True
        if sent.paragraph in self.headings:
            return None, False  # decided by the heading-echo pass
        previous = [s for s in self.sentences[: sent.index] if s.paragraph == sent.paragraph]
        if kind == "direct" and words >= _MIN_UNATTRIBUTED_WORDS:
            for s in reversed(previous):
                if s.index in self.disc.speakers:
                    return self.disc.speakers[s.index], True
            return None, False
        if words >= _MIN_CARRIED_WORDS and previous and previous[-1].index in self.disc.speakers:
            return self.disc.speakers[previous[-1].index], True
        return None, False

    # -- indirect speech -------------------------------------------------------------------
    def _indirect(self, sent: Sentence, tokens: list[Token], cue: Cue, covered: list) -> str | None:
        words = [t.lower for t in tokens]
        comps = self._complementizers()
        end = self._clause_end(sent)
        if cue.kind == "verb":
            window = range(cue.particle_end + 1, min(len(tokens), cue.particle_end + 15))
            comp = next((i for i in window if words[i] in comps), None)
            between = [t.text for t in tokens[cue.particle_end + 1 : comp or 0]]
            if comp is not None and QUOTE_TOKEN not in between and between.count(",") in (0, 2):
                speaker = self._cue_speaker(sent, tokens, cue)
                if speaker is None or comp + 1 >= len(tokens):
                    return None  # no one to report: a verb of saying used otherwise (om te stellen dat)
                self._add(tokens[comp + 1].start, end, speaker, "indirect", cue.text)
                return speaker
            bare = self._bare_clause(tokens, cue)
            if bare is not None and QUOTE_TOKEN not in [t.text for t in tokens[bare:]]:
                speaker = self._cue_speaker(sent, tokens, cue)
                if speaker is not None:
                    self._add(tokens[bare].start, end, speaker, "indirect", cue.text)
                    return speaker
            if QUOTE_TOKEN in [t.text for t in tokens]:
                return None
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
            speaker = self._cue_speaker(sent, tokens, cue)
            if speaker is None:
                return None
            if cue.index == 0:
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
                if self.lex.speaker_noun(tok.text) or tok.lower in ("van", "of"):
                    j += 1
                    continue
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if nxt is not None and nxt.text[:1].isupper() and any(m.start <= nxt.start < m.end for m in mentions):
                    j += 1  # a description before a name: het Britse onderzoeksinstituut X
                    continue
                if j > i and tokens[j - 1].lower not in ("de", "het", "van", "the", "of"):
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

    # -- output --------------------------------------------------------------------------
    def _add(self, start: int, end: int, speaker: str | None, kind: str, cue: str | None) -> None:
        while end > start and self.text[end - 1] in " \t\n":
            end -= 1
        while start < end and self.text[start] in " \t\n":
            start += 1
        if end <= start:
            return
        if any(q.start == start and q.end == end for q in self.out):
            return
        self.out.append(Quote(self.text[start:end], start, end, speaker, kind, cue))  # type: ignore[arg-type]

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


def _particles_at(words: list[str], i: int, particle: tuple[str, ...]) -> int | None:
    """Index of the last particle word when all follow ``words[i]`` in order, else None."""
    pos = i
    for p in particle:
        try:
            pos = words.index(p, pos + 1)
        except ValueError:
            return None
    return pos


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
