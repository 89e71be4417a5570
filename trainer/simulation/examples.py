"""`deescalate check --examples`: do personas and scenarios behave as their authors intend?

Two kinds of example:
- a persona's sample replies (`examples`), each played as the first reply of a fresh call:
  `calmer` passes when anger went down, `angrier` when it went up;
- a scenario's offer phrasings: each remedy's `examples` must be heard as offering that
  remedy, and none of the scenario's `near_misses` may be heard as offering anything.

Offers are heard as a customer hears them (rules, meaning, reference; see `offers.py`). With
the grader on rules alone there is no meaning to check, so phrasings that only the sentence
model would recognise are reported as not checked rather than failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.errors import display_path
from trainer.library import DEFAULT_SCENARIO, Library, read_yaml
from trainer.models.grade import GradeContext
from trainer.models.persona import Persona
from trainer.models.scenario import Scenario
from trainer.session import GraderLike, Session
from trainer.simulation.hearing import hear
from trainer.simulation.offers import OfferReader, encoder_of

EXAMPLE_SEED = 0
SHOWN_CHARS = 40


def best_scenario(lib: Library, persona: Persona) -> Scenario | None:
    """The scenario written for this persona, else the default one, else the first."""
    for ident in sorted(lib.scenarios):
        if lib.scenarios[ident].item.default_persona == persona.id:
            return lib.scenarios[ident].item
    for ident in sorted(lib.scenarios):
        if lib.scenarios[ident].item.allows(persona.id):
            return lib.scenarios[ident].item
    if DEFAULT_SCENARIO in lib.scenarios:
        return lib.scenarios[DEFAULT_SCENARIO].item
    if lib.scenarios:
        return lib.scenarios[sorted(lib.scenarios)[0]].item
    return None


def _shown(reply: str) -> str:
    text = " ".join(reply.split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3].rstrip() + "..."


def _grader(grader: GraderLike | None) -> GraderLike:
    if grader is not None:
        return grader
    from trainer.grading import get_grader

    loaded: GraderLike = get_grader()
    return loaded


def run_examples(lib: Library, grader: GraderLike | None = None) -> list[str]:
    """Play each playable persona's example replies as a first turn; one message per failure.

    Each example runs in a fresh call against the persona's best-fitting scenario. `calmer`
    passes when anger went down, `angrier` when it went up.
    """
    grader = _grader(grader)
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


@dataclass
class OfferCheck:
    """The result of checking a library's offer phrasings."""

    checked: int = 0
    failures: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    """Phrasings only the sentence model could judge, while it is not loaded."""


def _line(data: Any, *path: str | int) -> int:
    """1-based line of a node in a round-trip YAML document (1 when unknown)."""
    node = data
    line = 1
    for part in path:
        try:
            pos = node.lc.item(part) if isinstance(part, int) else node.lc.value(part)
            node = node[part]
        except (AttributeError, KeyError, IndexError, TypeError):
            return line
        line = pos[0] + 1
    return line


def run_offer_examples(lib: Library, grader: GraderLike | None = None) -> OfferCheck:
    """Check every scenario's remedy `examples` and `near_misses` as the customer hears them."""
    grader = _grader(grader)
    source = encoder_of(grader)
    result = OfferCheck()
    for ident in sorted(lib.scenarios):
        entry = lib.scenarios[ident]
        scenario = entry.item
        data, _problems = read_yaml(Path(entry.path))
        where = display_path(entry.path)
        reader = OfferReader(scenario, source)
        model = reader.model() is not None

        def heard(text: str, scenario: Scenario = scenario, reader: OfferReader = reader) -> Any:
            grade = grader.grade(text, GradeContext(scenario=scenario))
            return reader.read(text, grade, hear(text), [])

        for r_index, remedy in enumerate(scenario.remedies):
            for e_index, text in enumerate(remedy.examples):
                reading = heard(text)
                at = f"{where}:{_line(data, 'remedies', r_index, 'examples', e_index)}"
                if remedy.id in reading.how:
                    result.checked += 1
                elif not model:
                    result.unchecked.append(f'{at}: "{_shown(text)}" (needs the sentence model)')
                else:
                    result.checked += 1
                    other = ", ".join(r.id for r in reading.offered) or "nothing"
                    score = reading.scores.get(remedy.id)
                    why = f"; heard as {other}" + (f" ({score:.2f})" if score else "")
                    result.failures.append(
                        f'{at}: remedy {remedy.id} example "{_shown(text)}" is not heard as '
                        f"offering it{why}. Reword it, or add phrasings closer to it."
                    )
        for n_index, text in enumerate(scenario.near_misses):
            reading = heard(text)
            result.checked += 1
            if reading.offered:
                at = f"{where}:{_line(data, 'near_misses', n_index)}"
                names = ", ".join(f"{r.id} ({reading.how[r.id]})" for r in reading.offered)
                result.failures.append(
                    f'{at}: near miss "{_shown(text)}" is heard as an offer of {names}'
                )
    return result
