"""powermap's stances against the Discourse Network Analyzer's public sample (a peer's own gold).

DNA (Leifeld) ships a sample database of coded statements over real documents: English
testimony from US congressional hearings on air-pollution legislation, in ``sample.dna``
(DNA 1.x XML: each ``article`` has its ``text`` and ``statements`` with character ``start``
and ``end``, ``person``, ``organization``, ``category`` and ``agreement`` yes/no). It is
public (github.com/leifeld/dna, ``rDNA/inst/extdata/sample.dna``) but not copied into this
repository: give its path as ``$POWERMAP_DNA_SAMPLE`` or put it at ``bench/.cache/sample.dna``.

Scoring: a gold statement is found when powermap states a stance whose evidence overlaps the
statement's span and whose holder is the statement's person or organisation (all words of
the shorter name in the longer). Reported: recall and precision of found statements (a
predicted stance inside a coded article that matches no statement counts against precision),
agreement accuracy on the found ones, and concept accuracy: the found stance's concept
embedded and matched to the nearest of the sample's categories.
"""

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHED = HERE / ".cache" / "sample.dna"


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


def same_holder(name: str, coded: Coded) -> bool:
    """All words of the shorter name occur in the longer (person or organisation)."""
    words = set(name.casefold().split())
    for other in (coded.person, coded.organization):
        theirs = set(other.casefold().split())
        if words and theirs and (words <= theirs or theirs <= words):
            return True
    return False


def score(coded: list[Coded], said: list[Said], categories: dict[str, str] | None = None) -> dict[str, float]:
    """Recall, precision, F1 of found statements; agreement and concept accuracy on the found ones.

    ``categories`` maps a predicted concept to its nearest gold category (None: not scored)."""
    found: dict[int, Said] = {}
    used: set[int] = set()
    for gi, gold in enumerate(coded):
        for pi, pred in enumerate(said):
            overlap = pred.article == gold.article and pred.start < gold.end and gold.start < pred.end
            if pi not in used and overlap and same_holder(pred.holder, gold):
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
    result = score(
        coded, said, nearest_categories(sorted({s.concept for s in said}), sorted({c.category for c in coded}))
    )
    rows = "".join(f"| {k} | {v:.3f} |\n" if isinstance(v, float) else f"| {k} | {v} |\n" for k, v in result.items())
    return head + f"{len(texts)} articles, {len(coded)} coded statements.\n\n| measure | value |\n|---|---:|\n" + rows


if __name__ == "__main__":
    print(run())
