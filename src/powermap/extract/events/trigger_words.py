"""The word-order coder's reading of words: lemmas, the lexicon readings of a form, and the
positions where a trigger may stand, read from the token table and remembered per form.

``PatternCoder`` (``fallback.py``) inherits these; they read its lexicon (``lex``), particle
lists and cues and need no parse.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from powermap.extract._tokens import token_table
from powermap.extract.events.lexicon import EventLexicon, norm
from powermap.extract.events.morphology import lemma_table, separable_particle, verb_candidates

#: tokens after a trigger searched for its clause-final separable particle
PARTICLE_REACH = 15
#: word forms remembered per language (``readings``) before the memory starts again
MEMO_SIZE = 1 << 14


@cache
def _readings(language: str) -> dict[tuple[str, str], tuple[tuple[str, ...], bool]]:
    """Per language, shared by the documents: ``PatternCoder.readings`` by (form, lemma)."""
    return {}


@cache
def _lemma_parts(language: str) -> dict[tuple[str, str], tuple[str, str | None, str]]:
    """Per language, shared by the documents: ``PatternCoder.lemma_parts`` by (form, parsed lemma)."""
    return {}


class TriggerWords:
    """Word readings of the word-order coder (a mixin of ``PatternCoder``)."""

    lex: EventLexicon
    verbs_only: bool
    particle_prefix: bool
    particles: frozenset[str] | set[str]
    reported_markers: frozenset[str]
    infinitive: frozenset[str]

    def __init__(self, lexicon: EventLexicon) -> None:
        self._readings = _readings(lexicon.language)  # see readings
        self._lemma_parts = _lemma_parts(lexicon.language)  # see lemma_parts

    def lemma_of(self, tok: Token) -> str:
        """The parser's lemma, else (or where it has a stray particle) the lookup table's."""
        text, parsed = tok.text, tok.lemma_
        if parsed and parsed != text:
            lemma = norm(parsed)
            prt = separable_particle(lemma, self.lex.language) if self.particle_prefix else None
            if not (prt and prt not in tok.lower_ and not self.stands_as_particle(prt, tok.sent)):
                return lemma
            # a particle neither in the word nor standing as one in the sentence: a lemma error
        table = lemma_table(self.lex.language)
        lower = tok.lower_
        return norm(table.get(text, table.get(lower, lower)))

    def lemma_parts(self, text: str, parsed: str, lower: str) -> tuple[str, str | None, str]:
        """What ``lemma_of`` reads from the word alone: the lemma, the particle that lemma has
        neither in the word (``lower``, the form's lower case) nor, to be checked, perhaps in the
        sentence (None when there is nothing to check), and the lemma without it; remembered per
        (form, parsed lemma)."""
        key = (text, parsed)
        found = self._lemma_parts.get(key)
        if found is None:
            table = lemma_table(self.lex.language)
            looked_up = norm(table.get(text, table.get(lower, lower)))
            found = (looked_up, None, looked_up)
            if parsed and parsed != text:
                lemma = norm(parsed)
                prt = separable_particle(lemma, self.lex.language) if self.particle_prefix else None
                found = (lemma, prt, looked_up) if prt and prt not in lower else (lemma, None, lemma)
            self._lemma_parts[key] = found
            if len(self._lemma_parts) > MEMO_SIZE:
                self._lemma_parts.clear()
        return found

    def sentence_lemmas(self, sent: Span) -> list[str]:
        """``lemma_of`` of every token of ``sent``, read from the token table (no Token objects)."""
        table = token_table(sent.doc)
        texts, parsed, lowers, tags = table.words, table.lemmas, table.lower, table.pos
        out: list[str] = []
        for i in range(sent.start, sent.end):
            lemma, prt, plain = self.lemma_parts(texts[i], parsed[i], lowers[i])
            if prt is not None:  # ``stands_as_particle`` in the token's own (spaCy) sentence
                first, end = table.sentence(i)
                stands = any(
                    lowers[j] == prt and (j + 1 == end or not tags[j + 1] or tags[j + 1] in ("ADP", "SCONJ", "PUNCT"))
                    for j in range(first, end)
                )
                lemma = lemma if stands else plain
            out.append(lemma)
        return out

    @staticmethod
    def stands_as_particle(prt: str, sent: Span) -> bool:
        """Whether ``prt`` occurs in the sentence where a split particle stands: before a
        preposition, a subordinator, a punctuation mark or the end (*leverde X kritiek op.*), not
        as the preposition of a noun phrase (*levert kritiek op China*). Untagged, anywhere."""
        words = list(sent)
        for j, t in enumerate(words):
            if t.lower_ != prt:
                continue
            after = words[j + 1] if j + 1 < len(words) else None
            if after is None or not after.pos_ or after.pos_ in ("ADP", "SCONJ", "PUNCT"):
                return True
        return False

    def readings(self, text: str, lemma: str) -> tuple[tuple[str, ...], bool]:
        """The lemma and (with the Dutch verb morphology) the infinitives a word form may come from,
        and whether any has a lexicon row; remembered per form and lemma (a pure function of both)."""
        found = self._readings.get((text, lemma))
        if found is None:
            base = (lemma, *verb_candidates(text, self.lex.language)) if self.lex.compound_suffix else (lemma,)
            found = self._readings[(text, lemma)] = (base, any(self.lex.has(c) for c in base))
            if len(self._readings) > MEMO_SIZE:
                self._readings.clear()
        return found

    def particle_ends(self, sent: Span, lowers: list[str]) -> list[int]:
        """Positions of the sentence's clause-final particles (one before a non-word or the end)."""
        alpha = token_table(sent.doc).is_alpha[sent.start : sent.end]
        last = len(lowers) - 1
        return [j for j, w in enumerate(lowers) if w in self.particles and (j == last or not alpha[j + 1])]

    def possible_triggers(self, sent: Span, lemmas: list[str], view: tuple[list[str], list[int]]) -> list[int]:
        """The positions in ``sent`` where ``trigger`` may find a row: a word, with a reading that
        has one or a split particle it may join (a necessary condition, read without Tokens)."""
        if not self.verbs_only:
            return list(range(len(lemmas)))  # an event noun may be any lower-case word
        table, first = token_table(sent.doc), sent.start
        alpha, words, markers = table.is_alpha, table.words, self.reported_markers
        lowers, ends = view
        joinable = {k for j in ends for k in range(max(0, j - PARTICLE_REACH + 1), j)}  # a particle after it
        infinitive, prts = self.infinitive, self.particles  # or *op te leggen*
        joinable.update(k for k in range(2, len(lowers)) if lowers[k - 1] in infinitive and lowers[k - 2] in prts)
        return [
            k
            for k, lemma in enumerate(lemmas)
            if alpha[first + k]
            and lowers[k] not in markers
            and (k in joinable or self.readings(words[first + k], lemma)[1])
        ]
