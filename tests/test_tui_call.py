"""Pilot tests of the call screen: pressing keys as a trainee would."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from tui_support import GOOD, REFUND, RUDE, KeywordGrader, make_library

from trainer.tui.app import DeescalateApp
from trainer.tui.screens.call import CallScreen
from trainer.tui.screens.dialogs import ConfirmScreen, HoldScreen
from trainer.tui.screens.home import HomeScreen
from trainer.tui.screens.report import ReportScreen
from trainer.tui.widgets.mood import MoodPanel
from trainer.tui.widgets.reply_input import ReplyInput
from trainer.tui.widgets.status import StatusLine
from trainer.tui.widgets.steps import StepsPanel
from trainer.tui.widgets.transcript import Line

REFUND_AGAIN = (
    "I'm so sorry, no wonder you're fed up. I'll refund the payment right now, would that help?"
)


def make_app(home: Path, grader: KeywordGrader | None = None, **kwargs: object) -> DeescalateApp:
    """The app on the test library with the keyword grader; no store unless `use_store=True`."""
    keyword = grader or KeywordGrader()
    kwargs.setdefault("use_store", False)
    return DeescalateApp(
        library=make_library(),
        grader_factory=lambda: keyword,
        home=home,
        typing_delay=0.0,
        **kwargs,  # type: ignore[arg-type]
    )


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let workers, timers and messages run until the screen is quiet."""
    app = pilot.app
    for _ in range(40):
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)
        screen = app.screen
        busy = isinstance(screen, CallScreen) and screen.busy
        if not busy and app.grader_state != "loading":
            break
    await pilot.pause(0.05)


async def start_call(pilot, mode_exam: bool = False) -> CallScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)
    if mode_exam:
        await pilot.press("f9")
    await pilot.press("f5")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CallScreen)
    return screen


async def say(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    reply = pilot.app.screen.query_one(ReplyInput)
    reply.focus()
    reply.insert(text)  # as if pasted; key-by-key typing is covered by the Ctrl+J test
    await pilot.press("enter")
    await settle(pilot)


async def end_call(pilot) -> ReportScreen:  # type: ignore[no-untyped-def]
    """End the call with F10, confirm, and return the report screen it opens."""
    await pilot.press("f10", "y")
    await settle(pilot)
    report = pilot.app.screen
    assert isinstance(report, ReportScreen)
    return report


def transcript_lines(screen: CallScreen) -> list[str]:
    return [str(line.render()) for line in screen.query(Line)]


def steps_text(screen: CallScreen) -> str:
    return str(screen.query_one(StepsPanel).render())


async def test_reply_updates_the_four_step_panel(tmp_path: Path) -> None:
    grader = KeywordGrader()
    app = make_app(tmp_path, grader)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        assert "first reply" in steps_text(screen)
        await say(pilot, RUDE)
        text = steps_text(screen)
        assert "0/4 steps" in text
        assert "✘ Remember the person" in text
        assert "told them to calm down" in text
        lines = transcript_lines(screen)
        assert any(line.startswith("You: Calm down") for line in lines)
        assert any("Don't tell me to calm down" in line for line in lines)
        assert screen.query_one(MoodPanel).anger > 7
        await say(pilot, GOOD)
        assert "4/4 steps" in steps_text(screen)
        assert grader.calls == 2
        # the suggested rewrite appears on demand
        assert "Try:" not in steps_text(screen)
        await pilot.press("f7")
        assert "Try: I'm so sorry" in steps_text(screen)


async def test_enter_sends_and_ctrl_j_makes_a_new_line(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        reply = screen.query_one(ReplyInput)
        reply.focus()
        await pilot.press("h", "i", "ctrl+j", "t", "h", "e", "r", "e")
        assert reply.text == "hi\nthere"
        await pilot.press("enter")
        await settle(pilot)
        assert reply.text == ""
        assert any("You: hi\nthere" in line for line in transcript_lines(screen))


async def test_empty_reply_is_not_sent(tmp_path: Path) -> None:
    grader = KeywordGrader()
    app = make_app(tmp_path, grader)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        screen.query_one(ReplyInput).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert grader.calls == 0
        assert len(screen.session.record.turns) == 0


async def test_resolved_call_reaches_the_report(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        # The caller says what they want first, then takes a refund offered in new words.
        for text in (REFUND, REFUND_AGAIN):
            if not isinstance(app.screen, CallScreen):
                break
            await say(pilot, text)
        await settle(pilot)
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.record.outcome == "resolved"
        summary = str(report.query_one("#report-summary", Static).render())
        assert "Outcome: resolved" in summary
        saved = list((tmp_path / "reports").glob("*.json"))
        assert len(saved) == 1
        assert saved[0].name in summary


async def test_rude_call_hangs_up(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        for _ in range(10):
            if not isinstance(app.screen, CallScreen):
                break
            await say(pilot, RUDE)
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.record.outcome in {"hung_up", "churned"}


async def test_hold_then_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, HoldScreen)
        await pilot.press(*"May I put you on hold for a minute?".replace(" ", "|"))
        await pilot.press("enter", "enter")  # to reason (prefilled), to estimate
        await pilot.press("backspace", "backspace", "9", "0", "enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.session.on_hold
        hold = screen.session.record.turns[-1].hold
        assert hold is not None and hold.estimate == "90"
        assert "ON HOLD" in str(screen.query_one(StatusLine).render())
        await say(pilot, "Thanks for waiting, Ms Tester.")
        assert not screen.session.on_hold
        back = screen.session.record.turns[-1]
        assert back.action == "back" and back.reply == "Thanks for waiting, Ms Tester."
        assert any("What you found" in line for line in transcript_lines(screen)) is False
        assert "ON HOLD" not in str(screen.query_one(StatusLine).render())


async def test_hold_cancel_and_back_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and not screen.session.on_hold
        await pilot.press("f3")
        await settle(pilot)
        screen_hold = app.screen
        assert isinstance(screen_hold, HoldScreen)
        await pilot.click("#hold")
        await settle(pilot)
        assert screen.session.on_hold
        await pilot.press("f4")
        await settle(pilot)
        assert not screen.session.on_hold
        assert screen.session.record.turns[-1].action == "back"


async def test_transfer_escalates(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.record.outcome == "escalated"
        summary = str(app.screen.query_one("#report-summary", Static).render())
        assert "Note: transferred a call the trainee could have resolved" in summary


async def test_end_call_abandons(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await say(pilot, GOOD)
        await pilot.press("f10")
        await settle(pilot)
        await pilot.press("n")  # changed my mind
        await settle(pilot)
        assert app.screen is screen
        await end_call(pilot)
        assert app.screen.record.outcome == "abandoned"


async def test_rewind_and_hint(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await pilot.press("f6")  # nothing to rewind yet
        await settle(pilot)
        assert len(screen.session.record.turns) == 0
        await say(pilot, RUDE)
        await pilot.press("f5")
        await settle(pilot)
        assert "Hint:" in steps_text(screen)
        assert 'Try: "' in steps_text(screen)
        await pilot.press("f6")
        await settle(pilot)
        assert screen.session.record.turns == []
        lines = transcript_lines(screen)
        assert not any("Calm down" in line for line in lines)
        assert screen.query_one(MoodPanel).anger == pytest.approx(7.0)
        await say(pilot, GOOD)
        turn = screen.session.record.turns[0]
        assert turn.attempts and turn.attempts[0].reply == RUDE


async def test_brief_and_help_open_and_close(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await pilot.press("f2")
        await settle(pilot)
        body = app.screen.query_one(".dialog-scroll Static", Static)
        assert "Direct debit taken twice" in str(body.render())
        await pilot.press("escape")
        await pilot.press("f1")
        await settle(pilot)
        assert "transfer to a manager" in str(
            app.screen.query_one(".dialog-scroll Static").render()
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_exam_mode_hides_verdicts_until_the_report(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot, mode_exam=True)
        assert screen.spec.mode == "exam"
        await say(pilot, RUDE)
        text = steps_text(screen)
        assert "Exam mode" in text
        assert "✘" not in text and "✔" not in text and "calm down" not in text.lower()
        await pilot.press("f5", "f6", "f7")  # coach-only keys do nothing
        await settle(pilot)
        assert "Hint" not in steps_text(screen)
        assert len(screen.session.record.turns) == 1
        report = await end_call(pilot)
        steps = str(report.query_one("#report-steps", Static).render())
        assert "✘" in steps and "Calm down" in steps


async def test_reply_before_grader_ready_waits_visibly(tmp_path: Path) -> None:
    import threading

    gate = threading.Event()
    keyword = KeywordGrader()

    def slow_factory() -> KeywordGrader:
        gate.wait(10)
        return keyword

    app = DeescalateApp(
        library=make_library(),
        grader_factory=slow_factory,
        home=tmp_path,
        typing_delay=0.0,
        use_store=False,
    )
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause(0.05)
        assert app.grader_state == "loading"
        await pilot.press("f5")
        await pilot.pause(0.05)
        screen = app.screen
        assert isinstance(screen, CallScreen)
        status = str(screen.query_one(StatusLine).render())
        assert "loading grader" in status
        screen.query_one(ReplyInput).focus()
        await pilot.press("h", "i", "enter")
        await pilot.pause(0.05)
        assert screen.busy
        assert "Waiting for the grader" in str(screen.query_one(StatusLine).render())
        # input stays usable while waiting
        await pilot.press("o", "k")
        assert screen.query_one(ReplyInput).text == "ok"
        gate.set()
        await settle(pilot)
        assert app.grader_state == "ready"
        assert not screen.busy and keyword.calls == 1
        assert "loading grader" not in str(screen.query_one(StatusLine).render())


async def test_quit_mid_call_confirms_and_saves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await say(pilot, GOOD)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("y")
        await pilot.pause(0.1)
    saved = list((tmp_path / "reports").glob("*.json"))
    assert len(saved) == 1
    text = saved[0].read_text()
    assert GOOD.replace("'", "\\u0027") in text or GOOD in text
    assert '"outcome": "abandoned"' in text


async def test_theme_toggles(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is dark


async def test_call_fits_80x24(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await say(pilot, GOOD)
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.1)
        for selector in ("#transcript", "#reply", "#mood", "#coach-scroll", "#status"):
            region = screen.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector
            assert region.right <= 80 and region.bottom <= 24, selector
        assert screen.query_one("#reply").region.height >= 3
        await say(pilot, REFUND)


async def test_callback_offer_in_the_reply_box_resolves_a_calm_call(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_call(pilot)
        await say(pilot, GOOD)
        reply = screen.query_one(ReplyInput)
        reply.focus()
        offer = "Could I call you back this afternoon, on this number, once I've checked?"
        reply.insert(offer)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        record = app.screen.record
        assert record.turns[-1].action == "callback"
        assert record.turns[-1].reply == offer
        assert record.outcome == "resolved"
        assert any(n.startswith("call-back agreed") for n in record.summary.notes)
