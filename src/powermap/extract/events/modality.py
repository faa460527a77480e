"""Negation and modality of an event, from its predicate's auxiliaries and adverbs.

``negated``: a negation adverb or determiner on the predicate (*niet*, *geen sancties*),
not one that only restricts (*niet alleen*). ``modality``: demanded (*moet*), hypothetical
(*zou*, a conditional clause), intended (*wil*, *zal*), else asserted. A wrapping predicate
(*weigerde te*, *van plan*) flips the negation and sets its own modality. Without a parse
the same cues are read in a window of words around the trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.lexicon import EventLexicon, LexEntry
from powermap.extract.events.syntax import OBJECT, dep, governors

#: the CAMEO "express intent" code (root 03) of a cooperative act that is wanted, planned or
#: promised rather than done (*wil met X praten*, *promised to help*): consult -> 036 meet or
#: negotiate, diplomatic cooperation -> 032, material cooperation -> 031, aid -> 033, yield -> 035
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
#: what an appeal (02) or a demand (10) for a cooperative act is, by the act's root: *urged X to
#: waive the immunity* is an appeal to yield (025), not a yielding by the one who urges
REQUEST_CODES = {
    "02": {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"},
    "10": {"04": "106", "05": "102", "06": "100", "07": "103", "08": "105"},
}


class Modality:
    """Negation and modality cues of one language.

    Args:
        lexicon (EventLexicon): the language's cues.
    """

    def __init__(self, lexicon: EventLexicon) -> None:
        self.negation = lexicon.cue_set("negation")
        self.restrictive = lexicon.cue_set("restrictive_adverbs")
        self.hypothetical = lexicon.cue_set("hypothetical_forms")
        self.intended = lexicon.cue_set("intended_forms")
        self.demanded = lexicon.cue_set("demanded_forms")
        self.conditional = lexicon.cue_set("conditional_marks")
        self.volition = lexicon.cue_set("volition_forms")

    def negated(self, tok: Token) -> bool:
        # *niet publiekelijk gesteund*: the parser may hang the negation on another adverb
        adverbs = [g for c in tok.children if dep(c) == "advmod" for g in c.children if dep(g) == "advmod"]
        for child in (*tok.children, *adverbs):
            if dep(child) in ("advmod", "neg", "det") and child.lower_ in self.negation:
                nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
                if nxt is None or nxt.lower_ not in self.restrictive:
                    return True
            if dep(child) in OBJECT | {"obl", "nsubj:pass"} and any(
                dep(d) == "det" and d.lower_ in self.negation for d in child.children
            ):
                return True
        return False

    def modality(self, tok: Token) -> str:
        forms = {c.lower_ for c in tok.children if dep(c) in ("aux", "aux:pass", "advmod", "cop")}
        if forms & self.demanded:
            return "demanded"
        if forms & self.hypothetical:
            return "hypothetical"
        if forms & self.intended:
            return "intended"
        for cur in (tok, *governors(tok)):
            if dep(cur) == "advcl" and any(dep(m) == "mark" and m.lower_ in self.conditional for m in cur.children):
                return "hypothetical"
        return "asserted"

    def intent_code(self, code: str, tok: Token, negated: bool, modality: str, promised: bool) -> str:
        """The CAMEO intent code (``INTENT_CODES``) of a cooperative act that is intended by
        will, plan or promise: a wrapper that promises or plans (``promised``), or a volition
        auxiliary on the predicate (``volition_forms``: *wil*, *want*; a bare future *zal*,
        *will* is not one); else ``code`` unchanged."""
        if negated or modality != "intended" or code[:2] not in INTENT_CODES:
            return code
        forms = {c.lower_ for c in tok.children if dep(c) in ("aux", "advmod")}
        return INTENT_CODES[code[:2]] if promised or forms & self.volition else code

    @staticmethod
    def request_code(wrapper: LexEntry, code: str) -> str | None:
        """The CAMEO appeal or demand code (``REQUEST_CODES``) of a cooperative act that a
        wrapper of appeal or demand asks for, or None (another act keeps its code: *riep op om
        te demonstreren tegen X* is the protest the appeal calls for). The coder asks only for an
        act without a subject of its own (*urged X to yield*); *eiste dat X Y vrijlaat* stays X's
        act, demanded."""
        if wrapper.flag_value("mod") != "demanded" or not wrapper.cameo:
            return None
        return REQUEST_CODES.get(wrapper.cameo[:2], {}).get(code[:2])

    def wrapped(self, wrapper: LexEntry, head: Token, negated: bool, modality: str) -> tuple[bool, str]:
        """Negation and modality of an event under a wrapping predicate (*weigerde te*, *van
        plan*): a negative wrapper flips the negation, the wrapper's modality wins."""
        negated = negated != ("neg" in wrapper.flags or self.negated(head))
        return negated, wrapper.flag_value("mod") or (modality if modality != "asserted" else self.modality(head))

    def window(self, near: set[str]) -> str:
        """Modality from the words around a trigger (no parse)."""
        if near & self.demanded:
            return "demanded"
        if near & self.hypothetical:
            return "hypothetical"
        if near & self.intended:
            return "intended"
        return "asserted"
