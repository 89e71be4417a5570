"""A training programme: modules a new hire works through, and the schedule they follow.

Authored as YAML in the top-level `programme/` folder (or a `programme/` folder of a user
library) and validated like personas: unknown keys are errors and every problem is reported
as `file:line:col: message`. Checks that need the persona and scenario library (drill ids,
order of difficulty) are made by `trainer.programme.loader`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator

from trainer.models.base import Strict
from trainer.models.grade import STEPS, Step
from trainer.models.record import OUTCOMES, Outcome
from trainer.models.tactics import TACTIC_IDS

HOLD_ETIQUETTE: dict[str, str] = {
    "ask_permission": "Ask before a hold and wait for the answer.",
    "give_reason": "Say why you need to hold.",
    "no_interrupting": "Wait for a pause; never cut in to hold.",
    "time_estimate": "Say how long, honestly.",
    "offer_callback": "Longer than a couple of minutes: offer a call-back instead.",
    "number_first": "Take a number before holding in case the line drops.",
    "check_back_2min": "Never over two minutes without checking in.",
    "one_hold": "At most one hold per call.",
    "thank_on_return": "Thank them for waiting, apologise, then deliver.",
    "use_name": "Use their name at the ask and the return.",
    "agent_calls_back": "Never make the caller ring back; offer to call them.",
    "never_rude": "Never rude, however angry the caller.",
    "real_hold": "Hold or mute, never an open handset.",
    "clean_transfer": "Don't shout across the room for a colleague.",
    "use_the_hold": "Come back with the answer, or a status.",
    "unavailable": "Person asked for not free: apologise, offer a call-back from them.",
}
"""Hold and transfer etiquette rules (CALL-CRAFT.md section 2), by id."""

CRAFT_IDS: frozenset[str] = TACTIC_IDS | frozenset(HOLD_ETIQUETTE)
"""What a module's `craft` may name: customer tactics and hold etiquette rules."""

DEFAULT_OUTCOMES: tuple[Outcome, ...] = ("resolved",)

Ident = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]


class Schedule(Strict):
    """When the trainee trains: an intensive start, then refreshers, and hours a year."""

    hours_per_year: float = Field(default=24, gt=0, le=2000)
    """Hours of practice each trainee should put in per programme year."""
    intensive_months: int = Field(default=4, ge=1, le=24)
    """Months of regular training days at the start."""
    days_per_month: int = Field(default=4, ge=1, le=20)
    """Training days in each of those months, spread out over the month."""
    refresher_every_months: int = Field(default=3, ge=1, le=24)
    """After the intensive months, a refresher session this many months apart, ongoing."""
    weekdays_only: bool = True
    """Move a training day that falls on a Saturday or Sunday to the Monday after."""

    @property
    def training_days(self) -> int:
        """How many training days the intensive months hold."""
        return self.intensive_months * self.days_per_month


class Drill(Strict):
    """A call that drills a module: a scenario, played by a caller."""

    scenario: Ident
    """Scenario id from `scenarios/`."""
    persona: Ident | None = None
    """Persona id from `personas/`; the scenario's default caller when left out."""


class PassMark(Strict):
    """What a trainee must show in exam mode to pass the module."""

    calls: int = Field(default=3, ge=1, le=50)
    """How many of the trainee's most recent exam-mode calls on this module's drills count."""
    due_step_pass_rate: float = Field(default=0.75, ge=0, le=1)
    """The focus steps' pass rate those calls must reach together, counting only replies
    where the step was due."""
    outcomes: list[Outcome] = Field(default_factory=lambda: list(DEFAULT_OUTCOMES), min_length=1)
    """Call outcomes that count as a good result (resolved, escalated, ...)."""
    min_good_outcomes: int = Field(default=2, ge=0, le=50)
    """How many of those calls must end in one of `outcomes`."""
    refresher_calls: int = Field(default=1, ge=1, le=50)
    """Exam calls, each reaching the pass rate with a good outcome, that complete a refresher."""

    @field_validator("outcomes")
    @classmethod
    def _known_outcomes(cls, value: list[str]) -> list[str]:
        for outcome in value:
            if outcome not in OUTCOMES:
                raise ValueError(f"unknown outcome {outcome!r}; known: {', '.join(OUTCOMES)}")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> PassMark:
        if self.min_good_outcomes > self.calls:
            raise ValueError(
                f"min_good_outcomes ({self.min_good_outcomes}) cannot exceed calls ({self.calls})"
            )
        return self


class Module(Strict):
    """One module of the programme: what it trains, the calls that drill it, how it is passed."""

    id: Ident
    """Unique id within the programme, e.g. `rapport`."""
    title: str = Field(min_length=1, max_length=80)
    """Name shown to trainees, e.g. `Building rapport`."""
    days: int = Field(default=1, ge=1, le=60)
    """Training days the schedule gives this module, in the order modules are listed."""
    focus: list[Step] = Field(min_length=1)
    """Steps of the method this module trains (`person`, `job`, `apology`, `ask`)."""
    craft: list[str] = Field(default_factory=list)
    """Call craft it covers: customer tactic ids (`you_people`, `threat_to_sue`, ...) and hold
    etiquette ids (`ask_permission`, `thank_on_return`, ...)."""
    drills: list[Drill] = Field(min_length=1)
    """Calls that drill it, easiest first (scenario difficulty may not go down)."""
    pass_mark: PassMark = Field(default_factory=PassMark)
    """What passes the module."""
    advice: str = Field(min_length=1, max_length=1200)
    """Shown to the trainee when the module starts: what to listen for, what to say."""

    @field_validator("focus")
    @classmethod
    def _unique_steps(cls, value: list[Step]) -> list[Step]:
        if len(set(value)) != len(value):
            raise ValueError("a step is listed twice")
        return sorted(value, key=STEPS.index)

    @field_validator("craft")
    @classmethod
    def _known_craft(cls, value: list[str]) -> list[str]:
        for item in value:
            if item not in CRAFT_IDS:
                raise ValueError(
                    f"unknown call craft {item!r}; use a tactic id (`deescalate check "
                    "--coverage`) or a hold etiquette id (see docs/programme.md)"
                )
        if len(set(value)) != len(value):
            raise ValueError("a craft id is listed twice")
        return value


class Programme(Strict):
    """A training programme, authored as a YAML file in `programme/`."""

    id: Ident
    """Unique id, e.g. `new-hire`; `deescalate assign --programme ID` names it."""
    title: str = Field(min_length=1, max_length=120)
    """Name shown in plans and reports."""
    description: str = Field(default="", max_length=2000)
    """What the programme is for and who takes it."""
    schedule: Schedule = Field(default_factory=Schedule)
    """When trainees train."""
    modules: list[Module] = Field(min_length=1, max_length=40)
    """The modules, in the order they are taught."""

    @field_validator("modules")
    @classmethod
    def _fits(cls, value: list[Module], info: ValidationInfo) -> list[Module]:
        seen: set[str] = set()
        for module in value:
            if module.id in seen:
                raise ValueError(f"module id {module.id!r} is used twice")
            seen.add(module.id)
        schedule = info.data.get("schedule")
        wanted = sum(m.days for m in value)
        if isinstance(schedule, Schedule) and wanted > schedule.training_days:
            raise ValueError(
                f"the modules need {wanted} training days but the schedule has "
                f"{schedule.training_days} ({schedule.intensive_months} months x "
                f"{schedule.days_per_month} days)"
            )
        return value

    def module(self, ident: str) -> Module:
        """A module by id (KeyError when there is none)."""
        for module in self.modules:
            if module.id == ident:
                return module
        raise KeyError(ident)
