"""Reported demands: *X said Y should leave* is X's demand of Y (CAMEO 10), not Y's leaving.

An act that a speaker reports with a modal of obligation (``demanded_forms``: *should, must;
moet*) on it, without a wrapper of its own (*urged Y to ...* is read by the wrapper rules), is
what the speaker demands of the act's subject: the event goes from the speaker to that subject,
coded as the demand for the act (``REQUEST_CODES``: a demand to yield, to meet ...; else 100).
Not when the subject is on the speaker's own side (the speaker, or an actor of the speaker's
country: *the minister said Britain must act* is a stated intention, not a demand), nor when the
act is negated (*should not attack* is a warning the lexicon does not code as a demand).
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.modality import REQUEST_CODES
from powermap.records import Actor

#: the CAMEO code of a demand whose act has no specific demand code
DEMAND = "100"


def demand_code(code: str) -> str:
    """The CAMEO demand code for a demanded act of ``code``."""
    return REQUEST_CODES["10"].get(code[:2], DEMAND)


def demand_of(speaker: Actor | None, subject: Actor) -> bool:
    """Whether a speaker's *should* on ``subject``'s act is a demand of someone else."""
    if speaker is None or speaker.id == subject.id:
        return False
    return not (speaker.country and subject.country == speaker.country)


def speaker_of(speech: Token, sources, actor) -> Actor | None:
    """The actor who says ``speech`` (its source heads resolved), else None."""
    heads, passive = sources(speech)
    if passive or not heads:
        return None
    found = actor(heads[0])
    return found if isinstance(found, Actor) else None
