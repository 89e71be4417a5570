"""Assignments and module milestones in the calls database (tables from migration 0003).

Works on an open `trainer.store.Store` and uses its transactions, so the same SQLite busy
handling and error messages apply, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from trainer.errors import UserError
from trainer.models.grade import Grade
from trainer.models.record import GRADED_ACTIONS, Mood, SessionRecord, Turn
from trainer.programme.readiness import Milestone, MilestoneKind
from trainer.store.engine import format_time, utcnow
from trainer.store.schema import AssignmentRow, MilestoneRow, TraineeRow, TurnRow
from trainer.store.store import SessionInfo, Store

_NO_MOOD = Mood(anger=0, trust=0, patience=0)
"""Placeholder mood: the skill score reads grades only."""


@dataclass(frozen=True)
class Assignment:
    """A trainee on a programme from a start date."""

    trainee: str
    programme: str
    start: date
    assigned_at: datetime
    programme_hash: str = ""


@dataclass(frozen=True)
class KeptMilestone:
    """A milestone as stored, with whose and which programme."""

    trainee: str
    programme: str
    milestone: Milestone


class ProgrammeStore:
    """Assignments and milestones kept next to the calls."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def assign(self, trainee: str, programme: str, start: date, digest: str = "") -> Assignment:
        """Put `trainee` on `programme` from `start` (a new start date replaces the old one)."""
        now = utcnow()
        with self.store._tx() as db:
            tid = self.store._trainee_id(db, trainee)
            row = db.scalar(
                select(AssignmentRow).where(
                    AssignmentRow.trainee_id == tid, AssignmentRow.programme == programme
                )
            )
            if row is None:
                row = AssignmentRow(trainee_id=tid, programme=programme)
                db.add(row)
            row.start_on = start
            row.assigned_at = now
            row.programme_hash = digest
        return Assignment(trainee, programme, start, now, digest)

    def assignments(self, trainee: str | None = None) -> list[Assignment]:
        """Assignments, by trainee name then programme."""
        with self.store._tx(read=True) as db:
            query = (
                select(AssignmentRow, TraineeRow.name)
                .join(TraineeRow, AssignmentRow.trainee_id == TraineeRow.id)
                .order_by(TraineeRow.name, AssignmentRow.programme)
            )
            if trainee is not None:
                query = query.where(TraineeRow.name == trainee)
            return [
                Assignment(name, row.programme, row.start_on, row.assigned_at, row.programme_hash)
                for row, name in db.execute(query).all()
            ]

    def trainee_exists(self, name: str) -> bool:
        """Whether the database knows this trainee (from calls or an assignment)."""
        with self.store._tx(read=True) as db:
            return db.scalar(select(TraineeRow.id).where(TraineeRow.name == name)) is not None

    def unassign(self, trainee: str, programme: str) -> bool:
        """Take a trainee off a programme (milestones stay); False when they were not on it."""
        with self.store._tx() as db:
            row = db.scalar(
                select(AssignmentRow)
                .join(TraineeRow, AssignmentRow.trainee_id == TraineeRow.id)
                .where(TraineeRow.name == trainee, AssignmentRow.programme == programme)
            )
            if row is None:
                return False
            db.delete(row)
        return True

    def graded_calls(self, infos: Sequence[SessionInfo]) -> list[SessionRecord]:
        """The calls with their graded turns only, read in one query (for the skill score).

        Hold announcements and ungraded turns are left out; rewound attempts too. Enough for
        `trainer.store.stats` and `step_skills`, not a full record for replay or reports.
        """
        ids = [i.id for i in infos]
        turns: dict[str, list[Turn]] = {i: [] for i in ids}
        with self.store._tx(read=True) as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows = db.execute(
                    select(TurnRow.session_id, TurnRow.idx, TurnRow.action, TurnRow.grade)
                    .where(TurnRow.session_id.in_(chunk), TurnRow.grade.is_not(None))
                    .order_by(TurnRow.session_id, TurnRow.idx)
                ).all()
                for session_id, idx, action, grade in rows:
                    if action not in GRADED_ACTIONS or not grade:
                        continue
                    turns[session_id].append(
                        Turn(
                            index=idx,
                            customer="",
                            action=action,
                            grade=Grade.model_validate(grade),
                            mood=_NO_MOOD,
                        )
                    )
        return [
            SessionRecord(
                id=i.id,
                trainee=i.trainee,
                persona=i.persona,
                scenario=i.scenario,
                seed=i.seed,
                mode="exam" if i.mode == "exam" else "coach",
                outcome=i.outcome,  # type: ignore[arg-type]
                started_at=format_time(i.started_at),
                ended_at=format_time(i.ended_at),
                turns=turns[i.id],
            )
            for i in infos
        ]

    def milestones(
        self, trainee: str | None = None, programme: str | None = None
    ) -> list[KeptMilestone]:
        """Kept milestones, oldest first."""
        with self.store._tx(read=True) as db:
            query = (
                select(MilestoneRow, TraineeRow.name)
                .join(TraineeRow, MilestoneRow.trainee_id == TraineeRow.id)
                .order_by(MilestoneRow.at, MilestoneRow.id)
            )
            if trainee is not None:
                query = query.where(TraineeRow.name == trainee)
            if programme is not None:
                query = query.where(MilestoneRow.programme == programme)
            out = []
            for row, name in db.execute(query).all():
                kind: MilestoneKind = row.kind  # type: ignore[assignment]
                out.append(
                    KeptMilestone(
                        name,
                        row.programme,
                        Milestone(row.module, kind, row.at, row.session_id),
                    )
                )
            return out

    def keep(self, trainee: str, programme: str, found: Sequence[Milestone]) -> int:
        """Store the milestones not kept yet; returns how many were new.

        A module is started and passed once: a later 'first' (after calls were deleted, say)
        does not replace the one kept. Refreshers are kept once per day.
        """
        if not found:
            return 0
        kept = {
            (k.milestone.module, k.milestone.kind, k.milestone.at)
            for k in self.milestones(trainee, programme)
        }
        once = {(m, k) for m, k, _ in kept if k in {"started", "passed"}}
        refreshed = {(m, at.date()) for m, k, at in kept if k == "refreshed"}
        new = []
        for item in found:
            if (item.module, item.kind, item.at) in kept:
                continue
            if item.kind in {"started", "passed"} and (item.module, item.kind) in once:
                continue
            if item.kind == "refreshed" and (item.module, item.at.date()) in refreshed:
                continue
            new.append(item)
        if not new:
            return 0
        now = utcnow()
        try:
            with self.store._tx() as db:
                tid = self.store._trainee_id(db, trainee)
                for item in new:
                    db.add(
                        MilestoneRow(
                            trainee_id=tid,
                            programme=programme,
                            module=item.module,
                            kind=item.kind,
                            at=item.at,
                            session_id=item.session_id,
                            recorded_at=now,
                        )
                    )
        except UserError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                return 0  # another process kept the same milestones a moment ago
            raise
        return len(new)
