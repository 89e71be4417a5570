"""What the report screen shows, gathered from a finished call record.

This only arranges numbers the Session and grader already produced (pass rates, flags, mood
after each turn, hold details); it judges nothing itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from trainer.models import FLAGS, STEP_TITLES, STEPS, SessionRecord, Step

POSITIVE_FLAGS = frozenset(
    {
        "name_used",
        "remedy_offered",
        "hold_asked_permission",
        "hold_gave_reason",
        "hold_gave_estimate",
    }
)
"""Flags that mark something done well (shown in green)."""

OUTCOME_TEXT: dict[str, str] = {
    "resolved": "Resolved: the customer accepted a fix and is staying.",
    "escalated": "Escalated: the call went to a manager.",
    "churned": "Churned: the customer is leaving for good.",
    "hung_up": "Hung up: the customer ran out of patience.",
    "safety_end": "Ended for safety after a threat.",
    "abandoned": "Abandoned: the call ended before it was settled.",
}

PRACTICE_TEXT: dict[Step, str] = {
    "person": "Name the feeling or the cost to them before anything else "
    "('Two afternoons waiting in; no wonder you're fed up').",
    "job": "Skip the why and the policy; say what you will do to fix it.",
    "apology": "Say a plain 'I'm sorry' with no 'but', 'if' or 'you feel'.",
    "ask": "Ask what would put it right ('What can I do to fix this for you?').",
}


@dataclass
class StepReport:
    """One step of the method over the whole call."""

    step: Step
    title: str
    rate: float
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)


@dataclass
class HoldCheck:
    """One hold-etiquette rule and whether it was kept (None when not known)."""

    rule: str
    kept: bool | None


@dataclass
class ReportData:
    """Everything on the report screen."""

    outcome: str
    outcome_text: str
    replies: int
    steps: list[StepReport]
    flags: list[tuple[str, int, bool]]
    """(description, count, positive)."""
    anger: list[float]
    holds: list[list[HoldCheck]]
    practise: list[str]
    final_line: str
    notes: list[str] = field(default_factory=list)
    """The Session's notes on the call (a fair or weak escalation, the turn limit...)."""


def build_report(record: SessionRecord, start_anger: float | None = None) -> ReportData:
    """Gather the report from `record`; `start_anger` is the persona's anger at the opening."""
    graded = [t for t in record.turns if t.grade is not None and t.action in ("reply", "back")]
    steps: list[StepReport] = []
    for step in STEPS:
        report = StepReport(step, STEP_TITLES[step], 0.0)
        for turn in graded:
            assert turn.grade is not None
            verdict = turn.grade.step(step)
            (report.passed if verdict.passed else report.failed).append(turn.reply)
            if not verdict.passed and verdict.advice and verdict.advice not in report.advice:
                report.advice.append(verdict.advice)
        report.rate = len(report.passed) / len(graded) if graded else 0.0
        steps.append(report)
    counts: Counter[str] = Counter()
    for turn in graded:
        assert turn.grade is not None
        counts.update(turn.grade.flags)
    # Hold flags are shown (from the hold itself) under hold etiquette, not twice.
    flags = [
        (FLAGS.get(f, f), n, f in POSITIVE_FLAGS)
        for f, n in counts.most_common()
        if not f.startswith("hold_")
    ]
    anger = [] if start_anger is None else [start_anger]
    anger.extend(t.mood.anger for t in record.turns)
    holds: list[list[HoldCheck]] = []
    for turn in record.turns:
        if turn.hold is None or turn.action != "hold":
            continue
        info = turn.hold
        holds.append(
            [
                HoldCheck("asked permission before the hold", info.asked_permission),
                HoldCheck("gave a reason", info.gave_reason),
                HoldCheck("gave a time estimate", info.gave_estimate),
                HoldCheck("checked back within two minutes", info.checked_back),
                HoldCheck("thanked them on return", info.thanked_on_return),
            ]
        )
    outcome = record.outcome or "abandoned"
    final_line = record.turns[-1].customer_next if record.turns else record.opening
    return ReportData(
        outcome=outcome,
        outcome_text=OUTCOME_TEXT.get(outcome, outcome),
        replies=len(graded),
        steps=steps,
        flags=flags,
        anger=anger,
        holds=holds,
        practise=practise_next(steps, flags, holds),
        final_line=final_line,
        notes=list(record.summary.notes),
    )


def practise_next(
    steps: list[StepReport], flags: list[tuple[str, int, bool]], holds: list[list[HoldCheck]]
) -> list[str]:
    """Three things to practise: the weakest steps first, then slips in flags and holds."""
    out: list[str] = []
    for report in sorted(steps, key=lambda r: r.rate):
        if report.failed and len(out) < 3:
            tip = report.advice[0] if report.advice else PRACTICE_TEXT[report.step]
            out.append(f"{report.title} ({report.rate:.0%} of replies): {tip}")
    for description, count, positive in flags:
        if not positive and len(out) < 3:
            out.append(f"Avoid: {description} ({count}×).")
    for checks in holds:
        for check in checks:
            if check.kept is False and len(out) < 3:
                out.append(f"On holds: {check.rule}.")
    if not out and not any(r.passed or r.failed for r in steps):
        out.append("Send at least one reply: the report grades what you say.")
    fallback = [
        "Keep the four steps in order: person, job, apology, ask.",
        "Use the customer's name at the start and at the ask.",
        "Try the same call in exam mode.",
    ]
    for tip in fallback:
        if len(out) < 3 and tip not in out:
            out.append(tip)
    return out[:3]
