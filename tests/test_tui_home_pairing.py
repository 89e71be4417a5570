"""Pilot tests: the home screen pairs a scenario only with callers written for it, or says so."""

from __future__ import annotations

import random
from pathlib import Path

from test_tui_call import settle
from textual.widgets import OptionList, Static
from tui_support import KeywordGrader, make_library, persona_data

from trainer.library import Entry, Library
from trainer.models import Persona
from trainer.tui.app import DeescalateApp
from trainer.tui.screens.call import CallScreen
from trainer.tui.screens.dialogs import ConfirmScreen
from trainer.tui.screens.home import NOT_WRITTEN_FOR, HomeScreen, fitting_pairs


def pairing_library() -> Library:
    """The TUI test library plus a traveller written for no scenario in it."""
    lib = make_library()
    traveller = Persona.model_validate(
        persona_data(
            id="jet-jordan",
            name="Jordan Jetlag",
            address_as="Jordan",
            bio="A software tester stranded at an airport the night before a wedding.",
        )
    )
    lib.personas[traveller.id] = Entry(traveller, Path("jet-jordan.yaml"), "bundled", "j")
    return lib


def make_app(home: Path) -> DeescalateApp:
    return DeescalateApp(
        library=pairing_library(),
        grader_factory=KeywordGrader,
        home=home,
        typing_delay=0.0,
        use_store=False,
    )


def preview(home: HomeScreen) -> str:
    return str(home.query_one("#preview-text", Static).render())


async def test_callers_not_written_for_the_scenario_are_marked_and_listed_last(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        personas = home.query_one("#personas", OptionList)
        prompts = {
            personas.get_option_at_index(i).id: str(personas.get_option_at_index(i).prompt)
            for i in range(personas.option_count)
        }
        assert NOT_WRITTEN_FOR not in prompts["tess-test"]
        assert NOT_WRITTEN_FOR in prompts["jet-jordan"]
        assert NOT_WRITTEN_FOR not in preview(home)
        assert next(iter(prompts)) == "tess-test"


async def test_search_that_leaves_only_a_foreign_caller_warns_and_asks(tmp_path: Path) -> None:
    # Regression: searching filtered the callers too, and the call started with a caller the
    # scenario was not written for, without a word.
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.query_one("#search").focus()
        await pilot.press(*"jordan")
        await settle(pilot)
        assert home.persona_id == "jet-jordan"
        assert home.scenario_id == "double-billed"
        assert "was not written for this scenario" in preview(home)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Jordan Jetlag was not written for" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        assert (call.spec.scenario.id, call.spec.persona.id) == ("double-billed", "jet-jordan")


async def test_search_prefers_a_caller_written_for_the_scenario(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.persona_id = "markup-mal"
        home.query_one("#search").focus()
        # Hides Mal, leaves Jordan (not written for it) and Tess (written for it, listed first).
        await pilot.press(*"tester")
        await settle(pilot)
        personas = home.query_one("#personas", OptionList)
        shown = [personas.get_option_at_index(i).id for i in range(personas.option_count)]
        assert shown == ["tess-test", "jet-jordan"]
        assert home.persona_id == "tess-test"
        assert "was not written for" not in preview(home)


async def test_a_fitting_pair_starts_without_asking(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, CallScreen)
        assert app.screen.spec.persona.id == "tess-test"


class Recorder(random.Random):
    """A generator that records what `choice` was offered."""

    def __init__(self) -> None:
        super().__init__(0)
        self.offered: list[object] = []

    def choice(self, seq):  # type: ignore[no-untyped-def, override]
        self.offered.extend(seq)
        return super().choice(seq)


async def test_surprise_picks_only_pairs_the_scenario_allows(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        recorder = Recorder()
        home._rng = recorder
        await pilot.press("f6")
        await settle(pilot)
        call = app.screen
        assert isinstance(call, CallScreen)
        assert call.spec.scenario.allows(call.spec.persona.id)
        pairs = [p for p in recorder.offered if isinstance(p, tuple)]
        assert pairs and all(persona == "tess-test" for _scenario, persona in pairs)


def test_fitting_pairs_follow_the_scenarios() -> None:
    lib = pairing_library()
    assert fitting_pairs(lib) == [
        ("double-billed", "tess-test"),
        ("lost-parcel", "tess-test"),
        ("wrong-size-shoes", "tess-test"),
    ]
    shoes = lib.scenarios["wrong-size-shoes"].item
    lib.scenarios["wrong-size-shoes"].item = shoes.model_copy(update={"personas": ["jet-jordan"]})
    assert ("wrong-size-shoes", "jet-jordan") in fitting_pairs(lib)


async def test_searching_for_a_caller_goes_to_a_scenario_written_for_them(tmp_path: Path) -> None:
    lib = pairing_library()
    shoes = lib.scenarios["wrong-size-shoes"].item
    lib.scenarios["wrong-size-shoes"].item = shoes.model_copy(update={"personas": ["jet-jordan"]})
    app = DeescalateApp(
        library=lib, grader_factory=KeywordGrader, home=tmp_path, typing_delay=0.0, use_store=False
    )
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.query_one("#search").focus()
        await pilot.press(*"jordan")
        await settle(pilot)
        assert (home.scenario_id, home.persona_id) == ("wrong-size-shoes", "jet-jordan")
        assert "was not written for" not in preview(home)
