"""One call as it happened: turns, mood, outcome."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from trainer.models.grade import STEPS, Grade

Outcome = Literal["resolved", "escalated", "churned", "hung_up", "safety_end", "abandoned"]
OUTCOMES: tuple[Outcome, ...] = (
    "resolved",
    "escalated",
    "churned",
    "hung_up",
    "safety_end",
    "abandoned",
)
Mode = Literal["coach", "exam"]
Action = Literal["reply", "hold", "back", "transfer", "callback", "end"]
GRADED_ACTIONS: frozenset[str] = frozenset({"reply", "back", "callback"})
"""Actions whose words count as a reply in pass rates and the turn limit (a hold announcement
is judged on hold etiquette, not on the four steps)."""


class Mood(BaseModel):
    """The customer's state after a turn."""

    anger: float = Field(ge=0, le=10)
    """0 calm to 10 furious."""
    trust: float = Field(ge=0, le=1)
    """How far they believe the agent will sort it, 0 to 1."""
    patience: float = Field(ge=0)
    """Patience left; at 0 they hang up."""
    vent: float = Field(default=0, ge=0, le=1)
    """How far their need to be heard is met."""
    apology: float = Field(default=0, ge=0, le=1)
    """How far their need for an apology is met."""
    compensation: float = Field(default=0, ge=0, le=1)
    """How far their need to have it put right is met."""


HOLD_SECONDS = (1, 3600)
"""Shortest and longest hold a trainee may announce, in seconds (every front end checks it
first to word its own message; the session refuses anything else)."""


class HoldInfo(BaseModel):
    """A hold as the trainee announced it and how it went."""

    seconds: int = 0
    """Simulated seconds on hold."""
    reason: str = ""
    """The reason the trainee gave."""
    estimate: str = ""
    """The time estimate the trainee gave, as typed."""
    asked_permission: bool = False
    gave_reason: bool = False
    gave_estimate: bool = False
    checked_back: bool = True
    """False when the hold ran over two minutes without a check-in."""
    thanked_on_return: bool | None = None
    """Whether the first reply after the hold thanked them (None until known)."""


class Attempt(BaseModel):
    """A reply that the trainee rewound, kept for the report."""

    reply: str
    grade: Grade | None = None
    mood: Mood | None = None
    customer_next: str = ""


class Turn(BaseModel):
    """One exchange: the customer's line, what the trainee did, and what followed."""

    index: int
    """0-based turn number."""
    customer: str
    """What the customer had just said."""
    action: Action = "reply"
    """What the trainee did."""
    reply: str = ""
    """What the trainee typed (the hold announcement for a hold)."""
    grade: Grade | None = None
    """The grader's verdict on the reply (None for actions without words)."""
    mood: Mood
    """The customer's mood after this turn."""
    move: str = ""
    """The customer's move in response (vent, accept, hang_up, ...)."""
    customer_next: str = ""
    """What the customer said in response."""
    hold: HoldInfo | None = None
    """Details when this turn was a hold."""
    attempts: list[Attempt] = Field(default_factory=list)
    """Earlier tries at this turn that were rewound."""


def _zero_rates() -> dict[str, float | None]:
    return {str(step): 0.0 for step in STEPS}


class Summary(BaseModel):
    """Totals for a call."""

    replies: int = 0
    pass_rates: dict[str, float | None] = Field(default_factory=lambda: _zero_rates())
    """Share of the graded replies that needed each step (`due`) and passed it; None when no
    reply needed it."""
    flags: dict[str, int] = Field(default_factory=dict)
    """How often each flag was raised."""
    escalation: Literal["", "fair", "weak"] = ""
    """For a transfer: `fair` after a genuine attempt when the scenario needs authority, else `weak`."""
    notes: list[str] = Field(default_factory=list)
    """How the call ended, in words for the report (turn limit, call-back agreed, ...)."""


class SessionRecord(BaseModel):
    """The whole call, as saved and exported."""

    id: str = ""
    trainee: str = ""
    agent_name: str = ""
    """The name the trainee gave the customer (fills `{agent}`; needed to replay the call)."""
    persona: str
    scenario: str
    seed: int
    mode: Mode = "coach"
    outcome: Outcome | None = None
    turns: list[Turn] = Field(default_factory=list)
    final_mood: Mood | None = None
    summary: Summary = Field(default_factory=Summary)
    opening: str = ""
    started_at: str = ""
    ended_at: str = ""
    persona_hash: str = ""
    scenario_hash: str = ""
    app_version: str = ""
