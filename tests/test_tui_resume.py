"""Resuming a call left unfinished (crash, closed terminal, quit mid-call) from the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_call import make_app, say, settle, start_call
from textual.widgets import Static
from tui_support import GOOD, RUDE, KeywordGrader, make_library

from trainer.session import Session
from trainer.store import Store
from trainer.tui.screens.call import CallScreen
from trainer.tui.screens.dialogs import ConfirmScreen, ResumeScreen
from trainer.tui.screens.home import HomeScreen
from trainer.tui.screens.report import ReportScreen
from trainer.tui.userdata import Settings
from trainer.tui.widgets.transcript import Line


def unfinished_call(trainee: str, replies: list[str]) -> str:
    """Play a few replies into the (isolated) default store and stop without ending."""
    lib = make_library()
    with Store.open() as store:
        session = Session(
            lib.persona("tess-test"),
            lib.scenario("double-billed"),
            grader=KeywordGrader(),
            seed=7,
            trainee=trainee,
            listeners=[store.recorder()],
        )
        for reply in replies:
            session.reply(reply)
        assert not session.ended
        return session.record.id


def transcript_lines(screen: CallScreen) -> list[str]:
    return [str(line.render()) for line in screen.query(Line)]


async def test_resume_shows_the_old_turns_and_keeps_recording(tmp_path: Path) -> None:
    Settings(trainee="Ana").save(tmp_path)
    ident = unfinished_call("Ana", [RUDE, GOOD])
    app = make_app(tmp_path, use_store=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        offer = app.screen
        assert isinstance(offer, ResumeScreen)
        text = str(offer.query_one(".dialog-text", Static).render())
        assert "Tess Tester · Charged twice for one month" in text and "2 turns" in text
        await pilot.press("r")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        assert call.session.record.id == ident and len(call.session.record.turns) == 2
        lines = transcript_lines(call)
        assert lines[0].startswith("Ms Tester: You've taken my money twice.")
        assert any(line.startswith("You: Calm down, idiot.") for line in lines)
        assert any(line.startswith("You: I'm so sorry, that's so frustrating.") for line in lines)
        assert "Resumed from the last finished turn (2 turns)." in lines[-1]
        await say(pilot, GOOD)
        await pilot.press("f10", "y")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert app.screen.record.id == ident
    with Store.open() as store:
        record = store.load(ident)
        assert [t.reply for t in record.turns[:3]] == [RUDE, GOOD, GOOD]
        assert record.outcome == "abandoned"
        assert store.unfinished("Ana") == []


async def test_later_keeps_it_on_f8_and_discard_sets_it_aside(tmp_path: Path) -> None:
    Settings(trainee="Bo").save(tmp_path)
    ident = unfinished_call("Bo", [GOOD])
    app = make_app(tmp_path, use_store=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("l")
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and home.resumable
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is home and not home.resumable
        await pilot.press("f8")  # nothing to resume any more
        await settle(pilot)
        assert app.screen is home
        await app.workers.wait_for_complete()
    with Store.open() as store:  # discarding sticks: it is not offered next launch
        assert store.unfinished("Bo") == []
        record = store.load(ident)
        assert record.outcome == "abandoned" and [t.reply for t in record.turns] == [GOOD]


async def test_no_offer_for_another_trainee_or_an_empty_call(tmp_path: Path) -> None:
    Settings(trainee="Cy").save(tmp_path)
    unfinished_call("Dee", [GOOD])
    unfinished_call("Cy", [])
    app = make_app(tmp_path, use_store=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not app.screen.resumable


async def test_quit_mid_call_keeps_it_to_resume_next_time(tmp_path: Path) -> None:
    app = make_app(tmp_path, use_store=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        await say(pilot, GOOD)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause(0.1)
    assert app.kept_unfinished
    with Store.open() as store:
        (info,) = store.unfinished("")
        assert info.turns == 1
    again = make_app(tmp_path, use_store=True)
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ResumeScreen)
        await pilot.press("r")
        await settle(pilot)
        call = again.screen
        assert isinstance(call, CallScreen) and call.session.record.id == info.id
        assert any(line.startswith("You: I'm so sorry") for line in transcript_lines(call))


async def test_a_closed_terminal_ends_the_app_and_keeps_the_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(tmp_path, use_store=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await start_call(pilot)
        await say(pilot, GOOD)
        monkeypatch.setattr("trainer.tui.app.os.isatty", lambda fd: True)
        app._watch_terminal()  # the terminal is still there: nothing happens
        await pilot.pause(0.1)
        assert isinstance(app.screen, CallScreen) and not app.kept_unfinished
        monkeypatch.setattr("trainer.tui.app.os.isatty", lambda fd: False)
        app._watch_terminal()
        await pilot.pause(0.1)
    assert app.kept_unfinished
    with Store.open() as store:
        (info,) = store.unfinished("")
        assert info.turns == 1
