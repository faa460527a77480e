"""Prepositional phrases the parser hung one level too high.

*X verzet zich tegen zijn uitsluiting door Y*: the parser often hangs *door Y* on the verb
instead of the event noun before it. In an active clause an agent phrase (``agent_preps``:
*door*, *by*) on the verb names no one the verb's own subject acts with, so when it follows an
event noun that the verb governs, right after that noun's phrase, it is the noun's agent.
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.syntax import dep, is_passive, prepositional, subtree

#: relations of a noun to the verb it depends on, for which the repair applies
NOUN_POSITIONS = {"obj", "obl", "obl:arg", "iobj", "nmod"}


def detached_agents(noun: Token, agent_preps: frozenset[str] | set[str]) -> list[Token]:
    """The agent phrase nouns the parser hung on ``noun``'s verb right after ``noun``'s phrase
    (see the module docstring), else []."""
    verb = noun.head
    if dep(noun) not in NOUN_POSITIONS or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    if is_passive(verb):
        return []  # a passive verb's own agent
    end = max(t.i for t in subtree(noun))
    found = []
    for label, prep, head in prepositional(verb):
        if prep not in agent_preps or label == "obl:agent" or head.i <= end:
            continue
        first = min(t.i for t in subtree(head))
        if head.head.i != verb.i:  # ClearNLP: by <- prep, Y <- pobj
            first = min(first, head.head.i)
        if first == end + 1:  # *uitsluiting | door de VS*: nothing between the two phrases
            found.append(head)
    return found


def has_agent(noun: Token, agent_preps: frozenset[str] | set[str]) -> bool:
    """Whether an event noun has an agent phrase, its own or one hung on its verb (*zijn
    uitsluiting door Y*): its possessor then undergoes the act."""
    return any(p in agent_preps for _label, p, _n in prepositional(noun)) or bool(detached_agents(noun, agent_preps))
