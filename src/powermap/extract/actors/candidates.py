"""Name candidates not found in the gazetteer: NER entities when the annotator gives them,
otherwise runs of capitalised words (with name particles such as ``van``, ``de``, ``of`` inside).

The capitalisation finder is the fallback until a trained NER model is the default: it drops
sentence-initial function words, role nouns and determiners from the edges of a run, and keeps a
single sentence-initial word only when the same word also occurs capitalised inside a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from powermap import lang
from powermap.extract.actors.lexicon import ActorLexicon

#: a word; a short lower-case part after a hyphen belongs to it (*Ching-te*, *Jong-un*: romanised
#: given names), a longer one is a compound's head (*Kremlin-kenner*) and does not
TOKEN = re.compile(r"[^\W\d_][\w]*(?:['’][^\W\d_]+)?(?:-[^\W\d_A-Z]{1,3}(?![\w-]))?|\d+")
#: Particles allowed inside a multi-word name (never at its edges), in any language we read.
PARTICLES = lang.union("name_run_particles")
#: Particles inside a person's name that are no common preposition or article of the languages we
#: read (*Faisal bin Farhan*, *Ursula von der Leyen*), so a name after a role may run on over them.
PERSON_PARTICLES = lang.union("person_name_particles")
#: Articles a name may open with (*De Gazet*, *Le Petit Journal*).
ARTICLES = lang.union("name_articles")
#: "and" between two names.
CONJUNCTIONS = lang.union("name_conjunctions")
#: words a run may hold inside but never ends with
_INNER = PARTICLES | CONJUNCTIONS
#: a possessive ending (*Berg's*, *Berg’s*)
POSSESSIVE = re.compile(r"['’]s$")
#: what may stand between two words of one run
_JOINS = frozenset((" ", "-", "'", "’"))
_SENT_END = set('.!?:;\n“”"‘«»(')
#: where ``_pieces`` may cut: a line break, or a space after a sentence end (two characters in)
_CUT = re.compile(r"\n|(?<=..[.!?]) ")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    label: str | None  # NER label when it came from the NER back end
    initial: bool  # starts a sentence


def is_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (or a line, heading or quotation)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = i
    while j >= 0 and text[j].isdigit():  # a footnote marker after a sentence: "...einde.”8 Daarna"
        j -= 1
    if j < i and j >= 0 and text[j] in '.!?”"’':
        i = j
    if i >= 1 and text[i] == "," and text[i - 1] == ",":
        return True  # Dutch opening quote: ,,Woord
    if i >= 1 and text[i] == "]" and text[i - 1] in ".…":
        return True  # a cut in a quotation: [...] Woord
    while i >= 0 and text[i] in " \t‘'\"“„«(–—-*•":
        if text[i] in '"“„«(‘–—•*':
            return True
        i -= 1
    return i < 0 or text[i] in _SENT_END


def from_entities(doc, labels: frozenset[str], text: str) -> list[Candidate]:
    """Candidates from ``doc.ents`` with one of ``labels``; ``text`` is the document text.

    The text is passed in because ``Doc.text`` is rebuilt from the tokens on every access.
    """
    return [
        Candidate(e.start_char, e.end_char, e.text, e.label_, is_initial(text, e.start_char))
        for e in doc.ents
        if e.label_ in labels
    ]


@dataclass(frozen=True)
class PieceRuns:
    """The runs of one piece of text (``text[start:end]``, a line or a sentence, ``_pieces``) and
    the words whose lower-case use elsewhere in the text was asked about there (-> the answer)."""

    start: int
    end: int
    runs: list[Candidate]
    asked: dict[str, bool]


def capitalised_runs(text: str, lex: ActorLexicon) -> list[Candidate]:
    """Runs of capitalised words, split at ``en``/``and`` between simple names. A run never
    crosses a line break or a sentence end, loses prepositions at its edges (*Volgens Jansen*),
    and ends after a possessive (*Berg's Oslo office*: *Berg's* and *Oslo*)."""
    return [c for piece in runs_by_piece(text, lex) for c in piece.runs]


def runs_by_piece(text: str, lex: ActorLexicon) -> list[PieceRuns]:
    """``capitalised_runs`` piece by piece (``_pieces``): only whether a word is used in lower
    case anywhere in the text reaches across pieces."""
    lowered = _lowered(text)
    return _piece_runs(text, lex, lowered, _pieces(text))


def runs_again(text: str, lex: ActorLexicon, before: list[PieceRuns], old: str) -> list[Candidate]:
    """``capitalised_runs(text, lex)`` for a ``text`` that differs from ``old`` (of runs
    ``before``) in a few characters (hits masked out): the runs of a piece that is unchanged, the
    character before it too, whose asked words are lower case in ``text`` as in ``old``, are the
    same; the other pieces' runs are found again (a masked character joins no run)."""
    lowered = _lowered(text)
    out: list[Candidate] = []
    for piece in before:
        # the character before it as well: a sentence start is read back to it
        same = text[max(0, piece.start - 1) : piece.end] == old[max(0, piece.start - 1) : piece.end]
        if same and all((w in lowered) == answer for w, answer in piece.asked.items()):
            out.extend(piece.runs)
        else:
            out.extend(_piece_runs(text, lex, lowered, [(piece.start, piece.end)])[0].runs)
    return out


def _lowered(text: str) -> set[str]:
    return {w for w in TOKEN.findall(text) if w[:1].islower()}


def _pieces(text: str) -> list[tuple[int, int]]:
    """The text cut at line breaks (left out) and at the space after a sentence end whose word
    before ends in a lower-case letter (so it is no initial of *John R. Smith*): no token, run
    or sentence-start test crosses a cut, in the text or in it with characters masked out."""
    bounds, start = [], 0
    cuts = [c for m in _CUT.finditer(text) if text[c := m.start()] == "\n" or text[c - 2].islower()]
    for end in (*cuts, len(text)):
        bounds.append((start, end))
        start = end + 1 if end < len(text) and text[end] == "\n" else end
    return bounds


def _piece_runs(text: str, lex: ActorLexicon, lowered: set[str], bounds: list[tuple[int, int]]) -> list[PieceRuns]:
    """The runs of each piece ``text[start:end]`` of ``bounds`` (in order, from ``_pieces``) in one
    pass over their words; ``lowered``: the lower-case words of all ``text``."""
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, bounds[0][0], bounds[-1][1])]
    out: list[Candidate] = []
    run: list[tuple[int, int, str]] = []
    asked: dict[str, bool] = {}
    pieces: list[PieceRuns] = []

    def close() -> None:  # the piece ends: no run goes on across it
        nonlocal asked
        flush()
        start, end = bounds[len(pieces)]
        pieces.append(PieceRuns(start, end, [c for c in out if any(ch.isalpha() for ch in c.text)], asked))
        out.clear()
        asked = {}

    def emit(part: list[tuple[int, int, str]]) -> None:
        while part and (part[-1][2].lower() in _INNER or not part[-1][2][:1].isupper()):
            part.pop()
        while part and _edge_word(part[0][2], lex):
            article = part[0][2].lower() in ARTICLES and part[0][2][:1].isupper()
            if len(part) > 1 and article and not is_initial(text, part[0][0]):
                break  # "Le Petit Journal", "De Gazet" inside a sentence
            part.pop(0)
        while part and _edge_word(part[-1][2], lex) and len(part) > 1:
            part.pop()
        if len(part) > 1 and is_initial(text, part[0][0]):
            first = part[0][2].lower()
            asked[first] = first in lowered
            if asked[first]:
                part.pop(0)
        if part:
            s, e = part[0][0], part[-1][1]
            out.append(Candidate(s, e, text[s:e], None, is_initial(text, s)))

    def flush() -> None:
        if not run:
            return  # most words are no part of a run: nothing to emit
        while run and (run[-1][2].lower() in _INNER):
            run.pop()
        # a capitalised preposition inside a run opens a new sentence (a heading without a stop)
        cut = next((i for i, (_, _, w) in enumerate(run) if i and w[:1].isupper() and _opens_clause(w, lex)), None)
        if cut is not None:
            rest = run[cut:]
            del run[cut:]
            flush()
            run.extend(rest)
        words = [w.lower() for _, _, w in run]
        conj = [i for i, w in enumerate(words) if w in CONJUNCTIONS]
        # *the Air Force and the US Embassy*: an article after the conjunction opens a second name
        second = any(i + 1 < len(words) and words[i + 1] in ARTICLES for i in conj)
        if conj and (second or not any(w in PARTICLES and w not in CONJUNCTIONS for w in words)):
            start = 0
            for i in [*conj, len(run)]:
                emit(run[start:i])
                start = i + 1
        else:
            emit(list(run))
        run.clear()

    for s, e, w in toks:
        while s >= bounds[len(pieces)][1]:
            close()
        cap = w[:1].isupper() and not w.isdigit()
        if run:
            gap = text[run[-1][1] : s]
            initial = gap == ". " and len(run[-1][2]) == 1 and run[-1][2].isupper() and len(run) > 1
            if not (gap in _JOINS or (initial and w[:1].isupper())):  # John R. Smith
                flush()
        if cap or (run and w.lower() in _INNER):
            run.append((s, e, w))
            if cap and POSSESSIVE.search(w):
                flush()  # the possessor is a name of its own
        elif run:
            flush()
    while len(pieces) < len(bounds):
        close()
    return pieces


def _edge_word(word: str, lex: ActorLexicon) -> bool:
    """Whether ``word`` is a function word, role noun or particle that a run loses at its edges;
    an abbreviation in capitals (*US*, not *us*) never is."""
    low = word.lower()
    if len(word) > 1 and word.isupper():
        return False
    return (
        low in lex.stop_words
        or low in lex.determiners
        or low in lex.role_nouns
        or low in lex.role_modifiers
        or low in lex.apposition_roles
        or low in PARTICLES
        or low in _prepositions(lex.language)
    )


def _opens_clause(word: str, lex: ActorLexicon) -> bool:
    low = word.lower()
    return low in _prepositions(lex.language) and low not in PARTICLES


@cache
def _prepositions(language: str) -> frozenset[str]:
    return lang.get(language).prepositions if language in lang.codes() else frozenset()
