"""The last-resort back end: spaCy's rule-based tokenizer and sentence splitter, no model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from powermap.annotate.base import AnnotatorInfo
from powermap.annotate.registry import annotators


class BlankAnnotator:
    """Tokens and sentences from spaCy's language defaults; no tags, parse or entities."""

    def __init__(self, language: str) -> None:
        try:
            self.nlp = spacy.blank(language)
        except ImportError:
            self.nlp = spacy.blank("xx")
        self.nlp.add_pipe("sentencizer")
        self.info = AnnotatorInfo(
            name="blank.v1",
            languages=(language,),
            provides=("sents",),
            description="spaCy rule-based tokenizer and punctuation sentencizer (no model)",
        )

    def __call__(self, text: str) -> Doc:
        return self.nlp(text)

    def pipe(self, texts: list[str]) -> list[Doc]:
        return list(self.nlp.pipe(texts))

    def close(self) -> None:
        return None


@annotators.register("blank.v1")
def make_blank(language: str) -> BlankAnnotator:
    return BlankAnnotator(language)
