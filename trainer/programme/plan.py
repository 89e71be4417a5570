"""What a trainee should practise: today, this week, what is overdue, and the next drill.

The next drill works on the module in hand (a refresher due, today's module, one overdue,
else the next one), practises the step the trainee's recent due-step failures say is
weakest (or a mastered step back for review), and climbs the module's ladder of drills:
the easiest drill not yet done well, in coach mode; once every drill has been done well,
exam-mode calls that count towards the pass mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from trainer.models.grade import STEP_TITLES, Step
from trainer.models.programme import Drill, Module, Programme
from trainer.programme.readiness import ModuleReadiness, Readiness
from trainer.programme.schedule import Slot, timetable, upcoming_refreshers
from trainer.programme.skills import StepChoice, StepSkill, choose_step, next_review

if TYPE_CHECKING:
    from trainer.library import Library

Mode = Literal["coach", "exam"]
NEED_OF_STEP: dict[Step, str] = {
    "person": "vent",
    "job": "compensation",
    "apology": "apology",
    "ask": "compensation",
}
"""The caller's need a step answers: a step is drilled best on a caller who needs it most."""
UPCOMING_REFRESHERS = 2


@dataclass(frozen=True)
class DrillChoice:
    """The next call to practise and why."""

    module: Module | None
    """The module it works on (None once every module is passed: free review)."""
    scenario: str
    persona: str
    mode: Mode
    step: Step | None
    """The step to practise on it (None when every step rests)."""
    why: str
    """Why this call, in one sentence."""
    rung: int = 0
    """1-based position of the drill in the module's ladder."""
    practise: str = ""
    """Why this step, in one sentence (empty when every step rests)."""
    step_kind: str = ""
    """`weakest`, `review` or `focus` (see `StepChoice.kind`), empty without a step."""

    @property
    def step_title(self) -> str:
        """The step's name, or an empty string."""
        return STEP_TITLES[self.step] if self.step else ""


@dataclass
class Plan:
    """One trainee's plan for one day."""

    readiness: Readiness
    today: list[Slot]
    """Training days falling today (zero or one)."""
    week: list[Slot]
    """Training days later this week (to Sunday)."""
    next_day: Slot | None
    """The first training day after this week, if any."""
    overdue: list[ModuleReadiness]
    """Modules whose days are over and that are not passed yet."""
    refresher_due: list[ModuleReadiness]
    """Passed modules waiting for their refresher."""
    refreshers_past: list[date]
    refreshers_next: list[date]
    drill: DrillChoice | None
    skills: dict[Step, StepSkill] = field(default_factory=dict)
    refresher_today: bool = False

    @property
    def programme(self) -> Programme:
        """The programme planned."""
        return self.readiness.programme

    @property
    def focus(self) -> ModuleReadiness | None:
        """The module in hand (the one the next drill works on)."""
        if self.drill is None or self.drill.module is None:
            return None
        return self.readiness.module(self.drill.module.id)

    @property
    def next_review(self) -> tuple[date, Step] | None:
        """When the first mastered step comes back, and which."""
        return next_review(self.skills)


def _need_share(library: Library | None, persona: str, step: Step) -> float:
    if library is None or persona not in library.personas:
        return 0.0
    needs = library.personas[persona].item.needs
    total = needs.vent + needs.apology + needs.compensation
    share: float = getattr(needs, NEED_OF_STEP[step]) / total if total > 0 else 0.0
    return share


def module_in_hand(readiness: Readiness, slots: Sequence[Slot]) -> ModuleReadiness | None:
    """A refresher due first, then today's module, the earliest one started and not passed,
    the next one not passed; None when all are passed."""
    today = readiness.today
    for m in readiness.modules:
        if m.status == "refresher_due":
            return m
    for slot in slots:
        if slot.day == today and slot.module is not None:
            state = readiness.module(slot.module.id)
            if state.status != "passed":
                return state
    for m in readiness.modules:
        if m.status != "passed" and m.first_day <= today:
            return m
    for m in readiness.modules:
        if m.status != "passed":
            return m
    return None


def choose_drill(
    readiness: Readiness,
    skills: dict[Step, StepSkill],
    slots: Sequence[Slot],
    library: Library | None = None,
) -> DrillChoice | None:
    """The next call for this trainee (None for a programme without drills, never in practice).

    Args:
        readiness: where they stand.
        skills: per-step skill from their recent calls (`step_skills`).
        slots: the programme's timetable for their start date.
        library: when given, a step outside the module's focus is drilled on the unlocked
            caller who needs that step most.
    """
    state = module_in_hand(readiness, slots)
    today = readiness.today
    if state is None:
        modules = readiness.programme.modules
        choice = choose_step(skills, [], today)
        drills = [d for m in modules for d in m.drills]
        pick = _best_for(drills, choice, library) if choice else drills[-1]
        why = "every module is passed: free practice in exam mode"
        owner = next(m for m in modules if pick in m.drills)
        return DrillChoice(
            None,
            pick.scenario,
            pick.persona or "",
            "exam",
            choice.step if choice else None,
            why,
            owner.drills.index(pick) + 1,
            choice.why if choice else "every step rests until its review",
            choice.kind if choice else "",
        )
    module = state.module
    choice = choose_step(skills, module.focus, today)
    refresher = state.status == "refresher_due"
    climbing = state.rung < len(module.drills) and not refresher
    if climbing:
        # The ladder picks the call; the step says what to work on during it.
        pick = module.drills[state.rung]
        mode: Mode = "coach"
        why = (
            f"{module.title}: drill {state.rung + 1} of {len(module.drills)}, "
            "coach mode until you have done each drill well"
        )
    else:
        # Exam calls go round the drills so the pass mark is met on more than one caller.
        pick = module.drills[state.exam_calls % len(module.drills)]
        mode = "exam"
        if refresher:
            when = state.refresher.isoformat() if state.refresher else "now"
            why = f"{module.title}: refresher due since {when}, an exam call re-tests it"
        else:
            mark = module.pass_mark
            why = (
                f"{module.title}: exam call towards the pass mark "
                f"({mark.calls} exam calls, focus steps at {round(mark.due_step_pass_rate * 100)}%)"
            )
    return DrillChoice(
        module,
        pick.scenario,
        pick.persona or "",
        mode,
        choice.step if choice else None,
        why,
        module.drills.index(pick) + 1,
        choice.why if choice else "",
        choice.kind if choice else "",
    )


def _best_for(drills: Sequence[Drill], choice: StepChoice | None, library: Library | None) -> Drill:
    """The drill whose caller needs the chosen step most; the easiest among equals."""
    if choice is None or library is None:
        return drills[0]
    ranked = sorted(
        enumerate(drills),
        key=lambda pair: (-_need_share(library, pair[1].persona or "", choice.step), pair[0]),
    )
    return ranked[0][1]


def make_plan(
    readiness: Readiness,
    skills: dict[Step, StepSkill],
    library: Library | None = None,
) -> Plan:
    """The plan for `readiness.today`: today, the rest of the week, overdue, refreshers, drill."""
    today = readiness.today
    programme = readiness.programme
    slots = timetable(programme, readiness.start)
    sunday = today + timedelta(days=6 - today.weekday())
    later = [s for s in slots if s.day > sunday]
    past = readiness.refreshers
    return Plan(
        readiness=readiness,
        today=[s for s in slots if s.day == today],
        week=[s for s in slots if today < s.day <= sunday],
        next_day=later[0] if later else None,
        overdue=[m for m in readiness.modules if m.overdue(today)],
        refresher_due=[m for m in readiness.modules if m.status == "refresher_due"],
        refreshers_past=past,
        refreshers_next=upcoming_refreshers(
            readiness.start, programme.schedule, today, UPCOMING_REFRESHERS
        ),
        drill=choose_drill(readiness, skills, slots, library),
        skills=skills,
        refresher_today=bool(past) and past[-1] == today,
    )


def slot_words(slot: Slot, total: int) -> str:
    """`training day 5 of 16: Managing customer expectations (day 2 of 3)`."""
    head = f"training day {slot.number} of {total}"
    if slot.module is None:
        return f"{head}: review, your weakest step"
    return f"{head}: {slot.module.title} (day {slot.module_day} of {slot.module.days})"
