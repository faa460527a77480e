"""The checked stage contract: requirements, artefacts, options, and what a stage may write."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from powermap.extract import Extractor
from powermap.extract.actors import ActorStage
from powermap.extract.events import EventStage
from powermap.extract.stage import (
    ExtractionContext,
    Stage,
    StageContractError,
    StageOptionError,
    analyse_stages,
    order_stages,
    stages,
)
from powermap.records import Document, ExtractionRecord, Quote


def test_a_missing_requirement_names_what_is_missing_and_who_provides_it():
    with pytest.raises(StageContractError) as err:
        Extractor(["events.v1", "stances.v1"])
    message = str(err.value)
    assert "stage events.v1 requires 'actors'" in message
    assert "add actors.v1" in message
    assert "requires 'quotes'" in message and "add quotes.v1" in message


def test_the_default_chain_runs_events_after_quotes_and_stances_last():
    names = [info.name for info in analyse_stages(sorted(stages.latest().values()))]
    assert names.index("quotes.v1") < names.index("events.v1") < names.index("stances.v1")
    assert names[0] == "actors.v1"
    events = next(i for i in analyse_stages(["actors.v1", "quotes.v1", "events.v1"]) if i.name == "events.v1")
    assert events.provides == ("event_reported", "event_clauses")
    assert "require_target" in events.options


def test_an_unknown_artefact_in_a_declaration_is_refused(monkeypatch):
    monkeypatch.setattr(stages, "_entries", dict(stages._entries))

    @stages.register("zz_claims.v9")
    class Odd(Stage):
        produces = "claims"
        requires = ("actor_linkz",)

    with pytest.raises(StageContractError, match="actor_linkz"):
        order_stages(["zz_claims.v9"])


def test_two_writers_of_one_artefact_are_refused(monkeypatch):
    monkeypatch.setattr(stages, "_entries", dict(stages._entries))

    @stages.register("zz_claims.v9")
    class Second(Stage):
        produces = "claims"
        provides = ("actor_links",)

    with pytest.raises(StageContractError, match="actor_links"):
        order_stages(["actors.v1", "zz_claims.v9"])


def test_a_misspelt_or_mistyped_option_raises_when_the_stage_is_built():
    with pytest.raises(StageOptionError, match="require_targets"):
        EventStage(require_targets=True)
    with pytest.raises(StageOptionError, match="use_ner"):
        ActorStage(use_ner="no")
    with pytest.raises(StageOptionError, match="concept"):
        Extractor(["actors.v1", "quotes.v1", "events.v1", "stances.v1"], options={"stances": {"concept": "x.yaml"}})
    assert EventStage(require_target=True).options.require_target is True
    with pytest.raises(StageContractError, match="claims"):
        Extractor(["actors.v1"], options={"claims": {}})


def test_a_stage_writing_a_list_it_does_not_produce_is_stopped(monkeypatch):
    monkeypatch.setattr(stages, "_entries", dict(stages._entries))

    @stages.register("zz_claims.v9")
    class Sneaky(Stage):
        produces = "claims"

        def __call__(self, ctx: ExtractionContext) -> None:
            ctx.record.quotes.append(Quote(text="x", start=0, end=1, speaker=None, kind="direct"))

    extractor = Extractor(["zz_claims.v9"])
    with pytest.raises(StageContractError, match="quotes"):
        extractor(Document(id="d", text="Een zin.", language="nl"))


def test_a_stage_that_leaves_its_artefact_unset_is_stopped(monkeypatch):
    monkeypatch.setattr(stages, "_entries", dict(stages._entries))

    @stages.register("zz_claims.v9")
    class Forgetful(Stage):
        @dataclass(frozen=True)
        class Options:
            depth: int = 1

        produces = "claims"
        provides = ("event_clauses",)

        def __call__(self, ctx: ExtractionContext) -> None:
            return None

    with pytest.raises(StageContractError, match="event_clauses"):
        Extractor(["zz_claims.v9"], options={"claims": {"depth": 2}})(Document(id="d", text="Tekst.", language="nl"))


def test_an_event_inside_a_direct_quote_is_reported_in_the_default_pipeline():
    """The second sentence of the quote has a speech verb, the first has none: only the quote
    itself marks the first sentence's event as reported speech."""
    text = '"Frankrijk veroordeelt Rusland scherp. Wij blijven Oekraïne steunen," zei minister Jansen.'
    document = Document(id="q", text=text, language="nl", published="2024-05-01")
    record = Extractor()(document)
    assert any(q.kind == "direct" and q.start < text.index("Rusland") < q.end for q in record.quotes)
    condemn = [e for e in record.events if e.source == "france" and e.target == "russia"]
    assert condemn and all(e.reported for e in condemn)
    # without the quotes stage the same event is not marked: the mark comes from the quote
    ctx = ExtractionContext(record=ExtractionRecord(document=document))
    ActorStage()(ctx)
    EventStage()(ctx)
    assert [e.reported for e in ctx.record.events if e.source == "france" and e.target == "russia"] == [False]
    assert ctx.event_reported == [e.reported for e in ctx.record.events]


def test_a_stage_may_append_to_a_list_it_declares_it_extends(monkeypatch):
    monkeypatch.setattr(stages, "_entries", dict(stages._entries))

    @stages.register("zz_claims.v9")
    class Adds(Stage):
        produces = "claims"
        requires = ("quotes",)
        extends = ("quotes",)

        def __call__(self, ctx: ExtractionContext) -> None:
            ctx.record.quotes.append(Quote(text="x", start=0, end=1, speaker=None, kind="direct"))

    @stages.register("zz_quotes.v9")
    class Source(Stage):
        produces = "quotes"

        def __call__(self, ctx: ExtractionContext) -> None:
            return None

    record = Extractor(["zz_claims.v9", "zz_quotes.v9"])(Document(id="d", text="Tekst.", language="nl"))
    assert len(record.quotes) == 1

    @stages.register("zz_stances.v9")
    class Undeclared(Stage):
        produces = "stances"
        extends = ("quotes",)

    with pytest.raises(StageContractError, match="must also require"):
        order_stages(["zz_stances.v9", "zz_quotes.v9"])


def test_the_command_line_refuses_a_chain_with_an_unmet_requirement(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Frankrijk steunt Duitsland.", encoding="utf-8")
    result = cli("extract", str(article), "--stages", "events.v1")
    assert result.returncode == 2
    assert "requires 'actors'" in result.stderr and "actors.v1" in result.stderr
    assert result.stdout == ""
