"""Messages the workers post back to the screens (results travel up, never by callback)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from trainer.library import Library
    from trainer.models import Step
    from trainer.models.record import Turn
    from trainer.store import SessionInfo
    from trainer.tui.contract import CallSpec, SessionLike


class GraderReady(Message):
    """The grader finished loading."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds


class GraderFailed(Message):
    """The grader could not be loaded."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class TurnFinished(Message):
    """The Session finished a turn (a reply, hold, back, transfer or end)."""

    def __init__(self, turn: Turn, action: str) -> None:
        super().__init__()
        self.turn = turn
        self.action = action


class TurnFailed(Message):
    """A turn could not be completed; the reason is shown and the trainee can try again."""

    def __init__(self, action: str, reason: str) -> None:
        super().__init__()
        self.action = action
        self.reason = reason


class HintReady(Message):
    """The hint for the last reply."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class LibraryLoaded(Message):
    """The persona and scenario files have been read."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library


class HistoryLoaded(Message):
    """The store answered for the current trainee: weakest step and unfinished calls."""

    def __init__(self, weakest: Step | None, unfinished: list[SessionInfo]) -> None:
        super().__init__()
        self.weakest = weakest
        self.unfinished = unfinished


class ResumeReady(Message):
    """An interrupted call has been rebuilt and can be shown."""

    def __init__(self, session: SessionLike, spec: CallSpec) -> None:
        super().__init__()
        self.session = session
        self.spec = spec


class ResumeFailed(Message):
    """An interrupted call could not be rebuilt."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason
