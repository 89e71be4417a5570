"""Pydantic data for personas, scenarios, grades and call records."""

from trainer.models.grade import FLAGS, STEP_TITLES, STEPS, Grade, GradeContext, Step, StepVerdict
from trainer.models.persona import Persona
from trainer.models.record import OUTCOMES, Mood, Outcome, SessionRecord, Turn
from trainer.models.scenario import Scenario
from trainer.models.tactics import TACTIC_IDS, TACTICS

__all__ = [
    "FLAGS",
    "OUTCOMES",
    "STEPS",
    "STEP_TITLES",
    "TACTICS",
    "TACTIC_IDS",
    "Grade",
    "GradeContext",
    "Mood",
    "Outcome",
    "Persona",
    "Scenario",
    "SessionRecord",
    "Step",
    "StepVerdict",
    "Turn",
]
