"""Hand-built call records and a stand-in for the Session's events, for store/report tests."""

from __future__ import annotations

from dataclasses import dataclass

from trainer.models.grade import STEPS, Grade, StepVerdict
from trainer.models.record import HoldInfo, Mood, SessionRecord, Turn


@dataclass
class Event:
    """Shaped like trainer.session.SessionEvent."""

    kind: str
    record: SessionRecord
    turn: Turn | None = None


def grade(passed: str = "person job apology ask", flags: tuple[str, ...] = ()) -> Grade:
    """A grade passing the named steps; evidence and advice name the step."""
    ok = set(passed.split())
    verdicts = {
        s: StepVerdict(
            passed=s in ok,
            score=0.9 if s in ok else 0.1,
            evidence=[f"{s} evidence"] if s in ok else [f"no {s} <b>found</b>"],
            advice="" if s in ok else f"Try the {s} step & mean it.",
        )
        for s in STEPS
    }
    return Grade(**verdicts, flags=list(flags), suggested="I'm sorry. What can I do?")


def turn(
    index: int,
    reply: str,
    passed: str = "person job apology ask",
    *,
    anger: float = 5.0,
    action: str = "reply",
    flags: tuple[str, ...] = (),
    hold: HoldInfo | None = None,
) -> Turn:
    return Turn(
        index=index,
        customer=f"customer line {index}",
        action=action,  # type: ignore[arg-type]
        reply=reply,
        grade=grade(passed, flags),
        mood=Mood(anger=anger, trust=0.5, patience=4),
        move="vent",
        customer_next=f"customer answer {index}",
        hold=hold,
    )


def record(
    trainee: str = "ana",
    *,
    persona: str = "ortiz",
    scenario: str = "double-billed",
    outcome: str | None = "resolved",
    started_at: str = "2026-11-01T09:00:00+00:00",
    ended_at: str = "2026-11-01T09:05:30+00:00",
    steps: list[str] | None = None,
    seed: int = 7,
) -> SessionRecord:
    """A finished call whose replies pass the given steps, one reply per entry."""
    steps = steps if steps is not None else ["person job apology ask"]
    rec = SessionRecord(
        trainee=trainee,
        persona=persona,
        scenario=scenario,
        seed=seed,
        outcome=outcome,  # type: ignore[arg-type]
        opening="You charged me twice!",
        started_at=started_at,
        ended_at=ended_at if outcome else "",
        persona_hash="p" * 64,
        scenario_hash="s" * 64,
        app_version="0.1.0",
    )
    for i, passed in enumerate(steps):
        rec.turns.append(turn(i, f"reply {i} from {trainee}", passed, anger=max(0, 8 - 2 * i)))
    rec.final_mood = rec.turns[-1].mood if rec.turns else None
    return rec
