"""The actor-stage and cue-list speed-ups against the plain ways they replaced.

``test_extract_speedups.test_records_equal_those_of_the_plain_reference_paths`` swaps these
references in as well; here each is compared with its fast path on inputs written for the test.
"""

from __future__ import annotations

import random

from powermap.extract.actors.candidates import _lowered, _piece_runs
from powermap.extract.actors.found import DocActors
from powermap.extract.actors.lexicon import ActorLexicon, lexicon
from powermap.extract.events.lexicon import EventLexicon
from powermap.kb import load_kb
from powermap.kb.names import name_keys


def title_by_scan(self: ActorLexicon, words: list[str]) -> bool:
    """``is_title`` comparing the run with every title."""
    low = " ".join(words).lower()
    return any(low == t or low.endswith(" " + t) for t in self.titles)


def person_by_every_form(self: DocActors, name: str):
    """``person_by_name`` making the keys of every form of every person on each call."""
    keys = name_keys(name)
    single = len(name.split()) == 1
    for a in self.persons():
        for f in {a.name, *a.mentions.values()}:
            parts = f.split()
            if len(parts) < 2 and not single:
                continue
            if name_keys(f) & keys or (single and name_keys(parts[-1]) & keys):
                return a
    return None


def cue_set_made_again(self: EventLexicon, name: str) -> set[str]:
    """``cue_set`` building the set on every call."""
    return {str(w).lower() for w in self.cues.get(name) or []}


def runs_in_one_piece(text: str, lex: ActorLexicon):
    """``capitalised_runs`` over the whole text at once, not cut into pieces."""
    return _piece_runs(text, lex, _lowered(text), [(0, len(text))])[0].runs


def test_title_lookup_equals_the_scan_over_every_title():
    for code in ("nl", "en"):
        lex = lexicon(code)
        titles = sorted(lex.titles)
        rng = random.Random(7)
        runs = [["Grote", "Minister"], ["de"], [""], ["Kroon", ""], [], ["Eerste", "minister", "  van"]]
        for _ in range(400):
            words = [rng.choice(titles) if rng.random() < 0.5 else rng.choice(["Nieuwe", "Oud", "x", "Van"])]
            words += [rng.choice(titles).title() for _ in range(rng.randrange(3))]
            runs.append(words)
        for words in runs:
            assert lex.is_title(words) == title_by_scan(lex, words), words


def test_person_lookup_equals_the_scan_as_mentions_change():
    text = "Anna de Wit sprak met Bram Koster. Later zei De Wit iets. Koster zweeg. Anna lachte."
    found = DocActors(text, load_kb(), lexicon("nl"), None)
    anna = found.doc_actor("Anna de Wit", "person")
    bram = found.doc_actor("Bram Koster", "person")
    names = ["De Wit", "Koster", "Anna", "Bram Koster", "Anna Koster", "Wit", "Lachte", "B. Koster"]
    for actor, (start, end) in [(anna, (0, 11)), (bram, (22, 33)), (anna, (41, 47)), (bram, (54, 60))]:
        for name in names:
            assert found.person_by_name(name) is person_by_every_form(found, name), name
        found.mention(actor, start, end)
    for name in names:
        assert found.person_by_name(name) is person_by_every_form(found, name), name


def test_cue_lists_are_made_once_and_equal_the_plain_sets():
    lex = EventLexicon("nl")
    for name in [*lex.cues, "no_such_list"]:
        if isinstance(lex.cues.get(name), (list, type(None))):
            assert lex.cue_set(name) == cue_set_made_again(lex, name), name
            assert lex.cue_set(name) is lex.cue_set(name)


def test_runs_of_a_masked_text_equal_the_runs_found_again():
    from powermap.extract.actors.candidates import capitalised_runs, runs_again, runs_by_piece

    text = (
        "Volgens Jan de Vries en Els Bakker kwam de Raad van Bestuur.\n"
        "Bestuur is een woord. De Minister van Buitenlandse Zaken Piet Smit sprak.\n\n"
        "“Nee”, zei Karel Jansen in Den Haag. Karel wist het.\n"
        "Noord-Amerika en de VS-president Tom O’Neil, de Jong-un van Zuid Holland-oost. John R. Smith kwam. "
        "Dat zei hij. Nee! Ook Ria? ja. “Kom.” Daarna Anna. 3. Berg's Oslo kantoor. ab. Cd.\n. X. y. Z"
    )
    rng = random.Random(5)
    for code in ("nl", "en"):
        lex = lexicon(code)
        pieces = runs_by_piece(text, lex)
        assert len(pieces) > 10
        whole = runs_in_one_piece(text, lex)
        assert [c for piece in pieces for c in piece.runs] == capitalised_runs(text, lex) == whole
        for _ in range(200):
            chars = list(text)
            for _ in range(rng.randrange(4)):
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randrange(1, 12))
                chars[start:end] = "|" * (end - start)
            masked = "".join(chars)
            assert runs_again(masked, lex, pieces, text) == runs_in_one_piece(masked, lex), masked
