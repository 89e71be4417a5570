"""Small modal dialogs: confirm, help, brief, hold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from trainer.models.record import HOLD_SECONDS
from trainer.tui.safe import clean

if TYPE_CHECKING:
    from trainer.models import Persona, Scenario


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; dismisses with True for yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(clean(self.question)), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="primary", compact=True)
                yield Button(f"{self.no} (n)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class TextScreen(ModalScreen[None]):
    """A scrollable page of text (help, brief); Escape or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1,f2", "close", "Close")]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll"):
                yield Static(self.body, markup=False)
            yield Static("Esc closes", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


CALL_KEYS = [
    ("Enter", "send your reply (or, on hold, come back and say it)"),
    ("Shift+Enter / Ctrl+J", "new line in your reply"),
    ("F1", "this help"),
    ("F2", "the scenario brief"),
    ("F3", "put the customer on hold (asks reason and estimate)"),
    ("F4", "come back from hold (says what is in the reply box)"),
    ("F5", "hint: your weakest step with an example (coach mode)"),
    ("F6", "rewind your last reply and try again (coach mode)"),
    ("F7", "show or hide the suggested rewrite (coach mode)"),
    ("F8", "transfer to a manager (ends your part of the call)"),
    ("F9", "offer to call them back (says what is in the reply box)"),
    ("F10", "end the call"),
    ("Ctrl+T", "switch between dark and light themes"),
    ("Tab / Shift+Tab", "move between transcript, reply box and panels"),
    ("Ctrl+Q", "quit (asks first during a call; the transcript is saved)"),
]


def help_text() -> Text:
    """The key list shown by F1 on the call screen."""
    out = Text()
    out.append("The four steps: ", style="bold")
    out.append(
        "remember the person, remember your job, apologise sincerely, ask how you can help.\n\n"
    )
    for key, what in CALL_KEYS:
        out.append(f"{key:>22}  ", style="bold")
        out.append(f"{what}\n")
    out.append(
        "\nCoach mode shows each step's verdict after every reply. Exam mode keeps verdicts, "
        "hints and rewinds for the report.\n"
    )
    return out


def brief_text(scenario: Scenario, persona: Persona) -> Text:
    """The scenario brief as the trainee sees it before and during the call."""
    out = Text()
    brief = scenario.brief
    out.append(clean(scenario.title, 200) + "\n", style="bold")
    out.append(f"{brief.company} · {brief.product} · difficulty {scenario.difficulty}/5\n\n")
    out.append(clean(brief.summary, 2000) + "\n")
    if brief.account:
        out.append("\nAccount screen\n", style="bold")
        for fact in brief.account:
            out.append(f"  • {clean(fact, 300)}\n")
    out.append("\nCaller\n", style="bold")
    out.append(f"  {clean(persona.name, 80)} (address as {clean(persona.address_as, 80)})\n")
    out.append(f"  {clean(persona.bio, 1000)}\n")
    if scenario.remedies:
        out.append("\nYou may offer\n", style="bold")
        for remedy in scenario.remedies:
            # Authors often put the limit in the label already ("... (up to 42.50)").
            said = "up to" in remedy.label.lower()
            limit = f" (up to {remedy.limit:g})" if remedy.limit and not said else ""
            out.append(f"  • {clean(remedy.label, 200)}{limit}\n")
    if scenario.forbidden:
        out.append("\nYou may not promise\n", style="bold")
        for item in scenario.forbidden:
            out.append(f"  • {clean(item.label, 200)}\n")
    if scenario.hold.required:
        out.append("\nHold needed: ", style="bold")
        out.append(
            f"{clean(scenario.hold.reason, 300) or 'something to look up'} "
            f"(about {scenario.hold.seconds} s)\n"
        )
    if scenario.needs_authority:
        out.append("\nA full fix needs a manager: a transfer after a real attempt is fair.\n")
    return out


@dataclass(frozen=True)
class HoldRequest:
    """What the trainee says and announces when putting the caller on hold."""

    text: str
    reason: str
    estimate_seconds: int


class HoldScreen(ModalScreen[HoldRequest | None]):
    """Ask what the trainee says, the reason, and the time estimate before a hold."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, said: str = "", reason: str = "") -> None:
        super().__init__()
        self.said = said
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Put the caller on hold", classes="dialog-title")
            yield Static(
                "Ask first, give a reason and an honest estimate. Enter moves on.",
                classes="dialog-hint",
            )
            yield Label("What you say to them:")
            yield Input(
                self.said,
                placeholder="Could I put you on hold for a minute while I…?",
                id="said",
                compact=True,
            )
            yield Label("Reason for the hold:")
            yield Input(
                self.reason, placeholder="pull up the billing history", id="reason", compact=True
            )
            yield Label("Estimate (seconds):")
            yield Input("60", id="estimate", type="integer", max_length=5, compact=True)
            yield Static("", id="hold-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Hold", id="hold", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#said", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "estimate":
            self._submit()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "hold":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        raw = self.query_one("#estimate", Input).value.strip()
        try:
            seconds = int(raw)
        except ValueError:
            seconds = -1
        low, high = HOLD_SECONDS
        if not low <= seconds <= high:
            self.query_one("#hold-error", Static).update(
                f"Give an estimate between {low} and {high} s."
            )
            return
        self.dismiss(
            HoldRequest(
                text=self.query_one("#said", Input).value.strip(),
                reason=self.query_one("#reason", Input).value.strip(),
                estimate_seconds=seconds,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class ResumeScreen(ModalScreen[str]):
    """Offer to resume an interrupted call: dismisses with `resume`, `discard` or `later`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('resume')", "Resume"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("l,escape", "choose('later')", "Later"),
    ]

    def __init__(self, description: Text) -> None:
        super().__init__()
        self.description = description

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="resume-dialog"):
            yield Label("Unfinished call", classes="dialog-title")
            yield Static(self.description, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Resume (r)", id="resume", variant="primary", compact=True)
                yield Button("Discard (d)", id="discard", compact=True)
                yield Button("Later (l)", id="later", compact=True)

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "later")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
