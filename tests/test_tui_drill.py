"""Choosing a call that drills the weakest step (trainer.tui.drill, no screen needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import make_library, persona_data, scenario_data

from trainer.library import Entry, Library
from trainer.models import Persona, Scenario
from trainer.tui.drill import drill_note, need_share, pick_drill


def drill_library() -> Library:
    lib = Library()
    needs = {
        "venter": {"vent": 6, "apology": 1, "compensation": 1},
        "sorry-seeker": {"vent": 1, "apology": 6, "compensation": 1},
        "refund-hunter": {"vent": 1, "apology": 1, "compensation": 6},
        "even": {"vent": 2, "apology": 2, "compensation": 2},
    }
    for ident, weights in needs.items():
        persona = Persona.model_validate(persona_data(id=ident, name=ident, needs=weights))
        lib.personas[ident] = Entry(persona, Path(f"{ident}.yaml"), "bundled", ident)
    for ident, default in (("a", "venter"), ("b", "sorry-seeker"), ("c", "sorry-seeker")):
        scenario = Scenario.model_validate(scenario_data(id=ident, default_persona=default))
        lib.scenarios[ident] = Entry(scenario, Path(f"{ident}.yaml"), "bundled", ident)
    return lib


@pytest.mark.parametrize(
    ("step", "persona"),
    [("person", "venter"), ("apology", "sorry-seeker"), ("ask", "refund-hunter")],
)
def test_drill_picks_the_caller_who_needs_that_step_most(step: str, persona: str) -> None:
    lib = drill_library()
    for seed in range(20):
        drill = pick_drill(lib, step, seed)  # type: ignore[arg-type]
        assert drill is not None and drill.persona_id == persona and drill.step == step


def test_drill_prefers_the_callers_own_scenarios_and_is_seeded() -> None:
    lib = drill_library()
    picks = {pick_drill(lib, "apology", seed) for seed in range(30)}
    assert {d.scenario_id for d in picks if d is not None} == {"b", "c"}
    assert pick_drill(lib, "apology", 5) == pick_drill(lib, "apology", 5)
    # no scenario of their own: any scenario will do
    refund = pick_drill(lib, "ask", 3)
    assert refund is not None and refund.scenario_id in {"a", "b", "c"}


def test_drill_on_an_empty_library_and_the_note() -> None:
    assert pick_drill(Library(), "job", 1) is None
    lib = make_library()
    assert need_share(lib.persona("tess-test"), "apology") == pytest.approx(0.4)
    assert drill_note("apology").startswith("Drilling your weakest step: Apologise sincerely.")
