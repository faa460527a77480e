"""Scoring: gold-token alignment, LAS/UAS/UPOS/lemma counts, exact-match entity F1."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from powermap.annotate.base import AnnotatorInfo
from powermap.annotate.evaluate import eval_ner, eval_parse, to_iob2

CONLLU = """# text = Anna zag Piet.
1\tAnna\tAnna\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tzag\tzien\tVERB\t_\t_\t0\troot\t_\t_
3\tPiet\tPiet\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# text = Hij liep weg.
1\tHij\thij\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tliep\tlopen\tVERB\t_\t_\t0\troot\t_\t_
3\tweg\tweg\tADV\t_\t_\t2\tcompound:prt\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""

NER = """-DOCSTART- -DOCSTART- O

Anna N B-PER
de Art I-PER
Vries N I-PER
woont V O
in Prep O
Gent N B-LOC
. Punc O
"""


class RuleAnnotator:
    """Second token is the root, every other token depends on it as ``nsubj``; capitals are PER."""

    def __init__(self) -> None:
        self.vocab = spacy.blank("nl").vocab
        self.info = AnnotatorInfo(name="rules.v1", languages=("nl",), provides=("dep", "ents"))

    def __call__(self, text: str) -> Doc:
        lines = text.split("\n")
        words, spaces, heads, deps, pos, ents = [], [], [], [], [], []
        for n, line in enumerate(lines):
            toks = line.split(" ")
            base = len(words)
            for i, tok in enumerate(toks):
                words.append(tok)
                spaces.append(i < len(toks) - 1 or n < len(lines) - 1)
                heads.append(base + 1)
                deps.append("ROOT" if i == 1 else "nsubj")
                pos.append("VERB" if i == 1 else "PROPN")
                ents.append("B-PER" if tok[:1].isupper() and i != 1 else "O")
        spaces[-1] = False
        return Doc(self.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)

    def pipe(self, texts: list[str]) -> list[Doc]:
        return [self(t) for t in texts]

    def close(self) -> None:
        return None


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "gold.conllu").write_text(CONLLU, encoding="utf-8")
    (tmp_path / "gold.conll").write_text(NER, encoding="latin-1")
    return tmp_path / "gold.conllu", tmp_path / "gold.conll"


def test_annotate_eval_parse_counts(files) -> None:
    result = eval_parse(RuleAnnotator(), files[0])
    assert result["words"] == 8 and result["sentences"] == 2
    # Correct heads: all 8 (every word hangs off the verb, the verb is the root).
    assert result["uas"] == pytest.approx(1.0)
    # Correct labels: Anna, zag, Hij, liep (nsubj / root); Piet, ., weg, . are wrong.
    assert result["las"] == pytest.approx(4 / 8)
    assert result["upos"] == pytest.approx(4 / 8)  # Anna, zag, Piet, liep


def test_annotate_eval_ner_is_exact_match(files) -> None:
    result = eval_ner(RuleAnnotator(), files[1])
    # Predicted: "Anna" (B-PER, partial: wrong) and "Vries" and "Gent" as PER: none exact.
    assert result["precision"] == 0.0 and result["recall"] == 0.0
    assert result["per_type"]["PER"]["support"] == 1 and result["per_type"]["LOC"]["support"] == 1


def test_annotate_iob1_is_read_as_iob2() -> None:
    assert to_iob2(["I-PER", "I-PER", "O", "I-LOC", "I-ORG"]) == ["B-PER", "I-PER", "O", "B-LOC", "B-ORG"]


def test_spacy_pipelines_get_each_gold_sentence_as_one_sentence() -> None:
    """The parser may not split a gold sentence: the Doc arrives with its boundaries set."""
    from spacy.language import Language

    from powermap.annotate.evaluate import annotate_gold_tokens

    seen: list[list[bool | None]] = []

    @Language.component("record_sent_starts_for_test")
    def record(doc: Doc) -> Doc:
        seen.append([t.is_sent_start for t in doc])
        return doc

    nlp = spacy.blank("nl")
    nlp.add_pipe("record_sent_starts_for_test")

    class Wrapped:
        info = AnnotatorInfo(name="wrapped.v1", languages=("nl",), provides=())

        def __init__(self) -> None:
            self.nlp = nlp

    sentences = [(["Ja", '"', ".", "''"], [False, False, True, False]), (["Nee"], [False])]
    tokens, _ = annotate_gold_tokens(Wrapped(), sentences)
    assert [len(t) for t in tokens] == [4, 1]
    assert seen == [[True, False, False, False], [True]]
