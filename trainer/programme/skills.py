"""A skill score per step from recent calls, and spaced review of the steps mastered.

Only replies where a step was *due* count for it (`StepVerdict.verdict` is `pass` or `fail`,
not `not_due`): leaving out an apology where none was needed is not a failure to practise.
Recent evidence weighs more: a verdict from `HALF_LIFE_DAYS` ago counts half as much as one
from today.

A step passed at `MASTERY` or better in an exam-mode call is *mastered*: it rests, and comes
back for review after `INTERVALS[level]` days, each interval longer than the last, as long
as every review is passed again. An exam call that misses it sends it back to the start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trainer.models.grade import STEP_TITLES, STEPS, Step
from trainer.models.record import SessionRecord
from trainer.store.engine import parse_time
from trainer.store.stats import graded, step_rates

HALF_LIFE_DAYS = 10.0
"""Age in days at which a verdict counts half as much as today's."""
RECENT_CALLS = 20
"""How many of the latest calls the skill score reads."""
MASTERY = 0.8
"""Pass rate of a due step in one exam call that counts as mastering it."""
INTERVALS: tuple[int, ...] = (2, 4, 8, 16, 32, 64)
"""Days before a mastered step comes back, after the 1st, 2nd, ... mastery in a row."""


@dataclass
class StepSkill:
    """What the history says about one step."""

    step: Step
    score: float | None = None
    """Recency-weighted share of due replies that passed it (None: never due lately)."""
    due: int = 0
    """Replies in the recent calls where it was due."""
    failures: int = 0
    """Of those, how many failed it."""
    last_failure: datetime | None = None
    """When the latest call that failed it started."""
    level: int = 0
    """How many exam masteries in a row (0: not mastered)."""
    mastered_at: datetime | None = None
    """When the call that last mastered it started."""
    review_on: date | None = None
    """When a mastered step comes back for review."""

    @property
    def title(self) -> str:
        """The step's name in the method."""
        return STEP_TITLES[self.step]

    def resting(self, today: date) -> bool:
        """Mastered, not yet due for review, and not failed since."""
        if self.level == 0 or self.review_on is None or self.review_on <= today:
            return False
        return self.last_failure is None or (
            self.mastered_at is not None and self.last_failure <= self.mastered_at
        )

    def review_due(self, today: date) -> bool:
        """Mastered earlier and due for review today or before."""
        return self.level > 0 and self.review_on is not None and self.review_on <= today


def _when(record: SessionRecord) -> datetime | None:
    return parse_time(record.started_at)


def step_skills(
    records: Sequence[SessionRecord], today: date, *, recent: int = RECENT_CALLS
) -> dict[Step, StepSkill]:
    """Skill per step from the trainee's calls up to the end of `today` (any order given)."""
    dated = sorted(
        ((when, r) for r in records if (when := _when(r)) is not None and when.date() <= today),
        key=lambda pair: pair[0],
    )
    skills = {s: StepSkill(s) for s in STEPS}
    weighted = {s: [0.0, 0.0] for s in STEPS}  # passed weight, total weight
    for when, record in dated[-recent:]:
        age = max(0, (today - when.date()).days)
        weight = 0.5 ** (age / HALF_LIFE_DAYS)
        for _, grade in graded(record.turns):
            for step in STEPS:
                verdict = grade.step(step).verdict
                if verdict == "not_due":
                    continue
                skill = skills[step]
                skill.due += 1
                weighted[step][1] += weight
                if verdict == "pass":
                    weighted[step][0] += weight
                else:
                    skill.failures += 1
                    skill.last_failure = when
    for step, (passed, total) in weighted.items():
        skills[step].score = passed / total if total else None
    for when, record in dated:
        if record.mode == "exam":
            _review(skills, record, when)
    return skills


def _review(skills: dict[Step, StepSkill], record: SessionRecord, when: datetime) -> None:
    """Move each step's spaced-review level after one exam call."""
    rates = step_rates(record.turns)
    pairs = graded(record.turns)
    for step in STEPS:
        if not any(g.step(step).verdict != "not_due" for _, g in pairs):
            continue  # the call never needed it: says nothing either way
        rate = rates.get(step)
        skill = skills[step]
        if rate is not None and rate >= MASTERY:
            if skill.level == 0 or (skill.review_on is not None and when.date() >= skill.review_on):
                skill.level += 1
                skill.mastered_at = when
                gap = INTERVALS[min(skill.level, len(INTERVALS)) - 1]
                skill.review_on = when.date() + timedelta(days=gap)
        else:
            skill.level = 0
            skill.mastered_at = None
            skill.review_on = None


@dataclass(frozen=True)
class StepChoice:
    """The step the next drill practises, and why in words."""

    step: Step
    why: str
    kind: str
    """`weakest` (recent failures), `review` (spaced review) or `focus` (the module's)."""


def choose_step(
    skills: dict[Step, StepSkill], focus: Sequence[Step], today: date
) -> StepChoice | None:
    """The weakest step among recent failures; else a mastered step due for review; else the
    first focus step not yet mastered. None when every step rests."""
    failing = [s for s in skills.values() if s.failures and not s.resting(today)]
    if failing:
        worst = min(
            failing,
            key=lambda s: (s.score if s.score is not None else 0.0, STEPS.index(s.step)),
        )
        pct = round((worst.score or 0.0) * 100)
        why = (
            f"{worst.title}, your weakest step: missed in {worst.failures} of your last "
            f"{worst.due} replies where it was due (skill {pct}%)"
        )
        return StepChoice(worst.step, why, "weakest")
    due = [s for s in skills.values() if s.review_due(today)]
    if due:
        first = min(due, key=lambda s: (s.review_on or today, STEPS.index(s.step)))
        since = first.mastered_at.date().isoformat() if first.mastered_at else "earlier"
        why = f"{first.title}, mastered in exam mode on {since}, is back for review"
        return StepChoice(first.step, why, "review")
    for step in focus:
        if not skills[step].resting(today):
            return StepChoice(step, f"{STEP_TITLES[step]}, a focus of this module", "focus")
    return None


def next_review(skills: dict[Step, StepSkill]) -> tuple[date, Step] | None:
    """The earliest day a mastered step comes back for review, and the step."""
    due = [
        (s.review_on, STEPS.index(s.step), s.step)
        for s in skills.values()
        if s.level and s.review_on is not None
    ]
    if not due:
        return None
    when, _, step = min(due)
    return when, step
