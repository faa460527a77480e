"""Which words may label a concept, and which statements take a position on an actor alone.

**Label words are nouns, proper nouns and adjectives.** A concept is a position, which a noun
phrase names (*a second referendum*, *tariffs on steel*); a verb or adverb among a group's most
characteristic words (*bespreken*, *momenteel*, *announced*) says how it was reported, not what
about. Each word's part of speech is read from a light re-parse of the statements' evidence
sentences (the language's annotator, on the sentence as written, so that capitals and context
tell *halen* the verb from a noun), taking the tag the word has most often there; a word the
parse never sees keeps its place. A phrase label holding a verb is a clause, not a name.

**A position on an actor alone.** A stance whose concept text is nothing but an actor's name
(*Donald Trump*, *nederland*) is a position toward that actor: it is labelled *for/against
<the actor's name>* (``ACTOR_POSITION``), in one wording for every language, since the actor's
name is the knowledge base's and agree/disagree is the stance's own direction.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from powermap.analyse.concept_text import stop_words, words, zipf

#: parts of speech (Universal Dependencies) a concept label's words may have
LABEL_POS = frozenset({"NOUN", "PROPN", "ADJ"})
#: ... that make a phrase a clause rather than a name
CLAUSE_POS = frozenset({"VERB", "AUX"})
#: ... that head a noun phrase (one followed at once by a determiner leaves a clause's remains)
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
ACTOR_POSITION = "for/against {}"
#: spaCy components that tag parts of speech (the rest of a pipeline is skipped for labels)
TAGGING_PIPES = frozenset({"tok2vec", "tagger", "morphologizer", "attribute_ruler", "transformer"})
#: Zipf frequency from which a word is too common to label a group while it has rarer words
LABEL_COMMON_ZIPF = 5.5
#: share of a group's texts holding one word that makes it the label's first word
TOPIC_SHARE = 0.6


def actor_position(name: str) -> str:
    """The label of a position toward the actor called ``name``."""
    return ACTOR_POSITION.format(name)


def parts_of_speech(sentences: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The tag each case-folded word has most often in ``sentences`` ((text, language) pairs),
    from the language's annotator (its spaCy pipeline with the tagging components only, where
    it has one); a language without an annotator contributes nothing."""
    from powermap.annotate.registry import get_annotator

    by_language: dict[str, list[str]] = defaultdict(list)
    for text, language in dict.fromkeys(sentences):
        by_language[language].append(text)
    tags: dict[str, Counter] = defaultdict(Counter)
    for language, texts in sorted(by_language.items()):
        try:
            annotator = get_annotator(language)
        except RuntimeError:  # no annotator for this language
            continue
        for doc in _tagged(annotator, texts):
            for token in doc:
                if token.pos_:
                    tags[token.text.casefold()][token.pos_] += 1
    return {word: counts.most_common(1)[0][0] for word, counts in tags.items()}


def _tagged(annotator: Any, texts: list[str]) -> Iterable[Any]:
    """``texts`` tagged: a spaCy pipeline runs without parser and entity recogniser (a fifth of the time)."""
    nlp = getattr(annotator, "nlp", None)
    if nlp is None or not hasattr(nlp, "pipe"):
        return (annotator(text) for text in texts)
    skip = [name for name in nlp.pipe_names if name not in TAGGING_PIPES]
    return nlp.pipe(texts, disable=skip, batch_size=64)


def may_label(word: str, pos: dict[str, str]) -> bool:
    """Whether ``word`` may stand in a concept's label: a noun, proper noun or adjective, or unparsed."""
    tag = pos.get(word)
    return tag is None or tag in LABEL_POS


def is_clause(text: str, pos: dict[str, str]) -> bool:
    """Whether a phrase is a clause or what is left of one (its words as tagged in the evidence),
    so no name of a position: it holds a verb, or a noun followed at once by a determiner opens
    a second noun phrase with nothing to join them (*the state no pressure*: a subject and an
    object whose verb was cut away)."""
    tags = [pos.get(w) for w in words(text)]
    if any(tag in CLAUSE_POS for tag in tags):
        return True
    return any(a in NOMINAL_POS and b == "DET" for a, b in pairwise(tags))


def bare_actor(text: str, language: str, surfaces: dict[str, set[str]]) -> str | None:
    """The one actor ``text`` names when its content words are that actor's name and nothing
    else (``surfaces``: a document's case-folded mention texts and actor names -> actor ids)."""
    stops = stop_words(language) | stop_words("en")
    content = {w for w in words(text) if w not in stops}
    if not content:
        return None
    padded = f" {' '.join(words(text))} "
    covered: dict[str, set[str]] = defaultdict(set)
    for surface, ids in surfaces.items():
        surface_words = words(surface)
        if surface_words and f" {' '.join(surface_words)} " in padded:
            for actor in ids:
                covered[actor] |= set(surface_words)
    whole = [actor for actor, ws in covered.items() if content <= ws]
    return whole[0] if len(whole) == 1 else None


def characteristic_words(
    groups: dict[int, list[str]],
    stops: frozenset[str],
    languages: Iterable[str] = ("en",),
    pos: dict[str, str] | None = None,
) -> dict[int, list[str]]:
    """Class-based TF-IDF: each group's words ranked by share in the group × rarity across groups;
    words among the most common of the corpus's languages (``LABEL_COMMON_ZIPF``: *mensen*,
    *year*) come after all others, so they label a group only when it has no other words; the
    word most of the group's texts hold (``TOPIC_SHARE``) comes first (*brexit, ordentelijke*);
    only nouns, proper nouns and adjectives (``pos``, see ``may_label``) are counted."""
    languages = sorted(set(languages)) or ["en"]
    pos = pos or {}

    def common(word: str) -> bool:
        return max(zipf(word, code) for code in languages) >= LABEL_COMMON_ZIPF

    counts = {
        g: Counter(w for text in texts for w in words(text) if w not in stops and len(w) > 1 and may_label(w, pos))
        for g, texts in groups.items()
    }
    overall: Counter = Counter()
    for c in counts.values():
        overall.update(c)
    average = sum(overall.values()) / max(len(counts), 1)
    out = {}
    for g, c in counts.items():
        total = sum(c.values()) or 1
        scored = sorted(c, key=lambda w: (common(w), -(c[w] / total) * math.log(1 + average / overall[w]), w))
        # the word most of the group's texts share is its topic: it leads, however common elsewhere
        texts = groups[g]
        cover = Counter(w for text in texts for w in set(words(text)) if w in c and not common(w))
        topic = max(cover, key=lambda w: (cover[w], -scored.index(w)), default=None)
        if topic is not None and cover[topic] >= max(2, TOPIC_SHARE * len(texts)):
            scored = [topic, *(w for w in scored if w != topic)]
        out[g] = scored[:8]
    return out
