"""The status line: call time, hold state, grader state, what to do next."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


def clock(seconds: float) -> str:
    """`m:ss` for a number of seconds."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class StatusLine(Static):
    """One line of state; the call screen sets the attributes."""

    elapsed: reactive[float] = reactive(0.0)
    hold_elapsed: reactive[float | None] = reactive(None)
    grader: reactive[str] = reactive("loading")
    activity: reactive[str] = reactive("")

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(f" ☎ {clock(self.elapsed)} ", style="bold")
        if self.hold_elapsed is not None:
            out.append(f"│ ON HOLD {clock(self.hold_elapsed)} ", style="bold reverse")
        if self.grader == "loading":
            out.append("│ loading grader… ", style="italic")
        elif self.grader == "failed":
            out.append("│ grader unavailable ", style="bold red")
        if self.activity:
            out.append(f"│ {self.activity} ", style="italic")
        else:
            out.append("│ Enter send · ^J newline · F1 keys ", style="dim")
        return out
