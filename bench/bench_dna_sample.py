"""powermap's stances against the Discourse Network Analyzer's public sample (a peer's own gold).

DNA (Leifeld) ships a sample database of coded statements over real documents: English
testimony from US congressional hearings on air-pollution legislation, in ``sample.dna``
(DNA 1.x XML: each ``article`` has its ``text`` and ``statements`` with character ``start``
and ``end``, ``person``, ``organization``, ``category`` and ``agreement`` yes/no). It is
public (github.com/leifeld/dna, ``rDNA/inst/extdata/sample.dna``) but not copied into this
repository: give its path as ``$POWERMAP_DNA_SAMPLE`` or put it at ``bench/.cache/sample.dna``.

Scoring: a gold statement is found when powermap states a stance whose evidence overlaps the
statement's span and whose holder is the statement's person or organisation (all words of
the shorter name in the longer, compared without punctuation and determiners, or one name
the acronym of the other's capitalised words, as "NPRA" or "EPA"). Reported: recall and precision of found statements (a
predicted stance inside a coded article that matches no statement counts against precision),
agreement accuracy on the found ones, and concept accuracy: the found stance's concept
embedded and matched to the nearest of the sample's categories. Each coded statement is also
put in one error class (``error_classes``) so the section says which failure dominates.

In the public sample every span lies one character past Python's string index (it starts at
its sentence's second character and ends one past the final stop); overlap scoring is
unaffected, so the offsets are used as stored.
"""

import collections
import hashlib
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHED = HERE / ".cache" / "sample.dna"
PUBLIC_SHA256 = "9bb800612bb3b202cb84591c0720936fb3341b01f6f4cde8c1b4ec8d1bd34065"  # leifeld/dna f160c17d


@dataclass(frozen=True)
class Coded:
    article: int
    start: int
    end: int
    person: str
    organization: str
    category: str
    agree: bool


@dataclass(frozen=True)
class Said:
    article: int
    start: int
    end: int
    holder: str
    concept: str
    agree: bool


def read_sample(path: Path) -> tuple[list[str], list[Coded]]:
    """The article texts and coded statements of a DNA 1.x XML file."""
    root = ET.parse(path).getroot()
    texts, coded = [], []
    for i, article in enumerate(root.iter("article")):
        texts.append(article.findtext("text") or "")
        for st in article.iter("statement"):
            coded.append(
                Coded(
                    i,
                    int(st.findtext("start") or 0),
                    int(st.findtext("end") or 0),
                    (st.findtext("person") or "").strip(),
                    (st.findtext("organization") or "").strip(),
                    (st.findtext("category") or "").strip(),
                    (st.findtext("agreement") or "").strip().lower() == "yes",
                )
            )
    return texts, coded


@cache
def _determiners() -> frozenset[str]:
    from powermap import lang

    return lang.get("en").determiners


def _words(name: str) -> set[str]:
    """A name's words: case-folded, punctuation dropped ("Analysis," "Inc."), no determiners ("The")."""
    return {w for w in re.findall(r"\w+", name.casefold()) if w not in _determiners()}


def _acronym_of(short: str, name: str) -> bool:
    """``short`` (one upper-case token, 3+ letters) spells consecutive capitalised words of ``name``."""
    if not re.fullmatch(r"[A-Z]{3,}", short.strip()):
        return False
    initials = "".join(w[0] for w in re.findall(r"\w+", name) if w[0].isupper())
    return short.strip() in initials


def same_holder(name: str, coded: Coded) -> bool:
    """All words of the shorter name occur in the longer, or one is the other's acronym (person or organisation)."""
    words = _words(name)
    for other in (coded.person, coded.organization):
        theirs = _words(other)
        if words and theirs and (words <= theirs or theirs <= words):
            return True
        if other and (_acronym_of(name, other) or _acronym_of(other, name)):
            return True
    return False


def score(coded: list[Coded], said: list[Said], categories: dict[str, str] | None = None) -> dict[str, float]:
    """Recall, precision, F1 of found statements; agreement and concept accuracy on the found ones.

    ``categories`` maps a predicted concept to its nearest gold category (None: not scored)."""
    found: dict[int, Said] = {}
    used: set[int] = set()
    for gi, gold in enumerate(coded):
        for pi, pred in enumerate(said):
            if pi not in used and _overlaps(pred, gold) and same_holder(pred.holder, gold):
                found[gi], _ = pred, used.add(pi)
                break
    articles = {c.article for c in coded}
    predicted = [p for p in said if p.article in articles]
    recall = len(found) / len(coded) if coded else 0.0
    precision = len(used) / len(predicted) if predicted else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    agree = sum(coded[g].agree == p.agree for g, p in found.items()) / len(found) if found else 0.0
    out = {"statements": len(coded), "predicted": len(predicted), "found": len(found), "recall": recall,
           "precision": precision, "f1": f1, "agreement_accuracy": agree}  # fmt: skip
    if categories is not None and found:
        out["concept_accuracy"] = sum(categories.get(p.concept) == coded[g].category for g, p in found.items()) / len(
            found
        )
    return out


def nearest_categories(concepts: list[str], categories: list[str]) -> dict[str, str]:
    """Each predicted concept's nearest gold category by multilingual-e5 similarity."""
    from powermap.analyse.embeddings import e5_embed

    if not concepts or not categories:
        return {}
    sims = e5_embed(concepts) @ e5_embed(categories).T
    return {c: categories[int(sims[i].argmax())] for i, c in enumerate(concepts)}


def error_classes(
    coded: list[Coded], said: list[Said], categories: dict[str, str] | None = None
) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """Each coded statement's class, and the holders powermap named in the spans whose holder it missed.

    Classes: found (agreement and concept right), found with the wrong agreement, found with the
    wrong concept, holder not found (a stance overlaps the span, none by the coded holder), no
    stance in span. A statement found with both wrong counts as wrong agreement."""
    classes: collections.Counter[str] = collections.Counter()
    wrong_holders: collections.Counter[str] = collections.Counter()
    for gold in coded:
        over = [p for p in said if _overlaps(p, gold)]
        right = [p for p in over if same_holder(p.holder, gold)]
        if not over:
            classes["no stance in span"] += 1
        elif not right:
            classes["holder not found"] += 1
            wrong_holders.update({p.holder for p in over})
        elif not any(p.agree == gold.agree for p in right):
            classes["found, agreement wrong"] += 1
        elif categories is not None and not any(categories.get(p.concept) == gold.category for p in right):
            classes["found, concept wrong"] += 1
        else:
            classes["found, agreement and concept right"] += 1
    return classes, wrong_holders


def extract(texts: list[str]) -> list[Said]:
    """powermap's stances on each article (English, default stages)."""
    from powermap.extract import Extractor
    from powermap.records import Document, document_id

    extractor = Extractor(None)
    out = []
    for i, text in enumerate(texts):
        record = extractor(Document(document_id(text), text, url=None, title=None, published=None, language="en"))
        names = {a.id: a.name for a in record.actors}
        out += [Said(i, s.start, s.end, names.get(s.actor, s.actor), s.concept, s.agree) for s in record.stances]
    return out


def run(quick: bool = False) -> str:
    head = "## Stances against the Discourse Network Analyzer's sample (`bench/bench_dna_sample.py`)\n\n"
    path = Path(os.environ.get("POWERMAP_DNA_SAMPLE") or CACHED)
    if not path.is_file():
        return head + (
            "Not measured: the sample is not available offline here. It is public: github.com/leifeld/dna holds "
            "`rDNA/inst/extdata/sample.dna` (DNA 1.21 XML, about 240,000 characters: testimony from US "
            "congressional hearings on clean-air legislation, each article's full text with its coded statements "
            "as character spans, person, organisation, category and agreement). Searched for on 2026-12-07 and "
            "not found: no `*.dna` file on this machine's disk (outside test fixtures written by the tests); "
            "`../shared/data` holds no DNA data; the PyPI name `dna` (0.0.1) is an unrelated empty placeholder "
            "package and the PyPI index has no `rDNA` (an R package distributed from GitHub). GitHub does not "
            "answer from this machine, and no copy is in this repository (third-party text). No figure is "
            "given rather than one on made-up data. With the file: "
            "`POWERMAP_DNA_SAMPLE=sample.dna python bench/run.py dna_sample`.\n"
        )
    texts, coded = read_sample(path)
    said = extract(texts)
    categories = nearest_categories(sorted({s.concept for s in said}), sorted({c.category for c in coded}))
    result = score(coded, said, categories)
    rows = "".join(f"| {k} | {v:.3f} |\n" if isinstance(v, float) else f"| {k} | {v} |\n" for k, v in result.items())
    classes, wrong_holders = error_classes(coded, said, categories)
    error_rows = "".join(f"| {name} | {n} |\n" for name, n in classes.most_common())
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    source = (
        "the public file (github.com/leifeld/dna `rDNA/inst/extdata/sample.dna`, commit f160c17d)"
        if digest == PUBLIC_SHA256
        else "not the public file of github.com/leifeld/dna commit f160c17d: the figures are for this file"
    )
    return head + (
        f"Scored file: sha256 `{digest[:16]}…`, {source}; {len(texts)} articles (one witness's testimony "
        f"each), {len(coded)} coded statements over {len({c.category for c in coded})} categories; powermap "
        f"at commit {_commit()}. Reproduce: "
        "`POWERMAP_DNA_SAMPLE=/path/to/sample.dna python bench/run.py dna_sample`.\n\n"
        f"| measure | value |\n|---|---:|\n{rows}\n"
        f"Where the coded statements went:\n\n| class | statements |\n|---|---:|\n{error_rows}\n"
        + _notes(texts, coded, said, classes, wrong_holders)
    )


def _notes(
    texts: list[str],
    coded: list[Coded],
    said: list[Said],
    classes: collections.Counter[str],
    wrong_holders: collections.Counter[str],
) -> str:
    """The error analysis in words, every number computed from this run."""
    from powermap import lang

    first_person = {form for form, p in lang.get("en").pronouns.items() if p.person == 1}
    missed = [c for c in coded if not any(_overlaps(p, c) and same_holder(p.holder, c) for p in said)]
    in_first_person = sum(
        bool(first_person & set(re.findall(r"\w+", texts[c.article][c.start : c.end].casefold()))) for c in missed
    )
    outside = [p for p in said if not any(_overlaps(p, c) for c in coded)]
    by_witness = sum(any(c.article == p.article and same_holder(p.holder, c) for c in coded) for p in outside)
    concepts = sorted({p.concept for c in coded for p in said if _overlaps(p, c) and same_holder(p.holder, c)})
    top = ", ".join(f"{h} ({n})" for h, n in collections.Counter(p.holder for p in outside).most_common(4))
    return (
        f"Of the {len(missed)} statements not found, {classes['holder not found']} have a stance in their span "
        "credited to someone other than the witness, most often "
        + ", ".join(f"{h} ({n})" for h, n in wrong_holders.most_common(4))
        + f"; {classes['no stance in span']} have no stance at all. {in_first_person} of the {len(missed)} are "
        "argued in the first person (a first-person pronoun in the span): their holder is the witness, "
        "named only at the top of the testimony, and powermap credits these spans to names inside the "
        f"sentence or to nobody. Of the {len(outside)} stances outside every coded span, "
        f"{by_witness} are held by the article's witness; the most frequent holders there are {top}. "
        "Precision is a lower bound: DNA's coders coded only their categories. Of the "
        f"{len(concepts)} concepts of the found stances, {sum(len(c.split()) == 1 for c in concepts)} are one "
        f"word and {sum(len(c.split()) >= 5 for c in concepts)} are clause pieces of five words or more.\n"
    )


def _commit() -> str:
    """The measured checkout's short commit, with "+ changes" when src or bench differ from it."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=HERE.parent, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" + changes" if git("status", "--porcelain", "--", "src", "bench") else "")


def _overlaps(pred: Said, gold: Coded) -> bool:
    return pred.article == gold.article and pred.start < gold.end and gold.start < pred.end


if __name__ == "__main__":
    print(run())
