"""Scripted trainees for sweeps over the library: skilled, mediocre and hostile.

Used by the simulation tests and `benchmarks/simulation_outcomes.py` to check that the
customer rewards the four steps and punishes dismissive handling across every persona and
scenario pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from trainer.library import Library
from trainer.models.persona import Persona
from trainer.models.record import Outcome
from trainer.models.scenario import Remedy, Scenario
from trainer.session import GraderLike, Session

Script = Callable[[Persona, Scenario], list[str]]


def remedy_phrase(remedy: Remedy) -> str:
    """A remedy as a trainee would offer it: its label without amounts, lower-cased start."""
    label = re.sub(r"\s*\([^)]*\)", "", remedy.label).strip().rstrip(".")
    label = label[:1].lower() + label[1:]
    if not any(k.lower() in label.lower() for k in remedy.keywords):
        label = f"{label} ({remedy.keywords[0]})"
    return label


def skilled(persona: Persona, scenario: Scenario) -> list[str]:
    """Acknowledge, apologise, ask; then offer allowed remedies as questions."""
    name = persona.address_as
    replies = [
        f"I'm so sorry, {name}. Dealing with {scenario.issue} sounds really frustrating, and "
        "I can hear how much trouble it has caused you. What can I do to put this right for you?",
    ]
    remedies: list[Remedy | None] = [*scenario.remedies] or [None]
    acks = [
        f"That makes complete sense, {name}, and I'm sorry you've had to chase this.",
        f"I understand, {name}; that has cost you time and worry, and I'm really sorry.",
        f"You're right to be upset, {name}, and I'm sorry it has come to this.",
    ]
    for i in range(6):
        remedy = remedies[i % len(remedies)]
        ack = acks[i % len(acks)]
        if remedy is None:
            offer = "What would help most right now, so I can get it started for you today?"
        elif i < len(remedies):
            offer = f"Would it help if I {remedy_phrase(remedy)} for you today?"
        else:
            offer = f"If I {remedy_phrase(remedy)} right now, would that put things right?"
        replies.append(f"{ack} {offer}")
    return replies


def hostile(persona: Persona, scenario: Scenario) -> list[str]:
    """Defend, blame, tell them to calm down, hide behind policy."""
    return [
        "Calm down. There's no need to take that tone with me.",
        "That's our policy, there's nothing I can do about it.",
        "Well, you should have read the terms and conditions before signing up.",
        "Our systems are very reliable; this is not our fault.",
        "Relax, it's really not a big deal.",
        "Go ahead and complain then, it won't change anything.",
        "That's not my department. You'll have to ring another number.",
        "Look, I've explained this already. The policy is the policy.",
        "Calm down or I will end this call.",
        "It's your own fault for not checking.",
        "Try calling back tomorrow when you've calmed down.",
        "I don't make the rules. Take it up with someone else.",
    ]


def mediocre_sorry(persona: Persona, scenario: Scenario) -> list[str]:
    """Apologises, never asks what they want or offers anything."""
    name = persona.address_as
    sorry = [
        f"I'm sorry about {scenario.issue}, {name}.",
        "I'm really sorry this has happened.",
        "I'm so sorry for all the trouble.",
        f"I'm sorry, {name}, I really am.",
        "I'm very sorry about this.",
        "I'm sorry it has gone like this.",
        "I'm so sorry.",
        "I'm really sorry about it all.",
    ]
    tails = ["", " I'll make a note of it.", " That shouldn't happen.", " Let me look at it."]
    return [s + t for t in tails for s in sorry]


def mediocre_ask(persona: Persona, scenario: Scenario) -> list[str]:
    """Asks what they want, never acknowledges or apologises, offers nothing."""
    asks = [
        "What would you like me to do?",
        "How can I help you with this?",
        "What outcome are you looking for?",
        "What can I do for you today?",
        "What would you like to happen next?",
        "How would you like me to handle it?",
        "What can I do to help?",
        "What do you need from me?",
    ]
    heads = ["", "Okay. ", "Right. ", "I see. "]
    return [h + a for h in heads for a in asks]


SCRIPTS: dict[str, Script] = {
    "skilled": skilled,
    "mediocre-sorry": mediocre_sorry,
    "mediocre-ask": mediocre_ask,
    "hostile": hostile,
}


@dataclass
class Played:
    """One scripted call's result."""

    persona: str
    scenario: str
    script: str
    outcome: Outcome | None
    anger: float
    replies: int
    moves: list[str] = field(default_factory=list)


def play_script(session: Session, replies: list[str]) -> Session:
    """Reply line by line until the call ends or the script runs out."""
    for text in replies:
        if session.ended:
            break
        session.reply(text)
    return session


def sweep(
    lib: Library,
    grader: GraderLike,
    *,
    scripts: dict[str, Script] | None = None,
    seeds: tuple[int, ...] = (1,),
) -> list[Played]:
    """Play every script against every playable persona x scenario pair."""
    results: list[Played] = []
    for p_entry in lib.playable_personas():
        for s_ident in sorted(lib.scenarios):
            scenario = lib.scenarios[s_ident].item
            for name, script in (scripts or SCRIPTS).items():
                for seed in seeds:
                    session = Session(p_entry.item, scenario, grader=grader, seed=seed)
                    play_script(session, script(p_entry.item, scenario))
                    results.append(
                        Played(
                            p_entry.item.id,
                            scenario.id,
                            name,
                            session.outcome,
                            session.mood.anger,
                            session.replies,
                            [t.move for t in session.record.turns],
                        )
                    )
    return results


def outcome_table(results: list[Played]) -> str:
    """Outcome counts and mean final anger per script, as a Markdown table."""
    from trainer.models.record import OUTCOMES

    names = list(dict.fromkeys(r.script for r in results))
    head = ["script", "calls", *OUTCOMES, "open", "mean anger", "resolved %"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        rows = [r for r in results if r.script == name]
        counts = [sum(r.outcome == o for r in rows) for o in OUTCOMES]
        still_open = sum(r.outcome is None for r in rows)
        mean = sum(r.anger for r in rows) / len(rows)
        rate = 100 * counts[0] / len(rows)
        cells = [name, str(len(rows)), *map(str, counts), str(still_open), f"{mean:.2f}"]
        lines.append("| " + " | ".join([*cells, f"{rate:.0f}%"]) + " |")
    return "\n".join(lines)
