"""Scripted trainees in plain wording against every compatible persona x scenario pair, and
every bundled persona's own examples, all with the real grader.

Targets (issue 12): the listening trainee resolves at least 90% of pairs; empathic-but-never-
offers resolves under 20% and ends with anger rising, not calm; hostile resolves none; hard
personas take a median of at least 4 replies to resolve, easy ones at most 3; no customer line
repeats within a call. Run with `pytest -s` to see the tables.
"""

from __future__ import annotations

import re
from pathlib import Path
from statistics import median

import pytest

from trainer.errors import display_path
from trainer.library import Library
from trainer.models.persona import Example
from trainer.session import GraderLike, Session
from trainer.simulation.examples import best_scenario, run_examples
from trainer.simulation.scripted import (
    PARAPHRASES,
    SCRIPTS,
    Played,
    compatible_pairs,
    outcome_table,
    repetition_table,
    sweep,
    turns_table,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "library"
SEEDS = (1, 2, 3)


@pytest.fixture(scope="session")
def grader() -> GraderLike:
    from trainer.grading import get_grader

    loaded: GraderLike = get_grader()
    return loaded


@pytest.fixture(scope="module")
def results(bundled: Library, grader: GraderLike) -> list[Played]:
    played = sweep(bundled, grader, seeds=SEEDS)
    print("\n" + outcome_table(played))
    print("\n" + turns_table(played))
    print("\n" + repetition_table(played))
    return played


def by_script(results: list[Played], name: str) -> list[Played]:
    return [r for r in results if r.script == name]


def test_sweep_covers_every_compatible_pair(bundled: Library, results: list[Played]) -> None:
    pairs = {(p.id, s.id) for p, s in compatible_pairs(bundled)}
    assert len(pairs) >= len(bundled.scenarios)
    assert all(bundled.scenarios[s].item.allows(p) for p, s in pairs)
    for name in SCRIPTS:
        assert {(r.persona, r.scenario) for r in by_script(results, name)} == pairs


def test_listening_trainee_resolves_nine_in_ten(results: list[Played]) -> None:
    rows = by_script(results, "listening")
    resolved = [r for r in rows if r.outcome == "resolved"]
    missed = [
        (r.persona, r.scenario, r.seed, r.outcome, r.moves) for r in rows if r not in resolved
    ]
    assert len(resolved) >= 0.9 * len(rows), missed


def test_empathy_without_an_offer_ends_in_rising_anger(results: list[Played]) -> None:
    rows = by_script(results, "empathic-never-offers")
    assert sum(r.outcome == "resolved" for r in rows) < 0.2 * len(rows)
    rising = [r for r in rows if r.rising]
    assert len(rising) >= 0.9 * len(rows)
    # Regression: kind words alone used to end in a calm hang-up at anger 0.
    calm_endings = [r for r in rows if r.outcome in {"hung_up", "churned"} and r.anger < 2]
    assert calm_endings == []


def test_hostile_trainee_never_resolves(results: list[Played]) -> None:
    rows = by_script(results, "hostile")
    assert all(r.outcome not in {"resolved", None} for r in rows)


def test_offers_without_empathy_lose_the_hard_callers(results: list[Played]) -> None:
    rows = [r for r in by_script(results, "offers-without-empathy") if r.difficulty == "hard"]
    assert rows and not any(r.outcome == "resolved" for r in rows)


def test_hard_personas_take_longer_than_easy_ones(results: list[Played]) -> None:
    def replies(level: str) -> list[int]:
        return [
            r.replies
            for r in by_script(results, "listening")
            if r.difficulty == level and r.outcome == "resolved"
        ]

    assert replies("hard") and replies("easy")
    assert median(replies("hard")) >= 4
    assert median(replies("easy")) <= 3
    # Regression: one good reply dropped anger 4-5 points; now no reply moves it far.
    for r in results:
        steps = [b - a for a, b in zip(r.angers, r.angers[1:], strict=False)]
        assert all(step >= -3.0 for step in steps), (r.persona, r.script, r.angers)


def test_no_customer_line_repeats_within_a_call(results: list[Played]) -> None:
    repeated = [(r.persona, r.script, r.seed) for r in results if r.repeats]
    assert repeated == []


def test_threats_build_before_they_walk_away(results: list[Played]) -> None:
    # Regression: threats mostly came only in the final line.
    rows = [
        r
        for r in by_script(results, "empathic-never-offers")
        if r.outcome == "churned" and any(m.startswith("tactic:") for m in r.moves)
    ]
    assert rows
    for r in rows:
        first_threat = next(i for i, m in enumerate(r.moves) if m.startswith("tactic:"))
        assert first_threat < len(r.moves) - 1


ISSUE_TRAINEE = [
    "I'm really sorry this happened to you. That sounds awful. Tell me what you need and I'll "
    "see what I can do.",
    "Okay, I hear you. I'm so sorry. Shall I go ahead with that now?",
    "I'll do exactly that for you, right now.",
    "Let me sort this out for you right now. I'm sorry again.",
    "Yes, I can do both. I'm on it, and you'll get a text confirming it in a few minutes.",
    "It's done now, I've put it all through. You'll get the confirmation today.",
]


@pytest.mark.parametrize(
    "scenario_id",
    ["double-billed", "cancelled-flight", "loyalty-points-wiped", "recliner-missed-twice"],
)
def test_the_issues_plain_trainee_now_resolves(
    bundled: Library, grader: GraderLike, scenario_id: str
) -> None:
    # Regression: this trainee resolved 0 of 4, ending hung_up at anger 0.0 and trust 1.00.
    scenario = bundled.scenario(scenario_id)
    persona = bundled.persona(scenario.default_persona)
    session = Session(persona, scenario, grader=grader, seed=1)
    for text in ISSUE_TRAINEE:
        if not session.ended:
            session.reply(text)
    assert session.outcome == "resolved", [t.move for t in session.record.turns]


def test_paraphrases_avoid_the_scenario_keywords(bundled: Library) -> None:
    for ident, phrases in PARAPHRASES.items():
        scenario = bundled.scenario(ident)
        words = [k for r in scenario.remedies for k in r.keywords]
        examples = [e.lower() for r in scenario.remedies for e in r.examples]
        for phrase in phrases:
            hits = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", phrase, re.I)]
            assert hits == [], (ident, phrase)
            assert not any(phrase.lower() in e for e in examples), (ident, phrase)


def _bundled_examples() -> list[object]:
    lib = Library.load(use_env=False)
    params: list[object] = []
    for entry in lib.playable_personas():
        for number, _example in enumerate(entry.item.examples, start=1):
            where = display_path(entry.path)
            params.append(pytest.param(where, number, id=f"{entry.item.id}-{number}"))
    return params


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
