"""The grader as the practice room sees it: loading in the background, usable at once.

A call can start before the grader model has loaded. The Session is handed a `GraderHost`,
whose `grade` waits (inside the worker thread that runs the turn, never on the event loop)
until the real grader is ready. The screen shows the waiting state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from trainer.models.grade import Grade, GradeContext


class GraderLike(Protocol):
    """Anything that grades a reply (the Session API's grader protocol)."""

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade: ...


GraderFactory = Callable[[], GraderLike]


class GraderUnavailable(RuntimeError):
    """The grader failed to load, or the app is closing."""


def default_grader_factory() -> GraderLike:
    """Load the real grader; torch and transformers are imported only here."""
    from trainer.grading import get_grader

    grader: GraderLike = get_grader()
    return grader


class GraderHost:
    """Stands in for the grader while it loads; thread-safe."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._grader: GraderLike | None = None
        self._error: str = ""

    @property
    def ready(self) -> bool:
        """True once the real grader can grade."""
        return self._grader is not None

    @property
    def error(self) -> str:
        """Why the grader is unavailable, or ``""``."""
        return self._error

    @property
    def embedder(self) -> Any:
        """The loaded grader's sentence embedder, or None (still loading, or rules only).

        The simulated customer reads offers by meaning with it (`trainer.simulation.offers`),
        so the practice room's customer hears what the trainee offers the way `play` does.
        """
        return getattr(self._grader, "embedder", None)

    def set_grader(self, grader: GraderLike) -> None:
        """Hand over the loaded grader and release any waiting turn."""
        self._grader = grader
        self._done.set()

    def fail(self, reason: str) -> None:
        """Record that loading failed (or the app is closing) and release waiters."""
        if self._grader is None:
            self._error = reason
        self._done.set()

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade:
        """Grade with the real grader, waiting for it to load first."""
        self._done.wait()
        if self._grader is None:
            raise GraderUnavailable(self._error or "the grader is not available")
        return self._grader.grade(reply, context)
