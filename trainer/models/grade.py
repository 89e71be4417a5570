"""What the grader says about one reply."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, computed_field

from trainer.models.scenario import Scenario

Step = Literal["person", "job", "apology", "ask"]
Verdict = Literal["pass", "fail", "not_due"]
STEPS: tuple[Step, ...] = ("person", "job", "apology", "ask")

STEP_TITLES: dict[Step, str] = {
    "person": "Remember the person",
    "job": "Remember your job",
    "apology": "Apologise sincerely",
    "ask": "Ask how you can help",
}

# Call-craft flags the grader may raise. Persona triggers name these ids.
FLAGS: dict[str, str] = {
    "name_used": "used the customer's name",
    "calm_down": "told them to calm down or was dismissive",
    "minimising": "played the problem down",
    "sarcasm": "sarcastic",
    "blame": "blamed the customer or a colleague",
    "explaining_cause": "explained or guessed why it happened instead of fixing it",
    "defending": "defended the company or product",
    "arguing": "argued or corrected the customer",
    "policy_wall": "hid behind policy",
    "not_my_department": "passed the problem elsewhere",
    "call_us_back": "made the customer call back",
    "counter_threat": "threatened the customer back",
    "profanity": "swore",
    "shouting": "shouted (capitals or !!!)",
    "wall_of_text": "wrote a wall of text",
    "repeated_reply": "same reply as earlier in the call",
    "forbidden_remedy": "promised something policy forbids",
    "remedy_offered": "offered an allowed remedy",
    "data_only": "asked only for data (account number, postcode)",
    "rhetorical": "asked a rhetorical question",
    "hold_asked_permission": "asked permission before the hold",
    "hold_no_permission": "put them on hold without asking",
    "hold_gave_reason": "gave a reason for the hold",
    "hold_no_reason": "gave no reason for the hold",
    "hold_gave_estimate": "gave a time estimate for the hold",
    "hold_no_estimate": "gave no time estimate for the hold",
    "truncated": "reply was too long and was cut for grading",
    "language": "not in English: only English replies are graded",
    "empty": "reply was empty",
}


POSITIVE_FLAGS: frozenset[str] = frozenset(
    {
        "name_used",
        "remedy_offered",
        "hold_asked_permission",
        "hold_gave_reason",
        "hold_gave_estimate",
    }
)
"""Flags that mark something done well; every other flag is a fault."""


class StepVerdict(BaseModel):
    """The verdict on one step of the method."""

    passed: bool
    """Whether the reply did this step (kept for compatibility; see `verdict`)."""
    due: bool = True
    """Whether this step counts on this turn: the call needed it here, or the reply committed
    a failure of it (a committed failure always counts). Pass rates count due steps only."""
    committed: bool = False
    """The reply committed a named failure of this step (sorry-but, calm down, policy wall,
    rhetorical question...), as opposed to leaving the step out."""
    score: float = Field(ge=0, le=1)
    """Calibrated probability that the step was done."""
    evidence: list[str] = Field(default_factory=list)
    """Exact spans of the reply that decided it, or a note of what was missing."""
    advice: str = ""
    """One or two sentences aimed at this reply."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def verdict(self) -> Verdict:
        """`pass`, `fail`, or `not_due` (left out where the call did not need the step)."""
        if self.passed:
            return "pass"
        return "fail" if self.due or self.committed else "not_due"


class Grade(BaseModel):
    """The four verdicts on one reply, plus call-craft flags and a better version."""

    person: StepVerdict
    job: StepVerdict
    apology: StepVerdict
    ask: StepVerdict
    flags: list[str] = Field(default_factory=list)
    """Call-craft flag ids (see FLAGS)."""
    suggested: str = ""
    """A rewrite of the reply that passes all four steps."""
    remedies_offered: list[str] = Field(default_factory=list)
    """Ids of allowed scenario remedies the reply offers."""
    forbidden_promised: list[str] = Field(default_factory=list)
    """Labels of forbidden remedies the reply promises."""

    def step(self, name: Step) -> StepVerdict:
        """The verdict for a step by name."""
        verdict: StepVerdict = getattr(self, name)
        return verdict

    @property
    def passed_steps(self) -> int:
        """How many of the four steps passed."""
        return sum(self.step(s).passed for s in STEPS)

    def to_public(self) -> dict[str, object]:
        """The JSON shape `deescalate grade` prints (without the id)."""
        return {
            "steps": {s: self.step(s).model_dump() for s in STEPS},
            "flags": list(self.flags),
            "suggested": self.suggested,
            "passed_steps": self.passed_steps,
        }


class GradeContext(BaseModel):
    """What the grader knows besides the reply itself."""

    model_config = {"arbitrary_types_allowed": True}

    customer: str = ""
    """The customer's last line."""
    customer_name: str = ""
    """How the customer is addressed, e.g. `Ms Ortiz`."""
    previous_replies: list[str] = Field(default_factory=list)
    """The trainee's earlier replies in this call."""
    scenario: Scenario | None = None
    """The scenario, for allowed and forbidden remedies and the issue."""
    on_hold: bool = False
    """True when the caller is on hold (the reply is the return from hold)."""
