"""Actor linking: the ``actors.v1`` stage and the pieces it is built from."""

from powermap.extract.actors.stage import ActorStage, linker_for

__all__ = ["ActorStage", "linker_for"]
