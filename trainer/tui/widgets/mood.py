"""The mood panel: anger gauge, anger over the call, patience."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Sparkline, Static


def gauge(value: float, top: float, width: int = 16) -> str:
    """A text bar of `width` cells filled in proportion to value/top."""
    share = 0.0 if top <= 0 else max(0.0, min(1.0, value / top))
    full = round(share * width)
    return "█" * full + "░" * (width - full)


def anger_word(anger: float) -> str:
    """A plain word for an anger level."""
    if anger >= 8:
        return "furious"
    if anger >= 6:
        return "angry"
    if anger >= 4:
        return "annoyed"
    if anger >= 2:
        return "wary"
    return "calm"


class MoodPanel(Vertical):
    """Shows the customer's mood; the call screen sets `anger`, `patience` and `history`."""

    anger: reactive[float] = reactive(0.0)
    patience: reactive[float] = reactive(0.0)
    patience_top: reactive[float] = reactive(10.0)
    history: reactive[list[float]] = reactive(list, always_update=True)

    def compose(self) -> ComposeResult:
        yield Static(id="anger-gauge", markup=False)
        yield Sparkline([], id="anger-spark")
        yield Static(id="patience-gauge", markup=False)

    def on_mount(self) -> None:
        self._ready = True
        self._refresh_all()

    def watch_anger(self) -> None:
        self._refresh_all()

    def watch_patience(self) -> None:
        self._refresh_all()

    def watch_history(self) -> None:
        self._refresh_all()

    def _refresh_all(self) -> None:
        if not getattr(self, "_ready", False):
            return
        level = "high" if self.anger >= 7 else "mid" if self.anger >= 4 else "low"
        anger = Text()
        anger.append("Anger    ", style="bold")
        anger.append(
            gauge(self.anger, 10, 6), style={"high": "red", "mid": "yellow", "low": "green"}[level]
        )
        anger.append(f" {self.anger:4.1f} {anger_word(self.anger)}")
        self.query_one("#anger-gauge", Static).update(anger)
        for name in ("low", "mid", "high"):
            self.set_class(level == name, f"-anger-{name}")
        spark = self.query_one("#anger-spark", Sparkline)
        spark.data = list(self.history) or [self.anger]
        patience = Text()
        patience.append("Patience ", style="bold")
        patience.append(gauge(self.patience, max(self.patience_top, self.patience), 6))
        patience.append(f" {self.patience:4.1f}")
        self.query_one("#patience-gauge", Static).update(patience)
