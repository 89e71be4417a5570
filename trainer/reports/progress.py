"""Progress over time for one trainee (or everyone) and the weakest step to drill."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pydantic import BaseModel, Field

from trainer.models.grade import STEPS
from trainer.store.engine import format_time
from trainer.store.stats import overall
from trainer.store.store import SessionInfo, Store

RECENT_SESSIONS = 10
"""How many recent sessions decide the weakest step."""


class Period(BaseModel):
    """Pass rates in one ISO week."""

    period: str
    """ISO week, e.g. `2026-W48`."""
    sessions: int
    replies: int
    steps: dict[str, float | None]


class Progress(BaseModel):
    """Per-step pass rate over time and the step to practise."""

    trainee: str | None
    sessions: int
    replies: int
    steps: dict[str, float | None]
    """Pass rate per step over every graded reply that needed the step."""
    recent: dict[str, float | None]
    """Pass rate per step over the last RECENT_SESSIONS sessions with graded replies."""
    weakest: str | None
    periods: list[Period] = Field(default_factory=list)
    history: list[dict[str, object]] = Field(default_factory=list)
    """One entry per session: id, started_at, outcome, steps."""


def pooled(infos: Sequence[SessionInfo]) -> tuple[int, dict[str, float | None]]:
    """Graded replies, and pass rate per step over the replies that needed it (due)."""
    replies = sum(i.replies for i in infos)
    rates: dict[str, float | None] = {}
    for s in STEPS:
        due = sum(i.due_on(s) for i in infos)
        passed = sum((i.steps.get(s) or 0.0) * i.due_on(s) for i in infos)
        rates[s] = passed / due if due else None
    return replies, rates


def weakest_of(rates: dict[str, float | None]) -> str | None:
    """The step with the lowest rate; ties go to the earlier step of the method. None when
    nothing is rated, or when every rated step held every time (there is no weakest step)."""
    rated = [(r, n, s) for n, (s, r) in enumerate(rates.items()) if r is not None]
    if not rated or min(rated)[0] >= 1.0:
        return None
    return min(rated)[2]


def _week(when: datetime) -> str:
    year, week, _ = when.isocalendar()
    return f"{year}-W{week:02d}"


def progress(
    store: Store, trainee: str | None = None, *, since: datetime | None = None
) -> Progress:
    """Progress for `trainee` (everyone when None)."""
    infos = store.sessions(trainee, since)
    replies, rates = pooled(infos)
    graded = [i for i in infos if i.replies]
    _, recent = pooled(graded[-RECENT_SESSIONS:])
    weeks: dict[str, list[SessionInfo]] = {}
    for info in infos:
        weeks.setdefault(_week(info.started_at), []).append(info)
    periods = []
    for week, members in weeks.items():
        n, week_rates = pooled(members)
        periods.append(Period(period=week, sessions=len(members), replies=n, steps=week_rates))
    return Progress(
        trainee=trainee,
        sessions=len(infos),
        replies=replies,
        steps=rates,
        recent=recent,
        weakest=weakest_of(recent),
        periods=periods,
        history=[
            {
                "id": i.id,
                "started_at": format_time(i.started_at),
                "outcome": i.outcome,
                "replies": i.replies,
                "overall": overall(i.steps),
                "steps": i.steps,
            }
            for i in infos
        ],
    )


def weakest_step(store: Store, trainee: str | None) -> str | None:
    """The step this trainee fails most over their recent sessions (None before any grade).

    The TUI's "drill my weakest step" calls this; the answer is one of `STEPS`.
    """
    infos = [i for i in store.sessions(trainee) if i.replies]
    _, recent = pooled(infos[-RECENT_SESSIONS:])
    return weakest_of(recent)
