"""The call screen: transcript, reply box, mood, coach panel, status line."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from trainer.errors import UserError
from trainer.models import Turn
from trainer.tui.contract import CallSpec, SessionLike
from trainer.tui.grader_host import GraderHost, GraderUnavailable
from trainer.tui.messages import HintReady, TurnFailed, TurnFinished
from trainer.tui.safe import clean, one_line
from trainer.tui.screens.dialogs import (
    ConfirmScreen,
    HoldRequest,
    HoldScreen,
    TextScreen,
    brief_text,
    help_text,
)
from trainer.tui.widgets.mood import MoodPanel
from trainer.tui.widgets.reply_input import ReplyInput
from trainer.tui.widgets.status import StatusLine
from trainer.tui.widgets.steps import StepsPanel
from trainer.tui.widgets.transcript import Transcript

COACH_ONLY = frozenset({"hint", "rewind", "suggest"})


class CallScreen(Screen[None]):
    """One call in progress. All call logic lives in the Session; this screen shows it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", priority=True),
        Binding("f2", "brief", "Brief", priority=True),
        Binding("f3", "hold", "Hold", priority=True),
        Binding("f4", "back", "Back", priority=True),
        Binding("f5", "hint", "Hint", priority=True),
        Binding("f6", "rewind", "Rewind", priority=True),
        Binding("f7", "suggest", "Rewrite", priority=True),
        Binding("f8", "transfer", "Transfer", priority=True),
        Binding("f9", "callback", "Call back", priority=True),
        Binding("f10", "end_call", "End", priority=True),
    ]

    class Ended(Message):
        """The call is over; the app shows the report."""

        def __init__(self, screen: CallScreen) -> None:
            super().__init__()
            self.call_screen = screen

    def __init__(
        self,
        session: SessionLike,
        spec: CallSpec,
        grader: GraderHost,
        *,
        typing_delay: float = 0.6,
        note: str = "",
    ) -> None:
        super().__init__()
        self.note = note
        """A line for the top of the transcript (e.g. that the call was resumed)."""
        self.session = session
        self.spec = spec
        self.grader = grader
        self.typing_delay = typing_delay
        self.busy = False
        self.finished = False
        self.started = time.monotonic()
        self.hold_started: float | None = None
        self.start_anger = spec.persona.temperament.anger
        self.patience_top = max(session.mood.patience, 1.0)

    # Layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        persona = self.spec.persona
        with Horizontal(id="call-body"):
            with Vertical(id="call-left"):
                transcript = Transcript(persona.address_as or persona.name, id="transcript")
                transcript.border_title = clean(f"{persona.name} · {self.spec.scenario.title}", 70)
                yield transcript
                reply = ReplyInput(id="reply", placeholder="Type your reply · Enter sends")
                reply.border_title = "Your reply"
                yield reply
            with Vertical(id="call-right"):
                mood = MoodPanel(id="mood")
                mood.border_title = "Mood"
                yield mood
                with VerticalScroll(id="coach-scroll") as scroll:
                    scroll.border_title = "Exam" if self.spec.mode == "exam" else "Coach"
                    if self.spec.drill:
                        scroll.border_title += f" · drill: {self.spec.drill}"
                    yield StepsPanel(id="steps")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        steps = self.query_one(StepsPanel)
        steps.exam = self.spec.mode == "exam"
        self._render_record()
        self._show_mood()
        if self.spec.drill:
            from trainer.tui.drill import drill_note

            self.query_one(Transcript).add_note(drill_note(self.spec.drill))
        if self.note:
            self.query_one(Transcript).add_note(self.note)
        status = self.query_one(StatusLine)
        status.grader = str(getattr(self.app, "grader_state", "ready"))
        self.watch(self.app, "grader_state", self._grader_changed, init=False)
        self.set_interval(1.0, self._tick)
        self.query_one(ReplyInput).focus()

    def _grader_changed(self, state: str) -> None:
        self.query_one(StatusLine).grader = state
        if state == "ready" and self.busy:
            self._activity(f"Grading… then {self._customer} answers")

    @property
    def _customer(self) -> str:
        return one_line(self.spec.persona.address_as, 40)

    def _tick(self) -> None:
        status = self.query_one(StatusLine)
        now = time.monotonic()
        status.elapsed = now - self.started
        status.hold_elapsed = None if self.hold_started is None else now - self.hold_started

    def _activity(self, text: str) -> None:
        self.query_one(StatusLine).activity = text

    # Showing the record --------------------------------------------------------------------

    def _render_trainee(self, turn: Turn) -> None:
        transcript = self.query_one(Transcript)
        if turn.action == "reply":
            transcript.add_trainee(turn.reply)
        elif turn.action == "hold":
            transcript.add_trainee(turn.reply or "(puts you on hold)")
            transcript.add_note(self._hold_note(turn))
        elif turn.action == "back":
            transcript.add_trainee(turn.reply or "(back from hold)")
        elif turn.action == "transfer":
            transcript.add_note("You transfer the call to a manager.")
        elif turn.action == "end":
            transcript.add_note("You end the call.")
        else:
            transcript.add_trainee(turn.reply)

    @staticmethod
    def _hold_note(turn: Turn) -> str:
        if turn.hold is None:
            return "On hold."
        reason = f" to {turn.hold.reason}" if turn.hold.reason else ""
        estimate = f", about {turn.hold.estimate} s" if turn.hold.estimate else ""
        return f"On hold{reason}{estimate}. F4 or Enter brings you back."

    def _render_record(self) -> None:
        transcript = self.query_one(Transcript)
        transcript.clear()
        transcript.add_customer(self.session.opening)
        for turn in self.session.record.turns:
            self._render_trainee(turn)
            if turn.customer_next:
                transcript.add_customer(turn.customer_next)

    def _show_mood(self) -> None:
        mood = self.session.mood
        panel = self.query_one(MoodPanel)
        self.patience_top = max(self.patience_top, mood.patience)
        panel.patience_top = self.patience_top
        panel.anger = mood.anger
        panel.patience = mood.patience
        panel.history = [self.start_anger, *(t.mood.anger for t in self.session.record.turns)]
        steps = self.query_one(StepsPanel)
        graded = [t for t in self.session.record.turns if t.grade is not None]
        steps.graded_replies = len(graded)
        steps.grade = graded[-1].grade if graded else None

    # Running turns -------------------------------------------------------------------------

    def _start(self, action: str, call: Callable[[], Turn]) -> bool:
        if self.finished or self.session.ended:
            self.notify("The call has ended.", severity="warning")
            return False
        if self.busy:
            self.notify(f"Wait for {self._customer} to answer.", severity="warning")
            return False
        self.busy = True
        if self.grader.ready or action in ("transfer", "end"):
            self._activity(f"{self._customer} is listening…")
        else:
            self._activity("Waiting for the grader to load; your reply is queued")
        self._run_turn(action, call)
        return True

    @work(thread=True, group="turn")
    def _run_turn(self, action: str, call: Callable[[], Turn]) -> None:
        try:
            turn = call()
        except (UserError, GraderUnavailable) as exc:
            self.post_message(TurnFailed(action, str(exc)))
            return
        self.post_message(TurnFinished(turn, action))

    def on_turn_failed(self, message: TurnFailed) -> None:
        self.busy = False
        self._activity("")
        self.query_one(Transcript).add_note(f"Could not {message.action}: {message.reason}")
        self.notify(clean(message.reason, 300), severity="error")
        if self.session.ended:
            self._finish()

    def on_turn_finished(self, message: TurnFinished) -> None:
        turn = message.turn
        self.query_one(StepsPanel).hint = ""
        self._show_mood()
        if self.session.on_hold and self.hold_started is None:
            self.hold_started = time.monotonic()
        elif not self.session.on_hold:
            self.hold_started = None
        self._tick()
        self.refresh_bindings()
        if message.action == "hold":
            self.query_one(Transcript).add_note(self._hold_note(turn))
        if message.action == "back" and self.spec.scenario.hold.finding:
            self.query_one(Transcript).add_note(
                f"What you found: {self.spec.scenario.hold.finding}"
            )
        if not turn.customer_next:
            self._customer_done()
            return
        self.query_one(Transcript).set_typing(f"{self._customer} is typing…")
        self._activity(f"{self._customer} is typing…")
        delay = min(self.typing_delay * (1 + len(turn.customer_next) / 120), 3 * self.typing_delay)
        if delay > 0:
            self.set_timer(delay, lambda: self._customer_says(turn.customer_next))
        else:
            self.call_later(self._customer_says, turn.customer_next)

    def _customer_says(self, text: str) -> None:
        transcript = self.query_one(Transcript)
        transcript.set_typing("")
        transcript.add_customer(text)
        self._customer_done()

    def _customer_done(self) -> None:
        self.busy = False
        self._activity("")
        if self.session.ended:
            self._finish()

    def _finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        outcome = (self.session.outcome or "ended").replace("_", " ")
        self.query_one(Transcript).add_note(f"Call over: {outcome}. Opening the report…")
        self._activity(f"Call over: {outcome}")
        self.query_one(ReplyInput).read_only = True
        self.refresh_bindings()
        self.set_timer(max(self.typing_delay * 2, 0.05), self._ended)

    def _ended(self) -> None:
        self.post_message(self.Ended(self))

    # Trainee actions ------------------------------------------------------------------------

    @on(ReplyInput.Submitted)
    def _send(self, event: ReplyInput.Submitted) -> None:
        event.stop()
        text = event.text.strip()
        if self.session.on_hold:
            self.action_back()
            return
        if not text:
            self.notify("Type a reply first.", severity="warning")
            return
        session = self.session
        if self._start("reply", lambda: session.reply(text)):
            self.query_one(Transcript).add_trainee(text)
            event.reply_input.clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in COACH_ONLY and self.spec.mode == "exam":
            return False
        over = self.finished or self.session.ended
        if action == "back":
            return self.session.on_hold and not over
        if action in {"hold", "callback"}:
            return not self.session.on_hold and not over
        if action in {"transfer", "end_call", "rewind", "hint"}:
            return not over
        return True

    def action_help(self) -> None:
        self.app.push_screen(TextScreen("Keys", help_text()))

    def action_brief(self) -> None:
        self.app.push_screen(TextScreen("Brief", brief_text(self.spec.scenario, self.spec.persona)))

    def action_hold(self) -> None:
        if self.busy:
            self.notify(f"Wait for {self._customer} to answer.", severity="warning")
            return
        said = " ".join(self.query_one(ReplyInput).text.split())
        self.app.push_screen(HoldScreen(said, self.spec.scenario.hold.reason), self._hold_chosen)

    def _hold_chosen(self, request: HoldRequest | None) -> None:
        if request is None:
            return
        session = self.session
        seconds = (
            self.spec.scenario.hold.seconds
            if self.spec.scenario.hold.required
            else request.estimate_seconds
        )

        def hold() -> Turn:
            return session.hold(
                seconds,
                reason=request.reason,
                estimate=str(request.estimate_seconds),
                text=request.text,
            )

        if self._start("hold", hold):
            self.query_one(ReplyInput).clear()
            self.query_one(Transcript).add_trainee(request.text or "(puts you on hold)")

    def action_back(self) -> None:
        reply = self.query_one(ReplyInput)
        text = reply.text.strip()
        session = self.session
        if self._start("back", lambda: session.back(text)):
            self.query_one(Transcript).add_trainee(text or "(back from hold)")
            reply.clear()

    def action_callback(self) -> None:
        """Offer to call the customer back, in the words typed in the reply box."""
        reply = self.query_one(ReplyInput)
        text = reply.text.strip()
        session = self.session
        if self._start("callback", lambda: session.callback(text)):
            self.query_one(Transcript).add_trainee(text or "(offers to call back)")
            reply.clear()

    def action_transfer(self) -> None:
        self.app.push_screen(
            ConfirmScreen(
                "Transfer the call to a manager? Your part of the call ends.", "Transfer"
            ),
            self._transfer_chosen,
        )

    def _transfer_chosen(self, yes: bool | None) -> None:
        session = self.session
        if yes and self._start("transfer", session.transfer):
            self.query_one(Transcript).add_note("You transfer the call to a manager.")

    def action_end_call(self) -> None:
        self.app.push_screen(ConfirmScreen("End the call now?", "End call"), self._end_chosen)

    def _end_chosen(self, yes: bool | None) -> None:
        session = self.session
        if yes and self._start("end", session.end):
            self.query_one(Transcript).add_note("You end the call.")

    def action_rewind(self) -> None:
        if self.busy:
            self.notify(f"Wait for {self._customer} to answer.", severity="warning")
            return
        if not self.session.rewind():
            self.notify("Nothing to rewind yet.", severity="warning")
            return
        self.hold_started = time.monotonic() if self.session.on_hold else None
        self._render_record()
        self._show_mood()
        self.query_one(StepsPanel).hint = ""
        self.refresh_bindings()
        self.notify("Last reply rewound: try it another way.")

    def action_hint(self) -> None:
        if self.busy:
            self.notify(f"Wait for {self._customer} to answer.", severity="warning")
            return
        self._activity("Finding a hint…")
        self._run_hint()

    @work(thread=True, group="hint", exclusive=True)
    def _run_hint(self) -> None:
        try:
            text = self.session.hint()
        except (UserError, GraderUnavailable) as exc:
            text = str(exc)
        self.post_message(HintReady(text))

    def on_hint_ready(self, message: HintReady) -> None:
        if not self.busy:
            self._activity("")
        steps = self.query_one(StepsPanel)
        steps.hint = message.text or "Send a reply first; the hint looks at your last reply."
        self.query_one("#coach-scroll", VerticalScroll).scroll_end(animate=False)

    def action_suggest(self) -> None:
        steps = self.query_one(StepsPanel)
        steps.show_suggested = not steps.show_suggested

    # Leaving -------------------------------------------------------------------------------

    def abandon(self) -> None:
        """End the call as abandoned (used when quitting mid-call), if it is safe to."""
        if not self.busy and not self.session.ended:
            try:
                self.session.end()
            except UserError:
                return
