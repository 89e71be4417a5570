"""What the practice room needs from a call (the Session API in docs/TEAM-NOTES.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from trainer.tui.grader_host import GraderLike

if TYPE_CHECKING:
    from trainer.models import Mood, Outcome, Persona, Scenario, SessionRecord, Step, Turn

Mode = Literal["coach", "exam"]
Listener = Callable[[Any], None]


class SessionLike(Protocol):
    """The parts of `trainer.session.Session` the screens use."""

    @property
    def record(self) -> SessionRecord: ...
    @property
    def opening(self) -> str: ...
    @property
    def mood(self) -> Mood: ...
    @property
    def ended(self) -> bool: ...
    @property
    def outcome(self) -> Outcome | None: ...
    @property
    def on_hold(self) -> bool: ...

    def reply(self, text: str) -> Turn: ...
    def hold(self, seconds: int, reason: str = "", estimate: str = "", text: str = "") -> Turn: ...
    def back(self, text: str = "") -> Turn: ...
    def transfer(self) -> Turn: ...
    def callback(self, text: str = "") -> Turn: ...
    def end(self) -> Turn: ...
    def rewind(self) -> bool: ...
    def hint(self) -> str: ...


@dataclass(frozen=True)
class CallSpec:
    """Everything chosen on the home screen to start a call."""

    persona: Persona
    scenario: Scenario
    mode: Mode = "coach"
    trainee: str = ""
    seed: int = 0
    persona_hash: str = ""
    scenario_hash: str = ""
    drill: Step | None = None
    """The step this call drills ("drill my weakest step"), else None."""


SessionFactory = Callable[[CallSpec, GraderLike, Sequence[Listener]], SessionLike]
ResumeFactory = Callable[["SessionRecord", CallSpec, GraderLike, Sequence[Listener]], SessionLike]


def default_session_factory(
    spec: CallSpec, grader: GraderLike, listeners: Sequence[Listener]
) -> SessionLike:
    """Start a real `trainer.session.Session` for the chosen call."""
    from trainer.session import Session

    session: SessionLike = Session(
        spec.persona,
        spec.scenario,
        grader=grader,
        seed=spec.seed,
        mode=spec.mode,
        trainee=spec.trainee,
        agent_name=spec.trainee,
        listeners=listeners,
        persona_hash=spec.persona_hash,
        scenario_hash=spec.scenario_hash,
    )
    return session


def default_resume_factory(
    record: SessionRecord, spec: CallSpec, grader: GraderLike, listeners: Sequence[Listener]
) -> SessionLike:
    """Rebuild an interrupted call with `Session.replay` (the listeners see only new turns)."""
    from trainer.session import Session

    session: SessionLike = Session.replay(
        record, spec.persona, spec.scenario, grader, listeners=listeners
    )
    return session
