"""The coach panel: the four steps' verdicts on the last reply, flags and a rewrite."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from trainer.models import FLAGS, STEP_TITLES, STEPS, Grade
from trainer.models.grade import POSITIVE_FLAGS
from trainer.tui.safe import clean

# The reports' wording (trainer.reports.data), repeated so the call screen need not import the
# store behind the reports; tests keep the two the same.
LANGUAGE_FLAG = "language"
NOT_NEEDED = "not needed here"
TURN_ENGLISH_ONLY = "Only English replies are graded: this reply was not judged on the four steps."


def headline(grade: Grade) -> str:
    """How many of the steps this reply needed it passed."""
    due = [grade.step(s) for s in STEPS if grade.step(s).due]
    passed = sum(v.passed for v in due)
    if len(due) == len(STEPS):
        return f"Last reply: {passed}/{len(STEPS)} steps"
    return f"Last reply: {passed}/{len(due)} steps needed here"


def grade_text(grade: Grade | None, *, show_suggested: bool, hint: str = "") -> Text:
    """The coach panel's content for one grade."""
    out = Text()
    if grade is None:
        out.append("Coach\n", style="bold")
        out.append("Send your first reply to see how it does on the four steps.\n")
    elif LANGUAGE_FLAG in grade.flags:
        out.append("Last reply: not graded\n", style="bold")
        out.append(TURN_ENGLISH_ONLY + "\n", style="yellow")
    else:
        out.append(headline(grade) + "\n", style="bold")
        for step in STEPS:
            verdict = grade.step(step)
            if verdict.verdict == "not_due":
                # Quiet on purpose: a step the call did not need is not a miss.
                out.append(f"· {STEP_TITLES[step]}  {NOT_NEEDED}\n", style="dim")
                continue
            mark, style = ("✔", "green") if verdict.passed else ("✘", "red")
            out.append(f"{mark} ", style=f"bold {style}")
            out.append(STEP_TITLES[step], style="bold")
            out.append(f"  {verdict.score:.0%}\n", style="dim")
            for span in verdict.evidence[:2]:
                out.append(f'   "{clean(span, 120)}"\n', style="italic")
            if verdict.advice:
                out.append(f"   {clean(verdict.advice, 300)}\n")
        if grade.flags:
            out.append("Flags: ", style="bold")
            for i, flag in enumerate(grade.flags):
                if i:
                    out.append(", ")
                style = "green" if flag in POSITIVE_FLAGS else "red"
                out.append(FLAGS.get(flag, flag), style=style)
            out.append("\n")
        if show_suggested and grade.suggested:
            out.append("Try: ", style="bold")
            out.append(clean(grade.suggested, 600) + "\n", style="italic")
        elif grade.suggested:
            out.append("F7 shows a suggested rewrite.\n", style="dim")
    if hint:
        out.append("Hint: ", style="bold")
        out.append(clean(hint, 600) + "\n")
    return out


class StepsPanel(Static):
    """Shows `grade` (coach mode) or a note that verdicts wait for the report (exam mode)."""

    grade: reactive[Grade | None] = reactive(None, layout=True)
    exam: reactive[bool] = reactive(False, layout=True)
    show_suggested: reactive[bool] = reactive(False, layout=True)
    hint: reactive[str] = reactive("", layout=True)
    graded_replies: reactive[int] = reactive(0, layout=True)

    def render(self) -> Text:
        if self.exam:
            out = Text()
            out.append("Exam mode\n", style="bold")
            out.append("No verdicts during the call: the four-step results are in the report.\n")
            out.append(f"Replies so far: {self.graded_replies}\n", style="dim")
            return out
        return grade_text(self.grade, show_suggested=self.show_suggested, hint=self.hint)
