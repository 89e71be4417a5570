"""Shared pieces for the TUI tests: a small in-memory library and a keyword grader.

The keyword grader stands in for the model-backed grader so the Pilot tests run fast; one
test in test_tui_real_grader.py uses the real one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trainer.library import Entry, Library
from trainer.models import Grade, GradeContext, Persona, Scenario, StepVerdict

LINES: dict[str, list[str]] = {
    "vent": ["I can't believe {company} has done this to me again."],
    "restate": ["Once more: {issue}."],
    "demand": ["I want {want}, and I want it now."],
    "test": ["And how do I know you'll actually do it?"],
    "soften": ["Alright. Thank you for saying that."],
    "state_want": ["What I want is {want}."],
    "accept": ["Okay, do that. Thank you."],
    "reject": ["That's not good enough."],
    "hang_up": ["Forget it. I'm hanging up."],
    "leave": ["Close my account. We're done."],
    "hold_ok": ["Fine, but be quick."],
    "hold_return": ["Well? What did you find?"],
}


def persona_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "tess-test",
        "name": "Tess Tester",
        "address_as": "Ms Tester",
        "bio": "Pays every bill on time and hates being treated like a number.",
        "temperament": {"anger": 7, "patience": 5},
        "needs": {"vent": 2, "apology": 2, "compensation": 1},
        "triggers": [{"flag": "calm_down", "anger": 2, "say": ["Don't tell me to calm down."]}],
        "tactics": [
            {"id": "manager_demand", "at": 8.5, "lines": ["Put your manager on. Now."]},
        ],
        "lines": LINES,
    }
    data.update(changes)
    return data


def scenario_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "double-billed",
        "title": "Charged twice for one month",
        "category": "billing",
        "difficulty": 2,
        "default_persona": "tess-test",
        "brief": {
            "company": "Brightwave Energy",
            "product": "home energy plan",
            "account": ["Direct debit taken twice on 3 March: 84.20 and 84.20"],
            "summary": "The customer was charged twice for March.",
        },
        "problem": "A payment retry took the monthly direct debit twice.",
        "issue": "being charged twice this month",
        "customer_wants": "the duplicate payment back",
        "remedies": [
            {
                "id": "refund_duplicate",
                "label": "Refund the duplicate payment (84.20)",
                "keywords": ["refund"],
                "limit": 84.2,
                "value": 0.8,
            }
        ],
        "hold": {"required": True, "reason": "check the payment log", "seconds": 60},
        "turn_limit": 10,
        "opening": ["You've taken my money twice. Twice!"],
    }
    data.update(changes)
    return data


MARKUP_LINE = "[bold red]NOT BOLD[/] [link=https://example.com]click[/link] \x1b[31mred\x1b[0m"


def make_library() -> Library:
    """Three scenarios and two callers; one caller speaks in markup and escapes."""
    lib = Library()
    calm = Persona.model_validate(persona_data())
    tricky = Persona.model_validate(
        persona_data(
            id="markup-mal",
            name="Mal [bold]Markup[/bold]",
            address_as="Mr [i]Markup[/i]",
            lines={move: [MARKUP_LINE] for move in LINES},
            triggers=[{"flag": "calm_down", "anger": 2, "say": [MARKUP_LINE]}],
            tactics=[{"id": "manager_demand", "at": 8.5, "lines": [MARKUP_LINE]}],
        )
    )
    for persona in (calm, tricky):
        lib.personas[persona.id] = Entry(persona, Path(f"{persona.id}.yaml"), "bundled", "p")
    billed = Scenario.model_validate(scenario_data())
    lost = Scenario.model_validate(
        scenario_data(
            id="lost-parcel",
            title="The parcel that never came",
            category="delivery",
            difficulty=4,
            needs_authority=True,
            hold={"required": False},
            opening=["[bold]Where[/bold] is my parcel?"],
        )
    )
    # The easiest scenario sorts first, so the default one is not at the top of the list.
    shoes = Scenario.model_validate(
        scenario_data(
            id="wrong-size-shoes",
            title="Shoes in the wrong size",
            category="retail",
            difficulty=1,
            hold={"required": False},
            opening=["These shoes are two sizes too big."],
        )
    )
    for scenario in (billed, lost, shoes):
        lib.scenarios[scenario.id] = Entry(scenario, Path(f"{scenario.id}.yaml"), "bundled", "s")
    return lib


def _verdict(passed: bool, evidence: str, advice: str) -> StepVerdict:
    return StepVerdict(
        passed=passed, score=0.9 if passed else 0.1, evidence=[evidence], advice=advice
    )


class KeywordGrader:
    """Grades by keywords: enough to drive calls to every outcome in tests."""

    def __init__(self) -> None:
        self.calls = 0

    def grade(self, reply: str, context: GradeContext | None = None) -> Grade:
        self.calls += 1
        low = reply.lower()
        person = any(w in low for w in ("frustrat", "fed up", "no wonder"))
        rude = any(w in low for w in ("calm down", "policy", "idiot"))
        apology = "sorry" in low and " but " not in low and not rude
        ask = "?" in low and any(w in low for w in ("what can i", "how can i", "would it help"))
        flags = []
        if "calm down" in low:
            flags.append("calm_down")
        if "policy" in low:
            flags.append("policy_wall")
        if "idiot" in low:
            flags.append("sarcasm")
        if context is not None and context.customer_name and context.customer_name.lower() in low:
            flags.append("name_used")
        remedies = ["refund_duplicate"] if "refund" in low else []
        if remedies:
            flags.append("remedy_offered")
        return Grade(
            person=_verdict(person, reply[:30], "Name the feeling first."),
            job=_verdict(not rude, reply[:20], "Skip the policy; fix it."),
            apology=_verdict(apology, "sorry" if apology else "no apology", "Say 'I'm sorry'."),
            ask=_verdict(ask, "what can I do" if ask else "no question", "Ask what would help."),
            flags=flags,
            suggested="I'm so sorry, that's frustrating. What can I do to put it right?",
            remedies_offered=remedies,
        )


GOOD = "I'm so sorry, that's so frustrating. What can I do to put it right?"
REFUND = "I'm so sorry, no wonder you're fed up. Would it help if I refund the payment today?"
RUDE = "Calm down, idiot. That's our policy."
