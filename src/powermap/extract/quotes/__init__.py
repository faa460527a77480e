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
from functools import cached_property
from itertools import pairwise

from spacy.tokens import Token as SpacyToken

from powermap.extract._text import Sentence, Token, split_sentences, tokenize
from powermap.extract._tokens import token_table
from powermap.extract.quotes.attribution import QUOTE_TOKEN, Discourse
from powermap.extract.quotes.indirect import Cue, _until
from powermap.extract.quotes.lexicon import QuoteLexicon, quote_lexicon
from powermap.extract.quotes.marks import MarkedQuote, find_dialogue, find_quotes, single_char_marks
from powermap.extract.quotes.parsed import ReportedClause, other_verb
from powermap.extract.quotes.turns import SpeakerTurns
from powermap.extract.stage import ExtractionContext, Stage, stages
from powermap.records import Quote

_ACRONYM_END = re.compile(r"(?<![\w.])[A-Z]{2,5}\.[ \t]+(?=[A-Z][a-z])")  # a sentence ending in an acronym
_MAX_SUBJECT_TOKENS = 30  # a cue this far after its quote still counts when the parse shows its subject between


@stages.register("quotes.v1")
class QuoteStage(Stage):
    """Direct, partial and indirect quotes with speaker and cue (see the module docstring)."""

    produces = "quotes"
    requires = ("actors",)
    extends = ("actors",)  # speakers the actor stage did not find

    def __call__(self, ctx: ExtractionContext) -> None:
        ctx.record.quotes.extend(QuoteFinder(ctx).run())


class QuoteFinder(SpeakerTurns):
    """The quote pass over one document."""

    def __init__(self, ctx: ExtractionContext) -> None:
        self.ctx = ctx
        self._parsed: dict[int, ReportedClause] | None = None
        self._token_at: dict[int, int] | None = None
        self.raw = ctx.text
        self.lex: QuoteLexicon = quote_lexicon(ctx.language)
        # typewriter marks (,,…'') as one character each, offsets unchanged
        self.text, pairs = single_char_marks(ctx.text, self.lex.pairs)
        notes = ctx.notes
        self.marked = find_quotes(self.text, pairs, notes.body_end)
        dialogue = [
            d
            for d in find_dialogue(self.text, self.lex.dashes, notes.body_end)
            if not any(q.open < d.close and d.open < q.close for q in self.marked)
        ]
        self.marked = sorted(self.marked + dialogue, key=lambda q: (q.start, q.depth))
        self.top = [q for q in self.marked if q.depth == 0]
        self.body_end = notes.body_end
        self.sentences = [s for s in self._split() if s.start < notes.body_end]
        self.disc = Discourse(ctx.record, self.lex, self.sentences)
        self.out: list[Quote] = []
        self.headings = {s.paragraph for s in self.sentences if self._is_heading(s)}

    def _split(self) -> list[Sentence]:
        """The Doc's sentences, cut at line breaks, joined where a boundary falls inside a quote
        (a quote of several sentences is one stretch) or follows no sentence-final mark (a
        parser slip); the token splitter where there is no parse."""
        doc = self.ctx.doc
        if not doc.has_annotation("SENT_START"):
            return split_sentences(self.text, self._masked())
        cuts = {0, len(self.text)}
        for sent in doc.sents:  # a boundary the parser puts after no sentence-final mark is a slip
            if re.search(
                r"[.!?…][”’\"'»)\]\ue000-\ue0ff]*\d{0,3}\s*$", self.text[max(0, sent.start_char - 8) : sent.start_char]
            ):
                cuts.add(sent.start_char)
        for m in re.finditer(r"\n+", self.text):
            cuts.update((m.start(), m.end()))
        for m in _ACRONYM_END.finditer(self.text):  # de VS. Hij ...: a parser reads an abbreviation
            cuts.add(m.end())
        cuts = {
            c for c in cuts if not any(q.open < c < q.close and "\n" not in self.text[q.open : c] for q in self.top)
        }
        out: list[Sentence] = []
        bounds = sorted(cuts)
        para = 0
        for start, end in pairwise(bounds):
            chunk = self.text[start:end]
            if not chunk.strip():
                if "\n" in chunk and out and out[-1].paragraph == para:
                    para += 1
                continue
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            out.append(Sentence(start + lead, start + trail, para, len(out)))
        return out

    def _masked(self) -> str:
        # stand-ins of typewriter marks read as quote marks to the splitter
        chars = ['"' if "\ue000" <= c <= "\ue0ff" else c for c in self.text]
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
        self._parsed_clauses()
        self._nested_quotes()
        self._heading_echoes()
        self.disc.absorb_descriptions(self.out)
        return sorted(self.out, key=lambda q: (q.start, q.end))

    def _sentence(self, sent: Sentence) -> None:
        if self._tagged(sent):
            return
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
            verbs = self.lex.verbs.get(w, ())
            parsed = self._doc_token(tokens[i].start) if verbs else None
            for verb in verbs:
                end = _particles_at(words, i, verb.particle)
                if end is not None and not (parsed is not None and other_verb(parsed, verb.particle)):
                    text = tokens[i].text + (" ... " + " ".join(verb.particle) if verb.particle else "")
                    out.append(Cue("verb", i, 1, text, end))
                    break
        return out

    def _doc_token(self, start: int) -> SpacyToken | None:
        """The parsed token that starts at ``start``, when there is a parse."""
        doc = self.ctx.doc
        if self._token_at is None:  # token positions by start offset (ints: no Token object per word)
            starts = token_table(doc).starts if doc.has_annotation("DEP") else []
            self._token_at = {idx: i for i, idx in enumerate(starts)}
        found = self._token_at.get(start)
        return doc[found] if found is not None else None

    # -- quotes between marks -------------------------------------------------------------
    def _cue_for_quote(
        self, sent: Sentence, tokens: list[Token], cues: list[Cue], qi: int
    ) -> tuple[Cue | None, str | None]:
        nxt = _next_quote(tokens, qi)
        for cue in cues:  # “…,” according to X
            if cue.kind == "according" and qi < cue.index < nxt and cue.index - qi <= 2:
                return cue, self._according_speaker(sent, tokens, cue)
        for cue in cues:  # cue after the quote: “…”, zegt X / “…,” X said / “…”, aldus X
            if qi < cue.index < nxt and cue.kind in ("verb", "postposed") and self._near_cue(tokens, qi, cue):
                between = [t for t in tokens[qi + 1 : cue.index] if t.text not in ",—–-"]
                if any(self.lex.markers.get(t.lower) == "conjunction" for t in between):
                    continue  # “…” en eiste X: the verb opens a new clause, it is no cue of the quote
                after = tokens[cue.index + cue.size : nxt]
                # “…,” X told reporters in Y: a subject before the cue is the speaker; after
                # the cue (“…”, zegt X) the speaker follows it
                speaker = self._parse_speaker(sent, tokens[cue.index].start)
                clause = self._parsed_cues().get(tokens[cue.index].start)
                if speaker is None and clause is not None and clause.speaker_possessed:
                    return cue, None  # X's lawyer said: not X, and no one else nearby either
                if speaker is None and between:
                    speaker = self.disc.speaker_in(sent, between)
                if speaker is None:
                    speaker = self.disc.speaker_in(sent, _until(after, stop_quote=True))
                return cue, speaker
        before = [
            c
            for c in cues
            if c.index < qi and c.kind in ("verb", "according") and not _parenthetical(tokens, c.index, qi)
        ]
        if before:
            cue = before[-1]
            return cue, self._cue_speaker(sent, tokens, cue)
        return self._colon_cue(sent, tokens, qi)

    def _near_cue(self, tokens: list[Token], qi: int, cue: Cue) -> bool:
        """Whether a cue after the quote is the quote's own: at most five tokens on, or further
        when the parse puts the cue's subject between them (“…,” X (R-Ohio), the chair of Y,
        said: a bracket or an apposition after the name)."""
        if cue.index - qi <= 5:
            return True
        if cue.kind != "verb" or cue.index - qi > _MAX_SUBJECT_TOKENS:
            return False
        clause = self._parsed_cues().get(tokens[cue.index].start)
        if clause is None or clause.speaker_start is None:
            return False
        lead = [t for t in tokens[qi + 1 : cue.index] if t.end <= clause.speaker_start]
        return tokens[qi].end <= clause.speaker_start < tokens[cue.index].start and all(
            t.text in ",—–-" or t.text == QUOTE_TOKEN
            for t in lead  # “A,” “B,” X, the chair, said
        )

    def _parse_speaker(self, sent: Sentence, cue_start: int) -> str | None:
        """The actor the parse gives as the subject of the cue verb at ``cue_start``, or None."""
        clause = self._parsed_cues().get(cue_start)
        if clause is None or clause.speaker_start is None:
            return None
        return self._subject_speaker(sent, clause)

    def _cue_speaker(self, sent: Sentence, tokens: list[Token], cue: Cue) -> str | None:
        """The speaker of a cue that comes before what it introduces."""
        if cue.kind == "verb":
            clause = self._parsed_cues().get(tokens[cue.index].start)
            if clause is not None and clause.speaker_start is not None:
                return self._subject_speaker(sent, clause)  # the parse shows the subject
        if cue.kind == "according":
            return self._according_speaker(sent, tokens, cue)
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

    @staticmethod
    def _standalone(tokens: list[Token], qi: int) -> bool:
        for i in range(qi - 1, -1, -1):  # the nearest token before the quote that is not a dash
            if tokens[i].text == QUOTE_TOKEN:  # “A,” “B”: the second stands as the first does
                return QuoteFinder._standalone(tokens, i)
            if tokens[i].text not in "-–—":
                return tokens[i].text == ":"
        return True

    def _add(self, start: int, end: int, speaker: str | None, kind: str, cue: str | None) -> None:
        while end > start and self.text[end - 1] in " \t\n":
            end -= 1
        while start < end and self.text[start] in " \t\n":
            start += 1
        if end <= start:
            return
        if any(q.start == start and q.end == end for q in self.out):
            return
        quote = Quote(self.raw[start:end], start, end, speaker, kind, cue)  # type: ignore[arg-type]
        if speaker is not None and self.sentences:
            around = [s for s in self.sentences if s.start < end and start < s.end] or [_nearest(self.sentences, start)]
            words = self.disc.speaker_mention(speaker, around[0].start, around[-1].end, (start, end), cue)
            if words is None and around[0].index > 0:  # a speaker carried on from the sentence before
                before = self.sentences[around[0].index - 1]
                words = self.disc.speaker_mention(speaker, before.start, before.end, (start, end))
            quote.speaker_mention = words
        self.out.append(quote)


def _nearest(sentences: list[Sentence], at: int) -> Sentence:
    """The sentence that holds offset ``at``, else the last one that starts before it."""
    return next((s for s in reversed(sentences) if s.start <= at), sentences[0])


def _next_quote(tokens: list[Token], qi: int) -> int:
    """Index of the first quote after the quote at ``qi`` that is not right next to it: a run
    of quotes with only punctuation between (“A,” “B,” X said) shares the cue after the run."""
    last = qi
    for i in range(qi + 1, len(tokens)):
        if tokens[i].text != QUOTE_TOKEN:
            continue
        if all(t.text in ",;—–-" for t in tokens[last + 1 : i]):
            last = i
            continue
        return i
    return len(tokens)


def _parenthetical(tokens: list[Token], cue: int, quote: int) -> bool:
    """Whether the cue at ``cue`` sits in an aside that closes before the quote at ``quote``
    (*X said — as reported by Y — “…”*, *X said (Y reported) “…”*): Y did not say it."""
    dashes = "—–"
    between = [t.text for t in tokens[cue + 1 : quote]]
    opened = [t.text for t in tokens[:cue]]
    if ")" in between and "(" in opened:
        return True
    return any(d in between for d in dashes) and any(d in opened for d in dashes)


def _particles_at(words: list[str], i: int, particle: tuple[str, ...]) -> int | None:
    """Index of the last particle word when all follow ``words[i]`` in order, else None."""
    pos = i
    for p in particle:
        try:
            pos = words.index(p, pos + 1)
        except ValueError:
            return None
    return pos
