"""The calendar of a programme: training days, which module each one teaches, refreshers.

Everything here is a pure function of the programme and the start date, so a test can lay
out four months (or four years) without a clock. Dates are calendar days; the trainee's
calls are compared by the UTC day they started on.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from trainer.models.programme import Module, Programme, Schedule

SATURDAY = 5


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _weekday(day: date, schedule: Schedule) -> date:
    while schedule.weekdays_only and day.weekday() >= SATURDAY:
        day += timedelta(days=1)
    return day


def training_days(start: date, schedule: Schedule) -> list[date]:
    """The intensive training days: `days_per_month` spread over each of the first months.

    Month `m` runs from `start + m months` to the day before `start + (m+1) months`; its days
    fall at even steps through it (about weekly for four a month), a weekend day moving to
    the Monday after when `weekdays_only`.
    """
    days: list[date] = []
    per = schedule.days_per_month
    for m in range(schedule.intensive_months):
        first = add_months(start, m)
        span = (add_months(start, m + 1) - first).days
        for k in range(per):
            day = first + timedelta(days=(k * span) // per)
            day = _weekday(day, schedule)
            while days and day <= days[-1]:
                day = _weekday(day + timedelta(days=1), schedule)
            days.append(day)
    return days


def refreshers(start: date, schedule: Schedule) -> Iterator[date]:
    """Refresher days, without end: every `refresher_every_months` after the last training day."""
    last = training_days(start, schedule)[-1]
    k = 1
    while True:
        yield _weekday(add_months(last, schedule.refresher_every_months * k), schedule)
        k += 1


def refreshers_until(start: date, schedule: Schedule, until: date) -> list[date]:
    """Refresher days on or before `until`."""
    out = []
    for day in refreshers(start, schedule):
        if day > until:
            break
        out.append(day)
    return out


def upcoming_refreshers(start: date, schedule: Schedule, after: date, count: int) -> list[date]:
    """The next `count` refresher days after `after`."""
    out: list[date] = []
    for day in refreshers(start, schedule):
        if day > after:
            out.append(day)
            if len(out) == count:
                break
    return out


@dataclass(frozen=True)
class Slot:
    """One training day and what it is for."""

    day: date
    number: int
    """1-based number of the training day."""
    module: Module | None
    """The module taught that day; None for a review day (the weakest step) after the last."""
    module_day: int = 0
    """1-based day within the module."""


def timetable(programme: Programme, start: date) -> list[Slot]:
    """Every intensive training day with its module, modules in order, `days` each."""
    days = training_days(start, programme.schedule)
    order: list[tuple[Module | None, int]] = []
    for module in programme.modules:
        order.extend((module, n + 1) for n in range(module.days))
    order.extend((None, 0) for _ in range(len(days) - len(order)))
    return [
        Slot(day, i + 1, module, n)
        for i, (day, (module, n)) in enumerate(zip(days, order, strict=True))
    ]


def module_windows(programme: Programme, start: date) -> dict[str, tuple[date, date]]:
    """First and last training day of each module."""
    windows: dict[str, tuple[date, date]] = {}
    for slot in timetable(programme, start):
        if slot.module is None:
            continue
        first, _ = windows.get(slot.module.id, (slot.day, slot.day))
        windows[slot.module.id] = (first, slot.day)
    return windows


def programme_year(start: date, today: date) -> tuple[date, date]:
    """The programme year `today` falls in: from an anniversary of `start`, one year long.

    Before the start, the first year.
    """
    years = 0
    while add_months(start, 12 * (years + 1)) <= today:
        years += 1
    return add_months(start, 12 * years), add_months(start, 12 * (years + 1))
