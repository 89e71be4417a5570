"""Where a trainee stands on each module, and hours practised against the yearly target.

A call belongs to a module when its scenario and caller are one of the module's drills
(the loader makes sure no call belongs to two). Pass rates come from the store's per-call
statistics (`SessionInfo.steps`, built by `trainer.store.stats`), so they count the turns
where a step was due exactly as history, progress and reports do.

Status of a module:
- `not_started`: no call on its drills yet;
- `practising`: calls, but the pass mark not reached;
- `passed`: the pass mark reached in exam mode (and any refresher since done);
- `refresher_due`: passed before the latest refresher day, and not re-tested since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal

from trainer.models.programme import Drill, Module, Programme
from trainer.programme.schedule import module_windows, programme_year, refreshers_until
from trainer.store.store import SessionInfo

Status = Literal["not_started", "practising", "passed", "refresher_due"]
STATUS_WORDS: dict[Status, str] = {
    "not_started": "not started",
    "practising": "practising",
    "passed": "passed",
    "refresher_due": "refresher due",
}
MilestoneKind = Literal["started", "passed", "refreshed"]
RUNG_TRIES = 3
"""Calls on one drill after which the ladder moves on even without a good one."""
MAX_CALL_MINUTES = 45
"""Longest a single call counts towards hours (a call left open over lunch is not practice)."""


@dataclass(frozen=True)
class Milestone:
    """A module started, passed or refreshed, with the call that did it."""

    module: str
    kind: MilestoneKind
    at: datetime
    """When (naive UTC): the call's start for `started`, its end otherwise."""
    session_id: str = ""


def end_of(day: date) -> datetime:
    """The first moment after `day` (naive, like the stored times)."""
    return datetime.combine(day + timedelta(days=1), time())


def drill_pairs(module: Module) -> set[tuple[str, str]]:
    """The (scenario, persona) pairs whose calls count for `module`."""
    return {(d.scenario, d.persona or "") for d in module.drills}


def focus_rate(info: SessionInfo, module: Module) -> float | None:
    """Mean pass rate of the module's focus steps in one call (None when none was graded)."""
    rates = [r for s in module.focus if (r := info.steps.get(s)) is not None]
    return sum(rates) / len(rates) if rates else None


def good_call(info: SessionInfo, module: Module) -> bool:
    """A finished call with a good outcome and the focus steps at the pass rate."""
    rate = focus_rate(info, module)
    mark = module.pass_mark
    return info.outcome in mark.outcomes and rate is not None and rate >= mark.due_step_pass_rate


def window_meets(window: Sequence[SessionInfo], module: Module) -> tuple[float | None, int, bool]:
    """Focus rate and good outcomes over exam calls, and whether they meet the pass mark."""
    mark = module.pass_mark
    rates = [r for i in window if (r := focus_rate(i, module)) is not None]
    rate = sum(rates) / len(rates) if rates else None
    good = sum(1 for i in window if i.outcome in mark.outcomes)
    met = (
        len(window) >= mark.calls
        and rate is not None
        and rate >= mark.due_step_pass_rate
        and good >= mark.min_good_outcomes
    )
    return rate, good, met


@dataclass
class ModuleReadiness:
    """One module's standing."""

    module: Module
    status: Status
    first_day: date
    last_day: date
    """The module's training days in the schedule, first and last."""
    calls: int = 0
    exam_calls: int = 0
    rate: float | None = None
    """Focus-step pass rate over the latest `pass_mark.calls` exam calls."""
    good: int = 0
    """Good outcomes among those calls."""
    cleared: int = 0
    """Drills with a good call on them (a good outcome, focus steps at the pass rate)."""
    rung: int = 0
    """0-based position on the ladder: the easiest drill neither done well nor tried
    RUNG_TRIES times (equal to the number of drills once the ladder is climbed)."""
    started_at: datetime | None = None
    passed_at: datetime | None = None
    refresher: date | None = None
    """For `refresher_due`: the refresher day it is due for."""
    milestones: list[Milestone] = field(default_factory=list)
    """Milestones the calls show (the store keeps the ones not yet recorded)."""

    @property
    def words(self) -> str:
        """The status in words."""
        return STATUS_WORDS[self.status]

    def overdue(self, today: date) -> bool:
        """Its training days are over and it is not passed."""
        return self.status in {"not_started", "practising"} and self.last_day < today


@dataclass
class Readiness:
    """A trainee's standing on a programme on a given day."""

    trainee: str
    programme: Programme
    start: date
    today: date
    modules: list[ModuleReadiness]
    hours: float
    """Hours in calls this programme year (each call counted up to MAX_CALL_MINUTES)."""
    year: tuple[date, date]
    """The programme year: from an anniversary of the start, to the next one."""
    refreshers: list[date] = field(default_factory=list)
    """Refresher days up to today."""

    @property
    def hours_target(self) -> float:
        """Hours a year the programme asks for."""
        return self.programme.schedule.hours_per_year

    def counts(self) -> dict[Status, int]:
        """How many modules are in each status."""
        out: dict[Status, int] = dict.fromkeys(STATUS_WORDS, 0)  # type: ignore[assignment]
        for m in self.modules:
            out[m.status] += 1
        return out

    @property
    def ready(self) -> bool:
        """Every module passed, no refresher outstanding."""
        return all(m.status == "passed" for m in self.modules)

    def summary(self) -> str:
        """`2 passed, 1 practising, 3 not started`, leaving out zeros."""
        counts = self.counts()
        order: tuple[Status, ...] = ("passed", "refresher_due", "practising", "not_started")
        return ", ".join(f"{counts[s]} {STATUS_WORDS[s]}" for s in order if counts[s])

    def module(self, ident: str) -> ModuleReadiness:
        """One module's standing (KeyError when the programme has no such module)."""
        for m in self.modules:
            if m.module.id == ident:
                return m
        raise KeyError(ident)


def hours_practised(infos: Sequence[SessionInfo], since: date, until: date) -> float:
    """Hours in finished calls started in [since, until), each capped at MAX_CALL_MINUTES."""
    seconds = 0.0
    low, high = datetime.combine(since, time()), datetime.combine(until, time())
    for info in infos:
        if info.ended_at is None or not low <= info.started_at < high:
            continue
        length = (info.ended_at - info.started_at).total_seconds()
        seconds += min(max(length, 0.0), MAX_CALL_MINUTES * 60)
    return seconds / 3600


def readiness(
    programme: Programme,
    trainee: str,
    start: date,
    infos: Sequence[SessionInfo],
    today: date,
    recorded: Sequence[Milestone] = (),
) -> Readiness:
    """The trainee's standing on `today` from their calls and the milestones already kept.

    Args:
        programme: the programme assigned.
        trainee: their name (for the result only).
        start: the assignment's start date.
        infos: the trainee's calls (any order); calls after `today` are ignored.
        today: the day to judge on (a clock parameter, so tests can move through months).
        recorded: milestones kept in the store; a pass there stays a pass.
    """
    limit = end_of(today)
    calls = sorted((i for i in infos if i.started_at < limit), key=lambda i: (i.started_at, i.id))
    windows = module_windows(programme, start)
    past_refreshers = refreshers_until(start, programme.schedule, today)
    year = programme_year(start, today)
    modules = [
        _module(
            m,
            windows[m.id],
            calls,
            [r for r in recorded if r.module == m.id and r.at < limit],
            past_refreshers,
            limit,
        )
        for m in programme.modules
    ]
    ended = [i for i in calls if i.ended_at is not None and i.ended_at < limit]
    return Readiness(
        trainee=trainee,
        programme=programme,
        start=start,
        today=today,
        modules=modules,
        hours=hours_practised(ended, *year),
        year=year,
        refreshers=past_refreshers,
    )


def _module(
    module: Module,
    window: tuple[date, date],
    calls: list[SessionInfo],
    recorded: list[Milestone],
    refreshers: list[date],
    limit: datetime,
) -> ModuleReadiness:
    pairs = drill_pairs(module)
    mine = [c for c in calls if (c.scenario, c.persona) in pairs]
    finished = [c for c in mine if c.ended_at is not None and c.ended_at < limit]
    exam = [c for c in finished if c.mode == "exam"]
    state = ModuleReadiness(module, "not_started", window[0], window[1])
    state.calls = len(mine)
    state.exam_calls = len(exam)
    state.cleared = sum(
        1 for d in module.drills if any(_on(c, d) and good_call(c, module) for c in finished)
    )
    state.rung = _rung(module, finished)
    state.rate, state.good, _ = window_meets(exam[-module.pass_mark.calls :], module)

    derived: list[Milestone] = []
    if mine:
        derived.append(Milestone(module.id, "started", mine[0].started_at, mine[0].id))
    passed: SessionInfo | None = None
    size = module.pass_mark.calls
    for n in range(size, len(exam) + 1):
        if window_meets(exam[n - size : n], module)[2]:
            passed = exam[n - 1]
            break
    if passed is not None and passed.ended_at is not None:
        derived.append(Milestone(module.id, "passed", passed.ended_at, passed.id))
    state.milestones = derived

    def first(kind: str) -> datetime | None:
        times = [m.at for m in (*derived, *recorded) if m.kind == kind]
        return min(times) if times else None

    state.started_at = first("started")
    state.passed_at = first("passed")
    if state.passed_at is None:
        state.status = "practising" if mine or state.started_at else "not_started"
        return state

    # Refreshers: each refresher day after the pass is met by fresh good exam calls.
    refreshed = {m.at.date() for m in recorded if m.kind == "refreshed"}
    done_for: set[date] = set()
    for i, day in enumerate(refreshers):
        if state.passed_at.date() >= day:
            continue
        until = refreshers[i + 1] if i + 1 < len(refreshers) else None
        fresh = [
            c
            for c in exam
            if c.started_at.date() >= day
            and (until is None or c.started_at.date() < until)
            and good_call(c, module)
        ]
        if len(fresh) >= module.pass_mark.refresher_calls:
            done = fresh[module.pass_mark.refresher_calls - 1]
            if done.ended_at is not None:
                state.milestones.append(Milestone(module.id, "refreshed", done.ended_at, done.id))
                done_for.add(day)
        if any(day <= r and (until is None or r < until) for r in refreshed):
            done_for.add(day)
    latest = next((d for d in reversed(refreshers) if d > state.passed_at.date()), None)
    if latest is not None and latest not in done_for:
        state.status = "refresher_due"
        state.refresher = latest
    else:
        state.status = "passed"
    return state


def _on(call: SessionInfo, drill: Drill) -> bool:
    return (call.scenario, call.persona) == (drill.scenario, drill.persona)


def _rung(module: Module, finished: list[SessionInfo]) -> int:
    """The first drill, from the easiest, not done well and tried fewer than RUNG_TRIES times."""
    for n, drill in enumerate(module.drills):
        tries = [c for c in finished if _on(c, drill)]
        if len(tries) < RUNG_TRIES and not any(good_call(c, module) for c in tries):
            return n
    return len(module.drills)
