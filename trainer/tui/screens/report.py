"""The report screen: how the call went, step by step, and what to practise next.

The content comes from `trainer.reports.session_report`, the same data the Markdown, HTML
and JSON reports render; this screen only lays it out.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Sparkline, Static

from trainer.models import SessionRecord
from trainer.reports import ReportData, session_report
from trainer.reports.data import english_note
from trainer.tui.contract import CallSpec
from trainer.tui.safe import clean, one_line
from trainer.tui.widgets.mood import gauge

SHOWN_REPLIES = 3
NO_REPLY_TIP = "Send at least one reply: the report grades what you say."


def graded_replies(data: ReportData) -> int:
    """How many replies were graded."""
    return sum(1 for reply in data.replies if reply.verdicts)


def summary_text(
    data: ReportData, record: SessionRecord, spec: CallSpec, saved: str, command: str = ""
) -> Text:
    """The top of the report: outcome, who, where it was saved and how to render it in full."""
    out = Text()
    outcome = data.outcome or "in progress"
    style = "bold green" if outcome == "resolved" else "bold red"
    out.append(f"Outcome: {outcome.replace('_', ' ')}\n", style=style)
    out.append(data.outcome_text + "\n")
    replies = graded_replies(data)
    out.append(
        f"{clean(spec.persona.name, 80)} · {clean(spec.scenario.title, 120)} · "
        f"{spec.mode} mode · {replies} graded repl{'y' if replies == 1 else 'ies'}\n",
        style="dim",
    )
    final_line = record.turns[-1].customer_next if record.turns else record.opening
    if final_line:
        out.append("Last words: ", style="bold")
        out.append(f'"{one_line(final_line, 200)}"\n', style="italic")
    for note in record.summary.notes:
        out.append("Note: ", style="bold")
        out.append(clean(note, 300) + "\n")
    if data.english_only:
        out.append("Note: ", style="bold")
        out.append(english_note(data.english_only) + "\n", style="yellow")
    out.append("Saved: ", style="bold")
    out.append(clean(saved, 300) + "\n")
    if command:
        out.append("Full report: ", style="bold")
        out.append(clean(command, 300) + "\n")
    return out


def steps_text(data: ReportData) -> Text:
    """Per-step pass rate with the replies that passed and failed."""
    by_number = {reply.number: reply.reply for reply in data.replies}
    out = Text()
    out.append("The four steps\n", style="bold underline")
    for row in data.steps:
        out.append(f"{row.title:<22}", style="bold")
        rate = row.rate or 0.0
        out.append(gauge(rate, 1.0, 12), style="green" if rate >= 0.5 else "red")
        out.append(f" {rate:4.0%}\n" if row.rate is not None else "    —\n")
        for number in row.passed[:SHOWN_REPLIES]:
            out.append("   ✔ ", style="green")
            out.append(f'"{one_line(by_number.get(number, ""), 72)}"\n')
        for number in row.failed[:SHOWN_REPLIES]:
            out.append("   ✘ ", style="red")
            out.append(f'"{one_line(by_number.get(number, ""), 72)}"\n')
        shown = min(len(row.passed), SHOWN_REPLIES) + min(len(row.failed), SHOWN_REPLIES)
        more = len(row.passed) + len(row.failed) - shown
        if more > 0:
            out.append(f"   … and {more} more\n", style="dim")
        if row.not_due:
            # Quiet: turns that did not need the step are neither a pass nor a miss.
            turns = ", ".join(map(str, row.not_due))
            label = "turn" if len(row.not_due) == 1 else "turns"
            out.append(f"   · not needed on {label} {turns} (not counted)\n", style="dim")
    return out


def craft_text(data: ReportData) -> Text:
    """Flags, then hold etiquette (hold flags are shown once, under their hold)."""
    out = Text()
    out.append("Flags\n", style="bold underline")
    flags = [f for f in data.flags if not f.id.startswith("hold_")]
    if not flags:
        out.append("  none raised\n", style="dim")
    for flag in flags:
        out.append("  + " if flag.positive else "  - ", style="green" if flag.positive else "red")
        out.append(f"{clean(flag.label, 200)} ×{flag.count}\n")
    out.append("Hold etiquette\n", style="bold underline")
    holds = sorted({check.turn for check in data.hold})
    if not holds:
        out.append("  no hold in this call\n", style="dim")
    for number, turn in enumerate(holds, start=1):
        if len(holds) > 1:
            out.append(f"  hold {number} (turn {turn})\n")
        for check in data.hold:
            if check.turn != turn:
                continue
            if check.kept is None:
                out.append("  ? ", style="dim")
            elif check.kept:
                out.append("  ✔ ", style="green")
            else:
                out.append("  ✘ ", style="red")
            out.append(check.label + "\n")
    return out


def practise_text(data: ReportData) -> Text:
    """The three things to practise next."""
    out = Text()
    out.append("Three things to practise next\n", style="bold underline")
    tips = data.practise or [NO_REPLY_TIP]
    for number, tip in enumerate(tips, start=1):
        out.append(f" {number}. ", style="bold")
        out.append(clean(tip, 400) + "\n")
    return out


def anger_curve(data: ReportData, start_anger: float | None) -> list[float]:
    """Anger at the opening (when known), then after each turn."""
    start = [] if start_anger is None else [start_anger]
    return start + [anger for _, anger in data.anger]


class ReportScreen(Screen[None]):
    """Shows the finished call. Enter or n starts a new call; r replays the same one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,enter", "new_call", "New call"),
        Binding("r", "again", "Same call again"),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    class Again(Message):
        """The trainee wants the same scenario and caller again."""

        def __init__(self, spec: CallSpec) -> None:
            super().__init__()
            self.spec = spec

    def __init__(
        self, record: SessionRecord, spec: CallSpec, saved: str, command: str = ""
    ) -> None:
        super().__init__()
        self.record = record
        self.spec = spec
        self.saved = saved
        self.command = command
        """The shell command that renders the full report ("" when not in the store)."""
        self.data = session_report(record)
        self.anger = anger_curve(self.data, spec.persona.temperament.anger)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report"):
            yield Static(
                summary_text(self.data, self.record, self.spec, self.saved, self.command),
                id="report-summary",
            )
            yield Static(practise_text(self.data), id="report-practise")
            yield Static(Text("Anger over the call", style="bold underline"))
            yield Sparkline(self.anger or [0.0], id="report-anger")
            yield Static(
                Text("  " + " → ".join(f"{a:.1f}" for a in self.anger[:16]), style="dim"),
                id="report-anger-values",
            )
            yield Static(steps_text(self.data), id="report-steps")
            yield Static(craft_text(self.data), id="report-craft")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "deescalate"
        self.sub_title = "report"
        self.query_one("#report", VerticalScroll).focus()

    def action_new_call(self) -> None:
        self.dismiss(None)

    def action_again(self) -> None:
        # Posted to the app: this screen is gone before its own queue would deliver it.
        self.app.post_message(self.Again(self.spec))
        self.dismiss(None)
