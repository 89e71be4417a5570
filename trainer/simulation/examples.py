"""`deescalate check --examples`: does each persona react to its sample replies as intended?"""

from __future__ import annotations

from trainer.errors import display_path
from trainer.library import DEFAULT_SCENARIO, Library
from trainer.models.persona import Persona
from trainer.models.scenario import Scenario
from trainer.session import GraderLike, Session

EXAMPLE_SEED = 0
SHOWN_CHARS = 40


def best_scenario(lib: Library, persona: Persona) -> Scenario | None:
    """The scenario written for this persona, else the default one, else the first."""
    for ident in sorted(lib.scenarios):
        if lib.scenarios[ident].item.default_persona == persona.id:
            return lib.scenarios[ident].item
    if DEFAULT_SCENARIO in lib.scenarios:
        return lib.scenarios[DEFAULT_SCENARIO].item
    if lib.scenarios:
        return lib.scenarios[sorted(lib.scenarios)[0]].item
    return None


def _shown(reply: str) -> str:
    text = " ".join(reply.split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3].rstrip() + "..."


def run_examples(lib: Library, grader: GraderLike | None = None) -> list[str]:
    """Play each playable persona's example replies as a first turn; one message per failure.

    Each example runs in a fresh call against the persona's best-fitting scenario. `calmer`
    passes when anger went down, `angrier` when it went up.
    """
    if grader is None:
        from trainer.grading import get_grader

        grader = get_grader()
    failures: list[str] = []
    for entry in lib.playable_personas():
        persona = entry.item
        if not persona.examples:
            continue
        where = display_path(entry.path)
        scenario = best_scenario(lib, persona)
        if scenario is None:
            failures.append(f"{where}: no scenario in the library to play the examples against")
            continue
        for number, example in enumerate(persona.examples, start=1):
            session = Session(persona, scenario, grader=grader, seed=EXAMPLE_SEED)
            before = session.mood.anger
            after = session.reply(example.reply).mood.anger
            ok = after < before if example.expect == "calmer" else after > before
            if not ok:
                failures.append(
                    f'{where}: example {number} ("{_shown(example.reply)}") expected '
                    f"{example.expect}, anger went {before:.1f} -> {after:.1f}"
                )
    return failures
