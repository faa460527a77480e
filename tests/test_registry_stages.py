"""Registries with versioned names, and stage ordering by what stages read and write."""

from __future__ import annotations

import pytest

from powermap.extract.stage import Stage, order_stages, stages
from powermap.registry import Registry, RegistryError


def test_names_must_carry_a_version():
    registry: Registry[int] = Registry("things")
    with pytest.raises(ValueError, match="version"):
        registry.register("plain")
    registry.register("thing.v1")(1)
    registry.register("thing.v2")(2)
    registry.register("other.v1")(3)
    assert registry.latest() == {"thing": "thing.v2", "other": "other.v1"}
    with pytest.raises(RegistryError, match=r"thing\.v3"):
        registry.get("thing.v3")


def test_stages_run_after_what_they_require(monkeypatch):
    monkeypatch.setattr(stages, "_entries", dict(stages._entries))

    @stages.register("zz_test_stances.v9")
    class Late(Stage):
        produces = "stances"
        requires = ("quotes", "actors")

    @stages.register("zz_test_quotes.v9")
    class Middle(Stage):
        produces = "quotes"
        requires = ("actors",)

    @stages.register("zz_test_actors.v9")
    class First(Stage):
        produces = "actors"

    ordered = order_stages(["zz_test_stances.v9", "zz_test_quotes.v9", "zz_test_actors.v9"])
    assert ordered == [First, Middle, Late]


def test_two_stages_for_one_list_are_refused(monkeypatch):
    monkeypatch.setattr(stages, "_entries", dict(stages._entries))

    @stages.register("zz_a.v1")
    class A(Stage):
        produces = "claims"

    @stages.register("zz_b.v1")
    class B(Stage):
        produces = "claims"

    with pytest.raises(ValueError, match="claims"):
        order_stages(["zz_a.v1", "zz_b.v1"])
