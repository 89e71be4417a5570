"""Pilot tests of "Today's practice" on the home screen, for the signed-in trainee."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from programme_support import at, bundled_library, call
from rich.text import Text
from test_tui_call import end_call, say, settle
from textual.widgets import Button, Input, OptionList, Static
from tui_support import GOOD, KeywordGrader

from trainer.programme.loader import load_programmes
from trainer.programme.schedule import timetable
from trainer.programme.service import assignment_plan
from trainer.programme.store import ProgrammeStore
from trainer.store import Store
from trainer.tui.app import DeescalateApp
from trainer.tui.screens.call import CallScreen
from trainer.tui.screens.home import HomeScreen
from trainer.tui.widgets.practice import TodaysPractice

START = date(2027, 1, 4)


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A store where Ana passed rapport and Bo has calls but no programme."""
    url = f"sqlite:///{tmp_path / 'tui.db'}"
    rapport = load_programmes(bundled_library(), use_env=False).get("new-hire").module("rapport")
    with Store.open(url) as store:
        ProgrammeStore(store).assign("Ana [b]Ortiz[/b]", "new-hire", START)
        for n, drill in enumerate([*rapport.drills, *rapport.drills]):
            mode = "coach" if n < 3 else "exam"
            store.save(call("Ana [b]Ortiz[/b]", drill.scenario, drill.persona or "",
                            at(START, 9, 10 * n), mode=mode))  # fmt: skip
        store.save(call("Bo", "double-billed", "billing-leaver", at(START)))
    return url


def anger_day() -> date:
    programme = load_programmes(bundled_library(), use_env=False).get("new-hire")
    return next(s.day for s in timetable(programme, START) if s.module and s.module.id == "anger")


def make_app(home: Path, url: str, trainee: str) -> DeescalateApp:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"trainee": trainee}), encoding="utf-8")
    grader = KeywordGrader()
    return DeescalateApp(
        library=bundled_library(),
        grader_factory=lambda: grader,
        home=home,
        typing_delay=0.0,
        use_store=True,
        db_url=url,
    )


def panel_text(app: DeescalateApp) -> str:
    panel = app.screen.query_one(TodaysPractice)
    return str(panel.query_one("#practice-text", Static).render())


async def test_todays_practice_comes_first_and_starts_the_planned_drill(
    tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = anger_day()
    monkeypatch.setattr("trainer.tui.widgets.practice.clock", lambda: day)
    with Store.open(url) as store:
        programmes = load_programmes(bundled_library(), use_env=False)
        (ana,) = ProgrammeStore(store).assignments("Ana [b]Ortiz[/b]")
        expected = assignment_plan(store, programmes, ana, day, bundled_library()).drill
    assert expected is not None and expected.module is not None

    app = make_app(tmp_path / "home", url, "Ana [b]Ortiz[/b]")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        panel = home.query_one(TodaysPractice)
        assert panel.display
        # first on the screen: above the scenario and caller lists
        assert panel.region.y < home.query_one("#scenarios", OptionList).region.y
        # the name is shown as typed, never taken for markup
        title = Text.from_markup(str(panel.border_title)).plain
        assert title == "Today's practice · Ana [b]Ortiz[/b] · New-hire de-escalation programme"
        text = panel_text(app)
        assert "Today: training day 10 of 16: Anger management (day 1 of 3)" in text
        assert "Overdue: Managing customer expectations, Conflict resolution" in text
        assert expected.module.id == "anger"  # today's module before the ones left behind
        assert "Next drill: Debit card blocked at the bar with Liam Farrelly · coach mode" in text
        assert "Before you start Anger management: The anger is at the company" in text
        assert "Readiness: 1 passed, 5 not started" in text
        # the drill button has the focus: one key starts today's drill
        assert isinstance(app.focused, Button) and app.focused.id == "practice-start"
        assert str(app.focused.label) == "Today's drill (coach) ▶"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CallScreen)
        assert (screen.spec.scenario.id, screen.spec.persona.id, screen.spec.mode) == (
            expected.scenario,
            expected.persona,
            expected.mode,
        )
        assert screen.spec.trainee == "Ana [b]Ortiz[/b]"
        # the finished call counts at once: back home the panel has moved on
        await say(pilot, GOOD)
        await end_call(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "1 practising" in panel_text(app)


async def test_a_trainee_without_a_programme_sees_the_usual_home_screen(
    tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.tui.widgets.practice.clock", anger_day)
    app = make_app(tmp_path / "home", url, "Bo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(TodaysPractice).display
        assert isinstance(app.focused, OptionList) and app.focused.id == "scenarios"


async def test_before_the_start_the_panel_says_when_and_what_comes_first(
    tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(url) as store:
        ProgrammeStore(store).assign("Cai", "new-hire", START)
    monkeypatch.setattr("trainer.tui.widgets.practice.clock", lambda: START - timedelta(days=4))
    app = make_app(tmp_path / "home", url, "Cai")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = panel_text(app)
        assert "Today: no training day; next Mon 04 Jan" in text
        assert "Before you start Building rapport: Before anything else" in text
        assert "Readiness: 6 not started · 0.0 h of 24 h this year" in text


async def test_typing_another_name_shows_that_trainees_practice(
    tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trainer.tui.widgets.practice.clock", anger_day)
    app = make_app(tmp_path / "home", url, "Bo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(TodaysPractice)
        assert not panel.display
        name = app.screen.query_one("#trainee", Input)
        name.focus()
        name.value = ""
        await pilot.press(*"Ana [b]Ortiz[/b]")
        await pilot.pause(0.6)
        await settle(pilot)
        assert panel.display and "Anger management" in panel_text(app)
        await pilot.press(*["backspace"] * 16, *"Zed")
        await pilot.pause(0.6)
        await settle(pilot)
        assert not panel.display
