"""Build powermap's Dutch spaCy pipeline from the shared data: convert, train, assemble, install.

The steps are the ones ``powermap train`` runs; each is also usable on its own::

    prepare_corpus(data_dir, corpus_dir)          # CoNLL-U / CoNLL-2002 -> DocBins
    train_config(cfg, out, overrides)              # spaCy training -> out/model-best
    assemble(syntax_dir, ner_dir, target)          # one pipeline, the NER on the shared tok2vec
"""

from __future__ import annotations

import json
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy

from powermap.annotate import augment as _augment  # noqa: F401  (registers the quote augmenter)
from powermap.annotate import gazetteer as _gazetteer  # noqa: F401  (registers the NER embedding)
from powermap.annotate import punctuation as _punctuation  # noqa: F401  (registers powermap_punctuation)
from powermap.annotate.corpus import conll_ner_docs, conllu_docs, sentence_texts, write_docbin
from powermap.annotate.particles import load_particles  # (also registers powermap_particle_lemmas)

#: Where the trained pipeline ships inside the package.
PACKAGED_MODEL = Path(__file__).resolve().parent.parent / "models" / "nl_powermap"


@dataclass(frozen=True)
class DataFiles:
    """The shared-data files each step reads, relative to the data directory."""

    syntax_train: tuple[str, ...] = ("alpino-treebank-ud/nl_alpinotreebank-ud-train.conllu",)
    syntax_dev: tuple[str, ...] = ("ud-dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu",)
    ner_train: tuple[str, ...] = ("conll2002-nl/ned.train",)
    ner_dev: tuple[str, ...] = ("conll2002-nl/ned.testa",)
    #: name lists for the NER's gazetteer features (``annotate/gazetteer.py``)
    names: str = "alpino-names"
    #: the final NER fit also trains on the dev files, for the number of steps ``ner.cfg`` fixes
    #: (chosen on dev beforehand); the last checkpoint is the model, as dev no longer selects
    ner_final_fit: bool = True
    #: released UD files the final syntax fit adds to the (harmonised) treebank: the dev sets,
    #: converted as the test sets are; trained for the steps ``syntax.cfg`` fixes, last checkpoint
    syntax_final_fit: tuple[str, ...] = (
        "ud-dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu",
        "ud-dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu",
    )
    #: test files: a training sentence with the same text as one of theirs is left out
    evaluation: tuple[str, ...] = (
        "ud-dutch/UD_Dutch-Alpino/nl_alpino-ud-test.conllu",
        "ud-dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-test.conllu",
    )


def prepare_corpus(
    data_dir: Path, corpus_dir: Path, limit: int | None = None, files: DataFiles | None = None
) -> dict[str, Path]:
    """Convert the training and dev files into DocBins (``limit`` docs each, for tiny runs).

    Syntax training: the treebank, harmonised with the release (``harmonise_training_trees``),
    then the final-fit release files as they are, less any sentence a test file also has.
    NER training: the training files, plus the dev files for the final fit."""
    files = files or DataFiles()
    data_dir, corpus_dir = Path(data_dir), Path(corpus_dir)

    def under(paths: tuple[str, ...]) -> list[Path]:
        return [data_dir / p for p in paths]

    syntax_train = conllu_docs(under(files.syntax_train), limit=limit, harmonise=True)
    if files.syntax_final_fit:
        tests = sentence_texts([p for p in under(files.evaluation) if p.exists()])
        syntax_train += conllu_docs(under(files.syntax_final_fit), limit=limit, exclude=tests)
    ner_train = files.ner_train + (files.ner_dev if files.ner_final_fit else ())
    docs = {
        "syntax-train": syntax_train,
        "syntax-dev": conllu_docs(under(files.syntax_dev), limit=limit),
        "ner-train": conll_ner_docs(under(ner_train), limit=limit),
        "ner-dev": conll_ner_docs(under(files.ner_dev), limit=limit),
    }
    return {name: write_docbin(found, corpus_dir / f"{name}.spacy") for name, found in docs.items()}


@spacy.registry.callbacks("powermap.restore_lemma_labels.v1")
def restore_lemma_labels() -> Any:
    """An ``[initialize.after_init]`` callback for training a pipeline that sources a trained
    ``trainable_lemmatizer``: spaCy 3.8 restores the lemmatizer's label list from disk but not
    its tree-to-label map, so further training would aim every token at label 0 (dev lemma
    accuracy fell from 0.95 to 0.75 in 1,000 steps). The map is rebuilt from the label list."""

    def after_init(nlp: spacy.Language) -> spacy.Language:
        for _name, pipe in nlp.components:  # sourced components are disabled while this runs
            trees: Any = pipe  # a trainable lemmatizer, the one component with a tree2label map
            labels = getattr(pipe, "cfg", {}).get("labels") if hasattr(pipe, "tree2label") else None
            if labels and not trees.tree2label:
                trees.tree2label = {tree: i for i, tree in enumerate(labels)}
        return nlp

    return after_init


def uses_static_vectors(config: Path, overrides: dict[str, Any] | None = None) -> bool:
    """Whether the syntax config's shared tok2vec embeds static vectors (after ``overrides``)."""
    key = "components.tok2vec.model.embed.include_static_vectors"
    if overrides and key in overrides:
        return bool(overrides[key])
    embed = spacy.util.load_config(config)["components"]["tok2vec"]["model"]["embed"]
    return bool(embed.get("include_static_vectors"))


def sources_shared_tok2vec(config: Path) -> bool:
    """Whether an NER config reads the syntax model's tok2vec (``components.tok2vec.source``)."""
    components = spacy.util.load_config(config)["components"]
    return bool(components.get("tok2vec", {}).get("source"))


def shared_tok2vec_overrides(syntax_dir: Path) -> dict[str, Any]:
    """Overrides that point a shared-tok2vec NER config at the syntax model in ``syntax_dir``:
    the tok2vec and the static vectors to source, and its width for the NER's listener."""
    config = spacy.util.load_config(Path(syntax_dir) / "config.cfg")
    width = config["components"]["tok2vec"]["model"]["encode"]["width"]
    return {
        "paths.syntax": str(syntax_dir),
        "components.ner.model.tok2vec.embed.width": width,
        "components.ner.model.tok2vec.encode.width": width,
    }


def train_config(config: Path, output: Path, overrides: dict[str, Any] | None = None) -> Path:
    """Run spaCy training on ``config``; returns the best model's directory."""
    from spacy.cli.train import train

    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    train(Path(config), output, overrides=overrides or {}, use_gpu=-1)
    return output / "model-best"


#: Static-vector rows the shipped pipeline keeps at most: beyond them, words are mapped to their
#: nearest kept vector (spaCy's ``prune_vectors``) to keep the package under its 20 MB budget.
#: With the width-96 NER all 20,000 rows of ``training/vectors.py`` fit (docs/models.md).
SHIPPED_VECTOR_ROWS = 20000


def assemble(
    syntax_dir: Path,
    ner_dir: Path | None,
    target: Path,
    meta: dict[str, Any] | None = None,
    vector_rows: int | None = SHIPPED_VECTOR_ROWS,
) -> Path:
    """One pipeline: the syntax model, the rules that attach punctuation after its parser
    (``annotate/punctuation.py``) and put separated particles into verb lemmas
    (``annotate/particles.py``), and the NER component (its own tok2vec inline, or a listener
    to the syntax model's ``tok2vec``, which it then shares; an NER already in ``syntax_dir`` is
    replaced);
    static vectors, when the syntax model has them, pruned to ``vector_rows`` rows."""
    nlp = spacy.load(syntax_dir)
    if "parser" in nlp.pipe_names and "powermap_punctuation" not in nlp.pipe_names:
        nlp.add_pipe("powermap_punctuation", after="parser")  # UD's rule for punctuation heads
    if "parser" in nlp.pipe_names and "powermap_particle_lemmas" not in nlp.pipe_names:
        particles = load_particles(str(nlp.lang))  # separated particles back in verb lemmas
        if particles:
            nlp.add_pipe("powermap_particle_lemmas", after="parser", config={"particles": particles})
    if vector_rows is not None and nlp.vocab.vectors.shape[0] > vector_rows:
        nlp.vocab.prune_vectors(vector_rows)
    if ner_dir is not None:
        if "ner" in nlp.pipe_names:  # an assembled pipeline given as the syntax: its NER is replaced
            nlp.remove_pipe("ner")
        ner_nlp = spacy.load(ner_dir)
        with warnings.catch_warnings():  # W113: the NER reads no static vectors, so theirs differing is fine
            warnings.simplefilter("ignore")
            nlp.add_pipe("ner", source=ner_nlp)
        nlp.meta.setdefault("performance", {}).update(
            {k: v for k, v in ner_nlp.meta.get("performance", {}).items() if k.startswith("ents")}
        )
    nlp.meta.update({"name": "powermap", "version": "0.1.0", "license": "see docs/models.md"})
    nlp.meta.update(meta or {})
    # Training-only settings (corpus paths) are not needed at run time.
    nlp.config["paths"]["train"] = None
    nlp.config["paths"]["dev"] = None
    nlp.config["initialize"]["after_init"] = None  # a training callback (restore_lemma_labels)
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    return target


def install_model(model: Path, target: Path = PACKAGED_MODEL) -> Path:
    """Replace the pipeline at ``target`` with a copy of ``model``."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model, target)
    return target


def model_size(path: Path) -> int:
    """Bytes of all files under ``path``."""
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def scores(model_dir: Path) -> dict[str, float]:
    """The dev scores spaCy recorded in a trained model's meta.json."""
    meta = json.loads((Path(model_dir) / "meta.json").read_text(encoding="utf-8"))
    return {k: v for k, v in meta.get("performance", {}).items() if isinstance(v, int | float)}


def run_training(
    data_dir: Path,
    work_dir: Path,
    config_dir: Path,
    max_steps: int | None = None,
    limit: int | None = None,
    install: Path | None = PACKAGED_MODEL,
    overrides: dict[str, Any] | None = None,
    files: DataFiles | None = None,
) -> dict[str, Any]:
    """The whole build: convert the data, train syntax and NER, assemble, optionally install.

    Args:
        data_dir (Path): the shared data directory (``../shared/data``).
        work_dir (Path): where DocBins (``corpus/``), training output and the assembled model go.
        config_dir (Path): holds ``syntax.cfg`` and ``ner.cfg``. When ``syntax.cfg`` embeds
            static vectors, they are trained first (``annotate/vectors.py``) into ``work_dir/vectors``.
        max_steps (int | None): cap on training steps per component (None: the configs' own).
        limit (int | None): docs per corpus file (a tiny run for tests).
        install (Path | None): copy the assembled pipeline here (None: do not install).
        overrides (dict | None): spaCy config overrides (keys under ``components.tok2vec`` go to
            the syntax training only, ``components.ner`` to the NER training only).
        files (DataFiles | None): which data files to read (default: the standard ones).
    """
    work_dir = Path(work_dir)
    corpus = prepare_corpus(data_dir, work_dir / "corpus", limit=limit, files=files)
    overrides = overrides or {}
    common = {k: v for k, v in overrides.items() if not k.startswith("components.")}
    syntax_only = {k: v for k, v in overrides.items() if k.startswith("components.") and ".ner" not in k}
    ner_only = {k: v for k, v in overrides.items() if k.startswith("components.ner")}
    if max_steps is not None:
        common["training.max_steps"] = max_steps
        common["training.eval_frequency"] = max(1, min(500, max_steps))
    syntax_cfg = Path(config_dir) / "syntax.cfg"
    if "paths.vectors" in common:
        pass  # the caller's vectors
    elif uses_static_vectors(syntax_cfg, syntax_only):
        vectors = work_dir / "vectors"
        if not (vectors / "vocab").exists():
            from powermap.annotate.vectors import build_vectors

            build_vectors(Path(data_dir), vectors)
        syntax_only = {**syntax_only, "paths.vectors": str(vectors)}
    else:  # embedding without vectors: the config's default path need not exist
        syntax_only = {**syntax_only, "paths.vectors": None}
    syntax = train_config(
        syntax_cfg,
        work_dir / "syntax",
        {"paths.train": str(corpus["syntax-train"]), "paths.dev": str(corpus["syntax-dev"]), **common, **syntax_only},
    )
    files = files or DataFiles()
    if files.syntax_final_fit:  # dev is in the training data: the last checkpoint, not the "best"
        syntax = syntax.parent / "model-last"
    ner_cfg = Path(config_dir) / "ner.cfg"
    if sources_shared_tok2vec(ner_cfg):  # the NER listens to the syntax model's tok2vec
        ner_only = {**shared_tok2vec_overrides(syntax), **ner_only}
    gazetteer = {  # the lists, and the raw NER files the holdout compares them with
        "paths.names": str(Path(data_dir) / files.names),
        "paths.holdout_train": str(Path(data_dir) / files.ner_train[0]),
        "paths.holdout_dev": str(Path(data_dir) / files.ner_dev[0]),
    }
    ner = train_config(
        ner_cfg,
        work_dir / "ner",
        {
            "paths.train": str(corpus["ner-train"]),
            "paths.dev": str(corpus["ner-dev"]),
            **gazetteer,
            **common,
            **ner_only,
        },
    )
    if files.ner_final_fit:  # dev is in the training data: the last checkpoint, not the "best"
        ner = ner.parent / "model-last"
    model = assemble(syntax, ner, work_dir / "nl_powermap")
    if install is not None:
        install_model(model, Path(install))
    return {"model": str(model), "installed": str(install) if install else None, "scores": scores(model)}
