"""The call transcript: customer and trainee lines, always shown literally."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from trainer.tui.safe import clean


class Line(Static):
    """One line of the transcript."""


class Transcript(VerticalScroll):
    """A scrolling transcript; `customer_name` labels the customer's lines."""

    can_focus = True

    def __init__(self, customer_name: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.customer_name = clean(customer_name, 80)
        self._typing: Static | None = None

    def _add(self, speaker: str, text: str, kind: str) -> Line:
        body = Text()
        body.append(f"{speaker}: ", style="bold")
        body.append(clean(text))
        line = Line(body, classes=f"line {kind}", markup=False)
        if self._typing is not None and self._typing.parent is self:
            self.mount(line, before=self._typing)
        else:
            self.mount(line)
        self.scroll_end(animate=False)
        return line

    def add_customer(self, text: str) -> Line:
        """Add what the customer said."""
        return self._add(self.customer_name, text, "customer")

    def add_trainee(self, text: str, label: str = "You") -> Line:
        """Add what the trainee said (or did)."""
        return self._add(label, text, "trainee")

    def add_note(self, text: str) -> Line:
        """Add a note from the room (hold started, call ended...)."""
        line = Line(Text(clean(text), style="italic"), classes="line note", markup=False)
        if self._typing is not None and self._typing.parent is self:
            self.mount(line, before=self._typing)
        else:
            self.mount(line)
        self.scroll_end(animate=False)
        return line

    def set_typing(self, note: str) -> None:
        """Show (or with `""` hide) a 'customer is typing' style note at the bottom."""
        if not note:
            if self._typing is not None:
                self._typing.remove()
                self._typing = None
            return
        if self._typing is None:
            self._typing = Static(Text(clean(note), style="italic"), classes="line typing")
            self.mount(self._typing)
        else:
            self._typing.update(Text(clean(note), style="italic"))
        self.scroll_end(animate=False)

    def clear(self) -> None:
        """Remove every line."""
        self._typing = None
        self.remove_children()
