"""Today's practice: the signed-in trainee's programme for today, first thing on the home screen.

The app works out the plan in a worker thread (`load_practice`, which queries the store) and
sets `TodaysPractice.practice`; the widget only shows it, and asks for the drill with a
message when the trainee presses its button. Hidden for anyone not on a programme.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Static

from trainer.errors import UserError
from trainer.models.grade import STEP_TITLES
from trainer.tui.safe import one_line

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from trainer.library import Library
    from trainer.programme.plan import DrillChoice, Plan
    from trainer.store import Store


@dataclass(frozen=True)
class Practice:
    """What the widget shows: a plan, with names to show for the drill's ids."""

    plan: Plan
    scenario_title: str
    persona_name: str


class PracticeLoaded(Message):
    """The plan for a trainee (None: not on a programme, or no store yet)."""

    def __init__(self, trainee: str, practice: Practice | None) -> None:
        super().__init__()
        self.trainee = trainee
        self.practice = practice


def clock() -> date:
    """Today, as the practice room sees it (tests replace this to move through a schedule)."""
    return date.today()


def load_practice(
    store: Store | None,
    library: Library | None,
    library_dirs: Sequence[Path],
    trainee: str,
    today: date | None = None,
) -> Practice | None:
    """Today's plan for `trainee` (call from a worker thread: it reads the store).

    None when there is no store or library yet, no trainee name, no assignment, or the
    assigned programme does not load (the CLI's `plan` and `check` say why).
    """
    if store is None or library is None or not trainee:
        return None
    from trainer.programme.loader import load_programmes
    from trainer.programme.service import assignment_plan
    from trainer.programme.store import ProgrammeStore

    try:
        assignments = ProgrammeStore(store).assignments(trainee)
        if not assignments:
            return None
        programmes = load_programmes(library, library_dirs)
        usable = [a for a in assignments if a.programme in programmes.programmes]
        if not usable:
            return None
        # The programme assigned last is the one in hand.
        latest = max(usable, key=lambda a: a.assigned_at)
        plan = assignment_plan(store, programmes, latest, today or clock(), library)
    except UserError:
        return None
    drill = plan.drill
    if drill is None:
        return Practice(plan, "", "")
    scenario = library.scenarios.get(drill.scenario)
    persona = library.personas.get(drill.persona)
    return Practice(
        plan,
        scenario.item.title if scenario else drill.scenario,
        persona.item.name if persona else drill.persona,
    )


def practice_text(practice: Practice) -> Text:
    """The panel's words under its title (names shown literally, without control characters)."""
    from trainer.programme.plan import slot_words

    plan = practice.plan
    r = plan.readiness
    total = plan.programme.schedule.training_days
    out = Text()
    if plan.today:
        out.append("Today: ", style="bold")
        out.append(slot_words(plan.today[0], total) + "\n")
    elif plan.refresher_today:
        out.append("Today: ", style="bold")
        out.append("refresher session\n")
    else:
        out.append("Today: ", style="bold")
        out.append("no training day")
        if plan.week:
            out.append(f"; later this week {plan.week[0].day:%a %d %b}")
        elif plan.next_day is not None:
            out.append(f"; next {plan.next_day.day:%a %d %b}")
        out.append("\n")
    if plan.overdue:
        out.append("Overdue: ", style="bold red")
        out.append(", ".join(m.module.title for m in plan.overdue) + "\n")
    if plan.refresher_due:
        out.append("Refresher due: ", style="bold yellow")
        out.append(", ".join(m.module.title for m in plan.refresher_due) + "\n")
    drill = plan.drill
    if drill is not None:
        out.append("Next drill: ", style="bold")
        out.append(
            f"{one_line(practice.scenario_title, 60)} with {one_line(practice.persona_name, 30)}"
        )
        out.append(f" · {drill.mode} mode\n", style="italic")
        if drill.step is not None:
            out.append("Practise: ", style="bold")
            out.append(f"{STEP_TITLES[drill.step]} ({_why_step(plan, drill)})\n")
    focus = plan.focus
    if focus is not None and focus.calls == 0:
        out.append(f"Before you start {focus.module.title}: ", style="bold")
        out.append(one_line(focus.module.advice, 400) + "\n")
    out.append("Readiness: ", style="bold")
    out.append(
        f"{r.summary()} · {r.hours:.1f} h of {r.hours_target:g} h this year",
    )
    return out


def _why_step(plan: Plan, drill: DrillChoice) -> str:
    """Why this step, in a few words (the CLI's plan gives the full sentence)."""
    if drill.step_kind == "weakest" and drill.step is not None:
        score = plan.skills[drill.step].score if drill.step in plan.skills else None
        lately = f", {round(score * 100)}% lately" if score is not None else ""
        return f"your weakest step{lately}"
    if drill.step_kind == "review":
        return "mastered, back for review"
    return "this module's focus"


class TodaysPractice(VerticalScroll):
    """The panel; `practice` is set by the app, a press asks for the drill."""

    practice: reactive[Practice | None] = reactive(None, always_update=True)

    class StartRequested(Message):
        """The trainee wants to start today's drill."""

        def __init__(self, drill: DrillChoice) -> None:
            super().__init__()
            self.drill = drill

    def compose(self) -> ComposeResult:
        with Horizontal(id="practice-row"):
            yield Static(id="practice-text", markup=False)
            yield Button("Today's drill ▶", id="practice-start", variant="success")

    def __init__(self, *, claim_focus_from: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.claim_focus_from = claim_focus_from
        """Id of the widget that has focus when the screen opens: the drill button takes over
        from it (practice first), but never from a widget the trainee moved to."""

    def on_mount(self) -> None:
        self.watch_practice(self.practice)

    def watch_practice(self, practice: Practice | None) -> None:
        if not self.is_mounted:
            return
        self.display = practice is not None
        if practice is None:
            return
        r = practice.plan.readiness
        # A Text title: names are shown as typed, never parsed as markup.
        self.border_title = Text(
            f"Today's practice · {one_line(r.trainee, 40)} · {one_line(r.programme.title, 60)}"
        )
        self.query_one("#practice-text", Static).update(practice_text(practice))
        button = self.query_one("#practice-start", Button)
        drill = practice.plan.drill
        button.display = drill is not None
        if drill is None:
            return
        button.label = f"Today's drill ({drill.mode}) ▶"
        focused = self.screen.focused
        if focused is None or (self.claim_focus_from and focused.id == self.claim_focus_from):
            button.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "practice-start":
            return
        event.stop()
        self.start()

    def start(self) -> bool:
        """Ask for today's drill; False when there is none."""
        practice = self.practice
        if practice is None or practice.plan.drill is None:
            return False
        self.post_message(self.StartRequested(practice.plan.drill))
        return True
