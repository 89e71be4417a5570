"""The calendar, and four months of a cohort simulated day by day with a clock."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from programme_support import at, bundled_library, call

from trainer.models.programme import Schedule
from trainer.programme.loader import Programmes, load_programmes
from trainer.programme.plan import Plan
from trainer.programme.schedule import (
    add_months,
    module_windows,
    programme_year,
    refreshers_until,
    timetable,
    training_days,
    upcoming_refreshers,
)
from trainer.programme.service import assignment_plan
from trainer.programme.store import Assignment, ProgrammeStore
from trainer.store import Store

START = date(2027, 1, 4)  # a Monday
PROGRAMMES: list[Programmes] = []


def test_add_months_keeps_the_day_or_takes_the_last_one() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)
    assert add_months(date(2027, 3, 15), -3) == date(2026, 12, 15)


def test_four_days_a_month_for_four_months_on_weekdays() -> None:
    days = training_days(START, Schedule())
    assert len(days) == 16
    assert days == sorted(set(days))
    assert all(d.weekday() < 5 for d in days)
    for month in range(4):
        first, nxt = add_months(START, month), add_months(START, month + 1)
        inside = [d for d in days if first <= d < nxt]
        assert len(inside) == 4, month
        gaps = [(b - a).days for a, b in pairwise(inside)]
        assert min(gaps) >= 5  # spread out to sink in, not four days in a row


def test_weekend_days_stay_when_weekdays_only_is_off() -> None:
    start = date(2027, 1, 2)  # a Saturday
    assert training_days(start, Schedule(weekdays_only=False))[0] == start
    assert training_days(start, Schedule())[0] == date(2027, 1, 4)


def test_refreshers_three_and_six_months_after_the_last_training_day_then_ongoing() -> None:
    schedule = Schedule()
    last = training_days(START, schedule)[-1]
    first, second, third = upcoming_refreshers(START, schedule, START, 3)
    assert first - add_months(last, 3) <= timedelta(days=2) and first.weekday() < 5
    assert second - add_months(last, 6) <= timedelta(days=2)
    assert third - add_months(last, 9) <= timedelta(days=2)
    assert refreshers_until(START, schedule, first - timedelta(days=1)) == []
    assert refreshers_until(START, schedule, second) == [first, second]


def test_modules_take_their_days_in_order_and_review_days_fill_the_rest() -> None:
    programme = load_programmes(bundled_library(), use_env=False).get("new-hire")
    slots = timetable(programme, START)
    ids = [s.module.id if s.module else None for s in slots]
    expected = [m.id for m in programme.modules for _ in range(m.days)]
    assert ids[: len(expected)] == expected
    assert all(i is None for i in ids[len(expected) :])
    windows = module_windows(programme, START)
    firsts = [windows[m.id][0] for m in programme.modules]
    assert firsts == sorted(firsts)


def test_the_programme_year_runs_from_an_anniversary_of_the_start() -> None:
    assert programme_year(START, START) == (START, date(2028, 1, 4))
    assert programme_year(START, date(2028, 1, 4)) == (date(2028, 1, 4), date(2029, 1, 4))
    assert programme_year(START, date(2026, 6, 1)) == (START, date(2028, 1, 4))


# Four months with a clock ----------------------------------------------------------------


@pytest.fixture
def cohort(tmp_path: Path) -> tuple[Store, Assignment, Assignment]:
    store = Store.open(f"sqlite:///{tmp_path / 'cohort.db'}")
    kept = ProgrammeStore(store)
    dee = kept.assign("Dee", "new-hire", START)
    sam = kept.assign("Sam", "new-hire", START)
    yield store, dee, sam
    store.close()


def practise(store: Store, plan: Plan, trainee: str, day: date, calls: int) -> int:
    """Play the planned drill well, `calls` times (re-planning after each); returns how many."""
    library = bundled_library()
    if not PROGRAMMES:
        PROGRAMMES.append(load_programmes(library, use_env=False))
    programmes = PROGRAMMES[0]
    assignment = ProgrammeStore(store).assignments(trainee)[0]
    done = 0
    for n in range(calls):
        drill = plan.drill
        assert drill is not None
        store.save(
            call(trainee, drill.scenario, drill.persona, at(day, 9, 10 * n), mode=drill.mode)
        )
        done += 1
        plan = assignment_plan(store, programmes, assignment, day, library)
    return done


def test_four_months_day_by_day(cohort: tuple[Store, Assignment, Assignment]) -> None:
    store, dee, sam = cohort
    library = bundled_library()
    programmes = load_programmes(library, use_env=False)
    programme = programmes.get("new-hire")
    slots = {s.day: s for s in timetable(programme, START)}
    windows = module_windows(programme, START)
    last_day = max(slots)
    calls = 0
    day = START
    while day <= last_day + timedelta(days=7):
        plan = assignment_plan(store, programmes, dee, day, library)
        if day in slots:
            # Today's slot is the scheduled one, with its place in the programme.
            assert [s.number for s in plan.today] == [slots[day].number]
            calls += practise(store, plan, "Dee", day, 4)
            plan = assignment_plan(store, programmes, dee, day, library)
        else:
            assert plan.today == []
        # The week ahead lists exactly the training days after today up to Sunday.
        sunday = day + timedelta(days=6 - day.weekday())
        assert [s.day for s in plan.week] == [d for d in sorted(slots) if day < d <= sunday]
        # A trainee who practises on every training day never falls behind.
        assert plan.overdue == [], (day, [m.module.id for m in plan.overdue])
        for module in programme.modules:
            if windows[module.id][1] <= day:
                assert plan.readiness.module(module.id).status == "passed", (day, module.id)
        day += timedelta(days=1)

    end = assignment_plan(store, programmes, dee, last_day + timedelta(days=7), library)
    assert end.readiness.ready
    assert end.drill is not None and end.drill.module is None and end.drill.mode == "exam"
    assert end.readiness.hours == pytest.approx(calls * 8 / 60)

    # The trainee who stopped after two training days falls behind, module by module.
    for d in sorted(slots)[:2]:
        practise(store, assignment_plan(store, programmes, sam, d, library), "Sam", d, 4)
    later = add_months(START, 3)
    behind = assignment_plan(store, programmes, sam, later, library)
    assert behind.readiness.module("rapport").status == "passed"
    overdue = [m.module.id for m in behind.overdue]
    ended = [m.id for m in programme.modules if windows[m.id][1] < later]
    assert overdue == [m for m in ended if m != "rapport"] and len(overdue) >= 2
    assert behind.drill is not None and behind.drill.module is not None
    assert behind.drill.module.id == overdue[0]  # the earliest one left behind comes first

    # Three months after the last training day every module wants its refresher...
    first_refresher = upcoming_refreshers(START, programme.schedule, last_day, 1)[0]
    plan = assignment_plan(store, programmes, dee, first_refresher, library)
    assert plan.refresher_today
    assert [m.module.id for m in plan.refresher_due] == [m.id for m in programme.modules]
    assert plan.drill is not None and plan.drill.mode == "exam"
    assert "refresher due" in plan.drill.why
    # ... and one good exam call on each, as planned, brings them all back to passed.
    practise(store, plan, "Dee", first_refresher, len(programme.modules))
    after = assignment_plan(store, programmes, dee, first_refresher, library)
    assert after.refresher_due == [] and after.readiness.ready
    kinds = [k.milestone.kind for k in ProgrammeStore(store).milestones("Dee")]
    assert kinds.count("started") == kinds.count("passed") == kinds.count("refreshed") == 6


def test_the_plan_before_the_start_date(cohort: tuple[Store, Assignment, Assignment]) -> None:
    store, dee, _ = cohort
    library = bundled_library()
    programmes = load_programmes(library, use_env=False)
    plan = assignment_plan(store, programmes, dee, START - timedelta(days=3), library)
    assert plan.today == [] and plan.overdue == []
    assert plan.week == [] and plan.next_day is not None and plan.next_day.day == START
    assert plan.drill is not None and plan.drill.module is not None
    assert plan.drill.module.id == "rapport" and plan.drill.mode == "coach"
    assert all(m.status == "not_started" for m in plan.readiness.modules)
