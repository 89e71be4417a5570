"""Plans and readiness straight from the store: what the CLI and the practice room call."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from trainer.errors import UserError
from trainer.programme.loader import Programmes
from trainer.programme.plan import Plan, make_plan
from trainer.programme.readiness import Readiness, end_of, readiness
from trainer.programme.skills import RECENT_CALLS, step_skills
from trainer.programme.store import Assignment, ProgrammeStore
from trainer.programme.text import printable

EXAM_HISTORY = 200
"""Exam calls read for spaced review (a step's level rarely depends on older ones)."""

if TYPE_CHECKING:
    from trainer.library import Library
    from trainer.store import Store


def check_assigned(programmes: Programmes, assignment: Assignment) -> None:
    """The assigned programme must still exist (a renamed file, a removed library folder)."""
    if assignment.programme not in programmes.programmes:
        known = ", ".join(sorted(programmes.programmes)) or "none"
        raise UserError(
            f"{printable(assignment.trainee)} is assigned programme "
            f"{printable(assignment.programme)!r}, which is not in the library (known: {known})"
        )


def assignment_readiness(
    store: Store,
    programmes: Programmes,
    assignment: Assignment,
    today: date,
    *,
    keep: bool = True,
) -> Readiness:
    """Readiness of one assignment; with `keep`, new milestones the calls show are kept in
    the store (a read-only caller still gets the same readiness, from the calls)."""
    check_assigned(programmes, assignment)
    programme = programmes.programmes[assignment.programme].item
    kept_store = ProgrammeStore(store)
    infos = store.sessions(assignment.trainee)
    kept = [k.milestone for k in kept_store.milestones(assignment.trainee, programme.id)]
    result = readiness(programme, assignment.trainee, assignment.start, infos, today, kept)
    found = [m for module in result.modules for m in module.milestones]
    if keep:
        kept_store.keep(assignment.trainee, programme.id, found)
    return result


def assignment_plan(
    store: Store,
    programmes: Programmes,
    assignment: Assignment,
    today: date,
    library: Library | None = None,
) -> Plan:
    """The plan of one assignment for `today`."""
    result = assignment_readiness(store, programmes, assignment, today)
    limit = end_of(today)
    infos = [i for i in store.sessions(assignment.trainee) if i.started_at < limit]
    # The skill score reads the latest calls; spaced review walks the exam calls.
    exams = [i.id for i in infos if i.mode == "exam"][-EXAM_HISTORY:]
    wanted = {i.id for i in infos[-RECENT_CALLS:]} | set(exams)
    records = ProgrammeStore(store).graded_calls([i for i in infos if i.id in wanted])
    return make_plan(result, step_skills(records, today), library)


def assignments_for(store: Store, trainee: str | None) -> list[Assignment]:
    """Assignments of one trainee (errors a person can act on when there are none), or all."""
    kept = ProgrammeStore(store)
    if trainee is None:
        return kept.assignments()
    found = kept.assignments(trainee)
    if found:
        return found
    if not kept.trainee_exists(trainee):
        names = sorted({a.trainee for a in kept.assignments()})
        hint = f"; assigned trainees: {', '.join(printable(n, 40) for n in names)}" if names else ""
        raise UserError(f"unknown trainee {printable(trainee)!r}{hint}")
    raise UserError(
        f"{printable(trainee)} has no programme yet; assign one with: deescalate assign "
        f"--trainee {printable(trainee)!r} --programme ID --start DATE"
    )
