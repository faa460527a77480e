"""Pattern-based event coding for text without a dependency parse.

Used when the annotator gives tokens and sentences only. A trigger is a token whose
lemma (from spaCy's lookup tables, or its lower-case form) or particle + lemma
(legde ... op -> opleggen) has a lexicon row whose pattern words occur in the sentence.
The source is the actor right after a clause-second trigger (inversion: "sloeg hij") or
else the nearest actor group before the trigger (X en Y -> two sources); the target is
the first other actor after it, else between source and trigger (verb-final clauses).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from powermap.extract.events.coder import PERSONAL, SYMMETRIC_ROOTS, Coded, ParseCoder
from powermap.extract.events.lexicon import LexEntry, norm
from powermap.extract.events.syntax import dep
from powermap.records import Actor

PARTICLES = {
    "op",
    "af",
    "uit",
    "in",
    "aan",
    "toe",
    "terug",
    "mee",
    "door",
    "over",
    "bij",
    "vrij",
    "samen",
    "tegen",
    "voor",
    "weg",
    "los",
    "neer",
    "om",
    "na",
    "dicht",
    "binnen",
    # adjectives and nouns that Dutch verbs separate like particles (goedkeuren, vaststellen)
    "goed",
    "vast",
    "bekend",
    "stil",
    "stop",
    "out",
    "up",
    "down",
    "off",
    "back",
}
#: words that may stand between a preposition and the name it governs (de Russische ...)
DETERMINERS = {"de", "het", "een", "the", "a", "an", "zijn", "haar", "hun", "his", "her", "their", "its"}
#: relations inside a noun phrase, climbed to find the phrase's role in the clause
NP_LINKS = {"amod", "flat", "compound", "appos", "det", "nummod", "conj", "nmod:poss", "nmod"}
COORD = {"en", "and", ",", "&", "as", "zowel", "als"}
WINDOW = 8


VOWELS = "aeiou"
PAST_ENDINGS = ("den", "ten", "de", "te", "dt", "t", "en", "d")


@cache
def irregular_verbs(language: str) -> dict[str, str]:
    """Irregular verb forms of a language (``lang/<code>/irregular_verbs.tsv``), form -> infinitive."""
    from powermap.codebooks.cameo import read_tsv
    from powermap.extract.events.lexicon import LANG_DIR

    path = LANG_DIR / language / "irregular_verbs.tsv"
    return {r["form"]: r["lemma"] for r in read_tsv(path)} if path.exists() else {}


def verb_candidates(form: str, language: str) -> list[str]:
    """Infinitives a Dutch-like verb form may come from (regular endings, ge- participles,
    separable and inseparable prefixes, irregular stems)."""
    form = form.lower()
    irregular = irregular_verbs(language)
    out: list[str] = []

    def add_stem(stem: str) -> None:
        if len(stem) < 2:
            return
        out.append(stem + "en")
        if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in VOWELS:
            out.append(stem[:-2] + stem[-1] + "en")  # veroordeel -> veroordelen
            if stem[-1] in "fs":  # handhaaf -> handhaven, geef -> geven
                out.append(stem[:-2] + {"f": "v", "s": "z"}[stem[-1]] + "en")
        if stem[-1] not in VOWELS and stem[-2] in VOWELS and (len(stem) < 3 or stem[-3] not in VOWELS):
            out.append(stem + stem[-1] + "en")  # stel -> stellen
        if stem[-1] in "fs":
            out.append(stem[:-1] + {"f": "v", "s": "z"}[stem[-1]] + "en")

    def analyse(rest: str, prefix: str) -> None:
        if rest in irregular:
            out.append(prefix + irregular[rest])
        for end in PAST_ENDINGS:
            if rest.endswith(end) and len(rest) > len(end) + 1:
                stem = rest[: -len(end)]
                before = len(out)
                add_stem(stem)
                out[before:] = [prefix + c for c in out[before:]]
        before = len(out)
        add_stem(rest)
        out[before:] = [prefix + c for c in out[before:]]

    analyse(form, "")
    if form.startswith("ge"):
        analyse(form[2:], "")
    for p in PARTICLES | {"ont", "ver", "be", "her", "er"}:
        if form.startswith(p) and len(form) > len(p) + 2:
            rest = form[len(p) :]
            analyse(rest[2:] if rest.startswith("ge") else rest, p)
    return list(dict.fromkeys(out))


def separable_particle(lemma: str) -> str | None:
    """The separable particle a verb lemma starts with (*opleggen*: op), or None."""
    return next((p for p in PARTICLES if lemma.startswith(p) and len(lemma) > len(p) + 3), None)


@cache
def lemma_table(language: str) -> dict[str, str]:
    """spaCy's lookup lemma table for ``language`` (empty when spacy-lookups-data lacks it)."""
    try:
        from spacy.lookups import load_lookups

        return dict(load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup"))
    except (ValueError, KeyError, ImportError, OSError):
        return {}


class PatternCoder(ParseCoder):
    """The parse coder's lexicon and cues applied by word order instead of a parse.

    With ``verbs_only`` (a backup for sentences whose parse gave no event) only tokens the
    tagger calls verbs and nominal predicates with their pattern (*lid ... worden*) trigger,
    no event nouns."""

    verbs_only = False

    def lemma_of(self, tok: Token) -> str:
        table = lemma_table(self.lex.language)
        looked_up = norm(table.get(tok.text, table.get(tok.lower_, tok.lower_)))
        if tok.lemma_ and tok.lemma_ != tok.text:
            lemma = norm(tok.lemma_)
            prt = separable_particle(lemma) if self.particle_prefix else None
            if prt and prt not in tok.lower_ and all(t.lower_ != prt for t in tok.sent):
                return looked_up  # a particle neither in the word nor in the sentence: a lemma error
            return lemma
        return looked_up

    def code_sentence(self, sent: Span) -> list[Coded]:
        lemmas = [self.lemma_of(t) for t in sent]
        words = {w for t, lem in zip(sent, lemmas, strict=True) for w in (lem, t.lower_)}
        groups = self.actor_groups(sent)
        out: list[Coded] = []
        for k, tok in enumerate(sent):
            entry, noun = self.trigger(sent, k, lemmas, words)
            if entry is None or entry.cameo is None:
                continue
            lo, hi = max(0, k - WINDOW), min(len(sent), k + WINDOW)
            near = {t.lower_ for t in sent[lo:hi]}
            negated = bool(near & self.negation) or "neg" in entry.flags
            code = entry.cameo
            if negated and entry.flag_value("ifneg"):
                code, negated = entry.flag_value("ifneg") or code, False
            modality = entry.flag_value("mod") or self.window_modality(near)
            sources, target = self.roles(sent, k, groups, noun)
            # X en Y verklaarden een partnerschap ... (a name far off is no target of a mutual act)
            far = target is None or min(abs(g[0] - k) for g in groups if target in g[2]) > WINDOW
            mutual = len(sources) > 1 and code[:2] in SYMMETRIC_ROOTS and far
            for source in sources:
                tgt = target if target is None or target.id != source.id else None
                if mutual:
                    tgt = next(s for s in sources if s.id != source.id)
                out.append(Coded(source, tgt, code, negated, modality, False, tok))
        return out

    def trigger(self, sent: Span, k: int, lemmas: list[str], words: set[str]) -> tuple[LexEntry | None, bool]:
        lemma = lemmas[k]
        tok = sent[k]
        if not tok.is_alpha or tok.lower_ in self.reported_markers:  # *according to X* is no event
            return None, False
        verbal = not self.verbs_only or tok.pos_ in ("VERB", "AUX")
        stative = self.lex.cue_set("stative_passive_verbs")
        if self.verbs_only and "Part" in tok.morph.get("VerbForm") and (tok.head.lemma_ or "").lower() in stative:
            return None, False  # zit opgesloten: a stative passive, its subject undergoes it
        candidates = [lemma]
        if self.lex.compound_suffix:  # languages with the Dutch verb morphology
            candidates += verb_candidates(tok.text, self.lex.language)
        base = list(candidates)
        for j in range(k + 1, min(len(sent), k + 15)):  # split particle: legde ... op
            if sent[j].lower_ in PARTICLES and (j + 1 == len(sent) or not sent[j + 1].is_alpha):
                candidates[:0] = [sent[j].lower_ + c for c in base]
        if k >= 2 and sent[k - 1].lower_ in ("te", "to") and sent[k - 2].lower_ in PARTICLES:
            candidates[:0] = [sent[k - 2].lower_ + c for c in base]
        bag = words - {tok.lower_, lemma}
        if not verbal:  # a nominal predicate's verb and complement stand close by (lid te worden van X)
            near = sent[max(0, k - WINDOW) : k + WINDOW]
            bag = {w for t in near if t.i != tok.i for w in (t.lower_, norm(t.lemma_ or t.text))}
        for cand in candidates:
            entry = self.lex.match(cand, bag)
            if entry is not None and (verbal or entry.pattern):  # lid ... worden: a nominal predicate
                return entry, False
        if tok.is_lower and not self.verbs_only:
            entry = self.lex.match(lemma, bag, noun=True)
            if entry is not None:
                return entry, True
        return None, False

    def window_modality(self, near: set[str]) -> str:
        if near & self.demanded:
            return "demanded"
        if near & self.hypothetical:
            return "hypothetical"
        if near & self.intended:
            return "intended"
        return "asserted"

    def actor_groups(self, sent: Span) -> list[tuple[int, int, list[Actor]]]:
        """Runs of actor tokens joined by coordination: (first, last token index, actors)."""
        marks: list[tuple[int, Actor]] = []
        for k, tok in enumerate(sent):
            actor = self.index.at(tok.idx, tok.idx + len(tok.text))
            if actor is None and tok.lower_ in PERSONAL:
                actor = self.pronoun(tok)
            if actor is not None:
                marks.append((k, actor))
        groups: list[tuple[int, int, list[Actor]]] = []
        for k, actor in marks:
            if groups:
                first, last, actors = groups[-1]
                gap = [t.lower_ for t in sent[last + 1 : k]]
                if (k == last + 1 and actor in actors) or (gap and all(g in COORD for g in gap)):
                    if actor not in actors:
                        actors.append(actor)
                    groups[-1] = (first, k, actors)
                    continue
            groups.append((k, k, [actor]))
        return groups

    def in_phrase(self, sent: Span, first: int) -> bool:
        """Whether the actor group starting at ``first`` sits in a prepositional phrase (*door
        de Russische agressie*, *met Moskou*): such a phrase is no subject."""
        preps = self.preps
        for j in range(first - 1, max(-1, first - 4), -1):
            tok = sent[j]
            if tok.lower_ in preps or tok.pos_ == "ADP":
                return True
            if not (tok.lower_ in DETERMINERS or tok.pos_ in ("DET", "ADJ", "NUM")):
                return False
        return False

    def in_object(self, tok: Token) -> bool:
        """As a backup over a parse: whether the parser put the name inside an object or
        oblique phrase (*die ... Russische brandstoffen opkopen*), which is no subject."""
        if not self.verbs_only:
            return False
        cur = tok
        for _ in range(8):  # climb the noun phrase: modifiers, names, appositions, conjuncts
            if dep(cur) not in NP_LINKS or cur.head.i == cur.i:
                break
            cur = cur.head
        return dep(cur) in {"obj", "iobj", "obl", "obl:arg", "nmod"}

    @property
    def preps(self) -> set[str]:
        return {*self.target_preps, *self.agent_preps, *self.locative_preps} - {"om"}

    def roles(
        self, sent: Span, k: int, groups: list[tuple[int, int, list[Actor]]], noun: bool
    ) -> tuple[list[Actor], Actor | None]:
        before = [
            g
            for g in groups
            if g[1] < k and not (noun is False and (self.in_phrase(sent, g[0]) or self.in_object(sent[g[0]])))
        ]
        after = [g for g in groups if g[0] > k]
        sources: list[Actor] = []
        if before and before[-1][1] == k - 1:
            sources = before.pop()[2]  # subject right before the verb
        elif not noun and after and after[0][0] - k <= 3 and k > 0 and not self.in_phrase(sent, after[0][0]):
            sources = after.pop(0)[2]  # inversion: In november sloeg hij ...
        elif before:
            sources = before.pop()[2]
        if noun and not sources and after:
            return [], None
        target = None
        for _first, _last, actors in after + before[::-1]:
            for actor in actors:
                if actor not in sources:
                    target = actor
                    break
            if target is not None:
                break
        return sources, target
