"""The scenario brief the home screen and the call show: each offer's limit said once."""

from __future__ import annotations

from trainer.library import Library
from trainer.tui.screens.dialogs import brief_text


def test_each_offer_limit_is_said_once() -> None:
    lib = Library.load(use_env=False)
    scenario = lib.scenario("double-billed")
    text = brief_text(scenario, lib.persona(scenario.default_persona)).plain
    lines = [line for line in text.splitlines() if "Refund the duplicate payment" in line]
    assert lines and all(line.count("up to") == 1 for line in lines)


def test_a_limit_missing_from_the_label_is_added() -> None:
    lib = Library.load(use_env=False)
    scenario = lib.scenario("double-billed")
    remedy = scenario.remedies[0].model_copy(update={"label": "Refund the duplicate"})
    changed = scenario.model_copy(update={"remedies": [remedy]})
    text = brief_text(changed, lib.persona(scenario.default_persona)).plain
    assert f"Refund the duplicate (up to {remedy.limit:g})" in text
