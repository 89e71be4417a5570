"""The Textual application: the practice room.

Nothing heavy is imported on the way to the first paint: the grader (torch, transformers)
loads in a background thread once the home screen is up.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import random
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from trainer.errors import UserError
from trainer.tui.contract import (
    CallSpec,
    Listener,
    Mode,
    SessionFactory,
    default_session_factory,
)
from trainer.tui.grader_host import GraderFactory, GraderHost, default_grader_factory
from trainer.tui.messages import GraderFailed, GraderReady, LibraryLoaded
from trainer.tui.saving import Saver
from trainer.tui.screens.dialogs import ConfirmScreen
from trainer.tui.screens.home import HomeScreen
from trainer.tui.userdata import Settings, data_dir

if TYPE_CHECKING:
    from trainer.library import Library
    from trainer.tui.screens.call import CallScreen
    from trainer.tui.screens.report import ReportScreen


def _lower_thread_priority() -> None:
    """Let the screen win the CPU while the grader loads (Linux: per-thread nice value)."""
    if hasattr(os, "setpriority") and hasattr(threading, "get_native_id"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError:
            return


class DeescalateApp(App[int]):
    """The practice room: home, call and report screens."""

    TITLE = "deescalate"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+t", "toggle_theme", "Theme"),
    ]

    grader_state: reactive[str] = reactive("loading")
    """`loading`, `ready` or `failed`."""

    def __init__(
        self,
        library_dirs: Sequence[Path] | None = None,
        *,
        library: Library | None = None,
        grader_factory: GraderFactory | None = None,
        session_factory: SessionFactory | None = None,
        home: Path | None = None,
        typing_delay: float = 0.6,
        use_store: bool = True,
    ) -> None:
        super().__init__()
        self.library: Library | None = library
        self.library_dirs = list(library_dirs or [])
        self.grader_factory = grader_factory or default_grader_factory
        self.session_factory = session_factory or default_session_factory
        self.home_dir = home or data_dir()
        self.typing_delay = typing_delay
        self.grader = GraderHost()
        self.settings = Settings.load(self.home_dir)
        self.saver = Saver(self.home_dir, use_store=use_store)
        self.grader_seconds: float | None = None
        self.first_paint: float | None = None
        """`time.monotonic()` after the first screen was rendered."""
        self.grader_ready_at: float | None = None
        self.heavy_at_paint: bool | None = None
        """Whether torch or transformers had been imported by the first paint (should be False)."""
        self.last_saved: str = ""
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def get_default_screen(self) -> HomeScreen:
        mode: Mode = "exam" if self.settings.mode == "exam" else "coach"
        return HomeScreen(self.library, self.settings.trainee, mode)

    def on_mount(self) -> None:
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        """The first screen is up: only now start the slow work, one piece after another."""
        self.first_paint = time.monotonic()
        self.heavy_at_paint = "torch" in sys.modules or "transformers" in sys.modules
        if self.library is None:
            self._load_library()
        else:
            self.post_message(LibraryLoaded(self.library))

    @work(thread=True, group="library", exclusive=True)
    def _load_library(self) -> None:
        """Parse the persona and scenario files off the event loop."""
        from trainer.library import Library

        self.post_message(LibraryLoaded(Library.load(self.library_dirs)))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        library = message.library
        self.library = library
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.set_library(library)
        if library.problems:
            count = len(library.problems)
            self.notify(
                f"{count} library file problem{'s' if count > 1 else ''}; "
                "run `deescalate check` to see them.",
                severity="warning",
            )
        self._load_grader()
        self._open_store()

    @work(thread=True, group="store")
    def _open_store(self) -> None:
        """Open the history store off the event loop (SQLAlchemy and Alembic are slow to import)."""
        self.saver.open_store()
        self.call_from_thread(self._refresh_weakest)

    def on_unmount(self) -> None:
        self.grader.fail("the app is closing")
        self.saver.close()

    # The grader ----------------------------------------------------------------------------

    @work(exclusive=True, group="grader")
    async def _load_grader(self) -> None:
        """Load the grader in a daemon thread so quitting never waits for torch."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[float] = loop.create_future()
        factory = self.grader_factory
        host = self.grader

        def load() -> None:
            _lower_thread_priority()
            began = time.monotonic()
            try:
                host.set_grader(factory())
            except (ImportError, OSError, RuntimeError, ValueError) as exc:
                reason = f"{type(exc).__name__}: {exc}"
                host.fail(reason)
                self._resolve(loop, done, None, reason)
                return
            self._resolve(loop, done, time.monotonic() - began, "")

        threading.Thread(target=load, name="grader-loader", daemon=True).start()
        try:
            seconds = await done
        except RuntimeError as exc:
            self.post_message(GraderFailed(str(exc)))
            return
        self.post_message(GraderReady(seconds))

    @staticmethod
    def _resolve(
        loop: asyncio.AbstractEventLoop,
        done: asyncio.Future[float],
        seconds: float | None,
        reason: str,
    ) -> None:
        def settle() -> None:
            if done.done():
                return
            if seconds is None:
                done.set_exception(RuntimeError(reason))
            else:
                done.set_result(seconds)

        if not loop.is_closed():
            loop.call_soon_threadsafe(settle)

    def on_grader_ready(self, message: GraderReady) -> None:
        self.grader_seconds = message.seconds
        self.grader_ready_at = time.monotonic()
        self.grader_state = "ready"

    def on_grader_failed(self, message: GraderFailed) -> None:
        self.grader_state = "failed"
        self.notify(f"The grader could not load: {message.reason}", severity="error", timeout=10)

    # Calls ---------------------------------------------------------------------------------

    def on_home_screen_trainee_changed(self, message: HomeScreen.TraineeChanged) -> None:
        self.settings.trainee = message.trainee
        self.settings.mode = message.mode
        self.settings.save(self.home_dir)

    def on_home_screen_start_requested(self, message: HomeScreen.StartRequested) -> None:
        self.start_call(message.spec)

    def on_report_screen_again(self, message: ReportScreen.Again) -> None:
        self.start_call(dataclasses.replace(message.spec, seed=random.randrange(1, 2**31)))

    def start_call(self, spec: CallSpec) -> CallScreen | None:
        """Start a Session for `spec` and show the call screen."""
        from trainer.tui.screens.call import CallScreen

        listeners: list[Listener] = list(self.saver.listeners(spec))
        try:
            session = self.session_factory(spec, self.grader, listeners)
        except UserError as exc:
            self.notify(str(exc), severity="error")
            return None
        screen = CallScreen(session, spec, self.grader, typing_delay=self.typing_delay)
        self.push_screen(screen)
        return screen

    def on_call_screen_ended(self, message: CallScreen.Ended) -> None:
        from trainer.tui.screens.report import ReportScreen

        screen = message.call_screen
        saved = self.saver.finish(screen.session.record)
        self.last_saved = saved
        self._refresh_weakest()
        if self.screen is screen:
            self.switch_screen(ReportScreen(screen.session.record, screen.spec, saved))

    def _refresh_weakest(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.weakest = self.saver.weakest_step(self.settings.trainee)

    # Keys ----------------------------------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
        self.settings.theme = self.theme
        self.settings.save(self.home_dir)

    def _active_call(self) -> CallScreen | None:
        from trainer.tui.screens.call import CallScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, CallScreen) and not screen.finished:
                return screen
        return None

    async def action_quit(self) -> None:
        call = self._active_call()
        if call is None:
            self.grader.fail("the app is closing")
            self.exit(0)
            return
        if isinstance(self.screen, ConfirmScreen):
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            call.abandon()
            self.last_saved = self.saver.finish(call.session.record)
            self.grader.fail("the app is closing")
            self.exit(0)

        self.push_screen(
            ConfirmScreen("Quit in the middle of the call? The transcript so far is saved."),
            answered,
        )


def run(library_dirs: list[Path] | None = None) -> int:
    """Run the app and return its exit code."""
    app = DeescalateApp(library_dirs)
    result = app.run()
    if app.last_saved:
        print(f"deescalate: call saved to {app.last_saved}")
    return result or 0
