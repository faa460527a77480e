"""Unsupervised fallback for concept lists: propose candidate concepts from a corpus.

Candidates are noun chunks where the annotator parses (else runs of one to three
content words), weighted by TF-IDF over the documents; the best-scoring phrases that
occur in at least ``min_docs`` documents are proposed as concept labels.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc


def candidates(doc: Doc) -> list[str]:
    """Candidate concept phrases of one annotated document."""
    if doc.has_annotation("DEP"):
        out = []
        for chunk in doc.noun_chunks:
            words = [t for t in chunk if not (t.is_stop or t.is_punct or t.pos_ in ("DET", "PRON", "NUM"))]
            if words and not all(t.pos_ == "PROPN" for t in words):
                out.append(" ".join(t.lower_ for t in words))
        return out
    content: list[str | None] = [t.lower_ if t.is_alpha and not t.is_stop and len(t) > 2 else None for t in doc]
    out = []
    for n in (1, 2, 3):
        for i in range(len(content) - n + 1):
            gram = [w for w in content[i : i + n] if w]
            if len(gram) == n:
                out.append(" ".join(gram))
    return out


def propose_concepts(docs: Iterable[Doc], limit: int = 20, min_docs: int = 2) -> list[tuple[str, float]]:
    """The ``limit`` best candidate concepts over ``docs`` as (phrase, summed TF-IDF)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    phrase_lists = [candidates(doc) for doc in docs]
    if not any(phrase_lists):
        return []
    vectorizer = TfidfVectorizer(analyzer=lambda phrases: phrases, min_df=min(min_docs, len(phrase_lists)))
    try:
        matrix = vectorizer.fit_transform(phrase_lists)
    except ValueError:  # no phrase reaches min_df
        return []
    scores = matrix.sum(axis=0).A1
    names = vectorizer.get_feature_names_out()
    ranked = sorted(zip(names, scores, strict=True), key=lambda x: -x[1])
    return [(str(name), round(float(score), 4)) for name, score in ranked[:limit]]
