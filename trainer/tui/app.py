"""The Textual application: the practice room.

Nothing heavy is imported on the way to the first paint: the grader (torch, transformers)
loads in a background thread once the home screen is up, and so does the store
(SQLAlchemy), which then tells the home screen the weakest step and any call left
unfinished by a crash or a closed terminal, to resume.
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

from rich.text import Text
from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input

from trainer.errors import UserError
from trainer.tui.contract import (
    CallSpec,
    Listener,
    Mode,
    ResumeFactory,
    SessionFactory,
    default_resume_factory,
    default_session_factory,
)
from trainer.tui.grader_host import (
    GraderFactory,
    GraderHost,
    GraderUnavailable,
    default_grader_factory,
)
from trainer.tui.messages import (
    GraderFailed,
    GraderReady,
    HistoryLoaded,
    LibraryLoaded,
    ResumeFailed,
    ResumeReady,
)
from trainer.tui.safe import clean, one_line
from trainer.tui.saving import Saver
from trainer.tui.screens.dialogs import ConfirmScreen, ResumeScreen
from trainer.tui.screens.home import HomeScreen
from trainer.tui.userdata import Settings, data_dir
from trainer.tui.widgets.practice import PracticeLoaded, TodaysPractice, load_practice

if TYPE_CHECKING:
    from trainer.library import Library
    from trainer.store import SessionInfo
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
        resume_factory: ResumeFactory | None = None,
        home: Path | None = None,
        typing_delay: float = 0.6,
        use_store: bool = True,
        db_url: str | None = None,
    ) -> None:
        super().__init__()
        self.library: Library | None = library
        self.library_dirs = list(library_dirs or [])
        self.grader_factory = grader_factory or default_grader_factory
        self.session_factory = session_factory or default_session_factory
        self.resume_factory = resume_factory or default_resume_factory
        self.home_dir = home or data_dir()
        self.typing_delay = typing_delay
        self.grader = GraderHost()
        self.settings = Settings.load(self.home_dir)
        self.saver = Saver(self.home_dir, use_store=use_store, db_url=db_url)
        self.resumable: SessionInfo | None = None
        """The latest unfinished call of this trainee, offered for resuming."""
        self._set_aside: set[str] = set()
        """Unfinished calls the trainee discarded or postponed in this launch."""
        self._resume_offered = False
        self.grader_seconds: float | None = None
        self.first_paint: float | None = None
        """`time.monotonic()` after the first screen was rendered."""
        self.grader_ready_at: float | None = None
        self.heavy_at_paint: bool | None = None
        """Whether torch or transformers had been imported by the first paint (should be False)."""
        self.last_saved: str = ""
        self._practice_timer: Timer | None = None
        self.kept_unfinished = False
        """True when quitting kept the call unfinished in the store, to resume next time."""
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def get_default_screen(self) -> HomeScreen:
        mode: Mode = "exam" if self.settings.mode == "exam" else "coach"
        return HomeScreen(self.library, self.settings.trainee, mode)

    def on_mount(self) -> None:
        self.call_after_refresh(self._painted)
        if not self.is_headless and os.isatty(self._stdin_fd):
            self.set_interval(1.0, self._watch_terminal, name="terminal-watch")

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
        self._post_history(self.settings.trainee)

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
        record = screen.session.record
        saved = self.saver.finish(record)
        self.last_saved = saved
        self._refresh_history()
        if self.screen is screen:
            command = self.saver.report_command(record)
            self.switch_screen(ReportScreen(record, screen.spec, saved, command))

    # History: weakest step and unfinished calls --------------------------------------------

    def _refresh_history(self) -> None:
        self._load_history(self.settings.trainee)

    @work(thread=True, group="history", exclusive=True)
    def _load_history(self, trainee: str) -> None:
        self._post_history(trainee)

    def _post_history(self, trainee: str) -> None:
        """Ask the store (from a worker thread) about this trainee; the answer is a message."""
        if self.saver.store is None:
            return
        weakest = self.saver.weakest_step(trainee)
        unfinished = self.saver.unfinished(trainee)
        self.post_message(HistoryLoaded(weakest, unfinished))
        self._post_practice(trainee)

    # Today's practice: for the name in the name box, reloaded as it is typed -------------

    def _post_practice(self, trainee: str) -> None:
        if self.saver.store is None:
            return  # not open yet: opening it posts the practice
        practice = load_practice(self.saver.store, self.library, self.library_dirs, trainee)
        self.post_message(PracticeLoaded(trainee, practice))

    @on(Input.Changed, "#trainee")
    def _trainee_typed(self, event: Input.Changed) -> None:
        if self._practice_timer is not None:
            self._practice_timer.stop()
        name = clean(event.value.strip(), 60)
        self._practice_timer = self.set_timer(0.4, lambda: self._load_practice(name))

    @work(thread=True, group="practice", exclusive=True)
    def _load_practice(self, trainee: str) -> None:
        self._post_practice(trainee)

    def on_practice_loaded(self, message: PracticeLoaded) -> None:
        wanted = clean(message.trainee, 60)
        for screen in self.screen_stack:
            # An answer for a name no longer in the box (typed over since) is dropped.
            if isinstance(screen, HomeScreen) and clean(screen.trainee, 60) == wanted:
                for panel in screen.query(TodaysPractice):
                    panel.practice = message.practice

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        candidates = [i for i in message.unfinished if i.id not in self._set_aside]
        self.resumable = candidates[0] if candidates else None
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.weakest = message.weakest
                screen.resumable = self.resumable is not None
        if self.resumable is not None and not self._resume_offered:
            self._resume_offered = True
            if isinstance(self.screen, HomeScreen):
                self.offer_resume()

    def on_home_screen_resume_requested(self, message: HomeScreen.ResumeRequested) -> None:
        self.offer_resume()

    def offer_resume(self) -> None:
        """Ask whether to resume the latest unfinished call: resume, discard or later."""
        info = self.resumable
        if info is None or isinstance(self.screen, ResumeScreen):
            return

        def chosen(choice: str | None) -> None:
            if choice == "resume":
                self.notify("Resuming the call: replaying what was said…")
                self._resume(info)
            elif choice == "discard":
                self._forget(info, "Discarded: marked abandoned; it stays in your history.")
                self._abandon(info.id)
            # "later": it stays on offer under F8 on the home screen.

        self.push_screen(ResumeScreen(self._describe(info)), chosen)

    @work(thread=True, group="store")
    def _abandon(self, session_id: str) -> None:
        """Mark a discarded call abandoned in the store, so it is not offered again."""
        store = self.saver.store
        if store is None:
            return
        try:
            store.abandon(session_id)
        except UserError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")

    def _forget(self, info: SessionInfo, note: str) -> None:
        self._set_aside.add(info.id)
        self.resumable = None
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.resumable = False
        if note:
            self.notify(note)

    def _describe(self, info: SessionInfo) -> Text:
        persona, scenario = info.persona, info.scenario
        if self.library is not None:
            if info.persona in self.library.personas:
                persona = self.library.personas[info.persona].item.name
            if info.scenario in self.library.scenarios:
                scenario = self.library.scenarios[info.scenario].item.title
        out = Text()
        out.append("A call was left unfinished")
        out.append(f" on {info.started_at:%Y-%m-%d %H:%M}", style="bold")
        out.append(" (UTC):\n")
        out.append(f"  {one_line(persona, 40)} · {one_line(scenario, 60)}\n", style="bold")
        turns = f"{info.turns} turn{'s' if info.turns != 1 else ''}"
        out.append(f"  {turns} done, {info.mode} mode\n\n")
        out.append("Resume from the last finished turn, discard it (it stays in your history), ")
        out.append("or decide later (F8 on the home screen).")
        return out

    @work(thread=True, group="resume", exclusive=True)
    def _resume(self, info: SessionInfo) -> None:
        """Load the record and replay it (grading waits for the grader) off the event loop."""
        library = self.library
        try:
            record = self.saver.load(info.id)
            if library is None:
                raise UserError("the library is still loading")
            if record.persona not in library.personas:
                raise UserError(f"caller {record.persona!r} is no longer in the library")
            if record.scenario not in library.scenarios:
                raise UserError(f"scenario {record.scenario!r} is no longer in the library")
            persona = library.personas[record.persona]
            scenario = library.scenarios[record.scenario]
            mode: Mode = "exam" if record.mode == "exam" else "coach"
            spec = CallSpec(
                persona=persona.item,
                scenario=scenario.item,
                mode=mode,
                trainee=record.trainee,
                seed=record.seed,
                persona_hash=persona.digest,
                scenario_hash=scenario.digest,
            )
            listeners: list[Listener] = list(self.saver.listeners(spec))
            session = self.resume_factory(record, spec, self.grader, listeners)
        except (UserError, GraderUnavailable) as exc:
            self.post_message(ResumeFailed(str(exc)))
            return
        self.post_message(ResumeReady(session, spec))

    def on_resume_ready(self, message: ResumeReady) -> None:
        from trainer.tui.screens.call import CallScreen

        info = self.resumable
        if info is not None and info.id == message.session.record.id:
            self._forget(info, "")
        if self._active_call() is not None:
            self.notify("Finish this call first; the other one can be resumed later.")
            return
        turns = len(message.session.record.turns)
        note = f"Resumed from the last finished turn ({turns} turn{'s' if turns != 1 else ''})."
        screen = CallScreen(
            message.session,
            message.spec,
            self.grader,
            typing_delay=self.typing_delay,
            note=note,
        )
        self.push_screen(screen)

    def on_resume_failed(self, message: ResumeFailed) -> None:
        self.notify(f"Could not resume the call: {clean(message.reason, 300)}", severity="error")

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

    @property
    def _stdin_fd(self) -> int:
        """The terminal's file descriptor (standard input)."""
        stream = sys.__stdin__
        return stream.fileno() if stream is not None else 0

    def _close_call_and_exit(self, call: CallScreen | None) -> None:
        """Leave the app, keeping a call in progress: unfinished in the store (to resume),
        or ended as abandoned and saved as JSON when there is no store."""
        if call is not None:
            keep = self.saver.store is not None
            if not keep:
                call.abandon()
            self.last_saved = self.saver.finish(call.session.record)
            self.kept_unfinished = keep and call.session.record.outcome is None
        self.grader.fail("the app is closing")
        self.exit(0)

    def _watch_terminal(self) -> None:
        """Exit when the terminal has gone (window closed, ssh dropped).

        Textual's input thread does not notice a hung-up terminal and spins, so without this a
        closed window would leave a busy process behind. Every finished turn is already saved;
        the call stays resumable.
        """
        try:
            alive = os.isatty(self._stdin_fd)
        except OSError:
            alive = False
        if not alive:
            self._close_call_and_exit(self._active_call())

    async def action_quit(self) -> None:
        call = self._active_call()
        if call is None:
            self.grader.fail("the app is closing")
            self.exit(0)
            return
        if isinstance(self.screen, ConfirmScreen):
            return

        # With the store open the call is kept unfinished, to resume on the next start;
        # without it (JSON files) there is no resuming, so the call ends as abandoned.
        keep = self.saver.store is not None

        def answered(yes: bool | None) -> None:
            if yes:
                self._close_call_and_exit(call)

        question = (
            "Quit in the middle of the call? It is kept: you can resume it next time you start."
            if keep
            else "Quit in the middle of the call? The transcript so far is saved."
        )
        self.push_screen(ConfirmScreen(question), answered)


def run(library_dirs: list[Path] | None = None, db_url: str | None = None) -> int:
    """Run the app and return its exit code.

    Args:
        library_dirs: extra folders of persona and scenario files.
        db_url: a database URL for the call history (default: DEESCALATE_DB, else the
            SQLite file in the data folder).
    """
    app = DeescalateApp(library_dirs, db_url=db_url)
    result = app.run()
    if app.kept_unfinished:
        print(f"deescalate: call kept unfinished ({app.last_saved}); resume it on the next start")
    elif app.last_saved:
        print(f"deescalate: call saved to {app.last_saved}")
    return result or 0
