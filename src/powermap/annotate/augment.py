"""Training-data augmentation: quotation marks in the styles real text uses.

The Alpino treebank writes every quotation with straight ``"`` (and ``'``), while Dutch news
writes ,,low-high'' quotes, „German-style” quotes, “curly” ones and «guillemets». A parser that
never saw those tokens during training attaches them badly (on UD Alpino dev every ``,,`` and
``''`` was an error) and may even split a sentence at them. The augmenter below rewrites the
quotation marks of a share of the training examples into one randomly chosen style, keeping
every annotation; spaCy's own ``spacy.orth_variants.v1`` cannot do this for Dutch, because it
tells an opening ``"`` from a closing one only by a paired tag, and the CGN tag set has none.

Straight quotes are told apart by their spacing (``"ja"``) and, where that is no help, by
their place in the sentence (see ``quote_roles``). Only punctuation tokens are rewritten, so the
apostrophe of *'s* or *z'n* is never touched.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from functools import partial

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.training.augment import construct_modified_raw_text


@spacy.registry.augmenters("powermap.quote_variants.v1")
def create_quote_variants(
    level: float, pairs: Sequence[Sequence[str]]
) -> Callable[[Language, Example], Iterator[Example]]:
    """An augmenter that, for a share ``level`` of the training examples, rewrites each
    quotation mark into one (opening, closing) pair of ``pairs`` chosen per example.

    ``pairs`` also defines what counts as a quotation mark: every string in it."""
    checked = [(str(p[0]), str(p[1])) for p in pairs if len(p) == 2]
    if not checked:
        raise ValueError("quote_variants needs at least one [opening, closing] pair")
    if not 0.0 <= level <= 1.0:
        raise ValueError(f"quote_variants level must be between 0 and 1, not {level}")
    return partial(quote_variants_augmenter, pairs=checked, level=level)


def quote_roles(
    words: Sequence[str],
    spaces: Sequence[bool],
    is_punct: Sequence[bool],
    sent_starts: Sequence[bool],
    pairs: Sequence[tuple[str, str]],
) -> list[str | None]:
    """For each word, "open" or "close" if it is a quotation mark, else None.

    A mark of a pair with distinct ends says which end it is. A straight mark is read from
    its spacing: glued to the next word and not to the previous one it opens, the other way
    round it closes; first in its sentence it opens, last it closes; otherwise the first,
    third, ... straight mark of its kind in the sentence opens and the others close."""
    openers = {o for o, c in pairs if o != c}
    closers = {c for o, c in pairs if o != c}
    symmetric = {o for o, c in pairs if o == c}
    n = len(words)
    ends = [i + 1 >= n or sent_starts[i + 1] for i in range(n)]
    roles: list[str | None] = []
    seen: dict[str, int] = {}
    for i, word in enumerate(words):
        if sent_starts[i]:
            seen = {}
        if not is_punct[i]:
            roles.append(None)
        elif word in openers:
            roles.append("open")
        elif word in closers:
            roles.append("close")
        elif word in symmetric:
            count = seen.get(word, 0)
            seen[word] = count + 1
            glued_after = not spaces[i] and not ends[i]
            glued_before = not sent_starts[i] and not spaces[i - 1]
            if glued_after != glued_before:
                roles.append("open" if glued_after else "close")
            elif sent_starts[i] or ends[i]:
                roles.append("open" if sent_starts[i] else "close")
            else:
                roles.append("open" if count % 2 == 0 else "close")
        else:
            roles.append(None)
    return roles


def quote_variants_augmenter(
    nlp: Language, example: Example, *, pairs: Sequence[tuple[str, str]], level: float
) -> Iterator[Example]:
    """Yield ``example``, or (with probability ``level``) a copy with rewritten quotes."""
    if random.random() >= level:
        yield example
        return
    reference = example.reference
    words = [t.text for t in reference]
    roles = quote_roles(
        words,
        [bool(t.whitespace_) for t in reference],
        [t.is_punct or t.pos_ == "PUNCT" for t in reference],
        [bool(t.is_sent_start) for t in reference],
        pairs,
    )
    if not any(roles):
        yield example
        return
    opening, closing = random.choice(pairs)
    annotation = example.to_dict()
    tokens = annotation["token_annotation"]
    orth = list(tokens["ORTH"])
    lemmas = list(tokens.get("LEMMA") or [""] * len(orth))
    for i, role in enumerate(roles):
        if role is None:
            continue
        mark = opening if role == "open" else closing
        if lemmas[i] == orth[i]:  # a mark is its own lemma: ,, stays ,, (as the UD files have it)
            lemmas[i] = mark
        orth[i] = mark
    tokens["ORTH"] = orth
    if tokens.get("LEMMA"):
        tokens["LEMMA"] = lemmas
    text = construct_modified_raw_text(tokens)
    yield Example.from_dict(nlp.make_doc(text), annotation)
