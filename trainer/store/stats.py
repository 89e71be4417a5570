"""Pass counts per step, computed the same way for history, progress, reports and xAPI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from trainer.models.grade import STEPS, Grade
from trainer.models.record import GRADED_ACTIONS, Turn


def graded(turns: Iterable[Turn]) -> list[tuple[Turn, Grade]]:
    """The replies that carry a grade, with it (hold announcements are left out)."""
    return [(t, t.grade) for t in turns if t.grade is not None and t.action in GRADED_ACTIONS]


def step_counts(turns: Iterable[Turn]) -> tuple[int, dict[str, int]]:
    """How many graded replies there were and how many passed each step."""
    pairs = graded(turns)
    passed: dict[str, int] = {s: sum(g.step(s).passed for _, g in pairs) for s in STEPS}
    return len(pairs), passed


def rates(replies: int, passed: Mapping[str, int]) -> dict[str, float | None]:
    """Pass rate per step (None when nothing was graded)."""
    return {s: (passed.get(s, 0) / replies if replies else None) for s in STEPS}


def step_rates(turns: Iterable[Turn]) -> dict[str, float | None]:
    """Share of graded replies that passed each step (None when nothing was graded)."""
    replies, passed = step_counts(turns)
    return rates(replies, passed)


def overall(step_rates: Mapping[str, float | None]) -> float | None:
    """Mean of the four step rates, or None when nothing was graded."""
    values = [v for v in step_rates.values() if v is not None]
    return sum(values) / len(values) if values else None


def stats_json(turns: Iterable[Turn]) -> dict[str, Any]:
    """What the sessions table keeps so listings need not read every turn."""
    replies, passed = step_counts(turns)
    return {"replies": replies, "passed": passed}
