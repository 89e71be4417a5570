"""Pass counts per step, computed the same way for history, progress, reports and xAPI.

A step counts only on the replies where it was due (see `trainer/grading/due.py`): the rate
of a step is how many of the replies that needed it passed it. Records saved before verdicts
carried `due` load with every step due, so they count as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from trainer.models.grade import STEPS, Grade
from trainer.models.record import GRADED_ACTIONS, Turn


def graded(turns: Iterable[Turn]) -> list[tuple[Turn, Grade]]:
    """The replies that carry a grade, with it (hold announcements are left out)."""
    return [(t, t.grade) for t in turns if t.grade is not None and t.action in GRADED_ACTIONS]


def step_counts(turns: Iterable[Turn]) -> tuple[int, dict[str, int], dict[str, int]]:
    """Graded replies, and per step how many needed it (due) and how many of those passed."""
    pairs = graded(turns)
    due: dict[str, int] = {s: sum(g.step(s).due for _, g in pairs) for s in STEPS}
    passed: dict[str, int] = {
        s: sum(g.step(s).due and g.step(s).passed for _, g in pairs) for s in STEPS
    }
    return len(pairs), due, passed


def rates(
    replies: int, passed: Mapping[str, int], due: Mapping[str, int] | None = None
) -> dict[str, float | None]:
    """Pass rate per step over the replies that needed it (None when none did).

    Without `due` (stats saved before steps could be not due) every reply counts.
    """
    out: dict[str, float | None] = {}
    for s in STEPS:
        needed = replies if due is None else due.get(s, 0)
        out[s] = passed.get(s, 0) / needed if needed else None
    return out


def step_rates(turns: Iterable[Turn]) -> dict[str, float | None]:
    """Share of the graded replies needing each step that passed it (None when none did)."""
    replies, due, passed = step_counts(turns)
    return rates(replies, passed, due)


def overall(step_rates: Mapping[str, float | None]) -> float | None:
    """Mean of the step rates there are, or None when nothing was graded."""
    values = [v for v in step_rates.values() if v is not None]
    return sum(values) / len(values) if values else None


def stats_json(turns: Iterable[Turn]) -> dict[str, Any]:
    """What the sessions table keeps so listings need not read every turn."""
    replies, due, passed = step_counts(turns)
    return {"replies": replies, "passed": passed, "due": due}
