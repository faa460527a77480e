"""The extraction speed-ups change no record: each fast path against the plain way it replaced.

The last test extracts dev-set articles twice, once as the pipeline runs and once with every
fast path swapped for its plain reference below, and requires identical records. (For a wider
check between two commits, ``bench/record_snapshot.py`` compares the records of the dev set,
the seeds and 100 volume articles.)
"""

from __future__ import annotations

import dataclasses
import random
import unicodedata

import pytest
import spacy
from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from powermap.extract import Extractor, _text, claims
from powermap.extract import events as event_stage
from powermap.extract import stances as stance_stage
from powermap.extract._text import _find_sentences
from powermap.extract._tokens import token_table
from powermap.extract.actors import actor_types, candidates, hits
from powermap.extract.actors.candidates import capitalised_runs
from powermap.extract.actors.found import DocActors
from powermap.extract.actors.fuzzy import FuzzyIndex
from powermap.extract.actors.lexicon import ActorLexicon
from powermap.extract.claims.numbers import NumberLexicon
from powermap.extract.claims.tokens import TOKEN, Tok
from powermap.extract.events import morphology, syntax
from powermap.extract.events.actors import ActorIndex
from powermap.extract.events.coder import ParseCoder
from powermap.extract.events.fallback import PatternCoder
from powermap.extract.events.lexicon import EventLexicon, norm
from powermap.extract.events.morphology import lemma_table, noun_candidates, separable_particle, verb_candidates
from powermap.extract.events.predicates import Predicates
from powermap.extract.quotes import QuoteFinder, parsed
from powermap.extract.stances import concepts
from powermap.extract.stances.positions import StanceVerbs
from powermap.kb import load_kb
from powermap.kb.names import CONVENTIONS, fold, fold_char, name_key, name_keys
from powermap.records import Document, document_id

from . import test_extract_speedups_actors as actor_speedups
from .conftest import SHARED

DEV = sorted((SHARED / "corpus-dev").glob("*/*.txt"))


def all_reachable(index: FuzzyIndex, key: str, ratio: float) -> list[int]:
    """Every key of a length that can reach ``ratio``, in the order the index compares keys in
    (what the index compared before it filtered keys by their character counts)."""
    assert index._keys is not None
    length = len(key)
    low, high = length * ratio / (2 - ratio), length * (2 / ratio - 1)
    found = [i for i, k in enumerate(index._keys) if low <= len(k) <= high]
    return sorted(found, key=lambda i: (index._rank[len(index._keys[i])], i))


def full_scan(index: FuzzyIndex, name: str, threshold: float) -> str | None:
    """The fuzzy answer by comparing ``name``'s keys with every key of a reachable length."""
    from powermap.kb.names import name_keys

    keys = index._keys if index._keys is not None else index._build()
    best: tuple[float, int] | None = None
    for key in name_keys(name):
        indices = all_reachable(index, key, threshold / 100)
        found = process.extractOne(key, [keys[i] for i in indices], scorer=fuzz.ratio, score_cutoff=threshold)
        if found is not None and (best is None or (found[1], -indices[found[2]]) > (best[0], -best[1])):
            best = (found[1], indices[found[2]])
    return index._ids[best[1]] if best else None


def misspelt(key: str, rng: random.Random) -> str:
    """``key`` with one letter dropped, doubled or swapped with the next, in title case."""
    chars, at = list(key), rng.randrange(len(key))
    move = rng.randrange(3)
    if move == 0:
        del chars[at]
    elif move == 1:
        chars.insert(at, chars[at])
    elif at + 1 < len(chars):
        chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars).title()


def test_fuzzy_matcher_answers_as_a_full_scan_would():
    index = FuzzyIndex(load_kb())
    index("warm up")  # builds the index
    rng = random.Random(5)
    keys = sorted(index.kb._keys)
    names = [misspelt(k, rng) for k in rng.sample(keys, 120)] + ["Xqzv Wprt", "A B"]
    for threshold in (92.0, 75.0):
        fresh = FuzzyIndex(index.kb)
        answers = [fresh(n, threshold) for n in names]
        assert answers == [full_scan(index, n, threshold) for n in names]
    assert sum(a is not None for a in answers) > 60  # the names are near misses, most still found


def old_match(self: concepts.Concept, text: str, language: str):
    """The concept match without the plain-substring test before the regular expression."""
    lower = text.lower()
    hit = concepts._terms_re(self.terms.get(language) or self.terms.get("en") or ()).search(lower)
    if hit is None:
        return None
    needed = self.with_.get(language) or self.with_.get("en") or ()
    if needed and not concepts._prefix_re(needed).search(lower):
        return None
    return hit


def scanned_particles(self: Predicates, doc) -> tuple[list[str], list[int]]:
    """The particles standing before a preposition, punctuation or the end, token by token."""
    found = []
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.lower_ in self.particles and (nxt is None or nxt.pos_ in ("ADP", "PUNCT")):
            found.append(tok.i)
    return [t.lower_ for t in doc], found


def char_span_tokens(text: str, doc, start: int, end: int) -> list[Tok]:
    """The claim tokens of a sentence, each tied to its parse by ``Doc.char_span`` (the plain way)."""
    toks = []
    for m in TOKEN.finditer(text, start, end):
        word = m.group().rstrip(".") or m.group()
        tok = Tok(word, m.start(), m.start() + len(word))
        if doc is not None:
            span = doc.char_span(tok.start, tok.end, alignment_mode="expand")
            if span is not None and len(span):
                tok.parsed = span[-1]
                tok.pos = span[-1].pos_
        toks.append(tok)
    return toks


def scanned_compound_head(word: str, heads: frozenset[str]) -> bool:
    """The compound-head test comparing the word with every head."""
    return any(word.endswith(h) and len(h) >= 4 and len(word) - len(h) >= 3 for h in heads)


def guessed_prefix_by_sentence(tok, lemmas: list[str]) -> list[str]:
    """``without_guessed_prefix`` reading the sentence's words from ``tok.sent`` for every lemma pair."""
    form = tok.lower_
    words = {t.lower_ for t in tok.sent}
    return [
        lemma
        for lemma in lemmas
        if not any(
            len(base) >= 4
            and lemma != base
            and lemma.endswith(base)
            and (front := lemma[: -len(base)]) not in form
            and front not in words
            for base in lemmas
        )
    ] or lemmas


def readings_unremembered(self: PatternCoder, text: str, lemma: str):
    base = (lemma, *verb_candidates(text, self.lex.language)) if self.lex.compound_suffix else (lemma,)
    return base, any(self.lex.has(c) for c in base)


def word_readings_unremembered(self: Predicates, text: str, parsed_lemma: str, lower: str, verb: bool):
    table = lemma_table(self.language)
    forms = tuple(verb_candidates(text, self.language)) if verb and self.lex.compound_suffix else ()
    return norm(parsed_lemma or text), norm(table.get(text, table.get(lower, lower))), forms


def noun_unremembered(self: Predicates, text: str, parsed_lemma: str):
    words = [norm(parsed_lemma or text), *noun_candidates(norm(text), self.language)]
    return self.lex.noun_lemma(list(dict.fromkeys(words)))


def cue_by_sentence(tok, lex) -> bool:
    """``_is_cue`` reading the sentence's words and the particles for every verb."""
    words = {t.lower_ for t in tok.sent}
    own = set(parsed.particle_words(tok, lower=True))
    for verb in lex.verbs.get(tok.lower_, ()):
        if all(p in words for p in verb.particle) and own <= set(verb.particle):
            return True
    return not own and any(not v.particle for v in lex.lemmas.get(tok.lemma_.lower(), ()))


def doc_token_by_dict(self: QuoteFinder, start: int):
    """The parsed token at ``start`` from a dict of every Token of the Doc."""
    if not hasattr(self, "_plain_tokens"):
        doc = self.ctx.doc
        self._plain_tokens = {t.idx: t for t in doc} if doc.has_annotation("DEP") else {}
    return self._plain_tokens.get(start)


def copulas_by_children(doc) -> set[int]:
    return {t.i for t in doc if any(syntax.dep(c) == "cop" for c in t.children)}


def trimmed_by_text(sent) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


def test_token_table_finds_the_tokens_char_span_finds():
    nlp = spacy.blank("nl")
    words = ["De", "minister", "zei", ":", "\n\n", "“", "Nee", ".", "”", "Daarna", "  ", "niets", "."]
    spaces = [True, True, False, False, False, False, False, False, True, True, False, False, False]
    pos = ["DET", "NOUN", "VERB", "PUNCT", "SPACE", "PUNCT", "INTJ", "PUNCT", "PUNCT", "ADV", "SPACE", "PRON", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, pos=pos)
    table = token_table(doc)
    assert table is token_table(doc)  # read once per Doc
    assert table.pos == [t.pos_ for t in doc] and table.starts == [t.idx for t in doc]
    for start in range(-1, len(doc.text) + 2):
        for end in range(start, len(doc.text) + 2):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = span[-1].i if span is not None and len(span) else None
            found = table.last_token(start, end)
            assert (found.i if found is not None else None) == expected, (start, end)


def test_folding_and_name_keys_equal_the_plain_ways():
    def folded_one_by_one(text: str) -> str:
        return "".join(c.lower() if ord(c) < 128 else fold_char(c) for c in text)

    for text in ["Çelik Öztürk", "ŁÓDŹ en Ærø", "İstanbul", "naïeve Straße", "ß ﬁ Ǆ", "plain ASCII"]:
        assert fold(text) == folded_one_by_one(text) and len(fold(text)) == len(text)
    assert fold("Ærø") == unicodedata.normalize("NFKD", "Æ")[:1].lower() + "rø"
    aliases = sorted({alias for alias, _, _ in load_kb().aliases})
    for alias in [*random.Random(3).sample(aliases, 3000), "Jan-Piet O'Nelis", "Abdel al-Verzon"]:
        assert name_keys(alias) == frozenset(name_key(alias, c) for c in CONVENTIONS)


@pytest.mark.skipif(len(DEV) < 4, reason="needs ../shared/corpus-dev")
def test_records_equal_those_of_the_plain_reference_paths(monkeypatch):
    documents = []
    for path in DEV[:3] + DEV[-2:]:  # Dutch and English articles
        text = path.read_text(encoding="utf-8")
        documents.append(Document(id=document_id(text), text=text, published="2019-03-01", language=path.parent.name))
    fast = [Extractor()(d).to_dict() for d in documents]
    with monkeypatch.context() as patch:
        patch.setattr(FuzzyIndex, "_candidates", lambda self, key, ratio: all_reachable(self, key, ratio))
        patch.setattr(EventLexicon, "has", lambda self, lemma: True)  # no word skipped before its bag is read
        patch.setattr(EventLexicon, "patterned", lambda self, lemma, noun=False: True)  # every bag built
        patch.setattr(concepts.Concept, "match", old_match)
        patch.setattr(Predicates, "loose_particles", scanned_particles)
        patch.setattr(claims, "sentence_tokens", char_span_tokens)
        patch.setattr(claims, "opens_quantity", lambda text, start, end, lex: True)  # every sentence tokenized
        patch.setattr(NumberLexicon, "inert", lambda self, low: False)  # every word read as a quantity's start
        patch.setattr(actor_types, "_compound_head", scanned_compound_head)
        patch.setattr(Predicates, "without_guessed_prefix", staticmethod(guessed_prefix_by_sentence))
        patch.setattr(syntax, "copula_heads", copulas_by_children)
        patch.setattr(PatternCoder, "readings", readings_unremembered)
        patch.setattr(PatternCoder, "sentence_lemmas", lambda self, sent: [self.lemma_of(t) for t in sent])
        patch.setattr(PatternCoder, "possible_triggers", lambda self, sent, lemmas, view: range(len(lemmas)))
        patch.setattr(ParseCoder, "possible_rows", lambda self, sent: range(sent.start, sent.end))
        patch.setattr(StanceVerbs, "candidates", lambda self, sent: list(sent))
        patch.setattr(Predicates, "word_readings", word_readings_unremembered)
        patch.setattr(Predicates, "noun_of", noun_unremembered)
        patch.setattr(EventLexicon, "word_in", word_in_by_both_tests)
        patch.setattr(ActorIndex, "tokens_in_mentions", lambda self, table, first, end: set(range(first, end)))
        patch.setattr(parsed, "_is_cue", cue_by_sentence)
        patch.setattr(QuoteFinder, "_doc_token", doc_token_by_dict)
        patch.setattr(_text, "_sentence_bounds", lambda doc: [(s.start, s.end) for s in _find_sentences(doc)])
        patch.setattr(event_stage, "trimmed", trimmed_by_text)
        patch.setattr(stance_stage, "trimmed", trimmed_by_text)
        patch.setattr(ActorLexicon, "is_title", actor_speedups.title_by_scan)
        patch.setattr(DocActors, "person_by_name", actor_speedups.person_by_every_form)
        patch.setattr(EventLexicon, "cue_set", actor_speedups.cue_set_made_again)
        patch.setattr(hits, "runs_again", lambda text, lex, before, old: capitalised_runs(text, lex))
        patch.setattr(candidates, "_pieces", lambda text: [(0, len(text))])  # the runs in one pass
        plain = [Extractor()(d).to_dict() for d in documents]
    assert plain == fast


def test_token_table_reads_sentences_and_relations_as_the_tokens_do():
    nlp = spacy.blank("nl")
    words = ["Zij", "is", "ziek", ".", "\n\n", "Hij", "zei", "het", "op", "."]
    heads = [2, 2, 2, 2, 4, 6, 6, 6, 6, 6]
    deps = ["nsubj", "cop", "ROOT", "punct", "dep", "nsubj", "ROOT", "obj", "compound:prt", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    table = token_table(doc)
    assert table.lower == [t.lower_ for t in doc] and table.words == [t.text for t in doc]
    assert table.is_space == [t.is_space for t in doc] and table.spaces == [t.whitespace_ for t in doc]
    for tok in doc:
        assert table.sentence(tok.i) == (tok.sent.start, tok.sent.end)
        assert table.sentence_words(tok.i) == {t.lower_ for t in tok.sent}
        assert syntax.dep(tok) == syntax.ud_label(tok.dep_)
    assert syntax.copula_heads(doc) == {2}  # *ziek* has the copula *is*
    assert [(s.start, s.end) for s in _text.sentences(doc)] == [(s.start, s.end) for s in _find_sentences(doc)]


def word_in_by_both_tests(self: EventLexicon, word: str, bag: set[str]) -> bool:
    """``word_in`` with the hyphen test and the longer-word test made for every bag word."""
    if word in bag:
        return True
    if self.compound_suffix:
        return any(b.endswith("-" + word) or (len(word) >= 4 and len(b) > len(word) and b.endswith(word)) for b in bag)
    return False


def test_marker_kind_by_first_word_equals_the_joined_lookups():
    from powermap.extract.quotes.lexicon import quote_lexicon

    markers = {"naar verluidt": "according", "aldus": "postposed", "volgens": "according"}
    lexicon = dataclasses.replace(quote_lexicon("nl"), markers=markers)  # a lexicon of its own
    for words in (["naar", "verluidt"], ["naar", "huis"], ["aldus"], ["aldus", "de"], ["volgens"], ["de", "man"], []):
        joined = next(
            ((markers[k], n) for n in (2, 1) if (k := " ".join(words[:n])) in markers and len(words) >= n), None
        )
        assert lexicon.marker_kind(words) == joined, words


def test_compound_word_test_equals_both_tests():
    lexicon = EventLexicon("nl")
    bag = {"veiligheidsgarantie", "g20-top", "top", "handelsakkoord", "akkoord", "vn-", "-", "x-vn", "eu"}
    words = ["garantie", "top", "akkoord", "vn", "eu", "u", "", "g20-top", "heidsgarantie", "tie", "sakkoord"]
    for word in words:
        for subset in (bag, {b for b in bag if len(b) < 5}, set()):
            assert lexicon.word_in(word, subset) == word_in_by_both_tests(lexicon, word, subset), (word, subset)


class EveryPrefix(dict):
    """A prefix table whose every letter lists all prefixes: the plain scan over the sorted list."""

    def __init__(self, prefixes: list[str]) -> None:
        super().__init__()
        self.prefixes = tuple(prefixes)

    def get(self, key, default=None):
        return self.prefixes


def test_verb_readings_by_first_letter_equal_the_sorted_scan(monkeypatch):
    forms = [
        *sorted(set(lemma_table("nl").values()))[::20],
        "opgelegd",
        "legde",
        "aangekondigd",
        "zakendoet",
        "overleggen",
    ]
    endings, by_letter = morphology._morphology("nl")
    every = EveryPrefix(sorted(p for group in by_letter.values() for p in group))
    particles = EveryPrefix(sorted(morphology.particles("nl")))
    morphology._verb_candidates.cache_clear()
    morphology.separable_particle.cache_clear()
    fast = [(verb_candidates(f, "nl"), separable_particle(f.lower(), "nl")) for f in forms]
    with monkeypatch.context() as patch:
        patch.setattr(morphology, "_morphology", lambda language: (endings, every))
        patch.setattr(morphology, "_particles_by_letter", lambda language: particles)
        morphology._verb_candidates.cache_clear()
        morphology.separable_particle.cache_clear()
        plain = [(verb_candidates(f, "nl"), separable_particle(f.lower(), "nl")) for f in forms]
    morphology._verb_candidates.cache_clear()
    morphology.separable_particle.cache_clear()
    assert len(forms) > 1000 and plain == fast
    assert sum(bool(p) for _, p in fast) > 50  # particle verbs among them


def test_a_token_table_goes_with_its_doc():
    import gc
    import weakref

    doc = spacy.blank("en")("The envoys met in a small harbour town on Friday.")
    table = token_table(doc)
    assert table.starts[:3] == [0, 4, 11]
    gone = weakref.ref(doc)
    del doc, table
    gc.collect()
    assert gone() is None  # a table that held its Doc kept every parsed Doc alive (memory grew per document)


def test_a_cached_alternation_matches_as_every_order_of_words_of_one_length():
    """``_text.alternation`` sorts a set's words longest first once per set; the order of words of one
    length is the set's own. Every such order finds the same matches (sentences written for it)."""
    import itertools
    import re

    words = {"de", "De", "het", "een", "the", "van der", "van", "the US", "THE", "dE"}
    texts = [
        "De minister van der Berg zei dat de regering het plan van de EU steunt.",
        "THE US and the EU: een akkoord, het eerste van dE reeks; the end.",
    ]
    made = re.compile(rf"\b(?:{_text.alternation(words)})\s+(\w+)", re.IGNORECASE)
    found = [[(m.span(), m.group(1)) for m in made.finditer(t)] for t in texts]
    assert found[0] and found[1]
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    lengths = sorted(by_length, reverse=True)
    for orders in itertools.product(*(itertools.permutations(by_length[n]) for n in lengths)):
        plain = "|".join(re.escape(w) for order in orders for w in order)
        pattern = re.compile(rf"\b(?:{plain})\s+(\w+)", re.IGNORECASE)
        assert [[(m.span(), m.group(1)) for m in pattern.finditer(t)] for t in texts] == found
    assert _text.alternation(list(words)) is _text.alternation(frozenset(words))  # made once per set
