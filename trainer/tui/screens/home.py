"""The home screen: pick a scenario and a persona, a mode, your name, and start."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from trainer.tui.contract import CallSpec, Mode
from trainer.tui.safe import clean, one_line
from trainer.tui.screens.dialogs import ConfirmScreen, TextScreen, brief_text
from trainer.tui.widgets.practice import TodaysPractice

if TYPE_CHECKING:
    from trainer.library import Library
    from trainer.models import Persona, Scenario, Step


def scenario_prompt(scenario: Scenario) -> Text:
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append("★" * scenario.difficulty + "☆" * (5 - scenario.difficulty) + " ", style="yellow")
    out.append(one_line(scenario.title, 60))
    out.append(f"  {scenario.category}", style="dim")
    return out


NOT_WRITTEN_FOR = "not written for this scenario"


def persona_prompt(persona: Persona, fits: bool = True) -> Text:
    out = Text(no_wrap=True, overflow="ellipsis")
    if not fits:
        # Said first, where a trainee scanning the list sees it before the name.
        out.append("✗ ", style="yellow")
    out.append(one_line(persona.name, 30), style="bold" if fits else "dim")
    out.append(f"  {persona.difficulty}", style="dim")
    if not fits:
        out.append(f"  {NOT_WRITTEN_FOR}", style="yellow")
    elif persona.tactics:
        out.append("  " + ", ".join(t.id for t in persona.tactics), style="dim")
    return out


def fitting_pairs(library: Library) -> list[tuple[str, str]]:
    """(scenario id, persona id) for every playable persona a scenario was written for."""
    personas = [e.item.id for e in library.playable_personas()]
    return [
        (ident, persona)
        for ident in sorted(library.scenarios)
        for persona in personas
        if library.scenarios[ident].item.allows(persona)
    ]


def search_blob_scenario(scenario: Scenario) -> str:
    return " ".join(
        [scenario.id, scenario.title, scenario.category, scenario.brief.summary, scenario.issue]
    ).lower()


def search_blob_persona(persona: Persona) -> str:
    return " ".join(
        [persona.id, persona.name, persona.bio, *(t.id for t in persona.tactics)]
    ).lower()


HOME_HELP = Text.assemble(
    ("Home\n", "bold"),
    "Pick a scenario and a caller, choose coach or exam mode, type your name, start.\n\n",
    ("/        ", "bold"),
    "search scenarios and personas\n",
    ("↑ ↓      ", "bold"),
    "move in a list; Enter picks and moves on\n",
    ("Tab      ", "bold"),
    "next field\n",
    ("F5       ", "bold"),
    "start the call\n",
    ("F6       ", "bold"),
    "surprise me: a random caller and scenario\n",
    ("F7       ", "bold"),
    "drill my weakest step (once you have history)\n",
    ("F8       ", "bold"),
    "resume an unfinished call (when there is one)\n",
    ("F9       ", "bold"),
    "switch coach / exam mode\n",
    ("Ctrl+T   ", "bold"),
    "dark / light theme\n",
    ("Ctrl+Q   ", "bold"),
    "quit\n",
)


class HomeScreen(Screen[None]):
    """Choose what to practise."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "start", "Start"),
        Binding("f6", "surprise", "Surprise me"),
        Binding("f7", "drill", "Drill weakest"),
        Binding("f8", "resume", "Resume call"),
        Binding("f9", "toggle_mode", "Coach/Exam"),
        Binding("slash", "search", "Search", show=False),
        Binding("f1", "help", "Help"),
    ]

    class StartRequested(Message):
        """The trainee asked to start a call."""

        def __init__(self, spec: CallSpec) -> None:
            super().__init__()
            self.spec = spec

    class TraineeChanged(Message):
        """The trainee's name or mode changed (the app remembers them)."""

        def __init__(self, trainee: str, mode: Mode) -> None:
            super().__init__()
            self.trainee = trainee
            self.mode = mode

    class ResumeRequested(Message):
        """The trainee asked to resume the unfinished call (the app offers it)."""

    mode: reactive[Mode] = reactive("coach")
    weakest: reactive[Step | None] = reactive(None)
    resumable: reactive[bool] = reactive(False)
    """Whether an unfinished call can be resumed (the app sets it)."""

    def __init__(
        self, library: Library | None = None, trainee: str = "", mode: Mode = "coach"
    ) -> None:
        super().__init__()
        self.library = library
        self.trainee = trainee
        self.set_reactive(HomeScreen.mode, mode)
        self.scenario_id: str | None = None
        self.persona_id: str | None = None
        self._rng = random.Random()
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield TodaysPractice(id="todays-practice", claim_focus_from="scenarios")
        with Horizontal(id="home-body"):
            with Vertical(id="pickers"):
                yield Input(placeholder="Search scenarios and callers (/)", id="search")
                yield Label("Scenarios", classes="list-title")
                yield OptionList(id="scenarios")
                yield Label("Callers", classes="list-title")
                yield OptionList(id="personas")
            with VerticalScroll(id="preview"):
                yield Static(id="preview-text", markup=False)
        with Horizontal(id="home-controls"):
            yield Input(self.trainee, placeholder="Your name", id="trainee", max_length=60)
            yield Button("", id="mode")
            yield Button("Start ▶", id="start", variant="primary")
            yield Button("Surprise", id="surprise")
            yield Button("Weakest", id="drill")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "deescalate"
        self.sub_title = "practice room"
        self._ready = True
        self.watch_mode()
        self.watch_weakest()
        self.query_one("#scenarios", OptionList).focus()
        if self.library is None:
            self.query_one("#preview-text", Static).update(
                Text("Loading scenarios and callers…", style="italic")
            )
        else:
            self.set_library(self.library)

    def set_library(self, library: Library) -> None:
        """Show the loaded library and pick the default scenario."""
        from trainer.library import DEFAULT_SCENARIO

        self.library = library
        self._fill(self.query_one("#search", Input).value)
        if DEFAULT_SCENARIO in library.scenarios:
            self._pick_scenario(DEFAULT_SCENARIO)
        elif library.scenarios:
            self._pick_scenario(sorted(library.scenarios)[0])
        if not library.scenarios or not library.playable_personas():
            self.query_one("#preview-text", Static).update(
                Text(
                    "No scenarios or callers found.\n\nAdd YAML files with --library DIR, or run "
                    "`deescalate check` to see what failed to load."
                )
            )

    # Lists -------------------------------------------------------------------------------

    def _fill(self, query: str) -> None:
        if self.library is None:
            return
        words = query.lower().split()
        scenarios = self.query_one("#scenarios", OptionList)
        scenarios.clear_options()
        for ident, entry in sorted(
            self.library.scenarios.items(), key=lambda kv: (kv[1].item.difficulty, kv[0])
        ):
            blob = search_blob_scenario(entry.item)
            if all(w in blob for w in words):
                scenarios.add_option(Option(scenario_prompt(entry.item), id=ident))
        # Keep the choice visible: when the search hides it, the first match is picked.
        if scenarios.option_count and not self._has(scenarios, self.scenario_id):
            first = scenarios.get_option_at_index(0).id
            if first is not None:
                self._pick_scenario(first)
        self._fill_callers()
        chosen = self.persona_id
        if not scenarios.option_count and chosen is not None and not self._fits(chosen):
            # The search names a caller and no scenario: go to a scenario written for them.
            own = [i for i in sorted(self.library.scenarios) if self._allows(i, chosen)]
            if own:
                self._pick_scenario(own[0])
                self.persona_id = chosen
                self._fill_callers()
                self._preview()
        self._highlight(scenarios, self.scenario_id)

    def _allows(self, scenario_id: str, persona_id: str) -> bool:
        return self.library is not None and self.library.scenarios[scenario_id].item.allows(
            persona_id
        )

    def _fill_callers(self) -> None:
        """The callers matching the search, those written for the scenario first."""
        if self.library is None:
            return
        words = self.query_one("#search", Input).value.lower().split()
        personas = self.query_one("#personas", OptionList)
        personas.clear_options()
        shown = [
            e.item
            for e in self.library.playable_personas()
            if all(w in search_blob_persona(e.item) for w in words)
        ]
        for persona in sorted(shown, key=lambda p: not self._fits(p.id)):
            personas.add_option(
                Option(persona_prompt(persona, self._fits(persona.id)), id=persona.id)
            )
        if personas.option_count and not self._has(personas, self.persona_id):
            # The search hid the choice: the first caller listed, one written for the scenario
            # when the search left one in.
            self.persona_id = personas.get_option_at_index(0).id
            self._preview()
        self._highlight(personas, self.persona_id)

    def _fits(self, persona_id: str | None) -> bool:
        """Whether the chosen scenario was written for this caller (True with none chosen)."""
        if self.library is None or self.scenario_id is None or persona_id is None:
            return True
        return self.library.scenarios[self.scenario_id].item.allows(persona_id)

    @staticmethod
    def _has(options: OptionList, ident: str | None) -> bool:
        if ident is None:
            return False
        try:
            options.get_option(ident)
        except OptionDoesNotExist:
            return False
        return True

    @staticmethod
    def _highlight(options: OptionList, ident: str | None) -> None:
        if ident is None:
            return
        try:
            options.highlighted = options.get_option_index(ident)
        except OptionDoesNotExist:
            return

    def _pick_scenario(self, ident: str) -> None:
        if self.library is None:
            return
        self.scenario_id = ident
        scenario = self.library.scenarios[ident].item
        if scenario.default_persona in self.library.personas:
            self.persona_id = scenario.default_persona
        self._fill_callers()
        self._highlight(self.query_one("#scenarios", OptionList), ident)
        self._highlight(self.query_one("#personas", OptionList), self.persona_id)
        self._preview()

    def _preview(self) -> None:
        if self.library is None or self.scenario_id is None or self.persona_id is None:
            return
        scenario = self.library.scenarios[self.scenario_id].item
        persona = self.library.personas[self.persona_id].item
        text = Text()
        if not scenario.allows(persona.id):
            text.append(
                f"⚠ {one_line(persona.name, 40)} was not written for this scenario: their lines "
                "may not fit it. Pick a caller without ✗ for a call that holds together.\n\n",
                style="bold yellow",
            )
        text.append_text(brief_text(scenario, persona))
        if persona.tactics:
            text.append("\nTactics\n", style="bold")
            text.append("  " + ", ".join(t.id for t in persona.tactics) + "\n")
        text.append(f"\nMode: {self.mode}\n", style="dim")
        self.query_one("#preview-text", Static).update(text)

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#scenarios", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#scenarios")
    def _scenario_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Highlight messages queue up while the list is refilled; only the latest one counts.
        if event.option_list.highlighted != event.option_index:
            return
        if event.option_id and event.option_id != self.scenario_id:
            self._pick_scenario(event.option_id)

    @on(OptionList.OptionSelected, "#scenarios")
    def _scenario_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self._pick_scenario(event.option_id)
        self.query_one("#personas", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#personas")
    def _persona_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.highlighted != event.option_index:
            return
        if event.option_id:
            self.persona_id = event.option_id
            self._preview()

    @on(OptionList.OptionSelected, "#personas")
    def _persona_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.persona_id = event.option_id
            self._preview()
        self.query_one("#start", Button).focus()

    @on(Input.Submitted, "#trainee")
    def _name_done(self) -> None:
        self.action_start()

    @on(Input.Changed, "#trainee")
    def _name_changed(self, event: Input.Changed) -> None:
        self.trainee = event.value.strip()

    # Buttons and keys ----------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "start": self.action_start,
            "surprise": self.action_surprise,
            "drill": self.action_drill,
            "mode": self.action_toggle_mode,
        }
        if event.button.id in actions:
            actions[event.button.id]()

    def watch_mode(self) -> None:
        if self._ready:
            label = "Mode: Coach" if self.mode == "coach" else "Mode: Exam"
            self.query_one("#mode", Button).label = label
            self._preview()

    def watch_weakest(self) -> None:
        if self._ready:
            drill = self.query_one("#drill", Button)
            drill.display = self.weakest is not None
            if self.weakest is not None:
                from trainer.models import STEP_TITLES

                drill.label = f"Drill: {STEP_TITLES[self.weakest].split()[0].lower()}…"
            self.refresh_bindings()

    def watch_resumable(self) -> None:
        if self._ready:
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "drill":
            return self.weakest is not None
        if action == "resume":
            return self.resumable
        return True

    def action_resume(self) -> None:
        if self.resumable:
            self.post_message(self.ResumeRequested())

    def action_toggle_mode(self) -> None:
        self.mode = "exam" if self.mode == "coach" else "coach"
        self.post_message(self.TraineeChanged(self.trainee, self.mode))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_help(self) -> None:
        self.app.push_screen(TextScreen("Keys", HOME_HELP))

    def action_start(self) -> None:
        if self.library is None:
            self.notify("Still loading the scenarios…", severity="warning")
            return
        if self.scenario_id is None or self.persona_id is None:
            self.notify("Pick a scenario and a caller first.", severity="warning")
            return
        scenario_id, persona_id = self.scenario_id, self.persona_id
        if not self._fits(persona_id):
            name = self.library.personas[persona_id].item.name
            title = self.library.scenarios[scenario_id].item.title
            question = (
                f"{name} was not written for “{title}”: their lines may not fit it. "
                "Start this call anyway?"
            )

            def chosen(yes: bool | None) -> None:
                if yes:
                    self._request(scenario_id, persona_id, self.mode)

            self.app.push_screen(ConfirmScreen(question, "Start anyway"), chosen)
            return
        self._request(scenario_id, persona_id, self.mode)

    def action_surprise(self) -> None:
        if self.library is None:
            return
        pairs = fitting_pairs(self.library)
        if not pairs:
            self.notify("No scenario has a caller written for it.", severity="warning")
            return
        scenario_id, persona_id = self._rng.choice(pairs)
        self._pick_scenario(scenario_id)
        self.persona_id = persona_id
        self._request(scenario_id, persona_id, self.mode)

    @on(TodaysPractice.StartRequested)
    def _practice(self, event: TodaysPractice.StartRequested) -> None:
        drill = event.drill
        if self.library is None or drill.scenario not in self.library.scenarios:
            return
        if drill.persona not in self.library.personas:
            return
        self._pick_scenario(drill.scenario)
        self.persona_id = drill.persona
        self._highlight(self.query_one("#personas", OptionList), drill.persona)
        step = drill.step if drill.step_kind == "weakest" else None
        self._request(drill.scenario, drill.persona, drill.mode, drill=step)

    def action_drill(self) -> None:
        if self.weakest is None or self.library is None:
            return
        from trainer.tui.drill import pick_drill

        seed = self._rng.randrange(1, 2**31)
        drill = pick_drill(self.library, self.weakest, seed)
        if drill is None:
            self.notify("The library is empty.", severity="warning")
            return
        self._pick_scenario(drill.scenario_id)
        self.persona_id = drill.persona_id
        self._highlight(self.query_one("#personas", OptionList), drill.persona_id)
        self._request(drill.scenario_id, drill.persona_id, "coach", seed=seed, drill=drill.step)

    def _request(
        self,
        scenario_id: str,
        persona_id: str,
        mode: Mode,
        *,
        seed: int | None = None,
        drill: Step | None = None,
    ) -> None:
        if self.library is None:
            return
        trainee = clean(self.query_one("#trainee", Input).value.strip(), 60)
        self.trainee = trainee
        self.post_message(self.TraineeChanged(trainee, self.mode))
        spec = CallSpec(
            persona=self.library.personas[persona_id].item,
            scenario=self.library.scenarios[scenario_id].item,
            mode=mode,
            trainee=trainee,
            seed=seed if seed is not None else self._rng.randrange(1, 2**31),
            persona_hash=self.library.personas[persona_id].digest,
            scenario_hash=self.library.scenarios[scenario_id].digest,
            drill=drill,
        )
        self.post_message(self.StartRequested(spec))
