"""A simulated customer: who they are, how angry, what they need, how they talk."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from trainer.models.base import Strict, check_slots
from trainer.models.tactics import TACTIC_IDS

Line = Annotated[str, Field(min_length=1, max_length=600)]
Difficulty = Literal["easy", "medium", "hard"]


def _check_lines(lines: list[str]) -> list[str]:
    for line in lines:
        check_slots(line)
    return lines


class Temperament(Strict):
    """How this customer's anger behaves over a call."""

    anger: float = Field(ge=0, le=10)
    """Anger at the start of the call, 0 (calm) to 10 (furious)."""
    patience: float = Field(default=5, ge=1, le=10)
    """How much poor handling and waiting they take before hanging up, 1 (none) to 10 (a saint)."""
    volatility: float = Field(default=1.0, ge=0.1, le=3)
    """How sharply bad replies and triggers raise their anger (1 is typical, 2 is a short fuse)."""
    cooling: float = Field(default=1.0, ge=0.1, le=3)
    """How fast good replies bring their anger down (1 is typical, 0.5 is slow to forgive)."""


class Needs(Strict):
    """Why they complain. Weights are relative; the simulator normalises them."""

    vent: float = Field(default=1, ge=0, le=10)
    """How much they need to be heard (met by acknowledging the person)."""
    apology: float = Field(default=1, ge=0, le=10)
    """How much they need a sincere apology."""
    compensation: float = Field(default=1, ge=0, le=10)
    """How much they need something put right (met by asking and by an allowed remedy)."""

    @model_validator(mode="after")
    def _some_need(self) -> Needs:
        if self.vent + self.apology + self.compensation <= 0:
            raise ValueError("at least one of vent, apology, compensation must be above 0")
        return self


class Trigger(Strict):
    """Something the trainee can say or do that inflames this customer."""

    flag: str | None = None
    """A grader flag that sets it off, e.g. `calm_down`, `policy_wall`, `hold_no_permission`."""
    phrase: str | None = Field(default=None, min_length=2, max_length=80)
    """A phrase (case-insensitive) in the trainee's reply that sets it off, e.g. `per our policy`."""
    anger: float = Field(default=1.5, ge=0, le=5)
    """Extra anger when it fires, on the 0-10 scale."""
    say: list[Line] = Field(default_factory=list)
    """What they snap back when it fires (optional; slots allowed)."""

    _v_say = field_validator("say")(_check_lines)

    @model_validator(mode="after")
    def _one_kind(self) -> Trigger:
        if (self.flag is None) == (self.phrase is None):
            raise ValueError("a trigger needs exactly one of `flag` or `phrase`")
        if self.flag is not None:
            from trainer.models.grade import FLAGS

            if self.flag not in FLAGS:
                raise ValueError(f"unknown flag {self.flag!r}; see `deescalate schema persona`")
        return self


class Tactic(Strict):
    """A move from CALL-CRAFT.md 'What angry customers say' that this customer uses."""

    id: str
    """Tactic id, e.g. `take_business_elsewhere`, `threat_to_sue`, `manager_demand`."""
    at: float = Field(ge=0, le=10)
    """Anger level at or above which the tactic comes out."""
    lines: list[Line] = Field(min_length=1)
    """What they say when using it (several variants; slots allowed)."""

    _v_lines = field_validator("lines")(_check_lines)

    @field_validator("id")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in TACTIC_IDS:
            raise ValueError(f"unknown tactic id {value!r}; run `deescalate check --coverage`")
        return value


class Lines(Strict):
    """The customer's words for each move. Several variants per move; slots allowed."""

    vent: list[Line] = Field(min_length=1)
    """Letting off steam about the problem."""
    restate: list[Line] = Field(min_length=1)
    """Saying the problem again because they feel unheard."""
    demand: list[Line] = Field(min_length=1)
    """Demanding action now."""
    test: list[Line] = Field(min_length=1)
    """Testing whether the agent means it ('And how do I know you'll actually do it?')."""
    soften: list[Line] = Field(min_length=1)
    """Calming down a little."""
    state_want: list[Line] = Field(min_length=1)
    """Saying what they want, once asked."""
    accept: list[Line] = Field(min_length=1)
    """Accepting an offered remedy and staying a customer."""
    reject: list[Line] = Field(min_length=1)
    """Turning down an offered remedy (too little, too late)."""
    hang_up: list[Line] = Field(min_length=1)
    """Ending the call in anger when patience runs out."""
    leave: list[Line] = Field(min_length=1)
    """Saying they are leaving for good (churn)."""
    hold_ok: list[Line] = Field(min_length=1)
    """Agreeing to be put on hold."""
    hold_return: list[Line] = Field(min_length=1)
    """What they say when the agent comes back from hold."""
    transfer: list[Line] = Field(default_factory=list)
    """What they say as they are put through to a manager (optional; `hold_ok` lines otherwise)."""
    explain: list[Line] = Field(default_factory=list)
    """Answering a question about what happened ("When did it start?") (optional; `vent` lines
    otherwise)."""
    answer: list[Line] = Field(default_factory=list)
    """Answering a request for a detail the scenario's `details` do not cover (optional;
    built-in lines otherwise)."""
    confirm: list[Line] = Field(default_factory=list)
    """Agreeing to an offer in principle and asking for it to be made certain ("Is that booked,
    or are you trying?") (optional; `test` lines otherwise)."""
    refused: list[Line] = Field(default_factory=list)
    """Answering a refusal ("You can't? Then what can you do?") (optional; `demand` lines
    otherwise)."""
    frustrated: list[Line] = Field(default_factory=list)
    """Losing patience when what they need is ignored turn after turn (optional; `demand` lines
    otherwise)."""
    callback_ask: list[Line] = Field(default_factory=list)
    """Asking when and on which number, once a call-back is offered (optional; built-in lines
    otherwise)."""
    callback_time: list[Line] = Field(default_factory=list)
    """Saying when suits them for a call-back, when asked (optional; built-in lines otherwise)."""
    callback_number: list[Line] = Field(default_factory=list)
    """Confirming the number to ring, when asked (optional; built-in lines otherwise)."""

    _v = field_validator("*")(_check_lines)


class Example(Strict):
    """A sample trainee reply and how this customer should react, for `check --examples`."""

    reply: str = Field(min_length=1, max_length=2000)
    """What the trainee says as their first reply."""
    expect: Literal["calmer", "angrier"]
    """Whether the customer's anger should go down (`calmer`) or up (`angrier`)."""


class Persona(Strict):
    """A simulated irate customer, authored as a YAML file in `personas/`."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)
    """Unique id, lower-case letters, digits, `-` and `_` (e.g. `billing-leaver`)."""
    extends: str | None = None
    """Id of another persona (often an archetype) whose fields this one inherits and overrides."""
    abstract: bool = False
    """True for archetypes: a base to extend, not offered for play."""
    name: str = Field(min_length=1, max_length=80)
    """Display name, e.g. `Dana Whitlock`."""
    address_as: str = Field(min_length=1, max_length=80)
    """How they want to be addressed, e.g. `Ms Whitlock`; fills `{customer}`."""
    bio: str = Field(min_length=1, max_length=1000)
    """A short biography the trainer sees: who they are and why this matters to them."""
    temperament: Temperament
    """How their anger behaves."""
    difficulty: Difficulty = "medium"
    """How much winning over they take. `easy`: takes the first fair offer once heard.
    `medium`: says what they want before taking an offer and asks for it to be made certain
    when trust is still low. `hard`: needs what they want heard, a remedy agreed and then
    confirmed, and calms in smaller steps per reply."""
    needs: Needs = Field(default_factory=Needs)
    """What they need most from the call."""
    triggers: list[Trigger] = Field(default_factory=list)
    """What inflames them."""
    tactics: list[Tactic] = Field(default_factory=list)
    """What they resort to as anger rises."""
    lines: Lines
    """Their words for each move."""
    examples: list[Example] = Field(default_factory=list)
    """Sample replies with the expected reaction, run by `deescalate check --examples`."""

    @field_validator("tactics")
    @classmethod
    def _unique_tactics(cls, value: list[Tactic]) -> list[Tactic]:
        seen: set[str] = set()
        for tactic in value:
            if tactic.id in seen:
                raise ValueError(f"tactic {tactic.id!r} listed twice")
            seen.add(tactic.id)
        return value
