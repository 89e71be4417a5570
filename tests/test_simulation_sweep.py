"""Every bundled persona x scenario pair with skilled, mediocre and hostile scripted trainees,
and every bundled persona's own examples, all with the real grader.

Run with `pytest -s` to see the outcome table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.errors import display_path
from trainer.library import Library
from trainer.models.persona import Example
from trainer.session import GraderLike
from trainer.simulation.examples import best_scenario, run_examples
from trainer.simulation.scripted import Played, outcome_table, sweep

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "library"


@pytest.fixture(scope="session")
def grader() -> GraderLike:
    from trainer.grading import get_grader

    loaded: GraderLike = get_grader()
    return loaded


@pytest.fixture(scope="module")
def bundled() -> Library:
    lib = Library.load(use_env=False)
    assert not lib.problems, [str(p) for p in lib.problems]
    return lib


@pytest.fixture(scope="module")
def results(bundled: Library, grader: GraderLike) -> list[Played]:
    played = sweep(bundled, grader)
    print("\n" + outcome_table(played))
    return played


def by_script(results: list[Played], name: str) -> list[Played]:
    return [r for r in results if r.script == name]


def test_sweep_covers_every_pair(bundled: Library, results: list[Played]) -> None:
    pairs = {(p.item.id, s) for p in bundled.playable_personas() for s in bundled.scenarios}
    assert len(pairs) >= 4
    for name in ("skilled", "mediocre-sorry", "mediocre-ask", "hostile"):
        assert {(r.persona, r.scenario) for r in by_script(results, name)} == pairs


def test_skilled_trainee_resolves_nine_in_ten(results: list[Played]) -> None:
    skilled = by_script(results, "skilled")
    resolved = [r for r in skilled if r.outcome == "resolved"]
    missed = [
        (r.persona, r.scenario, r.outcome, r.moves) for r in skilled if r.outcome != "resolved"
    ]
    assert len(resolved) >= 0.9 * len(skilled), missed


def test_hostile_trainee_never_resolves(results: list[Played]) -> None:
    hostile = by_script(results, "hostile")
    assert all(r.outcome not in {"resolved", None} for r in hostile)
    assert not any(r.outcome == "resolved" for r in hostile)


def test_mediocre_ends_between_skilled_and_hostile(results: list[Played]) -> None:
    def mean(name: str) -> float:
        rows = by_script(results, name)
        return sum(r.anger for r in rows) / len(rows)

    for name in ("mediocre-sorry", "mediocre-ask"):
        assert mean("skilled") < mean(name) < mean("hostile"), name
        rows = by_script(results, name)
        assert sum(r.outcome == "resolved" for r in rows) < 0.5 * len(rows)


def _bundled_examples() -> list[object]:
    lib = Library.load(use_env=False)
    params: list[object] = []
    for entry in lib.playable_personas():
        for number, _example in enumerate(entry.item.examples, start=1):
            where = display_path(entry.path)
            marks = []
            if (entry.item.id, number) in GRADER_MISSES:
                marks = [
                    pytest.mark.xfail(strict=True, reason=GRADER_MISSES[entry.item.id, number])
                ]
            params.append(pytest.param(where, number, id=f"{entry.item.id}-{number}", marks=marks))
    return params


# Examples that fail because of a grader verdict, not the simulation. strict: when the grader
# is fixed the XPASS fails the run, so the entry gets removed.
GRADER_MISSES: dict[tuple[str, int], str] = {}


@pytest.fixture(scope="module")
def example_failures(bundled: Library, grader: GraderLike) -> list[str]:
    return run_examples(bundled, grader)


@pytest.mark.parametrize(("where", "number"), _bundled_examples())
def test_every_bundled_persona_example_passes(
    example_failures: list[str], where: str, number: int
) -> None:
    prefix = f"{where}: example {number} "
    assert [f for f in example_failures if f.startswith(prefix)] == []


def test_failing_example_is_reported_with_file_and_anger(grader: GraderLike) -> None:
    lib = Library.load([FIXTURES], bundled=False, use_env=False)
    entry = lib.personas["fixture-base"]
    assert best_scenario(lib, entry.item) is not None
    entry.item = entry.item.model_copy(
        update={"examples": [Example(reply="Calm down. That's our policy.", expect="calmer")]}
    )
    failures = run_examples(lib, grader)
    assert len(failures) == 1
    message = failures[0]
    assert message.startswith(
        f'{display_path(entry.path)}: example 1 ("Calm down. That\'s our policy.") '
        "expected calmer, anger went 7.0 -> "
    )
