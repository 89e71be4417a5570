"""The practice room's grader host hands the customer the grader's embedder once loaded, so
offers are read by meaning in the TUI as in `play` (not by the rules alone)."""

from __future__ import annotations

from trainer.models.grade import Grade, GradeContext
from trainer.simulation.offers import encoder_of
from trainer.tui.grader_host import GraderHost


class _Loaded:
    def __init__(self, embedder: object | None) -> None:
        self.embedder = embedder

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade:
        raise AssertionError("not graded here")


def test_no_embedder_while_the_grader_loads() -> None:
    host = GraderHost()
    assert host.embedder is None
    assert encoder_of(host)() is None


def test_the_customer_gets_the_loaded_graders_embedder() -> None:
    host = GraderHost()
    model = object()
    source = encoder_of(host)  # taken before loading, as the session does
    host.set_grader(_Loaded(model))
    assert host.embedder is model
    assert source() is model


def test_a_rules_only_grader_gives_no_embedder() -> None:
    host = GraderHost()
    host.set_grader(_Loaded(None))
    assert host.embedder is None
