"""The Textual application."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from trainer.library import Library


class DeescalateApp(App[int]):
    """Practice room (minimal home screen until the call screen lands)."""

    TITLE = "deescalate"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, library_dirs: list[Path] | None = None) -> None:
        super().__init__()
        self.library = Library.load(library_dirs or [])

    def compose(self) -> ComposeResult:
        yield Header()
        names = ", ".join(e.item.name for e in self.library.playable_personas()) or "none"
        yield Static(f"Personas: {names}", markup=False)
        yield Footer()


def run(library_dirs: list[Path] | None = None) -> int:
    """Run the app and return its exit code."""
    app = DeescalateApp(library_dirs)
    result = app.run()
    return result or 0
