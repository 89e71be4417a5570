"""Pilot tests of the home screen: choosing, searching, remembering, starting."""

from __future__ import annotations

import json
from pathlib import Path

from test_tui_call import end_call, make_app, say, settle, start_call
from textual.widgets import Button, Input, OptionList, Static
from tui_support import GOOD, RUDE, KeywordGrader, make_library

from trainer.tui.app import DeescalateApp
from trainer.tui.screens.call import CallScreen
from trainer.tui.screens.home import HomeScreen


async def test_start_a_call_with_the_keyboard(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        # the default scenario is picked, with its default caller, and previewed
        assert home.scenario_id == "double-billed" and home.persona_id == "tess-test"
        preview = str(home.query_one("#preview-text", Static).render())
        assert "Direct debit taken twice" in preview and "Tess Tester" in preview
        # scenario list has focus: move to the harder one, Enter moves on to the callers
        await pilot.press("down", "enter")
        assert home.scenario_id == "lost-parcel"
        assert isinstance(app.focused, OptionList) and app.focused.id == "personas"
        await pilot.press("enter")  # keep the scenario's caller; focus goes to Start
        assert isinstance(app.focused, Button) and app.focused.id == "start"
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.focused, Input) and app.focused.id == "trainee"
        await pilot.press("A", "n", "a", "enter")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        assert call.spec.scenario.id == "lost-parcel"
        assert call.spec.persona.id == "tess-test"
        assert call.spec.trainee == "Ana" and call.spec.mode == "coach"
    settings = json.loads((tmp_path / "settings.json").read_text())
    assert settings["trainee"] == "Ana"


async def test_search_filters_both_lists(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        await pilot.press("slash")
        assert isinstance(app.focused, Input) and app.focused.id == "search"
        await pilot.press(*"parcel")
        scenarios = home.query_one("#scenarios", OptionList)
        assert scenarios.option_count == 1
        assert scenarios.get_option_at_index(0).id == "lost-parcel"
        assert home.scenario_id == "lost-parcel"  # the hidden choice gives way to the match
        await pilot.press(*["backspace"] * 6, *"manager_demand")
        assert home.query_one("#personas", OptionList).option_count == 2
        assert scenarios.option_count == 0
        await pilot.press(*["backspace"] * 14, *"nothing-matches-this")
        assert home.query_one("#personas", OptionList).option_count == 0


async def test_mode_and_name_are_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert str(home.query_one("#mode", Button).label) == "Mode: Coach"
        await pilot.press("f9")
        assert str(home.query_one("#mode", Button).label) == "Mode: Exam"
        home.query_one("#trainee", Input).focus()
        await pilot.press("B", "o")
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen) and app.screen.spec.mode == "exam"
    again = make_app(tmp_path)
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = again.screen
        assert home.query_one("#trainee", Input).value == "Bo"
        assert str(home.query_one("#mode", Button).label) == "Mode: Exam"


async def test_surprise_me_starts_a_call(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        assert call.spec.scenario.id in {"double-billed", "lost-parcel", "wrong-size-shoes"}
        assert call.spec.persona.id in {"tess-test", "markup-mal"}


async def test_home_help_opens(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert "surprise me" in str(app.screen.query_one(".dialog-scroll Static").render())
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_weakest_step_drill_appears_only_with_history(
    tmp_path: Path, isolated_home: Path
) -> None:
    grader = KeywordGrader()

    def build() -> DeescalateApp:
        return DeescalateApp(
            library=make_library(),
            grader_factory=lambda: grader,
            home=isolated_home,
            typing_delay=0.0,
        )

    app = build()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.weakest is None
        assert not home.query_one("#drill", Button).display
        home.query_one("#trainee", Input).value = "Cy"
        await pilot.press("f5")
        await settle(pilot)
        # apologises and asks, but never names the feeling: `person` is the weak step
        await say(pilot, "I'm sorry. What can I do?")
        await say(pilot, RUDE)
        await end_call(pilot)
        assert "deescalate.db" in app.screen.saved
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is home
        assert home.weakest == "person"
        assert home.query_one("#drill", Button).display
        await pilot.press("f7")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        assert call.spec.mode == "coach" and call.spec.drill == "person"
        assert "drill: person" in str(call.query_one("#coach-scroll").border_title)
        notes = [str(line.render()) for line in call.query(".line.note")]
        assert any("Drilling your weakest step: Remember the person" in n for n in notes)


async def test_an_empty_library_says_what_to_do(tmp_path: Path) -> None:
    from trainer.library import Library

    app = DeescalateApp(library=Library(), grader_factory=KeywordGrader, home=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#preview-text", Static).render())
        assert "No scenarios or callers found" in text
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_home_fits_80x24_and_report_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        for selector in ("#search", "#scenarios", "#personas", "#preview", "#trainee", "#start"):
            region = home.query_one(selector).region
            assert region.height > 0 and region.right <= 80 and region.bottom <= 24, selector
        await start_call(pilot)
        await say(pilot, GOOD)
        await end_call(pilot)
        await pilot.press("n")  # back home: the choice is kept
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.scenario_id == "double-billed"
        await pilot.press("f5")
        await settle(pilot)
        assert app.screen.spec.scenario.id == "double-billed"
        await pilot.press("f10", "y")
        await settle(pilot)
        await pilot.press("r")  # the same call again
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert app.screen.spec.scenario.id == "double-billed"
