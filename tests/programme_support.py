"""Seeded history for the programme tests: calls with chosen verdicts, times and outcomes."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from trainer.library import Library
from trainer.models.grade import STEPS, Grade, StepVerdict
from trainer.models.record import Mood, SessionRecord, Turn
from trainer.programme.loader import Programmes, load_programmes
from trainer.store import SessionInfo

_ids = itertools.count(1)

MINIMAL = """\
id: mini
title: Mini programme
schedule:
  intensive_months: 1
  days_per_month: 2
modules:
  - id: rapport
    title: Building rapport
    focus: [person]
    craft: [you_people]
    advice: Name the feeling first.
    drills:
      - scenario: wrong-address-parcel
      - scenario: double-billed
  - id: holds
    title: Holds
    focus: [ask]
    craft: [ask_permission]
    advice: Ask before you hold.
    drills:
      - scenario: appointment-letter-mixup
"""
"""A small valid programme over bundled scenarios (two modules, two training days)."""


def grade(passed: str = "person job apology ask", not_due: str = "") -> Grade:
    """A grade passing the named steps; steps in `not_due` were not needed on this reply."""
    ok, rest = set(passed.split()), set(not_due.split())
    return Grade(
        **{
            s: StepVerdict(passed=s in ok, due=s not in rest, score=0.9 if s in ok else 0.1)
            for s in STEPS
        }
    )


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """A moment of a day, in UTC."""
    return datetime.combine(day, time(hour, minute), UTC)


def call(
    trainee: str,
    scenario: str,
    persona: str,
    when: datetime,
    *,
    mode: str = "coach",
    outcome: str | None = "resolved",
    replies: list[Grade] | None = None,
    minutes: int = 8,
) -> SessionRecord:
    """A call with one turn per grade (all four steps passed by default)."""
    grades = replies if replies is not None else [grade()]
    record = SessionRecord(
        id=f"c{next(_ids):06d}",
        trainee=trainee,
        persona=persona,
        scenario=scenario,
        seed=1,
        mode=mode,  # type: ignore[arg-type]
        outcome=outcome,  # type: ignore[arg-type]
        started_at=when.isoformat(),
        ended_at=(when + timedelta(minutes=minutes)).isoformat() if outcome else "",
    )
    for i, g in enumerate(grades):
        record.turns.append(
            Turn(
                index=i,
                customer="customer line",
                reply=f"reply {i}",
                grade=g,
                mood=Mood(anger=5, trust=0.5, patience=4),
                move="vent",
                customer_next="answer",
            )
        )
    return record


def info(
    scenario: str,
    persona: str,
    when: datetime,
    *,
    mode: str = "exam",
    outcome: str | None = "resolved",
    rate: float = 1.0,
    minutes: int = 8,
    trainee: str = "ana",
) -> SessionInfo:
    """A history line (no turns) with every step at `rate`, for readiness without a store."""
    naive = when.astimezone(UTC).replace(tzinfo=None)
    return SessionInfo(
        id=f"i{next(_ids):06d}",
        trainee=trainee,
        persona=persona,
        scenario=scenario,
        mode=mode,
        seed=1,
        outcome=outcome,
        started_at=naive,
        ended_at=naive + timedelta(minutes=minutes) if outcome else None,
        replies=4,
        turns=4,
        steps=dict.fromkeys(STEPS, rate),
    )


_LIBRARY: Library | None = None


def bundled_library() -> Library:
    """The bundled personas and scenarios, loaded once for the whole run."""
    global _LIBRARY
    if _LIBRARY is None:
        _LIBRARY = Library.load(use_env=False)
        assert not _LIBRARY.problems
    return _LIBRARY


def programmes_with(tmp_path: Path, text: str, name: str = "custom.yaml") -> Programmes:
    """The bundled programmes plus one written into a user library's programme/ folder."""
    folder = tmp_path / "lib" / "programme"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return load_programmes(bundled_library(), [tmp_path / "lib"], use_env=False)
