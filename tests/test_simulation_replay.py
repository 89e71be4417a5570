"""500 seeded calls with a random mix of replies, holds and call-backs: no customer line refers
to a hold, a day, a time or an amount that did not happen, and every call replays exactly.

The checks here are written independently of `simulation/lines.py`: they read the finished
record the way a reviewer would. The grader runs on rules alone to keep the test quick (the
customer then hears rules and references only; the sweep tests cover meaning).
"""

from __future__ import annotations

import random
import re

import pytest

from trainer.grading import Grader
from trainer.library import Library
from trainer.models.persona import Persona
from trainer.models.record import SessionRecord
from trainer.models.scenario import Scenario
from trainer.session import Session
from trainer.simulation.scripted import PARAPHRASES, compatible_pairs

CALLS = 500
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
HOLD_HAPPENED = re.compile(r"\b(?:mute|heard all of that|cut out)\b", re.I)
HOLD_OVERRAN = re.compile(
    r"\b(?:longer|more) than (?:a|an|one|two|three|\w+ (?:minutes|seconds))", re.I
)
ECHO = re.compile(r"\b(?:lands? at|[£$]\s?\d+|\d+ (?:pounds|quid))", re.I)

GOOD = [
    "I'm so sorry, {name}. That sounds really stressful. What would help most?",
    "No wonder you're fed up, {name}. I'm sorry. What do you need from me?",
    "I can hear how worn out you are, {name}. I'm really sorry.",
]
AGREE = [
    "Yes, I can do that for you right now.",
    "Shall I go ahead with that now?",
    "Yes, I can do both.",
    "It's done: you'll get a confirmation by text shortly.",
]
QUESTIONS = [
    "Can I take your reference number?",
    "When did this start?",
    "What's the best number to reach you on?",
    "What time suits you for a call back?",
    "Is there anything else?",
]
POOR = [
    "Calm down, please.",
    "That's our policy, I'm afraid.",
    "You should have checked.",
    "I can offer you £500 to go away.",
    "How about Thursday? Or next Tuesday at 3pm, for ten pounds?",
]


def trainee(persona: Persona, scenario: Scenario, rng: random.Random) -> list[tuple[str, str]]:
    """A random mix of actions: (kind, text)."""
    plain = [f"Let me {p}." for p in PARAPHRASES.get(scenario.id, [])]
    steps: list[tuple[str, str]] = []
    held = False
    for _ in range(rng.randint(3, 12)):
        roll = rng.random()
        if held:
            steps.append(
                ("back", rng.choice(["", "Thanks for waiting.", "Thank you for holding."]))
            )
            held = False
        elif roll < 0.12:
            steps.append(("hold", rng.choice(["", "May I hold you for two minutes?", "Hold on."])))
            held = True
        elif roll < 0.18:
            steps.append(("callback", rng.choice(["", "Can I call you back this afternoon?"])))
        else:
            pool = rng.choice([GOOD, AGREE, QUESTIONS, POOR, plain or GOOD])
            steps.append(("reply", rng.choice(pool).format(name=persona.address_as)))
    return steps


def play(session: Session, steps: list[tuple[str, str]], rng: random.Random) -> None:
    for kind, text in steps:
        if session.ended:
            return
        if kind == "reply":
            session.reply(text)
        elif kind == "hold":
            seconds = rng.choice([30, 60, 120, 240])
            estimate = rng.choice(["", "60", "120", "a minute"])
            session.hold(seconds, rng.choice(["", "checking"]), estimate, text=text)
        elif kind == "back":
            session.back(text)
        else:
            session.callback(text)


def knowledge(persona: Persona, scenario: Scenario) -> str:
    return " ".join(
        [
            scenario.problem,
            scenario.issue,
            scenario.customer_wants,
            scenario.brief.summary,
            *scenario.brief.account,
            persona.bio,
        ]
    ).lower()


def out_of_context(record: SessionRecord, persona: Persona, scenario: Scenario) -> list[str]:
    """Customer lines that refer to something that did not happen in this call."""
    problems: list[str] = []
    agent = ""
    known = knowledge(persona, scenario) + " " + record.opening.lower()
    holds_done = 0
    for turn in record.turns:
        agent += " " + turn.reply.lower()
        line = turn.customer_next
        low = line.lower()
        where = f"turn {turn.index} ({turn.move}): {line!r}"
        if "{" in line or "}" in line:
            problems.append(f"unfilled slot in {where}")
        if HOLD_HAPPENED.search(line) and holds_done == 0:
            problems.append(f"refers to a hold that never happened in {where}")
        hold = turn.hold
        if turn.action == "hold" and hold is not None:
            if "you said" in low and not hold.estimate:
                problems.append(f"'you said' with no estimate given in {where}")
            if hold.estimate.isdigit() and hold.estimate in line:
                problems.append(f"reads out seconds in {where}")
        if turn.action == "back":
            holds_done += 1
            if HOLD_OVERRAN.search(line) and hold is not None and hold.seconds <= 60:
                problems.append(f"complains of an overrun after a short hold in {where}")
        for day in WEEKDAY.findall(line):
            if day.lower() not in agent and (
                turn.move in {"reject", "accept"} or day.lower() not in known
            ):
                problems.append(f"names {day} though nobody did, in {where}")
        if turn.move in {"reject", "accept", "test", "confirm"}:
            for echo in ECHO.findall(line):
                if echo.lower().startswith("land"):
                    time = low.split(echo.lower(), 1)[1].split()[0].strip(".,?!")
                    if time not in agent and {"three": "3", "two": "2"}.get(time, "?") not in agent:
                        problems.append(f"names a landing time nobody gave in {where}")
                    continue
                digits = re.findall(r"\d+", echo)
                if digits and not any(d in agent for d in digits):
                    problems.append(f"names an amount nobody offered in {where}")
        known += " " + low
    return problems


@pytest.fixture(scope="module")
def calls() -> list[tuple[Persona, Scenario, Session]]:
    lib = Library.load(use_env=False)
    grader = Grader()
    pairs = compatible_pairs(lib)
    played = []
    for seed in range(CALLS):
        persona, scenario = pairs[seed % len(pairs)]
        rng = random.Random(seed)
        session = Session(persona, scenario, grader=grader, seed=seed)
        play(session, trainee(persona, scenario, rng), rng)
        played.append((persona, scenario, session))
    return played


def test_no_out_of_context_lines_in_500_calls(
    calls: list[tuple[Persona, Scenario, Session]],
) -> None:
    problems = []
    for persona, scenario, session in calls:
        for problem in out_of_context(session.record, persona, scenario):
            problems.append(f"{persona.id} x {scenario.id} seed {session.record.seed}: {problem}")
    assert len(calls) == CALLS
    assert problems == []


def test_the_mix_reaches_holds_call_backs_and_every_outcome_kind(
    calls: list[tuple[Persona, Scenario, Session]],
) -> None:
    actions = {t.action for _p, _s, c in calls for t in c.record.turns}
    assert {"reply", "hold", "back", "callback"} <= actions
    outcomes = {c.outcome for _p, _s, c in calls}
    assert {"resolved", "churned"} <= outcomes


def test_every_call_replays_exactly(calls: list[tuple[Persona, Scenario, Session]]) -> None:
    grader = Grader()
    for persona, scenario, session in calls[::5]:
        record = SessionRecord.model_validate(session.record.model_dump())
        again = Session.replay(record, persona, scenario, grader)
        assert again.record.model_dump() == session.record.model_dump()
