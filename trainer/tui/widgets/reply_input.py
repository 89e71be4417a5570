"""The trainee's reply box: Enter sends, Shift+Enter or Ctrl+J starts a new line."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea

NEWLINE_KEYS = frozenset({"shift+enter", "ctrl+j", "newline"})


class ReplyInput(TextArea):
    """A multi-line reply box that posts `Submitted` on Enter."""

    class Submitted(Message):
        """The trainee pressed Enter."""

        def __init__(self, reply_input: ReplyInput, text: str) -> None:
            super().__init__()
            self.reply_input = reply_input
            self.text = text

        @property
        def control(self) -> ReplyInput:
            return self.reply_input

    def __init__(self, *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(
            "",
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
            highlight_cursor_line=False,
        )

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.text))
            return
        if event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        await super()._on_key(event)
