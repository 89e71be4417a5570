"""The report screen: how the call went, step by step, and what to practise next."""

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
from trainer.tui.contract import CallSpec
from trainer.tui.report_data import ReportData, build_report
from trainer.tui.safe import clean, one_line
from trainer.tui.widgets.mood import gauge

SHOWN_REPLIES = 3


def summary_text(data: ReportData, spec: CallSpec, saved: str) -> Text:
    """The top of the report: outcome, who, where it was saved."""
    out = Text()
    style = "bold green" if data.outcome == "resolved" else "bold red"
    out.append(f"Outcome: {data.outcome.replace('_', ' ')}\n", style=style)
    out.append(data.outcome_text + "\n")
    out.append(
        f"{clean(spec.persona.name, 80)} · {clean(spec.scenario.title, 120)} · "
        f"{spec.mode} mode · {data.replies} graded repl{'y' if data.replies == 1 else 'ies'}\n",
        style="dim",
    )
    if data.final_line:
        out.append("Last words: ", style="bold")
        out.append(f'"{one_line(data.final_line, 200)}"\n', style="italic")
    for note in data.notes:
        out.append("Note: ", style="bold")
        out.append(clean(note, 300) + "\n")
    out.append("Saved: ", style="bold")
    out.append(saved + "\n")
    return out


def steps_text(data: ReportData) -> Text:
    """Per-step pass rate with the replies that passed and failed."""
    out = Text()
    out.append("The four steps\n", style="bold underline")
    for report in data.steps:
        out.append(f"{report.title:<22}", style="bold")
        out.append(gauge(report.rate, 1.0, 12), style="green" if report.rate >= 0.5 else "red")
        out.append(f" {report.rate:4.0%}\n")
        for reply in report.passed[:SHOWN_REPLIES]:
            out.append("   ✔ ", style="green")
            out.append(f'"{one_line(reply, 72)}"\n')
        for reply in report.failed[:SHOWN_REPLIES]:
            out.append("   ✘ ", style="red")
            out.append(f'"{one_line(reply, 72)}"\n')
        more = (
            len(report.passed)
            + len(report.failed)
            - (min(len(report.passed), SHOWN_REPLIES) + min(len(report.failed), SHOWN_REPLIES))
        )
        if more > 0:
            out.append(f"   … and {more} more\n", style="dim")
    return out


def craft_text(data: ReportData) -> Text:
    """Flags and hold etiquette."""
    out = Text()
    out.append("Flags\n", style="bold underline")
    if not data.flags:
        out.append("  none raised\n", style="dim")
    for description, count, positive in data.flags:
        out.append("  + " if positive else "  - ", style="green" if positive else "red")
        out.append(f"{description} ×{count}\n")
    out.append("Hold etiquette\n", style="bold underline")
    if not data.holds:
        out.append("  no hold in this call\n", style="dim")
    for number, checks in enumerate(data.holds, start=1):
        if len(data.holds) > 1:
            out.append(f"  hold {number}\n")
        for check in checks:
            if check.kept is None:
                out.append("  ? ", style="dim")
            elif check.kept:
                out.append("  ✔ ", style="green")
            else:
                out.append("  ✘ ", style="red")
            out.append(check.rule + "\n")
    return out


def practise_text(data: ReportData) -> Text:
    out = Text()
    out.append("Three things to practise next\n", style="bold underline")
    for number, tip in enumerate(data.practise, start=1):
        out.append(f" {number}. ", style="bold")
        out.append(clean(tip, 400) + "\n")
    return out


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

    def __init__(self, record: SessionRecord, spec: CallSpec, saved: str) -> None:
        super().__init__()
        self.record = record
        self.spec = spec
        self.saved = saved
        self.data = build_report(record, spec.persona.temperament.anger)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report"):
            yield Static(summary_text(self.data, self.spec, self.saved), id="report-summary")
            yield Static(practise_text(self.data), id="report-practise")
            yield Static(Text("Anger over the call", style="bold underline"))
            yield Sparkline(self.data.anger or [0.0], id="report-anger")
            yield Static(
                Text(
                    "  " + " → ".join(f"{a:.1f}" for a in self.data.anger[:16]),
                    style="dim",
                ),
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
