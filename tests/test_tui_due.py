"""Pilot tests: the coach panel and the report screen show steps the call did not need quietly,
and say when a reply was not graded because it was not in English."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from test_tui_call import end_call, make_app, say, start_call, steps_text
from textual.widgets import Static
from tui_support import GOOD, KeywordGrader

from trainer.models import STEPS, Grade, GradeContext
from trainer.reports import data as report_data
from trainer.tui.screens.report import ReportScreen
from trainer.tui.widgets import steps as panel
from trainer.tui.widgets.steps import grade_text

HEARD = "No wonder you're fed up with the bill. What can I do about it?"
"""Names the feeling and asks, but no apology: the first reply already apologised."""
SPANISH = "Lo siento mucho, señora. ¿Qué puedo hacer por usted?"


class EnglishOnlyGrader(KeywordGrader):
    """The keyword grader, plus the real grader's answer to a reply not in English."""

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade:
        grade = super().grade(reply, context)
        if reply != SPANISH:
            return grade
        for step in STEPS:
            grade.step(step).due = False
        grade.flags = ["language"]
        return grade


def line_style(text: Text, needle: str) -> str:
    """The style of the span that starts the line containing `needle`."""
    start = text.plain.index(needle)
    styles = [str(span.style) for span in text.spans if span.start <= start < span.end]
    return " ".join(styles)


async def test_coach_panel_shows_a_step_the_call_did_not_need_quietly(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await say(pilot, GOOD)
        assert "4/4 steps" in steps_text(screen)
        await say(pilot, HEARD)
        text = steps_text(screen)
        assert "Last reply: 2/2 steps needed here" in text  # person was done anyway
        assert "· Apologise sincerely  not needed here" in text
        assert "✘ Apologise" not in text
        assert "Say 'I'm sorry'" not in text  # no advice for a step that was not needed
        assert "✔ Remember the person" in text

        report = await end_call(pilot)
        shown = str(report.query_one("#report-steps", Static).render())
        assert "not needed on turn 2 (not counted)" in shown
        assert "Apologise sincerely" in shown and "100%" in shown
        practise = str(report.query_one("#report-practise", Static).render())
        assert "Apologise sincerely" not in practise


def test_the_not_needed_line_is_dimmed() -> None:
    grade = KeywordGrader().grade(HEARD)
    grade.apology.due = False
    text = grade_text(grade, show_suggested=False)
    assert "dim" in line_style(text, "· Apologise sincerely")
    assert "red" not in line_style(text, "· Apologise sincerely")


async def test_a_reply_not_in_english_is_not_graded_and_the_report_says_so(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, EnglishOnlyGrader())
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await say(pilot, SPANISH)
        text = steps_text(screen)
        assert "Last reply: not graded" in text
        assert "Only English replies are graded" in text
        assert "✘" not in text
        report = await end_call(pilot)
        assert isinstance(report, ReportScreen)
        summary = str(report.query_one("#report-summary", Static).render())
        assert "Only English replies are graded: the reply on turn 1" in summary


def test_the_panel_words_match_the_reports() -> None:
    from trainer.grading.due import LANGUAGE_FLAG

    assert panel.LANGUAGE_FLAG == report_data.LANGUAGE_FLAG == LANGUAGE_FLAG
    assert panel.NOT_NEEDED == report_data.NOT_NEEDED
    assert panel.TURN_ENGLISH_ONLY == report_data.TURN_ENGLISH_ONLY
