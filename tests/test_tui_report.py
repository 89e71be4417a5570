"""The report screen's content, and the report data it is built from."""

from __future__ import annotations

from pathlib import Path

from test_tui_call import end_call, make_app, say, settle, start_call
from textual.widgets import Sparkline, Static
from tui_support import GOOD, RUDE

from trainer.models import SessionRecord
from trainer.reports import session_report
from trainer.tui.screens.home import HomeScreen
from trainer.tui.screens.report import (
    ReportScreen,
    anger_curve,
    graded_replies,
    practise_text,
    steps_text,
    summary_text,
)


def text_of(screen: ReportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_report_shows_steps_flags_anger_holds_and_practice(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        await say(pilot, RUDE)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("enter", "enter", "enter")  # no words, reason prefilled, 60 s
        await settle(pilot)
        await say(pilot, "Thanks for waiting. " + GOOD)
        report = await end_call(pilot)
        summary = text_of(report, "#report-summary")
        assert "Outcome: abandoned" in summary
        assert "Tess Tester · Charged twice for one month · coach mode" in summary
        assert "Saved: " in summary and ".json" in summary
        assert "Full report:" not in summary  # JSON files cannot be rendered by `report`
        steps = text_of(report, "#report-steps")
        assert "Remember the person" in steps and "50%" in steps
        assert '✘ "Calm down, idiot.' in steps
        assert "✔ \"Thanks for waiting. I'm so sorry" in steps
        craft = text_of(report, "#report-craft")
        assert "- told them to calm down or was dismissive ×1" in craft
        assert "✘ Asked permission before the hold" in craft
        assert "✔ Gave a reason" in craft
        assert "✔ Thanked them on return" in craft
        assert "hold 2" not in craft  # the return from hold is not a second hold
        flags_part = craft.split("Hold etiquette")[0]
        assert "for the hold" not in flags_part  # hold flags are listed once, under holds
        practise = text_of(report, "#report-practise")
        assert practise.count("\n") >= 3
        assert " 1. " in practise and " 3. " in practise
        anger = report.query_one("#report-anger", Sparkline)
        # start, then reply, hold, back and end
        assert anger.data is not None and len(list(anger.data)) == 5
        assert text_of(report, "#report-anger-values").strip().startswith("7.0 →")
        await pilot.press("pagedown", "end", "home")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


def test_report_texts_with_no_replies(tmp_path: Path) -> None:
    from tui_support import make_library

    from trainer.tui.contract import CallSpec

    lib = make_library()
    spec = CallSpec(lib.persona("tess-test"), lib.scenario("double-billed"))
    record = SessionRecord(persona="p", scenario="s", seed=1, outcome="abandoned", opening="Hi")
    data = session_report(record)
    assert graded_replies(data) == 0
    assert all(row.rate is None for row in data.steps)
    assert anger_curve(data, 6.0) == [6.0]
    summary = str(summary_text(data, record, spec, "somewhere"))
    assert 'Last words: "Hi"' in summary and "0 graded replies" in summary
    assert "Remember the person" in str(steps_text(data)) and "—" in str(steps_text(data))
    assert "Send at least one reply" in str(practise_text(data))


async def test_report_from_the_store_shows_the_full_report_command(tmp_path: Path) -> None:
    app = make_app(tmp_path, use_store=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        await say(pilot, GOOD)
        report = await end_call(pilot)
        ident = report.record.id
        assert ident
        summary = text_of(report, "#report-summary")
        assert f"Saved: call {ident} in " in summary and "deescalate.db" in summary
        assert f"Full report: deescalate report {ident} --format html -o report.html" in summary
        # the same data the `report` command renders: one graded reply, every step rated
        assert report.data.id == ident and graded_replies(report.data) == 1
